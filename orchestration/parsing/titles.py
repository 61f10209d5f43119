"""A report's header (the lines before the speech begins), its title, and whether it is an abstract (摘要)."""

from __future__ import annotations

import re

from .dates import DASHES, DATE, PAREN_DATE
from .normalize import is_boilerplate_line
from .sections import HEADING_NUMBER
from .words import alternation

CJK_SPACE = re.compile(r"(?<=[\u4e00-\u9fff()]) +(?=[\u4e00-\u9fff()])")
_ABSTRACT = re.compile(r"摘要|摘登|摘编")
_TITLE_LABEL = re.compile(rf"^{alternation('title_label', 'page_words.csv')}\s*[:|]\s*")
MAX_HEADER_LINES = 25


def header_lines(text: str) -> list[str]:
    """The lines before the speech starts: title, date, meeting, speaker."""
    out: list[str] = []
    for line in text[:6000].split("\n"):
        s = line.strip()
        if not s or is_boilerplate_line(s):
            continue
        if s.startswith("各位代表") or HEADING_NUMBER.match(s) or len(s) > 80:  # the speech has begun
            break
        out.append(s)
        if len(out) >= MAX_HEADER_LINES:
            break
    return out


def title_of(header: list[str]) -> str | None:
    """The first header line that names a report (a site banner may stand above it), else the first line."""
    titles = []
    for line in header:
        s = CJK_SPACE.sub("", line)  # letter-spaced titles: 政 府 工 作 报 告
        s = _TITLE_LABEL.sub("", PAREN_DATE.sub("", s).strip())
        if s and len(s) <= 80 and not DATE.fullmatch(DASHES.sub("", s)) and not s.startswith(("——", "—")):
            titles.append(s)
    for word in ("政府工作报告", "工作报告", "报告"):  # a site's section name (报告/总结) is no title
        found = next((t for t in titles if word in t), None)
        if found:
            return found
    return titles[0] if titles else None


# --- dates and meeting ------------------------------------------------------------------------------------------

def is_abstract(header: list[str]) -> bool:
    """摘要, 摘登, 摘编 in one of the first header lines."""
    return any(_ABSTRACT.search(CJK_SPACE.sub("", ln)) for ln in header[:5])
