"""Naming conventions (``conventions.toml``) and the rewriting of mentions into one of them.

Suffix policy (documented in docs/TAGGING.md): an inflection belongs to the grammar of the
sentence, not to the name. The normalizer re-inflects the new name in the same case with that
grammar when the grammar can decline it — Russian and Armenian only decline names in their own
script and language, Azerbaijani declines its own names directly and other Latin-script names
after an apostrophe (Stepanakert'də), English adds its possessive to any Latin-script name —
and otherwise writes the bare name. A word is never left half-rewritten.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import UnknownScheme
from ..scripts import script_of
from ..translit import skeleton, transliterate
from ..vocab import lang_base
from .inflection import grammar

_TYPE_ORDER = {t: i for i, t in enumerate(("official", "endonym", "exonym", "variant", "colloquial",
                                           "abbreviation", "historical"))}
_AS_OF = re.compile(r"^as-of:(-?\d{1,4})(?::([a-z0-9-]+))?(?::([A-Za-z0-9-]+))?$")
# name tuple fields (see KeyTable.names)
TEXT, LANG, TYPE, USED_BY, FROM, TO, PREFERRED = 1, 2, 3, 5, 6, 7, 8


@lru_cache(maxsize=1)
def _spec() -> dict:
    return tomllib.loads((Path(__file__).with_name("conventions.toml")).read_text(encoding="utf-8"))


def convention_names() -> list[str]:
    """Every convention, the parametric ones in their written form (as-of:YEAR[:AUTHORITY[:LANG]])."""
    return [k if not v.get("parametric") else f"{k}:YEAR[:AUTHORITY[:LANG]]" for k, v in _spec().items()]


def _lang_ok(tag: str, want: str) -> bool:
    if tag == want:
        return True
    # "hy" accepts hy-Armn but not the romanizations hy-Latn, hy-Latn-t-hy-m0-bgn
    return tag.startswith(want + "-") and "-t-" not in tag and ("Latn" in want or "-Latn" not in tag)


def _valid_at(n: tuple, year: int) -> bool:
    return (n[FROM] is None or n[FROM] <= year) and (n[TO] is None or year <= n[TO])


def _best(names: list[tuple[int, tuple]]) -> tuple[int, tuple]:
    return min(names, key=lambda i_n: (i_n[1][TO] is not None, not i_n[1][PREFERRED],
                                       _TYPE_ORDER.get(i_n[1][TYPE], 9), i_n[0]))


@dataclass(frozen=True)
class Convention:
    name: str
    label: str
    rules: tuple = ()
    join: tuple = ()
    separator: str = "/"
    markup: str | None = None
    year: int | None = None

    def choose(self, names: list[tuple[int, tuple]], source_lang: str | None = None) -> tuple[str, str] | None:
        """``(text, lang)`` of the name this convention writes for a place, or None."""
        if self.join:
            parts = []
            for other in self.join:
                got = get_convention(other).choose(names, source_lang)
                if got and got[0] not in [p[0] for p in parts]:
                    parts.append(got)
            if not parts:
                return None
            return self.separator.join(p[0] for p in parts), parts[0][1]
        for rule in self.rules:
            got = self._apply(rule, names, source_lang)
            if got:
                return got
        return None

    def _apply(self, rule: dict, names, source_lang):
        if "translit" in rule:
            base = get_convention(rule["from"]).choose(names, source_lang)
            if base is None:
                return None
            return transliterate(base[0], rule["translit"]), "en"
        lang = rule.get("lang")
        if lang == "$source":
            lang = source_lang
        like = None
        if "like" in rule:
            target = get_convention(rule["like"]).choose(names, source_lang)
            if target is None:
                return None
            like = skeleton(target[0])
        ok = [(i, n) for i, n in names
              if (lang is None or _lang_ok(n[LANG], lang))
              and (not rule.get("used_by") or set(rule["used_by"]) & set(n[USED_BY]))
              and (not rule.get("type") or n[TYPE] in rule["type"])
              and (not rule.get("current") or n[TO] is None)
              and (self.year is None or _valid_at(n, self.year))
              and (like is None or skeleton(n[TEXT]) == like)]
        if not ok:
            return None
        n = _best(ok)[1]
        return n[TEXT], n[LANG]


@lru_cache(maxsize=256)
def get_convention(name: str) -> Convention:
    """A convention by name; raises UnknownScheme listing the valid ones."""
    spec = _spec()
    m = _AS_OF.match(name or "")
    if m:
        year, authority, lang = int(m.group(1)), m.group(2), m.group(3)
        used = [authority] if authority else []
        rules = ([{"used_by": used, "lang": lang}] if lang else
                 [{"used_by": used, "lang": "$source"}, {"used_by": used}, {"lang": "$source"}, {}])
        return Convention(name, spec["as-of"]["label"], tuple(rules), year=year)
    entry = spec.get(name)
    if entry is None or entry.get("parametric"):
        raise UnknownScheme(f"unknown convention {name!r}; valid: {', '.join(convention_names())}")
    return Convention(name, entry["label"], tuple(entry.get("rules", ())), tuple(entry.get("join", ())),
                      entry.get("separator", "/"), entry.get("markup"))


def examples() -> list[tuple[str, str, str]]:
    """``(convention, place id, expected text)`` for every example in conventions.toml."""
    out = []
    for name, entry in _spec().items():
        for ex in entry.get("examples", []):
            out.append(tuple(ex) if len(ex) == 3 else (name, *ex))
    return out


# -- rewriting a mention ------------------------------------------------------------------------
def rewrite(mention, target: tuple[str, str] | None, convention: Convention) -> str:
    """The text that replaces a mention (see the suffix policy in the module docstring)."""
    if convention.markup:
        return convention.markup.format(text=mention.text, id=mention.id)
    if target is None:
        return mention.text  # the place has no name in this convention: leave the text alone
    text, lang = target
    out = _reinflect(text, lang, mention)
    if _all_caps(mention.stem):
        out = _upper(out, lang)
    return out


def _reinflect(text: str, lang: str, mention) -> str:
    if mention.case == "nom" or not mention.grammar:
        return text
    g = grammar(mention.grammar)
    script = script_of(text)
    if g is None or g.clitic or script not in g.scripts:
        return text  # a clitic (English 's) is outside the mention and stays in the text
    if lang_base(lang) == g.lang:
        return g.inflect(text, mention.case)
    if g.lang == "az" and script == "Latn":
        return g.inflect(text, mention.case, apostrophe=True)
    return text


def _all_caps(s: str) -> bool:
    letters = [c for c in s if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _upper(text: str, lang: str) -> str:
    if lang_base(lang) == "az":
        text = text.replace("i", "İ")
    return text.upper()
