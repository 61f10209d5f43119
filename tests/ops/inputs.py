"""Inbox files made from the sample reports: the same report in the encodings and forms people really send, and
the bad files that must be rejected with a reason. Everything is generated from the real samples at test time."""
from __future__ import annotations

import codecs
import html
import os
import random
from pathlib import Path

from tests.conftest import SAMPLES

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


def sample_text(i: int) -> str:
    return SAMPLE_FILES[i].read_text(encoding="utf-8")


def full_width(text: str) -> str:
    """ASCII digits, letters and punctuation as their full-width forms (what many government sites publish)."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in text)


def traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


def gov_web_page(text: str) -> str:
    """The report as a page saved from a district government site: head, script, style, navigation, footer."""
    paragraphs = "\n".join(f"<p style=\"text-indent:2em\">{html.escape(line)}</p>"
                           for line in text.splitlines() if line.strip())
    return f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>政府工作报告_区人民政府门户网站</title>
<style>.nav {{ color: #333; }} body {{ font-size: 14px; }}</style>
<script>var _hmt = _hmt || []; document.write("2020年访问量统计1234567次");</script>
</head><body>
<div class="header">区人民政府门户网站 | 无障碍浏览 | 长者模式</div>
<div class="nav"><ul><li>首页</li><li>政务公开</li><li>政府信息公开</li><li>办事服务</li><li>互动交流</li></ul></div>
<div class="location">当前位置:首页 &gt; 政务公开 &gt; 政府工作报告</div>
<div class="article-content">
{paragraphs}
</div>
<div class="footer">主办:区人民政府办公室 联系电话:0714-6412345 版权所有 2020 鄂ICP备12345678号</div>
<script>console.log("统计代码 2021年");</script>
</body></html>
"""


# The same report in the forms the issue lists, one sample each (two forms of one sample would be duplicates of
# each other); each must read as the same text and give the same facts as the plain UTF-8 sample.
AWKWARD_NAME = "nested/深一层/it's \"报告\"; drop table raw.figures; -- $(rm -rf x).txt"  # breaks naive SQL and shells
VARIANTS = {  # file name -> (sample index, bytes maker)
    AWKWARD_NAME: (0, lambda t: t.encode("gbk")),
    "utf16_bom_full_width.txt": (1, lambda t: codecs.BOM_UTF16_LE + full_width(t).encode("utf-16-le")),
    "utf8_bom_crlf.txt": (2, lambda t: codecs.BOM_UTF8 + t.replace("\n", "\r\n").encode("utf-8")),
    "繁體 traditional.txt": (3, lambda t: traditional(t).encode("utf-8")),
    "gov_page.html": (4, lambda t: gov_web_page(t).encode("gb18030")),
}
DUPLICATES = {  # second name -> the name whose text it repeats (which sorts first, so it carries the report)
    "副本/utf8_bom_crlf.txt": "utf8_bom_crlf.txt",
    "z_link.txt": "utf16_bom_full_width.txt",  # a link inside the inbox is read, and is the same text
    "报告\\x2e..txt": "utf8_bom_crlf.txt",  # on disk: "报告...txt" named in GBK bytes, as zips from Windows are
}


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def one_mb_line() -> bytes:
    """A single 1 MB line of digits, dots and Chinese punctuation after a short real heading."""
    rnd = random.Random(7)
    alphabet = "0123456789.。,、;:%()亿万元增长"
    return (sample_text(0)[:400].replace("\n", "") + "".join(rnd.choice(alphabet) for _ in range(1_000_000))
            ).encode("utf-8")


def two_mb_of_figures() -> bytes:
    """2 MB of distinct sentences with figures (a line repeated word for word is a page stored twice over, read
    once)."""
    lines, size, i = [], 0, 0
    while size < 2_000_000:
        line = f"全区地区生产总值{i}.07亿元,同比增长9.1%,规模以上工业增加值增长8.5%。\n"
        lines.append(line)
        size += len(line.encode("utf-8"))
        i += 1
    return "".join(lines).encode("utf-8")


REJECTED = {  # file name -> (bytes maker, words the rejection reason must contain)
    "empty.txt": (lambda: b"", "empty"),
    "blank.txt": (lambda: " \n\t\r\n\u3000\n".encode("utf-8"), "whitespace"),
    "scan.png": (lambda: b"\x89PNG\r\n\x1a\n" + os.urandom(4000), "binary"),
    "export.txt": (lambda: random.Random(3).randbytes(6000), "binary"),
    # UTF-8 Chinese with every 50th byte lost: neither UTF-8 nor any Chinese code page reads it
    "mojibake.txt": (lambda: bytes(b for i, b in enumerate(sample_text(1).encode()) if i % 50 != 7), "cannot be read"),
    "too short.txt": (lambda: "关于2020年政府工作报告的说明。".encode(), "Chinese characters"),
}
TOO_LARGE = "huge.txt"  # made sparse: its size is checked before any byte is read


def build_mixed_inbox(inbox: Path, outside: Path) -> None:
    for name, (i, make) in VARIANTS.items():
        write(inbox / name, make(sample_text(i)))
    write(inbox / "副本/utf8_bom_crlf.txt", (inbox / "utf8_bom_crlf.txt").read_bytes())
    (inbox / "z_link.txt").symlink_to(inbox / "utf16_bom_full_width.txt")
    with open(os.path.join(os.fsencode(inbox), "报告...txt".encode("gbk")), "wb") as f:
        f.write((inbox / "utf8_bom_crlf.txt").read_bytes())
    for name, (make, _) in REJECTED.items():
        write(inbox / name, make())
    with open(inbox / TOO_LARGE, "wb") as f:
        f.truncate(50_000_000)
    write(inbox / "digits_1mb.txt", one_mb_line())
    write(inbox / "figures_2mb.txt", two_mb_of_figures())
    # never read: dotfiles, downloads in progress, links out of the inbox (whose target is a real report)
    for name in (".hidden.txt", "draft.txt.part", "report.txt.crdownload", "copying.tmp"):
        write(inbox / name, sample_text(1).encode("utf-8"))
    secret = write(outside / "secret_report.txt", traditional(sample_text(2)).encode("utf-8"))
    (inbox / "link_out.txt").symlink_to(secret)
    (inbox / "dangling.txt").symlink_to(outside / "gone.txt")
