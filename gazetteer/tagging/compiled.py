"""The optional C extension ``_hits`` (see ``_hits.c``), if it was built from the source beside it.

An extension built from an older ``_hits.c`` (an editable install whose rebuild failed, or was
never run, after the source changed) would run old code where the Python steps would run the
new: it is refused with a warning, and the Python steps run instead. ``pip install`` stamps the
source's hash into the extension (setup.py); where the source is not installed beside it, the
extension is trusted.
"""
from __future__ import annotations

import hashlib
import warnings
from pathlib import Path
from types import ModuleType

SOURCE = Path(__file__).with_name("_hits.c")


def source_hash(path: Path | None = None) -> str:
    return hashlib.sha256((path or SOURCE).read_bytes()).hexdigest()[:16]


def load() -> ModuleType | None:
    try:
        from . import _hits
    except ImportError:  # built without a C compiler
        return None
    if SOURCE.exists() and getattr(_hits, "SOURCE", "") != source_hash():
        warnings.warn("gazetteer/tagging/_hits was built from an older _hits.c: rebuild it "
                      "(pip install -e . or python setup.py build_ext --inplace); the Python steps run meanwhile",
                      RuntimeWarning, stacklevel=2)
        return None
    return _hits


HITS = load()
