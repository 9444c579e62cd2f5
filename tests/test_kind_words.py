"""KindWords.kinds_near against its definition, computed the slow way (regular expressions only)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from gazetteer.tagging import context
from gazetteer.tagging.context import KindWords

NEAR_C = context._near_words  # the compiled one (the kw fixture turns it off for a while)

_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_SENTENCE = re.compile(r"[.!?;։…]\s|\n")


@pytest.fixture(scope="module", params=["compiled", "python"])
def kw(request):
    """KindWords with the words beside a mention found by the extension, and by Python."""
    real = context._near_words
    if request.param == "python":
        context._near_words = None
    elif real is None:
        pytest.skip("extension not built")
    try:
        yield KindWords.load()
    finally:
        context._near_words = real


def expected(kw: KindWords, scan: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> set[str]:
    """The words within ``window`` on each side of the mention, in its sentence, within 60
    characters and not before ``lo`` or from ``hi`` on (the mentions beside it); a word before
    counts with the kind words valid before (not across a locative preposition), one after
    with both."""
    left = scan[max(0, start - 60, lo):start]
    cuts = list(_SENTENCE.finditer(left))
    if cuts:
        left = left[cuts[-1].end():]
    right = scan[end:end + 60 if hi is None else min(end + 60, hi)]
    cut = _SENTENCE.search(right)
    if cut:
        right = right[:cut.start()]
    found: set[str] = set()
    words = list(reversed(_WORDS.findall(left)[-kw.window:]))
    for i, w in enumerate(words):
        if w in kw.locatives:  # "a village in X": the kind word before it says where X is ...
            if w in kw.container_words and i + 1 < len(words) and kw._word_kinds(words[i + 1], False) & kw.settlement_kinds:
                found |= kw.container_kinds  # ... and that X is an area
            break
        found |= kw._word_kinds(w, False)
    for w in _WORDS.findall(right)[:kw.window]:
        found |= kw._word_kinds(w, True)
    return found


# Kind words of every script among plain words, digits, apostrophes, punctuation and white space.
WORD = st.sampled_from(["district", "village", "rayonu", "kəndi", "район", "села", "շրջան", "գյուղում", "and", "in", "в",
                        "the", "və", "и", "в", "ու", "river", "Şuşa'nın", "x2", "1990", "o'z", "abc", "ab" * 20])
SEP = st.sampled_from([" ", "  ", ", ", ". ", "\n", " — ", "; ", "! ", "'", "-", "(", "…", "։ ", " \n "])


PARTS = st.lists(st.tuples(WORD, SEP), max_size=8)


@settings(max_examples=400, deadline=None)
@given(before=PARTS, sep=SEP, after=PARTS)
def test_kinds_near_matches_its_definition_at_word_boundaries(kw, before, sep, after):
    prefix = "".join(w + s for w, s in before).lower()
    suffix = (sep + "".join(w + s for w, s in after)).lower()
    scan = prefix + "shusha" + suffix
    start = len(prefix)
    assert kw.kinds_near(scan, start, start + 6) == expected(kw, scan, start, start + 6)


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.tuples(WORD, SEP), max_size=14), cut=st.data())
def test_kinds_near_matches_its_definition_anywhere(kw, parts, cut):
    scan = "".join(w + s for w, s in parts).lower()
    start = cut.draw(st.integers(0, len(scan)))
    end = cut.draw(st.integers(start, len(scan)))
    assert kw.kinds_near(scan, start, end) == expected(kw, scan, start, end)
    lo = cut.draw(st.integers(0, start))  # where the mention before ends
    hi = cut.draw(st.none() | st.integers(end, len(scan)))  # where the one after starts
    assert kw.kinds_near(scan, start, end, lo, hi) == expected(kw, scan, start, end, lo, hi)


@pytest.mark.parametrize("gap, listed", [
    (", ", True), (" və ", True), (" and ", True), (", and ", True), (" ", False), ("  ", False),
    (" bildirib ", False), ("", False),
])
def test_a_list_needs_a_comma_or_a_conjunction(kw, gap, listed):
    scan = "ağdam" + gap + "tovuz"
    assert kw.coordinated(scan, 5, 5 + len(gap)) is listed


@pytest.mark.parametrize("scan, word, kind, present", [
    ("the old road near shusha district and", "shusha", "district", True),  # the common shape
    ("in the village of aghdam, people", "aghdam", "village", True),
    ("rayonu. ağdam kəndi", "ağdam", "district", False),  # not across a sentence end
    ("rayonu. ağdam kəndi", "ağdam", "village", True),
    ("село\nагдам", "агдам", "village", False),  # nor across a line
    ("a mining village in gegharkunik", "gegharkunik", "village", False),  # where it is, not what
    ("a mining village in gegharkunik", "gegharkunik", "province", True),  # an area that holds villages
    ("the road in gegharkunik", "gegharkunik", "province", False),
    ("село под агдамом", "агдамом", "village", False),
    ("the village of aghdam", "aghdam", "village", True),
    ("çaylar sabirabad yaxınlığında birləşir", "sabirabad", "town", True),  # near a point: a settlement
    ("çaylar sabirabad yaxınlığında birləşir", "sabirabad", "district", False),
    ("yaxınlığında sabirabad", "sabirabad", "town", False),  # a postposition: after the name only
    ("kür üzərindəki bənd", "kür", "river", True),  # a dam on a river
    ("հակարիի կամրջի անցակետով", "հակարիի", "river", True),  # a bridge is named after its river
    ("the hakari bridge", "hakari", "river", True),
])
def test_kinds_near_examples(kw, scan, word, kind, present):
    start = scan.index(word)
    got = kw.kinds_near(scan, start, start + len(word))
    assert got == expected(kw, scan, start, start + len(word))
    assert (kind in got) is present


def test_every_table_of_context_toml_is_read(kw):
    # a TOML table header swallows every key after it: a top-level key written below one is lost
    assert kw.window == 2 and kw.area_kinds and kw.preference and kw.name_weights and kw.locatives
    assert kw.container_words and kw.settlement_kinds and kw.container_kinds and kw.conjunctions
    assert kw.feature_after and kw.feature_before and kw.person_before.exact and kw.person_after.exact


# Letters of three scripts, a letter with a mark, digits (an Arabic-Indic one is a digit to \d, a
# superscript two is a letter to [^\W\d_]), apostrophes, the sentence marks and white space.
NEAR_ALPHABET = "aşШуշի\u0301٣2²_'’.!?;։…-,\n \t\xa0\u2028"


@pytest.mark.skipif(NEAR_C is None, reason="extension not built")
@settings(max_examples=300, deadline=None)
@given(scan=st.text(NEAR_ALPHABET, max_size=150), cut=st.data(), window=st.integers(0, 4))
def test_compiled_near_words_equal_the_regular_expressions(scan, cut, window):
    start = cut.draw(st.integers(0, len(scan) + 2))
    end = cut.draw(st.integers(start, len(scan) + 3))
    lo = cut.draw(st.integers(0, start + 1))
    hi = cut.draw(st.none() | st.integers(0, len(scan) + 3))
    kw = KindWords.load()
    kw.window = window
    got = NEAR_C(scan, start, end, lo, -1 if hi is None else hi, window)
    assert got == kw.near_words(scan, start, end, lo, hi)
    assert got == (_WORDS_LEFT(scan, start, lo, window), _WORDS_RIGHT(scan, end, hi, window))


def _WORDS_LEFT(scan, start, lo, window):
    left = scan[max(lo, start - 60):start]
    cuts = list(_SENTENCE.finditer(left))
    return _WORDS.findall(left[cuts[-1].end():] if cuts else left)[-window:]


def _WORDS_RIGHT(scan, end, hi, window):
    right = scan[end:end + 60 if hi is None else min(hi, end + 60)]
    cut = _SENTENCE.search(right)
    return _WORDS.findall(right[:cut.start()] if cut else right)[:window]


@pytest.mark.skipif(NEAR_C is None, reason="extension not built")
@pytest.mark.parametrize("args", [("abc", -1, 2, 0, -1, 2), ("abc", 0, 2, 0, -2, 2), ("abc", 0, 2, 0, -1, -1),
                                  (b"abc", 0, 2, 0, -1, 2), ("abc", 0, 2, 0, None, 2)])
def test_compiled_near_words_refuse_bad_input(args):
    with pytest.raises((ValueError, TypeError)):
        NEAR_C(*args)
