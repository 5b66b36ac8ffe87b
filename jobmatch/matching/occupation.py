"""Occupations in titles and duty lines: which occupation a job title names, which occupations a posting's
field ("accounts payable", "customer service") stands for, which jobs of a work history did that work,
for how many months, and how senior a title is. Words come from ``knowledge/occupations.toml``.

Heuristics (each named, with its reason):
- ``longest_title``: the longest occupation title found in a job title decides it ("Accounts Payable
  Manager" is not an "Accountant" because "account" appears); shorter hits inside it are dropped.
- ``field_in_titles``: a posting's field names the occupations with a title equal to it or two titles holding
  it (primary; "customer service banker" alone is a banker), and those
  whose duty phrases hold it (secondary: a bookkeeper does accounts payable); a field that is a family's
  name makes that family adjacent work.
- ``words_inside_field``: a field naming no occupation as a whole is read by the occupation titles and
  family names inside it ("acute care nursing" -> nursing).
- ``duties_in_job``: a job whose title is unknown or adjacent did the work when its own lines hold the field
  itself or a duty phrase of a primary occupation; a job titled as another occupation needs two different
  phrases (one incidental "answered calls" does not make a nurse a call-centre agent).
- ``other_occupation``: a job titled as another occupation whose own lines hold two duty phrases of the work
  did some of it inside that occupation: related work, not the work itself (a chef who "ensured customer
  satisfaction" and "handled complaints" is not a customer-service representative).
- ``incidental_duty``: one duty phrase of the work inside a job titled as another occupation is adjacent
  work ("complete A/P for the service center" in an HR job): partial, not nothing.
- ``overseen_work``: in a job far above the posting's level (a CFO for a clerk's job) duties that name the
  work were overseen, not done: adjacent work, not the work itself.
- ``ing_is_a_noun``: a vocabulary word in -ing ("accounting", "nursing", "billing") matches only a word in
  -ing: the stem of "accounting clerk" is that of "account clerk", but "Account Manager" is a sales title.
- ``serves_someone``: "Assistant to the Sales Director", "Secretary to the Chief Nursing Officer": the
  words after "to" that follows a serving head noun (``serving`` in words.toml) name whom the job served,
  not its occupation, its family or its rung; the title is read without them.
- ``generic_field_word``: a one-word field held by the duties of occupations in three or more families
  ("strategy") names no occupation's work.
- ``seniority_ladder``: a title's rung is the highest rung among the ladder phrases it holds, a phrase
  inside a longer one not counting ("assistant manager" is not "manager").
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from jobmatch.knowledge.occupations import Occupation, load_occupations
from jobmatch.knowledge.words import activities, activity_nouns, activity_phrases, serving_heads
from jobmatch.matching.text import content_stems, tokenize, tokens
from jobmatch.models import JobEntry, Line

__all__ = [
    "JobMatch",
    "PhraseIndex",
    "Target",
    "duty_evidence",
    "field_target",
    "job_months",
    "match_jobs",
    "merged_months",
    "seniority_rung",
    "title_occupations",
]


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int  # token positions
    end: int
    char_start: int
    char_end: int
    phrase: str
    payload: str


# "Senior Accountant/Financial Analyst", "billing/invoicing": a slash between words (not "A/P") parts them.
# The replacement keeps every character position, so quotes stay exact.
_SLASH = re.compile(r"(?<=[^\W\d_]{3})/(?=[^\W\d_]{3})")


def _gerund(word: str) -> bool:
    return len(word) > 5 and word.lower().endswith("ing")


class PhraseIndex:
    """Many phrases, found by word stems in one pass over a text's tokens."""

    def __init__(self, items: Iterable[tuple[str, str]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[tuple[str, bool], ...], str, str]]] = {}
        for phrase, payload in items:
            words = tuple((st, _gerund(phrase[a:b])) for st, a, b in tokens(phrase))
            if words:
                self._by_first.setdefault(words[0][0], []).append((words, phrase, payload))

    def find(self, text: str, *, longest: bool = True) -> list[_Hit]:
        toks = tokens(_SLASH.sub(" ", text))
        gerunds = [_gerund(text[a:b]) for _, a, b in toks]
        hits: list[_Hit] = []
        for i, (s, _, _) in enumerate(toks):
            for words, phrase, payload in self._by_first.get(s, ()):
                n = len(words)
                if i + n <= len(toks) and all(
                    toks[i + k][0] == words[k][0] and (gerunds[i + k] or not words[k][1]) for k in range(n)
                ):
                    hits.append(_Hit(i, i + n, toks[i][1], toks[i + n - 1][2], phrase, payload))
        if not longest:
            return hits
        return [
            h
            for h in hits
            if not any(
                o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start) for o in hits
            )
        ]


