"""decode_report: every encoding a report arrives in reads back to the same text; unusable files get a reason."""

from __future__ import annotations

import codecs
from pathlib import Path

import opencc
import pytest

from orchestration.parsing.decode import UnusableFile, decode_report

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SAMPLE = (SEEDS / "000_a501c150ba00b548.txt").read_text(encoding="utf-8")
# A real opening, short enough to fool a statistical detector, long enough to count as a report.
SHORT = SAMPLE[SAMPLE.index("一、2019年工作回顾") :][:160]
TRADITIONAL = opencc.OpenCC("s2t").convert(SAMPLE)

ENCODED = [
    ("utf-8", SAMPLE.encode("utf-8"), SAMPLE),
    ("utf-8-sig", codecs.BOM_UTF8 + SAMPLE.replace("\n", "\r\n").encode("utf-8"), SAMPLE.replace("\n", "\r\n")),
    ("utf-16", SAMPLE.encode("utf-16"), SAMPLE),
    ("utf-16", codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), SAMPLE),
    ("utf-16-le", SAMPLE.encode("utf-16-le"), SAMPLE),
    ("utf-16-be", SAMPLE.encode("utf-16-be"), SAMPLE),
    ("gb18030", SAMPLE.encode("gb18030"), SAMPLE),
    ("gb18030", SHORT.encode("gbk"), SHORT),
    ("big5", TRADITIONAL.encode("big5", errors="ignore"), TRADITIONAL.encode("big5", errors="ignore").decode("big5")),
]


@pytest.mark.parametrize(("encoding", "data", "text"), ENCODED, ids=[f"{e[0]}-{i}" for i, e in enumerate(ENCODED)])
def test_reads_every_encoding(encoding, data, text):
    got = decode_report(data)
    assert got.encoding == encoding
    assert got.text == text


REJECTED = [
    (b"", "The file is empty."),
    (b" \r\n\t \xe3\x80\x80\n", "The file holds only whitespace, no text."),
    (b"%PDF-1.7\n" + SAMPLE.encode("utf-8"),
     "The PDF is damaged and cannot be read (PDFium: Data format error); download it again."),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "The file holds binary data (a PNG image), not text."),
    (b"PK\x03\x04" + bytes(64), "The file is a damaged ZIP archive or Word file (its table of contents is missing)."),
    (bytes(range(256)) * 40, "The file holds binary data (e.g. an image or a PDF), not text."),
    (bytes(range(0x80, 0x100)) * 40, "The bytes cannot be read as UTF-8, GB18030 or UTF-16 text."),
    (
        "2020年政府工作报告".encode(),
        "The text has only 7 Chinese characters; a government work report has at least 100.",
    ),
    (b"hello world " * 50, "The text has only 0 Chinese characters; a government work report has at least 100."),
]


@pytest.mark.parametrize(("data", "reason"), REJECTED, ids=[f"reject-{i}" for i in range(len(REJECTED))])
def test_rejects_with_a_reason(data, reason):
    with pytest.raises(UnusableFile) as e:
        decode_report(data)
    assert e.value.reason == reason


def test_rejects_a_file_over_the_limit_without_reading_it():
    with pytest.raises(UnusableFile) as e:
        decode_report(b"a" * 12_300_000)
    assert e.value.reason == "The file is 12.3 MB; reports are under 5 MB, so it was not read."
    with pytest.raises(UnusableFile):
        decode_report(SAMPLE.encode("utf-8"), max_bytes=1000)


def test_utf8_with_one_damaged_character_is_still_read():
    data = SAMPLE.encode("utf-8")
    damaged = data[:1001] + data[1002:]  # drop one byte in the middle of a character
    got = decode_report(damaged)
    assert got.encoding == "utf-8"
    assert got.text.count("\ufffd") >= 1 and "全区实现地方生产总值220.07亿元" in got.text
