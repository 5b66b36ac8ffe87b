"""PDF text through pypdf, within budgets, without the text a reader cannot see.

pypdf's default extraction ("plain") is used, with two visitors that see every content-stream operator and
every text fragment:

* :class:`_PageVisitor` follows the graphics state and drops the keyword stuffing that a human reader
  never sees, and says why: text drawn invisibly (render mode 3/7) or with a clear alpha ("invisible",
  "transparent"); in the colour of what was painted beneath it, the page's white where nothing was
  ("white", "same colour as background", through any colour space: a Separation tint of 0 and Lab L=100
  are white; stroke-only text by its stroke colour); glyphs under 1 pt high or an em under 1 pt wide
  (a tiny font, text matrix or horizontal scale: "tiny"); outside the page box, also when character or
  word spacing or TJ offsets carry it there ("off-page"); outside the clipping path's box ("clipped"); in
  optional content that is off when the file opens ("optional content off"); under an opaque rectangle
  drawn after it ("covered"). Invisible text over an image is kept: that is how OCR'd scans carry it.
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
import re
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
    dated: str = ""  # "YYYY-MM" the Info dictionary says the file was last written ("" when it does not)


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
    content_off = _content_off(reader)
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
            visitor = _PageVisitor(
                _page_box(page),
                token_budget=limits.max_pdf_tokens - tokens,
                resources=page.get("/Resources"),
                content_off=content_off,
            )
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
    return PdfText(
        pages=pages, page_count=page_count, warnings=warnings, title=title_of(reader), dated=dated_of(reader)
    )


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


def _content_off(reader: pypdf.PdfReader) -> frozenset[int]:
    """Object numbers of the optional content groups (layers) a viewer hides when it opens the file."""
    try:
        root: Any = reader.trailer["/Root"].get_object()
        properties = root.get("/OCProperties")
        if properties is None:
            return frozenset()
        properties = properties.get_object()
        default = properties["/D"].get_object()

        def numbers(key: str, where: Any) -> set[int]:
            found = where.get(key)
            found = found.get_object() if found is not None else []
            return {ref.idnum for ref in found if hasattr(ref, "idnum")}

        if default.get("/BaseState") == "/OFF":
            return frozenset(numbers("/OCGs", properties) - numbers("/ON", default))
        return frozenset(numbers("/OFF", default))
    except Exception:  # a broken /OCProperties: every layer counts as shown
        return frozenset()


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


def dated_of(reader: pypdf.PdfReader) -> str:
    """The month the Info dictionary says the file was last changed (ModDate, else CreationDate), or ""."""
    try:
        metadata = reader.metadata
        if metadata is None:
            return ""
        for key in ("/ModDate", "/CreationDate"):
            raw = metadata.get(key)
            month = month_of_pdf_date(str(raw)) if raw is not None else ""
            if month:
                return month
    except Exception:  # metadata is decoration: a broken Info dictionary is not worth a skip
        return ""
    return ""


_PDF_DATE = re.compile(r"(?:D:)?((?:19|20)\d\d)(0[1-9]|1[0-2])")


def month_of_pdf_date(raw: str) -> str:
    """ "D:20210808155623+05'30'" -> "2021-08"; "" for what is not a PDF date of this century or the last."""
    found = _PDF_DATE.match(raw.strip()[:40])
    return f"{found.group(1)}-{found.group(2)}" if found else ""


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
Colour = tuple[float, float, float]  # RGB, 0-1
_EVERYWHERE: Box = (-math.inf, -math.inf, math.inf, math.inf)
_PAGE_COLOUR: Colour = (1.0, 1.0, 1.0)  # what lies under text where nothing was painted
_BLACK: Colour = (0.0, 0.0, 0.0)
_GRID = 24  # past _MAX_PAINTED areas, the page is followed as this many cells a side
_BIG = 4.0  # points: a thinner painted area (a rule, a border, a bullet) cannot hide text in its colour
_LETTER: Box = (0.0, 0.0, 612.0, 792.0)


def same_colour(a: Colour | None, b: Colour | None) -> bool:
    """Whether two colours look alike (``None``, an unknown colour, is like nothing)."""
    if a is None or b is None:
        return False
    tolerance = 1 - _WHITE
    return abs(a[0] - b[0]) <= tolerance and abs(a[1] - b[1]) <= tolerance and abs(a[2] - b[2]) <= tolerance


def _colour_key(colour: Colour) -> tuple[int, int, int]:
    return (round(colour[0] * 50), round(colour[1] * 50), round(colour[2] * 50))


class Painting:
    """What has been painted so far on a page, in page space: each area's box and colour (``None`` for an
    image, a shading or a colour that cannot be told), in painting order, so that :meth:`under` tells the
    colour a reader sees beneath a point of text.

    Past ``_MAX_PAINTED`` areas the page is followed as a grid of cells instead: a cell painted whole in
    one colour has that colour, a cell painted in part is of unknown colour. Checks stay cheap and the
    approximation errs towards keeping text, one cell's width at most: a page of many small areas does
    not make all its text count as visible."""

    __slots__ = ("_area", "_big", "_boxes", "_grid", "big_keys")

    def __init__(self, area: Box | None = None) -> None:
        finite = (
            area is not None
            and all(math.isfinite(v) for v in area)
            and area[0] < area[2]
            and area[1] < area[3]
        )
        self._area = area if area is not None and finite else _LETTER
        self._boxes: list[tuple[Box, Colour | None]] = []
        self._grid: list[list[Colour | None]] | None = None
        self._big: dict[tuple[int, int, int], list[Box]] = {}
        self.big_keys: set[tuple[int, int, int]] = set()  # colours of areas that text could hide in

    def paint(self, box: Box, colour: Colour | None = None) -> None:
        if not (box[0] <= box[2] and box[1] <= box[3]):  # empty, or NaN
            return
        if colour is not None and box[2] - box[0] >= _BIG and box[3] - box[1] >= _BIG:
            key = _colour_key(colour)
            self.big_keys.add(key)
            if self._grid is None:
                self._big.setdefault(key, []).append(box)
        if self._grid is None:
            if len(self._boxes) < _MAX_PAINTED:
                self._boxes.append((box, colour))
                return
            self._grid = [[_PAGE_COLOUR] * _GRID for _ in range(_GRID)]
            for old, old_colour in self._boxes:
                self._paint_cells(old, old_colour)
            self._boxes = []
            self._big = {}
        self._paint_cells(box, colour)

    def under(self, x: float, y: float) -> Colour | None:
        """The colour seen beneath the point: the page's white where nothing was painted, ``None`` where
        it cannot be told."""
        if self._grid is not None:
            cell = self._cell(x, y)
            return None if cell is None else self._grid[cell[1]][cell[0]]
        for box, colour in reversed(self._boxes):
            if box[0] <= x <= box[2] and box[1] <= y <= box[3]:
                return colour
        return _PAGE_COLOUR

    def may_be(self, colour: Colour, x: float, y: float) -> bool:
        """A cheap first look: whether the colour seen beneath the point could be ``colour`` (always for the
        page's white)."""
        if same_colour(colour, _PAGE_COLOUR):
            return True
        key = _colour_key(colour)
        if key not in self.big_keys:
            return False
        if self._grid is not None:
            return True
        return any(b[0] <= x <= b[2] and b[1] <= y <= b[3] for b in self._big.get(key, ()))

    def _cell(self, x: float, y: float) -> tuple[int, int] | None:
        x0, y0, x1, y1 = self._area
        if not (x0 <= x <= x1 and y0 <= y <= y1):
            return None
        return (
            min(int((x - x0) / (x1 - x0) * _GRID), _GRID - 1),
            min(int((y - y0) / (y1 - y0) * _GRID), _GRID - 1),
        )

    def _paint_cells(self, box: Box, colour: Colour | None) -> None:
        assert self._grid is not None
        x0, y0, x1, y1 = self._area
        w, h = (x1 - x0) / _GRID, (y1 - y0) / _GRID
        left, bottom = max(box[0], x0), max(box[1], y0)
        right, top = min(box[2], x1), min(box[3], y1)
        if left > right or bottom > top:
            return
        c0, c1 = min(int((left - x0) / w), _GRID - 1), min(int((right - x0) / w), _GRID - 1)
        r0, r1 = min(int((bottom - y0) / h), _GRID - 1), min(int((top - y0) / h), _GRID - 1)
        for row in range(r0, r1 + 1):
            cells = self._grid[row]
            full_row = box[1] <= y0 + row * h and y0 + (row + 1) * h <= box[3]
            for column in range(c0, c1 + 1):
                full = full_row and box[0] <= x0 + column * w and x0 + (column + 1) * w <= box[2]
                if full:
                    cells[column] = colour
                elif not same_colour(cells[column], colour):
                    cells[column] = None  # painted in part: its colour cannot be told


def _bbox(points: list[tuple[float, float]]) -> Box:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))


