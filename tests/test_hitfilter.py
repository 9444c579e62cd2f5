"""The tagger's scan: the Python filter of the automaton's hits does what it says, and the
compiled parts (built by ``pip install`` where a C compiler is: the trie scan, the fold, the span
loop) give exactly what the Python ones give."""
from __future__ import annotations

import os
import unicodedata
from array import array

import pytest
from hypothesis import given, strategies as st

from gazetteer.tagging import hitfilter
from gazetteer.tagging.hitfilter import prefilter
SPECIAL = frozenset({9})
TAIL_HEADS = frozenset({"da", "nı", "ом"})
KNOWN = frozenset({"da", "də", "nın", "ом", "е", "'da"})


@pytest.mark.parametrize("text, hit, expected", [
    ("in şuşa today", (0, 3, 7), (0, 3, 7, "")),  # a whole word
    ("şuşa", (0, 0, 4), (0, 0, 4, "")),  # the whole text
    ("şuşada", (0, 0, 4), (0, 0, 4, "da")),  # a known tail
    ("şuşanın", (0, 0, 4), (0, 0, 4, "nın")),  # a known tail, its first two letters a known head
    ("şuşalar", (0, 0, 4), None),  # no such tail, its head unknown
    ("şuşadax", (0, 0, 4), None),  # head known, tail not
    ("şuşa'da", (0, 0, 4), (0, 0, 4, "'da")),  # an apostrophe tail is kept for the tagger to judge
    ("şuşa'xyz", (0, 0, 4), (0, 0, 4, "'xyz")),
    ("şuşa-xankəndi", (0, 0, 4), (0, 0, 4, "-xankəndi")),
    ("шуше", (0, 0, 3), (0, 0, 3, "е")),  # one letter, then the end
    ("шушой", (0, 0, 3), None),  # "ой": a head no tail starts with
    ("xşuşa", (0, 1, 5), None),  # inside a word
    ("xşuşa", (9, 1, 5), None),  # … a special key too: cue words are read at a word's start
    ("şuşalar", (9, 0, 4), (9, 0, 4, None)),  # a special key whose word has no known tail
    ("2şuşa", (0, 1, 5), None),  # a digit is part of the word
    ("_şuşa", (0, 1, 5), (0, 1, 5, "")),  # an underscore is not
    ("şuşa_", (0, 0, 4), (0, 0, 4, "")),
])
def test_cases(text, hit, expected):
    assert prefilter(text, [hit], SPECIAL, TAIL_HEADS, KNOWN) == ([expected] if expected else [])


def test_order_is_kept():
    text = "şuşada və şuşalar"
    hits = [(9, 10, 14), (1, 10, 14), (0, 0, 4), (9, 1, 3)]  # the cue word at 10 first, in-word hit last
    assert prefilter(text, hits, SPECIAL, TAIL_HEADS, KNOWN) == [(9, 10, 14, None), (0, 0, 4, "da")]


def test_compiled_where_ci_builds_it():
    """CI installs with a C compiler: there the extension must have been built (a silently
    skipped build would leave the slower Python filter in use and its tests skipped)."""
    if not os.environ.get("CI"):
        pytest.skip("only CI promises a compiler")
    assert hitfilter.COMPILED


def test_tagger_is_the_same_with_either(monkeypatch, gz):
    text = ("В Шуше и Şuşada, Şuşa'nın küçələri; Шушой — SHUSHA's. Tərtər rayonunun Ağdam kəndi, "
            "Mir-Bashir, xŞuşa, Շուշիում, Степанакерта, Xankəndidə.")
    tagger = gz.tagger()
    with_trie = [m.to_dict() for m in tagger.tag(text)]
    monkeypatch.setattr(tagger, "_trie", None)  # the automaton and the Python filter
    assert [m.to_dict() for m in tagger.tag(text)] == with_trie
    assert len(with_trie) >= 8


# -- the compiled trie scan: what prefilter keeps of the automaton's hits ------------------------
KEY_ALPHABET = "aşə'- Шу1"
keys_lists = st.lists(st.text(KEY_ALPHABET, min_size=1, max_size=5), min_size=1, max_size=12, unique=True)


def _automaton_then_prefilter(keys, text, special, heads, known):
    """The hits the Python path keeps, at each start in the automaton's order (by end): the trie
    reports start by start, and the tagger's spans depend only on the order at one start."""
    import ahocorasick_rs

    found = ahocorasick_rs.AhoCorasick(keys).find_matches_as_indexes(text, overlapping=True)
    return sorted(prefilter(text, found, special, heads, known), key=lambda hit: hit[1])


