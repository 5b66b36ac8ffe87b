"""``explain``: one candidate against the posting, every requirement with its quoted evidence."""

from __future__ import annotations

import re
from typing import TextIO

from rich.console import Console
from rich.text import Text

from jobmatch.models import (
    CandidateResult,
    Evidence,
    Method,
    Posting,
    RequirementMatch,
    Role,
    RoleSignal,
    Status,
)
from jobmatch.render.console import console_for, score_style, untrusted
from jobmatch.render.data import all_warnings
from jobmatch.render.table import degree_label, posting_heading
from jobmatch.sanitize import clean_display

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
    cut = text[start : start + limit]
    return ("…" if start > 0 else "") + cut + ("…" if start + limit < len(text) else "")


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
    return f'[{method}: "{term}"]' if term else f"[{method}]"


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


def _role_span(role: Role) -> str:
    start, end = clean_display(role.start), clean_display(role.end)
    span = f"{start or '?'} – {end or '?'}" if start or end else "dates unknown"
    return f"{span}, {role.months} months" if role.months > 0 else span


def _print_roles(console: Console, label: str, signal: RoleSignal) -> None:
    if not signal.present:
        console.print(Text(f"{INDENT}{label}: not found"))
        return
    titles = ", ".join(clean_display(t) for t in signal.titles)
    console.print(Text(f"{INDENT}{label}: {signal.years:.1f} years" + (f" — {titles}" if titles else "")))
    for role in signal.roles:
        console.print(Text(f"{INDENT}{INDENT}{clean_display(role.title)} ({_role_span(role)})"))


def _terms(terms: tuple[str, ...]) -> str:
    return ", ".join(clean_display(t) for t in terms) or "not found"


def _print_signals(console: Console, result: CandidateResult) -> None:
    signals = result.signals
    degree = degree_label(signals) or clean_display(signals.degree.level) or "unknown"
    if signals.degree.related_degree:
        degree += f" (related field: {clean_display(signals.degree.related_degree)})"
    elif signals.degree.field and signals.degree.field_related:
        degree += " (related field)"
    console.print(Text("Signals", style="bold underline"))
    console.print(Text(f"{INDENT}Degree: {degree}"))
    if signals.degree.in_progress and signals.degree.progress:
        console.print(Text(f"{INDENT}{INDENT}in progress: {clean_display(signals.degree.progress)}"))
    console.print(Text(f"{INDENT}Microsoft Office: {_terms(signals.microsoft_office.terms)}"))
    _print_roles(console, "Sales support", signals.sales_support)
    _print_roles(console, "Customer service", signals.customer_service)
    console.print(Text(f"{INDENT}Cosmetics: {_terms(signals.cosmetics.terms)}"))
    console.print(Text(f"{INDENT}CRM: {_terms(signals.crm.terms)}"))
    console.print(Text(f"{INDENT}Soft skills:"))
    for label, signal in (
        ("communication", signals.communication),
        ("organization", signals.organization),
        ("customer focus", signals.customer_focus),
    ):
        console.print(Text(f"{INDENT}{INDENT}{label}: {_terms(signal.terms)}"))
    if signals.total_experience_years > 0:
        console.print(Text(f"{INDENT}Total experience: {signals.total_experience_years:.1f} years"))
    if signals.seniority:
        console.print(Text(f"{INDENT}Seniority: {clean_display(signals.seniority)}"))


ROLE_FIT_PERCENT = 25  # jobmatch.scoring.ROLE_FIT_WEIGHT, as shown to people


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
        console.print(
            Text(
                f"       = {100 - ROLE_FIT_PERCENT}% requirements ({result.requirements_score:.1f})"
                f" + {ROLE_FIT_PERCENT}% role fit ({100 * result.role_fit.score:.1f})"
            )
        )
        console.print(Text("Posting: ").append(posting_heading(posting)))
        console.print()
        console.print(Text("Requirements", style="bold underline"))
        for match in result.matches:
            _print_match(console, match)
        console.print()
        fit = result.role_fit
        console.print(Text("Role fit", style="bold underline"))
        head = Text(f"{INDENT}{fit.score:.2f}  ").append(untrusted(fit.explanation))
        console.print(head)
        for evidence in fit.evidence:
            console.print(evidence_line(evidence))
        console.print()
        _print_signals(console, result)
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
