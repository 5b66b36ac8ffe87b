"""Posting text -> header fields, sections and atomic requirements (required vs preferred).

Postings arrive as ATS exports (``Title: …`` fields, ``SUMMARY:`` headings, one paragraph per section),
Markdown (``## Requirements`` and bullets) or a few lines of prose with ``Must have: a, b, c``. The parser
reads all three the same way:

1. classify every line (blank, header field, heading, inline label, bullet, lead-in, prose);
2. group the lines under their headings (lines before the first heading form the preamble);
3. turn the requirement sections (REQUIREMENTS, PREFERRED, SKILLS) and every ``Must have:`` /
   ``Nice to have:`` label line into atomic items — one per bullet, otherwise one per sentence or per
   comma-list entry;
4. when no requirement section gave an item, fall back to requirement-like sentences ("5+ years of …",
   "must …") and to bullets under a lead-in ("The ideal candidate will have:") anywhere.

Untrusted text stays text: nothing here prints, and control characters are stripped on the way in.
"""

from __future__ import annotations

import codecs
import hashlib
import importlib
import os
import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar, Literal, Protocol

from jobmatch.documents import Limits, read_document
from jobmatch.documents.sniff import DOC, DOCX, HTML, PDF, ZIP, sniff_bytes
from jobmatch.errors import DocumentError, PostingError
from jobmatch.matching.text import tokens
from jobmatch.models import Category, Posting, Requirement, RequirementKind
from jobmatch.posting.types import (
    EXAMPLE_NAMES,
    EXAMPLES_MAX_CHARS,
    KEPT_CURRENT,
    classify,
    names_a_job,
    school_equivalent,
    type_requirements,
)
from jobmatch.sanitize import display_path, strip_unsafe

__all__ = ["MAX_POSTING_BYTES", "POSTING_SUFFIXES", "find_posting", "load_posting", "parse_posting"]

MAX_POSTING_BYTES = 1 << 20  # 1 MB: real postings are a few kB; anything bigger is the wrong file
MAX_BINARY_POSTING_BYTES = (
    10 << 20
)  # DOCX/PDF postings carry logos and fonts; the readers' budgets still apply
POSTING_SUFFIXES = (".txt", ".md")
_BINARY_MAGIC = (b"%PDF-", b"PK\x03\x04", bytes.fromhex("D0CF11E0A1B11AE1"))
_SNIFF_BYTES = 64 * 1024
# The résumé readers' budgets, with the text kept no longer than a text posting may be.
_POSTING_LIMITS = Limits(max_file_bytes=MAX_BINARY_POSTING_BYTES, max_chars=MAX_POSTING_BYTES)
TITLE_MAX_CHARS = 100  # a first line longer than this is prose, not a title


def _terms(text: str) -> frozenset[str]:
    """A "; "-separated word list (kept as one string so it reads like the data files)."""
    return frozenset(text.split("; "))


# --------------------------------------------------------------------------- section names

# Canonical sections whose lines are requirements. Every other section is context.
_REQUIREMENT_SECTIONS = frozenset({"REQUIREMENTS", "PREFERRED", "SKILLS"})

# ``tools_you_will_use``: the tools of the job's day, named in a sidebar, are a plus to know already; a list
# headed as the tools and technologies of the job is its skills. Both are lists of names (_LIST_ALIASES).
_TOOLS_OF_THE_JOB = (
    "tools you'll use; tools you will use; tools we use; our tools; "
    "software you'll use; software you will use"
)
_TOOL_LISTS = "tools and technologies; software and tools; tools and systems; systems and tools"

# Heading / label text (normalised: lower case, straight apostrophes, "&" -> "and", "-" -> " ") ->
# canonical section, as "; "-separated lists. _LIST_ALIASES are the headings whose text is a comma list of
# skills ("Must have: Python, Django, Docker") rather than prose ("Requirements: a degree in …").
_SECTION_ALIASES: dict[str, str] = {
    "REQUIREMENTS": (
        "requirements; requirement; qualifications; required qualifications; minimum qualifications; "
        "basic qualifications; minimum requirements; job requirements; key requirements; what you'll need; "
        "what you will need; what you need; about you; what you'll bring; what you will bring; must have; "
        "must haves; "
        "who you are; what we're looking for; what we are looking for; you have; you bring; "
        "requirements and qualifications; qualifications and requirements; skills and qualifications; "
        "skills and experience; experience and qualifications; education and experience; essential; "
        "essential skills; essential criteria; knowledge skills and abilities; required skills; "
        "required experience; education; experience; "
        # careers-page headings for the same list ("What you bring", "Your profile", "The ideal candidate")
        "what you bring; what you have; what we need; what we look for; who we're looking for; "
        "who we are looking for; what you'll bring to the role; what you bring to the role; "
        "what you bring to the table; what you'll bring to the table; what you need to succeed; "
        "what you'll need to succeed; what it takes; your profile; your background; your qualifications; "
        "your skills; your experience; the ideal candidate; ideal candidate; ideal candidate profile; "
        "candidate profile; person specification; you might be a fit if; is this you; you are; "
        "essential requirements; required skills and experience; requirements and skills"
    ),
    "PREFERRED": (
        "preferred; preferred qualifications; preferred skills; preferred experience; nice to have; "
        "nice to haves; bonus points; pluses; desired qualifications; desired skills; desirable; "
        "desirable skills; desirable qualifications; desirable experience; desired experience; "
        "preferred requirements; additional qualifications; extra credit; bonus; "
        "bonus skills; plusses; plus; "
        "even better if; it's a plus if; extra points; "
        "what sets you apart; what will make you stand out; what would make you stand out; stand out if; "
        "preferred but not required; nice to have but not required; good to have; ideally; "
        + _TOOLS_OF_THE_JOB
    ),
    "RESPONSIBILITIES": (
        "responsibilities; key responsibilities; duties; duties and responsibilities; job duties; "
        "what you'll do; what you will do; your role; day to day; the role; "
        "what you'll be doing; what you will be doing; your responsibilities; your day to day; "
        "a day in the life; main duties; key duties; role responsibilities; essential functions; "
        "essential duties; essential duties and responsibilities; the work; what the job involves"
    ),
    "SUMMARY": (
        "summary; about the role; about the job; about this role; about the position; overview; "
        "job overview; position overview; role overview; description; job description; position summary; "
        "job summary; the opportunity"
    ),
    "SKILLS": (
        "skills; technical skills; key skills; core skills; skill set; skillset; competencies; "
        "core competencies; technologies; tech stack; " + _TOOL_LISTS
    ),
    # Not requirement sections, but naming them ends the requirements before them.
    "BENEFITS": (
        "benefits; perks; perks and benefits; compensation; compensation and benefits; salary; "
        "what we offer; why join us; why work with us; we offer; we provide; what's in it for you; "
        "what is in it for you; what we offer you; our benefits; why you'll love working here; "
        "why you'll love it here"
    ),
    "COMPANY": "about us; about the company; who we are; company overview; our company",
    "APPLY": "how to apply; to apply; application process; application instructions",
    # Job-board detail lines ("Job Type: Full-time", "Work Location: In person") end a requirement section.
    "DETAILS": (
        "job type; job types; employment type; pay; schedule; shift; shifts; work location; location; "
        "job details; work schedule; hours; start date; contract length; "
        "at a glance; job at a glance; role at a glance; the role at a glance; quick facts; key facts; "
        "job facts; position details; key details; "
        # the standard physical-demands paragraph of US postings: conditions of the work, asked at the screen
        "physical demands; physical requirements; working conditions; work environment; "
        "physical demands and work environment; work environment and physical demands"
    ),
    "LEGAL": "equal opportunity; equal opportunity employer; eeo statement; eeo; your right to work",
}
# Headings not in the lists above, by their words (normalised text), first match wins: "Minimum Skills and
# Competencies", "Additional Experience (Not Required)", "What You Need for this Position", "About Acme Inc".
_LOOSE_SECTIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), name)
    for pattern, name in (
        (r"^what you(?:'ll| will)? (?:be )?do(?:ing)?\b|responsibilit|duties", "RESPONSIBILITIES"),
        (
            r"qualification|requirement|\brequired\b|\bskills?\b|competenc|\bexperience\b|licen[cs]e|certific"
            r"|^languages?$"
            r"|^what you(?:'ll| will)? "
            r"(?:need|bring|have)\b|^must haves?\b|^nice to haves?\b"
            # "What we need from you", "What we're looking for", "What we want to see"
            r"|^what we(?:'re| are)? (?:need|want|look(?:ing)? for|expect|require)\b",
            "REQUIREMENTS",
        ),
        (
            r"benefit|\bperks?\b|compensation|salary|^pay\b|what's in it for you|reasons to (?:work|join)"
            r"|^why (?:work|join)|we offer",
            "BENEFITS",
        ),
        (r"^about\b|^who we are", "COMPANY"),
        (r"^(?:how to )?apply\b|application", "APPLY"),
        (r"equal (?:employment )?opportunit|\beeo\b|right to work", "LEGAL"),
        (r"\binfo\b|information|details|description|overview|summary", "SUMMARY"),
    )
)
_LOOSE_PREFERRED = re.compile(r"prefer|nice|bonus|desir|additional|optional|not required|\bplus")
_LIST_ALIASES = (
    "must have; must haves; nice to have; nice to haves; bonus points; pluses; skills; technical skills; "
    "key skills; core skills; skill set; skillset; required skills; preferred skills; desired skills; "
    f"desirable skills; technologies; tech stack; {_TOOLS_OF_THE_JOB}; {_TOOL_LISTS}"
)
_ALIASES: dict[str, str] = {
    alias: name for name, aliases in _SECTION_ALIASES.items() for alias in aliases.split("; ")
}
_LIST_STYLE = _terms(_LIST_ALIASES)

# Section bodies that mean "nothing here".
_EMPTY_BODIES = frozenset({"none listed", "none", "n/a", "na", "not applicable", "none specified", "-", "—"})

# Header keys that stand in for a missing "Title:" field.
_TITLE_KEYS = (
    "title",
    "job title",
    "position",
    "position title",
    "role",
    "job opening",
    "opening",
    "vacancy",
    "now hiring",
    "job posting",
    "position available",
    "open position",
)
_GREETING = re.compile(
    r"^(?:hi|hello|hey|dear|greetings|good\s+(?:morning|afternoon|evening)|hiya)\b[^.!?:]{0,40}[,!]?$",
    re.IGNORECASE,
)
_SUBJECT_KEYS = ("subject", "re")
_REPLY_PREFIX = re.compile(r"^(?:(?:re|fwd?|fw)\s*:\s*)+", re.IGNORECASE)

# --------------------------------------------------------------------------- line patterns

_MD_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_BOLD_LINE = re.compile(r"^(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$")
# Bullets include the check marks, arrows and stars job boards paste ("✔ Active RN license", "➤ 2+ years"),
# with or without the emoji variation selector.
_MARKS = "✔✓✅☑➤►▸▹➢➣→✱✦★☆◆◇❖"
_BULLET = re.compile(
    rf"^(?:[-*•·‣◦▪▫●○■□–—+]|[{_MARKS}]\ufe0f?|\(?\d{{1,2}}[.)]|\(?[a-zA-Z]\))"
    rf"\s*(?<=\s|[{_MARKS}\ufe0f])(?=\S)"  # a space after the bullet; a check mark needs none
)
_KEY_VALUE = re.compile(r"^([^:]{1,80}?)\s*:\s*(.*)$")
_FIELD_KEY = re.compile(r"^[A-Z][\w'’/&#().-]*(?:\s+[\w'’/&#().-]+){0,3}$")  # <= 4 words, capitalised
_EMPHASIS = re.compile(r"\*\*|__|`")
_SPACES = re.compile(r"\s+")
_INNER_SPACES = re.compile(r"(?<=\S)[^\S\n]{2,}|(?<=\S)[^\S\n ]")  # runs and odd spaces after a word

# --------------------------------------------------------------------------- item patterns

# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a letter or digit. A
# lower-case start counts too ("… SQL, UNIX. database programming"): job-board text is not always capitalised.
_SENTENCE_END = re.compile(r"[.!?]+[\"'’”)\]]*\s+(?=[\"'‘“(\[*•]?[A-Za-z0-9])")
# Glued sentences: "… work in the U.S.Please apply" (a dotted abbreviation, then a capitalised word).
_GLUED_SENTENCE = re.compile(r"(?<=\b[A-Z]\.[A-Z]\.)(?=[A-Z][a-z])")
_ABBREVIATIONS = _terms(
    "etc.; e.g.; i.e.; vs.; approx.; incl.; esp.; inc.; ltd.; co.; corp.; dept.; mr.; mrs.; ms.; dr.; sr.; "
    "jr.; st.; no.; yrs.; yr.; min.; max.; cf.; al."
)
_DOTTED_ABBREVIATION = re.compile(r"(?:[A-Za-z]{1,2}\.){2,}|[A-Z]\.")  # B.S., U.S., Ph.D., e.g., initials
_TOKEN_BEFORE_MAX = (
    40  # how far back a sentence end looks for the abbreviation it may close (keeps it linear)
)

_WISH = r"would\s+be\s+(?:an?\s+)?(?:big\s+|huge\s+|real\s+|great\s+)?(?:help|plus|bonus|asset)"
_PREFERRED_WORDS = re.compile(
    r"\b(?:an?\s+(?:\w+\s+)?plus|pluses|preferred|preferably|nice[\s-]to[\s-]have|desirable|desired|ideally"
    r"|advantage|advantageous|optional|not\s+required|encouraged\s+to\s+apply"
    r"|(?:given|receive)\s+(?:a\s+)?preference|preference\s+(?:will\s+be|is)\s+given"
    # a wish, not a condition: "Experience with dementia care would be a big help", "we'd love …"
    rf"|{_WISH}|we(?:'d|\s+would)\s+love"
    # "Flatbed experience helpful", "knowledge of QuickBooks is helpful" (not "friendly and helpful")
    r"|\b(?:experience|knowledge|skills?|background|familiarity|exposure|certification)\s+(?:is\s+)?helpful\b"
    r"|\b(?:would\s+be|is\s+also)\s+helpful\b"
    r"|(?<!plus\s)(?<!annual\s)(?<!signing\s)(?<!sign-on\s)bonus)\b",
    re.IGNORECASE,
)
# A preference inside a required item is a note on it: "(BSN preferred)", ", ideally in med-surg".
_PAREN_PREFERENCE = re.compile(
    r"\s*\(([^()]{0,120}\b(?:preferred|preferably|ideally|a plus|desired|desirable|nice to have)\b"
    r"[^()]{0,80})\)",
    re.IGNORECASE,
)
# A parenthesis that holds only the kind, at the end: "(Preferred)", "(Required)", "(a plus)".
_KIND_MARKER = re.compile(
    r"\s*\((preferred|required|desired|optional|a\s+plus|nice\s+to\s+have)\)\s*\.?\s*$", re.IGNORECASE
)
_QUALIFIER_PREFERENCE = re.compile(
    r"\s*[,;]?\s*\b((?:ideally|preferably|especially|with\s+preference\s+(?:for|to))\b[^.;()]{0,160})",
    re.IGNORECASE,
)
_QUALIFIER_MIN_WORDS = 3  # words before "ideally …" for it to qualify an item rather than open it
# ``trailing_preference_is_a_note``: "3+ years of graphic design experience, agency experience preferred":
# the last clause, after a comma, prefers something more; the item before it is still required.
_TRAILING_PREFERENCE = re.compile(
    r"\s*[,;]\s*([^,;()]{1,80}?\b(?:preferred|a\s+plus|desired|desirable|nice\s+to\s+have))\s*\.?\s*$",
    re.IGNORECASE,
)
_TRAILING_MIN_WORDS = 4
# A clause that ends in its head noun is whole: what follows the comma is no further item of a list, even
# with an "or" in it ("2+ years of acute care experience, Med/Surg or telemetry preferred").
_ENDS_A_REQUIREMENT = re.compile(
    r"\b(?:experience|required|degree|licen[cs]e|certification|background)\s*$", re.IGNORECASE
)
# what may stand beside a preference word in a clause that says nothing else ("is strongly preferred")
_PREFERENCE_ADVERBS = re.compile(r"\b(?:strongly|highly|very|also|is|are|would\s+be)\b", re.IGNORECASE)
_EQUIVALENT = re.compile(
    r"\bor\s+(?:an?\s+)?(?:equivalent|comparable|(?:related|relevant)\s+(?:work\s+)?experience)\b",
    re.IGNORECASE,
)
# "Django or FastAPI", "Python, Java, or Go": short capitalised / technical names joined by "or". The list
# before "or" is looked for in a bounded window before each "or" (a regex over the whole text backtracks
# over every long comma list without an "or").
_TOKEN = r"(?:[A-Z][\w+#'’./-]*[\w+#]|[A-Z]|\.[A-Za-z]\w*)"
_NAME = rf"{_TOKEN}(?:[ \t]+{_TOKEN}){{0,2}}"
_OR_NAME = re.compile(rf"\s*,?\s+or\s+({_NAME})(?![\w+#])")
_NAME_LIST_END = re.compile(rf"(?<![\w.+#])((?:{_NAME})(?:\s*,\s*{_NAME})*)$")
_NAME_LIST_WINDOW = 300  # characters before "or" searched for its list of names
# Capitalised words that open a sentence rather than name a skill ("Strong SQL or Excel").
_LEAD_WORDS = _terms(
    "strong; excellent; solid; good; great; proven; demonstrated; advanced; basic; working; deep; expert; "
    "expertise; previous; prior; must; knowledge; experience; proficiency; proficient; familiarity; "
    "familiar; understanding; ability; exposure; some; any; either; both; preferred; required; bonus; nice; "
    "ideally; fluency; fluent; skilled; using; use; modern; professional; practical; hands-on; the; a; an; "
    "with; in"
)
# A lead-in ("The ideal candidate will have:") whose bullets are requirements even outside a section.
_REQUIREMENT_LEADIN = re.compile(
    r"looking for|you(?:'ll| will)? (?:have|bring|need)|ideal candidate|requir|qualif|\bmust\b|\bneed",
    re.IGNORECASE,
)
# Requirement-like sentences, for postings without a requirements section.
# A count of years as postings write it: "3", "3+", "three"
_COUNT = r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s*\+?\s*"
_REQUIREMENT_LIKE = re.compile(
    rf"{_COUNT}(?:(?:-|to)\s*\d+\s*\+?\s*)?"
    r"(?:years?|yrs)['’]?\s+(?:of|in|with|as|experience|working|doing|on|handling|running|managing)\b"
    r"|\bexperience\s+(?:with|in)\b|\bdegree\s+in\b|\bproficien(?:cy|t)\s+(?:in|with)\b|\bmust\b"
    r"|\brequired\b|\bknowledge\s+of\b|\bfamiliarity\s+with\b"
    r"|\b(?:preferred|a\s+plus|nice\s+to\s+have|certifi(?:ed|cation)|licen[cs]ed?|diploma|degree|GED"
    r"|ability\s+to|able\s+to|fluen(?:t|cy)|bilingual|availability|authori[sz]ed\s+to\s+work)\b"
    # a message's way of asking ("will need to hold a current LPN", "need to be available for nights")
    r"|\bneeds?\s+to\s+(?:be|have|hold|know|speak)\b|\b(?:be|is|are|remain)\s+available\s+(?:to|for|on)\b"
    r"|\bavailable\s+to\s+work\b"
    # "they should know FAR Parts 43 and 145", "they'll have to pass a background check", "This is a rotating
    # shift role"
    r"|\b(?:should|will|would)\s+(?:know|have|hold|speak|be\s+able)\b|\b(?:have|has)\s+to\s+pass\b"
    r"|\bpass\s+an?\s+(?:\w+\s+){0,2}(?:background|drug)\b"
    r"|\b(?:rotating|night|overnight|weekend|swing|graveyard|evening)\s+shifts?\b|\bshift\s+work\b"
    rf"|\b{_WISH}\b",
    re.IGNORECASE,
)
# Work eligibility is stated in the legal text at the end of many ads ("Applicants must be authorized to work
# in the U.S."): a must-sentence about it is a requirement wherever it stands.
_ELIGIBILITY = re.compile(
    r"\bmust\b[^.!?]{0,80}\b(?:authori[sz]\w*|citizen\w*|security\s+clearance|background\s+(?:check|investigation)"
    r"|drug\s+(?:test|screen)\w*|eligib\w*|right\s+to\s+work|work\s+permit)",
    re.IGNORECASE,
)
# Text that is never a requirement: pay, benefits, equal-opportunity and accommodation statements, how to
# apply, links, and sentences about the requirement list itself.
_NOT_REQUIREMENT = re.compile(
    r"\$\s?\d[\d,.]*\s*k?\s*(?:-|–|to)\s*\$?\s?\d|(?<!budgets\sof\s)(?<!budget\sof\s)\$\s?\d[\d,.]*\s*k?\+?\s*"
    r"(?:/\s*|per\s+|an?\s+)?(?:h(?:ou)?r|hourly|year|yr|annum|annual(?:ly)?|month(?:ly)?|mo|week(?:ly)?|wk|day|daily"
    r"|mile|cpm)\b|\b(?:pay|paid|wage|rate|salary|earn)\W+(?:\w+\W+){0,3}\$\s?\d|\bstarting\s+at\s+\$"
    # a figure alone (one end of a range cut off) or a bonus: "$18.50", "$500 sign-on bonus"
    r"|^\W*\$\s?\d[\d,.]*\s*k?\W*$|\$\s?\d[\d,.]*\s*k?\s+(?:[\w-]+\s+){0,2}(?:bonus|sign[\s-]?on)|\bsalary\b|\bpay\s+(?:range|rate|scale)\b|\bper\s+hour\b|\bhourly\s+rate\b|\bcompensation\b"
    r"|\bbenefits?\s+(?:package|include|including|offered|are)\b|\b(?:medical|health|great|competitive|excellent"
    r"|full|comprehensive|generous)\s+benefits\b|\b401\s?\(?k\)?|\bpaid\s+(?:time\s+off|training|holidays|vacation)"
    r"|\bPTO\b|\bhealth(?:care)?\s+(?:insurance|plan)s?\b|\bdental\s+(?:insurance|plan|coverage)|\bmedical,\s+dental"
    r"|\btuition\s+(?:reimbursement|assistance)|\bequal\s+(?:employment\s+)?opportunit|\bEOE\b"
    r"|\baffirmative\s+action|\bregardless\s+of\b|\bwithout\s+regard\b|\bprotected\s+(?:veteran|by\s+law|class)"
    r"|\baccommodations?\b|(?<!encouraged\s)\bto\s+apply\b|\bapply\s+(?:now|today|online|directly|here|at|via"
    r"|through|by|in\s+person)\b|\bsend\s+(?:us\s+)?(?:your|a)\s+(?:resume|résumé|cv|cover\s+letter)|\bclick\b"
    r"|\bif\s+this\s+sounds\s+like\s+you\b|\breply\s+to\s+this\b|\bcall\s+(?:the\s+(?:shop|office)|us|me)\s+at\b"
    r"|\b(?:send|forward|submit)\s+(?:me|us)\s+(?:your\s+|any\s+|some\s+|the\s+)?(?:candidates|people|profiles"
    r"|resumes|résumés|cvs|names|anyone)\b"
    r"|https?://|\bwww\.|\w@\w+\.\w|\bcopyright\b|\ball\s+rights\s+reserved\b"
    r"|\b(?:listed|described|outlined)\s+(?:below|above)\b|\brepresentative\s+of\b"
    # the employer announcing the job ("Brightline is hiring a … for its contact center")
    r"|^[^.!?]{0,80}\b(?:is|are)\s+(?:now\s+)?(?:hiring|recruiting)\b"
    # what is not asked ("No degree required", "No experience necessary"): nothing to look for
    r"|^\W*no\s+(?:college\s+)?(?:degree|experience|prior\s+experience)\s+(?:is\s+)?(?:required|needed|necessary)\b"
    # the job announced ("We've got an opening for a Licensed Practical Nurse on our wing")
    r"|^[^.!?]{0,60}\b(?:an?|one|two|\d+)\s+(?:new\s+)?(?:openings?|vacanc(?:y|ies))\s+(?:for|on|in|at)\b",
    re.IGNORECASE,
)
# A sentence in the company's voice ("We are a leading …", "Our team …") is description unless it states a
# requirement ("We need 2+ years of …").
_COMPANY_VOICE = re.compile(
    r"^(?:we|we're|our|us|they|their|this\s+company|the\s+company|join|come|if\s+you|please|looking\s+forward)\b",
    re.IGNORECASE,
)

