"""PDF text through PDFium, with words and lines rebuilt from where each character sits.

PDFium (Chrome's PDF engine, through ``pypdfium2``) parses a résumé many times faster than pypdf, but its
plain text glues words on PDFs whose spaces are positioning gaps rather than space characters ("Iama
MechanicalEngineer"). So the text is rebuilt here from each character's box, in content order:

* a character whose baseline is more than a fraction of the font height away from the last one's, or that
  goes back to the left of it, starts a new line; a small jump (a superscript, a bold name beside regular
  text) stays on the line. Characters on one baseline, left to right, therefore stay on one line even when
  the PDF drew them as separate fragments, which is the rejoining of split baselines that the pypdf reader
  does (web-page PDFs draw ``01/2010 to Current`` one word at a time);
* a gap wider than :data:`SPACE_GAP` of the font height between two characters on a line is a space.

The guarantees of :mod:`jobmatch.documents.pdf` hold here too:

* text a reader cannot see is dropped and flagged: drawn invisibly (render mode 3/7) or with a clear
  alpha, in the colour of what was painted beneath it (white where nothing was; stroke-only text by its
  stroke colour), under 1 pt a side, or outside the page box (character by character, so spacing that
  carries text off the page is caught too, and a text object mostly off the page is dropped whole).
  Invisible text over an image is kept (OCR'd scans). PDFium gives each text object's render mode, fill
  and stroke colour with alpha, font size and bounds, and each character's box. What that does not tell
  (a clipping path, an optional-content layer that is off, a box drawn over the text, dark text on a
  dark box) the page's pixels do: each page is rendered at 36 dpi in grey, and a word whose box is one
  flat grey shows no ink (:class:`Ink`);
* the page, size and decompression budgets: before PDFium sees the file, every Flate stream is inflated
  with a cap (:func:`scan`); a file over a budget, or one PDFium refuses, is read by pypdf, whose
  reader enforces the same budgets stream by stream and says why it stops. The per-file time and memory
  limits are the worker's (:mod:`jobmatch.workers`): a crash inside PDFium's C code ends only that worker.
"""

from __future__ import annotations

import ctypes
import dataclasses
import functools
import io
import itertools
import math
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdf
import pypdfium2  # importing it initialises the library for the raw bindings
import pypdfium2.raw as pdfium

from jobmatch.documents.limits import Limits
from jobmatch.documents.pdf import _CLEAR as _CLEAR
from jobmatch.documents.pdf import (
    _EVERYWHERE,
    _IDENTITY,
    _OFF_PAGE_MARGIN,
    _PAGE_COLOUR,
    Box,
    Colour,
    Matrix,
    Painting,
    PdfText,
    _apply,
    _mult,
    same_colour,
)
from jobmatch.documents.pdf import _TINY as _TINY
from jobmatch.documents.pdf import dated_of as pdf_dated
from jobmatch.documents.pdf import title_of as pdf_title
from jobmatch.errors import DocumentError

ENGINE_VERSION = f"pypdfium2-{pypdfium2.PYPDFIUM_INFO}-pdfium-{pypdfium2.PDFIUM_INFO}"

SPACE_GAP = 0.05  # share of the font height: a gap this much wider than the line's usual one is a space
MIN_GAP = 0.03  # share of the font height: a gap no wider than this is never a space
USUAL_GAP_CAP = 0.1  # share of the font height: the most a line's usual gap between letters is taken to be
SAME_LINE = 0.3  # share of the font height: a smaller baseline jump stays on the line
BACKWARDS = 0.5  # share of the font height a character may start left of the last one's start on a line
_WHITE_SHARE = 0.98  # a colour component at least this light (a CMYK ink at most 1 - this) is white
_MAX_OBJECTS = 20_000  # page objects looked at per page (forms included) when looking for hidden text
_MAX_FORM_DEPTH = 12
_BOMB = "PDF content over the decompression limit (compression bomb?)"
_ZLIB_MAX_RATIO = 1032  # deflate cannot expand more than this: a shorter stream cannot break the cap


class Refused(Exception):
    """PDFium cannot read this file, or it is over a budget: the pypdf reader takes it (and says why)."""


# ---------------------------------------------------------------------------- budgets, before PDFium

