"""The tagger: inflection tables, conventions, offsets, boundaries, ranking, rewriting, shipping."""
from __future__ import annotations

import pickle
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import MINI_MEMBERSHIPS, MINI_NAMES, MINI_PLACES, write_dataset
from gazetteer import Gazetteer, InvalidQuery, UnknownScheme
from gazetteer.tagging import Tagger
from gazetteer.tagging.conventions import examples as convention_examples
from gazetteer.tagging.inflection import forms, grammar
from gazetteer.tagging.textfold import break_lines, fold_block

def tagger_of(tmp_path, places, names, memberships=()) -> Tagger:
    """A tagger over a dataset of its own (one tiny dataset per test)."""
    data = write_dataset(tmp_path / "data", places, names, list(memberships))
    return Gazetteer(f"sqlite:///{tmp_path / 'gz.sqlite'}", data_dir=data).tagger()


# A few more places than the shared fixture: a district and a village homonym, Armenian և,
# a Russian name for Aghdam, a name that is also a common word, a river next to a town.
PLACES = MINI_PLACES + [
    ("aghdam-district", "district", 40.0, 46.9, "AZ", None),
    ("yerevan", "city", 40.18, 44.51, "AM", 1000000),
    ("bala-village", "village", 40.5, 47.0, "AZ", 300),
    ("tartar-river", "river", 40.4, 47.0, "AZ", None),
    ("karabakh", "region", 39.9, 46.8, None, None),
    ("fuzuli-district", "district", 39.6, 47.1, "AZ", None),
    ("azssr", "country", None, None, None, None),
    ("vayots-dzor", "province", 39.76, 45.33, "AM", None),
    ("oktyabr-village", "village", 40.1, 47.2, "AZ", 400),
    ("fuzuli-town", "city", 39.6, 47.15, "AZ", 20000),
    ("berkadzor", "village", 39.85, 46.7, "AZ", 300),
    ("goranboy-town", "city", 40.61, 46.79, "AZ", 18000),
    ("nor-achin", "village", 40.3, 44.6, "AM", 2000),
]
NAMES = MINI_NAMES + [
    ("aghdam-district", "Ağdam", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("aghdam-district", "Aghdam", "en", "exonym", "international", "", "", "1"),
    ("aghdam-town", "Агдам", "ru", "exonym", "russia", "", "", "1"),
    ("yerevan", "Երևան", "hy", "official", "armenia", "", "", "1"),
    ("yerevan", "Yerevan", "en", "exonym", "international", "", "", "1"),
    ("bala-village", "Bala", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("tartar-river", "Tərtərçay", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("karabakh", "Nagorno-Karabakh", "en", "exonym", "international", "", "", "1"),
    ("karabakh", "Нагорный Карабах", "ru", "exonym", "russia", "", "", "1"),
    ("karabakh", "Լեռնային Ղարաբաղ", "hy", "official", "armenia", "", "", "1"),
    ("aghdam-district", "Агдамский район", "ru", "official", "russia", "", "", "1"),
    ("fuzuli-district", "Физулинский район", "ru", "official", "russia", "", "", "1"),
    ("azssr", "Азербайджанская ССР", "ru", "historical", "ussr", "1936", "1991", "1"),
    ("vayots-dzor", "Вайоц Дзор", "ru", "exonym", "russia", "", "", "1"),
    ("vayots-dzor", "Վայոց Ձորի մարզ", "hy", "official", "armenia", "", "", "1"),
    ("oktyabr-village", "Oktyabr", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("fuzuli-town", "Карягино", "ru", "historical", "russian-empire", "", "1959", "0"),
    ("berkadzor", "Բերքաձոր", "hy", "official", "artsakh", "", "", "1"),
    ("nkao", "ԼՂԻՄ", "hy", "abbreviation", "ussr", "1923", "1991", "1"),
    ("goranboy-town", "Геранбой", "ru", "exonym", "russia", "", "", "1"),
    ("nor-achin", "Նոր Աչին", "hy", "official", "armenia", "", "", "1"),
]


@pytest.fixture(scope="module")
def gzm(tmp_path_factory):
    base = tmp_path_factory.mktemp("tagging")
    data = write_dataset(base / "data", PLACES, NAMES, MINI_MEMBERSHIPS)
    return Gazetteer(f"sqlite:///{base / 'gz.sqlite'}", data_dir=data)


@pytest.fixture(scope="module")
def tagger(gzm) -> Tagger:
    return gzm.tagger()


def spans(tagger, text):
    return [(m.text, m.id) for m in tagger.tag(text)]


# -- the data tables carry their own examples ------------------------------------------------------
def _inflection_cases():
    for lang in ("ru", "az", "hy", "en"):
        for ex in grammar(lang).examples:
            for case, expected in ex.items():
                if case != "word":
                    yield pytest.param(lang, ex["word"], case, expected, id=f"{lang}-{ex['word']}-{case}")


@pytest.mark.parametrize("lang,word,case,expected", list(_inflection_cases()))
def test_inflection_table_examples(lang, word, case, expected):
    g = grammar(lang)
    assert g.inflect(word, case) == expected
    assert expected in [f for f, _ in g.forms(word)]


@pytest.mark.parametrize("convention,place,expected", convention_examples())
def test_convention_examples(tagger, convention, place, expected):
    if convention == "id":
        m = tagger.tag("Şuşa")[0]
        assert tagger.normalize("Şuşa", "id") == expected
        return
    assert tagger.name_in(place, convention, "en")[0] == expected


# -- recognition, by language ---------------------------------------------------------------------------
@pytest.mark.parametrize("text,surface,place,suffix", [
    ("Мы были в Шуше вчера.", "Шуше", "shusha-town", "е"),
    ("из Шуши", "Шуши", "shusha-town", "и"),
    ("под Шушой", "Шушой", "shusha-town", "ой"),
    ("в Степанакерте", "Степанакерте", "stepanakert", "е"),
    ("Степанакертом", "Степанакертом", "stepanakert", "ом"),
    ("из Агдама", "Агдама", "aghdam-town", "а"),
    ("в Нагорном Карабахе", "Нагорном Карабахе", "karabakh", ""),
    ("Şuşada", "Şuşada", "shusha-town", "da"),
    ("Şuşanın", "Şuşanın", "shusha-town", "nın"),
    ("Şuşa'da", "Şuşa'da", "shusha-town", "'da"),
    ("Şuşa’nın", "Şuşa’nın", "shusha-town", "’nın"),
    ("Şuşaya", "Şuşaya", "shusha-town", "ya"),
    ("Ağdamdan", "Ağdamdan", "aghdam-town", "dan"),
    ("Xankəndidə", "Xankəndidə", "stepanakert", "də"),
    ("Tərtərdə", "Tərtərdə", "tartar-town", "də"),
    ("ŞUŞADA", "ŞUŞADA", "shusha-town", "DA"),
    ("QUBADLI", "QUBADLI", "qubadli-town", ""),
    ("XANKƏNDİDƏ", "XANKƏNDİDƏ", "stepanakert", "DƏ"),
    ("Շուշիում", "Շուշիում", "shusha-town", "ում"),
    ("Ստեփանակերտից", "Ստեփանակերտից", "stepanakert", "ից"),
    ("Ստեփանակերտի", "Ստեփանակերտի", "stepanakert", "ի"),
    ("Ստեփանակերտը", "Ստեփանակերտը", "stepanakert", "ը"),
    ("Շուշին", "Շուշին", "shusha-town", "ն"),
    ("Լեռնային Ղարաբաղում", "Լեռնային Ղարաբաղում", "karabakh", "ում"),
])
def test_inflected_mentions(tagger, text, surface, place, suffix):
    ms = tagger.tag(text)
    assert [(m.text, m.id) for m in ms] == [(surface, place)]
    m = ms[0]
    assert text[m.start:m.end] == surface
    assert m.suffix == suffix and m.stem + m.suffix == surface


@pytest.mark.parametrize("text", [
    "ПроШушаев пришёл", "Tərtərçayda", "Stepanakertian", "şuşada yox", "Шушинский", "Xankəndilərin",
])
def test_no_mention_inside_words_or_in_lower_case(tagger, text):
    found = spans(tagger, text)
    assert not any(i in ("shusha-town", "stepanakert", "tartar-town") for _, i in found)


@pytest.mark.parametrize("text", ["Stepanakert's mayor", "Stepanakert’s mayor"])
def test_english_possessive_is_recognised_and_left_outside_the_span(tagger, text):
    m, = tagger.tag(text)
    assert (m.text, m.suffix, m.case, m.grammar) == ("Stepanakert", "", "gen", "en")


def test_a_listed_longer_name_wins_and_boundaries_are_checked_per_candidate(tagger):
    assert spans(tagger, "Tərtərçay axır") == [("Tərtərçay", "tartar-river")]
    # the longer key "Tərtərçay" fails its boundary here; the shorter "Tərtər" still counts
    assert spans(tagger, "Tərtər-çayxana") == [("Tərtər", "tartar-town")]


def test_multiword_separators_and_line_breaks(tagger):
    for text in ("Nagorno-Karabakh", "Nagorno Karabakh", "Nagorno–Karabakh", "Nagorno‑Karabakh",
                 "Nagorno\nKarabakh", "Nagorno  Karabakh", "Mir-Bashir", "Mir Bashir", "Mirbashir"):
        ms = tagger.tag(f"in {text}.")
        assert len(ms) == 1 and ms[0].text == text, text
    assert tagger.tag("Nagorno\n\nKarabakh") == [] or all(m.text != "Nagorno\n\nKarabakh"
                                                          for m in tagger.tag("Nagorno\n\nKarabakh"))


def test_offsets_survive_dotted_capitals_ev_and_decomposed_input(tagger):
    text = "İİİ Երևան İ Şuşa, ԵՐԵՎԱՆ Երեւան " + unicodedata.normalize("NFD", "Şuşada") + " Şuşa"
    ms = tagger.tag(text)
    assert [text[m.start:m.end] for m in ms] == [m.text for m in ms]
    assert [m.id for m in ms] == ["yerevan", "shusha-town", "yerevan", "yerevan", "shusha-town", "shusha-town"]
    assert ms[-2].text == unicodedata.normalize("NFD", "Şuşada")


@pytest.mark.parametrize("text, surface", [
    ("Xankǝndi", "Xankǝndi"),  # U+01DD, the turned e some sources type for ə
    ("XANKƎNDİ", "XANKƎNDİ"),  # its capital U+018E
    ("Xankəndidə", "Xankəndidə"),
])
def test_the_turned_e_reads_as_the_schwa(tagger, text, surface):
    assert spans(tagger, text) == [(surface, "stepanakert")]


def test_mixed_script_homoglyphs(tagger):
    # Cyrillic а in a Latin word, Latin a in a Cyrillic word
    assert spans(tagger, "Shushа and Шушa") == [("Shushа", "shusha-town"), ("Шушa", "shusha-town")]


def test_common_words_need_more_than_a_capital(tagger):
    assert spans(tagger, "Bala kənddə oynayır.") == []  # sentence-initial: the word "child"
    assert spans(tagger, "biz Bala kəndində idik") == [("Bala", "bala-village")]
    assert spans(tagger, "bala") == []


def test_ambiguous_mentions_carry_every_candidate_ranked_by_context(tagger):
    district = tagger.tag("Aghdam region")  # ("Ağdam rayonu" is a district's name: rules.toml [kind_phrases])
    assert district[0].text == "Aghdam" and district[0].candidates[0] == "aghdam-district"
    assert set(district[0].candidates) == {"aghdam-district", "aghdam-town", "aghdam-tovuz"}
    village = tagger.tag("the village of Aghdam")[0]
    assert village.id == "aghdam-tovuz"
    town = tagger.tag("Aghdam")[0]
    assert town.id == "aghdam-town" and town.confidence < 0.9


@pytest.mark.parametrize("text", ["Ağdam qəzasında", "the Aghdam uezd", "Aghdam uyezd"])
def test_the_russian_empires_district_word_says_district(tagger, text):
    assert tagger.tag(text)[0].id == "aghdam-district"  # without the word: the town


def _full(mentions):
    return [(m.to_dict(), m.scores) for m in mentions]


def test_rankings_kept_across_documents_are_each_documents_own(tagger):
    # The tagger keeps rankings by member set, kind words and coherence: a ranking made for one
    # document must never stand in for another whose places make a candidate coherent.
    texts = ["Aghdam", "Stepanakert. Aghdam", "Xankəndi. Aghdam region", "Aghdam region", "Yerevan, Aghdam"]
    fresh = [_full(pickle.loads(pickle.dumps(tagger)).tag(t)) for t in texts]
    assert fresh[0][0][1] != fresh[1][1][1]  # the same mention, scored differently by its document
    warm = pickle.loads(pickle.dumps(tagger))
    for text in texts + texts[::-1]:
        warm.tag(text)
    assert [_full(warm.tag(t)) for t in texts] == fresh


def test_coordinated_names_share_the_kind_word(tagger):
    # "Ağdam" alone is the town; in a list ending in a district word, every member is the district
    assert tagger.tag("Ağdam")[0].id == "aghdam-town"
    listed = tagger.tag("Şuşa və Ağdam rayonları")  # the last member takes the plural kind word
    assert [(m.text, m.id) for m in listed][-1] == ("Ağdam rayonları", "aghdam-district")
    listed = tagger.tag("Ağdam və Şuşa rayonları")  # and the others its kind (here Ağdam is a district's name)
    assert [(m.text, m.id) for m in listed] == [("Ağdam", "aghdam-district"), ("Şuşa rayonları", "shusha-district")]
    assert tagger.tag("the Shusha and Aghdam districts")[1].id == "aghdam-district"
    # not a list: a verb between the names
    assert tagger.tag("Ağdam bildirib ki, Şuşa rayonu")[0].id == "aghdam-town"
    # nor names a space apart: the genitive's district word is Şuşa's alone
    listed = tagger.tag("Şuşa rayonu, Ağdam kəndi")[1]
    genitive = tagger.tag("Şuşa rayonunun Ağdam kəndi")[1]
    assert listed.id == "aghdam-district"
    assert genitive.candidates[-1] == "aghdam-district"
    # a list after a district's name ("Ağdam rayonu: Xıdırlı, Kəngərli") does not take its kind word
    assert [m.id for m in tagger.tag("Şuşa rayonu: Ağdam, Qubadlı.")] == ["shusha-district", "aghdam-town", "qubadli-town"]


def test_kind_words_stay_in_their_sentence(tagger):
    assert tagger.tag("Şuşa rayonu. Ağdam bərpa olunur.")[-1].id == "aghdam-town"
    # Russian "в районе X" is "near X": район counts only after the name
    assert tagger.tag("в районе Агдама")[0].id == "aghdam-town"


@pytest.mark.parametrize("text", ["the poet Aghdam wrote", "şair Ağdamın şeirləri", "поэт Агдам писал"])
def test_person_cues_stop_a_mention(tagger, text):
    assert tagger.tag(text) == []


def test_mention_fields(tagger):
    m = tagger.tag("в Шуше")[0]
    d = m.to_dict("doc1")
    assert list(d)[:7] == ["doc", "start", "end", "text", "id", "candidates", "matched"]
    assert d["matched"]["lang"] == "ru" and d["case"] == "loc" and d["grammar"] == "ru"
    assert 0 < d["confidence"] <= 1


# -- rewriting --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,convention,expected", [
    ("Şuşada", "hy", "Շուշի"),                           # another language: the bare name
    ("Xankəndidə", "en-hy", "Stepanakert'də"),           # Azerbaijani sentence, Latin name: apostrophe
    ("Stepanakert's mayor", "az", "Xankəndi's mayor"),   # English possessive stays
    ("Stepanakert's mayor", "hy", "Ստեփանակերտ's mayor"),  # a clitic: outside the mention
    ("в Степанакерте", "ru", "в Степанакерте"),
    ("Xankəndidə", "az", "Xankəndidə"),
    ("ŞUŞADA", "en-az", "SHUSHA'DA"),
    ("Stepanakert", "en-dual", "Stepanakert/Khankendi"),
    ("Ստեփանակերտում", "hy", "Ստեփանակերտում"),
    ("Tərtər", "as-of:1960:azssr:az-Latn", "Mir-Bəşir"),
    ("Şuşada", "id", "[[Şuşada|shusha-town]]"),
    ("no places here", "az", "no places here"),
])
def test_normalize(gzm, text, convention, expected):
    assert gzm.normalize(text, convention) == expected


def test_unknown_convention_lists_the_valid_ones(gzm):
    with pytest.raises(UnknownScheme) as err:
        gzm.normalize("Şuşa", "klingon")
    assert "en-dual" in str(err.value) and "as-of" in str(err.value)


def test_bad_arguments(gzm):
    with pytest.raises(InvalidQuery):
        gzm.tag(b"bytes")
    with pytest.raises(InvalidQuery):
        gzm.tag("x", min_confidence=2)


# -- properties -------------------------------------------------------------------------------------------
NAMEISH = st.sampled_from(["Şuşa", "Шуше", "Շուշիում", "Xankəndidə", "İ", "և", "ŞUŞA", "Nagorno-Karabakh",
                           "Stepanakert's", "\u0307", "\u200b", "  ", "\n", "\r\n", "\r", "-\n", "-\r\n", "Степана-\nкерт", "/", " / ", "'", "Shushа"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=12), NAMEISH), max_size=12).map("".join))
