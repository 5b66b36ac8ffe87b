"""The batch: walk the folder, reuse the cache, read and score in worker processes, order the results.

Every file found ends up either in ``candidates`` or in ``skipped`` with a one-line reason (hidden and
Office lock files are left out, and counted, see :func:`walk`). The order
is score descending, ties broken by file name, so the same inputs give the same output byte for byte.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from jobmatch.errors import DocumentError, NothingReadableError, UsageError
from jobmatch.models import CandidateResult, Posting, Ranking, Skipped

if TYPE_CHECKING:
    from jobmatch.documents import Limits
    from jobmatch.results import RankedResults

RESUME_EXTENSIONS = frozenset({".pdf", ".docx", ".txt", ".md", ".markdown", ".text"})
MIB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class RankOptions:
    """Everything a run can be told, as one object that travels down whole."""

    workers: int = 0  # 0 = one per available core
    timeout_s: float = 20.0  # wall-clock budget per file
    max_memory_mb: int = 450  # memory budget per worker process
    use_cache: bool = True
    cache_path: Path | None = None
    limits: object = field(default=None)  # jobmatch.documents.Limits; None = defaults
    as_of: str = ""  # where "Present" ends, "YYYY-MM" or "YYYY-MM-DD"; "" = this month, fixed once per run


def display_name(folder_arg: str, relative: str) -> str:
    """``file`` as the contract wants it: the folder as given joined with the path inside it."""
    return os.path.join(folder_arg, relative) if folder_arg else relative


def is_ignored_name(name: str) -> bool:
    """Hidden files and folders (``.DS_Store``, ``.git``, LibreOffice's ``.~lock.…#``) and Word lock files
    (``~$…``): never résumés, and so common that listing them as skipped would make every run "finish with
    skips"."""
    return name.startswith((".", "~$"))


def walk(folder: Path, ignored: list[str] | None = None) -> Iterator[tuple[Path, str, str | None]]:
    """Yield (path, path relative to folder, skip reason or None), sorted by relative path.

    Only regular files inside the folder are read: symbolic links are never followed (a link can point
    outside the folder or loop), FIFOs and devices are never opened. Hidden files and folders and Word lock
    files (:func:`is_ignored_name`) are not read and not listed as skipped; their relative paths are added
    to ``ignored`` when given, so the caller can count them. Everything else is either read or listed as
    skipped with its reason.
    """
    stack = [folder]
    found: list[tuple[str, Path, str | None]] = []
    while stack:
        current = stack.pop()
        try:
            entries = list(os.scandir(current))
        except OSError as exc:
            found.append(
                (os.path.relpath(current, folder), current, f"cannot list folder: {exc.strerror or exc}")
            )
            continue
        for entry in entries:
            rel = os.path.relpath(entry.path, folder)
            if is_ignored_name(entry.name):
                if ignored is not None:
                    ignored.append(rel)
                continue
            path = Path(entry.path)
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as exc:
                found.append((rel, path, f"cannot read: {exc.strerror or exc}"))
                continue
            if stat.S_ISLNK(info.st_mode):
                found.append((rel, path, "symbolic link (not followed)"))
            elif stat.S_ISDIR(info.st_mode):
                stack.append(path)
            elif not stat.S_ISREG(info.st_mode):
                found.append((rel, path, "not a regular file (pipe, socket or device)"))
            elif path.suffix.lower() not in RESUME_EXTENSIONS:
                found.append((rel, path, f"unsupported file type ({path.suffix or 'no extension'})"))
            else:
                found.append((rel, path, None))
    found.sort(key=lambda item: item[0].encode("utf-8", "surrogateescape"))
    for rel, path, reason in found:
        yield path, rel, reason


@cache
def _source_hash(*parts: str) -> str:
    """A hash of our own code and data: any change to how we read or score invalidates the cache."""
    digest = hashlib.blake2b(digest_size=12)
    root = resources.files("jobmatch")
    for part in parts:
        node = root.joinpath(part)
        files = sorted(node.iterdir(), key=lambda n: n.name) if node.is_dir() else [node]
        for item in files:
            if item.name.endswith((".py", ".txt", ".json")):
                digest.update(item.name.encode())
                digest.update(item.read_bytes())
    return digest.hexdigest()


def extractor_version(pdf_engine: str = "") -> str:
    from jobmatch.documents import EXTRACTOR_VERSION, engine_version

    # The readers clean their text with sanitize: a change there changes what they extract. The PDF engine
    # and its version are part of it too: PDFium and pypdf do not give the same text, nor do two releases.
    engine = engine_version(pdf_engine) if pdf_engine else ""
    return f"{EXTRACTOR_VERSION}-{_source_hash('documents', 'sanitize.py')}{engine}"


def scorer_version() -> str:
    return _source_hash("signals", "data", "matching", "knowledge", "scoring.py", "models.py")


def posting_hash(posting: Posting) -> str:
    from jobmatch.codec import encode

    text = repr(encode(dataclasses.replace(posting, path="")))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def _limits(options: RankOptions) -> Limits:
    from jobmatch.documents import Limits

    return options.limits if isinstance(options.limits, Limits) else Limits()


def rank(
    folder: Path,
    posting: Posting,
    options: RankOptions = RankOptions(),
    *,
    folder_arg: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    ignored: list[str] | None = None,
) -> Ranking:
    """Rank every résumé in ``folder`` against ``posting``.

    ``ignored``, when given, receives the names of the hidden and lock files that were left out.
    """
    if not folder.is_dir():
        raise UsageError(f"not a folder: {folder}")
    shown_root = str(folder) if folder_arg is None else folder_arg
    left_out: list[str] = []
    files = [(path, display_name(shown_root, rel), reason) for path, rel, reason in walk(folder, left_out)]
    if ignored is not None:
        ignored.extend(sorted(display_name(shown_root, rel) for rel in left_out))
    results, skipped = _run(files, posting, options, progress, keep_lines=False)
    return Ranking(posting, results, tuple(sorted(skipped, key=lambda s: s.file)))


def explain_file(path: Path, posting: Posting, options: RankOptions = RankOptions()) -> CandidateResult:
    """One file through the same guarded pipeline, keeping its text for the explanation."""
    if not path.is_file() or path.is_symlink():
        raise UsageError(f"not a regular file: {path}")
    results, skipped = _run(
        [(path, str(path), None)], posting, dataclasses.replace(options, workers=1), None, True
    )
    if skipped:
        raise NothingReadableError(f"cannot read {skipped[0].file}: {skipped[0].reason}")
    return dataclasses.replace(results[0], rank=0)  # one file on its own has no rank


def _run(
    files: list[tuple[Path, str, str | None]],
    posting: Posting,
    options: RankOptions,
    progress: Callable[[int, int], None] | None,
    keep_lines: bool,
) -> tuple[RankedResults, list[Skipped]]:
    """Every file read and scored (or skipped); the results in rank order, kept on disk (see results)."""
    from jobmatch.cache import Cache, content_hash, default_path
    from jobmatch.documents import read_bytes
    from jobmatch.results import Entry, RankedResults, ResultStore
    from jobmatch.signals.dates import as_of_label
    from jobmatch.workers import Outcome, Task, default_workers, run_tasks, start_early

    limits = _limits(options)
    try:
        as_of = as_of_label(options.as_of)  # once, here: every file of the run ends "Present" alike
    except ValueError as exc:
        raise UsageError(f"--as-of: {exc}") from None
    results = ResultStore((options.cache_path or default_path()).parent)
    entries: list[Entry] = []
    skipped: list[Skipped] = []
    tasks: list[Task] = []
    keys: dict[int, tuple[str, str]] = {}  # task index -> (document key, result key)
    store = Cache(options.cache_path) if options.use_cache else None
    total = len(files)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    try:
        ext_v = extractor_version(limits.pdf_engine) if store else ""
        # The as-of date changes months and years, so it is part of every result's key.
        res_v = f"{scorer_version()}-{posting_hash(posting)}-{as_of}" if store else ""
        for index, (path, shown, reason) in enumerate(files):
            if reason is not None:
                skipped.append(Skipped(shown, reason))
                tick()
                continue
            cached_doc: bytes | None = None
            if store is not None and not keep_lines:
                # The readers' own guarded read: never blocks on a FIFO swapped in since the walk, never
                # reads past the size budget. A file it refuses goes to a worker, which says why.
                try:
                    data: bytes | None = read_bytes(path, limits)
                except DocumentError:
                    data = None
                if data is not None:
                    digest = content_hash(data)
                    doc_key, res_key = f"{digest}:{ext_v}", f"{digest}:{ext_v}:{res_v}"
                    hit = store.get_result(res_key)
                    if hit is not None:
                        entries.append(Entry(hit[0], shown, results.add(hit[1])))
                        tick()
                        continue
                    cached_doc = store.get("documents", doc_key)
                    if cached_doc is not None and cached_doc.startswith(b"skip:"):
                        skipped.append(Skipped(shown, cached_doc[5:].decode("utf-8", "replace")))
                        tick()
                        continue
                    keys[index] = (doc_key, res_key)
            if not tasks:
                start_early()  # the first file to read: let workers get ready while we hash the rest
            tasks.append((index, str(path), shown, cached_doc))

        def handle(outcome: Outcome) -> None:
            shown = files[outcome.index][1]
            key = keys.get(outcome.index)
            if outcome.kind == "ok" and outcome.result_blob is not None:
                entries.append(Entry(outcome.score, shown, results.add(outcome.result_blob)))
                if store is not None and key is not None:
                    if outcome.document_blob is not None:
                        store.put("documents", key[0], outcome.document_blob)
                    store.put_result(key[1], outcome.score, outcome.result_blob)
            else:
                skipped.append(Skipped(shown, outcome.reason or "internal error: no result"))
                if outcome.kind == "skipped" and store is not None and key is not None:
                    store.put("documents", key[0], b"skip:" + outcome.reason.encode("utf-8"))
            tick()

        workers = options.workers or default_workers()
        for outcome in run_tasks(
            tasks,
            posting=posting,
            limits=limits,
            workers=workers,
            timeout_s=options.timeout_s,
            max_memory=options.max_memory_mb * MIB,
            keep_lines=keep_lines,
            as_of=as_of,
        ):
            handle(outcome)
    finally:
        if store is not None:
            store.close()
    return RankedResults(results, entries), skipped
