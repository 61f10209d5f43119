"""Fast checks of the scale machinery (the benchmark itself runs on demand: `python -m tests.bench`)."""
from __future__ import annotations

import dataclasses
import hashlib
import re
import shutil

import duckdb
import pytest

from orchestration.defs.partitions import chunk_keys
from orchestration.per_report.ingest import ingest_file
from orchestration.per_report.parse import parse_part
from orchestration.storage.inbox import list_inbox
from orchestration.storage.loader import load_parts
from orchestration.storage.raw_tables import RAW_TABLES
from tests.bench.corpus import SEEDS, generate


@pytest.mark.parametrize(("n", "chunks", "sizes"), [
    (0, 2, []),
    (10, 2, [10]),          # too few files to be worth a second process
    (50, 2, [25, 25]),
    (101, 2, [51, 50]),
    (1000, 4, [250, 250, 250, 250]),
])
def test_chunks_cover_every_key_once_in_order(n, chunks, sizes):
    keys = [f"k{i:05d}" for i in range(n)]
    out = chunk_keys(keys, chunks)
    assert [len(c) for c in out] == sizes
    assert [k for c in out for k in c] == keys


def test_derived_reports_are_distinct_renamed_and_shifted(tmp_path):
    paths = generate(12, tmp_path)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert len({hashlib.sha256(t.encode()).hexdigest() for t in texts}) == 12
    original = (SEEDS / min(p.name for p in SEEDS.glob("*.txt"))).read_text(encoding="utf-8")
    # report 5 derives from the first sample with a year offset of -1: its first year moves back by one
    first_year = int(re.search(r"(20\d\d)年", original).group(1))
    assert f"{first_year - 1}年" in texts[5][:200]
    assert "西塞山区" in original and "西塞山区" not in texts[5]
    assert "220.07亿元" in original and "220.07亿元" not in texts[5]  # figures rescaled


@pytest.fixture(scope="module")
def parts(tmp_path_factory):
    base = tmp_path_factory.mktemp("scale")
    inbox = base / "inbox"
    generate(3, inbox)
    shutil.copy(min(inbox.rglob("*.txt")), inbox / "0_same_text.txt")  # a duplicate that sorts first
    parts_dir = base / "parts"
    for f in list_inbox(inbox):
        ingest_file(parts_dir, f)
        parse_part(parts_dir, f.key)
    return inbox, parts_dir


def _snapshot(con) -> dict:
    return {t: sorted(map(repr, con.execute(f"SELECT * EXCLUDE (detected_at) FROM raw.{t}" if t == "report_files"
                                            else f"SELECT * FROM raw.{t}").fetchall())) for t in RAW_TABLES}


def _full(parts_dir, files) -> dict:
    con = duckdb.connect()
    load_parts(con, parts_dir, files)
    return _snapshot(con)


def test_incremental_load_equals_a_full_reload(parts, tmp_path):
    inbox, parts_dir = parts
    files = list_inbox(inbox)
    con = duckdb.connect(str(tmp_path / "build.duckdb"))
    assert load_parts(con, parts_dir, files).parts_read == 4
    assert load_parts(con, parts_dir, files).parts_read == 0  # nothing changed: nothing read
    steps = [
        [f for f in files if f.key != "0_same_text.txt"],  # the duplicate goes: its twin carries the report again
        files[2:],  # two files withdrawn
        files,  # and back
    ]
    for listing in steps:
        summary = load_parts(con, parts_dir, listing)
        assert _snapshot(con) == _full(parts_dir, listing)
        assert summary.rows["report_texts"] == 3  # three distinct texts, each loaded once whoever carries it
    # a re-parsed part (new parse.json) is read again, and only it
    target = sorted(p for p in parts_dir.iterdir())[1] / "parse.json"
    data = target.read_bytes()
    target.unlink()
    target.write_bytes(data)
    assert load_parts(con, parts_dir, files).parts_read == 1
    assert _snapshot(con) == _full(parts_dir, files)


def test_a_new_raw_column_forces_a_full_reload(parts, tmp_path, monkeypatch):
    inbox, parts_dir = parts
    files = list_inbox(inbox)
    con = duckdb.connect(str(tmp_path / "build.duckdb"))
    load_parts(con, parts_dir, files)
    from orchestration.storage import loader

    monkeypatch.setattr(loader, "_schema_version", lambda: "another")
    assert load_parts(con, parts_dir, files).parts_read == 4
    assert dataclasses.asdict(load_parts(con, parts_dir, files))["parts_read"] == 0
