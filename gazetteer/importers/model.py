"""In-memory shapes the importer works on before it writes our rows."""
from __future__ import annotations

from dataclasses import dataclass, field

# Order in which types win when the same text and language arrive with several types.
TYPE_ORDER = ("official", "endonym", "exonym", "colloquial", "abbreviation", "historical", "variant")


@dataclass
class Name:
    text: str
    lang: str
    type: str
    source: str                      # one or more sources, ';'-separated
    used_by: tuple[str, ...] = ()
    from_year: int | None = None
    to_year: int | None = None
    certainty: str = "certain"
    preferred: bool = False
    derived_from: str | None = None
    note: str | None = None
    rank: int = 9                    # 0 curated, 1 ISO, 2 WOF, 3 GeoNames, 5 derived: who wins ties

    def key(self) -> tuple:
        return (self.text, self.lang, self.type, self.from_year, self.to_year)


@dataclass
class Record:
    """One reference record (WOF, GeoNames or ISO 3166-2) before merging."""
    ref: str                         # 'wof:123', 'geonames:456', 'iso3166-2:AZ-XCI'
    origin: str                      # 'wof', 'geonames', 'iso'
    placetype: str                   # WOF placetype, 'geonames', or the ISO type
    country: str | None
    lat: float | None
    lon: float | None
    names: list[Name] = field(default_factory=list)
    wof_id: int | None = None
    geonames_ids: tuple[int, ...] = ()
    iso: str | None = None
    iso_parent: str | None = None
    admin1: str | None = None        # GeoNames admin1 key, 'AZ.03'
    wof_parent: int | None = None
    wikidata: str | None = None
    population: int | None = None
    is_current: str | None = None
    label: str = ""                  # the source's own label, for logs


@dataclass
class ImportReport:
    places: int = 0
    names: int = 0
    memberships: int = 0
    records: dict[str, int] = field(default_factory=dict)    # per origin
    excluded: list[tuple[str, str]] = field(default_factory=list)   # (ref, reason)
    merged: list[tuple[str, str]] = field(default_factory=list)     # (place id, how)
    unclassified: list[tuple[str, str]] = field(default_factory=list)  # (ref, text): no tag fits
    dropped_names: list[tuple[str, str, str]] = field(default_factory=list)  # (ref, text, reason)
    warnings: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    written: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.problems

    def summary(self) -> str:
        lines = [f"records read: " + ", ".join(f"{k} {v}" for k, v in sorted(self.records.items())),
                 f"places {self.places}, names {self.names}, memberships {self.memberships}",
                 f"merged groups {len(self.merged)}, excluded records {len(self.excluded)}, "
                 f"unclassified names {len(self.unclassified)}, warnings {len(self.warnings)}",
                 f"{'written' if self.written else 'NOT written'} in {self.seconds:.2f} s"]
        lines += [f"problem: {p}" for p in self.problems[:50]]
        if len(self.problems) > 50:
            lines.append(f"... and {len(self.problems) - 50} more problems")
        return "\n".join(lines)
