"""Lay a packet's blocks out as a PDF (fpdf2, pure Python, no system downloads).

A Unicode TrueType font is used when one is installed (DejaVu, Liberation, Noto), with a
CJK font as fallback for names in Chinese script; without one, the PDF core font is used
and characters it cannot show are replaced, never dropped silently from the metadata.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from concerted.dossiers.blocks import Block
from concerted.dossiers.packet import Packet

__all__ = ["render_pdf"]

_FONT_DIRS = (Path("/usr/share/fonts"), Path("/usr/local/share/fonts"),
              Path("/Library/Fonts"), Path("C:/Windows/Fonts"))
_REGULAR = ("truetype/dejavu/DejaVuSans.ttf", "truetype/liberation/LiberationSans-Regular.ttf",
            "DejaVuSans.ttf")
_BOLD = ("truetype/dejavu/DejaVuSans-Bold.ttf", "truetype/liberation/LiberationSans-Bold.ttf",
         "DejaVuSans-Bold.ttf")
_CJK = ("opentype/noto/NotoSansCJK-Regular.ttc", "truetype/droid/DroidSansFallbackFull.ttf",
        "truetype/wqy/wqy-microhei.ttc")


def _find(names: tuple[str, ...]) -> Path | None:
    for folder in _FONT_DIRS:
        for name in names:
            if (folder / name).is_file():
                return folder / name
    return None


class _Document(FPDF):
    def __init__(self) -> None:
        super().__init__(format="A4")
        self.family = "helvetica"
        regular, bold = _find(_REGULAR), _find(_BOLD)
        if regular and bold:
            self.add_font("body", "", str(regular))
            self.add_font("body", "B", str(bold))
            self.family = "body"
            if cjk := _find(_CJK):
                self.add_font("cjk", "", str(cjk))
                self.set_fallback_fonts(["cjk"])
        self.set_auto_page_break(True, margin=18)
        self.set_margins(20, 18, 20)

    def clean(self, text: str) -> str:
        if self.family == "body":
            return text
        return text.encode("latin-1", "replace").decode("latin-1")

    def write_block(self, block: Block) -> None:
        styles = {"title": ("B", 15, 4), "heading": ("B", 12, 3), "note": ("", 8, 2)}
        style, size, gap = styles.get(block.kind, ("", 10, 2))
        if block.kind in ("fields", "table"):
            self._rows(block)
            return
        self.set_font(self.family, style, size)
        self.multi_cell(0, size * 0.5, self.clean(block.text), new_x=XPos.LMARGIN,
                        new_y=YPos.NEXT, align="L")
        self.ln(gap)

    def _rows(self, block: Block) -> None:
        for row in block.rows:
            label, value = (row[0], " | ".join(row[1:])) if len(row) > 1 else ("", row[0])
            self.set_font(self.family, "B", 9)
            self.multi_cell(40, 5, self.clean(label), new_x=XPos.RIGHT, new_y=YPos.TOP,
                            align="L")
            self.set_font(self.family, "", 9)
            self.multi_cell(0, 5, self.clean(value), new_x=XPos.LMARGIN, new_y=YPos.NEXT,
                            align="L")
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.family, "", 8)
        self.cell(0, 6, f"{self.page_no()}", align="C")


def render_pdf(packet: Packet) -> bytes:
    pdf = _Document()
    pdf.set_title(pdf.clean(packet.title))
    pdf.set_creator("Concerted")
    pdf.add_page()
    for block in packet.blocks:
        pdf.write_block(block)
    return bytes(pdf.output())
