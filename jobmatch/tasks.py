"""What the main process hands a worker and what it gets back, typed in one place.

``jobmatch.workers`` runs tasks without knowing what they do (it is given the function); ``jobmatch.pipeline``
is that function; ``jobmatch.ranking`` plans the tasks and collects the outcomes. None of them imports another
for these types.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jobmatch.documents.limits import Limits
from jobmatch.models import Posting

__all__ = ["Outcome", "ProcessTask", "Task"]


@dataclass(frozen=True, slots=True)
class Task:
    """One file handed to a worker."""

    index: int
    path: str
    shown: str  # the name this run shows for the file
    cached: bytes | None = None  # the cached document payload, when the cache has one for the file
    cached_facts: bytes | None = None  # the cached ResumeFacts of that document (only beside ``cached``)
    root: str | None = None  # the folder the file was found in: no folder below it is followed as a link


@dataclass(frozen=True, slots=True)
class Outcome:
    index: int
    kind: str  # "ok", "skipped" (reader said why; cacheable) or "failed" (timeout/crash; not cached)
    reason: str = ""
    document_blob: bytes | None = None  # freshly extracted document, packed for the cache
    facts_blob: bytes | None = None  # freshly found ResumeFacts, packed for the cache
    # content_hash of the bytes the worker read and extracted: what the cache may store its rows under.
    # "" when it read none (a cached document, or a file it could not open): then nothing new is stored.
    digest: str = ""
    # For "ok": per posting of the run, in its order, the result's score (to order it without unpacking
    # the blob) and the packed CandidateResult.
    results: tuple[tuple[float, bytes], ...] = ()
    doubt: str = ""  # for "ok": why the text does not read as a résumé ("" when it does), to skip it by
    # For "ok": the candidate's name and duplicate sketch (the same for every posting), so that ordering
    # and grouping the ranking never unpack a result blob; only showing it does.
    name: str = ""
    fingerprint: tuple[int, ...] = ()


# The function a worker runs on each task: (task, postings, limits, keep_lines, as_of) -> outcome. It must
# be a module-level function: it is sent to the worker processes by reference.
ProcessTask = Callable[[Task, tuple[Posting, ...], Limits, bool, str], Outcome]
