"""DocumentPlaces.coherence against its definition, measured the slow way."""
from __future__ import annotations

from array import array

import pytest
from hypothesis import given, settings, strategies as st

from gazetteer.tagging import context
from gazetteer.tagging.context import (NEAR_KM, DocumentPlaces, NearMasks, ParagraphPlaces, distance_km, mask_of,
                                       near_lists, small_cells)


def expected(place, doc, related, coords):
    """1 when related to or within NEAR_KM of another place of the document; 0.5 when it shares
    a relative with one; UNKNOWN without coordinates; else 0."""
    if set(related[place]) & doc:
        return 1.0
    here = coords[place]
    if here is not None and any(o != place and coords[o] is not None and distance_km(here, coords[o]) <= NEAR_KM
                                for o in doc):
        return 1.0
    if set(related[place]) & {r for p in doc for r in related[p]}:
        return 0.5
    return DocumentPlaces.UNKNOWN if here is None else 0.0


point = st.one_of(
    st.tuples(st.floats(38.0, 42.0), st.floats(44.0, 50.0)),  # the region: many places close together
    st.tuples(st.floats(-80.0, 80.0), st.floats(-170.0, 170.0)),  # far from the region (not at the poles, not across the antimeridian)
    st.none(),
)


@settings(max_examples=300, deadline=None)
@given(coords=st.lists(point, min_size=2, max_size=12), data=st.data())
def test_coherence_matches_its_definition(coords, data):
    n = len(coords)
    related = [tuple(data.draw(st.lists(st.integers(0, n - 1), max_size=2))) for _ in range(n)]
    doc = set(data.draw(st.lists(st.integers(0, n - 1), max_size=n)))
    shared = NearMasks(related, coords)  # one tagger's masks serve every document
    for places in (DocumentPlaces(doc, related, coords), DocumentPlaces(doc, related, coords, shared),
                   DocumentPlaces(doc, related, coords, shared)):
        for p in range(n):
            want = expected(p, doc, related, coords) if doc else 0.0
            assert places.coherence(p) == want, (p, coords, doc, related)
    # all at once (compiled where the extension was built), in any order, some asked twice
    asked = data.draw(st.lists(st.integers(0, n - 1), max_size=2 * n))
    want = tuple(expected(p, doc, related, coords) if doc else 0.0 for p in asked)
    compiled = context._coherences
    try:
        for context._coherences in (compiled, None):
            for places in (DocumentPlaces(doc, related, coords), DocumentPlaces(doc, related, coords, shared)):
                assert places.coherences(tuple(asked)) == want
    finally:
        context._coherences = compiled


COMPILED = context._coherences


@pytest.mark.skipif(COMPILED is None, reason="extension not built")
@pytest.mark.parametrize("starts, flat", [
    (array("L", [0, 1, 2]), array("H", [1, 0])),
    (array("I", [0, 1, 2]), array("I", [1, 0])),
    (array("Q", [0, 1, 2]), array("Q", [1, 0])),
])
def test_compiled_coherences_read_any_width(starts, flat):
    """Place 1 lies near place 0, which the document names; the widths are the platform's."""
    assert COMPILED((1, 0), {}, bytes([1]), starts, flat, [(), ()], set(), [None, None], 0.5) == (1.0, 0.5)


@pytest.mark.skipif(COMPILED is None, reason="extension not built")
@pytest.mark.parametrize("args, error", [
    (((2,), {}, b"\x01", array("L", [0, 1, 2]), array("H", [1, 0]), [(), ()], set(), [None, None], 0.5), IndexError),
    (((0,), {}, b"\x01", array("L", [0, 1]), array("H", [1, 0]), [(), ()], set(), [None, None], 0.5), ValueError),
    (((0,), {}, b"\x01", array("L", [0, 1, 3]), array("H", [1, 0]), [(), ()], set(), [None, None], 0.5), ValueError),
    (((0,), {}, b"\x01", array("L", [0, 2, 1]), array("H", [1, 0]), [(), ()], set(), [None, None], 0.5), ValueError),
    (((0,), {}, b"\x01", array("l", [0, 1, 2]), array("H", [1, 0]), [(), ()], set(), [None, None], 0.5), TypeError),
    (((0,), {}, b"\x01", array("L", [0, 1, 2]), array("d", [1, 0]), [(), ()], set(), [None, None], 0.5), TypeError),
    (((0,), {}, b"\x01", array("L", [0, 1, 2]), array("H", [1, 0]), [[], ()], set(), [None, None], 0.5), TypeError),
    (((0,), {}, b"\x01", array("L", [0, 1, 2]), array("H", [1, 0]), [(), ()], [], [None, None], 0.5), TypeError),
    (((0,), {}, b"\x01", array("L", [0, 1, 2]), array("H", [1, 0]), [(), ()], set(), [None], 0.5), ValueError),
    ((("a",), {}, b"\x01", array("L", [0, 1, 2]), array("H", [1, 0]), [(), ()], set(), [None, None], 0.5), TypeError),
])
def test_compiled_coherences_refuse_bad_input(args, error):
    with pytest.raises(error):
        COMPILED(*args)


