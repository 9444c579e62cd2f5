"""Coverage figures over a loaded dataset (``gazetteer stats``).

``compute_stats(dataset, bbox=None, country=None)`` counts places, localities (kinds whose
category in data/vocab/kinds.csv is ``locality``), which localities have an Armenian-script,
Azerbaijani Latin and Russian name, names, sourced names and dated historical names.

The ``with_*`` counts take only names found in ``toponyms.csv``: attested rows, and rows derived
from an attested romanization (``derived_from`` set). Forms a search index generates by
transliteration are never in the data files, so they can never be counted here.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

from .errors import InvalidQuery, PlaceNotFound
from .schema import Dataset
from .scripts import scripts_of
from .vocab import load_vocab

_DEFAULT_DATA = Path(__file__).resolve().parent.parent / "data"


def _locality_kinds(data_dir: str | Path | None) -> set[str]:
    vocab = load_vocab(str(Path(data_dir or _DEFAULT_DATA).resolve()))
    return {k for k, row in vocab.kinds.items() if row.get("category") == "locality"}


def descendants(dataset: Dataset, root: str) -> set[str]:
    """Every place below ``root`` through memberships of any authority and period."""
    children: dict[str, set[str]] = {}
    for m in dataset.memberships:
        children.setdefault(m.parent_id, set()).add(m.child_id)
    seen, todo = set(), [root]
    while todo:
        for c in children.get(todo.pop(), ()):
            if c not in seen:
                seen.add(c)
                todo.append(c)
    return seen


def compute_stats(dataset: Dataset, *, bbox: tuple[float, float, float, float] | None = None,
                  country: str | None = None, within: str | None = None,
                  data_dir: str | Path | None = None) -> dict:
    """Coverage figures; ``bbox`` = (south, west, north, east), ``country`` = ISO alpha-2,
    ``within`` = a place id: only places below it in the (dated, per-authority) hierarchy."""
    loc_kinds = _locality_kinds(data_dir)
    if bbox is not None:
        s, w, n, e = bbox
        if s > n or w > e:
            raise InvalidQuery(f"bbox must be (south, west, north, east); got {bbox}")
    below = None
    if within is not None:
        if within not in {p.id for p in dataset.places}:
            raise PlaceNotFound(f"no place with id {within!r}")
        below = descendants(dataset, within)
    places = []
    for p in dataset.places:
        if below is not None and p.id not in below:
            continue
        if country is not None and (p.country or "") != country.upper():
            continue
        if bbox is not None and (p.lat is None or not (bbox[0] <= p.lat <= bbox[2] and bbox[1] <= p.lon <= bbox[3])):
            continue
        places.append(p)
    ids = {p.id for p in places}
    names = [n for n in dataset.names if n.place_id in ids]
    langs_of: dict[str, set[str]] = {}
    for n in names:
        sc = scripts_of(n.text)
        tags = langs_of.setdefault(n.place_id, set())
        if n.lang.split("-")[0] == "hy" and sc == {"Armn"}:
            tags.add("hy")
        if n.lang == "az-Latn":
            tags.add("az-Latn")
        if n.lang == "ru":
            tags.add("ru")
    localities = [p for p in places if p.kind in loc_kinds]
    hist = [n for n in names if n.type == "historical"]
    return {
        "places": len(places),
        "localities": len(localities),
        "with_hy": sum(1 for p in localities if "hy" in langs_of.get(p.id, ())),
        "with_az_latn": sum(1 for p in localities if "az-Latn" in langs_of.get(p.id, ())),
        "with_ru": sum(1 for p in localities if "ru" in langs_of.get(p.id, ())),
        "with_hy_attested": len({p.id for p in localities} & _attested(names, "hy")),
        "with_ru_attested": len({p.id for p in localities} & _attested(names, "ru")),
        "names": len(names),
        "names_with_source": sum(1 for n in names if n.source),
        "names_derived": sum(1 for n in names if n.derived_from),
        "historical_names": len(hist),
        "historical_names_dated": sum(1 for n in hist if n.from_year is not None or n.to_year is not None),
        "share_names_with_source": _share(sum(1 for n in names if n.source), len(names)),
        "share_historical_names_dated": _share(sum(1 for n in hist if n.from_year is not None or n.to_year is not None),
                                               len(hist)),
        "memberships": sum(1 for m in dataset.memberships if m.child_id in ids),
        "places_by_kind": dict(sorted(Counter(p.kind for p in places).items())),
        "places_by_country": dict(sorted(Counter(p.country or "" for p in places).items())),
        "localities_by_country": dict(sorted(Counter(p.country or "" for p in localities).items())),
        "names_by_lang": dict(sorted(Counter(n.lang for n in names).items())),
        "names_by_type": dict(sorted(Counter(n.type for n in names).items())),
    }


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _attested(names, lang: str) -> set[str]:
    """Places with a name in ``lang`` that is attested itself, not derived from a romanization."""
    return {n.place_id for n in names if n.lang == lang and not n.derived_from}