def _intersect(a: Box, b: Box) -> Box:
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def _numbers(operands: Sequence[Any]) -> list[float]:
    out: list[float] = []
    for value in operands:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            out.append(float(value))
    return out


# ---------------------------------------------------------------------------- colour spaces

# A colour space as the visitor follows it: its family and number of components.
_Space = tuple[str, int]
_GRAY: _Space = ("gray", 1)
_RGB: _Space = ("rgb", 3)
_CMYK: _Space = ("cmyk", 4)
_UNKNOWN_SPACE: _Space = ("unknown", 0)
_DEVICE_SPACES = {
    "/DeviceGray": _GRAY,
    "/G": _GRAY,
    "/CalGray": _GRAY,
    "/DeviceRGB": _RGB,
    "/RGB": _RGB,
    "/CalRGB": _RGB,
    "/DeviceCMYK": _CMYK,
    "/CMYK": _CMYK,
    "/Pattern": ("pattern", 0),
}
_ICC_SPACES = {1: _GRAY, 3: _RGB, 4: _CMYK}


def _space_of(value: Any) -> _Space:
    """The family of a colour space object (a name or an array, resolved)."""
    try:
        value = value.get_object() if hasattr(value, "get_object") else value
        if isinstance(value, str):
            return _DEVICE_SPACES.get(str(value), _UNKNOWN_SPACE)
        if not isinstance(value, list) or not value:
            return _UNKNOWN_SPACE
        family = str(value[0])
        if family in _DEVICE_SPACES:
            return _DEVICE_SPACES[family]
        if family == "/ICCBased" and len(value) > 1:
            return _ICC_SPACES.get(int(value[1].get_object().get("/N", 0)), _UNKNOWN_SPACE)
        if family == "/Lab":
            return ("lab", 3)
        if family == "/Separation":
            return ("ink", 1)
        if family == "/DeviceN" and len(value) > 1:
            return ("ink", len(value[1].get_object()))
    except Exception:  # a malformed colour space: its colours are unknown, never judged hidden
        return _UNKNOWN_SPACE
    return _UNKNOWN_SPACE


