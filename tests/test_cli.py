from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jobmatch.cli import app
from jobmatch.errors import ExitCode

ROOT = Path(__file__).resolve().parents[1]
POSTING = str(ROOT / "requirements" / "AVON147.txt")
runner = CliRunner()

GOOD_TXT = """Jane Doe
Experience
Sales Coordinator
2015 - 2019
Processed orders and prepared sales reports in Excel.
Education
B.S. in Marketing, 2014
"""


def invoke(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


@pytest.mark.parametrize(
    "command",
    [[], ["rank"], ["report"], ["explain"], ["text"], ["posting"], ["match"], ["compare"], ["cache"]],
)
def test_every_command_has_help(command: list[str]) -> None:
    result = invoke(*command, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.stdout


def test_help_documents_exit_codes() -> None:
    out = invoke("--help").stdout
    assert "Exit codes" in out and "3 no résumé" in out


def test_rank_json_contract(tmp_path: Path) -> None:
    (tmp_path / "jane.txt").write_text(GOOD_TXT)
    result = invoke("rank", str(tmp_path), "--posting", POSTING, "--format", "json", "--no-cache", "-j", "1")
    assert result.exit_code == ExitCode.OK, result.stderr
    data = json.loads(result.stdout)
    assert data["posting"]["id"] == "AVON147"
    assert [r["id"] for r in data["posting"]["requirements"]] == [f"R{i}" for i in range(1, 8)]
    (cand,) = data["candidates"]
    assert cand["file"] == str(tmp_path / "jane.txt")
    assert cand["name"] == "Jane Doe" and cand["rank"] == 1
    assert set(cand["facts"]) >= {"education", "jobs", "total_experience_years", "as_of"}
    assert [j["title"] for j in cand["facts"]["jobs"]] != []
    ev = cand["requirements"][0]["evidence"][0]
    assert set(ev) >= {"text", "page", "line", "method"}
    assert data["skipped"] == []


def test_skipped_files_are_listed_and_exit_code_says_so(tmp_path: Path) -> None:
    (tmp_path / "jane.txt").write_text(GOOD_TXT)
    (tmp_path / "empty.pdf").write_bytes(b"")
    (tmp_path / "notes.xyz").write_text("hello")
    result = invoke("rank", str(tmp_path), "--posting", POSTING, "--format", "json", "--no-cache", "-j", "1")
    assert result.exit_code == ExitCode.SKIPPED
    data = json.loads(result.stdout)
    skipped = {Path(s["file"]).name: s["reason"] for s in data["skipped"]}
    assert set(skipped) == {"empty.pdf", "notes.xyz"}
    assert all(reason and "\n" not in reason for reason in skipped.values())
    assert "2 file(s) skipped" in result.stderr


def test_nothing_readable(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n")
    result = invoke("rank", str(tmp_path), "--posting", POSTING, "--no-cache", "-j", "1")
    assert result.exit_code == ExitCode.NOTHING_READABLE
    assert "no readable" in result.stderr


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("rank", str(tmp_path / "nope"), "--posting", POSTING)
    assert result.exit_code == ExitCode.USAGE


def test_unknown_format(tmp_path: Path) -> None:
    result = invoke("rank", str(tmp_path), "--posting", POSTING, "--format", "xml")
    assert result.exit_code == ExitCode.USAGE
    assert "unknown format" in result.stderr


def test_several_postings_need_a_choice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "requirements").mkdir()
    (tmp_path / "resumes").mkdir()
    for name in ("a.txt", "b.txt"):
        shutil.copy(POSTING, tmp_path / "requirements" / name)
    monkeypatch.chdir(tmp_path)
    result = invoke("rank")
    assert result.exit_code == ExitCode.USAGE
    assert "several postings" in result.stderr and "--posting" in result.stderr


def test_csv_neutralises_formulas(tmp_path: Path) -> None:
    (tmp_path / "=HYPERLINK(evil).txt").write_text('=HYPERLINK("http://x")\n' + GOOD_TXT)
    result = invoke("rank", str(tmp_path), "--posting", POSTING, "--format", "csv", "--no-cache", "-j", "1")
    rows = list(csv.reader(io.StringIO(result.stdout)))
    for row in rows[1:]:
        for cell in row:
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), cell


def test_table_never_passes_escapes_or_markup(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("[bold red]Mallory[/bold red] \x1b[31mEvil\x1b[0m\n" + GOOD_TXT)
    result = invoke("rank", str(tmp_path), "--posting", POSTING, "--no-cache", "-j", "1", "--color")
    assert "\x1b]" not in result.stdout and "\x1b[31mEvil" not in result.stdout
    explain = invoke("explain", str(tmp_path / "x.txt"), "--posting", POSTING, "--no-color")
    assert "\x1b" not in explain.stdout


def test_explain_quotes_evidence(tmp_path: Path) -> None:
    (tmp_path / "jane.txt").write_text(GOOD_TXT)
    result = invoke("explain", str(tmp_path / "jane.txt"), "--posting", POSTING, "--no-color")
    assert result.exit_code == 0, result.stderr
    assert "R1" in result.stdout and "R7" in result.stdout
    assert "B.S. in Marketing" in result.stdout


def test_explain_says_why_a_degree_is_in_progress(tmp_path: Path) -> None:
    (tmp_path / "jane.txt").write_text(
        GOOD_TXT.replace("B.S. in Marketing, 2014", "B.S. in Marketing, expected 2020")
    )
    result = invoke("explain", str(tmp_path / "jane.txt"), "--posting", POSTING, "--no-color")
    assert result.exit_code == 0, result.stderr
    assert "still in progress: marked 'expected'" in result.stdout  # R1's explanation
    assert "not completed: marked 'expected'" in result.stdout.split("Résumé facts", 1)[1]
    data = json.loads(
        invoke("explain", str(tmp_path / "jane.txt"), "--posting", POSTING, "--format", "json").stdout
    )
    assert data["candidate"]["facts"]["education"][0]["not_completed_because"] == "marked 'expected'"


def test_explain_names_the_related_degree_when_it_is_not_the_highest(tmp_path: Path) -> None:
    text = GOOD_TXT.replace(
        "B.S. in Marketing, 2014",
        "Juris Doctorate : Law, 2014 Southern University Law Center\nB.S : Mass Communications, 2001",
    )
    (tmp_path / "jd.txt").write_text(text)
    result = invoke("explain", str(tmp_path / "jd.txt"), "--posting", POSTING, "--no-color")
    # The related bachelor's answers R1, not the doctorate in another field; the facts list both.
    assert "Bachelor in Mass Communications: the level asked for, in the field asked for" in result.stdout
    facts = result.stdout.split("Résumé facts", 1)[1]
    assert "Education: Doctorate in Law" in facts and "Education: Bachelor's in Mass Communications" in facts


def test_explain_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4 garbage")
    result = invoke("explain", str(tmp_path / "x.pdf"), "--posting", POSTING)
    assert result.exit_code == ExitCode.NOTHING_READABLE
    assert "cannot read" in result.stderr


def test_posting_command_lists_requirements() -> None:
    result = invoke("posting", POSTING, "--no-color")
    assert result.exit_code == 0
    assert "R7" in result.stdout and "preferred" in result.stdout


def test_cache_makes_second_run_identical(tmp_path: Path) -> None:
    (tmp_path / "jane.txt").write_text(GOOD_TXT)
    args = ["rank", str(tmp_path), "--posting", POSTING, "--format", "json", "-j", "1"]
    first, second = invoke(*args), invoke(*args)
    assert first.exit_code == second.exit_code == 0
    assert first.stdout == second.stdout


def test_help_does_not_import_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from jobmatch.cli import app\n"
        "CliRunner().invoke(app, ['--help'])\n"
        "heavy = ('pypdf', 'docx', 'jobmatch.ranking', 'jobmatch.signals', 'rapidfuzz')\n"
        "heavy = [m for m in heavy if m in sys.modules]\n"
        "print(heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_cache_path_and_clear(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBMATCH_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "cvs").mkdir()
    (tmp_path / "cvs" / "jane.txt").write_text(GOOD_TXT)
    assert invoke("rank", str(tmp_path / "cvs"), "--posting", POSTING, "-j", "1").exit_code == 0
    path = Path(invoke("cache", "path").stdout.strip())
    assert path.parent == tmp_path / "cache" and path.exists()
    assert oct(path.stat().st_mode & 0o777) == "0o600"  # personal data: the owner's only
    result = invoke("cache", "clear")
    assert result.exit_code == 0 and "cleared" in result.stderr
    assert not path.exists()


def test_cache_honours_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("JOBMATCH_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert Path(invoke("cache", "path").stdout.strip()) == tmp_path / "xdg" / "jobmatch" / "cache.sqlite3"


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (
            ["rank", "resumes", "--bogus"],
            "Error: jobmatch rank: no such option --bogus (see 'jobmatch rank -h')",
        ),
        (
            ["rank", "resumes", "--fromat", "json"],
            "Error: jobmatch rank: no such option --fromat; did you mean --format? (see 'jobmatch rank -h')",
        ),
        (
            ["explain", "cv.txt", "--no-colour"],
            "Error: jobmatch explain: no such option --no-colour; did you mean --no-color? "
            "(see 'jobmatch explain -h')",
        ),
        (["--bogus"], "Error: jobmatch: no such option --bogus (see 'jobmatch -h')"),
        (
            ["cache", "clear", "--forse"],
            "Error: jobmatch cache clear: no such option --forse (see 'jobmatch cache clear -h')",
        ),
        (["rank", "resumes", "-x"], "Error: jobmatch rank: no such option -x (see 'jobmatch rank -h')"),
    ],
)
def test_an_unknown_option_is_one_line_with_the_closest_real_option(args: list[str], line: str) -> None:
    result = invoke(*args)
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr.splitlines() == [line]
    assert "Possible options" not in result.output


def test_the_closest_option_is_one_of_that_command() -> None:
    from typer.main import get_command

    from jobmatch.cli import closest_option

    group = get_command(app)
    rank = group.commands["rank"]  # type: ignore[attr-defined]
    assert closest_option("--verbos", rank) == "--verbose"
    assert closest_option("--bogus", rank) is None  # click's own guess was --verbose
    assert closest_option("--top-n", rank) == "--top"
    assert closest_option("-v", rank) is None


def test_a_bug_exits_70_with_one_line_and_the_traceback_only_under_verbose(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import jobmatch.ranking

    (tmp_path / "jane.txt").write_text(GOOD_TXT, encoding="utf-8")

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("simulated bug")

    monkeypatch.setattr(jobmatch.ranking, "_run", broken)
    result = invoke("rank", str(tmp_path), "--posting", POSTING, "--no-cache", "-f", "json")
    assert result.exit_code == ExitCode.INTERNAL == 70
    assert result.stderr.strip().splitlines() == [
        "jobmatch: error: internal error: RuntimeError: simulated bug (run with --verbose for the traceback)"
    ]
    assert "Traceback" not in result.stderr and result.stdout == ""
    verbose = invoke("rank", str(tmp_path), "--posting", POSTING, "--no-cache", "-f", "json", "--verbose")
    assert verbose.exit_code != 0 and isinstance(verbose.exception, RuntimeError)


_MODULES_AFTER_A_RUN = """
import runpy, sys
sys.argv = ["jobmatch", *sys.argv[1:]]
try:
    runpy.run_module("jobmatch", run_name="__main__")
except SystemExit:
    pass
print(" ".join(sorted(name for name in sys.modules if "." not in name)))
"""


def test_the_main_process_never_imports_a_reader(tmp_path: Path) -> None:
    """PDFium, pypdf, python-docx, ftfy and Jinja2 cost a third of a second of imports: the worker
    processes read the files, so a run on a text posting that writes CSV, cold or warm, never loads them."""
    import os

    env = dict(os.environ, JOBMATCH_CACHE_DIR=str(tmp_path / "cache"))
    args = ["rank", str(ROOT / "resumes"), "-p", str(ROOT / "requirements" / "AVON147.txt")]
    for run in ("cold", "warm"):
        out = tmp_path / f"{run}.csv"
        done = subprocess.run(
            [sys.executable, "-c", _MODULES_AFTER_A_RUN, *args, "-q", "-o", str(out)],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=120,
            check=True,
        )
        loaded = set(done.stdout.split())
        assert out.stat().st_size > 0 and "jobmatch" in loaded, run
        assert not loaded & {"pypdf", "pypdfium2", "docx", "ftfy", "jinja2", "PIL"}, run
