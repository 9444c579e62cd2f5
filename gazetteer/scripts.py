"""Which writing system a string is in.

Script is not language: Azerbaijani Cyrillic is told from Russian by its own letters.
"""
from __future__ import annotations

import unicodedata

# Unicode ranges of the scripts we classify; anything else is "Zyyy" (common) or "Zzzz".
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x005A, "Latn"), (0x0061, 0x007A, "Latn"), (0x00C0, 0x024F, "Latn"),
    (0x0250, 0x02AF, "Latn"), (0x1E00, 0x1EFF, "Latn"),
    (0x0370, 0x03FF, "Grek"), (0x1F00, 0x1FFF, "Grek"),
    (0x0400, 0x052F, "Cyrl"), (0x1C80, 0x1C8F, "Cyrl"), (0xA640, 0xA69F, "Cyrl"),
    (0x0530, 0x058F, "Armn"), (0xFB13, 0xFB17, "Armn"),
    (0x10A0, 0x10FF, "Geor"), (0x1C90, 0x1CBF, "Geor"),
    (0x0600, 0x06FF, "Arab"), (0x0750, 0x077F, "Arab"), (0xFB50, 0xFDFF, "Arab"), (0xFE70, 0xFEFF, "Arab"),
)
# Armenian punctuation and modifier marks used inside names count as the surrounding script.
_NEUTRAL_ARMENIAN = {"\u055A", "\u055B", "\u055C", "\u055D", "\u055E", "\u055F"}

AZ_CYRILLIC_LETTERS = frozenset("әғҝҹһјөүӘҒҜҸҺЈӨҮ")
AZ_LATIN_LETTERS = frozenset("əğıışçöüƏĞIİŞÇÖÜ") - frozenset("I")


def char_script(ch: str) -> str:
    """Script code of one character: Latn, Cyrl, Armn, Geor, Arab, Grek, or Zyyy."""
    cp = ord(ch)
    if ch in _NEUTRAL_ARMENIAN:
        return "Zyyy"
    for lo, hi, code in _RANGES:
        if lo <= cp <= hi:
            return code
    return "Zyyy"


def scripts_of(text: str) -> set[str]:
    """Set of letter scripts in ``text`` (marks, digits, punctuation ignored)."""
    found = set()
    for ch in text:
        if unicodedata.category(ch).startswith("L"):
            s = char_script(ch)
            if s != "Zyyy":
                found.add(s)
    return found


def script_of(text: str) -> str:
    """The one script of ``text``'s letters, ``Mixed`` for several, ``Zyyy`` for none."""
    found = scripts_of(text)
    if not found:
        return "Zyyy"
    if len(found) == 1:
        return next(iter(found))
    return "Mixed"


def dominant_script(text: str) -> str:
    """The script most letters of ``text`` are in (ties broken by code order)."""
    counts: dict[str, int] = {}
    for ch in text:
        if unicodedata.category(ch).startswith("L"):
            s = char_script(ch)
            if s != "Zyyy":
                counts[s] = counts.get(s, 0) + 1
    if not counts:
        return "Zyyy"
    return max(sorted(counts), key=lambda s: counts[s])


def is_azerbaijani_cyrillic(text: str) -> bool:
    """Cyrillic text that uses letters only the Azerbaijani Cyrillic alphabet has."""
    return any(ch in AZ_CYRILLIC_LETTERS for ch in text)
