"""Experience: years of a role or domain, from the dated jobs whose title or own duty lines show that work.

The requirement's ``fields`` ("accounts payable", "customer service") become a target of occupations
(``jobmatch.matching.occupation``); each job of the work history is matched against it within its own
lines; months of matching jobs are merged (overlaps once) and compared with ``years``. Families that carry
a tuned role signal in ``Signals`` (named by ``signal`` in ``knowledge/occupations.toml``) are answered from
that signal: the same mechanism, with evidence gathered by ``jobmatch.signals``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache

from jobmatch.knowledge.occupations import Family, load_occupations
from jobmatch.knowledge.vocabulary import Concept, load_vocabulary
from jobmatch.matching import Answer, Context, register
from jobmatch.matching._terms import find_concept, find_members, resolve
from jobmatch.matching.occupation import (
    JobMatch,
    PhraseIndex,
    Target,
    duty_evidence,
    field_target,
    match_jobs,
    merged_months,
    names_the_work,
    seniority_rung,
    title_occupations,
)
from jobmatch.matching.text import content_stems, find_in_lines, find_phrase, index_of
from jobmatch.models import Category, Evidence, Line, Method, Requirement, RoleSignal, Signals, Status
from jobmatch.signals.roles import HOSPITALITY

__all__ = [
    "EXTRA_POSTING_TITLE",
    "Experience",
    "experience_of",
    "family_years",
    "role_strength",
    "role_words",
    "signal_answer",
    "signal_families",
    "target_of",
]

# Context.extra key that scoring fills: the highest seniority rung whose jobs still do the work themselves.
EXTRA_MAX_RUNG = "max_rung"
EXTRA_POSTING_TITLE = "posting_title"
# A role job counts for more the longer it was held: a summer as a cashier is not a career in customer
# service. Full credit from five years ("several years" of such work, as recruiters read it); an undated
# job gets the middle.
ROLE_BASE = 0.55
ROLE_FULL_YEARS = 5.0
ROLE_UNDATED = 0.7
ROLE_OLD = 0.6  # all of it more than ten years before the résumé's "now": the career has moved elsewhere
RECENT_YEARS = 10.0
# Restaurant and venue service only (host, server, crew member): customer-facing, but far from accounts,
# orders and records; counts half.
ROLE_HOSPITALITY = 0.5
# Related work of another kind, from the family's adjacent years (sales jobs beside a sales-support role).
RELATED_WORK = 0.45
# With years asked for: meeting them is met (0.85, more years up to three times the ask add the rest);
# fewer years are partial, rising with the share held; the role with no dates is partial in the middle;
# adjacent work (an accountant for an accounts-payable ask) is a weak partial.
YEARS_MET = 0.85
YEARS_SHORT_BASE = 0.4
YEARS_SHORT_SPAN = 0.3
YEARS_UNDATED = 0.5
ADJACENT = 0.3
# Without years asked ("experience in X is a plus"): having done the work is met, more years rank higher.
ANY_MET = 0.8
SKILL_VOCABS = ("skills",)


def role_strength(role: RoleSignal) -> float:
    """0 when absent; ROLE_BASE..1 with the years held (a tuned RoleSignal of ``Signals``)."""
    if not role.present:
        return 0.0
    if role.years <= 0:
        strength = ROLE_UNDATED
    else:
        strength = ROLE_BASE + (1 - ROLE_BASE) * min(role.years, ROLE_FULL_YEARS) / ROLE_FULL_YEARS
        if role.recent_years <= 0:
            strength *= ROLE_OLD
    if hospitality_only(role):
        strength *= ROLE_HOSPITALITY
    return strength


# ``duties_only_is_partial``: the work seen only in the duty lines of jobs titled otherwise (an assistant
# who "greets visitors", a manager who "handled guest complaints"): done, but not as the job; partial
# (rubric: "some but not all of it").
DUTIES_ONLY = 0.6


def duties_only(role: RoleSignal) -> bool:
    return bool(role.roles) and all(
        r.evidence is not None and r.evidence.method is Method.INFERRED for r in role.roles
    )


def hospitality_only(role: RoleSignal) -> bool:
    return bool(role.roles) and all(
        r.evidence is not None and r.evidence.term == HOSPITALITY for r in role.roles
    )


def role_words(role: RoleSignal) -> str:
    """ "Host/Server (6 y)": the titles and years, saying when restaurant service only counts half."""
    text = f"{', '.join(role.titles[:3]) or 'duties'} ({role.years:g} y)"
    if duties_only(role):
        text += ", in the duties of jobs titled otherwise"
    return text + (", restaurant/venue service: half weight" if hospitality_only(role) else "")


def target_of(req: Requirement) -> Target:
    """The occupations a requirement's fields (else its text's family names) stand for."""
    phrases = tuple(req.fields)
    if not phrases:
        # Untyped: the family names its text holds, a name inside a longer one not counting ("sales"
        # inside "sales support").
        phrases = tuple(dict.fromkeys(h.phrase for h in _family_names().find(req.text)))
    return field_target(phrases)


@cache
def _family_names() -> PhraseIndex:
    return PhraseIndex((name, fam.id) for fam in load_occupations().families.values() for name in fam.names)


def signal_families(target: Target) -> tuple[Family, ...]:
    """The target's families that carry a tuned role signal, when every one of the posting's phrases names
    such a family (then the signals answer; otherwise the generic job matching does)."""
    vocab = load_occupations()
    named = []
    for phrase in target.phrases:
        fams = [f for f in vocab.families.values() if f.signal and any(_same(phrase, n) for n in f.names)]
        if not fams:
            return ()
        named.extend(fams)
    return tuple(dict.fromkeys(named))


def _same(a: str, b: str) -> bool:
    span = find_phrase(a, b)
    return span is not None and span == (0, len(b)) and find_phrase(b, a) is not None


@dataclass(frozen=True, slots=True)
class Experience:
    """Years of the target's work in one résumé."""

    years: float  # merged, of jobs that did the work
    recent_years: float  # of those, within RECENT_YEARS of the résumé's "now"
    undated: bool  # a job did the work but carries no dates
    adjacent_years: float  # merged, of adjacent jobs only
    adjacent: bool
    matches: tuple[JobMatch, ...]
    evidence: tuple[Evidence, ...]

    @property
    def present(self) -> bool:
        return self.years > 0 or self.undated