def test_offsets_always_slice_back_to_the_mention(tagger, text):
    last = 0
    for m in tagger.tag(text):
        assert text[m.start:m.end] == m.text
        assert m.text == m.stem + m.suffix
        assert m.start >= last and m.end > m.start
        last = m.end


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=40))
def test_scan_fold_maps_every_position(text):
    f = fold_block(text)
    for i in range(len(f.text)):
        assert 0 <= f.start_of(i) < f.end_of(i + 1) <= len(text)


@pytest.mark.parametrize("text, folded", [
    ("a\nb", "a b"),  # a line wraps
    ("a\n\nb", "a\n\nb"),  # a blank line: a paragraph break
    ("a\r\nb", "a  b"),  # Windows line ends are one break
    ("a\r\n\r\nb", "a\n\n\n\nb"),
    ("a\r\n\r\n\r\nb", "a\n\n\n\n  b"),
    ("a\rb", "a b"),  # old Mac line ends
    ("a\r\rb", "a\n\nb"),
])
def test_line_breaks(text, folded):
    assert break_lines(text) == folded


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab \r\n\x00", max_size=30))
def test_line_breaks_keep_the_length_and_leave_no_carriage_return(text):
    out = break_lines(text)
    assert len(out) == len(text) and "\r" not in out


