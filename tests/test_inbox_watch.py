"""The sensor's decision of which inbox files are ready (pure logic, no Dagster)."""
from pathlib import Path

from orchestration.storage.inbox import InboxFile, list_inbox
from orchestration.storage.inbox_watch import plan_inbox_changes


def f(key: str, size: int, mtime: int) -> InboxFile:
    return InboxFile(key=key, path=Path(key), size=size, mtime_ns=mtime)


def test_a_new_file_is_ready_only_once_it_stops_changing():
    first = plan_inbox_changes({}, [f("a.txt", 10, 1)])
    assert first.ready == []
    growing = plan_inbox_changes(first.state, [f("a.txt", 20, 2)])
    assert growing.ready == []
    stable = plan_inbox_changes(growing.state, [f("a.txt", 20, 2)])
    assert [x.key for x in stable.ready] == ["a.txt"]
    again = plan_inbox_changes(stable.state, [f("a.txt", 20, 2)])
    assert again.ready == []


def test_a_replaced_file_is_processed_again_and_a_removed_one_reported():
    s = plan_inbox_changes({}, [f("a.txt", 10, 1)]).state
    s = plan_inbox_changes(s, [f("a.txt", 10, 1)]).state
    changed = plan_inbox_changes(s, [f("a.txt", 11, 5)])
    assert changed.ready == []
    ready = plan_inbox_changes(changed.state, [f("a.txt", 11, 5)])
    assert [x.key for x in ready.ready] == ["a.txt"]
    gone = plan_inbox_changes(ready.state, [])
    assert gone.removed == ["a.txt"]


def test_listing_skips_temporary_files_and_never_follows_links_out(tmp_path):
    inbox = tmp_path / "inbox"
    (inbox / "nested").mkdir(parents=True)
    (inbox / "report.txt").write_text("x", encoding="utf-8")
    (inbox / "nested" / "b.txt").write_text("y", encoding="utf-8")
    (inbox / ".hidden.txt").write_text("z", encoding="utf-8")
    (inbox / "download.txt.crdownload").write_text("z", encoding="utf-8")
    (inbox / "copy.part").write_text("z", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the warehouse", encoding="utf-8")
    (inbox / "link.txt").symlink_to(secret)
    listing = {x.key: x for x in list_inbox(inbox)}
    assert sorted(listing) == ["link.txt", "nested/b.txt", "report.txt"]
    assert listing["link.txt"].problem and "outside the inbox" in listing["link.txt"].problem
    assert listing["report.txt"].problem is None
