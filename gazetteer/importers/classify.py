"""Name classification by script and letters, never by a column's language label.

``classify(text, hint)`` returns ``(text, lang)``: the cleaned text and a BCP 47 tag whose script
matches the text, or ``(text, None)`` when no tag fits (the caller logs it).

Rules (documented in data/README.md):

* Armenian script -> ``hy``; Georgian -> ``ka``; Greek -> ``und-Grek`` (``el``/``grc`` are not
  told apart); Arabic script -> ``az-Arab`` in an ``aze`` column, else ``und-Arab``.
* Cyrillic -> ``az-Cyrl`` when it uses a letter only Azerbaijani Cyrillic has (ә ғ ҝ ҹ һ ј ө ү)
  and no letter foreign to it (қ ң ұ і ў ђ …); ``uk`` with і ї є ґ or in a Ukrainian column; ``und-Cyrl`` with other
  non-Russian letters; otherwise ``ru`` — except in an ``aze`` column, where Cyrillic that
  needs no Russian-only letter (й щ ь ъ э ю я ё ц) is read as ``az-Cyrl`` (the column says
  Azerbaijani and nothing in the spelling contradicts it).
* Latin -> by column: ``eng`` -> ``en``; ``hye`` -> ``hy-Latn`` (a romanization);
  ``rus`` -> ``ru-Latn``; ``aze`` -> ``az-Latn`` when every letter is in the Azerbaijani alphabet
  and the spelling has no foreign digraph (sh ch kh zh gh) unless it also uses ə ğ ı ş ç ö ü,
  else ``und-Latn``; no column (GeoNames alternate names) -> ``az-Latn`` only when the word
  uses one of ə ğ ı ş ç ö ü İ and fits the Azerbaijani alphabet, else ``und-Latn``.
  Explicit other-language hints (``tr``, ``fr``, ``de``, ``en``) are taken as given.
* Look-alike letters of the other script inside a Cyrillic or Latin word (``Шушa``) are mapped
  to the word's dominant script.
* Roman numerals inside a non-Latin name (``Թիղիկ-II``) are written with the Unicode Roman
  numeral characters (``Թիղիկ-Ⅱ``) so the letters stay in one script; the note says so.
"""
from __future__ import annotations

import re
import unicodedata

from ..scripts import AZ_CYRILLIC_LETTERS, scripts_of

# The Azerbaijani Latin alphabet (1991/1992), both cases, plus the dotted/dotless i pair.
AZ_LATIN_ALPHABET = frozenset("abcçdeəfgğhxıijkqlmnoöprsştuüvyzABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ")
AZ_LATIN_SPECIAL = frozenset("əğışçöüƏĞŞÇÖÜİ")
# Characters other than letters an Azerbaijani Latin name may contain.
NAME_PUNCT = frozenset(" -'’ʼ.,()0123456789")
RU_ONLY_CYRILLIC = frozenset("йщьъэюяёцЙЩЬЪЭЮЯЁЦ")
UK_CYRILLIC = frozenset("іїєґІЇЄҐ")
AZ_CYRILLIC_ALPHABET = frozenset("абвгғдеәжзиыјкҝлмноөпрстуүфхһчҹшАБВГҒДЕӘЖЗИЫЈКҜЛМНОӨПРСТУҮФХҺЧҸШ")
RU_CYRILLIC_ALPHABET = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
_FOREIGN_DIGRAPH = re.compile(r"sh|ch|kh|zh|gh|w", re.IGNORECASE)
_ROMAN = {"I": "Ⅰ", "II": "Ⅱ", "III": "Ⅲ", "IV": "Ⅳ", "V": "Ⅴ", "VI": "Ⅵ", "VII": "Ⅶ", "VIII": "Ⅷ",
          "IX": "Ⅸ", "X": "Ⅹ"}
_ROMAN_RE = re.compile(r"(?<![^\W\d_])(I{1,3}|IV|VI{0,3}|IX|X)(?![^\W\d_])", re.IGNORECASE)
_SPACE_RE = re.compile(r"\s+")

ROMAN_NOTE = "Roman numeral written with Unicode Roman numeral characters"
HOMOGLYPH_NOTE = "look-alike letters of another script replaced"

