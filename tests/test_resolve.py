import pytest

from gazetteer import InvalidQuery, PlaceNotFound


@pytest.mark.parametrize("query,place", [
    ("Şuşa", "shusha-town"), ("Шуша", "shusha-town"), ("Շուշի", "shusha-town"), ("SHUSHA", "shusha-town"),
    ("shusha", "shusha-town"), ("Xankəndi", "stepanakert"), ("XANKƏNDİ", "stepanakert"),
    ("xankendi", "stepanakert"), ("Xankandi", "stepanakert"), ("ՍՏԵՓԱՆԱԿԵՐՏ", "stepanakert"), ("QUBADLI", "qubadli-town"),
    ("Mir Bashir", "tartar-town"), ("mirbashir", "tartar-town"), ("Shushа", "shusha-town"),
    ("  Şuşa  ", "shusha-town"),
])
def test_resolves_any_script_and_case(gz, query, place):
    results = gz.resolve(query)
    assert results and results[0].place.id == place


def test_result_says_which_name_matched_and_how(gz):
    r = gz.resolve("XANKƏNDİ")[0]
    assert r.matched.text == "Xankəndi" and r.matched.lang == "az-Latn"
    assert r.stage == "folded" and "Xankəndi" in r.why
    exact = gz.resolve("Xankəndi")[0]
    assert exact.stage == "exact" and exact.score > r.score


def test_ambiguous_name_returns_every_place_most_important_first(gz):
    ids = [r.place.id for r in gz.resolve("Aghdam")]
    assert ids == ["aghdam-town", "aghdam-tovuz"]


def test_kind_filter(gz):
    assert [r.place.id for r in gz.resolve("Aghdam", kind="village")] == ["aghdam-tovuz"]
    assert [r.place.id for r in gz.resolve("Aghdam", kind="locality")] == ["aghdam-town", "aghdam-tovuz"]
    assert gz.resolve("Aghdam", kind="river") == []


def test_display_name_follows_lang(gz):
    assert gz.resolve("Şuşa", lang="hy")[0].name == "Շուշի"
    assert gz.resolve("Şuşa", lang="ru")[0].name == "Шуша"
    assert gz.resolve("Şuşa")[0].name == "Şuşa"  # no lang: the query's own language


def test_at_year_prefers_names_in_use(gz):
    assert gz.display_name("stepanakert", lang="ru", at=1980) == "Степанакерт"
    assert gz.display_name("tartar-town", lang="az-Latn", at=1960) == "Mir-Bəşir"
    assert gz.display_name("tartar-town", lang="az-Latn", at=2000) == "Tərtər"
    r1960 = gz.resolve("Mir-Bashir", at=1960)[0]
    r2000 = gz.resolve("Mir-Bashir", at=2000)[0]
    assert r1960.score > r2000.score and "not in use in 2000" in r2000.why


def test_names_filters(gz):
    assert {n.text for n in gz.names("shusha-town", lang="hy")} == {"Շուշի"}
    assert {n.text for n in gz.names("shusha-town", used_by="azerbaijan")} == {"Şuşa"}
    # Тертер is "used by russia" (the Russian Federation, 1991–) and has no years of its own
    assert {n.text for n in gz.names("tartar-town", at=1960)} == {"Mir-Bəşir", "Mir-Bashir"}
    assert "Тертер" in {n.text for n in gz.names("tartar-town", at=2000)}


def test_get_lookup_vocabulary(gz):
    assert gz.get("nowhere") is None and gz.get("nowhere", 5) == 5
    assert gz.get("shusha-town").kind == "town"
    with pytest.raises(PlaceNotFound):
        gz.lookup("Atlantis")
    with pytest.raises(LookupError):
        gz.place("atlantis")