@pytest.mark.parametrize("sep, one_mention", [("\n", True), ("\r\n", True), ("\r", True),
                                              ("\n\n", False), ("\r\n\r\n", False)])
def test_a_name_wraps_across_a_line_end_of_any_system(tagger, sep, one_mention):
    text = f"In the Şuşa{sep}rayonu today."
    got = [(m.text, m.id) for m in tagger.tag(text)]
    if one_mention:
        assert got == [(f"Şuşa{sep}rayonu", "shusha-district")]
    else:
        assert got == [("Şuşa", "shusha-town")]  # a paragraph break: the district's name does not span it


@pytest.mark.parametrize("text, expected", [
    ("в Степана-\nкерте", [("Степана-\nкерте", "stepanakert", "е")]),  # a word hyphenated at a line end
    ("в Степана-\r\n   керте", [("Степана-\r\n   керте", "stepanakert", "е")]),  # Windows line end, indented
    ("Nagorno-\nKarabakh Autonomous Oblast", [("Nagorno-\nKarabakh Autonomous Oblast", "nkao", "")]),
    ("Şuşa-\nXankəndi", [("Şuşa", "shusha-town", ""), ("Xankəndi", "stepanakert", "")]),  # a capital: two names
    ("Шуша -\nСтепанакерт", [("Шуша", "shusha-town", ""), ("Степанакерт", "stepanakert", "")]),  # a dash
])
def test_a_word_hyphenated_at_a_line_end(tagger, text, expected):
    got = [(m.text, m.id, m.suffix) for m in tagger.tag(text)]
    assert got == expected
    for m in tagger.tag(text):
        assert text[m.start:m.end] == m.text == m.stem + m.suffix


