"""Output formats of tagged text: JSON Lines (the contract), JSON, CSV, inline HTML, TEI.

Every writer is a class with ``start()``, ``document(doc, blocks)`` and ``end()`` returning
strings, so the CLI can stream documents of any size: ``blocks`` yields ``(block text,
mentions)`` with offsets relative to the document.
"""
from __future__ import annotations

import csv
import io
import json
from html import escape
from typing import Iterable, Iterator

FORMATS = ("jsonl", "json", "csv", "html", "tei")


def mention_record(m, doc: str | None) -> dict:
    """The JSON Lines contract: doc, start, end, text, id, candidates, matched — then extras."""
    return m.to_dict(doc)


def _dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


class JsonLines:
    def start(self) -> str:
        return ""

    def document(self, doc, blocks) -> Iterator[str]:
        for _, mentions in blocks:
            for m in mentions:
                yield _dumps(mention_record(m, doc)) + "\n"

    def end(self) -> str:
        return ""


class JsonArray:
    """One JSON array of mention objects (streamed: never held in memory whole)."""

    def __init__(self):
        self._first = True

    def start(self) -> str:
        return "["

    def document(self, doc, blocks) -> Iterator[str]:
        for _, mentions in blocks:
            for m in mentions:
                yield ("\n" if self._first else ",\n") + _dumps(mention_record(m, doc))
                self._first = False

    def end(self) -> str:
        return "\n]\n"


CSV_COLUMNS = ("doc", "start", "end", "text", "id", "candidates", "matched_text", "matched_lang", "matched_type",
               "stem", "suffix", "case", "confidence")


class Csv:
    def start(self) -> str:
        return self._row(CSV_COLUMNS)

    @staticmethod
    def _row(values) -> str:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow(values)
        return buf.getvalue()

    def document(self, doc, blocks) -> Iterator[str]:
        for _, mentions in blocks:
            for m in mentions:
                yield self._row((doc, m.start, m.end, m.text, m.id, ";".join(m.candidates), m.matched["text"],
                                 m.matched["lang"], m.matched["type"], m.stem, m.suffix, m.case, m.confidence))

    def end(self) -> str:
        return ""


def inline(text: str, mentions: Iterable, base: int, wrap) -> Iterator[str]:
    """``text`` (offset ``base`` in its document) escaped, each mention wrapped by ``wrap``."""
    last = 0
    for m in mentions:
        s, e = m.start - base, m.end - base
        yield escape(text[last:s], quote=False)
        yield wrap(m, escape(text[s:e], quote=False))
        last = e
    yield escape(text[last:], quote=False)


class Html:
    """The text with ``<span data-place="id">`` around every mention, newlines kept."""

    def start(self) -> str:
        return ""

    @staticmethod
    def _span(m, inner: str) -> str:
        return (f'<span class="place" data-place="{escape(m.id)}" data-candidates="{escape(" ".join(m.candidates))}"'
                f' data-confidence="{m.confidence}" title="{escape(m.matched["text"])} ({escape(m.matched["lang"])})">'
                f'{inner}</span>')

    def document(self, doc, blocks) -> Iterator[str]:
        yield f'<pre class="tagged" data-doc="{escape(doc or "")}">'
        for (offset, text), mentions in blocks:
            yield from inline(text, mentions, offset, self._span)
        yield "</pre>\n"

    def end(self) -> str:
        return ""


class Tei:
    """A TEI document per input, mentions as ``<placeName ref="#id">``; paragraphs (blank-line
    separated) become ``<p>``. The text content is the input, unchanged."""

    def start(self) -> str:
        return '<?xml version="1.0" encoding="UTF-8"?>\n<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">\n'

    @staticmethod
    def _place(m, inner: str) -> str:
        cert = "high" if m.confidence >= 0.8 else "medium" if m.confidence >= 0.5 else "low"
        return f'<placeName ref="#{escape(m.id)}" cert="{cert}">{inner}</placeName>'

    def document(self, doc, blocks) -> Iterator[str]:
        yield (f'<TEI><teiHeader><fileDesc><titleStmt><title>{escape(doc or "")}</title></titleStmt>'
               '<publicationStmt><p>tagged by the Caucasus toponym gazetteer</p></publicationStmt>'
               f'<sourceDesc><p>{escape(doc or "")}</p></sourceDesc></fileDesc></teiHeader>\n<text><body><p>')
        for (offset, text), mentions in blocks:
            yield "".join(inline(text, mentions, offset, self._place)).replace("\n\n", "</p>\n\n<p>")
        yield "</p></body></text></TEI>\n"

    def end(self) -> str:
        return "</teiCorpus>\n"


def writer(fmt: str):
    from ..errors import InvalidQuery

    classes = {"jsonl": JsonLines, "json": JsonArray, "csv": Csv, "html": Html, "tei": Tei}
    if fmt not in classes:
        raise InvalidQuery(f"unknown format {fmt!r}; valid: {', '.join(FORMATS)}")
    return classes[fmt]()
