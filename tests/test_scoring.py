from __future__ import annotations

import dataclasses
from dataclasses import replace
from pathlib import Path

import pytest

from jobmatch.models import RequirementKind, Status
from jobmatch.posting import load_posting, parse_posting
from jobmatch.scoring import score_candidate
from jobmatch.signals import extract_signals
from jobmatch.weights import WORDING_WEIGHT
from tests.helpers import doc

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def avon():  # type: ignore[no-untyped-def]
    return load_posting(ROOT / "requirements" / "AVON147.txt")


IDEAL = """
Maria Lopez
Summary
Customer-focused sales coordinator; excellent communication and organizational skills.
Experience
Sales Coordinator, Glow Cosmetics Inc.
2016 - 2021
Processed orders and tracked order status; prepared sales reports in Excel; updated Salesforce.
Beauty Advisor, Sephora
2014 - 2016
Helped customers choose skincare and makeup.
Education
B.S. in Marketing, 2014
Skills
Microsoft Office (Word, Excel, PowerPoint, Outlook)
"""

NONE = """
Bob Smith
Experience
Line Cook
2010 - 2020
Prepared food on the grill station.
Education
High School Diploma
"""


def _score(avon, text):  # type: ignore[no-untyped-def]
    d = doc(text)
    a = score_candidate(avon, extract_signals(d), d)
    return a.total, a.matches, a.notes


def test_ideal_meets_everything(avon) -> None:  # type: ignore[no-untyped-def]
    total, matches, _ = _score(avon, IDEAL)
    assert [m.status for m in matches] == [Status.MET] * 7
    assert total > 90
    for m in matches:
        assert m.evidence, m.requirement.id
        assert all(e.page == 1 and e.line >= 1 and e.text for e in m.evidence)


def test_no_fit_scores_low(avon) -> None:  # type: ignore[no-untyped-def]
    total, matches, _ = _score(avon, NONE)
    assert total < 20
    assert {m.requirement.id: m.status for m in matches}["R4"] is Status.NOT_FOUND


def test_equivalent_experience_stands_in_for_a_degree(avon) -> None:  # type: ignore[no-untyped-def]
    text = """
Experience
Inside Sales Representative
2008 - 2016
Order entry and order tracking for customer accounts.
Education
High School Diploma
"""
    _, matches, _ = _score(avon, text)
    r1 = matches[0]
    assert r1.status is Status.MET and "equivalent experience" in r1.explanation


def test_a_degree_in_progress_counts_less_and_says_why(avon) -> None:  # type: ignore[no-untyped-def]
    finished = "Education\nB.S. in Marketing, 2014\n"
    done, _, _ = _score(avon, finished)
    studying, matches, _ = _score(avon, finished.replace("2014", "expected 2019"))
    assert studying < done
    assert "(still in progress: marked 'expected')" in matches[0].explanation


def test_preferred_weighs_less_than_required() -> None:
    posting = parse_posting(
        "Title: X\nREQUIREMENTS:\n- Proficiency in Microsoft Office.\n"
        "- Experience with Salesforce CRM is a plus.\n"
    )
    kinds = [r.kind for r in posting.requirements]
    assert kinds == [RequirementKind.REQUIRED, RequirementKind.PREFERRED]
    office, crm = doc("Skills\nMicrosoft Office\n"), doc("Skills\nSalesforce CRM\n")
    office_only = score_candidate(posting, extract_signals(office), office).total
    crm_only = score_candidate(posting, extract_signals(crm), crm).total
    assert office_only > crm_only > 0


def test_keyword_fallback_for_unknown_requirements() -> None:
    posting = parse_posting("Title: Dev\nMust have: Python, Django or FastAPI, PostgreSQL, Kubernetes.\n")
    d = doc("Skills\nPython, FastAPI, Postgres\nExperience\nBuilt APIs in Pythn\n")
    matches = score_candidate(posting, extract_signals(d), d).matches
    by_text = {m.requirement.text: m for m in matches}
    assert by_text["Python"].status is Status.MET
    assert by_text["Django or FastAPI"].status is Status.MET
    postgres = by_text["PostgreSQL"]
    assert postgres.status is Status.MET and "Postgres" in postgres.evidence[0].text
    assert by_text["Kubernetes"].status is Status.NOT_FOUND


def test_senior_candidates_rank_below_equal_coordinators(avon) -> None:  # type: ignore[no-untyped-def]
    base = "Education\nMBA, 2000\nSkills\nMicrosoft Office\nExperience\n"
    vp, _, notes = _score(avon, base + "Vice President of Sales\n2000 - 2020\nLed sales strategy.\n")
    coord, _, _ = _score(avon, base + "Sales Manager\n2000 - 2020\nLed sales strategy.\n")
    assert vp < coord and notes