@cache
def _title_index() -> PhraseIndex:
    vocab = load_occupations()
    return PhraseIndex(
        (variant, o.id)
        for o in vocab.occupations.values()
        for t in (o.title, *o.titles)
        for variant in _short_variants(t, vocab.short_forms)
    )


def _short_variants(title: str, short_forms: tuple[tuple[str, tuple[str, ...]], ...]) -> list[str]:
    """``short_title_words``: the title, and the title with each word a résumé shortens ("Lube Tech",
    "Office Mgr", "Sales Rep") in its short form (one word at a time)."""
    variants = [title]
    words = title.split()
    for word, forms in short_forms:
        for k, w in enumerate(words):
            if w.lower() == word:
                variants.extend(" ".join((*words[:k], form, *words[k + 1 :])) for form in forms)
    return variants


@cache
def _ladder_index() -> PhraseIndex:
    return PhraseIndex((phrase, str(rung)) for rung, phrase in load_occupations().seniority)


_TO_WHOM = r"\s+to\s+(?:the\s+|an?\s+|our\s+)?"  # "Assistant to the Controller": whom the job served
_TO_SOMEONE = re.compile(rf"{_TO_WHOM}(?=\w)", re.IGNORECASE)


def own_title(title: str) -> str:
    """The title without whom it served (``serves_someone``): "Assistant to the Controller" -> "Assistant"."""
    match = _TO_SOMEONE.search(title)
    if match is None:
        return title
    head = title[: match.start()].split()
    if head and head[-1].strip(".,;:()").lower() in serving_heads():
        return title[: match.start()]
    return title


@lru_cache(maxsize=8192)
def title_occupations(title: str) -> tuple[Occupation, ...]:
    """The occupations a job title names (``longest_title``), longest hit first."""
    title = own_title(title)
    if not title.strip():
        return ()
    vocab = load_occupations()
    hits = _qualified_heads(title, _title_index().find(title))
    if len({h.payload for h in hits}) > 1:
        words = set(content_stems(title))

        def context(hit: _Hit) -> int:
            # ``title_words_decide_a_tie``: "Agronomy Field Technician" holds "field technician" of IT
            # support and of agriculture; the title's other words ("agronomy") are in the agricultural
            # occupation's own titles, so it comes first
            return len((words - set(content_stems(hit.phrase))) & _title_stems(hit.payload))

        hits = sorted(hits, key=lambda h: (-(h.end - h.start), -context(h), h.start))
        hits = _licence_decides(title, hits)
    return tuple(dict.fromkeys(vocab.occupations[h.payload] for h in hits))


