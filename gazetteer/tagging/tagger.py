"""The tagger: every place mention in a text, with exact offsets, inflection and ranked places.

One pass of an Aho-Corasick automaton over the scan text (``textfold``) finds the *stems*; each
hit is checked on its own — word boundary before it, and the rest of the word after it must be
one of the stem's tails (case ending, article, possessive) — so a longer key that fails its
boundary never hides a shorter one that passes. Overlapping survivors are resolved
leftmost-longest. Only then are places ranked, for the few mentions that are ambiguous.
"""
from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import ahocorasick

from ..vocab import lang_base
from .context import DocumentPlaces, KindWords, name_weight, same_area, share
from .inflection import is_clitic
from .conventions import get_convention, rewrite
from .keytable import CASE_ALL, CASE_INITIAL, KeyTable
from .textfold import Folded, fix_homoglyphs, fold_block, fold_chars, homoglyph_markers

_TAIL = re.compile(r"'?[^\W_]*")
_SENTENCE_END = frozenset(".!?…:;\"«»“”()[]|•–—-")
BLOCK_CHARS = 1 << 18  # texts are scanned in blocks of about this many characters
IMPORTANCE_WEIGHT = 0.1
PREFERENCE_WEIGHT = 0.4
MAX_UNKNOWN_APOSTROPHE_TAIL = 4  # "Shusha'nın": a short unknown suffix after an apostrophe is still a suffix


@dataclass(frozen=True, slots=True)
class Mention:
    """One place mention; ``start``/``end`` are code-point offsets into the caller's text."""
    start: int
    end: int
    text: str
    stem: str
    suffix: str
    id: str
    candidates: tuple[str, ...]
    matched: dict
    confidence: float
    case: str = "nom"  # grammatical case of the suffix (loc, gen, …), "nom" when bare
    grammar: str | None = None  # the grammar the suffix belongs to (az, ru, hy, en)
    scores: tuple[float, ...] = field(default=(), compare=False, repr=False)

    def to_dict(self, doc: str | None = None) -> dict:
        d = {"doc": doc, "start": self.start, "end": self.end, "text": self.text, "id": self.id,
             "candidates": list(self.candidates), "matched": self.matched,
             "stem": self.stem, "suffix": self.suffix, "case": self.case, "grammar": self.grammar,
             "confidence": self.confidence}
        return d


@dataclass(slots=True)
class _Span:
    """A surviving hit before ranking (scan offsets)."""
    start: int
    end: int
    stem_end: int
    case: str
    members: tuple  # (name index, quality, scheme)


