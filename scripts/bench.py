"""Throughput and memory of jobmatch against the raw-pypdf floor (``make bench``).

Usage::

    python scripts/bench.py                     # a fixed sample of 300 LiveCareer PDFs
    python scripts/bench.py --all               # all 2,484 of them (takes a while)
    python scripts/bench.py --sample 50 --json bench.json
    python scripts/bench.py --match             # only: match (every posting) against one rank

pypdf's text extraction is the one cost jobmatch cannot avoid, so it is the yardstick. On the same files,
one run measures:

* the floor: ``pypdf.PdfReader(path).pages[i].extract_text()`` for every page of every file, in this
  process, one file after another; and the same split over N processes, which shows how far this
  machine's cores scale at all (for reading the N-worker figure; no target);
* ``jobmatch rank`` on an empty folder: the start-up every run pays, whatever the folder size;
* ``jobmatch rank`` cold (a fresh, empty cache folder) with 1 worker and with N workers (one per core);
* ``jobmatch rank`` warm: the N-worker command again, on the cache the cold run filled;
* the memory of each jobmatch run: the peak of the whole process tree (main process, fork server,
  workers) polled from /proc as the sum of each process's proportional set size (PSS: pages that
  processes share count once), and the largest single process's peak RSS (``VmHWM``, exact).

``jobmatch match`` on the same sample against every posting of ``requirements/`` (cold, N workers, a cache
folder of its own) is timed against the cold N-worker ``rank`` of the same files: each résumé is read
once whatever the number of postings, so it must cost under 1.5 x that one rank (issue #14). ``--match``
runs only these two.

Each figure is printed as files per second and as a multiple of the floor's files per second, beside its
target (issue #13): cold with 1 worker >= 5 x floor; cold with N workers >= 0.8 x N x 5 x floor;
warm >= 30 x cold with 1 worker, and the whole corpus re-ranked in under 10 s on a 2-core machine; peak
memory under 400 MB. jobmatch runs as the real CLI (``python -m jobmatch rank … --format json``) in a
subprocess with a private cache folder (``JOBMATCH_CACHE_DIR``), never touching the user's cache, from a
snapshot of ``jobmatch/`` taken at the start, so that edits made while the bench runs change nothing. The
sample is copied into a temporary folder (copied, not linked: jobmatch does not follow symbolic links).

Wall-clock figures are only as good as the machine is quiet: a warning is printed when the load average was
high before the bench began, and CPU seconds are given beside the wall time.

The shared folder is ``../shared`` beside the repository, or ``$JOBMATCH_SHARED``, or ``--shared PATH``.
Exit codes: 0 measured (whether or not targets pass), 1 a jobmatch run failed or lost files,
2 missing corpus or bad options.
"""

from __future__ import annotations

import argparse
import compileall
import json
import logging
import multiprocessing
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
SHARED_ENV = "JOBMATCH_SHARED"
CORPUS = Path("corpus") / "livecareer"
POSTING = REPO / "requirements" / "AVON147.txt"
POSTINGS = REPO / "requirements"  # every posting of it: what `jobmatch match` is measured against
MISSING_SHARED = "not found: make bench needs the LiveCareer corpus"

DEFAULT_SAMPLE = 300
SEED = 147  # the sample is a fixed choice: the same files on every machine, run after run
CORPUS_FILES = 2484  # the whole LiveCareer corpus, for the warm-run projection

COLD_1_TARGET = 5.0  # x floor: PDFium reads several times faster than pypdf (issue #13)
COLD_N_TARGET = 0.8  # x N x the cold 1-worker target: every core busy, little lost to coordination
WARM_TARGET = 30.0  # x cold with 1 worker: the cache makes a re-rank near-instant
WARM_CORPUS_S = 10.0  # the whole corpus re-ranked in under this on a 2-core machine
PEAK_MB_TARGET = 400.0  # the whole process tree, independent of folder size
MATCH_TARGET = 1.5  # x one cold rank of the same files: match reads each résumé once for every posting
BUSY_LOAD = 0.5  # load average above which wall-clock figures are flagged as noisy
# Reading a process's PSS costs ~0.4 ms: at 5 polls a second the watcher takes under 1 % of a core from
# the workers it measures. Memory here grows with each file, it does not spike; the single-process peak
# comes from the kernel's own high-water mark, so nothing between two polls is lost there.
POLL_S = 0.2
MB = 1_000_000


