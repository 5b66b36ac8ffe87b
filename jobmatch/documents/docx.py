"""DOCX text through python-docx, after the zip has been checked for bombs and DTDs.

python-docx reads every part of the package into memory and parses XML with lxml, so the zip directory is
checked first: declared sizes, compression ratio, member count, and no ``<!DOCTYPE``/``<!ENTITY`` in any
XML part (real Word files never have one; entity expansion is the billion-laughs attack).

The text is read from the XML in document order — paragraphs, tables (nested too, each cell once), content
controls and text boxes — with headers first (the name often sits there) and footers last.

Text Word does not show is dropped and the document flagged ("hidden text ignored (…)"), as the PDF reader
does: runs marked hidden (``w:vanish``, ``w:specVanish``), runs in the colour of what lies beneath them
(white on the page, black on a black cell), and runs under 2 pt (see :class:`_Visibility`). Formatting
comes from the run, its character style, its paragraph's style and the document defaults, in that order,
as Word resolves it.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import docx
from docx.oxml.ns import qn

from jobmatch.documents.clean import clean_inline
from jobmatch.documents.limits import MIB, Limits, format_size
from jobmatch.errors import DocumentError

_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_W_P = qn("w:p")
_W_TBL = qn("w:tbl")
_W_TR = qn("w:tr")
_W_TC = qn("w:tc")
_W_SDT = qn("w:sdt")
_W_SDT_CONTENT = qn("w:sdtContent")
_W_T = qn("w:t")
_W_R = qn("w:r")
_W_TAB = qn("w:tab")
_W_PTAB = qn("w:ptab")
_W_BR = qn("w:br")
_W_CR = qn("w:cr")
_W_NO_BREAK_HYPHEN = qn("w:noBreakHyphen")
_W_TXBX_CONTENT = qn("w:txbxContent")
_W_SECT_PR = qn("w:sectPr")
_W_HEADER_REF = qn("w:headerReference")
_W_FOOTER_REF = qn("w:footerReference")
_R_ID = qn("r:id")
_MC_ALTERNATE = _MC + "AlternateContent"
_MC_CHOICE = _MC + "Choice"
# Subtrees whose text is not the visible text of the run: deleted revisions, field codes, properties.
_SKIP = frozenset(
    {qn("w:del"), qn("w:delText"), qn("w:instrText"), qn("w:rPr"), qn("w:pPr"), qn("w:tblPr"), qn("w:tcPr")}
    | {qn("w:trPr"), qn("w:sectPr"), qn("w:sdtPr"), qn("w:sdtEndPr"), _MC + "Fallback"}
)

_DTD = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_UTF16_STARTS = (b"\xff\xfe", b"\xfe\xff", b"<\x00", b"\x00<")
_ROW_JOIN_MAX = 200  # a table row whose cells are all one short line becomes one line: "Skills | Python"


@dataclass(frozen=True, slots=True)
class DocxText:
    lines: list[str]
    warnings: list[str]
    title: str
    dated: str = ""  # "YYYY-MM" docProps/core.xml says the file was last modified ("" when it does not)


def read_docx(data: bytes, limits: Limits, *, outline: bool = False) -> DocxText:
    """The raw lines of the DOCX in ``data``. Raises :class:`DocumentError` for what cannot be read.

    With ``outline``, the document's structure is written into the lines as Markdown, for a reader of
    postings: a paragraph in a heading style (or with an outline level) opens with ``## ``, a list
    paragraph (numbered or bulleted, or in a list style) with ``- ``."""
    check_package(data, limits)
    warnings: list[str] = []
    data = _as_transitional_docx(data, warnings)
    try:
        document = docx.Document(io.BytesIO(data))
        seen = _Visibility(document)
        seen.outline = outline
        lines = list(_document_lines(document, seen))
    except DocumentError:
        raise
    except RecursionError as exc:
        raise DocumentError("damaged DOCX (nesting too deep)") from exc
    except Exception as exc:  # python-docx and lxml raise KeyError, ValueError, XMLSyntaxError, …
        raise DocumentError(f"damaged DOCX ({_short(exc)})") from exc
    if seen.hidden:
        warnings.append(f"hidden text ignored ({', '.join(seen.hidden)})")
    return DocxText(lines=lines, warnings=warnings, title=_title(document), dated=_dated(document))


# ---------------------------------------------------------------------------- the zip, before parsing

_WML_MAIN = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# Main-part content types python-docx refuses although the part is ordinary WordprocessingML. Macros are
# never run (we only read XML), so their presence is a warning, not a reason to skip the résumé.
_OTHER_WORD_MAINS = {
    b"application/vnd.ms-word.document.macroEnabled.main+xml": "macro-enabled Word document (macros ignored)",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml": "Word template (macros ignored)",
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml": "",
}
# Strict Open XML (ISO 29500 strict) differs from the transitional DOCX python-docx reads mainly in its
# namespaces: translated in memory, the text reads the same.
_STRICT_NAMESPACES = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": (
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ),
    b"http://purl.oclc.org/ooxml/drawingml/main": b"http://schemas.openxmlformats.org/drawingml/2006/main",
    b"http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": (
        b"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    ),
    b"http://purl.oclc.org/ooxml/drawingml/picture": b"http://schemas.openxmlformats.org/drawingml/2006/picture",
    b"http://purl.oclc.org/ooxml/officeDocument/math": b"http://schemas.openxmlformats.org/officeDocument/2006/math",
}
_STRICT_MARK = b"http://purl.oclc.org/ooxml/"


def _as_transitional_docx(data: bytes, warnings: list[str]) -> bytes:
    """The package as python-docx reads it: a macro-enabled or template main part relabelled as a document,
    Strict Open XML namespaces translated. Unchanged (the same bytes) for an ordinary DOCX."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        with archive:
            names = archive.namelist()
            types = archive.read("[Content_Types].xml") if "[Content_Types].xml" in names else b""
            rels = archive.read("_rels/.rels") if "_rels/.rels" in names else b""
            strict = _STRICT_MARK in rels
            relabel = [ct for ct in _OTHER_WORD_MAINS if ct in types]
            if not strict and not relabel:
                return data
            for content_type in relabel:
                if _OTHER_WORD_MAINS[content_type]:
                    warnings.append(_OTHER_WORD_MAINS[content_type])
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
                for info in archive.infolist():
                    payload = archive.read(info)
                    if info.filename == "[Content_Types].xml":
                        for content_type in relabel:
                            payload = payload.replace(content_type, _WML_MAIN)
                    if strict and info.filename.lower().endswith((".xml", ".rels")):
                        for old, new in _STRICT_NAMESPACES.items():
                            payload = payload.replace(old, new)
                    target.writestr(info, payload)
    except (zipfile.BadZipFile, KeyError, ValueError, EOFError, OSError, NotImplementedError) as exc:
        raise DocumentError(f"damaged DOCX ({_short(exc)})") from exc
    except Exception as exc:  # zlib.error: a member cannot be decompressed
        raise DocumentError(f"damaged DOCX ({_short(exc)})") from exc
    return buffer.getvalue()