class Tagger:
    """Build with ``Tagger(build_keytable(index))`` or ``Gazetteer.tagger()``; pickles small."""

    def __init__(self, table: KeyTable):
        self.table = table
        self._setup()

    def __getstate__(self):
        return {"table": self.table}

    def __setstate__(self, state):
        self.table = state["table"]
        self._setup()

    def _setup(self) -> None:
        t = self.table
        a = ahocorasick.Automaton()
        for stem, groups in t.keys.items():
            a.add_word(stem, (len(stem), tuple((t.tails[tid], rule, members) for tid, rule, members in groups)))
        for marker in homoglyph_markers():
            if marker not in t.keys:
                a.add_word(marker, None)
        a.make_automaton()
        self._automaton = a
        self._apostrophe_tails = {tail: case for tails in t.tails for tail, case in tails.items()
                                  if tail.startswith("'")}
        self._clitic_cases = {case for tails in t.tails for case in tails.values() if is_clitic(case)}
        self._kind_words = KindWords.load()
        weights = self._kind_words.name_weights
        self._name_worth = [name_weight(n, weights) if n is not None else 0.0 for n in t.names]
        self._folded_names: dict[int, str] = {}
        self._place_no = {pid: i for i, pid in enumerate(t.place_ids)}
        self._places_cache: dict[tuple, dict] = {}
        self._pairs_cache: dict[tuple, list] = {}

    # -- public -----------------------------------------------------------------------------
    def tag(self, text: str) -> list[Mention]:
        """Every mention in ``text``; places ranked with the whole text as context."""
        with _gc_paused():
            return self._tag(text)

    def _tag(self, text: str) -> list[Mention]:
        raw = []
        for offset, block in blocks(text):
            folded, spans = self._scan(block)
            raw.append((offset, block, folded, spans))
        others = self._unambiguous(sp for _, _, _, spans in raw for sp in spans)
        out = []
        for offset, block, folded, spans in raw:
            out.extend(self._mentions(block, offset, folded, spans, others))
        return out

    def iter_tag(self, text: str, offset: int = 0) -> Iterator[Mention]:
        """Mentions block by block (bounded memory); the context of a mention is its block."""
        for start, block in blocks(text):
            yield from self.tag_block(block, offset + start)

    def tag_block(self, block: str, offset: int = 0) -> list[Mention]:
        with _gc_paused():
            folded, spans = self._scan(block)
            return self._mentions(block, offset, folded, spans, self._unambiguous(spans))

    def normalize(self, text: str, convention: str = "az") -> str:
        """``text`` with every mention rewritten in a naming convention (see conventions.py)."""
        conv = get_convention(convention)
        return "".join(self._rewrite(text, self.tag(text), conv))

    def normalize_block(self, block: str, convention: str = "az") -> str:
        conv = get_convention(convention)
        return "".join(self._rewrite(block, self.tag_block(block), conv))

    def _rewrite(self, text: str, mentions, conv) -> Iterator[str]:
        last = 0
        for m in mentions:
            yield text[last:m.start]
            yield rewrite(m, self.name_in(m.id, conv, m.matched["lang"]), conv)
            last = m.end
        yield text[last:]

    def name_in(self, place_id: str, convention, source_lang: str | None = None) -> tuple[str, str] | None:
        """``(text, lang)``: the name of a place in a convention (a name or a Convention)."""
        conv = get_convention(convention) if isinstance(convention, str) else convention
        t = self.table
        place = self._place_no.get(place_id)
        if place is None:
            return None
        names = [(i, t.names[i]) for i in t.by_place[place]]
        return conv.choose(names, lang_base(source_lang) if source_lang else None)

    # -- scanning ---------------------------------------------------------------------------
    def _scan(self, block: str) -> tuple[Folded, list[_Span]]:
        folded = fold_block(block)
        spans, mixed = self._hits(block, folded)
        if mixed:  # a Latin/Cyrillic lookalike inside a word: repair the scan text, scan again
            folded.text = fix_homoglyphs(folded.text)
            spans, _ = self._hits(block, folded)
        return folded, _leftmost_longest(spans)

    def _hits(self, block: str, folded: Folded) -> tuple[list[_Span], bool]:
        s = folded.text
        n = len(s)
        spans: list[_Span] = []
        mixed = False
        ambiguous_words = self.table.ambiguous_words
        identity = folded.is_identity()
        for last, value in self._automaton.iter(s):
            if value is None:
                mixed = True
                continue
            klen, groups = value
            start = last - klen + 1
            if start and s[start - 1].isalnum():
                continue
            e = last + 1
            tail = _TAIL.match(s, e).group() if e < n and (s[e].isalnum() or s[e] == "'") else ""
            for tails, rule, members in groups:
                case = tails.get(tail)
                used = tail
                if case is None:
                    if not tail.startswith("'") or "" not in tails:
                        continue
                    case = self._apostrophe_tails.get(tail)
                    if case is None:  # an unknown suffix or a closing quote: the bare name
                        if len(tail) - 1 > MAX_UNKNOWN_APOSTROPHE_TAIL:
                            continue
                        used, case = "", tails[""]
                if rule:
                    if identity:
                        first = block[start]
                        if rule == CASE_INITIAL:
                            if not first.isupper() and first.isalpha():
                                continue
                        elif not _case_ok(block, folded, start, e, rule):
                            continue
                    elif not _case_ok(block, folded, start, e, rule):
                        continue
                if s[start:e] in ambiguous_words and _sentence_initial(block, folded.start_of(start)):
                    continue
                if " " in s[start:e] and _crosses_paragraph(block, folded, start, e):
                    continue
                if used and case in self._clitic_cases:
                    used = ""  # Stepanakert's: the possessive stays outside the span
                spans.append(_Span(start, e + len(used), e, case, members))
        return spans, mixed

    # -- ranking ----------------------------------------------------------------------------
    def _places_of(self, span: _Span) -> dict[int, tuple[float, int, str | None]]:
        """place -> (best quality, name index, scheme); cached per member set (read-only)."""
        got = self._places_cache.get(span.members)
        if got is None:
            if len(self._places_cache) > 200_000:
                self._places_cache.clear()
            got = self._places_cache[span.members] = self._places_of_members(span)
        return got

    def _places_of_members(self, span: _Span) -> dict[int, tuple[float, int, str | None]]:
        names = self.table.names
        best: dict[int, tuple[float, int, str | None]] = {}
        for name_id, quality, scheme in span.members:
            place = names[name_id][0]
            cur = best.get(place)
            if cur is None or self._worth(quality, name_id) > self._worth(cur[0], cur[1]):
                best[place] = (quality, name_id, scheme)
        return best

    def _worth(self, quality: float, name_id: int) -> float:
        return quality * self._name_worth[name_id]

    def _unambiguous(self, spans) -> set[int]:
        out = set()
        for sp in spans:
            places = self._places_of(sp)
            if len(places) == 1:
                out.update(places)
        return out

    def _mentions(self, block: str, offset: int, folded: Folded, spans: list[_Span],
                  others: set[int]) -> list[Mention]:
        t, kw = self.table, self._kind_words
        scan = folded.text
        out = []
        doc = None
        places_of = [self._places_of(sp) for sp in spans]
        chains = self._chain_kinds(scan, spans, places_of)
        for k, sp in enumerate(spans):
            places = places_of[k]
            if kw.person_before.exact and kw.is_person(scan, sp.start, sp.end):
                continue
            if len(places) == 1:
                ranked = [(1.0, next(iter(places)))]
            else:
                near = kw.kinds_near(scan, sp.start, sp.end)
                if chains[k]:
                    near = near | chains[k]
                if doc is None:
                    doc = DocumentPlaces(others, t.related, t.coords)
                cands = list(places)
                key = tuple(cands)
                pairs = self._pairs_cache.get(key)
                if pairs is None:
                    if len(self._pairs_cache) > 100_000:
                        self._pairs_cache.clear()
                    pairs = self._pairs_cache[key] = same_area(cands, t.place_kinds, kw.area_kinds, t.related,
                                                               t.coords)
                coh = [doc.coherence(p) for p in cands]
                worth = [self._worth(places[p][0], places[p][1]) for p in cands]
                if pairs:
                    coh, worth = share(coh, pairs), share(worth, pairs)
                ranked = sorted(((self._score(p, w, near, c), p) for p, w, c in zip(cands, worth, coh)),
                                key=lambda sp_: (-sp_[0], -t.importance[sp_[1]], t.place_ids[sp_[1]]))
            best = ranked[0][1]
            quality, name_id, scheme = places[best]
            name = t.names[name_id]
            o_start, o_end = folded.start_of(sp.start), folded.end_of(sp.end)
            o_stem = folded.end_of(self._stem_end(scan, sp, name_id))
            confidence = _confidence(quality, sp.end > sp.stem_end, [s for s, _ in ranked])
            grammar, _, case = sp.case.rpartition(":")
            out.append(Mention(
                offset + o_start, offset + o_end, block[o_start:o_end], block[o_start:o_stem], block[o_stem:o_end],
                t.place_ids[best], tuple(t.place_ids[p] for _, p in ranked),
                {"text": name[1], "lang": name[2], "type": name[3], "scheme": scheme or name[4],
                 "used_by": list(name[5]), "from": name[6], "to": name[7]},
                confidence, case, grammar or None, tuple(round(s, 4) for s, _ in ranked)))
        return out

    def _chain_kinds(self, scan: str, spans: list[_Span], places_of: list[dict]) -> list[set[str] | None]:
        """Coordinated mentions ("Füzuli, Ağdam və Tərtər rayonları") share the kind words of
        the list: before its first member, after its last, and the generic word inside a member."""
        kw = self._kind_words
        out: list[set[str] | None] = [None] * len(spans)
        i, n = 0, len(spans)
        while i < n:
            j = i
            while j + 1 < n and kw.coordinated(scan, spans[j].end, spans[j + 1].start):
                j += 1
            if j > i:
                kinds = kw._kinds_of(kw.left_words(scan, spans[i].start), False) | \
                    kw._kinds_of(kw.right_words(scan, spans[j].end), True)
                for k in range(i, j + 1):
                    kinds |= kw.kinds_inside(scan, spans[k].start, spans[k].end)
                if kinds:
                    for k in range(i, j + 1):
                        out[k] = kinds
            i = j + 1
        return out

    def _score(self, place: int, worth: float, near_kinds: set[str], coherence: float) -> float:
        """Kind words beside the mention (as far as the matched name speaks for the place), then
        what the matched name is worth for this place and which kind a bare name usually means,
        then the document, then importance."""
        t, kw = self.table, self._kind_words
        kind = t.place_kinds[place]
        return (0.4 * worth * (kind in near_kinds) + 0.3 * worth
                + PREFERENCE_WEIGHT * kw.preference.get(kind, 0.5) + 0.15 * coherence
                + IMPORTANCE_WEIGHT * t.importance[place])

    def _stem_end(self, scan: str, sp: _Span, name_id: int) -> int:
        """The mention's stem ends where it stops sharing letters with the matched name
        (Шуше: Шуш|е; Շուշիում: Շուշի|ում), and never before the automaton's stem."""
        name = self._folded_names.get(name_id)
        if name is None:
            name = self._folded_names[name_id] = fold_chars(self.table.names[name_id][1])
        i = sp.start
        j = 0
        while i < sp.end and j < len(name) and scan[i] == name[j]:
            i += 1
            j += 1
        return max(i, min(sp.stem_end, sp.end)) if sp.end > sp.stem_end else sp.end


