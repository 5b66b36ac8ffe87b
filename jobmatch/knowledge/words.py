"""Stop words and requirement boilerplate (``words.toml``): never evidence on their own."""

from __future__ import annotations

from functools import cache

from jobmatch.knowledge.vocabulary import read_toml

__all__ = [
    "activities",
    "generic_words",
    "idioms",
    "irregular_verbs",
    "ordinary_pairs",
    "people_nouns",
    "qualifiers",
    "serving_heads",
    "stop_words",
    "synonym_groups",
]


def _words(key: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in read_toml("words").get(key, []) if isinstance(w, str))


@cache
def stop_words() -> tuple[str, ...]:
    return _words("stop")


@cache
def generic_words() -> tuple[str, ...]:
    return _words("generic")


@cache
def idioms() -> tuple[str, ...]:
    return _words("idioms")


@cache
def activities() -> frozenset[str]:
    return frozenset(_words("activities"))


@cache
def attributive_plurals() -> frozenset[str]:
    return frozenset(_words("attributive_plurals"))


@cache
def activity_nouns() -> frozenset[str]:
    return frozenset(_words("activity_nouns"))


@cache
def activity_phrases() -> tuple[str, ...]:
    return _words("activity_phrases")


@cache
def british_spellings() -> dict[str, str]:
    """British spellings and the American ones they are (``british_spelling_is_the_word``)."""
    table = read_toml("words").get("british", {})
    return {str(k).lower(): str(v).lower() for k, v in table.items()} if isinstance(table, dict) else {}


@cache
def ordinary_pairs() -> frozenset[str]:
    return frozenset(_words("ordinary_pairs"))


@cache
def people_nouns() -> tuple[str, ...]:
    """Longest first, so that "team members" is taken before "team"."""
    return tuple(sorted(_words("people"), key=len, reverse=True))


@cache
def qualifiers() -> tuple[str, ...]:
    """Longest first, so that "full life cycle" is taken before "full cycle"."""
    return tuple(sorted(_words("qualifiers"), key=len, reverse=True))


@cache
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    groups = read_toml("words").get("synonyms", [])
    return tuple(tuple(str(w).lower() for w in g) for g in groups if isinstance(g, list))


@cache
def irregular_verbs() -> dict[str, str]:
    """Past forms of irregular verbs and the verb they are (``irregular_past_is_the_verb``)."""
    table = read_toml("words").get("irregular", {})
    return {str(k).lower(): str(v).lower() for k, v in table.items()} if isinstance(table, dict) else {}


@cache
def serving_heads() -> frozenset[str]:
    """The head nouns of a title that serves someone ("assistant" in "Assistant to the Controller")."""
    return frozenset(_words("serving"))


@cache
def rank_words() -> frozenset[str]:
    """A job title's rank words ("senior", "manager", "director"), which name no work of their own."""
    return frozenset(_words("ranks"))
