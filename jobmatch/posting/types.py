"""Typed requirements: each item's category and the parameters the matchers read, pulled out of its text.

The words come from ``jobmatch/knowledge/requirement_cues.toml``; this module holds the mechanisms only:

* :func:`classify` walks an ordered list of named rules (:data:`RULES`); the first that holds decides the
  category. The order is the reason list: a degree line often also says "experience" ("or equivalent
  experience"), so education is asked first; years are asked before the word lists because "3 years of
  customer service" is about time in a role whatever else it names; and so on.
* one extractor per category reads the parameters: education (lowest level on the ladder, fields,
  related fields, or-equivalent), experience (years, roles/domains, notes), skills/tools/credentials/
  languages/industries/soft skills (the named terms and whether all are needed), logistics (what to ask).

Everything is deterministic and bounded: the patterns are plain alternations and no loop depends on
nesting, so a hostile item costs time linear in its length.
"""

from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

from jobmatch.knowledge.words import attributive_plurals
from jobmatch.models import Category, Requirement, RequirementKind

__all__ = [
    "EXAMPLES_MAX_CHARS",
    "EXAMPLE_NAMES",
    "KEPT_CURRENT",
    "LADDER",
    "RULES",
    "Rule",
    "classify",
    "type_requirement",
    "type_requirements",
]

CUES_FILE = "requirement_cues.toml"
MAX_TYPED_CHARS = 2_000  # an item longer than this is a run-on paragraph: typed from its first 2,000 chars


# --------------------------------------------------------------------------- the cue words


def _not_before(pattern: re.Pattern[str], words: str) -> re.Pattern[str]:
    """``pattern`` where none of ``words`` (an alternation) follows it."""
    if not words:
        return pattern
    return re.compile(rf"(?:{pattern.pattern})(?!\s+(?:{words})\b)", pattern.flags)


def _pattern(phrases: Iterable[str]) -> re.Pattern[str]:
    """One word-bounded alternation, longest phrase first; capitals-only entries match only in capitals.

    A trailing "s"/"es" in the text still matches (plurals), and spaces match any run of spaces or a hyphen
    ("critical-thinking skills" is the cue "critical thinking").
    """
    unique = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    if not unique:
        return re.compile(r"(?!x)x")
    parts = []
    for phrase in unique:
        body = r"[\s-]+".join(re.escape(word) for word in phrase.split())
        caps = any(ch.isupper() for ch in phrase) and not any(ch.islower() for ch in phrase)
        parts.append(f"(?-i:{body})" if caps else body)
    return re.compile(rf"(?<![\w])(?:{'|'.join(parts)})(?:e?s)?(?![\w])", re.IGNORECASE)


def _alternation(phrases: Iterable[str]) -> str:
    """The phrases as one regex alternation, longest first, any run of spaces between words."""
    unique = sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p))
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in unique) or r"(?!x)x"


def _edge(phrases: Iterable[str], *, at_end: bool) -> re.Pattern[str]:
    """Phrases at the start (or end) of a text, with the spaces and punctuation around them."""
    body = _alternation(phrases)
    if at_end:
        return re.compile(rf"(?:^|(?<=[\s,;:(]))(?:{body})[\s.,;:!)]*$", re.IGNORECASE)
    # An all-capitals word is a name ("SOLID" principles), never the lead word "solid".
    return re.compile(rf"^[\s,;:(-]*(?-i:(?![A-Z]{{2,}}\b))(?:{body})(?![\w+#&/])[\s,;:-]*", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Cues:
    levels: tuple[tuple[str, re.Pattern[str]], ...]
    education: re.Pattern[str]
    education_nouns: re.Pattern[str]
    not_fields: frozenset[str]
    filler_words: frozenset[str]  # experience filler, one word each: "previous experience" names no domain
    related: re.Pattern[str]
    equivalent: re.Pattern[str]
    logistics: re.Pattern[str]
    logistics_generic: frozenset[str]
    units: str
    experience_lead: re.Pattern[str]
    experience_tail: re.Pattern[str]
    role: re.Pattern[str]
    credential: re.Pattern[str]
    credential_named: re.Pattern[str]
    qualifiers: re.Pattern[str]
    credential_tail: re.Pattern[str]
    places: re.Pattern[str]
    languages: re.Pattern[str]
    language_cues: re.Pattern[str]
    bilingual: re.Pattern[str]
    industry: re.Pattern[str]
    industry_names: re.Pattern[str]
    soft: re.Pattern[str]
    soft_terms: re.Pattern[str]
    soft_signs: re.Pattern[str]
    work_quality: re.Pattern[str]
    skill: re.Pattern[str]
    skill_lead: re.Pattern[str]
    skill_nouns: re.Pattern[str]
    verbs: re.Pattern[str]
    preference: re.Pattern[str]
    any_of: re.Pattern[str]
    version: re.Pattern[str]
    trailing: re.Pattern[str]
    subject: re.Pattern[str]
    contracted: frozenset[str]


def _strings(table: dict[str, object], key: str) -> list[str]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{CUES_FILE}: {key} must be a list of strings")
    return [str(v) for v in value]


@functools.cache
def _joined_names() -> re.Pattern[str] | None:
    """Catalogue names that hold a word the term splitter cuts at ("Airframe and Powerplant")."""
    names = sorted(
        (n for n in _catalogue_names() if _SPLIT.search(n) and len(n.split()) > 1), key=len, reverse=True
    )
    if not names:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in names) + r")(?!\w)", re.IGNORECASE)


_KEEP = "\u01c2"  # a letter (so no splitter word boundary): a space inside a catalogue name, meanwhile


def _kept_whole(core: str) -> str:
    """``catalogue_name_kept_whole`` across a split word: "FAA Airframe and Powerplant (A&P) certificate"
    names one certificate, not "FAA Airframe" and "Powerplant certificate"."""
    pattern = _joined_names()
    if pattern is None:
        return core
    return pattern.sub(lambda m: m.group(0).replace(" ", _KEEP), core)


@functools.cache
def _catalogue_names() -> frozenset[str]:
    """Every name and alias of the credentials catalogue, in lower case."""
    from jobmatch.knowledge.vocabulary import load_vocabulary

    return frozenset(
        n.casefold() for c in load_vocabulary("credentials").concepts for n in (c.name, *c.aliases)
    )


@functools.cache
def _catalogue_abbreviations() -> tuple[str, ...]:
    from jobmatch.knowledge.vocabulary import load_vocabulary

    return tuple(a for c in load_vocabulary("credentials").concepts for a in c.abbreviations if a.isupper())


@functools.cache
def _cues() -> _Cues:
    data = tomllib.loads(resources.files("jobmatch.knowledge").joinpath(CUES_FILE).read_text("utf-8"))
    education, levels_table = data["education"], data["education"]["levels"]
    ladder = LADDER
    # ``master_of_a_trade``: "ASE Master Technician", "Master Electrician" name a trade's top rank, no degree
    trades = "|".join(re.escape(w) for w in _strings(education, "trade_ranks"))
    levels = tuple(
        (level, _not_before(_pattern(_strings(levels_table, level)), trades))
        for level in ladder
        if level in levels_table
    )
    every_level = [p for level in ladder if level in levels_table for p in _strings(levels_table, level)]
    nouns = ("degree", "diploma", "undergrad", "undergraduate", "certificate", "coursework")
    experience, credential, language = data["experience"], data["credential"], data["language"]
    industry, soft, skill, general = data["industry"], data["soft_skill"], data["skill"], data["general"]
    filler = _strings(experience, "filler")
    return _Cues(
        levels=levels,
        education=_not_before(_pattern([*_strings(education, "cues"), *every_level]), trades),
        education_nouns=_pattern(nouns),
        not_fields=frozenset(w.casefold() for w in _strings(education, "not_fields")),
        filler_words=frozenset(w.casefold() for p in filler for w in p.split()) | {"industry"},
        related=_pattern(_strings(education, "related")),
        equivalent=_pattern(_strings(education, "equivalent")),
        logistics=_pattern(_strings(data["logistics"], "cues")),
        logistics_generic=frozenset(w.casefold() for w in _strings(data["logistics"], "generic")),
        units="|".join(re.escape(u) for u in _strings(data["logistics"], "units")),
        experience_lead=_edge([*filler, *_strings(skill, "verbs")], at_end=False),
        experience_tail=_edge(filler, at_end=True),
        role=_pattern(_strings(experience, "role_cues")),
        credential=_pattern(_strings(credential, "cues")),
        # ``catalogue_names_a_credential``: every abbreviation of the credentials catalogue ("CCRN", "RDH")
        # names a credential too, so a posting's "CCRN preferred" is one without a cue word
        credential_named=_pattern([*_strings(credential, "named"), *_catalogue_abbreviations()]),
        qualifiers=_edge(_strings(credential, "qualifiers"), at_end=False),
        credential_tail=_edge(_strings(credential, "nouns"), at_end=True),
        places=_pattern(_strings(credential, "places")),
        languages=_pattern(_strings(language, "names")),
        language_cues=_pattern(_strings(language, "cues")),
        bilingual=_pattern(_strings(language, "bilingual")),
        industry=_pattern(_strings(industry, "cues")),
        industry_names=_pattern(_strings(industry, "names")),
        soft=_pattern(_strings(soft, "cues")),
        soft_signs=_pattern(_strings(soft, "signs")),
        work_quality=re.compile(
            r"^\s*(?:(?:strong|excellent|good|very)\s+)?("
            + "|".join(re.escape(w) for w in _strings(soft, "work_qualities"))
            + r")\s+(?=[a-z])(?!(?:and|or|with|in|at|about|to)\b)",
            re.IGNORECASE,
        ),
        soft_terms=_pattern([*_strings(soft, "cues"), *_strings(soft, "terms_only")]),
        skill=_pattern(_strings(skill, "cues")),
        # ``quality_of_the_work``: "Accurate cash handling" is cash handling
        skill_lead=_edge(
            [*_strings(skill, "lead"), *_strings(skill, "verbs"), *_strings(soft, "work_qualities")],
            at_end=False,
        ),
        skill_nouns=_edge(_strings(skill, "nouns"), at_end=True),
        verbs=_edge(_strings(skill, "verbs"), at_end=False),
        preference=_pattern(_strings(general, "preference")),
        any_of=_pattern(_strings(general, "any_of")),
        version=_pattern(_strings(general, "version")),
        trailing=_edge(_strings(general, "trailing"), at_end=True),
        subject=_subject_lead(general),
        # a subject that says it all: contracted ("you're") or naming what they have ("candidates with")
        contracted=frozenset(
            s.casefold() for s in _strings(general, "subjects") if "'" in s or s.endswith(" with")
        ),
    )


def _subject_lead(general: dict[str, object]) -> re.Pattern[str]:
    """The subject lead-in of ``subject_is_no_term``: a subject, then modals, then a verb (each optional
    after the subject; :func:`_without_subject` asks for one of them or a contracted subject)."""

    def alternation(key: str) -> str:
        return _alternation(_strings(general, key))

    return re.compile(
        rf"^(?P<subject>{alternation('subjects')})(?![\w'])"
        rf"(?P<modals>(?:\s+(?:{alternation('modals')})(?![\w']))*)"
        rf"(?P<verb>\s+(?:{alternation('subject_verbs')})(?![\w']))?\s+(?=\S)",
        re.IGNORECASE,
    )


LADDER: tuple[str, ...] = (
    "none",
    "high_school",
    "certificate",
    "diploma",
    "associate",
    "bachelor",
    "master",
    "doctorate",
)

# --------------------------------------------------------------------------- text helpers

