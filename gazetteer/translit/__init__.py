"""Transliteration: named schemes read from data files, and the phonetic skeleton.

    >>> from gazetteer.translit import transliterate, variants, skeleton
    >>> transliterate("Շուշի", "hy-Latn-t-hy-m0-bgn")
    'Shushi'

Each scheme is one TOML file in ``schemes/`` (rules plus sample pairs); one engine
(``engine.py``) applies them all. See docs/TRANSLIT.md for the list.
"""
from gazetteer.translit.registry import (
    Scheme,
    candidates,
    get_scheme,
    schemes,
    transliterate,
)
from gazetteer.translit.routing import detect_source, schemes_for, variants
from gazetteer.translit.skeleton import skeleton

__all__ = [
    "Scheme",
    "candidates",
    "detect_source",
    "get_scheme",
    "schemes",
    "schemes_for",
    "skeleton",
    "transliterate",
    "variants",
]
