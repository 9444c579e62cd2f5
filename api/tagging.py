"""``POST /v1/tag`` and ``POST /v1/normalize``: JSON in, JSON out, thin over the library.

Body: ``{"text": "...", "convention": "en-dual"}`` (normalize) or ``{"text": "...",
"min_confidence": 0.5}`` (tag). Bodies beyond the app's MAX_CONTENT_LENGTH get 413 (checked
before routing); bad JSON, bad UTF-8 and bad fields get a 400 naming the field.
"""
from __future__ import annotations

import json

from flask import Blueprint, current_app, jsonify, request

from gazetteer.tagging.conventions import get_convention

from .errors import BadParameter, require_unicode

bp = Blueprint("tagging", __name__, url_prefix="/v1")


def _body(allowed: set[str], required: set[str]) -> dict:
    if not request.mimetype == "application/json":
        raise BadParameter("body", "the body must be JSON (Content-Type: application/json)")
    raw = request.get_data(cache=False)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BadParameter("body", f"the body is not valid UTF-8 (byte {exc.start})") from None
    try:
        body = json.loads(text)
    except ValueError as exc:
        raise BadParameter("body", f"the body is not valid JSON: {exc}") from None
    except RecursionError:
        raise BadParameter("body", "the body nests JSON too deeply") from None
    if not isinstance(body, dict):
        raise BadParameter("body", "the body must be a JSON object")
    require_unicode(body, "body")
    for key in body:
        if key not in allowed:
            raise BadParameter(key, f"unknown field {key!r}; allowed: {', '.join(sorted(allowed))}")
    for key in required:
        if key not in body:
            raise BadParameter(key, f"field {key!r} is required")
    if not isinstance(body["text"], str):
        raise BadParameter("text", "field 'text' must be a string")
    if any(0xD800 <= ord(c) <= 0xDFFF for c in body["text"]):
        raise BadParameter("text", "field 'text' holds unpaired surrogates (not valid Unicode)")
    return body


def _gz():
    return current_app.extensions["gazetteer"]


@bp.post("/tag")
def tag():
    body = _body({"text", "min_confidence", "doc"}, {"text"})
    min_conf = body.get("min_confidence", 0.0)
    if isinstance(min_conf, bool) or not isinstance(min_conf, (int, float)) or not 0 <= min_conf <= 1:
        raise BadParameter("min_confidence", "field 'min_confidence' must be a number from 0 to 1")
    doc = body.get("doc")
    if doc is not None and not isinstance(doc, str):
        raise BadParameter("doc", "field 'doc' must be a string")
    mentions = _gz().tag(body["text"], min_confidence=float(min_conf))
    return jsonify({"doc": doc, "mentions": [m.to_dict(doc) for m in mentions]})


@bp.post("/normalize")
def normalize():
    body = _body({"text", "convention"}, {"text", "convention"})
    conv = body["convention"]
    if not isinstance(conv, str):
        raise BadParameter("convention", "field 'convention' must be a string")
    try:
        get_convention(conv)
    except Exception as exc:  # UnknownScheme: say which field, and list the valid ones
        raise BadParameter("convention", str(exc)) from None
    return jsonify({"convention": conv, "text": _gz().normalize(body["text"], conv)})

