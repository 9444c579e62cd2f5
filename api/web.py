"""The web pages for people: search, a page per place, text tagging. Server-rendered HTML that
works without JavaScript; ``static/web.js`` adds live suggestions and in-page tagging.

Routes parse the request, call ``Gazetteer`` (through ``webview``/``webmap``) and render a
template; Jinja escapes every value, whether it came from the data or from the reader.
"""
from __future__ import annotations

from flask import Blueprint, Response, current_app, render_template, request, url_for

from gazetteer import Gazetteer, InvalidQuery, PlaceNotFound
from gazetteer.errors import UnknownScheme
from gazetteer.tagging.conventions import get_convention
from gazetteer.tagging.formats import FORMATS, writer

from . import webmap, webview

bp = Blueprint("web", __name__)

MAX_QUERY = 200
SEARCH_LIMIT = 20
CONVENTION_COOKIE = "convention"
DOWNLOADS = {"jsonl": ("application/x-ndjson", "jsonl"), "json": ("application/json", "json"),
             "csv": ("text/csv", "csv"), "html": ("text/html", "html"), "tei": ("application/tei+xml", "xml"),
             "text": ("text/plain", "txt")}


def gz() -> Gazetteer:
    return current_app.extensions["gazetteer"]


def chosen_convention() -> str:
    """The reader's display convention: the query string, else their cookie, else the default."""
    return webview.pick_convention(request.args.get("convention") or request.cookies.get(CONVENTION_COOKIE))


def render(template: str, status: int = 200, **context) -> Response:
    convention = chosen_convention()
    resp = Response(render_template(template, convention=convention, conventions=webview.display_conventions(),
                                    suggest_url=_suggest_url(), **context), status, mimetype="text/html")
    if request.args.get("convention") == convention:
        resp.set_cookie(CONVENTION_COOKIE, convention, max_age=365 * 86400, samesite="Lax", httponly=True)
    return resp


def _suggest_url() -> str:
    """``/v1/suggest`` when the app has it, else the reconciliation suggest service."""
    rules = {r.rule for r in current_app.url_map.iter_rules()}
    return "/v1/suggest" if "/v1/suggest" in rules else "/reconcile/suggest/entity"


@bp.app_template_filter("years")
def _years(obj) -> str:
    return webview.years(obj.from_year, obj.to_year)


@bp.app_template_filter("authority")
def _authority(authority_id: str) -> str:
    return gz().authority_label(authority_id)


@bp.app_template_filter("sources")
def _sources(source: str) -> list:
    return webview.sources(source)


@bp.app_template_filter("ambiguity")
def _ambiguity(mention) -> str:
    return webview.ambiguity(mention)


@bp.app_template_filter("reason")
def _reason(why: str) -> str:
    return webview.match_reason(why)


@bp.app_template_filter("script_lang")
def _script_lang(text: str) -> str:
    return webview.script_lang(text)


@bp.get("/")
def index():
    return render("index.html")


@bp.get("/search")
def search():
    q = (request.args.get("q") or "").strip()[:MAX_QUERY]
    at = _year(request.args.get("at"))
    results = gz().resolve(q, at=at, limit=SEARCH_LIMIT) if q else []
    g, convention = gz(), chosen_convention()
    rows = [(r, webview.side_by_side(g, r.place.id), webview.parents_by_authority(g, r.place.id, convention))
            for r in results]
    return render("search.html", q=q, at=at, rows=rows)


@bp.get("/place/<place_id>")
def place(place_id: str):
    g = gz()
    p = g.place(place_id)
    by = "community" if request.args.get("by") == "community" else "language"
    main, other = webview.name_columns(g, place_id, by)
    heading = webview.side_by_side(g, place_id)
    convention = chosen_convention()
    category = webview.vocab(g).kind_category(p.kind)
    url = url_for("web.place", place_id=place_id, _external=True)
    return render("place.html", place=p, by=by, main_columns=main, other_columns=other, heading=heading,
                  parents=webview.parents_by_authority(g, place_id, convention),
                  map=webmap.local_map(g, p, category, _labeller()), links=webview.external_links(p),
                  citation=webview.citation(g, p, heading, url), kind_label=_kind_label(p.kind),
                  source_refs=webview.sources(p.source))