@pytest.mark.skipif(hitfilter.scan_c is None, reason="extension not built")
@pytest.mark.parametrize("keys, text, expected", [
    (["şuşa", "şuşad", "şu"], "şuşada şuşa'da xşuşa", [(2, 0, 2, None), (0, 0, 4, "da"), (1, 0, 5, "a"),
                                                    (2, 7, 9, None), (0, 7, 11, "'da")]),
    (["ağ dam", "ağ"], "ağ dam. ağdam", [(1, 0, 2, ""), (0, 0, 6, ""), (1, 8, 10, None)]),  # across a space
    (["'erarati"], "x 'erarati y'erarati", [(0, 2, 10, "")]),  # a key that starts with no letter
    (["ш"], "", []),
])
def test_trie_scan_cases(keys, text, expected):
    tr = hitfilter.trie_c(keys, {k for k in (1, 2) if k < len(keys)}, {"da", "ad"})
    assert hitfilter.scan_c(tr, text, frozenset({"da", "'da", "a"})) == expected


@pytest.mark.skipif(hitfilter.scan_c is None, reason="extension not built")
@given(keys_lists, st.text(KEY_ALPHABET + "x.\n😀", max_size=40), st.frozensets(st.integers(0, 11)),
       st.frozensets(st.sampled_from(["aş", "ə'", "шу", "--", "a1"])), st.frozensets(st.text(KEY_ALPHABET, max_size=3)))
def test_trie_scan_equals_automaton_and_prefilter(keys, text, special, heads, known):
    special = {k for k in special if k < len(keys)}
    got = hitfilter.scan_c(hitfilter.trie_c(keys, special, heads), text, known)
    assert got == _automaton_then_prefilter(keys, text, special, heads, known)


@pytest.mark.skipif(hitfilter.scan_c is None, reason="extension not built")
def test_trie_scan_reads_lone_surrogates():
    """Text decoded with surrogateescape: no UTF-8, which the automaton needs replaced first."""
    tr = hitfilter.trie_c(["şuşa"], set(), set())
    assert hitfilter.scan_c(tr, "\udcff şuşa\udcff", frozenset()) == [(0, 2, 6, "")]


@pytest.mark.skipif(hitfilter.scan_c is None, reason="extension not built")
@pytest.mark.parametrize("args, error", [
    ((["a", ""], set(), set()), ValueError),  # an empty key
    ((["a", "a"], set(), set()), ValueError),  # twice
    ((["a", 1], set(), set()), TypeError),
    ((["a"], {1}, set()), ValueError),  # a special key out of range
    ((["a"], [0], set()), TypeError),
    ((["a"], set(), ["ab"]), TypeError),
    ((["a"], set(), {"abc"}), ValueError),  # a head is two letters
    ((["a"], set(), {1}), ValueError),
    (("ab", set(), set()), TypeError),
])
def test_trie_refuses_bad_input(args, error):
    with pytest.raises(error):
        hitfilter.trie_c(*args)


@pytest.mark.skipif(hitfilter.scan_c is None, reason="extension not built")
@pytest.mark.parametrize("args, error", [
    ((object(), "a", frozenset()), ValueError),  # not a trie
    (("TRIE", b"a", frozenset()), TypeError),
    (("TRIE", "a", []), TypeError),
])
def test_trie_scan_refuses_bad_input(args, error):
    tr = hitfilter.trie_c(["a"], set(), set())
    with pytest.raises(error):
        hitfilter.scan_c(*(tr if a == "TRIE" else a for a in args))


# -- the compiled fold (textfold.fold_block's common case) ---------------------------------------
from gazetteer.tagging import textfold  # noqa: E402

FOLD_ALPHABET = ("ŞşİıIiƏəǝƎAaBbÇçÖöÜüĞğXxQqOoạâậéshу"  # Azerbaijani, the dotted İ, the turned e, marks stacked
                 "ШшУуАаЁёЙйЪъѢѣІіѲѳѴѵ"  # Russian, old letters included
                 "ՇշՈւԻիԵեՎվևԱա"  # Armenian, and its ligature
                 "ΣσςΟο"  # Greek, the final sigma
                 "\u0301\u0307\u0308\u0323\u0340\u1161가ыкг"  # combining marks, a Hangul vowel, a syllable
                 "'’ʻ‘-–—\u2011 \t\xa0\u3000\n\r\x00\u200b\u00ad\ufeff"  # apostrophes, dashes, spaces, line ends, invisibles
                 "K\u212a\u2126😀.,«»()0123")  # the Kelvin and Ohm signs (NFC changes them), beyond the BMP


