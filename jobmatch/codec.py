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
        return tuple([item(x) for x in data])

    return check


def _list_of_leaves(kind: type) -> Decoder:
    """A list of text, integers or true/false: checked in one loop, with the leaf test of
    :data:`_LEAF_TYPES`, and kept as it is (a sketch is 64)."""
    wrong, expected = _LEAF_TYPES[kind]
    body = [
        "def check(data):",
        "    if data is None:",
        "        return None",
        "    if not isinstance(data, list):",
        "        raise ValueError('expected a list, got ' + type(data).__name__)",
        "    for v in data:",
        f"        if v is not None and {wrong}:",
        f"            _wrong({expected!r}, v)",
        "    return tuple(data)",
    ]
    namespace: dict[str, Any] = {"_wrong": _wrong_type}
    exec("\n".join(body), namespace)  # our own text, from the leaf tests below
    return typing.cast(Decoder, namespace["check"])


def _fixed(items: tuple[Decoder, ...]) -> Decoder:
    def check(data: Any) -> Any:
        if data is None:
            return None
        if not isinstance(data, list) or len(data) != len(items):
            raise ValueError(f"expected a list of {len(items)}")
        return tuple([decoder(x) for decoder, x in zip(items, data, strict=True)])

    return check


def _later(namespace: dict[str, Any], key: str, tp: Any) -> Decoder:
    """The decoder of ``tp``, found on first use and then called directly: dataclasses refer to each
    other, so a record's decoder cannot ask for the others' while it is being written."""

    def first(data: Any) -> Any:
        namespace[key] = _decoder(tp)
        return namespace[key](data)

    return first


_LEAF_TYPES: dict[Any, tuple[str, str]] = {  # type -> (the test that it is wrong, what was expected)
    str: ("v.__class__ is not str and not isinstance(v, str)", "text"),
    bool: ("v.__class__ is not bool", "true or false"),
    int: ("v.__class__ is not int and (v.__class__ is bool or not isinstance(v, int))", "an integer"),
}


def _unwrap(tp: Any) -> Any:
    """``X | None`` is decoded as ``X`` (None is accepted everywhere)."""
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        return next(a for a in typing.get_args(tp) if a is not type(None))
    return tp


def _record(tp: type) -> Decoder:
    """The decoder of one dataclass: a function written for its fields.

    A result holds several hundred values; a generic walk calling one checking closure per value made
    unpacking it most of a warm run's cost. The function written here checks the leaves (text, numbers,
    true/false) inline, with the same rules and messages as :func:`_leaf` and :func:`_as_float`, and
    calls a decoder only for nested records, lists and enums."""
    hints = _hints(tp)
    namespace: dict[str, Any] = {"_tp": tp, "_wrong": _wrong_type}
    body = [
        "def check(data):",
        "    if data is None:",
        "        return None",
        "    if data.__class__ is not dict and not isinstance(data, dict):",
        f"        raise ValueError('expected an object for {tp.__name__}, got ' + type(data).__name__)",
        "    kw = {}",
    ]
    for number, f in enumerate(dataclasses.fields(tp)):
        name = f.name
        kind = _unwrap(hints[name])
        body += [f"    if {name!r} in data:", f"        v = data[{name!r}]"]
        if kind in _LEAF_TYPES:
            wrong, expected = _LEAF_TYPES[kind]
            body += [f"        if v is not None and {wrong}:", f"            _wrong({expected!r}, v)"]
        elif kind is float:
            body += [
                "        if v is not None and v.__class__ is not float:",
                "            if v.__class__ is bool or not isinstance(v, (int, float)):",
                "                _wrong('a number', v)",
                "            v = float(v)",
            ]
        else:
            namespace[f"_d{number}"] = _later(namespace, f"_d{number}", kind)
            body.append(f"        v = _d{number}(v)")
        body.append(f"        kw[{name!r}] = v")
    body.append("    return _tp(**kw)")
    exec("\n".join(body), namespace)  # our own text, from the dataclass's field names
    return typing.cast(Decoder, namespace["check"])


def _wrong_type(expected: str, value: Any) -> typing.NoReturn:
    raise ValueError(f"expected {expected}, got {type(value).__name__}")


def _enum(tp: type[enum.Enum]) -> Decoder:
    members = {member.value: member for member in tp}

    def check(data: Any) -> Any:
        if data is None:
            return None
        try:
            return members[data]
        except (KeyError, TypeError):
            return tp(data)  # raises ValueError with the enum's own message

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
            if _unwrap(items[0]) in _LEAF_TYPES:
                return _list_of_leaves(_unwrap(items[0]))
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