_LAT = "aeopcxyAEOPCXTHKMB"
_CYR = "аеорсхуАЕОРСХТНКМВ"
_TO_CYRL = str.maketrans(_LAT, _CYR)
_TO_LATN = str.maketrans(_CYR, _LAT)


def clean(text: str) -> str:
    """NFC, one space between words, no leading/trailing space."""
    return _SPACE_RE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def _letters(text: str) -> set[str]:
    return {ch for ch in text if unicodedata.category(ch).startswith("L")}


def fix_roman_numerals(text: str) -> str:
    """``Թիղիկ-II`` -> ``Թիղիկ-Ⅱ`` when the rest of the name is not Latin."""
    others = scripts_of(_ROMAN_RE.sub("", text))
    if not others or others == {"Latn"}:
        return text
    return _ROMAN_RE.sub(lambda m: _ROMAN.get(m.group(1).upper(), m.group(1)), text)


def fix_homoglyphs(text: str) -> str:
    """Map look-alike Latin letters in a Cyrillic word (``Шушa``) to Cyrillic, and vice versa."""
    found = scripts_of(text)
    if found != {"Latn", "Cyrl"}:
        return text
    out = []
    for word in re.split(r"(\W+)", text):
        ws = scripts_of(word)
        if ws == {"Latn", "Cyrl"}:
            cyr = sum(1 for ch in word if "\u0400" <= ch <= "\u04ff")
            lat = sum(1 for ch in word if ch.isalpha()) - cyr
            word = word.translate(_TO_CYRL if cyr >= lat else _TO_LATN)
        out.append(word)
    fixed = "".join(out)
    return fixed if len(scripts_of(fixed)) == 1 else text


def fits_az_latin(text: str) -> bool:
    return all(ch in AZ_LATIN_ALPHABET or ch in NAME_PUNCT for ch in text)


def _cyrillic(text: str, hint: str | None) -> str:
    letters = _letters(text)
    if letters & AZ_CYRILLIC_LETTERS and letters <= AZ_CYRILLIC_ALPHABET | RU_CYRILLIC_ALPHABET:
        return "az-Cyrl"
    if (hint == "uk" or letters & UK_CYRILLIC) and letters <= RU_CYRILLIC_ALPHABET | UK_CYRILLIC:
        return "uk"
    if not letters <= RU_CYRILLIC_ALPHABET:
        return "und-Cyrl"
    if hint == "aze" and not letters & RU_ONLY_CYRILLIC:
        return "az-Cyrl"
    return "ru"


def _latin(text: str, hint: str | None) -> str:
    if hint in ("eng", "en"):
        return "en"
    if hint in ("hye", "hy"):
        return "hy-Latn"
    if hint in ("rus", "ru"):
        return "ru-Latn"
    if hint in ("tr", "fr", "de"):
        return hint
    special = bool(_letters(text) & AZ_LATIN_SPECIAL)
    if hint in ("aze", "az"):
        if fits_az_latin(text) and (special or not _FOREIGN_DIGRAPH.search(text)):
            return "az-Latn"
        return "und-Latn"
    # no language given: Azerbaijani only when the spelling says so
    if fits_az_latin(text) and special:
        return "az-Latn"
    return "und-Latn"


def classify(text: str, hint: str | None = None) -> tuple[str, str | None]:
    """Clean ``text`` and tag it by script and letters; ``hint`` is the column's language label
    (``hye``, ``aze``, ``rus``, ``eng``, or an ISO 639-1 code) or None."""
    text = fix_homoglyphs(fix_roman_numerals(clean(text)))
    found = scripts_of(text)
    if len(found) != 1:
        return text, None
    script = next(iter(found))
    if script == "Armn":
        return text, "hy"
    if script == "Geor":
        return text, "ka"
    if script == "Grek":
        return text, "und-Grek"
    if script == "Arab":
        return text, "az-Arab" if hint in ("aze", "az") else "und-Arab"
    if script == "Cyrl":
        return text, _cyrillic(text, hint)
    if script == "Latn":
        return text, _latin(text, hint)
    return text, None
