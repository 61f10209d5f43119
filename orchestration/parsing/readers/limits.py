"""Size and ratio limits that refuse a compression bomb before anything is expanded in memory.

A real report's Word file holds a few MB of XML that compresses 5 to 20 times; a bomb declares gigabytes that
compress a thousand times. Python's zipfile never returns more than an entry's declared size (and then fails its
CRC check), so checking the declared sizes bounds what python-docx can load.
"""

from __future__ import annotations

import re
import zipfile
import zlib

from ..unusable import UnusableFile

MAX_UNZIPPED_BYTES = 100_000_000  # all entries of a .docx together, expanded
MAX_ENTRIES = 10_000
MAX_RATIO = 200  # expanded / compressed, judged once an entry or a stream expands past RATIO_FLOOR
RATIO_FLOOR = 5_000_000
MAX_INFLATED_PDF_BYTES = 200_000_000  # a 200-page report's streams expand to a few tens of MB


def check_zip(zf: zipfile.ZipFile, fmt: str) -> None:
    infos = zf.infolist()
    if len(infos) > MAX_ENTRIES:
        raise UnusableFile(f"The Word file holds {len(infos):,} parts, more than {MAX_ENTRIES:,}: it was not read.",
                           fmt)
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED_BYTES:
        raise UnusableFile(f"The Word file expands to {total / 1e6:,.0f} MB, over the {MAX_UNZIPPED_BYTES / 1e6:g} MB "
                           "limit (a zip bomb?): it was not read.", fmt)
    for i in infos:
        if i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            raise UnusableFile(f"A part of the Word file expands {i.file_size / max(i.compress_size, 1):,.0f} times "
                               f"(over {MAX_RATIO} times is a zip bomb): it was not read.", fmt)


_STREAM = re.compile(rb"stream\r?\n")


def check_pdf_streams(data: bytes) -> None:
    """Expand every zlib stream of the file without keeping it, and refuse the file when they expand too far.

    Counts in chunks, so a bomb costs time in proportion to the limit, never memory. Streams of an encrypted PDF are
    not zlib data until decrypted; the reading process's memory limit (pdf.py) covers those.
    """
    total = 0
    for m in _STREAM.finditer(data):
        start = m.end()
        if data[start:start + 1] != b"\x78":  # every zlib stream opens with 0x78
            continue
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        stream_total = 0
        inflater = zlib.decompressobj()
        chunk = data[start:end]
        try:
            while chunk:
                stream_total += len(inflater.decompress(chunk, 1 << 20))
                chunk = inflater.unconsumed_tail
                _check_inflation(total + stream_total, stream_total, end - start)
                if inflater.eof:
                    break
        except zlib.error:
            pass  # not zlib data after all (an image, an encrypted stream): pdfium judges it
        total += stream_total


def _check_inflation(total: int, stream: int, compressed: int) -> None:
    if total > MAX_INFLATED_PDF_BYTES:
        raise UnusableFile(f"The PDF's compressed content expands to over {MAX_INFLATED_PDF_BYTES / 1e6:g} MB (a PDF "
                           "bomb?): it was not read.", "pdf")
    if stream > RATIO_FLOOR and stream > MAX_RATIO * compressed:
        raise UnusableFile(f"A stream of the PDF expands over {stream // compressed:,} times (over {MAX_RATIO} times "
                           "is a PDF bomb): it was not read.", "pdf")
