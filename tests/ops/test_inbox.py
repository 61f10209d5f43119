"""Listing the inbox: every file gets a key that Dagster, JSON and DuckDB accept; links never lead outside."""
from __future__ import annotations

import os

import dagster as dg
import pytest

from orchestration.storage.inbox import inbox_key, list_inbox
from orchestration.storage.parts import part_dir, write_json_atomic

NAMES = [
    ("2021/湖北/曾都区.txt", "2021/湖北/曾都区.txt"),
    ("it's \"报告\"; drop table x; --.txt", "it's \"报告\"; drop table x; --.txt"),
    ("政府工作报告...txt", "政府工作报告\\x2e..txt"),
    ("a....b", "a\\x2e\\x2e..b"),
    ("tab\there.txt", "tab\\x09here.txt"),
    (os.fsdecode("报告.txt".encode("gbk")), "报告.txt"),  # a GBK name from a zip made on Chinese Windows
    (os.fsdecode(b"\xff\xfe.txt"), "\\xff\\xfe.txt"),
]


@pytest.mark.parametrize("relative, key", NAMES)
def test_keys_are_storable(tmp_path, relative, key):
    assert inbox_key(relative) == key
    write_json_atomic(part_dir(tmp_path, key) / "ingest.json", {"source_file": key})


def test_dagster_accepts_every_key():
    keys = [inbox_key(relative) for relative, _ in NAMES]
    dg.StaticPartitionsDefinition(keys)  # the only place Dagster checks keys for "..." and control characters
    with dg.instance_for_test() as instance:
        instance.add_dynamic_partitions("reports", keys)
        assert instance.get_dynamic_partitions("reports") == keys


def test_a_line_of_dots_stays_linear():
    key = inbox_key("." * 1_000_000)
    assert "..." not in key and key.endswith("..")


def test_odd_names_on_disk_are_listed_with_their_keys(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "报告...txt").write_text("x", encoding="utf-8")
    with open(os.path.join(os.fsencode(inbox), "报告.txt".encode("gbk")), "wb") as f:
        f.write(b"x")
    listing = {f.key: f for f in list_inbox(inbox)}
    assert sorted(listing) == ["报告.txt", "报告\\x2e..txt"]
    assert all(f.path.exists() and f.problem is None for f in listing.values())


def test_a_linked_folder_outside_the_inbox_is_reported_and_not_entered(tmp_path):
    inbox, elsewhere = tmp_path / "inbox", tmp_path / "elsewhere"
    (inbox / "2021").mkdir(parents=True)
    elsewhere.mkdir()
    (elsewhere / "secret.txt").write_text("not for the warehouse", encoding="utf-8")
    (inbox / "2021" / "a.txt").write_text("x", encoding="utf-8")
    (inbox / "outside").symlink_to(elsewhere, target_is_directory=True)
    (inbox / "same 2021").symlink_to(inbox / "2021", target_is_directory=True)  # inside: its files are read once
    listing = {f.key: f for f in list_inbox(inbox)}
    assert sorted(listing) == ["2021/a.txt", "outside"]
    assert "outside the inbox" in listing["outside"].problem
