"""Match stages and ranking: query -> ranked places, each saying which name matched and why.

Each stage has its own score band, so a result's score tells how it matched: an exact match
always outranks a folded one, which always outranks a transliteration, and so on. Within a band
small adjustments order the candidates: the requested language, the names valid in the
requested year, and the place's importance.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz.distance import OSA

from .errors import InvalidQuery
from .fold import compact, fold
from .index import MIN_WORD_SOUND, Index
from .generic import GENERIC_PREFIX, adjective_keys, generic_core, generic_key, split_generic, word_sounds
from .keys import SKELETON_PREFIX, skeleton_key
from .scripts import dominant_script
from .translit import detect_source, variants
from .records import Name, Result
from .vocab import lang_base, tag_script

MAX_QUERY_CHARS = 200
MAX_LIMIT = 100

# stage -> (band top score, human label)
BANDS: dict[str, tuple[float, str]] = {
    "exact": (1.00, "exact spelling"),
    "folded": (0.94, "same letters ignoring case, diacritics, apostrophes and hyphens"),
    "compact": (0.90, "same letters ignoring spaces"),
    "transliteration": (0.84, "transliteration"),
    "skeleton": (0.74, "same sound skeleton across romanizations"),
    "generic": (0.69, "same name without generic words (district, village, …), qualifiers in any language"),
    "fuzzy": (0.63, "close spelling (typo)"),
    "words": (0.47, "some words of the query are words of the name"),
}
BAND_WIDTH = 0.05
# an edit costs 0.2 × edits ÷ letters in the typo band: more than importance can add (0.03), so
# the village one transposition away beats the city two edits away (Ахванадзор); 0.1 let
# importance win (typos 93.6 % top-1 in benchmarks/resolve_quality.py), 0.2 and 0.3 give 99.3 %
TYPO_WEIGHT = 0.2
# In the bands that ignore spelling details (folded, generic) the stored spelling nearer
# the query's own ranks first: "seidlar" is the village stored as Seidlar before Şeidlər, and
# "Verkhniy Karkhun" is Verin Karkhun before Yuxarı Qarxun. Case aside, the share of letters
# spelled otherwise costs SPELLING_WEIGHT × share, the share at least SPELLING_FLOOR: any
# letter off costs at least 0.0125, more than a place's own main name adds (0.01), so PLANKAND
# is the village with the variant Plankand before the one that is only Plankənd; one letter off
# a short name (Agdam for Ağdam) costs just that, well under what importance can add (0.03), so
# the town still comes before a village whose variant is spelled like the query. The share is
# counted up to SPELLING_CAP, so a folded match never falls below 0.85, the score reconciliation
# calls a match (reconcile.MATCH_SCORE); the compact band is left alone, its matches differ in
# spaces by definition.
SPELLING_WEIGHT = 0.05
SPELLING_FLOOR = 0.25
SPELLING_CAP = 0.6
_SPELLED_STAGES = frozenset({"folded", "generic"})
# Keys loose enough that a typo of another name may be what the user meant: when only these
# matched, the typo stage runs too (its band keeps its candidates below theirs).
_LOOSE_STAGES = frozenset({"skeleton", "generic"})
_STAGE_ORDER = {stage: n for n, stage in enumerate(BANDS)}  # adjustments stay inside a band
_TYPE_ORDER = {t: i for i, t in enumerate(("official", "endonym", "exonym", "variant", "colloquial",
                                           "abbreviation", "historical"))}


@dataclass(frozen=True)
class Query:
    text: str
    lang: str | None = None
    kind: tuple[str, ...] = ()
    at: int | None = None
    limit: int = 10
    near: tuple[float, float] | None = None


NEAR_SCALE_KM = 50.0  # a place this far from ``near`` gets ~1/e of the proximity bonus


# Unicode categories Cc (controls) and Cs (surrogates), as ranges: a regex scans a query faster
# than a category lookup per character (tests check the two agree on every code point).
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def make_query(text, *, lang=None, kind=None, at=None, limit=10, near=None) -> Query:
    """Check and normalize resolve parameters; raise InvalidQuery with a precise message."""
    if not isinstance(text, str):
        raise InvalidQuery("query must be a string")
    q = unicodedata.normalize("NFC", text).strip()
    if not q:
        raise InvalidQuery("query is empty")
    if len(q) > MAX_QUERY_CHARS:
        raise InvalidQuery(f"query is longer than {MAX_QUERY_CHARS} characters")
    if _CONTROL.search(q):
        raise InvalidQuery("query holds control characters")
    if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise InvalidQuery(f"limit must be an integer from 1 to {MAX_LIMIT}")
    if at is not None and (isinstance(at, bool) or not isinstance(at, int) or not -3000 <= at <= 2100):
        raise InvalidQuery("at must be a year from -3000 to 2100")
    if lang is not None and (not isinstance(lang, str) or not lang or len(lang) > 64):
        raise InvalidQuery("lang must be a BCP 47 tag such as hy, az-Latn, ru, en")
    if isinstance(kind, str):
        kind = tuple(k for k in kind.split(",") if k)
    if near is not None:
        try:
            lat, lon = (float(x) for x in near)
        except (TypeError, ValueError):
            raise InvalidQuery("near must be (lat, lon)") from None
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise InvalidQuery("near must be a latitude in -90..90 and a longitude in -180..180")
        near = (lat, lon)
    return Query(q, lang, tuple(kind or ()), at, limit, near)


def _km(a: tuple[float, float], lat: float, lon: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(a[0]), math.radians(lat)
    dp, dl = p2 - p1, math.radians(lon - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _lang_matches(name: Name, lang: str, default_scripts: dict[str, str] | None = None) -> bool:
    """Is ``name`` in ``lang``? A bare language means its usual script: ``hy`` is Armenian
    script, not the romanization ``hy-Latn``; ``az`` (no usual script) takes both alphabets."""
    if name.lang == lang:
        return True
    if "-" in lang:  # az-Latn asks for the script too
        return name.lang.startswith(lang + "-")
    if lang_base(name.lang) != lang:
        return False
    script = tag_script(name.lang)
    usual = (default_scripts or {}).get(lang)
    return script is None or not usual or script == usual


# How a stored key's own stage reads when the query reached it by its folded or compact form.
_VIA_FOLDED = {"folded": "folded", "compact": "folded"}
_VIA_COMPACT = {"folded": "compact", "compact": "compact"}


def _candidates(index: Index, q: str) -> list[tuple[int, str, str | None]]:
    """(name index, stage, scheme) for every stored name the query reaches."""
    found = [(i, "exact", None) for i in index.exact.get(q, ())]
    key = fold(q)
    entries = index.keys.get(key)
    if entries:
        found += [(i, _VIA_FOLDED.get(stage, stage), scheme) for i, stage, scheme in entries]
    ckey = compact(key)
    if ckey != key:
        entries = index.keys.get(ckey)
        if entries:
            found += [(i, _VIA_COMPACT.get(stage, stage), scheme) for i, stage, scheme in entries]
    for k, stage in ((skeleton_key(q), "skeleton"), (generic_key(q), "generic")):
        entries = index.keys.get(k) if k else None
        if entries:
            found += [(i, stage, scheme) for i, _, scheme in entries]
    if not found:  # a place adjective before a kind word, as stored names get (keys.py):
        # "Аранский экономический район" is read as "Аран" too
        for k in adjective_keys(q):
            found += [(i, "generic", scheme) for i, _, scheme in index.keys.get(k, ())]
    return found


def _query_transliterations(index: Index, q: str):
    """The query itself transliterated (a Georgian or Armenian query for a place whose stored
    names are all Latin); only tried when no stored spelling matched, it costs a few schemes."""
    lang = detect_source(q)
    if lang is None or lang == "Latn":
        # a Latin query of no particular language: its reverse-search guesses (Kecud → Кекуд)
        # would outrank the typo candidates that come next
        return
    for variant, scheme in variants(q, lang):
        for i, stage, _ in index.keys.get(fold(variant), ()):
            if stage in ("folded", "compact", "transliteration"):
                yield i, "transliteration", scheme, 0, 0


_SOUND_PREFIXES = frozenset({SKELETON_PREFIX, GENERIC_PREFIX})  # keys of sound, not spelling


def _fuzzy_candidates(index: Index, q: str, sound: bool = True):
    """Typo stage: names whose key is within a small edit distance of the query's: its spelling,
    and unless ``sound`` is False its sound skeleton and the sound of its name without kind
    words (the generic key; see ``Index._fuzzy_keys``)."""
    seen = set()
    sound_key = skeleton_key(q) if sound else ""
    # the query without kind words, qualifiers named alike: near the same of a stored name whose
    # sound differs by its kind words (Razvaliny Suramelik: Սուրմալիկ)
    core_key = generic_key(q) if sound else ""
    for key in (compact(fold(q)), sound_key, core_key):
        if not key:
            continue
        for found, dist, payloads in index.fuzzy.search(key, max_distance=1 if len(key) < 8 else 2):
            # a near miss in sound counts as half an edit more than the same miss in spelling
            weight = dist + (0.5 if key[0] in _SOUND_PREFIXES else 0)
            for i in payloads:
                if (i, found) not in seen:
                    seen.add((i, found))
                    yield i, "fuzzy", None, weight, len(found[1:] if found[0] in _SOUND_PREFIXES else found)


# The word stage, the last resort: when no stage above finds anything, the names that share a
# word (by sound, kind words aside) with the query: "Kushchinskiy Most" is the place also named
# Кушчинский, "Kyagrizli-Nasirbeyli" the village Bëyuk-Kyagrizli. A name and query covered less
# by the shared words rank lower, by up to WORDS_WEIGHT.
WORDS_WEIGHT = 0.05


def _word_candidates(index: Index, q: str):
    sounds = word_sounds(q)
    shared = {sk: word for word, sk in sounds if len(sk) >= MIN_WORD_SOUND and sk in index.words.names_of}
    if not shared:
        return
    total = sum(len(sk) for _, sk in sounds)
    names: set[int] = set()
    for sk in shared:
        names.update(index.words.names_of[sk])
    for i in names:
        best, met = -1.0, ()
        for words in index.words.words_of.get(i, ()):
            spelled = [w for w in words if not w.startswith("<")]
            hit = [w for w in spelled if w in shared]
            if not hit:
                continue
            letters = sum(len(w) for w in hit)
            # the share of the name's letters and of the query's that the shared words make up
            cover = (letters / sum(len(w) for w in spelled) + letters / total) / 2
            if cover > best:
                best, met = cover, hit
        if best >= 0:
            yield i, "words", None, 0, 0, best, tuple(dict.fromkeys(shared[w] for w in met))


def _static_bonus(index: Index, name: Name) -> float:
    """The part of a name's score that no query changes."""
    # A place's own main name outranks the same spelling recorded as another place's variant
    # (reference data mixes up rayons and their towns).
    bonus = 0.0
    if name.preferred or name.type in ("official", "endonym"):
        bonus += 0.01
    elif name.type == "exonym":
        bonus += 0.005
    if name.certainty != "certain":
        bonus -= 0.006 if name.certainty == "uncertain" else 0.002
    return bonus + 0.03 * index.importance.get(name.place_id, 0.0)


