#!/usr/bin/env python3
"""Generate the second round of hostile résumé files (issue 16), beside ``../shared/hostile/make_hostile.py``.

Usage:
    python tests/make_hostile_round2.py [OUT_DIR]

Needs only the standard library plus python-docx. Writes OUT_DIR/ (the résumé folder), OUT_DIR/../
job_posting_round2.txt and OUT_DIR/../round2_manifest.json (one record per case). :func:`build` returns
the cases for tests.

Each hidden-text case has a visible twin (``twin``): the same résumé without the hidden lines. A reader
that drops what Word does not show reads both alike and flags the hidden one, so the two score within a
point. Every person and address below is fictional (example.com).
"""

from __future__ import annotations

import dataclasses
import io
import json
import sys
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

POSTING = """Senior Python Backend Engineer
Example Corp - Portland, OR

Requirements:
- 5+ years of Python
- Django or FastAPI
- PostgreSQL and Docker
- Kubernetes
"""

# A barista: nothing the posting asks for, so any credit comes from hidden text.
VISIBLE = [
    "Sam Brennan",
    "sam.barista@example.com | Portland, OR",
    "Experience",
    "2019 - 2024  Barista, Corner Cafe",
    "Made coffee and served customers",
    "Education",
    "High School Diploma, 2018",
]
STUFFING = "Senior Python developer: Django, FastAPI, PostgreSQL, Docker, Kubernetes, 10 years"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@dataclass(frozen=True)
class Case:
    file: str  # relative to OUT_DIR
    outcome: str  # "ranked" or "skipped"
    why: str  # what it exercises (issue 16 item)
    reason: str = ""  # regular expression the skip reason must match
    name: str = ""  # candidate name when ranked
    warning: str = ""  # regular expression one of the warnings must match
    no_warning: str = ""  # regular expression no warning may match
    twin: str = ""  # for hidden text: the visible-only file it must score like (within a point)


# ---------------------------------------------------------------------------- DOCX builders


def _save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _cv(hide: Callable[[Any], None] | None) -> bytes:
    import docx

    document = docx.Document()
    for line in VISIBLE[:5]:
        document.add_paragraph(line)
    if hide is not None:
        hide(document)
    for line in VISIBLE[5:]:
        document.add_paragraph(line)
    return _save(document)


def _run(document: Any, **font: Any) -> Any:
    run = document.add_paragraph().add_run(STUFFING)
    for key, value in font.items():
        setattr(run.font, key, value)
    return run


def _raw(run: Any, xml: str) -> None:
    from docx.oxml import parse_xml

    run._r.get_or_add_rPr().append(parse_xml(xml))


def _hiding_ways() -> dict[str, Callable[[Any], None]]:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Pt, RGBColor

    white = RGBColor(0xFF, 0xFF, 0xFF)

    def char_style(document: Any) -> None:
        document.styles.add_style("Keywords", WD_STYLE_TYPE.CHARACTER).font.hidden = True
        document.add_paragraph().add_run(STUFFING, style="Keywords")

    def para_style(document: Any) -> None:
        style = document.styles.add_style("Invisible", WD_STYLE_TYPE.PARAGRAPH)
        style.font.color.rgb = white
        document.add_paragraph(STUFFING, style="Invisible")

    def based_on(document: Any) -> None:
        base = document.styles.add_style("Fine", WD_STYLE_TYPE.PARAGRAPH)
        base.font.size = Pt(1)
        derived = document.styles.add_style("Finer", WD_STYLE_TYPE.PARAGRAPH)
        derived.base_style = base
        document.add_paragraph(STUFFING, style="Finer")

    def black_on_black(document: Any) -> None:
        from docx.oxml import parse_xml

        cell = document.add_table(rows=1, cols=1).cell(0, 0)
        cell._tc.get_or_add_tcPr().append(parse_xml(f'<w:shd {W} w:val="clear" w:fill="000000"/>'))
        cell.paragraphs[0].add_run(STUFFING).font.color.rgb = RGBColor(0, 0, 0)

    return {
        "vanish": lambda d: _run(d, hidden=True),
        "spec_vanish": lambda d: _raw(_run(d), f"<w:specVanish {W}/>"),
        "white": lambda d: setattr(_run(d).font.color, "rgb", white),
        "near_white": lambda d: setattr(_run(d).font.color, "rgb", RGBColor(0xFC, 0xFD, 0xFE)),
        "theme_white": lambda d: _raw(_run(d), f'<w:color {W} w:val="000000" w:themeColor="background1"/>'),
        "half_point": lambda d: _raw(_run(d), f'<w:sz {W} w:val="1"/>'),
        "one_point": lambda d: _run(d, size=Pt(1)),
        "char_style_hidden": char_style,
        "para_style_white": para_style,
        "based_on_tiny": based_on,
        "black_on_black_cell": black_on_black,
    }


