"""Hypothesis strategies shared by the fuzz tests: hostile text, absurd numbers, odd JSON.

(A test module without tests, so the fuzz files can import it like ``conftest``.)
"""
from __future__ import annotations

from hypothesis import strategies as st

# Characters that break naive text code: NUL and other controls, bidi controls, zero-width
# characters, combining marks on their own, case-changing letters (Turkic i, ß, ligatures), the
# schwa family, Armenian ligatures, astral characters, line and paragraph separators, lone
# surrogates (Python strings can hold them; JSON can carry them as \ud800).
NASTY = ["\x00", "\x01", "\x1b", "\x7f", "\x85", "\t", "\r\n", "\u2028", "\u2029", "\u200b", "\u200c",
         "\u200d", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066",
         "\u2067", "\u2068", "\u2069", "\u061c", "\u0301", "\u0307", "\u0308", "\u0338", "\u20dd", "\u0345",
         "İ", "ı", "I", "i", "ß", "ẞ", "ﬁ", "ǅ", "ΐ", "ə", "Ə", "ǝ", "Ǝ", "ә", "Ә", "և", "ﬓ", "ﬗ", "ւ",
         "ʼ", "ʻ", "'", "’", "`", "-", "‐", "—", " ", "\u3000", "\U0001F1E6\U0001F1FF", "\U0001F600",
         "\U000E0041", "\U0010FFFF", "\uFFFD", "\uFFFF", "\ud800", "\udfff", "\udbff\udc00", "%", "%00", "&",
         "=", "+", "#", "?", "/", "\\", '"', "<script>", "{", "[", "\u0600", "ܐ", "ش", "ა", "Ω", "𝔄"]
PLACE_BITS = ["Şuşa", "Şuşada", "Шуша", "в Шуше", "Շուշի", "Շուշիում", "Xankəndi", "Xankəndidə",
              "Stepanakert", "Stepanakert's", "Степанакерт", "Ստեփանակերտ", "Nagorno-Karabakh", "NKAO",
              "Mir-Bəşir", "Mir Bashir", "Ağdam", "AĞDAM", "Aghdam", "Tərtər", "Qubadlı", "QUBADLI",
              "Kəlbəcər", "Քարվաճառ", "Kelbadjar", "Azərbaycan", "Ermənistan", "rayonu", "kəndi", "district",
              "Shushа", "ŞUŞA'NIN", "Şuşa'nın", "Ганджа", "Gəncə", "Ереван", "Երևան", "Yerevan"]


def hostile_text(max_parts: int = 24, surrogates: bool = True) -> st.SearchStrategy[str]:
    """Mixed-script text built from place names, hostile characters and arbitrary Unicode."""
    nasty = [c for c in NASTY if surrogates or not any(0xD800 <= ord(x) <= 0xDFFF for x in c)]
    chars = st.characters(codec=None) if surrogates else st.characters(blacklist_categories=("Cs",))
    part = st.one_of(st.sampled_from(nasty), st.sampled_from(PLACE_BITS), st.text(chars, max_size=8),
                     st.sampled_from([" ", "  ", "\n", "\n\n", ". ", ", "]))
    return st.lists(part, max_size=max_parts).map("".join)


def absurd_numbers() -> st.SearchStrategy:
    """Numbers as a client might send them: huge, tiny, negative zero, NaN, infinities, floats."""
    return st.one_of(st.integers(), st.integers(-10**30, 10**30), st.floats(allow_nan=True, allow_infinity=True),
                     st.sampled_from([0, -0.0, 1, -1, 2**31, 2**63, 10**40, 1e308, 5e-324]))


def absurd_number_text() -> st.SearchStrategy[str]:
    """Numbers as query strings carry them: digits of other scripts, exponents, junk."""
    return st.one_of(
        absurd_numbers().map(str),
        st.sampled_from(["", " ", "nan", "NaN", "-nan", "inf", "-Infinity", "1e999", "-1e999", "0x10", "1_000",
                         "١٢", "１２", "²", "0" * 5000, "9" * 5000, "1.", ".5", "+5", "--5", "5 ", " 5", "5\x00",
                         "1,2", "true", "null", "[]", "1e-400", "\u0663"]),
        st.text(max_size=12))


def json_values(depth: int = 2) -> st.SearchStrategy:
    """Arbitrary JSON values (with hostile strings and absurd numbers)."""
    scalars = st.one_of(st.none(), st.booleans(), absurd_numbers(), hostile_text(6))
    return st.recursive(scalars, lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(hostile_text(3), inner, max_size=4)), max_leaves=12)
