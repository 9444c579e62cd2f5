"""Names of one place written together ("Stepanakert/Khankendi"): the place they all name first."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("query, expected, names", [
    ("Stepanakert/Xankəndi", "stepanakert", 2),
    ("Xankəndi / Stepanakert", "stepanakert", 2),
    ("Şuşa/Շուշի/Шуша", "shusha-town", 3),
])
def test_the_place_all_the_names_name_comes_first(gz, query, expected, names):
    results = gz.resolve(query, limit=5)
    assert results[0].place.id == expected, [(r.place.id, r.score, r.why) for r in results]
    assert results[0].why.count("also named") == 1 and f"+{0.05 * (names - 1):.2f}" in results[0].why


def test_two_places_are_both_offered(gz):
    ids = [r.place.id for r in gz.resolve("Tərtər/Qubadlı", limit=5)]
    assert {"tartar-town", "qubadli-town"} <= set(ids)


def test_what_the_dual_convention_writes_resolves_back(gz):
    # en-dual writes a place with both communities' names; that text finds the place again
    written = gz.tagger().normalize("в Степанакерте", "en-dual")
    name = written.removeprefix("в ").strip()
    assert "/" in name
    assert gz.resolve(name, limit=1)[0].place.id == "stepanakert"


@pytest.mark.parametrize("query", ["/", "a/b", "//"])
def test_no_names_no_results(gz, query):
    assert gz.resolve(query, limit=5) == []
