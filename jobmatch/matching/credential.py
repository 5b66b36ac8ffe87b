"""Licences and certifications: the catalogue's names, aliases and abbreviations (``credentials.toml``),
with what the résumé says about them on the same line: not held yet ("training towards", "expected"),
lapsed ("expired"), current ("active", an expiry date), and the state when the posting names one.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from jobmatch.knowledge.vocabulary import Concept, load_vocabulary, read_toml
from jobmatch.matching import Answer, Context, register
from jobmatch.matching._terms import find_concept
from jobmatch.matching.skill import TermResult, match_term, terms_answer, terms_of
from jobmatch.matching.text import Index, index_of, segment_of
from jobmatch.models import Category, Requirement, Status

VOCABS = ("credentials",)
PENDING = 0.4  # "training towards", "expected": not held yet
LAPSED = 0.4  # "expired": held once
NO_STATE = 0.85  # held, the state not said: met, but worth a question
# ``another_state``: held in a state the posting does not name ("Registered Nurse, State of Pennsylvania" for
# an Ohio licence): most boards license by endorsement, so it is on its way, not there
OTHER_STATE = 0.6
# ``eligible_by_degree``: where the posting also takes "eligibility to obtain one", a completed degree in
# the field the credential rests on (``eligible_by_fields`` in credentials.toml: a teaching certificate on
# an education degree) shows that eligibility: partial, never the credential itself.
ELIGIBLE = 0.5
NEAR = 0.4  # ``near_credential``: part of what was asked, shown
_OBTAINABLE_NOTE = ("eligib", "ability to obtain", "able to obtain", "willing to obtain", "to obtain")


def _status_words() -> dict[str, tuple[str, ...]]:
    table = read_toml("credentials").get("_status", {})
    return {k: tuple(v) for k, v in table.items() if isinstance(v, list)}


def _said(index: Index, i: int, phrases: tuple[str, ...], span: tuple[int, int] = (0, 1 << 30)) -> str:
    for p in phrases:
        hits = [f for f in find_concept(index, Concept(p), lines=(i,)) if span[0] <= f.hit.start < span[1]]
        if hits:
            return hits[0].hit.matched
    return ""


# ``status_of_its_own_segment``: "CSCS - in progress, NSCA CPR, AED": "in progress" is the credential's it
# stands beside, between the commas, semicolons or dashes around it (and a short status part after them),
# not every credential's on the line
_SEGMENT_BREAK = re.compile(r"[,;|•…]|\s[-–—]\s")


def _segment(text: str, matched: str) -> tuple[int, int]:
    at = text.find(matched) if matched else -1
    if at < 0:
        return (0, len(text))
    start, end = segment_of(text, at, at + len(matched), _SEGMENT_BREAK)
    brk = _SEGMENT_BREAK.match(text, end)
    if brk is not None:
        # "RN license, pending", "BLS - expired 2015": a short part after it that says only its status
        further = _SEGMENT_BREAK.search(text, brk.end())
        tail = text[brk.end() : further.start() if further else len(text)]
        if len(tail.split()) <= _STATUS_PART_WORDS:
            end = further.start() if further else len(text)
    return (start, end)


_STATUS_PART_WORDS = 3


# ``expiry_date_decides``: "Expiration 2024", "exp. 05/2025" is a date, not the word "expired": before the
# résumé's "now" it has lapsed, from then on it is current.
# "exp. 03/2025", "expires June 2026", "Expiration: 2027": not a bare "exp" ("8 yrs exp, 2015-2023"), and
# not the first year of a range
_EXPIRY = re.compile(
    r"\b(?:exp\.|expir\w*)\W{0,3}(?:([a-z]{3,9})\.?\s+|(\d{1,2})[/.-](?:\d{1,2}[/.-])?)?((?:19|20)\d\d)\b"
    r"(?!\s*[-–]\s*(?:19|20)?\d\d)",
    re.I,
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


_EXPIRED_WORD = re.compile(r"\b(?:expired|lapsed|inactive)\b", re.IGNORECASE)


def _expiry(text: str) -> tuple[int, int] | None:
    """(year, month) of an expiry date on the line (month 12 when only the year is given)."""
    m = _EXPIRY.search(text)
    if m is None:
        return None
    month = 12
    if m.group(1) and m.group(1)[:3].lower() in _MONTHS:
        month = _MONTHS.index(m.group(1)[:3].lower()) + 1
    elif m.group(2) and 1 <= int(m.group(2)) <= 12:
        month = int(m.group(2))
    return int(m.group(3)), month


def _year_month(as_of: str) -> tuple[int, int] | None:
    """ "2025-06" -> (2025, 6); a year alone is its December; anything else None."""
    if not as_of[:4].isdigit():
        return None
    month = int(as_of[5:7]) if as_of[5:7].isdigit() and 1 <= int(as_of[5:7]) <= 12 else 12
    return int(as_of[:4]), month


@cache
def _state_names() -> re.Pattern[str]:
    """The US states and other places a licence is issued for, as the posting cues list them."""
    places = read_toml("requirement_cues").get("credential", {}).get("places", [])
    names = sorted(
        (p for p in places if isinstance(p, str) and p[:1].isupper() and p[1:2].islower()),
        key=len,
    )
    names = [n for n in names if n != "United States"]  # the country: no state's licence
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in reversed(names)) + r")\b")


def _other_state(text: str, asked: tuple[str, ...]) -> str:
    """A state named on the credential's line that the posting did not ask for, "" when none is."""
    wanted = {a.casefold() for a in asked}
    named = (m.group(0) for m in _state_names().finditer(text))
    return next((n for n in named if n.casefold() not in wanted), "")


