"""`jobmatch posting`: table with categories and parameters, JSON as data, TOML export and re-import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from jobmatch.cli import app
from tests.conftest import ROOT, shared_or_skip

POSTING = str(ROOT / "requirements" / "AVON147.txt")
runner = CliRunner()
KEYS = [
    "id",
    "text",
    "kind",
    "category",
    "years",
    "level",
    "fields",
    "terms",
    "all_of",
    "or_equivalent",
    "notes",
    "source",
    "supports",
    "weight",
    "must_have",
    "phrases",
    "alternatives",
]


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


def test_table_shows_category_parameters_and_kind() -> None:
    result = invoke("posting", POSTING, "--no-color")
    assert result.exit_code == 0, result.stderr
    assert "R1 [required] education: Bachelor's degree" in result.stdout
    assert (
        "level: bachelor · fields: business, marketing · terms: related field · or equivalent"
        in result.stdout
    )
    assert "R7 [preferred] experience: Previous experience" in result.stdout
    assert "\x1b[" not in result.stdout


def test_json_carries_every_parameter_and_no_colour() -> None:
    result = invoke("posting", POSTING, "--format", "json", "--color")
    assert result.exit_code == 0 and "\x1b[" not in result.stdout
    data = json.loads(result.stdout)
    assert (data["posting"]["id"], data["posting"]["title"]) == ("AVON147", "Account Sales Coordinator")
    assert data["posting"]["path"] == POSTING
    assert all(list(r) == KEYS for r in data["requirements"])
    first = data["requirements"][0]
    assert (first["category"], first["level"], first["or_equivalent"], first["kind"]) == (
        "education",
        "bachelor",
        True,
        "required",
    )
    assert [r["kind"] for r in data["requirements"]].count("preferred") == 1


def test_untrusted_text_is_never_markup(tmp_path: Path) -> None:
    posting = tmp_path / "p.txt"
    posting.write_text(
        "Title: [bold red]X[/]\nREQUIREMENTS:\n- Proficiency in [blink]Excel[/blink] \x1b[31m\n"
    )
    result = invoke("posting", str(posting), "--color")
    assert result.exit_code == 0
    assert "[blink]Excel[/blink]" in result.stdout and "\x1b[31m" not in result.stdout


def test_export_writes_toml_that_posting_accepts_back(tmp_path: Path) -> None:
    target = tmp_path / "avon.toml"
    result = invoke("posting", POSTING, "--export", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert "wrote 7 requirement(s)" in result.stderr and target.is_file()
    again = invoke("posting", str(target), "--format", "json")
    original = invoke("posting", POSTING, "--format", "json")
    assert json.loads(again.stdout) == json.loads(original.stdout)
    # …and wherever a posting is taken: rank with --posting X.toml.
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "jane.txt").write_text("Jane Doe\nCustomer Service Representative, Macy's, 2019 - 2022\n")
    ranked = invoke(
        "rank", str(folder), "--posting", str(target), "--format", "json", "--no-cache", "-j", "1"
    )
    assert ranked.exit_code == 0, ranked.stderr
    assert json.loads(ranked.stdout)["posting"]["id"] == "AVON147"


def test_export_needs_a_toml_name(tmp_path: Path) -> None:
    result = invoke("posting", POSTING, "--export", str(tmp_path / "x.json"))
    assert result.exit_code == 2 and ".toml" in result.stderr


def test_invalid_toml_is_a_usage_error_naming_line_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[[requirements]]\ntext = "Excel"\nweight = -2\n', encoding="utf-8")
    result = invoke("posting", str(bad))
    assert result.exit_code == 2
    assert "line 3" in result.stderr and "'weight'" in result.stderr and "Traceback" not in result.stderr


def test_unknown_format_is_refused() -> None:
    result = invoke("posting", POSTING, "--format", "csv")
    assert result.exit_code == 2 and "table or json" in result.stderr


def test_the_posting_scorer_reads_this_json(tmp_path: Path) -> None:
    """score_postings.py runs `jobmatch posting FILE --format json` and reads d["requirements"]."""
    scorer = shared_or_skip("eval", "score_postings.py")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"AVON147.txt": [["required", "Proficiency in Microsoft Office."]]}))
    shutil_dir = tmp_path / "postings"
    shutil_dir.mkdir()
    (shutil_dir / "AVON147.txt").write_text(Path(POSTING).read_text("utf-8"), encoding="utf-8")
    jobmatch = str(Path(sys.executable).parent / "jobmatch")
    done = subprocess.run(
        [sys.executable, str(scorer), jobmatch, str(gold), str(shutil_dir)],
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=120,
    )
    assert "requirements found 1/1" in done.stdout, done.stdout + done.stderr
