"""Checks over the whole committed dataset in data/ (issue 8)."""
from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest

from gazetteer.schema import load_dataset
from gazetteer.scripts import AZ_CYRILLIC_LETTERS, scripts_of
from gazetteer.vocab import load_vocab

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__import__("os").environ.get("GAZ_DATA", ROOT / "data"))
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
# South, west, north, east of Azerbaijan (with Nakhchivan) and Armenia together
BOX = (38.3, 43.4, 41.95, 50.9)
AZ_LATIN = set("abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ")
NAME_PUNCT = set(" -'’ʼ.,()0123456789")


@pytest.fixture(scope="module")
def ds():
    if not (DATA / "places.csv").exists():
        pytest.skip("data/places.csv not generated yet")
    return load_dataset(DATA)


def test_dataset_validates(ds):
    assert ds.places and ds.names


def test_armenian_names_in_armenian_script(ds):
    bad = [(n.place_id, n.text) for n in ds.names if n.lang == "hy" and scripts_of(n.text) != {"Armn"}]
    assert not bad, bad[:20]


def test_azerbaijani_latin_names_use_the_azerbaijani_alphabet(ds):
    bad = [(n.place_id, n.text) for n in ds.names
           if n.lang == "az-Latn" and not all(ch in AZ_LATIN or ch in NAME_PUNCT for ch in n.text)]
    assert not bad, bad[:20]


def test_russian_names_use_no_azerbaijani_only_letters(ds):
    bad = [(n.place_id, n.text) for n in ds.names if n.lang == "ru" and set(n.text) & AZ_CYRILLIC_LETTERS]
    assert not bad, bad[:20]


def test_every_name_has_a_source(ds):
    assert all(n.source for n in ds.names)


def test_az_am_places_inside_the_box(ds):
    s, w, n, e = BOX
    bad = [p.id for p in ds.places if p.country in ("AZ", "AM") and p.lat is not None
           and not (s <= p.lat <= n and w <= p.lon <= e)]
    assert not bad, bad[:20]


def test_memberships_point_at_existing_places(ds):
    ids = {p.id for p in ds.places}
    bad = [(m.child_id, m.parent_id) for m in ds.memberships if m.child_id not in ids or m.parent_id not in ids]
    assert not bad, bad[:20]


def test_no_two_places_share_a_geonames_id(ds):
    seen: dict[int, str] = {}
    dup = []
    for p in ds.places:
        for g in p.geonames_ids:
            if g in seen:
                dup.append((g, seen[g], p.id))
            seen.setdefault(g, p.id)
    assert not dup, dup[:20]


def test_no_two_places_share_a_wof_id(ds):
    seen: dict[int, str] = {}
    dup = [(w, p.id) for p in ds.places for w in p.wof_ids if seen.setdefault(w, p.id) != p.id]
    assert not dup, dup[:20]


# ---- nothing lost -------------------------------------------------------------------------------
KNOWN_SCRIPTS = {"Armn", "Latn", "Cyrl", "Geor", "Arab", "Grek"}


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def _tsv(path: Path):
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)


def _corrected_texts() -> set[str]:
    """Names a reviewed override corrects (their old text is meant to disappear)."""
    path = DATA / "curation" / "overrides.csv"
    if not path.exists():
        return set()
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["text"] for r in csv.DictReader(fh) if r["action"] == "name_set" and r["field"] == "text"}


def _split_labels() -> dict[str, list[str]]:
    """Labels a reviewed override cuts into the names they run together (``name_split``)."""
    path = DATA / "curation" / "overrides.csv"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["text"]: [p.strip() for p in r["value"].split("|")]
                for r in csv.DictReader(fh) if r["action"] == "name_split"}


def _excluded_refs() -> set[str]:
    path = DATA / "curation" / "overrides.csv"
    if not path.exists():
        return set()
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["target"] for r in csv.DictReader(fh) if r["action"] == "exclude"}


@pytest.mark.skipif(not SHARED.exists(), reason="../shared (reference files) not available")
def test_nothing_lost(ds):
    from gazetteer.importers.classify import classify

    vocab = load_vocab(str(DATA.resolve()))
    by_wof, by_gn, by_iso = {}, {}, {}
    for p in ds.places:
        for w in p.wof_ids:
            by_wof[w] = p.id
        for g in p.geonames_ids:
            by_gn[g] = p.id
        if p.iso3166_2:
            by_iso[p.iso3166_2] = p.id
    on_place: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for n in ds.names:
        on_place[n.place_id][n.text].add(n.lang)
    corrected, excluded = _corrected_texts(), _excluded_refs()
    missing_places, lost = [], []

    split = _split_labels()

    def check(pid: str, raw: str, hint: str | None, ref: str) -> None:
        text = classify(raw, hint)[0]
        if not text or text in corrected or scripts_of(text) - KNOWN_SCRIPTS or len(scripts_of(text)) != 1:
            return  # empty, corrected by review, or in a script the schema has no tag for
        if text in split:  # a label cut into its names by review: each of them is kept instead
            for part in split[text]:
                if part not in on_place[pid]:
                    lost.append((ref, pid, f"{part} (cut from {text})"))
            return
        langs = on_place[pid].get(text)
        if not langs:
            lost.append((ref, pid, text))
        elif not any(vocab.script_for(l) in scripts_of(text) for l in langs):
            lost.append((ref, pid, f"{text} tagged {sorted(langs)}"))

    for row in _tsv(SHARED / "research-data" / "wof_admin_AZ_AM.tsv"):
        ref = f"wof:{row['wof_id']}"
        pid = by_wof.get(int(row["wof_id"]))
        if pid is None:
            if ref not in excluded and row["wof_name"] != "No Data" and row["country"] in ("AZ", "AM"):
                missing_places.append(ref)
            continue
        for col, val in row.items():
            m = re.match(r"^(hye|aze|rus|eng)_(preferred|variant|historical|colloquial)$", col)
            if not m or not val:
                continue
            for raw in val.split("|"):
                if raw.strip() and not (row["placetype"] == "county" and m.group(2) == "variant" and raw.isupper()):
                    check(pid, raw, m.group(1), ref)
    for row in _tsv(SHARED / "sources" / "geonames_cities500_AZ_AM.tsv"):
        ref = f"geonames:{row['geonameid']}"
        pid = by_gn.get(int(row["geonameid"]))
        if pid is None:
            if ref not in excluded:
                missing_places.append(ref)
            continue
        for raw in [row["name"]] + row["alternatenames"].split("|"):
            if raw.strip():
                check(pid, raw, None, ref)
    for row in _tsv(SHARED / "sources" / "iso3166_2_AZ_AM.tsv"):
        pid = by_iso.get(row["code"])
        if pid is None:
            missing_places.append(f"iso3166-2:{row['code']}")
            continue
        check(pid, row["name_iso"], None, row["code"])
        check(pid, row["name_ru"], "rus", row["code"])
    assert not missing_places, missing_places[:20]
    assert not lost, f"{len(lost)} names lost, e.g. {lost[:20]}"
