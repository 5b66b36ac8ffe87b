"""Small builders shared by the unit tests."""

from __future__ import annotations

from jobmatch.models import Document, Line


def doc(text: str, path: str = "cv.txt") -> Document:
    """A one-page Document from text: one Line per non-empty line, numbered from 1."""
    rows = [row.strip() for row in text.strip().splitlines() if row.strip()]
    return Document(path, "txt", tuple(Line(row, 1, i) for i, row in enumerate(rows, 1)), 1)