# --------------------------------------------------------------------------- the files


def find_shared(given: Path | None) -> tuple[Path, str]:
    """The shared folder and how to name it in messages."""
    if given is not None:
        return given, str(given)
    env = os.environ.get(SHARED_ENV)
    if env:
        return Path(env), env
    return DEFAULT_SHARED, "../shared"


def corpus_pdfs(root: Path) -> list[Path]:
    """Every PDF under ``root``, sorted by path relative to it (the order does not depend on the disk)."""
    found = [path for path in root.rglob("*") if path.suffix.lower() == ".pdf" and path.is_file()]
    return sorted(found, key=lambda path: path.relative_to(root).as_posix())


def pick_sample(files: Sequence[Path], size: int, seed: int = SEED) -> list[Path]:
    """A deterministic choice of ``size`` files, kept in sorted order."""
    if size >= len(files):
        return list(files)
    chosen = set(random.Random(seed).sample(range(len(files)), size))
    return [path for index, path in enumerate(files) if index in chosen]


def stage(files: Sequence[Path], root: Path, dest: Path) -> None:
    """Copy ``files`` (under ``root``) into ``dest``, keeping their sub-folders."""
    for path in files:
        target = dest / path.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def snapshot(dest: Path) -> tuple[Path, Path]:
    """A compiled copy of the package and the postings as they are now; returns (code folder, posting);
    every posting of ``requirements/`` is in ``code/postings``.

    Every run then measures the same code, however the working tree changes while the bench runs, and the
    cache keys (which hash the code) stay the same from the cold run to the warm one.
    """
    code = dest / "code"
    shutil.copytree(REPO / "jobmatch", code / "jobmatch", ignore=shutil.ignore_patterns("__pycache__"))
    posting = code / POSTING.name
    shutil.copyfile(POSTING, posting)
    shutil.copytree(POSTINGS, code / "postings")
    compileall.compile_dir(code / "jobmatch", quiet=1)  # as installed: bytecode is there before the first run
    return code, posting


# --------------------------------------------------------------------------- the floor


@dataclass
class Floor:
    seconds: float
    cpu_s: float
    pages: int
    failed: int  # files pypdf could not open or extract: timed all the same


def _extract(path: Path) -> int:
    """Pages read with raw pypdf, or -1 when pypdf gave up on the file."""
    import pypdf

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # repair notes on web-page PDFs are not news
    pages = 0
    try:
        for page in pypdf.PdfReader(path).pages:
            page.extract_text()
            pages += 1
    except Exception:  # a broken file costs what it costs; the count is reported
        return -1
    return pages


def measure_floor(files: Sequence[Path]) -> Floor:
    """Raw pypdf text extraction of every page of every file, one after another, in this process."""
    _extract(files[0])  # imports pypdf outside the clock, as a long-running reader would have
    started, cpu_started = time.perf_counter(), time.process_time()
    counts = [_extract(path) for path in files]
    return _floor(counts, time.perf_counter() - started, time.process_time() - cpu_started)


def _extract_pdfium(path: Path) -> int:
    """Pages read with raw PDFium (its own plain text, words glued or not), or -1 when it gave up."""
    import pypdfium2

    pages = 0
    try:
        document = pypdfium2.PdfDocument(path.read_bytes())
        try:
            for page in document:
                page.get_textpage().get_text_range()
                pages += 1
        finally:
            document.close()
    except Exception:  # a broken file costs what it costs; the count is reported
        return -1
    return pages


def measure_pdfium(files: Sequence[Path]) -> Floor:
    """Raw PDFium text of every page of every file, one after another, in this process."""
    _extract_pdfium(files[0])
    started, cpu_started = time.perf_counter(), time.process_time()
    counts = [_extract_pdfium(path) for path in files]
    return _floor(counts, time.perf_counter() - started, time.process_time() - cpu_started)


