"""Path settings that cannot work are refused with one plain sentence, before anything is written."""
from __future__ import annotations

import os

import pytest

from orchestration.settings import SettingsError, resolve_paths, validate_warehouse


@pytest.mark.parametrize("relative, words", [
    ("inbox/warehouse.duckdb", "inside the inbox"),
    ("inbox/2021/warehouse.duckdb", "inside the inbox"),
    ("folder.duckdb", "is a folder"),
    ("warehouse.csv", "should end in .duckdb"),
    ("warehouse", "should end in .duckdb"),
])
def test_unworkable_warehouse_paths_are_refused(tmp_path, relative, words):
    (tmp_path / "inbox" / "2021").mkdir(parents=True)
    (tmp_path / "folder.duckdb").mkdir()
    with pytest.raises(SettingsError, match=words):
        validate_warehouse(tmp_path / relative, tmp_path / "inbox")
    with pytest.raises(SettingsError, match=words):
        resolve_paths(tmp_path / "inbox", tmp_path / relative)


def test_a_link_into_the_inbox_is_seen_through(tmp_path):
    (tmp_path / "inbox").mkdir()
    (tmp_path / "shortcut").symlink_to(tmp_path / "inbox")
    with pytest.raises(SettingsError, match="inside the inbox"):
        resolve_paths(tmp_path / "inbox", tmp_path / "shortcut" / "w.duckdb")


def test_a_pipe_is_not_a_warehouse(tmp_path):
    os.mkfifo(tmp_path / "w.duckdb")
    with pytest.raises(SettingsError, match="not a regular file"):
        validate_warehouse(tmp_path / "w.duckdb")


def test_good_paths_are_made_absolute_and_the_private_area_sits_beside_the_warehouse(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "inbox").mkdir()
    monkeypatch.setenv("GWR_INBOX", "inbox")
    monkeypatch.setenv("GWR_WAREHOUSE", "out/w.duckdb")
    paths = resolve_paths()
    assert paths.inbox == tmp_path / "inbox" and paths.warehouse == tmp_path / "out" / "w.duckdb"
    assert paths.build_db.parent.parent == tmp_path / "out" and paths.work_dir.name.startswith(".")
    # arguments win over the environment
    assert resolve_paths(None, tmp_path / "x.duckdb").warehouse == tmp_path / "x.duckdb"
