"""The parser against the hand labels kept in examples/: no drop below the accuracy reached so far.

The labels are part of the project; if they are missing the test fails (read_gold raises) rather than skipping.
Floors are raised as the parser improves (the corpus figures are in the README's accuracy section).
"""
from __future__ import annotations

import pytest

from tests.parsing import gold_eval

FLOORS = {
    # set: (strict F1, relaxed F1, report metadata)
    "samples": (1.00, 1.00, 1.00),
    "corpus": (0.97, 0.97, 0.98),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_accuracy_does_not_drop(name):
    ev = gold_eval.evaluate(name)
    strict, relaxed, metadata = FLOORS[name]
    errors = [f"{g['report']} {g['indicator']} {g['year']} {g['value']}{g['unit']}" for g in ev.misses[:5]]
    assert ev.strict.f1 >= strict, errors or ev.extras[:5]
    assert ev.relaxed.f1 >= relaxed
    assert ev.metadata_accuracy >= metadata, ev.metadata_wrong[:10]
