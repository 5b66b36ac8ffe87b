"""``jobmatch report`` and ``--format html``: one self-contained HTML page a hiring manager opens from disk.

Everything the page needs is inside it: the stylesheet and a few lines of plain JavaScript are inlined, and
a Content-Security-Policy meta tag lets the browser run only those two (by their SHA-256 hashes) and fetch
nothing at all. Every string from a résumé, a posting or a file name is untrusted: it reaches the page only
through Jinja2's autoescaping (never ``|safe``), after :func:`sanitize.clean_display`, and never as a URL
(the only links are ``#`` anchors to the page's own sections). With scripts off the page is still the
whole shortlist in rank order; the script only adds sorting and filters.

The output is deterministic: the time of the run appears only when the caller passes it in
(:class:`ReportRun`), so the same inputs give the same bytes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import PurePath
from typing import TextIO

import jinja2
from markupsafe import Markup

from jobmatch import __version__
from jobmatch.models import (
    CandidateResult,
    Evidence,
    Method,
    Posting,
    Ranking,
    Requirement,
    RequirementKind,
    RequirementMatch,
    Status,
)
from jobmatch.render.data import all_warnings, main_gap, select_top, sorted_skipped
from jobmatch.render.explain import excerpt
from jobmatch.render.table import HIDDEN_TEXT_WARNING, degree_label, key_signals
from jobmatch.sanitize import clean_display
from jobmatch.screening import screening_questions as ask_at_screen
from jobmatch.weights import scale_sentence

TEMPLATES = "templates"
TEMPLATE = "report.html.j2"
STYLESHEET = "report.css"
SCRIPT = "report.js"
SUMMARY_PREVIEW = 300  # characters of the posting's summary shown under its title

# How each status shows in the grid: a mark that survives printing in black and white, a short word, and
# the CSS class that colours the cell.
STATUS_VIEW: dict[Status, tuple[str, str, str]] = {
    Status.MET: ("✓", "met", "st-met"),
    Status.PARTIAL: ("~", "partial", "st-partial"),
    Status.NOT_FOUND: ("✗", "not found", "st-missing"),
    Status.ASK: ("?", "ask at screen", "st-ask"),
}


@dataclass(frozen=True, slots=True)
class ReportRun:
    """What the page says about the run that made it. ``made_at`` is shown only when given."""

    made_at: str = ""  # e.g. "2026-12-02 14:05 UTC"
    version: str = __version__


def report_time(environ: Mapping[str, str], now: dt.datetime | None = None) -> str:
    """When the run was made, for :class:`ReportRun`: ``SOURCE_DATE_EPOCH`` when set (the reproducible-builds
    convention, so a build or a test can pin it), else ``now`` (default: the clock), in UTC to the minute."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
        except (ValueError, OverflowError, OSError):
            raise ValueError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}") from None
    else:
        moment = now if now is not None else dt.datetime.now(tz=dt.UTC)
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


# --------------------------------------------------------------------------- the view: plain, clean strings


@dataclass(frozen=True, slots=True)
class QuoteView:
    where: str  # "p1 L19"
    method: str  # 'synonym: "bachelor"'
    before: str
    matched: str  # shown highlighted
    after: str


@dataclass(frozen=True, slots=True)
class MatchView:
    id: str
    mark: str
    status: str
    css: str
    score: str  # "0.85"
    cell: str  # what the grid shows: "✓ 0.85"; "? ask" where the score means nothing (it weighs nothing)
    explanation: str
    quotes: tuple[QuoteView, ...]


@dataclass(frozen=True, slots=True)
class RequirementView:
    id: str
    text: str
    kind: str  # "required" / "preferred"
    category: str
    must_have: bool
    short: str  # a few words for the grid's column header tooltip


@dataclass(frozen=True, slots=True)
class CandidateView:
    anchor: str  # "c1": the id of the candidate's section
    rank: str
    name: str
    file: str
    score: str
    met: str  # "6/7"
    met_count: int
    musts_met: bool
    signals: str
    gap: str
    hidden_text: bool
    matches: tuple[MatchView, ...]
    role_fit: str
    role_fit_quotes: tuple[QuoteView, ...]
    wording: str
    wording_quotes: tuple[QuoteView, ...]
    education: tuple[str, ...]
    jobs: tuple[str, ...]
    questions: tuple[str, ...]
    warnings: tuple[str, ...]
    duplicates: tuple[str, ...] = ()  # the other files of the same person, shown once here