def _spelled_otherwise(query: str, name: str, stage: str) -> tuple[int, float]:
    """Edits (transpositions included) between the query and a stored name, case aside, and
    their share of the longer spelling; in the generic band, between the words that band
    compares (no kind words or qualifiers). Names of another script are not compared letter by
    letter (their letters all differ): they count as spelled alike."""
    if stage == "generic":
        a, b = generic_core(query), generic_core(name)
        if _script_of(a) != _script_of(b):
            return 0, 0.0
    else:
        a, b = query.casefold(), name.casefold()
    if a == b:
        return 0, 0.0
    d = OSA.distance(a, b)
    return d, min(SPELLING_CAP, max(SPELLING_FLOOR, d / max(len(a), len(b))))


@lru_cache(maxsize=65536)
def _script_of(text: str) -> str:
    return dominant_script(text)


def _plain_scores(index: Index) -> list[float]:
    """Per name: its score adjustment for a query with no options (no lang, year, point, hint
    or typo) — the common case, scored without a call per candidate. Equal to ``score_name``'s."""
    if index.plain_scores is None:
        index.plain_scores = [_static_bonus(index, n) - (0.005 if n.type == "historical" else 0.0)
                              for n in index.names]
    return index.plain_scores


def score_name(index: Index, name: Name, stage: str, query: Query, distance: float = 0,
               length: int = 0, hints: frozenset[str] = frozenset(),
               categories: dict[str, str] | None = None,
               shared: tuple[float, tuple[str, ...]] | None = None) -> tuple[float, list[str]]:
    """Score within the stage's band, with the reasons for each adjustment (``shared``: in the
    word stage, the share of letters the shared words cover and the query's words shared)."""
    top, label = BANDS[stage]
    score, why = top - BAND_WIDTH, [label]
    if hints:
        kind = index.places[name.place_id].kind
        if kind in hints:
            score += 0.02
            why.append(f"the query says what kind of place ({kind})")
    if distance:
        # One edit in a long name is a smaller doubt than one edit in a short one.
        score -= TYPO_WEIGHT * min(distance / max(length, 1), 0.5)
        n = int(distance)
        why.append(f"{n} edit{'s' if n != 1 else ''} away" + (" in sound" if distance != n else ""))
    if shared is not None:
        cover, words = shared
        score -= WORDS_WEIGHT * (1 - cover)
        why.append(f"shares {', '.join(map(repr, words))} with the query: "
                   f"{cover:.0%} of the letters of the two, on average")
    if stage in _SPELLED_STAGES:
        d, share = _spelled_otherwise(query.text, name.text, stage)
        if d:
            score -= SPELLING_WEIGHT * share
            why.append(f"{d} letter{'s' if d != 1 else ''} spelled otherwise")
    if query.lang and _lang_matches(name, query.lang, index.default_scripts):
        score += 0.02
        why.append(f"in the requested language {query.lang}")
    if query.at is not None:
        if name.valid_at(query.at):
            score += 0.015
            why.append(f"in use in {query.at}")
        else:
            score -= 0.01
            why.append(f"not in use in {query.at}")
    elif name.type == "historical":
        score -= 0.005
    score += _static_bonus(index, name)
    if query.near is not None:
        p = index.places[name.place_id]
        if p.lat is not None:
            d = _km(query.near, p.lat, p.lon)
            score += 0.02 * math.exp(-d / NEAR_SCALE_KM)
            why.append(f"{d:.0f} km from the given point")
    return min(score, top), why


