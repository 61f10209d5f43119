"""A folder mixing .txt, .html, .pdf, .docx and .doc versions of the same real reports builds with equal facts per
report; scans, passwords and damaged files are rejected with one sentence each (issue 14). One build."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.documents.make_documents import HERE as DOCUMENTS
from tests.documents.make_documents import SOURCES
from tests.ops.build import query, run_build
from tests.ops.inputs import gov_web_page, write

pytestmark = pytest.mark.slow
FORMS = {"txt": "text", "html": "html", "pdf": "pdf", "docx": "docx", "doc": "doc"}
REJECTED = {
    "scanned.pdf": "The file is a scanned PDF: no text layer on 1 of its 1 pages; OCR it first.",
    "password.pdf": "The PDF is password-protected; save a copy without the password.",
    "cut_off.pdf": "The PDF is damaged and cannot be read (PDFium: Data format error); download it again.",
}


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("documents")
    inbox = root / "inbox"
    for stem, source in SOURCES.items():
        text = source.read_text(encoding="utf-8")
        write(inbox / stem / f"{stem}.txt", text.encode("utf-8"))
        write(inbox / stem / f"{stem}.html", gov_web_page(text).encode("utf-8"))
        for ext in ("pdf", "docx", "doc"):
            if (DOCUMENTS / f"{stem}.{ext}").exists():
                shutil.copy(DOCUMENTS / f"{stem}.{ext}", inbox / stem / f"{stem}.{ext}")
    shutil.copy(DOCUMENTS / "scanned.pdf", inbox / "scanned.pdf")
    shutil.copy(DOCUMENTS / "password.pdf", inbox / "password.pdf")
    whole = (DOCUMENTS / "caidian_2020.pdf").read_bytes()
    write(inbox / "cut_off.pdf", whole[: len(whole) * 2 // 3])  # a download that stopped
    run_build(inbox, root / "w.duckdb")
    return root / "w.duckdb"


def _facts(warehouse: Path, report_id: str) -> tuple:
    figures = query(warehouse, "select indicator, year, status, measure, value, unit, bound from raw.figures "
                               "where report_id = ? order by all", report_id)
    meta = query(warehouse, "select district, city, review_year, plan_year, title from raw.reports "
                            "where report_id = ?", report_id)
    return figures, meta


def test_every_form_of_a_report_gives_its_facts(warehouse):
    files = {f: (status, rid, fmt) for f, status, rid, fmt in query(
        warehouse, "select source_file, status, report_id, source_format from raw.report_files")}
    for stem in SOURCES:
        status, text_report, fmt = files[f"{stem}/{stem}.txt"]
        expected = _facts(warehouse, text_report)
        assert len(expected[0]) >= 20 and expected[1]
        forms = [ext for ext in FORMS if f"{stem}/{stem}.{ext}" in files]
        assert len(forms) >= 4, forms
        for ext in forms:
            status, report_id, fmt = files[f"{stem}/{stem}.{ext}"]
            # the same text as another form is a duplicate of it, which carries the same facts by construction
            assert status in ("accepted", "duplicate"), (stem, ext, status)
            assert fmt == FORMS[ext], (stem, ext)
            assert _facts(warehouse, report_id) == expected, (stem, ext)


def test_dim_reports_names_the_reader(warehouse):
    rows = dict(query(warehouse, "select source_file, source_format from marts.dim_reports"))
    assert len(rows) >= len(SOURCES)
    assert {FORMS[name.rsplit(".", 1)[1]] for name in rows} == set(rows.values()) >= {"doc", "docx"}
    for name, fmt in rows.items():
        assert fmt == FORMS[name.rsplit(".", 1)[1]], name


def test_unreadable_documents_are_rejected_with_their_reason(warehouse):
    rows = {f: (reason, fmt) for f, reason, fmt in query(
        warehouse, "select source_file, reason, source_format from marts.rejected_files where status = 'rejected'")}
    assert rows == {name: (reason, "pdf") for name, reason in REJECTED.items()}
