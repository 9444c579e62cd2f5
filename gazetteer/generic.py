"""The generic key: a name without its kind words and with its qualifiers in one vocabulary.

"Arabdzhabirli Vtoroye" and "İkinci Ərəbcəbirli" share it (second = ikinci = vtoroye; word
order ignored; the rest compared by phonetic skeleton), and so do "Salyan District" and
"Salyan" — the dropped word then hints at the kind ("district") for ranking.
The vocabularies live in ``generic.toml``.
"""
from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from .fold import fold
from .translit import skeleton

GENERIC_PREFIX = "≈"
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORDS = re.compile(r"[\s\-‐‑‒–—―/,.]+")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, str], dict]:
    with (Path(__file__).with_name("generic.toml")).open("rb") as fh:
        data = tomllib.load(fh)
    kinds = {fold(w): frozenset(v.split()) for w, v in data["kind_words"].items()}
    quals = {}
    for canon, forms in data["qualifiers"].items():
        for form in forms:
            quals[fold(form)] = f"<{canon}>"
    return kinds, quals, data.get("samples", {})


@lru_cache(maxsize=65536)
def split_generic(text: str) -> tuple[str, frozenset[str]]:
    """``(generic key or "", kinds hinted by dropped words)``."""
    kinds, quals, _ = _tables()
    tokens, hints = [], set()
    for word in _WORDS.split(_PARENS.sub(" ", text)):
        tok = fold(word)
        if not tok:
            continue
        if tok in kinds:
            hints |= kinds[tok]
        elif tok in quals:
            tokens.append(quals[tok])
        else:
            sk = skeleton(word)  # the original letters: ç and c are different sounds
            if sk:
                tokens.append(sk)
    if not any(not t.startswith("<") for t in tokens):
        return "", frozenset(hints)  # nothing but generic words: no key
    return GENERIC_PREFIX + " ".join(sorted(tokens)), frozenset(hints)


def generic_key(text: str) -> str:
    return split_generic(text)[0]


def samples() -> dict:
    return _tables()[2]
