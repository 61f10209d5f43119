"""The five sample reports against the gold labels: no drop below what the extractor reaches today."""
from __future__ import annotations

import pytest

gold_eval = pytest.importorskip("gold_eval")

if not gold_eval.GOLD.exists():  # the labels live outside the repository
    pytest.skip("gold labels not present", allow_module_level=True)

_RESULT = gold_eval.evaluate()


def test_strict_f1_does_not_drop():
    assert _RESULT["strict"]["f1"] >= 1.00, _RESULT["strict"]["misses"][:5] or _RESULT["strict"]["extras"][:5]


def test_relaxed_f1_does_not_drop():
    assert _RESULT["relaxed"]["f1"] >= 1.00


def test_report_years_all_right():
    assert _RESULT["years"]["right"] == _RESULT["years"]["total"], _RESULT["years"]["errors"]