def _qualified_heads(title: str, hits: list[_Hit]) -> list[_Hit]:
    """``qualifier_names_another_field``: a one-word title ("mechanic", "advocate", "aviation") is the
    occupation only when the title's other words are not another field's: "Aviation Structure Mechanic"
    is an aircraft mechanic (whose titles hold "aviation" and "mechanic"), not a car mechanic; "Benefit
    Advocate" and "Clinical Service Advocate" are no paralegals; "Aviation Records Analyst" is no aircraft
    mechanic. A word of the head's own family's titles ("Diesel Mechanic", "Lead Mechanic") or of the
    seniority ladder qualifies nothing."""
    vocab = load_occupations()
    words = set(content_stems(title))
    kept: list[_Hit] = []
    for hit in hits:
        head = content_stems(hit.phrase)
        if len(head) != 1:
            kept.append(hit)
            continue
        family = vocab.occupations[hit.payload].family
        foreign = words - set(head) - _family_title_stems(family) - _ladder_stems()
        foreign = {w for w in foreign if _titles_holding(w)}
        if not foreign:
            kept.append(hit)
            continue
        better = sorted(
            (-len(foreign & _title_stems(o)), o)
            for o in _titles_holding(head[0])
            if vocab.occupations[o].family != family and foreign & _title_stems(o)
        )
        # no other field's occupation holds the head: the qualifier says where ("Part-Time Cashier", "Dental
        # Receptionist", "Corporate Paralegal"), not another job
        kept.append(dataclasses.replace(hit, payload=better[0][1]) if better else hit)
    return kept


@cache
def _family_title_stems(family: str) -> frozenset[str]:
    vocab = load_occupations()
    return frozenset(s for o in vocab.occupations.values() if o.family == family for s in _title_stems(o.id))


@cache
def _ladder_stems() -> frozenset[str]:
    return frozenset(s for _, phrase in load_occupations().seniority for s in content_stems(phrase))


@cache
def _stem_owners() -> dict[str, frozenset[str]]:
    owners: dict[str, set[str]] = {}
    for occupation in load_occupations().occupations.values():
        for stem in _title_stems(occupation.id):
            owners.setdefault(stem, set()).add(occupation.id)
    return {stem: frozenset(ids) for stem, ids in owners.items()}


def _titles_holding(stem: str) -> frozenset[str]:
    """The occupations one of whose titles holds ``stem``."""
    return _stem_owners().get(stem, frozenset())


_LICENCE_ABBREVIATION = re.compile(r"[A-Z]{2,4}")


def _licence_decides(title: str, hits: list[_Hit]) -> list[_Hit]:
    """``licence_in_the_title_decides``: "Charge Nurse (LPN)", "Staff Nurse - LPN": the capitals of one
    occupation (LPN) say which of its family's occupations the generic words ("charge nurse") are; the
    family's other occupations named only by generic words are dropped."""
    vocab = load_occupations()
    named = {h.payload for h in hits if _LICENCE_ABBREVIATION.fullmatch(title[h.char_start : h.char_end])}
    families = {vocab.occupations[o].family for o in named}
    return [h for h in hits if h.payload in named or vocab.occupations[h.payload].family not in families]


@cache
def _title_stems(occupation_id: str) -> frozenset[str]:
    """The content stems of every title of one occupation."""
    occupation = load_occupations().occupations[occupation_id]
    return frozenset(s for t in (occupation.title, *occupation.titles) for s in content_stems(t))


def seniority_rung(title: str) -> int | None:
    """The title's rung on the seniority ladder (``seniority_ladder``), or None when it names none."""
    hits = _ladder_index().find(own_title(title))
    return max((int(h.payload) for h in hits), default=None)


@dataclass(frozen=True, slots=True)
class Target:
    """The work a requirement or posting asks for, as occupations of the vocabulary."""

    phrases: tuple[str, ...]  # the posting's own words for it ("accounts payable")
    primary: frozenset[str]  # occupation ids whose titles name it
    secondary: frozenset[str]  # occupation ids whose duties name it (their titles count too)
    families: frozenset[str]  # families of primary/secondary occupations, and families named by a phrase
    adjacent: frozenset[str]  # related families: partial credit
    core: frozenset[str] = frozenset()  # families of primary occupations and families named by a phrase
    # secondary occupations that stand for a phrase no occupation is titled by (``duties_of_a_stand_in``)
    stand_ins: frozenset[str] = frozenset()

    @property
    def occupations(self) -> frozenset[str]:
        return self.primary | self.secondary

    def __bool__(self) -> bool:
        return bool(self.primary or self.secondary or self.families)


