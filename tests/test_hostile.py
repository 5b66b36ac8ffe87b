"""Hostile and broken files: never crash, never hang, never lose a candidate, never let a file speak to the
terminal.

The corpus comes from ``../shared/hostile/make_hostile.py``: it is built once per module in a temp folder,
special files included (a FIFO, symlinks, a sparse 1 GiB file, control characters and non-UTF-8 bytes in
names), then ranked by the real CLI in a subprocess, once per format, as a user would run it. Each manifest
case is checked against :data:`EXPECTED`, the outcome table below; the whole-run guarantees (exit code,
summary line, no traceback, every file accounted for exactly once, clean output) are checked once.

A second, smaller folder holds variations of the same attacks that are not in the manifest; it is ranked
once through the library and rendered in every format.
"""

from __future__ import annotations

import base64
import csv
import importlib.util
import io
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from jobmatch.ranking import is_ignored_name
from jobmatch.sanitize import csv_cell, strip_unsafe

pytestmark = pytest.mark.corpus

ROOT = Path(__file__).resolve().parents[1]
MAKE_HOSTILE = ROOT.parent / "shared" / "hostile" / "make_hostile.py"
FOLDER = "corpus"  # the folder argument, relative to the run's working directory: files show as corpus/…
WALL_LIMIT_S = 120  # the issue asks for 60 s on a 2-core machine; twice that keeps slow CI from flaking
WORKERS = "2"

# Characters no output may carry, whatever a file holds: C0 controls but tab and newline, DEL and C1
# controls (ESC, CSI 0x9B, OSC 0x9D …), bidi marks/embeddings/overrides/isolates, zero-width characters, BOM.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]")
FORMULA_LEAD = ("=", "+", "-", "@", "\t", "\r")
NOT_BUDGETS = ("took longer than", "reader crashed", "internal error")  # the last-resort paths, not budgets


# --------------------------------------------------------------------------- the outcome table


@dataclass(frozen=True)
class Expect:
    """What a well-behaved jobmatch does with one file.

    ``outcome``: "ranked", "skipped", "either" (the manifest allows best-effort reading or a skip) or
    "ignored" (hidden and Office lock files: not read, not listed, counted on stderr).
    ``reason``: a regular expression the skip reason must match (when skipped).
    ``name``: the candidate name expected when ranked.
    ``warning``: a regular expression one of the candidate's warnings must match.
    ``special``: made only by ``build(special=True)`` (may be unavailable on some systems).
    """

    outcome: str
    reason: str = ""
    name: str = ""
    warning: str = ""
    special: bool = False


LINK = r"symbolic link"
TOO_LARGE = r"too large|bomb|limit|expands"
LATIN1_NAME = os.fsdecode(b"latin1_name_\xe9.txt")
PARSE_OR_SKIP = Expect("either", reason=r"damaged|PDF|nest|cycl|page")

EXPECTED: dict[str, Expect] = {
    # the good files, and the good file with an upper-case extension
    "good_alice_nguyen.pdf": Expect("ranked", name="Alice Nguyen"),
    "good_bob_okafor.docx": Expect("ranked", name="Bob Okafor"),
    "good_carol_smith.txt": Expect("ranked", name="Carol Smith"),
    "good_dmitri_ivanov.md": Expect("ranked", name="Dmitri Ivanov"),
    "good_upper_ext.PDF": Expect("ranked", name="Erin Upper"),
    # read despite odd features
    "docx_table_layout.docx": Expect("ranked"),
    "encrypted_empty_password.pdf": Expect("ranked", name="Nora Crypt"),
    "actually_docx.pdf": Expect("ranked", name="Bob Okafor", warning=r"DOCX"),
    "actually_pdf.txt": Expect("ranked", name="Alice Nguyen", warning=r"PDF"),
    "markup_injection.txt": Expect("ranked"),
    "ansi_escape.txt": Expect("ranked"),
    "formula_injection.txt": Expect("ranked"),
    "latin1.txt": Expect("ranked", warning=r"UTF-8|Windows-1252|Latin-1"),
    "utf16_bom.txt": Expect("ranked", name="Wang Fang"),
    "long_line.txt": Expect("ranked", name="Victor Long"),
    "metadata_injection.pdf": Expect("ranked", name="Mia Meta"),
    "many_pages_5000.pdf": Expect("ranked", name="Liam Pages", warning=r"pages"),
    "hidden_text_stuffing.pdf": Expect("ranked", warning=r"hidden"),  # ranked, flagged, no credit
    # best effort: read what can be read, else skip, within the budget
    "truncated.pdf": PARSE_OR_SKIP,
    "broken_xref.pdf": PARSE_OR_SKIP,
    "xref_prev_loop.pdf": PARSE_OR_SKIP,
    "pages_cycle.pdf": PARSE_OR_SKIP,
    "inline_image_no_EI.pdf": PARSE_OR_SKIP,
    "docx_xxe.docx": Expect("either", reason=r"DTD|DOCX"),  # never resolved: checked below
    "docx_billion_laughs.docx": Expect("either", reason=r"DTD|DOCX"),  # never expanded: checked below
    # skipped, with a reason in plain words
    "zero_bytes.pdf": Expect("skipped", reason=r"empty"),
    "empty.txt": Expect("skipped", reason=r"empty"),
    "whitespace_only.md": Expect("skipped", reason=r"no text|empty"),
    "not_a_pdf.pdf": Expect("skipped", reason=r"not a PDF|HTML"),
    "binary_garbage.txt": Expect("skipped", reason=r"binary"),
    "deep_nesting.pdf": Expect("skipped", reason=r"damaged|nest|deep"),
    "flate_bomb_pages.pdf": Expect("skipped", reason=TOO_LARGE),
    "flate_bomb_1GiB.pdf": Expect("skipped", reason=TOO_LARGE),
    "scanned_no_text.pdf": Expect("skipped", reason=re.escape("no text layer (scanned?)")),
    "encrypted_user_password.pdf": Expect("skipped", reason=r"password-protected"),
    "zip_bomb.docx": Expect("skipped", reason=TOO_LARGE),
    "zip_bomb_media.docx": Expect("skipped", reason=TOO_LARGE),
    "docx_huge_text_node.docx": Expect("skipped", reason=TOO_LARGE + r"|damaged"),
    "renamed_doc.docx": Expect("skipped", reason=r"legacy|\.doc|not supported|password"),
    "zip_not_docx.docx": Expect("skipped", reason=r"not a DOCX|zip"),
    # names that try to talk to the terminal, the parser or the spreadsheet: read, shown clean
    "[bold]markup_name.txt": Expect("ranked", name="Pat Example"),
    "=2+5 formula_name.txt": Expect("ranked", name="Pat Example"),
    "\x1b[31mansi_name.txt": Expect("ranked", name="Pat Example", special=True),
    "new\nline_name.txt": Expect("ranked", name="Pat Example", special=True),
    LATIN1_NAME: Expect("ranked", name="Pat Example", special=True),
    # the file system
    "fifo_resume.txt": Expect("skipped", reason=r"not a regular file", special=True),
    "symlink_loop/inner_resume.md": Expect("ranked", name="Uma Inner", special=True),  # once, not per loop
    "symlink_loop/self": Expect("skipped", reason=LINK, special=True),
    "symlink_loop/up": Expect("skipped", reason=LINK, special=True),
    "symlink_escape.txt": Expect("skipped", reason=LINK, special=True),
    "dangling_link.pdf": Expect("skipped", reason=LINK, special=True),
    "huge_sparse_1GiB.txt": Expect("skipped", reason=r"too large", special=True),
    # not résumés: left out of the ranking and of `skipped`, counted on stderr
    ".hostile_corpus": Expect("ignored"),
    "~$od_bob_okafor.docx": Expect("ignored"),
}
# Decided at run time: AES needs `cryptography` (a pypdf[crypto] dependency); root reads mode-000 files.
CONDITIONAL = ("encrypted_aes256_empty_password.pdf", "unreadable.pdf")
# Manifest entries that stand for several files.
MANIFEST_GROUPS = {"symlink_loop/": ("symlink_loop/inner_resume.md", "symlink_loop/self", "symlink_loop/up")}


