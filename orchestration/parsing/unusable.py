"""The one exception every reader raises for a file that cannot be a report."""

from __future__ import annotations


class UnusableFile(Exception):
    """The file cannot be read as a report; `reason` says why in one sentence.

    `source_format` names the reader that gave up (pdf, docx, doc), when it was one of the document readers.
    """

    def __init__(self, reason: str, source_format: str | None = None):
        super().__init__(reason)
        self.reason = reason
        self.source_format = source_format
