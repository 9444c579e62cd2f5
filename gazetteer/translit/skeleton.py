"""The phonetic skeleton: one key for the usual romanizations of a Caucasus name.

The rewrite table and its must-match / must-differ samples live in ``skeleton.toml``;
this module only sequences the steps (romanize non-Latin letters, fold, rewrite to a
fixed point, collapse doubled letters).
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

from gazetteer.translit.engine import CaseRules, Transliterator
from gazetteer.translit.registry import _rule, get_scheme

TABLE_PATH = Path(__file__).parent / "skeleton.toml"
# Romanize other scripts first; each scheme only touches its own letters.
_ARMENIAN = "hy-Latn-t-hy-x0-press"
_GEORGIAN = "ka-Latn-t-ka-m0-bgn"
_AZ_CYRILLIC = ("az-Latn-t-az-cyrl-m0-bgn",)
_RU_CYRILLIC = ("ru-Latn-t-ru-x0-press",)
_AZ_CYRILLIC_MARKERS = frozenset("әғҝҹһјөүӘҒҜҸҺЈӨҮ")
# Apostrophes (also the modifier letters ʹ ʺ ʻ ʼ ˈ, which count as letters), spaces, hyphens.
_DROP = re.compile(r"[\W_ʹʺʻʼˈ]+")
_RUNS = re.compile(r"(.)\1+")
_MAX_PASSES = 4


@lru_cache(maxsize=1)
def _table() -> tuple[Transliterator, dict]:
    with TABLE_PATH.open("rb") as fh:
        data = tomllib.load(fh)
    rules = [_rule(k, v) for k, v in data["map"].items()]
    for r in data.get("rules", []):
        rules.append(_rule(r["match"], r["out"], prev=tuple(r.get("prev", ())), next=tuple(r.get("next", ()))))
    return Transliterator(rules, data.get("classes", {}), CaseRules()), data


def _romanize(text: str) -> str:
    if any("\u0530" <= ch <= "\u058f" for ch in text):
        text = get_scheme(_ARMENIAN).transliterate(text)
    if any("\u10a0" <= ch <= "\u10ff" for ch in text):
        text = get_scheme(_GEORGIAN).transliterate(text)
    if any("\u0400" <= ch <= "\u04ff" for ch in text):
        steps = _AZ_CYRILLIC if _AZ_CYRILLIC_MARKERS.intersection(text) else _RU_CYRILLIC
        for name in steps:
            text = get_scheme(name).transliterate(text)
    return text


def _strip_marks(text: str) -> str:
    """Drop diacritics the table did not consume (é → e, ï → i); keep the key letters."""
    return unicodedata.normalize(
        "NFC", "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))
    )


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """Phonetic key of ``text``: equal for Kalbajar, Kəlbəcər, Kelbadjar, Кельбаджар.

    Never raises. Idempotent: the rewrite runs to a fixed point and its output letters
    map to themselves.
    """
    table, _ = _table()
    key = _romanize(unicodedata.normalize("NFC", text))
    # Re-compose after lowering: "J̌".lower() is j + caron, which must read as ǰ.
    key = unicodedata.normalize("NFC", key.replace("İ", "i").replace("I", "i").lower())
    key = _DROP.sub("", key)
    for _ in range(_MAX_PASSES):
        new = _RUNS.sub(r"\1", _DROP.sub("", _strip_marks(table.apply(key)).lower()))
        if new == key:
            break
        key = new
    return key


def skeleton_samples() -> tuple[list[list[str]], list[list[str]]]:
    """The table's own examples: groups that must share a key, groups that must not."""
    _, data = _table()
    return data.get("same", []), data.get("different", [])