def _python_fold(block):
    fast, textfold._fold_fast = textfold._fold_fast, None
    try:
        return textfold.fold_block(block)
    finally:
        textfold._fold_fast = fast


def _same(a, b):
    return (a.text, a._points, a._deltas, a._starts, a._ends) == (b.text, b._points, b._deltas, b._starts, b._ends)


@pytest.mark.skipif(textfold._fold_fast is None, reason="extension not built")
@pytest.mark.parametrize("block, compiled", [
    ("Şuşa İSTANBUL\nx\n\nY\n\n\nZ", True),  # line breaks as break_lines has them; İ folds to i
    ("Shushа and Шушa", True),  # mixed-script words (Cyrillic а, Latin a): the fold says so
    ("Степана-\nкерт, Nagorno-\n  Karabakh", True),  # hyphenated at a line end, spaces after the break
    ("a \nb\n c\n\n d", True),
    ("въ Шушѣ – ǝ\tq’da", True),
    ("", True),
    ("e\u0301", False),  # decomposed: the Python path composes it
    ("Шуша\u0301 ы\u0301", True),  # a stress mark NFC keeps (no letter а́ or ы́)
    ("к\u0301", False),  # … but ќ is one letter
    ("a\u0323\u0301", False), ("ы\u0301\u0323", False),  # out of canonical order: not NFC
    ("Ö\u0323", False), ("â\u0323", False), ("ạ\u0302", False),  # NFC reorders or composes them
    ("é\u0301", True),
    ("ΟΔΟΣ", False),  # a final sigma: lower() reads the next letter
    ("a\r\nb", False), ("x\u200by", False), ("emoji 😀", False), ("Ω\u2126", False),
])
def test_compiled_fold_cases(block, compiled):
    assert (textfold._fold_fast(block, *textfold.fast_fold_tables()) is not None) == compiled
    assert _same(textfold.fold_block(block), _python_fold(block))


@pytest.mark.skipif(textfold._fold_fast is None, reason="extension not built")
@given(st.text(FOLD_ALPHABET, max_size=40))
def test_compiled_fold_equals_python(block):
    fast = textfold._fold_fast(block, *textfold.fast_fold_tables())
    assert _same(textfold.fold_block(block), _python_fold(block))
    if fast is not None:  # whatever it folds, it folds as the Python steps do
        text, hyphen, spaces, mixed = fast
        assert text == textfold.fold_chars(block) and unicodedata.is_normalized("NFC", block)
        assert hyphen == ("-\n" in block) and spaces == ("  " in text) and mixed == textfold.has_mixed(text)


@given(st.text(max_size=30))
def test_the_table_folds_as_fold_chars(text):
    table = array("I")
    table.frombytes(textfold.fast_fold_tables()[0])
    for ch in text:
        c = ord(ch)
        if c < len(table) and table[c] != 0xFFFFFFFF:
            if table[c] & 0x80000000:  # a combining mark of that class, kept as it is
                assert unicodedata.combining(ch) == table[c] & 0xFF and textfold.fold_chars(ch) == ch
            else:
                assert chr(table[c] & 0x1FFFFF) == textfold.fold_chars(ch) or ch == "\n"


# -- the compiled span loop (Tagger._hits's common case) ---------------------------------------------
@pytest.fixture(scope="module")
def mini_tagger(tmp_path_factory):
    from conftest import write_dataset
    from gazetteer import Gazetteer

    base = tmp_path_factory.mktemp("spans")
    return Gazetteer(f"sqlite:///{base / 'gz.sqlite'}", data_dir=write_dataset(base / "data")).tagger()


def _hits_both_ways(tagger, text):
    """Tagger._hits with the compiled span loop, and with the Python one."""
    from gazetteer.tagging import tagger as tagger_module
    from gazetteer.tagging.textfold import fold_block

    with_c = tagger._hits(text, fold_block(text))
    real, tagger_module.spans_c = tagger_module.spans_c, None
    try:
        without = tagger._hits(text, fold_block(text))
    finally:
        tagger_module.spans_c = real
    return with_c, without