def experience_of(target: Target, ctx: Context) -> Experience:
    """Match every job of the work history against the target (memoised per candidate in ``ctx.extra``)."""
    key = f"experience:{hash(target)}:{ctx.extra.get(EXTRA_MAX_RUNG)}"
    memo = ctx.extra.get(key)
    if isinstance(memo, Experience):
        return memo
    lines = ctx.document.lines
    rung = ctx.extra.get(EXTRA_MAX_RUNG)
    found = match_jobs(ctx.signals.jobs, lines, target, rung if isinstance(rung, int) else None)
    full = [m for m in found if m.how != "adjacent"]
    near = [m for m in found if m.how == "adjacent"]
    months = _weighted_months(full)
    now = _month(ctx.signals.as_of)
    recent = months
    if now is not None:
        recent = merged_months(
            m.job for m in full if (e := _end(m)) is not None and e >= now - int(RECENT_YEARS * 12)
        )
    evidence = []
    for m in (full or near)[:3]:
        if 0 <= m.line_index < len(lines):
            line = lines[m.line_index]
            method = Method.SYNONYM if m.how == "title" else Method.INFERRED
            matched = as_written(m.matched, line.text)
            evidence.append(Evidence(line.text, line.page, line.number, method, m.phrase, matched))
    result = Experience(
        years=round(months / 12, 1),
        recent_years=round(recent / 12, 1),
        undated=any(m.job.months <= 0 for m in full),
        adjacent_years=round(merged_months(m.job for m in near) / 12, 1),
        adjacent=bool(near),
        matches=tuple(found),
        evidence=tuple(evidence),
    )
    ctx.extra[key] = result
    return result


