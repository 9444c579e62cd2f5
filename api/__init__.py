"""The HTTP API: a thin Flask app over the ``gazetteer`` library.

``create_app(test_config=None)`` builds an app with one shared, lazily loaded ``Gazetteer``.
Config: ``GAZETTEER_DB`` (SQLAlchemy URL), ``GAZETTEER_DATA_DIR``, ``MAX_CONTENT_LENGTH``.
"""
from __future__ import annotations

import os

from flask import Flask, abort, request

from gazetteer import Gazetteer

from .errors import register_error_handlers
from .jsonprovider import OrjsonProvider
from .v1 import bp as v1
from . import export, reconcile, spatial, tagging, web  # embedding: /reconcile, /v1/export, /v1/nearby, /v1/tag; web pages


class _App(Flask):
    json_provider_class = OrjsonProvider  # every API answer is JSON: encode it fast


def create_app(test_config: dict | None = None) -> Flask:
    app = _App(__name__)
    app.config.update(
        GAZETTEER_DB=os.environ.get("GAZETTEER_DB"),
        GAZETTEER_DATA_DIR=os.environ.get("GAZETTEER_DATA_DIR"),
        MAX_CONTENT_LENGTH=1 * 1024 * 1024,  # request bodies beyond 1 MiB get 413
        JSON_SORT_KEYS=False,
    )
    if test_config:
        app.config.update({k: v for k, v in test_config.items() if v is not None})
    app.json.ensure_ascii = False
    app.json.sort_keys = False
    db = app.config["GAZETTEER_DB"]
    if db and "://" not in db:
        db = f"sqlite:///{os.path.abspath(db)}"
    app.extensions["gazetteer"] = Gazetteer(db, data_dir=app.config["GAZETTEER_DATA_DIR"])
    register_error_handlers(app)
    app.register_blueprint(v1)
    for embedding in (reconcile.bp, export.bp, spatial.bp, tagging.bp):
        app.register_blueprint(embedding)
    app.register_blueprint(web.bp)  # the pages for people: /, /search, /place/<id>, /tag

    @app.before_request
    def _limit_body():
        # Refuse oversized bodies before routing, whatever the method or route.
        limit = app.config["MAX_CONTENT_LENGTH"]
        if request.content_length is not None and request.content_length > limit:
            abort(413)

    @app.after_request
    def _headers(resp):
        resp.headers.setdefault("Access-Control-Allow-Origin", "*")
        resp.headers.setdefault("X-Content-Type-Options", "nosniff")
        resp.headers.setdefault("Referrer-Policy", "no-referrer")
        if resp.mimetype == "text/html":
            resp.headers.setdefault("Content-Security-Policy", "default-src 'self'; img-src 'self' data:")
            resp.headers.setdefault("X-Frame-Options", "DENY")
        return resp

    return app
