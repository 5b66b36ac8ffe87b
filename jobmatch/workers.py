"""Worker processes that read and score résumés under a hard per-file budget.

Each worker is a separate process: a parser that loops in pure Python, allocates without bound or
crashes the interpreter costs one file, never the run. The parent gives each worker one file at a time,
waits with a deadline, and kills and replaces a worker that overruns it. Memory is capped inside the
worker with RLIMIT_DATA/RLIMIT_AS, so a decompression bomb fails with MemoryError instead of swapping.

Stopping a run stops its workers. SIGTERM and SIGHUP (``kill``, ``timeout``, a closed terminal) become
``SystemExit(128 + signal)`` in the main process, so the same clean-up as for Ctrl-C runs: busy workers
are killed, idle ones told to stop, and multiprocessing removes its ``/tmp/pymp-*`` folder. Workers ignore
SIGINT (Ctrl-C reaches the whole process group; the main process alone decides what it means), and a
worker whose parent is gone (the main process was killed outright) exits within half a second.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from jobmatch.documents.limits import Limits
from jobmatch.models import Posting
from jobmatch.tasks import Outcome, ProcessTask, Task


def _limit_memory(max_bytes: int) -> None:
    try:
        import resource

        for which in (resource.RLIMIT_DATA, resource.RLIMIT_AS):
            _, hard = resource.getrlimit(which)
            cap = max_bytes if which == resource.RLIMIT_DATA else max_bytes * 3
            if hard != resource.RLIM_INFINITY:
                cap = min(cap, hard)
            resource.setrlimit(which, (cap, hard))
    except (ImportError, ValueError, OSError):  # pragma: no cover - not Linux/macOS
        pass


# pypdf allocates container objects by the hundred thousand per résumé. At Python's default gen-0 threshold
# (700) the cycle collector runs thousands of times per file, and each run rescans the survivors: about 6% of
# a worker's time. Freezing what is already loaded (modules, vocabularies) takes it out of every scan, and a
# larger gen-0 threshold runs the collector an order of magnitude less often, for a few MB more at most.
_GEN0_THRESHOLD = 10_000


def _tune_gc() -> None:
    gc.collect()
    gc.freeze()
    _, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(_GEN0_THRESHOLD, gen1, gen2)


_ORPHAN_POLL_S = 0.5


def _exit_when_orphaned() -> None:
    """A daemon thread that ends this worker once its parent is gone (it is then re-parented)."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_ORPHAN_POLL_S)
        os._exit(1)

    threading.Thread(target=watch, name="jobmatch-orphan-watch", daemon=True).start()


def _worker_main(
    conn: multiprocessing.connection.Connection,
    process: ProcessTask,
    postings: tuple[Posting, ...],
    limits: Limits,
    max_memory: int,
    keep_lines: bool,
    as_of: str = "",
) -> None:
    try:
        _serve(conn, process, postings, limits, max_memory, keep_lines, as_of)
    except KeyboardInterrupt:  # SIGINT before it was ignored: end quietly, the main process reports
        return