def qualify(index: Index, result: TermResult, states: tuple[str, ...], as_of: str = "") -> TermResult:
    """The credential's line says more: pending, lapsed, current, which state."""
    if result.score <= 0 or not result.evidence:
        return result
    words = _status_words()
    # ``any_state``: "a valid state teaching certificate" asks for a licence from a state, any state
    states = tuple(s for s in states if s.casefold() != "state")
    best = result
    for ev in result.evidence:
        i = next(
            (k for k, line in enumerate(index.lines) if line.page == ev.page and line.number == ev.line), -1
        )
        if i < 0:
            continue
        score, why = result.score, result.why
        span = _segment(index.lines[i].text, ev.matched)
        pending = _said(index, i, words.get("pending", ()), span)
        lapsed = _said(index, i, words.get("lapsed", ()))
        expires = _expiry(index.lines[i].text)
        now = _year_month(as_of)
        if expires is not None and now is not None and not _EXPIRED_WORD.search(index.lines[i].text):
            lapsed = f"expired {expires[0]}-{expires[1]:02d}" if expires < now else ""
        if pending:
            score, why = min(score, PENDING), f"{why}, not held yet ({pending})"
        elif lapsed:
            score, why = min(score, LAPSED), f"{why}, {lapsed}"
        else:
            current = _said(index, i, words.get("current", ()))
            if expires is not None and now is not None:
                current = f"expires {expires[0]}-{expires[1]:02d}"
            if current:
                why = f"{why} ({current})"
            if states:
                state = next((s for s in states if find_concept(index, Concept(s), lines=(i,))), "")
                other = "" if state else _other_state(index.lines[i].text, states)
                if state:
                    why = f"{why}, {state}"
                elif other:
                    why = f"{why}; held in {other} ({', '.join(states)} asked)"
                    score = min(score, OTHER_STATE)
                else:
                    score, why = min(score, NO_STATE), f"{why}; state not said ({', '.join(states)} asked)"
        if score > best.score or best is result:
            best = replace(result, score=score, why=why, evidence=(ev,))
    return best


