"""Typos of a name stored with kind words or qualifiers: the typo stage also compares the query's
name without kind words, its qualifiers named alike (the generic key), with the same of every
stored name whose sound differs by those words."""
from __future__ import annotations

import pytest

from conftest import gazetteer_of
from gazetteer.generic import generic_key
from gazetteer.keys import skeleton_key

PLACES = [
    ("az", "country", 40.3, 47.5, "AZ", None),
    ("suramelik", "archaeological_site", 39.9, 45.9, "AM", None),
    ("birinci-asiqli", "village", 39.6, 48.1, "AZ", 900),
    ("ikinci-asiqli", "village", 39.7, 48.2, "AZ", 700),
    ("berde", "town", 40.37, 47.13, "AZ", 30000),
]
NAMES = [
    ("az", "Azerbaijan", "en", "exonym", "international", "", "", "1"),
    ("suramelik", "Razvaliny Suramelik", "und-Latn", "variant", "", "", "", "0"),
    ("birinci-asiqli", "Birinci Aşıqlı", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("ikinci-asiqli", "İkinci Aşıqlı", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("berde", "Bərdə", "az-Latn", "official", "azerbaijan", "", "", "1"),
]


@pytest.fixture(scope="module")
def gz(tmp_path_factory):
    return gazetteer_of(tmp_path_factory, "typo-generic", PLACES, NAMES)


@pytest.mark.parametrize("query, expected", [
    ("Suramelk", "suramelik"),  # a letter short of the name the ruins are stored under
    ("Սուրմալիկ", "suramelik"),  # the Armenian name: one vowel fewer in sound
    ("Ashykhly Pervoye", "birinci-asiqli"),  # Russian order and ordinal, х for q
    ("Ashykhly Vtoroye", "ikinci-asiqli"),
])
def test_typo_of_the_name_without_its_kind_words(gz, query, expected):
    results = gz.resolve(query, limit=3)
    assert results and results[0].place.id == expected, [(r.place.id, r.score, r.why) for r in results]
    assert results[0].stage == "fuzzy" and "in sound" in results[0].why


@pytest.mark.parametrize("query", ["Suramelik", "Birinci Aşıqlı"])
def test_no_typo_search_when_the_name_itself_matches(gz, query):
    assert gz.resolve(query, limit=1)[0].stage != "fuzzy"


def test_plain_names_are_not_indexed_twice(gz):
    # a name without kind words sounds as its generic key does: only its skeleton key is a typo key
    keys = set(gz.index.fuzzy._keys)
    assert generic_key("Razvaliny Suramelik") in keys and generic_key("Birinci Aşıqlı") in keys
    assert generic_key("Bərdə") not in keys and skeleton_key("Bərdə") in keys