def _serve(
    conn: multiprocessing.connection.Connection,
    process: ProcessTask,
    postings: tuple[Posting, ...],
    limits: Limits,
    max_memory: int,
    keep_lines: bool,
    as_of: str,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_when_orphaned()
    _limit_memory(max_memory)
    _tune_gc()

    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        try:
            outcome = _process(process, task, postings, limits, keep_lines, as_of)
        except MemoryError:
            outcome = Outcome(
                task.index, "skipped", reason="needs too much memory to read (over the per-file limit)"
            )
        except Exception as exc:  # a bug, not bad input: report it on the file, keep the run going
            outcome = Outcome(
                task.index, "failed", reason=f"internal error while reading: {type(exc).__name__}"
            )
        try:
            conn.send(outcome)
        except (OSError, ValueError):
            return


def _process(
    process: ProcessTask,
    task: Task,
    postings: tuple[Posting, ...],
    limits: Limits,
    keep_lines: bool,
    as_of: str,
) -> Outcome:
    """One task; a cached document that cannot be used (a damaged or foreign cache row) is a cache miss:
    the file is read again, and its fresh extraction replaces the bad row."""
    try:
        return process(task, postings, limits, keep_lines, as_of)
    except MemoryError:
        raise
    except Exception:
        if task.cached is None:
            raise
        return process(dataclasses.replace(task, cached=None), postings, limits, keep_lines, as_of)


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: workers start from a clean, single-threaded server (rich's progress thread must not be
    # forked), and the server preloads jobmatch so each new worker starts fast.
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        # jobmatch.forkserver_signals first: the server and every worker it forks ignore SIGTERM/SIGHUP.
        ctx.set_forkserver_preload(["jobmatch.forkserver_signals", "jobmatch.pipeline"])
        return ctx
    return multiprocessing.get_context("spawn")


_EXIT_SIGNALS = ("SIGTERM", "SIGHUP")


def _exit_on_signal(signum: int, _frame: object) -> None:
    signal.signal(signum, signal.SIG_DFL)  # a second one while cleaning up ends the process at once
    raise SystemExit(128 + signum)


def exit_cleanly_on_signals() -> None:
    """Turn SIGTERM and SIGHUP into ``SystemExit(128 + n)`` in this process, so that ``finally`` blocks
    and exit handlers run (workers ended, temporary folders removed) instead of the process vanishing.

    Only signals still at their default action are taken, and only from the main thread: a program that
    embeds jobmatch and handles these signals itself keeps its own handlers.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    for name in _EXIT_SIGNALS:
        number = getattr(signal, name, None)
        if number is not None and signal.getsignal(number) is signal.SIG_DFL:
            signal.signal(number, _exit_on_signal)


_helpers_stopped_at_exit = False


def _stop_helpers() -> None:
    """Stop multiprocessing's fork server and resource tracker and wait for them to end.

    Left alone, they notice that this process is gone only after it has exited, and end as orphans: for a
    moment after the run they are still there (and in a container whose init does not reap them, they stay
    as zombies). Stopped here, at exit, nothing the run started outlives it. These are private hooks of
    multiprocessing (the ones its own tests use); where they are missing, the helpers end as before.
    """
    from multiprocessing import forkserver, resource_tracker

    for helper in (
        getattr(forkserver, "_forkserver", None),
        getattr(resource_tracker, "_resource_tracker", None),
    ):
        stop = getattr(helper, "_stop", None)
        if stop is not None:
            with contextlib.suppress(Exception):
                stop()


def _stop_helpers_at_exit() -> None:
    global _helpers_stopped_at_exit
    if not _helpers_stopped_at_exit:
        _helpers_stopped_at_exit = True
        atexit.register(_stop_helpers)  # runs before multiprocessing's own exit handler removes pymp-*


def start_early() -> None:
    """Start the fork server now, so its preload (pypdf, docx, rapidfuzz, ~0.5 s) overlaps the caller's
    own work (walking the folder, hashing files) instead of delaying the first worker."""
    exit_cleanly_on_signals()
    _stop_helpers_at_exit()
    _ensure_forkserver(_context())


def _ensure_forkserver(ctx: Any) -> None:
    if ctx.get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


class _Worker:
    def __init__(self, ctx: Any, args: tuple[Any, ...]) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, *args), daemon=True)
        self.proc.start()
        child.close()
        self.task: Task | None = None
        self.deadline = 0.0

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(timeout=5)
        finally:
            self.conn.close()

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.conn.send(None)
        self.proc.join(timeout=2)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join(timeout=2)
        self.conn.close()


def run_tasks(
    tasks: Iterable[Task],
    *,
    process: ProcessTask,
    postings: tuple[Posting, ...],
    limits: Limits,
    workers: int,
    timeout_s: float,
    max_memory: int,
    keep_lines: bool = False,
    on_done: Callable[[Outcome], None] | None = None,
    as_of: str = "",
) -> Iterator[Outcome]:
    """Run ``process`` on each task in worker processes; yield one Outcome per task, in completion order.
    Each file is read once and scored against every posting of ``postings``."""
    queue: deque[Task] = deque(tasks)
    if not queue:
        return
    exit_cleanly_on_signals()
    _stop_helpers_at_exit()
    ctx = _context()
    _ensure_forkserver(ctx)
    args = (process, postings, limits, max_memory, keep_lines, as_of)
    pool = [_Worker(ctx, args) for _ in range(max(1, min(workers, len(queue))))]
    try:
        while queue or any(w.task is not None for w in pool):
            for worker in pool:
                if worker.task is None and queue:
                    worker.task = queue.popleft()
                    worker.deadline = time.monotonic() + timeout_s
                    with contextlib.suppress(OSError, ValueError):  # a dead worker is noticed below
                        worker.conn.send(worker.task)
            busy = [w for w in pool if w.task is not None]
            wait_s = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = multiprocessing.connection.wait([w.conn for w in busy], timeout=wait_s)
            now = time.monotonic()
            for pos, worker in enumerate(pool):
                if worker.task is None:
                    continue
                outcome: Outcome | None = None
                replace = False
                if worker.conn in ready:
                    try:
                        outcome = worker.conn.recv()
                    except (EOFError, OSError):
                        code = worker.proc.exitcode
                        outcome = Outcome(worker.task.index, "failed", reason=_crash_reason(worker, code))
                        replace = True
                elif now >= worker.deadline:
                    outcome = Outcome(
                        worker.task.index, "failed", reason=f"took longer than {timeout_s:g} s to read"
                    )
                    replace = True
                if outcome is None:
                    continue
                worker.task = None
                if replace:
                    worker.kill()
                    pool[pos] = _Worker(ctx, args)
                if on_done is not None:
                    on_done(outcome)
                yield outcome
    finally:
        for worker in pool:
            if worker.task is not None:
                worker.kill()
            else:
                worker.stop()


def _crash_reason(worker: _Worker, code: int | None) -> str:
    worker.proc.join(timeout=2)
    code = worker.proc.exitcode if code is None else code
    if code is not None and code < 0:
        import signal

        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = str(-code)
        return f"reader crashed ({name})"
    return "reader crashed"


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS
        return max(1, os.cpu_count() or 1)