def test_client_facing_work_earns_partial_role_fit(avon) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Experience\nParalegal\n2010 - 2018\n"
        "Drafted letters to clients.\nFiled client documents.\n"
        "Scheduled client meetings.\nPrepared client invoices.\n"
    )
    d = doc(text)
    fit = score_candidate(avon, extract_signals(d), d).role_fit
    assert fit.score == pytest.approx(0.45)
    assert "Client-facing work" in fit.explanation and fit.evidence
    one_line = doc("Experience\nEngineer\n2010 - 2018\nPresented designs to clients.\n")
    assert score_candidate(avon, extract_signals(one_line), one_line).role_fit.score == 0.0


def test_restaurant_service_counts_but_weighs_less_than_a_service_desk(avon) -> None:  # type: ignore[no-untyped-def]
    base = "Skills\nMicrosoft Office\nExperience\n"
    server, matches, _ = _score(avon, base + "Host/Server\n2010 - 2015\nKept the floor tidy.\n")
    assert matches[0].score == 0.0  # six years waiting tables are not "equivalent experience" to a degree
    assert "half weight" in matches[-1].explanation
    csr, _, _ = _score(avon, base + "Customer Service Representative\n2010 - 2015\nKept the floor tidy.\n")
    cook, _, _ = _score(avon, base + "Line Cook\n2010 - 2015\nKept the floor tidy.\n")
    # The margins of the requirements and role fit, as they weigh in the total.
    points = (1 - WORDING_WEIGHT) * 10
    assert cook + 2 * points < server < csr - points


# --------------------------------------------------------------------------- any posting: role fit, phrases,
# must-have, seniority against the posting's level

AP_POSTING = """Title: Accounts Payable Specialist
REQUIREMENTS:
- 2+ years of accounts payable experience.
- Working knowledge of GAAP.
"""


def _typed(text: str, **changes: object):  # type: ignore[no-untyped-def]
    import dataclasses

    from jobmatch.models import Category

    posting = parse_posting(text)
    reqs = list(posting.requirements)
    reqs[0] = dataclasses.replace(
        reqs[0], category=Category.EXPERIENCE, years=2.0, fields=("accounts payable",)
    )
    if changes:
        reqs[1] = dataclasses.replace(reqs[1], **changes)  # type: ignore[arg-type]
    return dataclasses.replace(posting, requirements=tuple(reqs))


AP_CLERK = "Experience\nAccounts Payable Clerk\n2012 - 2020\nProcessed vendor invoices and check runs.\n"
CONTROLLER = "Experience\nController\n2012 - 2020\nOversaw accounts payable and the monthly close.\n"
COOK = "Experience\nLine Cook\n2012 - 2020\nPrepared food on the grill station.\n"


def test_role_fit_for_any_title_comes_from_the_occupation_vocabulary() -> None:
    posting = _typed(AP_POSTING)
    fits = {}
    for name, text in (("clerk", AP_CLERK), ("controller", CONTROLLER), ("cook", COOK)):
        d = doc(text)
        fits[name] = score_candidate(posting, extract_signals(d), d).role_fit
    assert fits["clerk"].score > 0.9 and "accounts_payable" in fits["clerk"].families
    assert fits["clerk"].evidence and "Accounts Payable" in fits["clerk"].evidence[0].text
    assert 0 < fits["controller"].score < fits["clerk"].score  # oversaw the work: related, not the role
    assert fits["cook"].score == 0.0


def test_seniority_is_judged_against_the_postings_level() -> None:
    from jobmatch.scoring import ROLE_FIT_WEIGHT, SENIORITY_PENALTY, WORDING_WEIGHT

    posting = _typed(AP_POSTING)
    d = doc(CONTROLLER)
    senior = score_candidate(posting, extract_signals(d), d)
    assert any("far above" in n for n in senior.notes)
    # formula_shows_all_it_applies: the factor is part of the assessment, and the parts add up to the total
    assert senior.seniority_factor == SENIORITY_PENALTY and senior.capped_at is None
    parts = (1 - ROLE_FIT_WEIGHT) * senior.requirements_score + ROLE_FIT_WEIGHT * 100 * senior.role_fit.score
    expected = (1 - WORDING_WEIGHT) * SENIORITY_PENALTY * parts + WORDING_WEIGHT * 100 * senior.wording.score
    assert abs(senior.total - expected) < 0.11
    d = doc(AP_CLERK)
    clerk = score_candidate(posting, extract_signals(d), d)
    assert not clerk.notes and clerk.seniority_factor == 1.0