@contextmanager
def _gc_paused():
    """The cyclic garbage collector paused while a block is tagged. Tagging allocates many small
    acyclic objects (freed by reference counting alone), and every third-generation collection
    walks the whole loaded gazetteer (half a million objects): with the collector running,
    tagging is four times slower. Nothing tagging allocates forms a cycle, so nothing leaks."""
    was = gc.isenabled()
    if was:
        gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _confidence(quality: float, inflected: bool, scores: list[float]) -> float:
    c = 0.95 * quality * (0.98 if inflected else 1.0)
    if len(scores) > 1:
        margin = max(0.0, scores[0] - scores[1])
        c *= 0.55 + min(0.4, 2 * margin)
    return round(c, 3)


def _case_ok(block: str, folded: Folded, start: int, end: int, rule: int) -> bool:
    first = block[folded.start_of(start)]
    if rule == CASE_INITIAL:
        return first.isupper() or not first.isalpha()
    if rule == CASE_ALL:
        original = block[folded.start_of(start):folded.end_of(end)]
        return not any(c.islower() for c in original)
    return True


def _crosses_paragraph(block: str, folded: Folded, start: int, end: int) -> bool:
    original = block[folded.start_of(start):folded.end_of(end)]
    return original.count("\n") > 1


def _sentence_initial(block: str, pos: int) -> bool:
    i = pos - 1
    while i >= 0 and block[i] in " \t\xa0\r":
        i -= 1
    return i < 0 or block[i] == "\n" or block[i] in _SENTENCE_END


def _leftmost_longest(spans: list[_Span]) -> list[_Span]:
    """Non-overlapping spans, leftmost first, longest at each start; the members of equal
    spans are merged (one surface form can name several places)."""
    if not spans:
        return spans
    spans.sort(key=lambda sp: (sp.start, -sp.end))
    out: list[_Span] = []
    last_end = -1
    for sp in spans:
        if out and sp.start == out[-1].start and sp.end == out[-1].end:
            out[-1].members = (*out[-1].members, *sp.members)
            continue
        if sp.start >= last_end:
            out.append(sp)
            last_end = sp.end
    return out


def blocks(text: str, size: int = BLOCK_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, block)``: the text cut at paragraph, line or space boundaries near ``size``."""
    n = len(text)
    start = 0
    while start < n:
        end = start + size
        if end >= n:
            yield start, text[start:]
            return
        cut = text.rfind("\n\n", start + size // 2, end)
        if cut < 0:
            cut = text.rfind("\n", start + size // 2, end)
        if cut < 0:
            cut = text.rfind(" ", start + size // 2, end)
        cut = end if cut < 0 else cut + 1
        yield start, text[start:cut]
        start = cut
