"""The CLI's options and output streams: formats, -o, filters, exit codes, bad numbers, broken streams,
and file names kept exactly in machine output (issues 12 and 16)."""

from __future__ import annotations

import base64
import csv
import io
import json
import os
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
WEAK_TXT = "Sam Weak\nExperience\nWarehouse picker\n2019 - 2020\nPicked orders.\n"


def invoke(*args: str, **kwargs):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), **kwargs)


def rank_args(folder: Path, *extra: str) -> list[str]:
    return ["rank", str(folder), "--posting", POSTING, "--no-cache", "-j", "1", *extra]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    (cvs / "jane.txt").write_text(GOOD_TXT)
    (cvs / "sam.txt").write_text(WEAK_TXT)
    return cvs


# --------------------------------------------------------------------------- the options people reach for


def test_version_and_short_help() -> None:
    from jobmatch import __version__

    result = invoke("--version")
    assert result.exit_code == 0 and result.stdout == f"jobmatch {__version__}\n"
    for command in ([], ["rank"], ["explain"], ["posting"]):
        helped = invoke(*command, "-h")
        assert helped.exit_code == 0 and "Usage" in helped.stdout


def test_help_lists_every_exit_code() -> None:
    text = " ".join(invoke("--help").stdout.split())
    for code in ExitCode:
        assert f" {int(code)} " in text, code
    assert "4 no candidate at or above --min-score" in text and "74 the output could not be written" in text


def test_format_is_case_insensitive(folder: Path) -> None:
    upper = invoke(*rank_args(folder, "-f", "JSON"))
    lower = invoke(*rank_args(folder, "-f", "json"))
    assert upper.exit_code == 0, upper.stderr
    assert upper.stdout == lower.stdout
    assert json.loads(upper.stdout)["schema_version"] == 1


def test_unknown_format_names_the_choices(folder: Path) -> None:
    result = invoke(*rank_args(folder, "-f", "xml"))
    assert result.exit_code == ExitCode.USAGE
    assert "choose one of: table, json, jsonl, csv, tsv, markdown" in result.stderr


def test_default_in_a_pipe_is_json_lines(folder: Path) -> None:
    result = invoke(*rank_args(folder))  # CliRunner's stdout is not a terminal
    assert result.exit_code == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["type"] for r in records] == ["posting", "candidate", "candidate"]
    assert records[0]["schema_version"] == 1 and records[0]["as_of"] == "2025-06"