_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_SPACES = re.compile(r"\s+")
_PARENS = re.compile(r"\(([^()]*)\)")
# What follows an acronym without being part of its name: the kind of thing it is beyond a product kind
# (``is_kind_noun``) or a credential noun ("(A&P) certificate"), or the item's own words ("(CRM) preferred").
_NOT_JOINED_TO_AN_ACRONYM = frozenset(
    re.findall(
        r"\w+",
        "program programs programme degree experience skills skill knowledge exam suite preferred required "
        "desired needed plus must",
    )
)
_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)\b(?!\s*[,;:)])(?=\s|$|[.])")
_EXAMPLES = re.compile(
    r"^\s*(?:e\.?\s?g\.?|i\.?\s?e\.?|such as|including|for example|for instance|like)[\s,:]*", re.I
)
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9+#.&-]{0,11}")
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
}
_NUM = rf"(\d{{1,2}}(?:\.\d)?|{'|'.join(_NUMBER_WORDS)})"
# Named heuristic "years-asked": "2+ years", "at least 1 year", "minimum of 2 years'", "3-5 years", "six
# months", "2 or more years" — the lowest figure counts. Not "18 years of age" (that is eligibility).
_YEARS = re.compile(
    # "within 6 months" is a deadline, never time served
    rf"(?<!within )(?<!within the first )(?<!the last )(?<!the past )(?<![a-z] in )"
    rf"(?:(?:at\s+least|a\s+minimum\s+of|minimum\s+of|minimum|min\.?|over|more\s+than)\s+)?{_NUM}\s*\+?\s*"
    rf"(?:(?:-|to|or)\s*{_NUM}\s*\+?\s*|(?:or|and)\s+(?:more|above|over|greater)\s+)?"
    rf"(years?|yrs?|months?)\b'?\+?(?!\s+(?:of\s+age|old|or\s+older|and\s+older|or\s+over(?!\s+of))\b)(?:\s+of\b)?",
    re.IGNORECASE,
)
# A preference clause inside an item: "…, preferably in a call center", "ideally in med-surg".
# "…, ideally in beauty, cosmetics or fashion": the clause runs over the short items of its own list
# (``preference_list``), which end the item; a longer or numbered part after a comma is the item's again.
_PREFERENCE_CLAUSE = re.compile(
    r"[,;]?\s*\b(?:preferably|ideally)\b[^,;]*"
    r"(?:(?:,\s*(?:[A-Za-z][\w&'-]*\s*){1,3})*?,\s*(?:[A-Za-z][\w&'-]*\s+){0,2}(?:or|and)\s+"
    r"(?:[A-Za-z][\w&'-]*\s*){1,2}(?=$|[.;]))?",
    re.IGNORECASE,
)
# ``completed_programme_is_education``: "has completed an accredited medical assistant program", "graduate of
# a coding bootcamp", "completion of a state-approved CNA training program": a programme finished is
# education at the certificate level, its field the words that name it.
_PROGRAMME = re.compile(
    r"\b(?:completed|complete|completion\s+of|graduated?\s+(?:of|from)|enrolled\s+in|enrollment\s+in)\s+"
    r"(?:(?:an?|the|one)\s+)?((?:[\w/&'-]+\s+){0,5}?)(?:training\s+)?"
    r"(?:program|programme|course|bootcamp|boot\s+camp|apprenticeship|school)s?\b",
    re.IGNORECASE,
)
_PROGRAMME_NOT_FIELD = frozenset(
    (
        "accredited", "approved", "state-approved", "state", "certified", "recognized", "recognised",
        "formal", "relevant", "related", "vocational", "technical", "training", "high", "trade",
        # the award the programme leads to ("a certificate or associate degree program in HVAC")
        "certificate", "diploma", "degree", "associate", "associate's", "associates", "or", "and", "a", "an",
    )
)  # fmt: skip
# ``certificate_as_an_alternative``: "Certificate or associate degree in medical assisting", "Bachelor's
# degree or paralegal certificate", "Paralegal certificate from an ABA-approved program, or a bachelor's
# degree" accept the certificate, the lowest level named (alone, "certificate" is more often a credential's
# noun).
_CERTIFICATE_OR = re.compile(
    r"\bcertificates?\s+(?:program\s+)?(?:from\s+[^,;()]{1,40}?\s*,?\s*)?(?:or|and/or)\b"
    r"|\bor\s+(?:an?\s+)?(?:[\w'-]+\s+){0,2}certificates?\b",
    re.IGNORECASE,
)
# ``obtainable_is_a_note``: "a teaching certificate or eligibility to obtain one", "CDL or the ability to
# get one": what the posting also accepts is a note of the item, not another thing to look for.
_OBTAINABLE = re.compile(
    r"[,;]?\s*\bor\s+(?:the\s+|be\s+)?(?:(?:eligibility|eligible|ability|able|willingness|willing)\s+to\s+"
    r"(?:obtain|get|earn|acquire|secure|become|transfer)|(?:eligibility|eligible)\s+for\s+(?:licensure|certification|a\s+licen[cs]e"
    r"|registration))\b(?:\s+[^,;()]+)?",
    re.IGNORECASE,
)
_DANGLING_DASH = re.compile(r"\s+[-–—]+\s*(?=$|[,;])")
_BOARD = re.compile(r"\b(?:board|department|bureau|division|commission)\s+of\b", re.IGNORECASE)
# ``deadline_is_a_note``: "BLS certification is required within 30 days of hire", "obtain a CDL within six
# months of start": when the posting wants it is a note of the item, not a word of what it names.
_DEADLINE = re.compile(
    # "BLS and ACLS, or obtained within 30 days of hire": the "or" leads to the deadline, it joins no names
    rf"[,;]?\s*(?:\bor\s+)?(?:(?:is|are|must\s+be)\s+)?(?:required\s+|obtained\s+|earned\s+)?"
    rf"(\b(?:(?:within|by)\s+(?:the\s+first\s+)?(?:{_NUM}\s+)?(?:days?|weeks?|months?|years?)\s+"
    rf"(?:of|after|from)|before|prior\s+to|by)\s+(?:the\s+|your\s+)?"
    rf"(?:date\s+of\s+hire|start\s+date|starting\s+date|first\s+day|hire|hiring|start|starting|employment)\b)",
    re.IGNORECASE,
)
# "&" between two letters is part of a name ("GD&T", "A&P", "P&L"), not a list: ``ampersand_in_a_name``.
_SPLIT = re.compile(
    # ("&" inside a catalogue name kept whole, "Airframe & Powerplant", sits between _KEEP marks)
    r"\s*(?:,|;|\band/or\b|\bor\b|\band\b|(?<![A-Za-z\u01c2])&|&(?![A-Za-z\u01c2])|\s/\s|(?<=\s)\+\s)\s*",
    re.IGNORECASE,
)
_SPLIT_OR = re.compile(r"\s*(?:,|;|\band/or\b|\bor\b|\s/\s)\s*", re.IGNORECASE)
# the words that open a list of examples ("ERP systems such as SAP, Oracle"); ``_INTRO`` adds the looser
# openers a skill's list has ("like", "using", a colon), which would cut a credential's name
_EXAMPLES_FOLLOW = r"\bsuch\s+as\b|\bincluding\b|\be\.?\s?g\.?(?=[\s,:])|\bespecially\b|\bfor\s+example\b"
# (a spaced dash too: "charting in an electronic health record – Epic, athenahealth or similar")
_INTRO = re.compile(
    rf"\s*(?:{_EXAMPLES_FOLLOW}|\bparticularly\b|\blike\b|\busing\b|:)\s*|\s+[–—-]\s+", re.IGNORECASE
)
_USING = re.compile(r"\s+\b(?:using|in languages such as)\b\s+", re.IGNORECASE)
_STOP = frozenset(
    re.findall(r"\w+", "a an the and or of in on for to with as at by be is are any our your this that etc")
)
_NOTE_TRIM = " ,;:.-"
_LIST_ITEM = re.compile(r",\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+", re.IGNORECASE)
_AS_ROLE = re.compile(r"\s+as\s+(?:an?|the)\s+", re.IGNORECASE)
_SETTING = re.compile(r"\s(?:in|at|within)\s+(?:a|an|the|any)\s+", re.IGNORECASE)
_SECOND_SPAN = re.compile(
    r",?\s*\b(?:with|including|of which)\s+(?:at least\s+|a minimum of\s+|minimum\s+)?(?:\d|one|two|three)"
    # "3+ years as a line cook, 1 year as sous chef": a second count of years after a comma
    r"|,\s*(?:and\s+)?(?:at least\s+)?(?:\d{1,2}|one|two|three)\s*\+?\s*(?:years?|yrs?|months?)\b",
    re.IGNORECASE,
)


# ``number_in_brackets``: "two (2) years", "three (3) years": the number written twice, as contracts do
_WORD_AND_DIGITS = re.compile(rf"\b(?:{'|'.join(_NUMBER_WORDS)})\s*\((\d{{1,2}})\)", re.IGNORECASE)


def _normalise(text: str) -> str:
    text = _WORD_AND_DIGITS.sub(r"\1", text.translate(_QUOTES))
    return _SPACES.sub(" ", text).strip()[:MAX_TYPED_CHARS]


def _found(pattern: re.Pattern[str], text: str) -> list[str]:
    """The matches of ``pattern`` as written, in order, each once (case-insensitively)."""
    seen: dict[str, str] = {}
    for match in pattern.finditer(text):
        seen.setdefault(match.group(0).casefold(), match.group(0))
    return list(seen.values())


