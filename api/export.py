"""``GET /v1/export``: a streamed export (CSV data files, GeoJSON, Linked Places, LP-TSV)."""
from __future__ import annotations

from flask import Blueprint, Response, current_app, request, stream_with_context

from gazetteer.export import CSV_TABLES, MEDIA_TYPES, SUFFIX

from .v1 import Params, gz

bp = Blueprint("export", __name__, url_prefix="/v1")


@bp.get("/export")
def export():
    p = Params({"format", "region", "kind", "table"})
    fmt = p.str("format", required=True, max_len=16)
    table = p.str("table", max_len=16) or "places"
    base = (current_app.config.get("GAZETTEER_PUBLIC_URL") or request.url_root).rstrip("/") + "/v1/places/"
    # Build the generator now, so a bad parameter is a 400 before the first byte is sent.
    chunks = gz().export(fmt, region=p.str("region"), kind=p.str("kind", max_len=64), table=table, base_uri=base)
    name = CSV_TABLES[table] if fmt == "csv" else "gazetteer" + SUFFIX[fmt]
    return Response(stream_with_context(chunks), content_type=MEDIA_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
