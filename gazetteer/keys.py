"""Search keys generated for every stored name; the resolver looks them up.

Generators are registered by stage; each yields ``(key, scheme)`` pairs for one name.
The transliteration stage plugs in here, so the index and the resolver never change shape.
"""
from __future__ import annotations

from typing import Callable, Iterator

from .fold import compact, fold
from .generic import adjective_keys, generic_key
from .translit import get_scheme, skeleton, variants

_SCHWA_AS_A = str.maketrans("əƏǝƎ", "aAaA")
SKELETON_PREFIX = "~"  # skeleton keys live in their own namespace: never equal a folded key

KeyGen = Callable[[str, str], Iterator[tuple[str, "str | None"]]]


def _folded(text: str, lang: str):
    yield fold(text), None
    if any(c in text for c in "əƏǝƎ"):  # Xankəndi is typed Xankendi and Xankandi alike
        yield fold(text.translate(_SCHWA_AS_A)), None


def _compact(text: str, lang: str):
    for key, _ in _folded(text, lang):
        if " " in key:
            yield compact(key), None


def _transliteration(text: str, lang: str):
    for variant, scheme in variants(text, lang):
        key = fold(variant)
        yield key, scheme
        if " " in key:
            yield compact(key), scheme


def skeleton_key(text: str) -> str:
    sk = skeleton(text)
    return SKELETON_PREFIX + sk if sk else ""


def _skeleton(text: str, lang: str):
    yield skeleton_key(text), None
    for variant, scheme in variants(text, lang):
        if all(get_scheme(part).sound_keys for part in scheme.split("+")):  # a+b: chained
            yield skeleton_key(variant), scheme


def _generic(text: str, lang: str):
    yield generic_key(text), None
    for key in adjective_keys(text):  # Агдамский район: also the key of Ağdam
        yield key, None


# stage -> generator, in the order the resolver tries them.
GENERATORS: dict[str, KeyGen] = {"folded": _folded, "compact": _compact, "transliteration": _transliteration,
                                 "skeleton": _skeleton, "generic": _generic}


def keys_for(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    """Every ``(key, stage, scheme)`` of a stored name, without repeats (first stage wins)."""
    out, seen = [], set()
    for stage, gen in GENERATORS.items():
        for key, scheme in gen(text, lang):
            if key and key not in seen:
                seen.add(key)
                out.append((key, stage, scheme))
    return out
