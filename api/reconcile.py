"""``/reconcile``: the W3C Reconciliation Service API 0.2 for OpenRefine and other clients.

Routes parse parameters, call one ``gazetteer.reconcile.Reconciler`` method and write JSON (or
JSONP when a GET carries ``callback``). The spec leaves error bodies open, so errors use the app's
envelope; a batch over ``batchSize`` gets 413 as the spec suggests.
"""
from __future__ import annotations

import html
import json
import re

from flask import Blueprint, Response, current_app, jsonify, request

from gazetteer.export import title_of
from gazetteer.reconcile import MAX_BATCH, PROPERTY_SETTINGS, BatchTooLarge, Reconciler

from .errors import BadParameter, envelope, require_unicode

bp = Blueprint("reconcile", __name__, url_prefix="/reconcile")

# A dotted JavaScript identifier: anything else could inject script into the JSONP response.
CALLBACK_RE = re.compile(r"^[A-Za-z_$][\w$]{0,63}(\.[A-Za-z_$][\w$]{0,63}){0,4}$")
ALWAYS_ALLOWED = {"callback", "_"}  # jQuery's JSONP adds "_" to defeat caches
PREVIEW_SIZE = (420, 260)


def reconciler() -> Reconciler:
    ext = current_app.extensions
    if "reconciler" not in ext:
        ext["reconciler"] = Reconciler(ext["gazetteer"])
    return ext["reconciler"]


def _params(allowed: set[str]):
    """Query string (GET) or form (POST) values; unknown or repeated parameters are 400s."""
    args = request.form if request.method == "POST" else request.args
    for key in args:
        if key not in allowed | ALWAYS_ALLOWED:
            raise BadParameter(key, f"unknown parameter {key!r}; allowed: {', '.join(sorted(allowed))}")
        if len(args.getlist(key)) > 1:
            raise BadParameter(key, f"parameter {key!r} given more than once")
    if request.method == "POST":
        for key in request.args:  # POST reads the form; only callback/_ may ride on the URL
            if key not in ALWAYS_ALLOWED:
                raise BadParameter(key, f"send {key!r} in the form body of a POST")
    return args


def _json_param(args, name: str):
    raw = args.get(name)
    try:
        value = json.loads(raw)
    except (TypeError, ValueError, RecursionError):
        raise BadParameter(name, f"parameter {name!r} must be JSON") from None
    require_unicode(value, name)
    return value


def _int_param(args, name: str, default: int, lo: int, hi: int) -> int:
    raw = args.get(name)
    if raw in (None, ""):
        return default
    try:
        n = int(raw)
    except ValueError:
        raise BadParameter(name, f"parameter {name!r} must be an integer") from None
    if not lo <= n <= hi:
        raise BadParameter(name, f"parameter {name!r} must be from {lo} to {hi}")
    return n


def respond(body: dict) -> Response:
    """JSON, or JSONP for a GET with a valid ``callback``."""
    cb = request.args.get("callback")
    if cb is None or request.method != "GET":
        return jsonify(body)
    if not CALLBACK_RE.match(cb):
        raise BadParameter("callback", "callback must be a JavaScript identifier such as jQuery123_456")
    text = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
    # "/**/" stops a response from being read as a Flash file; the U+2028/9 escapes keep old JS parsers happy
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Response(f"/**/{cb}({text});", mimetype="application/javascript")


def base_url() -> str:
    """The public address of the service: config ``GAZETTEER_PUBLIC_URL`` or the request's host."""
    return (current_app.config.get("GAZETTEER_PUBLIC_URL") or request.url_root).rstrip("/")


def manifest() -> dict:
    root = base_url()
    rec = reconciler()
    service = {"service_url": root + "/reconcile"}
    return {
        "versions": ["0.2"],
        "name": "Caucasus toponym gazetteer",
        "identifierSpace": root + "/v1/places/",
        "schemaSpace": "http://schema.org/Place",
        "documentation": root + "/v1/openapi.json",
        "serviceVersion": _version(),
        "batchSize": MAX_BATCH,
        "defaultTypes": rec.types(),
        "view": {"url": root + "/v1/places/{{id}}"},
        "preview": {"url": root + "/reconcile/preview?id={{id}}", "width": PREVIEW_SIZE[0],
                    "height": PREVIEW_SIZE[1]},
        "suggest": {"entity": dict(service, service_path="/suggest/entity"),
                    "type": dict(service, service_path="/suggest/type"),
                    "property": dict(service, service_path="/suggest/property")},
        "extend": {"propose_properties": dict(service, service_path="/properties"),
                   "property_settings": PROPERTY_SETTINGS},
    }