def _colour_in(space: _Space, numbers: list[float]) -> Colour | None:
    """The RGB look of a colour given in ``space``, or None when it cannot be told."""
    family, count = space
    if family == "unknown":  # a space this reader could not resolve: guess from the number of components
        family = {1: "", 3: "rgb", 4: "cmyk"}.get(len(numbers), "")
        count = len(numbers)
    if not family or len(numbers) != count:
        return None
    if family == "gray":
        return (numbers[0], numbers[0], numbers[0])
    if family == "rgb":
        return (numbers[0], numbers[1], numbers[2])
    if family == "cmyk":
        c, m, y, k = numbers
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    if family == "lab":  # only the greys: L from 0 to 100, a and b near 0
        lightness, a, b = numbers
        return (lightness / 100,) * 3 if abs(a) <= 2 and abs(b) <= 2 else None
    if family == "ink":  # a Separation or DeviceN: no ink at all is the paper's white; any ink, unknown
        return _PAGE_COLOUR if max(numbers) <= 1 - _WHITE else None
    return None


def _initial_colour(space: _Space) -> Colour | None:
    family = space[0]
    if family in ("gray", "rgb", "cmyk", "lab"):
        return _BLACK
    return None  # full ink of a separation, a pattern, an unknown space


# ---------------------------------------------------------------------------- the visitor

_CLEAR = 0.05  # an alpha at most this is transparent
_ROW = 20.0  # points: fragments are indexed by bands of the page this tall
_GLYPH_WIDTH = 0.6  # of the font size: a generous average character width, for what a box covers
_WORDLIKE = re.compile(r"\w\w")
_TINY = 1.0  # points: text whose glyphs are smaller than this (height, or an em's width) cannot be read


@dataclass(slots=True)
class _GState:
    fill_space: _Space = _GRAY
    fill: Colour | None = _BLACK
    fill_plain: bool = True  # the fill is a colour that cannot be the page's white
    fill_key: tuple[int, int, int] | None = (0, 0, 0)  # _colour_key(fill)
    stroke_space: _Space = _GRAY
    stroke: Colour | None = _BLACK
    render_mode: int = 0
    fill_alpha: float = 1.0
    stroke_alpha: float = 1.0
    normal_blend: bool = True  # normal blend mode and no soft mask: colours are what they say
    font_size: float = 12.0
    font_scale: float = 1.0  # a Type 3 font's glyph space against the usual thousandth of an em
    h_scale: float = 1.0
    char_spacing: float = 0.0  # Tc
    word_spacing: float = 0.0  # Tw
    code_bytes: int = 1  # bytes per character code of the font (2 for a Type 0 font)
    clip: Box = _EVERYWHERE  # bounding box of the clipping path, in page space
    clip_exact: bool = True  # the clipping path is that box (made of rectangles only)
    text_clip: bool = False  # text was added to the clipping path: fills then paint the glyphs

    def copy(self) -> _GState:
        return _GState(
            self.fill_space,
            self.fill,
            self.fill_plain,
            self.fill_key,
            self.stroke_space,
            self.stroke,
            self.render_mode,
            self.fill_alpha,
            self.stroke_alpha,
            self.normal_blend,
            self.font_size,
            self.font_scale,
            self.h_scale,
            self.char_spacing,
            self.word_spacing,
            self.code_bytes,
            self.clip,
            self.clip_exact,
            self.text_clip,
        )


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


