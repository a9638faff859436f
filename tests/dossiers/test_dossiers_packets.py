"""Submission packets: the subject, allegations under the program's criteria, and only
evidence cleared for governments, read back from the PDF and DOCX themselves."""

from __future__ import annotations

import io

import pytest
from docx import Document
from dossier_world import WITNESS_SUMMARY, WITNESS_TITLE, ZHU_GB, ZHU_US, World, ingest_fixture
from pypdf import PdfReader

from concerted.dossiers import service, submissions
from concerted.dossiers.model import PROGRAMS, Level, Status


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture()
def linked(sqlite_world: World) -> World:
    for source in ("us_ofac_sdn", "gb_hmt_conlist"):
        ingest_fixture(sqlite_world.env, source)
    for key in (ZHU_US, ZHU_GB):
        service.link_listing(sqlite_world.env, sqlite_world.actors["owner"],
                             sqlite_world.dossier, *key)
    return sqlite_world


def test_australia_pdf_carries_only_what_governments_may_see(linked: World) -> None:
    _, packet, data = submissions.build(linked.env, linked.actors["editor"], linked.dossier,
                                        "au-thematic", "pdf")
    text = _flat(pdf_text(data))
    assert "ZHU Hailun" in text and "Australian Sanctions Office" in text
    assert "sanctions@dfat.gov.au" in text
    assert "Mass detention (governments account)" in text
    assert "Mass detention (public account)" in text
    # The allegation is under Australia's torture criterion, not under detention (which the
    # Australian thematic regime does not name).
    assert "right not to be subjected to torture" in text
    assert "Satellite image of the facility" in text and "Published policy directive" in text
    for secret in (WITNESS_TITLE, WITNESS_SUMMARY, "W-7", "Internal notes", "R-2",
                   "(internal account)", "(protected account)"):
        assert secret not in text
    # Programs and lists in plain words, not ids.
    assert "United States: Global Magnitsky, listed" in text
    assert "United Kingdom: Global Human Rights, listed" in text
    assert "us-glomag" not in text and "us_ofac_sdn" not in text
    assert len(packet.evidence) == 2 and len(packet.allegations) == 2


def test_docx_is_redacted_the_same_way(linked: World) -> None:
    _, _, data = submissions.build(linked.env, linked.actors["owner"], linked.dossier,
                                   "eu-ghr", "docx")
    text = docx_text(data)
    assert "ZHU Hailun" in text and "Statement of reasons" in text
    assert "Arbitrary arrests or detentions." in text  # the EU regime names detention
    assert WITNESS_TITLE not in text and "Internal notes" not in text


@pytest.mark.parametrize("program", PROGRAMS)
def test_every_program_has_a_packet(linked: World, program: str) -> None:
    packet = submissions.preview(linked.env, linked.actors["viewer"], linked.dossier, program)
    assert packet.program == program and "ZHU Hailun" in packet.text()
    assert {e for e in packet.evidence} <= {linked.evidence[Level.PUBLIC],
                                            linked.evidence[Level.GOVERNMENTS]}


def test_required_sections_are_warned_not_invented(linked: World) -> None:
    packet = submissions.preview(linked.env, linked.actors["owner"], linked.dossier, "us-glomag")
    assert any("U.S. national interest" in w for w in packet.warnings)
    subject = service.get_dossier(linked.env, linked.actors["owner"], linked.dossier).subject
    service.update_subject(linked.env, linked.actors["owner"], linked.dossier, subject.extended(
        {"national_interest": "Accountability for forced labour in supply chains."}, {}))
    packet = submissions.preview(linked.env, linked.actors["owner"], linked.dossier, "us-glomag")
    assert not packet.warnings and "forced labour in supply chains" in packet.text()


def test_status_lifecycle(linked: World) -> None:
    env, owner = linked.env, linked.actors["owner"]
    submission, _, _ = submissions.build(env, owner, linked.dossier, "ca-jvcfoa", "pdf")
    submissions.set_status(env, owner, submission, Status.SUBMITTED, "2024-02-01", "by courier")
    submissions.set_status(env, owner, submission, Status.ACKNOWLEDGED, "2024-02-20")
    with pytest.raises(ValueError, match="cannot become submitted"):
        submissions.set_status(env, owner, submission, Status.SUBMITTED)
    submissions.set_status(env, owner, submission, Status.DECLINED, "2024-06-01", "no reasons")
    view = service.get_dossier(env, owner, linked.dossier)
    record = next(s for s in view.submissions if s.id == submission)
    assert [e["status"] for e in record.events] == ["draft", "submitted", "acknowledged",
                                                   "declined"]
    assert record.events[1]["note"] == "by courier" and record.events[1]["on_date"] == "2024-02-01"
    with pytest.raises(ValueError, match="cannot become"):
        submissions.set_status(env, owner, submission, Status.WITHDRAWN)