@pytest.mark.parametrize("text, expected", [
    ("Шушада", [("Шушада", "shusha-town", "az:loc")]),  # the Azerbaijani Cyrillic of 1958–1991
    ("Ханкәндидән", [("Ханкәндидән", "stepanakert", "az:abl")]),
    ("Ханкәнди", [("Ханкәнди", "stepanakert", "nom")]),
    ("Шуша рајонунда", [("Шуша рајонунда", "shusha-district", "az:loc")]),
    ("Тәртәрин", [("Тәртәрин", "tartar-town", "az:gen")]),
    ("в Шуше", [("Шуше", "shusha-town", "ru:loc")]),  # Russian, as before
])
def test_azerbaijani_cyrillic_texts(tagger, text, expected):
    got = [(m.text, m.id, f"{m.grammar}:{m.case}" if m.grammar else m.case) for m in tagger.tag(text)]
    assert got == expected


def test_a_bare_cyrillic_spelling_needs_a_letter_russian_lacks(tmp_path):
    # The variant Qoşa is Гоша in Azerbaijani Cyrillic, all Russian letters: in a Russian text
    # that is a Russian word or another place's Russian name, so only its Azerbaijani forms are
    # keys. (The place has a Russian name of its own, so no Russian spelling is made of its
    # variants either.)
    places = [("qosa", "village", 40.0, 47.0, "AZ", 100), ("berde", "town", 40.37, 47.13, "AZ", 30000)]
    names = [("qosa", "Qoşa", "az-Latn", "variant", "", "", "", "0"),
             ("qosa", "Коша", "ru", "exonym", "russia", "", "", "1"),
             ("berde", "Bərdə", "az-Latn", "official", "azerbaijan", "", "", "1"),
             ("berde", "Барда", "ru", "exonym", "russia", "", "", "1")]
    tg = tagger_of(tmp_path, places, names)
    assert [m.id for m in tg.tag("Гошада")] == ["qosa"]
    assert tg.tag("Гоша") == []
    assert [m.id for m in tg.tag("Бәрдә")] == ["berde"]  # ә: no Russian spelling


@pytest.mark.parametrize("text, expected", [
    ("въ Шушѣ", [("Шушѣ", "shusha-town", "ѣ")]),  # Russian before 1918: ѣ read as е
    ("Степанакертъ", [("Степанакертъ", "stepanakert", "ъ")]),  # the hard sign after a final consonant
    ("со Степанакертомъ", [("Степанакертомъ", "stepanakert", "омъ")]),
])
def test_russian_spelled_as_before_1918(tagger, text, expected):
    assert [(m.text, m.id, m.suffix) for m in tagger.tag(text)] == expected


def test_old_spellings_keep_a_compound_name_one_stem(tmp_path):
    # the hard sign goes on the words a form declines: a compound name's first word stays, so its
    # forms still share one stem and the tagger reads the ending (Верин Геташене: loc)
    from gazetteer.tagging.inflection import forms
    got = dict(forms("Верин Геташен", "ru", "Cyrl"))
    assert "Верин Геташенъ" in got and "Веринъ Геташенъ" not in got
    adjective = dict(forms("Шушинский уезд", "ru", "Cyrl"))
    assert adjective["Шушинскомъ уезде"] == "ru:loc" and adjective["Шушинскаго уезда"] == "ru:gen"
    today = dict(forms("Шушинский уезд", "ru", "Cyrl", old_spellings=False))  # as the speed corpus is written
    assert "Шушинского уезда" in today and not any("ъ" in f or "аго" in f for f in today)
    tg = tagger_of(tmp_path, [("getashen", "village", 40.0, 45.0, "AM", 100)],
                   [("getashen", "Верин Геташен", "ru", "exonym", "russia", "", "", "1")])
    assert [(m.stem, m.suffix, m.case) for m in tg.tag("в Верин Геташене")] == [("Верин Геташен", "е", "loc")]
    assert [(m.stem, m.suffix, m.case) for m in tg.tag("Верин Геташенъ")] == [("Верин Геташен", "ъ", "nom")]


