"""Bytes of an inbox file -> text, or a reason (one plain sentence) why the file cannot be a report.

PDF and Word files go to their readers (`readers/`), which return text that takes the same checks. For text, the
order of trust: a byte-order mark, then strict UTF-8 (random bytes almost never pass it), then UTF-16 without a
mark (NUL bytes in every other position), then the Chinese legacy code pages GB18030 and Big5 judged by how
ordinary the decoded characters are, and charset-normalizer only as a last resort: on a few hundred bytes of
Chinese it often names a wrong code page, so it never overrides a decoding that reads as plain Chinese.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .readers import MAX_DOCUMENT_BYTES, document_format, read_document
from .unusable import UnusableFile

MIN_HAN_CHARS = 100  # the shortest real summaries of a report run to several hundred characters

_BOMS = (  # UTF-32 first: its little-endian mark starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# File signatures of the binary formats people drop into an inbox instead of a text export (PDF and Word files have
# readers of their own, see document_format).
_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
)

_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str | None  # the codec that read it: utf-8, utf-8-sig, utf-16, gb18030, big5 ...; None for PDF and Word
    source_format: str = "text"  # the reader: text, pdf, docx or doc (ingest tells html from text)


def decode_report(data: bytes, max_bytes: int = 5_000_000) -> DecodedText:
    if not data:
        raise UnusableFile("The file is empty.")
    fmt = document_format(data[:1024])
    too_large = size_problem(len(data), fmt, max_bytes)
    if too_large:
        raise UnusableFile(too_large, fmt)
    if fmt is not None:
        return _read_document(data, fmt)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            raise UnusableFile(f"The file holds binary data ({kind}), not text.")
    decoded = _decode(data)
    _check_text(decoded.text)
    return decoded


def size_problem(n_bytes: int, fmt: str | None, max_bytes: int = 5_000_000) -> str | None:
    """Why a file of this size and format (document_format) is not read, or None. PDF and Word files carry fonts
    and pictures, so they may be larger than text."""
    limit, what = (MAX_DOCUMENT_BYTES, "PDF and Word reports") if fmt else (max_bytes, "reports")
    if n_bytes <= limit:
        return None
    return f"The file is {n_bytes / 1e6:.1f} MB; {what} are under {limit / 1e6:g} MB, so it was not read."


def _read_document(data: bytes, fmt: str) -> DecodedText:
    try:
        text = read_document(data, fmt)
        _check_text(text)
    except UnusableFile as e:
        e.source_format = fmt
        raise
    return DecodedText(text, "utf-8" if fmt == "docx" else None, fmt)


def _decode(data: bytes) -> DecodedText:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(codec), codec)
            except UnicodeDecodeError:
                raise UnusableFile(
                    f"The file starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()} text."
                ) from None
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    mended = data.decode("utf-8", errors="replace")
    if mended.count("\ufffd") <= max(2, len(mended) // 1000) and _plainness(mended) >= 0.8:
        # A UTF-8 file with a cut or damaged character or two: keep the report, mark the damage with U+FFFD.
        return DecodedText(mended, "utf-8")
    if b"\x00" in data:
        # Chinese UTF-16 has few zero bytes (only ASCII produces them), so judge the readings rather than count.
        readings = []
        for codec in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                continue
            readings.append((_plainness(text), DecodedText(text, codec)))
        if readings and max(r[0] for r in readings) >= 0.8:
            return max(readings, key=lambda r: r[0])[1]
    if _control_bytes(data[:20000]) > 0.01:
        raise UnusableFile("The file holds binary data (e.g. an image or a PDF), not text.")
    best = _best_legacy(data)
    if best is not None:
        return best
    raise UnusableFile("The bytes cannot be read as UTF-8, GB18030 or UTF-16 text.")


def _control_bytes(data: bytes) -> float:
    """Share of C0 control bytes other than tab, newline, form feed and carriage return: text has none."""
    if not data:
        return 0.0
    return sum(1 for b in data if b < 0x20 and b not in (0x09, 0x0A, 0x0C, 0x0D)) / len(data)


def _best_legacy(data: bytes) -> DecodedText | None:
    candidates: list[tuple[float, int, DecodedText]] = []
    for rank, codec in enumerate(("gb18030", "big5")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((_plainness(text), -rank, DecodedText(text, codec)))
    if not candidates or max(c[0] for c in candidates) < 0.8:
        guess = _charset_normalizer_guess(data)
        if guess is not None:
            candidates.append((_plainness(guess.text), -9, guess))
    if not candidates:
        return None
    score, _, best = max(candidates, key=lambda c: (c[0], c[1]))
    return best if score >= 0.5 else None


def _charset_normalizer_guess(data: bytes) -> DecodedText | None:
    from charset_normalizer import from_bytes

    match = from_bytes(data).best()
    if match is None:
        return None
    return DecodedText(str(match), codecs.lookup(match.encoding).name)


def _plainness(text: str) -> float:
    """Share of Han characters that are everyday ones (GB2312 level 1, after folding traditional forms).

    A wrong code page turns Chinese into a spray of rare characters, so the right reading scores near 1 and a
    wrong one far lower; hand-written because charset-normalizer has no notion of which hanzi are common.
    """
    hans = _HAN.findall(text[:20000])
    if not hans:
        return 0.0
    simplified = _to_simplified("".join(hans))
    common = sum(1 for ch in simplified if _is_common_hanzi(ch))
    return common / len(simplified)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def _to_simplified(text: str) -> str:
    out = _t2s().convert(text)
    return out if len(out) == len(text) else text


@lru_cache(maxsize=8192)
def _is_common_hanzi(ch: str) -> bool:
    try:
        b = ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return len(b) == 2 and 0xB0 <= b[0] <= 0xD7  # GB2312 level 1: the 3,755 most used characters


def _check_text(text: str) -> None:
    if not text.strip():
        raise UnusableFile("The file holds only whitespace, no text.")
    sample = text[:20000]
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f\v")
    if controls > max(3, len(sample) // 100):
        raise UnusableFile("The file holds binary data (e.g. an image or a PDF), not text.")
    n_han = len(_HAN.findall(text))
    if n_han < MIN_HAN_CHARS:
        raise UnusableFile(
            f"The text has only {n_han} Chinese characters; a government work report has at least {MIN_HAN_CHARS}."
        )