# Run-on text: one line holding many requirements with no punctuation between them ("… related experience
# High school diploma or GED required 5+ years of experience … Expert in C#, JavaScript Proficient with MVC").
# A new clause starts at a capitalised word that opens requirement phrases (or at "N+ years"), unless the word
# before it binds it ("at least", "with", "and") or the span is inside brackets.
_CLAUSE_CUES = (
    "Expert; Expertise; Proficient; Proficiency; Experience; Experienced; Hands-on; Hands; Must; Ability; "
    "Able; Strong; Knowledge; Knowledgeable; Bachelor's; Bachelors; Bachelor; Master's; Masters; "
    "Associate's; High; "
    "Minimum; At; Good; Excellent; Effective; Demonstrated; Proven; Familiarity; Familiar; Understanding; "
    "Understand; Have; Has; Passion; Passionate; Proactive; Willing; Willingness; Proof; Working; "
    "Comfortable; "
    "Fluency; Fluent; Solid; Advanced; Previous; Prior; Current; Valid; Certified; Certification; Licensed; "
    "Relevant; Capable; Skilled; Exceptional; Outstanding; Superior; Thorough; Availability; Available; "
    "Eligible; Authorized; Authorised; Degree; Diploma; Bilingual; Self-motivated; Detail-oriented; "
    "Attention; Commitment; Desire; Possess; "
    # words that open company, pay or application text, so that it comes apart from the requirement before it
    "We; Our; They; Please; Apply; Join; Click; Looking; If"
)
_OPENER_CUES = _terms("We; Our; They; Please; Apply; Join; Click; Looking; If")
_CUE_WORDS = "|".join(re.escape(w) for w in sorted(_terms(_CLAUSE_CUES), key=len, reverse=True))
_YEARS_CUE = r"\d+\s*\+?\s*(?:(?:-|to)\s*\d+\s*\+?\s*)?(?:years?|yrs)\b"
_CLAUSE_CUE = re.compile(
    rf"(?:(?<=[^\s,;&/(\-–—])[ \t]+|(?<=[a-z]),)(?=(?:{_CUE_WORDS})(?![\w'’-])|{_YEARS_CUE})"
)
# A capitalised phrase naming what is asked for ("… lift 50 lbs Forklift experience a plus", "… Cash handling
# skills") after a lower-case word opens a clause too: names of tools are followed by other words.
_NOUN_CUE = re.compile(
    r"(?<=[a-z)])[ \t]+(?=[A-Z][a-z][A-Za-z'’/-]*(?:[ \t]+[a-z][a-z'’/-]*){0,2}[ \t]+"
    r"(?:experience|skills?|knowledge|certification|certificate|licen[cs]e|degree|diploma|background|proficiency|fluency)\b)"
)
_TIME_UNITS = _terms("year; years; yrs; month; months; week; weeks")  # "2 years ICU experience" is one
# A degree or diploma named by its level ("Associate Degree in Nursing", "High School Diploma") is one award:
# the level word binds the cue after it.
_AWARD_CUES = _terms("degree; diploma")
_LEVEL_WORDS = _terms(
    "associate; associate's; associates; bachelor; bachelor's; bachelors; master; master's; masters; "
    "doctoral; doctorate; school; college; university; technical; vocational; graduate; undergraduate; "
    "nursing; four-year; two-year; 4-year; 2-year"
)
# Words that bind the next word to them: no clause starts after them.
_BINDING_WORDS = _terms(
    "a; an; the; and; or; of; in; on; for; to; with; as; at; by; from; into; least; minimum; than; over; "
    "about; including; include; includes; such; like; e.g.; i.e.; nor; but; your; our; their; any; "
    "some; both; either; very; highly; is; are; be; been; has; have; had; not; no; more; most; must; should; "
    "will; can; who; that; which; whose; very; also; &; last; past; previous; recent; need; needs; bring; "
    "brings; require; requires"
)
# A line ending in one of these was wrapped: the next line goes on with it even when it starts with a capital.
_WRAP_WORDS = _terms(
    "a; an; the; and; or; of; in; on; for; to; with; as; at; by; from; into; including; such as; like; plus; "
    "your; our; their; nor; than; using; via"
)
# After a capitalised word ("WCF Experience in …", "Time Must have …") a cue opens a clause only when a
# function word follows it; otherwise it is part of a name ("Customer Experience", "Microsoft Certified …").
_AFTER_NAME_CUE = re.compile(
    r"\S+\s+(?:with|in|of|to|on|at|for|using|a|an|the|have|has|be|possess|know|understand|\w+ing)\b"
)
# Compound sentences that state different requirements: "… experience and a current forklift certification,
# and must be able to lift …". "and" alone does not split ("communication and interpersonal skills").
_COMPOUND = re.compile(
    r"(?<!\d),?\s+and\s+(?=\d+\s*\+?\s*(?:years?|yrs)\b)"
    r"|,?\s+and\s+(?=(?:must|should|be\s+able|able\s+to|experience\s+(?:with|in|using|working)|a\s+(?:current|valid)"
    r"|(?:is|are)\s+(?:fluent|bilingual|proficient|certified|licensed)"
    r"|an?\s+(?:active|current|valid|unrestricted)|possess|hold\s+an?|the\s+ability)\b)"
    # prose that lists what the candidate does: "has completed a program and holds a current CMA", "have a
    # year of clinical work, be comfortable with phlebotomy, and know your way around an EHR"
    r"|,?\s+and\s+(?=(?:holds?|has\s+(?:a|an|completed|earned)|knows?|be\s+(?:comfortable|familiar|proficient|"
    r"fluent|willing|available))\b(?![-'’]))"
    r"|,\s+(?=be\s+(?:comfortable|familiar|proficient|fluent|willing|available|able)\b)"
    r"|,\s+(?=must\b)"
    # "… 4 years of commercial experience and a solid working knowledge of the NEC": knowledge is its own ask
    r"|(?<!\s)\s+and\s+(?=(?:a\s+)?(?:solid|strong|good|sound|thorough|working)\s+(?:working\s+)?knowledge\s+of\b)"
    r"|,\s+and\s+(?=(?:read|understand|interpret)\s+(?:and\s+\w+\s+)?(?:from\s+)?(?:blueprints|drawings|schematics)\b)"
    # a new subject opens a new requirement: "…warehouse experience, and you must hold a current forklift
    # certification", "…, and OSHA 10 training is a plus"
    r"|,\s+and\s+(?=(?:you|they|candidates?|applicants?)\s+(?:must|should|will|need|needs|are|have|hold)\b)"
    # ``comma_before_an_award``: "… 3+ years designing for print, a bachelor's in graphic design or a related
    # field, and …": an award named after a comma is an ask of its own ("licensed" and "certified" are not)
    r"|,\s+(?:and\s+)?(?=an?\s+(?:[\w'’-]+\s+){0,3}?(?:degree|diploma|licen[cs]e|certification|certificate"
    r"|bachelor|bachelor['’]?s|master|master['’]?s|associate['’]?s)\b(?![-'’]))"
    r"|,\s+and\s+(?=[A-Z][\w/+-]*(?:\s+[\w/+-]+){0,3}\s+(?:is|are)\s+(?:a\s+plus|preferred|required|desired"
    r"|a\s+bonus|an\s+asset)\b)",
    re.IGNORECASE,
)
# "High school diploma or GED; an associate degree is a plus": a semicolon before a clause of 3+ words.
# "…or a related field; or 8+ years of equivalent experience": after the semicolon an "or" offers another way
# to meet the same ask (``semicolon_or_is_an_alternative``), no ask of its own.
_SEMICOLON = re.compile(r"\s*;\s+(?!or\b|and/or\b)(?=\S)", re.IGNORECASE)
_LABEL_CLAUSE_WORDS = 3  # "Customer service: 2 years": a label this short stays with its value
_REQUIRED_WORD = re.compile(r"\b(?:required|must|mandatory|essential)\b", re.IGNORECASE)
_SEMICOLON_MIN_WORDS = 3  # words each side: "Python, Java; C++ is optional" stays whole, unless the two
# sides ask with two kinds ("BLS certification required; ACLS preferred")
# Inline bullets in run-on text: " * item * item", " - item - item".
_INLINE_BULLET = re.compile(rf"\s+[*•·▪◦‣]\s+|\s+[{_MARKS}]\ufe0f?\s*|\s+[-–—]\s+(?=\S)")
_LEADING_MARKER = re.compile(rf"^(?:[*•·▪◦‣\-–—{_MARKS}\ufe0f]\s*|and\s+)+", re.IGNORECASE)
_BRACKET_SPAN_MAX = 200  # a "(" whose ")" is further than this does not protect what follows
MAX_REQUIREMENTS = 200  # a real posting has a few dozen at most
ITEM_MAX_CHARS = 1000  # a requirement is a sentence or two; longer items are cut (and stay cheap to check)
RUN_ON_CHARS = 200  # a prose line this long may hold inline headings ("… Basic Qualifications: …")

# --------------------------------------------------------------------------- public API


def find_posting(folder: Path) -> Path:
    """The one posting file (``*.txt``, ``*.md``) in ``folder``; PostingError when there are none or several.

    Hidden files, editor lock files (``~$…``) and ``README*`` are not postings. The folder is not searched
    recursively. A folder of several postings may name its default in a file ``DEFAULT`` beside them.
    """
    shown = display_path(str(folder)).rstrip("/") + "/"
    if not folder.is_dir():
        raise PostingError(f"no posting folder {shown} — choose a posting with --posting")
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        raise PostingError(f"cannot list {shown}: {exc.strerror or exc}") from exc
    candidates = sorted(
        (p for p in entries if _looks_like_posting_name(p.name) and p.is_file()),
        key=lambda p: p.name,
    )
    if not candidates:
        raise PostingError(f"no posting (*.txt or *.md) in {shown} — add one or choose one with --posting")
    if len(candidates) > 1:
        chosen = _named_default(folder, shown, candidates)
        if chosen is not None:
            return chosen
        names = ", ".join(display_path(p.name) for p in candidates)
        raise PostingError(
            f"several postings in {shown}: {names} — choose one with --posting "
            f"(or name the default in {shown}{DEFAULT_POSTING_FILE})"
        )
    return candidates[0]


# A folder of several postings (an agency's requirements/, read whole by ``jobmatch match``) names the one
# that rank, explain and report use without --posting in this file: one line, the posting's file name.
DEFAULT_POSTING_FILE = "DEFAULT"


def _named_default(folder: Path, shown: str, candidates: Sequence[Path]) -> Path | None:
    """The posting ``folder/DEFAULT`` names, None when there is no such file; PostingError when it names
    none of the folder's postings."""
    marker = folder / DEFAULT_POSTING_FILE
    try:
        named = marker.read_text(encoding="utf-8-sig", errors="replace")[:_DEFAULT_NAME_MAX].strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise PostingError(f"cannot read {shown}{DEFAULT_POSTING_FILE}: {exc.strerror or exc}") from exc
    for path in candidates:
        if path.name == named:
            return path
    raise PostingError(
        f"{shown}{DEFAULT_POSTING_FILE} names {display_path(named)!r}, which is not a posting in {shown} "
        "— choose one with --posting"
    )


_DEFAULT_NAME_MAX = 300


class PostingMemo(Protocol):
    """Where parsed postings are kept between runs (``jobmatch.cache.Cache``): get/put a blob by table and
    key, a miss or a failed write never an error."""

    def get(self, table: str, key: str) -> bytes | None: ...

    def put(self, table: str, key: str, blob: bytes) -> None: ...


MEMO_TABLE = "postings"


