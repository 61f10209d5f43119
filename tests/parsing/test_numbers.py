import pytest

from orchestration.parsing.numbers import fold_width, parse_number


@pytest.mark.parametrize("token, value", [
    ("220.07", 220.07),
    ("51797", 51797.0),
    ("1,234", 1234.0),
    ("三千", 3000.0),
    ("两万", 20000.0),
    ("一千二百", 1200.0),
    ("十二", 12.0),
    ("三万五千", 35000.0),
    ("三十一点五", 31.5),
    ("零点五", 0.5),
    ("", None),
])
def test_parse_number(token, value):
    assert parse_number(token) == value


@pytest.mark.parametrize("text, folded", [
    ("全县地区生产总值达到２３０．５亿元，增长８．６％；", "全县地区生产总值达到230.5亿元,增长8.6%;"),
    ("社会消费品零售总额完成90.07亿元,累计增长12.1%", "社会消费品零售总额完成90.07亿元,累计增长12.1%"),
    ("（一）抓产业培育增发展实力", "(一)抓产业培育增发展实力"),
])
def test_fold_width_keeps_length(text, folded):
    out = fold_width(text)
    assert out == folded
    assert len(out) == len(text)


@pytest.mark.parametrize("sentence, value, unit", [
    # older reports write whole figures in Chinese numerals, decimals included
    ("全社会固定资产投资完成三十一点五亿元,增长40.2%", 31.5, "亿元"),
    ("城镇新增就业一点五万人", 1.5, "万人"),
    ("力争财政总收入突破五亿元", 5.0, "亿元"),
])
def test_chinese_numerals_in_sentences(sentence, value, unit):
    from orchestration.parsing.patterns import figure_re

    first = next(figure_re().finditer(sentence))
    assert (parse_number(first.group("lo")), first.group("unit")) == (value, unit)
