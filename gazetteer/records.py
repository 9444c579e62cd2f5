"""The public, immutable records the library returns: Place, Name, Membership, Result."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    kind: str
    lat: float | None
    lon: float | None
    country: str | None = None
    geonames_ids: tuple[int, ...] = ()
    wof_ids: tuple[int, ...] = ()
    iso3166_2: str | None = None
    wikidata: str | None = None
    population: int | None = None
    source: str = ""
    note: str | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "lat": self.lat, "lon": self.lon, "country": self.country,
                "geonames_ids": list(self.geonames_ids), "wof_ids": list(self.wof_ids),
                "iso3166_2": self.iso3166_2, "wikidata": self.wikidata, "population": self.population,
                "source": self.source}


@dataclass(frozen=True, slots=True)
class Name:
    place_id: str
    text: str
    lang: str
    type: str
    used_by: tuple[str, ...] = ()
    from_year: int | None = None
    to_year: int | None = None
    certainty: str = "certain"
    preferred: bool = False
    source: str = ""
    derived_from: str | None = None
    note: str | None = None
    # When the name was in use: its own years, else the years its users existed (a name "used
    # by" the Republic of Azerbaijan alone is no name of 1970). Set by the index at load.
    in_use: tuple[int | None, int | None] = (None, None)

    def valid_at(self, year: int) -> bool:
        """True when the name was in use in ``year`` (open ends count as in use)."""
        a, b = self.in_use if (self.from_year is None and self.to_year is None) else (self.from_year, self.to_year)
        return (a is None or a <= year) and (b is None or year <= b)

    def to_dict(self) -> dict:
        return {"text": self.text, "lang": self.lang, "type": self.type, "used_by": list(self.used_by),
                "from": self.from_year, "to": self.to_year, "certainty": self.certainty,
                "preferred": self.preferred, "source": self.source, "derived_from": self.derived_from,
                "note": self.note}


@dataclass(frozen=True, slots=True)
class Membership:
    child_id: str
    parent_id: str
    authority: str
    from_year: int | None = None
    to_year: int | None = None
    certainty: str = "certain"
    source: str = ""
    note: str | None = None

    def valid_at(self, year: int) -> bool:
        return (self.from_year is None or self.from_year <= year) and (self.to_year is None or year <= self.to_year)

    def to_dict(self) -> dict:
        return {"id": self.parent_id, "authority": self.authority, "from": self.from_year, "to": self.to_year,
                "certainty": self.certainty, "source": self.source, "note": self.note}


@dataclass(frozen=True, slots=True)
class Result:
    """One ranked answer of ``resolve``: the place, how well and through which name it matched."""
    place: Place
    name: str  # the place's display name for the request (``lang``/``at``), see Gazetteer.display_name
    score: float
    matched: Name
    stage: str  # exact, folded, compact, transliteration, skeleton, fuzzy
    scheme: str | None = None
    why: str = ""

    def to_dict(self) -> dict:
        return {"id": self.place.id, "name": self.name, "kind": self.place.kind, "score": round(self.score, 4),
                "matched": {"text": self.matched.text, "lang": self.matched.lang, "type": self.matched.type,
                            "used_by": list(self.matched.used_by), "from": self.matched.from_year,
                            "to": self.matched.to_year, "source": self.matched.source,
                            "stage": self.stage, "scheme": self.scheme},
                "why": self.why, "lat": self.place.lat, "lon": self.place.lon, "country": self.place.country}
