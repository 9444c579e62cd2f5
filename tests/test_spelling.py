"""In the bands that ignore spelling details (folded, generic) the stored spelling nearer
the query's own ranks first; importance still puts a town before a village spelled like the
query; names in another script are not compared letter by letter. Also: a place adjective in
the query is read as the name (``Аранский экономический район``), and ``Rep.`` is a kind word."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import gazetteer_of
from gazetteer import resolve as r

PLACES = [
    ("azerbaijan", "country", 40.3, 47.7, "AZ", 10_000_000),
    ("armenia", "country", 40.2, 44.5, "AM", 3_000_000),
    ("seidlar-az", "village", 40.10, 46.90, "AZ", 500),
    ("seidlar-am", "village", 40.90, 44.10, "AM", 300),
    ("qarxun-az", "village", 40.60, 46.80, "AZ", 900),
    ("karkhun-am", "village", 40.20, 44.90, "AM", 400),
    ("aghdam-town", "town", 39.99, 46.93, "AZ", 30_000),
    ("agdam-village", "village", 41.00, 45.40, "AZ", 200),
    ("julfa-town", "town", 38.95, 45.63, "AZ", 10_000),
    ("julfa-district", "district", 39.10, 45.60, "AZ", None),
    ("aran", "economic_region", 40.20, 47.50, "AZ", None),
    ("plankend-small", "village", 40.50, 46.10, "AZ", 300),
    ("plankend-big", "village", 40.70, 46.30, "AZ", 2000),
    ("tartar-town", "town", 40.34, 46.93, "AZ", 18_000),
]
NAMES = [
    ("azerbaijan", "Azerbaijan", "en", "exonym", "international", "", "", "1"),
    ("azerbaijan", "Azərbaycan", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("armenia", "Armenia", "en", "exonym", "international", "", "", "1"),
    ("seidlar-az", "Şeidlər", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("seidlar-am", "Seidlar", "hy-Latn", "variant", "", "", "", "0"),
    ("qarxun-az", "Yuxarı Qarxun", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("karkhun-am", "Verin Karkhun", "und-Latn", "variant", "", "", "", "0"),
    ("aghdam-town", "Ağdam", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("agdam-village", "Agdam", "und-Latn", "variant", "", "", "", "0"),
    ("julfa-town", "Джульфа", "ru", "variant", "", "", "", "0"),
    ("julfa-district", "Culfa rayonu", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("aran", "Aran iqtisadi rayonu", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("plankend-small", "Plankənd", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("plankend-small", "Plankand", "und-Latn", "variant", "", "", "", "0"),
    ("plankend-big", "Plankənd", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("tartar-town", "Mirbəşir", "az-Latn", "historical", "azssr", "1949", "1991", "0"),
]
_IN_AZ = ("seidlar-az", "qarxun-az", "plankend-small", "plankend-big", "aghdam-town", "agdam-village",
          "julfa-town", "julfa-district", "aran", "tartar-town")
MEMBERSHIPS = [(p, "azerbaijan", "azerbaijan", "1991", "") for p in _IN_AZ] + \
              [(p, "armenia", "armenia", "1991", "") for p in ("seidlar-am", "karkhun-am")]


@pytest.fixture(scope="module")
def gz(tmp_path_factory):
    return gazetteer_of(tmp_path_factory, "spelling", PLACES, NAMES, MEMBERSHIPS)


def _ranked(gz, q):
    return [(x.place.id, x.score, x.stage, x.why) for x in gz.resolve(q, limit=5)]


@pytest.mark.parametrize("query,nearer,other,stage,letters", [
    ("seidlar", "seidlar-am", "seidlar-az", "folded", 2),  # Seidlar case aside; Şeidlər: ş, ə
    ("SEIDLAR", "seidlar-am", "seidlar-az", "folded", 2),
    ("Şeidlar", "seidlar-az", "seidlar-am", "folded", 1),  # the other way round: Şeidlər is a letter off
    ("Verkhniy Karkhun", "karkhun-am", "qarxun-az", "generic", 3),  # karkhun; qarxun: q, x, h
])
def test_the_spelling_nearer_the_query_ranks_first(gz, query, nearer, other, stage, letters):
    results = gz.resolve(query, limit=5)
    ids = [x.place.id for x in results]
    assert ids[:2] == [nearer, other], _ranked(gz, query)
    first, second = results[0], results[1]
    assert first.stage == second.stage == stage
    assert first.score > second.score
    assert f"{letters} letter{'s' if letters != 1 else ''} spelled otherwise" in second.why
    if stage == "folded" and query.casefold() == first.matched.text.casefold():
        assert "spelled otherwise" not in first.why  # nothing to say: only the case differs


def test_a_letter_spelled_otherwise_costs_more_than_an_official_name_adds(gz):
    # both villages are officially Plankənd, a letter off PLANKAND in eight; the smaller one also
    # has the variant Plankand, letter for letter: it comes first
    results = gz.resolve("PLANKAND", limit=5)
    assert [x.place.id for x in results][:2] == ["plankend-small", "plankend-big"], _ranked(gz, "PLANKAND")
    assert results[0].matched.text == "Plankand" and "spelled otherwise" not in results[0].why
    assert "1 letter spelled otherwise" in results[1].why


def test_importance_still_puts_the_town_before_a_village_spelled_like_the_query(gz):
    # agdam is a village's stored variant, case aside; Ağdam the town's name, a letter off
    results = gz.resolve("agdam", limit=5)
    ids = [x.place.id for x in results]
    assert ids[:2] == ["aghdam-town", "agdam-village"], _ranked(gz, "agdam")
    assert results[0].score > results[1].score
    town = results[0]
    assert town.stage == "folded" and "1 letter spelled otherwise" in town.why


def test_names_in_another_script_are_not_compared_letter_by_letter(gz):
    # Джульфинский read as Джульфа (the town's Russian name, 6 letters off the adjective) or as the
    # district's Culfa rayonu: letters of two alphabets are not counted against the district,
    # which the kind word then puts first
    results = gz.resolve("Джульфинский район", limit=5)
    ids = [x.place.id for x in results]
    assert ids[:2] == ["julfa-district", "julfa-town"], _ranked(gz, "Джульфинский район")
    assert "spelled otherwise" not in results[0].why
    assert "6 letters spelled otherwise" in results[1].why


@pytest.mark.parametrize("query,expected", [
    ("Аранский экономический район", "aran"),  # the adjective read as the name, as stored names are
    ("Rep. Azerbaijan", "azerbaijan"),  # "Rep." is a kind word (republic)
])
def test_kind_words_and_adjectives_in_the_query(gz, query, expected):
    results = gz.resolve(query, limit=5)
    assert [x.place.id for x in results][:1] == [expected], _ranked(gz, query)
    assert results[0].stage == "generic"


def test_the_precomputed_ranking_counts_the_letters_too(gz):
    queries = ["seidlar", "SEIDLAR", "Seidlar", "Şeidlər", "şeidlər", "Seidlər",
               "Agdam", "AGDAM", "agdam", "Ağdam"]
    before = [_ranked(gz, q) for q in queries]
    gz.prepare_for_serving()
    try:
        assert [_ranked(gz, q) for q in queries] == before
    finally:
        gz.index.plain_ranks = None
        gz.index.plain_results.clear()


_LETTERS = st.text(st.sampled_from("aAbBəƏıIİiçÇşŞ Ґґ-"), min_size=1, max_size=12)


@given(_LETTERS, _LETTERS, st.sampled_from(sorted(r._SPELLED_STAGES)))
def test_letters_spelled_otherwise_are_a_share_case_aside(a, b, stage):
    d, share = r._spelled_otherwise(a, b, stage)
    assert 0 <= share <= 1 and d >= 0
    assert (d == 0) == (share == 0)
    assert share == 0 or r.SPELLING_FLOOR <= share <= r.SPELLING_CAP  # any letter costs at least the floor
    assert r._spelled_otherwise(a, a.upper(), stage) == (0, 0.0) or a.upper().casefold() != a.casefold()
    assert r._spelled_otherwise(a, b, stage) == r._spelled_otherwise(b, a, stage)  # symmetric
    if stage != "generic" and a.casefold() != b.casefold():
        assert d > 0


@pytest.mark.parametrize("query,expected,stage", [
    ("Seidler", "seidlar-az", "folded"),  # Şeidlər, two letters spelled otherwise
    ("Mir Beşir", "tartar-town", "compact"),  # Mirbəşir with a space, a letter off
])
def test_folded_and_compact_matches_stay_reconciliation_matches(gz, query, expected, stage):
    from gazetteer.reconcile import MATCH_SCORE, Reconciler

    top = gz.resolve(query, limit=1)[0]
    assert (top.place.id, top.stage) == (expected, stage)
    assert top.score * 100 >= MATCH_SCORE
    out = Reconciler(gz).reconcile_batch({"q0": {"query": query}})
    first = out["q0"]["result"][0]
    assert first["id"] == expected and first["match"] is True, out


@given(st.text(st.sampled_from("aAeEəƏıIİiçÇşŞsScCgGğĞ "), min_size=1, max_size=10))
def test_a_folded_match_keeps_a_reconciliation_match_score(gz, text):
    from gazetteer.reconcile import MATCH_SCORE

    q = r.make_query(text.strip() or "a")
    for name in gz.index.names:  # every letter of the query may be spelled otherwise
        assert r.score_name(gz.index, name, "folded", q)[0] * 100 >= MATCH_SCORE