# --------------------------------------------------------------------------- text quality

WORD = re.compile(r"[^\W_]+")
GLUED_LETTERS = 25  # a word of more letters than this that pypdf does not also produce is glued words
LOWEST_SHOWN = 20
JACCARD_MEDIAN_TARGET = 0.97
JACCARD_P5_TARGET = 0.93


@dataclass
class Quality:
    """PDF text from jobmatch's reader with PDFium against the same reader with pypdf, file by file."""

    files: int = 0
    median: float = 0.0
    p5: float = 0.0
    lowest: list[tuple[float, str]] = field(default_factory=list)  # (Jaccard, corpus path)
    glued: list[str] = field(default_factory=list)  # long words only PDFium's text has


def _words(path: Path, engine: str) -> set[str]:
    from jobmatch.documents import Limits, read_document

    try:
        document = read_document(path, path.name, Limits(pdf_engine=engine))
    except Exception:  # skipped by both readers alike, or by one: counted as an empty text
        return set()
    return set(WORD.findall(document.text.casefold()))


def measure_quality(files: Sequence[Path], root: Path) -> Quality:
    """Word-set Jaccard between the two engines' text (what the signals see), its median and 5th
    percentile, the lowest files, and the long words that only PDFium's text has (glued words)."""
    scores: list[tuple[float, str]] = []
    glued: list[str] = []
    for path in files:
        new, old = _words(path, "pdfium"), _words(path, "pypdf")
        union = new | old
        scores.append((len(new & old) / len(union) if union else 1.0, path.relative_to(root).as_posix()))
        glued += sorted(w for w in new - old if len(w) > GLUED_LETTERS and w.isalpha())
    scores.sort()
    values = [score for score, _ in scores]
    return Quality(
        files=len(scores),
        median=statistics.median(values) if values else 0.0,
        p5=values[int(0.05 * len(values))] if values else 0.0,
        lowest=scores[:LOWEST_SHOWN],
        glued=glued,
    )


def format_quality(quality: Quality) -> list[str]:
    lines = [
        "",
        f"text quality, PDFium against pypdf (word-set Jaccard of jobmatch's text, {quality.files} files):",
        f"  median {quality.median:.4f} (target >= {JACCARD_MEDIAN_TARGET}): "
        f"{_verdict(quality.median >= JACCARD_MEDIAN_TARGET)}",
        f"  5th percentile {quality.p5:.4f} (target >= {JACCARD_P5_TARGET}): "
        f"{_verdict(quality.p5 >= JACCARD_P5_TARGET)}",
        f"  words over {GLUED_LETTERS} letters that pypdf does not produce: {len(quality.glued)} (target 0): "
        f"{_verdict(not quality.glued)}",
    ]
    lines += [f"    {word[:60]}" for word in quality.glued[:10]]
    lines.append(f"  the {len(quality.lowest)} lowest:")
    lines += [f"    {score:.3f}  {path}" for score, path in quality.lowest]
    return lines