_STREAM = re.compile(rb"stream(?:\r\n|\n|\r)")
_FILTER = re.compile(rb"/Filter\b")
_FLATE_ONLY = re.compile(rb"/Filter\s*(?:/(?:FlateDecode|Fl)\b|\[\s*/(?:FlateDecode|Fl)\s*\])")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_FONT_FILE = re.compile(rb"/Length[123]\b|/Subtype\s*/(?:Type1C|CIDFontType0C|OpenType)\b")
_ENCRYPTED = re.compile(rb"/Encrypt\b")
# Arrays nested this deep are no résumé's: a parser attack. PDFium would shrug it off; pypdf refuses it as
# damaged, which is what this reader has always said of such a file.
_NESTED = b"[" * 32
# Operators that can hide text: render modes, fill and stroke colours, horizontal scaling, font sizes and text
# matrices (their operands are looked at). The operators are found by one quick pattern, and each distinct
# operand list is judged once: a page sets the same colour thousands of times.
_HIDING_OPERATORS = re.compile(
    rb"(?<=[\s\])>])(?:Tr|Tz|Tf|Tm|g|rg|k|scn|sc|G|RG|K|SCN|SC)(?=[\s\[\]()<>/%]|$)"
)
_CLEAR_ALPHA = re.compile(rb"/(?:ca|CA)\s*(?:0*\.0\d*|0+)(?![\d.])")  # an ExtGState alpha below 0.1
_INKS = re.compile(rb"/(?:Separation|DeviceN)\b")  # spot colours: a tint of 0 is the paper's white
_OPERANDS_BYTES = 64  # what precedes an operator is read this far back for its (at most four) operands


@dataclass(frozen=True, slots=True)
class Scan:
    """What a look at the raw file says before PDFium reads it."""

    readable: bool  # every stream within the budgets, in filters this look can judge; else pypdf reads it
    may_hide_text: bool  # some content sets render mode 3/7 or a white fill: look at every text object


def scan(data: bytes, limits: Limits) -> Scan:
    """Inflate every Flate stream of ``data`` with a cap: each within the per-stream cap, all of them
    within the per-file content budget, and none of the operators that can hide text in the content.

    A stream in another filter (LZW, run-length, a chain), an encrypted file or arrays nested absurdly deep
    cannot be judged here: not readable, so that pypdf, which caps every filter, reads it. Embedded fonts
    and images are not content: they are only inflated when big enough to break a cap (deflate expands at
    most ~1032:1)."""
    if _ENCRYPTED.search(data) or _NESTED in data:
        return Scan(readable=False, may_hide_text=True)
    cap = limits.max_pdf_stream_bytes
    total = 0
    may_hide = _CLEAR_ALPHA.search(data) is not None
    inks = _INKS.search(data) is not None
    for match in _STREAM.finditer(data):
        start = match.end()
        head = data[max(0, match.start() - 600) : match.start()]
        head = head[head.rfind(b"<<") :] if b"<<" in head else head
        end = data.find(b"endstream", start)
        raw = data[start:] if end < 0 else data[start:end]
        content = not (_IMAGE.search(head) or _FONT_FILE.search(head))
        if not _FILTER.search(head):
            total += len(raw)
            may_hide = may_hide or (content and _hides_text(raw, inks))
        elif _FLATE_ONLY.search(head):
            if not content and len(raw) * _ZLIB_MAX_RATIO <= cap:
                total += len(raw)  # a font or image too short to break a cap: not worth inflating
                continue
            inflated = _inflate(raw, cap + 1)
            if len(inflated) > cap:
                return Scan(readable=False, may_hide_text=True)
            total += len(inflated)
            if content and _NESTED in inflated:
                return Scan(readable=False, may_hide_text=True)
            may_hide = may_hide or (content and _hides_text(inflated, inks))
        elif content:
            return Scan(readable=False, may_hide_text=True)
        if total > limits.max_pdf_content_bytes:
            return Scan(readable=False, may_hide_text=True)
    return Scan(readable=True, may_hide_text=may_hide)


