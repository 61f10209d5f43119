"""Word's automatic list numbers (一、 (一) 1.) as the text they show, which python-docx leaves out of a paragraph.

A report's headings are often numbered by Word itself; without their 一、 the section tree loses its parts. The
numbering part maps a paragraph's (numId, level) to a level definition: start value, number format and a pattern
such as "%1、" or "（%1）". Counters are kept per list (the abstract definition, unless a num restarts it), and a
level's counter restarts when a higher level advances, as Word does.
"""

from __future__ import annotations

from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CHINESE_DIGITS = "〇一二三四五六七八九"
_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))


@dataclass(frozen=True)
class Level:
    start: int
    fmt: str
    text: str
    suffix: str  # what follows the label: tab, space or nothing


def _chinese(n: int, digits: str = _CHINESE_DIGITS, ten: str = "十") -> str:
    if n < 10:
        return digits[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return (digits[tens] if tens > 1 else "") + ten + (digits[ones] if ones else "")
    return "".join(digits[int(d)] for d in str(n))


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out, n = out + letters, n - value
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "taiwaneseCounting", "taiwaneseCountingThousand"):
        return _chinese(n)
    if fmt == "chineseLegalSimplified":
        return _chinese(n, _LEGAL_DIGITS, "拾")
    if fmt in ("ideographTraditional", "ideographZodiac"):
        cycle = _STEMS if fmt == "ideographTraditional" else _BRANCHES
        return cycle[(n - 1) % len(cycle)]
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 1 <= n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt == "decimalEnclosedParen":
        return f"({n})"
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n) if fmt == "lowerRoman" else _roman(n).upper()
    if fmt in ("bullet", "none"):
        return ""
    return str(n)  # decimal, decimalFullWidth (NFKC makes it ASCII anyway) and the rest


def _val(el, tag: str, default: str | None = None) -> str | None:
    child = el.find(W + tag) if el is not None else None
    return child.get(W + "val", default) if child is not None else default


def _levels(container) -> dict[int, Level]:
    out = {}
    for lvl in container.findall(W + "lvl"):
        out[int(lvl.get(W + "ilvl", "0"))] = Level(int(_val(lvl, "start", "1") or 1), _val(lvl, "numFmt", "decimal"),
                                                   _val(lvl, "lvlText", "") or "", _val(lvl, "suff", "tab"))
    return out


class Numbering:
    def __init__(self, document) -> None:
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError):  # a file without lists
            root = None
        abstract = {a.get(W + "abstractNumId"): _levels(a) for a in root.findall(W + "abstractNum")} if root is not None else {}
        self.lists: dict[str, tuple[str, dict[int, Level]]] = {}  # numId -> (counter key, levels)
        for num in root.findall(W + "num") if root is not None else []:
            num_id, abstract_id = num.get(W + "numId"), _val(num, "abstractNumId")
            levels = dict(abstract.get(abstract_id, {}))
            key = f"a{abstract_id}"
            for override in num.findall(W + "lvlOverride"):
                ilvl = int(override.get(W + "ilvl", "0"))
                start = _val(override, "startOverride")
                levels.update(_levels(override))
                if start is not None and ilvl in levels:
                    lv = levels[ilvl]
                    levels[ilvl] = Level(int(start), lv.fmt, lv.text, lv.suffix)
                    key = f"n{num_id}"  # a restarted list counts on its own
            self.lists[num_id] = (key, levels)
        self.counters: dict[str, dict[int, int]] = {}

    def label(self, paragraph) -> str:
        """The number Word shows before this paragraph ("一、", "(二)"), advancing the list's counters; else ""."""
        num_id, ilvl = self._num_pr(paragraph)
        if num_id is None or num_id not in self.lists:
            return ""
        key, levels = self.lists[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(key, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        text = levels[ilvl].text
        for k in range(ilvl, -1, -1):  # %10 would never be written, so %1 does not clash
            lv = levels.get(k)
            value = counters.get(k, lv.start if lv else 1)
            text = text.replace(f"%{k + 1}", format_number(value, lv.fmt if lv else "decimal"))
        if not text or levels[ilvl].suffix == "nothing" or not text[-1].isalnum():
            return text
        return text + " "

    @staticmethod
    def _num_pr(paragraph) -> tuple[str | None, int]:
        """(numId, level) of the paragraph, or of its style (heading styles are often numbered)."""
        sources = [paragraph._p.pPr]
        style = paragraph.style
        while style is not None:
            sources.append(style.element.pPr)
            style = style.base_style
        for ppr in sources:
            num_pr = ppr.find(W + "numPr") if ppr is not None else None
            if num_pr is not None:
                num_id = _val(num_pr, "numId")
                return (None if num_id in (None, "0") else num_id), int(_val(num_pr, "ilvl", "0") or 0)
        return None, 0