# ``internship_counts_half``: an intern's, extern's or student worker's months are the work done under
# training: half of them count toward the years asked (a junior's or an apprentice's count in full)
_TRAINING_TITLE = re.compile(r"\b(?:intern|interns|internship|extern|externship|student)\b", re.IGNORECASE)
TRAINING_SHARE = 0.5


def _weighted_months(matches: Sequence[JobMatch]) -> float:
    every = merged_months(m.job for m in matches)
    working = merged_months(m.job for m in matches if not _TRAINING_TITLE.search(m.job.title))
    return working + TRAINING_SHARE * max(0, every - working)


def _of_the_family(exp: Experience, target: Target, lines: Sequence[Line]) -> bool:
    """Whether a job of the related work is titled as an occupation of the target's own families, is
    placed by its duty lines (no title says it is another field's), or names the target's work in its own
    lines (an HR coordinator who "completed A/P for the service center")."""
    for m in exp.matches:
        if m.how != "adjacent":
            continue
        families = {o.family for o in title_occupations(m.job.title)}
        if not families or families & target.families:
            return True
        if duty_evidence(m.job, lines, target, other_title=True) is not None or names_the_work(
            m.job, lines, target
        ):
            return True
    return False


def family_years(exp: Experience, target: Target) -> float:
    """``sibling_years_are_equivalent``: years of the target's work and of the related jobs titled as an
    occupation of its own families (a chef's for "line cook or sous chef", an accountant's for accounts
    payable), overlaps once: what stands in for a degree under "or equivalent experience". Related work
    of another field (a server for a cook) does not."""
    jobs = [
        m.job
        for m in exp.matches
        if m.how != "adjacent" or {o.family for o in title_occupations(m.job.title)} & target.families
    ]
    return round(merged_months(jobs) / 12, 1)


def as_written(matched: str, text: str) -> str:
    """``matched`` as the line writes it: a job title is kept cleaned ("Head Coach Girls' Varsity" for
    "Head Coach, Girls' Varsity"), and a quote must contain what it is evidence for."""
    if not matched or matched.casefold() in text.casefold():
        return matched
    span = find_phrase(matched, text)
    return text[span[0] : span[1]] if span is not None else ""


def _month(label: str) -> int | None:
    if len(label) >= 7 and label[:4].isdigit() and label[5:7].isdigit():
        return int(label[:4]) * 12 + int(label[5:7]) - 1
    return None


def _end(m: JobMatch) -> int | None:
    start = _month(m.job.start)
    return None if start is None else start + max(m.job.months, 1) - 1


def signal_answer(req: Requirement, families: tuple[Family, ...], s: Signals) -> Answer:
    """Families with a tuned role signal: strength of the strongest (against the years asked, if any),
    else related sales/client work."""
    parts: list[str] = []
    evidence: list[Evidence] = []
    score = 0.0
    for fam in families:
        role = s.role(fam.signal)
        if not role.present:
            continue
        parts.append(f"{_short(fam)}: {role_words(role)}")
        evidence.extend(role.evidence[:3])
        strength = role_strength(role)
        if req.years > 0:
            strength = _against_years(role.years, req.years, undated=role.years <= 0)
            if hospitality_only(role):
                strength *= ROLE_HOSPITALITY
        elif not hospitality_only(role):
            # ``done_is_met``: with no years asked, having done the work is met (as for any other field),
            # more years ranking higher; role_strength's short-tenure discount is the role fit's
            strength = max(
                strength, ANY_MET + (1 - ANY_MET) * min(role.years, ROLE_FULL_YEARS) / ROLE_FULL_YEARS
            )
        if duties_only(role):
            strength = min(strength, DUTIES_ONLY)
        score = max(score, strength)
    if parts:
        summary = "; ".join(p.split(" (", 1)[0] for p in parts)
        return Answer(score, tuple(evidence), "; ".join(parts), method="role signal", summary=summary)
    names = " or ".join(_short(f) for f in families)
    for fam in families:
        years = s.years_of(fam.adjacent_years) if fam.adjacent_years else 0.0
        if years > 0:
            why = f"{years:g} years in related roles, none in {names}"
            return Answer(RELATED_WORK, (), why, method="role signal")
    return Answer(0.0, (), f"No {names} job found", method="role signal")


