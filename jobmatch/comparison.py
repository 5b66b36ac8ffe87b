"""Why A above B: two candidates on one posting, requirement by requirement, in points of the total.

A requirement's *points* are what it adds to the candidate's total (0–100): its weight times its score,
as a share of the requirements' part of the total (``scoring.requirement_points``); the role fit and the
wording add their own parts. Where two candidates differ, the difference of their points says by how much.
The differences that *decide the order* are the fewest in the higher candidate's favour, biggest first,
that together make up the gap between the two totals: take those away and the order is no longer the
same. What the points do not explain (a seniority penalty, a missed must-have's cap, rounding) is shown
as one line of its own, and counts as a difference like any other.
"""

from __future__ import annotations

from dataclasses import dataclass

from jobmatch.models import CandidateResult, Evidence, Posting, Requirement, Status
from jobmatch.scoring import requirement_points, role_fit_points, wording_points

ROLE_FIT_KEY = "role fit"
WORDING_KEY = "wording"
ADJUSTMENTS_KEY = "caps and penalties"
SAME_POINTS = 0.05  # under this (a twentieth of a point) two sides are the same: the table shows 0.1
ROUNDING = 0.1  # totals are rounded to a tenth: what the points leave unexplained up to this is rounding


@dataclass(frozen=True, slots=True)
class Side:
    """One candidate on one line of the comparison."""

    status: str  # a requirement's status, or "" for role fit, wording and adjustments
    score: float  # 0..1 (a requirement's, the role fit's or the wording's); points for adjustments
    points: float  # what it adds to the total, 0–100 scale
    evidence: tuple[Evidence, ...] = ()
    explanation: str = ""


@dataclass(frozen=True, slots=True)
class Difference:
    key: str  # "R3", "role fit", "wording" or "caps and penalties"
    requirement: Requirement | None
    a: Side
    b: Side
    deciding: bool = False

    @property
    def points(self) -> float:
        """A's points minus B's."""
        return self.a.points - self.b.points


@dataclass(frozen=True, slots=True)
class Comparison:
    posting: Posting
    a: CandidateResult
    b: CandidateResult
    differences: tuple[Difference, ...]  # where the two differ, biggest difference first
    same: tuple[str, ...]  # the requirement ids where they do not differ, in posting order

    @property
    def gap(self) -> float:
        """A's total minus B's."""
        return round(self.a.score - self.b.score, 1)

    @property
    def a_above(self) -> bool:
        """Whether A ranks above B: the higher total, ties by file name (as rank orders them)."""
        if self.a.score != self.b.score:
            return self.a.score > self.b.score
        return self.a.file.encode("utf-8", "surrogateescape") <= self.b.file.encode(
            "utf-8", "surrogateescape"
        )

    @property
    def deciding(self) -> tuple[str, ...]:
        return tuple(d.key for d in self.differences if d.deciding)


def _lines(result: CandidateResult) -> dict[str, Side]:
    sides: dict[str, Side] = {}
    for match, points in zip(result.matches, requirement_points(result.matches), strict=True):
        sides[match.requirement.id] = Side(
            str(match.status), match.score, points, match.evidence, match.explanation
        )
    fit = result.role_fit
    sides[ROLE_FIT_KEY] = Side("", fit.score, role_fit_points(fit), fit.evidence, fit.explanation)
    wording = result.wording
    sides[WORDING_KEY] = Side(
        "", wording.score, wording_points(wording), wording.evidence, wording.explanation
    )
    explained = sum(side.points for side in sides.values())
    rest = result.score - explained
    why = "; ".join(result.warnings) if result.warnings else "rounding"
    sides[ADJUSTMENTS_KEY] = Side("", rest, rest, (), why)
    return sides


def compare(posting: Posting, a: CandidateResult, b: CandidateResult) -> Comparison:
    """Where ``a`` and ``b`` differ on ``posting``, and which differences decide their order."""
    a_sides, b_sides = _lines(a), _lines(b)
    requirements = {m.requirement.id: m.requirement for m in a.matches}
    keys = [r.id for r in posting.requirements if r.id in a_sides and r.id in b_sides]
    keys += [ROLE_FIT_KEY, WORDING_KEY, ADJUSTMENTS_KEY]
    differing: list[Difference] = []
    same: list[str] = []
    for key in keys:
        left, right = a_sides[key], b_sides[key]
        if key == ADJUSTMENTS_KEY and max(abs(left.points), abs(right.points)) < ROUNDING:
            continue  # only the totals' rounding: no cap or penalty on either side
        differs = abs(left.points - right.points) >= SAME_POINTS or (
            left.status != right.status and key in requirements
        )
        if differs:
            differing.append(Difference(key, requirements.get(key), left, right))
        elif key in requirements:
            same.append(key)
    order = {key: i for i, key in enumerate(keys)}
    differing.sort(key=lambda d: (-abs(d.points), order[d.key]))
    comparison = Comparison(posting, a, b, tuple(differing), tuple(same))
    return _mark_deciding(comparison)


def _mark_deciding(comparison: Comparison) -> Comparison:
    """The fewest differences in the upper candidate's favour, biggest first, that make up the gap."""
    sign = 1.0 if comparison.a_above else -1.0
    gap = abs(comparison.a.score - comparison.b.score)
    if gap == 0:  # a tie: the order is the file names', no difference decides it
        return comparison
    chosen: set[str] = set()
    total = 0.0
    for difference in comparison.differences:  # already biggest first
        if sign * difference.points <= 0:
            continue
        chosen.add(difference.key)
        total += sign * difference.points
        if total >= gap - ROUNDING:
            break
    marked = tuple(
        Difference(d.key, d.requirement, d.a, d.b, d.key in chosen) for d in comparison.differences
    )
    return Comparison(comparison.posting, comparison.a, comparison.b, marked, comparison.same)


def status_of(side: Side) -> Status | None:
    try:
        return Status(side.status)
    except ValueError:
        return None
