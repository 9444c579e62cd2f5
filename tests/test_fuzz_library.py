"""Property tests over every library entry point with hostile input.

Invariants: nothing raises but the documented ``GazetteerError`` subclasses; folding is
idempotent and its offset map points into the input; transliteration never raises; tag offsets
slice back to the mention text; CSV row problems always name ``FILE:LINE``. Sizes come from the
Hypothesis profile (``ci`` by default, ``HYPOTHESIS_PROFILE=nightly`` for the big run).
"""
from __future__ import annotations

import csv
import io
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from gazetteer.errors import GazetteerError, InvalidQuery, PlaceNotFound
from gazetteer.fold import compact, fold, fold_map
from gazetteer.keys import keys_for
from gazetteer.schema import MEMBERSHIP_COLUMNS, NAME_COLUMNS, PLACE_COLUMNS, parse_memberships, parse_names, \
    parse_places
from gazetteer.tagging.conventions import convention_names
from gazetteer.translit import candidates, detect_source, schemes, skeleton, transliterate, variants
from gazetteer.vocab import load_vocab
from conftest import ROOT
from test_fuzz_strategies import NASTY, PLACE_BITS, absurd_numbers, hostile_text, json_values

SCHEMES = [s.name for s in schemes()]
LANGS = ["hy", "az-Latn", "az-Cyrl", "az", "ru", "en", "ka", "tr", "fa", "hy-Latn", "ru-Latn", "xx", "", "Latn",
         "hy-Latn-t-hy-m0-bgn", "\x00", "ru-Cyrl"]
CONVENTIONS = [c for c in convention_names() if not c.startswith("as-of")] + [
    "as-of:1980", "as-of:1980:ussr", "as-of:1980:ussr:ru", "as-of:2024:azerbaijan:az-Latn", "as-of:-3000"]
KINDS = [None, "town", "village", "locality", "admin", "nonsense", "", "category:locality"]


# -- folding ---------------------------------------------------------------------------------------
@given(hostile_text())
def test_fold_is_idempotent_and_maps_back(text):
    key = fold(text)
    assert fold(key) == key
    k2, offsets = fold_map(text)
    assert k2 == key and len(offsets) == len(key)
    assert all(0 <= o < len(text) for o in offsets)
    assert offsets == sorted(offsets)
    assert " " not in compact(key) and key == key.strip() and "  " not in key


# -- transliteration and keys -----------------------------------------------------------------------
@given(hostile_text(12))
def test_transliteration_never_raises(text):
    for name in SCHEMES:
        assert isinstance(transliterate(text, name), str)
        got = candidates(text, name, limit=3)
        assert isinstance(got, list) and all(isinstance(c, str) for c in got) and len(got) <= 3
    assert isinstance(skeleton(text), str)
    detect_source(text)


@given(hostile_text(10), st.sampled_from(LANGS))
def test_variants_and_search_keys_never_raise(text, lang):
    for out, scheme in variants(text, lang):
        assert isinstance(out, str)
    for key, stage, scheme in keys_for(text, lang):
        assert isinstance(key, str) and isinstance(stage, str)


@given(hostile_text(4), st.text(max_size=30))
def test_unknown_scheme_is_a_clean_error(text, name):
    assume(name not in SCHEMES and "+" not in name)
    with pytest.raises(InvalidQuery):
        transliterate(text, name)


# -- resolve, nearby, places -------------------------------------------------------------------------
@given(hostile_text(), st.sampled_from(LANGS + [None]), st.sampled_from(KINDS),
       st.one_of(st.none(), absurd_numbers()), st.one_of(absurd_numbers(), st.integers(1, 100)))
def test_resolve_returns_results_or_invalid_query(real_gz, text, lang, kind, at, limit):
    try:
        results = real_gz.resolve(text, lang=lang or None, kind=kind or None, at=at, limit=limit)
    except InvalidQuery:
        return
    assert len(results) <= limit
    for r in results:
        assert 0.0 <= r.score <= 1.0 and r.place.id in real_gz.index.places
        assert isinstance(r.why, str) and r.to_dict()["id"] == r.place.id


@given(absurd_numbers(), absurd_numbers(), absurd_numbers(), absurd_numbers(), st.sampled_from(KINDS))
def test_nearby_returns_places_or_invalid_query(real_gz, lat, lon, radius, limit, kind):
    try:
        found = real_gz.nearby(lat, lon, radius_km=radius, kind=kind, limit=limit)
    except InvalidQuery:
        return
    assert len(found) <= limit
    assert all(0 <= n.distance_km <= radius + 1e-6 for n in found)
    assert [n.distance_km for n in found] == sorted(n.distance_km for n in found)


@given(st.sampled_from(KINDS), st.one_of(st.none(), st.sampled_from(["nkao", "azerbaijan", "atlantis", ""])),
       st.one_of(st.none(), st.tuples(*[absurd_numbers()] * 4)), st.one_of(st.none(), hostile_text(2)),
       st.integers(-5, 10**8), st.integers(-5, 2000))
def test_places_page_or_clean_error(real_gz, kind, parent, bbox, country, offset, limit):
    try:
        page, total = real_gz.places(kind=kind, parent=parent, bbox=bbox, country=country, offset=offset,
                                     limit=limit)
    except (InvalidQuery, PlaceNotFound):
        return
    assert len(page) <= limit and total >= len(page)


