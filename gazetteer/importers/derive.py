"""Derived forms: the Armenian-script form of a name attested only in romanization.

Uses ``gazetteer.translit`` when it offers a Latin->Armenian scheme; otherwise derives nothing.
A derived row has ``derived_from`` = the attested romanization and a note naming the scheme;
it is never counted as attested by itself (see ``gazetteer.stats``).
"""
from __future__ import annotations

from ..scripts import scripts_of
from .model import Name

SCHEME = "hy-Armn-t-hy-latn-x0-search"  # reverse of BGN/PCGN and press romanizations


def _reverse():
    try:
        from ..translit import get_scheme, transliterate
        get_scheme(SCHEME)
    except Exception:  # noqa: BLE001 - the translit package may be missing or lack the scheme
        return None
    return lambda text: transliterate(text, SCHEME)


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
        text = rev(n.text)
        if text and scripts_of(text) == {"Armn"} and text not in {d.text for d in out}:
            out.append(Name(text, "hy", n.type, n.source, n.used_by, n.from_year, n.to_year, "probable", False,
                            derived_from=n.text, rank=5,
                            note=f"Armenian-script form derived from the attested romanization by scheme {SCHEME}"))
    return out
