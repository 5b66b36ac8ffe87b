"""Dataclass <-> JSON-ready data, for the cache. JSON rather than pickle: a cache file is data, and
loading it must never run code."""

from __future__ import annotations

import dataclasses
import enum
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def encode(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: encode(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, enum.Enum):
        return obj.value
    if isinstance(obj, (tuple, list)):
        return [encode(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): encode(v) for k, v in obj.items()}
    return obj


@cache
def _hints(cls: type) -> dict[str, Any]:
    import jobmatch.models as models

    return typing.get_type_hints(cls, vars(models))


def decode(cls: type[T], data: Any) -> T:
    """``data`` (as :func:`encode` made it) back into ``cls``.

    Strict about shapes, because a cache row is untrusted: a value of the wrong JSON type for its field
    (a number where text belongs, an object where a list belongs), a missing field or an unknown enum
    value raises ``ValueError``, never yields an object that fails later, in a renderer. ``None`` is
    accepted wherever it appears (fields typed ``X | None``).
    """
    try:
        return typing.cast(T, _decoder(typing.cast(Any, cls))(data))
    except (TypeError, KeyError, AttributeError) as exc:
        raise ValueError(f"not a {getattr(cls, '__name__', cls)}: {exc}") from exc


Decoder = typing.Callable[[Any], Any]


def _leaf(kinds: tuple[type, ...], name: str) -> Decoder:
    def check(data: Any) -> Any:
        wrong = not isinstance(data, kinds) or (isinstance(data, bool) and bool not in kinds)
        if data is not None and wrong:
            raise ValueError(f"expected {name}, got {type(data).__name__}")
        return data

    return check


def _as_float(data: Any) -> Any:
    if data is None:
        return None
    if not isinstance(data, (int, float)) or isinstance(data, bool):
        raise ValueError(f"expected a number, got {type(data).__name__}")
    return float(data)


def _list_of(item: Decoder) -> Decoder:
    def check(data: Any) -> Any:
        if data is None:
            return None
        if not isinstance(data, list):
            raise ValueError(f"expected a list, got {type(data).__name__}")
        return tuple(item(x) for x in data)

    return check


def _fixed(items: tuple[Decoder, ...]) -> Decoder:
    def check(data: Any) -> Any:
        if data is None:
            return None
        if not isinstance(data, list) or len(data) != len(items):
            raise ValueError(f"expected a list of {len(items)}")
        return tuple(decoder(x) for decoder, x in zip(items, data, strict=True))

    return check


def _record(tp: type) -> Decoder:
    hints = _hints(tp)
    names = [f.name for f in dataclasses.fields(tp)]
    decoders: dict[str, Decoder] = {}

    def check(data: Any) -> Any:
        if data is None:
            return None
        if not isinstance(data, dict):
            raise ValueError(f"expected an object for {tp.__name__}, got {type(data).__name__}")
        if not decoders:  # filled on first use: the dataclasses refer to each other
            decoders.update({name: _decoder(hints[name]) for name in names})
        return tp(**{name: decoders[name](data[name]) for name in names if name in data})

    return check


def _enum(tp: type[enum.Enum]) -> Decoder:
    def check(data: Any) -> Any:
        return None if data is None else tp(data)

    return check


@cache
def _decoder(tp: Any) -> Decoder:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decoder(args[0])
    if origin is tuple:
        items = typing.get_args(tp)
        if len(items) == 2 and items[1] is Ellipsis:
            return _list_of(_decoder(items[0]))
        return _fixed(tuple(_decoder(a) for a in items))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _record(tp)
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _enum(tp)
    if tp is float:
        return _as_float
    if tp is str:
        return _leaf((str,), "text")
    if tp is bool:
        return _leaf((bool,), "true or false")
    if tp is int:
        return _leaf((int,), "an integer")
    return lambda data: data


def pack(obj: Any) -> bytes:
    """Compressed JSON of a dataclass, as stored in the cache."""
    import json
    import zlib

    return zlib.compress(json.dumps(encode(obj), ensure_ascii=False).encode("utf-8", "surrogatepass"), 6)


MAX_UNPACKED_BYTES = (
    64 * 1024 * 1024
)  # far above any document we keep (400,000 characters); a bomb stops here


def unpack(cls: type[T], blob: bytes) -> T:
    """A :func:`pack` blob back into ``cls``; ``ValueError`` (or ``zlib.error``) for anything else."""
    import json
    import zlib

    inflater = zlib.decompressobj()
    data = inflater.decompress(blob, MAX_UNPACKED_BYTES)
    if inflater.unconsumed_tail:
        raise ValueError(f"unpacks to more than {MAX_UNPACKED_BYTES} bytes")
    return decode(cls, json.loads(data.decode("utf-8", "surrogatepass")))