@pytest.mark.parametrize("kwargs", [
    {"query": ""}, {"query": "   "}, {"query": "x" * 201}, {"query": "Şuşa", "limit": 0},
    {"query": "Şuşa", "limit": 101}, {"query": "Şuşa", "at": 99999}, {"query": "a\x00b"},
    {"query": None},
])
def test_bad_queries_raise_invalid_query(gz, kwargs):
    q = kwargs.pop("query")
    with pytest.raises(InvalidQuery):
        gz.resolve(q, **kwargs)


def test_parents_per_authority_and_year(gz):
    assert {(m.parent_id, m.authority) for m in gz.parents("shusha-town")} == {
        ("shusha-district", "azerbaijan"), ("nkao", "ussr")}
    assert [m.parent_id for m in gz.parents("shusha-town", at=1980)] == ["nkao"]


def test_places_listing_filters(gz):
    page, total = gz.places(kind="town")
    assert total == 4 and all(p.kind == "town" for p in page)
    page, total = gz.places(parent="nkao")
    assert {p.id for p in page} == {"shusha-town", "stepanakert"}
    page, total = gz.places(bbox=(39.7, 46.7, 39.8, 46.8))
    assert {p.id for p in page} == {"shusha-town", "shusha-district"}
    page, total = gz.places(limit=2, offset=2)
    assert len(page) == 2 and total == 9


def test_near_prefers_the_closer_of_two_places_of_one_name(gz):
    tovuz = (40.99, 45.63)
    assert gz.resolve("Aghdam", near=tovuz)[0].place.id == "aghdam-tovuz"
    assert gz.resolve("Aghdam", near=(39.99, 46.93))[0].place.id == "aghdam-town"
    assert "km from the given point" in gz.resolve("Aghdam", near=tovuz)[0].why


@pytest.mark.parametrize("near", [(91, 0), ("x", 1), (1,)])
def test_bad_near(gz, near):
    with pytest.raises(InvalidQuery):
        gz.resolve("Aghdam", near=near)


def test_plain_scores_equal_the_explained_scores(gz):
    """Queries with no options rank candidates by a precomputed per-name score; it must be the
    very score (and band) that ``score_name`` reports with its reasons."""
    from gazetteer import resolve as r

    idx = gz.index
    plain = r._plain_scores(idx)
    assert len(plain) == len(idx.names)
    for i, name in enumerate(idx.names):
        q = r.make_query(name.text)  # spelled as stored: no letters spelled otherwise (test_spelling.py)
        for stage, (top, _) in r.BANDS.items():
            assert min(top - r.BAND_WIDTH + plain[i], top) == pytest.approx(r.score_name(idx, name, stage, q)[0])


@pytest.mark.parametrize("query", ["Shusha", "Şuşa", "Шуша", "Xankendi", "Aghdam", "Schuscha", "Stepanakrt"])
def test_results_explain_every_adjustment_in_their_score(gz, query):
    for res in gz.resolve(query, limit=10):
        assert res.why.startswith(f"matched {res.matched.text!r}")
        assert _band_label(res.stage) in res.why


def _band_label(stage):
    from gazetteer.resolve import BANDS
    return BANDS[stage][1]


def test_a_typo_is_tried_when_only_a_loose_key_matched(gz, monkeypatch):
    """Typo candidates are looked for when nothing matched or only a loose key (skeleton,
    generic) did, never when a spelling matched; their band keeps them below."""
    from gazetteer import resolve as r

    calls = []
    real = r._fuzzy_candidates
    monkeypatch.setattr(r, "_fuzzy_candidates", lambda idx, q, **kw: calls.append(q) or list(real(idx, q, **kw)))
    assert [x.stage for x in gz.resolve("Agdamy")] == ["fuzzy", "fuzzy"]  # nothing else matched
    assert [x.stage for x in gz.resolve("Shushy")][0] == "skeleton"  # only a loose key matched
    gz.resolve("Şuşa")  # exact
    gz.resolve("SHUSHA")  # folded
    assert calls == ["Agdamy", "Shushy"]


def _dump(results):
    return [(r.place.id, r.name, r.score, r.matched.text, r.stage, r.scheme, r.why) for r in results]


