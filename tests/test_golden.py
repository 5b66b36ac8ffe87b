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
