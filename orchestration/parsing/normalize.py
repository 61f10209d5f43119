"""Decoded text of an inbox file -> the clean report text every other module reads.

Steps, each idempotent so that `normalize_text(normalize_text(t)) == normalize_text(t)`:
HTML -> text, NFKC (full-width digits, letters and ,;:()!% become ASCII; 、。“”《》 have no compatibility form
and stay), line breaks -> LF, traditional -> simplified script (only for a text written in traditional script),
web-page boilerplate lines dropped, strings a host site glued onto several paragraphs cut off.
"*" censorship marks are kept: they stand for lost words inside sentences that figures are cut from.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from functools import lru_cache
from html.parser import HTMLParser

from . import repairs
from .dates import is_page_stamp
from .lookalikes import replace_lookalikes
from .sections import HEADING_NUMBER
from .words import alternation, words

# --- HTML -------------------------------------------------------------------------------------------------------

_HTML_TAG = re.compile(
    r"</?(?:html|head|body|p|div|br|span|table|tr|td|li|h[1-6]|meta|script|style|font)\b[^<>]{0,2000}>", re.IGNORECASE
)
_SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "iframe",
        "select",
        "button",
        "svg",
        "head",
        "template",
        "object",
    }
)
_VOID_TAGS = frozenset(
    {"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "embed", "source", "track", "wbr", "param"}
)
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "section",
        "article",
        "blockquote",
        "pre",
        "dd",
        "dt",
        "dl",
        "center",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "title",
        "tbody",
        "thead",
        "main",
    }
)
# Class/id words that mark page chrome rather than the article (whole words of the attribute, so that
# "article-header" or "content" never match).
_CHROME_WORDS = frozenset(
    {
        "nav",
        "navbar",
        "menu",
        "footer",
        "foot",
        "breadcrumb",
        "crumb",
        "crumbs",
        "share",
        "bdsharebuttonbox",
        "copyright",
        "sidebar",
        "topbar",
        "toolbar",
        "pager",
        "pagination",
    }
)


# Whole class names (or ids) of a site's masthead; matched only as complete names, because compounds such as
# "article-header" or "content-top" hold the report's own title.
_CHROME_NAMES = frozenset({"header", "head", "top", "banner", "logo", "masthead", "topnav", "site-header"})


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip: list[list] = []  # [tag, depth] of the chrome element being skipped
        self._pre = 0

    def handle_starttag(self, tag, attrs):
        if tag in _VOID_TAGS:
            if not self._skip and tag in _BLOCK_TAGS:
                self.parts.append("\n")
            return
        if self._skip:
            if tag == self._skip[-1][0]:
                self._skip[-1][1] += 1
            return
        if tag in _SKIP_TAGS or _is_chrome(attrs):
            self._skip.append([tag, 1])
            return
        if tag == "pre":
            self._pre += 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_startendtag(self, tag, attrs):
        if not self._skip and tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if self._skip:
            if tag == self._skip[-1][0]:
                self._skip[-1][1] -= 1
                if self._skip[-1][1] == 0:
                    self._skip.pop()
            return
        if tag == "pre" and self._pre:
            self._pre -= 1
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._skip:
            return
        # HTML collapses whitespace (source line breaks are not paragraph breaks) except inside <pre>.
        self.parts.append(data if self._pre else re.sub(r"\s+", " ", data))


def _is_chrome(attrs) -> bool:
    return any(
        name in ("class", "id")
        and value
        and (
            _CHROME_WORDS.intersection(w.lower() for w in re.split(r"[\s_\-]+", value))
            or _CHROME_NAMES.intersection(value.lower().split())
        )
        for name, value in attrs
    )


def looks_like_html(text: str) -> bool:
    for count, _ in enumerate(_HTML_TAG.finditer(text), start=1):
        if count >= 3:
            return True
    return False


def html_to_text(text: str) -> str:
    parser = _TextExtractor()
    parser.feed(text)
    parser.close()
    # Block boundaries open and close with a newline each; one line per block is what a saved .txt page holds.
    lines = (ln.strip() for ln in "".join(parser.parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


# --- script -----------------------------------------------------------------------------------------------------

_HAN = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=2)
def _opencc(config: str):
    import opencc

    return opencc.OpenCC(config)


def is_traditional(text: str, sample: int = 5000) -> bool:
    """More characters change under traditional->simplified than under simplified->traditional.

    Counting both ways (rather than "any character changes") keeps a simplified text that quotes a few
    characters opencc would fold (乾隆, 著作) from being converted.
    """
    hans = "".join(_HAN.findall(text[:200000]))[:sample]
    if not hans:
        return False
    to_s = _opencc("t2s").convert(hans)
    to_t = _opencc("s2t").convert(hans)
    n_trad = sum(a != b for a, b in zip(hans, to_s))
    n_simp = sum(a != b for a, b in zip(hans, to_t))
    return n_trad >= 3 and n_trad > 2 * n_simp


# --- boilerplate lines ------------------------------------------------------------------------------------------

_LEAD = re.compile(r"^[\s•·▪◆◇■□●○>»|\-–]+")
def _page(group: str) -> tuple[str, ...]:
    return words(group, "page_words.csv")


# "label: value" lines of a page's article info block; only ever at the start of a short line.
_URL_LINE = re.compile(r"^[\u4e00-\u9fffA-Za-z]{0,8}\s*[:|]?\s*(?:https?://|www\.)\S*$")
_META_LABEL = re.compile(rf"^[【\[]?{alternation('meta_label', 'page_words.csv')}\s*[:|]")
# Share/print/font-size buttons: a line made only of these words (split, not one regex, to stay linear).
_BUTTON_WORDS = frozenset(_page("button"))
_BUTTON_SPLIT = re.compile(r"[\s:|/【】\[\]「」()]+")
_BUTTON_FIRST = frozenset(w[0] for w in _BUTTON_WORDS) | frozenset(":|/【】[]「」()")
_FOOTER = re.compile(alternation("footer", "page_words.csv"))
# Links to other articles: two phrases anywhere in the line, the rest at its start (a prefix test: a pattern of
# ^-anchored alternatives is tried at every position of every line).
_OTHER_ARTICLE = re.compile(alternation("other_article", "page_words.csv"))
_OTHER_ARTICLE_START = _page("other_article_start")
_SCAN_CODE = re.compile(r"^(?:手机|微信|用手机)?扫(?:一扫|描二维码|码)")
_BREADCRUMB = re.compile(rf"^{alternation('breadcrumb', 'page_words.csv')}\s*:|^首页\s*[>»]")
# A posting stamp on its own line: "2020-11-30 09:26", "[ 2021-01-27 ]", "2021年01月27日 10:30". A bare
# "2021年1月27日" is kept: it may be the delivery date under a title.
_TIMESTAMP = re.compile(
    r"^[\[【(]?\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}(?::\d{2})?)\s*[\]】)]?$"
)
_ONLY_MARKS = re.compile(r"^[\s|•·▪◆◇■□●○>»\-–_=/\\]+$")
MAX_BOILERPLATE_LINE = 120  # site chrome comes in short lines; a report paragraph is never dropped


def is_boilerplate_line(line: str) -> bool:
    s = line.strip()
    if ("http" in s or "www." in s) and _URL_LINE.match(s):
        return True  # 来源URL:http://www.hebei.gov.cn/…: a scraper's record of the page, however long
    if not s or len(s) > MAX_BOILERPLATE_LINE:
        return False
    if _ONLY_MARKS.match(s):
        return True
    s = _LEAD.sub("", s)
    return bool(
        _META_LABEL.match(s)
        or _is_button_row(s)
        or s.startswith(_OTHER_ARTICLE_START)
        or _OTHER_ARTICLE.search(s)
        or _SCAN_CODE.match(s)
        or _BREADCRUMB.match(s)
        or _TIMESTAMP.match(s)
        or _FOOTER.search(s)
    )


def _is_button_row(s: str) -> bool:
    if s[:1] not in _BUTTON_FIRST and not s[:1].isspace():  # a line not opening with a button word has none
        return False
    words = [w for w in _BUTTON_SPLIT.split(s) if w]
    return bool(words) and all(w in _BUTTON_WORDS for w in words)


# --- injected strings -------------------------------------------------------------------------------------------

# A paragraph's tail after its last full stop: 3-40 characters of words (or a web address), no punctuation. One
# such tail is normal (a paragraph may end without 。); the *same* tail after the 。 of two or more paragraphs is
# text a host site injected, e.g. "…申报工作。侯卫东官场笔记".
_TAIL = re.compile(r"[。!?]([\u4e00-\u9fffA-Za-z0-9][\u4e00-\u9fffA-Za-z0-9./_:-]{2,39})$")
MIN_TAIL_REPEATS = 2


def strip_injected_tails(lines: list[str]) -> list[str]:
    tails = Counter(m.group(1) for ln in lines if (m := _TAIL.search(ln)))
    injected = {t for t, n in tails.items() if n >= MIN_TAIL_REPEATS}
    if not injected:
        return lines
    # Cut them after any full stop, mid-paragraph too: the same site glues them wherever a sentence ends.
    pattern = re.compile(
        "(?<=[。!?])(?:" + "|".join(re.escape(t) for t in sorted(injected, key=len, reverse=True)) + ")"
    )
    return [pattern.sub("", ln) for ln in lines]


# --- entry point ------------------------------------------------------------------------------------------------

_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


_ENTITY = re.compile(r"&(?:nbsp|amp|lt|gt|quot|ldquo|rdquo|mdash|hellip|#\d{2,6});")


# How a paragraph or a heading ends; a line of a hard-wrapped text (a PDF copied out) ends anywhere.
_LINE_END = frozenset("。!?;:…”’」』)】》.")
_MIN_WRAPPED_LINES = 12


def rejoin_wrapped_lines(lines: list[str]) -> list[str]:
    """A text copied out of a PDF breaks its sentences at the page width (地区生产总\n值220.07亿元), where no
    alias or figure can be read. When most long lines end mid-sentence, a line as long as the page width is joined
    to the next one (unless that one opens a heading). Texts with a paragraph per line, the usual web copy, are left
    as they are."""
    long = sorted(len(ln) for ln in lines if len(ln) >= 15)
    if len(long) < _MIN_WRAPPED_LINES:
        return lines
    open_ended = sum(1 for ln in lines if len(ln) >= 15 and ln[-1] not in _LINE_END)
    if open_ended < 0.5 * len(long):
        return lines
    # the page width in characters: digits and Latin letters are narrower, so lines holding them run longer;
    # a wrapped line is one at least about as long as the shorter full lines
    width = long[len(long) // 4]
    paragraphs: list[list[str]] = []  # pieces joined once at the end: appending to a growing string is quadratic
    joining = False
    for ln in lines:
        if joining and ln and not HEADING_NUMBER.match(ln):
            paragraphs[-1].append(ln)
        else:
            paragraphs.append([ln])
        # a full line ends a paragraph only by chance, whatever its last character: the paragraph's last line is
        # the short one (keeping paragraphs whole matters: 预计 governs a paragraph)
        joining = bool(ln) and len(ln) >= 0.85 * width
    return ["".join(pieces) for pieces in paragraphs]


# 增长百分之七点五 (spoken style, news transcripts) is 增长7.5%: written so, every figure rule reads it.
_PERCENT_WORDS = re.compile(r"百分之([零〇一二两三四五六七八九十百点]{1,8}|\d{1,3}(?:\.\d{1,3})?)")


def _percent(m: re.Match) -> str:
    from .numbers import parse_number

    value = parse_number(m.group(1))
    if value is None:
        return m.group()
    return f"{int(value) if value.is_integer() else value}%"


def normalize_text(text: str) -> str:
    text = repairs.r_escapes(repairs.literal_line_breaks(text))
    if looks_like_html(text):
        text = html_to_text(text)
    elif _ENTITY.search(text, 0, 200000):  # a page copied as text with its entities (&nbsp;) still in: never prose
        text = html.unescape(text)
    text = unicodedata.normalize("NFKC", replace_lookalikes(text))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = repairs.spaces_in_figures(repairs.lost_spaces(repairs.pinyin_residue(repairs.garbled_percent(text))))
    text = repairs.stray_full_stops(repairs.letter_l_for_one(text))
    if is_traditional(text):
        text = _opencc("t2s").convert(text)
    if "百分之" in text:
        text = _PERCENT_WORDS.sub(_percent, text)
    lines = [ln.strip() for ln in text.split("\n")]
    # Page chrome goes, but a page stamp (发布时间:2022-02-01) stays: the year it was posted can be the only one a news
    # page gives; every reader but report_years skips it as boilerplate.
    lines = [ln for ln in lines if not is_boilerplate_line(ln) or is_page_stamp(ln)]
    lines = repairs.repeated_paragraphs(lines)
    lines = strip_injected_tails(lines)
    lines = rejoin_wrapped_lines(lines)
    out: list[str] = []
    for ln in lines:
        if ln or (out and out[-1]):  # at most one blank line: paragraph breaks survive, page padding does not
            out.append(ln)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)
