"""A quote offered as evidence contains what it is evidence for: on every bundled sample against every
bundled posting, and on real corpus résumés where ../shared is present."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from jobmatch.cli import app
from jobmatch.matching.experience import as_written
from tests.conftest import shared_or_skip

ROOT = Path(__file__).resolve().parents[1]
POSTINGS = sorted(p for p in (ROOT / "requirements").iterdir() if p.suffix in {".txt", ".md", ".docx"})


def _evidence(payload: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for candidate in payload["candidates"]:
        for requirement in candidate["requirements"]:
            out.extend(requirement["evidence"])
        out.extend(candidate["role_fit"]["evidence"])
    return out


def _ranked(folder: Path, posting: Path, *extra: str) -> dict[str, Any]:
    args = ["rank", str(folder), "-p", str(posting), "-f", "json", "--no-cache", "--as-of", "2025-06", *extra]
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("posting", POSTINGS, ids=lambda p: p.name)
def test_every_quote_holds_what_it_matched(posting: Path) -> None:
    evidence = _evidence(_ranked(ROOT / "resumes", posting))
    assert evidence
    lacking = [e for e in evidence if e["matched"] and e["matched"].casefold() not in e["text"].casefold()]
    assert not lacking, lacking[:3]


def test_every_quote_holds_what_it_matched_on_real_resumes(tmp_path: Path) -> None:
    folder = shared_or_skip("corpus", "livecareer", "FITNESS")
    files = sorted(folder.glob("*.pdf"))[:25]
    for f in files:
        (tmp_path / f.name).write_bytes(f.read_bytes())
    for posting in POSTINGS:
        evidence = _evidence(_ranked(tmp_path, posting, "--keep-duplicates", "--keep-doubtful"))
        lacking = [
            e for e in evidence if e["matched"] and e["matched"].casefold() not in e["text"].casefold()
        ]
        assert not lacking, lacking[:3]


def test_a_cleaned_job_title_is_quoted_as_the_line_writes_it() -> None:
    line = "Company Name January 2012 to January 2014 Head Coach, Girls' Varsity Basketball"
    assert as_written("Head Coach Girls' Varsity Basketball", line) == "Head Coach, Girls' Varsity Basketball"
    assert as_written("Registered Nurse", "RN and registered nurse") == "Registered Nurse"
    assert as_written("Line Cook", "Prep cook") == ""