@register(Category.CREDENTIAL)
def match_credential(req: Requirement, ctx: Context) -> Answer:
    index = index_of(ctx.document, ctx.signals)
    load_vocabulary(VOCABS[0])
    as_of = ctx.signals.as_of
    results = [
        _of_the_class(t, qualify(index, _held(_certificate_or_term(index, t)), req.fields, as_of))
        for t in terms_of(req)
    ]
    answer = terms_answer(req, results, "credential catalogue")
    if answer.score <= 0:
        near = _near(index, req)
        if near is not None:
            return near
    if answer.score < ELIGIBLE and any(n in note.casefold() for note in req.notes for n in _OBTAINABLE_NOTE):
        eligible = _eligible_by_degree(req, ctx)
        if eligible is not None:
            return eligible
    after_hire = next((n for n in req.notes if _AFTER_HIRE.search(n)), "")
    if answer.score <= 0 and after_hire:
        # ``obtained_after_hire``: "Must obtain NMLS registration within 90 days of hire", "… or willingness
        # to obtain one": the posting does not need it on the résumé; not having it yet is no gap
        why = f"Not named; the posting allows it later ({after_hire}): ask at screen"
        return Answer(0.0, (), why, status=Status.ASK, method="credential catalogue")
    held = [r for r in results if r.score > 0]
    later = [r.term for r in results if r.score <= 0]
    if after_hire and req.all_of and held and later:
        # ``the_rest_after_hire``: "BLS and ACLS, or obtained within 30 days of hire" with BLS shown: ACLS
        # may come later, as both may; holding one is never worse than holding none (ask at screen)
        why = f"{answer.explanation}; the posting allows {', '.join(later)} later ({after_hire})"
        return replace(answer, score=min(r.score for r in held), explanation=why)
    return answer


_AFTER_HIRE = re.compile(
    r"\b(?:within|by)\b.*\b(?:hire|hiring|start|employment)\b|\b(?:before|prior\s+to)\s+(?:the\s+)?start"
    r"|\b(?:willing|willingness|able|ability)\s+to\s+(?:obtain|get|earn|acquire|become)\b",
    re.IGNORECASE,
)


# ``others_credentials``: "Oversee 18 tour drivers ensuring all maintain current TWIC, CDL", "Trained staff on
# CPR": the credential is the people's the candidate oversaw or taught, not the candidate's own
_PEOPLE = (
    r"(?:drivers|staff|employees|nurses|associates|technicians|members|workers|personnel|crews?|new\s+hires?)"
)
_OF_OTHERS = re.compile(
    # "ensuring all (drivers) maintain current …", "verified employees' certifications"
    rf"\b(?:ensur\w*|verif\w*|track\w*|monitor\w*)\b[^.;:]*\b(?:{_PEOPLE}|all|their|they|others)\b[^.;:]*$"
    # "Trained staff on CPR", "taught new hires in food safety"
    rf"|\b(?:train\w*|taught|teach\w*)\s+(?:\w+\s+){{0,3}}?{_PEOPLE}\s+(?:on|in)\s+[^.;:]*$"
    # ``worked_under_or_beside_them``: the holders the candidate worked under, beside or for: "care under RN
    # and MD supervision", "under the direct supervision of a Registered Nurse", "Coordinated with doctors
    # and registered nurses", "assists the work of the Registered Nurse", "reported to the RN"
    r"|\bunder\s+(?:the\s+)?(?:direct\s+|general\s+|close\s+)?(?:(?:supervision|direction)\s+of\s+)?"
    r"(?:an?\s+|the\s+)?(?:licensed\s+)?$"
    r"|\b(?:coordinat\w*|collaborat\w*|work\w*|liais\w*|partner\w*|communicat\w*)\s+(?:closely\s+)?with\s+"
    r"(?:the\s+)?(?:[\w/-]+,?\s+){0,4}?(?:and\s+|&\s+)?$"
    r"|\b(?:assist\w*|support\w*|aid\w*|help\w*)\s+(?:the\s+)?(?:work\s+of\s+)?(?:the\s+|an?\s+)?$"
    r"|\b(?:report\w*|answer\w*)\s+(?:directly\s+)?to\s+(?:the\s+|an?\s+)?$|\balongside\s+(?:the\s+)?$",
    re.IGNORECASE,
)
# "Supervised registered nurses", "a team of RNs": the credential's holders in the plural are other people
_PLURAL_HOLDERS = re.compile(r"(?:[a-z]s|[A-Z]{2,4}s)$")


# ``product_certificate_needs_its_word``: "Google Ads certification", "HubSpot certification": a vendor's
# certificate in a product the skills vocabulary knows (not a catalogue credential) is shown by the product
# named with a certificate word on the line ("Google AdWords Certified"); using the product ("campaigns via
# HubSpot") is some of it, partial.
_CERTIFICATE_WORD = re.compile(r"\b(?:certif\w*|accredit\w*|credential\w*|licen[cs]\w*)", re.IGNORECASE)
PRODUCT_USED = NEAR
_PRODUCTS = ("skills",)