# Option-less results kept per process: up to this many queries, of up to this many results.
PLAIN_RESULTS_MAX, PLAIN_RESULTS_LIMIT = 10_000, 10


# "Aghdam, Tovuz", "Aghdam (Tovuz)", "Shusha, Azerbaijan": a name and the places that hold it,
# as spreadsheets and catalogues write them.
# The comma may be the Arabic-script one (قاراچی، خاچماز) or the full-width one.
_COMMAS = ",\u060c\uff0c"
_QUALIFIED = re.compile(rf"^(?P<head>[^{_COMMAS}()]+?)\s*(?:\((?P<paren>[^()]+)\)|[{_COMMAS}](?P<tail>[^()]+))\s*$")
_COMMA_SPLIT = re.compile(f"[{_COMMAS}]")
_STRONG_STAGES = frozenset({"exact", "folded", "compact", "transliteration"})
QUALIFIER_DEPTH = 6  # part-of links followed up from a candidate to find a qualifier
QUALIFIER_KM = 25.0  # or a qualifier this close (a settlement named as the place's neighbour)
MAX_QUALIFIERS = 3  # "village, district, province, country" at most; each is one more resolve
QUALIFIER_BONUS = 0.05  # per qualifier met, on the score (capped at 1)


def resolve(index: Index, query: Query, kind_categories: dict[str, str] | None = None,
            display=None) -> list[Result]:
    """Ranked results, at most one per place, best first; ties broken by importance, then id.

    A query that is a name with qualifiers ("Aghdam, Tovuz", "Aghdam (Tovuz)") and is not
    itself a stored spelling ranks the places of that name which lie in (or beside) a
    qualifier first (``_qualified``)."""
    out = _resolve_text(index, query, kind_categories, display)
    if "(" in query.text or any(c in query.text for c in _COMMAS):
        qualified = _qualified(index, query, out, kind_categories, display)
        if qualified is not None:
            return qualified
    if "/" in query.text:
        alternatives = _alternatives(index, query, out, kind_categories, display)
        if alternatives is not None:
            return alternatives
    return out


