"""Which ranked candidates to show: ``--min-score`` and ``--must-have``, before ``--top``.

A ranking's candidates are read back from disk one at a time (:mod:`jobmatch.results`); the selection
keeps only their positions, so it costs no memory per candidate. Candidates keep their rank in the whole
run: a gap in the ranks says how many were left out above them.
"""

from __future__ import annotations

import operator
from collections.abc import Iterator, Sequence
from typing import overload

from jobmatch.models import CandidateResult, Category, RequirementKind, RequirementMatch, Status


def must_haves(matches: Sequence[RequirementMatch]) -> list[RequirementMatch]:
    """The requirements a candidate must meet: those the recruiter marked ``must_have`` (an edited TOML
    posting) or, when none is marked, every required one that a résumé can show (not logistics, which are
    asked at the screen)."""
    marked = [m for m in matches if m.requirement.must_have]
    if marked:
        return marked
    return [
        m
        for m in matches
        if m.requirement.kind is RequirementKind.REQUIRED and m.requirement.category is not Category.LOGISTICS
    ]


def meets_must_haves(candidate: CandidateResult) -> bool:
    return all(m.status is Status.MET for m in must_haves(candidate.matches))


class Selection(Sequence[CandidateResult]):
    """The candidates of ``base`` at ``positions``, still read one at a time."""

    def __init__(self, base: Sequence[CandidateResult], positions: Sequence[int]) -> None:
        self._base = base
        self._positions = tuple(positions)

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> CandidateResult: ...

    @overload
    def __getitem__(self, index: slice) -> Selection: ...

    def __getitem__(self, index: int | slice) -> CandidateResult | Selection:
        if isinstance(index, slice):
            return Selection(self._base, self._positions[index])
        return self._base[self._positions[operator.index(index)]]

    def __iter__(self) -> Iterator[CandidateResult]:
        for position in self._positions:
            yield self._base[position]


def select(
    candidates: Sequence[CandidateResult], *, min_score: float | None = None, must_have: bool = False
) -> Sequence[CandidateResult]:
    """The candidates at or above ``min_score`` that (with ``must_have``) meet every must-have, in order."""
    if min_score is None and not must_have:
        return candidates
    positions: list[int] = []
    for position, candidate in enumerate(candidates):
        if min_score is not None and candidate.score < min_score:
            break  # rank order is score descending: nobody after this one reaches it either
        if must_have and not meets_must_haves(candidate):
            continue
        positions.append(position)
    return Selection(candidates, positions)
