"""Lines of PDF pages -> paragraphs: page headers, footers and numbers dropped, lines wrapped at the page width joined.

Plain geometry, no PDF library: each line comes with its left and right edge and its top (PDF points, y upwards).
- A running line is a line near a page's top or bottom (among its first or last EDGE lines in reading order) that
  recurs, digits aside, at the same height on many pages ("政府工作报告", "— 3 —", "第 3 页 共 9 页"); a page
  number is dropped there even on a one-page file. A title that only looks like the running title stays: it is
  not at the same height.
- A line runs on into the next when it reaches the right edge of its column (within two characters) and the next one
  is neither indented nor a heading; so a word broken across lines or pages (地区生产总 | 值) is whole again, and a
  paragraph that ends short of the edge keeps its end. Columns: lines starting in the right half of the page form a
  second column when there are enough of them.
Lines without geometry (height 0) fall back to their length in characters.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

EDGE = 3  # headers and footers are among the first or last lines of a page
MIN_REPEAT_SHARE = 0.4  # a running line recurs on at least this share of pages (alternating headers: half each)
SAME_HEIGHT = 3.0  # points
RUN_ON_EMS = 2.0  # a wrapped line ends within this many characters of its column's right edge
INDENT_EMS = 0.8

_PAGE_NUMBER = re.compile(
    r"^[-—–―－~·•()（）\s]*(?:第\s*)?\d{1,4}(?:\s*页)?(?:\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–―－~·•()（）\s]*$"
    r"|^共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页$|^(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?$",
    re.IGNORECASE,
)
_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）]|第[一二三四五六七八九十]{1,3}部分"
                      r"|\d{1,2}[.、．](?!\d))")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class Line:
    text: str
    x0: float = 0.0
    x1: float = 0.0
    top: float = 0.0
    height: float = 0.0  # 0: no geometry for this line

    @property
    def placed(self) -> bool:
        return self.height > 0


@dataclass
class Page:
    lines: list[Line]
    width: float = 0.0
    columns: int = 1
    column_of: list[int] = field(default_factory=list)


def page_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def _edges(lines: list[Line]) -> list[int]:
    n = len(lines)
    return sorted(set(range(min(EDGE, n))) | set(range(max(0, n - EDGE), n)))


def drop_running_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """Every page without its page number and the lines that recur at its top or bottom."""
    occurrences: dict[str, list[tuple[int, int, Line]]] = {}
    for p, lines in enumerate(pages):
        for i in _edges(lines):
            if lines[i].text.strip():
                occurrences.setdefault(page_key(lines[i].text), []).append((p, i, lines[i]))
    needed = max(2, math.ceil(MIN_REPEAT_SHARE * len(pages)))
    running: set[tuple[int, int]] = set()  # (page, line index)
    for seen in occurrences.values():
        if len({p for p, _, _ in seen}) < needed:
            continue
        for p, i, line in seen:
            pages_at_height = {q for q, _, other in seen
                               if not (line.placed and other.placed) or abs(other.top - line.top) <= SAME_HEIGHT}
            if len(pages_at_height) >= needed:
                running.add((p, i))
    out = []
    for p, lines in enumerate(pages):
        edges = set(_edges(lines))
        out.append([ln for i, ln in enumerate(lines)
                    if (p, i) not in running and not (i in edges and is_page_number(ln.text))])
    return out


def _quantile(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))] if values else 0.0


def _layout(lines: list[Line], width: float) -> tuple[int, list[int]]:
    """How many columns the page has, and the column of each line."""
    placed = [ln for ln in lines if ln.placed and ln.text.strip()]
    if not placed or width <= 0:
        return 1, [0] * len(lines)
    middle = width / 2
    right = [ln for ln in placed if ln.x0 >= middle]
    spanning = [ln for ln in placed if ln.x0 < middle - 10 and ln.x1 > middle + 10]
    if len(right) >= max(3, 0.2 * len(placed)) and len(spanning) <= 0.1 * len(placed):
        return 2, [1 if ln.placed and ln.x0 >= middle else 0 for ln in lines]
    return 1, [0] * len(lines)


def paragraphs(pages: list[list[Line]], widths: list[float]) -> list[str]:
    laid = []
    for lines, width in zip(pages, widths):
        columns, column_of = _layout(lines, width)
        order = sorted(range(len(lines)), key=lambda i: column_of[i])  # stable: reading order within a column
        laid.append(Page([lines[i] for i in order], width, columns, [column_of[i] for i in order]))
    placed = [ln for page in laid for ln in page.lines if ln.placed and len(ln.text.strip()) >= 6]
    em = _quantile([ln.height for ln in placed], 0.5)
    right_edge: dict[tuple[int, int], float] = {}
    left_edge: dict[tuple[int, int], float] = {}
    for key in {(page.columns, c) for page in laid for c in page.column_of}:
        members = [ln for page in laid for ln, c in zip(page.lines, page.column_of)
                   if (page.columns, c) == key and ln.placed and len(ln.text.strip()) >= 6]
        right_edge[key] = _quantile([ln.x1 for ln in members], 0.9)
        left_edge[key] = _quantile([ln.x0 for ln in members], 0.1)

    out: list[list[str]] = []
    running_on = False
    for page in laid:
        unplaced = [len(ln.text.strip()) for ln in page.lines if not ln.placed and len(ln.text.strip()) >= 10]
        width_in_chars = _quantile(unplaced, 0.75)
        for ln, column in zip(page.lines, page.column_of):
            text = ln.text.strip()
            if not text:
                running_on = False
                continue
            key = (page.columns, column)
            indented = ln.placed and em > 0 and ln.x0 > left_edge.get(key, ln.x0) + INDENT_EMS * em
            if running_on and out and not indented and not _HEADING.match(text):
                previous = out[-1][-1]
                if previous.endswith(("\x02", "\u00ad")):  # pdfium's mark for a hyphen that broke a word
                    out[-1][-1] = previous[:-1]
                elif _ASCII_LETTER.fullmatch(previous[-1]) and _ASCII_LETTER.match(text):
                    out[-1].append(" ")
                out[-1].append(text)
            else:
                out.append([text])
            if ln.placed and em > 0:
                running_on = ln.x1 >= right_edge.get(key, ln.x1) - RUN_ON_EMS * em
            else:
                running_on = width_in_chars > 0 and len(text) >= 0.85 * width_in_chars
    return ["".join(pieces) for pieces in out]


def layout_text(pages: list[list[Line]], widths: list[float]) -> str:
    return "\n".join(paragraphs(drop_running_lines(pages), widths))
