"""Résumés, file names and a posting written to attack the HTML report: ``<script>``, ``javascript:``
links, ``onerror=`` attributes, a broken-out attribute, ``</style>``. ``jobmatch report`` runs on them in a
subprocess, as a user runs it; the page must parse as the template wrote it, show the attacks as text and,
in a real browser when there is one, run nothing and fetch nothing.

These cases are our own (the shared hostile catalogue targets terminals and spreadsheets, not browsers);
``tests/test_hostile.py`` renders that catalogue to HTML too.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import load_script
from tests.html_check import check_page, parse

ROOT = Path(__file__).resolve().parents[1]

POSTING = """Title: Coordinator <script>alert(9)</script>
Job ID: X1" onmouseover="alert(10)

REQUIREMENTS
- Bachelor's degree in marketing <img src=x onerror=alert(11)>
- Proficiency in Microsoft Office
"""
PLAIN = "Pat Example\nSales Coordinator 2015 - 2019\n"
FILES = {
    "script_in_text.txt": (
        "Mallory <script>alert(1)</script> Hacker\nmallory@example.com\nSales Coordinator 2015 - 2019\n"
        '<img src=x onerror=alert(2)> Microsoft Office\n<a href="javascript:alert(3)">portfolio</a>\n'
        '</style></script><iframe src="https://evil.example/"></iframe>\nBachelor of Science in Marketing\n'
    ),
    "markdown_links.md": (
        "# Mara <b>Bold</b>\n[portfolio](javascript:alert(4))\n![pixel](https://evil.example/p.png)\n"
        "<svg onload=alert(5)>\nSales Coordinator 2016 - 2020\nMicrosoft Office\n"
    ),
    "<img src=x onerror=alert(6)>.txt": PLAIN,
    '"><svg onload=alert(7)>.md': PLAIN,
    "javascript:alert(8).txt": PLAIN,
}
# What the page must show as text: every attack in a file name or the posting, and the one on a line that
# is quoted as evidence (R2 quotes the Microsoft Office line). Lines quoted nowhere are not on the page.
SHOWN = {2, 6, 7, 8, 9, 10, 11}


def _docx(path: Path) -> None:
    from docx import Document

    document = Document()
    for line in ("Dana <script>alert(12)</script> Word", "Sales Coordinator 2014 - 2018"):
        document.add_paragraph(line)
    document.add_paragraph('Microsoft Office <img src="https://evil.example/x" onerror="alert(13)">')
    document.save(str(path))


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> str:
    base = tmp_path_factory.mktemp("hostile_html")
    folder = base / "web"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text, encoding="utf-8")
    _docx(folder / "word_markup.docx")
    (base / "posting.txt").write_text(POSTING, encoding="utf-8")
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = {**os.environ, "PYTHONPATH": path, "JOBMATCH_CACHE_DIR": str(base / "cache")}
    args = [
        sys.executable,
        "-m",
        "jobmatch",
        "report",
        "web",
        "-p",
        "posting.txt",
        "-o",
        "out.html",
        "-j",
        "1",
        "--keep-duplicates",  # attack files alike in their words: every one must reach the page on its own
    ]
    done = subprocess.run(args, cwd=base, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    assert "wrote out.html (6 candidate(s), 0 skipped)" in done.stderr
    return (base / "out.html").read_text(encoding="utf-8")


def test_attacks_are_text_and_the_page_is_only_the_template(report: str) -> None:
    text = check_page(report).all_text
    shown = {int(n) for n in re.findall(r"alert\((\d+)\)", text)}
    assert shown >= SHOWN | {13}, f"not shown as text: {sorted(SHOWN - shown)}"
    assert "<script>alert(9)</script>" in text and "<img src=x onerror=alert(6)>.txt" in text


def test_attacks_never_reach_the_page_as_markup(report: str) -> None:
    tags = parse(report).tags  # as a browser's tokenizer sees them: escaped text is text, not tags
    assert [name for name, _attrs in tags if name == "script"] == ["script"]  # ours, at the end of the body
    assert not {name for name, _attrs in tags} & {"img", "svg", "iframe", "b", "a href"}
    for name, attrs in tags:
        assert not [a for a in attrs if a.startswith("on")], (name, attrs)
        assert not [v for v in attrs.values() if (v or "").lower().startswith("javascript:")], (name, attrs)


def test_a_real_browser_runs_nothing_and_fetches_nothing(report: str, tmp_path: Path) -> None:
    browser = load_script("browser")
    executable = browser.find_browser()
    if executable is None or importlib.util.find_spec("playwright") is None:
        pytest.skip("no Chromium or no playwright")
    page_file = tmp_path / "out.html"
    page_file.write_text(report, encoding="utf-8")
    with browser.browser(executable) as launched:
        page, watch = browser.open_report(launched, page_file)
        page.click("#grid thead th:nth-child(2) button")
        elements = page.evaluate(
            "() => document.querySelectorAll('img, svg, iframe, b, a[href^=\"javascript\"]').length"
        )
    assert elements == 0
    assert watch.requests == [watch.page_url], watch.requests
    assert not watch.dialogs and not watch.problems, watch.problems
