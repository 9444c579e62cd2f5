"""Text tagging and rewriting: find every place mention in any script and inflected form, and
rewrite it in a chosen naming convention. See docs/TAGGING.md.

    >>> tagger = gz.tagger()                      # doctest: +SKIP
    >>> [m.id for m in tagger.tag("в Шуше и Şuşada")]  # doctest: +SKIP
    ['shusha-town', 'shusha-town']
"""
from .keytable import KeyTable, build_keytable
from .tagger import Mention, Tagger, blocks

__all__ = ["KeyTable", "Mention", "Tagger", "blocks", "build_keytable"]
