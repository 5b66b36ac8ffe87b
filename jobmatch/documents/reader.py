"""Open one file safely, sniff its type, hand it to the right reader, and assemble a :class:`Document`."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jobmatch.documents import sniff as kinds
from jobmatch.documents.limits import Limits, format_size
from jobmatch.errors import DocumentError
from jobmatch.models import Document, Line

if TYPE_CHECKING:
    from jobmatch.documents.pdf import PdfText

# The readers (PDFium, pypdf, python-docx, ftfy's cleaning) are imported where a file is read, not here:
# the main process only opens files (read_bytes) and reads a posting; a third of a second of imports on
# every run, warm or for one text posting, is paid only by the processes that extract text.

DEFAULT_LIMITS = Limits()

_EXPECTED_KIND = {".pdf": kinds.PDF, ".docx": kinds.DOCX, ".txt": kinds.TXT, ".md": kinds.MD}
_KIND_NAMES = {kinds.PDF: "PDF", kinds.DOCX: "DOCX", kinds.TXT: "text", kinds.MD: "Markdown"}
# O_NOFOLLOW: a file swapped for a symbolic link after the walk is refused, not followed out of the folder.
# O_NONBLOCK: a file swapped for a FIFO opens at once instead of waiting for a writer (then fstat refuses it).
_OPEN_FLAGS = os.O_RDONLY
for _flag in ("O_NOFOLLOW", "O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC", "O_BINARY"):
    _OPEN_FLAGS |= getattr(os, _flag, 0)


def read_document(
    path: Path,
    display: str,
    limits: Limits = DEFAULT_LIMITS,
    *,
    root: Path | None = None,
    outline: bool = False,
) -> Document:
    """Read the résumé at ``path`` into a :class:`Document` whose ``path`` is ``display``.

    Raises :class:`DocumentError` with a one-line reason for anything that cannot be read — missing,
    not a regular file, too large, empty, encrypted, damaged, a bomb, a format we do not read — and never
    any other exception for bad input. With ``root`` (the folder ``path`` was found in), no folder between
    ``root`` and the file may be a symbolic link either (see :func:`read_bytes`). With ``outline`` (a
    posting's reader), a DOCX's headings and list items are written as Markdown (``## ``, ``- ``).
    """
    return _guarded(lambda: _read(path, display, read_bytes(path, limits, root=root), limits, outline))


def parse_document(path: Path, display: str, data: bytes, limits: Limits = DEFAULT_LIMITS) -> Document:
    """:func:`read_document` for bytes already read from ``path`` (whose name decides text or Markdown and
    which type the content is expected to have). Reading once and parsing exactly those bytes is what lets
    the cache key a document by the hash of the bytes it was made from."""
    return _guarded(lambda: _read(path, display, data, limits))


def _guarded(read: Callable[[], Document]) -> Document:
    """The one error ladder of the readers: bad input only ever raises DocumentError."""
    try:
        return read()
    except DocumentError:
        raise
    except MemoryError as exc:
        raise DocumentError("out of memory while reading (file too complex)") from exc
    except RecursionError as exc:
        raise DocumentError("file structure nested too deeply") from exc
    except Exception as exc:  # a bug or an unforeseen parser failure: still one skipped file, not a crash
        raise DocumentError(f"unreadable ({type(exc).__name__})") from exc


def read_bytes(path: Path, limits: Limits = DEFAULT_LIMITS, *, root: Path | None = None) -> bytes:
    """The whole file, if it is a regular file within the size limit. Never blocks on a FIFO or device.

    The checks are made on the opened descriptor, not on the name before opening it: between a check and
    an open the name could be swapped for a link or a pipe. A symbolic link is refused, never followed.
    With ``root``, ``path`` must lie inside it and is opened one folder at a time from ``root``, each
    with O_NOFOLLOW, so a folder inside ``root`` swapped for a link after the walk is refused too.
    """
    try:
        fd = _open_below(root, path) if root is not None else os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP or (exc.errno == errno.EMLINK and os.path.islink(path)):
            raise DocumentError("symbolic link (not followed)") from exc
        raise DocumentError(_os_reason(exc)) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise DocumentError("not a regular file")
        if info.st_size > limits.max_file_bytes:
            raise DocumentError(
                f"file too large ({format_size(info.st_size)} > {format_size(limits.max_file_bytes)} limit)"
            )
        chunks: list[bytes] = []
        total = 0
        while total <= limits.max_file_bytes:
            chunk = os.read(fd, min(1 << 20, limits.max_file_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > limits.max_file_bytes:  # it grew while we read
            raise DocumentError(f"file too large (over the {format_size(limits.max_file_bytes)} limit)")
        return b"".join(chunks)
    except OSError as exc:
        raise DocumentError(_os_reason(exc)) from exc
    finally:
        os.close(fd)


_DIR_FLAGS = (
    os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
)


def _open_below(root: Path, path: Path) -> int:
    """``path`` opened from ``root`` one component at a time, never through a symbolic link below root."""
    try:
        parts = path.relative_to(root).parts
    except ValueError as exc:
        raise DocumentError("file is outside the folder") from exc
    if not parts or ".." in parts or os.open not in os.supports_dir_fd:
        return os.open(path, _OPEN_FLAGS)
    current = os.open(root, _DIR_FLAGS & ~getattr(os, "O_NOFOLLOW", 0))  # the folder as the user named it
    try:
        for name in parts[:-1]:
            try:
                following = os.open(name, _DIR_FLAGS, dir_fd=current)
            except OSError as exc:
                if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                    raise DocumentError("symbolic link (not followed)") from exc
                raise
            os.close(current)
            current = following
        return os.open(parts[-1], _OPEN_FLAGS, dir_fd=current)
    finally:
        os.close(current)


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "file not found"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EISDIR:
        return "not a regular file"
    return f"cannot read file ({exc.strerror or type(exc).__name__})"


@dataclass
class _Pages:
    kind: str
    pages: list[list[str]]
    page_count: int
    warnings: list[str] = field(default_factory=list)
    title: str = ""
    dated: str = ""
    fragments: bool = False  # raw lines are PDF fragments (see clean_lines)


def _read(path: Path, display: str, data: bytes, limits: Limits, outline: bool = False) -> Document:
    if not data:
        raise DocumentError("empty file")
    kind = kinds.sniff_bytes(path.name, data)
    suffix = path.suffix.lower()
    if kind == kinds.DOC:
        raise DocumentError(_ole2_reason(data))
    if kind == kinds.ZIP:
        raise DocumentError("not a DOCX (zip without word/document.xml)")
    if kind == kinds.HTML:
        expected = _KIND_NAMES.get(_EXPECTED_KIND.get(suffix, ""), "résumé file")
        raise DocumentError(f"not a {expected} (looks like HTML)")
    if kind is None:
        if path.name.startswith("~$"):
            raise DocumentError("Office lock file, not a document")
        raise DocumentError("binary data, not a PDF, DOCX or text file")

    try:
        pages = _extract(kind, data, limits, outline)
    except DocumentError:
        # A text résumé can carry a PDF's header and trailer words ("%PDF-1.7", "startxref", "%%EOF")
        # without being one: what only looked like a PDF after some text, and does not open as one, is
        # the text it decodes as.
        fallback = kinds.text_kind(path.name, data) if kind == kinds.PDF else None
        if fallback not in (kinds.TXT, kinds.MD) or kinds.starts_as_pdf(data):
            raise
        kind = fallback
        pages = _extract(kind, data, limits)
    expected_kind = _EXPECTED_KIND.get(suffix)
    if expected_kind is not None and expected_kind != kind and {expected_kind, kind} != {kinds.TXT, kinds.MD}:
        pages.warnings.insert(0, f"content is {_KIND_NAMES[kind]} although the name ends in {suffix}")
    return _assemble(display, pages, limits, data)


def _extract(kind: str, data: bytes, limits: Limits, outline: bool = False) -> _Pages:
    from jobmatch.documents.docx import read_docx
    from jobmatch.documents.text import read_text

    if kind == kinds.PDF:
        pdf = _read_pdf(data, limits)
        return _Pages(
            kind, pdf.pages, pdf.page_count, list(pdf.warnings), pdf.title, pdf.dated, fragments=True
        )
    if kind == kinds.DOCX:
        docx = read_docx(data, limits, outline=outline)
        return _Pages(kind, [docx.lines], 1, list(docx.warnings), docx.title, docx.dated)
    text = read_text(
        data, markdown=kind == kinds.MD, max_chars=limits.max_chars, max_line_chars=limits.max_line_chars
    )
    return _Pages(kind, [text.lines], 1, list(text.warnings))


def engine_version(pdf_engine: str) -> str:
    """The PDF engine and the release of each library it may use, for cache keys: ``-pdfium-5.1+pypdf-6.0``.

    Read from the installed packages' metadata, so that asking costs no import of the engines."""
    from importlib.metadata import PackageNotFoundError, version

    def release(package: str) -> str:
        try:
            return version(package)
        except PackageNotFoundError:
            return "missing"

    pypdf_part = f"pypdf-{release('pypdf')}"
    if pdf_engine == "pdfium":  # pypdf reads what PDFium refuses: both versions shape the text
        return f"-pdfium-{release('pypdfium2')}+{pypdf_part}"
    return f"-{pypdf_part}"


def _read_pdf(data: bytes, limits: Limits) -> PdfText:
    """PDF text through the engine the limits name; pypdf for what PDFium refuses (see pdfium.py)."""
    from jobmatch.documents import pdfium
    from jobmatch.documents.pdf import read_pdf

    if limits.pdf_engine == "pdfium":
        try:
            return pdfium.read_pdf(data, limits)
        except pdfium.Refused:
            pass
    return read_pdf(data, limits)


def _assemble(display: str, extracted: _Pages, limits: Limits, data: bytes = b"") -> Document:
    from jobmatch.documents.clean import clean_lines, split_long_line

    lines: list[Line] = []
    chars = 0
    truncated = False
    for page_number, raw in enumerate(extracted.pages, start=1):
        number = 0
        for text in clean_lines(raw, fragments=extracted.fragments):
            for piece in split_long_line(text, limits.max_line_chars):
                if chars + len(piece) > limits.max_chars:
                    piece = piece[: limits.max_chars - chars].rstrip()
                    truncated = True
                if piece:
                    number += 1
                    lines.append(Line(text=piece, page=page_number, number=number))
                    chars += len(piece)
                if truncated:
                    break
            if truncated:
                break
        if truncated:
            break
    warnings = list(extracted.warnings)
    if truncated:
        warnings.append(f"text truncated to the first {limits.max_chars:,} characters")
    if not lines:
        if any(w.startswith("hidden text ignored") for w in warnings):
            raise DocumentError("no visible text (only hidden text)")
        if extracted.kind == kinds.PDF:
            raise DocumentError(_pdf_damage(data, limits) or "no text layer (scanned?)")
        raise DocumentError("no text found")
    return Document(
        path=display,
        kind=extracted.kind,
        lines=tuple(lines),
        pages=extracted.page_count,
        warnings=tuple(warnings),
        title=extracted.title,
        dated=extracted.dated,
    )


def _pdf_damage(data: bytes, limits: Limits) -> str | None:
    """Why a PDF that opened but gave no text is damaged rather than scanned, or None.

    "Scanned?" is only right for pages that are there and draw no text. A page whose content stream is
    missing, or is compressed data that does not decompress (pypdf reads both as an empty page, quietly),
    is damaged, and saying so tells the recruiter to ask for the file again rather than for an OCR'd copy.
    """
    import io
    import zlib

    import pypdf
    from pypdf.generic import ArrayObject, StreamObject

    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:  # its streams are ciphertext here: nothing to tell from them
            return None
        for number, page in enumerate(reader.pages, start=1):
            if number > limits.max_pages:
                break
            ref = page.get("/Contents")
            if ref is None:
                continue  # a blank page: nothing is missing
            contents = ref.get_object()
            parts = list(contents) if isinstance(contents, ArrayObject) else [contents]
            for part in parts:
                stream = part.get_object() if part is not None else None
                if not isinstance(stream, StreamObject):
                    return f"damaged PDF (page {number}: content missing)"
                damage = _content_damage(stream, zlib)
                if damage:
                    return f"damaged PDF (page {number}: {damage})"
    except Exception:  # what cannot even be walked again says nothing more than "no text"
        return None
    return None


_FLATE = ("/FlateDecode", "/Fl")
_ASCII85 = ("/ASCII85Decode", "/A85")
_ASCII_HEX = ("/ASCIIHexDecode", "/AHx")
_SAMPLE = 1 << 16  # bytes of a stream decoded to judge it
# Any drawing at all: a stream of none of these (and not blank) is not a page's content but noise.
_DRAWING = re.compile(rb"(?:^|[\s\])>])(?:BT|Do|re|cm|q|m|f|S|sh|BI|Tj|TJ)(?=[\s\[(/<%]|$)")


def _content_damage(stream: object, zlib: Any) -> str | None:
    """What is wrong with a page content stream whose data this can decode (ASCII85, ASCIIHex and Flate,
    in any chain), or None: it does not decode, or decodes to something that draws nothing."""
    import base64
    import binascii

    filters = stream.get("/Filter")  # type: ignore[attr-defined]
    chain = list(filters) if isinstance(filters, list) else [filters] if filters is not None else []
    data = bytes(getattr(stream, "_data", b"") or b"")
    for name in chain:
        if not data.strip():
            return None
        if name in _ASCII85:
            text = b"".join(data.split())
            text = text[2:] if text.startswith(b"<~") else text
            end = text.find(b"~>")
            try:
                data = base64.a85decode(text if end < 0 else text[:end])
            except (ValueError, binascii.Error):
                return "content does not decode"
        elif name in _ASCII_HEX:
            text = b"".join(data.split())
            end = text.find(b">")
            text = text if end < 0 else text[:end]
            try:
                data = binascii.unhexlify(text + b"0" * (len(text) % 2))
            except (ValueError, binascii.Error):
                return "content does not decode"
        elif name in _FLATE:
            inflater = zlib.decompressobj()
            try:
                out = inflater.decompress(data, _SAMPLE)
            except zlib.error:
                return "content does not decompress"
            if not (inflater.eof or len(out) >= _SAMPLE or inflater.unconsumed_tail):
                return "content does not decompress"
            data = out
        else:
            return None  # a filter this look does not follow: nothing more to tell
    if data.strip() and not _DRAWING.search(data[:_SAMPLE]):
        return "content is not drawing instructions"
    return None


_ENCRYPTED_OOXML = "EncryptionInfo".encode("utf-16-le")


def _ole2_reason(data: bytes) -> str:
    if _ENCRYPTED_OOXML in data:
        return "password-protected Office document (not supported)"
    return "legacy Word .doc format is not supported"
