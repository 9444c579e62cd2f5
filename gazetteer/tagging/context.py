"""Ranking the candidates of an ambiguous mention: kind words next to it, the other places of
the same document, and each place's importance. The kind words are data (``context.toml``)."""
from __future__ import annotations

import math
import re
import tomllib
from array import array
from pathlib import Path

from .compiled import HITS
from .textfold import fold_chars

_WORDS = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_SENTENCE = re.compile(r"[.!?;։…]\s|\n")  # a kind word is never looked for across a sentence end
_GAP = re.compile(r"[\s,]+")
_near_words = HITS.near_words if HITS is not None else None
_coherences = HITS.coherences if HITS is not None else None
_paragraph_coherences = HITS.paragraph_coherences if HITS is not None else None
_CELL_KEY = 1 << 16  # grid cell (i, j) -> i * _CELL_KEY + j
NEAR_KM = 30.0  # two places this close are "the same area" for a document
SAME_KM = 10.0  # two candidates this close are one place at two levels (a town and its district)


class KindWords:
    def __init__(self, spec: dict):
        self.preference = spec.get("kind_preference", {})
        self.name_weights = spec.get("name_weight", {})
        self.window = spec.get("window", 2)
        self.locatives = frozenset(fold_chars(w) for w in spec.get("locatives", ()))
        containers = spec.get("containers", {})
        self.container_words = frozenset(fold_chars(w) for w in containers.get("words", ()))
        self.settlement_kinds = frozenset(containers.get("settlements", ()))
        self.container_kinds = frozenset(containers.get("kinds", ()))
        self.area_kinds = frozenset(spec.get("area_kinds", ()))
        self.exact: dict[str, set[str]] = {}
        self.prefixes: dict[str, set[str]] = {}
        self.after_exact: dict[str, set[str]] = {}  # kind words that only count after a name
        self.after_prefixes: dict[str, set[str]] = {}
        for entry in spec["kinds"].values():
            kinds = set(entry["kinds"])
            for key, exact, prefixes in (("words", self.exact, self.prefixes),
                                         ("after_only", self.after_exact, self.after_prefixes)):
                for w in entry.get(key, ()):
                    w = fold_chars(w)
                    if w.endswith("*"):
                        prefixes.setdefault(w[:-1], set()).update(kinds)
                    else:
                        exact.setdefault(w, set()).update(kinds)
        self._prefix_lengths = sorted({len(p) for p in (*self.prefixes, *self.after_prefixes)})
        self._memo_before: dict[str, frozenset[str]] = {}  # word -> kinds (see _kinds_of)
        self._memo_after: dict[str, frozenset[str]] = {}
        coordination = spec.get("coordination", {})
        self.conjunctions = frozenset(fold_chars(w) for w in coordination.get("words", ()))
        person = spec.get("person", {})
        self.person_before = _WordSet(person.get("before", ()))
        self.person_after = _WordSet(person.get("after", ()))
        # words that make the name beside them a natural feature's: word -> the feature's kinds
        self.feature_after: dict[str, frozenset[str]] = {}
        self.feature_before: dict[str, frozenset[str]] = {}
        for entry in spec.get("features", {}).values():
            kinds = frozenset(entry["kinds"])
            for key, table in (("after", self.feature_after), ("before", self.feature_before)):
                for w in entry.get(key, ()):
                    table[fold_chars(w)] = table.get(fold_chars(w), frozenset()) | kinds

    @classmethod
    def load(cls) -> "KindWords":
        return cls(tomllib.loads((Path(__file__).with_name("context.toml")).read_text(encoding="utf-8")))

    def _kinds_of(self, words, after: bool) -> set[str]:
        found: set[str] = set()
        memo = self._memo_after if after else self._memo_before
        for w in words:
            kinds = memo.get(w)
            if kinds is None:
                if len(memo) > 100_000:
                    memo.clear()
                kinds = memo[w] = self._word_kinds(w, after)
            if kinds:
                found |= kinds
        return found

    def _word_kinds(self, w: str, after: bool) -> frozenset[str]:
        found: set[str] = set()
        tables = ((self.exact, self.prefixes), (self.after_exact, self.after_prefixes)) if after else \
            ((self.exact, self.prefixes),)
        for exact, prefixes in tables:
            kinds = exact.get(w)
            if kinds:
                found |= kinds
            for k in self._prefix_lengths:
                if k > len(w):
                    break
                ks = prefixes.get(w[:k])
                if ks:
                    found |= ks
        return frozenset(found)

    def left_words(self, scan: str, start: int, lo: int = 0) -> list[str]:
        """The words just before ``start`` within its sentence (at most ``window``), not before
        ``lo`` (the end of the mention before)."""
        left = scan[max(lo, start - 60):start]
        cut = None
        for cut in _SENTENCE.finditer(left):
            pass
        if cut is not None:
            left = left[cut.end():]
        return _WORDS.findall(left)[-self.window:]

    def right_words(self, scan: str, end: int, hi: int | None = None) -> list[str]:
        right = scan[end:end + 60 if hi is None else min(hi, end + 60)]
        cut = _SENTENCE.search(right)
        if cut is not None:
            right = right[:cut.start()]
        return _WORDS.findall(right)[:self.window]

    def kinds_near(self, scan: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> set[str]:
        """Kinds named by the words just before and after a mention, within its sentence
        (scan text, folded), and not inside the mentions beside it: ``lo`` is where the one
        before ends, ``hi`` where the one after starts (``Tovuz rayonunun Ağdam kəndi``: the
        district's kind word is its own, the village's is ``kəndi``)."""
        if _near_words is not None:  # compiled (_hits.c): the same words
            before, after = _near_words(scan, start, end, lo, -1 if hi is None else hi, self.window)
        else:
            before, after = self.near_words(scan, start, end, lo, hi)
        found: set[str] = set()
        locatives = self.locatives
        for words, memo, is_after in ((before[::-1], self._memo_before, False), (after, self._memo_after, True)):
            for i, w in enumerate(words):  # outward from the mention
                if not is_after and w in locatives:
                    # "a village in X": X holds settlements (see [containers] in context.toml)
                    if w in self.container_words and i + 1 < len(words) and \
                            not self.settlement_kinds.isdisjoint(self._kinds_of(words[i + 1:i + 2], False)):
                        found |= self.container_kinds
                    break
                kinds = memo.get(w)
                if kinds is None:
                    if len(memo) > 100_000:
                        memo.clear()
                    kinds = memo[w] = self._word_kinds(w, is_after)
                if kinds:
                    found |= kinds
        return found

    def near_words(self, scan: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> tuple[list, list]:
        """``(left_words(scan, start, lo), right_words(scan, end, hi))``, with a fast path for
        the common shape ``… word word NAME word word …``."""
        window = self.window
        left = scan[max(lo, start - 60):start]
        before = None
        if left[-1:] == " " and window > 0:
            # "… word word ␣mention": the same words as the regular expressions find (letters
            # only, one space between and after them: no sentence end, no other word)
            words = left.rsplit(None, window)[-window:]
            if len(words) == window and left.endswith(" ".join(words) + " ") and "".join(words).isalpha():
                before = words
        if before is None:
            cut = None
            for cut in _SENTENCE.finditer(left):
                pass
            if cut is not None:
                left = left[cut.end():]
            before = _WORDS.findall(left)[-window:]
        right = scan[end:end + 60 if hi is None else min(hi, end + 60)]
        after = None
        if right[:1] == " " and window > 0:  # "mention␣ word word …"
            words = right.split(None, window)[:window]
            if len(words) == window and right.startswith(" " + " ".join(words)) and "".join(words).isalpha():
                after = words
        if after is None:
            cut = _SENTENCE.search(right)
            if cut is not None:
                right = right[:cut.start()]
            after = _WORDS.findall(right)[:window]
        return before, after

    def kinds_inside(self, scan: str, start: int, end: int) -> set[str]:
        """Kinds named by a generic word inside a mention after its first word (``Zəngilan
        rayonlarından``, ``Jabrayil districts``): in a coordinated list they hold for every member."""
        return self._kinds_of(_WORDS.findall(scan[start:end])[1:], True)

    def coordinated(self, scan: str, end: int, start: int) -> bool:
        """True when only commas and conjunctions (``və``, ``и``, ``and``, ``և``, …), and at least
        one of them, lie between two mentions."""
        gap = scan[end:start]
        if len(gap) > 16:
            return False
        # a comma or a conjunction at least: names a space apart are no list (``Tovuz rayonunun
        # Ağdam kəndi`` is the village Ağdam of the Tovuz district)
        words = _GAP.split(gap)
        return ("," in gap or any(words)) and all(not w or w in self.conjunctions for w in words)

    def is_person(self, scan: str, start: int, end: int) -> bool:
        """True when a cue says the name is a person's: a title or given name just before it
        (``the poet Fuzuli``, ``şair Füzulinin``, ``Степана Шаумяна``, ``Ստեփան Շահումյանի``)
        or a surname just after it (``Nizami Gəncəvi``). The cues are data (``[person]`` in
        context.toml)."""
        if start > 1 and scan[start - 1] == " ":
            lo = max(0, start - 30)
            # the run of letters just before the space, at most back to ``lo``
            j = scan.rfind(" ", lo, start - 1)
            a = j + 1 if j >= 0 else lo
            word = scan[a:start - 1]
            if word and not word.isalpha():
                a = start - 1
                while a > lo and scan[a - 1].isalpha():
                    a -= 1
                word = scan[a:start - 1]
            if word and self.person_before.has(word):
                return True
        if scan[end:end + 1] == " ":
            b = end + 1
            n = min(len(scan), b + 30)
            j = scan.find(" ", b, n)
            word = scan[b:j if j >= 0 else n]
            if word and not word.isalpha():
                e = b
                while e < n and scan[e].isalpha():
                    e += 1
                word = scan[b:e]
            return bool(word) and self.person_after.has(word)
        return False


MAX_PATTERN_ENDING = 3  # letters a ``prefix*`` pattern allows after its prefix


class _WordSet:
    """Folded words and ``prefix*`` patterns."""

    def __init__(self, words):
        self.exact = set()
        self.prefixes = set()
        for w in words:
            w = fold_chars(w)
            (self.prefixes.add(w[:-1]) if w.endswith("*") else self.exact.add(w))

        self.lengths = sorted({len(p) for p in self.prefixes})
        self._memo: dict[str, bool] = {}

    def has(self, word: str) -> bool:
        got = self._memo.get(word)
        if got is None:
            if len(self._memo) > 100_000:
                self._memo.clear()
            got = self._memo[word] = self._has(word)
        return got

    def _has(self, word: str) -> bool:
        if word in self.exact:
            return True
        for k in self.lengths:
            if k > len(word):
                break
            # ``prefix*`` stands for the word with an ending (Степана, Ստեփանի), not any longer
            # word that starts alike (Степанакерта, Ստեփանակերտից are places)
            if len(word) - k <= MAX_PATTERN_ENDING and word[:k] in self.prefixes:
                return True
        return False


def within_km(a: tuple[float, float], b: tuple[float, float], km: float) -> bool:
    """``distance_km(a, b) <= km``, with a cheap box test first."""
    dlat = abs(a[0] - b[0])
    if dlat * 111.2 > km or abs(a[1] - b[1]) * 111.3 * math.cos(math.radians(a[0])) > km * 1.01:
        return False
    return distance_km(a, b) <= km


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


_STEPS: dict[int, tuple[int, ...]] = {}  # grid row -> cell key offsets to search (_steps_around)
CELL = 0.3  # degrees: the grid near_lists searches (see _steps_around)
SURE_CELL = 0.15  # degrees: ParagraphPlaces' cells


def _steps_around(i: int) -> tuple[int, ...]:
    """Cell key offsets of the grid cells that can hold a place within NEAR_KM of one in row
    ``i``: one row up and down (0.3° of latitude is 33 km), and as many columns as NEAR_KM
    spans at the latitude nearer the pole, one row further (0.3° of longitude is 25 km at 42° N:
    two columns each way there). The grid does not wrap at the antimeridian, and the flat
    east-west test is meant for latitudes below 80°. The same for every gazetteer: kept."""
    steps = _STEPS.get(i)
    if steps is None:
        edge = min(90.0, max(abs(i * CELL), abs((i + 1) * CELL)) + CELL)
        width = CELL * 111.3 * math.cos(math.radians(edge))
        k = min(int(360 / CELL), math.ceil(NEAR_KM * 1.01 / width) if width > 0 else 10**9)
        steps = _STEPS[i] = tuple(di * _CELL_KEY + dj for di in (-1, 0, 1) for dj in range(-k, k + 1))
    return steps


def mask_of(places) -> int:
    """The bit mask of a set of place numbers."""
    if not places:
        return 0
    buf = bytearray((max(places) >> 3) + 1)
    for p in places:
        buf[p >> 3] |= 1 << (p & 7)
    return int.from_bytes(buf, "little")


def near_lists(coords: list[tuple[float, float] | None]) -> tuple[array, array]:
    """Per place, the other places within NEAR_KM of it, as ``(starts, flat)``: place ``p``'s
    are ``flat[starts[p]:starts[p + 1]]``, two bytes each below 65,536 places. Measured once per
    gazetteer, when the key tables are built (about 280 per place in the full data, 5 MB, two
    seconds): each pair of places in grid cells near each other is measured once."""
    geo: dict[int, tuple] = {}
    grid: dict[int, list[int]] = {}
    for p, c in enumerate(coords):
        if c is not None:
            grid.setdefault(_geo_of(geo, coords, p)[6], []).append(p)
    found: list[list[int]] = [[] for _ in coords]
    sin, asin, sqrt = math.sin, math.asin, math.sqrt
    for p, (lat, lon, lat1, lon1, cos_lat, i, base, _) in geo.items():
        mine = found[p]
        for step in _steps_around(i):
            for o in grid.get(base + step, ()):
                if o <= p:  # each pair once (the test is symmetric); a place is not near itself
                    continue
                lat_o, lon_o, lat2, lon2, cos2 = geo[o][:5]
                if abs(lat - lat_o) * 111.19 > NEAR_KM:  # one degree of latitude is 111.19 km
                    continue
                # east-west, at the latitude nearer the pole (1 % slack for the curvature)
                if abs(lon - lon_o) * 111.3 * min(cos_lat, cos2) > NEAR_KM * 1.01:
                    continue
                h = sin((lat2 - lat1) / 2) ** 2 + cos_lat * cos2 * sin((lon2 - lon1) / 2) ** 2
                if 12742.0 * asin(min(1.0, sqrt(h))) <= NEAR_KM:
                    mine.append(o)
                    found[o].append(p)
    starts, flat = array("L", [0]), array("H" if len(coords) <= 1 << 16 else "L")
    for near in found:
        flat.extend(sorted(near))
        starts.append(len(flat))
    return starts, flat


class NearMasks:
    """Per place, the bit mask (over place numbers) of the places linked to it (parents,
    children) and of the other places within NEAR_KM of it (``near_lists``): a document's
    coherence with a candidate is then one AND of two integers. A place's mask is made when
    first asked for and kept for every later document: about n/8 bytes each for n places (a
    kilobyte for the 9,300 of the full data), at most MASK_BUDGET bytes in all (then they are
    made again)."""

    MASK_BUDGET = 32_000_000

    def __init__(self, related: list[tuple[int, ...]], coords: list[tuple[float, float] | None],
                 near: tuple[array, array] | tuple[()] = ()):
        self.related = related
        self.starts, self.flat = near or near_lists(coords)
        self._masks: dict[int, int] = {}
        self._bytes = 0

    def of(self, place: int) -> int:
        got = self._masks.get(place)
        if got is None:
            got = mask_of({*self.related[place], *self.flat[self.starts[place]:self.starts[place + 1]]})
            self._bytes += (got.bit_length() + 7) >> 3
            if self._bytes > self.MASK_BUDGET:
                self._masks.clear()
                self._bytes = 0
            self._masks[place] = got
        return got


class DocumentPlaces:
    """The places a document (or block) names unambiguously, for ``coherence``."""

    UNKNOWN = 0.5  # coherence of a place without coordinates and without a link to the document

    def __init__(self, places: set[int], related: list[tuple[int, ...]],
                 coords: list[tuple[float, float] | None], masks: NearMasks | None = None):
        self.places = places
        self.related = related
        self.coords = coords
        # the places of one gazetteer are the same in every document: a tagger passes its one
        # NearMasks to all of them
        self.masks = NearMasks(related, coords) if masks is None else masks
        self.mask = mask_of(places)
        self._neighbours: set[int] | None = None  # their parents and children, when first needed
        self._memo: dict[int, float] = {}
        self._bitmap: bytes | None = None  # the mask's bytes, for the compiled coherences

    @property
    def neighbours(self) -> set[int]:
        """The parents and children of the document's places (few coherence tests get this far)."""
        if self._neighbours is None:
            related = self.related
            self._neighbours = {r for p in self.places for r in related[p]}
        return self._neighbours

    def coherences(self, places) -> tuple[float, ...]:
        """``coherence`` of each place; compiled (_hits.c) where the extension was built, from
        the near lists themselves rather than the masks."""
        if not self.places:
            return (0.0,) * len(places)
        masks = self.masks
        if _coherences is not None and type(self.related) is list and type(self.coords) is list:
            if self._bitmap is None:
                self._bitmap = self.mask.to_bytes((self.mask.bit_length() + 7) >> 3, "little")
            return _coherences(places, self._memo, self._bitmap, masks.starts, masks.flat, self.related,
                               self.neighbours, self.coords, self.UNKNOWN)
        return tuple([self.coherence(p) for p in places])

    def coherence(self, place: int) -> float:
        """1 when the place is part of, contains, or lies within 30 km of a place the document
        names unambiguously; 0.5 when it shares a parent with one; else 0."""
        got = self._memo.get(place)
        if got is None:
            got = self._memo[place] = self._coherence(place)
        return got

    def _coherence(self, place: int) -> float:
        if not self.places:
            return 0.0
        if self.masks.of(place) & self.mask:
            return 1.0
        rel = self.related[place]
        if rel and not self.neighbours.isdisjoint(rel):
            return 0.5
        if self.coords[place] is None:  # a river, a historical region: no point to measure from
            return self.UNKNOWN
        return 0.0


def same_area(candidates: list[int], kinds: list[str], area_kinds: frozenset[str],
              related: list[tuple[int, ...]], coords: list[tuple[float, float] | None]) -> list[tuple[int, int]]:
    """Index pairs of candidates that are one place at two levels: a settlement and the
    district or community named after it (an area kind and another kind, within ``SAME_KM`` of
    each other, or part-of linked when one has no coordinates)."""
    out = []
    for i, a in enumerate(candidates):
        ca = coords[a]
        area_a = kinds[a] in area_kinds
        for j in range(i + 1, len(candidates)):
            b = candidates[j]
            if (kinds[b] in area_kinds) == area_a:
                continue
            cb = coords[b]
            if ca is not None and cb is not None:
                if within_km(ca, cb, SAME_KM):
                    out.append((i, j))
            elif b in related[a]:
                out.append((i, j))
    return out


def share(values: list[float], pairs: list[tuple[int, int]]) -> list[float]:
    """Each member of a same-area pair gets the better value of the two: coherence picks the
    area, and which name record a source gave the town or the district is an accident of the
    source; kind words, kind preference and importance pick the level."""
    out = list(values)
    for _ in range(2):  # chains of pairs (town, district, community)
        for i, j in pairs:
            out[i] = out[j] = max(out[i], out[j])
    return out


def name_weight(name: tuple, weights: dict) -> float:
    """How much a matched name speaks for its place (see [name_weight] in context.toml)."""
    w = weights.get(name[3], 0.6)
    if not name[8]:
        w *= weights.get("not_preferred", 1.0)
    w *= weights.get(name[9], 1.0)  # certainty: uncertain, probable
    if name[2].startswith("und"):
        w *= weights.get("undetermined_language", 1.0)
    return w


_AROUND = frozenset(di * _CELL_KEY + dj for di in (-1, 0, 1) for dj in (-1, 0, 1))  # a cell and its 8 neighbours
_AROUND_TUPLE = tuple(sorted(_AROUND))
NO_CELL = -(1 << 63)  # small_cells' mark of a place without a point


def small_cells(coords: list[tuple[float, float] | None], geo: dict) -> array:
    """Per place, its small cell key as ParagraphPlaces reads it (``NO_CELL`` without a point)."""
    return array("q", [(geo.get(p) or _geo_of(geo, coords, p))[7] if c is not None else NO_CELL
                       for p, c in enumerate(coords)])


class ParagraphPlaces:
    """The places a paragraph (or a list) names unambiguously, for a cheaper coherence: 1 when
    the candidate is part of or contains one of them, or lies in the same or a neighbouring
    cell of 0.15° as another of them (within ~13–40 km), else 0. A paragraph is measured for every ambiguous
    mention in it; the document's finer measure (DocumentPlaces) is kept for the document.
    A paragraph names a place or two: they are compared one by one."""

    __slots__ = ("places", "related", "cells", "geo", "coords", "place_cells", "_memo")

    def __init__(self, places: set[int], related: list[tuple[int, ...]],
                 coords: list[tuple[float, float] | None], geo: dict, place_cells: array | None = None):
        self.places = places
        self.related = related
        self.coords = coords
        self.geo = geo
        self.place_cells = place_cells  # small_cells(coords, geo), for the compiled coherences
        self.cells = [(p, (geo.get(p) or _geo_of(geo, coords, p))[7]) for p in places if coords[p] is not None]
        self._memo: dict[int, float] = {}

    def coherences(self, places, among) -> tuple[float, ...] | None:
        """``coherence`` of each place whose ``among`` (its coherence with the whole document)
        is not 0 (a paragraph's places are some of the document's: the others get 0), or None
        when all are equal (the paragraph favours none of them); compiled (_hits.c) when the
        extension was built and the tagger gave ``place_cells``."""
        memo = self._memo
        if _paragraph_coherences is not None and self.place_cells is not None and type(self.related) is list:
            return _paragraph_coherences(places, among, self.places, self.related, self.cells, self.place_cells,
                                         _AROUND_TUPLE, memo)
        out = []
        for p, c in zip(places, among):
            if not c:
                out.append(0.0)
                continue
            got = memo.get(p)
            if got is None:
                got = memo[p] = self.coherence(p)
            out.append(got)
        if not out:
            return ()
        return None if min(out) == max(out) else tuple(out)

    def coherence(self, place: int) -> float:
        rel = self.related[place]
        if rel and not self.places.isdisjoint(rel):
            return 1.0
        if self.coords[place] is None:
            return 0.0
        key = (self.geo.get(place) or _geo_of(self.geo, self.coords, place))[7]
        # another place of the paragraph beside it (a place is not near itself)
        for other, cell in self.cells:
            if cell - key in _AROUND and other != place:
                return 1.0
        return 0.0


def _geo_of(geo: dict, coords, place: int) -> tuple:
    """A place's point as coherence reads it, kept in ``geo``: ``(lat, lon, lat and lon in
    radians, cos lat, grid row, grid cell key, small cell key)``: the grid is near_lists', the
    small cells ParagraphPlaces'."""
    lat, lon = coords[place]
    lat_r, lon_r = math.radians(lat), math.radians(lon)
    i = int(lat // CELL)
    got = geo[place] = (lat, lon, lat_r, lon_r, math.cos(lat_r), i, i * _CELL_KEY + int(lon // CELL),
                        int(lat // SURE_CELL) * _CELL_KEY + int(lon // SURE_CELL))
    return got
