"""Inflection of place names, from the data tables in ``inflection/*.toml``.

Two kinds of table: *endings* (Russian, Armenian, English: classes of words by their ending,
with the endings of each case) and *harmony* (Azerbaijani: suffix templates resolved by vowel
harmony and buffer consonants). Both answer the same two questions:

- ``forms(name)``: every inflected surface form the tagger should recognise, with its case;
- ``inflect(name, case)``: the one form the normalizer writes.

Every table carries examples; the tests run them all.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from pathlib import Path

from ..scripts import script_of
from ..vocab import lang_base

TABLES = Path(__file__).with_name("inflection")
MAX_VARIANTS_PER_CASE = 8  # products of per-word variants in long Russian names stay small


@dataclass(frozen=True)
class WordClass:
    name: str
    pattern: re.Pattern
    strip: int
    endings: dict[str, tuple[str, ...]]  # case -> endings, the written one first
    adjective: bool


class EndingsGrammar:
    """Declension by word class: ``stem = word[:-strip]``, ``form = stem + ending``."""

    def __init__(self, spec: dict):
        self.lang = spec["lang"]
        self.scripts = tuple(spec["scripts"])
        self.cases = tuple(spec["cases"])
        self.clitic = spec.get("clitic", False)
        self.agreement = spec.get("agreement", "last")
        self.classes = [WordClass(c["name"], re.compile(c["match"]), c["strip"],
                                  {k: tuple(c[k]) for k in self.cases if k in c}, c.get("pos") == "adj")
                        for c in spec["class"]]
        self.examples = spec.get("example", [])
        self.indeclinable = re.compile(spec["indeclinable"]) if "indeclinable" in spec else None
        self.head_nouns = frozenset(spec.get("head_nouns", ()))
        self.old_spelling = spec.get("old_spelling")  # a reformed language's old spelling (ru)
        if self.old_spelling:
            self._old_after = re.compile(self.old_spelling["after"])
        # Abbreviations that take their endings after a hyphen, as written (ԼՂԻՄ-ից)
        abbr = spec.get("abbreviation")
        self.abbreviation = re.compile(abbr["match"]) if abbr else None
        self.abbreviation_endings = {k: tuple(abbr[k]) for k in self.cases if abbr and k in abbr}

    def is_abbreviation(self, text: str) -> bool:
        return self.abbreviation is not None and self.abbreviation.search(text) is not None

    def _classify(self, word: str, adjective_only: bool) -> WordClass | None:
        if self.indeclinable is not None and self.indeclinable.search(word):
            return None
        low = word.lower()
        for c in self.classes:
            if adjective_only and not c.adjective:
                continue
            if c.pattern.search(low):
                return c
        return None

    def _plan(self, text: str) -> list[WordClass | None]:
        """The class of each word that declines (None: stays as written)."""
        words = text.split(" ")
        plan: list[WordClass | None] = [None] * len(words)
        if self.agreement == "adjectives-and-head":
            # Leading adjectives agree with the head noun; words after the head stay put.
            for i, w in enumerate(words):
                last = i == len(words) - 1
                adj = self._classify(w, adjective_only=not last)
                if adj is not None and adj.adjective and not last:
                    plan[i] = adj
                    continue
                if self.head_nouns and not last and w.lower() not in self.head_nouns:
                    # not a generic head noun: a compound proper name, declined on its last word
                    plan[-1] = self._classify(words[-1], adjective_only=False)
                else:
                    plan[i] = self._classify(w, adjective_only=False)
                break
        else:
            plan[-1] = self._classify(words[-1], adjective_only=False)
        return plan

    @staticmethod
    def _apply(word: str, cls: WordClass | None, ending: str | None) -> str:
        if cls is None or ending is None:
            return word
        stem = word[:len(word) - cls.strip] if cls.strip else word
        return stem + _match_case(word, ending)

    def _variants(self, text: str, case: str, first_only: bool) -> list[str]:
        words = text.split(" ")
        plan = self._plan(text)
        options = []
        for w, cls in zip(words, plan):
            if cls is None or case not in cls.endings:
                options.append([w])
            else:
                ends = cls.endings[case][:1] if first_only else cls.endings[case]
                options.append([self._apply(w, cls, e) for e in ends])
        out = []
        for combo in product(*options):
            out.append(" ".join(combo))
            if len(out) >= MAX_VARIANTS_PER_CASE:
                break
        return out

    def forms(self, text: str, old_spellings: bool = True) -> list[tuple[str, str]]:
        if self.is_abbreviation(text):
            return [(text + e, case) for case in self.cases for e in self.abbreviation_endings.get(case, ())]
        seen, out = set(), []
        for case in self.cases:
            for form in self._variants(text, case, first_only=False):
                for spelling in (form, self._old_spelling(form, text) if old_spellings else None):
                    if spelling and (spelling, case) not in seen:
                        seen.add((spelling, case))
                        out.append((spelling, case))
        return out

    def _old_spelling(self, form: str, name: str) -> str | None:
        """The form as spelled before the reform (``old_spelling``), or None where that is the
        same: a declined word's old ending (Шушинскаго), and the hard sign after a final
        consonant on the last word and on a word before it the form declines (Шушинскомъ
        уѣздѣ). A word that stays as in the name keeps the forms of a compound name (Верин
        Геташен) one stem with tails (keytable)."""
        if not self.old_spelling:
            return None
        sign, endings = self.old_spelling["hard_sign"], self.old_spelling.get("endings", {})
        words, stored = form.split(" "), name.split(" ")
        last = len(words) - 1
        old = []
        for i, w in enumerate(words):
            declined = i >= len(stored) or w != stored[i]
            if declined:
                for new_ending, old_ending in endings.items():
                    if w.lower().endswith(new_ending):
                        w = w[:-len(new_ending)] + _match_case(w, old_ending)
                        break
            if (declined or i == last) and self._old_after.search(w.lower()):
                w += _match_case(w, sign)
            old.append(w)
        return " ".join(old) if old != words else None

    def inflect(self, text: str, case: str) -> str:
        # a list member ("pl.gen": Агджабединского районов, "adj.gen": Агджабединского) is one
        # place: it is written as the name in the same case, its kind word singular
        case = case.rpartition(".")[2]
        if case not in self.cases:
            return text
        if self.is_abbreviation(text):
            return text + self.abbreviation_endings.get(case, ("",))[0]
        return self._variants(text, case, first_only=True)[0]


class HarmonyGrammar:
    """Agglutinative suffixes with vowel harmony (Azerbaijani)."""

    def __init__(self, spec: dict):
        self.lang = spec["lang"]
        self.scripts = tuple(spec["scripts"])
        self.cases = tuple(spec["cases"])
        self.clitic = False
        self.vowels = frozenset(spec["back_vowels"] + spec["front_vowels"])
        self.two_way = spec["two_way"]
        self.four_way = spec["four_way"]
        self.to_cyrillic = spec["cyrillic"]
        self.from_cyrillic = {v: k for k, v in self.to_cyrillic.items()}
        self.suffixes = {k: tuple(v) for k, v in spec["suffixes"].items()}
        self.pronominal = {k: tuple(v) for k, v in spec["pronominal"].items()}
        self.plural_template = spec.get("plural", "lAr")
        self.copula = spec.get("copula")
        self.copula_after = tuple(spec.get("copula_after", ()))
        self.examples = spec.get("example", [])

    def _latin(self, text: str) -> str:
        # Turkic casing: capital I is dotless ı, İ is i (str.lower would make QUBADLI front-voweled)
        return "".join(self.from_cyrillic.get(c, c) for c in text.replace("I", "ı").replace("İ", "i").lower()
                       .replace("i̇", "i"))

    def _expand(self, stem_latin: str, template: str) -> str:
        """Resolve one template against a (lower-case, Latin) stem; returns the Latin suffix."""
        last_vowel = next((c for c in reversed(stem_latin) if c in self.vowels), "a")
        ends_in_vowel = bool(stem_latin) and stem_latin[-1] in self.vowels
        out = []
        for part in re.findall(r"\(\w\)|\w", template):
            if part.startswith("("):
                if ends_in_vowel and not out:
                    out.append(part[1])
                continue
            if part == "A":
                part = self.two_way[last_vowel]
            elif part == "I":
                part = self.four_way[last_vowel]
            if part in self.vowels:
                last_vowel = part
            out.append(part)
        return "".join(out)

    def _suffix(self, text: str, template: str, cyrillic: bool | None = None) -> str:
        if cyrillic is None:
            cyrillic = script_of(text) == "Cyrl"
        suffix = self._expand(self._latin(text), template)
        if cyrillic:
            suffix = "".join(self.to_cyrillic.get(c, c) for c in suffix)
        return _match_case(text, suffix)

    def _possessive_final(self, text: str) -> bool:
        return " " in text and self._latin(text)[-1:] in ("ı", "i", "u", "ü")

    def forms(self, text: str, old_spellings: bool = True) -> list[tuple[str, str]]:  # (no old spelling)
        out = [(text, "nom")]
        tables = [self.suffixes]
        if self._possessive_final(text):
            tables.append(self.pronominal)
        seen = {text}
        cyrillic = script_of(text) == "Cyrl"
        for table in tables:
            for case, templates in table.items():
                for t in templates:
                    suffix = self._suffix(text, t, cyrillic)
                    for form in (text + suffix, text + "'" + suffix):
                        if form not in seen:
                            seen.add(form)
                            out.append((form, case))
        plural = self.plural_possessive(text)
        if plural and plural not in seen:
            # "Qubadlı və Zəngilan rayonlarından": the kind word of a list, in the plural
            out.append((plural, "pl"))
            for case, templates in self.pronominal.items():
                form = plural + self._suffix(plural, templates[0], cyrillic)
                if form not in seen:
                    seen.add(form)
                    out.append((form, f"pl.{case}"))
        if self.copula:
            for case in self.copula_after:
                form = text if case == "nom" else self.inflect(text, case)
                if form == text and case != "nom":
                    continue  # no such form (a plural of a name without a kind word)
                full = form + self._suffix(form, self.copula, cyrillic)
                if full not in seen:
                    seen.add(full)
                    out.append((full, f"{case}+cop"))
        return out

    def plural_possessive(self, text: str) -> str | None:
        """``Şuşa rayonu`` → ``Şuşa rayonları``, ``Ağdam kəndi`` → ``Ağdam kəndləri``: the
        possessive ``(s)I`` of the last word gives way to ``lArI``; None for other names."""
        if not self._possessive_final(text):
            return None
        latin = self._latin(text)
        strip = 2 if len(latin) > 2 and latin[-2] == "s" and latin[-3] in self.vowels else 1
        stem = text[:-strip]
        if not stem or not stem[-1].isalpha():
            return None
        cyrillic = script_of(text) == "Cyrl"
        plural = stem + self._suffix(stem, self.plural_template, cyrillic)
        return plural + self._suffix(plural, "I", cyrillic)

    def inflect(self, text: str, case: str, apostrophe: bool = False) -> str:
        if case.endswith("+cop"):
            base = case[:-4]
            form = (text + ("'" if apostrophe else "")) if base == "nom" else self.inflect(text, base, apostrophe)
            return form + self._suffix(form.rstrip("'"), self.copula) if self.copula else form
        if case == "pl" or case.startswith("pl."):
            plural = self.plural_possessive(text)
            if plural is None:
                return text
            return plural if case == "pl" else self.inflect(plural, case[3:])
        table = self.pronominal if self._possessive_final(text) else self.suffixes
        if case not in table:
            return text
        return text + ("'" if apostrophe else "") + self._suffix(text, table[case][0])


def _match_case(word: str, ending: str) -> str:
    """ŞUŞA takes DA, not da: an all-capitals word gets capital endings."""
    if ending and word.isupper() and sum(c.isalpha() for c in word) > 1:
        return ending.replace("i", "İ").upper()
    return ending


@lru_cache(maxsize=None)
def grammar(lang: str):
    """The grammar of a language (``ru``, ``az``, ``hy``, ``en``), or None."""
    path = TABLES / f"{lang}.toml"
    if not path.exists():
        return None
    spec = tomllib.loads(path.read_text(encoding="utf-8"))
    return HarmonyGrammar(spec) if "suffixes" in spec else EndingsGrammar(spec)


def abbreviation_forms(text: str, lang: str, script: str | None = None) -> list[tuple[str, str]]:
    """The forms of a name written in capitals: itself, and the hyphenated endings its
    language gives abbreviations (``ԼՂԻՄ-ից``); other capitals do not inflect."""
    out = [(text, "nom")]
    for g in grammars_for(text, lang, script):
        if isinstance(g, EndingsGrammar) and g.is_abbreviation(text):
            out += [(form, f"{g.lang}:{case}") for form, case in g.forms(text) if form != text]
    return out


def is_clitic(case: str) -> bool:
    """True for a qualified case (``en:gen``) whose suffix stays outside the mention."""
    g = grammar(case.partition(":")[0]) if ":" in case else None
    return bool(g and g.clitic)


def grammars_for(text: str, lang: str, script: str | None = None) -> list:
    """The grammars that inflect a name: its language's (in the right script), and the English
    possessive for every Latin-script name."""
    script = script or script_of(text)
    out = []
    g = grammar(lang_base(lang))
    if g is not None and script in g.scripts and g.lang != "en":
        out.append(g)
    if script == "Latn":
        out.append(grammar("en"))
    return out


def forms(text: str, lang: str, script: str | None = None, old_spellings: bool = True) -> list[tuple[str, str]]:
    """Every form of a name the tagger recognises, with its case qualified by the grammar that
    made it (``az:loc``, ``en:gen``); the name itself first, as ``nom``. ``old_spellings``:
    also the spellings before a reform (Russian before 1918: Карабахъ)."""
    out, seen = [(text, "nom")], {text}
    for g in grammars_for(text, lang, script):
        for form, case in g.forms(text, old_spellings):
            if form not in seen:
                seen.add(form)
                out.append((form, f"{g.lang}:{case}"))
    return out
