"""PDF text through pypdf, within budgets, without the text a reader cannot see.

pypdf's default extraction ("plain") is used, with two visitors that see every content-stream operator and
every text fragment:

* :class:`_PageVisitor` follows the graphics state and drops text drawn invisibly (render mode 3/7), in
  white where nothing was painted beneath it, or outside the page box: the keyword stuffing that a human
  reader never sees. Invisible text over an image is kept: that is how OCR'd scans carry their text.
* the same visitor records where each fragment starts, so that fragments pypdf put on separate lines but
  which sit on one baseline, left to right, are joined again (web-page PDFs split ``01/2010 to Current``
  into one fragment per word).

Decompression is capped per stream and page content is budgeted per file, so a flate bomb costs megabytes,
not gigabytes.
"""

from __future__ import annotations

import io
import logging
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pypdf
from pypdf.errors import DependencyError, FileNotDecryptedError, LimitReachedError

from jobmatch.documents.clean import clean_inline
from jobmatch.documents.limits import Limits
from jobmatch.errors import DocumentError

# pypdf reports what it repairs through logging; a library must not print it (no handler -> lastResort).
logging.getLogger("pypdf").addHandler(logging.NullHandler())

Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_OFF_PAGE_MARGIN = 36.0  # points outside the crop box before text counts as deliberately off the page
_WHITE = 0.98  # a colour component at least this light (or a CMYK ink at most 1 - this) is white
_MAX_PAINTED = 256
_BOMB = "PDF content over the decompression limit (compression bomb?)"
_SAME_BASELINE = 0.3  # fragments whose baselines differ by less than this share of the font size share a line


@dataclass(frozen=True, slots=True)
class PdfText:
    pages: list[list[str]]  # raw lines per page read (not yet cleaned)
    page_count: int
    warnings: list[str]
    title: str


def read_pdf(data: bytes, limits: Limits) -> PdfText:
    """The raw lines of each page of the PDF in ``data``; :class:`DocumentError` for what cannot be read."""
    cap = limits.max_pdf_stream_bytes
    with pypdf.apply_configuration(
        zlib_maximum_output_length=cap,
        array_based_stream_maximum_output_length=cap,
        lzw_maximum_output_length=cap,
        run_length_maximum_output_length=cap,
        brotli_maximum_output_length=cap,
        jbig2_maximum_output_length=cap,
        image_maximum_buffer_size=cap,
        stream_decoding_work_maximum_length=4 * cap,
        stream_parsing_work_maximum_count=limits.max_pdf_tokens,
        disable_legacy_handling=True,
    ):
        return _read(data, limits)