def _relabel(data: bytes, content_type: bytes) -> bytes:
    main = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    return _rezip(
        data, lambda name, payload: payload.replace(main, content_type) if name.startswith("[") else payload
    )


def _strict(data: bytes) -> bytes:
    def translate(name: str, payload: bytes) -> bytes:
        if not name.endswith((".xml", ".rels")):
            return payload
        return payload.replace(
            b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
            b"http://purl.oclc.org/ooxml/wordprocessingml/main",
        ).replace(
            b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            b"http://purl.oclc.org/ooxml/officeDocument/relationships",
        )

    return _rezip(data, translate)


def _rezip(data: bytes, change: Callable[[str, bytes], bytes]) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, change(info.filename, source.read(info.filename)))
    return buffer.getvalue()


# ---------------------------------------------------------------------------- PDF builders


def _pdf(
    content: bytes,
    filters: bytes = b"",
    contents_ref: bytes | None = None,
    resources: bytes = b"",
    catalog: bytes = b"",
    extra: tuple[bytes, ...] = (),
) -> bytes:
    """A one-page PDF; ``resources``, ``catalog``: added to those dictionaries; ``extra``: objects 5, 6."""
    font = b"/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> " + resources
    ref = contents_ref if contents_ref is not None else b"/Contents 4 0 R"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalog + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << " + font + b">> " + ref + b" >>",
        b"<< /Length %d %s>>\nstream\n" % (len(content), filters) + content + b"\nendstream",
        *extra,
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _text_ops(lines: list[str]) -> bytes:
    body = b" Tj T*\n".join(b"(" + line.encode("latin-1") + b")" for line in lines)
    return b"BT /F1 11 Tf 14 TL 72 720 Td\n" + body + b" Tj\nET\n"


@dataclass(frozen=True)
class PdfWay:
    """One way to hide a line of a PDF, and a control: the same construct, drawn so that it shows."""

    hidden: bytes  # content drawing STUFFING so that no reader sees it
    control: bytes  # content drawing CONTROL with the same construct, visibly
    resources: bytes = b""
    catalog: bytes = b""
    extra: tuple[bytes, ...] = ()
    pdfium: bool = True  # the PDFium reader catches it too (it has the information)


CONTROL = "Latte art and customer care"  # the control line: visible, and nothing the posting asks for


def _line(text: str, before: bytes = b"", inside: bytes = b"", after: bytes = b"", y: int = 400) -> bytes:
    shown = text.encode("latin-1").replace(b"(", b"\\(").replace(b")", b"\\)")
    return before + b"BT /F1 11 Tf " + inside + b" 72 %d Td (" % y + shown + b") Tj ET\n" + after


def _both(
    before: bytes = b"",
    inside: bytes = b"",
    after: bytes = b"",
    visible: tuple[bytes, bytes, bytes] | None = None,
    **extra: Any,
) -> PdfWay:
    shown = visible if visible is not None else (before, inside, after)
    return PdfWay(_line(STUFFING, before, inside, after), _line(CONTROL, *shown), **extra)