def _against_years(held: float, want: float, *, undated: bool) -> float:
    """Years held against years asked: met from ``want`` up, partial below, the undated role in between."""
    if held <= 0:
        return YEARS_UNDATED if undated else 0.0
    if held >= want:
        return YEARS_MET + (1 - YEARS_MET) * min(1.0, held / (3 * want))
    return YEARS_SHORT_BASE + YEARS_SHORT_SPAN * held / want


def _short(fam: Family) -> str:
    return fam.names[0] if fam.names else fam.id.replace("_", " ")


def with_posting_title(target: Target, req: Requirement, title: str) -> Target:
    """``field_of_the_posting_title``: "3+ years of mechanical design experience" on a Mechanical Engineer's
    posting is years of that job: a field that shares a word with the posting's title adds the title's
    occupations to the target, when the field alone names none of their families ("design" alone would
    be a graphic designer's)."""
    occupations = title_occupations(title) if title.strip() else ()
    if not occupations or not req.fields:
        return target
    if not target:
        # ``unknown_field_is_the_posting_job``: "1 year of clinical experience" on a Medical Assistant's
        # posting names nothing the vocabulary knows; the work it means is the posting's own job, not
        # nothing (unknown is not absent).
        return field_target(target.phrases, tuple(o.id for o in occupations))
    if {o.family for o in occupations} <= target.families:
        return target
    title_stems = set(content_stems(title))
    if not any(title_stems & set(content_stems(f)) for f in req.fields):
        return target
    return field_target(target.phrases, tuple(o.id for o in occupations))


# ``lead_years_asked``: "including 1 year as a team lead, supervisor or senior agent", "at least 1 year in a
# supervisory role": the years asked include a lead's. When no job that did the work holds a lead's title
# or above (rung 2 of the seniority ladder: lead, senior, supervisor, manager), the years are partial.
_LEAD_NOTE = re.compile(
    r"\b(?:supervis\w*|team\s+lead\w*|lead|leads|leader\w*|senior|manag\w*|charge)\b", re.IGNORECASE
)
LEAD_RUNG = 2
LEAD_MISSING = 0.7


@register(Category.EXPERIENCE)
def match_experience(req: Requirement, ctx: Context) -> Answer:
    target = target_of(req)
    # a field that names no occupation or family: unknown, or a duty of some occupation ("Telemetry")
    specialty = bool(req.fields) and not target.primary and not target.core
    tools = _tools_asked(req) if not target else ()
    title = ctx.extra.get(EXTRA_POSTING_TITLE)
    if isinstance(title, str):
        target = with_posting_title(target, req, title)
    if tools:
        return _years_of_tools(req, ctx, tools, target)
    answer = _years_of_work(req, ctx, target)
    if specialty and target and answer.score > UNNAMED_SPECIALTY:
        answer = _specialty_unnamed(req, ctx, answer)
    note = next((n for n in req.notes if _LEAD_NOTE.search(n)), "")
    if note and answer.score > LEAD_MISSING and not _led(target, ctx):
        why = f"{answer.explanation}; no lead's title among these jobs ({note})"
        return replace(answer, score=LEAD_MISSING, explanation=why)
    return answer


# ``specialty_never_named``: a field that names no occupation or family, only a duty of one ("Telemetry
# experience", "acute care experience") or nothing the vocabulary knows (the posting's own job then,
# ``unknown_field_is_the_posting_job``), is a specialty of the work: years of nursing that never name
# telemetry anywhere in the résumé are not years of it. Partial, and said so; a résumé that names a word of
# the field anywhere (a title included) keeps the years.
UNNAMED_SPECIALTY = 0.45