def check_package(data: bytes, limits: Limits) -> None:
    """Refuse a zip that is not a DOCX, would expand too much, or carries a DTD in an XML part."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, EOFError, OSError) as exc:
        raise DocumentError("damaged DOCX (not a valid zip file)") from exc
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.max_docx_parts:
            raise DocumentError(f"DOCX has too many parts ({len(infos):,} > {limits.max_docx_parts:,})")
        names = {info.filename.lstrip("/").lower() for info in infos}
        if "word/document.xml" not in names:
            raise DocumentError("not a DOCX (zip without word/document.xml)")
        if any(info.flag_bits & 0x1 for info in infos):
            raise DocumentError("password-protected DOCX (encrypted zip)")
        for info in infos:
            if info.file_size > MIB and info.file_size > limits.max_docx_ratio * max(info.compress_size, 1):
                raise DocumentError("DOCX expands too much (zip bomb?)")
        total = sum(info.file_size for info in infos)
        if total > limits.max_docx_uncompressed_bytes:
            limit = format_size(limits.max_docx_uncompressed_bytes)
            raise DocumentError(f"DOCX too large when unpacked ({format_size(total)} > {limit} limit)")
        for info in infos:
            name = info.filename.lower()
            if name.endswith((".xml", ".rels")) and _has_dtd(archive, info):
                raise DocumentError("DOCX contains a DTD (<!DOCTYPE/<!ENTITY>): refused as unsafe")


def _has_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    try:
        with archive.open(info) as member:
            head = member.read(4)
            if head.startswith(_UTF16_STARTS):
                text = (head + member.read()).decode("utf-16", errors="replace")
                return _DTD.search(text.encode("utf-8", errors="replace")) is not None
            tail = head
            while True:
                chunk = member.read(MIB)
                window = tail + chunk
                if _DTD.search(window):
                    return True
                if not chunk:
                    return False
                tail = window[-32:]
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, OSError, EOFError) as exc:
        raise DocumentError(f"damaged DOCX ({_short(exc)})") from exc
    except Exception as exc:  # zlib.error and friends: the member cannot be decompressed
        raise DocumentError(f"damaged DOCX ({_short(exc)})") from exc


# ---------------------------------------------------------------------------- text in document order


def _document_lines(document: Any, seen: _Visibility) -> Iterator[str]:
    body = document.element.body
    related = document.part.related_parts
    headers, footers = _header_footer_elements(body, related)
    page = _Place(seen.page)
    yield from _distinct(headers, seen, page)
    yield from _blocks(body, seen, page)
    yield from _distinct(footers, seen, page)


def _distinct(elements: list[Any], seen: _Visibility, place: _Place) -> Iterator[str]:
    """Lines of headers (or footers), each distinct text once: first-page, even and default often agree."""
    done: set[tuple[str, ...]] = set()
    for element in elements:
        lines = tuple(_blocks(element, seen, place))
        if lines not in done:
            done.add(lines)
            yield from lines


def _header_footer_elements(body: Any, related: Any) -> tuple[list[Any], list[Any]]:
    headers: list[Any] = []
    footers: list[Any] = []
    seen: set[int] = set()
    for sect_pr in body.iter(_W_SECT_PR):
        for ref in sect_pr.iterchildren():
            target = headers if ref.tag == _W_HEADER_REF else footers if ref.tag == _W_FOOTER_REF else None
            rid = ref.get(_R_ID)
            if target is None or rid is None:
                continue
            try:
                part = related[rid]
            except KeyError:
                continue
            element = getattr(part, "element", None)
            if element is not None and id(element) not in seen:
                seen.add(id(element))
                target.append(element)
    return headers, footers


def _blocks(container: Any, seen: _Visibility, place: _Place) -> Iterator[str]:
    """Lines of a block container (body, header, cell, text box, content control) in order."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == _W_P:
            boxes: list[Any] = []
            parts: list[str] = []
            paragraph = seen.paragraph(child, place)
            _inline(child, parts, boxes, seen, paragraph)
            text = "".join(parts)
            yield seen.marked(child, paragraph, text) if seen.outline and text.strip() else text
            for box in boxes:
                yield from _blocks(box, seen, _Place(UNKNOWN))  # a text box may have any fill
        elif tag == _W_TBL:
            yield from _table(child, seen, place)
        elif tag == _W_SDT:
            for content in child.iterchildren(_W_SDT_CONTENT):
                yield from _blocks(content, seen, place)
        elif tag == _MC_ALTERNATE:
            for choice in child.iterchildren(_MC_CHOICE):
                yield from _blocks(choice, seen, place)
                break
        elif tag not in _SKIP and isinstance(tag, str):
            yield from _blocks(child, seen, place)  # w:customXml, w:ins, w:smartTag … wrap ordinary blocks


