"""The worker pool: results for every task, a hard per-file wall clock, deterministic output."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from jobmatch.posting import load_posting
from jobmatch.ranking import RankOptions, rank

ROOT = Path(__file__).resolve().parents[1]
POSTING = load_posting(ROOT / "requirements" / "AVON147.txt")
TEXT = "Jane Doe\nExperience\nSales Coordinator\n2015 - 2019\nProcessed orders.\n"


def _folder(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "cvs"
    folder.mkdir()
    for i in range(count):
        (folder / f"cv{i:02d}.txt").write_text(TEXT.replace("Jane", f"Jane{i}"))
    return folder


def test_a_file_over_the_wall_clock_is_skipped_not_waited_for(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 2)
    # 10 ms cannot cover even a worker's start-up: every file must be stopped, and the run must end.
    ranking = rank(folder, POSTING, RankOptions(workers=1, timeout_s=0.01, use_cache=False))
    assert len(ranking.candidates) == 0
    assert [s.reason for s in ranking.skipped] == ["took longer than 0.01 s to read"] * 2


def test_many_workers_same_output_as_one(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 7)
    one = rank(folder, POSTING, RankOptions(workers=1, use_cache=False))
    three = rank(folder, POSTING, RankOptions(workers=3, use_cache=False))
    assert [(c.rank, c.file, c.score) for c in one.candidates] == [
        (c.rank, c.file, c.score) for c in three.candidates
    ]
    assert len(one.candidates) == 7


def test_warm_cache_gives_the_same_ranking(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 3)
    options = RankOptions(workers=1, cache_path=tmp_path / "cache.sqlite3")
    cold = rank(folder, POSTING, options)
    warm = rank(folder, POSTING, options)
    assert cold == warm
    assert (tmp_path / "cache.sqlite3").exists()


def test_a_new_posting_reuses_every_extraction(tmp_path: Path) -> None:
    import sqlite3

    from jobmatch.posting import parse_posting

    folder = _folder(tmp_path, 3)
    cache_path = tmp_path / "cache.sqlite3"
    options = RankOptions(workers=1, cache_path=cache_path)
    rank(folder, POSTING, options)
    other = parse_posting("Title: Python Developer\nMust have: Python, Django.\n")
    ranked = rank(folder, other, options)
    assert len(ranked.candidates) == 3
    with sqlite3.connect(cache_path) as db:
        documents = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        results = db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
    assert (documents, results) == (3, 6)  # one extraction per file; one result per file and posting


def test_a_changed_file_is_never_served_stale(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 1)
    options = RankOptions(workers=1, cache_path=tmp_path / "cache.sqlite3")
    before = rank(folder, POSTING, options).candidates[0]
    (folder / "cv00.txt").write_text("Jane Doe\nSkills\nMicrosoft Office, Salesforce CRM\n" + TEXT)
    after = rank(folder, POSTING, options).candidates[0]
    assert not before.signals.term("crm").present and after.signals.term("crm").present


# ---------------------------------------------------------------------- stopping a run (issue 16 item 8)


def _slow_pdf() -> bytes:
    """A real PDF whose one page has so many drawing instructions that reading it with pypdf takes seconds
    (the token budget stops it): keeps a worker busy while the test signals the run. (PDFium reads it in
    a fraction of that: the runs here ask for pypdf.)"""
    from tests.test_documents import make_pdf

    return make_pdf([b"BT /F1 10 Tf 72 700 Td\n" + b"(a) Tj 1 0 Td\n" * 150_000 + b"ET\n"])


def _descendants(pid: int) -> set[int]:
    """Live (not zombie) processes below ``pid``, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat_line = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat_line.rsplit(")", 1)[1].split()
        if fields[0] != "Z":
            parents[int(entry)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def _start_run(tmp_path: Path) -> tuple[subprocess.Popen[bytes], Path]:
    folder = tmp_path / "cvs"
    folder.mkdir()
    slow = _slow_pdf()
    for i in range(3):
        (folder / f"slow{i}.pdf").write_bytes(slow)
    (folder / "quick.txt").write_text(TEXT)
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    env = {
        **os.environ,
        "TMPDIR": str(private_tmp),
        "PYTHONPATH": str(ROOT),
        "JOBMATCH_CACHE_DIR": str(tmp_path),
    }
    args = [
        sys.executable,
        "-m",
        "jobmatch",
        "rank",
        str(folder),
        "--posting",
        str(ROOT / "requirements" / "AVON147.txt"),
    ]
    proc = subprocess.Popen(
        [*args, "-j", "2", "--no-cache", "--format", "json", "--timeout", "60", "--pdf-engine", "pypdf"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 30
    while len(_descendants(proc.pid)) < 3:  # the fork server and two workers
        assert proc.poll() is None and time.monotonic() < deadline, "workers never started"
        time.sleep(0.05)
    time.sleep(0.5)  # the workers are now inside the slow files
    return proc, private_tmp


def _assert_stopped(proc: subprocess.Popen[bytes], private_tmp: Path, started: float) -> tuple[int, str]:
    children = _descendants(proc.pid)
    try:
        _, err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    deadline = time.monotonic() + 2
    while _alive(children) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(children), "workers outlived the run"
    assert time.monotonic() - started < 4, "the run took too long to stop"
    assert not list(private_tmp.glob("pymp-*")), "a multiprocessing temp folder was left behind"
    stderr = err.decode("utf-8", "replace")
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    return proc.returncode, stderr


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")
def test_terminating_the_main_process_ends_workers_and_leaves_no_temp_folder(tmp_path: Path) -> None:
    proc, private_tmp = _start_run(tmp_path)
    started = time.monotonic()
    os.kill(proc.pid, signal.SIGTERM)  # what `kill` and `timeout` do: the main process only
    code, _ = _assert_stopped(proc, private_tmp, started)
    assert code == 128 + signal.SIGTERM


def _group(pgid: int) -> list[str]:
    """Every process of the process group, zombies included ("pid state"), from /proc."""
    members = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:
            members.append(f"{entry} {fields[0]}")
    return members


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")
@pytest.mark.parametrize(
    ("name", "whole_group"),
    [("SIGTERM", True), ("SIGHUP", True), ("SIGHUP", False), ("SIGTERM", False)],
)
def test_a_stopped_run_has_reaped_every_process_it_started_when_it_exits(
    tmp_path: Path, name: str, whole_group: bool
) -> None:
    # Not "soon after": when the main process has exited, the fork server, the resource tracker and every
    # worker are gone and reaped, even when the signal reached them too (kill -- -PGID, a closed terminal).
    number = getattr(signal, name, None)
    if number is None:
        pytest.skip(f"no {name} here")
    proc, private_tmp = _start_run(tmp_path)
    started = time.monotonic()
    if whole_group:
        os.killpg(proc.pid, number)
    else:
        os.kill(proc.pid, number)
    try:
        _, err = proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    left = _group(proc.pid)
    if left:
        os.killpg(proc.pid, signal.SIGKILL)
    assert not left, f"still there when the run had exited: {left}"
    assert proc.returncode == 128 + number
    assert time.monotonic() - started < 4, "the run took too long to stop"
    assert not list(private_tmp.glob("pymp-*")), "a multiprocessing temp folder was left behind"
    assert "Traceback" not in err.decode("utf-8", "replace")


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="no SIGHUP here")
def test_sighup_takes_the_same_clean_exit_and_own_handlers_are_kept() -> None:
    from jobmatch.workers import exit_cleanly_on_signals

    saved = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGHUP)}

    def own(_signum: int, _frame: object) -> None:
        pass

    try:
        signal.signal(signal.SIGTERM, own)
        signal.signal(signal.SIGHUP, signal.SIG_DFL)
        exit_cleanly_on_signals()
        assert signal.getsignal(signal.SIGTERM) is own  # a handler the program set is left alone
        with pytest.raises(SystemExit) as caught:
            os.kill(os.getpid(), signal.SIGHUP)
            time.sleep(1)  # the handler runs at the next bytecode boundary
        assert caught.value.code == 128 + signal.SIGHUP
        assert signal.getsignal(signal.SIGHUP) is signal.SIG_DFL  # a second one would end the process
    finally:
        for number, handler in saved.items():
            signal.signal(number, handler)


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process tree from /proc")
def test_ctrl_c_on_the_process_group_prints_no_worker_traceback(tmp_path: Path) -> None:
    proc, private_tmp = _start_run(tmp_path)
    started = time.monotonic()
    os.killpg(proc.pid, signal.SIGINT)  # what the terminal does on Ctrl-C
    code, _ = _assert_stopped(proc, private_tmp, started)
    assert code == 130


def test_the_worker_pool_knows_nothing_of_what_it_runs() -> None:
    # workers runs the function it is given (pipeline.process_task); Task and Outcome live in jobmatch.tasks,
    # so neither module imports the other (the import cycle of issue 13 is gone).
    import ast

    def imported(module: str) -> set[str]:
        tree = ast.parse((ROOT / "jobmatch" / f"{module}.py").read_text(encoding="utf-8"))
        names = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                names.add(node.module)
            elif isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
        return names

    assert not {"jobmatch.pipeline", "jobmatch.ranking"} & imported("workers")
    assert "jobmatch.workers" not in imported("pipeline")
    assert "jobmatch.tasks" in imported("workers") and "jobmatch.tasks" in imported("pipeline")
