"""Signals that are sets of named things: Microsoft Office, CRM, cosmetics/beauty, soft skills."""

from __future__ import annotations

import re

from jobmatch.models import Evidence, TermSignal
from jobmatch.signals.view import ResumeView, is_negated
from jobmatch.signals.vocab import Hit, TermMatcher, matcher

MAX_EVIDENCE = 6


def _collect(
    view: ResumeView,
    main: TermMatcher,
    ambiguous: TermMatcher | None = None,
    order: tuple[str, ...] = (),
    by_term: bool = False,
) -> TermSignal:
    terms: dict[str, None] = {}
    evidence: list[Evidence] = []
    texts = [line.text for line in view.lines]
    candidates = main.candidate_lines(texts)  # most lines hold no term: skip them whole
    for index, line in enumerate(view.lines):
        hits: list[Hit] = []
        if index in candidates:
            hits = [h for h in main.find(line.text) if not is_negated(line.text, h.start)]
        hits += _across_break(view, index, main)
        if ambiguous is not None and (hits or _is_list(line.text, view.sections[index])):
            # Ordinary words ("Word", "Access", "Origins") count only beside an unambiguous term, or as a
            # capitalised name in a skills list: "access" and "publisher" there are the ordinary words.
            spans = [(h.start, h.end) for h in hits]
            named = bool(hits)
            hits += [
                h
                for h in ambiguous.find(line.text)
                if not any(h.start < e and s < h.end for s, e in spans)
                and not is_negated(line.text, h.start)
                and (named or h.matched[:1].isupper())
            ]
        if not hits:
            continue

        def key(hit: Hit) -> str:
            return hit.term if by_term else hit.canonical

        new = [h for h in hits if key(h) not in terms]
        for hit in hits:
            terms.setdefault(key(hit), None)
        if (new or not evidence) and len(evidence) < MAX_EVIDENCE:
            best = (new or hits)[0]
            evidence.append(view.evidence(index, best))
    names = list(terms)
    if order:
        rank = {name: i for i, name in enumerate(order)}
        names.sort(key=lambda n: (rank.get(n, len(rank)), n))
    return TermSignal(present=bool(names), terms=tuple(names), evidence=tuple(evidence))


def _is_list(text: str, section: str) -> bool:
    """A skills-style list ("Salesforce, Goldmine CRM, Outlook"): ordinary words there name tools."""
    return section == "skills" and text.count(",") >= 2


def _across_break(view: ResumeView, index: int, main: TermMatcher) -> list[Hit]:
    """Terms cut by a line break ("… Listening, MS" / "Office, Teaching"): match across the join."""
    text = view.lines[index].text
    if index + 1 >= len(view.lines) or text.rstrip().endswith((".", ":", ";")):
        return []
    last = text.rsplit(None, 1)[-1].lower() if text.strip() else ""
    if last not in main.first_words:
        return []
    joined = f"{text} {view.lines[index + 1].text[:60]}"
    cut = len(text)
    hits = main.find(joined, fuzzy=False)
    return [h for h in hits if h.start < cut < h.end and not is_negated(joined, h.start)]


def _order(vocab: str) -> tuple[str, ...]:
    from jobmatch.signals.vocab import load_vocabulary

    return tuple(e.canonical for e in load_vocabulary(vocab).section("terms"))


def microsoft_office(view: ResumeView) -> TermSignal:
    return _collect(view, matcher("office", "terms"), matcher("office", "ambiguous"), _order("office"))


def crm(view: ResumeView) -> TermSignal:
    return _collect(view, matcher("crm", "terms"), order=_order("crm"))


_FROM_TO = re.compile(r"\bfrom\s+[\w ]{1,20}\s+to\s+.+\s+to\s+", re.I)


def _incidental(evidence: Evidence) -> bool:
    """The term is one short item in a list of names (clients, industries), not a described job."""
    text = evidence.text
    if _FROM_TO.search(text):
        return True
    if text.count(",") < 3:
        return False
    segment = next((part for part in text.split(",") if evidence.matched and evidence.matched in part), "")
    return 0 < len(segment.split()) <= 4


def cosmetics(view: ResumeView) -> TermSignal:
    found = _collect(
        view, matcher("cosmetics", "terms"), matcher("cosmetics", "ambiguous"), _order("cosmetics")
    )
    if len(found.terms) == 1 and _incidental(found.evidence[0]):
        # One mention inside a list of clients or industries ("Daikin, Kao Cosmetics, DNP, …", "from
        # travel to hair and makeup to entertainment"): incidental, not beauty-industry experience.
        return TermSignal(present=False, terms=found.terms, evidence=found.evidence)
    return found


CLIENT_FACING_LINES = 4  # one mention is incidental; several lines of the work history are a pattern


def client_facing(view: ResumeView) -> TermSignal:
    """Lines of the work history about clients or customers: present from CLIENT_FACING_LINES lines."""
    found = matcher("roles", "client_facing", fuzzy=False)
    lines = [
        i
        for i, line in enumerate(view.lines)
        if view.sections[i] == "experience"
        and any(not is_negated(line.text, h.start) for h in found.find(line.text))
    ]
    evidence = tuple(view.evidence(i, found.find(view.lines[i].text)[0]) for i in lines[:3])
    return TermSignal(
        present=len(lines) >= CLIENT_FACING_LINES,
        terms=(f"{len(lines)} lines",) if lines else (),
        evidence=evidence,
    )


def soft_skill(view: ResumeView, family: str) -> TermSignal:
    return _collect(view, matcher("soft_skills", family, fuzzy=False), by_term=True)
