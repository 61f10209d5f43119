"""One inbox with every kind of file people drop in, built end to end by the command line in a child process.

Proves, per file: the encodings and forms of a real report are read to the same facts as the plain UTF-8 sample;
bad files are rejected with a reason and the rest goes on; nothing outside the inbox is read. Also: an analyst in
another process keeps reading during the build and never sees half of it; a second build of the same inbox gives
identical tables; a replaced file supersedes its old rows and a removed one is kept, marked withdrawn.
Three builds in all, shared by the tests of this module.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from tests.ops.build import child_env, query, run_build, snapshot
from tests.ops.inputs import (
    DUPLICATES,
    REJECTED,
    SAMPLE_FILES,
    TOO_LARGE,
    VARIANTS,
    build_mixed_inbox,
    sample_text,
    traditional,
)

pytestmark = pytest.mark.slow
ANALYST = Path(__file__).with_name("analyst.py")
NEVER_LISTED = [".hidden.txt", "draft.txt.part", "report.txt.crdownload", "copying.tmp", "secret_report.txt"]


@dataclass
class Mixed:
    root: Path
    inbox: Path
    after_first: Path  # a copy of the warehouse as the first build published it
    after_second: Path
    first: dict
    second: dict
    analyst: dict
    before: list  # what analysts saw before the first build (table row counts)


def marts_counts(warehouse: Path) -> list:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        sys.path.insert(0, str(ANALYST.parent))
        from analyst import look

        return look(con)
    finally:
        con.close()


@pytest.fixture(scope="module")
def mixed(tmp_path_factory, sample_warehouse) -> Mixed:
    root = tmp_path_factory.mktemp("mixed")
    inbox = root / "inbox"
    build_mixed_inbox(inbox, root / "outside")
    warehouse = root / "published" / "warehouse.duckdb"
    warehouse.parent.mkdir()
    shutil.copyfile(sample_warehouse, warehouse)  # the last good build, which analysts are querying
    before = marts_counts(warehouse)

    stop = root / "analyst.stop"
    analyst = subprocess.Popen([sys.executable, str(ANALYST), str(warehouse), str(stop)], stdout=subprocess.PIPE,
                               text=True, env=child_env())
    try:
        assert analyst.stdout.readline().strip() == "ready"
        run_build(inbox, warehouse)
    finally:
        stop.touch()
        out, _ = analyst.communicate(timeout=120)
    seen = json.loads(out.strip().splitlines()[-1])
    shutil.copyfile(warehouse, root / "after_first.duckdb")
    first = snapshot(warehouse)

    run_build(inbox, warehouse)
    shutil.copyfile(warehouse, root / "after_second.duckdb")
    return Mixed(root=root, inbox=inbox, after_first=root / "after_first.duckdb",
                 after_second=root / "after_second.duckdb", first=first, second=snapshot(warehouse), analyst=seen,
                 before=before)


def file_rows(warehouse: Path) -> dict[str, tuple]:
    return {r[0]: r[1:] for r in query(warehouse, "select source_file, status, reason, report_id, content_sha "
                                                  "from raw.report_files")}


def test_every_file_gets_its_status_and_a_reason(mixed):
    files = file_rows(mixed.after_first)
    accepted = [*VARIANTS, "digits_1mb.txt", "figures_2mb.txt"]
    for name in accepted:
        assert files[name][0] == "accepted", (name, files[name])
    for name, owner in DUPLICATES.items():
        status, reason, report_id, _ = files[name]
        assert (status, report_id) == ("duplicate", files[owner][2]), (name, files[name])
        assert owner in reason
    expected_rejections = {name: words for name, (_, words) in REJECTED.items()}
    expected_rejections.update({TOO_LARGE: "MB", "link_out.txt": "outside the inbox", "dangling.txt": "does not exist"})
    for name, words in expected_rejections.items():
        status, reason, report_id, _ = files[name]
        assert status == "rejected" and report_id is None, (name, files[name])
        assert words in reason, (name, reason)
    assert sorted(files) == sorted([*accepted, *DUPLICATES, *expected_rejections])
    for name in NEVER_LISTED:
        assert not any(k.endswith(name) for k in files), name


def test_rejected_files_mart_lists_each_bad_file_once_with_its_reason(mixed):
    rows = query(mixed.after_first, "select source_file, reason from marts.rejected_files")
    names = [r[0] for r in rows]
    assert len(names) == len(set(names))
    assert set(names) == {*REJECTED, TOO_LARGE, "link_out.txt", "dangling.txt", *DUPLICATES}
    assert all(reason and reason.endswith(".") for _, reason in rows)


def test_links_out_of_the_inbox_and_oversized_files_are_never_read(mixed):
    files = file_rows(mixed.after_first)
    assert files["link_out.txt"][3] is None  # no content hash: not a byte was read
    assert files[TOO_LARGE][3] is None
    secret = traditional(sample_text(2))
    assert not query(mixed.after_first, "select 1 from raw.report_texts where text = ?", secret)


FACTS_SQL = """
    select indicator, year, span_years, status, measure, value, unit, bound, value_high
    from marts.fct_indicator_values where report_id = (select report_id from raw.report_files where source_file = ?)
    order by all"""
META_SQL = """
    select district, city, province, admin_level, report_year, review_year, plan_year, delivered_on, is_abstract
    from marts.dim_reports where report_id = (select report_id from raw.report_files where source_file = ?)"""
PROJECTS_SQL = """
    select project_name, status, year from marts.fct_projects
    where report_id = (select report_id from raw.report_files where source_file = ?) order by all"""


@pytest.mark.parametrize("name", list(VARIANTS))
def test_each_form_of_a_report_gives_the_same_facts_as_its_plain_utf8_original(mixed, sample_warehouse, name):
    original = SAMPLE_FILES[VARIANTS[name][0]].name
    facts = query(mixed.after_first, FACTS_SQL, name)
    assert facts, name
    assert facts == query(sample_warehouse, FACTS_SQL, original)
    assert query(mixed.after_first, META_SQL, name) == query(sample_warehouse, META_SQL, original)
    assert query(mixed.after_first, PROJECTS_SQL, name) == query(sample_warehouse, PROJECTS_SQL, original)


def test_web_page_chrome_is_dropped(mixed):
    (text,) = query(mixed.after_first, "select text from raw.report_texts t join raw.report_files f using "
                                       "(report_id) where f.source_file = 'gov_page.html'")[0]
    for chrome in ("访问量", "首页", "ICP备", "联系电话", "统计代码", "font-size", "_hmt", "无障碍"):
        assert chrome not in text, chrome


def test_a_megabyte_line_and_two_megabytes_of_figures_are_built(mixed):
    rows = dict(query(mixed.after_first, "select source_file, n_chars from marts.dim_reports "
                                         "where source_file in ('digits_1mb.txt', 'figures_2mb.txt')"))
    # the whole line is kept: all of its normalised text (a , followed by 。 in the random line loses the 。)
    from orchestration.parsing.decode import decode_report
    from orchestration.parsing.normalize import normalize_text
    from tests.ops.inputs import one_mb_line

    assert rows["digits_1mb.txt"] == len(normalize_text(decode_report(one_mb_line()).text)) > 990_000
    assert rows["figures_2mb.txt"] > 800_000


def test_building_the_same_inbox_twice_gives_identical_tables(mixed):
    assert mixed.first.keys() == mixed.second.keys()
    for table in mixed.first:
        assert mixed.first[table] == mixed.second[table], table
    assert len(mixed.first["marts.fct_indicator_values"]) > 100


def test_an_analyst_in_another_process_never_blocks_the_build_nor_sees_half_of_it(mixed):
    seen, before, after = mixed.analyst, mixed.before, marts_counts(mixed.after_first)
    assert before != after
    assert seen["errors"] == []
    # the connection held through the build keeps its snapshot; fresh ones see the old or the new build, whole
    assert seen["held_first"] == seen["held_last"] == before
    assert seen["looks"], "the analyst never managed to look during the build"
    assert all(look in (before, after) for look in seen["looks"])


@pytest.fixture(scope="module")
def changed(mixed) -> dict:
    """Third build: one report replaced by a new version, one removed, one rejected file removed."""
    before = file_rows(mixed.after_second)
    replaced, removed = "繁體 traditional.txt", "gov_page.html"
    lines = sample_text(VARIANTS[replaced][0]).splitlines()
    (mixed.inbox / replaced).write_bytes(traditional("\n".join(lines[: len(lines) // 2])).encode("utf-8"))
    (mixed.inbox / removed).unlink()
    (mixed.inbox / "empty.txt").unlink()
    warehouse = mixed.root / "published" / "warehouse.duckdb"
    run_build(mixed.inbox, warehouse)
    return {"before": before, "after": file_rows(warehouse), "warehouse": warehouse, "replaced": replaced,
            "removed": removed}


def report_rows(warehouse: Path, report_id: str) -> dict[str, int]:
    out = {}
    for table in ("dim_reports", "fct_indicator_values", "fct_projects", "dim_sections"):
        out[table] = query(warehouse, f"select count(*) from marts.{table} where report_id = ?", report_id)[0][0]
    return out


def test_a_replaced_file_supersedes_its_old_rows(changed):
    old_id = changed["before"][changed["replaced"]][2]
    new_status, _, new_id, _ = changed["after"][changed["replaced"]]
    assert new_status == "accepted" and new_id != old_id
    assert set(report_rows(changed["warehouse"], old_id).values()) == {0}
    new = report_rows(changed["warehouse"], new_id)
    assert new["dim_reports"] == 1 and new["fct_indicator_values"] > 0
    assert query(changed["warehouse"], "select withdrawn from marts.dim_reports where report_id = ?", new_id) == [
        (False,)]


def test_a_removed_file_keeps_its_rows_and_its_report_is_marked_withdrawn(mixed, changed):
    report_id = changed["before"][changed["removed"]][2]
    assert changed["after"][changed["removed"]][0] == "withdrawn"
    assert report_rows(changed["warehouse"], report_id) == report_rows(mixed.after_second, report_id)
    assert query(changed["warehouse"], "select withdrawn from marts.dim_reports where report_id = ?", report_id) == [
        (True,)]
    assert "empty.txt" not in changed["after"]  # a removed bad file leaves nothing behind


def test_files_not_touched_between_builds_keep_their_rows(mixed, changed):
    for name, (status, _, report_id, sha) in changed["before"].items():
        if name in (changed["replaced"], changed["removed"], "empty.txt"):
            continue
        assert changed["after"][name] == (status, changed["after"][name][1], report_id, sha), name


def test_the_published_file_is_in_a_format_duckdb_1_5_reads(mixed):
    # DuckDB numbers its storage format in the file header: 64 = 1.0/1.1 ... 68 = 1.5; 2.0's own format is newer.
    header = mixed.after_second.read_bytes()[:20]
    assert header[8:12] == b"DUCK"
    assert int.from_bytes(header[12:20], "little") <= 68