def _table(table: Any, seen: _Visibility, place: _Place) -> Iterator[str]:
    table_place = seen.table(table, place)
    for row in _rows(table):
        cells = [list(_blocks(cell, seen, seen.cell(cell, table_place))) for cell in _row_cells(row)]
        texts = [[line for line in cell if line.strip()] for cell in cells]
        if len(texts) > 1 and all(len(cell) <= 1 for cell in texts):
            joined = ""
            for cell in texts:
                if cell:
                    separator = "" if not joined else " " if joined.endswith(":") else " | "
                    joined += separator + cell[0].strip()
            if len(joined) <= _ROW_JOIN_MAX:
                yield joined
                continue
        for cell in cells:
            yield from cell


def _wrapped(element: Any, tag: str) -> Iterator[Any]:
    """Children of ``element`` with ``tag``, also when content controls or custom XML wrap them."""
    for child in element.iterchildren():
        if child.tag == tag:
            yield child
        elif child.tag == _W_SDT:  # a content control
            for content in child.iterchildren(_W_SDT_CONTENT):
                yield from _wrapped(content, tag)
        elif child.tag not in _SKIP and isinstance(child.tag, str):
            yield from _wrapped(child, tag)  # w:customXml


def _rows(table: Any) -> Iterator[Any]:
    return _wrapped(table, _W_TR)


