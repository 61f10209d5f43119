"""Reading speed of each inbox form, in the same run: bytes of a file -> the normalised text the parser reads.

Text is the five samples; PDF is 200 pages (a long provincial report) made of the PDF fixtures' pages
(tests/documents/) repeated, once with Adobe's Chinese fonts not embedded (pdfium loads their CMaps, the slower case)
and once as LibreOffice exports Word files (an embedded font subset); Word files are the fixtures. Each reader is
timed over several passes and its best pass kept (the least disturbed by other processes), as in throughput.py.
"""
from __future__ import annotations

import io
import time
from collections.abc import Callable

from tests.conftest import SAMPLES
from tests.documents.make_documents import HERE as DOCUMENTS

PDF_PAGES = 200


def long_pdf(stems: tuple[str, ...], pages: int = PDF_PAGES) -> bytes:
    """The fixtures' pages repeated to `pages` pages, one import per fixture so that pages share their fonts as the
    pages of one real file do."""
    import pypdfium2 as pdfium

    out = pdfium.PdfDocument.new()
    share = -(-pages // len(stems))
    for stem in stems:
        src = pdfium.PdfDocument(str(DOCUMENTS / f"{stem}.pdf"))
        out.import_pages(src, [i % len(src) for i in range(min(share, pages - len(out)))])
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def _best(fn: Callable[[], int], passes: int) -> tuple[float, int]:
    fn()  # start-up (the PDF reading process, dictionaries) is not reading speed
    best, chars = float("inf"), 0
    for _ in range(passes):
        t0 = time.perf_counter()
        chars = fn()
        best = min(best, time.perf_counter() - t0)
    return best, chars


def measure() -> dict[str, dict]:
    from orchestration.parsing.decode import decode_report
    from orchestration.parsing.normalize import normalize_text

    def read(files: list[bytes]) -> Callable[[], int]:
        """Reads and normalises each file; counts the characters read (the repeated pages of the long PDF are
        normalised to one copy, so the normalised text would undercount them)."""
        def characters_read() -> int:
            texts = [decode_report(data).text for data in files]
            for text in texts:
                normalize_text(text)
            return sum(map(len, texts))
        return characters_read

    forms = {
        "text (.txt, 5 samples)": ([p.read_bytes() for p in sorted(SAMPLES.glob("*.txt"))], None),
        f"PDF, {PDF_PAGES} pages, Adobe fonts not embedded": ([long_pdf(("caidian_2020", "yueyanglou_2020"))], PDF_PAGES),
        f"PDF, {PDF_PAGES} pages, exported by LibreOffice": ([long_pdf(("yuli_2025",))], PDF_PAGES),
        ".docx (3 fixtures)": ([p.read_bytes() for p in sorted(DOCUMENTS.glob("*.docx"))], None),
        ".doc (2 fixtures, antiword)": ([p.read_bytes() for p in sorted(DOCUMENTS.glob("*.doc"))], None),
    }
    out = {}
    for name, (files, pages) in forms.items():
        seconds, chars = _best(read(files), passes=3)
        out[name] = {"seconds": seconds, "chars": chars, "chars_per_second": chars / seconds,
                     "bytes": sum(map(len, files)), "pages_per_second": pages / seconds if pages else None}
    return out
