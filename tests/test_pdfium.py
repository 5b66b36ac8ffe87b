"""jobmatch.documents.pdfium: words and lines rebuilt from character boxes, the look before PDFium reads a
file, and PDFium's text against pypdf's on real résumés (those skip when ../shared is absent)."""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest

from jobmatch.documents import Limits, read_document
from jobmatch.documents import pdfium as engine
from jobmatch.documents.pdfium import Char, rebuild_lines
from jobmatch.ranking import extractor_version
from tests.conftest import shared_or_skip
from tests.test_documents import make_pdf, pdf_string

PDFIUM = Limits(pdf_engine="pdfium")
PYPDF = Limits(pdf_engine="pypdf")


def word(text: str, x: float, y: float = 700.0, size: float = 10.0, advance: float = 5.0) -> list[Char]:
    """The characters of ``text`` from ``x`` on one baseline, each ``advance`` wide, boxes a font high."""
    return [
        Char(ch, x + i * advance, y - 0.2 * size, x + (i + 1) * advance, y + 0.9 * size)
        for i, ch in enumerate(text)
    ]


def end(chars: list[Char]) -> float:
    return chars[-1].right


# ---------------------------------------------------------------------------- words and lines


def test_a_gap_wider_than_a_share_of_the_height_is_a_space() -> None:
    first = word("Iam", 0)
    second = word("a", end(first) + 2.5)  # a quarter of a 10-point font's height: a word gap
    third = word("Mechanical", end(second) + 2.5)
    tight = word("Engineer", end(third) + 0.1)  # a rounding gap: the same word
    assert rebuild_lines(first + second + third + tight) == ["Iam a MechanicalEngineer"]


def test_a_run_of_one_non_ascii_mark_is_a_gap_not_letters() -> None:
    # repeated_mark_is_a_gap: "CoalitionÂÂÂÂ Knoxville" (mojibake of non-breaking spaces) is two words
    glued = word("Coalition", 0) + word("\u00c2" * 6, 46, advance=6.7) + word("Knoxville", 90)
    assert rebuild_lines(glued) == ["Coalition Knoxville"]
    # one or two accented letters are letters
    assert rebuild_lines(word("Âge", 0) + word("Façade", 20)) == ["Âge Façade"]


def test_space_characters_separate_words_and_never_pile_up() -> None:
    chars = word("Sales", 0) + word(" ", 25) + word(" ", 30) + word("Manager", 35) + word(" ", 70)
    assert rebuild_lines(chars) == ["Sales Manager"]


def test_a_baseline_jump_is_a_line_break_and_a_superscript_is_not() -> None:
    chars = word("Skills", 0) + word("Excel", 0, y=686) + word("2", 26, y=688, size=6) + word("nd", 32, y=686)
    assert rebuild_lines(chars) == ["Skills", "Excel 2 nd"]


def test_going_back_to_the_left_on_one_baseline_is_a_new_line() -> None:
    # two columns drawn one after the other, their rows on the same baselines
    chars = word("Left", 300) + word("Right", 10)
    assert rebuild_lines(chars) == ["Left", "Right"]


def test_fragments_on_one_baseline_left_to_right_are_one_line() -> None:
    # the split baselines the pypdf reader joins again: a date range drawn one word at a time
    start = word("01/2010", 0)
    to = word("to", end(start) + 3)
    chars = start + to + word("Current", end(to) + 3)
    assert rebuild_lines(chars) == ["01/2010 to Current"]


def test_tight_letter_spacing_still_splits_at_the_words() -> None:
    # web-page PDFs place each glyph a little left of where its width ends (-0.3 pt here) and the word gap
    # is then only a little wider (+0.3 pt): measured from the line's usual gap, it is still a gap
    chars: list[Char] = []
    x = 0.0
    for piece in ("Defense", "of", "Battered", "Women"):
        for ch in piece:
            chars.append(Char(ch, x, 698, x + 3.3, 705))
            x += 3.0
        x += 0.6
    assert rebuild_lines(chars) == ["Defense of Battered Women"]


def test_letters_spaced_out_one_by_one_are_not_one_word() -> None:
    chars = [c for i, ch in enumerate("SKILLS") for c in word(ch, i * 12.0)]
    assert rebuild_lines(chars) == ["S K I L L S"]


def test_a_character_without_a_box_joins_its_line() -> None:
    boxless = Char("é", float("nan"), float("nan"), float("nan"), float("nan"))
    chars = [*word("Caf", 0), boxless, *word("Paris", 30)]
    assert rebuild_lines(chars) == ["Café Paris"]
    assert rebuild_lines([]) == []


# ---------------------------------------------------------------------------- the look before PDFium


def stream(body: bytes, filters: bytes = b"/Filter /FlateDecode") -> bytes:
    return b"<< %s /Length %d >>\nstream\n" % (filters, len(body)) + body + b"\nendstream\n"


