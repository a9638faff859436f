"""Plain-language labels for what people read: governments, programs, listings, dates,
judgements, list states. Pure; the one home of these words for the CLI, web, API and packets.

Ids (`gb-ghr`, `gb_hmt_conlist:14078`) stay in JSON and exports, where programs read them;
people read "United Kingdom — Global Human Rights" and "OFSI Consolidated List, group 14078".
"""

from __future__ import annotations

from datetime import date

__all__ = [
    "JURISDICTION_NAMES",
    "SOURCE_NAMES",
    "day_label",
    "judgement_label",
    "jurisdiction_name",
    "jurisdiction_short_name",
    "listed_label",
    "listing_label",
    "program_label",
    "program_short_name",
]

JURISDICTION_NAMES = {"us": "United States", "gb": "United Kingdom", "eu": "European Union",
                      "ca": "Canada", "au": "Australia", "un": "United Nations"}

GAP_SCORE_MEANING = (
    "out of 100: higher when more governments have already acted, when they acted recently "
    "and when the conduct is graver (human rights, then corruption, then cyber); halved when "
    "every government that has not acted may simply be out of date in our copy of its list")

# The short names people and the governments themselves use (programs.yaml keeps the
# instruments' full titles).
_SHORT_NAMES = {
    "us-glomag": "Global Magnitsky",
    "us-magnit": "Sergei Magnitsky Act (Russia)",
    "us-7031c": "Section 7031(c) visa bans",
    "us-cyber": "Cyber-related sanctions",
    "us-iran-hr": "Iran human rights",
    "us-hrit-ir": "Human rights abuses via IT (Iran)",
    "us-hrit-sy": "Human rights abuses via IT (Syria)",
    "us-uhrpa": "Uyghur Human Rights Policy Act",
    "us-nicaragua-nhraa": "Nicaragua Human Rights and Anticorruption Act",
    "gb-ghr": "Global Human Rights",
    "gb-gac": "Global Anti-Corruption",
    "gb-cyber": "Cyber",
    "gb-iran": "Iran (human rights)",
    "eu-ghr": "Global Human Rights",
    "eu-cyber": "Cyber-attacks",
    "ca-jvcfoa": "Sergei Magnitsky Law (JVCFOA)",
    "ca-sema": "Special Economic Measures Act regulations",
    "au-thematic": "Thematic sanctions (human rights, corruption, cyber)",
}

# (list name, what the list calls one entry) per source.
SOURCE_NAMES = {
    "us_ofac_sdn": ("OFAC SDN List", "entry"),
    "gb_hmt_conlist": ("OFSI Consolidated List", "group"),
    "gb_fcdo_uksl": ("UK Sanctions List", "reference"),
    "eu_fsf": ("EU Financial Sanctions File", "entity"),
    "eu_journal": ("EU Official Journal, Annex I of Regulation 2020/1998", "entry"),
    "ca_sema": ("Canadian Autonomous Sanctions List", "entry"),
    "au_dfat": ("DFAT Consolidated List", "reference"),
    "un_sc": ("UN Security Council Consolidated List", "reference"),
}


def jurisdiction_name(code: str) -> str:
    return JURISDICTION_NAMES.get(code, code.upper())


# How people abbreviate them in a sentence ("EU: human-rights regime only, …").
_SHORT_NAMES_OF = {"us": "US", "gb": "UK", "eu": "EU", "un": "UN"}


def jurisdiction_short_name(code: str) -> str:
    return _SHORT_NAMES_OF.get(code) or jurisdiction_name(code)


def program_short_name(program_id: str) -> str:
    """"Global Magnitsky"; a country program by its list's own word ("Russia", "SDGT")."""
    if program_id in _SHORT_NAMES:
        return _SHORT_NAMES[program_id]
    # Imported here for start-up time: the program data takes a fifth of a second to load,
    # and a command answering from kept results names no program it has not named already.
    from concerted.programs import UnknownProgram, get_program

    try:
        program = get_program(program_id)
    except UnknownProgram:
        return program_id
    if program.family is None:
        return program.name
    slug = program_id.split("-", 1)[1]
    # OFAC's program tags are upper-case codes (SDGT, RUSSIA-EO14024); the others are names.
    return slug.upper() if program.jurisdiction == "us" else slug.replace("-", " ").capitalize()


def program_label(program_id: str) -> str:
    """"United Kingdom — Global Human Rights"."""
    jurisdiction = program_id.split("-", 1)[0]
    return f"{jurisdiction_name(jurisdiction)} — {program_short_name(program_id)}"


def listing_label(source: str, key: str) -> str:
    """"OFSI Consolidated List, group 14078"; a Canadian key reads as regime, schedule, item."""
    name, noun = SOURCE_NAMES.get(source, (source, "entry"))
    if source == "ca_sema" and key.count("#") == 2:
        regime, schedule, item = key.split("#")
        return f"{name}, {regime}, schedule {schedule} item {item}"
    return f"{name}, {noun} {key}"


def day_label(day: date | str) -> str:
    """"18 Aug 2021"."""
    value = date.fromisoformat(day) if isinstance(day, str) else day
    return f"{value.day} {value.strftime('%b')} {value.year}"


def listed_label(window: str) -> str:
    """A designation date as `DateInfo.label()` gives it, in words: "before 18 Aug 2021"."""
    words = []
    for word in window.split():
        try:
            words.append(day_label(word))
        except ValueError:
            words.append(word)
    return " ".join(words)


def judgement_label(judgement: str, user: str, score: float | None = None) -> str:
    """"linked automatically (score 0.998)", "kept apart by ana@example.org"."""
    verb = {"positive": "linked", "negative": "kept apart", "unsure": "left undecided"
            }.get(judgement, judgement)
    # "reviewer" is who a person is to readers who may not see e-mail addresses.
    who = {"system": "automatically", "reviewer": "by a reviewer"}.get(user, f"by {user}")
    return f"{verb} {who}" + (f" (score {score:.3f})" if score is not None else "")
