"""In the typo band the edits weigh more than importance: the village one transposition away
beats the city two letters away."""
from __future__ import annotations

import pytest

from conftest import gazetteer_of

PLACES = [
    ("armenia", "country", 40.2, 44.5, "AM", None),
    ("vanadzor", "city", 40.81, 44.49, "AM", 80000),
    ("aghavnadzor", "village", 39.79, 45.23, "AM", 700),
    ("gugark", "town", 40.80, 44.55, "AM", 9000),
    ("gugavar", "village", 40.70, 46.10, "AZ", 300),
    ("a-vanadzur", "village", 40.10, 45.00, "AM", 200),  # an id that sorts before the city's
]
NAMES = [
    ("armenia", "Armenia", "en", "exonym", "international", "", "", "1"),
    ("vanadzor", "Ванадзор", "ru", "exonym", "russia", "", "", "1"),
    ("vanadzor", "Vanadzor", "en", "exonym", "international", "", "", "1"),
    ("vanadzor", "Վանաձոր", "hy", "official", "armenia", "", "", "1"),
    ("vanadzor", "Kirovakan", "en", "historical", "ussr", "1935", "1993", "0"),
    ("vanadzor", "Кировакан", "ru", "historical", "ussr", "1935", "1993", "0"),
    ("vanadzor", "Karakilisa", "en", "historical", "russian-empire", "", "1935", "0"),
    ("aghavnadzor", "Ахавнадзор", "ru", "variant", "", "", "", "0"),
    ("gugark", "Gugark", "en", "exonym", "international", "", "", "1"),
    ("gugark", "Գուգարք", "hy", "official", "armenia", "", "", "1"),
    ("gugark", "Гугарк", "ru", "exonym", "russia", "", "", "1"),
    ("gugavar", "Гюгявар", "ru", "variant", "", "", "", "0"),
    ("a-vanadzur", "Vanadzur", "en", "exonym", "international", "", "", "1"),
]
MEMBERSHIPS = [(p, "armenia", "armenia", "1991", "") for p in ("vanadzor", "aghavnadzor", "gugark")]


@pytest.fixture(scope="module")
def gz(tmp_path_factory):
    return gazetteer_of(tmp_path_factory, "typos", PLACES, NAMES, MEMBERSHIPS)


@pytest.mark.parametrize("query,nearer,bigger", [
    ("Ахванадзор", "aghavnadzor", "vanadzor"),  # one transposition; the city is two deletions away
    ("Гюгяар", "gugavar", "gugark"),  # one deletion in spelling; the town one edit away in sound
])
def test_fewer_edits_beat_importance(gz, query, nearer, bigger):
    results = gz.resolve(query, limit=5)
    ids = [r.place.id for r in results]
    assert ids[0] == nearer, [(r.place.id, r.score, r.why) for r in results]
    assert bigger in ids  # still offered, below
    assert results[0].stage == "fuzzy" and "1 edit away" in results[0].why


def test_the_same_edits_leave_importance_to_decide(gz):
    # one letter off both Vanadzor and Vanadzur: the city first, though the village's id sorts first
    results = gz.resolve("Vanadzar", limit=5)
    assert [r.place.id for r in results][:2] == ["vanadzor", "a-vanadzur"], [(r.place.id, r.score) for r in results]
    assert results[0].why.count("1 edit away") == results[1].why.count("1 edit away") == 1