@pytest.mark.parametrize("text, expected", [
    ("in Stepanakert/Xankəndi", [("Stepanakert/Xankəndi", "stepanakert", "nom")]),  # as en-dual writes it
    ("Stepanakert / Xankəndi", [("Stepanakert / Xankəndi", "stepanakert", "nom")]),
    ("Şuşa/Շուշի/Шуша", [("Şuşa/Շուշի/Шуша", "shusha-town", "nom")]),
    ("в Степанакерте/Ханкенди", [("Степанакерте/Ханкенди", "stepanakert", "loc")]),  # the pair in one case
    ("Tərtər/Qubadlı", [("Tərtər", "tartar-town", "nom"), ("Qubadlı", "qubadli-town", "nom")]),  # two places
])
def test_names_of_one_place_joined_by_a_slash_are_one_mention(tagger, text, expected):
    got = [(m.text, m.id, m.case) for m in tagger.tag(text)]
    assert got == expected
    for m in tagger.tag(text):
        assert text[m.start:m.end] == m.text


NORMALIZE_TEXTS = ["Fighting near Stepanakert and in Shusha; roads to Tərtər and Ağdam.",
                   "в Степанакерте/Ханкенди и в Шуше, Şuşada, Շուշիում.",
                   "Xankəndidə. Stepanakert's mayor. ŞUŞA."]


@pytest.mark.parametrize("convention", ["az", "hy", "ru", "en-az", "en-hy", "en-dual", "id", "as-of:1980"])
@pytest.mark.parametrize("text", NORMALIZE_TEXTS)
def test_normalizing_twice_changes_nothing(tagger, convention, text):
    once = tagger.normalize(text, convention)
    assert tagger.normalize(once, convention) == once


def test_id_markup_is_left_as_it_is(tagger):
    text = "[[Шуша|shusha-town]] и Агдам"
    assert tagger.normalize(text, "id") == "[[Шуша|shusha-town]] и [[Агдам|aghdam-town]]"
    assert tagger.normalize(text, "az").startswith("[[Шуша|shusha-town]] и ")


def test_block_boundaries_keep_offsets(tagger):
    text = ("Şuşa " * 70000) + "\n\nв Шуше"
    ms = list(tagger.iter_tag(text))
    assert len(ms) == 70001 and text[ms[-1].start:ms[-1].end] == "Шуше"


# -- shipping to workers ----------------------------------------------------------------------------------
def test_tagger_pickles_small_and_works_after(tagger):
    blob = pickle.dumps(tagger)
    clone = pickle.loads(blob)
    assert [m.id for m in clone.tag("в Шуше")] == ["shusha-town"]
    assert len(blob) < 200_000


def test_tagger_runs_in_a_dask_bag(tagger):
    db = pytest.importorskip("dask.bag")
    texts = ["в Шуше", "Xankəndidə", "Շուշիում", "nothing"]
    bag = db.from_sequence(texts, npartitions=2).map(lambda t: [m.id for m in tagger.tag(t)])
    assert bag.compute(scheduler="processes", num_workers=2) == [["shusha-town"], ["stepanakert"],
                                                                  ["shusha-town"], []]


def test_forms_put_the_name_first():
    assert forms("Şuşa", "az-Latn")[0] == ("Şuşa", "nom")


@pytest.mark.parametrize("text", [
    "the poet Aghdam wrote; the 5poet Aghdam; Nizami Gəncəvi and Nizami in Ganja",
    "Степана Шаумяна и Степанакерт, Ստեփան Շահումյանի, the general of Shusha, generally Shusha",
    "şair  Füzulinin şeirləri, poet\nFuzuli, poet, Fuzuli",
])
def test_person_cue_positions_only_skip_mentions_no_cue_could_stop(tagger, text):
    """The scan records where person cues start; a mention without one beside it skips
    is_person. Checking every mention gives the same result."""
    folded, spans, cues, adjectives = tagger._scan(text)
    named = (tagger._singles(spans), tagger._singles(adjectives))
    others = {p for _, singles in named for p in singles if p is not None}
    everywhere = (list(range(len(folded.text) + 1)), set(range(len(folded.text) + 2)))
    with_cues = tagger._mentions(text, 0, folded, spans, others, cues, named)
    assert with_cues == tagger._mentions(text, 0, folded, spans, others, everywhere, named)
    assert [m.to_dict() for m in with_cues] == [m.to_dict() for m in tagger.tag_block(text)]


@pytest.mark.parametrize("text,surface", [
    ("в Мир-Башире", "Мир-Башире"),  # stored only as Mir-Bashir / Mir-Bəşir
    ("из Мир-Башира", "Мир-Башира"),
    ("Мир-Башир", "Мир-Башир"),
])
def test_latin_only_names_are_found_in_russian_text_declined(tagger, text, surface):
    """A place with no stored Russian name is still found in Russian prose: the Cyrillic key the
    index generates from its Latin names is declined by the Russian table, and says its scheme."""
    ms = [m for m in tagger.tag(text) if m.id == "tartar-town"]
    assert [m.text for m in ms] == [surface]
    from gazetteer.tagging.keytable import CYRILLIC_SCHEMES

    assert ms[0].matched["scheme"] in CYRILLIC_SCHEMES


def test_generated_cyrillic_keys_need_a_capital(tagger):
    assert not [m for m in tagger.tag("в мир-башире") if m.id == "tartar-town"]


@pytest.mark.parametrize("text,expected", [
    ("Физулинский и Агдамский районы", [("Физулинский", "fuzuli-district"), ("Агдамский районы", "aghdam-district")]),
    ("жители Физулинского и Агдамского районов",
     [("Физулинского", "fuzuli-district"), ("Агдамского районов", "aghdam-district")]),
    ("в Физулинском и Агдамском районах", [("Физулинском", "fuzuli-district"), ("Агдамском районах", "aghdam-district")]),
    ("жители Агдамского района", [("Агдамского района", "aghdam-district")]),
])
def test_members_of_a_russian_list_share_the_plural_kind_word(tagger, text, expected):
    assert spans(tagger, text) == expected


