"""The in-memory index: every place, name and membership, and the search keys, loaded once."""
from __future__ import annotations

import math
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.engine import Engine

from .fold import compact
from .fuzzy import DeletionIndex
from .generic import GENERIC_PREFIX
from .keys import SKELETON_PREFIX
from .models import MembershipModel, NameModel, PlaceModel, SearchKeyModel
from .records import Membership, Name, Place


def _ints(cell: str | None) -> tuple[int, ...]:
    return tuple(int(x) for x in cell.split(";")) if cell else ()


def _tuple(cell: str | None) -> tuple[str, ...]:
    return tuple(cell.split(";")) if cell else ()


def _in_use(used_by: tuple[str, ...], periods) -> tuple[int | None, int | None]:
    """The span of years the users of a name existed; open when any user has no period."""
    if not used_by or any(u not in periods for u in used_by):
        return (None, None)
    froms = [periods[u][0] for u in used_by]
    tos = [periods[u][1] for u in used_by]
    return (None if None in froms else min(froms), None if None in tos else max(tos))


@dataclass
class Index:
    places: dict[str, Place] = field(default_factory=dict)
    place_order: list[str] = field(default_factory=list)
    names: list[Name] = field(default_factory=list)  # name id - 1 -> Name
    by_place: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    parents: dict[str, list[Membership]] = field(default_factory=lambda: defaultdict(list))
    children: dict[str, list[Membership]] = field(default_factory=lambda: defaultdict(list))
    exact: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))
    keys: dict[str, list[tuple[int, str, str | None]]] = field(default_factory=lambda: defaultdict(list))
    importance: dict[str, float] = field(default_factory=dict)
    default_scripts: dict[str, str] = field(default_factory=dict)  # language -> its usual script
    display_cache: dict = field(default_factory=dict, repr=False)  # (place, lang, year) -> name
    plain_scores: list[float] | None = field(default=None, repr=False)  # see resolve._plain_scores
    plain_ranks: dict | None = field(default=None, repr=False)  # see resolve.build_plain_ranks
    plain_why: dict = field(default_factory=dict, repr=False)  # (name, stage, scheme, letters spelled otherwise) -> reasons, see resolve._results
    plain_results: dict = field(default_factory=dict, repr=False)  # (text, limit, display) -> results, see resolve.resolve
    _fuzzy: DeletionIndex | None = field(default=None, repr=False)
    _fuzzy_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    _prefix: object = field(default=None, repr=False)
    _words: "WordIndex | None" = field(default=None, repr=False)

    @property
    def words(self) -> "WordIndex":
        """The words of every stored name by sound (the last-resort word stage), built on first use."""
        if self._words is None:
            with self._fuzzy_lock:
                if self._words is None:
                    self._words = WordIndex.build(self.keys)
        return self._words

    @property
    def prefixes(self):
        """The autocomplete index, built on first use."""
        if self._prefix is None:
            with self._fuzzy_lock:
                if self._prefix is None:
                    from .suggest import PrefixIndex

                    self._prefix = PrefixIndex(self.keys)
        return self._prefix

    # Stages whose keys feed the typo index: the spellings people start from.
    FUZZY_STAGES = frozenset({"folded", "compact", "skeleton"})

    @property
    def fuzzy(self) -> DeletionIndex:
        """The typo index, built on first use (most processes never need it)."""
        if self._fuzzy is None:
            with self._fuzzy_lock:
                if self._fuzzy is None:
                    self._fuzzy = DeletionIndex(self._fuzzy_keys())
        return self._fuzzy

    def _fuzzy_keys(self):
        keys = self.keys
        for key, entries in keys.items():
            for i, stage, _ in entries:
                if stage in self.FUZZY_STAGES:
                    yield (key if stage == "skeleton" else compact(key)), i
                elif stage == "generic" and SKELETON_PREFIX + key[1:] not in keys:
                    # the sound of the name without its kind words and with its qualifiers
                    # named alike (Razvaliny Suramelik: suramalik), where no name sounds so
                    yield key, i

    @classmethod
    def load(cls, engine: Engine, kind_ranks: dict[str, int],
             authority_periods: dict[str, tuple[int | None, int | None]] | None = None) -> "Index":
        idx = cls()
        periods = authority_periods or {}
        with engine.connect() as conn:
            for r in conn.execute(select(PlaceModel).order_by(PlaceModel.row)).mappings():
                p = Place(r["id"], r["kind"], r["lat"], r["lon"], r["country"], _ints(r["geonames_ids"]),
                          _ints(r["wof_ids"]), r["iso3166_2"], r["wikidata"], r["population"], r["source"],
                          r["note"])
                idx.places[p.id] = p
                idx.place_order.append(p.id)
            for r in conn.execute(select(NameModel).order_by(NameModel.id)).mappings():
                used_by = _tuple(r["used_by"])
                n = Name(r["place_id"], r["text"], r["lang"], r["type"], used_by, r["from_year"],
                         r["to_year"], r["certainty"], bool(r["preferred"]), r["source"], r["derived_from"],
                         r["note"], _in_use(used_by, periods))
                i = len(idx.names)
                idx.names.append(n)
                idx.by_place[n.place_id].append(i)
                idx.exact[n.text].append(i)
            for r in conn.execute(select(MembershipModel).order_by(MembershipModel.id)).mappings():
                m = Membership(r["child_id"], r["parent_id"], r["authority"], r["from_year"], r["to_year"],
                               r["certainty"], r["source"], r["note"])
                idx.parents[m.child_id].append(m)
                idx.children[m.parent_id].append(m)
            rows = conn.execute(select(SearchKeyModel.key, SearchKeyModel.name_id, SearchKeyModel.stage,
                                       SearchKeyModel.scheme).order_by(SearchKeyModel.id))
            for key, name_id, stage, scheme in rows:
                idx.keys[key].append((name_id - 1, stage, scheme))
        idx._importance(kind_ranks)
        return idx

    def _importance(self, kind_ranks: dict[str, int]) -> None:
        """0..1: the kind's rank, population and how many names a place has (a fame proxy)."""
        for pid, p in self.places.items():
            rank = kind_ranks.get(p.kind, 0) / 100
            pop = math.log10(p.population + 1) / 7 if p.population else 0.0
            fame = min(len(self.by_place.get(pid, ())), 40) / 40
            # Places of the reviewed checklist are the ones texts about the region name most.
            curated = 0.1 if "seed:" in p.source else 0.0
            self.importance[pid] = round(min(1.0, 0.7 * rank + 0.1 * min(pop, 1.0) + 0.1 * fame + curated), 4)

    def names_of(self, place_id: str) -> list[Name]:
        return [self.names[i] for i in self.by_place.get(place_id, ())]


MIN_WORD_SOUND = 3  # sounds shorter than this (ak, su) are in too many names to say anything


@dataclass
class WordIndex:
    """Sound of a word -> the names that have the word; name -> the words of each of its
    generic keys (the tokens of ``generic.generic_key``: kind words gone, qualifiers named alike)."""
    names_of: dict[str, tuple[int, ...]]
    words_of: dict[int, tuple[tuple[str, ...], ...]]

    @classmethod
    def build(cls, keys: dict) -> "WordIndex":
        names_of: dict[str, set[int]] = defaultdict(set)
        words_of: dict[int, list[tuple[str, ...]]] = defaultdict(list)
        for key, entries in keys.items():
            if not key.startswith(GENERIC_PREFIX):
                continue
            words = tuple(key[len(GENERIC_PREFIX):].split(" "))
            for i, stage, _ in entries:
                if stage != "generic":
                    continue
                words_of[i].append(words)
                for w in words:
                    if len(w) >= MIN_WORD_SOUND and not w.startswith("<"):
                        names_of[w].add(i)
        return cls({w: tuple(sorted(ids)) for w, ids in names_of.items()},
                   {i: tuple(ws) for i, ws in words_of.items()})