def _inflate(raw: bytes, most: int) -> bytes:
    """``raw`` inflated, no further than ``most`` bytes (a broken stream: what came before the damage)."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(raw, most)
        if len(out) < most:
            out += inflater.flush()
    except zlib.error:
        return b""
    return out


def _hides_text(content: bytes, inks: bool = False) -> bool:
    """Whether ``content`` does anything that can hide text: a render mode other than fill, a white fill or
    stroke, a tiny horizontal scale, font size or text matrix, a clear alpha (what text it applies to is
    PDFium's to tell: this only decides whether to ask). ``inks``: the file has spot colours."""
    if _CLEAR_ALPHA.search(content):
        return True
    seen: set[tuple[bytes, ...]] = set()
    for match in _HIDING_OPERATORS.finditer(content):
        start = match.start()
        operator = match.group()
        tokens = content[max(0, start - _OPERANDS_BYTES) : start].split()[-6:]
        key = (operator, *tokens)
        if key in seen:
            continue
        seen.add(key)
        values = _numbers(tokens)
        if _hides(
            operator.lower() if operator not in (b"Tr", b"Tz", b"Tf", b"Tm") else operator, values, inks
        ):
            return True
    return False


def _hides(operator: bytes, values: list[float], inks: bool) -> bool:
    if operator == b"Tr":
        return bool(values) and values[-1] not in (0.0, 4.0)
    if operator == b"Tz":
        return bool(values) and abs(values[-1]) < 10
    if operator == b"Tf":
        return bool(values) and abs(values[-1]) < _TINY
    if operator == b"Tm":
        return (len(values) >= 6 and math.hypot(values[-6], values[-5]) < 0.1) or (
            len(values) >= 6 and math.hypot(values[-4], values[-3]) < 0.1
        )
    if operator == b"k" or (operator in (b"sc", b"scn") and len(values) == 4):
        return len(values) == 4 and max(values) <= 1 - _WHITE_SHARE
    if operator == b"g" or (operator in (b"sc", b"scn") and len(values) < 3):
        if values and values[-1] >= _WHITE_SHARE:
            return True
        return inks and operator != b"g" and len(values) == 1 and values[0] <= 1 - _WHITE_SHARE
    if len(values) >= 3 and values[-3] >= 98:  # Lab: L of 98 or more
        return True
    return len(values) >= 3 and min(values[-3:]) >= _WHITE_SHARE


def _numbers(tokens: list[bytes]) -> list[float]:
    """The numbers at the end of ``tokens`` (what follows the last token that is not a number)."""
    out: list[float] = []
    for token in reversed(tokens):
        try:
            out.append(float(token))
        except ValueError:
            break
    out.reverse()
    return out


# ---------------------------------------------------------------------------- reading


def read_pdf(data: bytes, limits: Limits) -> PdfText:
    """The raw lines of each page, as :func:`jobmatch.documents.pdf.read_pdf` gives them.

    Raises :class:`Refused` when pypdf should read the file instead, :class:`DocumentError` for a file
    that nobody can read (password-protected)."""
    looked = scan(data, limits)
    if not looked.readable:
        raise Refused("over a budget, or not for this look to judge")
    buffer = ctypes.create_string_buffer(data, len(data))  # PDFium reads it in place: keep it alive
    doc = pdfium.FPDF_LoadMemDocument64(buffer, len(data), None)
    if not doc:
        error = pdfium.FPDF_GetLastError()
        if error == pdfium.FPDF_ERR_PASSWORD:
            raise DocumentError("password-protected PDF")
        raise Refused(f"PDFium error {error}")
    try:
        text = _read(doc, limits, looked.may_hide_text)
    finally:
        pdfium.FPDF_CloseDocument(doc)
        del buffer
    title, dated = _metadata(data)
    return dataclasses.replace(text, title=title, dated=dated)


def _read(doc: Any, limits: Limits, may_hide_text: bool) -> PdfText:
    page_count = pdfium.FPDF_GetPageCount(doc)
    if page_count <= 0:
        raise Refused("no pages")
    warnings: list[str] = []
    pages: list[list[str]] = []
    hidden: dict[str, None] = {}
    unseen: list[str] = []  # words drawn where no ink shows, from every page
    failures: list[str] = []
    chars = 0
    to_read = min(page_count, limits.max_pages)
    if page_count > to_read:
        warnings.append(f"only the first {to_read} of {page_count} pages read")
    for index in range(to_read):
        page = pdfium.FPDF_LoadPage(doc, index)
        if not page:
            failures.append(f"page {index + 1}: cannot be loaded")
            pages.append([])
            continue
        try:
            lines, kinds, blank = _page_lines(page, may_hide_text)
        finally:
            pdfium.FPDF_ClosePage(page)
        hidden.update(dict.fromkeys(kinds))
        unseen.extend(blank)
        pages.append(lines)
        chars += sum(len(line) for line in lines)
        if chars > 2 * limits.max_chars:
            if index + 1 < to_read:
                warnings.append(f"stopped after page {index + 1}: text limit reached")
            break
    if unseen and not _cut_at_a_page_break(unseen, pages):
        hidden[NO_INK] = None
    if not any(pages) and not hidden:
        raise Refused("no text")  # scanned, or text PDFium cannot map: pypdf has its say
    if failures:
        warnings.append(f"{len(failures)} page(s) unreadable ({failures[0]})")
    if hidden:
        warnings.append(f"hidden text ignored ({', '.join(hidden)})")
    return PdfText(pages=pages, page_count=page_count, warnings=warnings, title="")


def _metadata(data: bytes) -> tuple[str, str]:
    """The Info dictionary's title and date as the pypdf reader gives them (PDFium reads an ESC in a
    UTF-16 title as the start of a language tag and drops what precedes it); pypdf parses only the
    trailer and Info for them, a fraction of a millisecond."""
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
    except Exception:  # metadata is decoration: a file pypdf cannot open still has its text
        return "", ""
    return pdf_title(reader), pdf_dated(reader)


# ---------------------------------------------------------------------------- one page


@dataclass(slots=True)
class Char:
    """One character as PDFium places it: its text and its loose box (the font's full height)."""

    text: str
    left: float
    bottom: float
    right: float
    top: float
    index: int = -1  # its index in PDFium's text page (-1: made here)


def _page_lines(page: Any, may_hide_text: bool) -> tuple[list[str], list[str], list[str]]:
    """The page's lines, the kinds of hidden text dropped from it, and the words dropped because no ink
    shows where they are drawn (named by the caller: a page break may explain them)."""
    textpage = pdfium.FPDFText_LoadPage(page)
    if not textpage:
        return [], [], []
    try:
        count = pdfium.FPDFText_CountChars(textpage)
        if count <= 0:
            return [], [], []
        text = _page_text(textpage, count)
        hidden_objects = _hidden_objects(page) if may_hide_text else {}
        referenced: set[int] = set()
        bounds = _page_bounds(page)
        dropped: dict[str, None] = {}
        off_page: list[int] = []
        chars: list[Char] = []
        got, lefts, tops, rights, bottoms = _loose_boxes(textpage, count)
        text_object = pdfium.FPDFText_GetTextObject
        min_x, min_y, max_x, max_y = bounds
        nan = math.nan
        append = chars.append
        # This loop runs once per character, a few thousand times a page: the boxes come in five flat
        # lists, and a character is looked at no more than it must be.
        for index, (char, has_box, left, top, right, bottom) in enumerate(
            zip(text, got, lefts, tops, rights, bottoms, strict=True)
        ):
            if char == "\r" or char == "\n":
                continue  # PDFium's own line breaks: lines come from the boxes
            if hidden_objects:
                handle = ctypes.cast(text_object(textpage, index), ctypes.c_void_p).value
                found = hidden_objects.get(handle) if handle else None
                if found is not None:
                    referenced.add(handle or 0)
                    if not char.isspace():
                        dropped[found[0]] = None
                    continue
            if not has_box:
                append(Char(char, nan, nan, nan, nan, index))
                continue
            if (
                not (min_x <= right and left <= max_x and min_y <= top and bottom <= max_y)
                and not char.isspace()
            ):
                dropped["off-page"] = None
                off_page.append(index)
                continue
            append(Char(char, left, bottom, right, top, index))
        for address, (kind, _, squeezed) in hidden_objects.items():
            if address not in referenced and squeezed:
                # ``squeezed_out_of_the_text``: PDFium leaves text drawn at a horizontal scale of 0 out of
                # its text page; the object is still there, a font high and no width
                dropped[kind] = None
        if off_page:
            chars = _without_mostly_off_page(chars, off_page, textpage)
        blank: list[str] = []
        lines = rebuild_lines(chars, Ink.of(page), blank)
        return lines, list(dropped), blank
    finally:
        pdfium.FPDFText_ClosePage(textpage)


_BOX_FUNCTION = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p)


