import pytest

from orchestration.parsing.bounds import read_bound


@pytest.mark.parametrize("text, number, suffix, more, is_range, bound, qualifier", [
    ("地方一般公共预算收入突破40亿元", "40", None, None, False, "min", "突破"),
    ("地区生产总值跨过500亿元大关", "500", None, None, False, "min", "跨过"),
    ("确保城镇新增就业人数不低于7000人", "7000", None, None, False, "min", "不低于"),
    ("招商引资实际到位资金520亿元左右", "520", "左右", None, False, "approx", "左右"),
    ("登记失业率控制在3.2%以内", "3.2", "以内", None, False, "max", "以内"),
    ("惠及居民近1.23万户", "1.23", None, None, False, "approx", "近"),
    ("签约30个项目", "30", None, None, False, "eq", None),  # the 约 of 签约 is no hedge
    ("投入资金140余万元", "140", None, "余", False, "min", "余"),
    ("地区生产总值增长5%—5.5%", "5", None, None, True, "range", None),
    ("社会消费品零售总额144亿元", "144", None, None, False, "eq", None),
])
def test_read_bound(text, number, suffix, more, is_range, bound, qualifier):
    pos = text.index(number)
    got_bound, got_qualifier, start = read_bound(text, pos, suffix, more, is_range)
    assert (got_bound, got_qualifier) == (bound, qualifier)
    assert start <= pos
