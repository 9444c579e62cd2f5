"""``gazetteer tag`` and ``gazetteer normalize``: stream files (or stdin) through the tagger.

Input is read as UTF-8 in paragraph blocks, so memory stays constant on multi-GB files; offsets
are code points of each input document as read (newlines untouched). ``--jobs N`` tags blocks
in N worker processes; a progress bar appears when stderr is a terminal.
"""
from __future__ import annotations

import functools
import os
import sys
from contextlib import contextmanager

from .errors import InvalidQuery
from .tagging.conventions import convention_names, get_convention
from .tagging.formats import FORMATS, writer
from .tagging.stream import ordered_map, read_blocks


def _tag_block(tagger, item):
    offset, block = item
    return (offset, block), tagger.tag_block(block, offset)


def _normalize_block(tagger, convention, item):
    _, block = item
    return tagger.normalize_block(block, convention)


@contextmanager
def _progress(paths):
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    from tqdm import tqdm

    total = sum(os.path.getsize(p) for p in paths if p != "-" and os.path.isfile(p)) or None
    bar = tqdm(total=total, unit="B", unit_scale=True, file=sys.stderr, leave=False)
    try:
        yield bar.update
    finally:
        bar.close()


def _open(path: str):
    return sys.stdin.buffer if path == "-" else open(path, "rb")


def _documents(paths):
    """``(name, blocks)`` per input; stdin is ``-``."""
    for path in paths:
        raw = _open(path)
        try:
            yield path, read_blocks(raw, "<stdin>" if path == "-" else path)
        finally:
            if raw is not sys.stdin.buffer:
                raw.close()


def _jobs(n: int) -> int:
    if not 1 <= n <= 256:
        raise InvalidQuery("--jobs must be from 1 to 256")
    return n


def cmd_tag(args) -> int:
    from .cli import _gz

    out = writer(args.format)
    jobs = _jobs(args.jobs)
    tagger = _gz(args).tagger()
    fn = functools.partial(_tag_block, tagger)
    write = sys.stdout.write
    write(out.start())
    with _progress(args.files) as advance:
        for doc, blocks in _documents(args.files):
            def tagged(blocks=blocks):
                for (offset, block), mentions in ordered_map(fn, blocks, jobs):
                    advance(len(block.encode("utf-8")))
                    yield (offset, block), mentions
            for chunk in out.document(doc, tagged()):
                write(chunk)
    write(out.end())
    sys.stdout.flush()
    return 0


def cmd_normalize(args) -> int:
    from .cli import _gz

    get_convention(args.convention)  # unknown convention: fail before reading anything
    jobs = _jobs(args.jobs)
    tagger = _gz(args).tagger()
    fn = functools.partial(_normalize_block, tagger, args.convention)
    with _progress(args.files) as advance:
        for _, blocks in _documents(args.files):
            for text in ordered_map(fn, blocks, jobs):
                advance(len(text.encode("utf-8")))
                sys.stdout.write(text)
    sys.stdout.flush()
    return 0


def register(add) -> None:
    sp = add("tag", cmd_tag, "Tag every place mention in text files (any script, inflected forms).")
    sp.add_argument("files", nargs="*", default=["-"], metavar="FILE", help="UTF-8 text files; '-' or none reads stdin")
    sp.add_argument("--format", choices=FORMATS, default="jsonl",
                    help="jsonl (default: one mention per line), json, csv, html (<span data-place>), tei (<placeName>)")
    sp.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")

    sp = add("normalize", cmd_normalize, "Rewrite every place mention in a naming convention.")
    sp.add_argument("files", nargs="*", default=["-"], metavar="FILE", help="UTF-8 text files; '-' or none reads stdin")
    sp.add_argument("--convention", required=True, metavar="C",
                    help="one of: " + ", ".join(convention_names()))
    sp.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
