"""Positions in a report's text, computed once per report: sentences, paragraphs, clauses and the section around a
position. Every figure rule reads its context through these, so nothing rescans the whole text per figure."""
from __future__ import annotations

import bisect
import re

from . import patterns as P
from .lexicon import aliases_of
from .numbers import fold_width
from .records import Section

MAX_SENTENCE = 600
_NEWLINE = re.compile("\n")


class Document:
    def __init__(self, text: str, sections: list[Section], level: str = "local", year: int | None = None):
        self.level = level  # national or local: which indicator aliases apply (lexicon.report_level)
        self.aliases = aliases_of(level)
        self.year = year  # the year the report reviews: which statistics its words name (纯收入 until 2013)
        self.work = fold_width(text)  # what the rules read: full-width digits and punctuation folded, offsets kept
        self.text = text  # what evidence is cut from
        ends = list(map(re.Match.end, P.SENTENCE_END.finditer(self.work)))
        self.sent_starts = [0] + ends
        self.sent_ends = ends + [len(text)]
        self.para_starts = [0, *map(re.Match.end, _NEWLINE.finditer(self.work))]
        self.sections = sorted(sections, key=lambda s: (s.char_start, s.level))
        self.sec_starts = [s.char_start for s in self.sections]
        self.sec_by_id = {s.section_id: s for s in self.sections}

    def clause_start(self, pos: int, floor: int) -> int:
        """Start of the clause (after , ; : 。) holding pos, not before floor.

        Searched back from pos on demand: a list of every mark in the text (one per ten characters) costs more
        to build than the few look-ups near figures."""
        w = self.work
        mark = max(w.rfind(",", floor, pos), w.rfind(";", floor, pos),
                   w.rfind(":", floor, pos), w.rfind("。", floor, pos))
        return mark + 1 if mark >= 0 else floor

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_starts, pos) - 1
        start, end = self.sent_starts[i], self.sent_ends[i]
        if end - start > MAX_SENTENCE:
            # A run-on "sentence" (lost punctuation, a table flattened into one line) is read in windows,
            # so context slices stay short and the pass stays linear.
            start, end = max(start, pos - MAX_SENTENCE // 2), min(end, pos + MAX_SENTENCE // 2)
        return start, end

    def paragraph_start(self, pos: int) -> int:
        return self.para_starts[bisect.bisect_right(self.para_starts, pos) - 1]

    def five_year(self, sec: Section | None) -> bool:
        """Whether the section or one above it is about a five-year term by its title (过去五年工作回顾, 五年来)."""
        while sec is not None:
            if "五年" in sec.title:
                return True
            sec = self.sec_by_id.get(sec.parent_id)
        return False

    def section(self, pos: int) -> Section | None:
        i = bisect.bisect_right(self.sec_starts, pos) - 1
        while i >= 0:
            s = self.sections[i]
            if s.char_start <= pos < s.char_end:
                # the deepest section holding pos is the last one starting before it that still covers it
                return s
            i -= 1
        return None