def _parsed(text: str, path: str, memo: PostingMemo | None) -> Posting:
    """``parse_posting``, or what it gave before for the same text, path and parser code (``memo``).

    Typing the requirements compiles the vocabularies' patterns, a third of a second that a warm run of
    a few hundred cached résumés would otherwise spend on every start. A blob that does not read back is
    a miss, parsed again."""
    if memo is None:
        return parse_posting(text, path)
    from jobmatch.codec import pack, unpack
    from jobmatch.versions import posting_parser_version

    digest = hashlib.blake2b(digest_size=20)
    for part in (posting_parser_version(), path, text):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    key = digest.hexdigest()
    blob = memo.get(MEMO_TABLE, key)
    if blob is not None:
        try:
            found = unpack(Posting, blob)
        except Exception:  # zlib, JSON or shape: a miss
            found = None
        if isinstance(found, Posting) and found.path == path:
            return found
    posting = parse_posting(text, path)
    memo.put(MEMO_TABLE, key, pack(posting))
    return posting


def load_posting(path: Path, memo: PostingMemo | None = None) -> Posting:
    """Read and parse a posting file of any format we read: TXT, MD, HTML, DOCX, PDF (or a ``.toml`` export).

    The type comes from the content, not the name. Text is UTF-8 (with or without BOM), UTF-16 with BOM,
    else cp1252, at most :data:`MAX_POSTING_BYTES`; DOCX and PDF go through the résumé readers with their
    budgets (zip bombs, page and stream limits) and may be up to :data:`MAX_BINARY_POSTING_BYTES`.
    Raises PostingError when the file is missing, not a regular file, too large, unreadable or has no
    requirements. With ``memo``, a text parsed before by the same code is taken from it.
    """
    if path.suffix.lower() == ".toml":
        return _load_toml(path)
    shown = display_path(str(path))
    info = regular_file(path, shown)
    data = _read_head(path, shown, MAX_POSTING_BYTES + 1)
    if len(data) > MAX_POSTING_BYTES and not data.startswith(_BINARY_MAGIC):
        raise PostingError(f"posting {shown} is too large ({info.st_size:,} bytes; the limit is 1 MB)")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _parsed(data.decode("utf-16", errors="replace"), str(path), memo)
    kind = sniff_bytes(path.name, data[:_SNIFF_BYTES])
    if kind in (PDF, DOCX):
        return _parsed(_read_binary(path, shown, info.st_size), str(path), memo)
    if kind == HTML:
        return _parsed(html_text(_decode(data, shown)), str(path), memo)
    if kind == DOC:
        raise PostingError(f"cannot read posting {shown}: legacy Word .doc — save it as .docx, .pdf or .txt")
    if kind is None or kind == ZIP:
        raise PostingError(f"posting {shown} is not a text, Markdown, HTML, DOCX or PDF file")
    return _parsed(_decode(data, shown), str(path), memo)


def _load_toml(path: Path) -> Posting:
    """An edited export (``jobmatch posting FILE --export X.toml``), read by ``jobmatch.posting.toml_io``."""
    try:
        toml_io = importlib.import_module("jobmatch.posting.toml_io")
    except ImportError as exc:
        raise PostingError("TOML postings are not supported yet") from exc
    posting: Posting = toml_io.load_posting_toml(path)
    return posting


def _read_head(path: Path, shown: str, size: int) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise PostingError(f"cannot read posting {shown}: {exc.strerror or exc}") from exc


def _read_binary(path: Path, shown: str, size: int) -> str:
    """The text of a DOCX or PDF posting, read like a résumé (same readers, same budgets)."""
    if size > MAX_BINARY_POSTING_BYTES:
        raise PostingError(
            f"posting {shown} is too large ({size:,} bytes; the limit for DOCX and PDF is "
            f"{MAX_BINARY_POSTING_BYTES >> 20} MB)"
        )
    try:
        document = read_document(path, shown, _POSTING_LIMITS, outline=True)
    except DocumentError as exc:
        raise PostingError(f"cannot read posting {shown}: {exc.message}") from exc
    return document.text


def parse_posting(text: str, path: str = "") -> Posting:
    """Parse posting text into header fields, sections and numbered requirements ``R1``…``Rn``.

    ``path`` is only recorded (and its stem used as the Job ID when the text has none).
    Raises PostingError when no requirement can be found at all.
    """
    text = strip_unsafe(text.replace("\r\n", "\n").replace("\r", "\n"))
    # One space between words: every later pattern then meets whitespace runs of length 1 (linear time).
    text = _explode_run_on(_table_labels(_INNER_SPACES.sub(" ", _without_signature(text))))
    parsed = _read_structure(text)
    items = _requirement_items(parsed.blocks)
    if not items:
        where = f" in {display_path(path)}" if path else ""
        raise PostingError(
            f"no requirements found{where}: expected a Requirements/Qualifications section, bullet points, "
            "'Must have:' lines or sentences such as '3+ years of experience with …'"
        )
    requirements = _supports(
        [
            Requirement(
                id=f"R{number}",
                text=item.text,
                kind=item.kind,
                alternatives=_alternatives(item.text),
                notes=item.notes,
                source=item.source,
            )
            for number, item in enumerate(items, start=1)
        ]
    )
    typed = type_requirements(requirements)
    return Posting(
        path=path,
        fields=_with_fallback_fields(parsed.fields, parsed.title_line, path, text),
        sections=tuple((block.name, _section_text(block)) for block in parsed.blocks if block.is_section),
        requirements=tuple(typed),
    )


# --------------------------------------------------------------------------- reading the file


