"""The word stage, the last resort: a query no other stage finds anything for gets the places
whose names share a word with it (by sound, kind words aside), those covered more first."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from conftest import gazetteer_of
from gazetteer.generic import generic_key, word_sounds
from gazetteer.resolve import BAND_WIDTH, BANDS, TYPO_WEIGHT

PLACES = [
    ("quscu-korpusu", "village", 40.8, 46.0, "AZ", 300),
    ("boyuk-kehrizli", "village", 40.1, 47.1, "AZ", 900),
    ("kehrizli", "village", 40.2, 47.2, "AZ", 500),
    ("shusha", "town", 39.76, 46.75, "AZ", 4000),
    ("shusha-district", "district", 39.7, 46.7, "AZ", 20000),
    ("berde", "town", 40.37, 47.13, "AZ", 30000),
]
NAMES = [
    ("quscu-korpusu", "Quşçu körpüsü", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("quscu-korpusu", "Кушчинский", "ru", "variant", "", "", "", "0"),
    ("boyuk-kehrizli", "Böyük Kəhrizli", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("boyuk-kehrizli", "Bëyuk-Kyagrizli", "ru-Latn", "variant", "", "", "", "0"),
    ("kehrizli", "Kəhrizli Nasirbəyli Məmmədli", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("kehrizli", "Kyagrizli Nasirbeyli Mamedli", "ru-Latn", "variant", "", "", "", "0"),
    ("shusha", "Şuşa", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("shusha-district", "Şuşa rayonu", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("berde", "Bərdə", "az-Latn", "official", "azerbaijan", "", "", "1"),
]


@pytest.fixture(scope="module")
def gz(tmp_path_factory):
    return gazetteer_of(tmp_path_factory, "words-stage", PLACES, NAMES)


@pytest.mark.parametrize("query, expected, word", [
    ("Kushchinskiy Most", "quscu-korpusu", "Kushchinskiy"),  # a Russian name and the word "bridge"
    ("Shusha fortress", "shusha", "Shusha"),  # the town's name covers more of the query than the district's
    ("Nasirbeyli", "kehrizli", "Nasirbeyli"),  # one word of a three-word name
])
def test_a_shared_word_finds_the_place(gz, query, expected, word):
    results = gz.resolve(query, limit=5)
    assert results and results[0].place.id == expected, [(r.place.id, r.score, r.why) for r in results]
    top = results[0]
    assert top.stage == "words" and repr(word) in top.why
    # under the lowest score of the typo band (its band, less the largest edit penalty)
    assert top.score <= BANDS["words"][0] < BANDS["fuzzy"][0] - BAND_WIDTH - TYPO_WEIGHT * 0.5


def test_every_place_sharing_the_word_is_returned_best_covered_first(gz):
    results = gz.resolve("Kyagrizli-Nasirbeyli", limit=5)
    ids = [r.place.id for r in results]
    # both words are in the three-word name: it covers more of the query than Bëyuk-Kyagrizli
    # (whose Azerbaijani spelling, Kəhrizli, sounds otherwise: h for g)
    assert ids == ["kehrizli", "boyuk-kehrizli"], [(r.place.id, r.score, r.why) for r in results]
    assert results[0].score > results[1].score


@pytest.mark.parametrize("query", ["Şuşa", "Shusha", "Shushq", "Bərdə"])
def test_never_when_another_stage_finds_something(gz, query):
    assert all(r.stage != "words" for r in gz.resolve(query, limit=10))


@pytest.mark.parametrize("query", ["rayonu", "Big village", "zzzz qqqq", "Şu"])
def test_kind_words_and_short_words_alone_find_nothing(gz, query):
    assert gz.resolve(query, limit=10) == []


def test_the_words_of_a_query_are_the_tokens_of_its_generic_key():
    assert [w for w, _ in word_sounds("Kushchinskiy Most rayonu")] == ["Kushchinskiy", "Most"]
    assert sorted(sk for _, sk in word_sounds("Kyagrizli-Nasirbeyli")) == \
        generic_key("Kyagrizli-Nasirbeyli")[1:].split(" ")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abcdeşəxqkhyшуаՇուշի -'", max_size=30))
def test_word_sounds_are_the_spelled_tokens_of_the_generic_key(text):
    key = generic_key(text)
    spelled = sorted(t for t in key[1:].split(" ") if key and not t.startswith("<"))
    assert sorted(sk for _, sk in word_sounds(text)) == spelled