def _specialty_unnamed(req: Requirement, ctx: Context, answer: Answer) -> Answer:
    index = index_of(ctx.document, ctx.signals)
    roots = {s[: max(4, len(s) - 2)] for f in req.fields for s in content_stems(f) if len(s) >= 4}
    if any(stem.startswith(root) for stem in index.by_stem for root in roots):
        return answer  # a word of the field named anywhere ("Corporate Recruiter" for full-cycle recruiting)
    named = " or ".join(req.fields)
    done = answer.explanation.replace(f"years of {named}", "years of the work", 1)
    why = f"{done}; '{named}' named nowhere in the résumé"
    return replace(answer, score=UNNAMED_SPECIALTY, explanation=why, summary=f"{named} not named")


# ``years_of_a_tool``: "4+ years of professional experience with Python", "3 years using Salesforce": the
# field is a tool of the skills vocabulary, not an occupation. Its years are those of the jobs whose own
# entry (title or lines) names it; the posting's job done without naming the tool (a front-end developer for
# a Python ask) is no year of it. The tool named only outside any job (a skills list), beside jobs of the
# posting's kind, is partial: the years are not shown. Named nowhere: not found.
TOOL_UNPLACED = 0.4


def _tools_asked(req: Requirement) -> tuple[Concept, ...]:
    """The skills-vocabulary concepts the requirement's fields name, when every field is one."""
    concepts = []
    for phrase in req.fields:
        concept = resolve(phrase, SKILL_VOCABS)
        if concept is None or field_target((phrase,)):
            return ()
        if concept.members and concept.name.casefold() != phrase.casefold():
            return ()  # "Linux" is one of the operating systems, not any of them: its own words decide
        concepts.append(concept)
    return tuple(dict.fromkeys(concepts))


def _years_of_tools(req: Requirement, ctx: Context, tools: tuple[Concept, ...], role: Target) -> Answer:
    index = index_of(ctx.document, ctx.signals)
    names = " or ".join(t.name for t in tools)
    hits = [f for t in tools for f in find_concept(index, t)]
    hits += [f for t in tools if t.members for f in find_members(index, load_vocabulary("skills"), t)]
    if not hits:
        return Answer(0.0, (), f"No {names} named", method="years of " + names)
    at = {f.hit.index: f for f in sorted(hits, key=lambda f: f.hit.index)}
    jobs = [j for j in ctx.signals.jobs if any(i in at for i in j.line_indexes)]
    evidence = []
    for job in jobs[:3]:
        where = next(i for i in job.line_indexes if i in at)
        evidence.append(at[where].evidence(index, names))
    held = round(merged_months(jobs) / 12, 1)
    method = "years of " + names
    if held > 0:
        want = req.years
        score = _against_years(held, want, undated=False) if want > 0 else ANY_MET
        why = f"{held:g} years of jobs naming {names}"
        why += f", {want:g} asked" if held >= want or want <= 0 else f", fewer than the {want:g} asked"
        titles = _titles_within(dict.fromkeys(j.title for j in jobs if j.title), 80)
        return Answer(score, tuple(evidence), why + (f" ({titles})" if titles else ""), method=method)
    if jobs:
        why = f"{names}: named in a job without dates"
        return Answer(YEARS_UNDATED, tuple(evidence), why, method=method)
    first = next(iter(at.values())).evidence(index, names)
    done = experience_of(role, ctx) if role else None
    if done is not None and done.present:
        titles = _titles_within(dict.fromkeys(m.job.title for m in done.matches if m.how != "adjacent"), 60)
        why = f"{names} named outside the jobs, beside {titles or 'jobs of this kind'}: its years not shown"
        return Answer(TOOL_UNPLACED, (first,), why, method=method, summary=f"{names}: years not shown")
    why = f"'{names}' named, but in no job of the work history"
    return Answer(CLAIMED, (first,), why, method="claimed")


def _led(target: Target, ctx: Context) -> bool:
    """Whether a job that did the target's work has a lead's title or above."""
    titles = [m.job.title for m in experience_of(target, ctx).matches if m.how != "adjacent"]
    for fam in signal_families(target):
        titles.extend(ctx.signals.role(fam.signal).titles)
    return any((rung := seniority_rung(t)) is not None and rung >= LEAD_RUNG for t in titles)