def _contains(haystack: str, needle: str) -> bool:
    want = [s for s, _, _ in tokens(needle)]
    have = [s for s, _, _ in tokens(haystack)]
    n = len(want)
    return n > 0 and any(have[i : i + n] == want for i in range(len(have) - n + 1))


def _noun_of(title: str, phrase: str) -> bool:
    """``an_activitys_noun_in_a_title``: "account executive" (or a duty, "key accounts") holds "accounting"
    only by the noun "account", which names the customer, not the work (``activity_nouns`` in words.toml);
    in the activity's own phrases ("accounts payable") the noun is the work's."""
    asked = {t.stem for t in tokenize(phrase) if t.raw.lower() in activities()}
    if not any(t.stem in asked and t.raw.lower() in activity_nouns() for t in tokenize(title)):
        return False
    # "accounts payable", "account reconciliations": the ledger's accounts are accounting
    return not any(_contains(title, p) for p in activity_phrases())


_GENERIC_FIELD_FAMILIES = 3


@cache
def field_target(phrases: tuple[str, ...], occupation_ids: tuple[str, ...] = ()) -> Target:
    """Occupations and families for a requirement's fields (``field_in_titles``), plus any occupations the
    caller already knows (a posting's title)."""
    vocab = load_occupations()
    primary: set[str] = set(occupation_ids)
    secondary: set[str] = set()
    stand_ins: set[str] = set()
    named: set[str] = set()
    for phrase in phrases:
        found = False
        titled: set[str] = set()
        doing: set[str] = set()
        for occ in vocab.occupations.values():
            holding = [
                t for t in (occ.title, *occ.titles) if _contains(t, phrase) and not _noun_of(t, phrase)
            ]
            # One title holding it as a modifier ("customer service banker") is another occupation.
            duties = [d for d in occ.duties if _contains(d, phrase) and not _noun_of(d, phrase)]
            if any(_contains(phrase, t) for t in holding) or len(holding) >= 2:
                titled.add(occ.id)
            elif duties:
                doing.add(occ.id)
        if (
            not titled
            and len(phrase.split()) == 1
            and len({vocab.occupations[o].family for o in doing}) >= _GENERIC_FIELD_FAMILIES
        ):
            # ``generic_field_word``: one word that the duties of occupations in three or more families hold
            # ("strategy": a sales manager's sales strategy, an IT manager's IT strategy, a coach's game
            # strategy) names no work of its own: no occupation does it
            doing = set()
        primary |= titled
        secondary |= doing
        found = bool(titled or doing)
        if not titled:
            stand_ins |= doing
        for fam in vocab.families.values():
            if any(_contains(name, phrase) and _contains(phrase, name) for name in fam.names):
                named.add(fam.id)
                found = True
        if not found:
            # ``words_inside_field``: "acute care nursing" names no occupation as a whole, but holds the
            # family name "nursing"; "line cook experience" holds the title "line cook".
            for hit in _names_index().find(phrase):
                kind, _, ident = hit.payload.partition(":")
                (primary if kind == "occupation" else named).add(ident)
    secondary -= primary
    families = {vocab.occupations[o].family for o in primary | secondary} | named
    adjacent = {r for f in families for r in vocab.families[f].related} - families
    core = {vocab.occupations[o].family for o in primary} | named
    return Target(
        tuple(phrases),
        frozenset(primary),
        frozenset(secondary),
        frozenset(families),
        frozenset(adjacent),
        frozenset(core),
        frozenset(stand_ins - primary),
    )


@cache
def _names_index() -> PhraseIndex:
    vocab = load_occupations()
    items = [(t, f"occupation:{o.id}") for o in vocab.occupations.values() for t in (o.title, *o.titles)]
    items += [(n, f"family:{f.id}") for f in vocab.families.values() for n in f.names]
    return PhraseIndex(items)