def _read(data: bytes, limits: Limits) -> PdfText:
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        _decrypt(reader)
        page_count = len(reader.pages)
    except DocumentError:
        raise
    except LimitReachedError as exc:
        raise DocumentError(f"damaged PDF ({_short(exc)})") from exc
    except FileNotDecryptedError as exc:
        raise DocumentError("password-protected PDF") from exc
    except RecursionError as exc:
        raise DocumentError("damaged PDF (nesting too deep)") from exc
    except Exception as exc:  # pypdf raises many kinds (and plain ValueError, KeyError …) on bad files
        raise DocumentError(f"damaged PDF ({_short(exc)})") from exc
    if page_count == 0:
        raise DocumentError("PDF has no pages")

    warnings: list[str] = []
    pages: list[list[str]] = []
    hidden: dict[str, None] = {}  # kinds of hidden text, in the order first seen
    content_bytes = 0
    tokens = 0
    chars = 0
    failures: list[str] = []
    to_read = min(page_count, limits.max_pages)
    if page_count > to_read:
        warnings.append(f"only the first {to_read} of {page_count} pages read")

    for index in range(to_read):
        try:
            page = reader.pages[index]
            content_bytes += _content_size(page)
            if content_bytes > limits.max_pdf_content_bytes:
                if not any(pages):
                    raise DocumentError(_BOMB)
                warnings.append(f"stopped after page {index}: page content too large")
                break
            visitor = _PageVisitor(_page_box(page), token_budget=limits.max_pdf_tokens - tokens)
            try:
                page.extract_text(
                    visitor_operand_before=visitor.before,
                    visitor_operand_after=visitor.after,
                    visitor_text=visitor.text,
                )
            finally:
                tokens += visitor.tokens
            if (
                visitor.tokens > visitor.token_budget
            ):  # spent inside a form XObject, where pypdf swallows errors
                raise _TooComplexError
        except DocumentError:
            raise
        except (LimitReachedError, _TooComplexError) as exc:
            message = _limit_reason(exc, limits)
            if not any(pages):
                raise DocumentError(message) from exc
            warnings.append(f"stopped after page {index}: {message}")
            break
        except FileNotDecryptedError as exc:
            raise DocumentError("password-protected PDF") from exc
        except DependencyError as exc:
            raise DocumentError(f"cannot read this PDF ({_short(exc)})") from exc
        except RecursionError:
            failures.append(f"page {index + 1}: nesting too deep")
            pages.append([])
            continue
        except Exception as exc:  # a broken page must not lose the others
            failures.append(f"page {index + 1}: {_short(exc)}")
            pages.append([])
            continue
        hidden.update(dict.fromkeys(visitor.hidden_kinds))
        lines = visitor.lines()
        pages.append(lines)
        chars += sum(len(line) for line in lines)
        if chars > 2 * limits.max_chars:
            if index + 1 < to_read:
                warnings.append(f"stopped after page {index + 1}: text limit reached")
            break

    if failures and all(not page for page in pages):
        raise DocumentError(f"damaged PDF ({failures[0]})")
    if failures:
        warnings.append(f"{len(failures)} page(s) unreadable ({failures[0]})")
    if hidden:
        warnings.append(f"hidden text ignored ({', '.join(hidden)})")
    return PdfText(pages=pages, page_count=page_count, warnings=warnings, title=title_of(reader))


class _TooComplexError(Exception):
    """Raised from the visitor when the file's token budget is spent."""


def _limit_reason(exc: Exception, limits: Limits) -> str:
    message = _short(exc)
    lowered = message.lower()
    if isinstance(exc, _TooComplexError) or "tokens" in lowered:
        return f"PDF too complex (over {limits.max_pdf_tokens:,} drawing instructions)"
    if "decompress" in lowered or "decoding work" in lowered or "declared" in lowered:
        return _BOMB
    return f"PDF over a safety limit ({message})"


def _decrypt(reader: pypdf.PdfReader) -> None:
    if not reader.is_encrypted:
        return
    try:
        result = reader.decrypt("")
    except DependencyError as exc:
        raise DocumentError("encrypted PDF needs the 'cryptography' package") from exc
    except NotImplementedError as exc:
        raise DocumentError(f"encrypted PDF ({_short(exc)})") from exc
    if result == pypdf.PasswordType.NOT_DECRYPTED:
        raise DocumentError("password-protected PDF")


def _content_size(page: pypdf.PageObject) -> int:
    contents = page.get_contents()
    return 0 if contents is None else len(contents.get_data())


def _page_box(page: pypdf.PageObject) -> tuple[float, float, float, float] | None:
    try:
        box = page.cropbox
        x0, y0, x1, y1 = float(box.left), float(box.bottom), float(box.right), float(box.top)
    except Exception:  # a missing or malformed box only disables the off-page check
        return None
    if not all(math.isfinite(v) for v in (x0, y0, x1, y1)) or x1 <= x0 or y1 <= y0:
        return None
    return (x0, y0, x1, y1)


def title_of(reader: pypdf.PdfReader) -> str:
    try:
        metadata = reader.metadata
        title = metadata.title if metadata is not None else None
    except Exception:  # metadata is decoration: a broken Info dictionary is not worth a skip
        return ""
    return clean_inline(str(title)) if title else ""


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return clean_inline(text, max_chars=80)


# ---------------------------------------------------------------------------- geometry


def _matrix(values: Sequence[Any]) -> Matrix:
    try:
        result = (
            float(values[0]),
            float(values[1]),
            float(values[2]),
            float(values[3]),
            float(values[4]),
            float(values[5]),
        )
    except (TypeError, ValueError, IndexError):
        return _IDENTITY
    return result if math.isfinite(sum(result)) else _IDENTITY


