"""PDF, .docx and .doc versions of real reports give the facts of their .txt form; unreadable ones say why.

The fixtures in tests/documents/ are real reports rendered the way governments publish them (see
tests/documents/make_documents.py): running titles, page numbers, hard line breaks, two columns, an embedded font,
look-alike radicals.
"""

from __future__ import annotations

import io
import shutil
import zipfile
import zlib

import pytest

from orchestration.parsing import parse_report
from orchestration.parsing.decode import UnusableFile, decode_report
from orchestration.parsing.normalize import normalize_text
from orchestration.parsing.readers import document_format, limits, pdf
from tests.conftest import SAMPLES
from tests.documents.make_documents import HERE as DOCUMENTS
from tests.documents.make_documents import SOURCES

FORMS = [(stem, ext) for stem in SOURCES for ext in ("pdf", "docx", "doc") if (DOCUMENTS / f"{stem}.{ext}").exists()]


def facts(data: bytes) -> tuple:
    parsed = parse_report(normalize_text(decode_report(data).text))
    figures = sorted((f.indicator or "", f.year or 0, f.status, f.measure, f.value, f.unit, f.bound, f.is_headline)
                     for f in parsed.figures)
    m = parsed.meta
    return figures, (m.district, m.city, m.province, m.report_year, m.review_year, m.plan_year, m.title)


def test_every_fixture_form_is_there():
    assert len(FORMS) == 8  # 3 PDFs, 3 .docx, 2 .doc


@pytest.mark.parametrize(("stem", "ext"), FORMS, ids=[f"{s}.{e}" for s, e in FORMS])
def test_a_document_gives_the_facts_of_its_text(stem, ext):
    as_text = facts(SOURCES[stem].read_bytes())
    assert len(as_text[0]) >= 20  # a report with figures, so that equality means something
    assert facts((DOCUMENTS / f"{stem}.{ext}").read_bytes()) == as_text


@pytest.mark.parametrize(("stem", "ext", "source_format", "encoding"),
                         [("caidian_2020", "pdf", "pdf", None), ("caidian_2020", "docx", "docx", "utf-8"),
                          ("caidian_2020", "doc", "doc", None)])
def test_the_reader_is_named(stem, ext, source_format, encoding):
    decoded = decode_report((DOCUMENTS / f"{stem}.{ext}").read_bytes())
    assert (decoded.source_format, decoded.encoding) == (source_format, encoding)
    assert decode_report(SOURCES[stem].read_bytes()).source_format == "text"


def test_pdf_running_titles_and_page_numbers_are_gone():
    text = decode_report((DOCUMENTS / "caidian_2020.pdf").read_bytes()).text
    assert "蔡甸区人民政府工作报告" not in text and "—" not in text  # header and "— N —" of every page
    two_columns = decode_report((DOCUMENTS / "yueyanglou_2020.pdf").read_bytes()).text
    assert "第 1 页" not in two_columns and "\n政府工作报告\n" not in two_columns
    # a sentence that runs from the foot of the left column into the right one is whole again
    assert "聚焦“产业兴旺、开放包容、品质高端、生态宜居、充满活力”的现代化大城市建设要求" in two_columns


def test_word_export_gaps_between_chinese_and_digits_are_not_text():
    text = decode_report((DOCUMENTS / "yuli_2025.pdf").read_bytes()).text
    assert "预计完成地区生产总值90.82亿元,增长8%" in text


def test_antiword_is_installed():
    # dev.py installs it as root (CI runs as root); without it .doc files are rejected, see the next test
    assert shutil.which("antiword"), "apt-get install antiword"


def test_without_antiword_a_doc_file_says_which_package_to_install(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(UnusableFile) as e:
        decode_report((DOCUMENTS / "caidian_2020.doc").read_bytes())
    assert e.value.reason == ("Old Word (.doc) files need antiword, which is not installed (Debian: apt-get install "
                              "antiword).")
    assert e.value.source_format == "doc"


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _pdf_with_stream(stream: bytes) -> bytes:
    """A one-page PDF whose content stream is `stream`, compressed."""
    data = zlib.compress(stream, 9)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data)]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, obj)
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


