"""Ranked results kept on disk while a run lasts, so memory stays flat however large the folder.

As Python objects a scored résumé takes about 27 KB (every requirement with its evidence); a folder of
20,000 would hold half a gigabyte in the main process. The batch instead keeps each result as its packed
blob (compressed JSON, see :mod:`jobmatch.codec`, a few KB) in an unnamed temporary file in jobmatch's
cache folder, and in memory only its score, name and place in that file. :class:`RankedResults` reads a
candidate back when a renderer asks for it, in rank order.

The temporary file is created with mode 0600 and unlinked at once, so no other user can read it and
nothing is left behind, even after a crash. Where the cache folder cannot be written, the blobs stay in
memory: still several times smaller than the objects.
"""

from __future__ import annotations

import dataclasses
import operator
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, overload

from jobmatch.codec import unpack
from jobmatch.models import CandidateResult

if TYPE_CHECKING:
    from jobmatch.duplicates import Person

Place = tuple[int, int]  # (offset, length) in the file; (index, -1) in memory
# Results the run has already read back whole (a cached result is, to know it is usable) are kept as
# objects up to this many, so a warm run of a few hundred files unpacks each once, not twice; past it the
# store reads them back from their blobs (about 27 KB each as objects: 14 MB at most).
DECODED_KEPT = 512


class ResultStore:
    """Append-only storage for packed results: a temporary file, or memory when there is none."""

    def __init__(self, folder: Path | None) -> None:
        self._file: IO[bytes] | None = None
        self._memory: list[bytes] = []
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True, mode=0o700)
                # Open for the store's lifetime (until the ranking is rendered), closed by close() or GC.
                self._file = tempfile.TemporaryFile(dir=folder, prefix="jobmatch-run-")  # noqa: SIM115
            except OSError:
                self._file = None
        self._decoded: dict[Place, CandidateResult] = {}
        self._end = 0
        self._writable = True  # False once a write failed: what is in the file is still read from it

    @property
    def on_disk(self) -> bool:
        return self._file is not None

    def add(self, blob: bytes, decoded: CandidateResult | None = None) -> Place:
        """Store ``blob``; ``decoded`` is the result it holds, already read back, kept while there is room."""
        place = self._add(blob)
        if decoded is not None and len(self._decoded) < DECODED_KEPT:
            self._decoded[place] = decoded
        return place

    def decoded(self, place: Place) -> CandidateResult | None:
        return self._decoded.get(place)

    def _add(self, blob: bytes) -> Place:
        if self._file is not None and self._writable:
            try:
                self._file.seek(self._end)
                self._file.write(blob)
            except OSError:  # the disk filled up: this one and the rest stay in memory
                self._writable = False
            else:
                place = (self._end, len(blob))
                self._end += len(blob)
                return place
        self._memory.append(blob)
        return (len(self._memory) - 1, -1)

    def get(self, place: Place) -> bytes:
        start, length = place
        if length < 0:
            return self._memory[start]
        assert self._file is not None
        self._file.seek(start)
        return self._file.read(length)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        self._memory.clear()
        self._decoded.clear()


@dataclasses.dataclass(frozen=True, slots=True)
class Entry:
    """What the main process keeps of one result: enough to order it and to read it back."""

    score: float
    file: str  # the name shown for the file in this run
    place: Place
    name: str = ""  # the candidate's name and duplicate sketch (see duplicates.group), kept so that
    fingerprint: tuple[int, ...] = ()  # finding one person's files never reads a result back


def sort_key(entry: Entry) -> tuple[float, bytes]:
    """Score descending, ties broken by file name (as bytes: the same order on every platform)."""
    return (-entry.score, entry.file.encode("utf-8", "surrogateescape"))


class RankedResults(Sequence[CandidateResult]):
    """The candidates in rank order, read back from a :class:`ResultStore` one at a time."""

    def __init__(self, store: ResultStore, entries: Sequence[Entry]) -> None:
        self._store = store
        self._entries = sorted(entries, key=sort_key)
        self._duplicates: dict[int, tuple[str, ...]] = {}  # position -> the other files of that person

    def merged(self, groups: Sequence[Sequence[int]]) -> RankedResults:
        """The candidates with each group of positions (one person, in rank order) shown once: the first
        of the group, ranked among the rest, with the others' files as its ``duplicates``."""
        kept = RankedResults(self._store, ())
        kept._entries = [self._entries[group[0]] for group in groups]
        kept._entries.sort(key=sort_key)
        at = {id(entry): position for position, entry in enumerate(kept._entries)}
        for group in groups:
            if len(group) > 1:
                others = tuple(self._entries[i].file for i in group[1:])
                kept._duplicates[at[id(self._entries[group[0]])]] = others
        return kept

    def __len__(self) -> int:
        return len(self._entries)

    def people(self) -> list[Person]:
        """What grouping by person needs of every candidate, in rank order, without reading one back."""
        from jobmatch.duplicates import Person

        return [Person(entry.file, entry.name, entry.fingerprint) for entry in self._entries]

    def scores(self) -> list[tuple[str, float]]:
        """(file, score) of every candidate in rank order, without reading a result back."""
        return [(entry.file, entry.score) for entry in self._entries]

    @overload
    def __getitem__(self, index: int) -> CandidateResult: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[CandidateResult, ...]: ...

    def __getitem__(self, index: int | slice) -> CandidateResult | tuple[CandidateResult, ...]:
        if isinstance(index, slice):
            return tuple(self._load(i) for i in range(*index.indices(len(self._entries))))
        position = operator.index(index)
        if position < 0:
            position += len(self._entries)
        if not 0 <= position < len(self._entries):
            raise IndexError("candidate index out of range")
        return self._load(position)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RankedResults):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]  # mutable-looking container: compared by content

    def __iter__(self) -> Iterator[CandidateResult]:
        for position in range(len(self._entries)):
            yield self._load(position)

    def _load(self, position: int) -> CandidateResult:
        entry = self._entries[position]
        kept = self._store.decoded(entry.place)
        result = kept if kept is not None else load_result(self._store.get(entry.place), entry.file)
        return dataclasses.replace(result, rank=position + 1, duplicates=self._duplicates.get(position, ()))


def load_result(blob: bytes, shown: str) -> CandidateResult:
    """A packed result under the name this run shows for its file (the cache may have it under another)."""
    result = unpack(CandidateResult, blob)
    return dataclasses.replace(result, file=shown, document=dataclasses.replace(result.document, path=shown))