@dataclass(slots=True)
class _Form:
    to_page: Matrix
    state: _GState
    depth: int  # of the q/Q stack when the form started
    resources: Any  # the form's
    outer: Any  # the resources in force where the form was drawn
    marked: int  # depth of the marked-content stack when the form started
    hidden_content: int


_FILL_OPS = frozenset({b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*"})
_PATH_END_OPS = frozenset({b"S", b"s", b"n"})
_TEXT_OPS = frozenset({b"Tj", b"TJ", b"'", b'"'})
_IMAGE_OPS = frozenset({b"Do", b"INLINE IMAGE", b"BI"})
_PATH_OPS = frozenset({b"re", b"m", b"l", b"c", b"v", b"y"})
_PLACED_OPS = _TEXT_OPS | _IMAGE_OPS | _PATH_OPS | {b"sh"}  # operators whose position matters
_FILL_COLOUR_OPS = frozenset({b"g", b"rg", b"k", b"sc", b"scn", b"cs"})
_STROKE_COLOUR_OPS = frozenset({b"G", b"RG", b"K", b"SC", b"SCN", b"CS"})
_LINE_OPS = frozenset(
    {b"BT", b"Td", b"TD", b"Tm", b"T*", b"'", b'"'}
)  # they start a line: the pen is at its start
_STATE_OPS = (
    frozenset({b"q", b"Q", b"Tr", b"Tf", b"Tz", b"Tc", b"Tw", b"gs", b"W", b"W*", b"BDC", b"BMC", b"EMC"})
    | _LINE_OPS
    | _FILL_COLOUR_OPS
    | _STROKE_COLOUR_OPS
)
_WATCHED_OPS = _PLACED_OPS | _FILL_OPS | _PATH_END_OPS | _STATE_OPS


@dataclass
class _PageVisitor:
    """Follows one page's content stream through pypdf's visitor hooks (see the module docstring)."""

    page_box: Box | None
    token_budget: int
    resources: Any = None  # the page's resource dictionary
    content_off: frozenset[int] = frozenset()  # object numbers of the optional content groups that are off
    tokens: int = 0
    hidden_kinds: list[str] = field(default_factory=list)
    fragments: list[_Fragment] = field(default_factory=list)
    _state: _GState = field(default_factory=_GState)
    _stack: list[_GState] = field(default_factory=list)
    _forms: list[_Form] = field(default_factory=list)
    _pending_form: _Form | None = None
    _path: Box | None = None  # bounding box of the path being built
    _path_rect: bool = False  # the path is one rectangle, upright on the page
    _shift: float = 0.0  # how far Tc, Tw and TJ offsets moved the pen along the line (text space)
    _rows: dict[int, list[_Fragment]] = field(default_factory=dict)  # placed fragments by band of the page
    _clipping: bool = False  # a W or W* waits for the path to end
    _painting: Painting = field(init=False)
    _bounds: Box = field(init=False, default=_EVERYWHERE)  # the page box widened by the off-page margin
    _marked: list[bool] = field(default_factory=list)  # open marked content: whether each hides its content
    _hidden_content: int = 0  # how many open marked-content sequences are optional content that is off
    _cache: dict[tuple[int, str, str], Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        box = self.page_box
        self._painting = Painting(box)
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
            self._forms.append(self._pending_form)
            self.resources = self._pending_form.resources
            self._pending_form = None
        if operator not in _WATCHED_OPS:
            return
        state = self._state
        if operator in _LINE_OPS:
            self._shift = 0.0
            if operator == b'"':  # sets the word and character spacing for what follows too
                numbers = _numbers(operands[:2])
                if len(numbers) == 2 and math.isfinite(sum(numbers)):
                    state.word_spacing, state.char_spacing = numbers
            elif operator not in _TEXT_OPS:
                return
        if (
            operator in _TEXT_OPS
            and not self._shift
            and state.render_mode == 0
            and state.fill_plain
            and state.fill_alpha > _CLEAR
            and not self._hidden_content
            and not self._forms
        ):
            # The common case, decided on the raw numbers without building matrices: ordinary ink, no form
            # XObject, and a colour nothing painted on the page has: only the position and the size can hide.
            try:
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                up_x = tm[2] * cm[0] + tm[3] * cm[2]
                up_y = tm[2] * cm[1] + tm[3] * cm[3]
                along_x = tm[0] * cm[0] + tm[1] * cm[2]
                along_y = tm[0] * cm[1] + tm[1] * cm[3]
            except (TypeError, IndexError):
                x = y = up_x = up_y = along_x = along_y = math.nan
            bounds = self._bounds
            clip = state.clip
            size = state.font_size * state.font_scale
            tiny = _TINY * _TINY
            if (
                bounds[0] <= x <= bounds[2]
                and bounds[1] <= y <= bounds[3]
                and clip[0] < x < clip[2]
                and clip[1] < y < clip[3]
                and (up_x * up_x + up_y * up_y) * size * size >= tiny
                and (along_x * along_x + along_y * along_y) * (size * state.h_scale) ** 2 >= tiny
                and (
                    state.fill_key not in self._painting.big_keys
                    or state.fill is None
                    or not self._painting.may_be(state.fill, x + up_x * size / 3, y + up_y * size / 3)
                )
            ):
                if not (state.char_spacing or state.word_spacing or operator == b"TJ"):
                    return
                own, middle = _own_shift(operator, operands, state, size)
                x += middle * along_x
                y += middle * along_y
                if bounds[0] <= x <= bounds[2] and bounds[1] <= y <= bounds[3]:
                    self._shift = own  # what follows on this line starts further along: not the fast way
                    return
        to_page = self._to_page(_matrix(cm)) if operator in _PLACED_OPS else _IDENTITY
        if operator in _TEXT_OPS:
            self._check_text(operator, operands, _matrix(tm), to_page)
        elif operator == b"q":
            self._stack.append(state.copy())
        elif operator == b"Q":
            if self._stack:
                self._state = self._stack.pop()
        elif operator == b"Tr":
            numbers = _numbers(operands)
            if numbers:
                state.render_mode = int(numbers[0])
        elif operator == b"Tf":
            self._set_font(operands)
        elif operator == b"Tz":
            numbers = _numbers(operands)
            if numbers:
                state.h_scale = numbers[0] / 100
        elif operator in (b"Tc", b"Tw"):
            numbers = _numbers(operands)
            if numbers and math.isfinite(numbers[0]):
                if operator == b"Tc":
                    state.char_spacing = numbers[0]
                else:
                    state.word_spacing = numbers[0]
        elif operator == b"gs":
            self._set_graphics_state(operands)
        elif operator in _FILL_COLOUR_OPS:
            self._set_fill(operator, operands)
        elif operator in _STROKE_COLOUR_OPS:
            self._set_stroke(operator, operands)
        elif operator == b"re":
            numbers = _numbers(operands)
            if len(numbers) >= 4:
                x, y, w, h = numbers[:4]
                upright = (to_page[1] == 0 and to_page[2] == 0) or (to_page[0] == 0 and to_page[3] == 0)
                self._path_rect = self._path is None and upright
                self._extend_path(to_page, [x, y, x + w, y + h, x, y + h, x + w, y])
        elif operator in (b"m", b"l", b"c", b"v", b"y"):
            self._path_rect = False
            self._extend_path(to_page, _numbers(operands))
        elif operator in (b"W", b"W*"):
            self._clipping = True
        elif operator in _FILL_OPS:
            if self._path is not None:
                visible = state.fill_alpha >= 1 - _CLEAR and state.normal_blend
                painted = _intersect(self._path, state.clip)
                self._painting.paint(painted, state.fill if visible else None)
                if visible and self._path_rect and state.clip_exact and not state.text_clip and self._rows:
                    self._cover(painted)
            self._end_path()
        elif operator in _PATH_END_OPS:
            self._end_path()
        elif operator == b"sh":
            self._painting.paint(state.clip)
        elif operator in _IMAGE_OPS:
            corners = [_apply(to_page, x, y) for x, y in ((0, 0), (1, 1), (0, 1), (1, 0))]
            if operator != b"Do" or self._is_image(operands):
                self._painting.paint(_intersect(_bbox(corners), state.clip))
            else:
                self._start_form(operands, to_page)
        elif operator in (b"BDC", b"BMC"):
            hides = (
                operator == b"BDC" and len(operands) >= 2 and operands[0] == "/OC" and self._off(operands[1])
            )
            self._marked.append(hides)
            self._hidden_content += hides
        elif operator == b"EMC" and len(self._marked) > (self._forms[-1].marked if self._forms else 0):
            self._hidden_content -= self._marked.pop()

    def after(self, operator: bytes, operands: list[Any], cm: list[float], tm: list[float]) -> None:
        if operator != b"Do":
            return
        if self._pending_form is not None:  # an image, or a form without operators
            self._pending_form = None
        elif self._forms:
            form = self._forms.pop()
            self._state = form.state
            del self._stack[form.depth :]
            del self._marked[form.marked :]
            self._hidden_content = form.hidden_content
            self.resources = form.outer

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
        fragment = _Fragment(text, m[4], m[5], size, placed)
        self.fragments.append(fragment)
        if placed and math.isfinite(m[5]) and "\n" not in text.strip("\n"):
            self._rows.setdefault(int(m[5] // _ROW), []).append(fragment)

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
        return _mult(cm, self._forms[-1].to_page) if self._forms else cm

    def _resource(self, category: str, name: Any) -> Any:
        """``name`` in the current resources' ``category`` dictionary (resolved), or None."""
        key = (id(self.resources), category, str(name))
        if key in self._cache:
            return self._cache[key]
        value = None
        try:
            resources = self.resources.get_object() if self.resources is not None else None
            entries = resources.get(category) if resources is not None else None
            if entries is not None:
                found = entries.get_object().get(str(name))
                value = found.get_object() if found is not None else None
        except Exception:  # a malformed resource is as good as a missing one
            value = None
        self._cache[key] = value
        return value

    def _set_fill(self, operator: bytes, operands: list[Any]) -> None:
        state = self._state
        if operator == b"cs":
            state.fill_space = self._space(operands)
            state.fill = _initial_colour(state.fill_space)
        else:
            if operator == b"g":
                state.fill_space = _GRAY
            elif operator == b"rg":
                state.fill_space = _RGB
            elif operator == b"k":
                state.fill_space = _CMYK
            # a pattern (a name among the operands) or an unknown space: assume visible
            named = bool(operands) and isinstance(operands[-1], str) and str(operands[-1]).startswith("/")
            state.fill = None if named else _colour_in(state.fill_space, _numbers(operands))
        state.fill_plain = state.fill is None or not same_colour(state.fill, _PAGE_COLOUR)
        state.fill_key = None if state.fill is None else _colour_key(state.fill)

    def _set_stroke(self, operator: bytes, operands: list[Any]) -> None:
        state = self._state
        if operator == b"CS":
            state.stroke_space = self._space(operands)
            state.stroke = _initial_colour(state.stroke_space)
            return
        if operator == b"G":
            state.stroke_space = _GRAY
        elif operator == b"RG":
            state.stroke_space = _RGB
        elif operator == b"K":
            state.stroke_space = _CMYK
        named = bool(operands) and isinstance(operands[-1], str) and str(operands[-1]).startswith("/")
        state.stroke = None if named else _colour_in(state.stroke_space, _numbers(operands))

    def _space(self, operands: list[Any]) -> _Space:
        if not operands:
            return _UNKNOWN_SPACE
        name = str(operands[0])
        if name in _DEVICE_SPACES:
            return _DEVICE_SPACES[name]
        found = self._resource("/ColorSpace", name)
        return _UNKNOWN_SPACE if found is None else _space_of(found)

    def _set_font(self, operands: list[Any]) -> None:
        state = self._state
        numbers = _numbers(operands[1:2])
        if numbers:
            state.font_size = abs(numbers[0])
        state.font_scale = 1.0
        state.code_bytes = 1
        if not operands:
            return
        font = self._resource("/Font", operands[0])
        try:
            if font is not None and font.get("/Subtype") == "/Type0":
                state.code_bytes = 2
            elif font is not None and font.get("/Subtype") == "/Type3":
                matrix = font.get("/FontMatrix")
                scale = math.hypot(float(matrix[2]), float(matrix[3])) * 1000
                if math.isfinite(scale) and scale > 0:
                    state.font_scale = scale
        except Exception:  # a malformed font matrix: the usual scale
            state.font_scale = 1.0

    def _set_graphics_state(self, operands: list[Any]) -> None:
        found = self._resource("/ExtGState", operands[0]) if operands else None
        if found is None:
            return
        state = self._state
        try:
            if "/ca" in found:
                state.fill_alpha = float(found["/ca"])
            if "/CA" in found:
                state.stroke_alpha = float(found["/CA"])
            if "/BM" in found or "/SMask" in found:
                blend = found.get("/BM", "/Normal")
                blend = blend[0] if isinstance(blend, list) and blend else blend
                mask = found.get("/SMask", "/None")
                state.normal_blend = str(blend) in ("/Normal", "/Compatible") and str(mask) == "/None"
        except Exception:  # a malformed graphics state: its alpha counts as opaque
            state.fill_alpha = state.stroke_alpha = 1.0

    def _is_image(self, operands: list[Any]) -> bool:
        found = self._resource("/XObject", operands[0]) if operands else None
        try:
            return found is None or found.get("/Subtype") != "/Form"
        except Exception:
            return True

    def _start_form(self, operands: list[Any], to_page: Matrix) -> None:
        form = self._resource("/XObject", operands[0])
        try:
            resources = form.get("/Resources")
            hidden = "/OC" in form and self._off(form["/OC"])
        except Exception:
            resources, hidden = None, False
        self._pending_form = _Form(
            to_page=to_page,
            state=self._state.copy(),
            depth=len(self._stack),
            resources=resources if resources is not None else self.resources,
            outer=self.resources,
            marked=len(self._marked),
            hidden_content=self._hidden_content,
        )
        if hidden:  # drawn only when its optional content is on
            self._marked.append(True)
            self._hidden_content += 1
            self._pending_form.marked += 1

    def _off(self, properties: Any) -> bool:
        """Whether a marked-content property list (a name or a dictionary) is optional content that is off."""
        if not self.content_off:
            return False
        try:
            value = properties
            if isinstance(value, str):
                value = self.resources.get_object()["/Properties"].get_object().raw_get(str(value))
            target = value.get_object()
            if target.get("/Type") == "/OCMD":
                groups = target.get("/OCGs")
                groups = groups if isinstance(groups, list) else [target.raw_get("/OCGs")]
                off = [getattr(group, "idnum", None) in self.content_off for group in groups]
                policy = str(target.get("/P", "/AnyOn"))
                if not off:
                    return False
                if policy == "/AllOn":
                    return any(off)
                if policy == "/AnyOff":
                    return not any(off)
                if policy == "/AllOff":
                    return not all(off)
                return all(off)
            return getattr(value, "idnum", None) in self.content_off
        except Exception:  # a broken property list: the content counts as shown
            return False

    def _end_path(self) -> None:
        if self._clipping and self._path is not None:
            self._state.clip = _intersect(self._state.clip, self._path)
            self._state.clip_exact = self._state.clip_exact and self._path_rect
        self._clipping = False
        self._path = None
        self._path_rect = False

    def _cover(self, box: Box) -> None:
        """Drop the text drawn before an opaque rectangle that now lies over the whole of it."""
        if not (box[2] - box[0] >= _BIG and box[3] - box[1] >= _BIG and math.isfinite(sum(box))):
            return
        for row in range(int(box[1] // _ROW) - 1, int(box[3] // _ROW) + 2):
            for fragment in self._rows.get(row, ()):
                size = fragment.size
                words = fragment.text.strip()
                if (
                    words
                    and box[0] <= fragment.x
                    and fragment.x + len(words) * _GLYPH_WIDTH * size <= box[2]
                    and box[1] <= fragment.y - 0.15 * size
                    and fragment.y + 0.7 * size <= box[3]
                ):
                    if _WORDLIKE.search(words) and "covered" not in self.hidden_kinds:
                        self.hidden_kinds.append("covered")
                    fragment.text = "\n" * fragment.text.count("\n")

    def _check_text(self, operator: bytes, operands: list[Any], tm: Matrix, to_page: Matrix) -> None:
        state = self._state
        m = _mult(tm, to_page)
        start = self._shift
        own = middle = 0.0
        if state.char_spacing or state.word_spacing or operator == b"TJ":
            own, middle = _own_shift(operator, operands, state, state.font_size * state.font_scale)
        self._shift = start + own
        if start:
            m = (m[0], m[1], m[2], m[3], m[4] + start * m[0], m[5] + start * m[1])
        kind = self._hidden_kind(m)
        if not kind and own:  # spacing that spreads the text: is most of it off the page?
            x, y = _apply(m, middle, 0.0)
            bounds = self._bounds
            if not (bounds[0] <= x <= bounds[2] and bounds[1] <= y <= bounds[3]):
                kind = "off-page"
        if state.render_mode >= 4:
            state.text_clip = True
        if not kind or not _shows_text(operator, operands):
            return
        if kind not in self.hidden_kinds:
            self.hidden_kinds.append(kind)
        # pypdf reads the operands after this hook returns: emptying them drops the text, keeps the moves.
        if operator == b'"' and len(operands) >= 3:
            operands[2] = b""
        else:
            operands.clear()

    def _hidden_kind(self, m: Matrix) -> str:
        """Why text drawn now with text-to-page matrix ``m`` cannot be seen, or ""."""
        state = self._state
        x, y = m[4], m[5]
        size = state.font_size * state.font_scale
        height = size * math.hypot(m[2], m[3])
        width = size * abs(state.h_scale) * math.hypot(m[0], m[1])
        bounds = self._bounds
        if not (bounds[0] <= x <= bounds[2] and bounds[1] <= y <= bounds[3]):
            return "off-page"
        if self._hidden_content:
            return "optional content off"
        if not (height >= _TINY and width >= _TINY):  # NaN too
            return "tiny"
        clip = state.clip
        # Only a clip made of rectangles is judged: on real files a clip of lines and curves was seen to
        # put visible text outside its box (a Skia résumé), so its box is not trusted.
        if (
            clip != _EVERYWHERE
            and state.clip_exact
            and not (
                clip[2] - clip[0] > 0.5
                and clip[3] - clip[1] > 0.5
                and clip[0] - 2 * height <= x <= clip[2] + height
                and clip[1] - height <= y <= clip[3] + height
            )
        ):
            return "clipped"
        # where the glyphs are: a third of the height above the baseline (a rule under the text is not
        # what lies beneath it)
        px, py = x + m[2] * size / 3, y + m[3] * size / 3
        mode = state.render_mode
        if (
            mode in (3, 7)
            or (mode in (0, 4) and state.fill_alpha <= _CLEAR)
            or (mode in (1, 5) and state.stroke_alpha <= _CLEAR)
            or (mode in (2, 6) and max(state.fill_alpha, state.stroke_alpha) <= _CLEAR)
        ):
            under = self._painting.under(px, py)
            if under is not None and same_colour(under, _PAGE_COLOUR):
                return "invisible" if mode in (3, 7) else "transparent"
            return ""  # over an image or a painted area: an OCR layer
        if not state.normal_blend:
            return ""
        inks = (
            [state.fill]
            if mode in (0, 4)
            else [state.stroke]
            if mode in (1, 5)
            else [state.fill, state.stroke]
        )
        if any(ink is None or not self._painting.may_be(ink, px, py) for ink in inks):
            return ""
        under = self._painting.under(px, py)
        if not all(same_colour(ink, under) for ink in inks):
            return ""
        return "white" if same_colour(under, _PAGE_COLOUR) else "same colour as background"

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


def _own_shift(operator: bytes, operands: list[Any], state: _GState, size: float) -> tuple[float, float]:
    """How far character and word spacing and TJ offsets move the pen over this text, and where they put its
    middle character (text space, glyph widths left out)."""
    if operator == b"TJ":
        items = operands[0] if operands and isinstance(operands[0], list) else []
    elif operator == b'"':
        items = operands[2:3]
    else:
        items = operands[:1]
    steps: list[tuple[int, float]] = []  # (characters, the move they make)
    for item in items:
        if isinstance(item, (str, bytes)):
            chars = len(item) // state.code_bytes
            spaces = 0
            if state.code_bytes == 1 and state.word_spacing:
                spaces = item.count(" ") if isinstance(item, str) else item.count(b" ")
            steps.append((chars, chars * state.char_spacing + spaces * state.word_spacing))
        elif isinstance(item, (int, float)):
            steps.append((0, -float(item) * size / 1000))
    half = sum(chars for chars, _ in steps) / 2
    shift = middle = 0.0
    seen = 0
    for chars, move in steps:
        if seen <= half and chars and seen + chars >= half:
            middle = shift + move * (half - seen) / chars
        shift += move
        seen += chars
    scale = state.h_scale
    if not math.isfinite(shift * scale + middle * scale):
        return 0.0, 0.0
    return shift * scale, middle * scale


def _shows_text(operator: bytes, operands: list[Any]) -> bool:
    if operator == b"TJ":
        items = operands[0] if operands and isinstance(operands[0], list) else []
        return any(isinstance(item, (str, bytes)) and item for item in items)
    if operator == b'"':
        return len(operands) >= 3 and bool(operands[2])
    return bool(operands) and bool(operands[0])