@functools.cache
def _loose_box_at() -> Any:
    """``FPDFText_GetLooseCharBox`` called with plain addresses: no pointer object is made per character."""
    address = ctypes.cast(pdfium.FPDFText_GetLooseCharBox, ctypes.c_void_p).value
    assert address, "PDFium without FPDFText_GetLooseCharBox"
    return _BOX_FUNCTION(address)


def _loose_boxes(
    textpage: Any, count: int
) -> tuple[list[int], list[float], list[float], list[float], list[float]]:
    """Every character's loose box, in one pass through PDFium: whether it has one, and its left, top,
    right and bottom edges (NaN-free only where it has one). The boxes are written straight into one
    array, read back in one slice."""
    rects = (ctypes.c_float * (4 * count))()
    base = ctypes.addressof(rects)
    handle = ctypes.cast(textpage, ctypes.c_void_p).value
    got = list(
        map(
            _loose_box_at(), itertools.repeat(handle, count), range(count), range(base, base + 16 * count, 16)
        )
    )
    floats = rects[:]
    return got, floats[0::4], floats[1::4], floats[2::4], floats[3::4]


def _without_mostly_off_page(chars: list[Char], off_page: list[int], textpage: Any) -> list[Char]:
    """``mostly_off_page``: a text object most of whose characters spacing carries off the page (huge
    character or word spacing, a TJ offset of thousands) hides all of them, the first word or two that
    still land on the page too."""

    def owner(index: int) -> int:
        return ctypes.cast(pdfium.FPDFText_GetTextObject(textpage, index), ctypes.c_void_p).value or 0

    off: dict[int, int] = {}
    for index in off_page:
        key = owner(index)
        off[key] = off.get(key, 0) + 1
    on: dict[int, int] = {}
    owners = [owner(c.index) if c.index >= 0 else 0 for c in chars]
    for char, key in zip(chars, owners, strict=True):
        if key in off and not char.text.isspace():
            on[key] = on.get(key, 0) + 1
    hiding = {key for key, n in off.items() if key and n >= on.get(key, 0)}
    return [c for c, key in zip(chars, owners, strict=True) if key not in hiding]


