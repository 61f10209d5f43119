"""Word 2007+ (.docx) -> text with python-docx: the body's paragraphs and table rows in document order.

Page headers and footers live in parts of their own, so the body never holds them. Table cells of a row are
joined by a tab, as the HTML reader does with <td>. Numbers Word puts before a paragraph itself (一、, (一)) are
written out (docx_numbering.py): headings need them.
"""

from __future__ import annotations

import io
import zipfile

from ..unusable import UnusableFile
from .docx_numbering import Numbering
from .limits import check_zip


def read_docx(data: bytes) -> str:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UnusableFile("The file is a damaged ZIP archive or Word file (its table of contents is missing).",
                           "docx") from None
    with zf:
        check_zip(zf, "docx")
        names = set(zf.namelist())
        if "word/document.xml" not in names:
            kind = ("an Excel workbook" if "xl/workbook.xml" in names else
                    "a PowerPoint file" if "ppt/presentation.xml" in names else "a ZIP archive")
            raise UnusableFile(f"The file is {kind}, not a report text or a Word document.", "docx")
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as e:  # noqa: BLE001 - a broken part raises zipfile's, lxml's or python-docx's own errors
        raise UnusableFile(f"The Word file is damaged and cannot be read ({type(e).__name__}).", "docx") from None
    numbering = Numbering(document)
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_rows(block, numbering))
        else:
            lines.append(numbering.label(block) + block.text)
    return "\n".join(lines)


def _table_rows(table, numbering: Numbering) -> list[str]:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell repeats in every column it spans
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(t for p in cell.paragraphs if (t := (numbering.label(p) + p.text).strip())))
        rows.append("\t".join(cells))
    return rows
