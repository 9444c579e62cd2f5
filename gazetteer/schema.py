"""The data files' columns, row parsing and validation.

Validation collects every problem as ``FILE:LINE: message`` before anyone writes anything,
so a build either sees clean data or reports all that is wrong at once.
"""
from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .errors import DataError
from .scripts import scripts_of
from .vocab import CERTAINTIES, NAME_TYPES, Vocab, load_vocab

PLACE_COLUMNS = ("id", "kind", "lat", "lon", "country", "geonames_id", "wof_id", "iso3166_2",
                 "wikidata", "population", "source", "note")
NAME_COLUMNS = ("place_id", "text", "lang", "type", "used_by", "from", "to", "certainty",
                "preferred", "source", "derived_from", "note")
MEMBERSHIP_COLUMNS = ("child_id", "parent_id", "authority", "from", "to", "certainty", "source", "note")

FILES = {"places.csv": PLACE_COLUMNS, "toponyms.csv": NAME_COLUMNS, "memberships.csv": MEMBERSHIP_COLUMNS}

ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SOURCE_RE = re.compile(r"^(wof:\d+|geonames:\d+|iso3166-2:[A-Z]{2}-[A-Z0-9]{1,3}|seed:[a-z0-9-]+|cite:.+|editorial)$")
ISO2_RE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
QID_RE = re.compile(r"^Q\d+$")
_MAX_YEAR = 2100


@dataclass(frozen=True)
class PlaceRow:
    id: str
    kind: str
    lat: float | None
    lon: float | None
    country: str | None
    geonames_ids: tuple[int, ...]
    wof_ids: tuple[int, ...]
    iso3166_2: str | None
    wikidata: str | None
    population: int | None
    source: str
    note: str | None


@dataclass(frozen=True)
class NameRow:
    place_id: str
    text: str
    lang: str
    type: str
    used_by: tuple[str, ...]
    from_year: int | None
    to_year: int | None
    certainty: str
    preferred: bool
    source: str
    derived_from: str | None
    note: str | None


@dataclass(frozen=True)
class MembershipRow:
    child_id: str
    parent_id: str
    authority: str
    from_year: int | None
    to_year: int | None
    certainty: str
    source: str
    note: str | None


@dataclass
class Dataset:
    places: list[PlaceRow] = field(default_factory=list)
    names: list[NameRow] = field(default_factory=list)
    memberships: list[MembershipRow] = field(default_factory=list)


class _Checker:
    """Collects problems for one file; each ``get_*`` returns a parsed value or None."""

    def __init__(self, fname: str, problems: list[str]):
        self.fname, self.problems, self.line = fname, problems, 0

    def bad(self, msg: str) -> None:
        self.problems.append(f"{self.fname}:{self.line}: {msg}")

    def text(self, row: dict, col: str, required: bool = False) -> str | None:
        val = row.get(col) or ""
        if val != val.strip():
            self.bad(f"{col} has leading or trailing space: {val!r}")
        if unicodedata.normalize("NFC", val) != val:
            self.bad(f"{col} is not NFC: {val!r}")
        if any(unicodedata.category(c) in ("Cc", "Cs") for c in val):
            self.bad(f"{col} holds a control character: {val!r}")
        if required and not val:
            self.bad(f"{col} is empty")
        return val or None

    def integer(self, row: dict, col: str, lo: int, hi: int) -> int | None:
        val = row.get(col) or ""
        if not val:
            return None
        try:
            n = int(val)
        except ValueError:
            self.bad(f"{col} is not an integer: {val!r}")
            return None
        if not lo <= n <= hi:
            self.bad(f"{col} out of range {lo}..{hi}: {n}")
        return n

    def number(self, row: dict, col: str, lo: float, hi: float) -> float | None:
        val = row.get(col) or ""
        if not val:
            return None
        try:
            x = float(val)
        except ValueError:
            self.bad(f"{col} is not a number: {val!r}")
            return None
        if not lo <= x <= hi:
            self.bad(f"{col} out of range {lo}..{hi}: {x}")
        return x

    def ints(self, row: dict, col: str) -> tuple[int, ...]:
        val = row.get(col) or ""
        out = []
        for part in filter(None, val.split(";")):
            if not part.isdigit():
                self.bad(f"{col} is not a list of integers: {val!r}")
                return ()
            out.append(int(part))
        return tuple(out)

    def choice(self, row: dict, col: str, allowed, default: str | None = None) -> str | None:
        val = row.get(col) or default
        if val is None:
            self.bad(f"{col} is empty")
        elif val not in allowed:
            self.bad(f"unknown {col} {val!r}")
        return val

    def years(self, row: dict) -> tuple[int | None, int | None]:
        a = self.integer(row, "from", -3000, _MAX_YEAR)
        b = self.integer(row, "to", -3000, _MAX_YEAR)
        if a is not None and b is not None and a > b:
            self.bad(f"from {a} is after to {b}")
        return a, b

    def source(self, row: dict) -> str:
        val = self.text(row, "source", required=True) or ""
        for part in val.split(";"):
            if not SOURCE_RE.match(part):
                self.bad(f"bad source {part!r} (wof:ID, geonames:ID, iso3166-2:CODE, seed:KEY, cite:..., editorial)")
            elif part == "editorial" and not (row.get("note") or "").strip():
                self.bad("source 'editorial' needs a note saying why")
        return val


