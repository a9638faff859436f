"""What a match request asks, and the limits that keep one request cheap. Pure.

A query is an FtM-like entity (a schema and properties, each a list of values), as yente's
`POST /match/{dataset}` takes it; `concerted match` builds the same from its options. The
caps bound the work one request can ask for (issue 15: one large anonymous request used to
hold the server for seconds): every name is looked up in the index and its candidates
scored, so names are what costs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from concerted.model import Identifier, Listing, Name

__all__ = [
    "DEFAULT_LIMIT",
    "DEFAULT_THRESHOLD",
    "MAX_NAMES",
    "MAX_NAMES_PER_REQUEST",
    "MAX_QUERIES",
    "MAX_VALUES",
    "MAX_VALUE_LENGTH",
    "MatchQuery",
    "QueryError",
    "check_query",
    "check_request",
    "dataset_sources",
    "query_from_options",
]

DEFAULT_LIMIT = 5  # yente's
DEFAULT_THRESHOLD = 0.7  # a result at or above this is a `match`
MAX_QUERIES = 20  # entities in one request
MAX_NAMES = 10  # names and aliases of one entity
MAX_NAMES_PER_REQUEST = 50
MAX_VALUES = 20  # values of any one property
MAX_VALUE_LENGTH = 200  # characters of one value; no listed name is longer

_NAME_PROPS = ("name", "alias")
_ID_PROPS = ("idNumber", "passportNumber", "registrationNumber", "imoNumber", "taxNumber")


class QueryError(ValueError):
    """A request beyond the caps, or without a name; the message names the parameter."""


@dataclass(frozen=True)
class MatchQuery:
    schema: str = "Person"
    properties: Mapping[str, Sequence[str]] = field(default_factory=dict)

    @property
    def names(self) -> list[str]:
        return [n for p in _NAME_PROPS for n in self.properties.get(p, ()) if n.strip()]

    def as_listing(self) -> Listing:
        """The query as a listing of its own, so the scorer compares like with like."""
        props = self.properties
        names = self.names
        schema = "Person" if self.schema == "Person" else (
            self.schema if self.schema in ("Vessel", "Airplane") else "Organization")

        def values(*keys: str) -> tuple[str, ...]:
            return tuple(v for k in keys for v in props.get(k, ()))

        return Listing(
            source="query", key="query", schema=schema, name=names[0] if names else "",
            names=tuple(Name(n, "alias") for n in names[1:]),
            birth_dates=values("birthDate", "incorporationDate"),
            nationalities=values("nationality", "country", "jurisdiction"),
            citizenships=values("citizenship"),
            gender=next(iter(props.get("gender", ())), None),
            identifiers=tuple(Identifier(p, v) for p in _ID_PROPS for v in props.get(p, ())))


def query_from_options(names: Sequence[str], birth_dates: Sequence[str] = (),
                       nationalities: Sequence[str] = (), schema: str = "Person") -> MatchQuery:
    """What `concerted match --name … --birth-date … --nationality …` asks."""
    props = {"name": list(names), "birthDate": list(birth_dates),
             "nationality": list(nationalities)}
    return MatchQuery(schema, {k: v for k, v in props.items() if v})


def check_query(key: str, query: MatchQuery) -> int:
    """The number of names the query asks for; QueryError when it is beyond a cap."""
    for prop, values in query.properties.items():
        if len(values) > MAX_VALUES:
            raise QueryError(f"queries.{key}.properties.{prop}: at most {MAX_VALUES} values")
        for value in values:
            if len(value) > MAX_VALUE_LENGTH:
                raise QueryError(f"queries.{key}.properties.{prop}: a value is longer than "
                                 f"{MAX_VALUE_LENGTH} characters")
    names = query.names
    if not names:
        raise QueryError(f"queries.{key}.properties.name: give at least one name")
    if len(names) > MAX_NAMES:
        raise QueryError(f"queries.{key}.properties: at most {MAX_NAMES} names and aliases "
                         "per query")
    return len(names)


def check_request(queries: Mapping[str, MatchQuery]) -> int:
    """The names a whole request asks for, checked against every cap."""
    if not queries:
        raise QueryError("queries: give at least one query")
    if len(queries) > MAX_QUERIES:
        raise QueryError(f"queries: at most {MAX_QUERIES} per request, got {len(queries)}")
    total = sum(check_query(key, query) for key, query in queries.items())
    if total > MAX_NAMES_PER_REQUEST:
        raise QueryError(f"queries: at most {MAX_NAMES_PER_REQUEST} names per request, "
                         f"got {total}")
    return total


def dataset_sources(jurisdictions: Mapping[str, str], dataset: str) -> frozenset[str] | None:
    """The sources a dataset name stands for: `default` every one; a source id; or a
    jurisdiction code (all its lists). None when unknown. `jurisdictions`: source -> code."""
    if dataset == "default":
        return frozenset(jurisdictions)
    if dataset in jurisdictions:
        return frozenset({dataset})
    chosen = frozenset(s for s, j in jurisdictions.items() if j == dataset)
    return chosen or None
