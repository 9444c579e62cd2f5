"""Derived forms: the Armenian-script or Cyrillic form of a name attested only in romanization.

An Armenian name known only as ``hy-Latn`` gets its Armenian-script form; a Russian name known
only in the romanization of Soviet maps (``ru-Latn``, or an untagged Latin form written the
Russian BGN way: Kakhrylyar, Chyrakhly) gets its Cyrillic form. A derived row has
``derived_from`` = the attested romanization, certainty ``probable`` and a note naming the
scheme; ``gazetteer.stats`` reports it apart from attested names.
"""
from __future__ import annotations

import re

from ..scripts import scripts_of
from .model import Name

SCHEME = "hy-Armn-t-hy-latn-x0-search"  # reverse of BGN/PCGN and press romanizations
RU_SCHEME = "ru-Cyrl-t-ru-latn-x0-search"
# A Latin name written the Russian BGN way: its digraphs, and none of the letters that
# Azerbaijani (q x c ə ı ş ç ğ ö ü), Armenian romanizations (apostrophes, bare h) or Persian
# transliterations (w) use.
_RU_STYLE = re.compile(r"kh|zh|shch|ts|y[aeiouy]|[aeiou]y\b|ly\b")
# Russian BGN has no bare h (х is kh, г is g): gh, Hatsavan, Shahumyan are Armenian-style.
_NOT_RU = re.compile(r"[qxwəışçğöüāēīōū'’ʻʼ.]|c(?!h)|(?<![kzsc])h", re.I)


def _reverse():
    try:
        from ..translit import get_scheme, transliterate
        get_scheme(SCHEME)
    except Exception:  # noqa: BLE001 - the translit package may be missing or lack the scheme
        return None
    return lambda text: transliterate(text, SCHEME)


def _russian_style(n: Name) -> bool:
    if n.lang.startswith("ru-Latn"):
        return True
    return (n.lang == "und-Latn" and n.text.isascii() and not _NOT_RU.search(n.text)
            and bool(_RU_STYLE.search(n.text.lower())))


def derive_cyrillic(names: list[Name]) -> list[Name]:
    """The Cyrillic form of a Russian name attested only in its Soviet-map romanization."""
    if any(n.lang == "ru" for n in names):
        return []
    from ..translit import transliterate

    out: list[Name] = []
    for n in names:
        if n.derived_from or not _russian_style(n):
            continue
        text = transliterate(n.text, RU_SCHEME)
        if text and scripts_of(text) == {"Cyrl"} and text not in {d.text for d in out}:
            out.append(Name(text, "ru", n.type, n.source, n.used_by, n.from_year, n.to_year, "probable", False,
                            derived_from=n.text, rank=5,
                            note=f"Cyrillic form derived from the attested romanization by scheme {RU_SCHEME}"))
    return out


def derive_names(names: list[Name]) -> list[Name]:
    return derive_cyrillic(names) + derive_armenian(names)


def derive_armenian(names: list[Name]) -> list[Name]:
    if any(n.lang == "hy" for n in names):
        return []
    romans = [n for n in names if n.lang.startswith("hy-Latn") and not n.derived_from]
    if not romans:
        return []
    rev = _reverse()
    if rev is None:
        return []
    out = []
    for n in romans:
        text = rev(n.text)
        if text and scripts_of(text) == {"Armn"} and text not in {d.text for d in out}:
            out.append(Name(text, "hy", n.type, n.source, n.used_by, n.from_year, n.to_year, "probable", False,
                            derived_from=n.text, rank=5,
                            note=f"Armenian-script form derived from the attested romanization by scheme {SCHEME}"))
    return out