def _years_of_work(req: Requirement, ctx: Context, target: Target) -> Answer:
    families = signal_families(target)
    if families:
        answer = signal_answer(req, families, ctx.signals)
        if answer.score > 0 or not target:
            return answer
        # ``work_without_role``: the tuned signal sees no such job, but a job's own lines name the work
        # (a teacher who "managed the front desk"): related work, partial.
        exp = experience_of(target, ctx)
        if exp.matches:
            first = exp.matches[0]
            what = " or ".join(target.phrases)
            why = f"work of {what} inside another job ({first.job.title or first.phrase})"
            return Answer(ADJACENT, exp.evidence, why, method="role signal")
        return _claimed(target, ctx) or answer
    what = " or ".join(target.phrases) or req.text
    if not target:
        return Answer(0.0, (), f"'{what}' is not in the occupations vocabulary", method="experience")
    exp = experience_of(target, ctx)
    want = req.years
    held = f"{exp.years:g} years of {what}"
    if exp.years > 0:
        if want > 0:
            score = _against_years(exp.years, want, undated=False)
            why = f"{held}, {want:g} asked" if exp.years >= want else f"{held}, fewer than the {want:g} asked"
        else:
            score = ANY_MET + (1 - ANY_MET) * min(exp.years, ROLE_FULL_YEARS) / ROLE_FULL_YEARS
            why = held
        titles = _titles_within(
            dict.fromkeys(m.job.title for m in exp.matches if m.how != "adjacent" and m.job.title), 80
        )
        if titles:
            why += f" ({titles})"
    elif exp.undated:
        score = YEARS_UNDATED if want > 0 else ANY_MET
        why = f"{what}: a job without dates"
    elif exp.adjacent:
        score = ADJACENT
        first = exp.matches[0]
        why = f"related work only: {first.job.title or first.phrase}"
        if not _of_the_family(exp, target, ctx.document.lines):
            # ``work_of_another_field``: jobs titled as another field's occupation (a customer service rep
            # for a teller, an air traffic controller for an aircraft mechanic) are none of the years asked
            # for: not found, as a degree in another field is; the sliver of score keeps them above no
            # related work at all. On the lab postings such partials were labelled "no" 61 times of 89.
            # A sibling of the family (a chef for a sous chef, an accountant for accounts payable) stays
            # partial, and so does a job whose own lines name the work.
            why = f"related work only, in another field: {first.job.title or first.phrase}"
            return Answer(
                score, exp.evidence, why, Status.NOT_FOUND, "years of " + what, why.split(": ", 1)[0]
            )
    else:
        return _claimed(target, ctx) or Answer(0.0, (), f"No job of {what} found", method="years of " + what)
    return Answer(score, exp.evidence, why, method="years of " + what, summary=why.split(" (", 1)[0])


def _titles_within(titles: Iterable[str], width: int) -> str:
    """The titles joined, as many whole ones as fit in ``width`` (at least one, cut), "…" for the rest."""
    kept: list[str] = []
    size = 0
    listed = list(titles)
    for title in listed:
        if kept and size + 2 + len(title) > width:
            break
        kept.append(title if kept or len(title) <= width else title[: width - 1] + "…")
        size += len(kept[-1]) + (2 if len(kept) > 1 else 0)
    return ", ".join(kept) + (", …" if len(kept) < len(listed) else "")


# ``claimed_not_shown``: the work named only outside any job (a summary, a skills list) is claimed, not shown:
# partial, the lowest (rubric: "a skill only claimed in a summary with no job behind it").
CLAIMED = 0.15


def _claimed(target: Target, ctx: Context) -> Answer | None:
    lines = ctx.document.lines
    for hit in find_in_lines(target.phrases, lines):
        line = lines[hit.index]
        ev = Evidence(line.text, line.page, line.number, Method.EXACT, hit.phrase, hit.matched)
        why = f"'{hit.phrase}' named, but in no job of the work history"
        return Answer(CLAIMED, (ev,), why, method="claimed")
    return None
