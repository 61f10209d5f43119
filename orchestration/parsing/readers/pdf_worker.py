"""The process that runs pdfium: PDF bytes in on stdin, the pages' lines with their geometry out on stdout as JSON.

It runs apart from the pipeline so that a PDF bomb or a crash in pdfium costs this process, never the build: the
parent (pdf.py) caps its memory and time and reads one PDF after another through it. Started as a script, it imports
nothing but the standard library and pypdfium2. Messages are framed by an 8-byte length; a length of 0 ends it.
"""

from __future__ import annotations

import json
import re
import resource
import struct
import sys

# radicals, CJK punctuation, kana, extension A and the unified ideographs; compatibility ideographs; full-width forms
_CJK = ("\u2e80", "\u9fff"), ("\uf900", "\ufaff"), ("\uff00", "\uffef")


def _is_cjk(ch: str) -> bool:
    return any(lo <= ch <= hi for lo, hi in _CJK)


def _lines(textpage, raw) -> tuple[list[list], bool]:
    """[text, x0, x1, top, height] per line; geometry when pdfium's text maps one to one onto its characters."""
    text = textpage.get_text_range()
    placed = len(text) == textpage.count_chars()
    if not placed:  # characters beyond U+FFFF, which get_text_range cannot give: read the text alone
        text = textpage.get_text_bounded()
    out = []
    pos = 0
    for segment in text.split("\r\n"):
        start, pos = pos, pos + len(segment) + 2
        if not placed:
            out.append([segment, 0.0, 0.0, 0.0, 0.0])
            continue
        # pdfium writes a space wherever it sees a gap, e.g. the extra spacing Word puts between Chinese and digits
        # (2024 年): a generated space beside a Chinese character is layout, not text
        kept = [ch for k, ch in enumerate(segment)
                if not (ch == " " and raw.FPDFText_IsGenerated(textpage.raw, start + k) == 1
                        and ((k > 0 and _is_cjk(segment[k - 1]))
                             or (k + 1 < len(segment) and _is_cjk(segment[k + 1]))))]
        visible = [k for k, ch in enumerate(segment) if not ch.isspace()]
        if not visible:
            out.append(["".join(kept), 0.0, 0.0, 0.0, 0.0])
            continue
        left, bottom, _, top = textpage.get_charbox(start + visible[0], loose=True)
        _, _, right, _ = textpage.get_charbox(start + visible[-1], loose=True)
        out.append(["".join(kept), left, right, top, top - bottom])
    return out, placed


def extract(data: bytes, max_pages: int, max_chars: int) -> dict:
    import pypdfium2 as pdfium
    from pypdfium2 import raw

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        code = getattr(e, "err_code", None)
        said = re.search(r"\((PDFium: [^)]*)\)", str(e))  # "Failed to load document (PDFium: Data format error)."
        return {"error": "password" if code == raw.FPDF_ERR_PASSWORD else "damaged",
                "detail": said.group(1) if said else str(e)}
    try:
        n_pages = len(doc)
        if n_pages > max_pages:
            return {"error": "pages", "detail": n_pages}
        pages = []
        chars = 0
        for i in range(n_pages):
            page = doc[i]
            textpage = page.get_textpage()
            try:
                lines, _ = _lines(textpage, raw)
                has_text = any(ln[0].strip() for ln in lines)
                images = not has_text and any(
                    True for _ in page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE], max_depth=3))
                pages.append({"width": page.get_width(), "lines": lines, "images": images})
            finally:
                textpage.close()
                page.close()
            chars += sum(len(ln[0]) for ln in lines)
            if chars > max_chars:
                return {"error": "chars", "detail": chars}
        return {"pages": pages}
    finally:
        doc.close()


def _read_exactly(stream, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = stream.read(n - len(buf))
        if not chunk:
            raise EOFError
        buf += chunk
    return bytes(buf)


def main(memory_bytes: int, max_pages: int, max_chars: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_bytes, memory_bytes))
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            (size,) = struct.unpack(">Q", _read_exactly(stdin, 8))
        except EOFError:
            return
        if size == 0:
            return
        try:
            result = extract(_read_exactly(stdin, size), max_pages, max_chars)
        except MemoryError:
            result = {"error": "memory"}
        except Exception as e:  # noqa: BLE001 - any failure inside pdfium is this PDF's, reported as damage
            result = {"error": "damaged", "detail": f"{type(e).__name__}: {e}"}
        reply = json.dumps(result, ensure_ascii=False).encode("utf-8")
        stdout.write(struct.pack(">Q", len(reply)) + reply)
        stdout.flush()


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:4]))
