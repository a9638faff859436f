"""Command tables (issue 14): never an id or a date cut; one record per block when even
the longest words do not fit; plain text, every value whole, when not at a terminal."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from concerted.cli.output import render_table

COLUMNS = ["target_id", "snapshot", "name", "listings"]
CELLS = [["t-14960b8c2f1e", "2022-12-09", "ZHU, Hailun",
          "gb_hmt_conlist:14078; us_ofac_sdn:29219"],
         ["t-5c4bc2d450c1", "2023-02-09", "Galina DANILCHENKO, also known as Haylina",
          "au_dfat:6873"]]
WORDS = ["t-14960b8c2f1e", "t-5c4bc2d450c1", "2022-12-09", "2023-02-09",
         "gb_hmt_conlist:14078;", "us_ofac_sdn:29219", "au_dfat:6873"]


def _terminal(width: int) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=width, color_system=None), out


@pytest.mark.parametrize("width", [60, 80, 120, 200])
def test_no_id_or_date_is_ever_cut(width: int) -> None:
    console, out = _terminal(width)
    render_table(COLUMNS, CELLS, "t", console)
    text = out.getvalue()
    for word in WORDS:
        assert word in text, (width, text)
    assert "…" not in text
    assert all(len(line) <= width for line in text.splitlines())


def test_too_narrow_for_a_table_gives_one_record_per_block() -> None:
    console, out = _terminal(40)
    render_table(COLUMNS, CELLS, "t", console)
    blocks = out.getvalue().strip().split("\n\n")
    assert len(blocks) == 2 and "target_id: t-14960b8c2f1e" in blocks[0]
    assert "┃" not in out.getvalue()


def test_not_a_terminal_is_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    render_table(COLUMNS, CELLS, "t", Console(file=io.StringIO(), force_terminal=False))
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == COLUMNS and len(lines) == 3
    assert lines[1].startswith("t-14960b8c2f1e  2022-12-09  ZHU, Hailun")
    assert not any(ch in "".join(lines) for ch in "┃│━…")