def expected_for(name: str, corpus: Corpus) -> Expect:
    if name == "encrypted_aes256_empty_password.pdf":
        if importlib.util.find_spec("cryptography") is not None:
            return Expect("ranked", name="Nora Crypt")
        return Expect("skipped", reason=r"cryptography")
    if name == "unreadable.pdf":
        if os.access(corpus.out / name, os.R_OK):  # root: "mode 000 (root still reads it)"
            return Expect("ranked", name="Alice Nguyen", special=True)
        return Expect("skipped", reason=r"permission", special=True)
    return EXPECTED[name]


# --------------------------------------------------------------------------- building and running


@dataclass
class Corpus:
    module: ModuleType
    base: Path  # the run's working directory: holds corpus/ and job_posting.txt
    out: Path
    posting: Path
    files: set[str]  # manifest `file` values
    special: bool


@dataclass
class Run:
    fmt: str
    returncode: int
    stdout: str
    stderr: str
    wall_s: float


@dataclass
class Outcomes:
    """The JSON run, indexed by the file name as shown."""

    data: dict[str, Any]
    ranked: dict[str, dict[str, Any]] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)


def shown(rel: str) -> str:
    """A corpus file as the JSON output names it: the folder argument joined on, the name exactly (a
    non-UTF-8 name is recovered from ``file_base64``, see :func:`exact_file`)."""
    return os.path.join(FOLDER, rel)


def exact_file(entry: dict[str, Any]) -> str:
    """The exact name a JSON entry stands for: ``file``, or the bytes in ``file_base64`` when it has them."""
    if "file_base64" in entry:
        return os.fsdecode(base64.b64decode(entry["file_base64"]))
    assert "\ufffd" not in entry["file"] or "file_base64" in entry
    return str(entry["file"])


def _load_make_hostile() -> ModuleType:
    if not MAKE_HOSTILE.exists():
        pytest.skip(f"{MAKE_HOSTILE} not present")
    pytest.importorskip("docx")
    pytest.importorskip("pypdf")
    spec = importlib.util.spec_from_file_location("_jobmatch_make_hostile", MAKE_HOSTILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def _remove(path: Path) -> None:
    """rmtree that first gives mode-000 files back their permissions."""
    if not path.exists():
        return
    for root, _dirs, files in os.walk(path):
        for name in files:
            full = os.path.join(root, name)
            if not os.path.islink(full) and stat.S_ISREG(os.lstat(full).st_mode):
                os.chmod(full, 0o600)
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Corpus]:
    module = _load_make_hostile()
    base = tmp_path_factory.mktemp("hostile")
    out = base / FOLDER
    special = True
    try:
        cases = module.build(out, special=True)
    except (OSError, NotImplementedError) as exc:  # no FIFOs/symlinks/odd names here: build the rest
        print(f"special files unavailable ({type(exc).__name__}: {exc}); building without them")
        special = False
        _remove(out)
        cases = module.build(out, special=False)
    yield Corpus(module, base, out, base / "job_posting.txt", {c.file for c in cases}, special)
    _remove(base)