# ---------------------------------------------------------------------------- is it drawn at all

# What PDFium's object API does not say (a clipping path, an optional-content layer that is off, a box drawn
# over the text, text in the colour of a dark box beneath it) the page's pixels do: the page is rendered at
# a low resolution, in grey, and a word whose box is one flat grey shows no ink (``no_ink_is_not_drawn``).
NO_INK = "not drawn: clipped, covered or in a hidden layer"
INK_SCALE = 0.5  # pixels per point (36 dpi): a 6-point letter is still three pixels high
INK_CONTRAST = 3  # grey levels of 255: a box whose pixels vary less shows no ink
INK_MIN_SCALE = 0.1  # a page so big that its render would be coarser than this is not looked at
INK_MAX_PIXELS = 4_000_000  # a bitmap's largest size (4 MB of grey): huge pages are rendered coarser


@dataclass(frozen=True, slots=True)
class Ink:
    """A page rendered in grey, and the map from page space to its pixels."""

    pixels: bytes
    width: int
    height: int
    stride: int
    transform: Matrix  # page space -> pixel space

    @classmethod
    def of(cls, page: Any) -> Ink | None:
        """The page rendered at :data:`INK_SCALE` (coarser for a huge page), or None when it cannot be."""
        page_width = pdfium.FPDF_GetPageWidthF(page)
        page_height = pdfium.FPDF_GetPageHeightF(page)
        if (
            not (math.isfinite(page_width) and math.isfinite(page_height))
            or page_width <= 0
            or page_height <= 0
        ):
            return None
        scale = min(INK_SCALE, math.sqrt(INK_MAX_PIXELS / (page_width * page_height)))
        if scale < INK_MIN_SCALE:
            return None
        width, height = max(1, int(page_width * scale)), max(1, int(page_height * scale))
        stride = (width + 3) // 4 * 4
        buffer = ctypes.create_string_buffer(b"\xff" * (stride * height), stride * height)
        bitmap = pdfium.FPDFBitmap_CreateEx(width, height, pdfium.FPDFBitmap_Gray, buffer, stride)
        if not bitmap:
            return None
        try:
            pdfium.FPDF_RenderPageBitmap(bitmap, page, 0, 0, width, height, 0, pdfium.FPDF_GRAYSCALE)
        finally:
            pdfium.FPDFBitmap_Destroy(bitmap)
        transform = _page_to_pixels(page, width, height)
        if transform is None:
            return None
        return cls(buffer.raw, width, height, stride, transform)

    def shows(self, box: Box) -> bool:
        """Whether any ink shows in ``box`` (page space), one pixel wider each side: the middle row is
        looked at first (where nearly every word shows its ink), then the others."""
        a, b, c, d, e, f = self.transform
        if b == 0 and c == 0:
            xa, xb = a * box[0] + e, a * box[2] + e
            ya, yb = d * box[1] + f, d * box[3] + f
            left, right, low_y, high_y = min(xa, xb), max(xa, xb), min(ya, yb), max(ya, yb)
        else:
            corners = [_apply(self.transform, x, y) for x in (box[0], box[2]) for y in (box[1], box[3])]
            left, right = min(p[0] for p in corners), max(p[0] for p in corners)
            low_y, high_y = min(p[1] for p in corners), max(p[1] for p in corners)
        x0, x1 = max(0, int(left) - 1), min(self.width, int(right) + 2)
        y0, y1 = max(0, int(low_y)), min(self.height, int(high_y) + 1)
        if x1 <= x0 or y1 <= y0:
            return True  # nothing of it on the bitmap: not this check's to judge
        pixels, stride = self.pixels, self.stride
        middle = (y0 + y1) // 2
        row = pixels[middle * stride + x0 : middle * stride + x1]
        low, high = min(row), max(row)
        if high - low >= INK_CONTRAST:
            return True
        for y in range(y0, y1):
            row = pixels[y * stride + x0 : y * stride + x1]
            low, high = min(low, min(row)), max(high, max(row))
            if high - low >= INK_CONTRAST:
                return True
        return False


def _page_to_pixels(page: Any, width: int, height: int) -> Matrix | None:
    """The affine map from page space to the pixels of a ``width`` x ``height`` render (the page's
    rotation and crop box included), from where PDFium puts three points."""
    x, y = ctypes.c_int(), ctypes.c_int()
    far = 10_000.0
    points = []
    for px, py in ((0.0, 0.0), (far, 0.0), (0.0, far)):
        if not pdfium.FPDF_PageToDevice(
            page, 0, 0, width * 1000, height * 1000, 0, px, py, ctypes.byref(x), ctypes.byref(y)
        ):
            return None
        points.append((x.value / 1000, y.value / 1000))
    (ex, ey), (ax, ay), (cx, cy) = points
    return ((ax - ex) / far, (ay - ey) / far, (cx - ex) / far, (cy - ey) / far, ex, ey)


