"""Phone-screen questions: drawn from the candidate's gaps for this posting, phrased by requirement kind from
knowledge/screening.toml, the most important first; at the end of explain (table, JSON) and in the report."""

from __future__ import annotations

import json
import re
import tomllib
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jobmatch.cli import app
from jobmatch.models import (
    CandidateResult,
    Category,
    Document,
    Requirement,
    RequirementKind,
    RequirementMatch,
    Signals,
    Status,
)
from jobmatch.screening import MOST, screening_questions, templates

ROOT = Path(__file__).resolve().parents[1]
NURSE_POSTING = str(ROOT / "tests" / "fixtures" / "postings" / "nurse.md")
NURSE_RESUME = str(ROOT / "tests" / "fixtures" / "screening" / "rn-resume.txt")
AP_POSTING = ROOT / "tests" / "fixtures" / "screening" / "ap-clerk.txt"
AP_RESUME = ROOT / "tests" / "fixtures" / "screening" / "ap-resume.txt"
runner = CliRunner()

REQ = RequirementKind.REQUIRED
PREF = RequirementKind.PREFERRED


def _match(req: Requirement, status: Status, score: float, why: str) -> RequirementMatch:
    return RequirementMatch(req, status, score, (), why)


def _candidate(*matches: RequirementMatch) -> CandidateResult:
    return CandidateResult("a.txt", "A", 50.0, matches, Signals(), Document("a.txt", "txt", (), 1))


LICENCE = Requirement("R1", "Current CPA license", REQ, category=Category.CREDENTIAL, terms=("CPA",))
AUTH = Requirement(
    "R2",
    "Must be authorized to work in the US",
    REQ,
    category=Category.LOGISTICS,
    terms=("work authorization",),
)
DEGREE = Requirement(
    "R3",
    "Bachelor's degree in Accounting",
    REQ,
    category=Category.EDUCATION,
    level="bachelor",
    fields=("Accounting",),
)
YEARS = Requirement(
    "R4",
    "3+ years of accounts payable",
    REQ,
    category=Category.EXPERIENCE,
    years=3,
    fields=("accounts payable",),
)
EXCEL = Requirement("R5", "Advanced Excel (pivot tables)", PREF, category=Category.SKILL, terms=("Excel",))
LIFT = Requirement("R6", "Able to lift 50 lbs", PREF, category=Category.LOGISTICS, terms=("lifting",))


def test_each_kind_is_asked_its_own_way_required_first() -> None:
    candidate = _candidate(
        _match(EXCEL, Status.PARTIAL, 0.5, "Excel: named only in the skills list"),
        _match(LIFT, Status.ASK, 0.0, "Ask at screen: a résumé need not show lifting"),
        _match(LICENCE, Status.NOT_FOUND, 0.0, "None of CPA found"),
        _match(AUTH, Status.ASK, 0.0, "Ask at screen: a résumé need not show work authorization"),
        _match(DEGREE, Status.PARTIAL, 0.6, "Bachelor in History: the level asked for, but in another field"),
        _match(YEARS, Status.PARTIAL, 0.6, "1.5 years of accounts payable, fewer than the 3 asked"),
    )
    questions = screening_questions(candidate)
    assert len(questions) == MOST == 5
    # Required before preferred; among the required (all weight 1) the furthest from met first.
    assert [q.requirement for q in questions] == ["R1", "R3", "R4", "R2", "R5"]
    by_id = {q.requirement: q.text for q in questions}
    assert (
        "licence or certificate number" in by_id["R1"] and "state" in by_id["R1"] and "expire" in by_id["R1"]
    )
    assert "equivalent" in by_id["R3"] and "Accounting" in by_id["R3"]
    assert "3 years of accounts payable" in by_id["R4"] and "missing period" in by_id["R4"]
    assert "1.5 years of accounts payable" in by_id["R4"]
    assert by_id["R2"].startswith("Are you authorized to work")
    assert "concrete example" in by_id["R5"]
    assert "R6" not in by_id  # the sixth question does not fit a phone screen