def test_scan_measures_flate_streams_against_the_caps() -> None:
    limits = Limits(max_pdf_stream_bytes=1024 * 1024, max_pdf_content_bytes=3 * 1024 * 1024)
    small = stream(zlib.compress(b"BT (hello) Tj ET " * 100))
    assert engine.scan(b"%PDF-1.7\n" + small, limits).readable
    bomb = stream(zlib.compress(b" " * (2 * 1024 * 1024), 9))
    assert not engine.scan(b"%PDF-1.7\n" + bomb, limits).readable
    each_within = stream(zlib.compress(b" " * (900 * 1024), 9))
    assert not engine.scan(b"%PDF-1.7\n" + each_within * 4, limits).readable  # the sum is over


def test_scan_leaves_what_it_cannot_judge_to_pypdf() -> None:
    for head in (b"/Filter /LZWDecode", b"/Filter [/ASCII85Decode /FlateDecode]", b"/Filter 7 0 R"):
        assert not engine.scan(b"%PDF-1.7\n" + stream(b"xyz", head), Limits()).readable, head
    assert not engine.scan(b"%PDF-1.7\n<< /Encrypt 5 0 R >>", Limits()).readable
    assert not engine.scan(b"%PDF-1.7\n" + b"[" * 40 + b"]" * 40, Limits()).readable
    image = stream(b"\xff\xd8 jpeg", b"/Subtype /Image /Filter /DCTDecode")
    assert engine.scan(b"%PDF-1.7\n" + image, Limits()).readable


@pytest.mark.parametrize(
    ("content", "hides"),
    [
        (b" 0 0 0 scn (a) Tj", False),
        (b" 0.2 0.2 0.2 rg 0 Tr 1 0 0 rg .5 g 0 0 0 1 k", False),
        (b" 3 Tr", True),
        (b" 7 Tr", True),
        (b" 1 1 1 rg", True),
        (b" 0.99 g", True),
        (b" 0 0 0 0 k", True),
        (b" 1 1 1 scn", True),
    ],
)
def test_scan_notices_what_can_hide_text(content: bytes, hides: bool) -> None:
    assert engine.scan(b"%PDF-1.7\n" + stream(zlib.compress(content)), Limits()).may_hide_text is hides


# ---------------------------------------------------------------------------- through read_document


def test_pdfium_joins_web_page_fragments_on_one_baseline(tmp_path: Path) -> None:
    # as in test_documents, but each fragment placed after the one before it ends (Helvetica's widths)
    widths = {"0": 556, "1": 556, "2": 556, "/": 278, " ": 278, "t": 278, "o": 556, "C": 722, "u": 556}
    widths |= {"r": 333, "e": 556, "n": 556}
    ops = [b"q 0.75 0 0 -0.75 28.5 813.5 cm"]
    x = 8.0
    for text in ("01/2010", " ", "to ", "Current"):
        ops.append(b"q BT /F1 19 Tf 1 0 0 -1 0 0 Tm %.2f -295 Td %s Tj ET Q" % (x, pdf_string(text)))
        x += sum(widths[ch] for ch in text) * 19 / 1000
    ops.append(b"q BT /F1 19 Tf 1 0 0 -1 0 0 Tm 48 -351 Td %s Tj ET Q" % pdf_string("Resolve complaints."))
    path = tmp_path / "web.pdf"
    path.write_bytes(make_pdf([b"\n".join([*ops, b"Q"])]))
    doc = read_document(path, "web.pdf", PDFIUM)
    assert [line.text for line in doc.lines] == ["01/2010 to Current", "Resolve complaints."]


def _line_at(text: str, y: int, before: bytes = b"", after: bytes = b"") -> bytes:
    return before + b"BT /F1 11 Tf 72 %d Td %s Tj ET\n" % (y, pdf_string(text)) + after


CLIP_TOP = b"q 0 0 612 700 re W n\n"  # the page's top band is outside the clip: nothing drawn there shows


def test_a_line_cut_by_a_page_break_is_read_once_and_not_flagged(tmp_path: Path) -> None:
    # cut_at_a_page_break: web-page PDFs draw the line a page break cuts on both pages, each clipped to
    # its own page; the copy that shows no ink is dropped, and it hides nothing
    cut = "Exceeded customer expectations"
    first = _line_at("Sales Director", 740) + _line_at(cut, 60)
    second = _line_at(cut, 780, CLIP_TOP) + _line_at("Built a sales team", 600) + b"Q\n"
    path = tmp_path / "pages.pdf"
    path.write_bytes(make_pdf([first, second]))
    doc = read_document(path, "pages.pdf", PDFIUM)
    assert [line.text for line in doc.lines] == ["Sales Director", cut, "Built a sales team"]
    assert doc.warnings == ()


