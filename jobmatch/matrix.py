"""Candidates to jobs: every résumé against every posting of a folder, and each candidate's best fit.

The scores of one candidate are comparable across postings because every posting's total is built the
same way on the same 0–100 scale (``jobmatch.weights``): the share of that posting's own weighted
requirements the résumé meets (required 1, preferred 0.5, so a posting with more requirements is not
harder or easier to score on), the role fit to that posting's kind of work and the share of its wording
the résumé uses, with the same caps. The facts
of a résumé are found once (``ranking.match_paths``); only the scoring differs from posting to posting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePath

from jobmatch.errors import PostingError
from jobmatch.models import CandidateResult, Posting, Ranking, Skipped

# What ``match`` reads from a postings folder: every posting format ``jobmatch posting`` reads.
POSTING_FILE_SUFFIXES = (".txt", ".md", ".markdown", ".docx", ".pdf", ".html", ".htm", ".toml")


@dataclass(frozen=True, slots=True)
class MatchRow:
    """One candidate against every posting."""

    file: str
    name: str
    scores: tuple[float, ...]  # per posting, in the postings' order, 0–100
    best: int  # the index of the best-fitting posting (highest score; ties to the first posting)
    met: int  # requirements met of the best posting
    total: int  # requirements of the best posting


@dataclass(frozen=True, slots=True)
class MatchTable:
    postings: tuple[Posting, ...]
    keys: tuple[str, ...]  # a short unique label per posting: its Job ID, else its file name
    rows: tuple[MatchRow, ...]  # best score descending, ties by file name
    skipped: tuple[Skipped, ...]
    as_of: str = ""

    def best_counts(self) -> list[tuple[str, int]]:
        """Per posting (in order), how many candidates fit it best."""
        counts = [0] * len(self.postings)
        for row in self.rows:
            counts[row.best] += 1
        return list(zip(self.keys, counts, strict=True))


def posting_files(path: Path) -> list[Path]:
    """The postings of a folder (every format we read, by file name; hidden, lock, README and DEFAULT
    files are not postings), or the one file given."""
    if not path.is_dir():
        if not path.exists():
            raise PostingError(f"no such posting file or folder: {path}")
        return [path]
    try:
        entries = sorted(path.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise PostingError(f"cannot list {path}: {exc.strerror or exc}") from exc
    found = [
        p
        for p in entries
        if p.suffix.lower() in POSTING_FILE_SUFFIXES
        and not p.name.startswith((".", "~$"))
        and not p.name.lower().startswith("readme")
        and p.is_file()
        and not p.is_symlink()
    ]
    if not found:
        raise PostingError(f"no posting in {path} (any of {', '.join(POSTING_FILE_SUFFIXES)})")
    return found


def posting_keys(postings: Sequence[Posting]) -> tuple[str, ...]:
    """Job IDs when every posting has its own, else file names (unique within a folder)."""
    ids = [p.id.strip() for p in postings]
    if all(ids) and len(set(ids)) == len(ids):
        return tuple(ids)
    return tuple(PurePath(p.path).name for p in postings)


def _scores(candidates: Sequence[CandidateResult]) -> list[tuple[str, float]]:
    """(file, score) of every candidate, without reading a whole result back where the ranking keeps
    them apart (:class:`jobmatch.results.RankedResults`)."""
    from jobmatch.results import RankedResults

    if isinstance(candidates, RankedResults):
        return candidates.scores()
    return [(c.file, c.score) for c in candidates]


def build_matrix(rankings: Sequence[Ranking], skipped: Sequence[Skipped], as_of: str = "") -> MatchTable:
    """One row per candidate: its score on each posting and the posting it fits best."""
    postings = tuple(r.posting for r in rankings)
    per_posting = [dict(_scores(r.candidates)) for r in rankings]
    positions = [{file: i for i, (file, _) in enumerate(_scores(r.candidates))} for r in rankings]
    files = sorted(per_posting[0]) if per_posting else []
    rows = []
    for file in files:
        scores = tuple(scores_of[file] for scores_of in per_posting)
        best = max(range(len(scores)), key=lambda i: (scores[i], -i))
        candidate = rankings[best].candidates[positions[best][file]]  # one result read back per row
        rows.append(MatchRow(file, candidate.name, scores, best, candidate.met, len(candidate.matches)))
    rows.sort(key=lambda r: (-r.scores[r.best], r.file.encode("utf-8", "surrogateescape")))
    return MatchTable(postings, posting_keys(postings), tuple(rows), tuple(skipped), as_of)