MAX_ALTERNATIVES = 3  # "Stepanakert/Khankendi/Ստեփանակերտ" at most


def _alternatives(index: Index, query: Query, whole: list[Result], kind_categories, display) -> list[Result] | None:
    """Names of one place written together, as the ``en-dual`` convention and bilingual tables
    write them ("Stepanakert/Khankendi", "Şuşa / Շուշի"): each name is resolved, and a place
    that more of them name comes first, with QUALIFIER_BONUS per further name on its score and
    the reasons saying which. ``None`` when the whole text is a stored spelling or is no list."""
    if whole and whole[0].stage in ("exact", "folded"):
        return None
    parts = [p.strip() for p in query.text.split("/") if p.strip()]
    if len(parts) < 2 or len(parts) > MAX_ALTERNATIVES:
        return None
    best: dict[str, tuple[Result, str]] = {}  # place -> its best result, and the name that gave it
    named: dict[str, list[str]] = {}  # place -> the names of the query that found it
    for part in parts:
        for r in _resolve_text(index, replace(query, text=part, limit=max(query.limit, 50)), kind_categories, display):
            pid = r.place.id
            named.setdefault(pid, []).append(part)
            if pid not in best or r.score > best[pid][0].score:
                best[pid] = (r, part)
    ranked = []
    for n, (pid, (r, part)) in enumerate(best.items()):
        others = [p for p in named[pid] if p != part]
        if others:
            bonus = QUALIFIER_BONUS * len(others)
            r = replace(r, score=round(min(1.0, r.score + bonus), 4), why=r.why + "; also named "
                        + ", ".join(map(repr, others)) + f" in the query; +{bonus:.2f}")
        ranked.append((-len(named[pid]), -r.score, n, r))
    ranked.sort(key=lambda e: e[:3])
    return [r for *_, r in ranked][:query.limit] or None