def _split_quote(evidence: Evidence) -> QuoteView:
    """The quoted line cut around its match, split so the template can highlight the matched words."""
    matched = clean_display(evidence.matched) or clean_display(evidence.term)
    quote = excerpt(clean_display(evidence.text), matched)
    span = re.search(re.escape(matched), quote, re.IGNORECASE) if matched else None
    method = clean_display(str(evidence.method))
    if evidence.method == Method.FUZZY:
        method = f"{method} {evidence.ratio:.0f}%"
    term = clean_display(evidence.term)
    label = f'{method}: "{term}"' if term else method
    where = f"p{evidence.page} L{evidence.line}"
    if span is None:
        return QuoteView(where, label, quote, "", "")
    return QuoteView(
        where, label, quote[: span.start()], quote[span.start() : span.end()], quote[span.end() :]
    )


def _match_view(match: RequirementMatch) -> MatchView:
    mark, word, css = STATUS_VIEW.get(match.status, ("", clean_display(str(match.status)), ""))
    return MatchView(
        id=clean_display(match.requirement.id),
        mark=mark,
        status=word,
        css=css,
        score=f"{match.score:.2f}",
        cell=f"{mark} ask" if match.status is Status.ASK else f"{mark} {match.score:.2f}",
        explanation=clean_display(match.explanation),
        quotes=tuple(_split_quote(e) for e in match.evidence),
    )


def must_haves(posting: Posting) -> tuple[Requirement, ...]:
    """The requirements the "must-haves met" filter checks: those the recruiter marked ``must_have``, or,
    when none is marked, every required one."""
    marked = tuple(r for r in posting.requirements if r.must_have)
    return marked or tuple(r for r in posting.requirements if r.kind is RequirementKind.REQUIRED)


def _musts_met(candidate: CandidateResult, musts: Sequence[Requirement]) -> bool:
    # What only the screen can answer (Status.ASK) is neither met nor missed: it does not fail the filter.
    wanted = {r.id for r in musts}
    return all(m.status in (Status.MET, Status.ASK) for m in candidate.matches if m.requirement.id in wanted)


def screening_questions(candidate: CandidateResult) -> tuple[str, ...]:
    """What to ask this candidate at the screen (:mod:`jobmatch.screening`), each after its requirement."""
    return tuple(f"{q.requirement}: {q.text}" for q in ask_at_screen(candidate))


def _job_line(title: str, employer: str, start: str, end: str, months: int) -> str:
    where = f", {clean_display(employer)}" if employer else ""
    start, end = clean_display(start), clean_display(end)
    span = f"{start or '?'} – {end or '?'}" if start or end else "dates unknown"
    if months > 0:
        span += f", {months} months"
    return f"{clean_display(title) or '(untitled)'}{where} ({span})"


def _candidate_view(candidate: CandidateResult, musts: Sequence[Requirement], index: int) -> CandidateView:
    gap = main_gap(candidate)
    facts = candidate.signals
    education = []
    for entry in facts.education:
        label = degree_label(entry.level, entry.field) or clean_display(entry.level)
        extra = ", ".join(clean_display(x) for x in (entry.school, entry.year) if x)
        line = label + (f" ({extra})" if extra else "")
        if not entry.completed:
            line += f" — not completed: {clean_display(entry.progress) or 'in progress'}"
        education.append(line)
    warnings = tuple(clean_display(w) for w in all_warnings(candidate))
    return CandidateView(
        anchor=f"c{index}",
        rank=str(candidate.rank) if candidate.rank > 0 else "",
        name=clean_display(candidate.name) or clean_display(PurePath(candidate.file).name),
        file=clean_display(candidate.file),
        score=f"{candidate.score:.1f}",
        met=f"{candidate.met}/{len(candidate.matches)}",
        met_count=candidate.met,
        musts_met=_musts_met(candidate, musts),
        signals=key_signals(candidate),
        gap=f"{clean_display(gap.requirement.id)} {clean_display(gap.requirement.text)}" if gap else "",
        hidden_text=any(w.startswith(HIDDEN_TEXT_WARNING) for w in warnings),
        matches=tuple(_match_view(m) for m in candidate.matches),
        role_fit=f"{candidate.role_fit.score:.2f} · {clean_display(candidate.role_fit.explanation)}",
        role_fit_quotes=tuple(_split_quote(e) for e in candidate.role_fit.evidence),
        wording=f"{candidate.wording.score:.2f} · {clean_display(candidate.wording.explanation)}",
        wording_quotes=tuple(_split_quote(e) for e in candidate.wording.evidence),
        education=tuple(education),
        jobs=tuple(_job_line(j.title, j.employer, j.start, j.end, j.months) for j in facts.jobs),
        questions=screening_questions(candidate),
        warnings=warnings,
        duplicates=tuple(clean_display(f) for f in candidate.duplicates),
    )