def _dedupe(items: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        if item:
            seen.setdefault(item.casefold(), item)
    return tuple(seen.values())


def _strip_edges(text: str, lead: re.Pattern[str] | None, tail: re.Pattern[str] | None) -> str:
    """Drop lead and tail phrases until none is left (bounded: each pass removes at least one char)."""
    previous = None
    text = text.strip(" ,;:.")
    while previous != text:
        previous = text
        if lead is not None:
            text = lead.sub("", text, count=1).strip(" ,;:.")
        if tail is not None:
            # (a dash left at the end led to what the tail took: "certificate - REQUIRED")
            text = tail.sub("", text, count=1).strip(" ,;:").rstrip(" –—-")
    return text


def _meaningful(text: str) -> bool:
    return any(ch.isalnum() for ch in text) and any(w.casefold() not in _STOP for w in text.split())


@dataclass(frozen=True, slots=True)
class _Cut:
    """An item with its parentheses and preference clauses taken out."""

    core: str
    notes: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()  # "(e.g. Information Technology, Information Science)"
    aliases: tuple[str, ...] = ()  # "(CPA)"
    versions: bool = False
    # "(React or Vue.js)": capitalised names joined by "or", a note everywhere but where names are the terms
    choices: tuple[str, ...] = ()


# ``named_choices_are_examples``: two or more names joined by "or" (or commas), each of one to three words
# that carry two capitals or more ("PTCB CPhT", "ExCPT", "BLS"): choices between named things, not a remark.
_CHOICE_SPLIT = re.compile(r"\s*,\s*(?:or\s+)?|\s+(?:and/)?or\s+")


def _named_choices(inner: str) -> bool:
    if not re.search(r"\sor\s", inner):
        return False
    pieces = _CHOICE_SPLIT.split(inner.strip())
    return len(pieces) >= 2 and all(
        0 < len(words := piece.split()) <= 3 and all(sum(ch.isupper() for ch in w) >= 2 for w in words)
        for piece in pieces
    )


_ACCEPTED = re.compile(
    r"\s+(?:(?:is|are)\s+)?(?:also\s+)?(?:ok(?:ay)?|fine|accepted|acceptable|works?|good)(?:\s+too|\s+as\s+well)?\s*$",
    re.IGNORECASE,
)


def _capitalised_choices(inner: str) -> bool:
    """ "Remedy or Zendesk", "Xero": names joined by "or" or commas, each of one to three capitalised
    words."""
    pieces = [p for p in _CHOICE_SPLIT.split(inner.strip()) if p]
    return bool(pieces) and all(
        0 < len(words := piece.split()) <= 3 and all(w[:1].isupper() for w in words) for piece in pieces
    )


def _joins_an_acronym(noun: str) -> bool:
    """``acronym_inside_a_phrase``: whether the word after a bracketed acronym is part of its phrase."""
    from jobmatch.matching._terms import is_kind_noun

    return not (
        noun in _STOP
        or noun in _NOT_JOINED_TO_AN_ACRONYM
        or re.fullmatch(_CREDENTIAL_NOUN, noun)
        or is_kind_noun(noun)
    )


def _cut(text: str, *, preference_clauses: bool = True) -> _Cut:
    cues = _cues()
    notes: list[str] = []
    examples: list[str] = []
    aliases: list[str] = []
    choices: list[str] = []

    def paren(match: re.Match[str]) -> str:
        inner = match.group(1).strip()
        # ``obtainable_is_a_note`` in brackets too: "(Ohio Board of Pharmacy, or able to transfer)"
        for found in _OBTAINABLE.finditer(inner):
            notes.append(found.group(0).strip(_NOTE_TRIM).lower())
        inner = _OBTAINABLE.sub(" ", inner).strip(" ,;")
        if _BOARD.search(inner):
            notes.append(inner)  # ``issuing_board_is_a_note``: who issues it, not another credential's name
            return " "
        if inner.lower() in ("s", "es") and match.start() > 0 and text[match.start() - 1].isalpha():
            return inner  # "certification(s)": a plural written with its option, no remark
        if _EXAMPLES.match(inner):
            examples.append(_EXAMPLES.sub("", inner, count=1))
        elif "," in inner and all(0 < len(p.split()) <= 4 for p in _LIST_ITEM.split(inner)):
            examples.append(inner)  # "(command line, shell scripting)": a list of what the item covers
        elif _ACRONYM.fullmatch(inner) and sum(ch.isupper() for ch in inner) >= 2:
            # ``acronym_inside_a_phrase``: "technical (IT) recruiting" is also "IT recruiting", never "IT"
            # alone; at the end of a phrase the acronym is the whole phrase's other name ("(CRM)")
            head = _NEXT_WORD.match(text, match.end())
            noun = head.group(1).lower() if head else ""
            aliases.append(f"{inner} {noun}" if noun and _joins_an_acronym(noun) else inner)
        elif _named_choices(inner):
            # ``named_choices_are_examples``: "(PTCB CPhT or ExCPT)" names the credentials that count
            examples.append(inner)
        elif (accepted := _ACCEPTED.search(inner)) and _capitalised_choices(inner[: accepted.start()]):
            # ``accepted_alternatives``: "(Remedy or Zendesk ok too)" names more tools that count as well
            examples.append(inner[: accepted.start()])
        elif inner.casefold() in _catalogue_names():
            aliases.append(inner)  # "(Multiple Subject credential)": another name of what is asked
        elif inner:
            notes.append(inner)
            if re.search(r"\s(?:and/)?or\s", inner) and _capitalised_choices(inner):
                choices.append(inner)
        return " "

    core = _PARENS.sub(paren, text)

    def deadline(match: re.Match[str]) -> str:
        notes.append(match.group(1).lower())  # "within 30 days of hire", without "is required"
        return " "

    core = _DEADLINE.sub(deadline, core)

    def obtainable(match: re.Match[str]) -> str:
        notes.append(match.group(0).strip(_NOTE_TRIM).lower())
        return " "

    core = _OBTAINABLE.sub(obtainable, core)
    core = _DANGLING_DASH.sub("", core)  # "NHA ExCPT — or able to obtain …": the dash led to the note
    if preference_clauses:

        def clause(match: re.Match[str]) -> str:
            notes.append(match.group(0).strip(_NOTE_TRIM))
            return ""

        core = _PREFERENCE_CLAUSE.sub(clause, core)
    versions = False
    spans: list[tuple[int, int]] = []
    for found in cues.version.finditer(core):
        versions = True
        # ``or_equivalent_clause``: "NASM-CPT, ACE-CPT or equivalent NCCA-accredited certification", "AWS or
        # comparable cloud experience": the words after it say what else counts, they are no name
        tail = _VERSION_TAIL.match(core, found.end())
        end = tail.end() if tail else found.end()
        notes.append(core[found.start() : end].strip().lower())
        spans.append((found.start(), end))
    for start, end in reversed(spans):
        core = core[:start] + " " + core[end:]
    core = _strip_edges(_SPACES.sub(" ", core), None, cues.trailing)
    return _Cut(
        core, _dedupe(n for n in notes if n), tuple(examples), tuple(aliases), versions, tuple(choices)
    )


_VERSION_TAIL = re.compile(
    r"(?:\s+(?!or\b|and\b|in\b|from\b|with\b|of\b)[A-Za-z][\w+#/.-]*){1,4}(?=\s*(?:$|[,;.)]))"
)


def _alternatives_joined(text: str) -> bool:
    """Named heuristic "any-of": "or", "such as", "one of", "e.g." make the terms alternatives; so does a
    spaced slash between names ("Agile / Scrum", "PostgreSQL / MySQL")."""
    return bool(_cues().any_of.search(text)) or " / " in text


# --------------------------------------------------------------------------- parameters


@dataclass(frozen=True, slots=True)
class _Params:
    years: float = 0.0
    level: str = ""
    fields: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()
    all_of: bool = False
    or_equivalent: bool = False
    notes: tuple[str, ...] = ()


def _years(text: str) -> tuple[float, re.Match[str] | None]:
    match = _YEARS.search(text)
    if match is None:
        return 0.0, None
    first = match.group(1).lower()
    value = float(_NUMBER_WORDS.get(first, 0) or first)
    if match.group(3).lower().startswith("month"):
        value = round(value / 12, 2)
    return value, match


def _names(text: str, lead: re.Pattern[str], tail: re.Pattern[str], *, split: re.Pattern[str]) -> list[str]:
    """The named things of a list ("an ERP or accounting system such as SAP, Oracle") without lead words."""
    names: list[str] = []
    for piece in _INTRO.split(text):
        parts = split.split(piece)
        for k, part in enumerate(parts):
            name = _strip_edges(part, lead, None)
            # ``list_of_phrases``: once an item of the list is a phrase of its own ("read blueprints,
            # schematics and wiring diagrams"), a lone word after it is a noun too, not a modifier.
            phrase_before = any(len(_strip_edges(p, lead, None).split()) > 1 for p in parts[:k])
            if k + 1 < len(parts) and not phrase_before:
                name = _shared_head(name, _strip_edges(parts[k + 1], lead, None))
            stripped = _strip_edges(name, None, tail)
            # "knife skills": a lone lower-case word names a skill only with its noun.
            if stripped != name and (len(stripped.split()) > 1 or any(not ch.islower() for ch in stripped)):
                name = stripped
            name = name.strip(" .,;:!\"'")
            if _meaningful(name):
                names.append(name)
    return names


def _names_work(word: str) -> bool:
    """Whether ``word`` is a job title of the occupations vocabulary ("teller", "cashier")."""
    from jobmatch.matching.occupation import title_occupations

    return bool(word.strip()) and bool(title_occupations(word.strip()))


def _shared_head(part: str, following: str) -> str:
    """``shared_head``: "hand and power tools" names hand tools and power tools. A lone lower-case word
    before a conjunction whose next item is a lower-case phrase shares that phrase's last word (its head);
    a word in -ing ("scheduling and inventory control") is a noun of its own and keeps itself.

    ``shared_object``: a lone verb in -ing before another that has an object shares the object: "leading
    and training kitchen staff" is leading kitchen staff and training kitchen staff ("leading" alone would
    be any lead)."""
    word = part.strip()
    if not re.fullmatch(r"[a-z]{3,}", word) or word in _STOP or _plural_noun(word):
        return part
    if word in _work_names() and following.strip(" .,;:").lower() in _work_names():
        # ``two_kinds_of_work``: "sales or customer service" names two families' work; "sales service" is none
        return part
    rest = following.strip(" .,;:").split()
    if len(rest) < 2 or not all(re.fullmatch(r"[a-z][a-z-]*", w) for w in rest):
        return part
    if word.endswith("ing"):
        return f"{word} {' '.join(rest[1:])}" if rest[0].endswith("ing") else part
    return f"{word} {rest[-1]}"


@functools.cache
def _work_names() -> frozenset[str]:
    """How postings name the occupation families' work ("sales", "customer service"), lower case."""
    from jobmatch.knowledge.occupations import load_occupations

    return frozenset(n.lower() for f in load_occupations().families.values() for n in f.names)


def _plural_noun(word: str) -> bool:
    """``a_plural_names_itself``: a lone word in -s ("returns and cycle counts") is a noun of its own, not a
    modifier of the next item's head, unless English uses it as one ("sales and marketing teams")."""
    return (
        word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ics"))
        and word not in attributive_plurals()
    )


# ``qualifier_after_a_comma``: "media relations skills, with placements in national or trade outlets": a
# part that opens with a preposition says how much of the skill, it names no skill of its own.
_QUALIFYING_PART = re.compile(
    # ``aligned_to_is_a_note``: "lesson planning aligned to Common Core standards": what the work follows
    r",\s+((?:with|without)\s+[^,;]+)$|\s+((?:aligned|according)\s+(?:to|with)\s+[^,;]+)$",
    re.IGNORECASE,
)
# ``purpose_after_a_tool``: "Microsoft Excel for reporting", "QuickBooks for invoicing and payroll": what the
# tool is for, in lower-case words up to the next comma, is a note; the tool is the term. A capitalised word
# after "for" is part of a product's name ("Dynamics 365 for Finance") and stays.
_PURPOSE = re.compile(r"(?<=\S)\s+(for\s+[a-z][^,;()]*)")
# ``circumstance_is_a_note``: "a CRM such as Salesforce or Zendesk while talking with customers": when or
# while the tool is used, in lower-case words at the end, is a note; it is no part of the last tool's name.
_CIRCUMSTANCE = re.compile(r"\s+((?:while|when|whilst)\s+[a-z][^,;()]*)[.\s]*")


def _last_clause(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``pattern`` matched at its last start in ``text`` and reaching the end (linear: one scan for the
    starts, one match; an anchored search from every start would be quadratic)."""
    starts = [m.start() for m in pattern.finditer(text)]
    return pattern.fullmatch(text, starts[-1]) if starts else None


# ``slash_between_names``: "MicroStation/OpenRoads", "Word/Excel": two capitalised names of three letters
# or more joined by a slash are alternatives ("A/P", "PL/SQL", "TCP/IP" stay whole)
_NAME_SLASH = re.compile(r"(?<=\b[A-Z][A-Za-z]{2})([A-Za-z]*)/(?=[A-Z][A-Za-z]{2,}\b)")


def _slash_or(match: re.Match[str]) -> str:
    """ "MicroStation/OpenRoads" -> "MicroStation or OpenRoads", unless the skills vocabulary knows the
    pair as one name ("Agile/Scrum")."""
    text = match.string
    start = text.rfind(" ", 0, match.start()) + 1
    end = text.find(" ", match.end())
    joined = text[start : end if end >= 0 else len(text)].strip(" ,.;:()")
    if joined.casefold() in _skill_aliases():
        return match.group(0)
    return f"{match.group(1)} or "


@functools.cache
def _skill_vocabulary_names() -> tuple[str, ...]:
    """Every name and alias of the skills vocabulary, as written."""
    from jobmatch.knowledge.vocabulary import load_vocabulary

    return tuple(dict.fromkeys(n for c in load_vocabulary("skills").concepts for n in (c.name, *c.aliases)))


@functools.cache
def _skill_aliases() -> frozenset[str]:
    return frozenset(n.casefold() for n in _skill_vocabulary_names())


@functools.cache
def _skill_phrases_by_word() -> dict[str, tuple[str, ...]]:
    """The skills vocabulary's names of two words or more, by each of their words."""
    table: dict[str, list[str]] = {}
    for name in sorted(_skill_aliases()):
        words = name.split()
        if len(words) >= 2:
            for word in dict.fromkeys(words):
                table.setdefault(word, []).append(name)
    return {word: tuple(names) for word, names in table.items()}


# ``work_in_an_industry``: "Customer service experience in retail" asks for years of a kind of work; the
# industry after "in" is where, a note of the experience, not the requirement's kind.
_WORK_IN = re.compile(
    r"^(?:\w+\s+){0,2}?(?P<work>[\w/-]+(?:\s+[\w/-]+){0,2})\s+experience\s+(?:in|within)\s", re.I
)


def _work_in_an_industry(text: str) -> bool:
    from jobmatch.matching.occupation import field_target

    match = _WORK_IN.search(text.strip())
    if match is None:
        return False
    target = field_target((match.group("work"),))
    return bool(target.primary or target.core)


def _industry_named(text: str) -> bool:
    """An industry word names the domain unless it is part of a skill's own name
    (``industry_word_inside_a_skill``: "read construction drawings" is blueprint reading, not the
    construction industry)."""
    lowered = text.casefold()
    if _work_in_an_industry(text):
        return False
    for pattern in (_cues().industry, _cues().industry_names):
        for match in pattern.finditer(text):
            found = match.group(0).casefold()
            first = found.split()[0] if found.split() else found
            inside = False
            for name in _skill_phrases_by_word().get(first, ()):
                if found not in name:
                    continue
                for at in (m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", lowered)):
                    if at <= match.start() and match.end() <= at + len(name):
                        inside = True
            if not inside:
                return True
    return False


# ``or_more_is_a_bound``: "a team of 10 or more" asks for at least ten, not for "more" as another skill.
# "one or more areas" is a bound in words.
_OR_MORE = re.compile(rf"(\d|\b(?:{'|'.join(_NUMBER_WORDS)}))\s+or\s+(?:more|greater)\b", re.IGNORECASE)


def _at_least(match: re.Match[str]) -> str:
    figure = match.group(1)
    value = _NUMBER_WORDS.get(figure.lower())
    return f"{value if value is not None else figure}+"


# ``or_similar_names_the_kind``: "Epic, Cerner or similar EMR" is Epic, Cerner or any EMR; "Excel or
# equivalent" at the end stays a version note.
_OR_SIMILAR = re.compile(
    r"\bor\s+(?:an?\s+|any\s+)?(?:similar|comparable|equivalent|other)\s+(?=([A-Za-z][\w+#.-]*))",
    re.IGNORECASE,
)


def _or_the_kind(match: re.Match[str]) -> str:
    """ "or similar EMR" -> "or EMR" where the word after names a kind of tool the vocabulary knows;
    "or similar systems" stays as written (a version note)."""
    from jobmatch.matching._terms import resolve

    return "or " if resolve(match.group(1), ("skills",)) is not None else match.group(0)


# ``dash_before_examples``: after a single dash, a list of short names that ends "or similar" (or "etc.",
# "or equivalent") gives examples of the item before the dash, not an item of its own.
_SHORT_NAME = r"[^\s,;.]+(?:\s+[^\s,;.]+){0,2}"  # one to three words
EXAMPLE_NAMES = re.compile(
    rf"(?:{_SHORT_NAME}\s*,\s*)*(?:{_SHORT_NAME}\s*,?\s*)?"
    r"(?:or\s+|and\s+)?(?:similar|equivalent|comparable|other\s+\w+|etc)\b\W*$",
    re.IGNORECASE,
)
EXAMPLES_MAX_CHARS = 200  # examples after a dash are a few names: a longer tail is no list of them
_DASH_EXAMPLES = re.compile(r"\s+[–—-]\s+(?=\S)")


def _examples_in_brackets(text: str) -> str:
    """``dash_before_examples``: "an electronic health record – Epic, athenahealth or similar" reads as
    "an electronic health record (Epic, athenahealth or similar)": the names are examples of the item."""
    match = _DASH_EXAMPLES.search(text)
    if match is None or not EXAMPLE_NAMES.match(text[match.end() : match.end() + EXAMPLES_MAX_CHARS]):
        return text
    return f"{text[: match.start()]} ({text[match.end() :].rstrip(' .')})"


def _skill(text: str) -> _Params:
    cues = _cues()
    text = _OR_SIMILAR.sub(_or_the_kind, _examples_in_brackets(text))
    extra_notes: tuple[str, ...] = ()
    circumstance = _last_clause(_CIRCUMSTANCE, text)
    if circumstance is not None and len(text[: circumstance.start()].split()) >= 2:
        text, extra_notes = text[: circumstance.start()], (circumstance.group(1).strip(_NOTE_TRIM),)
    cut = _cut(_OR_MORE.sub(_at_least, _NAME_SLASH.sub(_slash_or, text)))
    qualifying = _QUALIFYING_PART.search(cut.core)
    core = cut.core
    if qualifying is not None and len(core[: qualifying.start()].split()) >= 2:
        core = core[: qualifying.start()]
        extra_notes = (*extra_notes, (qualifying.group(1) or qualifying.group(2)).strip(_NOTE_TRIM))
    purposes: list[str] = []

    def purpose(match: re.Match[str]) -> str:
        tool = _strip_edges(core[: match.start()], cues.skill_lead, cues.skill_nouns).strip(" ,")
        last = _LIST_ITEM.split(tool)[-1].strip() if tool else ""
        if last and (any(ch.isupper() for ch in last) or last.casefold() in _skill_aliases()):
            purposes.append(match.group(1).strip(_NOTE_TRIM))
            return ""
        return match.group(0)

    if core.casefold().strip(" .") not in _skill_aliases():
        core = _PURPOSE.sub(purpose, core)
        extra_notes += tuple(purposes)
    terms = [_known_tail(t) for t in _names(core, cues.skill_lead, cues.skill_nouns, split=_SPLIT)]
    terms, core = _one_name_per_concept(terms, core)
    # ``choices_name_the_tools``: "Some front-end exposure (React or Vue.js)": the names in brackets are
    # what shows the one thing asked, as examples are (beside two things asked, they stay a note)
    choices = cut.choices if len(terms) <= 1 else ()
    for example in (*cut.examples, *choices):
        terms.extend(_names(example, cues.skill_lead, cues.skill_nouns, split=_SPLIT))
    terms.extend(cut.aliases)
    unique = _dedupe(terms)
    any_of = _alternatives_joined(core) or bool(cut.examples) or bool(cut.aliases) or bool(choices)
    notes = tuple(n for n in (*cut.notes, *extra_notes) if n and n not in choices)
    within = _members_within(unique)
    heads = [t for t in unique if _concept_name(t) not in within]
    examples = [t for t in unique if t not in heads]
    in_core = all(h.casefold() in core.casefold() for h in heads)
    if len(heads) > 1 and examples and in_core and not _HEADS_OR.search(core):
        # ``examples_belong_to_their_head``: "Microsoft Office (Word, Excel, Outlook) and Adobe Acrobat" asks
        # for both heads; the bracket names what Office is, not a third choice that meets the whole item
        # ("Excel" alone). Only where each example is a member of a head's family, which matching already
        # accepts for that head.
        return _Params(terms=_dedupe(heads), all_of=True, notes=notes)
    return _Params(terms=unique, all_of=len(unique) > 1 and not any_of, notes=notes)


_HEADS_OR = re.compile(r"\b(?:or|either|one of)\b|\s/\s", re.IGNORECASE)

# ``verb_before_a_known_name``: "designing and interpreting A/B tests", "processing in a pharmacy system":
# the -ing words and small words before a name the skills vocabulary knows say what is done with it; the
# name is the term.
_LEAD_WORDS = frozenset(
    {"in", "a", "an", "the", "of", "with", "on", "for", "to", "using", "via", "through", "provide", "deliver",
     "implement", "apply", "use", "perform", "conduct", "maintain", "create", "develop", "prepare"}
)  # fmt: skip


def _known_tail(term: str) -> str:
    if _concept_name(term):
        return term
    words = term.split()
    for cut in range(1, len(words)):
        lead = words[:cut]
        if not all(w.lower() in _LEAD_WORDS or (w.lower().endswith("ing") and len(w) > 5) for w in lead):
            break
        rest = " ".join(words[cut:])
        if _concept_name(rest):
            return rest
    # ... or an activity on something, then the name after its preposition ("updating websites through a
    # content management system": what is updated says where, the name is the tool)
    for cut in range(2, min(len(words), _ACTIVITY_LEAD_WORDS + 1)):
        lead = words[:cut]
        # (or the activity's object alone, its verb dropped: "graphics in Canva", "reports in Tableau")
        activity = lead[0].lower().endswith("ing") or cut == 2
        if activity and lead[-1].lower() in _ACTIVITY_PREPOSITIONS:
            rest = _strip_edges(" ".join(words[cut:]), _ARTICLE, None)
            if _concept_name(rest):
                return rest
    return term


_ACTIVITY_LEAD_WORDS = 5
_ACTIVITY_PREPOSITIONS = frozenset({"through", "in", "with", "using", "via", "on", "into", "from"})
_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)


def _one_name_per_concept(terms: list[str], core: str) -> tuple[list[str], str]:
    """``two_names_of_one_thing``: "Google Analytics / GA4 and Google Ads": GA4 is Google Analytics' other
    name, not an alternative to Google Ads; one term per concept, and the slash between them is no "or"."""
    kept: list[str] = []
    seen: dict[str, str] = {}
    for term in terms:
        name = _concept_name(term)
        joined = (
            re.compile(rf"{re.escape(seen[name])}\s*(?:/|\bor\b)\s*{re.escape(term)}\b", re.IGNORECASE)
            if name in seen
            else None
        )
        if joined is not None and joined.search(core):
            core = joined.sub(seen[name], core)
            continue
        if name:
            seen[name] = term
        kept.append(term)
    return kept, core


def _concept_name(term: str) -> str:
    from jobmatch.matching._terms import resolve

    concept = resolve(term, ("skills",), ambiguous=True)
    return concept.name if concept is not None else ""


def _members_within(terms: Sequence[str]) -> set[str]:
    """The names of the skills vocabulary's concepts that are members (at any depth) of a term's family."""
    from jobmatch.knowledge.vocabulary import load_vocabulary

    vocab = {c.name: c for c in load_vocabulary("skills").concepts}

    def members(name: str, depth: int = 0) -> set[str]:
        concept = vocab.get(name)
        if concept is None or depth > 3:
            return set()
        found = set(concept.members)
        for member in concept.members:
            found |= members(member, depth + 1)
        return found

    within: set[str] = set()
    for term in terms:
        name = _concept_name(term)
        if name:
            within |= members(name)
    return within


def _experience(text: str) -> _Params:
    cues = _cues()
    cut = _cut(text)
    years, match = _years(cut.core)
    core = cut.core
    notes = list(cut.notes)
    if match is not None:
        after = core[match.end() :]
        before = core[: match.start()]
        role = _ROLE_WITH.match(before.strip())
        named = _strip_edges(role.group("role"), cues.experience_lead, cues.experience_tail) if role else ""
        if role is not None and _meaningful(named) and names_a_job(named):
            # ``role_before_years``: "a line cook with 2+ years of experience in a high-volume kitchen": the
            # role is before the years; what follows them says where the work was done
            core = named
            rest = _strip_edges(after, cues.experience_lead, cues.experience_tail)
            if _meaningful(rest):
                notes.append(rest.strip(_NOTE_TRIM))
        else:
            kept = _strip_edges(after, cues.experience_lead, cues.experience_tail)
            core = after if _meaningful(kept) else before
    # ``second_span``: ", with at least 1 year in a supervisory role" is a further condition, not a role.
    second = _SECOND_SPAN.search(core)
    if second is not None and _meaningful(core[: second.start()]):
        notes.append(core[second.start() :].strip(_NOTE_TRIM))
        core = core[: second.start()]
    # ``role_after_as``: "managing commercial construction projects as a Project Manager or Assistant
    # Project Manager": the role is after "as a"; what comes before it says what the work was about (a note),
    # not a field whose words ("construction") would make every construction title the role.
    as_role = _AS_ROLE.search(core)
    if as_role is not None:
        before_as = _strip_edges(core[: as_role.start()], cues.experience_lead, cues.experience_tail)
        roles = _SPLIT_OR.split(core[as_role.end() :])
        if _meaningful(before_as) and roles and names_a_job(roles[0]):
            notes.append(core[: as_role.start()].strip(_NOTE_TRIM))
            core = core[as_role.end() :]
    # ``setting_is_a_note``: "as a sous chef or lead line cook in a high-volume restaurant, hotel or banquet
    # kitchen": after the roles, "in a …" says where the work was done; "hotel" is not another role.
    setting = _SETTING.search(core)
    if setting is not None and _meaningful(
        _strip_edges(core[: setting.start()], cues.experience_lead, cues.experience_tail)
    ):
        notes.append(core[setting.start() :].strip(_NOTE_TRIM))
        core = core[: setting.start()]
    # "Software development experience targeting Unix/Linux": the domain is before "experience".
    around = re.split(r"\bexperience\b", core, maxsplit=1, flags=re.IGNORECASE)
    if len(around) == 2 and _meaningful(_strip_edges(around[0], cues.experience_lead, cues.experience_tail)):
        rest = _strip_edges(around[1], None, cues.experience_tail)
        if _meaningful(rest) and not _USING.search(" " + rest):
            notes.append(rest.strip(_NOTE_TRIM))
            core = around[0]
    terms: list[str] = []
    using = _USING.split(core, maxsplit=1)
    if len(using) == 2:
        core = using[0]
        terms = _names(using[1], cues.skill_lead, cues.skill_nouns, split=_SPLIT_OR)
    fields: list[str] = []
    parts = _SPLIT_OR.split(core)
    for k, part in enumerate(parts):
        name = _strip_edges(part, cues.experience_lead, cues.experience_tail)
        verb = _WORK_VERB.match(part)
        if verb is not None and name.casefold().startswith(verb.group("prep").casefold()):
            # ``work_verb_names_the_field``: "3+ years designing for print and digital", "2 years teaching
            # in a public school": the verb is the work; what follows it only says for what or where
            name = f"{verb.group('verb')} {name}"
        head = _OF_HEAD.match(fields[0]) if len(parts) == 2 and k == 1 and fields else None
        if head is not None and _BARE_NOUNS.fullmatch(name):
            # ``shared_of``: "mechanical design of products or equipment" is the design of either; the bare
            # second noun ("equipment") would be an occupation of its own (a maintenance mechanic's)
            name = f"{head.group('head')} of {name}"
        if len(parts) == 2 and k == 0 and not _names_work(name):
            # ``shared_head``: "commercial or military aircraft" is commercial aircraft and military aircraft
            # (a pair only: "agriculture, crop scouting or farm operations" lists three things); a word that
            # names work itself keeps itself ("teller or credit union experience")
            name = _shared_head(name, _strip_edges(parts[k + 1], cues.experience_lead, cues.experience_tail))
        if _meaningful(name):
            fields.append(name)
    # ``examples_of_the_role``: "(sous chef, kitchen manager or lead cook)" names roles that count; beside a
    # "using" clause they are more of its tools.
    for example in cut.examples:
        example_names = _names(example, cues.skill_lead, cues.skill_nouns, split=_SPLIT_OR)
        (terms if terms else fields).extend(example_names)
    return _Params(
        years=years,
        fields=_dedupe(fields),
        terms=_dedupe(terms),
        all_of=False,
        notes=_dedupe(notes),
    )


_OF_HEAD = re.compile(r"^(?P<head>[A-Za-z][\w-]*(?:\s+[\w-]+){0,2})\s+of\s+\S")
_BARE_NOUNS = re.compile(r"[a-z][a-z-]*(?:\s+[a-z][a-z-]*)?")
_WORK_VERB = re.compile(
    r"^\W*(?P<verb>[A-Za-z]{3,}ing)\s+(?P<prep>for|in|on|at|with|across|to|within)\b", re.IGNORECASE
)


# ``school_equivalent_is_a_ged``: "High school diploma or equivalent" accepts a GED or another school-leaving
# certificate, not years of work (unless it says "equivalent experience")
_EXPERIENCE_WORD = re.compile(r"\bexperience\b", re.IGNORECASE)
_SCHOOL_EQUIVALENT = re.compile(
    r"\b(?:high\s+school|secondary\s+school|diploma|ged)\b(?![^.;]*\bexperience\b)[^.;]*\bor\s+(?:an?\s+)?"
    r"equivalent\b",
    re.IGNORECASE,
)


def school_equivalent(text: str) -> bool:
    """Whether "or equivalent" in ``text`` stands beside a school diploma, for a GED (see _education)."""
    return bool(_SCHOOL_EQUIVALENT.search(text))


def names_a_job(text: str) -> bool:
    """The occupations vocabulary knows a title in ``text`` (loaded on first use)."""
    from jobmatch.matching.occupation import title_occupations

    return bool(text) and bool(title_occupations(text))


_ROLE_WITH = re.compile(
    r"^(?:an?\s+|the\s+)?(?P<role>[^,;()]{2,60}?)\s+(?:with|who\s+has|who\s+have|having|that\s+has)$",
    re.IGNORECASE,
)
_ANY_DEGREE = re.compile(r"\bdegrees?\b(?!\s+of\b)", re.IGNORECASE)  # "a high degree of accuracy" is none
# "a high degree of accuracy", "no degree required": the word names no award asked for
_NOT_AN_AWARD = re.compile(
    r"\bdegrees?\s+of\b|\bno\s+degree\b|\bdegree\s+(?:is\s+)?not\s+required\b|\bwithout\s+a\s+degree\b"
    # ``associates_are_people``: "develop a team of sales associates", "a store associate": staff, no degree
    r"|\bassociates\b(?!\s*(?:degree|diploma|of\s+(?:arts|science|applied)|in\b|or\b|/))"
    r"|\b(?:sales|store|retail|floor|stock|team|customer\s+service|front\s+desk)\s+associates?\b",
    re.IGNORECASE,
)
_NO_DEGREE = re.compile(r"\bno\s+degree|\bdegree\s+(?:is\s+)?not\s+required|\bwithout\s+a\s+degree", re.I)
# ``years_instead_of_degree``: "Associate's degree in accounting or 2+ years of accounts payable experience":
# years of work after "or" stand in for the degree (or_equivalent, with the years they take), and are no
# field.
_YEARS_INSTEAD = re.compile(
    rf"\s*,?\s*\bor\s+(?=(?:at\s+least\s+|a\s+minimum\s+of\s+|minimum\s+)?{_NUM}\s*\+?\s*(?:years?|yrs?)\b)"
    r"[^.;()]*",
    re.IGNORECASE,
)


# an "or" and up to three words before a credential's name: "or progress toward CFA", "or a CPA"
_OR_BEFORE = re.compile(r"\bor\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def _education(text: str) -> _Params:
    cues = _cues()
    cut = _cut(text, preference_clauses=False)
    core = cut.core
    instead_years = 0.0
    instead = _YEARS_INSTEAD.search(core)
    if instead is not None:
        instead_years, _ = _years(instead.group())
        core = (core[: instead.start()] + core[instead.end() :]).strip()
    spans: list[tuple[int, int]] = []
    level = ""
    for name, pattern in cues.levels:
        for match in pattern.finditer(core):
            spans.append(match.span())
            if not level:
                level = name  # ``levels`` is in ladder order, so the first level found is the lowest
    fields: list[str] = []
    programme = _PROGRAMME.search(core)
    if programme is not None:
        level = level or "certificate"
        named = [w for w in programme.group(1).split() if w.casefold() not in _PROGRAMME_NOT_FIELD]
        # "an accredited school of nursing", "a program in culinary arts": the field follows the noun
        after = re.match(
            r"\s+(?:of|in)\s+((?:[A-Za-z][\w&'-]*\s*){1,4}?)(?=$|[,.;()]|\s(?:or|and|is|with)\b)",
            core[programme.end() :],
        )
        if after is not None:
            named += after.group(1).split()
        if named:
            fields.append(" ".join(named))
    alternative = _CERTIFICATE_OR.search(core)
    if (
        alternative is not None
        and not re.search(r"\band\b", core[: alternative.start()])
        and (
            level in ("", "diploma", "associate")
            # beside a bachelor's, a field's certificate ("or paralegal certificate"), not a professional
            # credential's ("or CPA certificate" does not lower a bachelor's)
            or (level == "bachelor" and not cues.credential_named.search(alternative.group(0)))
        )
    ):
        level = "certificate"  # ``certificate_as_an_alternative``
    if not level and _ANY_DEGREE.search(core) and not _NO_DEGREE.search(core):
        # ``degree_without_level``: "Culinary degree or equivalent experience" asks for a degree, so at
        # least the lowest one (an associate's); a high-school diploma is not "the level asked for"
        level = "associate"
    related = bool(cues.related.search(text))
    equivalent = bool(cues.equivalent.search(text)) or instead_years > 0
    if level == "high_school" and instead_years <= 0 and not _EXPERIENCE_WORD.search(text):
        equivalent = False  # ``school_equivalent_is_a_ged``: a GED, not years of work
    # Fields after the degree: "Bachelor's degree in accounting, finance, or a related field".
    first = cues.education.search(core)
    if first is not None:
        tail = core[first.start() :]  # from the start: a cue may end in "in" ("BS in")
        where = re.search(r"\bin\s+(?!-?lieu\b)", tail, re.IGNORECASE)
        if where is not None and not re.search(r"[.;]", tail[: where.start()]):
            body = tail[where.end() :]
            body = re.split(
                r"[.;]|\s(?:with|from|preferred|required|plus|is|are|who|that|and\s+(?:at\s+least|a\s+minimum|\d))\b",
                body,
                maxsplit=1,
                flags=re.IGNORECASE,
            )[0]
            fields.extend(_education_fields(body))
    # Fields before the degree noun: "culinary diploma", "Computer Science Undergrad / BS".
    for noun in cues.education_nouns.finditer(core):
        words: list[str] = []
        for word in reversed(core[: noun.start()].split()):
            start = core.rfind(word, 0, noun.start())
            clean = word.strip(",;:.-/")
            if (
                clean != word.rstrip()
                or clean.casefold() in cues.not_fields
                or any(a <= start < b for a, b in spans)
                or not clean[:1].isalpha()
                or len(words) >= 4
            ):
                break
            words.insert(0, clean)
        if words:
            fields.insert(0, " ".join(words))
    for example in cut.examples:
        # ``example_degree_names_its_field``: "(e.g. Associate of Applied Science in Culinary Arts)" is an
        # award whose field follows its "in"
        awards = [cues.education.search(example), *(pattern.search(example) for _, pattern in cues.levels)]
        award = min((m for m in awards if m is not None), key=lambda m: m.start(), default=None)
        after = re.search(r"\bin\s+", example[award.end() :]) if award is not None else None
        if award is not None and after is not None:
            example = example[award.end() + after.end() :]
        fields.extend(_education_fields(example))
    notes = tuple(n for n in cut.notes if not cues.equivalent.search(n) and not cues.related.search(n))
    # ``credential_instead_of_a_degree``: "MBA or progress toward CFA", "Bachelor's degree or CPA": a
    # catalogue credential offered after an "or" stands in for the degree; it is looked for as a credential
    instead_of = [
        m.group()
        for m in cues.credential_named.finditer(core)
        if level and _OR_BEFORE.search(core, max(0, m.start() - 40), m.start())
    ]
    return _Params(
        years=instead_years,
        level=level,
        fields=_dedupe(fields),
        terms=(*(("related field",) if related else ()), *_dedupe(instead_of)),
        or_equivalent=equivalent,
        notes=notes,
    )


def _education_fields(body: str) -> list[str]:
    cues = _cues()
    fields = []
    for part in _SPLIT.split(body):
        name = _strip_edges(part, _edge(["a", "an", "the", "any", "other"], at_end=False), cues.trailing)
        name = name.strip(" .,;:")
        if (
            not _meaningful(name)
            or cues.related.search(name)
            or cues.equivalent.search(name)
            or cues.education.fullmatch(name)
            or name.casefold() in {"related", "relevant", "similar", "etc", "equivalent"}
            or re.search(r"\bexperience\b", name, re.IGNORECASE)  # "or equivalent practical experience"
            or name.casefold() in cues.not_fields  # "a bachelor's degree in any field": no field asked
        ):
            continue
        fields.append(name)
    return fields


# ``issuer_is_a_note``: "a personal training certification from an NCCA-accredited organization": who
# issues it says which certifications count, it is not part of the name to look for.
_ISSUER = re.compile(r"\s+(?:from|through|issued\s+by)\s+(?:an?|the|any)\s+[^,;]*$", re.IGNORECASE)


# how an award is kept, said after it ("maintained throughout employment", "must be current"); also read by
# the posting reader, which keeps such a clause after a dash with its item
KEPT_CURRENT = (
    r"(?:and\s+)?(?:(?:must|to)\s+be\s+(?:kept\s+)?(?:current|valid|active|maintained)|maintained"
    r"|kept\s+current|renewed|(?:or\s+)?obtained\s+within)\b"
)
_CREDENTIAL_INTRO = re.compile(rf"\s*(?:{_EXAMPLES_FOLLOW})\s*", re.IGNORECASE)
_HELD_WITH = re.compile(
    r"\s+(?:with|and)\s+(?:an?\s+)?(?:clean|good|safe|satisfactory|acceptable)\s+[^,;()]*"
    # ``kept_current_is_a_note``: "…, maintained throughout employment", "… - must be current, or obtained
    # within 30 days of hire": how long it is held, not its name
    rf"|\s*[,;–—-]\s*(?:{KEPT_CURRENT}).*"
    # "Class A CDL with Tanker (N) endorsement": an endorsement on the licence, said in a note
    r"|\s+with\s+(?:an?\s+|the\s+)?[^,;]{0,40}?\bendorsements?\b[^,;]*",
    re.IGNORECASE,
)


# ``in_so_many_areas_is_a_note``: "ASE certification in one or more areas (A1–A8)" asks for the ASE
# certification; how many of its areas is a note, not "one" and "more areas" as two credentials.
_IN_SO_MANY = re.compile(
    rf"\s+in\s+(?:at\s+least\s+)?(?:\d+|{'|'.join(_NUMBER_WORDS)}|any)"
    r"(?:\s*\+|\s+or\s+more)?\s+(?:of\s+(?:the|its)\s+)?(?:areas?|subjects?|categories|category|fields?|"
    r"specialt(?:y|ies)|disciplines?|modules?|tests?|endorsements?)\b",
    re.IGNORECASE,
)


_CREDENTIAL_NOUN = r"(?:certificate|certification|license|licence|registration|credential|endorsement)s?"
_NOUN_SLASH = re.compile(rf"\b({_CREDENTIAL_NOUN})\s*/\s*({_CREDENTIAL_NOUN})\b", re.IGNORECASE)
_FOR_GRADES = re.compile(
    r"\s+(?:for|in)\s+(?:grades?|ages?|levels?)\s+[\w]+(?:\s*[-–]\s*\w+|\s+(?:to|through)\s+\w+)?",
    re.IGNORECASE,
)


def _as_note(part: re.Pattern[str], text: str, notes: list[str]) -> str:
    """``text`` without the first ``part`` after a meaningful name, which goes to ``notes``."""
    found = part.search(text)
    if found is None or not _meaningful(text[: found.start()]):
        return text
    notes.append(found.group(0).strip(_NOTE_TRIM))
    return text[: found.start()] + text[found.end() :]


def _shared_modifier(terms: list[str]) -> list[str]:
    """``shared_modifier``: "teaching certificate or license": the bare noun after a named one takes its
    modifier ("teaching license"), as the posting means it."""
    out: list[str] = []
    for term in terms:
        words = term.split()
        previous = out[-1].split() if out else []
        if (
            len(words) == 1
            and re.fullmatch(_CREDENTIAL_NOUN, term, re.IGNORECASE)
            and len(previous) >= 2
            and re.fullmatch(_CREDENTIAL_NOUN, previous[-1], re.IGNORECASE)
        ):
            term = " ".join([*previous[:-1], term])
        out.append(term)
    return out


_PLACE_LEAD = re.compile(
    r"\s+(?:in|for|from|within|valid\s+in)\s+(?:the\s+)?(?:(?:state|commonwealth|province)\s+of\s+)?", re.I
)


_GENERIC_STATE = re.compile(
    r"\s+(?:in|for|within)\s+(?:the|your|this|that|any)\s+state\b(?!\s+of\s+(?-i:[A-Z]))"
    r"(?:\s+(?:of|where)\s+[a-z]+(?:\s+[a-z]+)?)?",
    re.I,
)


def _credential(text: str) -> _Params:
    cues = _cues()
    notes: list[str] = []
    text = _NOUN_SLASH.sub(r"\1 or \2", text)  # "teaching certificate/license": either one
    for note_part in (_FOR_GRADES, _IN_SO_MANY):  # ``grade_band_is_a_note``, ``in_so_many_areas_is_a_note``
        text = _as_note(note_part, text, notes)
    cut = _cut(_NAME_SLASH.sub(_slash_or, text))  # ``slash_between_names``: "BLS/CPR" is BLS or CPR
    core = cut.core.split(":", 1)[1] if ":" in cut.core else cut.core
    notes.extend(cut.notes)
    condition = _last_clause(_HELD_WITH, core)
    if condition is not None and _meaningful(core[: condition.start()]):
        # ``condition_is_a_note``: "a current CDL Class A with a clean MVR": how it is held, not its name
        notes.append(condition.group(0).strip(_NOTE_TRIM))
        core = core[: condition.start()]
    intro = _CREDENTIAL_INTRO.search(core)
    if intro is not None and not cues.credential_named.search(core[: intro.start()]):
        # ``kind_before_its_examples``: "Specialty certifications such as Corrective Exercise (CES), Senior
        # Fitness": the words before "such as" say what kind of credential; the names follow it
        core = core[intro.end() :]
    issuer = _ISSUER.search(core)
    if issuer is not None and _meaningful(core[: issuer.start()]):
        notes.append(issuer.group(0).strip(_NOTE_TRIM))
        core = core[: issuer.start()]
    places: list[str] = []
    terms: list[str] = []
    for kept in _SPLIT.split(_kept_whole(core)):
        piece = kept.replace(_KEEP, " ")
        part = _strip_edges(piece, cues.skill_lead, None)
        known = _catalogue_names()
        named_whole = _strip_edges(part, None, cues.credential_tail).strip(" .,;:")
        if named_whole.casefold() in known:
            # ``catalogue_name_kept_whole`` before qualifiers: "Professional Engineer" is a licence's name,
            # not "Engineer" qualified as professional
            terms.append(named_whole)
            continue
        qualifier = cues.qualifiers.match(part)
        while qualifier is not None and qualifier.group(0).strip():
            notes.append(qualifier.group(0).strip(_NOTE_TRIM).lower())
            part = part[qualifier.end() :]
            qualifier = cues.qualifiers.match(part)
        # ``place_clause``: "license in the State of Ohio" is valid in Ohio; the clause goes whole, its
        # preposition and "State of" with it (they left "license in the of" to look for)
        if (generic := _GENERIC_STATE.search(part)) is not None:  # "in the state of practice"
            places.append("state")
            part = part[: generic.start()] + " " + part[generic.end() :]
        for clause in _PLACE_LEAD.finditer(part):
            if (place := cues.places.match(part, clause.end())) is not None:
                places.append(place.group(0))
                part = part[: clause.start()] + " " + part[place.end() :]
                break
        for place in cues.places.finditer(part):
            places.append(place.group(0))
        part = _SPACES.sub(" ", cues.places.sub(" ", part)).strip()
        name = _strip_edges(part, cues.skill_lead, cues.credential_tail).strip(" .,;:")
        whole = _strip_edges(part, cues.skill_lead, None).strip(" .,;:")
        if (
            whole.casefold() in known
            and name.casefold() not in known
            and name not in _catalogue_abbreviations()
        ):
            name = whole  # ``catalogue_name_kept_whole``: "teaching certificate", not "teaching"; "BLS" stays
        if _meaningful(name):
            terms.append(name)
    terms = _shared_modifier(terms)
    terms.extend(cut.aliases)
    # ``examples_are_alternatives``: "(NASM, ACE, ACSM or NSCA)" names the certifications that count
    for example in cut.examples:
        terms.extend(_names(example, cues.skill_lead, cues.credential_tail, split=_SPLIT))
    unique = _dedupe(terms)
    # "NASM-CPT, ACE-CPT or equivalent …": any one of them, or its equivalent
    any_of = (
        _alternatives_joined(core)
        or bool(cut.aliases)
        or bool(cut.examples)
        or (cut.versions and not re.search(r"\band\b|&", core))
    )
    # ``place_in_brackets``: "Food handler certification (Texas)": the bracket names where it is valid
    places += [n for n in notes if cues.places.fullmatch(n)]
    notes = [n for n in notes if not cues.places.fullmatch(n)]
    return _Params(
        fields=_dedupe(places),
        terms=unique,
        all_of=len(unique) > 1 and not any_of,
        notes=_dedupe(notes),
    )


# ``also_valued_is_a_note``: "Bilingual in Spanish and English (Cantonese, Vietnamese or Tagalog also
# valued)": languages in brackets that say they are welcome too are a bonus, not more the item needs
_ALSO_VALUED = re.compile(
    r"\b(?:also|too|as\s+well)\b|\b(?:valued|welcome[d]?|considered|a\s+plus|helpful|a\s+bonus)\s*$", re.I
)


def _language(text: str) -> _Params:
    cues = _cues()
    notes: list[str] = []
    for bracket in _PARENS.finditer(text):
        inner = bracket.group(1).strip()
        if _ALSO_VALUED.search(inner) and cues.languages.search(inner):
            notes.append(inner)
    core = _PARENS.sub(lambda m: " " if m.group(1).strip() in notes else m.group(0), text) if notes else text
    names = _dedupe(_found(cues.languages, core)) or _dedupe(_found(cues.languages, text))
    all_of = bool(cues.bilingual.search(core)) or (len(names) > 1 and not re.search(r"\bor\b", core, re.I))
    return _Params(terms=names, all_of=all_of, notes=tuple(notes))


def _industry(text: str) -> _Params:
    cues = _cues()
    cut = _cut(text)
    terms: list[str] = []
    for match in cues.industry.finditer(cut.core):
        before = cut.core[: match.start()].split()
        words: list[str] = []
        for word in reversed(before):
            clean = word.strip(",;:.")
            if clean != word or clean.casefold() in _STOP or len(words) >= 3:
                break
            words.insert(0, clean)
        if words:
            terms.append(_strip_edges(" ".join(words), cues.skill_lead, None))
            # ``industries_share_the_noun``: "the aerospace or defense industry" names both industries, and
            # "logistics, transportation, freight or supply chain industries" all four
            at = len(before) - len(words) - 1
            if at >= 1 and before[at].casefold() in ("or", "and", "&", "and/or"):
                terms[-1:-1] = _industries_listed(before[:at])
    if not terms:
        lead, tail = cues.experience_lead, cues.skill_nouns
        for piece in _SPLIT_OR.split(cut.core):
            name = _strip_edges(_strip_edges(piece, cues.skill_lead, None), lead, cues.experience_tail)
            name = _strip_edges(name, None, tail)
            # ``industry_inside_a_short_phrase``: "outdoor retail" names the retail industry; a longer phrase
            # ("pharmacy software and third-party insurance billing") describes work, kept whole
            named = cues.industry_names.search(name)
            if named is not None and named.group(0) != name and len(name.split()) <= _INDUSTRY_PHRASE_WORDS:
                name = named.group(0)
            if _meaningful(name):
                terms.append(name)
    return _Params(terms=_dedupe(t for t in terms if _meaningful(t)), all_of=False, notes=cut.notes)


_INDUSTRY_PHRASE_WORDS = 3


def _industries_listed(before: list[str]) -> list[str]:
    """The industries listed before "or" and a shared noun ("logistics, transportation, freight or …"):
    the item just before the "or", up to three words and no stop word, then each comma item before it
    (lead words dropped) while the list goes on."""
    cues = _cues()
    *earlier, last = " ".join(before).split(",")
    item: list[str] = []
    for word in reversed(last.split()):
        if word.casefold() in _STOP or word.strip(".;:") != word or len(item) >= _INDUSTRY_PHRASE_WORDS:
            break
        item.insert(0, word)
    if not item or not _meaningful(" ".join(item)):
        return []
    listed = [" ".join(item)]
    if len(item) < len(last.split()):
        return listed  # "in the aerospace or defense industry": no list before the item
    for part in reversed(earlier):
        name = _strip_edges(_strip_edges(part.strip(), cues.skill_lead, None), cues.experience_lead, None)
        name = name.strip(" .;:")
        if not _meaningful(name) or len(name.split()) > _INDUSTRY_PHRASE_WORDS:
            break
        listed.insert(0, name)
    return listed


_AUDIENCE = re.compile(r"\b(?:senior|executive|company|firm|organi[sz]ational|the|our|your|client)\s+$", re.I)


def _soft_skill(text: str) -> _Params:
    names = [m.span() for m in _tool_names().finditer(text)]
    seen: dict[str, str] = {}
    for m in _cues().soft_terms.finditer(text):
        if _AUDIENCE.search(text, 0, m.start()) and m.group(0).casefold().startswith("leader"):
            continue  # ``leadership_as_an_audience``: "presenting to senior leadership" asks no leading
        if not any(a <= m.start() < b for a, b in names):  # ``soft_word_in_a_name``
            term = re.sub(r"\s+and$", "", m.group(0), flags=re.IGNORECASE)
            seen.setdefault(term.casefold(), term)
    found = _COMMUNICATING.search(text)
    if found is not None and not any(t.casefold().startswith("communicat") for t in seen):
        seen.setdefault(_COMMUNICATION_TERM, _COMMUNICATION_TERM)
    terms = tuple(seen.values())
    return _Params(terms=terms, all_of=len(terms) > 1 and not re.search(r"\bor\b", text, re.I))


def _logistics(text: str) -> _Params:
    cues = _cues()
    quantity = re.compile(
        rf"(?:\s+(?:up\s+to|at\s+least|a\s+minimum\s+of|over|more\s+than))?\s+\d[\d,.]*\s*(?:{cues.units})(?![\w])",
        re.IGNORECASE,
    )
    terms: list[str] = []
    covered = 0  # a cue inside the previous term's quantity ("lift up to 50 lbs") is not another term
    for match in cues.logistics.finditer(text):
        if match.start() < covered:
            continue
        term, covered = match.group(0), match.end()
        amount = quantity.match(text, match.end())
        if amount is not None:
            term += amount.group(0)
            covered = amount.end()
        # the cue's own kind words are no part of what to look for ("portfolio is required" -> "portfolio")
        terms.append(_strip_edges(term, None, cues.trailing) or term)
    unique = _dedupe(terms)
    # ``generic_logistics_cue``: "availability" says the item is logistics, not what to look for.
    specific = tuple(t for t in unique if t.casefold() not in cues.logistics_generic)
    unique = specific or unique
    return _Params(terms=unique, all_of=len(unique) > 1 and not re.search(r"\bor\b", text, re.I))


def _other(text: str) -> _Params:
    return _Params()


_EXTRACTORS: dict[Category, Callable[[str], _Params]] = {
    Category.EDUCATION: _education,
    Category.EXPERIENCE: _experience,
    Category.SKILL: _skill,
    Category.CREDENTIAL: _credential,
    Category.LANGUAGE: _language,
    Category.INDUSTRY: _industry,
    Category.SOFT_SKILL: _soft_skill,
    Category.LOGISTICS: _logistics,
    Category.OTHER: _other,
}

# --------------------------------------------------------------------------- the rules


@dataclass(frozen=True, slots=True)
class Rule:
    """One named classification heuristic: if ``test`` holds, the item is ``category``."""

    name: str
    category: Category
    reason: str
    test: Callable[[str, str], bool]  # (normalised text, source) -> holds


def _names_something(part: str) -> bool:
    """A capital past the first word, a short capitalised part, or a symbol/digit: "C#", "Call Center"."""
    words = part.split()
    if any(ch in "#+" or ch.isdigit() for ch in part):
        return True
    if len(words) <= 2 and words[0][:1].isupper():
        return True
    return any(any(ch.isupper() for ch in word) for word in words[1:])


def _is_name_list(text: str) -> bool:
    """ "C#, JavaScript, MSSQL": short parts, most naming something in capitals or with symbols; the words
    that end an item say nothing ("NetSuite or another ERP is a plus")."""
    parts = [p for p in _SPLIT.split(_strip_edges(text, None, _cues().trailing).strip(" .")) if p.strip()]
    if not parts or any(len(p.split()) > 4 for p in parts):
        return False
    named = sum(1 for p in parts if _names_something(p))
    return named * 2 >= len(parts)


def _role_experience(text: str) -> bool:
    if not re.search(r"\bexperience\b", text, re.IGNORECASE):
        return False
    if _cues().role.search(text):
        return True
    # "<domain> experience": experience named by what comes before it ("telecommunications experience").
    before = re.search(r"([\w-]+)\s+experience\b", text, re.IGNORECASE)
    return before is not None and before.group(1).casefold() not in _cues().filler_words


@functools.cache
def _skill_names() -> re.Pattern[str]:
    """Every name of the skills vocabulary with a digit, a symbol or two words or more ("10-key",
    "Adobe Creative Suite"): a single ordinary word ("Word", "Access") names no tool on its own."""
    names = {n for n in _skill_vocabulary_names() if len(n.split()) > 1 or not n.isalpha()}
    return _pattern(sorted(names, key=len, reverse=True))


RULES: tuple[Rule, ...] = (
    Rule(
        "education-words",
        Category.EDUCATION,
        "a degree, diploma or GED is asked for; asked first because degree lines also say 'experience'",
        lambda text, _: bool(_cues().education.search(_NOT_AN_AWARD.sub(" ", text))),
    ),
    Rule(
        "completed-programme",
        Category.EDUCATION,
        "a training programme, course or bootcamp to have completed: education at the certificate level",
        # ``bracket_does_not_type``: "1+ year of acute care experience (new graduates who have completed a
        # nurse residency program will be considered)": a programme in a remark does not make it education
        lambda text, _: bool(_PROGRAMME.search(_PARENS.sub(" ", text))),
    ),
    Rule(
        "years-asked",
        Category.EXPERIENCE,
        "a number of years is asked: time in a role or domain",
        # "within 6 months of hire" is a deadline, not time served
        lambda text, _: _years(_DEADLINE.sub(" ", text))[1] is not None,
    ),
    Rule(
        "named-credential",
        Category.CREDENTIAL,
        "a licence or certification is named (CPA, CDL, BLS, ServSafe): a credential whatever surrounds it",
        lambda text, _: bool(_cues().credential_named.search(text)),
    ),
    Rule(
        "screen-only",
        Category.LOGISTICS,
        "shifts, lifting, travel, work authorisation, clearance: no résumé shows these, ask at the screen",
        lambda text, _: bool(_cues().logistics.search(text)),
    ),
    Rule(
        "credential-words",
        Category.CREDENTIAL,
        "licence, certification, certified: a credential to hold",
        lambda text, _: bool(_cues().credential.search(text)),
    ),
    Rule(
        "language-named",
        Category.LANGUAGE,
        "a language is named with fluency, speaking or writing (or 'bilingual')",
        lambda text, _: (
            bool(_cues().languages.search(text))
            and bool(_cues().language_cues.search(text) or _cues().bilingual.search(text))
        ),
    ),
    Rule(
        "language-alone",
        Category.LANGUAGE,
        "nothing but language names and 'a plus'/'preferred' ('Spanish is a plus', 'French preferred')",
        lambda text, _: _language_alone(text),
    ),
    Rule(
        "industry-named",
        Category.INDUSTRY,
        "an industry or sector is named: knowledge of a domain, not a tool",
        lambda text, _: _industry_named(text),
    ),
    Rule(
        "soft-skill-words",
        Category.SOFT_SKILL,
        "communication, organisation, attention to detail, patience: a personal quality",
        lambda text, _: _soft_words(text),
    ),
    Rule(
        "role-experience",
        Category.EXPERIENCE,
        "experience in a role or named by its domain ('customer service role', 'warehouse experience')",
        lambda text, _: _role_experience(text),
    ),
    Rule(
        "skill-words",
        Category.SKILL,
        "proficiency, knowledge of, experience with, skills: a skill or tool",
        lambda text, _: bool(_cues().skill.search(text)),
    ),
    Rule(
        "skills-keyword",
        Category.SKILL,
        "a keyword of the posting's SKILLS list names a skill or tool unless a rule above says otherwise",
        lambda _, source: source == "skills",
    ),
    Rule(
        "named-skill",
        Category.SKILL,
        "a skill or tool of the skills vocabulary is named ('10-key by touch is a plus'): a skill",
        lambda text, _: bool(_skill_names().search(text)),
    ),
    Rule(
        "list-of-names",
        Category.SKILL,
        "a short list of capitalised or technical names ('C#, JavaScript, MSSQL') is a list of tools",
        lambda text, _: _is_name_list(text),
    ),
)


# ``language-alone``: the words a posting adds to a bare language name ("Spanish is a plus").
_LANGUAGE_FILLER = re.compile(
    r"\b(?:is|are|a|an|the|also|big|huge|definite|strong|plus|bonus|asset|preferred|preferable|desired|"
    r"desirable|required|requirement|helpful|nice|to|have|and|or|a must|must)\b|[,.;:!/&()+-]",
    re.IGNORECASE,
)


@functools.cache
def _tool_names() -> re.Pattern[str]:
    """Every name of two words or more in the skills vocabulary ("Adobe Creative Suite")."""
    names = {n for n in _skill_vocabulary_names() if len(n.split()) > 1}
    return _pattern(sorted(names, key=len, reverse=True))


# ``explaining_to_people_is_communication``: "the ability to explain repairs to customers in plain
# language", "communicate clearly with patients and families": talking with the people the work serves is
# the communication soft skill, not a skill named "explain repairs to customers in plain language".
_COMMUNICATING = re.compile(
    r"\b(?:communicat(?:e|es|ing)|explain(?:s|ing)?|convey(?:s|ing)?)\b(?=[^.;:]{0,60}?\b(?:to|with)\s+"
    r"(?:the\s+|our\s+|all\s+|internal\s+|external\s+|non-technical\s+)?(?:customers?|clients?|patients?|"
    r"famil(?:y|ies)|guests?|students?|parents?|staff|users?|stakeholders?|members?|residents?|visitors?|"
    r"public|team|managers?|advisors?|colleagues|co-workers|coworkers|employees|vendors)\b)",
    re.IGNORECASE,
)
_COMMUNICATION_TERM = "communication"
_EXPERIENCE_AFTER = re.compile(r"\s+(?:experience|background|role|roles)\b", re.IGNORECASE)


def _soft_words(text: str) -> bool:
    """``soft_word_in_a_name``: a soft-skill word inside a tool's name ("Adobe Creative Suite") is part of
    the name, not a personal quality."""
    names = [m.span() for m in _tool_names().finditer(text)]
    # a sign ("strong customer service") before "experience" names years of the work, not a quality
    signs = any(not _EXPERIENCE_AFTER.match(text, m.end()) for m in _cues().soft_signs.finditer(text))
    return (
        signs
        or bool(_COMMUNICATING.search(text))
        or any(not any(a <= m.start() < b for a, b in names) for m in _cues().soft.finditer(text))
    )


def _language_alone(text: str) -> bool:
    cues = _cues()
    if not cues.languages.search(text):
        return False
    rest = _LANGUAGE_FILLER.sub(" ", cues.languages.sub(" ", text))
    return not rest.strip()


def classify(text: str, source: str = "") -> tuple[Category, str]:
    """The category of a requirement's text and the name of the rule that decided it ("" for OTHER)."""
    normal = _normalise(text)
    for rule in RULES:
        if rule.test(normal, source):
            return rule.category, rule.name
    return Category.OTHER, ""


# ``row_label_is_no_term``: a posting's table row "Diagnostics | Experience with diagnostic scan tools …"
# reads "Diagnostics: Experience with …": a value that is a requirement of its own is typed without its
# label ("Tools: Must have your own tool set" asks for the tool set, not for "Tools"). A short value keeps
# its label ("Customer service: 1 year" needs both).
_ROW_LABEL = re.compile(r"^([A-Z][\w'’&/ -]{0,30}?):\s+(?=\S)")
_ROW_VALUE_MIN_WORDS = 4


def _without_row_label(text: str) -> str:
    match = _ROW_LABEL.match(text)
    if match is None or len(match.group(1).split()) > 3:
        return text
    value = text[match.end() :]
    return value if len(value.split()) >= _ROW_VALUE_MIN_WORDS else text


_SUBJECT_REST_MIN_WORDS = 2  # "You will need to be" + a single word is not cut down to that word


def _without_subject(text: str) -> str:
    """``subject_is_no_term``: the text without its subject lead-in ("Whoever we hire will need to hold a
    current LPN license" -> "a current LPN license"); unchanged when the lead is a bare subject ("We offer
    …", "Candidate sourcing …") or too little is left."""
    match = _cues().subject.match(text)
    if match is None:
        return text
    contracted = match.group("subject").casefold() in _cues().contracted
    if not (match.group("modals") or match.group("verb") or contracted):
        return text
    rest = text[match.end() :]
    return rest if len(rest.split()) >= _SUBJECT_REST_MIN_WORDS else text


# ``explained_after_a_semicolon``: "Docker; you can containerise a service and run it locally": a short name,
# then a sentence about the candidate that says what it means. The name is the requirement; the sentence
# is its note.
_EXPLAINED = re.compile(
    r"^(?P<head>[^;]{2,40}?)\s*;\s+(?P<rest>(?:you|you'll|you're|we|we'll|they|this|that|which|i\.e\.)\s.*)$"
    # "Active Directory - password resets, unlocking accounts": a name, a dash and what it covers
    r"|^(?P<named>[^,;\-–—]{2,40}?)\s[-–—]\s+(?P<covers>[a-z].*)$",
    re.IGNORECASE,
)


# ``reason_is_a_note``: "Some video editing is preferred, since we're doing more short-form video": a clause
# after a comma that gives the employer's reason ("since", "because", "as we") asks for nothing more
_REASON = re.compile(
    r",\s+(?P<reason>(?:since|because|as)\s+(?:we|we're|we’re|we'll|we’ll|our|the\s+team|this\s+role)\b[^;]*)$",
    re.IGNORECASE,
)


def _explained(text: str) -> tuple[str, tuple[str, ...]]:
    reason = _REASON.search(text)
    if reason is not None and len(text[: reason.start()].split()) >= 2:
        before, notes = _explained(text[: reason.start()])
        return before, (*notes, reason.group("reason").strip(_NOTE_TRIM))
    match = _EXPLAINED.match(text)
    head = match.group("head") or match.group("named") if match else None
    if match is None or head is None or len(head.split()) > 4:
        return text, ()
    if match.group("named") and not match.group("covers")[:1].islower():
        return text, ()
    return head, ((match.group("rest") or match.group("covers")).strip(_NOTE_TRIM),)


def _work_done_well(text: str, params: _Params) -> _Params | None:
    """``quality_of_the_work``: "Accurate counting, measuring and compounding of medications" asks for the
    counting, measuring and compounding (a skill), done accurately (a note); the adjective is the item's
    only soft-skill term. None when the rest names a soft skill too, or names nothing."""
    match = _cues().work_quality.match(text)
    if match is None or len(params.terms) > 1:
        return None
    rest = text[match.end() :]
    if _soft_words(rest):
        return None
    skill = _skill(rest)
    if not skill.terms:
        return None
    return dataclasses.replace(skill, notes=(*skill.notes, match.group(1).lower()))


# "industries such as healthcare or insurance", "a setting like retail": the examples are industries
_INDUSTRY_HEAD = re.compile(
    r"\b(?:industr(?:y|ies)|sectors?|markets?|settings?|environments?|verticals?|fields?|businesses)\s+"
    r"(?:such\s+as|like|including|e\.?g\.?)\b",
    re.IGNORECASE,
)


def type_requirement(requirement: Requirement) -> Requirement:
    """``requirement`` with its category and parameters read from its text (other fields unchanged)."""
    normal = _normalise(requirement.text)
    text = _without_subject(_without_row_label(normal))
    text, explanation = _explained(text)
    category, _ = classify(text, requirement.source)
    label = _ROW_LABEL.match(normal) if text != normal else None
    if category is Category.OTHER and label is not None:
        # ``label_names_what_a_flavour_line_does_not``: "Attention to detail: You catch the number that
        # doesn't tie": the value describes the quality in a story; the label names it
        named, rule = classify(label.group(1), requirement.source)
        # (a capitalised label is no list of tool names: "Results: Track record of driving sales …")
        if named is not Category.OTHER and rule != "list-of-names":
            explanation = (*explanation, text.strip(_NOTE_TRIM))
            text, category = label.group(1), named
    params = _EXTRACTORS[category](text)
    if category is Category.SOFT_SKILL and (work := _work_done_well(text, params)) is not None:
        category, params = Category.SKILL, work
    if explanation:
        params = dataclasses.replace(params, notes=(*params.notes, *explanation))
    if category is Category.EXPERIENCE and _tools_only(params):
        # ``experience_with_a_tool_is_a_skill``: "Motion graphics or After Effects experience" names tools
        # and techniques the skills vocabulary knows, no occupation: a skill, looked for as one
        category = Category.SKILL
        params = dataclasses.replace(params, terms=params.fields, fields=(), all_of=False)
    examples = (
        category is Category.INDUSTRY
        and any(_INTRO.search(f" {t} ") for t in params.terms)
        and not _INDUSTRY_HEAD.search(text)
    )
    if examples or (
        category is Category.INDUSTRY
        and params.terms
        and all(len(t.split()) > _INDUSTRY_PHRASE_WORDS for t in params.terms)
    ):
        # ``work_in_an_industry_is_a_skill``: "Experience cross-selling bank products and services" describes
        # work done in an industry; its words are looked for together, as a skill's are. A list of examples
        # ("manufacturing processes such as sheet metal fabrication, machining and injection molding") is
        # read as a skill's: the processes named are what counts, any one of them
        category = Category.SKILL
        skill = _skill(text)
        if examples and skill.terms and not skill.all_of:
            params = skill
        elif len(skill.terms) > 1 and all(len(t.split()) > 1 for t in skill.terms):
            # ``two_kinds_of_work_in_an_industry``: "consumer lending products and small business banking"
            # asks for two things, each a phrase of its own; "bank products and services" stays whole
            params = skill
    terms = params.terms
    if not terms and category in (Category.SKILL, Category.INDUSTRY) and requirement.source == "skills":
        terms = (text.strip(" .,;:"),)
    return dataclasses.replace(
        requirement,
        category=category,
        years=params.years,
        level=params.level,
        fields=params.fields,
        terms=terms,
        all_of=params.all_of,
        or_equivalent=params.or_equivalent,
        notes=_kept_notes(requirement, params.notes),
    )


def _tools_only(params: _Params) -> bool:
    """Every field of an experience item is a skill or tool of the vocabulary and no occupation's title or
    family names it (no years asked: "3 years of Photoshop" stays years of a skill); a tool that only some
    occupation's duties name ("EHR experience") is still a tool."""
    from jobmatch.matching._terms import resolve
    from jobmatch.matching.occupation import field_target

    if not params.fields or params.years:
        return False
    if any(resolve(f, ("skills",), ambiguous=True) is None for f in params.fields):
        return False
    return not field_target(params.fields).core


def _kept_notes(requirement: Requirement, notes: tuple[str, ...]) -> tuple[str, ...]:
    """The parser's notes, then ours; on an item preferred as a whole, a note that only repeats the
    preference ("are encouraged to apply") says nothing new."""
    if requirement.kind is RequirementKind.PREFERRED:
        notes = tuple(n for n in notes if not _cues().preference.search(n))
    # "(Required)" / "(Preferred)" alone already set the item's kind.
    notes = tuple(n for n in notes if n.strip().lower() not in ("required", "preferred"))
    kept = tuple(dict.fromkeys((*requirement.notes, *notes)))
    # one note read twice, once with its preference word ("Med/Surg or telemetry preferred"): the longer
    lowered = [n.lower() for n in kept]
    return tuple(
        n for n, low in zip(kept, lowered, strict=True) if not any(low in o and low != o for o in lowered)
    )


def type_requirements(requirements: Sequence[Requirement]) -> tuple[Requirement, ...]:
    """Every requirement typed (see :func:`type_requirement`), in order."""
    return tuple(type_requirement(r) for r in requirements)
