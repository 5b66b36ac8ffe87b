"""Turn any résumé file into a :class:`~jobmatch.models.Document`, or a one-line reason why not.

    >>> from jobmatch.documents import read_document
    >>> doc = read_document(Path("cv.pdf"), "cv.pdf")      # raises DocumentError("password-protected PDF") …

The real type comes from the first bytes (:func:`sniff`), not the extension. PDFs are read with PDFium or
pypdf (``Limits.pdf_engine``; pypdf reads what PDFium refuses), DOCX with python-docx, text and Markdown
with a small charset heuristic; every reader's lines go through the same cleaning
(:mod:`jobmatch.documents.clean`). Budgets (:class:`Limits`) bound what a hostile file can cost.
Bad input only ever raises :class:`~jobmatch.errors.DocumentError`.
"""

from __future__ import annotations

from jobmatch.documents.limits import PDF_ENGINES, Limits
from jobmatch.documents.reader import (
    DEFAULT_LIMITS,
    engine_version,
    parse_document,
    read_bytes,
    read_document,
)
from jobmatch.documents.sniff import sniff, sniff_bytes

# Bump whenever extraction output can change for the same bytes: the document cache keys on it.
EXTRACTOR_VERSION = "3"  # 2: a Document carries the sha256 of its bytes; 3: and its file's date

__all__ = [
    "DEFAULT_LIMITS",
    "EXTRACTOR_VERSION",
    "PDF_ENGINES",
    "Limits",
    "engine_version",
    "parse_document",
    "read_bytes",
    "read_document",
    "sniff",
    "sniff_bytes",
]
