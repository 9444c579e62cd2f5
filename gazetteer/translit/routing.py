"""Which schemes apply to a name: by language tag, by script, and variants() for indexing."""
from __future__ import annotations

import tomllib
import unicodedata
from functools import lru_cache
from pathlib import Path

from gazetteer.translit.registry import CHAIN, Scheme, get_scheme, schemes

with (Path(__file__).parent / "routes.toml").open("rb") as _fh:
    _ROUTES = tomllib.load(_fh)

_AZ_CYRILLIC = frozenset(_ROUTES["detect"]["az_cyrillic"])
_AZ_LATIN = frozenset(_ROUTES["detect"]["az_latin"])


def _route_keys(lang: str) -> list[str]:
    """'hy' → ['hy-Armn', 'Armn']; 'az-Latn-t-…' → ['az-Latn', 'Latn']; 'az' → ['az'];
    'Latn' (what detect_source says of plain Latin text) → ['und-Latn', 'Latn']."""
    subtags = lang.replace("_", "-").split("-t-")[0].split("-")
    if len(subtags) == 1 and len(subtags[0]) == 4 and subtags[0].isalpha():  # a script alone: Latn, Arab
        script = subtags[0].title()
        return [f"und-{script}", script]
    language = subtags[0].lower()
    script = next((s.title() for s in subtags[1:] if len(s) == 4 and s.isalpha()), None)
    script = script or _ROUTES["default_script"].get(language)
    if script is None:
        return [language]
    return [f"{language}-{script}", script]


@lru_cache(maxsize=256)
def _sources_for(lang: str) -> tuple[str, ...]:
    for key in _route_keys(lang):
        if key in _ROUTES["sources"]:
            return tuple(_ROUTES["sources"][key])
    return ()


def schemes_for(lang: str) -> list[Scheme]:
    """Schemes that read a name tagged ``lang`` (``hy``, ``ru``, ``az-Latn``, ``en``…)."""
    sources = _sources_for(lang)
    return [s for s in schemes() if s.source in sources]


@lru_cache(maxsize=256)
def _variant_schemes(lang: str) -> tuple[tuple[str, object], ...]:
    """(name, callable) pairs, chains included; resolved once per tag."""
    out: list[tuple[str, object]] = [(s.name, s.transliterate) for s in schemes_for(lang)]
    for key in _route_keys(lang):
        for chain in _ROUTES["chains"].get(key, ()):
            steps = [get_scheme(part).transliterate for part in chain.split(CHAIN)]
            out.append((chain, _compose(steps)))
    return tuple(out)


def _compose(steps):
    def run(text: str) -> str:
        for step in steps:
            text = step(text)
        return text

    return run


def variants(text: str, lang: str) -> list[tuple[str, str]]:
    """Every distinct transliteration of ``text`` by every scheme applicable to ``lang``.

    Returns ``(variant_text, scheme_name)`` pairs in scheme order, the first scheme
    kept for a text several schemes agree on; variants equal to the input are left out.
    Chained schemes are named ``a+b`` (``transliterate`` accepts that name).
    """
    seen = {unicodedata.normalize("NFC", text)}
    out = []
    for name, apply in _variant_schemes(lang):
        variant = apply(text)
        if variant not in seen:
            seen.add(variant)
            out.append((variant, name))
    return out


# script → (lang, lang when Azerbaijani marker letters are present)
_SCRIPT_LANG = {"ARMENIAN": ("hy", "hy"), "CYRILLIC": ("ru", "az-Cyrl"), "LATIN": ("Latn", "az-Latn"),
                "GEORGIAN": ("ka", "ka"), "ARABIC": ("Arab", "Arab")}
_AZ_MARKERS = {"CYRILLIC": _AZ_CYRILLIC, "LATIN": _AZ_LATIN}


@lru_cache(maxsize=8192)
def _script_word(ch: str) -> str:
    # The first word of the character's Unicode name (ARMENIAN, CYRILLIC, LATIN, …); the name
    # lookup is the slow part of detecting a query's language, and queries reuse few letters.
    return unicodedata.name(ch, "").split(" ", 1)[0]


def detect_source(text: str) -> str | None:
    """Guess the ``lang`` of a bare string from its letters; None when it has none we know.

    The majority script wins (a stray Cyrillic а in a Latin word does not count);
    Azerbaijani is told from Russian / other Latin by its own letters (ә ҹ … / ə ı ş …).
    """
    counts = dict.fromkeys(_SCRIPT_LANG, 0)
    marked = dict.fromkeys(_SCRIPT_LANG, False)
    for ch in text:
        if not ch.isalpha():
            continue
        script = _script_word(ch)
        if script in counts:
            counts[script] += 1
            marked[script] = marked[script] or ch in _AZ_MARKERS.get(script, ())
    script = max(counts, key=counts.get)
    if counts[script] == 0:
        return None
    return _SCRIPT_LANG[script][marked[script]]
