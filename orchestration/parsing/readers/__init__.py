"""PDF and Word files -> text, so that what governments publish reads like a plain text export.

Which reader takes a file is decided by its first bytes, never by its name: `%PDF` (PDF), a ZIP archive (a .docx is
one) or an OLE2 compound file (legacy .doc). Every reader returns plain text with one paragraph per line, which then
goes through the same normalising and parsing as a .txt file. The readers refuse what they cannot read (a scan, a
password, a damaged or malicious file) with an UnusableFile whose reason is one sentence.
"""

from __future__ import annotations

from collections.abc import Callable

MAX_DOCUMENT_BYTES = 50_000_000  # a 200-page report with its embedded fonts and photos stays well under this

_SIGNATURES = (
    (b"PK\x03\x04", "docx"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "doc"),
)


def document_format(head: bytes) -> str | None:
    """'pdf', 'docx' or 'doc' when the file's first bytes (1 KB is enough) say it is one of those, else None."""
    if b"%PDF-" in head[:1024]:  # the PDF standard allows bytes before the header; readers look in the first 1 KB
        return "pdf"
    for magic, fmt in _SIGNATURES:
        if head.startswith(magic):
            return fmt
    return None


def read_document(data: bytes, fmt: str) -> str:
    return _readers()[fmt](data)


def _readers() -> dict[str, Callable[[bytes], str]]:
    # imported on first use: a text-only inbox never loads pdfium or python-docx
    from .doc import read_doc
    from .docx import read_docx
    from .pdf import read_pdf

    return {"pdf": read_pdf, "docx": read_docx, "doc": read_doc}