def _rows(text: str, fname: str, columns: tuple[str, ...], problems: list[str]) -> Iterable[tuple[int, dict]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = tuple(reader.fieldnames or ())
    if header != columns:
        problems.append(f"{fname}:1: header must be {','.join(columns)}; got {','.join(header)}")
        return
    for row in reader:
        if None in row or any(v is None for v in row.values()):
            problems.append(f"{fname}:{reader.line_num}: wrong number of cells")
            continue
        yield reader.line_num, row


def parse_places(text: str, vocab: Vocab, problems: list[str], fname: str = "places.csv") -> list[PlaceRow]:
    chk, out, seen = _Checker(fname, problems), [], {}
    for line, row in _rows(text, fname, PLACE_COLUMNS, problems):
        chk.line = line
        pid = chk.text(row, "id", required=True) or ""
        if pid and not ID_RE.match(pid):
            chk.bad(f"bad id {pid!r}: lower-case letters, digits and single hyphens")
        if pid in seen:
            chk.bad(f"duplicate id {pid!r} (first on line {seen[pid]})")
        seen.setdefault(pid, line)
        kind = chk.choice(row, "kind", vocab.kinds)
        lat = chk.number(row, "lat", -90, 90)
        lon = chk.number(row, "lon", -180, 180)
        if (lat is None) != (lon is None):
            chk.bad("lat and lon must be both set or both empty")
        country = chk.text(row, "country")
        if country and not re.match(r"^[A-Z]{2}$", country):
            chk.bad(f"bad country {country!r}")
        iso = chk.text(row, "iso3166_2")
        if iso and not ISO2_RE.match(iso):
            chk.bad(f"bad iso3166_2 {iso!r}")
        qid = chk.text(row, "wikidata")
        if qid and not QID_RE.match(qid):
            chk.bad(f"bad wikidata id {qid!r}")
        out.append(PlaceRow(pid, kind or "", lat, lon, country, chk.ints(row, "geonames_id"),
                            chk.ints(row, "wof_id"), iso, qid, chk.integer(row, "population", 0, 10**9),
                            chk.source(row), chk.text(row, "note")))
    return out


def parse_names(text: str, vocab: Vocab, place_ids: set[str], problems: list[str],
                fname: str = "toponyms.csv") -> list[NameRow]:
    chk, out, seen = _Checker(fname, problems), [], {}
    for line, row in _rows(text, fname, NAME_COLUMNS, problems):
        chk.line = line
        pid = chk.text(row, "place_id", required=True) or ""
        if pid and pid not in place_ids:
            chk.bad(f"unknown place_id {pid!r}")
        name = chk.text(row, "text", required=True) or ""
        lang = chk.text(row, "lang", required=True) or ""
        script = vocab.script_for(lang) if lang else None
        if lang and script is None:
            chk.bad(f"unknown or incomplete language tag {lang!r}")
        elif name:
            found = scripts_of(name)
            if found and found != {script}:
                chk.bad(f"script of {name!r} is {'+'.join(sorted(found))}, but {lang!r} says {script}")
        ntype = chk.choice(row, "type", NAME_TYPES)
        used_by = tuple(filter(None, (row.get("used_by") or "").split(";")))
        for a in used_by:
            if a not in vocab.authorities:
                chk.bad(f"unknown authority {a!r} in used_by")
        a, b = chk.years(row)
        cert = chk.choice(row, "certainty", CERTAINTIES, default="certain")
        pref = row.get("preferred") or "0"
        if pref not in ("0", "1"):
            chk.bad(f"preferred must be 0, 1 or empty: {pref!r}")
        key = (pid, name, lang, ntype, a, b)
        if key in seen:
            chk.bad(f"duplicate name {name!r} [{lang}] {ntype} for {pid!r} (first on line {seen[key]})")
        seen.setdefault(key, line)
        out.append(NameRow(pid, name, lang, ntype or "", used_by, a, b, cert or "certain", pref == "1",
                           chk.source(row), chk.text(row, "derived_from"), chk.text(row, "note")))
    return out


def parse_memberships(text: str, vocab: Vocab, place_ids: set[str], problems: list[str],
                      fname: str = "memberships.csv") -> list[MembershipRow]:
    chk, out = _Checker(fname, problems), []
    for line, row in _rows(text, fname, MEMBERSHIP_COLUMNS, problems):
        chk.line = line
        child = chk.text(row, "child_id", required=True) or ""
        parent = chk.text(row, "parent_id", required=True) or ""
        for col, val in (("child_id", child), ("parent_id", parent)):
            if val and val not in place_ids:
                chk.bad(f"unknown {col} {val!r}")
        if child and child == parent:
            chk.bad(f"{child!r} cannot be its own parent")
        auth = chk.choice(row, "authority", vocab.authorities)
        a, b = chk.years(row)
        cert = chk.choice(row, "certainty", CERTAINTIES, default="certain")
        out.append(MembershipRow(child, parent, auth or "", a, b, cert or "certain", chk.source(row),
                                 chk.text(row, "note")))
    return out


def read_text(path: Path, problems: list[str]) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(f"{path.name}:0: cannot read: {exc.strerror or exc}")
        return ""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(f"{path.name}:0: not UTF-8 (byte {exc.start})")
        return ""
    return text.removeprefix("\ufeff")


def load_dataset(data_dir: str | Path) -> Dataset:
    """Read and validate every data file; raise DataError listing all problems."""
    data_dir = Path(data_dir)
    problems: list[str] = []
    try:
        vocab = load_vocab(str(data_dir.resolve()))
    except DataError as exc:
        raise DataError(exc.problems) from None
    places = parse_places(read_text(data_dir / "places.csv", problems), vocab, problems)
    ids = {p.id for p in places}
    names = parse_names(read_text(data_dir / "toponyms.csv", problems), vocab, ids, problems)
    members = parse_memberships(read_text(data_dir / "memberships.csv", problems), vocab, ids, problems)
    named = {n.place_id for n in names}
    for p in places:
        if p.id and p.id not in named:
            problems.append(f"places.csv:0: place {p.id!r} has no name in toponyms.csv")
    if problems:
        raise DataError(problems)
    return Dataset(places, names, members)


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, tuple):
        return ";".join(str(x) for x in v)
    if isinstance(v, float):
        return f"{v:.6f}".rstrip("0").rstrip(".")
    return str(v)


def place_cells(p: PlaceRow) -> list[str]:
    return [_cell(x) for x in (p.id, p.kind, p.lat, p.lon, p.country, p.geonames_ids, p.wof_ids,
                               p.iso3166_2, p.wikidata, p.population, p.source, p.note)]


def name_cells(n: NameRow) -> list[str]:
    return [_cell(x) for x in (n.place_id, n.text, n.lang, n.type, n.used_by, n.from_year, n.to_year,
                               n.certainty, n.preferred, n.source, n.derived_from, n.note)]


def membership_cells(m: MembershipRow) -> list[str]:
    return [_cell(x) for x in (m.child_id, m.parent_id, m.authority, m.from_year, m.to_year,
                               m.certainty, m.source, m.note)]


def write_csv(path: Path, columns: tuple[str, ...], rows: Iterable[list[str]]) -> None:
    """Write a data file atomically (temp file + rename)."""
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(columns)
        w.writerows(rows)
    tmp.replace(path)
