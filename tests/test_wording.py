"""``jobmatch.matching.wording``: how much of the posting's own wording a résumé shares, and its part of the
total (``wording_is_evidence_of_fit``)."""

from __future__ import annotations

import re

import pytest

from jobmatch.matching.wording import (
    EVIDENCE_LINES,
    WORDING_SCALE,
    posting_text,
    posting_words,
    wording_of,
)
from jobmatch.pipeline import analyze
from jobmatch.posting import parse_posting
from jobmatch.scoring import score_candidate
from jobmatch.signals import extract_signals
from jobmatch.weights import ROLE_FIT_WEIGHT, WORDING_WEIGHT
from tests.helpers import doc

NURSE = """Job Title: Registered Nurse - Telemetry
Location: Fresno, CA

About the Role
Our telemetry unit cares for cardiac patients after surgery.

Responsibilities
- Monitor cardiac rhythms on telemetry and escalate arrhythmias to the charge nurse.
- Administer medications and document patient care in Epic.
- Educate patients and families before discharge.

Requirements
- Current California RN license.
- BLS and ACLS certification.
- 2+ years of acute care nursing experience.

Benefits
- Dental insurance, 401(k) match and tuition reimbursement.
"""

TELEMETRY_NURSE = """Dana Reyes
Experience
Staff Nurse, Telemetry Unit, Valley Medical Center
2019 - 2024
Monitored cardiac rhythms for 5 patients per shift and escalated arrhythmias to the charge nurse.
Administered medications and documented patient care in Epic.
Educated patients and families on discharge plans.
Licenses
California RN license; BLS; ACLS
"""

LINE_COOK = """Sam Ortiz
Experience
Line Cook, Harbor Grill
2016 - 2024
Prepared food on the grill station and kept the line stocked.
Education
High School Diploma
"""


@pytest.fixture(scope="module")
def nurse():  # type: ignore[no-untyped-def]
    return parse_posting(NURSE, "RN.txt")


def test_a_nurse_shares_a_nurse_postings_wording_and_a_cook_does_not(nurse) -> None:  # type: ignore[no-untyped-def]
    rn, cook = wording_of(nurse, doc(TELEMETRY_NURSE)), wording_of(nurse, doc(LINE_COOK))
    assert rn.score > 0.5 > cook.score
    assert {"telemetry", "cardiac", "arrhythmias"} <= set(rn.shared)
    assert rn.cosine == pytest.approx(min(rn.cosine, 1.0)) and rn.score == min(1.0, rn.cosine / WORDING_SCALE)
    assert "telemetry" in rn.explanation and f"{len(rn.shared)} of the posting's" in rn.explanation


def test_words_match_by_stem_not_by_spelling(nurse) -> None:  # type: ignore[no-untyped-def]
    # "Monitored", "administered", "documented", "educated" meet the posting's "Monitor", "Administer", …
    found = wording_of(nurse, doc("Monitored telemetry.\nAdministered medications, documented care.\n"))
    assert {"monitor", "administer", "document", "medications", "telemetry"} <= set(found.shared)


def test_function_words_boilerplate_and_benefits_are_not_the_postings_wording(nurse) -> None:  # type: ignore[no-untyped-def]
    words = posting_words(nurse).weights
    assert "telemetry" in words
    # "and", "of" (function words), "experience", "years" (requirement boilerplate), benefits' words
    for left_out in ("and", "of", "experi", "year", "dental", "tuition", "401"):
        assert not any(stem.startswith(left_out) for stem in words), left_out
    assert (
        wording_of(nurse, doc("Dental insurance and tuition reimbursement, years of experience.\n")).score
        == 0.0
    )
    assert "Benefits" not in posting_text(nurse) and "Dental" not in posting_text(nurse)


def test_each_quoted_line_contains_the_words_it_is_quoted_for(nurse) -> None:  # type: ignore[no-untyped-def]
    found = wording_of(nurse, doc(TELEMETRY_NURSE))
    assert 0 < len(found.evidence) <= EVIDENCE_LINES
    for evidence in found.evidence:
        words = evidence.term.split(", ")
        assert len(words) >= 2
        for word in words:
            assert re.search(rf"\b{re.escape(word)}\b", evidence.text, re.IGNORECASE), word
        assert evidence.page == 1 and evidence.line >= 1
    # The line sharing most of the posting's words comes first.
    assert "rhythms" in found.evidence[0].text


def test_a_posting_without_sections_is_compared_by_its_title_and_requirements() -> None:
    posting = parse_posting("Line Cook\n\n- Culinary diploma.\n- ServSafe certification.\n", "LC.txt")
    assert posting.sections == () and "culinary" in posting_text(posting).lower()
    assert set(wording_of(posting, doc(LINE_COOK)).shared) == {"line", "cook", "diploma"}


def test_nothing_to_compare_is_zero_with_a_reason(nurse) -> None:  # type: ignore[no-untyped-def]
    empty = wording_of(nurse, doc("the and of\n"))
    assert empty.score == 0.0 and empty.shared == () and empty.evidence == ()
    assert empty.explanation


def test_the_wording_is_its_share_of_the_total(nurse) -> None:  # type: ignore[no-untyped-def]
    d = doc(TELEMETRY_NURSE)
    assessment = score_candidate(nurse, extract_signals(d), d)
    assert not assessment.notes  # no penalty or cap: the total is the plain weighted sum
    bracket = (
        1 - ROLE_FIT_WEIGHT
    ) * assessment.requirements_score + ROLE_FIT_WEIGHT * 100 * assessment.role_fit.score
    expected = (1 - WORDING_WEIGHT) * bracket + WORDING_WEIGHT * 100 * assessment.wording.score
    assert assessment.total == pytest.approx(expected, abs=0.1)


def test_a_candidates_figure_depends_on_their_resume_and_the_posting_alone(nurse) -> None:  # type: ignore[no-untyped-def]
    # No statistics over the folder: explain (one file) and rank (a folder) give the same figure.
    alone = analyze(doc(TELEMETRY_NURSE), nurse)
    wording_of(nurse, doc(LINE_COOK))  # another résumé read in between changes nothing
    again = analyze(doc(TELEMETRY_NURSE), nurse)
    assert alone.wording == again.wording and alone.score == again.score
