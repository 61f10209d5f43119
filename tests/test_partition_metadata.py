"""Each report partition shows its own district, years and counts in the Dagster UI, also when one run (a backfill)
covers many partitions (issues 7 and 15)."""
from __future__ import annotations

import shutil

import dagster as dg

from orchestration.settings import resolve_paths
from tests.conftest import SAMPLES


def test_every_parsed_partition_carries_its_own_outline_and_counts(tmp_path, dbt_manifest):
    from orchestration.definitions import build_definitions

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for name in ("000_a501c150ba00b548.txt", "003_e94be4eccf6fb3ec.txt"):
        shutil.copy(SAMPLES / name, inbox / name)
    (inbox / "empty.txt").write_text("", encoding="utf-8")
    keys = sorted(p.name for p in inbox.iterdir())
    defs = build_definitions(resolve_paths(inbox, tmp_path / "w.duckdb"))
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("reports", keys)
        result = defs.resolve_job_def("process_reports").execute_in_process(
            instance=instance, tags={"dagster/asset_partition_range_start": keys[0],
                                     "dagster/asset_partition_range_end": keys[-1]})
        assert result.success
        records = instance.fetch_materializations(dg.AssetKey("parsed_reports"), limit=10).records
        seen = {r.partition_key: r.asset_materialization.metadata for r in records}
    assert set(seen) == set(keys)
    assert seen["000_a501c150ba00b548.txt"]["district"].value == "西塞山区"
    assert seen["000_a501c150ba00b548.txt"]["plan_year"].value == 2020
    assert seen["003_e94be4eccf6fb3ec.txt"]["review_year"].value == 2017
    # each partition counts its own figures, not the run's (which would be the same number on both)
    figures = {key: seen[key]["figures"].value for key in ("000_a501c150ba00b548.txt", "003_e94be4eccf6fb3ec.txt")}
    assert min(figures.values()) > 17 and len(set(figures.values())) == 2
    assert seen["empty.txt"]["figures"].value == 0
    assert "reports_parsed" not in seen["000_a501c150ba00b548.txt"]
    assert seen["empty.txt"]["status"].value.startswith("rejected")
    assert seen["000_a501c150ba00b548.txt"]["source_format"].value == "text"  # which reader read it (issue 14)