def test_a_met_requirement_is_asked_only_when_its_evidence_is_weak() -> None:
    strong = _match(EXCEL, Status.MET, 1.0, "Excel: shown by work")
    weak = _match(EXCEL, Status.MET, 0.7, "Excel: claimed only")
    assert screening_questions(_candidate(strong)) == ()
    assert "concrete example" in screening_questions(_candidate(weak))[0].text


def test_the_wording_is_data_with_a_question_for_every_category() -> None:
    raw = resources.files("jobmatch.knowledge").joinpath("screening.toml").read_text(encoding="utf-8")
    assert len(tomllib.loads(raw)["question"]) == len(templates())
    for category in Category:
        requirement = Requirement("R1", "Something", REQ, category=category, terms=("thing",))
        status = Status.ASK if category is Category.LOGISTICS else Status.NOT_FOUND
        assert screening_questions(_candidate(_match(requirement, status, 0.0, "none found"))), category


def test_explain_ends_with_questions_for_another_posting() -> None:
    result = runner.invoke(app, ["explain", NURSE_RESUME, "-p", NURSE_POSTING], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.stderr
    after = " ".join(result.stdout.split("To ask at the screen:", 1)[1].split())
    tail = re.findall(r"\d\. \(R\d+\) .*?(?= \d\. \(R\d+\) |$)", after)  # one per question, unwrapped
    assert 3 <= len(tail) <= 5
    # the licence is named, its state not: the question asks for what is missing, the issuing state
    assert tail[0].startswith("1. (R2)") and "RN license" in tail[0] and "expir" in tail[0]
    assert "state not said" in tail[0] and "issuing state" in tail[0]
    assert any("(R1)" in line and "another field" in line and "Nursing" in line for line in tail)
    assert any("(R6)" in line and "weekends" in line for line in tail)


def test_explain_json_carries_the_questions_in_order() -> None:
    result = runner.invoke(app, ["explain", NURSE_RESUME, "-p", NURSE_POSTING, "-f", "json"])
    assert result.exit_code == 0, result.stderr
    questions = json.loads(result.stdout)["screening_questions"]
    assert 3 <= len(questions) <= 5
    kinds = [q["kind"] for q in questions]
    assert kinds == sorted(kinds, key=lambda k: k != "required")  # required before preferred
    assert questions[0]["requirement"] == "R2" and "number" in questions[0]["question"]


def test_too_few_years_asks_about_the_missing_period(tmp_path: Path) -> None:
    result = runner.invoke(app, ["explain", str(AP_RESUME), "-p", str(AP_POSTING), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    texts = {q["requirement"]: q["question"] for q in data["screening_questions"]}
    statuses = {r["id"]: r["status"] for r in data["candidate"]["requirements"]}
    years = [rid for rid, text in texts.items() if "missing period" in text]
    assert years and statuses[years[0]] == "partial"
    assert any("authorized to work" in text for text in texts.values())


@pytest.mark.parametrize("resume", ["emily-sorensen.txt", "kevin-tran.docx"])
def test_the_report_shows_the_same_questions(tmp_path: Path, resume: str) -> None:
    page = tmp_path / "r.html"
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / resume).write_bytes((ROOT / "resumes" / resume).read_bytes())
    posting = str(ROOT / "requirements" / "AVON147.txt")
    result = runner.invoke(app, ["report", str(folder), "-p", posting, "-o", str(page), "--no-cache"])
    assert result.exit_code == 0, result.stderr
    shown = runner.invoke(app, ["explain", str(folder / resume), "-p", posting, "-f", "json"])
    html = page.read_text(encoding="utf-8")
    for question in json.loads(shown.stdout)["screening_questions"]:
        assert question["question"].replace('"', "&#34;") in html