def measure_floor_parallel(files: Sequence[Path], processes: int) -> Floor | None:
    """The floor's work shared by ``processes`` forked processes, one file at a time (None without fork)."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    # fork: the children inherit the imported pypdf; this process has no other thread running now.
    context = multiprocessing.get_context("fork")
    started = time.perf_counter()
    with context.Pool(processes) as pool:
        counts = list(pool.imap_unordered(_extract, files, chunksize=1))
        seconds = time.perf_counter() - started
    return _floor(counts, seconds, 0.0)


def _floor(counts: list[int], seconds: float, cpu_s: float) -> Floor:
    return Floor(seconds, cpu_s, sum(c for c in counts if c > 0), sum(1 for c in counts if c < 0))


# --------------------------------------------------------------------------- memory of a process tree


def _proc_available() -> bool:
    return Path("/proc/self/status").exists()


def _read(pid: int, name: str) -> bytes:
    try:
        with open(f"/proc/{pid}/{name}", "rb") as handle:
            return handle.read()
    except OSError:
        return b""


def _parent_of(pid: int) -> int | None:
    try:
        return int(_read(pid, "stat").rsplit(b")", 1)[1].split()[1])
    except (ValueError, IndexError):
        return None


def _field_kb(text: bytes, name: bytes) -> int:
    for line in text.splitlines():
        if line.startswith(name):
            try:
                return int(line.split()[1])
            except (ValueError, IndexError):
                return 0
    return 0


def _cpu_s(pid: int) -> float:
    try:
        fields = _read(pid, "stat").rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime
    except (ValueError, IndexError):
        return 0.0


class TreeWatch:
    """Polls the memory and CPU time of a process and all its descendants until stopped."""

    def __init__(self, root: int) -> None:
        self.root = root
        self.peak_kb = 0  # largest sum of PSS over the tree at one poll
        self.processes = 1  # most processes alive in the tree at one poll
        self._parents: dict[int, int | None] = {}
        self._cpu: dict[int, float] = {}
        self._hwm: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def start(self) -> None:
        if _proc_available():
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    @property
    def cpu_s(self) -> float:
        """CPU seconds of every process seen, as last polled (short by at most one interval each)."""
        return sum(self._cpu.values())

    @property
    def main_cpu_s(self) -> float:
        """CPU seconds of the root process alone (the rest went to the fork server and the workers)."""
        return self._cpu.get(self.root, 0.0)

    @property
    def max_process_kb(self) -> int:
        return max(self._hwm.values(), default=0)

    def poll(self) -> None:
        members = self._members()
        self.processes = max(self.processes, len(members))
        total = 0
        for pid in members:
            status = _read(pid, "status")
            hwm = _field_kb(status, b"VmHWM:")
            if hwm:
                self._hwm[pid] = hwm
            pss = _field_kb(_read(pid, "smaps_rollup"), b"Pss:") or _field_kb(status, b"VmRSS:")
            total += pss
            cpu = _cpu_s(pid)
            if cpu:
                self._cpu[pid] = cpu
        self.peak_kb = max(self.peak_kb, total)

    def _members(self) -> list[int]:
        # Only new pids are looked up: a poll costs one directory listing plus the tree's own files.
        for name in os.listdir("/proc"):
            if name.isdigit() and int(name) not in self._parents:
                self._parents[int(name)] = _parent_of(int(name))
        tree, frontier = {self.root}, [self.root]
        while frontier:
            parent = frontier.pop()
            for pid, ppid in self._parents.items():
                if ppid == parent and pid not in tree:
                    tree.add(pid)
                    frontier.append(pid)
        return sorted(tree)

    def _loop(self) -> None:
        while True:
            self.poll()
            if self._stop.wait(POLL_S):
                return


# --------------------------------------------------------------------------- one jobmatch run


@dataclass
class Run:
    name: str
    workers: int  # as passed to --workers (0 = jobmatch's default, one per core)
    seconds: float = 0.0
    cpu_s: float = 0.0
    main_cpu_s: float = 0.0
    peak_mb: float = 0.0  # the whole tree (sum of PSS), polled
    max_process_mb: float = 0.0  # the largest single process's peak RSS
    processes: int = 0
    exit_code: int = 0
    candidates: int = 0
    skipped: int = 0
    problem: str = ""


def run_jobmatch(
    name: str,
    code: Path,
    posting: Path,
    folder: Path,
    cache_dir: Path,
    workers: int,
    output: Path,
    expected: int,
    postings: Path | None = None,
) -> Run:
    """``jobmatch rank folder --format json`` in a subprocess with its own cache folder, measured; with
    ``postings``, ``jobmatch match folder postings --format json`` instead."""
    if postings is None:
        command = [sys.executable, "-m", "jobmatch", "rank", str(folder), "--posting", str(posting)]
    else:
        command = [sys.executable, "-m", "jobmatch", "match", str(folder), str(postings)]
    command += ["--format", "json", "--workers", str(workers)]
    env = dict(os.environ, JOBMATCH_CACHE_DIR=str(cache_dir), NO_COLOR="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    run = Run(name, workers)
    errors = output.with_suffix(".err")
    # A child's rusage peak starts from this process's own peak (Linux keeps the high-water mark of the
    # memory image that exec replaces), so below that figure it says nothing about jobmatch.
    inherited_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open(output, "wb") as stdout, open(errors, "wb") as stderr:
        started = time.perf_counter()
        # cwd is the snapshot: ``-m jobmatch`` imports it before any installed copy.
        proc = subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr, env=env, cwd=code
        )
        watch = TreeWatch(proc.pid)
        watch.start()
        try:
            # wait4: its rusage still holds the main process's peak RSS once /proc has forgotten it.
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            run.seconds = time.perf_counter() - started
            watch.stop()
    proc.returncode = run.exit_code = os.waitstatus_to_exitcode(status)
    run.cpu_s, run.main_cpu_s = watch.cpu_s, watch.main_cpu_s
    run.peak_mb = watch.peak_kb * 1024 / MB
    waited_kb = usage.ru_maxrss if usage.ru_maxrss > inherited_kb else 0  # kilobytes on Linux
    run.max_process_mb = max(watch.max_process_kb, waited_kb) * 1024 / MB
    run.processes = watch.processes
    if expected == 0:  # the start-up run: an empty folder is exit code 3, "no readable résumé"
        return run
    if run.exit_code not in (0, 1):  # 1: finished, some files skipped
        err = errors.read_text(encoding="utf-8", errors="replace").strip()
        run.problem = f"exit code {run.exit_code}: {err.splitlines()[-1] if err else 'no message'}"
        return run
    try:
        ranking = json.loads(output.read_text(encoding="utf-8"))
        # A file shown once with another of the same person (rank's "duplicates") was read all the same.
        shown = ranking["candidates"]
        run.candidates = len(shown) + sum(len(c.get("duplicates", ())) for c in shown)
        run.skipped = len(ranking["skipped"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        run.problem = f"unreadable JSON output ({exc})"
        return run
    if run.candidates + run.skipped != expected:
        run.problem = f"{run.candidates} ranked + {run.skipped} skipped, but {expected} files given"
    return run


# --------------------------------------------------------------------------- figures


@dataclass
class MatchCost:
    """``match`` against every posting beside one ``rank`` of the same files, both cold, N workers."""

    files: int
    postings: int
    rank: Run
    match: Run

    @property
    def ratio(self) -> float:
        return self.match.seconds / self.rank.seconds if self.rank.seconds else 0.0

    @property
    def passed(self) -> bool:
        return self.ratio < MATCH_TARGET


def format_match(cost: MatchCost) -> list[str]:
    return [
        "",
        f"match, {cost.files:,} résumés x {cost.postings} postings, against one rank of the same files"
        f" (cold, {cost.rank.workers} workers):",
        *(
            f"  {run_name:<5} {run.seconds:8.2f} s  (cpu {run.cpu_s:.1f} s, peak {run.peak_mb:.0f} MB)"
            for run_name, run in (("rank", cost.rank), ("match", cost.match))
        ),
        f"  match / rank = {cost.ratio:.2f} (target < {MATCH_TARGET:g}): {_verdict(cost.passed)}",
    ]


def count_postings(folder: Path) -> int:
    suffixes = (".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm", ".toml")  # as jobmatch.matrix
    return sum(1 for p in folder.iterdir() if p.suffix.lower() in suffixes and not p.name.startswith("."))


@dataclass
class Row:
    name: str
    seconds: float
    cpu_s: float | None
    files_per_s: float
    vs_floor: float
    target: float | None  # x floor; None where there is none
    peak_mb: float | None
    max_process_mb: float | None

    @property
    def passed(self) -> bool | None:
        return None if self.target is None else self.vs_floor >= self.target


@dataclass
class Report:
    files: int
    source: str
    cores: int
    workers: int
    load_before: float
    load_after: float
    floor_pages: int
    floor_failed: int
    pdfium_failed: int = 0
    startup_s: float = 0.0
    rows: list[Row] = field(default_factory=list)
    runs: list[Run] = field(default_factory=list)
    warm_corpus_s: float = 0.0
    warm_corpus_projected: bool = True
    peak_mb: float = 0.0
    same_output: bool = True
    checks: dict[str, bool] = field(default_factory=dict)
    quality: Quality | None = None
    match: MatchCost | None = None


def build_report(
    report: Report,
    floor: Floor,
    floor_n: Floor | None,
    startup: Run,
    cold_1: Run,
    cold_n: Run,
    warm: Run,
    raw_pdfium: Floor | None = None,
    quality: Quality | None = None,
) -> Report:
    files = report.files
    floor_rate = files / floor.seconds if floor.seconds else 0.0

    def row(name: str, seconds: float, cpu_s: float | None, target: float | None, run: Run | None) -> Row:
        rate = files / seconds if seconds else 0.0
        ratio = rate / floor_rate if floor_rate else 0.0
        peak, largest = (run.peak_mb, run.max_process_mb) if run else (None, None)
        return Row(name, seconds, cpu_s, rate, ratio, target, peak, largest)

    report.rows.append(row("raw pypdf, 1 process (floor)", floor.seconds, floor.cpu_s, None, None))
    if floor_n is not None:
        report.rows.append(row(f"raw pypdf, {report.workers} processes", floor_n.seconds, None, None, None))
    if raw_pdfium is not None:
        report.rows.append(
            row("raw PDFium text, 1 process", raw_pdfium.seconds, raw_pdfium.cpu_s, None, None)
        )
        report.pdfium_failed = raw_pdfium.failed
    cold_1_row = row(cold_1.name, cold_1.seconds, cold_1.cpu_s, COLD_1_TARGET, cold_1)
    report.rows.append(cold_1_row)
    cold_n_target = COLD_N_TARGET * report.workers * COLD_1_TARGET
    report.rows.append(row(cold_n.name, cold_n.seconds, cold_n.cpu_s, cold_n_target, cold_n))
    report.rows.append(row(warm.name, warm.seconds, warm.cpu_s, WARM_TARGET * cold_1_row.vs_floor, warm))
    report.runs = [startup, cold_1, cold_n, warm]
    report.startup_s = startup.seconds
    # Start-up once, then the warm run's per-file cost for every file of the corpus.
    report.warm_corpus_projected = files != CORPUS_FILES
    per_file = max(0.0, warm.seconds - startup.seconds) / files if files else 0.0
    report.warm_corpus_s = (
        startup.seconds + per_file * CORPUS_FILES if report.warm_corpus_projected else warm.seconds
    )
    report.peak_mb = max(run.peak_mb for run in report.runs)
    for item in report.rows:
        if item.passed is not None:
            report.checks[item.name] = item.passed
    report.checks["warm, whole corpus"] = report.warm_corpus_s < WARM_CORPUS_S
    report.checks["peak memory"] = report.peak_mb < PEAK_MB_TARGET
    if quality is not None:
        report.quality = quality
        report.checks["text quality, median"] = quality.median >= JACCARD_MEDIAN_TARGET
        report.checks["text quality, 5th percentile"] = quality.p5 >= JACCARD_P5_TARGET
        report.checks["no glued words"] = not quality.glued
    return report


def _cell(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def format_report(report: Report) -> list[str]:
    load = f"load average {report.load_before:.2f} before, {report.load_after:.2f} after"
    lines = [
        f"{report.files:,} PDFs from {report.source}",
        f"{report.cores} core(s), N = {report.workers}; {load}",
        "",
        f"{'run':<30} {'seconds':>8} {'cpu s':>7} {'files/s':>8} {'x floor':>7} {'target':>8} {'check':>5}"
        f" {'peak MB':>7} {'max proc MB':>11}",
    ]
    for row in report.rows:
        check = "" if row.passed is None else ("PASS" if row.passed else "FAIL")
        target = "" if row.target is None else f">= {row.target:.2f}"
        lines.append(
            f"{row.name:<30} {row.seconds:>8.2f} {_cell(row.cpu_s, '.1f'):>7} {row.files_per_s:>8.2f}"
            f" {row.vs_floor:>7.2f} {target:>8} {check:>5} {_cell(row.peak_mb, '.0f'):>7}"
            f" {_cell(row.max_process_mb, '.0f'):>11}"
        )
    lines.append("")
    lines.append(f"start-up (jobmatch on an empty folder): {report.startup_s:.2f} s")
    how = (
        "projected: start-up + this sample's warm cost per file"
        if report.warm_corpus_projected
        else "measured"
    )
    lines.append(
        f"warm, whole corpus ({CORPUS_FILES:,} files): {report.warm_corpus_s:.1f} s, {how}"
        f" (target < {WARM_CORPUS_S:g} s on 2 cores): {_verdict(report.checks['warm, whole corpus'])}"
    )
    lines.append(
        f"peak memory: {report.peak_mb:.0f} MB, whole process tree, largest run"
        f" (target < {PEAK_MB_TARGET:g} MB): {_verdict(report.checks['peak memory'])}"
    )
    if report.floor_failed:
        lines.append(f"note: pypdf could not read {report.floor_failed} file(s); they are timed all the same")
    if report.quality is not None:
        lines += format_quality(report.quality)
    if report.match is not None:
        lines += format_match(report.match)
    if not report.same_output:
        lines.append("note: the three jobmatch runs did not print the same ranking")
    # Only the load before the first measurement says anything about other processes: the load average
    # after the runs is the bench's own work (a 1-minute average of the jobmatch runs just finished).
    if report.load_before > BUSY_LOAD:
        lines.append(
            f"warning: the machine was busy before the bench began (load {report.load_before:.2f});"
            " wall-clock figures may be noisy"
        )
    passed = sum(report.checks.values())
    lines.append(f"targets: {passed}/{len(report.checks)} pass")
    return lines


def _one_match(
    code: Path, folder: Path, work: Path, workers: int, expected: int, out: Callable[[str], None]
) -> Run | None:
    """``jobmatch match`` of the sample against every posting, cold (its own empty cache folder)."""
    name = f"jobmatch match, {workers} workers"
    out(f"bench: {name} …")
    output = work / "match.json"
    run = run_jobmatch(
        name, code, code / POSTING.name, folder, work / "match", workers, output, expected, code / "postings"
    )
    if run.problem:
        print(f"bench.py: error: {name}: {run.problem}", file=sys.stderr)
        return None
    return run


def measure_match(
    code: Path,
    posting: Path,
    folder: Path,
    work: Path,
    workers: int,
    expected: int,
    out: Callable[[str], None],
) -> MatchCost | None:
    """One cold rank, then one cold match, of the same files with the same workers."""
    name = f"jobmatch cold, {workers} workers"
    out(f"bench: {name} …")
    rank_run = run_jobmatch(name, code, posting, folder, work / "rank", workers, work / "rank.json", expected)
    if rank_run.problem:
        print(f"bench.py: error: {name}: {rank_run.problem}", file=sys.stderr)
        return None
    match_run = _one_match(code, folder, work, workers, expected, out)
    if match_run is None:
        return None
    return MatchCost(expected, count_postings(code / "postings"), rank_run, match_run)


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def report_json(report: Report) -> dict[str, Any]:
    data = asdict(report)
    data["targets"] = {
        "cold_1_x_floor": COLD_1_TARGET,
        "cold_n_x_n_x_cold_1_target": COLD_N_TARGET,
        "warm_x_cold_1": WARM_TARGET,
        "warm_corpus_s": WARM_CORPUS_S,
        "peak_mb": PEAK_MB_TARGET,
    }
    return data


# --------------------------------------------------------------------------- command line


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench.py", description="Throughput of jobmatch against raw pypdf (see the module docstring)."
    )
    size = parser.add_mutually_exclusive_group()
    size.add_argument(
        "--sample",
        type=int,
        default=DEFAULT_SAMPLE,
        help=f"PDFs in the fixed sample (default {DEFAULT_SAMPLE})",
    )
    size.add_argument("--all", action="store_true", help="every PDF of the corpus instead of a sample")
    parser.add_argument(
        "--match",
        action="store_true",
        help="only match (every posting of requirements/) against one rank of the same files",
    )
    parser.add_argument("--workers", type=int, help="N for the many-worker run (default: one per core)")
    parser.add_argument("--json", type=Path, help="write the figures as JSON here")
    parser.add_argument("--shared", type=Path, help=f"the shared folder (default ${SHARED_ENV} or ../shared)")
    args = parser.parse_args(argv)
    if args.sample < 1:
        parser.error("--sample must be at least 1")
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be at least 1")
    return args


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))  # what jobmatch's default uses too
    except AttributeError:  # pragma: no cover - macOS
        return max(1, os.cpu_count() or 1)


def main(argv: Sequence[str] | None = None, out: Callable[[str], None] = print) -> int:
    args = parse_args(argv)
    shared, shown = find_shared(args.shared)
    root = shared / CORPUS
    if not root.is_dir():
        print(f"{shown} {MISSING_SHARED}", file=sys.stderr)
        return 2
    everything = corpus_pdfs(root)
    if not everything:
        print(f"bench.py: error: no PDF under {root}", file=sys.stderr)
        return 2
    cores = available_cores()
    workers = args.workers or cores

    with tempfile.TemporaryDirectory(prefix="jobmatch-bench-") as tmp:
        work = Path(tmp)
        code, posting = snapshot(work)
        if args.all:
            files, folder = everything, root
            source = f"{shown}/{CORPUS.as_posix()} (all)"
        else:
            files, folder = pick_sample(everything, args.sample), work / "resumes"
            stage(files, root, folder)
            source = f"{shown}/{CORPUS.as_posix()} (fixed sample, seed {SEED}, of {len(everything):,})"
        (work / "empty").mkdir()
        for path in files:  # the page cache warm for every run alike: reading the disk is not the test
            path.read_bytes()

        load_before = os.getloadavg()[0]
        if args.match:
            cost = measure_match(code, posting, folder, work, workers, len(files), out)
            if cost is None:
                return 1
            if load_before > BUSY_LOAD:
                out(f"warning: the machine was busy before the bench began (load {load_before:.2f})")
            out("")
            for line in [f"{len(files):,} PDFs from {source}", *format_match(cost)[1:]]:
                out(line)
            if args.json:
                args.json.write_text(json.dumps(asdict(cost), indent=1) + "\n", encoding="utf-8")
            return 0
        out(f"bench: {len(files):,} files; raw pypdf floor …")
        floor = measure_floor(files)
        out(f"bench: raw pypdf, {workers} processes …")
        floor_n = measure_floor_parallel(files, workers)
        out("bench: raw PDFium text …")
        raw_pdfium = measure_pdfium(files)
        plan = [
            ("jobmatch start-up", work / "empty", "startup", 1, 0),
            ("jobmatch cold, 1 worker", folder, "cold-1", 1, len(files)),
            (f"jobmatch cold, {workers} workers", folder, "cold-n", workers, len(files)),
            ("jobmatch warm (cache)", folder, "cold-n", workers, len(files)),
        ]
        runs: list[Run] = []
        for index, (name, target, cache, count, expected) in enumerate(plan):
            out(f"bench: {name} …")
            output = work / f"run{index}.json"
            runs.append(run_jobmatch(name, code, posting, target, work / cache, count, output, expected))
            if runs[-1].problem:
                print(f"bench.py: error: {name}: {runs[-1].problem}", file=sys.stderr)
                return 1
        outputs = [(work / f"run{index}.json").read_bytes() for index in range(1, len(plan))]

        report = Report(
            files=len(files),
            source=source,
            cores=cores,
            workers=workers,
            load_before=load_before,
            load_after=os.getloadavg()[0],
            floor_pages=floor.pages,
            floor_failed=floor.failed,
            same_output=all(output == outputs[0] for output in outputs),
        )
        out("bench: text quality, PDFium against pypdf …")
        quality = measure_quality(files, root)
        match_run = _one_match(code, folder, work, workers, len(files), out)
        if match_run is None:
            return 1
        report.match = MatchCost(len(files), count_postings(code / "postings"), runs[2], match_run)
    build_report(report, floor, floor_n, *runs, raw_pdfium=raw_pdfium, quality=quality)
    if report.match is not None:
        report.checks["match, every posting"] = report.match.passed
    out("")
    for line in format_report(report):
        out(line)
    if args.json:
        args.json.write_text(json.dumps(report_json(report), indent=1) + "\n", encoding="utf-8")
        out(f"figures: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
