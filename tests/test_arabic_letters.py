"""Letter-for-letter romanizations of Persian- and Arabic-script labels (mkhtaryh for مختاریه,
as alternate-name lists write them) find the place through the Arabic-script name it stores
(scheme und-Latn-t-und-arab-x0-letters), and add no sound keys."""
from __future__ import annotations

import pytest

from conftest import gazetteer_of
from gazetteer.keys import skeleton_key

SCHEME = "und-Latn-t-und-arab-x0-letters"
PLACES = [
    ("azerbaijan", "country", 40.3, 47.7, "AZ", 10_000_000),
    ("muxtariyye", "village", 40.95, 48.40, "AZ", 800),
    ("qaraci", "village", 41.40, 48.70, "AZ", 600),
    ("cinarli", "village", 40.85, 46.00, "AZ", 5000),
]
NAMES = [
    ("azerbaijan", "Azerbaijan", "en", "exonym", "international", "", "", "1"),
    ("muxtariyye", "Muxtariyyət", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("muxtariyye", "مختاریه", "und-Arab", "variant", "", "", "", "0"),
    ("qaraci", "Qaraçı", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("qaraci", "قاراچی، خاچماز", "und-Arab", "variant", "", "", "", "0"),
    ("cinarli", "Çinarlı", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("cinarli", "چنارلی، شمکور", "und-Arab", "variant", "", "", "", "0"),
]
MEMBERSHIPS = [(p, "azerbaijan", "azerbaijan", "1991", "") for p in ("muxtariyye", "qaraci", "cinarli")]


@pytest.fixture(scope="module")
def gz(tmp_path_factory):
    return gazetteer_of(tmp_path_factory, "arabic", PLACES, NAMES, MEMBERSHIPS)


@pytest.mark.parametrize("query,expected,arabic", [
    ("mkhtaryh", "muxtariyye", "مختاریه"),
    ("MKHTARYH", "muxtariyye", "مختاریه"),
    ("qarachy khachmaz", "qaraci", "قاراچی، خاچماز"),  # the Arabic comma is no letter
    ("chnarly shmkwr", "cinarli", "چنارلی، شمکور"),
])
def test_a_letter_for_letter_romanization_finds_the_arabic_script_name(gz, query, expected, arabic):
    results = gz.resolve(query, limit=3)
    assert results and results[0].place.id == expected, [(r.place.id, r.stage, r.why) for r in results]
    top = results[0]
    assert top.stage == "transliteration" and top.scheme == SCHEME
    assert top.matched.text == arabic and f"scheme {SCHEME}" in top.why


def test_the_romanization_adds_no_sound_key(gz):
    # vowels are unwritten: a skeleton of "mkhtaryh" would equate names that sound apart
    entries = gz.index.keys.get(skeleton_key("mkhtaryh"), ())
    assert all(scheme != SCHEME for _, _, scheme in entries)


def test_the_scheme_is_exposed_like_the_others():
    from gazetteer.translit import schemes_for, transliterate

    assert SCHEME in {s.name for s in schemes_for("und-Arab")}
    assert SCHEME in {s.name for s in schemes_for("fa")}
    assert transliterate("قدیمقالا", SCHEME) == "qdymqala"
