"""Golden files for every output format. Rewrite them only with `make golden`, then review the diff."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jobmatch.cli import app

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("JOBMATCH_UPDATE_GOLDEN") == "1"

CASES = {
    "rank.table.txt": ["rank", "resumes", "--format", "table"],
    "rank.json": ["rank", "resumes", "--format", "json"],
    "rank.jsonl": ["rank", "resumes", "--format", "jsonl"],
    "rank.csv": ["rank", "resumes", "--format", "csv"],
    "rank.tsv": ["rank", "resumes", "--format", "tsv"],
    "rank.md": ["rank", "resumes", "--format", "markdown"],
    "rank.top5.80cols.table.txt": ["rank", "resumes", "--top", "5", "--format", "table"],
    "rank.top5.160cols.table.txt": ["rank", "resumes", "--top", "5", "--format", "table"],
    "rank.top3.table.txt": ["rank", "resumes", "--top", "3", "--format", "table"],
    "explain.marisol-vega.txt": ["explain", "resumes/marisol-vega.pdf"],
    "explain.kevin-tran.json": ["explain", "resumes/kevin-tran.docx", "--format", "json"],
    "explain.emily-sorensen.txt": ["explain", "resumes/emily-sorensen.txt"],
    "posting.txt": ["posting", "requirements/AVON147.txt"],
    "rank.html": ["rank", "resumes", "--format", "html"],
    "report.html": ["report", "resumes", "--output", "-"],
    "posting.CSR210.txt": ["posting", "requirements/CSR210.txt"],
    "posting.BEAUTY318.txt": ["posting", "requirements/BEAUTY318.md"],
    "posting.APCLERK455.txt": ["posting", "requirements/APCLERK455.docx"],
    "match.table.txt": ["match", "resumes", "requirements", "--format", "table", "--no-cache", "-j", "1"],
    "match.json": ["match", "resumes", "requirements", "--format", "json", "--no-cache", "-j", "1"],
    "match.csv": ["match", "resumes", "requirements", "--format", "csv", "--no-cache", "-j", "1"],
    "compare.table.txt": ["compare", "resumes/kevin-tran.docx", "resumes/hannah-kowalski.pdf", "--no-cache"],
    "compare.json": [
        "compare",
        "resumes/kevin-tran.docx",
        "resumes/hannah-kowalski.pdf",
        "--format",
        "json",
        "--no-cache",
    ],
}
REPORT_TIME = "1764000000"  # SOURCE_DATE_EPOCH for `report`: 2025-11-24 16:00 UTC, so the page is stable


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", REPORT_TIME)


# The terminal width each case is laid out for, when it is not the default 120 columns.
COLUMNS = {"rank.top5.80cols.table.txt": "80", "rank.top5.160cols.table.txt": "160"}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str) -> None:
    args = CASES[name]
    extra = ["--no-cache", "--workers", "1"] if args[0] in ("rank", "report") else []
    extra += [] if args[0] == "report" else ["--no-color"]  # a page has its own colours
    env = {"COLUMNS": COLUMNS.get(name, "120")}
    result = CliRunner().invoke(app, [*args, *extra], env=env)
    assert result.exit_code == 0, result.stderr
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(result.stdout_bytes)
    assert path.exists(), f"missing golden file {name}: run `make golden`"
    assert result.stdout_bytes == path.read_bytes()  # bytes: the CSV's byte-order mark is part of it


def test_every_format_has_a_golden_file() -> None:
    from jobmatch.render import FORMATS

    covered = {args[args.index("--format") + 1] if "--format" in args else "table" for args in CASES.values()}
    assert set(FORMATS) <= covered


@pytest.mark.parametrize("columns", ["80", "120"])
def test_a_long_table_laid_out_in_chunks_reads_as_one(monkeypatch: pytest.MonkeyPatch, columns: str) -> None:
    """table_in_chunks: past ROWS_PER_CHUNK candidates the rows are laid out a few at a time (flat memory on
    a big folder) in columns set by the terminal's width, so any chunk size gives the same page, with one
    header; a shorter ranking is still the golden table."""
    import jobmatch.render.table as table

    args = ["rank", "resumes", "--format", "table", "--no-cache", "--workers", "1", "--no-color"]
    pages = []
    for rows in (2, 5, 16):
        monkeypatch.setattr(table, "ROWS_PER_CHUNK", rows)
        result = CliRunner().invoke(app, args, env={"COLUMNS": columns})
        assert result.exit_code == 0, result.stderr
        pages.append(result.stdout)
    assert pages[0] == pages[1] == pages[2]
    assert pages[0].count("Candidate") == 1 and "Marisol Vega" in pages[0] and "Dale Hutchins" in pages[0]
    monkeypatch.setattr(table, "ROWS_PER_CHUNK", 500)
    if columns == "120":
        short = CliRunner().invoke(app, args, env={"COLUMNS": columns})
        assert short.stdout_bytes == (GOLDEN / "rank.table.txt").read_bytes()