def _certificate_or_term(index: Index, term: str) -> TermResult:
    from jobmatch.matching._terms import resolve

    if resolve(term, VOCABS) is not None or resolve(term, _PRODUCTS) is None:
        return match_term(index, term, VOCABS)
    used = match_term(index, term, _PRODUCTS)
    if not used.evidence:
        return used
    certified = used.keeping(lambda e: bool(_CERTIFICATE_WORD.search(e.text)), "")
    if certified.evidence:
        return replace(certified, why=f"{term} certification: named")
    why = f"{term} used, no certification in it named"
    return replace(used, score=min(used.score, PRODUCT_USED), evidence=used.evidence[:1], why=why)


def _held(result: TermResult) -> TermResult:
    return result.keeping(
        lambda e: not _OF_OTHERS.search(e.text[: max(0, e.text.find(e.matched))]) and not _holders(e.matched),
        f"no {result.term} of the candidate's own",
    )


def _holders(matched: str) -> bool:
    """Whether the credential's name is written as people in the plural ("registered nurses", "RNs")."""
    words = matched.split()
    if not words or len(words[-1]) <= 3 or not _PLURAL_HOLDERS.search(words[-1]):
        return False
    return words[-1].lower().endswith(_HOLDER_NOUNS) or words[-1][:-1].isupper()


_HOLDER_NOUNS = ("nurses", "assistants", "technicians", "accountants", "engineers", "agents")


# ``licence_class``: "Class A CDL" asks for that class; "Class B CDL" is another licence of the kind, a bare
# "CDL" says no class (it may be either): partial, the class to ask at the screen
_CLASS = re.compile(
    r"\b[Cc][Ll][Aa][Ss][Ss]\s*['\"“”]?([A-Da-d])\b['\"“”]?|\b([A-D])\s*(?:-\s*)?(?=CDL\b)|\bCDL\s*-\s*([A-D])\b"
)
OTHER_CLASS = 0.3
CLASS_UNSAID = 0.6


def _class_of(text: str) -> str:
    found = _CLASS.search(text)
    return next((g.upper() for g in found.groups() if g), "") if found else ""


def _of_the_class(term: str, result: TermResult) -> TermResult:
    wanted = _class_of(term)
    if not wanted or result.score <= 0 or not result.evidence:
        return result
    held = [c for e in result.evidence if (c := _class_of(e.text))]
    if wanted in held:
        return result
    if held:
        why = f"{result.why}; class {held[0]}, class {wanted} asked"
        return replace(result, score=min(result.score, OTHER_CLASS), why=why)
    return replace(result, score=min(result.score, CLASS_UNSAID), why=f"{result.why}; class not stated")


def _near(index: Index, req: Requirement) -> Answer | None:
    """``near_credential``: a credential that is part of the one asked for (``near`` in credentials.toml:
    CPR for BLS) is partial evidence of it, with its own quote."""
    from jobmatch.matching._terms import resolve

    for term in terms_of(req):
        concept = resolve(term, VOCABS)
        if concept is None:
            continue
        for name in concept.extra.get("near", ()):
            result = match_term(index, name, VOCABS)
            if result.score > 0 and result.evidence:
                why = f"Not named; {name} is part of {concept.name}"
                return Answer(NEAR, result.evidence[:1], why, method="credential catalogue")
    return None


def _eligible_by_degree(req: Requirement, ctx: Context) -> Answer | None:
    from jobmatch.matching._terms import resolve
    from jobmatch.matching.education import entries_of, entry_label, field_families

    families = {
        family
        for term in terms_of(req)
        if (concept := resolve(term, VOCABS)) is not None
        for family in concept.extra.get("eligible_by_fields", ())
    }
    if not families:
        return None
    note = next((n for n in req.notes if any(o in n.casefold() for o in _OBTAINABLE_NOTE)), "")
    for entry in entries_of(ctx.signals):
        a_degree = entry.level in ("associate", "bachelor", "master", "doctorate")
        if (
            a_degree
            and entry.completed
            and entry.evidence is not None
            and field_families(entry.field) & families
        ):
            why = f"Not named; eligible to obtain it by the {entry_label(entry)} ({note})"
            return Answer(ELIGIBLE, (entry.evidence,), why, method="credential catalogue")
    return None