def test_a_place_is_not_near_itself():
    coords = [(40.01, 46.01), (41.9, 49.9)]
    assert DocumentPlaces({0}, [(), ()], coords).coherence(0) == 0.0
    assert DocumentPlaces({0, 1}, [(), ()], [(40.01, 46.01), (40.02, 46.02)]).coherence(0) == 1.0


def test_a_place_two_columns_east_at_the_regions_latitude_is_near():
    # 0.302° of longitude at 40° N is 25.8 km, but the two points lie two grid columns apart
    a, b = (40.1, 46.499), (40.1, 46.801)
    assert distance_km(a, b) < NEAR_KM
    assert DocumentPlaces({1}, [(), ()], [a, b]).coherence(0) == 1.0


@pytest.mark.parametrize("places, mask", [(set(), 0), ({0}, 1), ({3}, 8), ({0, 9}, 513), ({70}, 1 << 70)])
def test_mask_of(places, mask):
    assert mask_of(places) == mask


def test_masks_are_made_again_beyond_their_budget(monkeypatch):
    coords = [(40.0 + i / 1000, 46.0) for i in range(50)]
    masks = NearMasks([()] * 50, coords)
    monkeypatch.setattr(NearMasks, "MASK_BUDGET", 20)  # bytes: three masks of 7 bytes
    got = [masks.of(p) for p in range(50)]
    assert len(masks._masks) <= 3
    assert got == [mask_of(set(range(50)) - {p}) for p in range(50)]  # all within 30 km of each other
    assert [masks.of(p) for p in range(50)] == got


def expected_paragraph(place, para, related, coords):
    """1 when related to a place of the paragraph, or in the same or a neighbouring 0.15° cell
    as another of them; else 0."""
    if set(related[place]) & para:
        return 1.0
    here = coords[place]
    if here is None:
        return 0.0
    cell = lambda c: (int(c[0] // 0.15), int(c[1] // 0.15))  # noqa: E731
    i, j = cell(here)
    return 1.0 if any(o != place and coords[o] is not None and abs(cell(coords[o])[0] - i) <= 1
                      and abs(cell(coords[o])[1] - j) <= 1 for o in para) else 0.0


@settings(max_examples=300, deadline=None)
@given(coords=st.lists(point, min_size=2, max_size=10), data=st.data())
def test_paragraph_coherence_matches_its_definition(coords, data):
    n = len(coords)
    related = [tuple(data.draw(st.lists(st.integers(0, n - 1), max_size=2))) for _ in range(n)]
    para = set(data.draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=n)))
    places = ParagraphPlaces(para, related, coords, {})
    for p in range(n):
        assert places.coherence(p) == expected_paragraph(p, para, related, coords), (p, coords, para, related)
    # a mention's candidates at once: 0 where the document gives 0, None when all are equal
    asked = data.draw(st.lists(st.integers(0, n - 1), min_size=1, max_size=2 * n))
    among = data.draw(st.lists(st.sampled_from([0.0, 0.5, 1.0]), min_size=len(asked), max_size=len(asked)))
    want = tuple(expected_paragraph(p, para, related, coords) if c else 0.0 for p, c in zip(asked, among))
    compiled = ParagraphPlaces(para, related, coords, {}, small_cells(coords, {}))  # where the extension is built
    for _ in range(2):  # the second time from the memo
        assert places.coherences(asked, among) == (None if min(want) == max(want) else want)
        assert compiled.coherences(asked, among) == (None if min(want) == max(want) else want)


PARA_ARGS = ((0, 1), (1.0, 1.0), {1}, [(), ()], [(1, 5)], array("q", [5, 5]), context._AROUND_TUPLE)


@pytest.mark.skipif(context._paragraph_coherences is None, reason="extension not built")
def test_compiled_paragraph_coherences_example():
    # the paragraph names place 1; place 0 shares its cell; place 1 is not near itself
    assert context._paragraph_coherences(*PARA_ARGS, {}) == (1.0, 0.0)
    assert context._paragraph_coherences((1, 1), *PARA_ARGS[1:], {}) is None  # all equal


@pytest.mark.skipif(context._paragraph_coherences is None, reason="extension not built")
@pytest.mark.parametrize("k, bad, error", [
    (0, (0, 2), IndexError),  # a place out of range
    (1, (1.0,), ValueError),  # places and among differ
    (2, [1], TypeError),  # para must be a set
    (3, [[], ()], TypeError),
    (4, [(1,)], TypeError),  # cells hold pairs
    (5, array("d", [5.0, 5.0]), TypeError),
    (5, array("q", [5]), TypeError),  # one per place
    (6, (0, 1), ValueError),  # nine differences
    (0, ("a", 1), TypeError),
])
def test_compiled_paragraph_coherences_refuse_bad_input(k, bad, error):
    args = list(PARA_ARGS)
    args[k] = bad
    with pytest.raises(error):
        context._paragraph_coherences(*args, {})


@settings(max_examples=200, deadline=None)
@given(coords=st.lists(point, min_size=1, max_size=15))
def test_near_lists_hold_every_pair_within_near_km(coords):
    starts, flat = near_lists(coords)
    assert len(starts) == len(coords) + 1
    for p, here in enumerate(coords):
        got = list(flat[starts[p]:starts[p + 1]])
        want = [o for o, there in enumerate(coords) if o != p and here is not None and there is not None
                and distance_km(here, there) <= NEAR_KM]
        assert got == want, (p, coords)
