"""Hashes of our own code and data, for cache keys: any change to how we read, parse or score a file
makes a new key, so nothing stale is ever served."""

from __future__ import annotations

import hashlib
from functools import cache
from importlib import resources

# What our code and knowledge are written in: the vocabularies of ``knowledge/`` are TOML, and a change to
# one (a new alias) changes scores as surely as a change to the code.
SOURCE_SUFFIXES = (".py", ".txt", ".json", ".toml")


def source_files(*parts: str) -> list[str]:
    """The names of the files under ``parts`` (package-relative) that the cache key is made from."""
    root = resources.files("jobmatch")
    names: list[str] = []
    for part in parts:
        node = root.joinpath(part)
        files = sorted(node.iterdir(), key=lambda n: n.name) if node.is_dir() else [node]
        names.extend(
            f"{part}/{item.name}" if node.is_dir() else part
            for item in files
            if item.name.endswith(SOURCE_SUFFIXES)
        )
    return names


@cache
def source_hash(*parts: str) -> str:
    """A hash of our own code and data: any change to how we read or score invalidates the cache."""
    digest = hashlib.blake2b(digest_size=12)
    root = resources.files("jobmatch")
    for name in source_files(*parts):
        digest.update(name.rsplit("/", 1)[-1].encode())
        digest.update(root.joinpath(name).read_bytes())
    return digest.hexdigest()


def posting_parser_version() -> str:
    """What turns a posting's text into typed requirements: the parser, the knowledge, matchers and
    section readers it uses (occupation titles, vocabularies), the models and the codec it is stored in."""
    return source_hash(
        "posting", "signals", "knowledge", "matching", "data", "models.py", "sanitize.py", "codec.py"
    )