def test_a_list_member_is_rewritten_as_one_place_in_its_case(gzm):
    out = gzm.normalize("жители Физулинского и Агдамского районов", convention="ru")
    assert out == "жители Физулинского района и Агдамского района"


def test_an_adjective_alone_needs_its_capital(tagger):
    assert spans(tagger, "физулинский и агдамский районы") == []


@pytest.mark.parametrize("text,word", [("Քաղաքը վերանվանվել է։ Հին անունն է", "Հին"),
                                       ("Стройка завершена. Новое покрытие", "Новое")])
def test_a_word_after_a_full_stop_in_any_script_is_sentence_initial(text, word):
    """Armenian ends a sentence with ։ (not .): the word after it is capitalised as any word is."""
    from gazetteer.tagging.tagger import _sentence_initial

    assert _sentence_initial(text, text.index(word))
    assert not _sentence_initial(text, text.index(word) + len(word) + 1)


# Cases of the inflection and rules tables, one row each: the text, and its mentions.
TABLE_CASES = [
    # ru.toml: abbreviations never decline; a compound without a head noun declines on its last word
    pytest.param("в составе Азербайджанской ССР в 1930 году", [("Азербайджанской ССР", "azssr")], id="ru-ssr"),
    pytest.param("В АЗЕРБАЙДЖАНСКОЙ ССР", [("АЗЕРБАЙДЖАНСКОЙ ССР", "azssr")], id="ru-ssr-caps"),
    pytest.param("в Вайоц Дзоре и рядом", [("Вайоц Дзоре", "vayots-dzor")], id="ru-compound"),
    # ru.toml: a last word in -ой is a noun (Геранбоя, not Геранбого)
    pytest.param("Жители Геранбоя и Геранбое", [("Геранбоя", "goranboy-town"), ("Геранбое", "goranboy-town")],
                 id="ru-noun-oi"),
    # hy.toml [abbreviation]: an abbreviation's ending after a hyphen is part of the mention;
    # a hyphen before anything else is not
    pytest.param("գտնվում էր ԼՂԻՄ-ից հյուսիս", [("ԼՂԻՄ-ից", "nkao")], id="hy-abbreviation-abl"),
    pytest.param("ԼՈՒՐԵՐ ԼՂԻՄ-Ի ԴԱՇՏԵՐԻՑ", [("ԼՂԻՄ-Ի", "nkao")], id="hy-abbreviation-caps"),
    pytest.param("ԼՂԻՄ-Ստեփանակերտ", [("ԼՂԻՄ", "nkao"), ("Ստեփանակերտ", "stepanakert")], id="hy-abbreviation-compound"),
    pytest.param("լղիմ-ից", [], id="hy-abbreviation-lower"),
    # az.toml: the predicative -dIr
    pytest.param("Kənd Şuşa rayonundadır.", [("Şuşa rayonundadır", "shusha-district")], id="az-copula-loc"),
    pytest.param("Bu Şuşadır.", [("Şuşadır", "shusha-town")], id="az-copula"),
    # rules.toml [list_heads.hy]: a list member with its kind word in the plural
    pytest.param("Երևան, Արարատի և Վայոց Ձորի մարզեր։", [("Երևան", "yerevan"), ("Վայոց Ձորի մարզեր", "vayots-dzor")],
                 id="hy-list"),
    pytest.param("Ապրում են Վայոց Ձորի մարզերում։", [("Վայոց Ձորի մարզերում", "vayots-dzor")], id="hy-list-loc"),
    # rules.toml [ambiguous_words]: a month that is also a village, not at the start of a sentence
    pytest.param("Oktyabrın ikinci ongünlüyündə yağış yağdı.", [], id="az-month-initial"),
    pytest.param("Kənd sakinləri Oktyabrda toplaşdı.", [("Oktyabrda", "oktyabr-village")], id="az-month-inside"),
    # rules.toml [cross_script]: a Russian name in Armenian letters, an Armenian one in Cyrillic, declined
    pytest.param("Կարյագինո քաղաքը", [("Կարյագինո", "fuzuli-town")], id="hy-from-ru"),
    pytest.param("Մենք Կարյագինոյից ենք։", [("Կարյագինոյից", "fuzuli-town")], id="hy-from-ru-abl"),
    pytest.param("Жители Беркадзора вернулись.", [("Беркадзора", "berkadzor")], id="ru-from-hy"),
    pytest.param("Село Нор-Ачин, в Нор-Ачине, в Нор Ачине", [("Нор-Ачин", "nor-achin"), ("Нор-Ачине", "nor-achin"),
                                                          ("Нор Ачине", "nor-achin")], id="ru-from-hy-hyphenated"),
    # rules.toml [kind_phrases]: a district stored as "Ağdam" alone is also "Ağdam rayonu", inflected;
    # a town is named without its kind word, which stays outside the span
    pytest.param("Ağdam rayonunun sakinləri qayıdır.", [("Ağdam rayonunun", "aghdam-district")], id="az-district"),
    pytest.param("Kənd Aghdam District ərazisindədir.", [("Aghdam District", "aghdam-district")], id="en-district"),
    pytest.param("Şuşa şəhərində bərpa işləri gedir.", [("Şuşa", "shusha-town")], id="az-town"),
]


@pytest.mark.parametrize("text,expected", TABLE_CASES)
def test_table_rules(tagger, text, expected):
    assert spans(tagger, text) == expected


def test_normalizer_keeps_the_copula_after_the_new_name(tagger):
    assert tagger.normalize("Bu Şuşadır.", convention="en-az") == "Bu Shusha'dır."
    assert tagger.normalize("Bu Şuşadadır.", convention="az") == "Bu Şuşadadır."


def test_a_given_name_cue_is_not_the_start_of_a_longer_word(tagger):
    # ստեփան* (Stepan, a given name before a surname) must not fire inside Ստեփանակերտից
    assert spans(tagger, "Ստեփանակերտից Երևան տանող ճանապարհը։") == [
        ("Ստեփանակերտից", "stepanakert"), ("Երևան", "yerevan")]


