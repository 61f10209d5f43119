"""PDF -> text with pdfium (pypdfium2), read in a separate process with a memory and time limit.

Why pdfium: on Chinese reports it reads the same text as pypdf and pdfplumber, 20 to 25 times faster (a 132-page
report: 0.36 s against 7.5 s and 9.5 s), gives each character's box (so lines are placed, see pdf_layout.py) and
marks the spaces it invents for gaps. pypdf and pdfplumber both pass on the radical look-alikes of browser-printed
PDFs (⼯作); lookalikes.py maps those back whichever reader ran. Measurements: docs/benchmark.md.

Limits, each refusing the file with its own sentence: the file size (readers.MAX_DOCUMENT_BYTES, checked before
reading), how far its zlib streams expand (limits.py: total and ratio), pages, characters of text, and for what no
check can see in advance (a bomb inside encrypted streams, a pdfium crash, a file that makes it loop) the reading
process's memory cap and a deadline.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import struct
import subprocess
import sys
import time
from pathlib import Path

from ..unusable import UnusableFile
from .limits import check_pdf_streams
from .pdf_layout import Line, layout_text

MAX_PAGES = 2_000
MAX_CHARS = 5_000_000  # characters of text; the longest reports hold a few hundred thousand
MEMORY_LIMIT_BYTES = 2 << 30  # of the reading process's address space
TIMEOUT_SECONDS = 120
SCANNED_SHARE = 0.5  # a PDF whose pages are at least this often images without text is a scan
_WORKER = Path(__file__).with_name("pdf_worker.py")


class _Worker:
    """One reading process, started on first use and reused for every PDF of this process; replaced if it dies."""

    def __init__(self) -> None:
        self.proc: subprocess.Popen | None = None

    def read(self, data: bytes) -> dict:
        if self.proc is None or self.proc.poll() is not None:
            self.proc = subprocess.Popen(
                [sys.executable, str(_WORKER), str(MEMORY_LIMIT_BYTES), str(MAX_PAGES), str(MAX_CHARS)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        proc = self.proc
        outcome = "crashed"
        try:
            proc.stdin.write(struct.pack(">Q", len(data)) + data)
            proc.stdin.flush()
            deadline = time.monotonic() + TIMEOUT_SECONDS
            header = self._read(8, deadline)
            if header is not None:
                reply = self._read(struct.unpack(">Q", header)[0], deadline)
                if reply is not None:
                    return json.loads(reply)
        except TimeoutError:
            outcome = "timeout"
        except OSError:  # a broken pipe: the process died while taking the file
            pass
        self.close()
        return {"error": outcome}

    def _read(self, n: int, deadline: float) -> bytes | None:
        """n bytes from the process, None if it ended first; TimeoutError past the deadline."""
        buf = bytearray()
        fd = self.proc.stdout.fileno()
        while len(buf) < n:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                raise TimeoutError
            chunk = os.read(fd, min(n - len(buf), 1 << 20))
            if not chunk:
                return None
            buf += chunk
        return bytes(buf)

    def close(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
        proc.wait()
        for stream in (proc.stdin, proc.stdout):
            try:
                stream.close()
            except OSError:
                pass


_worker = _Worker()
atexit.register(_worker.close)


def read_pdf(data: bytes) -> str:
    check_pdf_streams(data)
    result = _worker.read(data)
    if "error" in result:
        raise UnusableFile(_reason(result), "pdf")
    pages = result["pages"]
    textless = [p for p in pages if not any(ln[0].strip() for ln in p["lines"])]
    scanned = sum(1 for p in textless if p["images"])
    if pages and scanned and len(textless) >= SCANNED_SHARE * len(pages):
        raise UnusableFile(f"The file is a scanned PDF: no text layer on {len(textless)} of its {len(pages)} pages; "
                           "OCR it first.", "pdf")
    if len(textless) == len(pages):
        raise UnusableFile("The PDF holds no text (its pages are empty or drawn as shapes).", "pdf")
    return layout_text([[Line(*ln) for ln in p["lines"]] for p in pages], [p["width"] for p in pages])


def _reason(result: dict) -> str:
    error, detail = result["error"], result.get("detail")
    if error == "password":
        return "The PDF is password-protected; save a copy without the password."
    if error == "damaged":
        return f"The PDF is damaged and cannot be read ({detail}); download it again."
    if error == "pages":
        return f"The PDF has {detail:,} pages, more than the {MAX_PAGES:,} a report could have: it was not read."
    if error == "chars":
        return f"The PDF holds over {MAX_CHARS:,} characters of text, far more than a report: it was not read."
    if error == "timeout":
        return f"Reading the PDF took over {TIMEOUT_SECONDS} s and was stopped (a damaged or malicious file?)."
    return (f"Reading the PDF needed over {MEMORY_LIMIT_BYTES >> 20:,} MB of memory or crashed the reader, and was "
            "stopped (a PDF bomb or a damaged file?).")
