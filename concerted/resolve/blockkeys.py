"""The blocking keys of a record: what two records must share to be compared at all.

Pure. Keys, by kind:
- `i:` a normalised document number (passport, national id, IMO, registration, UN reference);
- `w:` a name word (after transliteration to Latin, so `陈全国` gives `w:chen`, `w:quanguo`);
- `p:` a word's metaphone, for transliteration variants (`Lukashenko`/`Lukashenka`);
- `s:` a word's consonant skeleton (`Vasiliev`/`Vasilyev`, `سعود`/`Saud`);
- `j:` the whole name's words sorted and run together (`chen quan guo` = `Chen Quanguo`);
- `b:` two words of one name, sorted (`b:ali|muhammad`): rare where each word is common;
- `y:` a birth year with a word's metaphone, so a badly spelled name still meets its namesake
  born the same year.
"""

from __future__ import annotations

from itertools import combinations

from rigour.text.phonetics import metaphone

from concerted.names.forms import NameForm
from concerted.names.latin import skeleton, strip_article
from concerted.resolve.record import Record

__all__ = ["SCHEMA_GROUPS", "record_keys", "schema_group"]

SCHEMA_GROUPS = {"Person": "person", "Organization": "org", "LegalEntity": "org",
                 "Company": "org", "Vessel": "vessel", "Airplane": "airplane"}
_MAX_BIGRAM_WORDS = 6


def schema_group(schema: str) -> str:
    """Records are only compared within a group: a person is never a company."""
    return SCHEMA_GROUPS.get(schema, schema.lower())


def _form_keys(form: NameForm, years: set[int]) -> set[str]:
    words = sorted({strip_article(t) for t in form.tokens if len(t) > 1})
    keys = {f"j:{form.sorted_compact}"}
    for word in words:
        keys.add(f"w:{word}")
        if len(word) >= 3:
            code = metaphone(word)
            keys.add(f"p:{code}")
            keys.add(f"s:{skeleton(word)}")
            keys.update(f"y:{year}:{code}" for year in years)
    if 2 <= len(words) <= _MAX_BIGRAM_WORDS:
        keys.update(f"b:{a}|{b}" for a, b in combinations(words, 2))
    return keys


def _years(record: Record) -> set[int]:
    return {d.year_from for d in record.birth_dates if not d.is_span}


def record_keys(record: Record) -> set[str]:
    years = _years(record) if record.is_person else set()
    keys = {f"i:{value}" for _, value in record.identifiers}
    for form in record.names:
        keys |= _form_keys(form, years)
    return keys