@pytest.mark.parametrize("text, matched", [
    ("Aghjabadi District", "Aghjabadi District"),  # the stored phrase, not "Aghjabadi" + a kind word
    ("Ağcabədi rayonunda", "Ağcabədi"),  # no stored phrase: the kind phrase made from the name
])
def test_kind_phrases_never_hide_a_stored_phrase(tmp_path, text, matched):
    places = [("aghjabadi-district", "district", 40.0, 47.5, "AZ", None)]
    names = [("aghjabadi-district", "Aghjabadi", "en", "exonym", "international", "", "", "1"),
             ("aghjabadi-district", "Aghjabadi District", "en", "variant", "international", "", "", "0"),
             ("aghjabadi-district", "Ağcabədi", "az-Latn", "official", "azerbaijan", "", "", "1")]
    tagged = tagger_of(tmp_path, places, names).tag(text)
    assert [(m.text, m.matched["text"]) for m in tagged] == [(text, matched)]


@pytest.mark.parametrize("text, expected", [
    ("в Агдамском и Физулинском районах", [("Агдамском", "aghdam-district"), ("Физулинском районах", "fuzuli-district")]),
    ("Агдамский, Физулинский районы", [("Агдамский", "aghdam-district"), ("Физулинский районы", "fuzuli-district")]),
    ("Агдамский винзавод выпустил вино", []),  # an adjective, not a list member
    ("Агдамский, Физулинский", []),  # no plural kind word ends the list
    ("в Агдамском районе", [("Агдамском районе", "aghdam-district")]),
])
def test_an_adjective_alone_names_a_district_only_in_a_list(tagger, text, expected):
    assert spans(tagger, text) == expected


PROVINCES = [("am-ar", "province", 39.9, 44.7, "AM", None), ("am-kt", "province", 40.4, 44.6, "AM", None),
             ("am-vd", "province", 39.8, 45.4, "AM", None), ("karabakh-khanate", "historical_state", 39.8, 46.7, "AZ", None)]
PROVINCE_NAMES = [("am-ar", "Араратская область", "ru", "exonym", "russia", "", "", "1"),
                  ("am-kt", "Котайкская область", "ru", "exonym", "russia", "", "", "1"),
                  ("am-vd", "Вайоцдзорская область", "ru", "exonym", "russia", "", "", "1"),
                  ("karabakh-khanate", "Карабахское ханство", "ru", "exonym", "russia", "", "", "1")]


@pytest.mark.parametrize("text, expected", [
    ("в Араратскую, Котайкскую и Вайоцдзорскую области",  # the plural of область ends the list
     [("Араратскую", "am-ar"), ("Котайкскую", "am-kt"), ("Вайоцдзорскую области", "am-vd")]),
    ("в Араратской и Котайкской областях", [("Араратской", "am-ar"), ("Котайкской областях", "am-kt")]),
    ("в Араратскую, Котайкскую и Вайоцдзорскую область",  # or its singular, in the same case
     [("Араратскую", "am-ar"), ("Котайкскую", "am-kt"), ("Вайоцдзорскую область", "am-vd")]),
    ("в Араратской и Котайкскую область", [("Котайкскую область", "am-kt")]),  # cases differ: no list
    ("Араратской дорогой и Котайкской области", [("Котайкской области", "am-kt")]),  # no list
    ("крепость Карабахского ханства", [("Карабахского ханства", "karabakh-khanate")]),  # neuter nouns decline
    ("в Карабахском ханстве", [("Карабахском ханстве", "karabakh-khanate")]),
])
def test_a_list_of_adjectives_ends_in_the_kind_word_singular_or_plural(tmp_path, text, expected):
    assert spans(tagger_of(tmp_path, PROVINCES, PROVINCE_NAMES), text) == expected


def test_an_adjective_that_is_no_mention_still_sets_the_context(tagger):
    # "Агдамский винзавод" is no mention, but the text is about Ağdam: the district and the town
    # get the coherence a mention of the district would give them
    plain = tagger.tag("Винзавод работает. Aghdam")[0]
    with_adjective = tagger.tag("Агдамский винзавод работает. Aghdam")
    assert [m.text for m in with_adjective] == ["Aghdam"]
    assert with_adjective[0].candidates == plain.candidates and with_adjective[0].scores > plain.scores


def test_an_ambiguous_word_that_is_a_stem_with_an_ending_is_not_tagged_at_a_sentence_start(tmp_path):
    places = [("novoye", "village", 39.2, 46.5, "AM", None)]
    names = [("novoye", "Новое", "ru", "official", "armenia", "", "", "1")]
    tagger = tagger_of(tmp_path, places, names)
    assert tagger.table.keys.get("новое") is None  # the automaton's stem is "нов", the word "новое"
    assert spans(tagger, "Дороги отремонтированы. Новое покрытие уложено.") == []
    assert spans(tagger, "Дорогу в село Новое отремонтировали.") == [("Новое", "novoye")]


def test_stop_words_are_never_tagged_though_a_place_has_them_as_names(tmp_path):
    # rules.toml [stop]: "capital" and "mother city", epithets of Vagharshapat in a GeoNames label
    places = [("vagharshapat", "town", 40.17, 44.29, "AM", 46000)]
    names = [("vagharshapat", "Վաղարշապատ", "hy", "official", "armenia", "", "", "1"),
             ("vagharshapat", "Մայրաքաղաք", "hy", "variant", "", "", "", "0"),
             ("vagharshapat", "Քաղաքամայր", "hy", "variant", "", "", "", "0")]
    tagger = tagger_of(tmp_path, places, names)
    text = "Այսօր Մայրաքաղաք և Քաղաքամայր բառերը, իսկ Վաղարշապատում՝ տոն։"
    assert [m.text for m in tagger.tag(text)] == ["Վաղարշապատում"]


