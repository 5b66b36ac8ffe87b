"""Tell a file's real type from its first bytes, whatever its name says.

Job boards hand out HTML error pages named ``.pdf``, people rename ``.doc`` to ``.docx`` and mail clients
save PDFs as ``.txt``. The extension only decides between ``txt`` and ``md`` for text.
"""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from pathlib import Path

HEAD_BYTES = 64 * 1024  # how much of a file :func:`sniff` needs to see

PDF = "pdf"
DOCX = "docx"
TXT = "txt"
MD = "md"
DOC = "doc"  # legacy Word (OLE2 compound file): unsupported
ZIP = "zip"  # a zip that is not a Word document: unsupported
HTML = "html"  # a web page (often an error page saved under a résumé's name): unsupported

_PDF_MAGIC = b"%PDF-"
_PDF_END = b"%%EOF"
_PDF_LEADING = b" \t\r\n\f\x00"
_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_OLE2_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_MD_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_HTML_STARTS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<?xml")

# Text bytes: C0 controls (NUL included) other than tab, newline, form feed, carriage return and ESC make a
# file binary once they pass this share of the head. Compressed or random data has about 12%; a text file
# pasted from a terminal may carry a few BEL, BS or NUL bytes, which cleaning removes.
_TEXT_CONTROLS = frozenset(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B}
_MAX_CONTROL_SHARE = 0.05


def sniff(path: Path, head: bytes) -> str | None:
    """The real type of the file at ``path`` from its first bytes ``head`` (at least 1 KiB if it has it).

    Returns ``"pdf"``, ``"docx"``, ``"txt"`` or ``"md"`` for what :func:`~jobmatch.documents.read_document`
    reads; ``"doc"``, ``"zip"`` or ``"html"`` for recognised but unsupported files; ``None`` for binary data.
    A zip is opened through ``path`` to look for ``word/document.xml`` (only its directory is read).
    """
    if head.startswith((_ZIP_MAGIC, _EMPTY_ZIP_MAGIC)):
        try:
            with zipfile.ZipFile(path) as archive:
                return _zip_kind(archive)
        except (OSError, zipfile.BadZipFile, ValueError, EOFError):
            return _broken_zip_kind(head)
    return sniff_bytes(path.name, head)


def sniff_bytes(name: str, data: bytes) -> str | None:
    """Like :func:`sniff` for a file already in memory (``data`` may be the whole file or its head)."""
    if _looks_like_pdf(data):
        return PDF
    if data.startswith((_ZIP_MAGIC, _EMPTY_ZIP_MAGIC)):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return _zip_kind(archive)
        except (zipfile.BadZipFile, ValueError, EOFError, OSError):
            return _broken_zip_kind(data)
    if data.startswith(_OLE2_MAGIC):
        return DOC
    return text_kind(name, data)


def text_kind(name: str, data: bytes) -> str | None:
    """``"md"`` or ``"txt"`` (by the name) when ``data`` decodes as text, ``"html"`` for a web page, else
    None."""
    encoding = text_encoding(data)
    if encoding is None:
        return None
    if _looks_like_html(data, encoding):
        return HTML
    return MD if Path(name).suffix.lower() in _MD_SUFFIXES else TXT


# Junk before the header (mail and download headers): the header on a line of its own start, with its
# version, and the file's end as a PDF's (%%EOF).
_PDF_HEADER_LINE = re.compile(rb"(?:^|[\r\n])%PDF-\d\.\d")


def starts_as_pdf(data: bytes) -> bool:
    """``%PDF-`` first, after at most a byte-order mark and some white space."""
    return data[:1024].removeprefix(codecs.BOM_UTF8).lstrip(_PDF_LEADING).startswith(_PDF_MAGIC)


def _looks_like_pdf(data: bytes) -> bool:
    """A PDF starts with ``%PDF-`` (:func:`starts_as_pdf`). Readers also accept junk before it within the
    first KiB: taken as PDF only when the header starts a line, with its version, and the file ends as a
    PDF does (``%%EOF``), so that a text résumé which mentions "%PDF-1.7" mid-line is text. A text file
    that passes even this and does not open as a PDF is read as text (see the reader)."""
    if starts_as_pdf(data):
        return True
    return bool(_PDF_HEADER_LINE.search(data[:1024])) and _PDF_END in data[-1024:]


def _broken_zip_kind(data: bytes) -> str:
    # A truncated or damaged zip has no readable directory, but its local headers still name the members:
    # call it a DOCX if they name Word parts, so that the reason says "damaged DOCX", not "not a DOCX".
    return DOCX if b"word/" in data or b"[Content_Types].xml" in data else ZIP


def _zip_kind(archive: zipfile.ZipFile) -> str:
    names = {info.filename.lstrip("/").lower() for info in archive.infolist()}
    return DOCX if "word/document.xml" in names else ZIP


def text_encoding(data: bytes) -> str | None:
    """The codec that decodes ``data`` as text, or ``None`` if it looks binary.

    A byte-order mark wins; then UTF-16 without a mark (every other byte NUL); then strict UTF-8 (a
    multi-byte sequence cut at the end of a head is fine); then Windows-1252, or Latin-1 when the bytes
    use positions cp1252 leaves undefined. Many NULs outside UTF-16, or over 5% control bytes, is binary.
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if not data:
        return "utf-8"
    if data.count(0) > len(data) // 10:
        return _bomless_utf16(data)
    controls = sum(1 for byte in data if byte in _TEXT_CONTROLS)
    if controls > max(1, len(data) * _MAX_CONTROL_SHARE):
        return None
    try:
        codecs.getincrementaldecoder("utf-8")().decode(data, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    if any(byte in data for byte in b"\x81\x8d\x8f\x90\x9d"):
        return "latin-1"
    return "cp1252"


def _bomless_utf16(data: bytes) -> str | None:
    sample = data[: HEAD_BYTES - HEAD_BYTES % 2]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2 or 1
    # ASCII-heavy UTF-16: one byte of each pair is NUL, the other almost never.
    if odd_nuls / half > 0.3 and even_nuls / half < 0.05:
        codec = "utf-16-le"
    elif even_nuls / half > 0.3 and odd_nuls / half < 0.05:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = codecs.getincrementaldecoder(codec)().decode(sample, final=False)
    except UnicodeDecodeError:
        return None
    controls = sum(1 for ch in text if ord(ch) in _TEXT_CONTROLS)
    return codec if controls <= max(1, len(text) * _MAX_CONTROL_SHARE) else None


def _looks_like_html(data: bytes, encoding: str) -> bool:
    try:
        start = codecs.getincrementaldecoder(encoding)(errors="replace").decode(data[:1024], final=False)
    except LookupError:
        return False
    lowered = start.lstrip("\ufeff \t\r\n").lower().encode("ascii", "replace")
    if lowered.startswith(b"<?xml"):
        return b"<html" in lowered or b"xhtml" in lowered
    return lowered.startswith(_HTML_STARTS)