class _Candidates:
    """The candidates as views, built afresh each time the template walks them (it walks them twice: the
    grid, then the sections), so no more than one candidate's data is in memory while the page is written:
    a ranking from :func:`jobmatch.rank` reads each candidate back from disk when it is reached."""

    def __init__(self, candidates: Sequence[CandidateResult], musts: Sequence[Requirement]) -> None:
        self._candidates = candidates
        self._musts = musts

    def __iter__(self) -> Iterator[CandidateView]:
        for index, candidate in enumerate(self._candidates, 1):
            yield _candidate_view(candidate, self._musts, index)

    def __len__(self) -> int:
        return len(self._candidates)


def _requirement_view(requirement: Requirement) -> RequirementView:
    text = clean_display(requirement.text)
    return RequirementView(
        id=clean_display(requirement.id),
        text=text,
        kind=clean_display(str(requirement.kind)),
        category=clean_display(str(requirement.category)).replace("_", " "),
        must_have=requirement.must_have,
        short=text,
    )


def _posting_title(posting: Posting) -> str:
    return clean_display(posting.title) or clean_display(PurePath(posting.path).name) or "Posting"


# --------------------------------------------------------------------------- assets and the template


@dataclass(frozen=True, slots=True)
class InlineAssets:
    css: str
    js: str
    csp: str


def _hash_source(text: str) -> str:
    """A CSP source that allows exactly this inline script or stylesheet."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@cache
def inline_assets() -> InlineAssets:
    """Our stylesheet and script, and the CSP that allows exactly those two."""
    folder = resources.files("jobmatch.render").joinpath(TEMPLATES)
    css = folder.joinpath(STYLESHEET).read_text(encoding="utf-8")
    js = folder.joinpath(SCRIPT).read_text(encoding="utf-8")
    # Nothing may be fetched (default-src 'none': no images, fonts, frames, connections); only our own
    # inline stylesheet and script run; no <base>, no form posts anywhere.
    csp = (
        f"default-src 'none'; script-src {_hash_source(js)}; style-src {_hash_source(css)}; "
        "base-uri 'none'; form-action 'none'"
    )
    return InlineAssets(css, js, csp)


@cache
def _template() -> jinja2.Template:
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("jobmatch.render", TEMPLATES),
        autoescape=True,  # every {{ value }} is HTML-escaped, attributes included
        undefined=jinja2.StrictUndefined,  # a misspelt name fails the render instead of printing nothing
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return environment.get_template(TEMPLATE)


def render_report(
    ranking: Ranking, out: TextIO, *, top: int | None = None, run: ReportRun | None = None
) -> None:
    """Write the shortlist page for ``ranking`` to ``out``: the first ``top`` candidates (all when None)."""
    run = run or ReportRun()
    posting = ranking.posting
    assets = inline_assets()
    musts = must_haves(posting)
    shown = select_top(ranking.candidates, top)
    # the run's date: a file dated earlier counts its own "Present" to its own date (signals.as_of)
    as_of = clean_display(ranking.as_of) if ranking.as_of else ""
    summary = clean_display(posting.section("SUMMARY"))
    fields = [
        (clean_display(key), clean_display(value))
        for key, value in posting.fields
        if key.lower() != "title" and clean_display(value)
    ]
    context = {
        "title": _posting_title(posting),
        "posting_file": clean_display(posting.path),
        "fields": fields,
        "summary": excerpt(summary, "", SUMMARY_PREVIEW),
        "requirements": [_requirement_view(r) for r in posting.requirements],
        "musts_label": "every must-have met"
        if any(r.must_have for r in musts)
        else "every required item met",
        "candidates": _Candidates(shown, musts),
        "shown_count": len(shown),
        "total_count": len(ranking.candidates),
        "skipped": [
            (clean_display(s.file), clean_display(s.reason)) for s in sorted_skipped(ranking.skipped)
        ],
        "run": run,
        "scale": scale_sentence(),
        "as_of": as_of,
        "csp": assets.csp,
        # Our own static files, not data: the only strings that go in unescaped.
        "stylesheet": Markup(assets.css),
        "script": Markup(assets.js),
    }
    for chunk in _template().generate(**context):
        out.write(chunk)


def render_html(ranking: Ranking, out: TextIO, *, top: int | None, color: bool, width: int | None) -> None:
    """``--format html`` for the format registry: the same page, without the time of the run."""
    del color, width  # a page has its own colours and wraps itself
    render_report(ranking, out, top=top)
