"""Plain-data views of a ranking: the JSON contract shared by the json, jsonl, csv and table renderers.

Every string taken from a résumé or a posting passes through :func:`sanitize.strip_unsafe` here, so the
machine formats can dump these dicts as they are. File names are the exception: a script must be able to
open the file it is told about, so ``file`` is the name exactly (JSON escapes its controls; the json and
jsonl writers escape the rest, see :func:`sanitize.escape_json_text`), and a name that is not UTF-8 also
gets ``file_base64``, its exact bytes (see :func:`file_fields`). Only human formats clean the name.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from typing import Any

from jobmatch.models import (
    CandidateResult,
    EducationEntry,
    Evidence,
    JobEntry,
    Posting,
    Ranking,
    Requirement,
    RequirementKind,
    RequirementMatch,
    Signals,
    Skipped,
    Status,
)
from jobmatch.sanitize import exact_name, strip_unsafe
from jobmatch.screening import screening_questions

JSONDict = dict[str, Any]

# The shape of the json and jsonl output (schema/ranking.schema.json): raised when a key changes meaning
# or goes away; adding a key leaves it as it is.
SCHEMA_VERSION = 1

_REQUIREMENT_ID = re.compile(r"([^\d]*)(\d+)")


def safe(text: str) -> str:
    """An untrusted string made safe for a machine format (controls, bidi and lone surrogates removed)."""
    return strip_unsafe(text)


def file_fields(name: str) -> JSONDict:
    """``{"file": name}``, plus ``"file_base64"`` (the name's bytes) when the name is not UTF-8, in which
    case ``file`` shows each undecodable byte as U+FFFD."""
    text, raw = exact_name(name)
    return {"file": text} if raw is None else {"file": text, "file_base64": raw}


def number(value: float, digits: int) -> float | None:
    """``value`` rounded; NaN and infinities become ``None`` because JSON cannot carry them."""
    if not math.isfinite(value):
        return None
    return round(float(value), digits)


def select_top(candidates: Sequence[CandidateResult], top: int | None) -> Sequence[CandidateResult]:
    """The first ``top`` candidates (all when ``top`` is None), still to be read one at a time: a ranking
    from :func:`jobmatch.rank` builds each candidate when it is reached, so nothing here collects them."""
    if top is None:
        return candidates
    if top < 0:
        raise ValueError(f"top must be zero or more, not {top}")
    return candidates[:top]


def requirement_order(requirement_id: str) -> tuple[str, int, str]:
    """Sort key that puts R2 before R10."""
    match = _REQUIREMENT_ID.fullmatch(requirement_id)
    if match is None:
        return (requirement_id, -1, requirement_id)
    return (match.group(1), int(match.group(2)), requirement_id)


def main_gap(candidate: CandidateResult) -> RequirementMatch | None:
    """The requirement this candidate most visibly misses, or None when every requirement is met.

    Required beats preferred (a missing must-have matters more), then the lowest score (the furthest from
    met), then the requirement id so ties resolve the same way every run. What is asked at the screen
    (shifts, lifting) is unknown, not missing: never the main gap.
    """
    gaps = [m for m in candidate.matches if m.status not in (Status.MET, Status.ASK)]
    if not gaps:
        return None
    return min(
        gaps,
        key=lambda m: (
            m.requirement.kind != RequirementKind.REQUIRED,
            m.score,
            requirement_order(m.requirement.id),
        ),
    )


def all_warnings(candidate: CandidateResult) -> tuple[str, ...]:
    """The candidate's warnings followed by its document's, without repeats, in first-seen order."""
    doubt = (f"not a résumé: {candidate.doubt}",) if candidate.doubt else ()
    return tuple(dict.fromkeys((*doubt, *candidate.warnings, *candidate.document.warnings)))


# --------------------------------------------------------------------------- posting


def requirement_to_dict(requirement: Requirement) -> JSONDict:
    return {
        "id": safe(requirement.id),
        "text": safe(requirement.text),
        "kind": str(requirement.kind),
        "alternatives": [safe(a) for a in requirement.alternatives],
    }


def posting_to_dict(posting: Posting, sha256: str = "") -> JSONDict:
    data: JSONDict = {"id": safe(posting.id), "title": safe(posting.title), **file_fields(posting.path)}
    if sha256:
        data["sha256"] = sha256
    data["requirements"] = [requirement_to_dict(r) for r in posting.requirements]
    return data


# --------------------------------------------------------------------------- candidates


def evidence_to_dict(evidence: Evidence) -> JSONDict:
    return {
        "text": safe(evidence.text),
        "page": evidence.page,
        "line": evidence.line,
        "method": str(evidence.method),
        "term": safe(evidence.term),
        "matched": safe(evidence.matched),
        "ratio": number(evidence.ratio, 1),
        "section": safe(evidence.section),
    }


def match_to_dict(match: RequirementMatch) -> JSONDict:
    return {
        "id": safe(match.requirement.id),
        "kind": str(match.requirement.kind),
        "status": str(match.status),
        "score": number(match.score, 3),
        "concept": safe(match.concept),
        "summary": safe(match.summary),
        "explanation": safe(match.explanation),
        "evidence": [evidence_to_dict(e) for e in match.evidence],
    }


def _education_to_dict(entry: EducationEntry) -> JSONDict:
    return {
        "level": safe(entry.level),
        "field": safe(entry.field),
        "school": safe(entry.school),
        "year": safe(entry.year),
        "completed": entry.completed,
        "not_completed_because": safe(entry.progress),
    }


def _job_to_dict(job: JobEntry) -> JSONDict:
    return {
        "title": safe(job.title),
        "employer": safe(job.employer),
        "start": safe(job.start),
        "end": safe(job.end),
        "months": job.months,
    }


def facts_to_dict(facts: Signals) -> JSONDict:
    """What the résumé says whatever the posting: education entries, jobs, total years, the as-of date."""
    return {
        "education": [_education_to_dict(e) for e in facts.education],
        "jobs": [_job_to_dict(j) for j in facts.jobs],
        "total_experience_years": number(facts.total_experience_years, 1),
        "as_of": safe(facts.as_of),
        "seniority": safe(facts.seniority),
    }


def candidate_to_dict(candidate: CandidateResult) -> JSONDict:
    gap = main_gap(candidate)
    return {
        "rank": candidate.rank if candidate.rank > 0 else None,
        **file_fields(candidate.file),
        "sha256": candidate.document.sha256,
        "name": safe(candidate.name),
        "score": number(candidate.score, 1),
        "met": candidate.met,
        "total": len(candidate.matches),
        "main_gap": safe(gap.requirement.id) if gap is not None else None,
        "requirements_score": number(candidate.requirements_score, 1),
        "role_fit": {
            "score": number(candidate.role_fit.score, 3),
            "families": [safe(f) for f in candidate.role_fit.families],
            "explanation": safe(candidate.role_fit.explanation),
            "evidence": [evidence_to_dict(e) for e in candidate.role_fit.evidence],
        },
        "wording": {
            "score": number(candidate.wording.score, 3),
            "cosine": number(candidate.wording.cosine, 3),
            "shared": [safe(w) for w in candidate.wording.shared],
            "explanation": safe(candidate.wording.explanation),
            "evidence": [evidence_to_dict(e) for e in candidate.wording.evidence],
        },
        "requirements": [match_to_dict(m) for m in candidate.matches],
        "facts": facts_to_dict(candidate.signals),
        "warnings": [safe(w) for w in all_warnings(candidate)],
        "duplicates": [exact_name(f)[0] for f in candidate.duplicates],
    }


def skipped_to_dict(skipped: Skipped) -> JSONDict:
    return {**file_fields(skipped.file), "reason": safe(skipped.reason)}


def sorted_skipped(skipped: Sequence[Skipped]) -> list[Skipped]:
    """Skipped files by file name, so the output does not depend on the order workers finished."""
    return sorted(skipped, key=lambda s: (s.file, s.reason))


def run_to_dict(ranking: Ranking) -> JSONDict:
    """What makes the output reproducible and auditable: its schema, the tool's version, the as-of date."""
    from jobmatch import __version__

    return {"schema_version": SCHEMA_VERSION, "jobmatch_version": __version__, "as_of": safe(ranking.as_of)}


def ranking_to_dict(ranking: Ranking, top: int | None = None) -> JSONDict:
    """The whole ranking as JSON-ready data: posting, the first ``top`` candidates, every skipped file."""
    return {
        **run_to_dict(ranking),
        "posting": posting_to_dict(ranking.posting, ranking.posting_sha256),
        "total_candidates": len(ranking.candidates),
        "candidates": [candidate_to_dict(c) for c in select_top(ranking.candidates, top)],
        "skipped": [skipped_to_dict(s) for s in sorted_skipped(ranking.skipped)],
    }


def explain_json(result: CandidateResult, posting: Posting) -> JSONDict:
    """What ``explain --format json`` prints: the posting, the candidate, the not-found requirements and the
    questions for the phone screen (:mod:`jobmatch.screening`)."""
    return {
        "posting": posting_to_dict(posting),
        "candidate": candidate_to_dict(result),
        "missing": [safe(m.requirement.id) for m in result.matches if m.status == Status.NOT_FOUND],
        "screening_questions": [
            {"requirement": safe(q.requirement), "kind": q.kind, "question": safe(q.text)}
            for q in screening_questions(result)
        ],
    }
