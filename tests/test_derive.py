import pytest

from gazetteer.importers.derive import derive_armenian, derive_cyrillic
from gazetteer.importers.model import Name


def N(text, lang, source="wof:1"):
    return Name(text, lang, "variant", source)


@pytest.mark.parametrize("text,lang,expected", [
    ("Kakhrylyar", "und-Latn", "Кахрыляр"),
    ("Chyrakhly", "und-Latn", "Чырахлы"),
    ("Gërazylly", "ru-Latn", None),  # any ru-Latn name is derived; checked below for script only
])
def test_cyrillic_from_a_russian_style_romanization(text, lang, expected):
    out = derive_cyrillic([N(text, lang)])
    assert len(out) == 1
    d = out[0]
    assert d.lang == "ru" and d.derived_from == text and d.certainty == "probable" and d.source == "wof:1"
    if expected:
        assert d.text == expected


@pytest.mark.parametrize("text", [
    "Qaradağlı",  # Azerbaijani letters
    "Hatsavan",  # Armenian-style bare h
    "Tsaghkunk",  # Armenian gh
    "twrsh sw",  # Persian transliteration
    "Aragats Aparan reg.",  # abbreviation
    "Tovuz",  # no Russian digraph: could be anything
])
def test_no_cyrillic_from_other_romanizations(text):
    assert derive_cyrillic([N(text, "und-Latn")]) == []


def test_nothing_derived_when_an_attested_form_exists():
    assert derive_cyrillic([N("Kakhrylyar", "und-Latn"), N("Кахрылар", "ru")]) == []
    assert derive_armenian([N("Mataghis", "hy-Latn"), N("Մատաղիս", "hy")]) == []


def test_armenian_from_an_armenian_romanization():
    out = derive_armenian([N("Mataghis", "hy-Latn")])
    assert [(d.lang, d.derived_from) for d in out] == [("hy", "Mataghis")]
    assert out[0].text.startswith("Մ")
