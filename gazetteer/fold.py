"""Search-key folding: the forms of one name that a reader would call "the same spelling".

``fold`` equates case (with Turkic dotted/dotless i), diacritics, Azerbaijani ``ə`` (as ``e``), Armenian
``և``/``եվ``, apostrophe variants, hyphens/dashes/spaces and mixed-script homoglyphs
(a Cyrillic ``а`` inside a Latin word). ``fold_map`` also returns, for every character of the
key, the index of the input character it came from, so taggers report exact offsets even
where folding changes length (``İ``, ``և``, decomposed input).
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

from .scripts import char_script

# Characters that are dropped: apostrophe-like marks used for aspirates and elision.
APOSTROPHES = frozenset("'’‘ʻʼʹ`´′ʾʿ\u055A\u055B\u055C\u055E\u055F")

# Letters whose fold is not "casefold, then strip marks".
_SPECIAL = {
    "I": "i", "İ": "i", "ı": "i", "i": "i",
    # Schwa -> e: what Azerbaijani typists write without the letter (Xankendi, Gence). The
    # English-press a (Xankandi, Ganja) is a second key made by keys.py, not a fold.
    "Ə": "e", "ə": "e", "Ә": "е", "ә": "е", "Ǝ": "e", "ǝ": "e",  # U+01DD/018E stand in for ə in some sources
    "և": "եվ", "ﬓ": "մն", "ﬔ": "մե", "ﬕ": "մի", "ﬖ": "վն", "ﬗ": "մխ",
    "ւ": "ւ", "ё": "е", "Ё": "е", "ß": "ss", "ʻ": "", "ʼ": "",
    # Russian letters dropped in 1918 (Шушинскій уѣздъ): і is read as и in Cyrillic words only
    # (below), where it is no homoglyph of the Latin i
    "ѣ": "е", "Ѣ": "е", "ѳ": "ф", "Ѳ": "ф", "ѵ": "и", "Ѵ": "и",
}
_OLD_RUSSIAN_HARD_SIGN = "ъ"  # after a final consonant before 1918: dropped at a word's end

# Lookalike letters: Cyrillic -> Latin and Latin -> Cyrillic (lower case, after casefold).
_CYR_TO_LAT = dict(zip("аеорсухкмтвнӏіјһ", "aeopcyxkmtbhliјh".replace("ј", "j")))
_LAT_TO_CYR = {v: k for k, v in _CYR_TO_LAT.items() if k not in "ӏіјһвнмт"}
_LAT_TO_CYR.update({"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "y": "у", "x": "х", "k": "к"})
_FOLDED_SCRIPTS = {"Latn", "Cyrl", "Grek", "Armn"}


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """Fold one character, independent of its neighbours."""
    if ch in _SPECIAL:
        return _SPECIAL[ch]
    if ch in APOSTROPHES:
        return ""
    cat = unicodedata.category(ch)
    if cat.startswith("M"):
        return ""  # combining marks of decomposed input
    if cat.startswith(("P", "Z", "S", "C")) or ch in "\t\n\r":
        return " "
    out = []
    for c in ch.casefold():
        if unicodedata.category(c).startswith("M"):
            continue  # marks that casefold spells out (ΐ, ǰ, ẖ): dropped, as in decomposed input
        if c in _SPECIAL:
            out.append(_SPECIAL[c])
            continue
        if char_script(c) in _FOLDED_SCRIPTS:
            base = "".join(d for d in unicodedata.normalize("NFD", c) if not unicodedata.category(d).startswith("M"))
            # NFD strips й -> и and ё -> е too: wanted for search, typists drop them.
            out.append(unicodedata.normalize("NFC", base) or c)
        else:
            out.append(c)
    return "".join(out)


def _homoglyph_table(word: list[str]) -> dict[str, str] | None:
    """Mapping that moves a mixed Latin/Cyrillic word's minority letters into its main script."""
    lat = sum(1 for c in word if char_script(c) == "Latn")
    cyr = sum(1 for c in word if char_script(c) == "Cyrl")
    if not lat or not cyr:
        return None
    return _CYR_TO_LAT if lat >= cyr else _LAT_TO_CYR


def fold_map(text: str) -> tuple[str, list[int]]:
    """Fold ``text``; return the key and, per key character, its source index in ``text``."""
    chars: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        for c in _fold_char(ch):
            chars.append(c)
            origin.append(i)
    # Homoglyphs, word by word (a word = a run of non-space characters).
    start = 0
    n = len(chars)
    while start < n:
        if chars[start] == " ":
            start += 1
            continue
        end = start
        while end < n and chars[end] != " ":
            end += 1
        table = _homoglyph_table(chars[start:end])
        if table:
            for j in range(start, end):
                chars[j] = table.get(chars[j], chars[j])
        if "і" in chars[start:end] and char_script(chars[start]) == "Cyrl" and table is not _CYR_TO_LAT:
            for j in range(start, end):
                if chars[j] == "і":
                    chars[j] = "и"
        last = end - 1
        while last > start and chars[last] == _OLD_RUSSIAN_HARD_SIGN:
            chars[last] = " "  # Карабахъ: Карабах
            last -= 1
        start = end
    # Collapse runs of space and trim.
    key: list[str] = []
    offsets: list[int] = []
    for c, o in zip(chars, origin):
        if c == " " and (not key or key[-1] == " "):
            continue
        key.append(c)
        offsets.append(o)
    if key and key[-1] == " ":
        key.pop()
        offsets.pop()
    return "".join(key), offsets


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The search key of ``text``; ``fold(fold(x)) == fold(x)``."""
    if text.isascii():
        # Fast path: most queries. Same result as the general path for ASCII.
        out = []
        for ch in text:
            if ch.isalnum():
                out.append(ch.lower())
            elif ch in APOSTROPHES:
                continue
            else:
                out.append(" ")
        return " ".join("".join(out).split())
    return fold_map(text)[0]


def compact(key: str) -> str:
    """A folded key without spaces: ``mir bashir`` and ``mirbashir`` meet here."""
    return key.replace(" ", "")
