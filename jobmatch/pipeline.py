"""One résumé through the pipeline: read (or take from the cache), extract signals, score.

This is what a worker process runs; it imports the heavy readers, so only workers and ``explain`` load it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Sequence
from pathlib import Path

from jobmatch.cache import content_hash
from jobmatch.codec import pack, unpack
from jobmatch.documents import EXTRACTOR_VERSION, Limits, parse_document, read_bytes
from jobmatch.duplicates import fingerprint
from jobmatch.errors import DocumentError
from jobmatch.models import CandidateResult, Document, Posting, ResumeFacts
from jobmatch.scoring import score_candidate
from jobmatch.signals import extract_signals
from jobmatch.signals.likeness import doubt
from jobmatch.tasks import Outcome, Task

__all__ = ["EXTRACTOR_VERSION", "analyze", "analyze_all", "find_facts", "process_task"]


def analyze(document: Document, posting: Posting, *, as_of: str = "") -> CandidateResult:
    """Signals and score for one read document (rank is set later, when all are ordered). ``as_of`` is
    where "Present" ends ("" = today; a run passes the one date it computed for every file)."""
    return analyze_all(document, (posting,), as_of=as_of)[0]


def find_facts(document: Document, *, as_of: str = "") -> ResumeFacts:
    """What the résumé says, without any posting: its signals, its fingerprint and whether it reads as a
    résumé at all."""
    signals = extract_signals(document, as_of=as_of)
    return ResumeFacts(signals, fingerprint(document.text), doubt(document, signals))


def analyze_all(
    document: Document,
    postings: Sequence[Posting],
    *,
    as_of: str = "",
    facts: ResumeFacts | None = None,
) -> tuple[CandidateResult, ...]:
    """One document against several postings: its facts are found once (or given, from the cache), and
    every posting is scored on those same facts."""
    if facts is None:
        facts = find_facts(document, as_of=as_of)
    signals = facts.signals
    results = []
    for posting in postings:
        assessment = score_candidate(posting, signals, document)
        results.append(
            CandidateResult(
                file=document.path,
                name=signals.name,
                score=assessment.total,
                matches=assessment.matches,
                signals=signals,
                document=document,
                warnings=assessment.notes,
                role_fit=assessment.role_fit,
                requirements_score=assessment.requirements_score,
                seniority_factor=assessment.seniority_factor,
                capped_at=assessment.capped_at,
                wording=assessment.wording,
                fingerprint=facts.fingerprint,
                doubt=facts.doubt,
            )
        )
    return tuple(results)


def process_task(
    task: Task, postings: tuple[Posting, ...], limits: Limits, keep_lines: bool, as_of: str = ""
) -> Outcome:
    """Read (or take from the cache), extract and score one file against every posting.

    The file is read once, and the bytes read are the bytes hashed and extracted: a file rewritten after
    the main process hashed it is stored under the hash of what was read, never under the old one.
    """
    document_blob: bytes | None = None
    facts_blob: bytes | None = None
    facts: ResumeFacts | None = None
    digest = ""
    if task.cached is not None:
        document = dataclasses.replace(unpack(Document, task.cached), path=task.shown)
        if task.cached_facts is not None:
            try:
                facts = unpack(ResumeFacts, task.cached_facts)
            except Exception:  # zlib, JSON or shape: a row that does not read back is a miss, found again
                facts = None
    else:
        path = Path(task.path)
        try:
            data = read_bytes(path, limits, root=Path(task.root) if task.root is not None else None)
        except DocumentError as exc:  # nothing read, so nothing to store: the reason is not cached
            return Outcome(task.index, "skipped", reason=exc.reason)
        digest = content_hash(data)
        try:
            document = parse_document(path, task.shown, data, limits)
            # The same bytes as the cache key: a cached document (stored under their hash) keeps this too.
            document = dataclasses.replace(document, sha256=hashlib.sha256(data).hexdigest())
        except DocumentError as exc:
            return Outcome(task.index, "skipped", reason=exc.reason, digest=digest)
        document_blob = pack(dataclasses.replace(document, path=""))
    if facts is None:
        facts = find_facts(document, as_of=as_of)
        facts_blob = pack(facts)
    results = analyze_all(document, postings, as_of=as_of, facts=facts)
    if not keep_lines:
        # The ranked list needs the evidence, not the whole text: keeps memory flat on big folders.
        bare = dataclasses.replace(document, lines=())
        results = tuple(dataclasses.replace(result, document=bare) for result in results)
    return Outcome(
        task.index,
        "ok",
        document_blob=document_blob,
        facts_blob=facts_blob,
        digest=digest,
        results=tuple((result.score, pack(result)) for result in results),
        doubt=results[0].doubt if results else "",
        name=results[0].name if results else "",
        fingerprint=results[0].fingerprint if results else (),
    )