def _qualified(index: Index, query: Query, whole: list[Result], kind_categories, display) -> list[Result] | None:
    """The results for the head name, those in or beside the qualifiers' places first (more
    qualifiers met first: "Aghdam, Tovuz, Azerbaijan"), each saying which; ``None`` when the
    query has no qualifier or the whole text is a stored spelling, or when no qualifier helps
    and the whole text found something."""
    m = _QUALIFIED.match(query.text)
    if m is None or (whole and whole[0].stage in ("exact", "folded")):
        return None
    head = m.group("head").strip()
    quals = [q.strip() for q in _COMMA_SPLIT.split(m.group("paren") or m.group("tail")) if q.strip()]
    if not head or not quals or len(quals) > MAX_QUALIFIERS:  # a list of names, not a qualified one
        return None
    anchors: list[tuple[str, dict[str, str]]] = []  # per qualifier: place id -> the qualifier
    for qual in quals:
        found = {r.place.id: qual for r in _resolve_text(index, replace(query, text=qual, kind=(), limit=5),
                                                         kind_categories, None) if r.stage in _STRONG_STAGES}
        if found:
            anchors.append((qual, found))
    heads = _resolve_text(index, replace(query, text=head, limit=max(query.limit, 50)), kind_categories, display)
    ranked = []
    for n, r in enumerate(heads):
        met = [q for q in (_qualifier_of(index, r.place, a) for _, a in anchors) if q is not None]
        if met:
            # the score says it too (clients such as OpenRefine order candidates by score)
            bonus = QUALIFIER_BONUS * len(met)
            r = replace(r, score=round(min(1.0, r.score + bonus), 4), why=r.why + "".join(
                f"; in {qual!r} ({how})" for qual, how in met) + f"; +{bonus:.2f} for the qualifiers met")
        ranked.append((-len(met), n, r))
    if not any(k for k, _, _ in ranked):  # no qualifier helps: the whole text's results, if any
        return None if whole else [r for _, _, r in ranked][:query.limit]
    return [r for _, _, r in sorted(ranked, key=lambda e: (e[0], e[1]))][:query.limit]


