import itertools

import pytest
from hypothesis import given, strategies as st

from gazetteer.generic import generic_key, samples, split_generic

SAME = samples()["same"]
DIFFERENT = samples()["different"]


@pytest.mark.parametrize("group", SAME, ids=lambda g: g[0])
def test_sample_spellings_share_a_key(group):
    keys = {generic_key(x) for x in group}
    assert len(keys) == 1 and "" not in keys, keys


@pytest.mark.parametrize("group", DIFFERENT, ids=lambda g: g[0])
def test_sample_names_keep_apart(group):
    for a, b in itertools.combinations(group, 2):
        assert generic_key(a) != generic_key(b)


@pytest.mark.parametrize("text,kinds", [
    ("Salyan District", {"district"}), ("Kotayk marz", {"province"}), ("Şuşa şəhəri", {"city", "town"}),
    ("Gandzasar monastery", {"monastery"}),
])
def test_kind_words_hint_the_kind(text, kinds):
    assert kinds <= split_generic(text)[1]


def test_generic_words_alone_make_no_key():
    assert generic_key("District") == "" and generic_key("Republic of") == ""


@given(st.text(max_size=60))
def test_never_raises(text):
    key, hints = split_generic(text)
    assert isinstance(key, str) and isinstance(hints, frozenset)
    from gazetteer.generic import adjective_keys

    extra = adjective_keys(text)
    assert isinstance(extra, list) and (not extra or hints)  # only names with a kind word get more keys


@pytest.mark.parametrize("adjectival,name", samples()["adjective"], ids=lambda x: x)
def test_place_adjectives_read_back_as_the_name(adjectival, name):
    from gazetteer.generic import adjective_keys

    assert generic_key(name) in adjective_keys(adjectival)


def test_no_adjective_keys_without_a_kind_word():
    from gazetteer.generic import adjective_keys

    assert adjective_keys("Агдамский") == [] and adjective_keys("Ağdam") == []
