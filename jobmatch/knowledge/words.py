"""Stop words and requirement boilerplate (``words.toml``): never evidence on their own."""

from __future__ import annotations

from functools import cache

from jobmatch.knowledge.vocabulary import read_toml

__all__ = ["generic_words", "stop_words"]


def _words(key: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in read_toml("words").get(key, []) if isinstance(w, str))


@cache
def stop_words() -> tuple[str, ...]:
    return _words("stop")


@cache
def generic_words() -> tuple[str, ...]:
    return _words("generic")
