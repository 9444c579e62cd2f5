"""Ranking the candidates of an ambiguous mention: kind words next to it, the other places of
the same document, and each place's importance. The kind words are data (``context.toml``)."""
from __future__ import annotations

import math
import re
import tomllib
from pathlib import Path

from .textfold import fold_chars

_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
NEAR_KM = 30.0  # two places this close are "the same area" for a document


class KindWords:
    def __init__(self, spec: dict):
        self.preference = spec.get("kind_preference", {})
        self.name_weights = spec.get("name_weight", {})
        self.window = spec.get("window", 2)
        self.exact: dict[str, set[str]] = {}
        self.prefixes: list[tuple[str, set[str]]] = []
        for entry in spec["kinds"].values():
            kinds = set(entry["kinds"])
            for w in entry["words"]:
                w = fold_chars(w)
                if w.endswith("*"):
                    self.prefixes.append((w[:-1], kinds))
                else:
                    self.exact.setdefault(w, set()).update(kinds)

    @classmethod
    def load(cls) -> "KindWords":
        return cls(tomllib.loads((Path(__file__).with_name("context.toml")).read_text(encoding="utf-8")))

    def kinds_near(self, scan: str, start: int, end: int) -> set[str]:
        """Kinds named by the words just before and after a mention (scan text, folded)."""
        left = _WORDS.findall(scan[max(0, start - 60):start])[-self.window:]
        right = _WORDS.findall(scan[end:end + 60])[:self.window]
        found: set[str] = set()
        for w in left + right:
            kinds = self.exact.get(w)
            if kinds:
                found |= kinds
            for p, ks in self.prefixes:
                if w.startswith(p):
                    found |= ks
        return found


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def coherence(place: int, others: set[int], related: list[tuple[int, ...]],
              coords: list[tuple[float, float] | None]) -> float:
    """1 when the place is part of, contains, or lies near a place the document names
    unambiguously; 0.5 when it shares a parent with one; else 0."""
    if not others:
        return 0.0
    rel = related[place]
    if any(r in others for r in rel):
        return 1.0
    here = coords[place]
    if here is not None:
        for o in list(others)[:200]:
            there = coords[o]
            if there is not None and o != place and distance_km(here, there) <= NEAR_KM:
                return 1.0
    parents = set(rel)
    for o in others:
        if parents.intersection(related[o]):
            return 0.5
    return 0.0


def name_weight(name: tuple, weights: dict) -> float:
    """How much a matched name speaks for its place (see [name_weight] in context.toml)."""
    w = weights.get(name[3], 0.6)
    if not name[8]:
        w *= weights.get("not_preferred", 1.0)
    w *= weights.get(name[9], 1.0)  # certainty: uncertain, probable
    if name[2].startswith("und"):
        w *= weights.get("undetermined_language", 1.0)
    return w
