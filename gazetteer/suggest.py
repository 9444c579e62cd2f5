"""Autocomplete: places whose names start with what the user has typed, in any script.

Two sorted key lists, bisected for the typed prefix: the folded spellings of every name and
of its transliterations (so "Степ" reaches Stepanakert and "Step" reaches Степанакерт), and
the phonetic skeletons (so "Kelbadj" reaches Kəlbəcər). A prefix range is scanned up to
``SCAN`` entries; candidates are ranked by how they matched, then by place importance.
"""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from .fold import fold
from .keys import SKELETON_PREFIX, skeleton_key

SCAN = 3000  # entries looked at per prefix: bounds the cost of one-letter prefixes
_STAGE_RANK = {"folded": 0, "compact": 0, "transliteration": 1, "skeleton": 2}


@dataclass(frozen=True)
class Suggestion:
    place_id: str
    name_index: int
    stage: str
    scheme: str | None
    complete: bool  # the whole key was typed, not only its beginning


class PrefixIndex:
    def __init__(self, keys: dict[str, list[tuple[int, str, str | None]]]):
        spell, sound = [], []
        for key, entries in keys.items():
            for i, stage, scheme in entries:
                if stage in ("folded", "compact", "transliteration"):
                    spell.append((key, i, stage, scheme))
                elif stage == "skeleton":
                    sound.append((key, i, stage, scheme))
        spell.sort(key=lambda t: (t[0], t[1]))
        sound.sort(key=lambda t: (t[0], t[1]))
        self._spell, self._spell_keys = spell, [t[0] for t in spell]
        self._sound, self._sound_keys = sound, [t[0] for t in sound]

    @staticmethod
    def _range(rows, keys, prefix: str):
        j = bisect_left(keys, prefix)
        end = min(len(rows), j + SCAN)
        while j < end and keys[j].startswith(prefix):
            yield rows[j]
            j += 1

    def search(self, text: str, names, places, importance, *, limit: int = 10,
               kinds: tuple[str, ...] = (), categories: dict[str, str] | None = None) -> list[Suggestion]:
        prefix = fold(text)
        if not prefix:
            return []
        found = list(self._range(self._spell, self._spell_keys, prefix))
        sk = skeleton_key(text)
        if len(sk) > len(SKELETON_PREFIX) + 2:  # a skeleton of one or two letters matches everything
            found += self._range(self._sound, self._sound_keys, sk)
        best: dict[str, tuple] = {}
        for key, i, stage, scheme in found:
            pid = names[i].place_id
            kind = places[pid].kind
            if kinds and kind not in kinds and (categories or {}).get(kind) not in kinds:
                continue
            complete = key == prefix or key == sk
            # whole spellings first, then spellings that begin so, then sound-alikes
            spelled = _STAGE_RANK[stage] < 2
            rank = (0 if complete and spelled else 1, _STAGE_RANK[stage], -importance.get(pid, 0), len(key), i)
            if pid not in best or rank < best[pid][0]:
                best[pid] = (rank, Suggestion(pid, i, stage, scheme, complete))
        ranked = sorted(best.values(), key=lambda t: (t[0], t[1].place_id))
        return [s for _, s in ranked[:limit]]