def test_output_file_gets_the_data_and_stdout_stays_empty(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "shortlist.csv"
    result = invoke(*rank_args(folder, "-f", "csv", "-o", str(target)))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 byte-order mark: Excel reads the names as written
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["rank", "file", "name", "score"] and len(rows) == 3


def test_output_file_name_chooses_the_format_when_none_is_given(folder: Path, tmp_path: Path) -> None:
    for name, check in (
        ("a.csv", lambda t: t.startswith('\ufeff"rank","file"')),
        ("a.md", lambda t: t.startswith("## Account Sales Coordinator")),
        ("a.json", lambda t: json.loads(t)["schema_version"] == 1),
        ("a.out", lambda t: json.loads(t.splitlines()[0])["type"] == "posting"),
    ):
        assert invoke(*rank_args(folder, "-o", str(tmp_path / name))).exit_code == 0
        assert check((tmp_path / name).read_text(encoding="utf-8")), name
    explicit = tmp_path / "b.csv"
    invoke(*rank_args(folder, "-f", "json", "-o", str(explicit)))
    assert json.loads(explicit.read_text())["candidates"]  # --format wins over the name


def test_csv_on_stdout_has_the_byte_order_mark_and_tsv_has_none(folder: Path) -> None:
    assert invoke(*rank_args(folder, "-f", "csv")).stdout_bytes.startswith(b"\xef\xbb\xbf")
    tsv = invoke(*rank_args(folder, "-f", "tsv")).stdout
    assert tsv.startswith("rank\tfile\tname\tscore")


def test_skipped_files_go_to_their_own_csv(folder: Path, tmp_path: Path) -> None:
    (folder / "empty.pdf").write_bytes(b"")
    skipped = tmp_path / "skipped.csv"
    result = invoke(*rank_args(folder, "-f", "csv", "--skipped-csv", str(skipped)))
    assert result.exit_code == ExitCode.SKIPPED
    assert "empty.pdf" not in result.stdout  # never mixed into the candidate rows
    rows = list(csv.reader(io.StringIO(skipped.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["file", "reason"] and rows[1][0] == str(folder / "empty.pdf") and rows[1][1]
    assert f"listed in {skipped}" in result.stderr


def test_markdown_output(folder: Path) -> None:
    result = invoke(*rank_args(folder, "-f", "markdown"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("## Account Sales Coordinator (AVON147)\n\n| Rank | Candidate |")
    assert "| 1 | Jane Doe |" in result.stdout


def test_min_score_filters_and_says_when_nobody_is_left(folder: Path) -> None:
    everyone = [json.loads(x) for x in invoke(*rank_args(folder, "-f", "jsonl")).stdout.splitlines()[1:]]
    scores = sorted(c["score"] for c in everyone)
    between = (scores[0] + scores[1]) / 2
    result = invoke(*rank_args(folder, "-f", "json", "--min-score", f"{between:.2f}"))
    assert result.exit_code == 0, result.stderr
    assert [c["name"] for c in json.loads(result.stdout)["candidates"]] == ["Jane Doe"]
    nobody = invoke(*rank_args(folder, "-f", "json", "--min-score", "100"))
    assert nobody.exit_code == ExitCode.NONE_QUALIFIED
    assert json.loads(nobody.stdout)["candidates"] == []
    assert "no candidate at or above --min-score 100 (of 2 ranked)" in nobody.stderr
    assert invoke(*rank_args(folder, "--min-score", "101")).exit_code == ExitCode.USAGE


def test_must_have_keeps_only_those_meeting_every_required_item(folder: Path) -> None:
    result = invoke(*rank_args(folder, "-f", "json", "--must-have"))
    data = json.loads(result.stdout)
    for candidate in data["candidates"]:
        required = {r["id"] for r in data["posting"]["requirements"] if r["kind"] == "required"}
        assert all(m["status"] == "met" for m in candidate["requirements"] if m["id"] in required)
    assert "Sam Weak" not in {c["name"] for c in data["candidates"]}
    assert result.exit_code in (ExitCode.OK, ExitCode.NONE_QUALIFIED)


def test_top_works_on_every_format(folder: Path) -> None:
    for fmt in ("json", "csv", "tsv", "markdown", "table"):
        text = invoke(*rank_args(folder, "-f", fmt, "--top", "1")).stdout
        assert "Jane Doe" in text and "Sam Weak" not in text, fmt


def test_quiet_leaves_only_the_data(folder: Path) -> None:
    (folder / "empty.pdf").write_bytes(b"")
    loud = invoke(*rank_args(folder, "-f", "json"))
    quiet = invoke(*rank_args(folder, "-f", "json", "--quiet"))
    assert "skipped" in loud.stderr and quiet.stderr == ""
    assert quiet.stdout == loud.stdout and quiet.exit_code == ExitCode.SKIPPED


def test_no_color_table_has_no_escape_codes(folder: Path) -> None:
    result = invoke(*rank_args(folder, "-f", "table", "--no-color"))
    assert "\x1b" not in result.stdout and "Jane Doe" in result.stdout


def test_table_follows_columns(folder: Path) -> None:
    for columns in (60, 80, 160):
        text = invoke(*rank_args(folder, "-f", "table"), env={"COLUMNS": str(columns)}).stdout
        assert max(len(line) for line in text.splitlines()) <= columns
    narrow = invoke(*rank_args(folder, "-f", "table"), env={"COLUMNS": "80"}).stdout
    wide = invoke(*rank_args(folder, "-f", "table"), env={"COLUMNS": "160"}).stdout
    assert "Main gap" in wide and "Main gap" not in narrow and "main gap" in narrow


def test_explain_and_posting_take_format_in_any_case_and_an_output_file(folder: Path, tmp_path: Path) -> None:
    data = json.loads(invoke("explain", str(folder / "jane.txt"), "-p", POSTING, "-f", "JSON").stdout)
    assert data["candidate"]["name"] == "Jane Doe"
    target = tmp_path / "posting.json"
    assert invoke("posting", POSTING, "-f", "Json", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text())["requirements"]


# --------------------------------------------------------------------------- bad numbers are usage errors


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "1e308", "3000000", "0", "-1"])
def test_timeout_out_of_range_is_a_usage_error(folder: Path, value: str) -> None:
    result = invoke(*rank_args(folder, "--timeout", value))
    assert result.exit_code == ExitCode.USAGE, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    assert "--timeout" in result.stderr


def test_too_many_workers_are_capped(folder: Path) -> None:
    from jobmatch.cli import _capped_workers
    from jobmatch.workers import default_workers

    assert _capped_workers(200, quiet=True) == 2 * default_workers()
    assert _capped_workers(1, quiet=True) == 1
    result = invoke(*rank_args(folder, "-f", "json"), "-j", "200")
    assert result.exit_code == 0, result.stderr
    assert f"--workers 200 is more than this machine can use; using {2 * default_workers()}" in result.stderr


# --------------------------------------------------------------------------- output that cannot be written


def test_output_file_that_cannot_be_created_is_exit_74(folder: Path, tmp_path: Path) -> None:
    result = invoke(*rank_args(folder, "-f", "json", "-o", str(tmp_path / "no" / "such" / "x.json")))
    assert result.exit_code == ExitCode.OUTPUT_FAILED
    assert result.stderr.startswith("jobmatch: error: cannot write ") and result.stderr.count("\n") == 1
    assert "No such file or directory" in result.stderr


def _run_process(args: list[str], **kwargs) -> subprocess.CompletedProcess[bytes]:  # type: ignore[no-untyped-def]
    env = {**os.environ, "JOBMATCH_CACHE_DIR": os.environ["JOBMATCH_CACHE_DIR"], **kwargs.pop("env", {})}
    code = "import sys; from jobmatch.cli import main; sys.argv[0] = 'jobmatch'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, timeout=120, check=False, **kwargs
    )


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
def test_a_full_disk_is_a_one_line_error(folder: Path) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-c", "from jobmatch.cli import main; main()", *rank_args(folder, "-f", "json")],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    err = proc.stderr.decode()
    assert proc.returncode == ExitCode.OUTPUT_FAILED, err
    assert err == "jobmatch: error: cannot write standard output: No space left on device\n"


def test_a_closed_stdout_is_a_one_line_error(folder: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "from jobmatch.cli import main; main()", *rank_args(folder, "-f", "json")],
        stdin=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
        close_fds=True,
        preexec_fn=lambda: os.close(1),  # the child starts with fd 1 closed, as after `>&-`
    )
    err = proc.stderr.decode()
    assert proc.returncode == ExitCode.OUTPUT_FAILED, err
    assert err.startswith("jobmatch: error: cannot write standard output: it is closed")
    assert err.count("\n") == 1


def test_a_non_utf8_stdout_keeps_machine_output_utf8_and_tables_readable(folder: Path) -> None:
    (folder / "jane.txt").write_text(GOOD_TXT.replace("Jane Doe", "Estée Doe"))
    env = {"PYTHONIOENCODING": "ascii"}
    as_json = _run_process(rank_args(folder, "-f", "json"), env=env)
    assert as_json.returncode == 0, as_json.stderr.decode()
    assert "Estée Doe" in {c["name"] for c in json.loads(as_json.stdout.decode("utf-8"))["candidates"]}
    table = _run_process(rank_args(folder, "-f", "table", "--no-color"), env=env)
    assert table.returncode == 0, table.stderr.decode()
    assert b"Est?e Doe" in table.stdout  # what an ASCII terminal can show, not a crash


# --------------------------------------------------------------------------- exact names in machine output


def test_json_carries_file_names_exactly(tmp_path: Path) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    names = ["dup.txt", "dup\x01.txt", "dup\x7f.txt", "\x1b[31mred.txt"]
    for name in names:
        (folder / name).write_text(GOOD_TXT)
    raw_name = b"caf\xe9.txt"  # Latin-1, not UTF-8
    try:
        with open(os.path.join(os.fsencode(folder), raw_name), "w") as handle:
            handle.write(GOOD_TXT)
    except (OSError, UnicodeError):
        pytest.skip("this file system refuses names that are not UTF-8")
    for fmt in ("json", "jsonl"):
        # Five files of one text are one person: --keep-duplicates lists each, which is what this is about.
        result = invoke(*rank_args(folder, "-f", fmt, "--keep-duplicates"))
        assert result.exit_code == 0, result.stderr
        assert "\x1b" not in result.stdout and "\x7f" not in result.stdout  # escaped, never raw
        if fmt == "json":
            entries = json.loads(result.stdout)["candidates"]
        else:
            entries = [json.loads(line) for line in result.stdout.splitlines()[1:]]
        files = {e["file"] for e in entries}
        assert {str(folder / n) for n in names} <= files  # four names, four distinct entries
        (odd,) = [e for e in entries if "file_base64" in e]
        assert odd["file"] == str(folder / "caf\ufffd.txt")
        assert base64.b64decode(odd["file_base64"]) == os.path.join(os.fsencode(folder), raw_name)
    table = invoke(
        *rank_args(folder, "-f", "table", "--no-color", "--keep-duplicates"), env={"COLUMNS": "200"}
    ).stdout
    assert "\x1b" not in table and "[31mred.txt" in table  # human formats show the cleaned name


# --------------------------------------------------------------------------- several inputs, globs, text


def _ranked_files(result) -> list[str]:  # type: ignore[no-untyped-def]
    assert result.exit_code in (0, 1), result.stderr
    return sorted(Path(c["file"]).name for c in json.loads(result.stdout)["candidates"])


def test_several_folders_and_files_rank_together(folder: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    (other / "old").mkdir(parents=True)
    (other / "ann.md").write_text(GOOD_TXT.replace("Jane Doe", "Ann Lee"))
    (other / "old" / "bo.txt").write_text(GOOD_TXT.replace("Jane Doe", "Bo Li"))
    single = tmp_path / "solo.txt"
    single.write_text(GOOD_TXT.replace("Jane Doe", "Solo Han"))
    args = ["rank", str(folder), str(other), str(single), str(folder / "jane.txt")]
    result = invoke(*args, "-p", POSTING, "-f", "json", "--no-cache", "-j", "1")
    assert _ranked_files(result) == ["ann.md", "bo.txt", "jane.txt", "sam.txt", "solo.txt"]  # jane once
    flat = invoke(*args, "--no-recursive", "-p", POSTING, "-f", "json", "--no-cache", "-j", "1")
    assert "bo.txt" not in _ranked_files(flat)
    missing = invoke("rank", str(tmp_path / "nope"), "-p", POSTING)
    assert missing.exit_code == ExitCode.USAGE and "no such file or folder" in missing.stderr


def test_include_and_exclude_globs(folder: Path) -> None:
    (folder / "notes.xyz").write_text("not a résumé")
    only = invoke(*rank_args(folder, "-f", "json", "--include", "jane*"))
    assert _ranked_files(only) == ["jane.txt"] and only.exit_code == 0  # notes.xyz not even skipped
    without = invoke(*rank_args(folder, "-f", "json", "--exclude", "*.xyz", "--exclude", "sam.txt"))
    assert _ranked_files(without) == ["jane.txt"] and without.exit_code == 0


def test_text_shows_the_lines_quotes_cite(folder: Path) -> None:
    result = invoke("text", str(folder / "jane.txt"))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "p1 L1  Jane Doe" and lines[6] == "p1 L7  B.S. in Marketing, 2014"
    data = json.loads(invoke("text", str(folder / "jane.txt"), "-f", "json").stdout)
    assert data["lines"][6] == {"page": 1, "line": 7, "text": "B.S. in Marketing, 2014"}
    explained = invoke("explain", str(folder / "jane.txt"), "-p", POSTING, "--no-color").stdout
    assert "p1 L7 [" in explained  # the numbers explain quotes are the ones text shows
    (folder / "empty.pdf").write_bytes(b"")
    assert invoke("text", str(folder / "empty.pdf")).exit_code == ExitCode.NOTHING_READABLE
