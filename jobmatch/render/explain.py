"""``explain``: one candidate against the posting, every requirement with its quoted evidence."""

from __future__ import annotations

import re
from typing import TextIO

from rich.console import Console
from rich.text import Text

from jobmatch.models import (
    CandidateResult,
    Evidence,
    JobEntry,
    Method,
    Posting,
    RequirementMatch,
    Status,
)
from jobmatch.render.console import console_for, score_style, untrusted
from jobmatch.render.data import all_warnings
from jobmatch.render.table import degree_label, posting_heading
from jobmatch.sanitize import clean_display
from jobmatch.screening import screening_questions
from jobmatch.weights import ROLE_FIT_WEIGHT, WORDING_WEIGHT, percent

QUOTE_LIMIT = 200  # characters of a résumé line shown around the match; long lines are cut with "…"
INDENT = "    "

STATUS_MARKS = {
    Status.MET: ("✓ met", "green"),
    Status.PARTIAL: ("~ partial", "yellow"),
    Status.NOT_FOUND: ("✗ not found", "red"),
    Status.ASK: ("? ask at screen", "cyan"),
}


def excerpt(text: str, matched: str, limit: int = QUOTE_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, keeping the matched words in view."""
    if len(text) <= limit:
        return text
    found = _find(text, matched)
    start = 0
    if found is not None:
        start = max(0, min(found[0] - limit // 3, len(text) - limit))
    end = min(len(text), start + limit)
    # Cut between words, never inside one: "…outside sales reps", not "…tside sales reps".
    if start > 0:
        space = text.find(" ", start, end)
        if space != -1 and (found is None or space < found[0]):
            start = space + 1
    if end < len(text):
        space = text.rfind(" ", start, end)
        if space > start and (found is None or space >= found[1]):
            end = space
    cut = text[start:end].strip()
    return ("…" if start > 0 else "") + cut + ("…" if end < len(text) else "")


def _find(text: str, words: str) -> tuple[int, int] | None:
    """The span of ``words`` in ``text``, case-insensitively (``str.lower`` could shift offsets)."""
    if not words:
        return None
    match = re.search(re.escape(words), text, re.IGNORECASE)
    return match.span() if match else None


def _method_label(evidence: Evidence) -> str:
    method = clean_display(str(evidence.method))
    if evidence.method == Method.FUZZY:
        method = f"{method} {evidence.ratio:.0f}%"
    term = clean_display(evidence.term)
    if not term:
        return f"[{method}]"
    if _some_words_only(evidence):
        # The quote holds only some of the term's words ("engineering" of "engineering drawings"): say which.
        return f'[{method}: "{term}", only "{clean_display(evidence.matched)}"]'
    return f'[{method}: "{term}"]'


def _some_words_only(evidence: Evidence) -> bool:
    if evidence.method is not Method.EXACT or not evidence.matched:
        return False
    found, wanted = set(_WORDS.findall(evidence.matched.lower())), set(_WORDS.findall(evidence.term.lower()))
    return bool(found) and found < wanted


_WORDS = re.compile(r"\w+")


def evidence_line(evidence: Evidence) -> Text:
    """``p1 L12 [synonym: "MS Office"] "…quote…"`` with the matched words in bold."""
    matched = clean_display(evidence.matched) or clean_display(evidence.term)
    quote = excerpt(clean_display(evidence.text), matched)
    line = Text(f"{INDENT}{INDENT}p{evidence.page} L{evidence.line} ")
    line.append(_method_label(evidence), style="dim")
    line.append(' "')
    quoted = Text(quote)
    span = _find(quote, matched)
    if span is not None:
        quoted.stylize("bold", *span)
    line.append(quoted)
    line.append('"')
    return line


def _print_match(console: Console, match: RequirementMatch) -> None:
    requirement = match.requirement
    mark, style = STATUS_MARKS.get(match.status, (clean_display(str(match.status)), ""))
    head = Text(f"{clean_display(requirement.id)} [{clean_display(str(requirement.kind))}] ", style="bold")
    head.append(mark, style=style)
    head.append(f"  {match.score:.2f}")
    console.print(head)
    console.print(Text(INDENT).append(untrusted(requirement.text)))
    if match.explanation:
        console.print(Text(INDENT).append(untrusted(match.explanation, style="italic")))
    for evidence in match.evidence:
        console.print(evidence_line(evidence))


def _job_span(job: JobEntry) -> str:
    start, end = clean_display(job.start), clean_display(job.end)
    span = f"{start or '?'} – {end or '?'}" if start or end else "dates unknown"
    return f"{span}, {job.months} months" if job.months > 0 else span


def _print_facts(console: Console, result: CandidateResult) -> None:
    """What the résumé says, whatever the posting: education, jobs, total years."""
    facts = result.signals
    console.print(Text("Résumé facts", style="bold underline"))
    if not facts.education:
        console.print(Text(f"{INDENT}Education: none found"))
    for entry in facts.education:
        label = degree_label(entry.level, entry.field) or clean_display(entry.level)
        extra = ", ".join(clean_display(x) for x in (entry.school, entry.year) if x)
        line = f"{INDENT}Education: {label}" + (f" ({extra})" if extra else "")
        if not entry.completed:
            line += f" — not completed: {clean_display(entry.progress) or 'in progress'}"
        console.print(Text(line))
    if not facts.jobs:
        console.print(Text(f"{INDENT}Jobs: none found"))
    for job in facts.jobs:
        where = f", {clean_display(job.employer)}" if job.employer else ""
        console.print(
            Text(f"{INDENT}Job: {clean_display(job.title) or '(untitled)'}{where} ({_job_span(job)})")
        )
    if facts.total_experience_years > 0:
        console.print(Text(f"{INDENT}Total experience: {facts.total_experience_years:.1f} years"))
    if facts.as_of:
        why = " (when the file was written)" if facts.as_of == result.document.dated else ""
        console.print(Text(f"{INDENT}'Present' counted to: {clean_display(facts.as_of)}{why}"))
    if facts.seniority:
        console.print(Text(f"{INDENT}Seniority: {clean_display(facts.seniority)}"))


def _print_part(
    console: Console, title: str, score: float, explanation: str, evidence: tuple[Evidence, ...]
) -> None:
    """A part of the total beside the requirements (role fit, wording): its score, why, and its quotes."""
    console.print(Text(title, style="bold underline"))
    console.print(Text(f"{INDENT}{score:.2f}  ").append(untrusted(explanation)))
    for quote in evidence:
        console.print(evidence_line(quote))
    console.print()


def render_explain(
    result: CandidateResult, posting: Posting, out: TextIO, *, color: bool, width: int | None
) -> None:
    with console_for(out, color=color, width=width) as console:
        console.print(Text("Candidate: ", style="bold").append(untrusted(result.name or "(name not found)")))
        console.print(Text("File: ").append(untrusted(result.file)))
        score = Text("Score: ").append(f"{result.score:.1f}", style=score_style(result.score))
        score.append(f" / 100 · {result.met}/{len(result.matches)} requirements met")
        if result.rank > 0:
            score.append(f" · rank {result.rank}")
        console.print(score)
        # ``formula_shows_all_it_applies``: the line adds up to the score, the seniority factor and a
        # must-have's cap included
        factor = f" × {percent(result.seniority_factor)}" if result.seniority_factor != 1.0 else ""
        console.print(
            Text(
                f"       = {percent(1 - WORDING_WEIGHT)}{factor} × "
                f"({percent(1 - ROLE_FIT_WEIGHT)} requirements"
                f" ({result.requirements_score:.1f}) + {percent(ROLE_FIT_WEIGHT)} role fit"
                f" ({100 * result.role_fit.score:.1f})) + {percent(WORDING_WEIGHT)} wording"
                f" ({100 * result.wording.score:.1f})"
            )
        )
        if factor:
            console.print(Text(f"       {factor.strip()}: latest title far above the role's level"))
        if result.capped_at is not None:
            console.print(Text(f"       capped at {result.capped_at:g}: a must-have not met"))
        console.print(Text("Posting: ").append(posting_heading(posting)))
        console.print()
        console.print(Text("Requirements", style="bold underline"))
        for match in result.matches:
            _print_match(console, match)
        console.print()
        fit, wording = result.role_fit, result.wording
        _print_part(console, "Role fit", fit.score, fit.explanation, fit.evidence)
        _print_part(console, "Wording", wording.score, wording.explanation, wording.evidence)
        _print_facts(console, result)
        console.print()
        missing = [m.requirement for m in result.matches if m.status == Status.NOT_FOUND]
        console.print(Text("Missing:" + ("" if missing else " none"), style="bold"))
        for requirement in missing:
            line = Text(f"{INDENT}{clean_display(requirement.id)} [{clean_display(str(requirement.kind))}] ")
            console.print(line.append(untrusted(requirement.text)))
        warnings = all_warnings(result)
        if warnings:
            console.print(Text("Warnings:", style="bold"))
            for warning in warnings:
                console.print(Text(INDENT).append(untrusted(warning, style="yellow")))
        questions = screening_questions(result)
        console.print()
        title = "To ask at the screen:" + ("" if questions else " nothing left open")
        console.print(Text(title, style="bold"))
        for number, question in enumerate(questions, 1):
            line = Text(f"{INDENT}{number}. ({clean_display(question.requirement)}) ")
            console.print(line.append(untrusted(question.text)))
