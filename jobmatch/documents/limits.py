"""Resource budgets for reading one résumé file (and the PDF engine that reads it).

Every number here bounds what a hostile file can cost: bytes read, pages parsed, bytes decompressed,
characters kept. A file over a hard budget is refused with a reason; a soft budget (pages, characters)
truncates and leaves a warning on the :class:`~jobmatch.models.Document`.
"""

from __future__ import annotations

from dataclasses import dataclass

MIB = 1024 * 1024
PDF_ENGINES = ("pdfium", "pypdf")


@dataclass(frozen=True, slots=True)
class Limits:
    max_file_bytes: int = 20 * MIB  # bigger files are refused before any byte is parsed
    max_pages: int = 50  # PDF pages read; the rest are left with a warning
    max_chars: int = 400_000  # characters kept after cleaning; the rest are dropped with a warning
    max_docx_uncompressed_bytes: int = 50 * MIB  # sum of the declared sizes of all zip members
    max_docx_ratio: int = 100  # uncompressed:compressed ratio above which a big member is a zip bomb
    max_line_chars: int = 5_000  # longer lines are split into pieces of at most this many characters
    max_docx_parts: int = 10_000  # zip members; real DOCX files have a few dozen
    max_pdf_stream_bytes: int = 16 * MIB  # one decompressed PDF stream (pypdf's own default is 75 MB)
    max_pdf_content_bytes: int = 32 * MIB  # decompressed page content summed over the pages read
    # Content-stream tokens (operators and operands) parsed and interpreted, summed over the pages read: this
    # bounds the CPU time pypdf can spend (a few seconds at most). A typical résumé page has 5-30 thousand.
    max_pdf_tokens: int = 1_000_000
    # Which engine reads PDF text: "pdfium" (the default: fast; files it refuses, or that are over a budget
    # before it starts, go to pypdf) or "pypdf" (the older reader, several times slower). It travels with
    # the budgets because it is, like them, a setting of how one file is read, and reaches every worker the
    # same way.
    pdf_engine: str = "pdfium"


def format_size(size: int) -> str:
    """Bytes as a short figure for a reason line: ``25 MB``, ``1.5 MB``, ``900 KB`` (binary units)."""
    if size >= 10 * MIB:
        return f"{size / MIB:,.0f} MB"
    if size >= MIB:
        return f"{size / MIB:.1f} MB"
    return f"{max(size, 1) / 1024:,.0f} KB"
