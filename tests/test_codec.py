"""The cache's codec: dataclasses to JSON-ready data and back, strict about the shape of what it reads."""

from __future__ import annotations

from typing import Any

import pytest

from jobmatch.codec import decode, encode, pack, unpack
from jobmatch.models import (
    CandidateResult,
    Document,
    EducationEntry,
    Evidence,
    JobEntry,
    Line,
    Method,
    Requirement,
    RequirementKind,
    RequirementMatch,
    ResumeFacts,
    Signals,
    Status,
)


def _result() -> CandidateResult:
    line = Line("Registered Nurse, 2019 – Present", page=1, number=3)
    evidence = Evidence(line.text, page=1, line=3, method=Method.EXACT, term="registered nurse")
    requirement = Requirement("R1", "Active RN licence", RequirementKind.REQUIRED, terms=("RN",), years=2)
    match = RequirementMatch(requirement, Status.MET, 1.0, (evidence,), "named")
    signals = Signals(
        jobs=(JobEntry(title="Registered Nurse", start="2019-03", end="", months=45, line_indexes=(2, 3)),),
        education=(EducationEntry("bachelor", "Nursing"),),
    )
    document = Document("cv.txt", "txt", (line,), 1, warnings=("a warning",))
    return CandidateResult(
        "cv.txt", "Ana Ruiz", 87.5, (match,), signals, document=document, fingerprint=(3, 1, 2)
    )


def test_every_field_comes_back_as_it_went_in() -> None:
    result = _result()
    assert unpack(CandidateResult, pack(result)) == result
    facts = ResumeFacts(signals=result.signals, fingerprint=(5, 7), doubt="")
    assert decode(ResumeFacts, encode(facts)) == facts


def _broken(change: Any) -> dict[str, Any]:
    data: dict[str, Any] = encode(_result())
    change(data)
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(score="87.5"), "expected a number, got str"),
        (lambda d: d.update(score=True), "expected a number, got bool"),
        (lambda d: d.update(name=5), "expected text, got int"),
        (lambda d: d.update(fingerprint=[1, True]), "expected an integer, got bool"),
        (lambda d: d.update(fingerprint=[1, 2.5]), "expected an integer, got float"),
        (lambda d: d.update(fingerprint={"a": 1}), "expected a list, got dict"),
        (lambda d: d["document"].update(lines=[["text", 1, 2]]), "expected an object for Line, got list"),
        (lambda d: d["matches"][0].update(status="maybe"), "not a valid Status"),
        (lambda d: d["matches"][0]["requirement"].update(years="2"), "expected a number, got str"),
        (lambda d: d["matches"][0].update(status=["met"]), "not a valid Status"),
        (lambda d: d["document"]["lines"][0].update(page="1"), "expected an integer, got str"),
        (lambda d: d["document"].update(warnings=["ok", 3]), "expected text, got int"),
        (lambda d: d.pop("file"), "missing"),
        (lambda d: d.update(signals=[]), "expected an object for Signals, got list"),
    ],
)
def test_a_value_of_the_wrong_shape_is_refused(change: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        decode(CandidateResult, _broken(change))


def test_what_json_cannot_tell_apart_is_read_as_the_field_says() -> None:
    data = _broken(lambda d: d.update(score=87))  # a whole number is a float field's value too
    assert decode(CandidateResult, data).score == 87.0
    assert isinstance(decode(CandidateResult, data).score, float)
    data = _broken(lambda d: d.update(name=None, extra="ignored"))  # None anywhere; unknown keys ignored
    assert decode(CandidateResult, data).name is None
    data = _broken(lambda d: d["document"].pop("warnings"))  # a field left out takes its default
    assert decode(CandidateResult, data).document.warnings == ()
