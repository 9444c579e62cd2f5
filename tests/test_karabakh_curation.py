"""Checks on the Karabakh curation files (data/curation/karabakh_*.csv, issue 8 items 2-3)."""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from pathlib import Path

import pytest

from gazetteer.schema import parse_memberships, parse_names, parse_places, read_text
from gazetteer.vocab import load_vocab

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CUR = DATA / "curation"
SHARED_SEED = ROOT.parent / "shared" / "seed-places.tsv"

NKAO_RAIONS = ("askeran-district", "hadrut-district", "martakert-district", "martuni-district",
               "nkao-shusha-raion")
ARTSAKH_PROVINCES = ("artsakh-askeran-province", "artsakh-hadrut-province", "artsakh-martakert-province",
                     "artsakh-martuni-province", "artsakh-shahumyan-province", "artsakh-shushi-province")
# seed places this file refers to (they are defined by the seed curation, not here)
SEED_IDS_USED = {"nkao", "azerbaijan", "nagorno-karabakh-republic", "stepanakert", "kashatagh-province",
                 "shahumyan-district", "askeran-district", "hadrut-district", "martakert-district",
                 "martuni-district"}


def _seed_ids() -> set[str]:
    ids = set(SEED_IDS_USED)
    for path in CUR.glob("seed_*places.csv"):
        with path.open(encoding="utf-8") as fh:
            ids |= {r["id"] for r in csv.DictReader(fh)}
    if SHARED_SEED.exists():
        with SHARED_SEED.open(encoding="utf-8") as fh:
            ids |= {r["key"] for r in csv.DictReader(fh, delimiter="\t")}
    return ids


@pytest.fixture(scope="module")
def parsed():
    vocab = load_vocab(str(DATA.resolve()))
    problems: list[str] = []
    places = parse_places(read_text(CUR / "karabakh_places.csv", problems), vocab, problems,
                          "karabakh_places.csv")
    referenced = set()
    for fname, cols in (("karabakh_names.csv", ("place_id",)),
                        ("karabakh_memberships.csv", ("child_id", "parent_id"))):
        with (CUR / fname).open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                referenced |= {r[c] for c in cols if re.fullmatch(r"wof-\d+", r[c])}
    ids = {p.id for p in places} | _seed_ids() | referenced
    names = parse_names(read_text(CUR / "karabakh_names.csv", problems), vocab, ids, problems,
                        "karabakh_names.csv")
    members = parse_memberships(read_text(CUR / "karabakh_memberships.csv", problems), vocab, ids, problems,
                                "karabakh_memberships.csv")
    return places, names, members, problems


def test_files_validate(parsed):
    places, names, members, problems = parsed
    assert problems == []
    assert places and names and members


def test_ids_exist_in_built_places_when_present(parsed):
    places_csv = DATA / "places.csv"
    if not places_csv.exists():
        pytest.skip("data/places.csv not built yet")
    with places_csv.open(encoding="utf-8") as fh:
        known = {r["id"] for r in csv.DictReader(fh)}
    _, names, members, _ = parsed
    used = {n.place_id for n in names} | {m.child_id for m in members} | {m.parent_id for m in members}
    assert sorted(used - known) == []


def test_no_seed_place_redefined(parsed):
    places = parsed[0]
    assert not {p.id for p in places} & _seed_ids()


def _all_langs_by_place(names) -> dict[str, set[str]]:
    langs = defaultdict(set)
    for n in names:
        langs[n.place_id].add(n.lang)
    # names of seed places come from the seed curation (or the checklist itself)
    for path in CUR.glob("seed_*names.csv"):
        with path.open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                langs[r["place_id"]].add(r["lang"])
    if SHARED_SEED.exists():
        with SHARED_SEED.open(encoding="utf-8") as fh:
            for r in csv.DictReader(fh, delimiter="\t"):
                for col, lang in (("armenian_script", "hy"), ("azerbaijani_latin", "az-Latn"),
                                  ("russian_cyrillic", "ru"), ("english_names", "en")):
                    if r[col].strip():
                        langs[r["key"]].add(lang)
    return langs


def test_every_unit_has_hy_az_ru_en(parsed):
    langs = _all_langs_by_place(parsed[1])
    for pid in NKAO_RAIONS + ARTSAKH_PROVINCES:
        if pid in {"askeran-district", "hadrut-district", "martakert-district", "martuni-district"} \
                and not SHARED_SEED.exists() and not list(CUR.glob("seed_*names.csv")):
            continue
        missing = {"hy", "az-Latn", "ru", "en"} - langs[pid]
        assert not missing, f"{pid} lacks {missing}"


def test_memberships_dated_and_not_overlapping(parsed):
    members = parsed[2]
    periods = defaultdict(list)
    for m in members:
        assert m.from_year is not None and m.to_year is not None, m
        periods[(m.child_id, m.authority)].append((m.from_year, m.to_year, m.parent_id))
    for key, ps in periods.items():
        ps.sort()
        for (a1, b1, p1), (a2, b2, p2) in zip(ps, ps[1:]):
            assert a2 > b1, f"{key}: {p1} {a1}-{b1} overlaps {p2} {a2}-{b2}"


def test_every_nkao_locality_has_one_raion_and_one_province(parsed):
    members = parsed[2]
    raion = defaultdict(set)
    province = defaultdict(set)
    for m in members:
        if m.authority == "azssr" and m.parent_id in NKAO_RAIONS:
            raion[m.child_id].add(m.parent_id)
        if m.authority == "artsakh":
            province[m.child_id].add(m.parent_id)
    assert len(raion) > 250
    for child, parents in raion.items():
        assert len(parents) == 1
        assert len(province[child]) == 1, child
    # spot checks: raion centres and well-known villages
    expect = {"hadrut-town": "hadrut-district", "martakert-town": "martakert-district",
              "askeran-town": "askeran-district", "martuni-town": "martuni-district",
              "shusha-town": "nkao-shusha-raion", "mataghis": "martakert-district",
              "karintak": "nkao-shusha-raion"}
    for child, parent in expect.items():
        assert raion[child] == {parent}


def test_derived_names_say_from_what(parsed):
    for n in parsed[1]:
        if n.derived_from:
            assert n.note and ("derived" in n.note or "transliteration" in n.note)
            assert n.lang == "hy"