def _all_queries(gz):
    texts = sorted(gz.index.exact)
    return texts + [t.lower() for t in texts] + [t.upper() for t in texts] + ["Aghdam district", "Şusa", "Xankendy"]


@pytest.mark.parametrize("limit", [1, 2, 10])
def test_precomputed_ranking_equals_the_full_path(gz, limit):
    # prepare_for_serving must change speed only: every query, exact or not, same answers
    queries = _all_queries(gz)
    before = [_dump(gz.resolve(q, limit=limit)) for q in queries]
    gz.prepare_for_serving()
    assert gz.index.plain_ranks  # the fast path is really there...
    after = [_dump(gz.resolve(q, limit=limit)) for q in queries]
    assert after == before  # ...and changes nothing
    assert gz.index.plain_results  # the kept results of option-less queries...
    assert [_dump(gz.resolve(q, limit=limit)) for q in queries] == before  # ...answer alike


def test_kept_option_less_results_are_bounded_and_come_in_new_lists(gz, monkeypatch):
    import gazetteer.resolve as r

    gz.prepare_for_serving()
    monkeypatch.setattr(r, "PLAIN_RESULTS_MAX", 3)
    first = gz.resolve("Şuşa", limit=5)
    again = gz.resolve("Şuşa", limit=5)
    assert again == first and again is not first  # a new list per call: the caller may change it
    # (the Results in it are shared: frozen, and made of frozen records)
    again.clear()
    assert gz.resolve("Şuşa", limit=5) == first
    for q in ("Шуша", "Շուշի", "Stepanakert", "Ağdam", "Xankəndi"):
        gz.resolve(q)
        assert len(gz.index.plain_results) <= 3
    gz.resolve("Şuşa", limit=r.PLAIN_RESULTS_LIMIT + 1)  # long lists are not kept
    assert ("Şuşa", r.PLAIN_RESULTS_LIMIT + 1, True) not in gz.index.plain_results
    # options are not part of the key: they must never read the option-less results
    assert gz.resolve("Aghdam")[0].place.id == "aghdam-town"
    assert [x.place.id for x in gz.resolve("Aghdam", kind="village")] == ["aghdam-tovuz"]


def test_precomputed_ranking_leaves_out_what_it_cannot_answer(gz):
    from gazetteer.resolve import _plain_key, _precomputed

    gz.prepare_for_serving()
    idx = gz.index
    assert _precomputed(idx, "Şuşa", 5) is not None
    # by spelling: the whole ranking, its exact matches merged in; by keys: without the exact stage
    by_spelling, by_keys = idx.plain_ranks["Şuşa"][0], idx.plain_ranks[_plain_key("Şuşa")]
    assert by_spelling[0][1][2] == "exact" and all(e[1][2] != "exact" for e in by_keys)
    assert {pid for pid, _ in by_spelling} >= {pid for pid, _ in by_keys}
    assert _precomputed(idx, "Shushaa", 5) is None  # a typo: the full path
    assert "Şuşa rayonu" in idx.exact and _precomputed(idx, "Şuşa rayonu", 5) is None  # a kind word hints
    assert _plain_key("SHUSHA") == _plain_key("shusha")


def test_options_bypass_the_precomputed_ranking(gz):
    gz.prepare_for_serving()
    assert [r.place.id for r in gz.resolve("Aghdam", kind="village")] == ["aghdam-tovuz"]
    assert gz.resolve("Şuşa", lang="hy")[0].name == "Շուշի"
    r2000 = gz.resolve("Mir-Bashir", at=2000)[0]
    assert "not in use in 2000" in r2000.why


def test_control_character_check_matches_unicode_categories():
    import sys
    import unicodedata

    from gazetteer.resolve import _CONTROL

    wrong = [c for c in range(sys.maxunicode + 1)
             if bool(_CONTROL.search(chr(c))) != (unicodedata.category(chr(c)) in ("Cc", "Cs"))]
    assert wrong == []
