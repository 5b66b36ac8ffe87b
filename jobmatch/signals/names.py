"""The candidate's name: a short line at the top that reads as a person's name, or none at all.

No name is better than a wrong one. A line near the top is the name only when every word is name-shaped
(letters in any script, inner apostrophes and hyphens, initials, lower-case particles such as "de" or
"van"), none of its words is a word of our vocabularies (section headings, job titles, tools, soft
skills, degrees), and none is used as an ordinary lower-case word elsewhere in the same résumé ("Self
Motivated", "Key Holder", "Retail Buying" are phrases of the résumé's own prose, not names), and it is
not the title of one of the résumé's jobs (layouts that open with the job sought, "SHIPPER-VAULT BULLION").
Credentials after a comma are dropped ("Grace Fitzgerald, RN, BSN" -> "Grace Fitzgerald"); a line in
capitals is read in title case ("ABIGAIL FULTON" -> "Abigail Fulton").
"""

from __future__ import annotations

import re
from functools import cache

from jobmatch.signals.sections import heading_of
from jobmatch.signals.view import ResumeView
from jobmatch.signals.vocab import load_vocabulary

__all__ = ["find_name"]

# NAME_TOP_LINES: the name sits in the first lines, before the first section heading.
NAME_TOP_LINES = 6
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?$")  # "O'Neil", "Jean-Luc", "Zoë", "J."
# Lower-case particles of family names ("Ana de la Cruz", "Ludwig van Beethoven").
_PARTICLES = frozenset(
    {"de", "da", "del", "della", "di", "du", "dos", "das", "van", "von", "der", "den", "la", "le"}
)
_PARTICLES |= frozenset({"ter", "bin", "al", "el", "y", "e"})
# NAME_CREDENTIALS: "RN", "BSN", "PhD", "M.Ed.", "CPA", "Jr.": short, at least two capitals (or Jr/Sr/II).
_CREDENTIAL = re.compile(r"^(?:(?=(?:[^A-Z]*[A-Z]){2})[A-Za-z.\-/]{2,10}|[JS]r\.?|I{2,3}|IV)$")
_SEGMENT_BREAK = re.compile(r"\s+[|•·]\s+|\t|\s{3,}")  # "Jane Doe | jane@x.com | 555-0100"
_MARKUP = "#*•>_ "
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*[a-z](?![\w'’-])")
# Addresses spell the name in lower case ("emily.sorensen@example.com"): not prose.
# Tested token by token (a whitespace split), so a 3 MB line without spaces costs one pass, not a
# quadratic regex scan.
_ADDRESS = re.compile(r"@|^(?:https?://|www\.)|\.(?:com|org|net|io|me)(?:\W|$)", re.I)
_ACRONYM = re.compile(r"^[A-Z]{2,}$")
_VOCABULARIES = ("sections", "roles", "office", "soft_skills", "degrees")


@cache
def _vocabulary_words() -> frozenset[str]:
    """Every word of the heading, title, tool, soft-skill and degree vocabularies (three letters or more:
    "Ma" and "Le" are family names as well as abbreviations)."""
    words: set[str] = set()
    for name in _VOCABULARIES:
        for _, entries in load_vocabulary(name).sections:
            for entry in entries:
                for term in (*entry.terms, entry.canonical.lower()):
                    words.update(w for w in re.findall(r"[^\W\d_]+", term) if len(w) >= 3)
    return frozenset(words)


def _name_part(text: str) -> str:
    """The line without markup, contact details after a separator, or credentials after a comma."""
    text = _SEGMENT_BREAK.split(text.strip())[0].strip(_MARKUP)
    head, *tail = [part.strip() for part in text.split(",")]
    if tail and not all(_CREDENTIAL.match(part) for part in tail):
        return ""  # "Haifa, Israel", "Sales, Marketing": a comma that is not before credentials
    return head.strip(_MARKUP)


def _name_shaped(words: list[str]) -> bool:
    if not 2 <= len(words) <= 4:
        return False
    if words[0].lower() in _PARTICLES or words[-1].lower() in _PARTICLES:
        return False
    for word in words:
        if word in _PARTICLES:
            continue
        if not _NAME_WORD.match(word) or not word[0].isupper():
            return False
        if len(word.rstrip(".")) == 1 and not word.endswith("."):
            return False  # "Special Investigative Unit I": a lone letter without its dot is not an initial
    return True


def _line_words(text: str) -> frozenset[str]:
    """The lower-case words of one line, e-mail addresses and links left out."""
    prose = " ".join(t for t in text.split() if not _ADDRESS.search(t))
    return frozenset(m.group(0).replace("’", "'") for m in _LOWER_WORD.finditer(prose))


def _ordinary_words(view: ResumeView, skip: int) -> frozenset[str]:
    """The lower-case words of every line but ``skip``: the résumé's own prose."""
    found: set[str] = set()
    for index, line in enumerate(view.lines):
        if index != skip:
            found.update(_line_words(line.text))
    return frozenset(found)


def _key(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def find_name(view: ResumeView, job_titles: tuple[str, ...] = ()) -> str:
    """The candidate's name from the first lines, "" when no line reads as one (see the module doc).
    ``job_titles`` are the titles of the résumé's jobs: a line that repeats one is not a name."""
    titles = {_key(title) for title in job_titles}
    for index, line in enumerate(view.lines[:NAME_TOP_LINES]):
        if heading_of(line.text) is not None:
            break  # the name comes before the first section
        text = _name_part(line.text)
        if not text:
            continue
        if not text.isupper() and any(_ACRONYM.match(w) for w in text.split()):
            continue  # "Python SQL": a word in capitals in a mixed-case line is an acronym, not a name
        shown = text.title() if text.isupper() else text
        words = shown.split()
        if not _name_shaped(words) or _key(shown) in titles:
            continue
        plain = [w.lower().rstrip(".").replace("’", "'") for w in words if w not in _PARTICLES]
        vocabulary = _vocabulary_words()
        if any(part in vocabulary for w in plain for part in re.split(r"['\-]", w)):
            continue  # "Core Qualifications", "Microsoft Outlook", "Sales Associate"
        ordinary = _ordinary_words(view, index)
        if any(w in ordinary for w in plain if len(w) > 1):
            continue  # "Self Motivated", "Key Holder": words of the résumé's own prose
        return shown
    return ""