def _cut_at_a_page_break(unseen: list[str], pages: list[list[str]]) -> bool:
    """``cut_at_a_page_break``: web-page PDFs draw the line a page break cuts on both pages, each clipped
    to its own page, so a line can show no ink on one page and be read on the other. Words that show no
    ink but are all read elsewhere in the file (spaces aside: a word gap can be too narrow for a cut
    between words) hide nothing: dropped without a flag."""
    read = "".join("".join(line.split()) for lines in pages for line in lines)
    return all("".join(word.split()) in read for word in unseen)


def _page_text(textpage: Any, count: int) -> str:
    """The page's characters, one per index (PDFium's UTF-16 text, or per character when it has pairs)."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(buffer)[: 2 * max(0, written - 1)].decode("utf-16-le", errors="replace")
    if len(text) != count:
        unicode = pdfium.FPDFText_GetUnicode
        text = "".join(_char(unicode(textpage, i)) for i in range(count))
    # ``line_end_hyphen``: PDFium gives a hyphen that ends a line as U+FFFE (its mark for a word broken
    # there) where the file has a plain "-": "Sarbanes-" / "Oxley", "2010 -" / "Present"
    return text.replace("\ufffe", "-")


def _char(code: int) -> str:
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return "\ufffd"


def _page_bounds(page: Any) -> Box:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    refs = [ctypes.byref(v) for v in (left, bottom, right, top)]
    if not pdfium.FPDFPage_GetCropBox(page, *refs) and not pdfium.FPDFPage_GetMediaBox(page, *refs):
        return _EVERYWHERE
    box = (left.value, bottom.value, right.value, top.value)
    if not all(math.isfinite(v) for v in box) or box[2] <= box[0] or box[3] <= box[1]:
        return _EVERYWHERE
    x0, x1 = sorted((box[0], box[2]))
    y0, y1 = sorted((box[1], box[3]))
    return (x0 - _OFF_PAGE_MARGIN, y0 - _OFF_PAGE_MARGIN, x1 + _OFF_PAGE_MARGIN, y1 + _OFF_PAGE_MARGIN)


# ---------------------------------------------------------------------------- hidden text objects


def _hidden_objects(page: Any) -> dict[int, tuple[str, Any, bool]]:
    """The page's text objects a reader cannot see (address -> the kind of hidden text, the object).
    Objects are visited in drawing order, so that what was painted before a text object is what lies
    beneath it."""
    hidden: dict[int, tuple[str, Any, bool]] = {}
    painting = Painting(_page_bounds(page))
    for obj, matrix in _objects(page):
        kind_of = pdfium.FPDFPageObj_GetType(obj)
        if kind_of == pdfium.FPDF_PAGEOBJ_TEXT:
            kind = _text_kind(obj, matrix, painting)
            if kind:
                address = ctypes.cast(obj, ctypes.c_void_p).value
                if address:
                    box = _bounds(obj, matrix)
                    squeezed = kind == "tiny" and box[2] - box[0] < _NO_WIDTH <= box[3] - box[1]
                    hidden[address] = (kind, obj, squeezed)
        elif kind_of == pdfium.FPDF_PAGEOBJ_PATH:
            fill, _ = _draw_mode(obj)
            if fill:
                colour, alpha = _colour(obj, pdfium.FPDFPageObj_GetFillColor)
                painting.paint(_bounds(obj, matrix), colour if alpha >= 1 - _CLEAR else None)
        elif kind_of == pdfium.FPDF_PAGEOBJ_IMAGE:
            painting.paint(_bounds(obj, matrix))
        elif kind_of == pdfium.FPDF_PAGEOBJ_SHADING:
            painting.paint(_EVERYWHERE)
    return hidden


def _objects(page: Any) -> Iterator[tuple[Any, Matrix]]:
    """Every page object in drawing order, form XObjects opened, each with the matrix from its space to
    the page's (identity for the page's own objects)."""
    seen = 0
    stack: list[tuple[Any, int, int, Matrix, int]] = []  # (container, next index, count, matrix, depth)
    count = pdfium.FPDFPage_CountObjects(page)
    stack.append((None, 0, count, _IDENTITY, 0))
    while stack and seen < _MAX_OBJECTS:
        form, index, count, matrix, depth = stack.pop()
        if index >= count:
            continue
        stack.append((form, index + 1, count, matrix, depth))
        if form is None:
            obj = pdfium.FPDFPage_GetObject(page, index)
        else:
            obj = pdfium.FPDFFormObj_GetObject(form, index)
        if not obj:
            continue
        seen += 1
        yield obj, matrix
        if pdfium.FPDFPageObj_GetType(obj) == pdfium.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            inner = pdfium.FPDFFormObj_CountObjects(obj)
            if inner > 0:
                stack.append((obj, 0, inner, _mult(_matrix_of(obj), matrix), depth + 1))


_FILLS = (
    pdfium.FPDF_TEXTRENDERMODE_FILL,
    pdfium.FPDF_TEXTRENDERMODE_FILL_STROKE,
    pdfium.FPDF_TEXTRENDERMODE_FILL_CLIP,
    pdfium.FPDF_TEXTRENDERMODE_FILL_STROKE_CLIP,
)
_STROKES = (
    pdfium.FPDF_TEXTRENDERMODE_STROKE,
    pdfium.FPDF_TEXTRENDERMODE_FILL_STROKE,
    pdfium.FPDF_TEXTRENDERMODE_STROKE_CLIP,
    pdfium.FPDF_TEXTRENDERMODE_FILL_STROKE_CLIP,
)


def _text_kind(obj: Any, matrix: Matrix, painting: Painting) -> str:
    """Why a text object cannot be seen (named as the pypdf reader names it), or ""."""
    box = _bounds(obj, matrix)
    if _tiny(obj, matrix, box):
        return "tiny"
    mode = pdfium.FPDFTextObj_GetTextRenderMode(obj)
    inks: list[tuple[Colour | None, float]] = []
    if mode in _FILLS:
        inks.append(_colour(obj, pdfium.FPDFPageObj_GetFillColor))
    if mode in _STROKES:
        inks.append(_colour(obj, pdfium.FPDFPageObj_GetStrokeColor))
    # where the glyphs are: a third of the way up the object (a rule under the text is not beneath it)
    x, y = (box[0] + box[2]) / 2, box[1] + (box[3] - box[1]) / 3
    if not inks or all(alpha <= _CLEAR for _, alpha in inks):
        under = painting.under(x, y)
        if under is None or not same_colour(under, _PAGE_COLOUR):
            return ""  # over an image or a painted area: an OCR layer
        return "transparent" if inks else "invisible"
    if any(colour is None or not painting.may_be(colour, x, y) for colour, _ in inks):
        return ""
    under = painting.under(x, y)
    if not all(same_colour(colour, under) for colour, _ in inks):
        return ""
    return "white" if same_colour(under, _PAGE_COLOUR) else "same colour as background"


def _tiny(obj: Any, matrix: Matrix, box: Box) -> bool:
    """``tiny_by_font_not_glyphs``: text set under 1 pt high (font size times the text and form matrices'
    vertical scale), or drawn at no width at all (a horizontal scale of 0). The glyphs' own bounds do not
    tell: a lone dash or bullet of a 10-point font is a fraction of a point high."""
    if box[2] - box[0] < _NO_WIDTH:
        return True
    size = ctypes.c_float()
    if not pdfium.FPDFTextObj_GetFontSize(obj, ctypes.byref(size)) or not math.isfinite(size.value):
        return not (box[2] - box[0] >= _TINY and box[3] - box[1] >= _TINY)
    a, b, c, d, _, _ = _mult(_matrix_of(obj), matrix)
    return abs(size.value) * math.hypot(c, d) < _TINY or abs(size.value) * math.hypot(a, b) < _NO_WIDTH


_NO_WIDTH = 0.1  # points: text drawn this narrow has been squeezed out of sight


def _colour(obj: Any, getter: Any) -> tuple[Colour | None, float]:
    """An object's fill or stroke colour (RGB, 0-1) and alpha; (None, 1.0) when PDFium cannot tell."""
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, *(ctypes.byref(v) for v in (r, g, b, a))):
        return None, 1.0
    return (r.value / 255, g.value / 255, b.value / 255), a.value / 255