# -- tagging --------------------------------------------------------------------------------------------
@given(hostile_text(40))
def test_tag_offsets_slice_back_to_the_mention(real_gz, text):
    last = 0
    for m in real_gz.tag(text):
        assert text[m.start:m.end] == m.text
        assert m.text == m.stem + m.suffix
        assert last <= m.start < m.end <= len(text)
        assert m.id in real_gz.index.places and 0.0 <= m.confidence <= 1.0
        last = m.end


@given(hostile_text(30), st.sampled_from(CONVENTIONS))
def test_normalize_never_raises_and_keeps_text_outside_mentions(real_gz, text, convention):
    out = real_gz.normalize(text, convention)
    assert isinstance(out, str)
    if not real_gz.tag(text):
        assert out == text


@given(hostile_text(3), st.text(max_size=40))
def test_unknown_convention_is_a_clean_error(real_gz, text, convention):
    try:
        real_gz.normalize(text, convention)
    except InvalidQuery:
        pass


@given(st.one_of(absurd_numbers(), st.booleans(), st.none(), st.text(max_size=3)))
def test_tag_rejects_bad_confidence_cleanly(real_gz, conf):
    try:
        real_gz.tag("Şuşa", min_confidence=conf)
    except (InvalidQuery, TypeError):
        pass


# -- reconciliation (library side) ---------------------------------------------------------------------
@given(json_values(3))
def test_reconcile_batch_returns_results_or_clean_error(real_gz, batch):
    from gazetteer.reconcile import Reconciler

    try:
        out = Reconciler(real_gz).reconcile_batch(batch)
    except GazetteerError:
        return
    assert set(out) == {str(k) for k in batch}


QUERY = st.fixed_dictionaries({}, optional={
    "query": st.one_of(st.sampled_from(PLACE_BITS), hostile_text(4), json_values(1)),
    "type": st.one_of(st.sampled_from(["village", "town", "category:locality", "Q486972"]), json_values(1)),
    "limit": st.one_of(st.integers(0, 101), absurd_numbers(), json_values(1)),
    "type_strict": st.sampled_from(["any", "should", "all", "x"]),
    "properties": st.lists(st.fixed_dictionaries({
        "pid": st.sampled_from(["lang", "kind", "country", "parent", "at", "lat", "lon", "radius", "x"]),
        "v": st.one_of(json_values(1), st.sampled_from(["hy", "AZ", "nkao", "39.8", "46.7", "atlantis"]))}),
        max_size=4)})


@given(st.dictionaries(st.text(max_size=4), QUERY, max_size=4))
def test_reconcile_well_formed_queries(real_gz, batch):
    from gazetteer.reconcile import Reconciler

    try:
        out = Reconciler(real_gz).reconcile_batch(batch)
    except GazetteerError:
        return
    for key, res in out.items():
        assert all(0 <= c["score"] <= 100 for c in res["result"])


@given(st.fixed_dictionaries({"ids": st.lists(st.one_of(st.sampled_from(["stepanakert", "nkao", "x"]),
                                                        hostile_text(2)), max_size=5),
                              "properties": st.lists(st.fixed_dictionaries(
                                  {"id": st.sampled_from(["name:hy", "used_by:azerbaijan", "convention:en-dual",
                                                          "historical", "lat", "coordinates", "parent",
                                                          "parent:ussr", "population", "nope"])},
                                  optional={"settings": json_values(1)}), max_size=4)}))
def test_extend_returns_rows_or_clean_error(real_gz, query):
    from gazetteer.reconcile import Reconciler

    try:
        out = Reconciler(real_gz).extend(query)
    except GazetteerError:
        return
    assert set(out["rows"]) == set(query["ids"])


# -- CSV row parsing --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def vocab():
    return load_vocab(str((ROOT / "data").resolve()))


CELL = st.one_of(st.just(""), st.sampled_from(PLACE_BITS + NASTY + ["1", "-1", "1e9", "nan", "shusha-town", "town",
                                                                    "az-Latn", "official", "editorial", "wof:1"]),
                 st.text(max_size=10))
PROBLEM = re.compile(r"^(places|toponyms|memberships)\.csv:\d+: .+", re.S)


def _csv(columns, rows, header_ok: bool) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns if header_ok else columns[:-1])
    w.writerows(rows)
    return buf.getvalue()


@given(st.lists(st.lists(CELL, min_size=0, max_size=14), max_size=6), st.booleans(), st.integers(0, 2))
def test_row_parsing_names_file_and_line_and_never_raises(vocab, rows, header_ok, which):
    columns, parse = [(PLACE_COLUMNS, lambda t, p: parse_places(t, vocab, p)),
                      (NAME_COLUMNS, lambda t, p: parse_names(t, vocab, {"shusha-town"}, p)),
                      (MEMBERSHIP_COLUMNS, lambda t, p: parse_memberships(t, vocab, {"shusha-town", "nkao"}, p))][which]
    text = _csv(columns, [[c.replace("\ud800", "") for c in r] for r in rows], header_ok)
    problems: list[str] = []
    parsed = parse(text, problems)
    assert all(PROBLEM.match(p) for p in problems), problems
    if not header_ok:
        assert problems and not parsed
    lines = len(io.StringIO(text, newline="").readlines()) + 1  # csv counts \r, \n and \r\n as line ends
    assert all(0 <= int(p.split(":")[1]) <= lines for p in problems)


@given(st.text(max_size=200))
def test_row_parsing_of_arbitrary_text(vocab, text):
    problems: list[str] = []
    parse_names("\n".join([",".join(NAME_COLUMNS), text]), vocab, {"shusha-town"}, problems)
    assert all(PROBLEM.match(p) for p in problems), problems