def start_cli(
    cwd: Path, folder: str, posting: Path, fmt: str, cache: Path, *extra: str
) -> subprocess.Popen[bytes]:
    """``jobmatch rank`` in a subprocess, as a user runs it, on the checkout under test."""
    # PYTHONPATH: the checkout under test, however (and whether) jobmatch is installed.
    path = os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH", "")) if p)
    env = {**os.environ, "JOBMATCH_CACHE_DIR": str(cache), "PYTHONPATH": path}
    env.pop("NO_COLOR", None)
    args = [sys.executable, "-m", "jobmatch", "rank", folder, "--posting", str(posting)]
    # Every hostile file on its own: many are copies of one good résumé under odd names, which rank would
    # otherwise show once as one person (tests/test_duplicates.py covers that).
    args += ["--format", fmt, "--workers", WORKERS, "--keep-duplicates", *extra]
    return subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(proc: subprocess.Popen[bytes], fmt: str, started: float) -> Run:
    try:
        out, err = proc.communicate(timeout=5 * WALL_LIMIT_S)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        pytest.fail(f"jobmatch rank --format {fmt} hung: killed after {5 * WALL_LIMIT_S} s\n{err.decode()}")
    # Valid UTF-8 on both streams, whatever bytes the file names and contents held.
    return Run(fmt, proc.returncode, out.decode("utf-8"), err.decode("utf-8"), time.monotonic() - started)


@pytest.fixture(scope="module")
def runs(corpus: Corpus) -> dict[str, Run]:
    """One run per format. JSON first, on a cold cache, timed; the others reuse its cache, in parallel."""
    cache = corpus.base / "cache"
    started = time.monotonic()
    first = start_cli(corpus.base, FOLDER, corpus.posting, "json", cache)
    result = {"json": finish(first, "json", started)}
    print(f"\njobmatch rank {FOLDER} --format json (cold cache): {result['json'].wall_s:.1f} s wall")
    later = {
        "table": ("table",),
        "csv": ("csv",),
        "table-color": ("table", "--color"),  # colour on: rich's own codes only, never the files'
        "html": ("html",),
    }
    started = time.monotonic()
    procs = {
        key: start_cli(corpus.base, FOLDER, corpus.posting, fmt, cache, *extra)
        for key, (fmt, *extra) in later.items()
    }
    result.update({key: finish(proc, key, started) for key, proc in procs.items()})
    return result


@pytest.fixture(scope="module")
def outcomes(runs: dict[str, Run]) -> Outcomes:
    data = json.loads(runs["json"].stdout)
    found = Outcomes(data)
    for candidate in data["candidates"]:
        file = exact_file(candidate)
        assert file not in found.ranked, f"ranked twice: {file!r}"
        found.ranked[file] = candidate
    for entry in data["skipped"]:
        file = exact_file(entry)
        assert file not in found.skipped, f"skipped twice: {file!r}"
        found.skipped[file] = entry["reason"]
    return found


def listing(folder: Path) -> dict[str, bool]:
    """Every entry a walk can meet, relative to ``folder`` -> whether it is a hidden or lock file.

    Files, symlinks (to files or folders, not followed) and hidden folders (not entered) are entries;
    ordinary folders are entered.
    """
    entries: dict[str, bool] = {}
    for root, dirs, files in os.walk(folder, followlinks=False):
        rel_root = os.path.relpath(root, folder)
        keep = []
        for name in dirs:
            rel = os.path.normpath(os.path.join(rel_root, name))
            if os.path.islink(os.path.join(root, name)) or is_ignored_name(name):
                entries[rel] = is_ignored_name(name)
            else:
                keep.append(name)
        dirs[:] = keep
        for name in files:
            entries[os.path.normpath(os.path.join(rel_root, name))] = is_ignored_name(name)
    return entries


# --------------------------------------------------------------------------- checks shared by both folders


def assert_clean(text: str, where: str) -> None:
    bad = UNSAFE.search(text)
    if bad is not None:
        context = text[max(0, bad.start() - 60) : bad.end() + 60]
        pytest.fail(f"{where}: unsafe character {bad.group()!r} in {context!r}")