def test_recruiter_phrases_raise_any_requirement_to_met_with_the_quote() -> None:
    # A phrase no vocabulary knows: only the recruiter's rule can find it.
    posting = _typed(AP_POSTING, phrases=("household ledger",))
    d = doc(COOK + "Kept the household ledger for a family trust.\n")
    r2 = score_candidate(posting, extract_signals(d), d).matches[1]
    assert r2.status is Status.MET  # by the matcher reading the phrase, or by scoring's phrase rule
    assert "household ledger" in r2.evidence[0].text.lower()


def test_a_missed_must_have_caps_the_total() -> None:
    from jobmatch.scoring import MUST_HAVE_CAP

    d = doc(AP_CLERK + "Skills\nExcel\n")
    free = score_candidate(_typed(AP_POSTING), extract_signals(d), d)
    capped = score_candidate(_typed(AP_POSTING, must_have=True), extract_signals(d), d)
    assert free.total > MUST_HAVE_CAP
    assert capped.total == MUST_HAVE_CAP and any("must-have" in n for n in capped.notes)
    assert (free.capped_at, capped.capped_at) == (None, MUST_HAVE_CAP)


def test_posting_level_from_title_then_experience_level_field() -> None:
    from jobmatch.scoring import posting_rung

    assert posting_rung(parse_posting("Title: Accounting Manager\nREQUIREMENTS:\n- Excel.\n")) == 3
    entry = parse_posting("Title: Widget Person\nExperience Level: Entry Level\nREQUIREMENTS:\n- Excel.\n")
    assert posting_rung(entry) == 0
    assert posting_rung(parse_posting("Title: Widget Person\nREQUIREMENTS:\n- Excel.\n")) == 1


def test_a_title_outside_the_vocabulary_is_read_by_the_names_inside_it() -> None:
    from jobmatch.scoring import posting_target

    posting = parse_posting("Title: Patient Care Coordinator\nREQUIREMENTS:\n- Excel.\n")
    assert "nursing" in posting_target(posting).core


def test_preferred_work_of_another_kind_is_not_the_job() -> None:
    """preferred_work_is_not_the_job: a trainer's "sales experience is a plus" leaves salespeople out of the
    role fit; a coordinator's "customer service is a plus" (a related family) stays in it."""
    from jobmatch.scoring import posting_target

    trainer = parse_posting(
        "Title: Personal Trainer\nREQUIREMENTS:\n- 1+ years of experience as a personal trainer.\n"
        "- Sales experience is a plus.\n"
    )
    assert "fitness" in posting_target(trainer).families and "sales" not in posting_target(trainer).families
    coordinator = parse_posting(
        "Title: Account Sales Coordinator\nREQUIREMENTS:\n"
        "- Previous experience in a sales support or customer service role is a plus.\n"
    )
    assert "customer_service" in posting_target(coordinator).families
    # an activity only a related family's duties name is a plus, not the job: marketers are no video editors
    video = parse_posting(
        "Title: Video Producer / Editor\nREQUIREMENTS:\n- 3+ years of experience as a video editor.\n"
        "PREFERRED:\n- 2+ years of experience producing content for social media platforms\n"
    )
    assert posting_target(video).families == frozenset({"design"})
    nurse = parse_posting(
        "Title: Registered Nurse\nREQUIREMENTS:\n- 2+ years of acute care nursing.\n"
        "PREFERRED:\n- Telemetry experience\n"
    )
    assert "nursing" in posting_target(nurse).families


def test_logistics_shown_or_not_carry_no_weight_and_never_cap() -> None:
    """What a résumé happens to show of shifts or weekends neither adds to the total nor, as a must-have,
    caps it: the screen settles it."""
    text = (
        "Title: Clerk\nREQUIREMENTS:\n- Proficiency in Microsoft Excel.\n- Must be able to work weekends.\n"
    )
    posting = parse_posting(text)
    # Excel only through the suite: partial, so any weight the weekends line got would show in the total
    plain = doc("Skills\nMS Office, typing\n")
    weekends = doc("Skills\nMS Office, typing\nWorked weekends\n")
    a = score_candidate(posting, extract_signals(plain), plain)
    b = score_candidate(posting, extract_signals(weekends), weekends)
    assert [m.status for m in a.matches] == [Status.PARTIAL, Status.ASK]
    assert b.matches[1].status is Status.MET and b.requirements_score == a.requirements_score
    must = dataclasses.replace(
        posting, requirements=(posting.requirements[0], replace(posting.requirements[1], must_have=True))
    )
    assert score_candidate(must, extract_signals(plain), plain).total == a.total