def _qualifier_of(index: Index, place, anchors: dict[str, str]) -> tuple[str, str] | None:
    """``(qualifier, how)`` when a part-of chain leads from ``place`` to an anchor, or an anchor
    with a point lies within QUALIFIER_KM."""
    seen, level = {place.id}, [place.id]
    for _ in range(QUALIFIER_DEPTH):
        nxt = []
        for pid in level:
            for mb in index.parents.get(pid, ()):
                parent = mb.parent_id
                if parent in anchors:
                    return anchors[parent], f"part of {parent}"
                if parent not in seen:
                    seen.add(parent)
                    nxt.append(parent)
        level = nxt
    if place.lat is not None and place.lon is not None:
        for pid, qual in anchors.items():
            a = index.places.get(pid)
            if a is not None and a.lat is not None and a.lon is not None and pid != place.id:
                d = _km((place.lat, place.lon), a.lat, a.lon)
                if d <= QUALIFIER_KM:
                    return qual, f"{d:.0f} km from {pid}"
    return None


def _resolve_text(index: Index, query: Query, kind_categories: dict[str, str] | None = None,
                  display=None) -> list[Result]:
    hints = split_generic(query.text)[1]
    if index.plain_ranks is not None and not (hints or query.lang or query.kind or query.at is not None
                                              or query.near is not None):
        # An option-less query's results depend on its text and limit alone, and the same few
        # thousand names make most of a service's queries: keep them (bounded), as frozen
        # Results in a new list per call.
        memo, key = index.plain_results, (query.text, query.limit, display is not None)
        done = memo.get(key)
        if done is not None:
            return list(done)
        ranked = _precomputed(index, query.text, query.limit)
        if ranked is not None:
            out = _results(index, query, ranked, hints, kind_categories, display)
            if query.limit is not None and query.limit <= PLAIN_RESULTS_LIMIT:
                if len(memo) >= PLAIN_RESULTS_MAX:
                    memo.clear()
                memo[key] = tuple(out)
            return out
    ranked = _rank(index, query, _candidates(index, query.text), hints, kind_categories)
    return _results(index, query, ranked, hints, kind_categories, display)


def _rank(index: Index, query: Query, found: list, hints: frozenset[str],
          kind_categories: dict[str, str] | None) -> list:
    """``[(place id, (score, name index, stage, scheme, reasons or None))]``, best first, from
    the candidates of the exact to the generic stages (typo candidates are added here)."""
    best: dict[str, tuple[float, int, str, str | None, list[str] | None]] = {}
    if not found:
        found = list(_query_transliterations(index, query.text))
    typos = not found or all(e[1] in _LOOSE_STAGES for e in found)
    if typos:  # typos only when no spelling of any name matched, or only a loose key did
        # (then by spelling alone after a sound match: near misses in sound add nothing to it)
        found += _fuzzy_candidates(index, query.text, sound=not any(e[1] == "skeleton" for e in found))
        if not found:
            found = list(_word_candidates(index, query.text))
    # Only the entries of a place's best stage can win it (bands do not overlap by more than
    # the adjustments), and one name reached twice counts once: score nothing else.
    names, order = index.names, _STAGE_ORDER
    plain = _plain_scores(index) if not (hints or query.lang or query.at is not None or query.near is not None
                                         or typos) else None
    top_stage: dict[str, int] = {}
    for entry in found:
        pid = names[entry[0]].place_id
        r = order[entry[1]]
        if r < top_stage.get(pid, 99):
            top_stage[pid] = r
    seen: set[int] = set()
    for entry in found:
        i, stage = entry[0], entry[1]
        name = names[i]
        if order[stage] != top_stage[name.place_id] or i in seen:
            continue
        seen.add(i)
        place = index.places.get(name.place_id)
        if place is None:
            continue
        if query.kind and place.kind not in query.kind and (kind_categories or {}).get(place.kind) not in query.kind:
            continue
        if plain is not None:  # the reasons are written for the places shown, below
            top = BANDS[stage][0]
            spelled = SPELLING_WEIGHT * _spelled_otherwise(query.text, name.text, stage)[1] \
                if stage in _SPELLED_STAGES else 0.0
            score, why = min(top - BAND_WIDTH + plain[i] - spelled, top), None
        else:
            dist, length = (entry[3], entry[4]) if len(entry) > 3 else (0, 0)
            score, why = score_name(index, name, stage, query, dist, length, hints, kind_categories,
                                    entry[5:7] if stage == "words" else None)
        cur = best.get(place.id)
        if cur is None or score > cur[0] or (score == cur[0] and i < cur[1]):
            best[place.id] = (score, i, stage, entry[2], why)
    return _sorted(index, best)


