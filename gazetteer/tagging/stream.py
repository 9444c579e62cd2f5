"""Streaming over large inputs: paragraph blocks read lazily, offsets kept document-relative,
optionally tagged by several worker processes (the tagger is pickled to each worker once).

Memory stays bounded by ``BLOCK_CHARS`` × (jobs × 2 + 1) whatever the input size.
"""
from __future__ import annotations

import io
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import BinaryIO, Callable, Iterable, Iterator

from ..errors import InvalidQuery

BLOCK_CHARS = 1 << 20  # about 1 M characters per block: cut at a blank line, else at a line end
MAX_LINE_CHARS = 1 << 22  # a "line" longer than this is cut at a space


def read_blocks(raw: BinaryIO, name: str, size: int = BLOCK_CHARS) -> Iterator[tuple[int, str]]:
    """``(offset, block)`` of a UTF-8 byte stream; offsets in code points, newlines untouched."""
    text = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", newline="")
    pending: list[str] = []
    pending_len = 0
    offset = 0
    try:
        for line in _lines(text):
            pending.append(line)
            pending_len += len(line)
            blank = line in ("\n", "\r\n")
            if pending_len >= size and (blank or pending_len >= 2 * size):
                block = "".join(pending)
                yield offset, block
                offset += len(block)
                pending, pending_len = [], 0
        if pending:
            yield offset, "".join(pending)
    except UnicodeDecodeError as exc:
        raise InvalidQuery(f"{name}: not valid UTF-8 (byte {exc.start} of a chunk: {exc.reason})") from None
    finally:
        text.detach()


def _lines(text: io.TextIOWrapper) -> Iterator[str]:
    while True:
        line = text.readline(MAX_LINE_CHARS)
        if not line:
            return
        yield line


# -- worker processes -------------------------------------------------------------------------
_worker_fn: Callable | None = None


def _init_worker(fn: Callable) -> None:
    global _worker_fn  # one per worker process, set once by the pool initializer
    _worker_fn = fn


def _run(item):
    return _worker_fn(item)


def ordered_map(fn: Callable, items: Iterable, jobs: int = 1) -> Iterator:
    """``map(fn, items)`` in order; with ``jobs`` > 1 in worker processes, at most
    ``2 × jobs`` items in flight (bounded memory on endless input)."""
    if jobs <= 1:
        for item in items:
            yield fn(item)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(fn,)) as pool:
        window: deque = deque()
        for item in items:
            window.append(pool.submit(_run, item))
            if len(window) >= 2 * jobs:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()
