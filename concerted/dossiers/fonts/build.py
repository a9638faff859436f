"""Rebuild the bundled fonts from Debian's Noto packages (a maintainer's tool, not run by
the application): `apt-get install fonts-noto-core fonts-noto-cjk`, then
`python -m concerted.dossiers.fonts.build [shared/data/lists ...]`.

Every font loses its hinting (a PDF viewer does not use TrueType instructions) and the
Chinese/Japanese/Korean face keeps only the characters names are written in: the
GB 2312 hanzi (simplified), Big5 level 1 (frequent traditional), KS X 1001 Hangul
syllables, JIS X 0208 level 1 kanji, kana and CJK punctuation, and every character of
the lists passed on the command line. The whole face is 19 MB (65,535 glyphs); this
subset is about 4.7 MB, so the repository and the wheel stay small.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

__all__ = ["build", "cjk_characters"]

HERE = Path(__file__).resolve().parent
CORE = Path("/usr/share/fonts/truetype/noto")
CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
CJK_SC = 2  # the collection's "Noto Sans CJK SC" face (PRC glyph forms)
CJK_FILE = "NotoSansCJKsc-Regular-subset.ttf"
# Latin, Greek and Cyrillic (regular and bold), then one face per script the lists use.
WHOLE = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansArabic-Regular.ttf",
         "NotoSansHebrew-Regular.ttf", "NotoSansArmenian-Regular.ttf",
         "NotoSansGeorgian-Regular.ttf", "NotoSansThai-Regular.ttf",
         "NotoSansMyanmar-Regular.ttf", "NotoSansEthiopic-Regular.ttf")
# (codec, lead bytes, trail bytes): the double-byte tables of each character set.
_TABLES = (("gb2312", range(0xB0, 0xF8), range(0xA1, 0xFF)),  # GB 2312 hanzi
           ("big5", range(0xA4, 0xC7), range(0x40, 0xFF)),  # Big5 level 1
           ("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF)),  # KS X 1001 Hangul
           ("euc_jp", range(0xB0, 0xD0), range(0xA1, 0xFF)))  # JIS X 0208 level 1
_RANGES = ((0x3000, 0x30FF), (0xFF00, 0xFFEF))  # CJK punctuation, kana, full-width forms


def _table(codec: str, lead: Iterable[int], trail: range) -> set[str]:
    found = set()
    for a in lead:
        for b in trail:
            try:
                text = bytes([a, b]).decode(codec)
            except UnicodeDecodeError:
                continue
            if len(text) == 1:
                found.add(text)
    return found


_HAN_HANGUL = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF),
               (0x20000, 0x3134F))


def _from_lists(paths: Iterable[Path]) -> set[str]:
    """The Han and Hangul characters of the text files (XML, CSV) among `paths`."""
    found: set[str] = set()
    for path in paths:
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        for file in files:
            try:
                text = file.read_bytes().decode("utf-8")
            except UnicodeDecodeError:  # a workbook or a legacy encoding: no CJK to take
                continue
            found |= {c for c in set(text)
                      if any(low <= ord(c) <= high for low, high in _HAN_HANGUL)}
    return found


def cjk_characters(lists: Iterable[Path] = ()) -> set[int]:
    chars = set().union(*(_table(*t) for t in _TABLES), _from_lists(lists))
    chars |= {chr(c) for low, high in _RANGES for c in range(low, high + 1)}
    return {ord(c) for c in chars}


def _save(font: TTFont, unicodes: Iterable[int] | None, target: Path) -> None:
    options = subset.Options()
    options.hinting = False
    options.layout_features = ["*"]  # Arabic joining forms, ligatures, marks
    options.name_IDs = ["*"]  # copyright and licence notices stay in the file
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=list(unicodes if unicodes is not None
                                      else font.getBestCmap()))
    subsetter.subset(font)
    font.save(target)


def to_truetype(font: TTFont) -> None:
    """CFF outlines to TrueType (quadratic) ones, after fontTools' otf2ttf snippet: fpdf2
    embeds a CID-keyed CFF face with its own encoding CMap that text extractors (pypdf)
    cannot read, so names in it could not be searched or copied from the PDF."""
    order, glyphs = font.getGlyphOrder(), font.getGlyphSet()
    font["loca"], font["glyf"] = newTable("loca"), newTable("glyf")
    glyf = font["glyf"]
    glyf.glyphOrder, glyf.glyphs = order, {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    for table in ("CFF ", "VORG"):
        if table in font:
            del font[table]
    glyf.compile(font)
    for name in order:
        width, _ = font["hmtx"][name]
        font["hmtx"][name] = (width, getattr(glyf.glyphs[name], "xMin", 0))
    font["maxp"] = _maxp(font)
    font["post"].formatType, font["post"].extraNames, font["post"].mapping = 3.0, [], {}
    font.sfntVersion = "\x00\x01\x00\x00"


def _maxp(font: TTFont) -> object:
    maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
                  "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
                  "maxComponentElements"):
        setattr(maxp, field, 1 if field == "maxZones" else 0)
    maxp.compile(font)
    return maxp


def build(lists: Iterable[Path] = ()) -> None:
    for name in WHOLE:
        _save(TTFont(CORE / name), None, HERE / name)
    font = TTFont(CJK, fontNumber=CJK_SC)
    _save(font, cjk_characters(lists), HERE / CJK_FILE)
    font = TTFont(HERE / CJK_FILE)
    to_truetype(font)
    font.save(HERE / CJK_FILE)


if __name__ == "__main__":
    build(Path(p) for p in sys.argv[1:])