def test_a_resume_line_is_quoted_once_per_requirement(avon) -> None:  # type: ignore[no-untyped-def]
    """One line naming skincare, a brand and cosmetics is one piece of evidence of cosmetics, not three."""
    document = doc(
        "Jane Roe\nExperience\nSales Administrator, Acme, 07/2018 - 12/2020\n"
        "- Order entry for skincare brands such as Clinique and Estee Lauder cosmetics\n"
    )
    result = score_candidate(avon, extract_signals(document), document)
    for match in result.matches:
        lines = [(e.page, e.line, e.term) for e in match.evidence]
        assert len(lines) == len(set(lines)), match.requirement.id
    assert any(m.evidence for m in result.matches)


def test_avon_requirements_are_answered_by_the_general_matchers(avon) -> None:  # type: ignore[no-untyped-def]
    # No AVON147-only concept path: each requirement is answered by its category's matcher, whose name is
    # what the explanation shows ("education", "skills and tools", …), never "office", "crm" or "cosmetics".
    assessment = score_candidate(avon, extract_signals(doc(IDEAL)), doc(IDEAL))
    concepts = [m.concept for m in assessment.matches]
    assert not {"office", "crm", "cosmetics", "degree", "keywords"} & set(concepts), concepts
    assert concepts[0] == "education" and concepts[3] == "skills and tools"
    assert all(m.status is Status.MET for m in assessment.matches), [
        m.explanation for m in assessment.matches
    ]


def test_a_required_licence_weighs_double_and_a_voluntary_certification_does_not() -> None:
    """hard_credential: the law requires an RN licence to nurse; CompTIA A+ is the candidate's choice."""
    from jobmatch.models import Category, Requirement, RequirementKind
    from jobmatch.scoring import WEIGHT_REQUIRED, WEIGHT_REQUIRED_LICENCE, weight_of

    def credential(terms: tuple[str, ...], kind: RequirementKind = RequirementKind.REQUIRED) -> Requirement:
        return Requirement("R1", " ".join(terms), kind, category=Category.CREDENTIAL, terms=terms)

    assert weight_of(credential(("RN",))) == WEIGHT_REQUIRED_LICENCE == 2 * WEIGHT_REQUIRED
    assert weight_of(credential(("teaching certificate",))) == WEIGHT_REQUIRED_LICENCE
    assert weight_of(credential(("CompTIA A+", "Network+"))) == WEIGHT_REQUIRED
    assert weight_of(credential(("RN",), RequirementKind.PREFERRED)) < WEIGHT_REQUIRED


def test_leading_a_team_is_leadership_shown_by_the_postings_own_job() -> None:
    posting = parse_posting(
        "Sous Chef\n\nRequirements\n- Ability to lead a team calmly under pressure.\n", "SC.txt"
    )
    d = doc("Experience\nSous Chef\nHarbor Grill, 2015 - 2020\nSupervised a team of 12 line cooks.\n")
    match = score_candidate(posting, extract_signals(d), d).matches[0]
    assert match.status is Status.PARTIAL  # leadership shown; "under pressure" not
    assert "Leadership" in match.explanation and "under pressure" in match.explanation


CFA_POSTING = (
    "Financial Analyst\n\nQualifications\n"
    "- MBA or progress toward CFA preferred\n- Bachelor's degree or CPA\n"
)


@pytest.mark.parametrize(
    ("line", "mba_or_cfa", "bachelor_or_cpa"),
    [
        ("CFA Level II Candidate", Status.MET, Status.NOT_FOUND),  # progress toward it is what is asked
        ("Certified Public Accountant (CPA), 2016", Status.NOT_FOUND, Status.MET),
        ("Notary public", Status.NOT_FOUND, Status.NOT_FOUND),
    ],
)
def test_a_credential_the_posting_accepts_in_place_of_the_degree_meets_it(
    line: str, mba_or_cfa: Status, bachelor_or_cpa: Status
) -> None:
    """credential_instead_of_a_degree: "MBA or progress toward CFA", "Bachelor's degree or CPA"."""
    posting = parse_posting(CFA_POSTING, "fa.txt")
    assert [r.terms for r in posting.requirements] == [("CFA",), ("CPA",)]
    d = doc(f"Sam Lee\nExperience\nFinancial Analyst, Acme\n2012 - 2020\nCertifications\n{line}\n")
    matches = score_candidate(posting, extract_signals(d), d).matches
    assert [m.status for m in matches] == [mba_or_cfa, bachelor_or_cpa]
    met = [m for m in matches if m.status is Status.MET]
    assert all(line in m.evidence[0].text and "in place of the degree" in m.explanation for m in met)
