"""The batch: walk the folder, reuse the cache, read and score in worker processes, order the results.

Every file found ends up either in ``candidates`` or in ``skipped`` with a one-line reason (hidden and
Office lock files are left out, and counted, see :func:`walk`). The order
is score descending, ties broken by file name, so the same inputs give the same output byte for byte.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import hashlib
import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from jobmatch.errors import DocumentError, NothingReadableError, UsageError
from jobmatch.models import CandidateResult, Document, Posting, Ranking, Skipped
from jobmatch.versions import source_hash

if TYPE_CHECKING:
    from jobmatch.documents import Limits
    from jobmatch.results import RankedResults
    from jobmatch.tasks import Outcome, Task

RESUME_EXTENSIONS = frozenset({".pdf", ".docx", ".txt", ".md", ".markdown", ".text"})
MIB = 1024 * 1024
NOT_A_RESUME = "not a résumé"  # how a skip or a warning for a text that does not read as one begins


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
    keep_doubtful: bool = (
        False  # rank a text that does not read as a résumé (with a warning) instead of skipping it
    )


def display_name(folder_arg: str, relative: str) -> str:
    """``file`` as the contract wants it: the folder as given joined with the path inside it."""
    return os.path.join(folder_arg, relative) if folder_arg else relative


def is_ignored_name(name: str) -> bool:
    """Hidden files and folders (``.DS_Store``, ``.git``, LibreOffice's ``.~lock.…#``) and Word lock files
    (``~$…``): never résumés, and so common that listing them as skipped would make every run "finish with
    skips"."""
    return name.startswith((".", "~$"))


def walk(
    folder: Path, ignored: list[str] | None = None, *, recursive: bool = True
) -> Iterator[tuple[Path, str, str | None]]:
    """Yield (path, path relative to folder, skip reason or None), sorted by relative path.

    Only regular files inside the folder are read: symbolic links are never followed (a link can point
    outside the folder or loop), FIFOs and devices are never opened. Hidden files and folders and Word lock
    files (:func:`is_ignored_name`) are not read and not listed as skipped; their relative paths are added
    to ``ignored`` when given, so the caller can count them. Everything else is either read or listed as
    skipped with its reason. Without ``recursive`` the folders inside ``folder`` are not entered.
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
                if recursive:
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


def extractor_version(pdf_engine: str = "") -> str:
    from jobmatch.documents import EXTRACTOR_VERSION, engine_version

    # The readers clean their text with sanitize: a change there changes what they extract. The PDF engine
    # and its version are part of it too: PDFium and pypdf do not give the same text, nor do two releases.
    engine = engine_version(pdf_engine) if pdf_engine else ""
    return f"{EXTRACTOR_VERSION}-{source_hash('documents', 'sanitize.py')}{engine}"


def scorer_version() -> str:
    return source_hash("signals", "data", "matching", "knowledge", "scoring.py", "weights.py", "models.py")


def facts_version() -> str:
    """What finds a résumé's facts (``pipeline.find_facts``): the signals with the knowledge and matchers
    they read, the duplicate fingerprint and the models they are written in; not the scoring."""
    return source_hash("signals", "data", "matching", "knowledge", "duplicates.py", "models.py")


def posting_hash(posting: Posting) -> str:
    from jobmatch.codec import encode

    text = repr(encode(dataclasses.replace(posting, path="")))
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


def _usable_result(blob: bytes, shown: str) -> CandidateResult | None:
    """A cached result, if it reads back whole; else None (a miss). The row's check catches damage; this
    catches a row that is well formed but holds something else (written by a bug, or by hand): the
    renderer reads every result back later, and one that failed there would end the run with no table."""
    from jobmatch.results import load_result

    try:
        return load_result(blob, shown)
    except Exception:  # zlib, JSON, shape or depth: anything is a miss
        return None


_MAX_REASON_CHARS = 300


def _usable_reason(raw: bytes) -> str | None:
    """A cached skip reason, if it reads as one of ours: one short line of UTF-8 text; else None (a miss)."""
    try:
        reason = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not reason or len(reason) > _MAX_REASON_CHARS or not reason.isprintable():
        return None
    return reason


def _limits_hash(limits: Limits) -> str:
    """The budgets change what is extracted (characters kept, pages read): part of the document key."""
    return hashlib.blake2b(repr(limits).encode(), digest_size=6).hexdigest()


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
    (results,), skipped = _run(files, (posting,), options, progress, keep_lines=False, root=folder)
    return Ranking(posting, results, tuple(sorted(skipped, key=lambda s: s.file)))


def _matches(patterns: Sequence[str], relative: str) -> bool:
    """``relative`` (a path inside an input folder, or a file as given) against shell globs: a pattern
    matches the whole relative path or the file's own name (``*.pdf``, ``2024/*``, ``*draft*``)."""
    name = os.path.basename(relative)
    return any(fnmatch.fnmatchcase(relative, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


def _one_file(path: Path) -> str | None:
    """Why a file named on the command line cannot be read as a résumé, or None when it can be tried."""
    try:
        info = path.lstat()
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISLNK(info.st_mode):
        return "symbolic link (not followed)"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (pipe, socket or device)"
    if path.suffix.lower() not in RESUME_EXTENSIONS:
        return f"unsupported file type ({path.suffix or 'no extension'})"
    return None


def rank_paths(
    inputs: Sequence[Path],
    posting: Posting,
    options: RankOptions = RankOptions(),
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    recursive: bool = True,
    progress: Callable[[int, int], None] | None = None,
    ignored: list[str] | None = None,
) -> Ranking:
    """Rank every résumé in several folders and files together, as one ranking.

    A folder is walked (:func:`walk`; only its top level without ``recursive``); a file is read as given.
    ``include`` keeps only the files matching one of its globs, ``exclude`` drops those matching one of
    its; both match a file's path inside its folder or its name. A file reached twice is read once.
    """
    files = _input_files(inputs, include=include, exclude=exclude, recursive=recursive, ignored=ignored)
    (results,), skipped = _run(files, (posting,), options, progress, keep_lines=False)
    return Ranking(posting, results, tuple(sorted(skipped, key=lambda s: s.file)))


@dataclass(frozen=True, slots=True)
class Matching:
    """Every résumé against every posting: one ranking per posting (in the postings' order), over the
    same files, each read once."""

    rankings: tuple[Ranking, ...]
    skipped: tuple[Skipped, ...]


def match_paths(
    inputs: Sequence[Path],
    postings: Sequence[Posting],
    options: RankOptions = RankOptions(),
    *,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    recursive: bool = True,
    progress: Callable[[int, int], None] | None = None,
    ignored: list[str] | None = None,
) -> Matching:
    """Score every résumé of ``inputs`` (as :func:`rank_paths` finds them) against every posting.

    Each file is read and its facts found once; every posting is scored on those same facts. The
    rankings share one order rule (score descending, ties by file name) and one scale (0–100, each
    posting's weighted requirements, role fit and wording as shares of that posting's own whole)."""
    if not postings:
        raise UsageError("no posting to match against")
    files = _input_files(inputs, include=include, exclude=exclude, recursive=recursive, ignored=ignored)
    results, skipped = _run(files, tuple(postings), options, progress, keep_lines=False)
    shown = tuple(sorted(skipped, key=lambda s: s.file))
    return Matching(tuple(Ranking(p, r, shown) for p, r in zip(postings, results, strict=True)), shown)


def _input_files(
    inputs: Sequence[Path],
    *,
    include: Sequence[str],
    exclude: Sequence[str],
    recursive: bool,
    ignored: list[str] | None,
) -> list[tuple[Path, str, str | None]]:
    """The files of :func:`rank_paths`: (path, name shown, skip reason or None), each once."""
    files: list[tuple[Path, str, str | None]] = []
    seen: set[str] = set()
    left_out: list[str] = []
    for given in inputs:
        shown_root = str(given)
        if given.is_dir() and not given.is_symlink():
            found = [(p, rel, r) for p, rel, r in walk(given, left_out, recursive=recursive)]
            entries = [(p, rel, display_name(shown_root, rel), r) for p, rel, r in found]
        elif os.path.lexists(given):
            entries = [(given, given.name, shown_root, _one_file(given))]
        else:
            raise UsageError(f"no such file or folder: {given}")
        for path, rel, shown, reason in entries:
            if include and not _matches(include, rel):
                continue
            if exclude and _matches(exclude, rel):
                continue
            key = os.path.normpath(os.path.abspath(path))
            if key in seen:
                continue
            seen.add(key)
            files.append((path, shown, reason))
    if ignored is not None:
        ignored.extend(sorted(left_out))
    return files


def explain_file(path: Path, posting: Posting, options: RankOptions = RankOptions()) -> CandidateResult:
    """One file through the same guarded pipeline, keeping its text for the explanation."""
    if not path.is_file() or path.is_symlink():
        raise UsageError(f"not a regular file: {path}")
    (results,), skipped = _run(
        [(path, str(path), None)], (posting,), dataclasses.replace(options, workers=1), None, True
    )
    if skipped:
        raise NothingReadableError(_unreadable(skipped[0]))
    return dataclasses.replace(results[0], rank=0)  # one file on its own has no rank


def _unreadable(skipped: Skipped) -> str:
    """Why a file given on its own has no result: unreadable, or read but not a résumé."""
    if skipped.reason.startswith(NOT_A_RESUME):
        return f"{skipped.file}: {skipped.reason} (--keep-doubtful takes it anyway)"
    return f"cannot read {skipped.file}: {skipped.reason}"


def read_pair(
    first: Path, second: Path, posting: Posting, options: RankOptions = RankOptions()
) -> tuple[CandidateResult, CandidateResult]:
    """Two files through the same guarded pipeline as a ranking (and its cache), in the order given."""
    if os.path.normpath(os.path.abspath(first)) == os.path.normpath(os.path.abspath(second)):
        raise UsageError(f"give two different files, not {first} twice")
    files = [(path, str(path), _one_file(path)) for path in (first, second)]
    (results,), skipped = _run(files, (posting,), options, None, keep_lines=False)
    if skipped:
        raise NothingReadableError(_unreadable(skipped[0]))
    by_file = {result.file: dataclasses.replace(result, rank=0) for result in results}
    return by_file[str(first)], by_file[str(second)]


def read_text(path: Path, options: RankOptions = RankOptions()) -> Document:
    """The cleaned lines of one file, with the page and line numbers quotes refer to, read by the same
    guarded worker as a ranking (budgets, wall clock, memory cap). Nothing is scored against a posting."""
    no_posting = Posting(path="", fields=(), sections=(), requirements=())
    # Any text is shown, a résumé or not.
    return explain_file(path, no_posting, dataclasses.replace(options, keep_doubtful=True)).document


def _run(
    files: list[tuple[Path, str, str | None]],
    postings: tuple[Posting, ...],
    options: RankOptions,
    progress: Callable[[int, int], None] | None,
    keep_lines: bool,
    root: Path | None = None,
) -> tuple[list[RankedResults], list[Skipped]]:
    """Every file read once and scored against each posting (or skipped); per posting the results in rank
    order, kept on disk (see results). Three steps: plan (the cache answers what it can; the rest become
    tasks), execute (the tasks in worker processes, ``jobmatch.workers``, running ``pipeline.process_task``)
    and collect (each outcome ranked or skipped, and stored in the cache).

    With ``root`` (the folder walked), every file is opened from it one folder at a time, never through a
    symbolic link: a file or folder swapped for a link since the walk is refused, not followed out.
    """
    from jobmatch.signals.dates import as_of_label
    from jobmatch.workers import default_workers, run_tasks

    limits = _limits(options)
    try:
        as_of = as_of_label(options.as_of)  # once, here: every file of the run ends "Present" alike
    except ValueError as exc:
        raise UsageError(f"--as-of: {exc}") from None
    run = _Run(files, postings, options, limits, as_of, progress, keep_lines)
    try:
        tasks = run.plan(root)
        if tasks:  # the readers and scorers are imported only when a file is not all in the cache
            from jobmatch.pipeline import process_task

            outcomes = run_tasks(
                tasks,
                process=process_task,
                postings=postings,
                limits=limits,
                workers=options.workers or default_workers(),
                timeout_s=options.timeout_s,
                max_memory=options.max_memory_mb * MIB,
                keep_lines=keep_lines,
                as_of=as_of,
            )
            for outcome in outcomes:
                run.collect(outcome)
    finally:
        run.close()
    return run.ranked(), run.skipped


class _Run:
    """The state of one run between its steps: what is ranked, what is skipped, the cache and its keys."""

    def __init__(
        self,
        files: list[tuple[Path, str, str | None]],
        postings: tuple[Posting, ...],
        options: RankOptions,
        limits: Limits,
        as_of: str,
        progress: Callable[[int, int], None] | None,
        keep_lines: bool,
    ) -> None:
        from jobmatch.cache import Cache, default_path
        from jobmatch.results import Entry, ResultStore

        self.files, self.postings, self.options, self.limits = files, postings, options, limits
        self.progress, self.keep_lines = progress, keep_lines
        self.results = ResultStore((options.cache_path or default_path()).parent)
        self.entries: list[list[Entry]] = [[] for _ in postings]
        self.skipped: list[Skipped] = []
        # task index -> the hash of the bytes its cached document came from
        self.read_digests: dict[int, str] = {}
        self.store = Cache(options.cache_path) if options.use_cache else None
        self.done = 0
        store = self.store is not None
        self.ext_v = f"{extractor_version(limits.pdf_engine)}-{_limits_hash(limits)}" if store else ""
        # The as-of date changes months and years, so it is part of every facts and result key.
        self.facts_v = f"{facts_version()}-{as_of}" if store else ""
        self.res_vs = [f"{scorer_version()}-{posting_hash(p)}-{as_of}" if store else "" for p in postings]

    def _tick(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, len(self.files))

    def _doc_key(self, digest: str, path: Path) -> str:
        # The name's extension changes extraction (the same bytes are Markdown as .md, text as .txt, and a
        # type that differs from the extension is a warning): it is part of the key.
        return f"{digest}:{path.suffix.lower()}:{self.ext_v}"

    def _skip(self, shown: str, reason: str) -> None:
        self.skipped.append(Skipped(shown, reason))

    def plan(self, root: Path | None) -> list[Task]:
        """Skip what the walk refused, take what the cache holds, and make a task of everything else."""
        from jobmatch.cache import content_hash
        from jobmatch.documents import read_bytes
        from jobmatch.results import Entry
        from jobmatch.tasks import Task
        from jobmatch.workers import start_early

        tasks: list[Task] = []
        for index, (path, shown, reason) in enumerate(self.files):
            if reason is not None:
                self._skip(shown, reason)
                self._tick()
                continue
            cached_doc: bytes | None = None
            cached_facts: bytes | None = None
            if self.store is not None and not self.keep_lines:
                # The readers' own guarded read: never blocks on a FIFO swapped in since the walk, never
                # reads past the size budget. A file it refuses goes to a worker, which says why. This read
                # only finds what the cache holds; what is stored comes from the worker's own read.
                try:
                    data: bytes | None = read_bytes(path, self.limits, root=root)
                except DocumentError:
                    data = None
                if data is not None:
                    digest = content_hash(data)
                    key = self._doc_key(digest, path)
                    hits = [self.store.get_result(f"{key}:{res_v}") for res_v in self.res_vs]
                    # Each result is read back here, to know it is whole; what ordering and grouping need
                    # of it (score, name, sketch) is kept from this read, and the result itself while the
                    # store has room (results.DECODED_KEPT), so it is not read back again when shown.
                    found = [
                        (hit, result)
                        for hit in hits
                        if hit is not None and (result := _usable_result(hit[1], shown)) is not None
                    ]
                    if len(found) == len(self.postings):  # every posting's result is cached: nothing to read
                        cached_doubt = found[0][1].doubt if found else ""
                        if cached_doubt and not self.options.keep_doubtful:
                            self._skip(shown, f"{NOT_A_RESUME}: {cached_doubt}")
                        else:
                            for posting_entries, ((score, blob), result) in zip(
                                self.entries, found, strict=True
                            ):
                                place = self.results.add(blob, result)
                                posting_entries.append(
                                    Entry(score, shown, place, result.name, result.fingerprint)
                                )
                        self._tick()
                        continue
                    cached_doc = self.store.get("documents", key)
                    if cached_doc is not None and cached_doc.startswith(b"skip:"):
                        cached_reason = _usable_reason(cached_doc[5:])
                        if cached_reason is not None:
                            self._skip(shown, cached_reason)
                            self._tick()
                            continue
                        cached_doc = None
                    if cached_doc is not None:
                        self.read_digests[index] = digest
                        # a new posting for a known résumé: its facts are scored, not found again
                        cached_facts = self.store.get("facts", f"{key}:{self.facts_v}")
            if not tasks:
                start_early()  # the first file to read: let workers get ready while we hash the rest
            folder = None if root is None else str(root)
            tasks.append(Task(index, str(path), shown, cached_doc, cached_facts, folder))
        return tasks

    def collect(self, outcome: Outcome) -> None:
        """One worker's outcome: ranked (per posting) or skipped with its reason, and stored in the cache."""
        from jobmatch.results import Entry

        path, shown, _ = self.files[outcome.index]
        # Rows go under the hash of the bytes the worker extracted (or that the cached document came from);
        # a worker that read nothing (the file vanished or turned into a link) stores nothing.
        digest = outcome.digest or self.read_digests.get(outcome.index, "")
        key = self._doc_key(digest, path) if self.store is not None and digest else None
        if outcome.kind == "ok" and len(outcome.results) == len(self.postings):
            if outcome.doubt and not self.options.keep_doubtful:
                self._skip(shown, f"{NOT_A_RESUME}: {outcome.doubt}")
            else:
                for posting_entries, (score, blob) in zip(self.entries, outcome.results, strict=True):
                    place = self.results.add(blob)
                    posting_entries.append(Entry(score, shown, place, outcome.name, outcome.fingerprint))
            if self.store is not None and key is not None:
                if outcome.document_blob is not None:
                    self.store.put("documents", key, outcome.document_blob)
                if outcome.facts_blob is not None:
                    self.store.put("facts", f"{key}:{self.facts_v}", outcome.facts_blob)
                for res_v, (score, blob) in zip(self.res_vs, outcome.results, strict=True):
                    self.store.put_result(f"{key}:{res_v}", score, blob)
        else:
            self._skip(shown, outcome.reason or "internal error: no result")
            if outcome.kind == "skipped" and self.store is not None and key is not None and outcome.digest:
                self.store.put("documents", key, b"skip:" + outcome.reason.encode("utf-8"))
        self._tick()

    def ranked(self) -> list[RankedResults]:
        from jobmatch.results import RankedResults

        return [RankedResults(self.results, posting_entries) for posting_entries in self.entries]

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
