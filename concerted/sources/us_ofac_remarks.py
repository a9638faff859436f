"""The free-text Remarks of OFAC's legacy files, split into structured facts.

A remark is a `;`-separated run of facts, each `<label> <value>` with an optional `alt. `
prefix for a further value of the same kind: `DOB Jan 1958; POB Lianshui, Jiangsu, China;
Gender Male; Passport E12345 (China); a.k.a. 'X'; Linked To: NAME.` The labels come from
OFAC's controlled vocabulary (us_ofac_sdn.yml). Free text such as "Member of the State
Duma..." repeats the Title column and is dropped; anything else unknown is kept as a note.

Remarks are cut at 1,000 characters in sdn.csv; the rest is in sdn_comments.csv. When that
file is absent the last, cut-off fact is kept as a note only, never parsed into a half
passport number or half name.
"""

from __future__ import annotations

from concerted.sources.us_ofac_facts import Facts, text_effect

__all__ = ["CUT_MARK", "REMARKS_LIMIT", "parse_remarks"]

REMARKS_LIMIT = 1000  # the width of the Remarks field in OFAC's data specification
CUT_MARK = "[cut off] "
_ALT = ("alt. ", "Alt. ", "ALT. ")  # a further value of the same kind


def parse_remarks(
    text: str, facts: Facts, *, truncated: bool = False, known: frozenset[str] = frozenset()
) -> tuple[int, int]:
    """File the facts of one remark into `facts`; returns (facts recognised, facts seen).

    `known` holds facts already taken from elsewhere (the Title column's parts), which the
    remark repeats.
    """
    text = text.strip()
    if not truncated and text.endswith("."):
        text = text[:-1]  # the period closes the whole remark, not its last value
    parts = [stripped for part in text.split(";") if (stripped := part.strip())]
    cut = parts.pop() if truncated and parts else None
    recognised = 0
    values, notes = facts.values, facts.values.setdefault("notes", [])
    for part in parts:
        if known and (part in known or part + "." in known):
            recognised += 1
            continue
        # Facts.add_text, inlined: this loop runs 60,000 times per file.
        effect = text_effect(part[5:].lstrip() if part.startswith(_ALT) else part)
        if effect is None:
            notes.append(part)
        elif effect[0] == "gender":
            facts.gender = str(effect[1])
            recognised += 1
        else:
            values.setdefault(effect[0], []).append(effect[1])
            recognised += effect[0] != "notes"
    if cut is not None:
        notes.append(CUT_MARK + cut)
    if not notes:
        del values["notes"]
    return recognised, len(parts) + (cut is not None)