def _mult(m: Matrix, n: Matrix) -> Matrix:
    """``m`` then ``n`` (PDF row-vector convention, as pypdf's ``mult``)."""
    return (
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    )


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])


Box = tuple[float, float, float, float]
_EVERYWHERE: Box = (-math.inf, -math.inf, math.inf, math.inf)


@dataclass
class Painting:
    """The areas of a page covered so far by non-white fills and images, in page space. Past
    ``_MAX_PAINTED`` areas the whole page counts as painted: checks stay cheap and, if anything,
    hidden-looking text is kept rather than dropped."""

    boxes: list[Box] = field(default_factory=list)

    def paint(self, box: Box) -> None:
        if len(self.boxes) >= _MAX_PAINTED or box == _EVERYWHERE:
            self.boxes = [_EVERYWHERE]
        elif self.boxes != [_EVERYWHERE]:
            self.boxes.append(box)

    def covers(self, x: float, y: float) -> bool:
        return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in self.boxes)


def _bbox(points: list[tuple[float, float]]) -> Box:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _numbers(operands: Sequence[Any]) -> list[float]:
    out: list[float] = []
    for value in operands:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out.append(float(value))
    return out


# ---------------------------------------------------------------------------- the visitor


@dataclass(slots=True)
class _GState:
    fill_space: str = "/DeviceGray"
    fill_white: bool = False
    render_mode: int = 0

    def copy(self) -> _GState:
        return _GState(self.fill_space, self.fill_white, self.render_mode)


@dataclass(slots=True)
class _Fragment:
    text: str
    x: float
    y: float
    size: float
    placed: bool  # False when the position is unknown: never joined to a neighbour


@dataclass(slots=True)
class _Line:
    text: str = ""
    placed: bool = True
    started: bool = False
    x: float = 0.0  # start of the last fragment added
    y: float = 0.0
    size: float = 0.0


_FILL_OPS = frozenset({b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})
_PATH_END_OPS = frozenset({b"S", b"s", b"n"})
_TEXT_OPS = frozenset({b"Tj", b"TJ", b"'", b'"'})
_IMAGE_OPS = frozenset({b"Do", b"INLINE IMAGE", b"BI"})
_PATH_OPS = frozenset({b"re", b"m", b"l", b"c", b"v", b"y"})
_PLACED_OPS = _TEXT_OPS | _IMAGE_OPS | _PATH_OPS  # operators whose position matters
_STATE_OPS = frozenset({b"q", b"Q", b"Tr", b"g", b"rg", b"k", b"sc", b"scn", b"cs", b"sh"})
_WATCHED_OPS = _PLACED_OPS | _FILL_OPS | _PATH_END_OPS | _STATE_OPS