_SEPARATION = (
    b"/ColorSpace << /CS0 [/Separation /Spot /DeviceCMYK "
    b"<< /FunctionType 2 /Domain [0 1] /C0 [0 0 0 0] /C1 [0 0 0 1] /N 1 >>] "
    b"/CS1 [/Lab << /WhitePoint [0.9505 1 1.089] /Range [-100 100 -100 100] >>] >> "
)
_ALPHA = b"/ExtGState << /Clear << /ca 0 /CA 0 >> /Half << /ca 0.6 /CA 0.6 >> /Opaque << /ca 1 /CA 1 >> >> "
_LAYER = b"/Properties << /L1 5 0 R /L2 6 0 R >> "
_LAYERS = b"/OCProperties << /OCGs [5 0 R 6 0 R] /D << /OFF [5 0 R] >> >> "
_LAYER_OBJECTS = (b"<< /Type /OCG /Name (Keywords) >>", b"<< /Type /OCG /Name (Shown) >>")
_SPECKS = b"0.5 g " + b"".join(b"%d 2 0.5 0.5 re f " % (i % 200) for i in range(257)) + b"\n"
_BAND = b"0 0 0 rg 60 390 520 25 re f\n"


PYPDF_ONLY: tuple[str, ...] = ()  # every way is caught by both readers (PDFium's by the render, issue 13)


def pdf_hiding_ways() -> dict[str, PdfWay]:
    """Every way (issue 16, item 1) to draw a line of a PDF that nobody can see, each with its control."""
    ways = {
        "zero_tz": _both(b"q\n", inside=b"0 Tz", after=b"Q\n", visible=(b"q\n", b"70 Tz", b"Q\n")),
        "tiny_font": _both(inside=b"/F1 0.1 Tf", visible=(b"", b"/F1 5 Tf", b"")),
        "tiny_matrix": PdfWay(
            b"BT /F1 11 Tf 0.05 0 0 0.05 72 400 Tm (" + STUFFING.encode() + b") Tj ET\n",
            b"BT /F1 1 Tf 9 0 0 9 72 400 Tm (" + CONTROL.encode() + b") Tj ET\n",
        ),
        "alpha_zero": _both(
            b"q /Clear gs\n", after=b"Q\n", visible=(b"q /Half gs\n", b"", b"Q\n"), resources=_ALPHA
        ),
        "alpha_zero_stroke": _both(
            b"q /Clear gs\n",
            inside=b"1 Tr",
            after=b"Q\n",
            visible=(b"q /Opaque gs\n", b"1 Tr", b"Q\n"),
            resources=_ALPHA,
        ),
        "white_stroke_only": _both(
            b"q 1 1 1 RG\n", inside=b"1 Tr", after=b"Q\n", visible=(b"q 0 0 0.5 RG\n", b"1 Tr", b"Q\n")
        ),
        "zero_size_clip": _both(
            b"q 0 0 0 0 re W n\n",
            after=b"Q\n",
            visible=(b"q 0 0 612 792 re W n\n", b"", b"Q\n"),
        ),
        "clip_elsewhere": _both(
            b"q 300 700 20 20 re W n\n",
            after=b"Q\n",
            visible=(b"q 60 380 500 40 re W n\n", b"", b"Q\n"),
        ),
        "black_on_black": _both(_BAND, inside=b"0 g", visible=(_BAND, b"1 g", b"0 g\n")),
        "separation_white": _both(
            b"q /CS0 cs 0 scn\n",
            after=b"Q\n",
            visible=(b"q /CS0 cs 1 scn\n", b"", b"Q\n"),
            resources=_SEPARATION,
        ),
        "lab_white": _both(
            b"q /CS1 cs 100 0 0 scn\n",
            after=b"Q\n",
            visible=(b"q /CS1 cs 30 0 0 scn\n", b"", b"Q\n"),
            resources=_SEPARATION,
        ),
        "layer_off": _both(
            b"/OC /L1 BDC\n",
            after=b"EMC\n",
            visible=(b"/OC /L2 BDC\n", b"", b"EMC\n"),
            resources=_LAYER,
            catalog=_LAYERS,
            extra=_LAYER_OBJECTS,
        ),
        "white_box_over": PdfWay(
            _line(STUFFING) + b"q 1 1 1 rg 60 390 560 25 re f Q\n",
            _line(CONTROL) + b"q 1 1 1 rg 60 370 560 25 re f Q\n",  # the same box, below the line
        ),
        "black_box_over": PdfWay(
            _line(STUFFING) + b"q 0 0 0 rg 60 390 560 25 re f Q\n",
            _line(CONTROL) + b"q 0 0 0 rg 60 390 560 25 re f Q\n".replace(b"re f", b"re S"),  # outlined
        ),
        "char_spacing_off_page": _both(
            b"q\n", inside=b"400 Tc", after=b"Q\n", visible=(b"q\n", b"1 Tc", b"Q\n")
        ),
        "word_spacing_off_page": _both(
            b"q\n", inside=b"3000 Tw", after=b"Q\n", visible=(b"q\n", b"4 Tw", b"Q\n")
        ),
        "tj_offset_off_page": PdfWay(
            b"BT /F1 11 Tf 72 400 Td [(x) -90000 (" + STUFFING.encode() + b")] TJ ET\n",
            b"BT /F1 11 Tf 72 400 Td [(Latte art and ) -120 (customer care)] TJ ET\n",
        ),
        "after_257_areas": _both(
            _SPECKS + b"1 g\n",
            after=b"0 g\n",
            visible=(_SPECKS + _BAND + b"1 g\n", b"", b"0 g\n"),
        ),
    }
    # A way only the pypdf reader catches would be listed in PYPDF_ONLY; PDFium's reader sees them all now
    # (clips, layers, boxes over text and dark on dark by its render; text of no width by its object).
    for name in PYPDF_ONLY:
        ways[name] = dataclasses.replace(ways[name], pdfium=False)
    return ways