def strings(value: Any) -> Iterator[str]:
    """Every string (keys included) in a parsed JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def assert_csv_safe(text: str) -> list[list[str]]:
    text = text.removeprefix("\ufeff")  # written by the output stream (the CLI), not by the renderer
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    for number, line in enumerate(text.splitlines(), 1):
        # every cell quoted, one record per line (no newline survives inside a cell)
        assert line.startswith('"') and line.endswith('"'), f"CSV line {number}: {line[:120]!r}"
    for row in rows:
        assert len(row) == len(header), row
        for cell in row:
            assert_clean(cell, "CSV cell")
            if cell.startswith(FORMULA_LEAD):
                try:
                    float(cell)  # a number ("-1.5") is data, not a formula
                except ValueError:
                    pytest.fail(f"CSV cell starts like a formula: {cell!r}")
    return rows


def assert_reason(reason: str, file: str) -> None:
    assert reason.strip(), f"{file!r}: empty skip reason"
    assert "\n" not in reason and "\r" not in reason, f"{file!r}: reason is not one line: {reason!r}"
    assert len(reason) <= 200, f"{file!r}: reason too long: {reason!r}"
    assert "Traceback" not in reason, f"{file!r}: reason is a raw exception: {reason!r}"


# --------------------------------------------------------------------------- the corpus: whole-run guarantees


def test_manifest_cases_are_all_in_the_outcome_table(corpus: Corpus) -> None:
    known = set(EXPECTED) | set(CONDITIONAL) | set(MANIFEST_GROUPS)
    unmapped = sorted(corpus.files - known, key=repr)
    assert not unmapped, f"manifest cases without an expected outcome in EXPECTED: {unmapped!r}"


def test_run_finishes_in_time_without_traceback(runs: dict[str, Run]) -> None:
    for key, run in runs.items():
        print(f"{key}: exit {run.returncode}, {run.wall_s:.1f} s")
        assert "Traceback" not in run.stderr, f"{key}: traceback on stderr:\n{run.stderr}"
        assert "internal error" not in run.stderr, f"{key}: {run.stderr}"
        assert_clean(run.stderr, f"{key} stderr")
    assert runs["json"].wall_s < WALL_LIMIT_S, f"json run took {runs['json'].wall_s:.1f} s"


def test_exit_code_and_summary_lines(runs: dict[str, Run], outcomes: Outcomes) -> None:
    count = len(outcomes.skipped)
    for key, run in runs.items():
        assert run.returncode == 1, f"{key}: exit {run.returncode} (1 = finished with skips)\n{run.stderr}"
        assert f"jobmatch: {count} file(s) skipped" in run.stderr, f"{key}: {run.stderr!r}"
        assert "jobmatch: 2 hidden or Office lock file(s) ignored" in run.stderr, f"{key}: {run.stderr!r}"


def test_every_file_is_accounted_for_exactly_once(corpus: Corpus, outcomes: Outcomes) -> None:
    entries = listing(corpus.out)
    wanted = {shown(rel) for rel, ignored in entries.items() if not ignored}
    ignored = {shown(rel) for rel, ignored in entries.items() if ignored}
    assert len(wanted) + len(ignored) == len(entries)
    ranked, skipped = set(outcomes.ranked), set(outcomes.skipped)
    assert not ranked & skipped, f"both ranked and skipped: {sorted(ranked & skipped)!r}"
    assert ranked | skipped == wanted, (
        f"lost: {sorted(wanted - ranked - skipped)!r}; unexpected: {sorted((ranked | skipped) - wanted)!r}"
    )
    assert ignored == {shown(".hostile_corpus"), shown("~$od_bob_okafor.docx")}
    assert outcomes.data["total_candidates"] == len(ranked)


def test_budgets_stop_every_hostile_file(outcomes: Outcomes) -> None:
    """Bombs, loops and huge files are stopped by budgets, not by the wall clock or a crash."""
    late = {f: r for f, r in outcomes.skipped.items() if r.startswith(NOT_BUDGETS)}
    assert not late, f"stopped by the last resort instead of a budget: {late!r}"


def without_file_names(value: Any) -> Any:
    """A parsed JSON value without its ``file`` and ``file_base64`` keys: the names are exact on purpose."""
    if isinstance(value, dict):
        return {k: without_file_names(v) for k, v in value.items() if k not in ("file", "file_base64")}
    if isinstance(value, list):
        return [without_file_names(v) for v in value]
    return value


def test_json_is_valid_and_clean(runs: dict[str, Run], outcomes: Outcomes) -> None:
    for text in strings(without_file_names(outcomes.data)):
        assert_clean(text, "JSON string")
    raw = runs["json"].stdout
    # A name with ESC, CSI or a bidi override is carried exactly, but only ever as a JSON escape: the
    # bytes of the output hold none of them, so showing the JSON in a terminal is safe.
    assert_clean(raw.replace("\n", ""), "JSON text")
    for needle in ("\x1b", "\x9b", "\u202e"):
        assert needle not in raw, f"JSON output carries {needle!r}"


def test_json_names_tell_apart_what_cleaning_would_merge(outcomes: Outcomes) -> None:
    # The ESC byte is kept, so the name can be opened; cleaning would have turned it into another name.
    assert shown("\x1b[31mansi_name.txt") in {*outcomes.ranked, *outcomes.skipped}


def test_nothing_from_outside_the_folder_or_an_entity_leaks(runs: dict[str, Run]) -> None:
    for key, run in runs.items():
        assert "root:x:0:0" not in run.stdout, f"{key}: /etc/passwd leaked (symlink or XXE)"
        assert "lollollol" not in run.stdout, f"{key}: an entity was expanded"


def test_table_is_plain_text_with_literal_markup(runs: dict[str, Run], outcomes: Outcomes) -> None:
    text = runs["table"].stdout
    assert_clean(text, "table")
    assert "\x1b" not in text and "\x9b" not in text and "\u202e" not in text
    assert "[bold]markup_name.txt" in text  # shown as typed, not interpreted as markup
    assert "PWNED" not in text and "]8;;" not in text
    assert f"{len(outcomes.skipped)} files skipped:" in text
    assert "⚠ hidden text ignored" in text  # the stuffed PDF is flagged where people look


def test_coloured_table_carries_only_rich_styles(runs: dict[str, Run]) -> None:
    text = runs["table-color"].stdout
    assert "\x1b]" not in text, "an OSC sequence (title, hyperlink, clipboard) reached the terminal"
    for sequence in ("\x1b[2J", "\x1b[H", "\x1b[5A", "\x1b[2K", "\x9b", "\x1b\\"):
        assert sequence not in text, f"{sequence!r} reached the terminal"
    # Only SGR (colour/bold) sequences, which rich writes itself.
    assert set(re.findall(r"\x1b\[[0-9;]*([A-Za-z])", text)) <= {"m"}
    assert_clean(re.sub(r"\x1b\[[0-9;]*m", "", text), "coloured table without its SGR codes")


def test_csv_is_quoted_neutralised_and_lists_every_file(runs: dict[str, Run], outcomes: Outcomes) -> None:
    assert runs["csv"].stdout.startswith("\ufeff"), "CSV without its byte-order mark"
    rows = assert_csv_safe(runs["csv"].stdout)
    file_at = rows[0].index("file")
    files = sorted(row[file_at] for row in rows[1:])
    # The ranked files of the JSON run, each on one line (a newline in a name becomes a space in CSV);
    # skipped files are not candidate rows (--skipped-csv lists them).
    assert files == sorted(csv_cell(strip_unsafe(f, keep_newlines=False)) for f in outcomes.ranked)
    assert "\x1b" not in runs["csv"].stdout


def test_html_report_is_escaped_self_contained_and_lists_every_file(
    runs: dict[str, Run], outcomes: Outcomes, tmp_path: Path
) -> None:
    from jobmatch.sanitize import clean_display
    from tests.html_check import check_page

    html = runs["html"].stdout
    page = check_page(html)  # only the template's own elements, attributes, script, style; no URL; our CSP
    text = page.all_text
    assert_clean(text, "HTML text")
    for file in (*outcomes.ranked, *outcomes.skipped):
        assert clean_display(file) in text, f"{file!r} missing from the page"
    assert "[bold]markup_name.txt" in text
    for needle in ("PWNED", "]8;;", "\u202e"):
        assert needle not in html, needle
    # In a real browser, when there is one: nothing fetched, no script error, no dialog.
    from tests.helpers import load_script

    browser = load_script("browser")
    executable = browser.find_browser()
    if executable is None or importlib.util.find_spec("playwright") is None:
        return
    report = tmp_path / "hostile.html"
    report.write_text(html, encoding="utf-8")
    with browser.browser(executable) as launched:
        _page, watch = browser.open_report(launched, report)
    assert watch.requests == [watch.page_url] and not watch.problems, watch.problems


# --------------------------------------------------------------------------- the corpus: case by case


def _case_ids() -> list[str]:
    return [ascii(name).strip("'") for name in (*EXPECTED, *CONDITIONAL)]


@pytest.mark.parametrize("name", [*EXPECTED, *CONDITIONAL], ids=_case_ids())
def test_case_outcome(name: str, corpus: Corpus, outcomes: Outcomes, runs: dict[str, Run]) -> None:
    expect = expected_for(name, corpus)
    if not os.path.lexists(corpus.out / name):
        if expect.special and not corpus.special:
            pytest.skip("special files could not be made here")
        if name == "encrypted_aes256_empty_password.pdf":
            pytest.skip("make_hostile wrote no AES case (no cryptography)")
        pytest.fail(f"{name!r} is in the outcome table but was not built")
    file = shown(name)
    if expect.outcome == "ignored":
        assert file not in outcomes.ranked and file not in outcomes.skipped
        return
    ranked = outcomes.ranked.get(file)
    reason = outcomes.skipped.get(file)
    assert (ranked is None) != (reason is None), f"{name!r}: neither ranked nor skipped"
    if expect.outcome == "ranked":
        assert ranked is not None, f"{name!r} should be ranked, was skipped: {reason!r}"
    elif expect.outcome == "skipped":
        assert reason is not None, f"{name!r} should be skipped, was ranked as {ranked and ranked['name']!r}"
    if reason is not None:
        assert_reason(reason, name)
        if expect.reason:
            assert re.search(expect.reason, reason, re.IGNORECASE), f"{name!r}: reason {reason!r}"
        return
    assert ranked is not None
    if expect.name:
        assert ranked["name"] == expect.name
    if expect.warning:
        warnings = ranked["warnings"]
        assert any(re.search(expect.warning, w, re.IGNORECASE) for w in warnings), warnings
    CHECKS.get(name, lambda _c, _r: None)(ranked, runs)


def _quotes(candidate: dict[str, Any]) -> list[str]:
    return [e["text"] for r in candidate["requirements"] for e in r["evidence"]]


def _check_hidden(candidate: dict[str, Any], runs: dict[str, Run]) -> None:
    # Hidden keywords buy nothing: no evidence quotes them and the score stays at the barista's level.
    quotes = " ".join(_quotes(candidate))
    for word in ("Kubernetes", "Django", "Ignore all previous instructions"):
        assert word not in quotes
    assert candidate["score"] < 20


def _check_not_pdf_syntax(candidate: dict[str, Any], runs: dict[str, Run]) -> None:
    quotes = " ".join(_quotes(candidate))
    assert "endobj" not in quotes and "%PDF" not in quotes and "/Type" not in quotes


def _check_latin1(candidate: dict[str, Any], runs: dict[str, Run]) -> None:
    assert any("Zürich" in q or "José" in q or "Müller" in q for q in _quotes(candidate)), _quotes(candidate)


def _check_escapes_removed(candidate: dict[str, Any], runs: dict[str, Run]) -> None:
    text = candidate["name"] + " ".join(_quotes(candidate))
    assert "PWNED" not in text and "]8;;" not in text and "[31m" not in text, text


def _check_table_text(candidate: dict[str, Any], runs: dict[str, Run]) -> None:
    assert candidate["score"] > 0 and _quotes(candidate), "table/header text was not read"


def _check_markup_kept_as_text(candidate: dict[str, Any], runs: dict[str, Run]) -> None:
    # Markup is data: kept as typed in the evidence (the renderers never interpret it).
    assert "[reverse]Django[/reverse]" in " ".join(_quotes(candidate))


CHECKS = {
    "hidden_text_stuffing.pdf": _check_hidden,
    "actually_pdf.txt": _check_not_pdf_syntax,
    "latin1.txt": _check_latin1,
    "ansi_escape.txt": _check_escapes_removed,
    "metadata_injection.pdf": _check_escapes_removed,
    "docx_table_layout.docx": _check_table_text,
    "markup_injection.txt": _check_markup_kept_as_text,
}


# --------------------------------------------------------------------------- variations not in the manifest

VARIATIONS_FOLDER = "=cmd|' calc'!A0"  # a folder name that makes every `file` cell start like a formula
VARIATION_TIMEOUT_S = 6.0  # every variation but KNOWN_SLOW reads in well under a second
# Files the per-file wall clock may have to stop (the last line of defence, exercised on purpose):
KNOWN_SLOW: set[str] = set()  # none now: tests/test_workers.py exercises the kill path itself
GOOD_TEXT = "Pat Example\npat@example.com\nPython, Django, PostgreSQL, Docker\n"


def _utf16_hex(text: str) -> bytes:
    return b"<" + (b"\xfe\xff" + text.encode("utf-16-be")).hex().upper().encode() + b">"


def _deep_kids_pdf(mh: ModuleType, depth: int) -> bytes:
    """A /Pages chain ``depth`` levels deep above the one page."""
    pdf = mh.Pdf()
    catalog = pdf.add(b"<< /Type /Catalog /Pages 2 0 R >>")
    for level in range(depth):
        number = 2 + level
        parent = b"/Parent %d 0 R " % (number - 1) if level else b""
        pdf.add(b"<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>" % (parent, number + 1))
    leaf = 2 + depth
    pdf.add(
        b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources %s /Contents %d 0 R >>"
        % (leaf - 1, mh.FONT_RES, leaf + 1)
    )
    pdf.add(mh.stream(mh.text_ops(["Kim Deep", *mh.ALICE[1:]])))
    return bytes(pdf.build(catalog))


def _many_entries_docx(mh: ModuleType, extra: int) -> bytes:
    """A good DOCX plus ``extra`` tiny XML members in its central directory."""
    source = zipfile.ZipFile(io.BytesIO(mh.good_docx_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            archive.writestr(info.filename, source.read(info.filename))
        for i in range(extra):
            archive.writestr(f"customXml/pad{i}.xml", b"<a/>")
    return buffer.getvalue()


@dataclass
class Variations:
    folder: Path
    expected: dict[str, Expect]
    ignored: list[str]
    ranking: Any
    outputs: dict[str, str]
    wall_s: float


def _build_variations(mh: ModuleType, folder: Path) -> dict[str, Expect]:
    expected: dict[str, Expect] = {}

    def put(name: str, data: bytes, expect: Expect) -> None:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        expected[name] = expect

    title = "\x1b]8;;http://evil.example/\x07click me\x1b]8;;\x07 \x1b[31mred\x1b[0m\x1b]0;PWNED\x07"
    info = b"<< /Title %s /Author %s /Subject %s >>" % (
        _utf16_hex(title),
        _utf16_hex("\x1b[2J=cmd|' /C calc'!A0"),
        _utf16_hex("\u202egnp.exe \x9b31m"),
    )
    put(
        "meta_osc8_title.pdf",
        mh.one_page_pdf(mh.text_ops(["Olive Title", *mh.ALICE[1:]]), info=info),
        Expect("ranked", name="Olive Title"),
    )
    put(
        "osc8_first_line.txt",
        b"\x1b]8;;http://evil\x07click\x1b]8;;\x07\n" + GOOD_TEXT.encode(),
        Expect("ranked"),
    )
    put("cv\n[red]Mallory[/red].txt", GOOD_TEXT.encode(), Expect("ranked", name="Pat Example"))
    put("=cmd|' calc'!A0.txt", GOOD_TEXT.encode(), Expect("ranked", name="Pat Example"))
    put("bidi_\u202etxt.exe.md", GOOD_TEXT.encode(), Expect("ranked", name="Pat Example"))
    put(
        "c1_bidi_tags.txt",
        (
            "Ivan \u009b31mCee\u009b0m One\n"
            "\u202eReversed\u202c \u2066isolated\u2069 Zero\u200bWidth \U000e0041\U000e0042 \u061c\u00ad\n"
            + GOOD_TEXT
        ).encode(),
        Expect("ranked"),
    )
    put(
        "pdf_text_escapes.pdf",
        mh.one_page_pdf(mh.text_ops(["\x1b]0;PWNED\x07Pia Pdf", "\x1b[2J\x1b[31mPython, Django\x1b[0m"])),
        Expect("ranked"),
    )
    escapes_only = b"\x1b[2J\x1b]0;PWNED\x07\n\x1b[H\x1b[5A\n"
    put("only_escapes.txt", escapes_only, Expect("skipped", reason=r"no text|empty"))
    put("central_dir_10000.docx", _many_entries_docx(mh, 10_000), Expect("either", reason=r"parts|DOCX"))
    put("deep_kids.pdf", _deep_kids_pdf(mh, 5_000), Expect("either", reason=r"damaged|deep|nest"))
    put(
        "line_3MB_brackets.md",
        b"# Max Bracket\n\nmax@example.com\n\n" + b"[" * 3_000_000 + b"\n",
        Expect("either"),
    )
    put("UPPER.DOCX", mh.good_docx_bytes(), Expect("ranked", name="Bob Okafor"))
    put("Mixed.Md", mh.DMITRI_MD.encode(), Expect("ranked", name="Dmitri Ivanov"))
    put("notes.xyz", b"not a resume\n", Expect("skipped", reason=r"unsupported"))
    put("loop_a/cv_in_loop.md", b"# Lena Loop\n\nPython, Docker\n", Expect("ranked", name="Lena Loop"))
    put("loop_b/.keep", b"", Expect("ignored"))
    put(".~lock.cv.docx#", b"lock", Expect("ignored"))
    put("~$cv.docx", b"\x09Recruiter", Expect("ignored"))
    put(".git/config.txt", b"[core]\n", Expect("ignored"))
    expected.pop(".git/config.txt")
    expected[".git"] = Expect("ignored")  # a hidden folder is left out whole

    def special(name: str, make: Any, expect: Expect) -> None:
        try:
            make(folder / name)
        except (OSError, NotImplementedError, AttributeError):  # no FIFOs or symlinks here
            return
        expected[name] = expect

    for name in ("sparse_1GiB.docx", "sparse_1GiB.pdf"):

        def sparse(path: Path) -> None:
            with open(path, "wb") as handle:
                handle.truncate(1 << 30)

        special(name, sparse, Expect("skipped", reason=r"too large"))
    (folder / "nested" / "deeper").mkdir(parents=True)
    special("nested/deeper/pipe.pdf", os.mkfifo, Expect("skipped", reason=r"not a regular file"))
    special(
        "pipe_link.txt", lambda p: os.symlink("nested/deeper/pipe.pdf", p), Expect("skipped", reason=LINK)
    )
    special("loop_a/to_b", lambda p: os.symlink("../loop_b", p), Expect("skipped", reason=LINK))
    special("loop_b/to_a", lambda p: os.symlink("../loop_a", p), Expect("skipped", reason=LINK))
    special("etc_link.md", lambda p: os.symlink("/etc", p), Expect("skipped", reason=LINK))
    return expected


@pytest.fixture(scope="module")
def variations(corpus: Corpus) -> Variations:
    from jobmatch.posting import load_posting
    from jobmatch.ranking import RankOptions, rank
    from jobmatch.render import render_ranking

    folder = corpus.base / VARIATIONS_FOLDER
    folder.mkdir()
    expected = _build_variations(corpus.module, folder)
    ignored: list[str] = []
    started = time.monotonic()
    ranking = rank(
        folder,
        load_posting(corpus.posting),
        RankOptions(workers=int(WORKERS), timeout_s=VARIATION_TIMEOUT_S, use_cache=False),
        folder_arg=VARIATIONS_FOLDER,
        ignored=ignored,
    )
    wall = time.monotonic() - started
    print(f"\nvariations ranked in {wall:.1f} s")
    outputs = {}
    for key, fmt, color in (
        ("json", "json", False),
        ("jsonl", "jsonl", False),
        ("csv", "csv", False),
        ("table", "table", False),
        ("table-color", "table", True),
        ("html", "html", False),
    ):
        out = io.StringIO()
        render_ranking(ranking, fmt, out, color=color)
        outputs[key] = out.getvalue()
    return Variations(folder, expected, ignored, ranking, outputs, wall)


def test_variations_every_file_ends_ranked_skipped_or_ignored(variations: Variations) -> None:
    ranking = variations.ranking
    ranked = {c.file: c for c in ranking.candidates}
    skipped = {s.file: s.reason for s in ranking.skipped}
    assert len(ranked) == len(ranking.candidates) and len(skipped) == len(ranking.skipped)
    entries = listing(variations.folder)
    wanted = {os.path.join(VARIATIONS_FOLDER, rel) for rel, hidden in entries.items() if not hidden}
    assert set(ranked) | set(skipped) == wanted
    assert not set(ranked) & set(skipped)
    assert sorted(variations.ignored) == sorted(
        os.path.join(VARIATIONS_FOLDER, rel) for rel, hidden in entries.items() if hidden
    )
    problems = []
    for name, expect in variations.expected.items():
        file = os.path.join(VARIATIONS_FOLDER, name)
        if expect.outcome == "ignored":
            if file not in variations.ignored:
                problems.append(f"{name!r}: not ignored")
            continue
        candidate, reason = ranked.get(file), skipped.get(file)
        if expect.outcome == "ranked" and candidate is None:
            problems.append(f"{name!r}: should be ranked, skipped: {reason!r}")
        if expect.outcome == "skipped" and reason is None:
            problems.append(f"{name!r}: should be skipped, was ranked")
        if reason is not None:
            assert_reason(reason, name)
            if reason.startswith(NOT_BUDGETS):
                if name not in KNOWN_SLOW:
                    problems.append(f"{name!r}: stopped by the last resort: {reason!r}")
            elif expect.reason and not re.search(expect.reason, reason, re.IGNORECASE):
                problems.append(f"{name!r}: reason {reason!r} does not match {expect.reason!r}")
        if candidate is not None and expect.name and candidate.name != expect.name:
            problems.append(f"{name!r}: name {candidate.name!r}, expected {expect.name!r}")
    assert not problems, "\n".join(problems)


def test_variations_output_is_clean(variations: Variations) -> None:
    for key, text in variations.outputs.items():
        if key == "table-color":
            assert "\x1b]" not in text and "\x1b[2J" not in text and "\x9b" not in text
            text = re.sub(r"\x1b\[[0-9;]*m", "", text)
        assert_clean(text, f"variations {key}")
        for needle in ("PWNED", "]8;;", "http://evil", "\u202e"):
            assert needle not in text, f"variations {key}: {needle!r}"
    for text in strings(without_file_names(json.loads(variations.outputs["json"]))):
        assert_clean(text, "variations JSON string")
    for line in variations.outputs["jsonl"].splitlines():
        for text in strings(without_file_names(json.loads(line))):
            assert_clean(text, "variations JSONL string")


def test_variations_html_is_only_the_template(variations: Variations) -> None:
    from tests.html_check import check_page

    text = check_page(variations.outputs["html"]).all_text
    assert "[red]Mallory[/red].txt" in text


def test_variations_csv_neutralises_a_formula_folder_name(variations: Variations) -> None:
    rows = assert_csv_safe(variations.outputs["csv"])
    file_at = rows[0].index("file")
    files = [row[file_at] for row in rows[1:]]
    assert files and all(f.startswith("'=cmd|") for f in files), files[:3]


def test_variations_table_shows_markup_in_names_literally(variations: Variations) -> None:
    table = variations.outputs["table"]
    assert "…/red].txt" in table  # at 120 columns the folder gives way to the file's own name
    from jobmatch.render import render_ranking

    wide = io.StringIO()
    render_ranking(variations.ranking, "table", wide, width=240)
    table = wide.getvalue()
    assert "[red]Mallory[/red].txt" in table
    assert "\x1b" not in table


def test_variations_finish_quickly(variations: Variations) -> None:
    # Everything but KNOWN_SLOW takes well under a second; the wall clock stops KNOWN_SLOW.
    assert variations.wall_s < 4 * VARIATION_TIMEOUT_S, f"variations took {variations.wall_s:.1f} s"


def test_variations_metadata_and_first_lines_are_cleaned(variations: Variations) -> None:
    candidates = {c.file: c for c in variations.ranking.candidates}
    titled = candidates.get(os.path.join(VARIATIONS_FOLDER, "meta_osc8_title.pdf"))
    if titled is not None:
        title = titled.document.title
        assert_clean(title, "PDF title")
        assert "PWNED" not in title and "evil" not in title and "]8;;" not in title, title
    for candidate in candidates.values():
        assert_clean(candidate.name, f"name of {candidate.file!r}")
        assert "]8;;" not in candidate.name and "PWNED" not in candidate.name, candidate.name


# ----------------------------------------------------------------------- round 2 (issue 16): our own cases

ROUND2 = "round2"  # the folder argument for the round-2 runs
WARM_AND_NONE: tuple[tuple[str, tuple[str, ...]], ...] = (("warm", ()), ("no-cache", ("--no-cache",)))


@dataclass
class Round2:
    cases: dict[str, Any]  # file -> make_hostile_round2.Case
    runs: dict[str, Run]  # "cold", "warm", "no-cache"
    ranked: dict[str, dict[str, Any]]
    skipped: dict[str, str]


def _load_round2() -> ModuleType:
    path = ROOT / "tests" / "make_hostile_round2.py"
    spec = importlib.util.spec_from_file_location("_jobmatch_make_hostile_round2", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def round2(tmp_path_factory: pytest.TempPathFactory) -> Round2:
    module = _load_round2()
    base = tmp_path_factory.mktemp("round2")
    cases = {case.file: case for case in module.build(base / ROUND2)}
    posting = base / "job_posting_round2.txt"
    cache = base / "cache"
    started = time.monotonic()
    runs = {"cold": finish(start_cli(base, ROUND2, posting, "json", cache), "cold", started)}
    started = time.monotonic()  # then a warm run and one without the cache, side by side
    procs = {key: start_cli(base, ROUND2, posting, "json", cache, *extra) for key, extra in WARM_AND_NONE}
    runs.update({key: finish(proc, key, started) for key, proc in procs.items()})
    data = json.loads(runs["cold"].stdout)
    ranked = {Path(c["file"]).name: c for c in data["candidates"]}
    skipped = {Path(s["file"]).name: s["reason"] for s in data["skipped"]}
    return Round2(cases, runs, ranked, skipped)


def test_round2_cold_warm_and_no_cache_runs_agree(round2: Round2) -> None:
    cold = round2.runs["cold"]
    for key, run in round2.runs.items():
        assert "Traceback" not in run.stderr and "internal error" not in run.stderr, f"{key}: {run.stderr}"
        assert run.returncode == 1, f"{key}: exit {run.returncode}\n{run.stderr}"
        assert run.stdout == cold.stdout, f"{key} output differs from the cold run's"
    assert set(round2.ranked) | set(round2.skipped) == set(round2.cases)


def test_round2_case_outcomes(round2: Round2) -> None:
    problems = []
    for name, case in round2.cases.items():
        candidate, reason = round2.ranked.get(name), round2.skipped.get(name)
        if case.outcome == "ranked" and candidate is None:
            problems.append(f"{name}: should be ranked ({case.why}), skipped: {reason!r}")
            continue
        if case.outcome == "skipped" and reason is None:
            problems.append(f"{name}: should be skipped ({case.why}), was ranked")
            continue
        if reason is not None:
            assert_reason(reason, name)
            if case.reason and not re.search(case.reason, reason):
                problems.append(f"{name}: reason {reason!r} does not match {case.reason!r}")
            continue
        assert candidate is not None
        warnings = candidate["warnings"]
        if case.name and candidate["name"] != case.name:
            problems.append(f"{name}: name {candidate['name']!r}, expected {case.name!r}")
        if case.warning and not any(re.search(case.warning, w) for w in warnings):
            problems.append(f"{name}: no warning matches {case.warning!r}: {warnings!r}")
        if case.no_warning and any(re.search(case.no_warning, w) for w in warnings):
            problems.append(f"{name}: a warning matches {case.no_warning!r}: {warnings!r}")
    assert not problems, "\n".join(problems)


def test_round2_hidden_text_scores_like_its_visible_twin(round2: Round2) -> None:
    twins = [case for case in round2.cases.values() if case.twin]
    assert twins
    for case in twins:
        hidden, visible = round2.ranked[case.file], round2.ranked[case.twin]
        assert abs(hidden["score"] - visible["score"]) <= 1.0, (case.file, hidden["score"], visible["score"])
        quotes = " ".join(_quotes(hidden))
        assert "Kubernetes" not in quotes and "FastAPI" not in quotes, (case.file, quotes)