@dataclass
class _PageVisitor:
    """Follows one page's content stream through pypdf's visitor hooks (see the module docstring)."""

    page_box: Box | None
    token_budget: int
    tokens: int = 0
    hidden_kinds: list[str] = field(default_factory=list)
    fragments: list[_Fragment] = field(default_factory=list)
    _state: _GState = field(default_factory=_GState)
    _stack: list[_GState] = field(default_factory=list)
    _forms: list[tuple[Matrix, _GState, int]] = field(default_factory=list)  # (to page, state, stack depth)
    _pending_form: Matrix | None = None
    _path: Box | None = None  # bounding box of the path being built
    _painting: Painting = field(default_factory=Painting)  # areas covered by non-white fills and images
    _bounds: Box = field(init=False, default=_EVERYWHERE)  # the page box widened by the off-page margin

    def __post_init__(self) -> None:
        box = self.page_box
        self._bounds = (
            _EVERYWHERE
            if box is None
            else (
                box[0] - _OFF_PAGE_MARGIN,
                box[1] - _OFF_PAGE_MARGIN,
                box[2] + _OFF_PAGE_MARGIN,
                box[3] + _OFF_PAGE_MARGIN,
            )
        )

    # -- pypdf hooks

    def before(self, operator: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        tokens = self.tokens + 1 + len(operands)
        if operator == b"TJ" and operands and isinstance(operands[0], list):
            tokens += len(operands[0])
        self.tokens = tokens
        if tokens > self.token_budget:
            raise _TooComplexError
        if self._pending_form is not None:  # first operator inside a form XObject
            self._forms.append((self._pending_form, self._state.copy(), len(self._stack)))
            self._pending_form = None
        if operator not in _WATCHED_OPS:
            return
        state = self._state
        if operator in _TEXT_OPS and not (state.fill_white or state.render_mode in (3, 7) or self._forms):
            # The common case, decided on the raw numbers without building matrices: normal ink and no
            # form XObject, so of _check_text's tests only the off-page one can apply.
            bounds = self._bounds
            try:
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            except (TypeError, IndexError):
                x = y = math.nan
            if bounds[0] <= x <= bounds[2] and bounds[1] <= y <= bounds[3]:
                return
        to_page = self._to_page(_matrix(cm)) if operator in _PLACED_OPS else _IDENTITY
        if operator in _TEXT_OPS:
            self._check_text(operator, operands, _matrix(tm), to_page)
        elif operator == b"q":
            self._stack.append(self._state.copy())
        elif operator == b"Q":
            if self._stack:
                self._state = self._stack.pop()
        elif operator == b"Tr":
            numbers = _numbers(operands)
            if numbers:
                self._state.render_mode = int(numbers[0])
        elif operator in (b"g", b"rg", b"k", b"sc", b"scn", b"cs"):
            self._set_fill(operator, operands)
        elif operator == b"re":
            numbers = _numbers(operands)
            if len(numbers) >= 4:
                x, y, w, h = numbers[:4]
                self._extend_path(to_page, [x, y, x + w, y + h, x, y + h, x + w, y])
        elif operator in (b"m", b"l", b"c", b"v", b"y"):
            self._extend_path(to_page, _numbers(operands))
        elif operator in _FILL_OPS:
            if self._path is not None and not self._state.fill_white:
                self._painting.paint(self._path)
            self._path = None
        elif operator in _PATH_END_OPS:
            self._path = None
        elif operator == b"sh":
            self._painting.paint(_EVERYWHERE)
        elif operator in _IMAGE_OPS:
            self._painting.paint(_bbox([_apply(to_page, x, y) for x, y in ((0, 0), (1, 1), (0, 1), (1, 0))]))
            if operator == b"Do":
                self._pending_form = to_page

    def after(self, operator: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        if operator != b"Do":
            return
        if self._pending_form is not None:  # an image, or a form without operators
            self._pending_form = None
        elif self._forms:
            _, state, depth = self._forms.pop()
            self._state = state
            del self._stack[depth:]

    def text(self, text: str, cm: list[float], tm: list[float], font: Any, font_size: float) -> None:
        if not text:
            return
        m = _mult(_matrix(tm), self._to_page(_matrix(cm)))
        upright = abs(m[1]) < 1e-6 and abs(m[2]) < 1e-6 and m[0] > 0 and m[3] > 0
        try:
            size = abs(float(font_size)) * math.hypot(m[2], m[3])
        except (TypeError, ValueError):
            size = 0.0
        placed = upright and math.isfinite(size) and size > 0
        self.fragments.append(_Fragment(text, m[4], m[5], size, placed))

    # -- results

    def lines(self) -> list[str]:
        """The page's lines: pypdf's line breaks, with same-baseline fragments joined again."""
        lines: list[_Line] = []
        current = _Line()
        for fragment in self.fragments:
            for i, part in enumerate(fragment.text.split("\n")):
                if i > 0:
                    lines.append(current)
                    current = _Line()
                if not part:
                    continue
                placed = fragment.placed and i == 0
                if not current.started:
                    current.placed = placed
                    current.started = True
                elif not placed:
                    current.placed = False
                current.text += part
                if placed:
                    current.x, current.y, current.size = fragment.x, fragment.y, fragment.size
        lines.append(current)

        merged: list[_Line] = []
        for line in lines:
            if merged and self._continues(merged[-1], line):
                last = merged[-1]
                gap = "" if last.text[-1:].isspace() or line.text[:1].isspace() else " "
                last.text += gap + line.text
                last.x, last.y, last.size = line.x, line.y, line.size
            else:
                merged.append(line)
        return [line.text for line in merged]

    @staticmethod
    def _continues(left: _Line, right: _Line) -> bool:
        if not (left.started and right.started and left.placed and right.placed):
            return False
        tolerance = _SAME_BASELINE * max(left.size, right.size)
        return abs(right.y - left.y) <= tolerance and right.x > left.x

    # -- state

    def _to_page(self, cm: Matrix) -> Matrix:
        return _mult(cm, self._forms[-1][0]) if self._forms else cm

    def _set_fill(self, operator: bytes, operands: list[Any]) -> None:
        state = self._state
        numbers = _numbers(operands)
        if operator == b"cs":
            state.fill_space = str(operands[0]) if operands else ""
            state.fill_white = False
        elif operator == b"g":
            state.fill_space = "/DeviceGray"
            state.fill_white = len(numbers) == 1 and numbers[0] >= _WHITE
        elif operator == b"rg":
            state.fill_space = "/DeviceRGB"
            state.fill_white = len(numbers) == 3 and min(numbers) >= _WHITE
        elif operator == b"k":
            state.fill_space = "/DeviceCMYK"
            state.fill_white = len(numbers) == 4 and max(numbers) <= 1 - _WHITE
        elif len(numbers) == 3:  # sc/scn in an RGB-like space (DeviceRGB, ICCBased RGB, CalRGB)
            state.fill_white = min(numbers) >= _WHITE
        elif len(numbers) == 4:
            state.fill_white = max(numbers) <= 1 - _WHITE
        elif len(numbers) == 1:  # only in a gray space does 1 mean white (in a Separation it is full ink)
            state.fill_white = state.fill_space in ("/DeviceGray", "/CalGray") and numbers[0] >= _WHITE
        else:  # a pattern or an unknown space: assume visible
            state.fill_white = False

    def _check_text(self, operator: bytes, operands: list[Any], tm: Matrix, to_page: Matrix) -> None:
        mode = self._state.render_mode
        x, y = _apply(_mult(tm, to_page), 0.0, 0.0)
        kind = ""
        box = self.page_box
        if box is not None and not (
            box[0] - _OFF_PAGE_MARGIN <= x <= box[2] + _OFF_PAGE_MARGIN
            and box[1] - _OFF_PAGE_MARGIN <= y <= box[3] + _OFF_PAGE_MARGIN
        ):
            kind = "off-page"
        elif mode in (3, 7) and not self._painting.covers(x, y):
            kind = "invisible"
        elif self._state.fill_white and mode in (0, 2, 4, 6) and not self._painting.covers(x, y):
            kind = "white"
        if not kind or not _shows_text(operator, operands):
            return
        if kind not in self.hidden_kinds:
            self.hidden_kinds.append(kind)
        # pypdf reads the operands after this hook returns: emptying them drops the text, keeps the moves.
        if operator == b'"' and len(operands) >= 3:
            operands[2] = b""
        else:
            operands.clear()

    def _extend_path(self, to_page: Matrix, numbers: list[float]) -> None:
        points = [_apply(to_page, px, py) for px, py in zip(numbers[0::2], numbers[1::2], strict=False)]
        if not points:
            return
        box = _bbox(points)
        if self._path is not None:
            box = (
                min(box[0], self._path[0]),
                min(box[1], self._path[1]),
                max(box[2], self._path[2]),
                max(box[3], self._path[3]),
            )
        self._path = box


def _shows_text(operator: bytes, operands: list[Any]) -> bool:
    if operator == b"TJ":
        items = operands[0] if operands and isinstance(operands[0], list) else []
        return any(isinstance(item, (str, bytes)) and item for item in items)
    if operator == b'"':
        return len(operands) >= 3 and bool(operands[2])
    return bool(operands) and bool(operands[0])