@cache
def _duty_index(target: Target) -> PhraseIndex:
    vocab = load_occupations()
    # "full-cycle bookkeeping" is also written "full cycle bookkeeping"
    items = [(v, "field") for p in target.phrases for v in dict.fromkeys((p, p.replace("-", " ")))]
    # ``duties_of_a_stand_in``: a field no occupation is titled by ("full-cycle bookkeeping") is the work of
    # the occupations whose duties name it (a bookkeeper's): their duties show it as a titled one's would.
    duty_of = set(target.primary | target.stand_ins)
    if not target.occupations:
        # only families named ("nursing"): their occupations' duties show the work
        duty_of = {o.id for o in vocab.occupations.values() if o.family in target.families}
    items += [
        (d, SHARED if d.lower() in vocab.shared_tasks else o)
        for o in sorted(duty_of)
        for d in vocab.occupations[o].duties
    ]
    return PhraseIndex(items)


SHARED = "shared"  # payload of a shared task in the duty index (``shared_task_alone``)


@dataclass(frozen=True, slots=True)
class JobMatch:
    job: JobEntry
    how: str  # "title" (the job title names a target occupation), "duties", or "adjacent"
    line_index: int  # the line that shows it (title line or the duty line)
    matched: str  # the words that matched
    phrase: str  # the vocabulary phrase that matched


def match_jobs(
    jobs: Sequence[JobEntry], lines: Sequence[Line], target: Target, max_rung: int | None = None
) -> list[JobMatch]:
    """The jobs that did the target's work, and how each shows it; adjacent jobs are marked as such.
    A job above ``max_rung`` whose duties name the work oversaw it (``overseen_work``): adjacent."""
    vocab = load_occupations()
    found: list[JobMatch] = []
    for job in jobs:
        title_line = _title_line(job, lines)
        occs = title_occupations(job.title)
        hit_occ = next((o for o in occs if o.id in target.occupations), None)
        if hit_occ is not None and not _unconfirmed(job, lines, hit_occ):
            found.append(JobMatch(job, "title", title_line, job.title, hit_occ.title))
            continue
        if hit_occ is not None:
            # ``title_needs_its_duties``: a "Master Technician" whose lines repair phones did other work
            found.append(JobMatch(job, "adjacent", title_line, job.title, hit_occ.title))
            continue
        # ``shared_title_without_its_duties``: a title other fields use too ("Account Executive" at a PR
        # agency) names another occupation only beside one of its duties; without one it is a title no
        # vocabulary places, and the job's own lines say what work it was
        occs = tuple(o for o in occs if not _unconfirmed(job, lines, o))
        # ``a_sibling_is_no_family_name``: "Account Receivable" holds the words of the AP family's name, but
        # names a sibling occupation of the family (the AR clerk): it shows the work by two of the work's
        # duties, as any sibling does (``sibling_needs_two_duties``, below), not by its title
        of_a_sibling = any(o.family in target.core and o.id not in target.occupations for o in occs)
        named = "" if of_a_sibling else _family_named(job.title, target)
        # ... unless the family's occupations are each their own work (licensed: "Construction Foreman" names
        # the construction trades but is no electrician, "Aviation Records Analyst" no aircraft mechanic)
        if named and not (target.occupations and _licensed(target)):
            # ``family_named_in_title``: "HR Executive", "HR Payroll/Accounting Representative": a title that
            # holds the name of the work ("HR", "nursing", "accounts payable") did that work, whatever else
            # its words name.
            found.append(JobMatch(job, "title", title_line, job.title, named))
            continue
        same_family = next((o for o in occs if o.family in target.families), None)
        if same_family is not None and not target.occupations:
            # ``entry_rung_of_a_named_family``: "classroom teaching", "nursing experience" name the family's
            # own work; its entry rung (a teacher's aide, a tutor, a nursing assistant: level 0 below the
            # family's staff) did related work, as it does where the posting names the occupation.
            how = "adjacent" if _entry_rung(same_family) else "title"
            found.append(JobMatch(job, how, title_line, job.title, same_family.title))
            continue
        near = next((o for o in occs if o.family in target.adjacent or o.family in target.families), None)
        sibling = bool(target.occupations) and near is not None and near.id not in target.occupations
        if near is not None and (
            (near.family not in target.families and not _does(near.family, target))
            or (sibling and _licensed(target))
        ):
            # ``title_of_a_related_family``: a pulmonary lab technician's lines about patients are a lab
            # technician's work, a customer service rep's cash handling is no teller's: a job titled as an
            # occupation of a related family is related work, whatever its duties say, unless that family
            # does the work as part of its own (an accountant posts payables: ``does``); where the work
            # needs a licence, so is another occupation of the family itself (a pilot's lines about aircraft)
            found.append(JobMatch(job, "adjacent", title_line, job.title, near.title))
            continue
        if near is not None and _below_the_target(near, target):
            # ``lower_rung_of_the_family``: a nursing assistant's "nursing care" is not a registered nurse's
            # work: a title of the target's family at a lower level than the occupations asked for is
            # related work, whatever its duties say.
            found.append(JobMatch(job, "adjacent", title_line, job.title, near.title))
            continue
        # ``sibling_needs_two_duties``: another occupation of the target's family (a group fitness instructor
        # for a personal trainer, a bookkeeper for an AP clerk) shows the target's work by two of its duties,
        # as another field's title does: one ("led workouts") is the family's common ground.
        duty = duty_evidence(
            job,
            lines,
            target,
            other_title=bool(occs) and (near is None or (sibling and near.family in target.families)),
            unknown_title=not occs,
        )
        overseen = (
            duty is not None
            and max_rung is not None
            and (rung := seniority_rung(job.title)) is not None
            and rung > max_rung
        )
        if duty is not None and not overseen and not (occs and near is None):
            found.append(duty)
            continue
        if duty is None and occs and near is None:
            duty = duty_evidence(job, lines, target, other_title=False)  # ``incidental_duty``
        if duty is not None:
            found.append(JobMatch(job, "adjacent", duty.line_index, duty.matched, duty.phrase))
            continue
        if near is not None:
            label = vocab.families[near.family].name
            found.append(JobMatch(job, "adjacent", title_line, job.title, label))
    return found


