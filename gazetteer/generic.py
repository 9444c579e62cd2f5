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
from itertools import product
from pathlib import Path

from .fold import fold
from .translit import skeleton

GENERIC_PREFIX = "≈"
_PARENS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORDS = re.compile(r"[\s\-‐‑‒–—―/,.]+")


@lru_cache(maxsize=1)
def _data() -> dict:
    with (Path(__file__).with_name("generic.toml")).open("rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def _ordinal() -> tuple[frozenset[str], re.Pattern]:
    """The endings of a number written as an ordinal, as a word of their own after a hyphen
    (``2-е``, ``1-ci``) and fused (``2nd``)."""
    endings = frozenset(fold(e) for e in _data()["ordinal_endings"]["endings"])
    fused = re.compile(r"(\d+)(?:" + "|".join(sorted(map(re.escape, endings), key=len, reverse=True)) + ")")
    return endings, fused


def _tokens(text: str):
    """``(word, folded token)`` for each word of a name, parentheses aside; an ordinal's ending
    goes, its number stays (``Шихлы 2-е`` and ``Shikhly 2`` have the same words)."""
    endings, fused = _ordinal()
    last = ""
    for word in _WORDS.split(_PARENS.sub(" ", text)):
        tok = fold(word)
        if not tok:
            continue
        if last.isdigit() and tok in endings:
            continue
        last = tok
        if tok[0].isdigit():
            m = fused.fullmatch(tok)
            if m:
                word = tok = last = m.group(1)
        yield word, tok


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, frozenset[str]], dict[str, str], dict]:
    data = _data()
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
    for word, tok in _tokens(text):
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


def word_sounds(text: str) -> list[tuple[str, str]]:
    """``(word, its sound)`` for each word of ``text`` that the generic key spells out (no kind
    word or qualifier): the sounds are the tokens of ``generic_key``, so a query's words can be
    looked up among the words of stored names (the word stage of resolve.py)."""
    kinds, quals, _ = _tables()
    out = []
    for word, tok in _tokens(text):
        if tok not in kinds and tok not in quals:
            sk = skeleton(word)
            if sk:
                out.append((word, sk))
    return out


@lru_cache(maxsize=65536)
def generic_core(text: str) -> str:
    """The words the generic key spells out (no kind word, qualifier or parenthesis), case
    folded, in alphabetical order: what the generic band compares letter by letter
    (``Verkhniy Karkhun`` → ``karkhun``)."""
    kinds, quals, _ = _tables()
    words = []
    for word, tok in _tokens(text):
        if tok not in kinds and tok not in quals:
            words.append(word.casefold())
    return " ".join(sorted(words))


MAX_ADJECTIVE_KEYS = 9


def adjective_keys(text: str) -> list[str]:
    """More generic keys of a name whose kind word follows a place adjective: the adjective read
    back as the name it was made from (``[adjective_stems]``): ``Кельбаджар-Лачинский
    экономический район`` also has the key of ``Kalbajar-Lachin``, ``Шушинский район`` that of
    ``Şuşa``. Empty for a name without a kind word."""
    if not split_generic(text)[1]:
        return []
    stems = _data().get("adjective_stems", {})
    kinds, quals, _ = _tables()
    words = re.split(f"({_WORDS.pattern})", text)  # the separators kept, to join the words back
    options, changed = [], False
    for w in words:
        low = w.lower()
        alts = [] if fold(w) in kinds or fold(w) in quals else \
            [w[:len(w) - len(end)] + repl for end, repl in stems.items() if low.endswith(end) and len(w) > len(end)]
        changed = changed or bool(alts)
        options.append(alts or [w])
    if not changed:
        return []
    out: list[str] = []
    for combo in product(*options):
        key = generic_key("".join(combo))
        if key and key not in out:
            out.append(key)
        if len(out) >= MAX_ADJECTIVE_KEYS:
            break
    return out


def samples() -> dict:
    return _tables()[2]