def _version() -> str:
    from gazetteer import __version__

    return __version__


@bp.route("", methods=["GET", "POST"])
def endpoint():
    args = _params({"queries", "extend"})
    if "queries" in args and "extend" in args:
        raise BadParameter("extend", "send either queries or extend, not both")
    if "queries" in args:
        return respond(reconciler().reconcile_batch(_json_param(args, "queries")))
    if "extend" in args:
        return respond(reconciler().extend(_json_param(args, "extend")))
    if request.method == "POST":
        raise BadParameter("queries", "a POST needs a 'queries' or 'extend' form field")
    return respond(manifest())


@bp.get("/suggest/<any(entity, type, property):what>")
def suggest(what: str):
    args = _params({"prefix", "cursor", "limit"})
    prefix = args.get("prefix", "")
    if len(prefix) > 200:
        raise BadParameter("prefix", "parameter 'prefix' is longer than 200 characters")
    cursor = _int_param(args, "cursor", 0, 0, 10_000)
    limit = _int_param(args, "limit", 10, 1, 100)
    rec = reconciler()
    fn = {"entity": rec.suggest_entities, "type": rec.suggest_types, "property": rec.suggest_properties}[what]
    return respond(fn(prefix, cursor, limit))


@bp.get("/properties")
def properties():
    args = _params({"type", "limit"})
    return respond(reconciler().propose_properties(args.get("type", ""), _int_param(args, "limit", 0, 0, 1000) or None))


@bp.get("/preview")
def preview():
    args = _params({"id"})
    pid = args.get("id")
    if not pid:
        raise BadParameter("id", "parameter 'id' is required")
    resp = Response(preview_html(pid), mimetype="text/html")
    # OpenRefine shows the card in an iframe: allow framing and inline style, nothing else.
    resp.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *"
    return resp


def preview_html(place_id: str) -> str:
    """A small HTML card: names by language with users and years, kind, parents, coordinates."""
    rec = reconciler()
    gz = rec.gz
    d = gz.describe(place_id)  # PlaceNotFound -> 404
    e = html.escape
    rows = []
    for n in d["names"]:
        years = f"{n['from'] or ''}–{n['to'] or ''}" if n["from"] is not None or n["to"] is not None else ""
        users = ", ".join(gz.authority_label(a) for a in n["used_by"])
        rows.append(f"<tr><td>{e(n['lang'])}</td><td lang=\"{e(n['lang'])}\"><b>{e(n['text'])}</b></td>"
                    f"<td>{e(n['type'])}</td><td>{e(users)}</td><td>{e(years)}</td></tr>")
    labels = rec.kind_labels()
    parents = "".join(
        f"<li>{e(labels.get(gz.place(m['id']).kind, ''))} {e(title_of(gz, m['id']))} — "
        f"{e(gz.authority_label(m['authority']))}"
        f"{e(' ' + str(m['from'] or '') + '–' + str(m['to'] or '')) if m['from'] or m['to'] else ''}</li>"
        for m in d["parents"])
    where = f"{d['lat']:.4f}, {d['lon']:.4f}" if d["lat"] is not None else "no coordinates"
    title = e(labels.get(d["kind"], d["kind"]))
    return (
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + e(place_id) + "</title>"
        "<style>body{font:13px/1.35 sans-serif;margin:6px}h1{font-size:16px;margin:0 0 4px}"
        "table{border-collapse:collapse}td{padding:1px 6px 1px 0;vertical-align:top}"
        "small{color:#555}ul{margin:4px 0;padding-left:16px}</style></head><body>"
        f"<h1>{e(d['name'])}</h1><small>{title} · {e(place_id)} · {e(where)}</small>"
        f"<table>{''.join(rows)}</table>"
        + (f"<ul>{parents}</ul>" if parents else "") + "</body></html>")


@bp.after_request
def _cors(resp: Response) -> Response:
    # Preflight: let browsers POST forms or JSON from any origin (the app adds the origin header).
    if request.method == "OPTIONS":
        resp.headers["Access-Control-Allow-Methods"] = "GET, POST, OPTIONS"
        resp.headers["Access-Control-Allow-Headers"] = "Content-Type"
        resp.headers["Access-Control-Max-Age"] = "86400"
    return resp


@bp.after_app_request
def _allow_framing(resp: Response) -> Response:
    # Runs after the app's security headers: the preview card alone may be framed.
    if request.endpoint == "reconcile.preview":
        resp.headers.pop("X-Frame-Options", None)
    return resp


@bp.errorhandler(BatchTooLarge)
def _too_large(exc: BatchTooLarge):
    return envelope(413, str(exc), "too_large")