def _row_cells(row: Any) -> Iterator[Any]:
    return _wrapped(row, _W_TC)


def _inline(element: Any, parts: list[str], boxes: list[Any], seen: _Visibility, para: _Paragraph) -> None:
    """Append the visible text of a paragraph (or a run inside it); collect its text boxes."""
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue  # comments, processing instructions, deleted text, field codes
        if tag == _W_R and seen.run_hidden(child, para):
            continue
        if tag == _W_T:
            parts.append(child.text or "")
        elif tag in (_W_TAB, _W_PTAB):
            parts.append("\t")
        elif tag in (_W_BR, _W_CR):
            parts.append("\n")
        elif tag == _W_NO_BREAK_HYPHEN:
            parts.append("-")
        elif tag == _W_TXBX_CONTENT:
            boxes.append(child)
        elif tag == _MC_ALTERNATE:
            for choice in child.iterchildren(_MC_CHOICE):
                _inline(choice, parts, boxes, seen, para)
                break
        else:
            _inline(child, parts, boxes, seen, para)


# ---------------------------------------------------------------------------- what Word does not show

_W_VAL = qn("w:val")
_W_FILL = qn("w:fill")
_W_THEME_COLOR = qn("w:themeColor")
_W_STYLE_ID = qn("w:styleId")
_W_TYPE = qn("w:type")
_HIDDEN_MARKS = (qn("w:vanish"), qn("w:specVanish"))
_FALSE = {"0", "false", "off"}
# Runs smaller than this (in half-points, Word's unit for w:sz) cannot be read on the page: 2 pt. Word's own
# smallest size in its menus is 8 pt; a real résumé never sets text this small on purpose.
_TINY_HALF_POINTS = 4
# Text whose colour is this close to what lies beneath it (largest difference of the red, green and blue
# components, 0-255) cannot be told from it: the PDF reader's white test (0.98) allows the same 5.
_SAME_COLOUR = 5
WHITE = "FFFFFF"
UNKNOWN = "?"  # a background that cannot be known (a text box, a pattern, a highlight, a floating shape)
_THEME_WHITES = {"background1", "light1"}  # the theme colours that are white in every built-in theme
_HIGHLIGHTS = {"black": "000000", "white": WHITE}  # the rest are coloured: text on them is judged unknown


_BOLD_HEADING_WORDS = 12
_W_B = qn("w:b")