def regular_file(path: Path, shown: str) -> os.stat_result:
    """The posting's stat, or PostingError when it is missing, unreadable or not a regular file (a FIFO
    or device would block or never end)."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise PostingError(f"posting not found: {shown}") from exc
    except OSError as exc:
        raise PostingError(f"cannot read posting {shown}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(info.st_mode):
        raise PostingError(f"posting {shown} is not a regular file")
    return info


def _looks_like_posting_name(name: str) -> bool:
    if name.startswith((".", "~$")) or name.lower().startswith("readme"):
        return False
    return name.lower().endswith(POSTING_SUFFIXES)


def _decode(data: bytes, shown: str) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if data.startswith(_BINARY_MAGIC) or b"\x00" in data:
        raise PostingError(f"posting {shown} is not a plain-text file — save it as .txt or .md")
    try:
        return data.decode("utf-8-sig")  # also plain UTF-8
    except UnicodeDecodeError:
        # Windows editors still save "ANSI"; cp1252 leaves 5 byte values undefined, hence "replace".
        return data.decode("cp1252", errors="replace")


class _HTMLText(HTMLParser):
    """Visible text of an HTML page: block elements break lines, list items become bullets, headings
    Markdown headings (``html_heading_is_a_heading``: the page says which lines are headings and which
    is the job's title, its first ``h1``); no fetching."""

    _BLOCKS = _terms(
        "p; div; br; h1; h2; h3; h4; h5; h6; ul; ol; table; tr; section; article; header; footer; main; "
        "aside; dl; dt; dd; blockquote; pre; hr"
    )
    _HEADINGS: ClassVar[dict[str, str]] = {f"h{n}": "#" * n + " " for n in range(1, 7)}
    # ``page_chrome_is_not_the_posting``: a careers page's navigation and footer (links, "Apply", the legal
    # line) are the site's, not the job's; left out like scripts and styles.
    # ``aside_is_not_the_posting``: an aside is what HTML calls content beside the page's own (a sidebar of
    # similar jobs: "Helicopter Mechanic (EMS) · A&P Required · 5+ years rotorcraft" asks nothing of it).
    _HIDDEN = frozenset(
        {
            "script",
            "style",
            "head",
            "template",
            "noscript",
            "svg",
            "iframe",
            "object",
            "nav",
            "footer",
            "aside",
        }
    )
    # ``breadcrumbs_are_page_chrome``: "Home > Jobs > Automotive > Service Technician" is where the page
    # sits on the site, named so by its class, id, role or label, not the job's title. So are a cookie or
    # consent banner, a "skip to content" link, text only screen readers are given, and lists of other jobs.
    _CHROME = re.compile(
        r"breadcrumb|\bnavigation\b|\bnavbar\b|\bsite-(?:header|nav|menu)\b|cookie|\bconsent\b|\bgdpr\b"
        r"|\bskip-(?:link|to|nav)|\bsr-only\b|\bvisually-hidden\b|\bscreen-reader"
        r"|\b(?:similar|related|recommended|more)-jobs\b",
        re.I,
    )
    _VOID = _terms("br; hr; img; input; meta; link; area; base; col; embed; source; wbr")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.chrome_tag = ""  # the element, named as chrome, whose text is left out, and its nesting depth
        self.chrome_depth = 0
        self.title: tuple[int, int] | None = None  # where in ``parts`` the first h1 starts and ends
        self._title_start = -1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.chrome_tag:
            if tag == self.chrome_tag:
                self.chrome_depth += 1
            return
        if tag in self._HIDDEN:
            self.hidden += 1
            return
        if self.hidden:
            return
        if tag not in self._VOID and any(
            key in ("class", "id", "role", "aria-label") and value and self._CHROME.search(value)
            for key, value in attrs
        ):
            self.chrome_tag, self.chrome_depth = tag, 1
            return
        if tag == "li":
            self.parts.append("\n- ")
        elif tag in self._HEADINGS:
            if tag == "h1" and self.title is None and self._title_start < 0:
                self._title_start = len(self.parts)
            self.parts.append("\n" + self._HEADINGS[tag])
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.chrome_tag:
            if tag == self.chrome_tag:
                self.chrome_depth -= 1
                if self.chrome_depth == 0:
                    self.chrome_tag = ""
            return
        if tag in self._HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif self.hidden:
            return
        elif tag in self._BLOCKS or tag == "li":
            self.parts.append("\n")
            if tag == "h1" and self._title_start >= 0 and self.title is None:
                self.title = (self._title_start, len(self.parts))

    def handle_data(self, data: str) -> None:
        if not self.hidden and not self.chrome_tag:
            self.parts.append(_SPACES.sub(" ", data))


def html_text(markup: str) -> str:
    """The text of an HTML posting: tags stripped, entities decoded, scripts and styles dropped."""
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    parts = parser.parts
    if parser.title is not None:
        # ``first_h1_is_the_title``: the page's first h1 names the job, whatever the page shows above it
        start, end = parser.title
        parts = [*parts[start:end], *parts[:start], *parts[end:]]
    lines = (line.strip() for line in "".join(parts).split("\n"))
    # a heading or a bullet with no text (an empty element, an icon) is no line
    return "\n".join(line for line in lines if line.strip("#- "))


# --------------------------------------------------------------------------- line classification

_LineKind = Literal["blank", "title", "field", "heading", "label", "bullet", "leadin", "prose"]


@dataclass(frozen=True, slots=True)
class _Line:
    kind: _LineKind
    text: str = ""  # the content (bullet marker and emphasis removed); the value for fields and labels
    name: str = ""  # heading/label: canonical section name; field: the key
    list_style: bool = False  # heading/label: inline text is a comma list of skills
    indented: bool = False


def _normalise_name(name: str) -> str:
    name = _EMPHASIS.sub("", name).replace("’", "'").replace("‘", "'").replace("&", " and ").replace("-", " ")
    name = re.sub(r"[^\w' ]", " ", name)
    return _SPACES.sub(" ", name).strip().lower()


@lru_cache(maxsize=4096)  # run-on text asks about the same few labels many times
def _canonical(name: str, *, loose: bool) -> tuple[str, bool] | None:
    """(canonical section, list style) for a known heading; ``loose`` also accepts "… Qualifications" etc."""
    key = _normalise_name(name)
    if key in _ALIASES:
        return _ALIASES[key], key in _LIST_STYLE
    # ``headings_joined_by_and``: "Physical requirements and work environment", "Schedule & Work
    # Environment": two names of one section, joined, name that section
    parts = key.split(" and ")
    if 1 < len(parts) <= 3 and all(part in _ALIASES for part in parts):
        named = {_ALIASES[part] for part in parts}
        if len(named) == 1:
            return named.pop(), False
    if not loose or not key or len(key.split()) > 6:
        return None
    for pattern, name in _LOOSE_SECTIONS:
        if pattern.search(key):
            if name == "REQUIREMENTS" and _LOOSE_PREFERRED.search(key):
                return "PREFERRED", False
            return name, False
    return None


def _is_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


def _letter_count(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _is_title_case(text: str) -> bool:
    """'About Us', 'What We Offer', 'Compensation & Benefits' — but not 'We are looking for someone with'."""
    words = text.split()
    if not words or not words[0][:1].isupper():
        return False
    return all(not w[0].isalpha() or w[0].isupper() or len(w) <= 3 for w in words)


def _plain(text: str) -> str:
    return _SPACES.sub(" ", _EMPHASIS.sub("", text)).strip()


def _heading(name: str, known: tuple[str, bool] | None, inline: str = "") -> _Line:
    canonical, list_style = known if known else (_SPACES.sub(" ", name).strip().upper(), False)
    return _Line("heading", text=inline, name=canonical, list_style=list_style)


def _markup_heading(line: str) -> str | None:
    """The text of a Markdown heading (``## Requirements``) or a bold line alone (``**Requirements:**``)."""
    markdown = _MD_HEADING.match(line)
    if markdown:
        return markdown.group(1)
    bold = _BOLD_LINE.match(line)
    # "**Job Opening: Farm Operations Manager**" is a key and its value, not a heading
    if (
        bold
        and len(bold.group(1).split()) <= 6
        and not bold.group(1).rstrip().endswith(".")
        and not re.search(r":\s*\S", bold.group(1))
    ):
        return bold.group(1)
    return None


def _classify(raw: str, *, in_header: bool, first: bool) -> _Line:
    line = raw.strip()
    if not line:
        return _Line("blank")
    indented = raw[:1] in (" ", "\t")

    heading_text = _markup_heading(line)
    if heading_text is not None:
        name = _plain(heading_text).rstrip(":").strip()
        if not name:
            return _Line("blank")
        known = _canonical(name, loose=True)
        if known is None and first:  # "# Senior Data Analyst" opens many Markdown postings
            return _Line("title", text=name)
        return _heading(name, known)

    bullet = _BULLET.match(line)
    if bullet:
        return _Line("bullet", text=_plain(line[bullet.end() :]), indented=indented)

    plain = _plain(line)
    key_value = _KEY_VALUE.match(plain)
    if key_value and not key_value.group(2).startswith("//"):  # "https://…" is not a key
        key, rest = key_value.group(1).strip(), key_value.group(2).strip()
        classified = _classify_key(key, rest, in_header=in_header)
        if classified is not None:
            return classified

    # A heading alone on its line, without a colon: "Responsibilities", "Nice to have", "ABOUT THE COMPANY".
    if len(plain.split()) <= 6 and not plain.endswith((".", ",", ";")):
        known = _canonical(plain, loose=False)
        if known is not None:
            return _heading(plain, known)
        if _is_caps(plain) and _letter_count(plain) >= 5 and len(plain.split()) <= 5:
            return _Line("title", text=plain) if first else _heading(plain, None)
    return _Line("prose", text=plain, indented=indented)


def _classify_key(key: str, rest: str, *, in_header: bool) -> _Line | None:
    """A ``key: rest`` line: heading, inline label, header field or lead-in; None when it is just prose."""
    words = key.split()
    caps = _is_caps(key)
    known = _canonical(key, loose=caps or not rest)
    if known is not None:
        canonical, list_style = known
        if canonical == "DETAILS" and rest and in_header:  # "Location: Remote" above the first heading
            return _Line("field", text=rest, name=key)
        if not rest:
            return _heading(key, known)
        if caps or canonical not in _REQUIREMENT_SECTIONS:  # "REQUIREMENTS: text…", "Summary: text…"
            return _heading(key, known, inline=rest)
        return _Line("label", text=rest, name=canonical, list_style=list_style)  # "Must have: a, b, c"
    if caps and len(words) <= 5:
        if not rest and _letter_count(key) >= 3:
            return _heading(key, None)
        if in_header:
            return _Line("field", text=rest, name=key)
        if _letter_count(key) >= 5:  # "BENEFITS: …"; short all-caps keys ("AWS: 3 years") are prose
            return _heading(key, None, inline=rest)
        return None
    if not rest:
        if _is_title_case(key) and len(words) <= 5:
            return _heading(key, None)
        return _Line("leadin", text=key + ":")  # "You will have:" introduces the bullets below it
    if in_header and _FIELD_KEY.match(key):
        return _Line("field", text=rest, name=key)
    return None


# --------------------------------------------------------------------------- inline headings (run-on text)

# Words that occur in section headings: an inline "Label:" whose words are all among them is a heading even
# mid-line ("… Microsoft stack. Essential Duties and Responsibilities: …", "… in Java Preferred
# Qualifications: …" takes "Preferred Qualifications", not "Java").
_HEADING_WORDS = frozenset(
    {word for alias in _ALIASES for word in alias.split()}
    | _terms(
        "minimum; basic; preferred; required; desired; additional; essential; key; core; technical; general; "
        "other; job; position; role; optional; not; detailed; details; info; information; for; this; the; "
        "and; or; of; our; your; with; you; we; in; it; what's; what; need; be; doing; top; reasons; to; "
        "work; us; "
        "competencies; abilities; knowledge; primary; special; desirable; certifications; licenses; education"
    )
)
# A label that starts a sentence may hold other words ("Skills required for the position:") if it names one of
# these; "Experience building RESTful APIs - …" is an item, not a heading.
_BOUNDARY_LABEL = re.compile(r"qualification|requirement|\bskills\b|competenc")
_INLINE_LABEL_END = re.compile(r"(?<=[\w)])(?:[ \t]?:(?!//)|[ \t][-–—](?=[ \t]))")
_LABEL_MAX_WORDS = 8
_LABEL_WORD = re.compile(r"\S+")
# Headings written without a colon, in Title Case, followed by the next capitalised word ("What You Will Be
# Doing We emphasize …", "Top Reasons to Work with Us 1. …").
_TITLE_HEADING = re.compile(
    r"(?<![\w'’])(?i:what\s+you(?:'ll|\s+will)?\s+(?:need|bring|have)(?:\s+for\s+(?:this|the)\s+(?:position|role|job))?"
    r"|what\s+you(?:'ll|\s+will)?\s+(?:be\s+)?doing|what's\s+in\s+it\s+for\s+you|(?:top\s+)?reasons\s+to\s+(?:work|join)"
    r"(?:\s+(?:with|for)\s+us)?|nice\s+to\s+haves?|preferred\s+qualifications|basic\s+qualifications"
    r"|minimum\s+qualifications|required\s+qualifications|about\s+us|job\s+description)"
    r"(?=[ \t]+[A-Z0-9$*•(\"])"
)


# ``table_label_cell``: a Word table of two columns ("Experience | 3+ years as a line cook", "Certification |
# ServSafe Manager") reads as one row per line, its cells joined by " | "; a first cell that is a short label
# names what the second asks for, as "Experience: 3+ years …" would.
_TABLE_LABEL = re.compile(
    # (a bold label cell, "**Experience** | …", as the DOCX outline writes it)
    r"^[ \t]*(?:\*\*)?([A-Za-z][A-Za-z&/' -]{0,30}?)(?:\*\*)?[ \t]+\|[ \t]+(\S+[ \t]+\S.*)$",
    re.MULTILINE,
)


# ``table_header_row``: "Requirement | Details", "Qualification | Description": the names of a table's columns
_TABLE_HEADER = re.compile(
    r"^[ \t]*(?:(?:requirements?|qualifications?|details?|descriptions?|items?|notes?|criteria|category|area"
    r"|skills?|level|must[ -]have|nice[ -]to[ -]have|required|preferred)[ \t]*(?:\|[ \t]*|$))+[ \t]*$\n?",
    re.IGNORECASE | re.MULTILINE,
)


def _table_labels(text: str) -> str:
    text = _TABLE_HEADER.sub(lambda m: "" if "|" in m.group(0) else m.group(0), text)

    def label(match: re.Match[str]) -> str:
        name, value = match.group(1).strip(), match.group(2)
        if len(name.split()) > _LABEL_CLAUSE_WORDS or " | " in value:
            return match.group(0)
        # ``table_row_is_an_item``: a row is one item of the table's section, its label no heading of its own
        # ("Schedule | Availability to work Saturdays" does not open a details section)
        return f"- {name}: {value}"

    return _TABLE_LABEL.sub(label, text)


def _explode_run_on(text: str) -> str:
    """Put inline headings of long prose lines on lines of their own, so the layout reader sees sections."""
    out: list[str] = []
    for line in text.split("\n"):
        stripped = line.strip()
        if len(stripped) < RUN_ON_CHARS or _BULLET.match(stripped) or _markup_heading(stripped) is not None:
            out.append(line)
            continue
        start = 0
        for label_start, label_end, label in _inline_headings(stripped):
            before = stripped[start:label_start].strip()
            if before:
                out.append(before)
            out.append(label + ":")
            start = label_end
        out.append(stripped[start:].strip())
    return "\n".join(out)


def _inline_headings(line: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of the headings inside one long line, in order, not overlapping."""
    found: list[tuple[int, int, str]] = []
    for match in _INLINE_LABEL_END.finditer(line):
        label = _label_before(line, match.start(), dash=":" not in match.group())
        if label is not None:
            found.append((label[0], match.end(), line[label[0] : label[1]]))
    for match in _TITLE_HEADING.finditer(line):
        words = match.group().split()
        if all(w[:1].isupper() or len(w) <= 4 for w in words) and words[0][:1].isupper():
            found.append((match.start(), match.end(), match.group()))
    found.sort()
    kept: list[tuple[int, int, str]] = []
    for span in found:
        if kept and span[0] < kept[-1][1]:
            if span[1] > kept[-1][1] and span[0] == kept[-1][0]:
                kept[-1] = span  # the longer of two headings starting at the same word
            continue
        kept.append(span)
    return kept


def _label_before(line: str, end: int, *, dash: bool) -> tuple[int, int] | None:
    """The span of a heading label that ends at ``end`` (before ":" or " - "), or None.

    The label is the longest run of words before ``end`` that names a section and is made of heading words,
    or starts a sentence; "About <Name>" names the company. After a dash only several-word labels count
    ("Must have - …", not "- Bonus - 401k").
    """
    window_start = max(0, end - 12 * _LABEL_MAX_WORDS)
    words = [
        (m.start() + window_start, m.end() + window_start)
        for m in _LABEL_WORD.finditer(line[window_start:end])
    ]
    if window_start > 0 and words:
        words = words[1:]  # maybe cut
    words = words[-_LABEL_MAX_WORDS:]
    first = 0  # words[first:] contain no sentence punctuation
    for index in range(len(words) - 1, -1, -1):
        token = line[words[index][0] : words[index][1]]
        if index < len(words) - 1 and (token[-1] in ".,;:!?" or token in ("-", "–", "—", "*", "•")):
            first = index + 1
            break
    if not words:
        return None
    at_boundary = first > 0 or words[0][0] == 0
    for index in range(first, len(words)):
        span = (words[index][0], words[-1][1])
        label = line[span[0] : span[1]]
        if not label[:1].isupper():
            continue
        count = len(words) - index
        if dash and count < 2:
            return None
        known = _canonical(label, loose=True)
        if known is None:
            continue
        names = _normalise_name(label).split()
        if (
            all(word in _HEADING_WORDS for word in names)
            or (index == first and at_boundary and not dash and _BOUNDARY_LABEL.search(" ".join(names)))
            or (names[:1] == ["about"] and count <= 6)
        ):
            return span
    return None


# --------------------------------------------------------------------------- structure


@dataclass(slots=True)
class _Block:
    """The lines under one heading; the preamble (``name`` "") holds the lines before the first heading."""

    name: str
    list_style: bool = False
    is_section: bool = False
    lines: list[_Line] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)


@dataclass(slots=True)
class _Structure:
    fields: list[tuple[str, str]]
    title_line: str
    blocks: list[_Block]


def _read_structure(text: str) -> _Structure:
    fields: list[tuple[str, str]] = []
    title_line = ""
    blocks = [_Block(name="")]
    in_header = True  # header fields only count before the first heading or label
    previous = ""  # the last line with text
    seen_text = False
    for raw in text.split("\n"):
        if not seen_text and _GREETING.match(raw.strip()):
            continue  # ``greeting_is_no_title``: "Hi all," opens a message, it names no job
        first = not seen_text and bool(raw.strip())
        line = _classify(raw, in_header=in_header, first=first)
        # ``explicit_heading_is_no_wrap``: a Markdown heading, or a line after a blank one, starts afresh
        if (
            line.kind == "heading"
            and line.name not in _SECTION_ALIASES
            and not _MD_HEADING.match(raw.strip())
            and _ends_unfinished(previous)
        ):
            line = _Line(
                "prose", text=_plain(raw.strip())
            )  # "… pivot tables and" / "VLOOKUP": a wrapped line
        previous = raw if line.kind != "blank" else ""
        if line.kind == "blank":
            blocks[-1].lines.append(line)
            blocks[-1].raw.append("")
            continue
        seen_text = True
        if (
            first
            and line.kind in ("title", "prose")
            and len(line.text) < TITLE_MAX_CHARS
            and not _states_a_need(line.text)
        ):
            title_line = line.text
            continue
        if line.kind == "title":  # a long "title": keep it as text
            line = _Line("prose", text=line.text)
        if line.kind == "field":
            fields.append((line.name, line.text))
            continue
        if line.kind == "heading":
            in_header = False
            block = _Block(name=line.name, list_style=line.list_style, is_section=True)
            if line.text:
                block.lines.append(_Line("prose", text=line.text))
                block.raw.append(line.text)
            blocks.append(block)
            continue
        if line.kind == "label":
            in_header = False
        blocks[-1].lines.append(line)
        blocks[-1].raw.append(raw.strip())
    return _Structure(fields=fields, title_line=title_line, blocks=blocks)


# ``signature_ends_the_posting``: a message's closing ("Thanks!", "Best regards,") ends what it asks for; the
# name and job title under it are the sender's, never requirements.
_CLOSING = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?:thanks|thank\s+you|many\s+thanks|thanks\s+(?:so\s+much|a\s+lot|again|in\s+advance)"
    r"|best|best\s+regards|best\s+wishes|all\s+the\s+best|regards|kind\s+regards|warm\s+regards"
    r"|warmly|cheers|sincerely|talk\s+soon)\s*[,.!]*\s*$",
    re.IGNORECASE,
)
_CLOSING_MIN_LINE = 2  # a closing on one of the first lines is no sign-off ("Thanks for reading: …")
# ``how_to_reply_closes``: an e-mail that ends "Please reply to this e-mail with your resume …" above the
# sender's name closes with that sentence as it would with "Thanks,"
_REPLY_CLOSING = re.compile(
    r"(?:^|(?<=[.!?])\s+)(?:(?:please|kindly)\s+|to\s+apply,?\s+|if\b[^.!?]{0,60},\s*)?"
    r"(?:reply|respond|apply|send|e-?mail|forward)\b[^.!?]*[.!?]?\s*$",
    re.IGNORECASE,
)


_SIGNATURE_MAX_LINES = 5  # a sign-off is followed by a name, a title, a phone number at most
_SIGNATURE_LINE_MAX = 60


def _without_signature(text: str) -> str:
    """The text before a closing that only a signature follows (a few short lines: no bullet, heading or
    field), so that "Thanks!" at the top of a forwarded posting keeps the posting below it."""
    lines = text.split("\n")
    seen = 0
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        closing = _CLOSING.search(line) if len(line) < TITLE_MAX_CHARS * 3 else None
        if closing is None:
            closing = _REPLY_CLOSING.search(line)
        if closing is not None and seen > _CLOSING_MIN_LINE and _only_a_signature(lines[number + 1 :]):
            return "\n".join([*lines[:number], line[: closing.start()]])
    return text


def _only_a_signature(lines: list[str]) -> bool:
    rest = [line.strip() for line in lines if line.strip()]
    return len(rest) <= _SIGNATURE_MAX_LINES and all(
        len(line) <= _SIGNATURE_LINE_MAX and not _LEADING_MARKER.match(line) and not line.endswith(":")
        for line in rest
    )


def _states_a_need(text: str) -> bool:
    """``sentence_is_no_title``: a first line that is a sentence asking for something ("Must have 2+ years of
    welding experience.") is the posting's first requirement, not its title."""
    return text.rstrip().endswith((".", "!")) and bool(_REQUIREMENT_LIKE.search(text))


def _is_empty_body(text: str) -> bool:
    return _plain(text).rstrip(".").strip().lower() in _EMPTY_BODIES


def _section_text(block: _Block) -> str:
    text = "\n".join(block.raw).strip()
    return "" if _is_empty_body(text) else text


def _with_fallback_fields(
    fields: list[tuple[str, str]], title_line: str, path: str, text: str = ""
) -> tuple[tuple[str, str], ...]:
    keys = {key.lower() for key, _ in fields}
    extra: list[tuple[str, str]] = []
    if "title" not in keys:
        title = next((value for key, value in fields if key.lower() in _TITLE_KEYS), title_line)
        if not title:
            # ``subject_names_the_job``: a posting sent as an e-mail names the job in its subject line
            subject = next((value for key, value in fields if key.lower() in _SUBJECT_KEYS), "")
            subject = _REPLY_PREFIX.sub("", subject).strip()
            subject = (subject[:-120] + _SUBJECT_CLUTTER.sub("", subject[-120:])).strip()
            announced = _announced_title(text)
            title = subject if names_a_job(subject) or not announced else announced
        elif not names_a_job(title):
            title = _header_title(text) or title  # ``header_line_names_the_job``
        if title:
            extra.append(("Title", title))
    if "job id" not in keys and path:
        stem = Path(path).stem
        if stem:
            extra.append(("Job ID", stem))
    return (*extra, *fields)


# ``subject_clutter``: "Aircraft Maintenance Technician opening (night shift)", "Line Cook needed - ASAP":
# what a subject line says about the opening is not the job's title
_SUBJECT_CLUTTER = re.compile(
    r"(?:\s*(?:\([^()]*\)|\[[^\[\]]*\]|[-–—|:]\s*(?:asap|urgent|immediate\w*|new|hiring)\b|\b(?:opening|openings"
    r"|position|vacancy|needed|wanted|opportunity|req(?:uest)?|asap|urgent)\b))+\s*[!.]*\s*$",
    re.IGNORECASE,
)


# ``announced_title``: a posting with no title line names the job in a sentence ("We've got an opening for a
# Licensed Practical Nurse on our wing", "We need a line cook with 2+ years …"): the words after the
# announcement, up to a preposition or a clause, are the title when the occupations vocabulary knows them.
_ANNOUNCED = re.compile(
    r"\b(?:(?:opening|vacancy|position|role|job)\s+for|hiring|looking\s+for|need|seeking|recruiting)"
    r"\s+(?:an?\s+)?(?:new\s+|experienced\s+|full[\s-]time\s+|part[\s-]time\s+)?"
    r"(?P<title>[A-Za-z][\w'/-]*(?:\s+[A-Za-z][\w'/-]*){0,4}?)"
    r"(?=\s+(?:on|at|in|with|who|to|for|that|and|from|starting|asap)\b|\s*[,.;:!?()]|\s*$)",
    re.IGNORECASE,
)
_ANNOUNCED_WINDOW = 2000  # characters of the posting's start where the job is announced


_HEADER_LINES = 8  # the posting's first lines, where a title below the employer's name stands


def _header_title(text: str) -> str:
    """``header_line_names_the_job``: "Riverside Unified School District / Position Announcement #2024-117 /
    Elementary School Teacher (Grades K-5)": when the first line names no job, a later short line of the
    header that does is the title (a line with a colon is a field, a sentence is prose)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()][1:_HEADER_LINES]
    for line in lines:
        if line.endswith(":") or _markup_heading(line) is not None:
            break  # the header ends at the first heading
        if ":" in line or line.endswith((".", "!", "?")) or len(line) >= TITLE_MAX_CHARS:
            continue
        if _LEADING_MARKER.match(line):
            continue  # a bullet is an item, not a title
        plain = _plain(line)
        if names_a_job(plain):
            return plain
    return ""


def _announced_title(text: str) -> str:
    for match in _ANNOUNCED.finditer(text[:_ANNOUNCED_WINDOW]):
        title = match.group("title").strip()
        if names_a_job(title):
            return title
    return ""


# --------------------------------------------------------------------------- requirement items


@dataclass(frozen=True, slots=True)
class _Item:
    text: str
    kind: RequirementKind
    notes: tuple[str, ...] = ()
    source: str = ""  # "skills" for a SKILLS-list keyword


@dataclass(slots=True)
class _Unit:
    """A bullet, a label line or a run of prose lines (wrapped lines joined)."""

    kind: _LineKind
    parts: list[str]
    name: str = ""
    list_style: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.parts)


def _units(block: _Block) -> list[_Unit]:
    units: list[_Unit] = []
    open_unit = False  # a blank line closes the previous bullet/paragraph
    for line in block.lines:
        if line.kind == "blank":
            open_unit = False
            continue
        # Wrapped lines: a lower-case start, or an indented line under a bullet.
        continues = open_unit and (
            line.text[:1].islower()
            or (line.indented and units[-1].kind == "bullet")
            or _ends_unfinished(units[-1].parts[-1])
        )
        if line.kind == "prose" and continues and units[-1].kind in ("bullet", "prose"):
            units[-1].parts.append(line.text)  # joined once, at the end: no quadratic re-copying
            continue
        units.append(_Unit(line.kind, [line.text], line.name, line.list_style))
        open_unit = True
    return units


def _ends_unfinished(text: str) -> bool:
    """A line cut mid-phrase (PDF and e-mail wrapping): it ends in a comma or a word that binds the next."""
    stripped = text.rstrip()
    if stripped.endswith(","):
        return True
    words = stripped.lower().split()[-2:]
    if words[-1:] == ["plus"] and words[0] in ("a", "big", "huge", "definite", "strong"):
        return False  # "… certification is a plus": the phrase is finished
    return bool(words) and words[-1] in _WRAP_WORDS


_ADDRESSED = re.compile(
    r"\s*(?:(?:you|candidates?|applicants?|the\s+(?:ideal|successful|right)\s+(?:candidate|applicant|person))\s+"
    r"(?:should|must|will\s+need|need|needs|have\s+to|has\s+to|are\s+required\s+to)\b"
    r"|you(?:'|\u2019)ll\s+need\b|we\s+need\s+(?:someone|a\s+candidate|a\s+person)\b"
    r"|we(?:'re|\u2019re|\s+are)\s+looking\s+for\s+(?:someone|a\s+candidate|a\s+person)\s+(?:with|who)\b)",
    re.IGNORECASE,
)
# what such a sentence asks for: years, experience, knowledge, a licence or certificate, an ability
_STRONG_ASK = re.compile(
    rf"{_COUNT}(?:years?|yrs)\b|\bexperience\b"
    r"|\bknowledge\b|\blicen[cs]e|\bcertifi|\bdegree\b|\bdiploma\b|\bbe\s+able\s+to\b|\bproficien|\bfluen",
    re.IGNORECASE,
)
# "Candidates should submit a resume describing their experience", "You should expect to gain 2 years of …"
_NOT_AN_ASK = re.compile(
    r"\b(?:submit|upload|include|attach|apply|application|gain|learn|not\s+required|no\s+experience)\b",
    re.IGNORECASE,
)
_NOT_REQUIREMENT_SECTIONS = frozenset(
    {"RESPONSIBILITIES", "BENEFITS", "COMPANY", "APPLY", "LEGAL", "DETAILS"}
)


def _requirement_items(blocks: list[_Block]) -> list[_Item]:
    """Items in posting order; requirement-like sentences elsewhere only if no requirement section has any.

    Bounded work whatever the text: a unit's repeated clauses are typed once, and reading stops as soon
    as more than MAX_REQUIREMENTS different items are found (the posting is then refused anyway).
    """
    found: list[tuple[_Item, bool]] = []  # (item, from the fallback)
    from_sections = 0
    distinct: dict[bool, set[str]] = {False: set(), True: set()}  # by fallback: the items' keys so far

    def add(items: Sequence[_Item], fallback: bool) -> None:
        if len(distinct[fallback]) > MAX_REQUIREMENTS:
            return  # too many already: refused below (fallback items are also dropped by any section's)
        found.extend((item, fallback) for item in items)
        distinct[fallback].update(item.text.casefold() for item in items)

    for block in blocks:
        if len(distinct[False]) > MAX_REQUIREMENTS:
            break
        in_requirements = block.name in _REQUIREMENT_SECTIONS
        source = "skills" if block.name == "SKILLS" else ""
        listing = listing_preferred = False  # bullets under a requirement lead-in outside a section
        for unit in _units(block):
            if len(distinct[False]) > MAX_REQUIREMENTS:
                break
            text = unit.text
            if _is_empty_body(text):
                continue
            if unit.kind == "label":
                preferred = unit.name == "PREFERRED"
                label_source = "skills" if unit.name == "SKILLS" else ""
                add(_items_of(text, unit.list_style, preferred, source=label_source), False)
            elif in_requirements and unit.kind in ("bullet", "prose"):
                preferred = block.name == "PREFERRED"
                list_style = block.list_style or block.name == "SKILLS"
                section_items: Sequence[_Item]
                if unit.kind == "bullet" and not (list_style and _keyword_list(text)):
                    section_items = _clause_items(text, preferred=preferred, source=source)
                else:
                    section_items = _items_of(text, list_style, preferred, source=source)
                add(section_items, False)
                from_sections += len(section_items)
            elif unit.kind == "leadin":
                listing = bool(_REQUIREMENT_LEADIN.search(text))
                listing_preferred = bool(_PREFERRED_WORDS.search(text))
            elif unit.kind == "bullet" and listing:
                add(_clause_items(text, preferred=listing_preferred), True)
            elif unit.kind in ("bullet", "prose"):
                listing = False
                for sentence in _sentences(text):
                    if _ELIGIBILITY.search(sentence):  # legal text states eligibility: keep it in any case
                        add(_clause_items(sentence, preferred=False), False)
                    elif (
                        _ADDRESSED.match(sentence)
                        and _STRONG_ASK.search(sentence)
                        and not _NOT_AN_ASK.search(sentence)
                        and block.name not in _NOT_REQUIREMENT_SECTIONS
                    ):
                        # ``addressed_requirement``: an e-mail's paragraph before its list ("You should have
                        # at least 4 years of commercial experience …", "You need to be able to bend EMT")
                        # states requirements beside the list's
                        add(_clause_items(sentence, preferred=False), False)
                    elif _REQUIREMENT_LIKE.search(sentence):
                        # ``unknown_section_states_its_kind``: under a heading of no known kind ("The fine
                        # print"), a line that says it is required or preferred is a requirement beside
                        # the requirement sections' ("Current CPR/BLS certification required")
                        # (and so does a paragraph under no heading at all, an e-mail's "Figma is a plus. A
                        # portfolio is required.")
                        says_kind = _REQUIRED_WORD.search(sentence) or _PREFERRED_WORDS.search(sentence)
                        unknown = not block.is_section or block.name not in _SECTION_ALIASES
                        # ``a_condition_listed_is_asked``: a bullet of the job's conditions ("Physical
                        # requirements", "Schedule & Work Environment") that asks ("Must be available to work
                        # Saturdays", "Valid driver's license") is asked at the screen; their prose is not
                        listed = block.name == "DETAILS" and unit.kind == "bullet"
                        add(_clause_items(sentence, preferred=False), not ((unknown and says_kind) or listed))
    items: list[_Item] = []
    seen: set[str] = set()
    for item, fallback in found:
        key = item.text.casefold()
        if not item.text or (fallback and from_sections) or key in seen:
            continue
        seen.add(key)
        items.append(item)
    if len(items) > MAX_REQUIREMENTS:
        counted = f"more than {MAX_REQUIREMENTS}" if _stopped(distinct) else f"{len(items):,}"
        raise PostingError(
            f"the posting lists {counted} requirements; at most {MAX_REQUIREMENTS} are read "
            "— is this a job posting? Trim it to the requirements that matter"
        )
    return items


def _stopped(distinct: dict[bool, set[str]]) -> bool:
    return any(len(keys) > MAX_REQUIREMENTS for keys in distinct.values())


def _items_of(text: str, list_style: bool, preferred: bool, *, source: str = "") -> list[_Item]:
    """Items of a prose unit: a comma list of keywords (list style), else one per sentence and clause."""
    if list_style:
        parts = _list_parts(text)
        if parts is not None:
            return _distinct_items(
                (_clause_item(part, preferred, source) for part in dict.fromkeys(parts)), []
            )
    items: list[_Item] = []
    for sentence in dict.fromkeys(_sentences(_bullet_heads(text))):
        items = _distinct_items(_clause_items(sentence, preferred, source=source), items)
        if len(items) > MAX_REQUIREMENTS:
            break
    return items


def _bullet_heads(text: str) -> str:
    """``bullet_explanation``: in a run of inline bullets ("- Versatility We don't have a large team.
    Successful candidates are not afraid …"), the sentences after a bullet's first explain it; they are
    kept only when they state a requirement themselves ("5+ years …", "must …")."""
    marks = list(_INLINE_BULLET.finditer(text))
    if not 2 <= len(marks) <= MAX_REQUIREMENTS:
        return text  # more bullets than a posting may hold: refused later, so no work spent here
    # The text before the first marker is a bullet too when a label took its marker ("What You Need -").
    bounds = [(0, 0), *((m.start(), m.end()) for m in marks)]
    pieces = []
    for k, (start, body) in enumerate(bounds):
        end = bounds[k + 1][0] if k + 1 < len(bounds) else len(text)
        sentences = _sentences(text[body:end])
        kept = sentences[:1] + [x for x in sentences[1:] if _REQUIREMENT_LIKE.search(x)]
        pieces.append(text[start:body] + " ".join(kept))
    return "".join(pieces)


@lru_cache(maxsize=1024)
def _clause_items(text: str, preferred: bool, *, source: str = "") -> tuple[_Item, ...]:
    """The items of one sentence's clauses: each different clause typed once, and no more than one past
    MAX_REQUIREMENTS different items (what follows would be refused with them). Cached: a posting that
    repeats one bullet 100,000 times splits it once."""
    return tuple(
        _distinct_items(
            (_clause_item(_bounded(whole), preferred, source) for whole in dict.fromkeys(_clauses(text))), []
        )
    )


def _distinct_items(candidates: Iterable[_Item | None], items: list[_Item]) -> list[_Item]:
    """``items`` extended by the candidates with text not among them yet, stopping one past the maximum."""
    seen = {item.text.casefold() for item in items}
    for item in candidates:
        if len(seen) > MAX_REQUIREMENTS:
            break
        if item is None or not item.text or item.text.casefold() in seen:
            continue
        seen.add(item.text.casefold())
        items.append(item)
    return items


# ``heading_word_is_no_item``: a bullet that is only a word for a group of bullets ("Skills", "Background",
# "Required", "Nice to have") heads the items below it (a Word list's first level); it asks for nothing
_HEADING_WORD = re.compile(
    r"^\W*(?:skills?|background|required|preferred|requirements?|qualifications?|experience|education|"
    r"certifications?|licen[cs]es?|languages?|other|general|must[ -]haves?|nice[ -]to[ -]haves?|"
    r"bonus|extras?|technical|soft\s+skills)\W*$",
    re.IGNORECASE,
)


def _clause_item(clause: str, preferred: bool, source: str) -> _Item | None:
    if _is_not_requirement(clause) or _HEADING_WORD.match(clause):
        return None
    return _item(clause, preferred=preferred, source=source)


def _bounded(text: str) -> str:
    """An item no longer than ITEM_MAX_CHARS: longer is run-on text nobody reads as one requirement."""
    if len(text) <= ITEM_MAX_CHARS:
        return text
    cut = text.rfind(" ", 0, ITEM_MAX_CHARS)
    return text[: cut if cut > 0 else ITEM_MAX_CHARS].rstrip() + " …"


def _is_not_requirement(text: str) -> bool:
    """Pay, benefits, legal, application or company text (named _NOT_REQUIREMENT / _COMPANY_VOICE)."""
    if _NOT_REQUIREMENT.search(text):
        return True
    return bool(_COMPANY_VOICE.match(text)) and not _REQUIREMENT_LIKE.search(text)


def _item(text: str, *, preferred: bool, source: str = "") -> _Item:
    cleaned = _SPACES.sub(" ", text).strip().strip(",;").strip()
    if not any(ch.isalnum() for ch in cleaned) or _is_empty_body(cleaned):
        cleaned = ""
    kind, notes = _kind_and_notes(cleaned, preferred=preferred)
    return _Item(cleaned, kind, notes, source)


def _kind_and_notes(text: str, *, preferred: bool) -> tuple[RequirementKind, tuple[str, ...]]:
    """Required or preferred from the section and the wording; a preference inside a required item is a note.

    "(BSN preferred)" and ", ideally in med-surg" qualify a required item; "Master's degree preferred",
    "… is a plus", "Ideally you know Shopify" make the item preferred.
    """
    notes: list[str] = []
    marker = _KIND_MARKER.search(text)  # "Customer service: 1 year (Preferred)": the whole item's kind
    if marker:
        preferred = preferred or not marker.group(1).lower().startswith("req")
        text = text[: marker.start()]
    rest = text
    for match in _PAREN_PREFERENCE.finditer(text):
        notes.append(match.group(1).strip())
    if notes:
        rest = _PAREN_PREFERENCE.sub("", rest)
    qualifier = _QUALIFIER_PREFERENCE.search(rest)
    if qualifier and len(rest[: qualifier.start()].split()) >= _QUALIFIER_MIN_WORDS:
        notes.append(qualifier.group(1).strip().rstrip(".").strip())
        rest = rest[: qualifier.start()] + rest[qualifier.end() :]
    trailing = _TRAILING_PREFERENCE.search(rest)
    if trailing and not preferred and len(rest[: trailing.start()].split()) >= _TRAILING_MIN_WORDS:
        before = rest[: trailing.start()]
        # not the end of a list ("Exercise Science, Kinesiology or a related field preferred" prefers it all),
        # and something more than the preference itself (", preferred" and ", a plus" prefer the whole item)
        content = _PREFERRED_WORDS.sub(" ", _PREFERENCE_ADVERBS.sub(" ", trailing.group(1)))
        if (
            not _PREFERRED_WORDS.search(before)
            and (
                not re.search(r"\b(?:or|and)\b", trailing.group(1), re.I)
                or _ENDS_A_REQUIREMENT.search(before) is not None
            )
            and re.search(r"[^\W\d_]{2,}", content)
        ):
            notes.append(trailing.group(1).strip())
            rest = before
    is_preferred = preferred or bool(_PREFERRED_WORDS.search(rest))
    return (RequirementKind.PREFERRED if is_preferred else RequirementKind.REQUIRED), tuple(notes)


def _protected(text: str) -> bytearray:
    """1 where a character lies inside a bracket pair (at most _BRACKET_SPAN_MAX long); else 0."""
    inside = bytearray(len(text))
    stack: list[int] = []
    for index, ch in enumerate(text):
        if ch in "([{":
            stack.append(index)
        elif ch in ")]}" and stack:
            start = stack.pop()
            if index - start <= _BRACKET_SPAN_MAX:
                inside[start : index + 1] = b"\x01" * (index + 1 - start)
    return inside


def _word_before(text: str, index: int) -> str:
    start = text.rfind(" ", max(0, index - _TOKEN_BEFORE_MAX), index)
    return text[start + 1 : index].strip()


def _clauses(text: str) -> list[str]:
    """Split one sentence into the requirements it states (inline bullets, run-on clauses, compounds).

    Linear in the length of the text: every split point is found by one regex scan, and checked by looking a
    bounded distance around it.
    """
    inside = _protected(text)
    cuts: set[tuple[int, int]] = set()
    bullets = [m for m in _INLINE_BULLET.finditer(text) if not inside[m.start()]]
    for match in bullets:
        # ``one_dash_explains``: a single dash inside an item before a lower-case word ("Clean MVR - no more
        # than 2 moving violations in the past 3 years", "… packages — you'll have monthly sales goals")
        # explains it; in a run of bullets, or before a capital or a requirement of its own, it opens an item
        if len(bullets) == 1 and match.start() > 0:
            rest = text[match.end() :]  # one dash only: a run of bullets is never sliced per bullet
            if _KIND_ONLY.match(rest) or _KEPT_CURRENT.match(rest):
                continue  # "Excel - preferred", "… - must be current": the item's own kind or upkeep
            if EXAMPLE_NAMES.match(rest[:EXAMPLES_MAX_CHARS]):
                continue  # ``dash_before_examples``: "… health record – Epic, athenahealth or similar"
            if (
                rest[:1].islower()
                and not _REQUIREMENT_LIKE.match(rest)
                and not _PREFERRED_WORDS.search(rest)  # "… - high volume preferred": two kinds, two items
            ):
                continue
        cuts.add((match.start(), match.end()))
    for count, match in enumerate(_SEMICOLON.finditer(text)):
        before = text[max(0, match.start() - 80) : match.start()].rsplit(";", 1)[-1]
        after = text[match.end() : match.end() + 80].split(";", 1)[0]
        # ``required_then_preferred``: "BSN required; MSN a plus" asks for two things of two kinds
        kinds_differ = bool(_REQUIRED_WORD.search(before)) and bool(_PREFERRED_WORDS.search(after))
        long_enough = (
            len(before.split()) >= _SEMICOLON_MIN_WORDS
            and len(text[match.end() : match.end() + 80].split(maxsplit=_SEMICOLON_MIN_WORDS))
            >= _SEMICOLON_MIN_WORDS
        )
        # (past as many semicolons as a posting may hold requirements, each cuts: it will be refused anyway)
        one_ask = long_enough and (
            _explains(after) or (count <= MAX_REQUIREMENTS and _qualities(before, after))
        )
        if not inside[match.start()] and (kinds_differ or (long_enough and not one_ask)):
            cuts.add((match.start(), match.end()))
    for match in _COMPOUND.finditer(text):
        if not inside[match.start()]:
            cuts.add((match.start(), match.end()))
    for match in _NOUN_CUE.finditer(text):
        before = _word_before(text, match.start())
        if (
            not inside[match.start()]
            and before[:1].islower()
            and before.lower() not in _BINDING_WORDS | _LEAD_WORDS | _TIME_UNITS
        ):
            cuts.add((match.start(), match.end()))
    fixed = sorted(cuts)
    next_fixed = 0  # fixed[next_fixed:] lie after the cue (an index: popping the front would be quadratic)
    last_end = 0  # where the clause before the current cue starts
    for match in _CLAUSE_CUE.finditer(text):
        while next_fixed < len(fixed) and fixed[next_fixed][1] <= match.start():
            last_end = max(last_end, fixed[next_fixed][1])
            next_fixed += 1
        if inside[match.start()] or not _opens_clause(text, match.start(), match.end()):
            continue
        if _is_short_label(text[last_end : match.start()]):
            continue  # "Medical office: 1 year", "Languages: Comfortable …": the label names what follows
        cuts.add((match.start(), match.end()))
        last_end = match.end()
    if not cuts:
        return [_LEADING_MARKER.sub("", text.strip())]
    parts: list[str] = []
    start = 0
    for cut_start, cut_end in sorted(cuts):
        if cut_start < start:
            continue
        parts.append(text[start:cut_start])
        start = cut_end
    parts.append(text[start:])
    clauses = [_LEADING_MARKER.sub("", part.strip()).strip() for part in parts]
    return [clause for clause in clauses if any(ch.isalnum() for ch in clause)]


def _is_short_label(text: str) -> bool:
    """A clause so far that is only a label: at most _LABEL_CLAUSE_WORDS words ending in a colon."""
    stripped = text.rstrip()
    return stripped.endswith(":") and len(stripped.split()) <= _LABEL_CLAUSE_WORDS


def _opens_clause(text: str, start: int, end: int) -> bool:
    """Whether the cue word at ``end`` starts a new requirement (see _BINDING_WORDS, _AFTER_NAME_CUE)."""
    before = _word_before(text, start)
    if not before or before.lower().rstrip(",") in _BINDING_WORDS:
        return False
    word = text[end : end + 12].split(maxsplit=1)[0] if text[end : end + 1].strip() else ""
    if word in _OPENER_CUES:
        return True
    if word.lower() in _AWARD_CUES and before.lower() in _LEVEL_WORDS:
        return False  # ``level_names_its_degree``: "Associate Degree in Nursing" is one award
    if (
        before[:1].isupper()
        and not before.endswith((".", ")", "+", ":"))
        and not text[end : end + 1].isdigit()
    ):
        return bool(_AFTER_NAME_CUE.match(text, end, min(len(text), end + 60)))
    return True


def _split_outside_brackets(text: str, separators: str) -> list[str]:
    parts: list[str] = []
    depth = 0
    start = 0
    for index, ch in enumerate(text):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth = max(0, depth - 1)
        elif ch in separators and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [part.strip() for part in parts]


# ``sentence_bullet_in_a_list_section``: under "Must have:" a bullet that is a sentence ("Availability to work
# early mornings, evenings and weekends") is one requirement whose commas list its objects; a bullet of
# names ("Python, Django, Docker") is a keyword list, an item per name.
_KEYWORD_WORDS = 3


def _keyword_list(text: str) -> bool:
    parts = _list_parts(text)
    return parts is not None and all(len(part.split()) <= _KEYWORD_WORDS for part in parts)


def _list_parts(text: str) -> list[str] | None:
    """'Python, Django or FastAPI, Docker.' -> ['Python', 'Django or FastAPI', 'Docker']; None if not a list.

    A list is short entries (<= 6 words) with no sentence break. "a, b, or c" stays one item: the "or"
    makes the entries alternatives of each other, not separate requirements.
    """
    body = text.strip().rstrip(".").strip()
    if len(_sentences(body)) > 1 or len(_clauses(body)) > 1:
        return None
    if _NAME_THEN_DASH.match(body):
        return [body]  # ``one_dash_explains``: "Active Directory - password resets, unlocking accounts"
    parts = [part for part in _split_outside_brackets(body, ",;") if part]
    if not parts or any(len(part.split()) > 6 for part in parts):
        return None
    if len(parts) > 1 and (parts[-1].lower().startswith("or ") or _OR_THE_KIND.search(parts[-1])):
        # "a, b, or c"; "Kinesiology, Exercise Science or related field", "NASM-CPT, ACE-CPT or equivalent
        # certification": the last part makes the list alternatives of one thing
        return [body]
    # ``part_that_qualifies``: "Fluent English, written and spoken", "Strong SQL, including window
    # functions": a part opened by a word that qualifies what precedes it is no item of its own
    joined: list[str] = []
    for part in parts:
        first = part.split(maxsplit=1)[0].lower()
        qualifies = first in _QUALIFYING_LEAD and not _PREFERRED_WORDS.search(part)
        if first in _MODE_WORDS:
            # "written and spoken" qualifies the part before; "written communication" is an item of its own
            words = {w.lower() for w in re.findall(r"[A-Za-z]+", re.sub(r"\([^()]*\)", " ", part))}
            qualifies = words <= _MODE_WORDS | {"and", "or", "both"}
        if joined and qualifies:
            joined[-1] = f"{joined[-1]}, {part}"
        else:
            joined.append(part)
    return [re.sub(r"^and\s+", "", part, flags=re.IGNORECASE) for part in joined]


_OR_THE_KIND = re.compile(r"\bor\s+(?:an?\s+|any\s+)?(?:related|similar|equivalent|comparable|other)\b", re.I)
_KIND_ONLY = re.compile(
    r"\W*(?:required|preferred|a\s+plus|(?:is\s+)?a\s+must|nice[\s-]to[\s-]have|optional|desired|bonus)"
    r"(?:\W+no\s+exceptions?|\W+(?:absolutely|strictly|without\s+exception))?\W*$",
    re.IGNORECASE,
)
# ``kept_current_is_a_note``: "ServSafe Manager Certification - must be current, or obtained within 30 days of
# hire": how the item is held, said after a dash, is no requirement of its own
_KEPT_CURRENT = re.compile(KEPT_CURRENT, re.IGNORECASE)
_NAME_THEN_DASH = re.compile(r"[^,;\-–—]{1,40}?\s[-–—]\s+[a-z]")
_MODE_WORDS = frozenset({"written", "spoken", "verbal", "oral"})
_QUALIFYING_LEAD = _terms(
    "including; incl.; especially; particularly; preferably; ideally; written; spoken; verbal; oral; both; "
    "with; without; i.e.; e.g.; mainly; mostly; primarily"
)


# ``you_clause_explains``: "Clear, calm and caring communicator; you can explain a care plan to a worried
# patient" tells the reader what the ask means in the job: a clause after a semicolon that addresses the
# reader ("you can", "you will", "you'll") explains the item before it, unless it asks again ("you must
# hold", "you will need 2 years of …").
_YOU_EXPLAIN = re.compile(
    r"you(?:\s+(?:can|will|would|could|may|are|know|enjoy|like|love)|(?:'|\u2019)(?:ll|re))\b", re.I
)


def _explains(clause: str) -> bool:
    return (
        bool(_YOU_EXPLAIN.match(clause)) and not _ADDRESSED.match(clause) and not _STRONG_ASK.search(clause)
    )


def _qualities(before: str, after: str) -> bool:
    """``qualities_are_one_ask``: "Strong interpersonal and communication skills; able to stay calm and keep
    confidences" lists the qualities of one person in one item: two soft skills either side of a semicolon
    are one requirement, as the writer wrote them (two asks of other kinds are two)."""
    return _a_quality(after) and _a_quality(before)


@lru_cache(maxsize=4096)
def _a_quality(clause: str) -> bool:
    """Whether a clause asks for a soft skill (memoised: a hostile posting repeats one clause thousands of
    times)."""
    return classify(clause)[0] is Category.SOFT_SKILL


def _sentences(text: str) -> list[str]:
    """Split prose into sentences; "B.S.", "e.g.", "i.e.", "etc.", "U.S." and initials do not end one.

    Linear: each candidate end looks back at most _TOKEN_BEFORE_MAX characters for its abbreviation.
    """
    sentences: list[str] = []
    for piece in _GLUED_SENTENCE.split(text):
        start = 0
        for match in _SENTENCE_END.finditer(piece):
            token = _word_before(piece, match.start()).lstrip("\"'‘“([") + "."
            # "etc." ends a list, and its sentence when a capital follows ("…, SSL, etc. Relational …")
            list_end = token.lower() == "etc." and piece[match.end() : match.end() + 1].isupper()
            if not list_end and (token.lower() in _ABBREVIATIONS or _DOTTED_ABBREVIATION.fullmatch(token)):
                continue
            sentences.append(piece[start : match.end()].strip())
            start = match.end()
        sentences.append(piece[start:].strip())
    return [sentence for sentence in sentences if sentence]


def _alternatives(text: str) -> tuple[str, ...]:
    """Ways to meet a requirement: the named choices ("Django or FastAPI") and "equivalent experience"."""
    found: list[str] = []
    done = 0  # choices do not overlap: the next list starts after the previous choice
    for match in _OR_NAME.finditer(text):
        if match.start() < done:
            continue
        names_match = _NAME_LIST_END.search(text, max(done, match.start() - _NAME_LIST_WINDOW), match.start())
        if names_match is None:
            continue
        done = match.end()
        names = [*names_match.group(1).split(","), match.group(1)]
        choices = [name for name in (_strip_lead_words(name) for name in names) if name]
        if len(choices) >= 2:
            found.extend(choices)
    if _EQUIVALENT.search(text) and not school_equivalent(text):
        found.append("equivalent experience")
    return tuple(dict.fromkeys(found))


def _strip_lead_words(name: str) -> str:
    words = name.split()
    while words and words[0].lower() in _LEAD_WORDS:
        words.pop(0)
    return " ".join(words)


def _supports(requirements: list[Requirement]) -> list[Requirement]:
    """A SKILLS keyword supports the earlier requirements whose words already hold it (by word stems)."""
    out: list[Requirement] = []
    stems: list[tuple[str, frozenset[str]]] = []
    for req in requirements:
        words = frozenset(s for s, _, _ in tokens(req.text))
        if req.source == "skills":
            ids = tuple(rid for rid, held in stems if words and words <= held)
            out.append(replace(req, supports=ids))
        else:
            stems.append((req.id, words))
            out.append(req)
    return out
