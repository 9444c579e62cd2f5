"""Importers: reference data (Who's On First, GeoNames, ISO 3166-2) + curated files -> data/*.csv.

``run_import(wof=..., geonames=..., iso=..., data_dir=...)`` regenerates ``places.csv``,
``toponyms.csv`` and ``memberships.csv`` deterministically and writes nothing unless the whole
result validates. See data/README.md for the rules.
"""
from __future__ import annotations

from .classify import classify
from .model import ImportReport
from .pipeline import run_import

__all__ = ["run_import", "ImportReport", "classify"]
