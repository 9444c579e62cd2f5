"""The optional C part of the tagger (gazetteer/tagging/_hits.c): built when a C compiler is
there; without one the package installs all the same and runs its Python equivalent
(gazetteer/tagging/hitfilter.py). Everything else is in setup.cfg."""
from setuptools import Extension, setup

setup(ext_modules=[Extension("gazetteer.tagging._hits", ["gazetteer/tagging/_hits.c"], optional=True)])