def _draw_mode(obj: Any) -> tuple[bool, bool]:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium.FPDFPath_GetDrawMode(obj, ctypes.byref(fill), ctypes.byref(stroke)):
        return False, False
    return bool(fill.value), bool(stroke.value)


def _bounds(obj: Any, matrix: Matrix) -> Box:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in (left, bottom, right, top))):
        return (math.nan, math.nan, math.nan, math.nan)
    if matrix == _IDENTITY:
        return (left.value, bottom.value, right.value, top.value)
    corners = [_apply(matrix, x, y) for x in (left.value, right.value) for y in (bottom.value, top.value)]
    xs = [p[0] for p in corners]
    ys = [p[1] for p in corners]
    return (min(xs), min(ys), max(xs), max(ys))


def _matrix_of(obj: Any) -> Matrix:
    m = pdfium.FS_MATRIX()
    if not pdfium.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
        return _IDENTITY
    values = (m.a, m.b, m.c, m.d, m.e, m.f)
    return values if all(math.isfinite(v) for v in values) else _IDENTITY


# ---------------------------------------------------------------------------- words and lines


def rebuild_lines(chars: list[Char], ink: Ink | None = None, blank: list[str] | None = None) -> list[str]:
    """Lines of text from characters in drawing order (see the module docstring for the rules).

    A space character always separates words; a character without a box joins the line it comes in.
    ``repeated_mark_is_a_gap``: three or more of one non-ASCII character in a row ("CoalitionÂÂÂÂ", the
    mojibake of non-breaking spaces that PDFium gives as their first byte alone) are a gap, not letters.
    With the page's ``ink``, a word that shows none is left out (and added to ``blank``)."""
    out = []
    for line in _lines(chars):
        words = []
        for word, box in _words(line):
            text = "".join([c.text for c in word])
            if ink is None or not math.isfinite(box[0] + box[1] + box[2] + box[3]) or ink.shows(box):
                words.append(text)
            elif blank is not None:
                blank.append(text)
        text = _REPEATED_MARK.sub(" ", " ".join(words)).strip()
        if text:
            out.append(text)
    return out


