"""The tagger: every place mention in a text, with exact offsets, inflection and ranked places.

One pass over the scan text (``textfold``) finds the *stems* that start a word: compiled, a trie
of the stems walked from each word's start; else an Aho-Corasick automaton, whose hits inside
words a filter drops (``hitfilter``). Each hit is checked on its own — the rest of the word
after it must be one of the stem's tails (case ending, article, possessive) — so a longer key
that fails never hides a shorter one that passes. Overlapping survivors are resolved
leftmost-longest. Only then are places ranked, for the few mentions that are ambiguous.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter

import ahocorasick_rs

from ..gcpause import gc_paused as _gc_paused
from ..vocab import lang_base
from .context import DocumentPlaces, KindWords, NearMasks, ParagraphPlaces, name_weight, same_area, share, small_cells
from .inflection import is_clitic
from .conventions import get_convention, rewrite
from .keytable import CASE_ALL, CASE_INITIAL, KeyTable
from .hitfilter import prefilter, scan_c, spans_c, trie_c
from .textfold import Folded, fix_homoglyphs, fold_block, fold_chars, has_mixed

_SURROGATE = re.compile("[\ud800-\udfff]")  # one character for one: offsets stay
_MARKUP = re.compile(r"\[\[[^\[\]]*\]\]")  # what the id convention writes: [[text|id]]
_SENTENCE_END = frozenset(".!?…:;\"«»“”()[]|•–—-։")  # ։ is the Armenian full stop
_SENTENCE_END_CHARS = "".join(sorted(_SENTENCE_END))
BLOCK_CHARS = 1 << 18  # texts are scanned in blocks of about this many characters
IMPORTANCE_WEIGHT = 0.1
PREFERENCE_WEIGHT = 0.4
PARAGRAPH_WEIGHT = 0.1  # coherence with the places of the mention's own paragraph (_paragraph_places)
LIST_WEIGHT = 0.1  # coherence with the other members of the mention's coordinated list
MAX_UNKNOWN_APOSTROPHE_TAIL = 4  # "Shusha'nın": a short unknown suffix after an apostrophe is still a suffix


@dataclass(slots=True)
class Mention:
    """One place mention; ``start``/``end`` are code-point offsets into the caller's text.
    (A plain record: not frozen, since a frozen dataclass costs a microsecond more per mention
    to make; each mention and its ``matched`` dict are the caller's own.)"""
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


# flags of a key (Tagger._hits): the stem is an ambiguous word, has a space, is a person cue
# before or after a name, is an ambiguous word with some ending (нов|ое), can be a list adjective,
# is a feature word after or before a name (context.toml [features])
_AMBIGUOUS_WORD, _HAS_SPACE, _CUE_BEFORE, _CUE_AFTER, _AMBIGUOUS_FORM, _LIST_ADJECTIVE = 1, 2, 4, 8, 16, 32
_FEATURE_AFTER, _FEATURE_BEFORE = 64, 128
_CUES = _CUE_BEFORE | _CUE_AFTER | _FEATURE_AFTER | _FEATURE_BEFORE
_ONE = (1.0,)
_START, _END = itemgetter(0), itemgetter(1)


class _CaseSplit(dict):
    """``"ru:loc"`` -> ``("ru", "loc")``; ``"nom"`` -> ``(None, "nom")``."""

    def __missing__(self, tag: str) -> tuple[str | None, str]:
        grammar, _, case = tag.rpartition(":")
        got = self[tag] = (grammar or None, case)
        return got


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
        # ~140k payload tuples: with the collector running, its collections walked the loaded
        # gazetteer again and again (``Tagger(table)`` took ~0.8 s instead of ~0.24 s)
        with _gc_paused():
            self._build()

    def _build(self) -> None:
        t = self.table
        ambiguous_words = t.ambiguous_words
        # The scan's keys and, at the same index, what a hit on each means: ``(groups, flags)``
        # for a stem or a cue word.
        patterns: list[str] = []
        payloads: list[tuple] = []
        # Person cues (context.toml [person]) are keys too: the scan records where they occur,
        # and only a mention with one beside it needs KindWords.is_person.
        self._kind_words = kw = KindWords.load()
        cues: dict[str, int] = {}
        for words, bit in ((kw.person_before, _CUE_BEFORE), (kw.person_after, _CUE_AFTER)):
            for w in (*words.exact, *words.prefixes):
                if w:
                    cues[w] = cues.get(w, 0) | bit
        for words, bit in ((kw.feature_after, _FEATURE_AFTER), (kw.feature_before, _FEATURE_BEFORE)):
            for w in words:
                cues[w] = cues.get(w, 0) | bit
        tails = t.tails
        # an ambiguous word that is a stem plus one of its endings (the village НовоЕ: нов|ое)
        ambiguous_forms = {w[:i] for w in ambiguous_words for i in range(1, len(w))
                           if w[:i] in t.keys and any(w[i:] in tails[tid] for tid, _, _ in t.keys[w[:i]])}
        # the adjective alone of a list member ("Гадрутском и Мартунинском районах"): see _lists_only
        self._adjective_cases = frozenset(case for ts in tails for case in ts.values() if _is_list_adjective(case))
        self._plural_cases = frozenset(case for ts in tails for case in ts.values() if _is_list_plural(case))
        adjective_tails = {tid for tid, ts in enumerate(tails) if not self._adjective_cases.isdisjoint(ts.values())}
        n_sets = 0
        add_key, add_payload, cue_bits = patterns.append, payloads.append, cues.get  # (one pass per stem)
        for stem, groups in t.keys.items():
            flags = cue_bits(stem, 0)
            if stem in ambiguous_words:
                flags |= _AMBIGUOUS_WORD
            if " " in stem:
                flags |= _HAS_SPACE
            if stem in ambiguous_forms:
                flags |= _AMBIGUOUS_FORM
            payload = []
            for tid, rule, members in groups:
                payload.append((tails[tid], rule, members, n_sets))
                n_sets += 1
                if tid in adjective_tails:
                    flags |= _LIST_ADJECTIVE
            add_key(stem)
            add_payload((tuple(payload), flags))
        for cue, bits in cues.items():
            if cue not in t.keys:
                add_key(cue)
                add_payload(((), bits))
        self._patterns = patterns
        self._payloads = payloads
        # cue words are read at a word's start whatever follows them (see _hits)
        self._special = frozenset(i for i, v in enumerate(payloads) if v[1] & _CUES)
        self._automaton_made = None
        self._apostrophe_tails = {tail: case for tails in t.tails for tail, case in tails.items()
                                  if tail.startswith("'")}
        # Most words that merely start like a stem (Danışıqlar, после) end in no tail of any
        # stem: one set lookup spares them the walk through the stem's tail sets.
        self._known_tails = frozenset(tail for tails in t.tails for tail in tails)
        self._tail_heads = frozenset(tail[:2] for tail in self._known_tails if len(tail) >= 2)
        # Compiled, a trie walked from each word's start finds the hits prefilter keeps of the
        # automaton's: it reads no key that starts inside a word (docs/TAGGING.md)
        self._trie = trie_c(patterns, set(self._special), set(self._tail_heads)) if trie_c is not None else None
        self._clitic_cases = {case for tails in t.tails for case in tails.values() if is_clitic(case)}
        weights = self._kind_words.name_weights
        self._name_worth = [name_weight(n, weights) if n is not None else 0.0 for n in t.names]
        self._folded_names: dict[int, str] = {}
        self._place_no = {pid: i for i, pid in enumerate(t.place_ids)}
        self._ms_info: list[tuple | None] = [None] * n_sets  # per member set, see _info
        self._places_cache: dict[tuple, tuple] = {}  # the same for merged member sets
        self._pairs_cache: dict[tuple, list] = {}
        self._rankings: dict[tuple, tuple] = {}  # see _mentions
        self._templates: dict[tuple, tuple] = {}  # see _template
        self._matched: dict[tuple, dict] = {}  # (name, scheme) -> the matched dict (copied per mention)
        self._stem_memo: dict[tuple, int] = {}
        self._geo: dict[int, tuple] = {}  # place -> its point as coherence needs it (context._geo_of)
        self._place_cells = None  # context.small_cells, made when a paragraph first needs it
        self._near = NearMasks(t.related, t.coords, t.near)  # for the coherence of every document
        self._case_split = _CaseSplit()

    @property
    def _automaton(self) -> ahocorasick_rs.AhoCorasick:
        """Every key, for the Python path: Rust's aho-corasick (ahocorasick_rs) reports every
        overlapping key in one call, in code-point offsets, in about a third less time than
        walking pyahocorasick's trie from Python over the same keys (docs/TAGGING.md)."""
        if self._automaton_made is None:
            self._automaton_made = ahocorasick_rs.AhoCorasick(self._patterns)
        return self._automaton_made

    # -- public -----------------------------------------------------------------------------
    def tag(self, text: str) -> list[Mention]:
        """Every mention in ``text``; places ranked with the whole text as context."""
        with _gc_paused():
            return self._tag(text)

    def _tag(self, text: str) -> list[Mention]:
        raw = []
        others: set[int | None] = set()
        for offset, block in blocks(text):
            folded, spans, cues, adjectives = self._scan(block)
            named = (self._singles(spans), self._singles(adjectives))
            raw.append((offset, block, folded, spans, cues, named))
            others.update(named[0][1], named[1][1])
        others.discard(None)
        out = []
        for offset, block, folded, spans, cues, named in raw:
            out.extend(self._mentions(block, offset, folded, spans, others, cues, named))
        return out

    def iter_tag(self, text: str, offset: int = 0) -> Iterator[Mention]:
        """Mentions block by block (bounded memory); the context of a mention is its block."""
        for start, block in blocks(text):
            yield from self.tag_block(block, offset + start)

    def tag_block(self, block: str, offset: int = 0) -> list[Mention]:
        with _gc_paused():
            folded, spans, cues, adjectives = self._scan(block)
            named = (self._singles(spans), self._singles(adjectives))
            others = {*named[0][1], *named[1][1]}  # the places the block names unambiguously
            others.discard(None)
            return self._mentions(block, offset, folded, spans, others, cues, named)

    def normalize(self, text: str, convention: str = "az") -> str:
        """``text`` with every mention rewritten in a naming convention (see conventions.py)."""
        conv = get_convention(convention)
        return "".join(self._rewrite(text, self.tag(text), conv))

    def normalize_block(self, block: str, convention: str = "az") -> str:
        conv = get_convention(convention)
        return "".join(self._rewrite(block, self.tag_block(block), conv))

    def _rewrite(self, text: str, mentions, conv) -> Iterator[str]:
        # what the id convention marked up already stays as it is (normalizing twice changes nothing);
        # mentions and marked-up spans both come in text order: one walk through the two
        marked = [(m.start(), m.end()) for m in _MARKUP.finditer(text)] if "[[" in text else []
        k = 0
        last = 0
        for m in mentions:
            while k < len(marked) and marked[k][1] <= m.start:
                k += 1
            if k < len(marked) and marked[k][0] < m.end:
                continue
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
    def _scan(self, block: str) -> tuple[Folded, list[tuple], tuple, list[tuple]]:
        """The scan text, the spans, the person cues (see ``_hits``), and the adjectives that are
        no mention but still say which places the text is about (``Товузском направлении``)."""
        folded = fold_block(block)
        spans, mixed, cues, adjectives = self._hits(block, folded)
        if mixed:  # a Latin/Cyrillic lookalike inside a word: repair the scan text, scan again
            folded.text, folded.mixed = fix_homoglyphs(folded.text), None
            spans, _, cues, adjectives = self._hits(block, folded)
        spans = _leftmost_longest(spans)
        if "/" in folded.text:
            spans = self._one_place_dual(folded.text, spans)
        if cues[2] or cues[3]:
            spans = self._not_features(folded.text, spans, cues[2], cues[3])
        if adjectives:
            spans, dropped = self._lists_only(folded.text, spans)
            return folded, spans, cues, dropped
        return folded, spans, cues, []

    def _one_place_dual(self, scan: str, spans: list[tuple]) -> list[tuple]:
        """Names of one place joined by a slash (``Stepanakert/Khankendi``, as the ``en-dual``
        convention writes them; up to three) are one mention of the places they share, matched
        by the first name, in the case of the one inflected (``в Степанакерте/Ханкенди``:
        locative), with no suffix of its own: ``normalize`` writes the place once, and with
        ``en-dual`` gives the same text again."""
        names = self.table.names
        out: list[tuple] = []
        joined = 0
        for sp in spans:
            prev = out[-1] if out else None
            # the names in one case, or one of them bare (в Степанакерте/Ханкенди: it does not
            # decline; Stepanakert/Khankendi'də: the ending goes with the pair)
            if prev is not None and joined < 2 and (sp[3] == prev[3] or _is_bare(sp[3]) or _is_bare(prev[3])) \
                    and scan[prev[1]:sp[0]].strip(" ") == "/":
                theirs = {names[m[0]][0] for m in sp[4]}
                shared = tuple(m for m in prev[4] if names[m[0]][0] in theirs)
                if shared:
                    out[-1] = (prev[0], sp[1], sp[1], sp[3] if _is_bare(prev[3]) else prev[3], shared, -1)
                    joined += 1
                    continue
            out.append(sp)
            joined = 0
        return out

    def _not_features(self, scan: str, spans: list[tuple], after: dict, before: dict) -> list[tuple]:
        """Without the names of natural features the gazetteer lacks: a name beside a feature
        word ("the Karkar river", "озеро Севан") none of whose places is of that kind."""
        kinds_of = self.table.place_kinds
        out = []
        for sp in spans:
            start, end = sp[0], sp[1]
            kinds = after.get(end + 1) if scan[end:end + 1] == " " else None
            if start and scan[start - 1] == " " and start - 1 in before:
                kinds = before[start - 1] | kinds if kinds else before[start - 1]
            if kinds and all(kinds_of[p] not in kinds for p in self._info(sp)[0]):
                continue
            out.append(sp)
        return out

    def _lists_only(self, scan: str, spans: list[tuple]) -> tuple[list[tuple], list[tuple]]:
        """A list member's adjective alone (``Гадрутском`` of ``Гадрутском и Мартунинском
        районах``) names the place only in a list that ends with the kind word: in the plural, or
        in the singular of the adjective's case (``в Араратскую, Котайкскую и Вайоцдзорскую
        область``); elsewhere it is an adjective (``Товузском направлении``, ``Агдамский
        винзавод``), not a mention. Returns the spans kept and the adjectives dropped."""
        adjective, plural = self._adjective_cases, self._plural_cases
        coordinated = self._kind_words.coordinated
        out: list[tuple] = []
        dropped: list[tuple] = []
        listed: bool | None = False  # the span after this one ends or continues such a list
        for k in range(len(spans) - 1, -1, -1):
            sp = spans[k]
            if sp[3] in adjective:
                if listed is None:  # the span after names a place with the singular kind word
                    after = spans[k + 1]
                    listed = _case_of(after[3]) == _case_of(sp[3]) and \
                        scan[after[0]:after[1]].rpartition(" ")[2] in self.table.list_heads
                listed = listed and coordinated(scan, sp[1], spans[k + 1][0])
                if not listed:
                    dropped.append(sp)
                    continue
            else:
                listed = True if sp[3] in plural else None
            out.append(sp)
        out.reverse()
        dropped.reverse()  # in text order, as _paragraph_places reads them
        return out, dropped

    def _hits(self, block: str, folded: Folded) -> tuple[list[tuple], bool, tuple, bool]:
        """Spans ``(start, end, stem_end, case, members, member set)`` in scan offsets, whether
        a mixed-script word was seen, the cues ``(sorted starts of person cues before a name,
        starts of person cues after one, feature words after a name: start -> kinds, feature
        words before one: end -> kinds)``, and whether a list adjective was seen; the
        payload of each key is ``(groups, flags)`` (see ``_build``)."""
        s = folded.text
        n = len(s)
        spans: list[tuple] = []
        append = spans.append
        mixed = False
        cue_before: list[int] = []
        cue_after: set[int] = set()
        # feature words (context.toml [features]): where one starts (after a name) and where one
        # ends (before a name) -> the feature's kinds
        feature_after: dict[int, frozenset] = {}
        feature_before: dict[int, frozenset] = {}
        features_after, features_before = self._kind_words.feature_after, self._kind_words.feature_before
        identity = folded.is_identity()
        apostrophe_tails = self._apostrophe_tails
        clitic_cases = self._clitic_cases
        ambiguous_words = self.table.ambiguous_words
        adjective_cases = self._adjective_cases
        adjectives = False
        payloads = self._payloads
        mixed = folded.mixed if folded.mixed is not None else has_mixed(s)
        if self._trie is not None:
            hits = scan_c(self._trie, s, self._known_tails)
        else:
            try:
                found = self._automaton.find_matches_as_indexes(s, overlapping=True)
            except UnicodeEncodeError:  # a lone surrogate (text decoded with surrogateescape) is no UTF-8
                found = self._automaton.find_matches_as_indexes(_SURROGATE.sub("\ufffd", s), overlapping=True)
            # the hits inside a word and those whose word goes on with no known tail (but for
            # cue words) are dropped first (hitfilter.py)
            hits = prefilter(s, found, self._special, self._tail_heads, self._known_tails)

        def one(key: int, start: int, e: int, tail: str | None) -> None:
            """The spans of one hit (and its cues)."""
            nonlocal adjectives
            groups, flags = payloads[key]
            if flags and flags & _CUES:  # whatever ending the word has: is_person decides
                if flags & _CUE_BEFORE:
                    cue_before.append(start)
                if flags & _CUE_AFTER:
                    cue_after.add(start)
                if flags & (_FEATURE_AFTER | _FEATURE_BEFORE) and (e == n or not s[e].isalnum()) \
                        and (not start or not s[start - 1].isalnum()):  # a whole word
                    word = s[start:e]
                    if flags & _FEATURE_AFTER:
                        feature_after[start] = feature_after.get(start, frozenset()) | features_after[word]
                    if flags & _FEATURE_BEFORE:
                        feature_before[e] = features_before[word]
            if tail is None:  # a cue word whose word goes on with no known tail
                return
            for tails, rule, members, msid in groups:
                case = tails.get(tail)
                used = tail
                if case is None:
                    if not tail or "" not in tails:
                        continue
                    if tail[0] == "-":  # Шуша-Ханкенди: the name ends at the hyphen
                        used, case = "", tails[""]
                    elif tail[0] != "'":
                        continue
                    else:
                        case = apostrophe_tails.get(tail)
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
                if flags & (_AMBIGUOUS_WORD | _HAS_SPACE | _AMBIGUOUS_FORM | _LIST_ADJECTIVE):
                    if (flags & _AMBIGUOUS_WORD or flags & _AMBIGUOUS_FORM and s[start:e + len(tail)] in ambiguous_words) \
                            and _sentence_initial(block, folded.start_of(start)):
                        continue
                    if flags & _HAS_SPACE and _crosses_paragraph(block, folded, start, e):
                        continue
                    if flags & _LIST_ADJECTIVE and case in adjective_cases:
                        adjectives = True
                if used and case in clitic_cases:
                    used = ""  # Stepanakert's: the possessive stays outside the span
                append((start, e + len(used), e, case, members, msid))

        if identity and spans_c is not None:  # the common case compiled; cue words call one()
            if spans_c(hits, payloads, s, block, ambiguous_words, _SENTENCE_END_CHARS, apostrophe_tails,
                       clitic_cases, adjective_cases, MAX_UNKNOWN_APOSTROPHE_TAIL, spans, one):
                adjectives = True
        else:
            for hit in hits:
                one(*hit)
        cue_before.sort()
        return spans, mixed, (cue_before, cue_after, feature_after, feature_before), adjectives

    # -- ranking ----------------------------------------------------------------------------
    def _info(self, sp: tuple) -> tuple:
        """What ranking needs of a span's member set, computed once per set (read-only):
        ``(places, single place or None, ambiguity data or None)``."""
        msid = sp[5]
        if msid >= 0:
            got = self._ms_info[msid]
            if got is None:
                got = self._ms_info[msid] = self._make_info(sp[4])
            return got
        got = self._places_cache.get(sp[4])
        if got is None:
            if len(self._places_cache) > 200_000:
                self._places_cache.clear()
            got = self._places_cache[sp[4]] = self._make_info(sp[4])
        return got

    def _make_info(self, members: tuple) -> tuple:
        places = self._places_of_members(members)
        if len(places) == 1:
            return places, next(iter(places)), None
        t, kw = self.table, self._kind_words
        cands = list(places)
        key = tuple(cands)
        pairs = self._pairs_cache.get(key)
        if pairs is None:
            if len(self._pairs_cache) > 100_000:
                self._pairs_cache.clear()
            pairs = self._pairs_cache[key] = same_area(cands, t.place_kinds, kw.area_kinds, t.related, t.coords)
        worth = [self._worth(places[p][0], places[p][1]) for p in cands]
        if pairs:
            worth = share(worth, pairs)
        # the terms of a candidate's score that do not depend on the text (see _rank)
        rows = tuple((p, t.place_kinds[p], 0.4 * w + 0.3 * w, 0.3 * w,
                      PREFERENCE_WEIGHT * kw.preference.get(t.place_kinds[p], 0.5),
                      IMPORTANCE_WEIGHT * t.importance[p], -t.importance[p], t.place_ids[p])
                     for p, w in zip(cands, worth))
        return places, None, (cands, pairs, rows)

    def _places_of_members(self, members: tuple) -> dict[int, tuple[float, int, str | None]]:
        """place -> (best quality, name index, scheme)."""
        names = self.table.names
        best: dict[int, tuple[float, int, str | None]] = {}
        for name_id, quality, scheme in members:
            place = names[name_id][0]
            cur = best.get(place)
            if cur is None or self._worth(quality, name_id) > self._worth(cur[0], cur[1]):
                best[place] = (quality, name_id, scheme)
        return best

    def _worth(self, quality: float, name_id: int) -> float:
        return quality * self._name_worth[name_id]

    def _mentions(self, block: str, offset: int, folded: Folded, spans: list[tuple],
                  others: set[int], cues: tuple, named: tuple) -> list[Mention]:
        """The mentions of a block's spans; ``others`` the places of the document named
        unambiguously, ``named`` the block's spans' and adjectives' ``_singles``."""
        t, kw = self.table, self._kind_words
        scan = folded.text
        identity = folded.is_identity()
        out = []
        append = out.append
        doc = None
        chains, lists = self._chain_kinds(scan, spans)
        person_check = bool(kw.person_before.exact)
        cue_before, cue_after = cues[0], cues[1]
        n_before = len(cue_before)
        is_person = kw.is_person
        cases = self._case_split
        templates = self._templates
        ranks = self._rankings
        n_spans = len(spans)
        paragraphs: dict[frozenset, ParagraphPlaces] = {}
        list_places: dict[int, ParagraphPlaces | None] = {}  # first span of a list -> its places
        para_end = -1  # the paragraph (line) of the last ambiguous mention: [para_start, para_end)
        local = None
        for k, sp in enumerate(spans):
            start, end, stem_end, case_tag, _, _ = sp
            # is_person needs a cue word that starts in the 30 characters before the mention's
            # preceding space, or just after its following space (a cue is a whole word there)
            if person_check:
                if end + 1 in cue_after:
                    cue = True
                elif cue_before:
                    i = bisect_left(cue_before, start - 30 if start > 30 else 0)
                    cue = i < n_before and cue_before[i] < start - 1
                else:
                    cue = False
                if cue and is_person(scan, start, end):
                    continue
            inflected = end > stem_end
            setkey = sp[5] if sp[5] >= 0 else sp[4]
            tkey = (setkey, case_tag, inflected)
            tpl = templates.get(tkey)
            if tpl is None:
                if len(templates) > 200_000:
                    templates.clear()
                tpl = templates[tkey] = self._template(sp, case_tag, inflected)
            if tpl[0] is not None:  # one place: everything but the offsets is the member set's
                pid, candidates, confidence, scores, name_id, grammar, case, matched = tpl
            else:
                places, amb = tpl[1], tpl[2]
                near = kw.kinds_near(scan, start, end, spans[k - 1][1] if k else 0,
                                     spans[k + 1][0] if k + 1 < n_spans else None)
                if chains[k]:
                    near = near | chains[k]
                if doc is None:
                    doc = DocumentPlaces(others, t.related, t.coords, self._near)
                    coherences = doc.coherences
                coh = coherences(amb[0])
                if start >= para_end:
                    para_start = scan.rfind("\n", 0, start) + 1
                    para_end = scan.find("\n", start)
                    if para_end < 0:
                        para_end = len(scan)
                    local = self._paragraph_places(named, para_start, para_end, paragraphs)
                near_coh = local.coherences(amb[0], coh) if local is not None else None
                list_coh = None
                if lists[k] is not None:
                    lo_k, hi_k = lists[k]
                    listed = list_places.get(lo_k, False)
                    if listed is False:  # once per list
                        listed = list_places[lo_k] = self._paragraph_places(
                            named[:1], spans[lo_k][0], spans[hi_k][1], paragraphs)
                    if listed is not None:
                        list_coh = listed.coherences(amb[0], coh)
                # the ranking is a function of the member set, the kind words near and the
                # coherence of each candidate with the document, its paragraph and its list: the
                # same (and suffix) anywhere give the same mention but for its offsets
                rkey = (tkey, frozenset(near) if near else None, coh, near_coh, list_coh)
                got = ranks.get(rkey)
                if got is None:
                    if len(ranks) > 100_000:
                        ranks.clear()
                    best, candidates, raw, scores = self._rank(amb, near, coh, near_coh, list_coh)
                    quality, name_id, scheme = places[best]
                    grammar, case = cases[case_tag]
                    got = ranks[rkey] = (candidates[0], candidates, _confidence(quality, inflected, raw), scores,
                                         name_id, grammar, case, self._matched_of(name_id, scheme))
                pid, candidates, confidence, scores, name_id, grammar, case, matched = got
            if identity:
                o_start, o_end = start, end
                o_stem = self._stem_end(scan, start, end, stem_end, name_id) if inflected else end
            else:
                o_start, o_end = folded.start_of(start), folded.end_of(end)
                o_stem = folded.end_of(self._stem_end(scan, start, end, stem_end, name_id) if inflected else end)
            matched = matched.copy()  # the caller's own, as is its used_by list
            matched["used_by"] = list(matched["used_by"])
            append(Mention(
                offset + o_start, offset + o_end, block[o_start:o_end], block[o_start:o_stem], block[o_stem:o_end],
                pid, candidates, matched, confidence, case, grammar, scores))
        return out

    def _template(self, sp: tuple, case_tag: str, inflected: bool) -> tuple:
        """What every mention of a span's member set with this suffix shares: for one place
        ``(id, candidates, confidence, scores, name, grammar, case, matched)``, else
        ``(None, places, ambiguity data)`` for ``_rank``."""
        places, single, amb = self._info(sp)
        if single is None:
            return None, places, amb
        quality, name_id, scheme = places[single]
        pid = self.table.place_ids[single]
        grammar, case = self._case_split[case_tag]
        return (pid, (pid,), _confidence(quality, inflected, [1.0]), _ONE, name_id, grammar, case,
                self._matched_of(name_id, scheme))

    def _matched_of(self, name_id: int, scheme: str | None) -> dict:
        """The ``matched`` record of a name (shared: ``_mentions`` copies it per mention)."""
        key = (name_id, scheme)
        got = self._matched.get(key)
        if got is None:
            name = self.table.names[name_id]
            got = self._matched[key] = {
                "text": name[1], "lang": name[2], "type": name[3], "scheme": scheme or name[4],
                "used_by": name[5], "from": name[6], "to": name[7]}
        return got

    def _paragraph_places(self, named: tuple, lo: int, hi: int, seen: dict) -> ParagraphPlaces | None:
        """The places named unambiguously in the paragraph ``[lo, hi)`` (scan offsets; or in a
        list's span), indexed for coherence; ``None`` when there are none. A village listed after its district
        (``Xocalı rayonunun Xanabad, Kosalar və Xəlfəli kəndlərində``, ``In Tavush, border
        villages including Berd, Movses``) lies in or near a place of its own paragraph.
        ``seen`` keeps them for the block (paragraphs of one set of places share one): not
        longer, since kept across a long stream they took tens of megabytes."""
        found = set()
        for starts, singles in named:  # the block's spans and adjectives (_singles)
            i = bisect_left(starts, lo)
            j = bisect_left(starts, hi, i)
            if i < j:
                found.update(singles[i:j])
        found.discard(None)
        if not found:
            return None
        key = frozenset(found)
        got = seen.get(key)
        if got is None:
            t = self.table
            if self._place_cells is None:
                self._place_cells = small_cells(t.coords, self._geo)
            got = seen[key] = ParagraphPlaces(found, t.related, t.coords, self._geo, self._place_cells)
        return got

    def _singles(self, spans) -> tuple[list[int], list[int | None]]:
        """The spans' starts and the one place each names (None for an ambiguous one): per span
        of a block (and per adjective that names a place without being a mention)."""
        info, ms_info = self._info, self._ms_info
        return ([sp[0] for sp in spans],
                [((ms_info[sp[5]] if sp[5] >= 0 else None) or info(sp))[1] for sp in spans])

    @staticmethod
    def _rank(amb: tuple, near: set[str], coh: tuple[float, ...], near_coh: tuple[float, ...] | None = None,
              list_coh: tuple[float, ...] | None = None) -> tuple:
        """``(best place, candidate ids, scores, rounded scores)`` of an ambiguous span, given
        each candidate's coherence with the document. A candidate's score is
        ``0.4·worth·[its kind among the kind words near] + 0.3·worth + 0.4·kind preference +
        0.15·coherence + 0.1·paragraph coherence + 0.1·list coherence (these two above the
        least candidate's) + 0.1·importance``: kind words beside the mention (as far as the
        matched name speaks for the place), what the name is worth for it and which kind a bare
        name usually means, then the document, the mention's own paragraph
        (``_paragraph_places``) and the other members of its list, then importance;
        ``_make_info`` computes the terms that do not depend on the text."""
        cands, pairs, rows = amb
        if pairs:
            coh = share(list(coh), pairs)
        if near_coh is not None:
            local = share(list(near_coh), pairs) if pairs else near_coh
            floor = min(local)
            coh = [c + PARAGRAPH_WEIGHT / 0.15 * (lc - floor) for c, lc in zip(coh, local)]
        if list_coh is not None:
            listed = share(list(list_coh), pairs) if pairs else list_coh
            floor = min(listed)
            coh = [c + LIST_WEIGHT / 0.15 * (lc - floor) for c, lc in zip(coh, listed)]
        ranked = sorted([(-((both if kind in near else alone) + pref + 0.15 * c + imp), neg_imp, pid, p)
                         for (p, kind, both, alone, pref, imp, neg_imp, pid), c in zip(rows, coh)])
        raw = [-r[0] for r in ranked]
        return ranked[0][3], tuple([r[2] for r in ranked]), raw, tuple([round(s, 4) for s in raw])

    def _chain_kinds(self, scan: str, spans: list[tuple]) -> tuple[list[set[str] | None], list[tuple | None]]:
        """Coordinated mentions ("Füzuli, Ağdam və Tərtər rayonları") share the kind words of
        the list: before its first member, after its last, and the generic word inside a member.
        Returns those kinds per span, and per span its list's first and last span (or None)."""
        kw = self._kind_words
        n = len(spans)
        out: list[set[str] | None] = [None] * n
        lists: list[tuple | None] = [None] * n
        coordinated = kw.coordinated
        i = 0
        while i < n:
            j = i
            while j + 1 < n and spans[j + 1][0] - spans[j][1] <= 16 and \
                    coordinated(scan, spans[j][1], spans[j + 1][0]):
                j += 1
            if j > i:
                for k in range(i, j + 1):
                    lists[k] = (i, j)
                # the list's own kind words, not those of the mentions before and after it
                kinds = kw._kinds_of(kw.left_words(scan, spans[i][0], spans[i - 1][1] if i else 0), False) | \
                    kw._kinds_of(kw.right_words(scan, spans[j][1], spans[j + 1][0] if j + 1 < n else None), True)
                for k in range(i, j + 1):
                    kinds |= kw.kinds_inside(scan, spans[k][0], spans[k][1])
                if kinds:
                    for k in range(i, j + 1):
                        out[k] = kinds
            i = j + 1
        return out, lists

    def _stem_end(self, scan: str, start: int, end: int, stem_end: int, name_id: int) -> int:
        """The mention's stem ends where it stops sharing letters with the matched name
        (Шуше: Шуш|е; Շուշիում: Շուշի|ում), and never before the scan key's stem."""
        key = (scan[start:end], name_id)
        shared = self._stem_memo.get(key)
        if shared is None:
            name = self._folded_names.get(name_id)
            if name is None:
                name = self._folded_names[name_id] = fold_chars(self.table.names[name_id][1])
            surface = key[0]
            shared = 0
            for a, b in zip(surface, name):
                if a != b:
                    break
                shared += 1
            if len(self._stem_memo) > 200_000:
                self._stem_memo.clear()
            self._stem_memo[key] = shared
        return max(start + shared, min(stem_end, end))


def _is_bare(case: str) -> bool:
    """The name as written, without an ending (``nom``, ``ru:nom``)."""
    return case == "nom" or case.endswith(":nom")


def _is_list_adjective(case: str) -> bool:
    return case.rpartition(":")[2].startswith("adj.")  # "ru:adj.loc" (keytable._add_list_forms)


def _case_of(case: str) -> str:
    """The case alone: ``ru:adj.acc``, ``ru:pl.acc`` and ``ru:acc`` are all ``acc``."""
    return case.rpartition(":")[2].rpartition(".")[2]


def _is_list_plural(case: str) -> bool:
    return case.rpartition(":")[2].startswith("pl.")  # "ru:pl.loc"


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


def _leftmost_longest(spans: list[tuple]) -> list[tuple]:
    """Non-overlapping spans, leftmost first, longest at each start; the members of equal
    spans are merged (one surface form can name several places)."""
    if not spans:
        return spans
    # by start, longest first at one start, else in the scan's order: two stable sorts on C keys
    # (a third of the time of one sort on a Python key function)
    spans.sort(key=_END, reverse=True)
    spans.sort(key=_START)
    out: list[tuple] = []
    last_end = -1
    for sp in spans:
        if out and sp[0] == out[-1][0] and sp[1] == out[-1][1]:
            prev = out[-1]
            out[-1] = (prev[0], prev[1], prev[2], prev[3], (*prev[4], *sp[4]), -1)
            continue
        if sp[0] >= last_end:
            out.append(sp)
            last_end = sp[1]
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
