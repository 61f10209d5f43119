"""Render real report texts as the PDF and Word files governments publish; the committed fixtures of tests/documents/.

    .venv/bin/pip install reportlab==5.1.0                  # PDF drawing (not a project dependency)
    apt-get install libreoffice-writer-nogui fonts-noto-cjk  # .doc files and a Word-style PDF export
    .venv/bin/python -m tests.documents.make_documents

Each fixture is a report of `seeds/` or `examples/corpus/texts/` (see SOURCES below) in the shape real files have:
- caidian_2020.pdf: one column, hard line breaks at the page width, a running title at the top and "— N —" at the
  bottom of every page; a font that is not embedded (STSong-Light, as many gazette PDFs); caidian_2020.docx and .doc:
  the same text in Word, with a page header and a PAGE field in the footer.
- yueyanglou_2020.pdf: two columns, a running title and "第 N 页 共 M 页"; yueyanglou_2020.docx and .doc: the text as
  pasted out of a browser-printed PDF, with Kangxi and supplement radicals instead of ordinary characters (⼈⺠).
- yuli_2025.pdf: yuli_2025.docx exported by LibreOffice, the way offices export Word files: an embedded subset of Noto
  Serif CJK, header and footer, and the extra gap LibreOffice puts between Chinese and digits (2024 年).
- scanned.pdf: the first page of yuli_2025.pdf as an image only (a scan without a text layer).
- password.pdf: a page that opens only with a password.
Fixtures stay small (tens of KB; the embedded font makes yuli_2025.pdf the largest): keep the texts short.
"""
from __future__ import annotations

import html
import io
import subprocess
import tempfile
from pathlib import Path

from tests.conftest import REPO

HERE = Path(__file__).resolve().parent
SOURCES = {  # fixture stem -> the report text it renders
    "caidian_2020": REPO / "seeds" / "002_334fe3b6dec98613.txt",
    "yueyanglou_2020": REPO / "seeds" / "004_1727077883551e02.txt",
    "yuli_2025": REPO / "examples" / "corpus" / "texts" / "county_yuli_2025.txt",
}
CID_FONT = "STSong-Light"  # one of Adobe's Chinese fonts every reader knows, so nothing is embedded
WORD_FONT = "Noto Serif CJK SC"


def paragraphs(stem: str) -> list[str]:
    return [ln.strip() for ln in SOURCES[stem].read_text(encoding="utf-8").split("\n") if ln.strip()]


def _pdf(path: Path, paras: list[str], header: str, footer, columns: int = 1, encrypt: str | None = None) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph

    pdfmetrics.registerFont(UnicodeCIDFont(CID_FONT))
    width, height = A4
    margin, gutter = 72, 24
    body = ParagraphStyle("body", fontName=CID_FONT, fontSize=14 if columns == 1 else 11, leading=24 if columns == 1
                          else 18, firstLineIndent=28 if columns == 1 else 22, wordWrap="CJK", alignment=4)
    frame_w = (width - 2 * margin - (columns - 1) * gutter) / columns
    frames = [Frame(margin + i * (frame_w + gutter), margin, frame_w, height - 2 * margin, id=f"c{i}")
              for i in range(columns)]

    def decorate(canvas, doc):
        canvas.saveState()
        canvas.setFont(CID_FONT, 10)
        canvas.drawCentredString(width / 2, height - 45, header)
        canvas.drawCentredString(width / 2, 35, footer(doc.page))
        canvas.restoreState()

    doc = BaseDocTemplate(str(path), pagesize=A4, invariant=1, encrypt=encrypt, title="", author="")
    doc.addPageTemplates([PageTemplate(frames=frames, onPage=decorate)])
    doc.build([Paragraph(html.escape(p), body) for p in paras])


def _docx(path: Path, paras: list[str], header: str) -> None:
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = WORD_FONT
    normal.font.size = Pt(14)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), WORD_FONT)
    section = doc.sections[0]
    section.header.paragraphs[0].text = header
    footer = section.footer.paragraphs[0]
    footer.add_run("— ")
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        run = footer.add_run()
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)
    footer.add_run(" —")
    for p in paras:
        doc.add_paragraph(p)
    doc.core_properties.author = ""
    doc.save(str(path))


def _soffice(source: Path, fmt: str) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", fmt,
                        "--outdir", str(source.parent), str(source)], check=True, capture_output=True)


def _with_lookalikes(text: str) -> str:
    """The text as a browser-printed PDF's text layer gives it: each character drawn by a radical's glyph named so."""
    from orchestration.parsing.lookalikes import lookalike_table

    back: dict[int, str] = {}
    for radical, ordinary in lookalike_table().items():
        if len(ordinary) == 1:
            back.setdefault(ord(ordinary), chr(radical))
    return text.translate(back)


def _scanned(path: Path, source_pdf: Path) -> None:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(source_pdf))
    image = doc[0].render(scale=100 / 72, grayscale=True).to_pil()  # 100 dpi, as a cheap office scanner
    buf = io.BytesIO()
    image.convert("1").save(buf, format="PDF", resolution=100)
    path.write_bytes(buf.getvalue())


def main() -> None:
    caidian = paragraphs("caidian_2020")
    _pdf(HERE / "caidian_2020.pdf", caidian, "蔡甸区人民政府工作报告", lambda n: f"— {n} —")
    _docx(HERE / "caidian_2020.docx", caidian, "蔡甸区人民政府工作报告")

    yueyanglou = paragraphs("yueyanglou_2020")
    _pdf(HERE / "yueyanglou_2020.pdf", yueyanglou, "政府工作报告", lambda n: f"第 {n} 页", columns=2)
    _docx(HERE / "yueyanglou_2020.docx", [_with_lookalikes(p) for p in yueyanglou], "政府工作报告")

    yuli = paragraphs("yuli_2025")
    _docx(HERE / "yuli_2025.docx", yuli, "尉犁县人民政府")
    _soffice(HERE / "yuli_2025.docx", "pdf")

    for stem in ("caidian_2020", "yueyanglou_2020"):
        _soffice(HERE / f"{stem}.docx", "doc")
    _scanned(HERE / "scanned.pdf", HERE / "yuli_2025.pdf")
    _pdf(HERE / "password.pdf", caidian[:12], "政府工作报告", lambda n: f"— {n} —", encrypt="secret")


if __name__ == "__main__":
    main()
