"""One JSON error envelope for every failure:

``{"error": {"status": 400, "code": "bad_parameter", "message": "...", "parameter": "limit"}}``
"""
from __future__ import annotations

import io
import json
import logging

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

from gazetteer import DatabaseError, InvalidQuery, PlaceNotFound

log = logging.getLogger("gazetteer.api")

CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed", 413: "too_large",
         414: "uri_too_long", 415: "unsupported_media_type", 429: "too_many_requests",
         500: "internal_error", 503: "unavailable"}


class BadParameter(InvalidQuery):
    """A query parameter is missing, repeated, malformed or out of bounds."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter


def _utf8(text: str | None) -> str | None:
    """Text that can be written as UTF-8: lone surrogates (from JSON \\ud800 escapes) become escapes."""
    return None if text is None else text.encode("utf-8", "backslashreplace").decode("utf-8")


def require_unicode(value, parameter: str) -> None:
    """400 when parsed JSON holds unpaired surrogates: they are not text and cannot be answered in UTF-8."""
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise BadParameter(parameter, f"{parameter!r} holds unpaired surrogates (not valid Unicode)") from None


def envelope(status: int, message: str, code: str | None = None, parameter: str | None = None):
    body = {"error": {"status": status, "code": code or CODES.get(status, "error"), "message": _utf8(message),
                      "parameter": _utf8(parameter)}}
    resp = jsonify(body)
    resp.status_code = status
    return resp


def register_error_handlers(app: Flask) -> None:
    @app.before_request
    def _utf8_query_string():
        # Servers hand raw query bytes through; Werkzeug would fail on invalid UTF-8 inside request.args.
        try:
            request.query_string.decode("utf-8")
        except UnicodeDecodeError as exc:
            return envelope(400, f"the query string is not valid UTF-8 (byte {exc.start})", "bad_parameter")

    @app.before_request
    def _bounded_streamed_body():
        # A chunked body has no Content-Length, and Werkzeug silently cuts such a stream at
        # MAX_CONTENT_LENGTH: read one byte more than the limit ourselves, refuse, or hand it on.
        env, limit = request.environ, app.config.get("MAX_CONTENT_LENGTH")
        if limit is None or env.get("CONTENT_LENGTH") not in (None, "") or not env.get("wsgi.input_terminated"):
            return None
        data, stream = bytearray(), env["wsgi.input"]
        while len(data) <= limit:
            chunk = stream.read(min(65536, limit + 1 - len(data)))
            if not chunk:
                break
            data += chunk
        if len(data) > limit:
            return envelope(413, "request body too large", "too_large")
        env["wsgi.input"], env["CONTENT_LENGTH"] = io.BytesIO(bytes(data)), str(len(data))
        return None

    @app.errorhandler(BadParameter)
    def _bad_param(exc: BadParameter):
        return envelope(400, str(exc), "bad_parameter", exc.parameter)

    @app.errorhandler(InvalidQuery)
    def _invalid(exc: InvalidQuery):
        return envelope(400, str(exc), "bad_parameter")

    @app.errorhandler(PlaceNotFound)
    def _not_found(exc: PlaceNotFound):
        return envelope(404, str(exc), "not_found")

    @app.errorhandler(DatabaseError)
    def _db(exc: DatabaseError):
        log.error("database error: %s", exc)
        return envelope(503, "the database is not available", "unavailable")

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):
        messages = {404: "no such route; see /v1/openapi.json", 405: f"method not allowed; allowed: "
                    f"{', '.join(sorted(getattr(exc, 'valid_methods', None) or []))}",
                    413: "request body too large"}
        resp = envelope(exc.code or 500, messages.get(exc.code, exc.description or exc.name))
        if exc.code == 405 and getattr(exc, "valid_methods", None):
            resp.headers["Allow"] = ", ".join(exc.valid_methods)
        return resp

    @app.errorhandler(Exception)
    def _internal(exc: Exception):
        log.exception("unhandled error")  # the traceback goes to the log, never to the client
        return envelope(500, "internal error", "internal_error")
