"""Derived forms: the Armenian-script form of a name attested only in romanization.

Uses ``gazetteer.translit`` when it offers a Latin->Armenian scheme; otherwise derives nothing.
A derived row has ``derived_from`` = the attested romanization and a note naming the scheme;
it is never counted as attested by itself (see ``gazetteer.stats``).
"""
from __future__ import annotations

from .model import Name

REVERSE_SCHEMES = ("hy-latn-to-armn", "bgn-pcgn-hy-reverse", "hy-Latn-Armn")


def _reverse():
    try:
        from .. import translit
    except Exception:  # noqa: BLE001 - the package may be missing or half-written
        return None
    fn = getattr(translit, "transliterate", None)
    if fn is None:
        return None
    schemes = getattr(translit, "SCHEMES", None) or getattr(translit, "schemes", None)
    names = list(schemes() if callable(schemes) else schemes or [])
    for s in REVERSE_SCHEMES:
        if s in names:
            return lambda text, s=s: (fn(text, s), s)
    return None


def derive_names(names: list[Name]) -> list[Name]:
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
        try:
            text, scheme = rev(n.text)
        except Exception:  # noqa: BLE001
            continue
        if text:
            out.append(Name(text, "hy", n.type, n.source, n.used_by, n.from_year, n.to_year, "probable", False,
                            derived_from=n.text, note=f"derived by transliteration scheme {scheme}", rank=5))
    return out
