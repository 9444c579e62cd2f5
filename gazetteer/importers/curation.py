"""Curated inputs: ``data/curation/*_places.csv``, ``*_names.csv``, ``*_memberships.csv`` (same
columns as the data files) and ``overrides.csv`` (hand-reviewed corrections applied on top)."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..schema import (MEMBERSHIP_COLUMNS, NAME_COLUMNS, PLACE_COLUMNS, PlaceRow, SOURCE_RE, parse_places,
                      read_text)
from ..vocab import Vocab

OVERRIDE_COLUMNS = ("action", "target", "text", "lang", "field", "value", "source", "note")
ACTIONS = ("merge", "exclude", "set", "name_set", "name_add", "name_split")
SPLIT = "|"  # name_split: value = the names the label ran together, in order
PLACE_FIELDS = ("kind", "lat", "lon", "country", "population", "wikidata", "note")
NAME_FIELDS = ("text", "lang", "type", "used_by", "from", "to", "certainty", "preferred", "note")
REF_RE = re.compile(r"^(wof:\d+|geonames:\d+|iso3166-2:[A-Z]{2}-[A-Z0-9]{1,3})$")


@dataclass(frozen=True)
class Override:
    line: int
    action: str
    target: str
    text: str
    lang: str
    field: str
    value: str
    source: str
    note: str


def curated_files(cur_dir: Path, suffix: str) -> list[Path]:
    return sorted(p for p in cur_dir.glob(f"*{suffix}") if p.is_file()) if cur_dir.is_dir() else []


def _header(text: str) -> tuple[str, ...]:
    first = text.split("\n", 1)[0]
    return tuple(next(csv.reader([first]), []))


def read_curated_places(cur_dir: Path, vocab: Vocab, problems: list[str]) -> list[PlaceRow]:
    out: list[PlaceRow] = []
    seen: dict[str, str] = {}
    for path in curated_files(cur_dir, "_places.csv"):
        fname = f"curation/{path.name}"
        rows = parse_places(read_text(path, problems), vocab, problems, fname=fname)
        for p in rows:
            if p.id in seen:
                problems.append(f"{fname}:0: place {p.id!r} is also defined in {seen[p.id]}")
                continue
            seen[p.id] = fname
            out.append(p)
    return out


def read_curated_texts(cur_dir: Path, suffix: str, problems: list[str]) -> list[tuple[str, str]]:
    """(file label, text) of every ``*_names.csv`` or ``*_memberships.csv``, parsed later once all
    place ids are known."""
    return [(f"curation/{p.name}", read_text(p, problems)) for p in curated_files(cur_dir, suffix)]


def read_overrides(path: Path, vocab: Vocab, problems: list[str]) -> list[Override]:
    if not path.exists():
        return []
    fname = f"curation/{path.name}"
    text = read_text(path, problems)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if tuple(reader.fieldnames or ()) != OVERRIDE_COLUMNS:
        problems.append(f"{fname}:1: header must be {','.join(OVERRIDE_COLUMNS)}")
        return []
    out = []
    for row in reader:
        line = reader.line_num
        if None in row or any(v is None for v in row.values()):
            problems.append(f"{fname}:{line}: wrong number of cells")
            continue
        o = Override(line, *(row[c].strip() for c in OVERRIDE_COLUMNS))

        def bad(msg: str) -> None:
            problems.append(f"{fname}:{line}: {msg}")

        if o.action not in ACTIONS:
            bad(f"unknown action {o.action!r} (one of {', '.join(ACTIONS)})")
            continue
        if not o.target:
            bad("target is empty")
        if o.action == "exclude":
            if not REF_RE.match(o.target):
                bad(f"exclude needs a record reference (wof:ID, geonames:ID, iso3166-2:CODE), got {o.target!r}")
            if not o.note:
                bad("exclude needs a reason in note")
        elif o.action == "merge":
            if not o.value:
                bad("merge needs value = the place or record to merge into")
        elif o.action == "set":
            if o.field not in PLACE_FIELDS:
                bad(f"set field must be one of {', '.join(PLACE_FIELDS)}; got {o.field!r}")
            if o.field == "kind" and o.value not in vocab.kinds:
                bad(f"unknown kind {o.value!r}")
        elif o.action == "name_set":
            if not o.text:
                bad("name_set needs text (the name to correct)")
            if o.field not in NAME_FIELDS:
                bad(f"name_set field must be one of {', '.join(NAME_FIELDS)}; got {o.field!r}")
            if not o.note:
                bad("name_set needs a note saying why")
        elif o.action == "name_split":
            parts = [p.strip() for p in o.value.split(SPLIT)]
            if not o.text:
                bad("name_split needs text (the label that runs several names together)")
            elif len(parts) < 2 or not all(parts):
                bad(f"name_split needs value = two or more names separated by {SPLIT!r}")
            elif " ".join(parts) != o.text:
                bad("name_split may only cut the label: its names joined by spaces must give the text back")
            if not o.note:
                bad("name_split needs a note saying why")
        elif o.action == "name_add":
            if not (o.text and o.lang):
                bad("name_add needs text and lang")
            if not o.source:
                bad("name_add needs a source")
        if o.source:
            for part in o.source.split(";"):
                if not SOURCE_RE.match(part):
                    bad(f"bad source {part!r}")
        out.append(o)
    return out


__all__ = ["OVERRIDE_COLUMNS", "SPLIT", "Override", "read_curated_places", "read_curated_texts", "read_overrides",
           "PLACE_COLUMNS", "NAME_COLUMNS", "MEMBERSHIP_COLUMNS"]
