"""Renderers: the JSON contract, JSONL line types, CSV safety, table and explain safety and content."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from typing import Any

import pytest

from jobmatch.errors import UsageError
from jobmatch.models import (
    CandidateResult,
    Degree,
    Document,
    EducationEntry,
    Evidence,
    JobEntry,
    Line,
    Method,
    Posting,
    Ranking,
    Requirement,
    RequirementKind,
    RequirementMatch,
    Role,
    RoleSignal,
    Signals,
    Skipped,
    Status,
    TermSignal,
)
from jobmatch.render import (
    FORMATS,
    candidate_to_dict,
    explain_json,
    find_format,
    main_gap,
    ranking_to_dict,
    render_explain,
    render_posting,
    render_ranking,
    render_skipped_csv,
)

R1 = Requirement(
    "R1", "Bachelor's degree in Marketing or Business", RequirementKind.REQUIRED, ("equivalent experience",)
)
R2 = Requirement("R2", "Proficient in Microsoft Office", RequirementKind.REQUIRED)
R3 = Requirement("R3", "Experience in the cosmetics industry", RequirementKind.PREFERRED)

POSTING = Posting(
    path="requirements/AVON147.txt",
    fields=(("Title", "Account Sales Coordinator"), ("Job ID", "AVON147"), ("Location", "New York, NY")),
    sections=(("SUMMARY", "Support the account sales team. " * 20),),
    requirements=(R1, R2, R3),
)

OFFICE_EVIDENCE = Evidence(
    text="Advanced MS Office user (Excel pivot tables)",
    page=1,
    line=12,
    method=Method.SYNONYM,
    term="Microsoft Office",
    matched="ms office",
    section="skills",
)
DEGREE_EVIDENCE = Evidence(
    text="B.S. Marketing, State University, 2014", page=2, line=3, method=Method.EXACT, term="marketing"
)
EVIL_NAME = "\x1b[31mMallory[bold]x[/bold] \u202eevil"


def _document(path: str, warnings: tuple[str, ...] = ()) -> Document:
    lines = (Line("Advanced MS Office user (Excel pivot tables)", 1, 12),)
    return Document(path=path, kind="txt", lines=lines, pages=2, warnings=warnings)


def _candidate_a() -> CandidateResult:
    signals = Signals(
        degree=Degree("bachelor", "Marketing", True, False, (DEGREE_EVIDENCE,)),
        roles=(
            (
                "sales_support",
                RoleSignal(
                    True, ("Sales Assistant",), 4.5, (Role("Sales Assistant", "2015-03", "2019-09", 54),)
                ),
            ),
        ),
        terms=(
            ("microsoft_office", TermSignal(True, ("Excel", "Word"), (OFFICE_EVIDENCE,))),
            ("cosmetics", TermSignal(True, ("Sephora",))),
            ("crm", TermSignal(True, ("Salesforce",))),
            ("communication", TermSignal(True, ("presentations",))),
        ),
        name="Ada Lovelace",
        education=(EducationEntry("bachelor", "Marketing", "State University", "2014"),),
        jobs=(JobEntry("Sales Assistant", "Acme", "2015-03", "2019-09", 54),),
    )
    matches = (
        RequirementMatch(
            R1,
            Status.MET,
            1.0,
            (DEGREE_EVIDENCE,),
            "Bachelor's in Marketing found.",
            "degree",
            "Bachelor's in Marketing",
        ),
        RequirementMatch(R2, Status.MET, 0.9, (OFFICE_EVIDENCE,), "MS Office listed in skills.", "office"),
        RequirementMatch(
            R3,
            Status.PARTIAL,
            0.5,
            (),
            "Beauty retailer named once.",
            "cosmetics",
            "beauty retailer: Sephora",
        ),
    )
    return CandidateResult(
        file="resumes/ada.txt",
        name="Ada Lovelace",
        score=87.46,
        matches=matches,
        signals=signals,
        document=_document("resumes/ada.txt", ("hidden text ignored (white or off-page)",)),
        rank=1,
    )


def _candidate_b(
    name: str = EVIL_NAME, file: str = "resumes/mallory.pdf", score: float = 12.0
) -> CandidateResult:
    matches = (
        RequirementMatch(R1, Status.NOT_FOUND, 0.0, (), "No degree found.", "degree"),
        RequirementMatch(R2, Status.PARTIAL, 0.4, (), "Only Excel mentioned.", "office"),
        RequirementMatch(R3, Status.NOT_FOUND, 0.0, (), "No beauty terms.", "cosmetics"),
    )
    return CandidateResult(
        file=file,
        name=name,
        score=score,
        matches=matches,
        signals=Signals(name=name),
        document=_document(file),
        warnings=("scanned PDF: little text",),
        rank=2,
    )


def _ranking(**kwargs: Any) -> Ranking:
    return Ranking(
        posting=POSTING,
        candidates=(_candidate_a(), _candidate_b(**kwargs)),
        skipped=(Skipped("resumes/broken.docx", "not a valid DOCX (zip error)"),),
    )


def _render(fmt: str, ranking: Ranking | None = None, **kwargs: Any) -> str:
    out = io.StringIO()
    render_ranking(ranking or _ranking(), fmt, out, **kwargs)
    return out.getvalue()


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in (*_strings(k), *_strings(v))]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


# --------------------------------------------------------------------------- registry


def test_every_format_has_a_renderer() -> None:
    assert FORMATS == ("table", "json", "jsonl", "csv", "tsv", "markdown", "html")
    for fmt in FORMATS:
        assert find_format(fmt).name == fmt
        assert _render(fmt).endswith("\n")


def test_format_names_are_case_insensitive() -> None:
    assert find_format("JSON").name == "json" and find_format(" Csv ").name == "csv"
    assert _render("JSONL") == _render("jsonl")


def test_unknown_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown format 'xml'; choose one of: table, json"):
        _render("xml")


def test_only_csv_is_written_with_a_byte_order_mark() -> None:
    assert [f for f in FORMATS if find_format(f).encoding != "utf-8"] == ["csv"]
    assert find_format("csv").encoding == "utf-8-sig"


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "tsv", "markdown"])
def test_machine_formats_never_carry_escape_codes(fmt: str) -> None:
    assert "\x1b" not in _render(fmt, color=True)


def test_output_is_deterministic() -> None:
    for fmt in FORMATS:
        assert _render(fmt) == _render(fmt)


# --------------------------------------------------------------------------- json contract


def test_json_keys_contract() -> None:
    text = _render("json")
    assert text.endswith("}\n")
    data = json.loads(text)
    assert set(data) >= {"posting", "candidates", "skipped"}
    posting = data["posting"]
    assert set(posting) >= {"id", "title", "file", "requirements"}
    assert posting["id"] == "AVON147"
    assert posting["title"] == "Account Sales Coordinator"
    assert posting["file"] == "requirements/AVON147.txt"
    assert [set(r) >= {"id", "text", "kind"} for r in posting["requirements"]] == [True] * 3
    assert posting["requirements"][2] == {
        "id": "R3",
        "text": "Experience in the cosmetics industry",
        "kind": "preferred",
        "alternatives": [],
    }

    assert len(data["candidates"]) == 2
    for candidate in data["candidates"]:
        assert set(candidate) >= {
            "rank",
            "file",
            "name",
            "score",
            "met",
            "requirements",
            "facts",
            "warnings",
        }
        for requirement in candidate["requirements"]:
            assert set(requirement) >= {"id", "status", "score", "concept", "explanation", "evidence"}
            for evidence in requirement["evidence"]:
                assert set(evidence) >= {"text", "page", "line", "method", "term", "ratio", "section"}
        facts = candidate["facts"]
        assert set(facts) >= {"education", "jobs", "total_experience_years", "as_of", "seniority"}
        # No posting's concepts in the facts: they hold for any posting.
        assert not set(facts) & {"microsoft_office", "cosmetics", "crm", "sales_support"}

    ada = data["candidates"][0]
    assert ada["rank"] == 1
    assert ada["score"] == 87.5
    assert ada["met"] == 2
    assert ada["requirements"][1]["score"] == 0.9
    assert ada["requirements"][1]["status"] == "met"
    assert ada["requirements"][1]["evidence"][0] == {
        "text": "Advanced MS Office user (Excel pivot tables)",
        "page": 1,
        "line": 12,
        "method": "synonym",
        "term": "Microsoft Office",
        "matched": "ms office",
        "ratio": 100.0,
        "section": "skills",
    }
    assert ada["facts"]["education"] == [
        {
            "level": "bachelor",
            "field": "Marketing",
            "school": "State University",
            "year": "2014",
            "completed": True,
            "not_completed_because": "",
        }
    ]
    assert ada["facts"]["jobs"] == [
        {"title": "Sales Assistant", "employer": "Acme", "start": "2015-03", "end": "2019-09", "months": 54}
    ]
    assert ada["requirements"][0]["summary"] == "Bachelor's in Marketing"
    assert ada["warnings"] == ["hidden text ignored (white or off-page)"]
    assert data["skipped"] == [{"file": "resumes/broken.docx", "reason": "not a valid DOCX (zip error)"}]


def test_json_strings_are_sanitised() -> None:
    data = json.loads(_render("json"))
    mallory = data["candidates"][1]
    assert mallory["name"] == "[31mMallory[bold]x[/bold] evil"
    assert mallory["requirements"][0]["status"] == "not found"
    for text in _strings(data):
        assert "\x1b" not in text and "\u202e" not in text


def test_json_valid_with_lone_surrogate_file_name() -> None:
    ranking = _ranking(file="resumes/caf\udcff.pdf")
    for fmt in ("json", "jsonl"):
        text = _render(fmt, ranking)
        text.encode("utf-8")  # would raise UnicodeEncodeError on a lone surrogate
        assert "\udcff" not in text
    data = json.loads(_render("json", ranking))
    file = data["candidates"][1]["file"]
    assert file.startswith("resumes/caf") and file.endswith(".pdf") and len(file) == len("resumes/caf?.pdf")


def test_json_top_limits_candidates_but_keeps_skipped() -> None:
    data = json.loads(_render("json", top=1))
    assert [c["name"] for c in data["candidates"]] == ["Ada Lovelace"]
    assert len(data["skipped"]) == 1


def test_candidate_to_dict_matches_ranking_entry() -> None:
    assert ranking_to_dict(_ranking())["candidates"][0] == candidate_to_dict(_candidate_a())


def test_explain_json() -> None:
    data = explain_json(_candidate_b(), POSTING)
    json.dumps(data)
    assert data["posting"]["id"] == "AVON147"
    assert data["candidate"]["file"] == "resumes/mallory.pdf"
    assert data["missing"] == ["R1", "R3"]


# --------------------------------------------------------------------------- main gap


def test_main_gap_prefers_required_then_lowest_score() -> None:
    gap = main_gap(_candidate_b())
    assert gap is not None and gap.requirement.id == "R1"  # required, score 0
    gap = main_gap(_candidate_a())
    assert gap is not None and gap.requirement.id == "R3"  # the only one not met


def test_what_is_asked_at_the_screen_is_never_the_main_gap() -> None:
    candidate = _candidate_a()
    shifts = Requirement("R9", "Availability to work rotating shifts", RequirementKind.REQUIRED)
    asked = RequirementMatch(shifts, Status.ASK, 0.0, (), "Ask at screen", "logistics")
    met = tuple(RequirementMatch(m.requirement, Status.MET, 1.0, (), "ok") for m in candidate.matches)
    only_asked = CandidateResult(
        candidate.file, candidate.name, 90.0, (*met, asked), candidate.signals, candidate.document
    )
    assert main_gap(only_asked) is None
    gap = main_gap(
        CandidateResult(
            candidate.file,
            candidate.name,
            80.0,
            (*candidate.matches, asked),
            candidate.signals,
            candidate.document,
        )
    )
    assert gap is not None and gap.requirement.id == "R3"


def test_main_gap_none_when_all_met() -> None:
    candidate = _candidate_a()
    met = tuple(RequirementMatch(m.requirement, Status.MET, 1.0, (), "ok") for m in candidate.matches)
    full = CandidateResult(candidate.file, candidate.name, 100.0, met, candidate.signals, candidate.document)
    assert main_gap(full) is None


# --------------------------------------------------------------------------- jsonl


def test_jsonl_line_types() -> None:
    lines = _render("jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["type"] for r in records] == ["posting", "candidate", "candidate", "skipped"]
    assert records[0]["id"] == "AVON147"
    assert records[1]["name"] == "Ada Lovelace" and records[1]["score"] == 87.5
    assert records[3] == {
        "type": "skipped",
        "file": "resumes/broken.docx",
        "reason": "not a valid DOCX (zip error)",
    }


# --------------------------------------------------------------------------- csv


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_csv_layout_and_quoting() -> None:
    text = _render("csv")
    lines = text.splitlines()
    assert all(line.startswith('"') and line.endswith('"') for line in lines)  # QUOTE_ALL
    assert "\r" not in text
    rows = _csv_rows(text)
    header = rows[0]
    assert header[:6] == ["rank", "file", "name", "score", "met", "total"]
    # Per requirement of the posting: a numeric score and a status, headed by its id and text.
    assert header[6].startswith("R1 score: ") and header[7] == "R1 status"
    assert header[10] == "R3 score: Experience in the cosmetics industry" and header[11] == "R3 status"
    assert header[12:] == ["main_gap", "role_fit", "wording", "warnings", "duplicates"]
    ada = dict(zip(header, rows[1], strict=True))
    assert "hidden text ignored" in ada["warnings"]  # the hidden-text flag reaches spreadsheets too
    assert ada["rank"] == "1"
    assert ada["score"] == "87.5"
    assert ada["met"] == "2" and ada["total"] == "3"
    assert ada["R1 status"] == "met" and ada["R1 score: " + header[6][10:]] == "1.0"
    assert ada["R3 status"] == "partial" and ada[header[10]] == "0.5"
    assert ada["main_gap"] == "R3"
    mallory = dict(zip(header, rows[2], strict=True))
    assert mallory["R1 status"] == "not found" and mallory[header[6]] == "0.0"
    assert len(rows) == 3  # skipped files never mix into the candidate rows


def test_skipped_files_have_a_csv_of_their_own() -> None:
    out = io.StringIO()
    render_skipped_csv(_ranking(), out)
    assert _csv_rows(out.getvalue()) == [
        ["file", "reason"],
        ["resumes/broken.docx", "not a valid DOCX (zip error)"],
    ]


def test_tsv_has_the_csv_columns_and_no_tab_inside_a_field() -> None:
    csv_rows = _csv_rows(_render("csv", _ranking(name="Ada\tLovelace")))
    tsv_rows = [line.split("\t") for line in _render("tsv", _ranking(name="Ada\tLovelace")).splitlines()]
    assert tsv_rows[0] == csv_rows[0]
    assert all(len(row) == len(csv_rows[0]) for row in tsv_rows)
    assert tsv_rows[1][2] == "Ada Lovelace"


def test_markdown_is_a_table_whose_untrusted_text_is_inert() -> None:
    text = _render("markdown", _ranking(name="[click](http://x) | <b>*Mal*</b>"))
    lines = text.splitlines()
    assert lines[0] == "## Account Sales Coordinator (AVON147)"
    assert lines[2].startswith("| Rank | Candidate | File | Score |")
    row = next(line for line in lines if "click" in line)
    assert "\\[click\\](http://x) \\| \\<b\\>\\*Mal\\*\\</b\\>" in row
    assert row.count(" | ") == 6  # seven cells: the résumé's "|" did not add one
    assert "- resumes/broken.docx: not a valid DOCX (zip error)" in text


def test_csv_neutralises_formulas_but_not_negative_numbers() -> None:
    rows = _csv_rows(_render("csv", _ranking(name='=HYPERLINK("x")', file="@evil.pdf", score=-5.0)))
    header, mallory = rows[0], dict(zip(rows[0], rows[2], strict=True))
    assert header[0] == "rank"
    assert mallory["name"] == '\'=HYPERLINK("x")'
    assert mallory["file"] == "'@evil.pdf"
    assert mallory["score"] == "-5.0"


def test_csv_strips_control_characters() -> None:
    text = _render("csv")
    assert "\x1b" not in text and "\u202e" not in text


# --------------------------------------------------------------------------- table


def test_table_contents() -> None:
    text = _render("table", width=200)
    assert "Account Sales Coordinator (AVON147)" in text
    assert "Ada Lovelace" in text and "resumes/ada.txt" in text
    assert "87.5" in text and "2/3" in text
    # Key signals follow the posting: what each met or partial requirement rests on, in its order.
    assert "Bachelor's in Marketing · Microsoft Office · beauty retailer: Sephora" in text
    assert "R3 Experience in the cosmetics industry" in text  # Ada's main gap
    assert "1 file skipped:" in text
    assert "resumes/broken.docx: not a valid DOCX (zip error)" in text


@pytest.mark.parametrize("color", [False, True])
def test_table_untrusted_text_is_never_markup_or_escape(color: bool) -> None:
    text = _render("table", color=color, width=200)
    assert "[bold]x[/bold]" in text  # literal brackets: not interpreted as markup
    assert "\u202e" not in text
    assert "[31mMallory" in text  # the ESC byte is gone, the rest is shown as plain text
    assert "\x1b[31mMallory" not in text
    if not color:
        assert "\x1b" not in text


def test_table_without_color_has_no_escape_even_on_a_tty() -> None:
    class FakeTTY(io.StringIO):
        def isatty(self) -> bool:
            return True

    out = FakeTTY()
    render_ranking(_ranking(), "table", out, color=False)
    assert "\x1b" not in out.getvalue()


def test_table_top_note_and_name_fallback() -> None:
    text = _render("table", _ranking(name=""), top=1)
    assert "Showing top 1 of 2 candidates." in text
    assert "mallory.pdf" not in text
    text = _render("table", _ranking(name=""))
    assert "mallory.pdf" in text


# --------------------------------------------------------------------------- explain and posting


def _explain(candidate: CandidateResult, color: bool = False) -> str:
    out = io.StringIO()
    render_explain(candidate, POSTING, out, color=color, width=200)
    return out.getvalue()


def test_explain_shows_the_seniority_factor_and_the_cap_in_its_formula() -> None:
    # formula_shows_all_it_applies: what the score's line multiplies by or caps at is on it, with why
    plain = _explain(_candidate_a())
    assert "× 85%" not in plain and "capped at" not in plain
    text = _explain(dataclasses.replace(_candidate_a(), seniority_factor=0.85, capped_at=50.0))
    assert "       = 65% × 85% × (75% requirements" in text
    assert "× 85%: latest title far above the role's level" in text
    assert "capped at 50: a must-have not met" in text


def test_explain_shows_quotes_with_page_and_line() -> None:
    text = _explain(_candidate_a())
    assert "Candidate: Ada Lovelace" in text
    assert "rank 1" in text
    assert 'p1 L12 [synonym: "Microsoft Office"] "Advanced MS Office user (Excel pivot tables)"' in text
    assert 'p2 L3 [exact: "marketing"] "B.S. Marketing, State University, 2014"' in text
    assert "✓ met" in text and "~ partial" in text
    assert "Job: Sales Assistant, Acme (2015-03 – 2019-09, 54 months)" in text
    assert "Education: Bachelor's in Marketing (State University, 2014)" in text
    assert "hidden text ignored (white or off-page)" in text
    assert "Missing: none" in text
    assert "\x1b" not in text


def test_explain_highlights_matched_words_in_bold() -> None:
    text = _explain(_candidate_a(), color=True)
    assert "\x1b[1mMS Office\x1b[0m" in text


def test_explain_lists_missing_and_is_safe() -> None:
    text = _explain(_candidate_b())
    assert "✗ not found" in text
    assert "Missing:" in text
    assert "R1 [required] Bachelor's degree in Marketing or Business" in text
    assert "R3 [preferred] Experience in the cosmetics industry" in text
    assert "[bold]x[/bold]" in text and "\x1b" not in text
    assert "scanned PDF: little text" in text


def test_render_posting() -> None:
    out = io.StringIO()
    render_posting(POSTING, out, color=False, width=200)
    text = out.getvalue()
    assert "Account Sales Coordinator (AVON147)" in text
    assert "Location: New York, NY" in text
    assert "SUMMARY" in text and "…" in text
    assert "R1 [required] other: Bachelor's degree in Marketing or Business" in text
    assert "or: equivalent experience" in text
    assert "R3 [preferred]" in text


def test_rich_output_has_no_trailing_spaces() -> None:
    outputs = [_render("table"), _explain(_candidate_a()), _explain(_candidate_b())]
    for text in outputs:
        assert text.endswith("\n")
        assert all(line == line.rstrip(" ") for line in text.split("\n"))


def test_json_is_streamed_but_identical_to_one_dump() -> None:
    import json as json_module

    from jobmatch.render.data import ranking_to_dict

    ranking = _ranking()
    for top in (None, 1):
        out = io.StringIO()
        render_ranking(ranking, "json", out, top=top)
        expected = json_module.dumps(ranking_to_dict(ranking, top), ensure_ascii=False, indent=2) + "\n"
        assert out.getvalue() == expected


def test_an_evidence_label_says_when_only_some_words_of_the_term_were_found() -> None:
    from jobmatch.models import Evidence, Method
    from jobmatch.render.explain import evidence_line

    part = Evidence("MANAGER, QUALITY ENGINEERING", 1, 1, Method.EXACT, "engineering drawings", "ENGINEERING")
    whole = Evidence(
        "Read engineering drawings", 1, 2, Method.EXACT, "engineering drawings", "engineering drawings"
    )
    plural = Evidence("Cut food costs by 8%", 1, 3, Method.EXACT, "food cost", "food costs")
    assert '[exact: "engineering drawings", only "ENGINEERING"]' in evidence_line(part).plain
    assert '[exact: "engineering drawings"] ' in evidence_line(whole).plain
    assert '[exact: "food cost"] ' in evidence_line(plural).plain


@pytest.mark.parametrize(
    "value",
    [
        {"a": [1, 2.5, True, None, "x\u2028y\x1b"], "b": {}, "c": [], "d": {"e": [{"f": -0.0}]}, "é": "ü"},
        [[], [[]], {"k": [1e100, 3]}],
        {1: "an int key leaves the fast path"},
        ("a", "tuple"),
        "plain",
        12,
    ],
)
def test_the_fast_json_writer_writes_what_the_standard_library_writes(value: object) -> None:
    """The indented writer of ``render.json`` gives json.dumps's bytes (then escapes as before)."""
    import json

    from jobmatch.render.json import INDENT, _dumps
    from jobmatch.sanitize import escape_json_text

    for level in (0, 2):
        want = json.dumps(value, ensure_ascii=False, indent=INDENT, allow_nan=False)
        assert _dumps(value, level) == escape_json_text(want.replace("\n", "\n" + " " * (INDENT * level)))


def test_the_fast_json_writer_refuses_what_json_cannot_hold() -> None:
    from jobmatch.render.json import _dumps

    with pytest.raises(ValueError):
        _dumps({"x": float("nan")}, 1)


def test_key_signals_leave_out_a_related_arrangement_of_working_time() -> None:
    """Logistics carry no weight: "holidays" for a Saturdays item stays in explain, a plain "worked
    weekends" is a key signal."""
    from dataclasses import replace

    from jobmatch.models import Category
    from jobmatch.render.table import key_signals

    asked = Requirement("R4", "Must be able to work occasional Saturdays", RequirementKind.REQUIRED)
    asked = replace(asked, category=Category.LOGISTICS, terms=("Saturdays",))
    candidate = _candidate_a()
    hinted = RequirementMatch(asked, Status.PARTIAL, 0.5, (), "related: holidays", "logistics", "holidays")
    shown = RequirementMatch(asked, Status.MET, 1.0, (), "Shown", "logistics", "worked weekends")
    assert "holidays" not in key_signals(replace(candidate, matches=(*candidate.matches, hinted)))
    assert "worked weekends" in key_signals(replace(candidate, matches=(*candidate.matches, shown)))
