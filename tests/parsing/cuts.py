"""Every cut of a text: the fast forms of patterns are checked against the plain ones on all of them."""
from __future__ import annotations

from collections.abc import Iterator


def spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every substring, the empty ones included."""
    for i in range(len(text) + 1):
        for j in range(i, len(text) + 1):
            yield i, j


def cuts(text: str) -> Iterator[str]:
    for i, j in spans(text):
        yield text[i:j]
