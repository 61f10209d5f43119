"""A failed check on the parser's rows stops the build before dbt: the analysts' file stays as it was.

dbt's source tests run inside the dbt step and fail it themselves; the Python checks on raw.figures run inside the
load step, whose failure stops dbt (see defs/checks.py).
"""
from __future__ import annotations

import shutil

import duckdb
import pytest

from orchestration import runner
from orchestration.storage import raw_checks
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow  # two builds


def test_a_failed_evidence_check_publishes_nothing(tmp_path, monkeypatch):
    samples = sorted(SAMPLES.glob("*.txt"))
    inbox, warehouse = tmp_path / "inbox", tmp_path / "w.duckdb"
    inbox.mkdir()
    for path in samples[:2]:
        shutil.copy(path, inbox / path.name)
    runner.build(str(inbox), str(warehouse))
    before = warehouse.read_bytes()

    shutil.copy(samples[2], inbox / samples[2].name)
    # the parser wrote a figure whose evidence is not in its report's text
    monkeypatch.setattr(raw_checks, "evidence_not_in_text", lambda con, limit=5: ([("r", "增长9.5%")], 1))
    with pytest.raises(runner.BuildFailed, match="figure_evidence_in_text"):
        runner.build(str(inbox), str(warehouse))

    assert warehouse.read_bytes() == before
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        files = {r[0] for r in con.execute("select source_file from marts.dim_reports").fetchall()}
    finally:
        con.close()
    assert files == {p.name for p in samples[:2]}