@pytest.mark.parametrize("text, expected", [
    ("part of the seven districts around it", [("seven districts", "seven-districts")]),  # a lower-case phrase
    ("the Seven Districts", [("Seven Districts", "seven-districts")]),
    ("a new bina was built", []),  # a one-word name stored in lower case: a word in prose
    ("in Bina", [("Bina", "bina")]),
    ("ba ku and Ba ku", [("Ba ku", "baku")]),  # a machine romanization keeps the capital
])
def test_lower_case_phrases_match_in_lower_case(tmp_path, text, expected):
    places = [("seven-districts", "region", 39.8, 46.8, "AZ", None), ("bina", "village", 40.45, 50.08, "AZ", None),
              ("baku", "city", 40.4, 49.9, "AZ", None)]
    names = [("seven-districts", "seven districts", "en", "exonym", "international", "", "", "1"),
             ("bina", "bina", "az-Latn", "official", "azerbaijan", "", "", "1"),
             ("baku", "ba ku", "und-Latn", "variant", "", "", "", "0")]
    tagger = tagger_of(tmp_path, places, names)
    assert spans(tagger, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("the valley of the Karkar river", []),  # the river is not in the data; the village is not meant
    ("Karkar çayının sahilində", []),
    ("на берегу озера Севан", []),
    ("the village of Karkar", [("Karkar", "karkar")]),
    ("Karkar Çaykəndə yaxındır", [("Karkar", "karkar")]),  # a word that merely starts like çay
    ("в городе Севан", [("Севан", "sevan")]),
    ("the Kura river", [("Kura", "kura")]),  # a river of the data stays
    ("река Кура", [("Кура", "kura")]),
])
def test_a_name_beside_a_feature_word_of_another_kind_is_dropped(tmp_path, text, expected):
    places = [("karkar", "village", 40.95, 44.44, "AM", 1400), ("sevan", "town", 40.55, 44.95, "AM", 19000),
              ("kura", "river", None, None, None, None)]
    names = [("karkar", "Karkar", "en", "exonym", "international", "", "", "1"),
             ("karkar", "Karkar", "az-Latn", "official", "azerbaijan", "", "", "1"),
             ("sevan", "Севан", "ru", "exonym", "russia", "", "", "1"),
             ("kura", "Kura", "en", "exonym", "international", "", "", "1"),
             ("kura", "Кура", "ru", "exonym", "russia", "", "", "1")]
    tagger = tagger_of(tmp_path, places, names)
    assert spans(tagger, text) == expected


@pytest.mark.parametrize("text", ["\ud800 Şuşa", "Şuşa\udfff в Шуше", "\udcff\udcfeШуша"])
def test_lone_surrogates_in_the_text_keep_the_offsets(tagger, text):
    # text decoded with surrogateescape: the automaton reads UTF-8, so they stand in as U+FFFD
    mentions = tagger.tag(text)
    assert mentions and all(text[m.start:m.end] == m.text for m in mentions)
    assert [m.id for m in mentions] == ["shusha-town"] * len(mentions)


def test_a_village_goes_with_the_district_of_its_own_paragraph(tmp_path):
    # two villages named Kosalar, one in each district; the document names both districts, so
    # only the paragraph tells them apart
    places = [("xocali-district", "district", 39.9, 46.8, "AZ", None),
              ("tovuz-district", "district", 40.99, 45.62, "AZ", None),
              ("kosalar-xocali", "village", 39.93, 46.72, "AZ", 200),
              ("kosalar-tovuz", "village", 40.95, 45.65, "AZ", 900)]
    names = [("xocali-district", "Xocalı rayonu", "az-Latn", "official", "azerbaijan", "", "", "1"),
             ("tovuz-district", "Tovuz rayonu", "az-Latn", "official", "azerbaijan", "", "", "1"),
             ("kosalar-xocali", "Kosalar", "az-Latn", "official", "azerbaijan", "", "", "1"),
             ("kosalar-tovuz", "Kosalar", "az-Latn", "official", "azerbaijan", "", "", "1")]
    memberships = [("kosalar-xocali", "xocali-district", "azerbaijan", "1991", ""),
                   ("kosalar-tovuz", "tovuz-district", "azerbaijan", "1991", "")]
    tagger = tagger_of(tmp_path, places, names, memberships)
    first = "Xocalı rayonunun Xanabad, Kosalar və Xəlfəli kəndlərində minatəmizləmə başlanıb."
    second = "Tovuz rayonunun Ağdam, Kosalar və Qovlar kəndlərində yollar bərpa olunur."
    for text in (f"{first}\n\n{second}", f"{second}\n\n{first}"):
        got = {m.start: m for m in tagger.tag(text) if m.text == "Kosalar"}
        assert len(got) == 2
        for m in got.values():
            district = "xocali-district" if text.rfind("Xocalı", 0, m.start) > text.rfind("Tovuz", 0, m.start) else "tovuz-district"
            want = "kosalar-xocali" if district == "xocali-district" else "kosalar-tovuz"
            assert m.id == want and set(m.candidates) == {"kosalar-xocali", "kosalar-tovuz"}, (text, m)


def test_a_list_member_goes_with_the_other_members(tmp_path):
    # two villages named Ванк; the paragraph names a place near each, the list only the first's
    # neighbours: the list decides (the other Ванк is the bigger village)
    places = [("vank-a", "village", 40.15, 46.55, "AZ", 100), ("vank-b", "village", 39.50, 45.50, "AM", 2000),
              ("talysh", "village", 40.17, 46.60, "AZ", None), ("madagiz", "village", 40.20, 46.70, "AZ", None),
              ("goris", "town", 39.51, 45.52, "AM", 20000)]
    names = [("vank-a", "Ванк", "ru", "official", "russia", "", "", "1"),
             ("vank-b", "Ванк", "ru", "official", "russia", "", "", "1"),
             ("talysh", "Талыш", "ru", "official", "russia", "", "", "1"),
             ("madagiz", "Мадагиз", "ru", "official", "russia", "", "", "1"),
             ("goris", "Горис", "ru", "official", "russia", "", "", "1")]
    tagger = tagger_of(tmp_path, places, names)
    text = "Из Гориса приехали агрономы. В колхозах сёл Талыш, Мадагиз и Ванк собрано зерно."
    vank = [m for m in tagger.tag(text) if m.text == "Ванк"][0]
    assert vank.id == "vank-a" and set(vank.candidates) == {"vank-a", "vank-b"}
    alone = [m for m in tagger.tag("Из Гориса приехали агрономы. В селе Ванк собрано зерно.") if m.text == "Ванк"][0]
    assert alone.id == "vank-b"  # without the list, the bigger village