@bp.get("/map/region.svg")
def region_svg():
    resp = Response(render_template("region.svg", map=webmap.region_map(gz())), mimetype="image/svg+xml")
    resp.headers["Cache-Control"] = "public, max-age=3600"
    return resp


@bp.route("/tag", methods=["GET", "POST"])
def tag():
    form = _tag_form()
    result = _tag_result(form) if request.method == "POST" else None
    if request.headers.get("X-Fragment") == "result":  # web.js swaps just the result in
        return Response(render_template("_tag_result.html", form=form, result=result), mimetype="text/html")
    return render("tag.html", status=400 if form["error"] else 200, form=form, result=result,
                  formats=FORMATS + ("text",))


@bp.post("/tag/download")
def tag_download():
    form = _tag_form()
    fmt = request.form.get("format", "jsonl")
    if fmt not in DOWNLOADS or form["error"]:
        raise InvalidQuery(form["error"] or f"unknown format {fmt!r}; valid: {', '.join(DOWNLOADS)}")
    mimetype, ext = DOWNLOADS[fmt]
    if fmt == "text":
        body = gz().normalize(form["text"], form["convention"])
    else:
        out = writer(fmt)
        mentions = gz().tag(form["text"])
        body = out.start() + "".join(out.document("pasted-text", [((0, form["text"]), mentions)])) + out.end()
    resp = Response(body, mimetype=mimetype)
    resp.headers["Content-Disposition"] = f'attachment; filename="tagged-{form["convention"].replace(":", "-")}.{ext}"'
    return resp


# -- helpers ----------------------------------------------------------------------------------
def _labeller():
    g, convention = gz(), chosen_convention()
    return lambda place_id: webview.label(g, place_id, convention)


def _kind_label(kind: str) -> str:
    from .reconcile import reconciler

    return reconciler().kind_labels().get(kind, kind)


def _year(raw: str | None) -> int | None:
    if not raw or not raw.strip():
        return None
    try:
        year = int(raw.strip())
    except ValueError:
        raise InvalidQuery("the year must be a whole number, e.g. 1970") from None
    if not -3000 <= year <= 2100:
        raise InvalidQuery("the year must be from -3000 to 2100")
    return year


def _tag_form() -> dict:
    """The tagging form's fields, with the convention built from its parts (``as-of`` takes a
    year and an optional authority) and an error message instead of an exception."""
    f = request.form
    convention = f.get("convention", webview.DEFAULT_CONVENTION)
    year, authority = (f.get("year") or "").strip(), (f.get("authority") or "").strip()
    error = None
    if convention == "as-of":
        convention = f"as-of:{year}" + (f":{authority}" if authority else "")
    try:
        get_convention(convention)
    except UnknownScheme:
        error = ("choose a year for the ‘as of a year’ convention" if convention.startswith("as-of")
                 else f"unknown convention {convention!r}")
    return {"text": f.get("text", ""), "convention": convention, "choice": f.get("convention", "en"),
            "year": year, "authority": authority, "error": error,
            "conventions": _tag_conventions(), "authorities": _authorities()}


def _tag_conventions() -> dict[str, str]:
    """Conventions the tagging page offers: those that name places, the id markup and ``as-of``."""
    out = dict(webview.display_conventions())
    out["id"] = get_convention("id").label
    out["as-of"] = "The name in use in a given year (choose the year, and optionally whose usage)"
    return out


def _authorities() -> dict[str, str]:
    return dict(sorted(webview.vocab(gz()).authorities.items(), key=lambda kv: kv[1]))


def _tag_result(form: dict) -> dict | None:
    if form["error"] or not form["text"].strip():
        return None
    g = gz()
    mentions = g.tag(form["text"])
    naming = webview.pick_convention(form["convention"])  # id markup and as-of:… name no place alone

    def labeller(place_id: str) -> webview.Label:
        return webview.label(g, place_id, naming)

    return {"segments": list(webview.segments(form["text"], mentions)), "count": len(mentions),
            "ambiguous": sum(1 for m in mentions if webview.ambiguity(m) == "ambiguous"),
            "normalized": g.normalize(form["text"], form["convention"]), "label": labeller}


@bp.errorhandler(PlaceNotFound)
def _no_place(exc: PlaceNotFound):
    return render("error.html", status=404, title="No such place", message=str(exc))


@bp.errorhandler(InvalidQuery)
def _bad_request(exc: InvalidQuery):
    return render("error.html", status=400, title="Cannot do that", message=str(exc))
