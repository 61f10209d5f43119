"""Reading speed of each inbox form, in the same run: bytes of a file -> the normalised text the parser reads.

Text is the five samples; PDF is a 200-page file made of the PDF fixtures' pages (tests/documents/) repeated, the
size of a long provincial report; Word files are the fixtures. Each reader is timed over several passes and its
best pass kept (the least disturbed by other processes), as in throughput.py.
"""
from __future__ import annotations

import io
import time
from collections.abc import Callable

from tests.conftest import SAMPLES
from tests.documents.make_documents import HERE as DOCUMENTS

PDF_PAGES = 200


def long_pdf(pages: int = PDF_PAGES) -> bytes:
    import pypdfium2 as pdfium

    sources = [pdfium.PdfDocument(str(DOCUMENTS / f"{stem}.pdf")) for stem in ("caidian_2020", "yueyanglou_2020",
                                                                                "yuli_2025")]
    out = pdfium.PdfDocument.new()
    while len(out) < pages:
        for src in sources:
            out.import_pages(src, list(range(min(len(src), pages - len(out)))))
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def _best(fn: Callable[[], str], passes: int) -> tuple[float, int]:
    fn()  # start-up (the PDF reading process, dictionaries) is not reading speed
    best, chars = float("inf"), 0
    for _ in range(passes):
        t0 = time.perf_counter()
        chars = len(fn())
        best = min(best, time.perf_counter() - t0)
    return best, chars


def measure() -> dict[str, dict]:
    from orchestration.parsing.decode import decode_report
    from orchestration.parsing.normalize import normalize_text

    def read(files: list[bytes]) -> Callable[[], str]:
        return lambda: "".join(normalize_text(decode_report(data).text) for data in files)

    forms = {
        "text (.txt, 5 samples)": ([p.read_bytes() for p in sorted(SAMPLES.glob("*.txt"))], None),
        f"PDF ({PDF_PAGES} pages)": ([long_pdf()], PDF_PAGES),
        ".docx (3 fixtures)": ([p.read_bytes() for p in sorted(DOCUMENTS.glob("*.docx"))], None),
        ".doc (2 fixtures, antiword)": ([p.read_bytes() for p in sorted(DOCUMENTS.glob("*.doc"))], None),
    }
    out = {}
    for name, (files, pages) in forms.items():
        seconds, chars = _best(read(files), passes=3)
        out[name] = {"seconds": seconds, "chars": chars, "chars_per_second": chars / seconds,
                     "bytes": sum(map(len, files)), "pages_per_second": pages / seconds if pages else None}
    return out