def _unconfirmed(job: JobEntry, lines: Sequence[Line], occupation: Occupation) -> bool:
    """Whether the job's title names the occupation only by a title other fields use too (``confirm`` in
    occupations.toml) and none of the job's lines names one of the occupation's duties."""
    if not occupation.confirm or not job.line_indexes or not _shared_title(job.title, occupation.id):
        return False
    own = field_target((), (occupation.id,))
    return duty_evidence(job, lines, own, other_title=False) is None


@lru_cache(maxsize=8192)
def _shared_title(title: str, occupation_id: str) -> bool:
    """Whether ``title`` names the occupation by one of its ``confirm`` titles only (memoised per title, as
    ``title_occupations`` is: the same titles come back for every requirement)."""
    occupation = load_occupations().occupations[occupation_id]
    hits = [h for h in _title_index().find(title) if h.payload == occupation_id]
    longest = max(hits, key=lambda h: h.end - h.start, default=None)
    if longest is None or longest.phrase.lower() not in occupation.confirm:
        return False
    others = set(content_stems(title)) - set(content_stems(longest.phrase)) - _ladder_stems()
    return not others & _title_stems(occupation_id)  # "Automobile Mechanic": its own words say which


def _does(family: str, target: Target) -> bool:
    """Whether jobs of ``family`` do the target's work as part of their own (``does`` in occupations.toml)."""
    families = load_occupations().families
    own = families[family].does if family in families else ()
    return bool(target.core) and bool(set(own) & target.core)