@pytest.mark.skipif(hitfilter.spans_c is None, reason="extension not built")
@given(st.text("ŞşAaBbLlİıXxQqNnƏə'’- .\n,!" "ШшУуАаНнЕеКкРр" "ՇշՈւԻիԵեՄմ", max_size=80))
def test_tagger_spans_equal_with_and_without_the_compiled_loop(mini_tagger, text):
    """The same spans, cues and flags from the compiled loop and the Python one (the tagger of the
    shared mini dataset, on random texts made of its names' letters and some punctuation)."""
    with_c, without = _hits_both_ways(mini_tagger, text)
    assert with_c == without


@pytest.mark.skipif(hitfilter.spans_c is None, reason="extension not built")
@pytest.mark.parametrize("text", [
    "в Шуше и Şuşada, Şuşa'nın küçələri; ŞUŞA. Şuşa-Xankəndi yolu",
    "Bala kənd. bala. Bala\n\nKənd, Nizami Gəncəvi, şair Füzuli, Şuşa\n\nrayonu",
    "Stepanakert's market, Nagorno-Karabakh\nregion; Mir-Bashir",
])
def test_tagger_spans_equal_on_names(mini_tagger, text):
    with_c, without = _hits_both_ways(mini_tagger, text)
    assert with_c == without and with_c[0]


# -- the extension is the source's ------------------------------------------------------------------
def test_an_extension_built_from_another_source_is_refused(monkeypatch, tmp_path):
    from gazetteer.tagging import compiled

    try:
        from gazetteer.tagging import _hits  # noqa: F401
    except ImportError:
        pytest.skip("extension not built")
    newer = tmp_path / "_hits.c"
    newer.write_bytes(compiled.SOURCE.read_bytes() + b"\n/* changed */\n")
    monkeypatch.setattr(compiled, "SOURCE", newer)
    with pytest.warns(RuntimeWarning, match="older _hits.c"):
        assert compiled.load() is None
    monkeypatch.setattr(compiled, "SOURCE", tmp_path / "not-installed.c")  # a wheel: no source beside it
    assert compiled.load() is not None


@pytest.mark.skipif(hitfilter.spans_c is None, reason="extension not built")
@pytest.mark.parametrize("args, error", [
    (([(0, 0, 1, "")], [((({"": "nom"}, 0, (1,), 0),), 0)], "ab", "abc", frozenset(), ".", {}, set(), set(), 4, [], None),
     ValueError),  # the scan text and the block differ in length
    (([(0, 0, 1)], [((), 0)], "a", "a", frozenset(), ".", {}, set(), set(), 4, [], None), TypeError),  # a 3-tuple hit
    (([(5, 0, 1, "")], [((), 0)], "a", "a", frozenset(), ".", {}, set(), set(), 4, [], None), ValueError),  # no such key
    (([(0, 0, 1, "")], [None], "a", "a", frozenset(), ".", {}, set(), set(), 4, [], None), TypeError),  # no payload
    (([(0, 0, 1, 5)], [(((({"": "nom"}, 0, (1,), 0),), 0))], "a", "a", frozenset(), ".", {}, set(), set(), 4, [], None),
     TypeError),  # a tail that is no str
    (([(0, 0, 1, "")], [((({"": "nom"}, 0, (1,), 0),), 0)], "a", "a", [], ".", {}, set(), set(), 4, [], None),
     TypeError),  # ambiguous words not a set
])
def test_compiled_span_loop_refuses_bad_input(args, error):
    with pytest.raises(error):
        hitfilter.spans_c(*args)


@pytest.mark.skipif(textfold._fold_fast is None, reason="extension not built")
@pytest.mark.parametrize("args, error", [
    (("abc", "not bytes", frozenset()), TypeError),
    ((b"abc", textfold.fast_fold_tables()[0], frozenset()), TypeError),
    (("abc", textfold.fast_fold_tables()[0], [1, 2]), TypeError),
])
def test_compiled_fold_refuses_bad_input(args, error):
    with pytest.raises(error):
        textfold._fold_fast(*args)


@pytest.mark.skipif(textfold._fold_fast is None, reason="extension not built")
def test_compiled_fold_with_a_short_table_leaves_the_rest_to_python():
    assert textfold._fold_fast("ab", b"", frozenset()) is None  # no character is in an empty table