def _rank_key(index: Index):
    importance = index.importance
    return lambda kv: (-kv[1][0], -importance.get(kv[0], 0), kv[0])


def _sorted(index: Index, best: dict) -> list:
    return sorted(best.items(), key=_rank_key(index))


def _plain_key(text: str) -> tuple[str, str, str, str]:
    """What an option-less ranking depends on besides the exact spelling: the query's letters
    case aside (the folded and generic bands count the letters spelled otherwise), and
    its folded, sound and generic keys (the compact key is the folded one without spaces)."""
    return text.casefold(), fold(text), skeleton_key(text), generic_key(text)


def build_plain_ranks(index: Index) -> dict:
    """The option-less ranking of every stored spelling and of its keys.

    A server computes it once (most of ``prepare_for_serving``'s 4.3 s on the full data) so that a query spelled like a stored
    name is ranked by one lookup. Keyed by the keys tuple (``_plain_key``: the ranking without
    the exact stage, which ``_precomputed`` merges in per query, for a query spelled in another
    case) and by each stored spelling itself (the whole ranking, its exact matches merged in).
    Spellings with a generic word (a hint), or whose only matches are loose, are not included:
    they take the full path."""
    out: dict = {}
    for text in list(index.exact):
        if split_generic(text)[1]:
            continue
        key = _plain_key(text)
        if key not in out:
            found = [e for e in _candidates(index, text) if e[1] != "exact"]
            if not found or all(e[1] in _LOOSE_STAGES for e in found):
                out[key] = None  # known: the full path
                continue
            out[key] = _rank(index, Query(text), found, frozenset(), None)
        if out[key] is not None:
            out[text] = (_merge_exact(index, text, out[key], None),)  # a tuple: told apart from a key's list
    return {k: v for k, v in out.items() if v is not None}


def _precomputed(index: Index, text: str, limit: int) -> list | None:
    """The first ``limit`` of the option-less ranking from ``index.plain_ranks``, or None when
    the query's keys are not there. Equal to ``_rank``'s (tests compare them)."""
    ranks = index.plain_ranks
    ranked = ranks.get(text)
    if ranked is not None:  # a stored spelling: its exact matches are merged in already
        return ranked[0][:limit]
    ranked = ranks.get(_plain_key(text))
    if ranked is None:
        return None
    return _merge_exact(index, text, ranked, limit)


def _merge_exact(index: Index, text: str, ranked: list, limit: int | None) -> list:
    """``ranked`` (no exact stage) with the places ``text`` names exactly, ranked by their
    exact names alone; the first ``limit`` (all when None)."""
    exact = index.exact.get(text)
    if not exact:
        return ranked if limit is None else ranked[:limit]
    plain, names, places = _plain_scores(index), index.names, index.places
    top = BANDS["exact"][0]
    mine: dict[str, tuple] = {}
    for i in exact:  # a place reached by its exact spelling is ranked by its exact names alone
        pid = names[i].place_id
        if pid not in places:
            continue
        score = min(top - BAND_WIDTH + plain[i], top)
        cur = mine.get(pid)
        if cur is None or score > cur[0] or (score == cur[0] and i < cur[1]):
            mine[pid] = (score, i, "exact", None, None)
    if not mine:
        return ranked if limit is None else ranked[:limit]
    # The first ``limit`` of the others lie in the first ``limit + len(mine)`` of the ranking.
    head = ranked if limit is None else ranked[:limit + len(mine)]
    merged = sorted([*mine.items(), *(e for e in head if e[0] not in mine)], key=_rank_key(index))
    return merged if limit is None else merged[:limit]


