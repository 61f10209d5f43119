"""Regular expressions for figures, as named constants. All are linear: no nested unbounded quantifiers."""
from __future__ import annotations

import re
from functools import lru_cache

from .dictionaries import units

CJK = "\u4e00-\u9fff"

# An Arabic number (thousands separators allowed) or a Chinese numeral. The Chinese one must start with a
# digit word (一…十) so that bare 万/亿/千 in 亿元以上项目 or 千万元 never count as numbers, and it stops
# before 万/亿 unless more digits follow, so 两万人 reads 2 万人 (the unit as written).
ARABIC = r"\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?"
# 三十一点五 / 零点五: a decimal part after 点, so 三十一点五亿元 is 31.5, never 5.
CHINESE = (r"(?:零点[零〇一二三四五六七八九]{1,6}|[一二两三四五六七八九十][零〇一二两三四五六七八九十百千]{0,8}"
           r"(?:点[零〇一二三四五六七八九]{1,6})?(?:[万亿][零〇一二两三四五六七八九十百千]{1,8})?)")
NUMBER = rf"(?:{ARABIC}|{CHINESE})"

# After the unit: hedges as written.
SUFFIX_BOUND = {"左右": "approx", "上下": "approx", "以上": "min", "多": "min", "以内": "max", "以下": "max",
                "之内": "max"}
# Before the number: the hedge word, longest first. 约 of 签约/节约/制约… and 近 of 最近/附近 are not hedges.
PREFIX_BOUND = re.compile(
    r"(不低于|不少于|不超过|不高于|超过|突破|跨过|跨越|大约|接近|逾|(?<![签节制集预合履契邀公条简相特隐婉])约"
    r"|(?<![最附临新亲将])近|超)\s*$"
)
PREFIX_KIND = {"不低于": "min", "不少于": "min", "不超过": "max", "不高于": "max", "超过": "min", "突破": "min",
               "跨过": "min", "跨越": "min", "逾": "min", "超": "min", "大约": "approx", "接近": "approx",
               "约": "approx", "近": "approx"}


@lru_cache(maxsize=1)
def unit_pattern() -> str:
    names = sorted(units(), key=len, reverse=True)
    alts = "|".join(re.escape(n) for n in names)
    return rf"(?:{alts})"


# Unit-looking starts of words: 个月/个工作日 are durations, 人民/人才/人大 and 元旦 are words.
NOT_UNIT_AFTER = {"个": ("月", "工作日", "小时"), "人": ("民", "才", "大", "口", "员"), "元": ("旦", "素", "宵")}


@lru_cache(maxsize=1)
def figure_re() -> re.Pattern[str]:
    unit = unit_pattern()
    return re.compile(
        rf"(?<![\d.{CHINESE_CHARS}第])(?!(?<=点)[{CHINESE_CHARS}])(?P<lo>{NUMBER})"
        rf"(?:(?P<lounit>{unit})?\s*(?P<dash>——|[—–\-~～到至])\s*(?P<hi>{NUMBER}))?"
        rf"[ \u00a0]?(?P<mult>[万亿](?=余|多))?(?P<more>余|多)?(?P<unit>{unit})(?P<suffix>左右|上下|以上|以内|以下|之内)?"
    )


CHINESE_CHARS = "零〇一二两三四五六七八九十百千万亿"
# A figure can only start where figure_re's look-behind allows: at the first character of a run of number
# characters. Finding the runs first lets the engine skip prose in C (a pattern opening with a look-behind is
# tried at every position); figure_re is then tried only at each run's start.
NUMBER_RUN = re.compile(rf"[\d.{CHINESE_CHARS}第]+")

SENTENCE_END = re.compile(r"[。!?！？\n]")
CLAUSE_BOUNDARY = re.compile(r"[,;:。]")
PARA_ESTIMATE = re.compile(r"[ \t\u3000]*(?:(?:19|20)\d\d年[,]?)?(?:全年|今年|全区|全县|全市|全省)?[,]?预计")
RUN_GAP = re.compile(r"^\s*[、和及与]\s*$")
# A percent is a change when a change verb stands right before it (分别/均/了 may sit in between).
GROWTH_TAIL = re.compile(r"(增长率|增长|增幅|增速|涨幅|上涨|增|下降|降低|减少|提高|增加|上升|回落|递增|减)(?:了|为|达到|达|是)?(?:分别|均)?$")
DECREASE = re.compile(r"(下降|降低|减少|回落|减)(?:了|为|达到|达|是)?(?:分别|均)?$")
LEVEL_TO = re.compile(r"(提高|上升|增加|增长)(到|至)$")
SHARE_OF = re.compile(r"占(?!据|领|有|用|地|位|到)")
SHARE_WORD = re.compile(r"比重|占比|比例")
AVG = re.compile(r"年均|年平均")
CUMULATIVE = re.compile(r"累计|总投资|累计完成|共计|合计")
SINCE_YEAR = re.compile(r"较((?:19|20)\d\d)年|比((?:19|20)\d\d)年")
BY_YEAR = re.compile(r"到((?:19|20)\d\d)年|至((?:19|20)\d\d)年")
# 从342亿元增加到572亿元, 由2020年的10.2亿元增长到12.3亿元: the first number is where the period started, not its
# result. FROM_START is matched against the few characters before a number, FROM_TO_NEXT right after its unit.
FROM_START = re.compile(r"(?:从|由)\s*(?:((?:19|20)\d\d)\s*年(?:底|末)?\s*的?\s*)?$")
FROM_TO_NEXT = re.compile(r"\s*(?:增加|提高|提升|增长|上升|扩大|跃升|攀升|下降|减少|降低|缩小|缩减|上涨|回落)?\s*(?:到|至)\s*"
                          r"(?:(?:19|20)\d\d\s*年(?:底|末)?\s*的?\s*)?[\d.一二三四五六七八九十两百千]")
