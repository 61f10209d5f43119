"""Repairs for text as the web delivers it, each a small function `normalize_text` applies in turn.

Aggregator pages, spreadsheets and machine conversions damage a report in a few recurring ways: line breaks stored
as the literal characters \\r\\n, characters written as R escapes (<U+00A0>), pinyin left after characters by a
traditional-script converter (經(jīng)濟), question marks where full-width spaces were lost (政??府), spaces inside
figures (增长 12.5%, 2022 年) and a page body stored twice or six times over. Each repair is idempotent and touches
nothing in a text without the damage.
"""
from __future__ import annotations

import re

_LITERAL_BREAK = re.compile(r"\\r\\n|\\n|\\r")
_MIN_LITERAL_BREAKS = 3  # one stray "\n" in a text is a quotation, not a storage format
_R_ESCAPE = re.compile(r"<U\+([0-9A-Fa-f]{4,6})>")
# A syllable of Hanyu Pinyin with its tone mark, in brackets right after a character (會(huì), 經(jīng)).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff])\((?=[a-zü{_TONED}]*[{_TONED}])[a-zü{_TONED}]{{1,7}}\)")
_LOST_SPACES = re.compile(r"\?{2,}")
# Spaces between a number and the character before or after it (增长 12.5%, 12.5 %, 2022 年, 100 亿元).
_SPACE_BEFORE_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff])[ \u00a0\u3000]+(?=\d)")
_SPACE_AFTER_NUMBER = re.compile(r"(?<=\d)[ \u00a0\u3000]+(?=[\u4e00-\u9fff%])")
_GARBLED_PERCENT = re.compile(r"(?<=\d)_M_M_")  # a converter's stand-in for % (增长13.3_M_M_)
MIN_REPEATED_LINE = 40  # a paragraph this long never recurs word for word in one report
# A letter l typed for the digit 1 inside a figure (完成l26.9亿元, 2l.5%): before a digit, after a character or digit.
_LETTER_L = re.compile(r"(?<=[\d\u4e00-\u9fff])l(?=\d)|(?<=\d)l(?=[\d.])")
# A full stop right after a comma or semicolon (控制在7.2%,。以内): a converter's debris, not the end of a sentence.
_STRAY_STOP = re.compile(r"(?<=[,;、])\s*。")


def literal_line_breaks(text: str) -> str:
    """\\r\\n stored as four characters (a spreadsheet cell, a JSON dump) -> real line breaks."""
    if text.count("\\n") + text.count("\\r") < _MIN_LITERAL_BREAKS:
        return text
    return _LITERAL_BREAK.sub("\n", text)


def r_escapes(text: str) -> str:
    """<U+00A0> (how R writes a character it cannot print) -> the character itself."""
    if "<U+" not in text:
        return text
    return _R_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def pinyin_residue(text: str) -> str:
    """經(jīng)濟 -> 經濟: tone-marked pinyin a converter left in brackets after characters."""
    if "(" not in text:
        return text
    return _PINYIN.sub("", text)


def lost_spaces(text: str) -> str:
    """政??府??工??作 and 县长 贾瑞生????各位代表: runs of ? stand for spaces an encoding lost."""
    if "??" not in text:
        return text
    return _LOST_SPACES.sub(" ", text)


def garbled_percent(text: str) -> str:
    """增长13.3_M_M_ -> 增长13.3%: the placeholder a document converter left for every percent sign."""
    return _GARBLED_PERCENT.sub("%", text) if "_M_M_" in text else text


def spaces_in_figures(text: str) -> str:
    """增长 12.5% -> 增长12.5%, 8.5 % -> 8.5%, 2022 年 -> 2022年: a space never separates a number from its unit or
    from the word it belongs to in Chinese text."""
    text = _SPACE_BEFORE_NUMBER.sub("", text)
    return _SPACE_AFTER_NUMBER.sub("", text)


def letter_l_for_one(text: str) -> str:
    """完成l26.9亿元 -> 完成126.9亿元: a lower-case l typed for the digit 1 next to digits."""
    return _LETTER_L.sub("1", text) if "l" in text else text


def stray_full_stops(text: str) -> str:
    """控制在7.2%,。以内 -> 控制在7.2%,以内: a 。 right after a comma ends no sentence."""
    return _STRAY_STOP.sub("", text) if "。" in text else text


def repeated_paragraphs(lines: list[str]) -> list[str]:
    """A page storing the report body twice (desktop and mobile views) or six times: later copies of a long
    paragraph are dropped, and with them the short lines (a bullet, a heading) that follow it in the copy and
    were met before, so every figure is read once. A short line alone may recur (a heading 一、), so it is dropped
    only inside a copy."""
    seen: set[str] = set()
    out = []
    in_copy = False
    for ln in lines:
        if len(ln) >= MIN_REPEATED_LINE:
            in_copy = ln in seen
            if in_copy:
                continue
        elif in_copy and ln in seen:
            continue
        seen.add(ln)
        out.append(ln)
    return out