def _all_bold(p: Any) -> bool:
    """Whether every run of the paragraph that has text is set in bold (its own ``w:b``, not off)."""
    runs = [r for r in p.iter(qn("w:r")) if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
    if not runs:
        return False
    for run in runs:
        rpr = run.find(qn("w:rPr"))
        bold = rpr.find(_W_B) if rpr is not None else None
        if bold is None or (bold.get(_W_VAL) or "true").lower() in _FALSE:
            return False
    return True


_HEADING_STYLE = re.compile(r"(?i)heading\s*[1-9]$|title$|subtitle$")
_LIST_STYLE = re.compile(r"(?i)list\b|list(?:bullet|number|paragraph)")
_OUTLINE_LEVELS = {str(n) for n in range(9)}  # w:outlineLvl 0-8 is a heading level; 9 is body text


def _outlined(ppr: Any) -> bool:
    """Whether paragraph properties (a paragraph's or a style's) give it a heading's outline level."""
    level = ppr.find(qn("w:outlineLvl"))
    return level is not None and (level.get(_W_VAL) or "") in _OUTLINE_LEVELS


@dataclass(frozen=True, slots=True)
class _Place:
    """Where a block sits: ``background`` is the colour beneath its text (the page's white unless a cell,
    the page colour or a floating shape says otherwise; UNKNOWN in a text box)."""

    background: str = WHITE


@dataclass(frozen=True, slots=True)
class _Paragraph:
    style: str | None
    background: str


@dataclass(frozen=True, slots=True)
class _RunLook:
    """The formatting that decides visibility; None = not set at this level (inherit)."""

    vanish: bool | None = None
    color: str | None = None  # RRGGBB, "" for automatic (always readable) or an unknown theme colour
    half_points: int | None = None
    background: str | None = None  # the run's own shading or highlight

    def over(self, base: _RunLook) -> _RunLook:
        return _RunLook(
            self.vanish if self.vanish is not None else base.vanish,
            self.color if self.color is not None else base.color,
            self.half_points if self.half_points is not None else base.half_points,
            self.background if self.background is not None else base.background,
        )


def _hex(value: str | None) -> str:
    """An RRGGBB colour in upper case, or "" for anything else (auto, a name, garbage)."""
    value = (value or "").strip().upper()
    if len(value) == 6 and all(ch in "0123456789ABCDEF" for ch in value):
        return value
    return ""


def _same_colour(a: str, b: str) -> bool:
    if not a or not b or UNKNOWN in (a, b):
        return False
    return max(abs(int(a[i : i + 2], 16) - int(b[i : i + 2], 16)) for i in (0, 2, 4)) <= _SAME_COLOUR


def _fill(shd: Any) -> str | None:
    """The colour a w:shd paints beneath the text: None when it paints nothing (inherit what is below)."""
    if shd is None:
        return None
    pattern = (shd.get(_W_VAL) or "clear").lower()
    if pattern not in ("clear", "nil"):
        return UNKNOWN  # a pattern mixes its colour with the fill
    fill = (shd.get(_W_FILL) or "auto").lower()
    if fill == "auto" or pattern == "nil":
        return None
    return _hex(fill) or UNKNOWN


def _look(rpr: Any) -> _RunLook:
    if rpr is None:
        return _RunLook()
    vanish: bool | None = None
    for mark in _HIDDEN_MARKS:
        element = rpr.find(mark)
        if element is not None:
            vanish = (element.get(_W_VAL) or "true").lower() not in _FALSE
            if vanish:
                break
    color: str | None = None
    element = rpr.find(qn("w:color"))
    if element is not None:
        theme = (element.get(_W_THEME_COLOR) or "").lower()
        color = (WHITE if theme in _THEME_WHITES else "") if theme else _hex(element.get(_W_VAL))
    half_points: int | None = None
    size = rpr.find(qn("w:sz"))
    if size is not None:
        try:
            half_points = int(float(size.get(_W_VAL) or ""))
        except ValueError:
            half_points = None
    background = _fill(rpr.find(qn("w:shd")))
    highlight = rpr.find(qn("w:highlight"))
    if highlight is not None and (highlight.get(_W_VAL) or "none").lower() != "none":
        background = _HIGHLIGHTS.get((highlight.get(_W_VAL) or "").lower(), UNKNOWN)
    return _RunLook(vanish, color, half_points, background)


class _Visibility:
    """Resolves each run's formatting through the style chain and records the kinds of hidden text met."""

    def __init__(self, document: Any) -> None:
        self.hidden: dict[str, None] = {}  # kinds met, in the order first seen
        self.outline = False  # write headings and list items as Markdown (see read_docx)
        self._kinds: dict[str, str] = {}  # style id -> "heading", "list" or ""
        self._styles: dict[str, Any] = {}
        self._looks: dict[str, _RunLook] = {}
        self._style_fills: dict[str, str | None] = {}
        self._default = _RunLook()
        self._default_paragraph: str | None = None
        try:
            root = document.styles.element
        except Exception:  # no or a broken styles part: direct formatting still counts
            root = None
        if root is not None:
            for style in root.iterchildren(qn("w:style")):
                style_id = style.get(_W_STYLE_ID)
                if style_id:
                    self._styles[style_id] = style
                    if style.get(_W_TYPE) == "paragraph" and style.get(qn("w:default")) in ("1", "true"):
                        self._default_paragraph = style_id
            defaults = root.find(qn("w:docDefaults"))
            if defaults is not None:
                self._default = _look(defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}"))
        self.page = WHITE
        background = document.element.find(qn("w:background"))
        if background is not None and (background.get(qn("w:color")) or "auto").lower() != "auto":
            self.page = _hex(background.get(qn("w:color"))) or UNKNOWN
        if _has_floating_graphics(document):
            self.page = UNKNOWN

    def _style_look(self, style_id: str | None, depth: int = 0) -> _RunLook:
        if not style_id or depth > 20:
            return _RunLook()
        if style_id in self._looks:
            return self._looks[style_id]
        style = self._styles.get(style_id)
        if style is None:
            return _RunLook()
        self._looks[style_id] = _RunLook()  # a basedOn cycle ends here
        based = style.find(qn("w:basedOn"))
        base = self._style_look(based.get(_W_VAL) if based is not None else None, depth + 1)
        look = _look(style.find(qn("w:rPr"))).over(base)
        self._looks[style_id] = look
        return look

    def _style_fill(self, style_id: str | None) -> str | None:
        """The background a paragraph or table style paints: its one fill, UNKNOWN when it has several
        (a table style shading some rows), None when it paints none."""
        if not style_id:
            return None
        if style_id not in self._style_fills:
            style = self._styles.get(style_id)
            fills = {_fill(shd) for shd in style.iter(qn("w:shd"))} - {None} if style is not None else set()
            if style is not None and any(True for _ in style.iter(qn("w:tblStylePr"))) and fills:
                fills.add(UNKNOWN)  # header rows, banded rows: which cell has which fill is not known here
            self._style_fills[style_id] = None if not fills else fills.pop() if len(fills) == 1 else UNKNOWN
        return self._style_fills[style_id]

    def paragraph(self, p: Any, place: _Place) -> _Paragraph:
        ppr = p.find(qn("w:pPr"))
        style: str | None = self._default_paragraph
        fill: str | None = None
        if ppr is not None:
            named = ppr.find(qn("w:pStyle"))
            if named is not None and named.get(_W_VAL):
                style = named.get(_W_VAL)
            fill = _fill(ppr.find(qn("w:shd")))
        if fill is None:
            fill = self._style_fill(style)
        return _Paragraph(style, place.background if fill is None else fill)

    def marked(self, p: Any, paragraph: _Paragraph, text: str) -> str:
        """``text`` as Markdown: ``## `` before a heading's, ``- `` before a list item's."""
        ppr = p.find(qn("w:pPr"))
        kind = self._paragraph_kind(paragraph.style)
        if ppr is not None:
            if _outlined(ppr):
                kind = "heading"
            elif ppr.find(qn("w:numPr")) is not None and kind != "heading":
                kind = "list"
        if kind == "heading":
            return "## " + text.strip()
        if kind == "list":
            return "- " + text.strip()
        if _all_bold(p) and len(text.split()) <= _BOLD_HEADING_WORDS:
            # ``bold_paragraph_is_a_heading``: a short paragraph set in bold, as small employers head their
            # sections, is a bold line (the posting reader's Markdown ``**…**``)
            return f"**{text.strip()}**"
        return text

    def _paragraph_kind(self, style_id: str | None, depth: int = 0) -> str:
        """A paragraph style's kind, through its ``basedOn`` chain: "heading" (Word's Heading 1-9, Title and
        Subtitle, or a style with an outline level), "list" (a List style, or one that numbers) or ""."""
        if not style_id or depth > 20:
            return ""
        if style_id not in self._kinds:
            self._kinds[style_id] = ""  # a basedOn cycle ends here
            style = self._styles.get(style_id)
            kind = ""
            if style is not None:
                name_element = style.find(qn("w:name"))
                name = (name_element.get(_W_VAL) if name_element is not None else None) or style_id
                ppr = style.find(qn("w:pPr"))
                if (
                    _HEADING_STYLE.match(name)
                    or _HEADING_STYLE.match(style_id)
                    or (ppr is not None and _outlined(ppr))
                ):
                    kind = "heading"
                elif _LIST_STYLE.match(name) or (ppr is not None and ppr.find(qn("w:numPr")) is not None):
                    kind = "list"
                else:
                    based = style.find(qn("w:basedOn"))
                    kind = self._paragraph_kind(based.get(_W_VAL) if based is not None else None, depth + 1)
            self._kinds[style_id] = kind
        return self._kinds[style_id]

    def table(self, table: Any, place: _Place) -> _Place:
        tblpr = table.find(qn("w:tblPr"))
        if tblpr is None:
            return place
        fill = _fill(tblpr.find(qn("w:shd")))
        named = tblpr.find(qn("w:tblStyle"))
        if fill is None and named is not None:
            fill = self._style_fill(named.get(_W_VAL))
        return place if fill is None else _Place(fill)

    def cell(self, cell: Any, place: _Place) -> _Place:
        tcpr = cell.find(qn("w:tcPr"))
        fill = _fill(tcpr.find(qn("w:shd"))) if tcpr is not None else None
        return place if fill is None else _Place(fill)

    def run_hidden(self, run: Any, para: _Paragraph) -> bool:
        """Whether the run's text is invisible on the page; records why."""
        rpr = run.find(qn("w:rPr"))
        direct = _look(rpr)
        char_style = None
        if rpr is not None:
            named = rpr.find(qn("w:rStyle"))
            char_style = named.get(_W_VAL) if named is not None else None
        look = (
            direct.over(self._style_look(char_style)).over(self._style_look(para.style)).over(self._default)
        )
        background = look.background if look.background is not None else para.background
        kind = ""
        if look.vanish:
            kind = "hidden"
        elif look.half_points is not None and look.half_points < _TINY_HALF_POINTS:
            kind = "tiny"
        elif look.color and _same_colour(look.color, background):
            kind = "white" if background == WHITE else "same colour as background"
        if not kind:
            return False
        if any(t.text and _WORDLIKE.search(t.text) for t in run.iter(_W_T)):
            self.hidden.setdefault(kind, None)  # a hidden comma or space is layout, not worth a flag
        return True


# Floating pictures and shapes (DrawingML anchors, VML shapes) can sit behind any text: designed templates
# put white headings on a coloured sidebar drawn this way. Where the layout cannot be known, white text
# is given the benefit of the doubt (hidden runs and tiny text are still dropped).
_FLOATING = frozenset(
    {"{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}anchor"}
    | {f"{{urn:schemas-microsoft-com:vml}}{name}" for name in ("rect", "roundrect", "oval", "shape", "group")}
)
_WORDLIKE = re.compile(r"\w\w")


def _has_floating_graphics(document: Any) -> bool:
    try:
        parts = [document.part, *document.part.related_parts.values()]
        for part in parts:
            element = getattr(part, "element", None)
            if element is not None and any(True for _ in element.iter(*_FLOATING)):
                return True
    except Exception:  # an odd package: assume the worst for white text, i.e. keep it
        return True
    return False


def _title(document: Any) -> str:
    try:
        title = document.core_properties.title
    except Exception:  # docProps/core.xml is decoration: a broken one is not worth a skip
        return ""
    return clean_inline(str(title)) if title else ""


def _dated(document: Any) -> str:
    """The month docProps/core.xml says the file was last modified (else created), or "". A package
    without core.xml has none: python-docx would make up default properties dated now."""
    from docx.opc.constants import RELATIONSHIP_TYPE

    try:
        document.part.package.part_related_by(RELATIONSHIP_TYPE.CORE_PROPERTIES)  # KeyError when absent
        properties = document.core_properties
        for when in (properties.modified, properties.created):
            if when is not None and 1900 <= when.year <= 2099:
                return f"{when.year:04d}-{when.month:02d}"
    except Exception:  # docProps/core.xml is decoration: a broken one is not worth a skip
        return ""
    return ""


_ADDRESS = re.compile(r"<[^<>]*? at 0x[0-9a-fA-F]+>|0x[0-9a-fA-F]{6,}")  # an object's repr: differs every run


def _short(exc: BaseException) -> str:
    text = _ADDRESS.sub("<object>", str(exc)).strip()
    return clean_inline(text.splitlines()[0] if text else type(exc).__name__, max_chars=80)
