"""The OpenAPI 3.1 description of the API. A test checks that it names every route."""
from __future__ import annotations

from flask import Flask

ERROR = {"$ref": "#/components/responses/Error"}


def _param(name, where="query", schema=None, required=False, desc=""):
    return {"name": name, "in": where, "required": required, "description": desc,
            "schema": schema or {"type": "string"}}


def spec(app: Flask) -> dict:
    paths = {
        "/v1/resolve": {"get": {
            "summary": "Resolve a name in any script or spelling to ranked places",
            "parameters": [
                _param("q", required=True, desc="the name (≤ 200 characters)"),
                _param("lang", desc="BCP 47 tag of the preferred names: hy, az-Latn, ru, en …"),
                _param("kind", desc="only places of these kinds or categories (comma-separated)"),
                _param("at", schema={"type": "integer", "minimum": -3000, "maximum": 2100},
                       desc="prefer names in use in this year"),
                _param("limit", schema={"type": "integer", "minimum": 1, "maximum": 100, "default": 10}),
                _param("near", desc="lat,lon: prefer places close to this point")],
            "responses": {"200": {"description": "ranked results",
                                  "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ResolveResponse"}}}},
                          "400": ERROR}}},
        "/v1/suggest": {"get": {
            "summary": "Autocomplete: places whose names, transliterations or sound begin with the prefix",
            "parameters": [_param("q", required=True, desc="the typed prefix, any script"),
                           _param("lang", desc="show names in this language"),
                           _param("kind", desc="only these kinds or categories"),
                           _param("limit", schema={"type": "integer", "minimum": 1, "maximum": 50, "default": 10})],
            "responses": {"200": {"description": "suggestions, complete names first"}, "400": ERROR}}},
        "/v1/transliterate": {"get": {
            "summary": "A text through one transliteration scheme, or through every scheme for its language",
            "parameters": [_param("text", required=True, desc="≤ 1000 characters"),
                           _param("from", desc="BCP 47 tag of the text (detected from its letters when absent)"),
                           _param("scheme", desc="a scheme name (an unknown one is a 400 listing the valid ones)")],
            "responses": {"200": {"description": "{text, from, results: [{scheme, text}]}"}, "400": ERROR}}},
        "/v1/places/{place_id}": {"get": {
            "summary": "A place with every name (language, type, years, users, source) and its parents per authority",
            "parameters": [_param("place_id", "path", required=True)],
            "responses": {"200": {"description": "the place", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Place"}}}},
                          "404": ERROR}}},
        "/v1/places": {"get": {
            "summary": "List places, filtered and paginated",
            "parameters": [
                _param("kind", desc="a kind or a category (locality, admin, …)"),
                _param("parent", desc="id of a parent place (any authority, any period)"),
                _param("bbox", desc="south,west,north,east"),
                _param("country", desc="ISO 3166-1 alpha-2"),
                _param("offset", schema={"type": "integer", "minimum": 0, "default": 0}),
                _param("limit", schema={"type": "integer", "minimum": 1, "maximum": 500, "default": 100})],
            "responses": {"200": {"description": "one page of places"}, "400": ERROR, "404": ERROR}}},
        "/v1/health": {"get": {"summary": "Liveness and the data version served",
                               "responses": {"200": {"description": "ok"}, "503": ERROR}}},
        "/v1/openapi.json": {"get": {"summary": "This document", "responses": {"200": {"description": "OpenAPI 3.1"}}}},
        "/v1/export": {"get": {
            "summary": "Stream an export: our CSV data files, GeoJSON, Linked Places (JSON-LD) or LP-TSV",
            "parameters": [
                _param("format", required=True, schema={"enum": ["csv", "geojson", "lpf", "lp-tsv"]}),
                _param("region", desc="only this place and everything under it (any authority, any period)"),
                _param("kind", desc="only places of this kind or category"),
                _param("table", schema={"enum": ["places", "toponyms", "memberships"], "default": "places"},
                       desc="which data file, for format=csv")],
            "responses": {"200": {"description": "the export, streamed"}, "400": ERROR, "404": ERROR}}},
        "/v1/nearby": {"get": {
            "summary": "Places nearest to a point, with great-circle distances in km",
            "parameters": [
                _param("lat", required=True, schema={"type": "number", "minimum": -90, "maximum": 90}),
                _param("lon", required=True, schema={"type": "number", "minimum": -180, "maximum": 180}),
                _param("radius", schema={"type": "number", "minimum": 0, "maximum": 1000, "default": 10},
                       desc="km"),
                _param("kind", desc="only places of this kind or category"),
                _param("limit", schema={"type": "integer", "minimum": 1, "maximum": 100, "default": 10})],
            "responses": {"200": {"description": "places, nearest first"}, "400": ERROR}}},
        "/reconcile": {"get": {
            "summary": "W3C Reconciliation API 0.2: the manifest; with queries= a batch; with extend= data "
                       "extension (POST a form with the same fields too)",
            "parameters": [_param("queries"), _param("extend"), _param("callback", desc="JSONP")],
            "responses": {"200": {"description": "manifest, result batch or extension rows"}, "400": ERROR,
                          "413": ERROR}}},        "/v1/tag": {"post": {
            "summary": "Tag every place mention in a text (any script, inflected forms) with exact offsets",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["text"], "additionalProperties": False,
                "properties": {"text": {"type": "string"}, "doc": {"type": "string"},
                               "min_confidence": {"type": "number", "minimum": 0, "maximum": 1}}}}}},
            "responses": {"200": {"description": "mentions: start/end (code points of text), text, id, candidates "
                                                 "(best first), matched name, stem, suffix, case, confidence"},
                          "400": ERROR, "413": ERROR}}},
        "/v1/normalize": {"post": {
            "summary": "Rewrite every place mention in a naming convention",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["text", "convention"], "additionalProperties": False,
                "properties": {"text": {"type": "string"}, "convention": {
                    "type": "string",
                    "description": "az, hy, ru, en, en-az, en-hy, en-dual, id, as-of:YEAR[:AUTHORITY[:LANG]]"}}}}}},
            "responses": {"200": {"description": "the rewritten text"}, "400": ERROR, "413": ERROR}}},
    }
    extra = app.config.get("OPENAPI_EXTRA_PATHS") or {}
    paths.update(extra)
    return {
        "openapi": "3.1.0",
        "info": {"title": "Caucasus toponym gazetteer", "version": "1",
                 "description": "Every name of every place, with who uses it, when, and on what source."},
        "paths": paths,
        "components": {
            "schemas": {
                "Error": {"type": "object", "required": ["error"], "properties": {"error": {
                    "type": "object", "required": ["status", "code", "message"],
                    "properties": {"status": {"type": "integer"}, "code": {"type": "string"},
                                   "message": {"type": "string"}, "parameter": {"type": ["string", "null"]}}}}},
                "Name": {"type": "object", "properties": {
                    "text": {"type": "string"}, "lang": {"type": "string"}, "type": {"type": "string"},
                    "used_by": {"type": "array", "items": {"type": "string"}},
                    "from": {"type": ["integer", "null"]}, "to": {"type": ["integer", "null"]},
                    "source": {"type": "string"}}},
                "Place": {"type": "object", "properties": {
                    "id": {"type": "string"}, "kind": {"type": "string"}, "name": {"type": "string"},
                    "lat": {"type": ["number", "null"]}, "lon": {"type": ["number", "null"]},
                    "names": {"type": "array", "items": {"$ref": "#/components/schemas/Name"}},
                    "parents": {"type": "array", "items": {"type": "object"}}}},
                "ResolveResponse": {"type": "object", "properties": {
                    "query": {"type": "string"},
                    "results": {"type": "array", "items": {"type": "object", "properties": {
                        "id": {"type": "string"}, "name": {"type": "string"}, "kind": {"type": "string"},
                        "score": {"type": "number"}, "matched": {"type": "object"}, "why": {"type": "string"},
                        "lat": {"type": ["number", "null"]}, "lon": {"type": ["number", "null"]}}}}}},
            },
            "responses": {"Error": {"description": "the error envelope", "content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}},
        },
    }
