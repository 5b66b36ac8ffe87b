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
    return typing.cast(T, _decode(cls, data))


def _decode(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return _decode(args[0], data)
    if origin is tuple:
        items = typing.get_args(tp)
        if len(items) == 2 and items[1] is Ellipsis:
            return tuple(_decode(items[0], x) for x in data)
        return tuple(_decode(a, x) for a, x in zip(items, data, strict=True))
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        hints = _hints(tp)
        return tp(
            **{f.name: _decode(hints[f.name], data[f.name]) for f in dataclasses.fields(tp) if f.name in data}
        )
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return tp(data)
    if tp is float:
        return float(data)
    return data


def pack(obj: Any) -> bytes:
    """Compressed JSON of a dataclass, as stored in the cache."""
    import json
    import zlib

    return zlib.compress(json.dumps(encode(obj), ensure_ascii=False).encode("utf-8", "surrogatepass"), 6)


def unpack(cls: type[T], blob: bytes) -> T:
    import json
    import zlib

    return decode(cls, json.loads(zlib.decompress(blob).decode("utf-8", "surrogatepass")))