CAIDIAN_PDF = (DOCUMENTS / "caidian_2020.pdf").read_bytes()
CAIDIAN_DOCX = (DOCUMENTS / "caidian_2020.docx").read_bytes()
REJECTED = [
    ((DOCUMENTS / "scanned.pdf").read_bytes(), "pdf",
     "The file is a scanned PDF: no text layer on 1 of its 1 pages; OCR it first."),
    ((DOCUMENTS / "password.pdf").read_bytes(), "pdf",
     "The PDF is password-protected; save a copy without the password."),
    (CAIDIAN_PDF[: len(CAIDIAN_PDF) // 2], "pdf",
     "The PDF is damaged and cannot be read (PDFium: Data format error); download it again."),
    (_pdf_with_stream(b" "), "pdf", "The PDF holds no text (its pages are empty or drawn as shapes)."),
    (_pdf_with_stream(b" " * 30_000_000), "pdf",
     "A stream of the PDF expands over 215 times (over 200 times is a PDF bomb): it was not read."),
    (CAIDIAN_DOCX[: len(CAIDIAN_DOCX) // 2], "docx",
     "The file is a damaged ZIP archive or Word file (its table of contents is missing)."),
    (_zip({"xl/workbook.xml": b"<workbook/>"}), "docx", "The file is an Excel workbook, not a report text or a Word document."),
    (_zip({"word/document.xml": b"\0" * 60_000_000}), "docx",
     "A part of the Word file expands 1,029 times (over 200 times is a zip bomb): it was not read."),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "doc",
     "The file is an old Excel or PowerPoint file, not a report text or a Word document."),
]


@pytest.mark.parametrize(("data", "source_format", "reason"), REJECTED, ids=[r[2][:40] for r in REJECTED])
def test_an_unreadable_document_is_rejected_in_one_sentence(data, source_format, reason):
    with pytest.raises(UnusableFile) as e:
        decode_report(data)
    assert (e.value.reason, e.value.source_format) == (reason, source_format)


def test_limits_on_total_expansion(monkeypatch):
    monkeypatch.setattr(limits, "MAX_INFLATED_PDF_BYTES", 1_000_000)
    with pytest.raises(UnusableFile) as e:
        limits.check_pdf_streams(_pdf_with_stream(bytes(range(256)) * 8_000))  # 2 MB that compress only ~100 times
    assert e.value.reason == "The PDF's compressed content expands to over 1 MB (a PDF bomb?): it was not read."
    monkeypatch.setattr(limits, "MAX_UNZIPPED_BYTES", 1_000_000)
    with pytest.raises(UnusableFile) as e:
        decode_report(_zip({"word/document.xml": bytes(range(256)) * 8_000}))
    assert e.value.reason == "The Word file expands to 2 MB, over the 1 MB limit (a zip bomb?): it was not read."


def test_what_no_check_sees_is_stopped_by_the_reading_process_limits(monkeypatch):
    """A bomb the stream check cannot see (here: the check switched off) costs the reading process, never ours."""
    bomb = _pdf_with_stream(b" " * 600_000_000)
    monkeypatch.setattr(pdf, "check_pdf_streams", lambda data: None)
    monkeypatch.setattr(pdf, "MEMORY_LIMIT_BYTES", 400 << 20)
    pdf._worker.close()  # the next read starts a process with the lower limit
    try:
        with pytest.raises(UnusableFile) as e:
            pdf.read_pdf(bomb)
        assert e.value.reason == ("Reading the PDF needed over 400 MB of memory or crashed the reader, and was "
                                  "stopped (a PDF bomb or a damaged file?).")
        assert pdf.read_pdf(CAIDIAN_PDF)  # a new reading process takes the next file
        monkeypatch.setattr(pdf, "TIMEOUT_SECONDS", 0.001)
        with pytest.raises(UnusableFile) as e:
            pdf.read_pdf(CAIDIAN_PDF)
        assert e.value.reason == "Reading the PDF took over 0.001 s and was stopped (a damaged or malicious file?)."
    finally:
        pdf._worker.close()


@pytest.mark.parametrize(("head", "fmt"), [
    (b"%PDF-1.7\n", "pdf"), (b"\xef\xbb\xbf junk before the header %PDF-1.4", "pdf"), (CAIDIAN_DOCX[:1024], "docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"), ("政府工作报告".encode(), None), (b"<html>", None),
])
def test_the_format_is_told_by_the_first_bytes(head, fmt):
    assert document_format(head) == fmt


_NUMBERING = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/>
    <w:suff w:val="nothing"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="(%2)"/></w:lvl>
</w:abstractNum>"""
_NUM = """<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:numId="90">
  <w:abstractNumId w:val="90"/></w:num>"""


def test_headings_numbered_by_word_itself_keep_their_numbers():
    """A sample's headings (一、 … 三、, (一) …) as Word list paragraphs whose numbers are not in their text."""
    import re

    import docx
    from docx.oxml import parse_xml

    text = (SAMPLES / "000_a501c150ba00b548.txt").read_text(encoding="utf-8")
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(_NUMBERING))
    numbering.append(parse_xml(_NUM))
    numbered = 0
    for line in text.split("\n"):
        m = re.match(r"^(?:([一二三四五六七八九十]+)、|\(([一二三四五六七八九十]+)\))", line)
        paragraph = document.add_paragraph(line[m.end():] if m else line)
        if m:
            numbered += 1
            num_pr = parse_xml('<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                               f'<w:ilvl w:val="{0 if m.group(1) else 1}"/><w:numId w:val="90"/></w:numPr>')
            paragraph._p.get_or_add_pPr().append(num_pr)
    table = document.add_table(rows=1, cols=3)
    table.rows[0].cells[0].merge(table.rows[0].cells[1]).text = "地区生产总值"
    table.rows[0].cells[2].text = "750亿元"
    buf = io.BytesIO()
    document.save(buf)
    got = decode_report(buf.getvalue()).text
    assert numbered >= 10
    assert got.split("\n")[:-1] == text.split("\n")
    assert got.split("\n")[-1] == "地区生产总值\t750亿元"  # a merged cell once, its row's cells joined by a tab


@pytest.mark.parametrize(("n", "fmt", "shown"), [
    (1, "chineseCounting", "一"), (11, "chineseCounting", "十一"), (20, "chineseCountingThousand", "二十"),
    (35, "chineseCounting", "三十五"), (5, "chineseLegalSimplified", "伍"), (3, "ideographTraditional", "丙"),
    (2, "decimalEnclosedCircleChinese", "②"), (4, "upperRoman", "IV"), (27, "lowerLetter", "aa"), (7, "decimal", "7"),
    (3, "bullet", ""),
])
def test_list_number_formats(n, fmt, shown):
    from orchestration.parsing.readers.docx_numbering import format_number

    assert format_number(n, fmt) == shown
