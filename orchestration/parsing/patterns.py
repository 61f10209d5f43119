"""Regular expressions for figures, as named constants built from the word lists (data/figure_words.csv).

The shapes (a number, a year, a unit after a number) are written here; the words (hedges, cue words, verbs) come
from `words.py`, so a word is added in its data file and never in a pattern. All patterns are linear: no nested
unbounded quantifiers.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .dictionaries import units
from .numbers import CHINESE_NUMERALS, YEAR_DIGITS
from .words import alternation, char_class, kinds, longest_word_pattern, words

CJK = "\u4e00-\u9fff"
YEAR = r"(?:19|20)\d\d"

# An Arabic number (thousands separators allowed) or a Chinese numeral. The Chinese one must start with a
# digit word (一…十) so that bare 万/亿/千 in 亿元以上项目 or 千万元 never count as numbers, and it stops
# before 万/亿 unless more digits follow, so 两万人 reads 2 万人 (the unit as written).
ARABIC = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
_DIGIT_WORDS = YEAR_DIGITS.replace("〇", "零〇")  # 零〇一二…九
# 三十一点五 / 零点五: a decimal part after 点, so 三十一点五亿元 is 31.5, never 5.
CHINESE = (rf"(?:零点[{_DIGIT_WORDS}]{{1,6}}|[一二两三四五六七八九十][{_DIGIT_WORDS}两十百千]{{0,8}}"
           rf"(?:点[{_DIGIT_WORDS}]{{1,6}})?(?:[万亿][{_DIGIT_WORDS}两十百千]{{1,8}})?)")
NUMBER = rf"(?:{ARABIC}|{CHINESE})"

# Hedges: before the number (突破500亿元), after the unit (7%左右), between number and unit (1300多亿元).
PREFIX_KIND = kinds("hedge_before")
SUFFIX_BOUND = kinds("hedge_after")
PREFIX_BOUND = re.compile(rf"({alternation('hedge_before')})了?\s*$")  # 突破了10亿元大关
_SUFFIX = alternation("hedge_after")
_MORE = alternation("hedge_before_unit")


@lru_cache(maxsize=1)
def unit_pattern() -> str:
    """The longest unit at a position (亿元 before 亿, 万千瓦时 before 万千瓦), as a character trie."""
    return rf"(?:{longest_word_pattern(list(units()))})"


# Unit-looking starts of words: 个月/个工作日 are durations, 人民/人才/人大 and 元旦 are words.
NOT_UNIT_AFTER = {"个": ("月", "工作日", "小时"), "人": ("民", "才", "大", "口", "员"), "元": ("旦", "素", "宵")}


@lru_cache(maxsize=1)
def figure_re() -> re.Pattern[str]:
    unit = unit_pattern()
    return re.compile(
        rf"(?<![\d.{CHINESE_NUMERALS}第])(?!(?<=点)[{CHINESE_NUMERALS}])(?P<lo>{NUMBER})"
        rf"(?:(?P<lounit>{unit})?\s*(?P<dash>——|[—–\-~～到至])\s*(?P<hi>{NUMBER}))?"
        rf"[ \u00a0]?(?P<mult>[万亿](?={_MORE}))?(?P<more>{_MORE})?(?P<unit>{unit})(?P<suffix>{_SUFFIX})?"
    )


# A figure can only start where figure_re's look-behind allows: at the first character of a run of number
# characters. Finding the runs first lets the engine skip prose in C (a pattern opening with a look-behind is
# tried at every position); figure_re is then tried only at each run's start.
NUMBER_RUN = re.compile(rf"[\d.{CHINESE_NUMERALS}第]+")

SENTENCE_END = re.compile(r"[。!?！？\n]")
CLAUSE_MARK = re.compile("[,;:、。]")
_TERRITORY = alternation("whole_territory")
# A paragraph opening with 预计 (an abstract's headline block): the estimate covers the whole paragraph.
PARA_ESTIMATE = re.compile(rf"[ \t\u3000]*(?:{YEAR}年[,]?)?{_TERRITORY}?[,]?预计")
LIST_JOINT = re.compile(char_class("list_joint"))
TOGETHER = re.compile(alternation("list_adverb"))  # 分别, 均
RUN_GAP = re.compile(rf"^\s*{char_class('list_joint')}\s*$")
# A percent is a change when a change verb stands right before it (分别/均/了 may sit in between).
_CHANGE_END = rf"{alternation('change_link')}?{alternation('list_adverb')}?$"
GROWTH_TAIL = re.compile(rf"({alternation('change_verb')}){_CHANGE_END}")
DECREASE = re.compile(
    "(" + "|".join(re.escape(w) for w, d in sorted(kinds("change_verb").items(), key=lambda x: -len(x[0]))
                   if d == "down") + f"){_CHANGE_END}"
)
LEVEL_TO = re.compile(rf"({alternation('level_to_verb')})(到|至)$")
SHARE_OF = re.compile(rf"占(?:(?={alternation('share_of_despite')})|(?!{char_class('not_share_of')}))")
# 占全省的比重, 占年计划的: the share of a whole the figure is a part of, or of a plan.
SHARE_OF_WHOLE = re.compile(rf"占\s*(?:{alternation('share_of_whole')})")
SHARE_WORD = re.compile(alternation("share_word"))
AVG = re.compile(alternation("average_word"))
CUMULATIVE = re.compile(alternation("cumulative_word"))
TERM_WORD = re.compile(alternation("term_word"))
STEADY = re.compile(alternation("steady_verb"))
# 比“八五”时期增长79.6%, 比前五年增长67%: growth over an earlier period, a five-year figure
SINCE_PERIOD = re.compile(rf"比\s*(?:[“\"]?[一二三四五六七八九十]{{1,2}}五[”\"]?)?{alternation('period_comparison')}")
# 比全省高1.18万元: a difference from another place, not a value of the subject
DIFFERENCE = re.compile(r"比[^,;。]{1,8}?(?:高|低|多|少)$")
COMPARATORS = words("comparator")
SINCE_YEAR = re.compile(rf"较({YEAR})年|比({YEAR})年")
BY_YEAR = re.compile(rf"到({YEAR})年|至({YEAR})年")
# 从342亿元增加到572亿元, 由2020年的10.2亿元增长到12.3亿元: the first number is where the period started, not its
# result. FROM_START is matched against the few characters before a number, FROM_TO_NEXT right after its unit.
FROM_START = re.compile(rf"(?:从|由)\s*(?:({YEAR})\s*年(?:底|末)?\s*的?\s*)?$")
FROM_TO_NEXT = re.compile(rf"\s*{alternation('from_to_verb')}?\s*(?:到|至)\s*"
                          rf"(?:{YEAR}\s*年(?:底|末)?\s*的?\s*)?[\d.一二三四五六七八九十两百千]")
# 从2015年的39.70亿元增长到…;工业增加值从1.66亿元增长到…: a pair without years takes the start year of the pair
# before it in the sentence.
FROM_YEAR = re.compile(rf"(?:从|由)\s*({YEAR})\s*年(?:底|末)?\s*的")
# 2002年与1998年相比,…由21.70亿元增加到29.44亿元: the year compared with is the from-value's.
COMPARED_WITH = re.compile(rf"(?:与|同|和)\s*({YEAR})\s*年(?:底|末)?\s*(?:相比|比较)")
# A year that dates what follows (not 到2026年, 较2016年, 2019年以来).
YEAR_CONTEXT = re.compile(
    rf"(?<!{char_class('not_dating_before')})({YEAR})年(?!{alternation('not_dating_after')}|\d)"
)
# 今年/去年/明年 date a figure; 比上年/较去年 compare.
REL_YEAR = re.compile(f"({alternation('relative_year')})")
REL_YEAR_OFFSET = {w: int(v) for w, v in kinds("relative_year").items()}
# A news item's label heading its sentences: 去年:投资消费强劲拉动。… 今年:创新招商引资方式方法,…
REL_YEAR_LABEL = re.compile(f"({alternation('relative_year')})[::]")
# Subject words that run on after an alias without naming something new (城镇新增就业人数).
ALIAS_TAIL = re.compile(alternation("alias_tail"))
# 十三五期间: the five-year plan periods, by their ordinal (九五 1996-2000, 十五 2001-2005, 十一五 2006-2010 … 十五五
# 2026-2030).
# A period compared with (比“八五”时期增长79.6%) dates nothing.
PLAN_PERIOD = re.compile(rf"(?<![比较与同])(?<![比较与同][“\"])(十[一二三四五]|[八九十])五[”\"]?(?:规划|计划)?{alternation('plan_period_end')}")
ESTIMATE = re.compile(alternation("estimate_cue"))
ACTUAL_CUE = re.compile(alternation("actual_cue"))
TARGET_CUE = re.compile(alternation("target_cue"))
COMMITMENT_KIND = kinds("commitment")
COMMITMENT = re.compile(alternation("commitment"))
# 增长7%左右,力争7.5%: a second, higher figure for the same subject and measure, led only by a commitment word.
STRIVE_FOR_MORE = re.compile(rf"^[,,、\s]*(?:在实际工作中)?{alternation('second_target_lead')}(?:达到|实现)?\s*$")


def _new_noun_heads() -> str:
    """The head words, each guarded against the `not_new_noun` words holding it: a look-behind for those ending
    with it (可比价格), a look-ahead for those going on after it (价格上涨因素)."""
    alts = []
    for w in sorted(words("new_noun_head"), key=len, reverse=True):
        guards = "".join(f"(?<!{re.escape(n)})" for n in words("not_new_noun") if n.endswith(w))
        after = [n[n.index(w) + len(w):] for n in words("not_new_noun") if w in n and not n.endswith(w)]
        if after:
            guards += "(?!" + "|".join(re.escape(a) for a in sorted(after, key=len, reverse=True)) + ")"
        alts.append(re.escape(w) + guards)
    return "(?:" + "|".join(alts) + ")"


# Words that, standing between a subject and its number, name something new (an unbound subject): up to eight
# letters and a head word.
NEW_NOUN_HEAD = re.compile(_new_noun_heads())
NEW_NOUN = re.compile(rf"[{CJK}A-Za-z]{{0,8}}?{NEW_NOUN_HEAD.pattern}")
# Verbs and scope words that open a clause before its subject (全区完成…, 其中…), and those closing it.
SUBJECT_LEAD = re.compile(rf"^{alternation('subject_lead')}+")
SUBJECT_TAIL = re.compile(rf"{alternation('subject_tail')}+$")
# Narrowing words right before an alias make it a sub-sector or sub-area figure (工业固定资产投资).
NARROWING = re.compile(rf"{alternation('narrowing')}$")
# An actor that is part of the district (a zone, a town, a firm) makes the figure not a headline one.
SUBAREA = re.compile(rf"(?<!全)[{CJK}]{{1,8}}{alternation('subarea_suffix')}")
