"""Progress of step processes reaches the command line through the build's progress folder."""
from __future__ import annotations

import logging

from orchestration import progress_files


def test_each_process_writes_its_latest_message_and_the_relay_sums_them(tmp_path):
    progress_files.report_to(tmp_path)
    log = logging.getLogger("gwr.progress")
    log.info("parsed %d/%d %s", 3, 30, "a.txt")
    log.info("parsed %d/%d %s", 4, 30, "b.txt")  # the same process: replaces its file
    folder = progress_files.folder_of(tmp_path)
    (folder / "999999.txt").write_text("parsed 7/30 c.txt", encoding="utf-8")  # another step process
    assert progress_files.totals(folder) == {"parsed": 11}

    seen = []
    handler = logging.Handler()
    handler.emit = lambda record: seen.append(record.getMessage())
    log.addHandler(handler)
    try:
        relay = progress_files.Relay(folder, total=60)
        relay.relay(log)
        relay.relay(log)  # nothing new: nothing repeated
    finally:
        log.removeHandler(handler)
    assert seen == ["parsed 11/60 files (all step processes)"]
