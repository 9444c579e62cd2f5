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
        self.prefixes: dict[str, set[str]] = {}
        for entry in spec["kinds"].values():
            kinds = set(entry["kinds"])
            for w in entry["words"]:
                w = fold_chars(w)
                if w.endswith("*"):
                    self.prefixes.setdefault(w[:-1], set()).update(kinds)
                else:
                    self.exact.setdefault(w, set()).update(kinds)
        self._prefix_lengths = sorted({len(p) for p in self.prefixes})

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
            for k in self._prefix_lengths:
                if k > len(w):
                    break
                ks = self.prefixes.get(w[:k])
                if ks:
                    found |= ks
        return found


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


class DocumentPlaces:
    """The places a document (or block) names unambiguously, indexed for ``coherence``."""

    CELL = 0.3  # degrees: a 30 km radius never reaches beyond the neighbouring cells

    def __init__(self, places: set[int], related: list[tuple[int, ...]],
                 coords: list[tuple[float, float] | None]):
        self.places = places
        self.related = related
        self.coords = coords
        self.neighbours = {r for p in places for r in related[p]}  # their parents and children
        self._memo: dict[int, float] = {}
        self.grid: dict[tuple[int, int], list[int]] = {}
        for p in places:
            c = coords[p]
            if c is not None:
                self.grid.setdefault((int(c[0] // self.CELL), int(c[1] // self.CELL)), []).append(p)

    def coherence(self, place: int) -> float:
        """1 when the place is part of, contains, or lies within 30 km of a place the document
        names unambiguously; 0.5 when it shares a parent with one; else 0."""
        if not self.places:
            return 0.0
        got = self._memo.get(place)
        if got is None:
            got = self._memo[place] = self._coherence(place)
        return got

    def _coherence(self, place: int) -> float:
        rel = self.related[place]
        if any(r in self.places for r in rel):
            return 1.0
        here = self.coords[place]
        if here is not None:
            ci, cj = int(here[0] // self.CELL), int(here[1] // self.CELL)
            for di in (-1, 0, 1):
                for dj in (-1, 0, 1):
                    for o in self.grid.get((ci + di, cj + dj), ()):
                        if o != place and distance_km(here, self.coords[o]) <= NEAR_KM:
                            return 1.0
        if any(r in self.neighbours for r in rel):
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