def test_clipped_words_read_nowhere_else_are_dropped_and_flagged(tmp_path: Path) -> None:
    # no_ink_is_not_drawn: the render shows no ink where the words are; nothing else in the file says them
    page = _line_at("Python Django Kubernetes", 780, CLIP_TOP) + _line_at("Made coffee", 600) + b"Q\n"
    path = tmp_path / "clipped.pdf"
    path.write_bytes(make_pdf([_line_at("Sam Brennan", 740), page]))
    doc = read_document(path, "clipped.pdf", PDFIUM)
    assert [line.text for line in doc.lines] == ["Sam Brennan", "Made coffee"]
    assert doc.warnings == ("hidden text ignored (not drawn: clipped, covered or in a hidden layer)",)


def test_a_word_half_covered_keeps_its_visible_part_and_drops_the_rest(tmp_path: Path) -> None:
    # the check is word by word: a box over the second half of a line hides only what it covers
    box = b"q 1 1 1 rg 200 390 400 25 re f Q\n"
    page = (
        _line_at("Barista", 700)
        + b"BT /F1 11 Tf 72 400 Td (Latte art) Tj 200 0 Td (Kubernetes) Tj ET\n"
        + box
    )
    path = tmp_path / "half.pdf"
    path.write_bytes(make_pdf([page]))
    doc = read_document(path, "half.pdf", PDFIUM)
    assert [line.text for line in doc.lines] == ["Barista", "Latte art"]
    assert len(doc.warnings) == 1 and "not drawn" in doc.warnings[0]


def test_a_lone_dash_of_a_normal_font_is_text_not_tiny(tmp_path: Path) -> None:
    # tiny_by_font_not_glyphs: a dash's glyph is a fraction of a point high; its font is 11 points. And
    # line_end_hyphen: PDFium gives the dash that ends a line as U+FFFE; the file has "-"
    page = (
        _line_at("K", 700) + b"BT /F1 11 Tf 79 700 Td (-) Tj ET\n" + _line_at("12 School Administrator", 684)
    )
    page += b"BT 1 g /F1 11 Tf 72 500 Td (white text makes the reader look at every object) Tj ET\n"
    path = tmp_path / "dash.pdf"
    path.write_bytes(make_pdf([page]))
    doc = read_document(path, "dash.pdf", PDFIUM)
    assert doc.lines[0].text == "K-"
    assert doc.warnings == ("hidden text ignored (white)",)


def test_a_file_pdfium_refuses_is_read_by_pypdf(tmp_path: Path) -> None:
    data = make_pdf([b"BT /F1 11 Tf 72 700 Td (Dana Example) Tj ET\n"])
    path = tmp_path / "noxref.pdf"
    path.write_bytes(data.replace(b"/Filter", b"/Filter").replace(b"stream\n", b"stream\n", 1))
    lzw = data.replace(b"<< /Length", b"<< /Filter /LZWDecode /DecodeParms << /EarlyChange 0 >> /Length", 1)
    path.write_bytes(lzw)  # not for the look to judge: pypdf reads it, and says what it makes of it
    with pytest.raises(Exception) as caught:
        read_document(path, "noxref.pdf", PDFIUM)
    with pytest.raises(Exception) as expected:
        read_document(path, "noxref.pdf", PYPDF)
    assert str(caught.value) == str(expected.value)


def test_the_cache_key_names_the_engine_and_its_version() -> None:
    pdfium_key, pypdf_key = extractor_version("pdfium"), extractor_version("pypdf")
    assert pdfium_key != pypdf_key
    assert re.search(r"-pdfium-\d[^+]*\+pypdf-\d", pdfium_key)
    assert re.search(r"-pypdf-\d", pypdf_key)


# ---------------------------------------------------------------------------- real résumés

WORD = re.compile(r"[^\W_]+")


@pytest.mark.corpus
def test_pdfium_reads_corpus_resumes_as_pypdf_does() -> None:
    root = shared_or_skip("corpus", "livecareer")
    files = sorted(root.rglob("*.pdf"), key=lambda p: p.relative_to(root).as_posix())[::400]
    assert files
    for path in files:
        new = read_document(path, path.name, PDFIUM)
        old = read_document(path, path.name, PYPDF)
        new_words = set(WORD.findall(new.text.casefold()))
        old_words = set(WORD.findall(old.text.casefold()))
        jaccard = len(new_words & old_words) / len(new_words | old_words)
        assert jaccard >= 0.9, (path.relative_to(root).as_posix(), sorted(new_words ^ old_words)[:20])
        assert new.pages == old.pages


def test_cli_refuses_an_unknown_pdf_engine(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from jobmatch.cli import app

    posting = tmp_path / "posting.txt"
    posting.write_text("Title: Sales Coordinator\nREQUIREMENTS:\nExcel.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["rank", str(tmp_path), "--posting", str(posting), "--pdf-engine", "x"])
    assert result.exit_code == 2
    assert "unknown PDF engine 'x'" in result.stderr
