"""The section tree of a report: 一、 parts, (一) subsections and lead-sentence paragraphs, with kind and years.

Headings are recognised line by line because every report layout seen (full reports, abstracts, web pages,
excerpts) keeps one heading or paragraph per line; the kind and the years come from the heading words.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import ORDINALS, fold_width
from .records import Section
from .words import alternation, words


def _words(group: str) -> str:
    return alternation(group, "section_words.csv")


_CN_ORD = ORDINALS
# The number opening a heading line, whatever its level: 一、 / (一) / 第一部分 / 1. (not 1.5): what every reader of
# headings (paragraph rebuilding, the header of a report, project clauses) recognises.
HEADING_NUMBER = re.compile(
    rf"^\s*(?:[{ORDINALS}]{{1,3}}、|\([{ORDINALS}]{{1,3}}\)|第[{ORDINALS}]{{1,3}}部分|\d{{1,2}}[.、](?!\d))"
)
# 一、 part heading; the negative look-ahead keeps "一、二、三产结构" (an enumeration) from being a heading.
_L1 = re.compile(rf"^[ \t\u3000]*([{_CN_ORD}]{{1,3}})[、.．](?![{_CN_ORD}]{{1,3}}[、.．])[ \t\u3000]*(\S)")
_PART = re.compile(rf"^[ \t\u3000]*第([{_CN_ORD}]{{1,3}})部分[ \t\u3000:、]*(\S)")
_L2 = re.compile(rf"^[ \t\u3000]*[(（]([{_CN_ORD}]{{1,3}})[)）][ \t\u3000]*(\S)")
_DASH_LEAD = re.compile(r"^[ \t\u3000]*[—－\-]{1,2}[ \t\u3000]*(\S)")
_TERM_LEAD = re.compile(rf"^[ \t\u3000]*({_words('term_lead')})")
_FIRST_SENT = re.compile(r"^[^。!?;,:]{2,16}。")
_SENT_PUNCT = re.compile(r"[。,;:!?]")
_YEAR = re.compile(r"(?<!\d)(19[89]\d|20\d\d)年")

_REVIEW = re.compile(_words("review"))
_OUTLOOK = re.compile(_words("outlook"))
_GOVERNMENT = re.compile(_words("government"))
_GLOSSARY = re.compile(_words("glossary"))
_PLAN = re.compile(_words("plan"))
# A plan written as prose, without a heading: "2020年,是…收官之年" or "…主要预期目标是:".
_PLAN_PROSE = re.compile(r"(?m)^[ \t\u3000]*(?:(?:19|20)\d\d年[,,]?\s*是[^。\n]{0,40}之年"
                         r"|(?:19|20)\d\d年[^。\n]{0,12}(?:主要预期目标|政府工作的总体要求))")
# A glossary or annex standing alone on its line ("名 词 注 释", "附件:") starts a part of its own.
_GLOSSARY_LINE = re.compile(rf"^{_words('glossary_line')}[::]?$")
_GLOSSARY_FIRST = frozenset(w[0] for w in words("glossary_line", "section_words.csv"))
_SPACES = re.compile(r"\s+")
_TERM_TITLE = re.compile(_words("term_title"))


@dataclass
class _Head:
    level: int
    start: int  # heading (line) start
    title: str
    kind: str | None = None
    period_start: int | None = None
    period_end: int | None = None
    preamble: bool = False


def _title_of(line: str) -> str:
    """The heading itself: up to the first 。 when the body runs on in the same line."""
    s = line.strip()
    cut = s.find("。")
    if 0 <= cut < 60:
        return s[: cut + 1]
    return s if len(s) <= 60 else s[:60]


def _kind_of(title: str) -> str | None:
    t = _SPACES.sub("", title)
    if _GLOSSARY.search(t) and len(t) <= 12:
        return "glossary"
    if _GOVERNMENT.search(t):
        return "government"
    if _REVIEW.search(t):
        return "review"
    if _OUTLOOK.search(t):
        return "outlook"
    if _PLAN.search(t):
        return "plan"
    return None


def _years_in(title: str) -> list[int]:
    if "年" not in title:  # _YEAR opens with a look-behind, so the engine would try every position
        return []
    return [int(y) for y in _YEAR.findall(title)]


def _is_headline_line(line: str) -> bool:
    """Abstract-style headline: a short line with no sentence punctuation (经济运行稳中有进)."""
    s = line.strip()
    return 2 <= len(s) <= 20 and not _SENT_PUNCT.search(s) and not s[0].isdigit()


_UNNUMBERED_MAX = 30
_SPEECH_START = re.compile(r"各位代表|各位委员")
_SLOGAN_HEAD = re.compile(r"^[\u4e00-\u9fff“”]{2,10}[::][\u4e00-\u9fff“”、]{2,28}$")  # 站在新起点:2012年工作回顾


def _unnumbered_heading(line: str, seen_unnumbered: bool) -> bool:
    """A part heading written without 一、: a short line of heading words (2004年工作回顾, 2005年主要任务,
    站在新起点:2012年工作回顾), or, after one such, another slogan:title line (开启新征程:…)."""
    s = line.strip()
    if not s or len(s) > _UNNUMBERED_MAX or _SENT_PUNCT.search(s.replace(":", "").replace(":", "")) or \
            "报告" in s or "会议" in s or HEADING_NUMBER.match(s):
        return False
    if _kind_of(s) is not None and (_years_in(s) or ":" in s or ":" in s):
        return True
    if _years_in(s) and "工作" in s:
        return True
    return seen_unnumbered and _SLOGAN_HEAD.match(s) is not None


def _scan(text: str) -> list[_Head]:
    heads: list[_Head] = []
    pos = 0
    seen_l1 = False
    speech = _SPEECH_START.search(text)
    speech_start = speech.start() if speech else 0
    unnumbered = False
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        # headings without numbers are parts only in a report whose top level is not numbered (一、 then comes under
        # them); after a numbered part they are a plan's sub-headings (2020年经济社会发展主要预期目标:)
        if start >= speech_start and (unnumbered or not seen_l1) and _unnumbered_heading(line, unnumbered):
            # a report whose parts are headed without numbers (二〇〇四年工作回顾 / 二〇〇五年主要任务); numbered parts
            # may follow under the last of them
            heads.append(_Head(1, start, _title_of(line)))
            seen_l1 = unnumbered = True
            continue
        # Each heading pattern opens with its own characters after the indent: most lines (paragraphs) are told
        # apart by their first character without trying the patterns. _GLOSSARY_LINE opens with 附/名/注.
        first = line.lstrip(" \t\u3000")[:1]
        if line.lstrip()[:1] in _GLOSSARY_FIRST and _GLOSSARY_LINE.match(re.sub(r"\s+", "", line)):
            heads.append(_Head(1, start, line.strip(), kind="glossary"))
            seen_l1 = True
        elif (first in _CN_ORD and _L1.match(line)) or (first == "第" and _PART.match(line)):
            # under a part headed without a number (2022年工作回顾), 一、 heads a subsection of it
            heads.append(_Head(2 if unnumbered else 1, start, _title_of(line)))
            seen_l1 = True
        elif first in "(（" and _L2.match(line):
            heads.append(_Head(3 if unnumbered else 2, start, _title_of(line)))
        elif not seen_l1:
            continue
        elif first in "五过本" and _TERM_LEAD.match(line):
            heads.append(_Head(3, start, _TERM_LEAD.match(line).group(1), kind="review"))
        elif (first in "—－-" and _DASH_LEAD.match(line)) or _FIRST_SENT.match(line.strip()):
            heads.append(_Head(3, start, _title_of(line)))
        elif _is_headline_line(line):
            heads.append(_Head(3, start, line.strip()))
    return heads


def _preamble(text: str, first: int) -> _Head | None:
    body = text[:first]
    if not body.strip():
        return None
    title = next((ln.strip() for ln in body.split("\n") if ln.strip()), "")[:60]
    head = _Head(1, 0, title, kind="other", preamble=True)
    # Only an opening that is itself plan prose makes the untitled start a plan (004's excerpt); a plan
    # sentence deep inside a news summary does not.
    m = _PLAN_PROSE.search(fold_width(body[:400]))
    if m:
        head.kind = "plan"
        ys = _years_in(body[max(0, m.start() - 20): m.end() + 20]) or _years_in(body)
        if ys:
            head.period_start = head.period_end = ys[0]
    return head


def _assign_periods(heads: list[_Head]) -> None:
    review_end: int | None = None
    plan_year: int | None = None
    prev_l1: _Head | None = None
    parents: dict[int, _Head] = {}
    # A review headed without a year ("过去五年工作回顾") ends the year before the first dated plan.
    first_plan = next((max(_years_in(h.title)) for h in heads if h.level == 1 and not h.preamble
                       and _years_in(h.title) and _kind_of(h.title) in (None, "plan")), None)
    later_years: dict[int, list[int]] = {}
    seen: list[int] = []
    for h in reversed(heads):
        if h.level == 1 and not h.preamble:
            later_years[id(h)] = list(seen)
            seen.extend(_years_in(h.title))
    for h in heads:
        if h.level == 1 and h.preamble:
            if h.kind == "plan":
                plan_year = h.period_end
        elif h.level == 1 and h.kind == "glossary":
            pass
        elif h.level == 1:
            ys = _years_in(h.title)
            kind = _kind_of(h.title)
            if kind is None and ys:
                # "一、2019年主要工作" before "二、2020年主要工作": a dated part is a review when a later part is
                # dated later, a plan otherwise.
                kind = "review" if any(y > max(ys) for y in later_years.get(id(h), ())) else "plan"
            if kind is None and prev_l1 is not None and prev_l1.kind in ("plan", "outlook"):
                kind = prev_l1.kind
                h.period_start, h.period_end = prev_l1.period_start, prev_l1.period_end
            elif kind is None and prev_l1 is not None and prev_l1.kind == "review" and not prev_l1.preamble:
                # the parts after a review, titled by their tasks (二、坚持实行扩大内需的方针), are the year's plan
                kind = "plan"
            h.kind = kind or "other"
            if h.kind == "review":
                # 2004年工作回顾和2005年工作总体要求: the year before the review word is the one reviewed
                word = _REVIEW.search(h.title)
                before = _years_in(h.title[:word.start()]) if word else []
                end = max(before or ys) if ys else (first_plan - 1 if first_plan else None)
                h.period_end = end
                h.period_start = end - 4 if end and _TERM_TITLE.search(h.title) else end
                review_end = end or review_end
            elif h.kind == "plan" and h.period_end is None:
                y = ys[0] if ys else (review_end + 1 if review_end else plan_year)
                h.period_start = h.period_end = y
                plan_year = y or plan_year
            elif h.kind == "outlook":
                plan_ref = plan_year or first_plan
                base = review_end if review_end else (plan_ref - 1 if plan_ref else None)
                if ys and max(ys) > (base or 0):
                    h.period_end = max(ys)
                    h.period_start = h.period_end - 4
                elif base:
                    h.period_start, h.period_end = base + 1, base + 5
            elif h.kind == "government":
                y = plan_year or (review_end + 1 if review_end else None)
                h.period_start = h.period_end = y
        if h.level == 1:
            prev_l1 = h
            parents = {1: h}
            continue
        parent = parents.get(h.level - 1) or parents.get(1)
        parents[h.level] = h
        for deeper in [k for k in parents if k > h.level]:
            del parents[deeper]
        if parent is None:
            h.kind = h.kind or "other"
            continue
        own = _kind_of(h.title) if h.level == 2 else None
        if h.kind == "review" and h.level == 3:  # 五年来 paragraph: the whole term
            end = parent.period_end
            h.period_start, h.period_end = (end - 4 if end else None), end
            continue
        h.kind = own if own in ("outlook", "government", "glossary") else parent.kind
        ys = _years_in(h.title) if h.level == 2 else []
        if ys:
            h.period_start, h.period_end = min(ys), max(ys)
        elif parent.kind == "review" and _years_in(parent.title):
            # (一) under "2021年和本届政府工作回顾" are that year's work; under "过去五年工作回顾" the term's.
            h.period_start = h.period_end = parent.period_end
        else:
            h.period_start, h.period_end = parent.period_start, parent.period_end


def _ends(heads: list[_Head], text_end: int) -> list[int]:
    """Where each section ends: at the next heading of its level or above, else at the end of the text. One pass
    from the back, remembering the nearest heading of each level (rescanning the later headings for every heading
    grows with the square of their number)."""
    nearest: dict[int, int] = {}  # level -> start of the nearest later heading of that level
    ends = []
    for h in reversed(heads):
        end = text_end
        for level, start in nearest.items():
            if level <= h.level and start < end:
                end = start
        ends.append(end)
        nearest[h.level] = h.start
    ends.reverse()
    return ends


def build_sections(text: str) -> list[Section]:
    heads = _scan(text)
    first = heads[0].start if heads else len(text)
    pre = _preamble(text, first)
    if pre is not None:
        heads.insert(0, pre)
    _assign_periods(heads)
    out: list[Section] = []
    stack: list[tuple[int, str]] = []  # (level, section_id)
    for i, (h, end) in enumerate(zip(heads, _ends(heads, len(text)))):
        while stack and stack[-1][0] >= h.level:
            stack.pop()
        sid = f"s{i + 1:03d}"
        out.append(Section(
            section_id=sid, parent_id=stack[-1][1] if stack else None, level=h.level, ordinal=i + 1,
            title=h.title, kind=h.kind or "other", period_start=h.period_start, period_end=h.period_end,
            char_start=h.start, char_end=end,
        ))
        stack.append((h.level, sid))
    return out
