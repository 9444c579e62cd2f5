"""Azerbaijani names the way Russian texts spell them (scheme ru-Cyrl-t-az-x0-practical:
Həsənabad → Гасанабад): a Russian query finds a place the data hold only in Azerbaijani,
and the tagger finds the Russian spelling, declined, in Russian text."""
from __future__ import annotations

import pytest

from conftest import gazetteer_of

SCHEME = "ru-Cyrl-t-az-x0-practical"
PLACES = [
    ("azerbaijan", "country", 40.3, 47.7, "AZ", 10_000_000),
    ("hasanabad", "village", 40.10, 48.60, "AZ", 900),
    ("qubadli", "town", 39.34, 46.58, "AZ", 6000),
    ("xanabad", "village", 39.90, 46.80, "AZ", 700),
    ("agcabedi", "city", 40.05, 47.46, "AZ", 40_000),
]
NAMES = [
    ("azerbaijan", "Azerbaijan", "en", "exonym", "international", "", "", "1"),
    ("hasanabad", "Həsənabad", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("qubadli", "Qubadlı", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("xanabad", "Xanabad", "az-Latn", "official", "azerbaijan", "", "", "1"),
    ("agcabedi", "Ağcabədi", "az-Latn", "official", "azerbaijan", "", "", "1"),
]
MEMBERSHIPS = [(p, "azerbaijan", "azerbaijan", "1991", "") for p in ("hasanabad", "qubadli", "xanabad", "agcabedi")]


@pytest.fixture(scope="module")
def gz(tmp_path_factory):
    return gazetteer_of(tmp_path_factory, "russian", PLACES, NAMES, MEMBERSHIPS)


# (Губадлы is also the Azerbaijani Cyrillic alphabet's spelling: that scheme comes first there)
@pytest.mark.parametrize("query,expected", [("Гасанабад", "hasanabad"), ("Агджабади", "agcabedi"),
                                            ("ГАСАНАБАД", "hasanabad")])
def test_a_russian_spelling_finds_the_azerbaijani_name(gz, query, expected):
    results = gz.resolve(query, limit=3)
    assert results and results[0].place.id == expected, [(r.place.id, r.stage, r.why) for r in results]
    assert results[0].stage == "transliteration" and results[0].scheme == SCHEME


def test_h_is_not_x_in_russian(gz):
    # Гасанабад is Həsənabad (h → г), not Xanabad-like names with x (x → х)
    ids = [r.place.id for r in gz.resolve("Гасанабад", limit=5)]
    assert "xanabad" not in ids[:1]
    assert gz.resolve("Ханабад", limit=1)[0].place.id == "xanabad"


def test_the_tagger_finds_the_russian_spelling_declined(gz):
    mentions = gz.tag("Дорогу в Гасанабаде отремонтировали, из Губадлы приехали строители.")
    assert [(m.text, m.id) for m in mentions] == [("Гасанабаде", "hasanabad"), ("Губадлы", "qubadli")]
    assert mentions[0].matched["scheme"] == SCHEME and mentions[0].case == "loc"
