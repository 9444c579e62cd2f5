"""One text through the schemes: what ``/v1/transliterate`` and ``gazetteer transliterate`` show."""
from __future__ import annotations

from gazetteer.errors import InvalidQuery
from gazetteer.translit.registry import get_scheme, transliterate
from gazetteer.translit.routing import detect_source, schemes_for

MAX_TEXT = 1000


def transliteration_table(text: str, *, source: str | None = None, scheme: str | None = None) -> dict:
    """``{"text", "from", "results": [{"scheme", "text"}]}``: by one scheme, or by every scheme
    that reads ``source`` (detected from the letters when not given). Unknown scheme names
    raise UnknownScheme listing the valid ones."""
    if not isinstance(text, str) or not text.strip():
        raise InvalidQuery("text is empty")
    if len(text) > MAX_TEXT:
        raise InvalidQuery(f"text is longer than {MAX_TEXT} characters")
    if scheme:
        s = get_scheme(scheme) if "+" not in scheme else None
        return {"text": text, "from": source or (s.source if s else detect_source(text)),
                "results": [{"scheme": scheme, "text": transliterate(text, scheme)}]}
    lang = source or detect_source(text)
    if lang is None:
        return {"text": text, "from": None, "results": []}
    return {"text": text, "from": lang,
            "results": [{"scheme": s.name, "text": s.transliterate(text)} for s in schemes_for(lang)]}