# A year that dates what follows (not 到2026年, 较2016年, 2019年以来).
YEAR_CONTEXT = re.compile(r"(?<![到较比至于自是为])((?:19|20)\d\d)年(?!以来|底前|前|的|\d)")
# Subject words that run on after an alias without naming something new (城镇新增就业人数).
ALIAS_TAIL = re.compile(r"人数|人员|总量|总额|总值|规模|数")
LEAD_YEAR = re.compile(r"^[^\d。]{0,6}?((?:19|20)\d\d)年(?:[,]|全年|全区|全县|全市|全省|,?预计)")
# 比上年/较去年 compare; only a bare 今年/去年/明年 dates a figure.
REL_YEAR = re.compile(r"(?<![比较同与于])(今年|去年|明年)")
# YEAR_CONTEXT and REL_YEAR with the look-behind moved after the first character (it then checks that character's
# predecessor): the same matches and groups, but a pattern opening with a literal lets the regex engine skip to
# the places where it can match instead of trying every position. tests/parsing/test_figures.py compares them.
YEAR_CONTEXT_SCAN = re.compile(
    r"((?:1(?<![到较比至于自是为]1)9|2(?<![到较比至于自是为]2)0)\d\d)年(?!以来|底前|前|的|\d)"
)
REL_YEAR_SCAN = re.compile(r"((?:今|去|明)(?<![比较同与于][今去明])年)")
# 十三五期间: the five-year plan periods (十一五 2006-2010 … 十五五 2026-2030).
PLAN_PERIOD = re.compile(r"十([一二三四五])五[”\"]?(?:规划)?(?:期间|时期|以来|末|期末|时期末)")
ESTIMATE = re.compile(r"预计|有望|可望")
# Words that, standing between a subject and its number, name something new (an unbound subject).
_NEW_NOUN_HEADS = (
    r"(?:总额|销售额|零售额|交易额|成交额|金额|余额|额|产值|增加值|收入|投资|资金|支出|利润|税收|产量"
    rf"|面积|贷款|存款|人次|人数|人员|人口|职工|学生|农户|家庭|户数|企业|项目|指数|价(?<!可比价)(?<!不变价)格|规模|游客|客流|销量|工程|总数"
    # intensities: 万元GDP能耗 is energy per unit of output, not output
    r"|能耗|电耗|水耗|用水量|排放量|排放"
    # the parts of a total, named after it (进出口总额…,其中出口8.3亿美元、进口4.2亿美元; 到位内资)
    r"|出口|进口|内资)"
)
NEW_NOUN = re.compile(rf"[{CJK}A-Za-z]{{0,8}}?{_NEW_NOUN_HEADS}")
# The head words alone, for figures._last_new_noun (NEW_NOUN's last match without its costly lazy prefix). Every
# alternative opens with a literal (价格's look-behinds stand after 价, not before it) so that the engine can skip
# to the characters that start a head word instead of trying every position.
NEW_NOUN_HEAD = re.compile(_NEW_NOUN_HEADS)
# Verbs and scope words that open a clause before its subject (全区完成…, 其中…).
SUBJECT_LEAD = re.compile(r"^(?:其中|全年|全区|全县|全市|全省|累计|共|新增|完成|实现|达到|发放|投入|争取|力争|确保|预计|的)+")
SUBJECT_TAIL = re.compile(r"(?:完成|实现|达到|达|为|共计|累计|同比|比上年|较上年|年均|分别|均|增长|增幅|增速|突破|超过|约|近)+$")
# Narrowing words right before an alias make it a sub-sector or sub-area figure (工业固定资产投资).
NARROWING = re.compile(
    r"(工业|农业|民间|房地产|旅游|文化|体育|限额以上|限上|外资|制造业|基础设施|交通|重点项目|项目|园区|开发区|行业|企业"
    r"|合同|协议|户籍人口|户籍|本级|县域经济|县域|镇域|市区|城区)$"
)
# An actor that is part of the district (a zone, a town, a firm) makes the figure not a headline one.
SUBAREA = re.compile(
    rf"(?<!全)[{CJK}]{{1,8}}(?:开发区|高新区|经开区|园区|产业园|工业园|生态城|示范城|新城|试验区|示范区|集团|公司|街道)"
)
TARGET_CUE = re.compile(r"预期目标|主要目标|目标是|目标为|力争|确保|预期|要实现|计划")
COMMITMENT = re.compile(r"确保|必须|务必|力争|争取|努力|预期|目标")
# 增长7%左右,力争7.5%: a second, higher figure for the same subject and measure, led only by a commitment word.
STRIVE_FOR_MORE = re.compile(r"^[,,、\s]*(?:在实际工作中)?(?:力争|争取|确保|努力|力求)(?:达到|实现)?\s*$")
COMMITMENT_KIND = {"确保": "must", "必须": "must", "务必": "must", "力争": "strive", "争取": "strive",
                   "努力": "strive", "预期": "expected", "目标": "expected"}
ACTUAL_CUE = re.compile(r"完成|实现|达到|达")
