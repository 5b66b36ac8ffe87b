"""Jobs as facts: the title as a title (or none), and the employer the job's lines name.

``roles.find_jobs`` anchors a job on its dates and takes the short text beside them as its title; that
text is sometimes a place ("Virginia Beach"), a figure ("$33 million in sales"), or a duty sentence that
carries a date ("Increased sales by 12% from 2014 to 2015"). TITLE_SHAPE keeps a title only when it
reads as one; the job stays in the history (its dates and duties are still facts), untitled.
"""

from __future__ import annotations

import re
from functools import cache

from jobmatch.signals.dates import RANGE, find_open
from jobmatch.signals.roles import Job
from jobmatch.signals.sections import heading_of
from jobmatch.signals.view import ResumeView
from jobmatch.signals.vocab import load_vocabulary

__all__ = ["employer_of", "job_title"]

_MAX_TITLE_WORDS = 8
_FIGURE = re.compile(r"[$%€£]|\d[\d,.]*\s*(?:[km]\b|million|billion|hours?|per\b)|\d{2,}", re.I)
_ORDINAL = re.compile(r"\b\d+(?:st|nd|rd|th)\b", re.I)
_PRONOUN = re.compile(r"\bI\s+[a-z]|\b(?:my|me|we|our|us)\b")  # "I am …", not "Specialist I"
_DUTY_VERB = re.compile(r"^(?:[A-Z][a-z]+ed|[A-Z][a-z]+ly)$")  # "Increased", "Successfully"
_PARTICIPLES = frozenset({"Licensed", "Certified", "Registered", "Chartered", "Qualified", "Accredited"})
_PLACEHOLDER = re.compile(r"\bcompany name\b", re.I)
_SEPARATOR = re.compile(r"\s+(?:at|@)\s+|\s[-–—|]\s|,\s*|\s{2,}")
_PLACE_TAIL = re.compile(r"^(?:city|state|city,\s*state)\b", re.I)


@cache
def _role_words() -> frozenset[str]:
    """Every word of the job-title vocabulary (data/roles.txt): a title in lower case must hold one."""
    words: set[str] = set()
    for _, entries in load_vocabulary("roles").sections:
        for entry in entries:
            for term in entry.terms:
                words.update(re.findall(r"[a-z]+", term))
    return frozenset(words)


@cache
def _places() -> frozenset[str]:
    return frozenset(load_vocabulary("fields").flat("places"))


def _is_place(text: str) -> bool:
    """A place name, alone or with its state ("Virginia Beach", "Boston, MA", "City, State")."""
    words = re.findall(r"[a-z]+", text.lower())
    if not words:
        return False
    places = _places()
    return any(" ".join(words[i : i + n]) in places for n in (1, 2, 3) for i in range(len(words))) and not (
        set(words) & _role_words()
    )


def job_title(title: str) -> str:
    """TITLE_SHAPE: ``title`` when it reads as a job title, else "". Not a title: a figure or count
    ("$33 million in sales", "Mom to 3 daughters"), a duty opening on a verb or adverb ("Increased …",
    "Successfully managed …"), words about oneself ("I am engaged in …"), a place, a long phrase, or
    lower-case words that name no occupation ("backgrounds", "communication")."""
    text = re.sub(r"\s*\([^)]*\)", "", title)  # "Consultant (Company is being dissolved …)"
    text = text.strip(" '\"‘’“”*•-–:;,.")
    text = re.sub(r"\s+\d$", "", text)  # "Sales Representative 0": a stray digit of the layout
    words = [w for w in text.split() if w not in ("/", "&", "-", "–")]
    if not words or len(words) > _MAX_TITLE_WORDS:
        return ""
    if _FIGURE.search(_ORDINAL.sub("", text)) or _PRONOUN.search(text):
        return ""
    if (
        _DUTY_VERB.match(words[0])
        and words[0] not in _PARTICIPLES
        and (len(words) == 1 or words[1][:1].islower())
    ):
        return ""  # "Counted and balanced cashier drawers", "Volunteered"; not "Enrolled Agent"
    if _is_place(text):
        return ""
    if text[:1].islower() and not set(re.findall(r"[a-z]+", text.lower())) & _role_words():
        return ""
    return text


def _after_title(text: str, title: str) -> str:
    """The words after the title on its line, without the dates."""
    for m in RANGE.finditer(text):
        text = text[: m.start()] + " " + text[m.end() :]
    found = find_open(text)
    if found is not None:
        text = text[: found.span[0]] + " " + text[found.span[1] :]
    pos = text.lower().find(title.lower()) if title else -1
    return text[pos + len(title) :] if pos >= 0 else ""


def employer_of(view: ResumeView, job: Job) -> str:
    """The employer the job's own lines name: "Company Name" where the layout put that placeholder
    (LiveCareer's anonymised résumés), else the words after the title and a separator ("Sales Associate
    at Macy's", "Account Sales Coordinator, Glow Cosmetics, January 2012 – Present"), never a place or a
    date. "" when no line names one."""
    first = min(job.title_index, job.date_index)
    near = sorted({job.title_index, job.date_index, *[i for i in job.body if i <= first + 3]})
    if any(_PLACEHOLDER.search(view.lines[i].text) for i in near):
        return "Company Name"
    rest = _after_title(view.lines[job.title_index].text, job.title)
    lead = re.match(r"^\s*(?:(?:at|@)\s+|[-–—|,]\s*)", rest)
    if lead is None:
        return ""
    rest = rest[lead.end() :]
    employer = _SEPARATOR.split(rest, maxsplit=1)[0].strip(" ,.;:()")
    return employer if _employer_shaped(employer) else ""


_CORPORATE = frozenset({"inc", "llc", "ltd", "co", "corp", "company", "plc", "lp"})
_NAME_JOINERS = frozenset({"of", "and", "&", "the", "de", "for", "at"})


def _employer_shaped(text: str) -> bool:
    """EMPLOYER_SHAPE: capitalised words (and joiners), at most six, not a place, a state code, a bare
    "Inc", a section heading or words that are all job-title words ("Operations Manager")."""
    words = text.split()
    if not words or len(words) > 6 or _PLACE_TAIL.match(text) or _is_place(text):
        return False
    if any(not w[:1].isupper() and not w[:1].isdigit() and w.lower() not in _NAME_JOINERS for w in words):
        return False  # "Serve food": a duty
    plain = [w.lower().strip(".,") for w in words]
    if re.fullmatch(r"[A-Z]{2}", text) or all(w in _CORPORATE for w in plain) or re.match(r"\d", text):
        return False  # "VA", "Inc", "2009 Bloomsday"
    return heading_of(text) is None and not all(w in _role_words() for w in plain)
