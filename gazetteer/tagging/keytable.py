"""The compact key tables the tagger scans with, built once from the loaded index.

Every stored name becomes a few *stems* (its spellings: as written, with ``ı``/``i``, ``ə``/``e``,
``և``/``եվ``/``եւ``, hyphen/space/joined, without diacritics) and, per stem, the *tails* that may
follow it (case endings, articles, possessives: ``шуш`` + ``а|и|е|у|ой``; ``şuşa`` + ``|da|'da|nın``).
Only the stems are scan keys, so inflection costs no key and no scan time.

The tables are plain lists, dicts and tuples: cheap to pickle and ship to worker processes;
the scan's trie (or automaton) is rebuilt from them on arrival (see ``Tagger.__setstate__``).
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ..scripts import script_of
from ..vocab import lang_base
from ..translit import schemes, transliterate, variants
from .context import near_lists
from .inflection import abbreviation_forms, forms
from .textfold import fold_chars

HERE = Path(__file__).parent
_TAIL_OK = re.compile(r"^['-]?[^\W_]*$")  # an ending, after an apostrophe (Şuşa'da) or a hyphen (ԼՂԻՄ-ից)
_AZ_ASCII = str.maketrans("əƏçÇğĞıIöÖşŞüÜ", "eEcCgGiIoOsSuU")
# match quality of a spelling variant (1.0 = as stored)
AS_STORED, VARIANT, PLAIN_LETTERS, TRANSLIT = 1.0, 0.97, 0.85, 0.8
LIST_ADJECTIVE = 0.7  # Агдамский alone, in a list: the district, but said with less
TRANSLIT_CYRILLIC = 0.4  # a Russian spelling we made up ranks below any attested name of another place
KIND_PHRASE = 0.9  # "Ağcabədi rayonu" of a district named Ağcabədi: the name is attested, the phrase is ours
# capitalisation a mention must show
CASE_ANY, CASE_INITIAL, CASE_ALL = 0, 1, 2


def load_rules() -> dict:
    return tomllib.loads((HERE / "rules.toml").read_text(encoding="utf-8"))


@dataclass
class KeyTable:
    """Everything the tagger needs, in picklable form."""
    place_ids: list[str] = field(default_factory=list)
    place_kinds: list[str] = field(default_factory=list)
    importance: list[float] = field(default_factory=list)
    coords: list[tuple[float, float] | None] = field(default_factory=list)
    related: list[tuple[int, ...]] = field(default_factory=list)  # parents and children, as place indexes
    # name index -> (place index, text, lang, type, scheme, used_by, from, to, preferred, certainty)
    names: list[tuple] = field(default_factory=list)
    by_place: list[tuple[int, ...]] = field(default_factory=list)  # place index -> name indexes
    tails: list[dict[str, str]] = field(default_factory=list)  # tail -> case
    # stem key -> tuple of groups (tails index, case rule, ((name index, quality), ...)), sorted
    keys: dict[str, tuple] = field(default_factory=dict)
    ambiguous_words: frozenset[str] = frozenset()
    near: tuple = ()  # per place, the places within 30 km of it (context.near_lists)
    version: str = ""  # the data version the tables were built from (cache.py checks it)
    # the list-head nouns in the singular, every case, folded: a list may end in one
    # ("Араратскую, Котайкскую и Вайоцдзорскую область"; see Tagger._lists_only)
    list_heads: frozenset = frozenset()


def _separator_variants(text: str) -> list[str]:
    """Nagorno-Karabakh = Nagorno Karabakh; Mir-Bashir = Mir Bashir = Mirbashir."""
    if "-" not in text:
        return [text]
    out = [text, text.replace("-", " ")]
    parts = text.split("-")
    if len(parts) == 2 and all(len(p) >= 3 for p in parts):
        out.append(parts[0] + parts[1].lower())
    return out


def _letter_variants(form: str, base: str, script: str) -> list[tuple[str, str, float]]:
    """``(kind, spelling, quality)``: spellings of one (inflected) form that typists and OCR
    produce. Forms of one name with the same ``kind`` share a stem."""
    out = [("stored", form, AS_STORED)]
    if "և" in form:
        out += [("ev", form.replace("և", "եվ"), AS_STORED), ("ew", form.replace("և", "եւ"), AS_STORED)]
    if any(a in form for a in "'’ʻʼ`‘"):
        out.append(("no-apostrophe", re.sub(r"['’ʻʼ`‘]", "", form), VARIANT))
    if base == "az" and script == "Latn":
        if "ı" in form:
            out.append(("dotless", form.replace("ı", "i"), AS_STORED))  # QUBADLI: capitals lose the dot
        if "ə" in form or "Ə" in form:
            out.append(("schwa", form.replace("ə", "e").replace("Ə", "E"), VARIANT))  # Xankendi
        plain = form.translate(_AZ_ASCII)
        if plain != form:
            out.append(("plain", plain, PLAIN_LETTERS))  # Agdam, Susa: no Azerbaijani letters at all
    if base == "ru" and ("ё" in form or "Ё" in form):
        out.append(("yo", form.replace("ё", "е").replace("Ё", "Е"), AS_STORED))
    return out


def _case_rule(text: str, script: str, cased_scripts: set[str], lang: str = "") -> int:
    letters = [c for c in text if c.isalpha()]
    if not letters or script not in cased_scripts:
        return CASE_ANY
    if len(letters) > 1 and all(c.isupper() for c in letters):
        return CASE_ALL
    # A descriptive phrase a language writes in lower case ("seven districts", "line of
    # contact", "семь районов") is written so in prose too; a one-word name stored in lower case
    # ("bina") is still a place only with a capital: in prose it is a word. A phrase with a name
    # in it ("the Caucasus", "монастырь Гандзасар") keeps the name's capital. (Not for the machine
    # romanizations of undetermined language, "ba ku".)
    if " " in text.strip() and all(c.islower() for c in letters) and not lang.startswith("und"):
        return CASE_ANY
    return CASE_INITIAL


def _common_prefix(strings: list[str]) -> str:
    lo, hi = min(strings), max(strings)
    i = 0
    while i < len(lo) and lo[i] == hi[i]:
        i += 1
    return lo[:i]


def _letters(s: str) -> int:
    """Letters in ``s`` (counted in its first 8 characters: only short keys need counting)."""
    head = s[:8]
    if head.isalpha():
        return len(head)
    return sum(1 for c in head if c.isalpha())


class _Builder:
    def __init__(self, rules: dict):
        self.rules = rules
        self.min_letters = rules["min_letters"]
        self.cased = set(rules["cased_scripts"])
        self.stop = {w for ws in rules["stop"].values() for w in ws}
        self.table = KeyTable(ambiguous_words=frozenset(
            fold_chars(w) for ws in rules["ambiguous_words"].values() for w in ws))
        self._tails_ids: dict[frozenset, int] = {}
        self._groups: dict[str, dict[tuple[int, int], dict[int, tuple[float, str | None]]]] = {}

    def _tails_id(self, tails: dict[str, str]) -> int:
        key = frozenset(tails.items())
        tid = self._tails_ids.get(key)
        if tid is None:
            tid = self._tails_ids[key] = len(self.table.tails)
            self.table.tails.append(dict(tails))
        return tid

    def _add(self, stem: str, tails: dict[str, str], rule: int, name_id: int, quality: float,
             scheme: str | None) -> None:
        if _letters(stem) < self.min_letters or stem in self.stop:
            return
        groups = self._groups.setdefault(stem, {})
        members = groups.setdefault((self._tails_id(tails), rule), {})
        if members.get(name_id, (0.0,))[0] < quality:
            members[name_id] = (quality, scheme)

    def add_name(self, name_id: int, text: str, lang: str, name_type: str, max_quality: float = 1.0) -> None:
        script = script_of(text)
        base = lang_base(lang)
        rule = _case_rule(text, script, self.cased, lang)
        if fold_chars(text) in self.stop:
            return
        groups: dict[tuple[str, str], tuple[float, list[tuple[str, str]]]] = {}
        for spelling in _separator_variants(text):
            inflected = forms(spelling, lang, script) if rule != CASE_ALL else abbreviation_forms(spelling, lang, script)
            for form, case in inflected:
                for kind, variant, quality in _letter_variants(form, base, script):
                    groups.setdefault((spelling, kind), (quality, []))[1].append((fold_chars(variant), case))
        for quality, folded in groups.values():
            self.add_forms(folded, rule, name_id, min(quality, max_quality))
        heads = self.rules.get("list_heads", {}).get(base, {})
        if heads and rule == CASE_INITIAL:
            self._add_list_forms(name_id, text, lang, script, heads)

    def _add_list_forms(self, name_id: int, text: str, lang: str, script: str, heads: dict) -> None:
        """A member of a coordinated list: the name with its kind word in the plural, and its
        adjective alone (``Агдамский`` of ``Агдамский, Тертерский районы``)."""
        words = text.split(" ")
        plurals = heads.get(words[-1].lower()) if len(words) > 1 else None
        if not plurals:
            return
        plural, alone = [], []
        for form, case in forms(text, lang, script):
            grammar_name, _, base = case.rpartition(":")  # "ru:gen" (the nominative is plain "nom")
            if base in plurals:
                stem = form.rsplit(" ", 1)[0]
                qualify = f"{grammar_name}:" if grammar_name else ""
                plural.append((fold_chars(stem + " " + plurals[base]), f"{qualify}pl.{base}"))
                alone.append((fold_chars(stem), f"{qualify}adj.{base}"))
        if plural:
            self.add_forms(plural, CASE_INITIAL, name_id, VARIANT)
            self.add_forms(alone, CASE_INITIAL, name_id, LIST_ADJECTIVE)

    def add_forms(self, folded: list[tuple[str, str]], rule: int, name_id: int, quality: float,
                  scheme: str | None = None) -> None:
        """One stem plus tails when the forms differ only at the end of the last word, else
        one key per form (Russian adjective + noun names decline in two places)."""
        stem = _common_prefix([k for k, _ in folded])
        tails: dict[str, str] = {}
        for k, case in folded:
            tails.setdefault(k[len(stem):], case)
        if _letters(stem) >= self.min_letters and all(_TAIL_OK.match(t) for t in tails):
            self._add(stem, tails, rule, name_id, quality, scheme)
        else:
            for k, case in folded:
                self._add(k, {"": case}, rule, name_id, quality, scheme)

    def finish(self) -> KeyTable:
        for stem in sorted(self._groups):
            groups = self._groups[stem]
            self.table.keys[stem] = tuple(
                (tid, rule, tuple((n, q, sc) for n, (q, sc) in sorted(members.items())))
                for (tid, rule), members in groups.items())
        return self.table


def build_keytable(index, rules: dict | None = None) -> KeyTable:
    """The key tables of every name in a loaded ``gazetteer.index.Index``."""
    b = _Builder(rules or load_rules())
    t = b.table
    place_no: dict[str, int] = {}
    for pid in index.place_order:
        p = index.places[pid]
        place_no[pid] = len(t.place_ids)
        t.place_ids.append(pid)
        t.place_kinds.append(p.kind)
        t.importance.append(index.importance.get(pid, 0.0))
        t.coords.append((p.lat, p.lon) if p.lat is not None and p.lon is not None else None)
    related: list[set[int]] = [set() for _ in t.place_ids]
    for child, links in index.parents.items():
        c = place_no.get(child)
        for m in links:
            p = place_no.get(m.parent_id)
            if c is not None and p is not None and p != c:
                related[c].add(p)
                related[p].add(c)
    t.related = [tuple(sorted(r)) for r in related]
    t.near = near_lists(t.coords)
    t.list_heads = frozenset(fold_chars(form) for lang, heads in b.rules.get("list_heads", {}).items()
                             for head in heads for form, _ in forms(head, lang))
    by_place: list[list[int]] = [[] for _ in t.place_ids]
    for i, n in enumerate(index.names):
        pno = place_no.get(n.place_id)
        if pno is None:
            t.names.append(None)
            continue
        scheme = n.lang.split("-t-", 1)[1] if "-t-" in n.lang else None
        t.names.append((pno, n.text, n.lang, n.type, scheme, n.used_by, n.from_year, n.to_year, n.preferred,
                        n.certainty))
        by_place[pno].append(i)
        b.add_name(i, unicodedata.normalize("NFC", n.text), n.lang, n.type)
    t.by_place = [tuple(x) for x in by_place]
    _add_transliterations(b, index)
    _add_cross_script(b, index)
    _add_kind_phrases(b, index)
    return b.finish()


# Schemes whose Cyrillic output is how Russian texts spell a place we have in Latin letters only
# (Kornidzor → Корнидзор, Əhmədbəyli → Ахмедбейли); their output is declined as Russian.
# The Azerbaijani Cyrillic alphabet counts only where it uses no letter Russian lacks.
CYRILLIC_SCHEMES = ("ru-Cyrl-t-ru-latn-x0-search", "en-Latn-t-az-x0-press+ru-Cyrl-t-ru-latn-x0-search",
                    "az-Cyrl-t-az-latn-x0-alphabet", "ru-Cyrl-t-az-x0-practical")
_RUSSIAN_LETTERS = re.compile(r"[А-Яа-яЁё\- ]+")


def _add_transliterations(b: _Builder, index) -> None:
    """Transliterations the index generated: Latin keys (``Shushi`` for Շուշի) with the English
    possessive; and the Russian Cyrillic spellings of Latin names, with their Russian case forms."""
    untagged = {s.name for s in schemes() if not s.tagging}  # search-only romanizations
    for key, entries in index.keys.items():
        if not key.isascii() or key.startswith("~"):
            continue
        for name_id, stage, scheme in entries:
            if stage != "transliteration" or b.table.names[name_id] is None:
                continue
            if scheme and not untagged.isdisjoint(scheme.split("+")):
                continue
            for spelling in {key, key.replace(" ", "-")}:
                b.add_forms([(spelling, "nom"), (spelling + "'s", "en:gen")], CASE_INITIAL, name_id,
                            TRANSLIT, scheme)
    # Russian spellings of Latin names: from the schemes' own output, not the search keys (those
    # are folded: й would be и, and Russian text keeps й).
    has_russian = {n.place_id for n in index.names if n.lang == "ru"}
    for name_id, n in enumerate(index.names):
        if b.table.names[name_id] is None or script_of(n.text) != "Latn":
            continue
        if n.place_id in has_russian and (n.lang.startswith("und") or n.type == "variant"):
            continue  # the place's own Russian names find it; its stray romanizations add only noise
        for variant, scheme in variants(n.text, n.lang):
            if scheme in CYRILLIC_SCHEMES and _RUSSIAN_LETTERS.fullmatch(variant):
                _add_made_up(b, name_id, variant, "ru", "Cyrl", scheme)


def _add_made_up(b: _Builder, name_id: int, spelling: str, lang: str, script: str, scheme: str,
                 bare: bool = True) -> None:
    """A spelling we made by transliteration, with its separator variants, declined in ``lang``,
    worth ``TRANSLIT_CYRILLIC``: below any attested name of another place. Without ``bare``,
    only its inflected forms."""
    for variant in _separator_variants(spelling):
        b.add_forms([(fold_chars(f), case) for f, case in forms(variant, lang, script) if bare or case != "nom"],
                    CASE_INITIAL, name_id, TRANSLIT_CYRILLIC, scheme)


def _add_cross_script(b: _Builder, index) -> None:
    """How one language's texts spell another's names, from ``[cross_script]`` in rules.toml:
    Armenian texts write the Soviet Russian names in Armenian letters (Կարյագինո, Ժդանով),
    Russian texts the Armenian village names in Cyrillic (Беркадзор, Тог). Declined in the
    target language, worth what a made-up Russian spelling is (``TRANSLIT_CYRILLIC``)."""
    for target, spec in b.rules.get("cross_script", {}).items():
        sources, scheme = set(spec["from"]), spec["scheme"]
        letters = re.compile(spec["letters"])
        # the bare spelling only with one of these letters (else only the inflected forms)
        bare_needs = re.compile(spec["bare_needs"]) if "bare_needs" in spec else None
        script = spec["script"]
        for name_id, n in enumerate(index.names):
            if b.table.names[name_id] is None or n.lang not in sources:
                continue
            variant = transliterate(n.text, scheme)
            if variant != n.text and letters.fullmatch(variant):
                bare = bare_needs is None or bare_needs.search(variant) is not None
                _add_made_up(b, name_id, variant, target, script, scheme, bare)
                if spec.get("hyphenate") and " " in variant:
                    _add_made_up(b, name_id, variant.replace(" ", "-"), target, script, scheme, bare)


def _add_kind_phrases(b: _Builder, index) -> None:
    """A name with its kind word, from ``[kind_phrases]`` in rules.toml, for the places of that
    kind whose names lack it (``Ağcabədi rayonunun``, ``Zərdab rayonlarında``, ``Aghjabadi
    District``); inflected and listed like the stored names, worth ``KIND_PHRASE``."""
    stored: dict[str, set[str]] = {}  # place -> its names, folded: "Hakari river" is one already
    for n in index.names:
        stored.setdefault(n.place_id, set()).add(fold_chars(n.text))
    for base, spec in b.rules.get("kind_phrases", {}).items():
        for name_id, n in enumerate(index.names):
            if b.table.names[name_id] is None or lang_base(n.lang) != base or script_of(n.text) != spec["script"]:
                continue
            place = index.places.get(n.place_id)
            words = fold_chars(n.text).split(" ")
            for kind_word in spec.get(place.kind, ()) if place is not None else ():
                phrase = f"{n.text} {kind_word}"
                # "Ağdam rayonu" says it already
                if fold_chars(kind_word) not in words and fold_chars(phrase) not in stored[n.place_id]:
                    b.add_name(name_id, phrase, n.lang, n.type, max_quality=KIND_PHRASE)