_REPEATED_MARK = re.compile(r" *([^\x00-\x7f])\1{2,} *")


_SPACE = Char(" ", math.nan, math.nan, math.nan, math.nan)


def _lines(chars: list[Char]) -> list[list[Char]]:
    """Characters grouped into lines, a space character kept only between two characters of a line. A
    character whose box is not finite everywhere is given none (it joins the line it comes in)."""
    lines: list[list[Char]] = []
    current: list[Char] = []
    last: Char | None = None  # the last placed, non-space character of the current line
    last_height = 0.0
    isfinite = math.isfinite
    nan = math.nan
    for char in chars:
        if char.text.isspace():
            if current and current[-1] is not _SPACE:
                current.append(_SPACE)
            continue
        if isfinite(char.left + char.bottom + char.right + char.top):
            own = char.top - char.bottom
            if last is not None:
                # max(own, last's, 1e-6) without the call: this runs once per character
                height = own if own > last_height else last_height
                if height < 1e-6:
                    height = 1e-6
                if not (
                    abs(char.bottom - last.bottom) <= SAME_LINE * height
                    and char.left >= last.left - BACKWARDS * height
                ):
                    lines.append(current)
                    current = []
            last = char
            last_height = own
        elif char.left == char.left:  # finite on one side only: no box at all
            char = Char(char.text, nan, nan, nan, nan, char.index)
        current.append(char)
    lines.append(current)
    for line in lines:
        while line and line[-1] is _SPACE:
            line.pop()
    return [line for line in lines if line]


def _words(line: list[Char]) -> list[tuple[list[Char], Box]]:
    """One line's words, each with the box around its placed characters (infinite when none is placed):
    its characters cut at each space character and each wide gap.

    What is wide is measured from the line's usual gap between letters (its median), so that text set
    tight (negative letter spacing) or loose still splits where the words are; the usual gap is taken as
    at most a tenth of the height, so that a line of single letters spaced out is not read as one word.
    A character of the line is placed (has a finite box) or has no box at all (:func:`_lines`)."""
    gaps: list[float] = []
    previous: Char | None = None
    for char in line:
        if char is _SPACE:
            previous = None
        elif char.left == char.left:  # not NaN: placed
            if previous is not None:
                own = char.top - char.bottom
                gaps.append((char.left - previous.right) / (own if own > 1e-6 else 1e-6))
            previous = char
    usual = min(sorted(gaps)[len(gaps) // 2], USUAL_GAP_CAP) if gaps else 0.0
    wide = max(usual + SPACE_GAP, MIN_GAP)
    inf = math.inf
    words: list[tuple[list[Char], Box]] = []
    word: list[Char] = []
    left = bottom = inf
    right = top = -inf
    previous = None
    for char in line:
        if char is _SPACE:
            if word:
                words.append((word, (left, bottom, right, top)))
            word, previous = [], None
            left = bottom = inf
            right = top = -inf
            continue
        if char.left == char.left:
            if previous is not None:
                own, before = char.top - char.bottom, previous.top - previous.bottom
                height = own if own > before else before
                if height < 1e-6:
                    height = 1e-6
                if char.left - previous.right > wide * height and word:
                    words.append((word, (left, bottom, right, top)))
                    word = []
                    left = bottom = inf
                    right = top = -inf
            previous = char
            if char.left < left:
                left = char.left
            if char.bottom < bottom:
                bottom = char.bottom
            if char.right > right:
                right = char.right
            if char.top > top:
                top = char.top
        word.append(char)
    if word:
        words.append((word, (left, bottom, right, top)))
    return words
