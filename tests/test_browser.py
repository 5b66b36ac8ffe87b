"""The shortlist in a real browser: headless Chromium opens the page from disk, as a hiring manager would.

Skipped cleanly when Playwright or a Chromium binary is missing (``.ci/run`` installs Debian's chromium;
a developer's machine may not have it). Playwright only drives the distribution's binary: it never
downloads a browser of its own.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.helpers import load_script

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_REPORT = ROOT / "tests" / "golden" / "report.html"  # test_golden keeps it equal to `jobmatch report`

browser_script = load_script("browser")

pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
EXECUTABLE = browser_script.find_browser()
pytestmark = pytest.mark.skipif(
    EXECUTABLE is None, reason=f"no Chromium binary ({', '.join(browser_script.BROWSER_NAMES)})"
)


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    assert EXECUTABLE is not None
    with browser_script.browser(EXECUTABLE) as launched:
        yield launched


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def _visible_rows(page: Any) -> list[dict[str, str]]:
    return page.eval_on_selector_all(
        "#grid tbody tr:not([hidden])",
        "rows => rows.map(r => ({detail: r.dataset.detail, score: r.dataset.score,"
        " name: r.cells[1].querySelector('a').textContent}))",
    )


def test_sample_report_opens_renders_sorts_and_filters(chromium: Any, tmp_path: Path) -> None:
    page, watch = browser_script.open_report(chromium, SAMPLE_REPORT)
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot))
    assert _png_size(shot) == (1280, 900)

    rows = _visible_rows(page)
    assert len(rows) == 17
    assert [r["detail"] for r in rows] == [f"c{i}" for i in range(1, 18)]  # rank order as written
    assert page.is_visible("#controls"), "the script did not run: controls still hidden"
    assert page.text_content("#f-count") == "17 of 17 shown"
    cells = page.eval_on_selector_all("#grid tbody tr:first-child td.cell", "cells => cells.length")
    assert cells == page.eval_on_selector_all(".requirements li", "items => items.length") == 7

    # One sort: the Candidate column, A to Z; then back to Z to A.
    page.click("#grid thead th:nth-child(2) button")
    names = [r["name"] for r in _visible_rows(page)]
    assert names == sorted(names, key=str.lower) and names != [r["name"] for r in rows]
    assert page.get_attribute("#grid thead th:nth-child(2)", "aria-sort") == "ascending"
    page.click("#grid thead th:nth-child(2) button")
    assert [r["name"] for r in _visible_rows(page)] == sorted(names, key=str.lower, reverse=True)
    # Score, best first.
    page.click("#grid thead th:nth-child(3) button")
    scores = [float(r["score"]) for r in _visible_rows(page)]
    assert scores == sorted(scores, reverse=True)

    # Filters: a minimum score, then a word from one candidate's evidence.
    page.fill("#f-min", "90")
    shown = _visible_rows(page)
    assert shown and all(float(r["score"]) >= 90 for r in shown) and len(shown) < 17
    assert page.text_content("#f-count") == f"{len(shown)} of 17 shown"
    assert page.is_hidden("#c17")  # the evidence of a hidden row is hidden too
    page.fill("#f-min", "0")
    page.fill("#f-text", "kevin")
    assert [r["name"] for r in _visible_rows(page)] == ["Kevin Tran"]
    page.fill("#f-text", "")
    page.check("#f-musts")
    assert 0 < len(_visible_rows(page)) < 17

    # Clicking a name goes to that candidate's evidence.
    page.fill("#f-text", "")
    page.uncheck("#f-musts")
    page.click("#grid tbody tr[data-detail='c3'] a")
    assert page.url.endswith("#c3")
    assert page.is_visible("#c3 .quotes")

    assert watch.requests == [watch.page_url], watch.requests  # nothing but the file itself
    assert not watch.problems, watch.problems


def test_hostile_report_runs_nothing_and_fetches_nothing(chromium: Any, tmp_path: Path) -> None:
    from jobmatch.render.html import render_report
    from tests.test_render_html import HOSTILE, _ranking

    out = io.StringIO()
    render_report(_ranking(), out)
    report = tmp_path / "hostile.html"
    report.write_text(out.getvalue(), encoding="utf-8")
    page, watch = browser_script.open_report(chromium, report)
    page.click("#grid thead th:nth-child(3) button")
    page.fill("#f-text", "script")
    counts = page.evaluate(
        "() => ({img: document.images.length, iframe: document.querySelectorAll('iframe').length,"
        " scripts: document.scripts.length, links: [...document.links].map(a => a.getAttribute('href'))})"
    )
    assert counts["img"] == 0 and counts["iframe"] == 0 and counts["scripts"] == 1
    assert all(href.startswith("#c") for href in counts["links"]), counts["links"]
    body = page.inner_text("body")
    for payload in HOSTILE:
        assert payload.strip() in body, f"{payload!r} not shown as text"
    assert watch.requests == [watch.page_url], watch.requests
    assert not watch.dialogs, watch.dialogs  # no alert() ran
    assert not watch.problems, watch.problems


def test_without_scripts_the_page_is_the_whole_shortlist(chromium: Any) -> None:
    page, watch = browser_script.open_report(chromium, SAMPLE_REPORT, javascript=False)
    assert len(_visible_rows(page)) == 17
    assert page.is_hidden("#controls")
    assert "Scripts are off" in page.inner_text("body")
    assert page.is_visible("#c17 .matches")
    assert not watch.problems, watch.problems


def test_print_hides_the_controls_and_makes_a_pdf(chromium: Any, tmp_path: Path) -> None:
    page, watch = browser_script.open_report(chromium, SAMPLE_REPORT)
    page.emulate_media(media="print")
    assert page.is_hidden("#controls")
    for size, points in (("A4", (595, 842)), ("Letter", (612, 792))):
        pages = PdfReader(io.BytesIO(page.pdf(format=size, print_background=True))).pages
        assert len(pages) > 1  # the grid, then the evidence from a new page
        box = pages[0].mediabox
        assert abs(float(box.width) - points[0]) < 2 and abs(float(box.height) - points[1]) < 2, box
        assert "Account Sales Coordinator" in pages[0].extract_text()
    assert not watch.problems, watch.problems