def pdf_cv(middle: bytes = b"", way: PdfWay | None = None) -> bytes:
    """The barista's résumé as a PDF, with ``middle`` drawn between its lines (in ``way``'s resources)."""
    content = _text_ops(VISIBLE[:5]) + middle + _text_ops(VISIBLE[5:]).replace(b"72 720 Td", b"72 300 Td")
    if way is None:
        return _pdf(content)
    return _pdf(content, resources=way.resources, catalog=way.catalog, extra=way.extra)


# ---------------------------------------------------------------------------- hostile postings (item 4)

# One unit each, repeated to fill a posting just under the 1 MB limit: every shape makes the parser meet
# one of its split points (sentence ends after abbreviations, clause cues, list commas, "or") per few bytes.
POSTING_UNITS = {
    "abbreviations": "Python e.g. Excel etc. and i.e. Dr. U.S. B.S. A. ",
    "comma_list_no_or": "Python Suite, ",
    "comma_list_then_or": None,  # a long comma list that does end in "or Go"
    "or_chain": "Django or ",
    "years": "5+ years ",
    "semicolons": "Strong Python skills; ",
    "dashes": "Python - ",
    "inline_bullets": "Python • ",
    "same_bullet": "- Python\n",
    "numbered_bullets": None,  # "- Skill 1", "- Skill 2", …: all different
    "mixed": "Python, Django, e.g. U.S., Dr. Smith; 3+ years of SQL or Go; ",
}
POSTING_BYTES = 990_000


