"""Packets in every script: names in Arabic, Persian, Chinese and Cyrillic letters, taken
from the real list excerpts, come back out of the submission PDF as the same letters (read
with pypdf), never as "?", whatever fonts the machine has: the fonts ship with the package.
"""

from __future__ import annotations

import io
import re
import unicodedata
from pathlib import Path

import pytest
from dossier_world import FIXTURES, World
from fontTools.ttLib import TTFont
from pypdf import PdfReader

from concerted.dossiers import service, submissions
from concerted.dossiers.model import Subject
from concerted.dossiers.render_pdf import FONTS
from concerted.model import Listing
from concerted.sources import gb_hmt_conlist, un_sc

_UN = FIXTURES / "un_sc" / "consolidated-excerpt.xml"
_UK = FIXTURES / "gb_hmt_conlist" / "ConList.csv"
_RTL = re.compile(r"[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]")
# (list file, key, script): one listing per script the issue names.
CASES = {"arabic": (_UN, "TAi.005"),  # محمد طاهر أنوري
         "persian": (_UK, "11241"),  # سپاه قدس (IRGC Qods Force: Persian پ)
         "chinese": (_UN, "KPi.035"),  # Jin Tiesan (金铁三)
         "cyrillic": (_UK, "13919")}  # ЛУКАШЕНКО, Виктор Александрович


def _listings(path: Path) -> dict[str, Listing]:
    parser = un_sc if path == _UN else gb_hmt_conlist
    return {item.key: item for item in parser.parse({path.name: path.read_bytes()}).listings}


def _subject(*listings: Listing) -> Subject:
    """The subject as an advocate would copy it from the lists: every name each listing
    gives, the first listing's primary name first."""
    names = list(dict.fromkeys(n.value for item in listings for n in item.names))
    return Subject(listings[0].name, listings[0].schema,
                   tuple(n for n in names if n != listings[0].name))


def _pdf(world: World, subject: Subject) -> str:
    dossier = service.create_dossier(world.env, world.actors["owner"], "Rights Watch", subject)
    _, _, data = submissions.build(world.env, world.actors["owner"], dossier, "au-thematic",
                                   "pdf")
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return " ".join(text.split())  # a long alias list wraps across lines


def _as_read(name: str) -> str:
    """A PDF holds right-to-left words in the order they are seen (left to right), so a
    text extractor gives an Arabic-script name's words last to first, each word intact."""
    return " ".join(reversed(name.split())) if _RTL.search(name) else name


def _foreign(subject: Subject) -> list[str]:
    return [n for n in subject.names() if re.search(r"[^\x00-\u024F\u2000-\u206F]", n)]


@pytest.mark.parametrize("script", CASES)
def test_a_packet_holds_a_name_in_its_own_script(sqlite_world: World, script: str) -> None:
    path, key = CASES[script]
    subject = _subject(_listings(path)[key])
    names = _foreign(subject)
    assert names, f"{key} carries no name outside Latin script"
    text = _pdf(sqlite_world, subject)
    for name in names:
        assert _as_read(name) in text, (name, text)
    assert "?" not in text


def test_one_packet_holds_arabic_and_chinese_names(sqlite_world: World) -> None:
    # No listing spells one subject in both scripts; this dossier's subject carries the names
    # of UN TAi.005 and KPi.035 so that one PDF switches between both fallback faces.
    un = _listings(_UN)
    subject = _subject(un["TAi.005"], un["KPi.035"])
    text = _pdf(sqlite_world, subject)
    assert "أنوري طاهر محمد" in text  # محمد طاهر أنوري, seen right to left
    assert "金铁三" in text and "MUHAMMAD TAHER ANWARI" in text
    assert all(_as_read(name) in text for name in subject.names()), text
    assert "?" not in text


def _drawn() -> set[int]:
    drawn: set[int] = set()
    for path in FONTS.glob("*.ttf"):
        with TTFont(path, lazy=True) as font:
            drawn |= set(font.getBestCmap())
    return drawn


def test_the_bundled_fonts_draw_every_name_in_the_list_excerpts() -> None:
    drawn = _drawn()
    missing = {c for path in (_UN, _UK) for item in _listings(path).values()
               for n in item.names for c in n.value
               if ord(c) not in drawn and unicodedata.category(c)[0] in "LMNPS"}
    assert not missing, sorted(f"U+{ord(c):04X} {unicodedata.name(c, '?')}" for c in missing)


def test_the_fonts_and_their_licence_ship_in_the_package() -> None:
    pyproject = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text()
    assert '"dossiers/fonts/*.ttf"' in pyproject and '"dossiers/fonts/OFL.txt"' in pyproject
    assert "SIL Open Font License" in (FONTS / "OFL.txt").read_text()
