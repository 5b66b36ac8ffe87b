"""Postings: any file format -> layout -> requirement items -> typed requirements (kind + parameters).

``load_posting`` reads a file (TXT, MD, DOCX, PDF, or an edited ``.toml`` export) and ``parse_posting``
reads text; both return a :class:`jobmatch.models.Posting` whose requirements carry their category and
parameters for the matchers.
"""

from __future__ import annotations

from jobmatch.posting.parse import (
    MAX_POSTING_BYTES,
    POSTING_SUFFIXES,
    find_posting,
    load_posting,
    parse_posting,
)

__all__ = ["MAX_POSTING_BYTES", "POSTING_SUFFIXES", "find_posting", "load_posting", "parse_posting"]
