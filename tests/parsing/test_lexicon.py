import pytest

from orchestration.parsing.lexicon import alias_at, compatible, find_aliases, shared_head, urban_rural


def _codes(text: str) -> list[tuple[str, str]]:
    return [(h.code, h.text) for h in find_aliases(text, 0, len(text), 0)]


@pytest.mark.parametrize("text, codes", [
    # longest alias wins
    ("全区实现地方生产总值220.07亿元", [("gdp", "地方生产总值")]),
    ("人均GDP达到8.2万元", [("gdp_per_capita", "人均GDP")]),
    ("全社会固定资产投资370亿元以上", [("fixed_asset_investment", "全社会固定资产投资")]),
    ("社零总额145亿元", [("retail_sales", "社零总额")]),
    ("其中一般公共财政预算收入7.14亿元", [("general_budget_revenue", "一般公共财政预算收入")]),
    # split aliases: A then B in the same sentence
    ("实施工业技改项目40个,完成投资30.7亿元", [("tech_upgrade_investment", "技改项目40个,完成投资")]),
    ("服务业规模快速扩大,增加值年均增长9.3%", [("tertiary_value_added", "服务业规模快速扩大,增加值")]),
    ("全区用于民生及社会事业发展支出51797万元", [("livelihood_spending", "用于民生及社会事业发展支出")]),
    # no alias inside unrelated words
    ("限额以上消费品零售额总额19.3亿元", []),
])
def test_find_aliases(text, codes):
    assert _codes(text) == codes


@pytest.mark.parametrize("code, measure, unit_kind, ok", [
    ("new_urban_jobs", "count", "persons", True),
    ("new_urban_jobs", "level", "money", False),
    ("grain_output", "level", "mass", True),
    ("gdp", "level", "money", True),
    ("gdp", "count", "count", False),
    ("unemployment_rate", "rate", "percent", True),
    ("unemployment_rate", "share", "percent", False),
    ("rd_spending", "share", "percent", True),
])
def test_compatible(code, measure, unit_kind, ok):
    assert compatible(code, measure, unit_kind) is ok


def _pair(sentence: str, year: int = 2020):
    alias = find_aliases(sentence, 0, len(sentence), 0)[-1]
    return urban_rural(sentence, alias, 0, year)


@pytest.mark.parametrize(("sentence", "year", "pair"), [
    ("城乡居民人均可支配收入分别增长7.5%、8.5%", 2020, ("urban_disposable_income", "rural_disposable_income")),  # lixian
    ("城、乡居民人均可支配收入分别为22694元、9527元", 2018, ("urban_disposable_income", "rural_disposable_income")),
    ("城镇、乡村居民人均可支配收入分别达到3.4万元、1.7万元", 2020, ("urban_disposable_income", "rural_disposable_income")),
    ("城镇和农村居民人均可支配收入增长9%左右", 2019, ("urban_disposable_income", "rural_disposable_income")),
    ("城乡人均可支配收入分别达到34068元、23756元", 2021, ("urban_disposable_income", "rural_disposable_income")),
    # 城乡居民收入: the rural half is 纯收入 until 2013 (hebei 2001), 可支配收入 after (rongcheng 2017)
    ("城乡居民收入增长5％和3％左右", 2001, ("urban_disposable_income", "rural_net_income")),
    ("城乡居民收入分别增长9%和11%", 2017, ("urban_disposable_income", "rural_disposable_income")),
    ("居民人均可支配收入增长7%左右", 2024, None),
])
def test_urban_rural_pairs(sentence, year, pair):
    assert _pair(sentence, year) == pair


def test_shared_head():
    assert shared_head("城镇", "农村居民人均可支配收入") == "urban_disposable_income"
    assert shared_head("蔬菜", "农村居民人均可支配收入") is None


def test_alias_at():
    text = "完成500万元以上固定资产投资120亿元"
    assert alias_at(text, text.index("固定"))
    assert not alias_at(text, text.index("120"))