def _licensed(target: Target) -> bool:
    """Whether the target's own work needs a licence (``licensed`` families of occupations.toml)."""
    families = load_occupations().families
    return bool(target.core) and all(families[f].licensed for f in target.core if f in families)


def _entry_rung(occupation: Occupation) -> bool:
    """Whether the occupation is its family's entry rung: level 0 where the family has staff above it."""
    return occupation.level == 0 and occupation.family in _families_with_staff()


@cache
def _families_with_staff() -> frozenset[str]:
    """The families with an occupation above level 0 (read once, not per job of every résumé)."""
    return frozenset(o.family for o in load_occupations().occupations.values() if o.level > 0)


def _below_the_target(occupation: Occupation, target: Target) -> bool:
    vocab = load_occupations()
    levels = [
        vocab.occupations[o].level for o in target.primary if vocab.occupations[o].family == occupation.family
    ]
    return bool(levels) and occupation.level < min(levels)


def _family_named(title: str, target: Target) -> str:
    """The name of one of the target's own families that the title holds ("HR" in "HR Executive"), or ""."""
    if not title.strip() or not target.core:
        return ""
    for hit in _names_index().find(own_title(title)):
        kind, _, ident = hit.payload.partition(":")
        if kind == "family" and ident in target.core:
            return hit.phrase
    return ""


def _title_line(job: JobEntry, lines: Sequence[Line]) -> int:
    if job.evidence is not None:
        for i in job.line_indexes:
            if (
                0 <= i < len(lines)
                and lines[i].page == job.evidence.page
                and lines[i].number == job.evidence.line
            ):
                return i
    return job.line_indexes[0] if job.line_indexes else -1


def duty_evidence(
    job: JobEntry, lines: Sequence[Line], target: Target, *, other_title: bool, unknown_title: bool = False
) -> JobMatch | None:
    index = _duty_index(target)
    distinct: dict[str, tuple[int, _Hit]] = {}
    field_hit: tuple[int, _Hit] | None = None
    every_line: set[int] = set()
    for i in job.line_indexes:
        if not 0 <= i < len(lines):
            continue
        for hit in index.find(lines[i].text):
            if hit.payload == "field" and _someone_else(lines[i].text, hit):
                continue
            every_line.add(i)
            key = " ".join(s for s, _, _ in tokens(hit.phrase))
            distinct.setdefault(key, (i, hit))
            if hit.payload == "field" and field_hit is None:
                field_hit = (i, hit)
    if field_hit is None and all(hit.payload == SHARED for _, hit in distinct.values()):
        # ``shared_task_alone``: "perio charting" in a dental office, "conducted interviews" as a call-centre
        # manager: tasks many jobs do never show an occupation on their own.
        return None
    hit_lines = {i for i, _ in distinct.values()}
    if unknown_title:
        # ``unknown_title_needs_more``: under a title no vocabulary places ("Manager", "Senior Service Agent")
        # one task shared by many jobs ("conducted interviews", "new hire") is not the occupation; the
        # posting's own words for the work, or two of its tasks on two lines, are.
        # ``one_line_of_another_job``: the posting's words as one item of a list on one line ("… through
        # newsletters, social media and parent-teacher conferences" under "Education Advisor") are incidental
        # to the job: they show its work beside a second line or another of its tasks ("Handled HR
        # generalist duties" names the work itself)
        listed = field_hit is not None and _in_a_list(lines[field_hit[0]].text, field_hit[1])
        enough = (
            (field_hit is not None and (not listed or len(every_line) >= 2 or len(distinct) >= 2))
            or (len(distinct) >= 2 and len(hit_lines) >= 2)
            or len(distinct) >= 3
        )
    else:
        enough = len(distinct) >= 2 or (bool(distinct) and not other_title)
    if not enough:
        return None
    # ``quote_the_posting_words``: the line quoted is the one that says the posting's own words where one
    # does ("bookkeeping needs in QuickBooks" for full-cycle bookkeeping, not the job's first payroll line)
    asked = {stem for phrase in target.phrases for stem, _, _ in tokens(phrase)}
    shared = [(sum(s in asked for s, _, _ in tokens(v[1].phrase)), v) for v in distinct.values()]
    best = max(shared, key=lambda pair: pair[0])  # the first of the most shared words
    i, hit = field_hit or (best[1] if best[0] else next(iter(distinct.values())))
    text = lines[i].text
    return JobMatch(job, "duties", i, text[hit.char_start : hit.char_end], hit.phrase)


