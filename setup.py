"""The optional C part of the tagger (gazetteer/tagging/_hits.c): built when a C compiler is
there; without one the package installs all the same and runs its Python equivalent
(gazetteer/tagging/hitfilter.py, textfold.py, tagger.py, context.py). Everything else is in
setup.cfg."""
import hashlib
from pathlib import Path

from setuptools import Extension, setup

SOURCE = Path(__file__).parent / "gazetteer" / "tagging" / "_hits.c"
# the source's hash, stamped into the extension: gazetteer/tagging/compiled.py refuses one built
# from an older source
STAMP = hashlib.sha256(SOURCE.read_bytes()).hexdigest()[:16]

setup(ext_modules=[Extension("gazetteer.tagging._hits", ["gazetteer/tagging/_hits.c"], optional=True,
                             define_macros=[("HITS_SOURCE", f'"{STAMP}"')])])