def hostile_postings(size: int = POSTING_BYTES) -> dict[str, str]:
    """Posting texts of about ``size`` bytes, by name; each must parse (or be refused) in bounded work."""
    head = "Senior Python Engineer\n\nRequirements:\n- "
    texts = {}
    for name, unit in POSTING_UNITS.items():
        if name == "comma_list_then_or":
            body = "Python Suite, " * (size // 14) + "or Go"
        elif name == "numbered_bullets":
            body = "".join(f"- Skill {i}\n" for i in range(size // 15))
        else:
            assert unit is not None
            body = unit * (size // len(unit.encode()))
        texts[name] = head + body
    return texts


# ---------------------------------------------------------------------------- the folder


def build(out: Path) -> list[Case]:
    """Write every case into ``out`` (created; must not exist or be empty) and the posting beside it."""
    import zlib

    out.mkdir(parents=True, exist_ok=True)
    cases: list[Case] = []

    def put(name: str, data: bytes, case: Case) -> None:
        (out / name).write_bytes(data)
        cases.append(case)

    # item 1 (DOCX side): hidden text dropped and flagged; the score is the visible twin's
    put(
        "docx_visible_twin.docx",
        _cv(None),
        Case("docx_visible_twin.docx", "ranked", "item 1 twin", name="Sam Brennan", no_warning="hidden"),
    )
    for way, hide in _hiding_ways().items():
        name = f"docx_hidden_{way}.docx"
        put(
            name,
            _cv(hide),
            Case(
                name,
                "ranked",
                f"item 1: DOCX {way}",
                name="Sam Brennan",
                warning=r"^hidden text ignored \(",
                twin="docx_visible_twin.docx",
            ),
        )

    def all_ways(document: Any) -> None:
        for hide in _hiding_ways().values():
            hide(document)

    put(
        "docx_hidden_all_ways.docx",
        _cv(all_ways),
        Case(
            "docx_hidden_all_ways.docx",
            "ranked",
            "item 1: every way at once",
            warning=r"^hidden text ignored \(",
            twin="docx_visible_twin.docx",
        ),
    )

    def only_hidden(document: Any) -> None:
        document.add_paragraph().add_run(STUFFING).font.hidden = True

    import docx

    ghost = docx.Document()
    only_hidden(ghost)
    put(
        "docx_only_hidden.docx",
        _save(ghost),
        Case("docx_only_hidden.docx", "skipped", "item 1: nothing visible", reason=r"no visible text"),
    )

    put(
        "pdf_visible_twin.pdf",
        pdf_cv(),
        Case("pdf_visible_twin.pdf", "ranked", "item 1 twin", name="Sam Brennan", no_warning="hidden"),
    )
    for way, hiding in pdf_hiding_ways().items():
        name = f"pdf_hidden_{way}.pdf"
        put(
            name,
            pdf_cv(hiding.hidden, hiding),
            Case(
                name,
                "ranked",
                f"item 1: PDF {way}",
                name="Sam Brennan",
                warning=r"^hidden text ignored \(",
                twin="pdf_visible_twin.pdf",
            ),
        )

    # item 10: type sniffing and stable, plain reasons
    mentions = (
        "Pat Example\npat@example.com\nConverted reports to %PDF-1.7 archives\nPython, Django, PostgreSQL\n"
    )
    put(
        "text_mentions_pdf_magic.txt",
        mentions.encode(),
        Case("text_mentions_pdf_magic.txt", "ranked", "item 10: %PDF- in text", name="Pat Example"),
    )
    # ... and one that also ends as a PDF's trailer would, in words: still text, not a damaged PDF
    for name, tail in (
        ("text_ends_with_eof.txt", "Footer %%EOF\n"),
        ("text_pdf_trailer_words.txt", "startxref\n%%EOF\n"),
    ):
        put(
            name,
            ("Pat Example\npat@example.com\n%PDF-1.7 archiving expert\nPython, Django\n" + tail).encode(),
            Case(name, "ranked", "item 10: PDF words in text", name="Pat Example"),
        )
    bom_pdf = b"\xef\xbb\xbf\n" + _pdf(_text_ops(["Pia Leading", "pia@example.com", "Python, Docker"]))
    put(
        "pdf_after_bom.pdf",
        bom_pdf,
        Case("pdf_after_bom.pdf", "ranked", "item 10: BOM then %PDF-", name="Pia Leading"),
    )
    good = _cv(None)
    macro = _relabel(good, b"application/vnd.ms-word.document.macroEnabled.main+xml")
    put(
        "macro_enabled.docx",
        macro,
        Case("macro_enabled.docx", "ranked", "item 10: .docm content", name="Sam Brennan", warning=r"macro"),
    )
    odd = _relabel(good, b"application/x-not-word+xml")
    put(
        "odd_main_part.docx",
        odd,
        Case(
            "odd_main_part.docx",
            "skipped",
            "item 10: stable reason",
            reason=r"^damaged DOCX \(file '<object>'",
        ),
    )
    put(
        "strict_ooxml.docx",
        _strict(good),
        Case("strict_ooxml.docx", "ranked", "item 10: Strict OOXML", name="Sam Brennan"),
    )
    missing = _pdf(_text_ops(VISIBLE), contents_ref=b"/Contents 9 0 R")
    put(
        "pdf_missing_content.pdf",
        missing,
        Case("pdf_missing_content.pdf", "skipped", "item 10: damaged", reason=r"^damaged PDF"),
    )
    bad_flate = _pdf(b"definitely not zlib", filters=b"/Filter /FlateDecode ")
    put(
        "pdf_bad_flate.pdf",
        bad_flate,
        Case("pdf_bad_flate.pdf", "skipped", "item 10: damaged", reason=r"^damaged PDF"),
    )
    cut_flate = _pdf(zlib.compress(_text_ops(VISIBLE))[:24], filters=b"/Filter /FlateDecode ")
    put(
        "pdf_cut_flate.pdf",
        cut_flate,
        Case("pdf_cut_flate.pdf", "skipped", "item 10: damaged", reason=r"^damaged PDF"),
    )
    # ... and one whose content is ASCII85: noise that decodes, or a chain that breaks after it
    import base64

    noise = base64.a85encode(b"lorem ipsum dolor sit amet " * 20) + b"~>"  # words, no drawing
    for name, data, filters in (
        ("pdf_ascii85_noise.pdf", noise, b"/Filter /ASCII85Decode "),
        (
            "pdf_ascii85_bad_flate.pdf",
            base64.a85encode(b"not zlib data") + b"~>",
            b"/Filter [/ASCII85Decode /FlateDecode] ",
        ),
    ):
        put(
            name,
            _pdf(data, filters=filters),
            Case(name, "skipped", "item 10: damaged", reason=r"^damaged PDF"),
        )
    readable = base64.a85encode(_text_ops(VISIBLE)) + b"~>"
    put(
        "pdf_ascii85_text.pdf",
        _pdf(readable, filters=b"/Filter /ASCII85Decode "),
        Case("pdf_ascii85_text.pdf", "ranked", "item 10: ASCII85 content", name="Sam Brennan"),
    )
    blank = _pdf(b"")
    put(
        "pdf_blank_page.pdf",
        blank,
        Case("pdf_blank_page.pdf", "skipped", "item 10: no text", reason=r"scanned\?"),
    )

    # item 2: the same bytes under two extensions are two extractions (Markdown syntax stripped or kept)
    same = (
        b"Pat Example\npat@example.com\nExperience\n2018 - 2024  Python Developer, Example Corp\n"
        b"* Built [Django](https://example.com/django) services on `PostgreSQL` and **Docker**\n"
    )
    for name in ("same_bytes.md", "same_bytes.txt"):
        put(name, same, Case(name, "ranked", "item 2: extension is part of the key", name="Pat Example"))

    (out.parent / "job_posting_round2.txt").write_text(POSTING)
    postings = out.parent / "postings_round2"
    postings.mkdir(exist_ok=True)
    for name, text in hostile_postings().items():
        (postings / f"{name}.txt").write_text(text)
    manifest = out.parent / "round2_manifest.json"
    manifest.write_text(json.dumps([asdict(case) for case in cases], indent=2))
    return cases


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("hostile_round2")
    cases = build(out)
    print(f"{len(cases)} cases in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