# ``the_title_is_someone_else``: "Advised the project manager on material costs", "reported to the store
# manager": a title after "the" (or a possessive) in a duty line is the person the candidate worked with, not
# the work they did; "served as the project manager" is their own.
_SOMEONE_ELSE = re.compile(r"(?<!\bas )\b(?:the|our|his|her|their|my)\s+$", re.IGNORECASE)


def _someone_else(text: str, hit: _Hit) -> bool:
    before = text[: hit.char_start]
    if _served_before().search(before):
        return True  # ``serves_someone``: "Assistant to the Business Development Director, 2012 - 2016"
    return bool(_SOMEONE_ELSE.search(before)) and bool(title_occupations(hit.phrase))


@cache
def _served_before() -> re.Pattern[str]:
    """A serving head noun and its "to", just before a hit (``serves_someone``)."""
    heads = "|".join(re.escape(h) for h in sorted(serving_heads(), key=len, reverse=True))
    return re.compile(rf"\b(?:{heads})\.?{_TO_WHOM}$", re.IGNORECASE)


def names_the_work(job: JobEntry, lines: Sequence[Line], target: Target) -> bool:
    """``one_line_names_the_work``: one of the job's own lines names the target's work (the posting's words
    or one of its occupations' own duties, not a task every job does): too little to count the job's years
    (``duty_evidence`` asks two), enough to make it related work of the target's own kind, not another
    field's ("complete A/P for Service Center" under an HR coordinator's title)."""
    index = _duty_index(target)
    title = job.title.casefold()
    duties = [lines[i].text for i in job.line_indexes if 0 <= i < len(lines)]
    # the title's own line is no duty ("Customer Service Representative" holds a teller's "customer service")
    return any(
        hit.payload != SHARED
        for text in duties
        if not (title and title in text.casefold())
        for hit in index.find(text)
    )


_LIST_BEFORE = re.compile(r"(?:,|\b(?:and|or|&))\s*$", re.IGNORECASE)
_LIST_AFTER = re.compile(r"^\s*(?:,|(?:and|or|&)\b)", re.IGNORECASE)


def _in_a_list(text: str, hit: _Hit) -> bool:
    """Whether the hit is one item of a list on its line ("newsletters, social media and conferences")."""
    return bool(_LIST_BEFORE.search(text[: hit.char_start]) or _LIST_AFTER.match(text[hit.char_end :]))


def _month_index(label: str) -> int | None:
    if len(label) >= 7 and label[:4].isdigit() and label[5:7].isdigit():
        return int(label[:4]) * 12 + int(label[5:7]) - 1
    return None


def job_months(job: JobEntry) -> tuple[int, int] | None:
    """(first, last) month index of a dated job, or None."""
    start = _month_index(job.start)
    if start is None or job.months <= 0:
        return None
    return (start, start + job.months - 1)


def merged_months(jobs: Iterable[JobEntry]) -> int:
    """Months covered by the jobs, overlaps counted once."""
    spans = sorted(s for j in jobs if (s := job_months(j)) is not None)
    total, cur_a, cur_b = 0, None, None
    for a, b in spans:
        if cur_b is None or cur_a is None or a > cur_b + 1:
            if cur_b is not None and cur_a is not None:
                total += cur_b - cur_a + 1
            cur_a, cur_b = a, b
        else:
            cur_b = max(cur_b, b)
    if cur_a is not None and cur_b is not None:
        total += cur_b - cur_a + 1
    return total
