import pytest
from hypothesis import given, settings, strategies as st
from rapidfuzz.distance import OSA

from gazetteer.fuzzy import MIN_LEN, DeletionIndex

WORDS = ["stepanakert", "xankendi", "susa", "shusha", "shushi", "terter", "agdam", "agdere", "qubadli",
         "kelbecer", "karvachar", "cebrayil", "jabrayil", "mirbashir", "fuzuli", "horadiz"]


@pytest.mark.parametrize("query,expected", [
    ("stepanakret", "stepanakert"),  # transposition
    ("stepanaert", "stepanakert"),  # deletion
    ("stepanakertt", "stepanakert"),  # insertion
    ("xankendy", "xankendi"),  # substitution
    ("mirbasir", "mirbashir"),
])
def test_single_edits_are_found(query, expected):
    idx = DeletionIndex((w, i) for i, w in enumerate(WORDS))
    keys = [k for k, d, _ in idx.search(query)]
    assert keys[0] == expected


def test_payloads_and_order():
    idx = DeletionIndex([("shusha", 1), ("shusha", 2), ("shushi", 3)])
    res = idx.search("shusha")
    assert res[0] == ("shusha", 0, [1, 2]) and res[1][0] == "shushi"


def test_short_keys_are_not_indexed():
    idx = DeletionIndex([("baku", 1), ("ab", 2)])
    assert len(idx) == 1 and idx.search("ab") == []


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="abcdeşə", min_size=MIN_LEN, max_size=9), min_size=1, max_size=30),
       st.text(alphabet="abcdeşə", min_size=MIN_LEN, max_size=9))
def test_finds_every_key_within_one_edit(keys, query):
    idx = DeletionIndex((k, i) for i, k in enumerate(keys))
    found = {k for k, d, _ in idx.search(query, max_distance=1)}
    expected = {k for k in keys if OSA.distance(query, k) <= 1}
    assert found == expected


@pytest.mark.parametrize("query,expected", [
    ("agarakas", "agarak"),  # two letters more (a Lithuanian ending)
    ("samakhora", "samkhor"),
    ("stepanakertas", "stepanakert"),
    ("xankendiye", "xankendi"),
    ("kelbecerr", "kelbecer"),
    ("jabrayilz", "jabrayil"),
])
def test_long_queries_find_keys_they_spell_with_two_letters_more(query, expected):
    idx = DeletionIndex((w, i) for i, w in enumerate(WORDS + ["agarak", "samkhor"]))
    keys = {k for k, d, _ in idx.search(query, max_distance=2)}
    assert expected in keys


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet="abcdeşə", min_size=6, max_size=10), min_size=1, max_size=30),
       st.data())
def test_long_queries_find_every_key_with_two_insertions(keys, data):
    """Any key spelled with two extra letters (a query of ≥ 8) is found within distance 2."""
    key = data.draw(st.sampled_from(keys))
    query = key
    for _ in range(2):
        pos = data.draw(st.integers(0, len(query)))
        query = query[:pos] + data.draw(st.sampled_from("abcdeşə")) + query[pos:]
    idx = DeletionIndex((k, i) for i, k in enumerate(keys))
    assert len(query) >= 8  # keys of 6+ letters, two letters more
    assert key in {k for k, d, _ in idx.search(query, max_distance=2)}
