"""Typo tolerance without scanning every name: a deletion-neighbourhood index.

Every key of length ≥ ``MIN_LEN`` is stored with each of its one-character deletions. Two
strings within one insertion, deletion, substitution or adjacent transposition of each other
share at least one such form, so a query's own deletions find its candidates in a few dict
look-ups; rapidfuzz then computes the real distance (Damerau-Levenshtein via OSA) to rank them.
A long query (where two edits are allowed) also tries its two-character deletions: that finds
keys the query spells with two letters more (Agarakas, Samakhora), or with one more and one
changed, at the cost of a few dozen more look-ups and no memory.
Deletions are stored as 64-bit hashes in one sorted array (bisect), not as strings: ~12 bytes
each instead of ~80.
"""
from __future__ import annotations

from array import array
from bisect import bisect_left
from typing import Iterable

from rapidfuzz.distance import OSA

MIN_LEN = 4  # shorter keys have too many neighbours to be useful
MAX_DISTANCE = 2
LONG_QUERY = 8  # from this length on, resolve allows two edits; two-letter deletions are tried
_MASK = (1 << 63) - 1


def _h(s: str) -> int:
    return hash(s) & _MASK


def _deletes(key: str) -> set[str]:
    return {key[:i] + key[i + 1:] for i in range(len(key))}


class DeletionIndex:
    """Maps keys to payload ids; finds keys within edit distance 2 of a query."""

    def __init__(self, keys: Iterable[tuple[str, int]]):
        self._keys: list[str] = []
        self._payloads: list[list[int]] = []
        slot: dict[str, int] = {}
        for key, payload in keys:
            if len(key) < MIN_LEN:
                continue
            i = slot.get(key)
            if i is None:
                i = slot[key] = len(self._keys)
                self._keys.append(key)
                self._payloads.append([])
            self._payloads[i].append(payload)
        pairs = []
        for i, key in enumerate(self._keys):
            pairs.append((_h(key), i))
            for d in _deletes(key):
                pairs.append((_h(d), i))
        pairs.sort()
        self._hashes = array("q", (h for h, _ in pairs))
        self._slots = array("i", (i for _, i in pairs))

    def __len__(self) -> int:
        return len(self._keys)

    def _slots_for(self, form: str) -> Iterable[int]:
        h = _h(form)
        j = bisect_left(self._hashes, h)
        while j < len(self._hashes) and self._hashes[j] == h:
            yield self._slots[j]
            j += 1

    def search(self, query: str, max_distance: int = MAX_DISTANCE) -> list[tuple[str, int, list[int]]]:
        """``(key, distance, payloads)`` for keys within ``max_distance``, nearest first."""
        if len(query) < MIN_LEN:
            return []
        forms = {query} | _deletes(query)
        if max_distance >= 2 and len(query) >= LONG_QUERY:
            forms |= {d2 for d in forms for d2 in _deletes(d)}
        found: set[int] = set()
        for form in forms:
            found.update(self._slots_for(form))
        out = []
        for i in found:
            key = self._keys[i]
            dist = OSA.distance(query, key, score_cutoff=max_distance)
            if dist <= max_distance:
                out.append((key, dist, self._payloads[i]))
        out.sort(key=lambda t: (t[1], t[0]))
        return out