def _results(index: Index, query: Query, ranked: list, hints: frozenset[str],
             kind_categories: dict[str, str] | None, display) -> list[Result]:
    out = []
    memo = index.plain_why
    for pid, (score, i, stage, scheme, why) in ranked[:query.limit]:
        name = index.names[i]
        if why is None:  # an option-less query: the text depends on the name and stage alone
            # (and on the letters spelled otherwise, in the bands that count them)
            letters = _spelled_otherwise(query.text, name.text, stage)[0] if stage in _SPELLED_STAGES else 0
            key = (i, stage, scheme, letters)
            text = memo.get(key)
            if text is None:
                if len(memo) > 200_000:  # bounded: names × stages
                    memo.clear()
                why = score_name(index, name, stage, query, 0, 0, hints, kind_categories)[1]
                text = memo[key] = _why_text(name, why, scheme)
        else:
            text = _why_text(name, why, scheme)
        shown = _shown_name(index, pid, name, query, stage) if display else name.text
        out.append(Result(index.places[pid], shown, round(score, 4), name, stage, scheme, text))
    return out


def _why_text(name: Name, why: list[str], scheme: str | None) -> str:
    used = f", used by {', '.join(name.used_by)}" if name.used_by else ""
    years = ""
    if name.from_year is not None or name.to_year is not None:
        years = f", {name.from_year or ''}–{name.to_year or ''}"
    text = f"matched {name.text!r} [{name.lang} {name.type}{used}{years}]: " + "; ".join(why)
    return text + f" (scheme {scheme})" if scheme else text


_MAIN_TYPES = ("official", "endonym", "exonym")


# Script of a query -> the language its writer most likely reads names in.
_QUERY_LANG = {"Latn": "en", "hy": "hy", "ru": "ru", "az-Latn": "az-Latn", "az-Cyrl": "az-Cyrl"}


def _shown_name(index: Index, pid: str, name: Name, query: Query, stage: str) -> str:
    """The result's display name: in ``lang`` when asked; else the matched name itself when it
    is a main name spelled as the user spelled it (their own convention); else the place's
    name in the language the query is written in (Schuscha reads Latin: not Шуша), or in the
    matched name's language, English for a bare romanization (``und-Latn``, ``hy-Latn``)."""
    if query.lang:
        return display_name(index, pid, query.lang, query.at) or name.text
    if stage in ("exact", "folded", "compact", "fuzzy"):
        if name.type in _MAIN_TYPES and (query.at is None or name.valid_at(query.at)):
            return name.text
        lang = name.lang
    else:
        lang = _QUERY_LANG.get(detect_source(query.text) or "", name.lang)
    if lang.startswith("und") or "-Latn" in lang and not lang.startswith(("az-", "en")):
        lang = "en"
    return display_name(index, pid, lang, query.at) or name.text


def suggestion_name(index: Index, pid: str, name: Name, query: Query) -> str:
    """An autocomplete entry's label: the matched name when it is a main name, else the
    place's name in ``lang`` or in the language the prefix is written in."""
    if query.lang:
        return display_name(index, pid, query.lang, None) or name.text
    same_script = dominant_script(name.text) == dominant_script(query.text)
    if same_script and (name.type in _MAIN_TYPES or name.type == "historical"):  # the name being typed
        return name.text
    lang = _QUERY_LANG.get(detect_source(query.text) or "", name.lang)
    return display_name(index, pid, lang, None) or name.text


def display_name(index: Index, place_id: str, lang: str | None, at: int | None) -> str | None:
    """The name to show for a place: in ``lang`` when it has one, valid at ``at``, preferred first."""
    key = (place_id, lang, at)
    cache = index.display_cache
    if key not in cache:
        if len(cache) > 200_000:  # bounded: (place, lang, year) combinations are few in practice
            cache.clear()
        cache[key] = _display_name(index, place_id, lang, at)
    return cache[key]


def _display_name(index: Index, place_id: str, lang: str | None, at: int | None) -> str | None:
    names = index.names_of(place_id)
    if not names:
        return None

    def rank(n: Name):
        return (0 if lang and _lang_matches(n, lang, index.default_scripts) else 1,
                0 if at is None or n.valid_at(at) else 1,
                0 if at is not None or n.type != "historical" else 1,
                0 if n.preferred else 1,
                _TYPE_ORDER.get(n.type, 9),
                0 if not n.derived_from else 1)

    return min(names, key=rank).text  # min is stable: row order breaks remaining ties
