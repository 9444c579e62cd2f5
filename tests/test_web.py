"""The server-rendered pages through Flask's test client: status, escaping, lang attributes,
nothing loaded from outside the app, and everything usable without JavaScript."""
from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from api import create_app

STATIC = Path(__file__).resolve().parents[1] / "api" / "static"
PAGES = ["/", "/search?q=Şuşa", "/search?q=Aghdam&at=1970", "/place/stepanakert", "/place/shusha-town?by=community",
         "/tag"]
EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def client(mini_data, mini_db):
    app = create_app({"GAZETTEER_DB": mini_db, "GAZETTEER_DATA_DIR": str(mini_data), "TESTING": True})
    return app.test_client()


class Elements(HTMLParser):
    """Every start tag as (tag, attrs dict, its text up to the next tag)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, dict, str]] = []
        self._open = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.items.append((tag, dict(attrs), ""))
        self._open = True

    def handle_endtag(self, tag):
        self._open = False

    def handle_data(self, data):
        if self.items and self._open:
            tag, attrs, text = self.items[-1]
            self.items[-1] = (tag, attrs, text + data)


def page(client, url: str, status: int = 200) -> str:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code)
    assert r.mimetype == "text/html"
    return r.get_data(as_text=True)


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_with_landmarks_and_security_headers(client, url):
    r = client.get(url)
    assert r.status_code == 200
    html = r.get_data(as_text=True)
    assert html.startswith("<!doctype html>") and '<html lang="en">' in html
    for landmark in ("<header", "<nav", '<main id="main"', "<footer"):
        assert landmark in html
    assert r.headers["Content-Security-Policy"] == "default-src 'self'; img-src 'self' data:"


@pytest.mark.parametrize("url", PAGES)
def test_nothing_is_loaded_from_outside_and_nothing_inline(client, url):
    """The CSP forbids inline scripts and styles; no CDN, tile server or web font is used."""
    html = page(client, url)
    for tag, attrs, text in Elements(html).items:
        for attr in ("src", "href"):
            value = attrs.get(attr)
            if value is None or (tag == "a" and attr == "href"):
                continue  # plain links (GeoNames, WOF) may leave the site; nothing is loaded from them
            assert value.startswith("/") and not value.startswith("//"), (tag, attr, value)
        assert "style" not in attrs, (tag, attrs)
        assert not any(a.startswith("on") for a in attrs), (tag, attrs)
        if tag == "script":
            assert attrs.get("src") and not text.strip()
    assert "<style" not in html


def test_static_files_reference_nothing_outside():
    for path in STATIC.iterdir():
        text = path.read_text(encoding="utf-8")
        text = text.replace('xmlns="http://www.w3.org/2000/svg"', "")  # a namespace name, not a download
        assert not re.search(r"https?://|@import|url\(\s*['\"]?(?!data:)", text), path.name


def test_every_name_on_a_place_page_carries_its_language(client, gz):
    html = page(client, "/place/stepanakert")
    names = [(attrs, text) for tag, attrs, text in Elements(html).items if "name" in attrs.get("class", "").split()]
    assert names and all(attrs.get("lang") for attrs, _ in names), [t for a, t in names if not a.get("lang")]
    for n in gz.names("stepanakert"):
        assert any(attrs["lang"] == n.lang and text == n.text for attrs, text in names), n


def test_place_heading_shows_every_main_language_side_by_side(client):
    html = page(client, "/place/stepanakert")
    h1 = html[html.index("<h1>"):html.index("</h1>")]
    for lang, text in (("hy", "Ստեփանակերտ"), ("az-Latn", "Xankəndi"), ("en", "Stepanakert")):
        assert f'lang="{lang}">{text}<' in h1
    for title in ("Armenian", "Azerbaijani", "English", "Russian"):
        assert f"<h3>{title}</h3>" in html


def test_place_page_content(client):
    html = page(client, "/place/stepanakert")
    assert "1923–1991" in html  # historical names with their years
    assert "According to USSR" in html and 'href="/place/nkao"' in html  # parents per authority
    assert 'href="/v1/places/stepanakert"' in html
    assert 'class="local-map"' in html and 'href="/place/shusha-town"' in html  # a neighbour on the map
    assert 'id="citation"' in html and "stepanakert" in html[html.index('id="citation"'):]


def test_place_page_by_community(client):
    html = page(client, "/place/stepanakert?by=community")
    for authority in ("Republic of Armenia", "Republic of Azerbaijan", "USSR", "International usage"):
        assert f"<h3>{authority}</h3>" in html


def test_display_convention_is_chosen_and_remembered(client):
    html = page(client, "/place/shusha-town?convention=hy")
    assert 'lang="hy">Շուշի</text>' in html  # the map labels the place in the chosen convention
    assert client.get_cookie("convention").value == "hy"
    html = page(client, "/place/shusha-town")
    assert 'lang="hy">Շուշի</text>' in html
    html = page(client, "/place/shusha-town?convention=nonsense")
    assert 'lang="en">Shusha</text>' in html


def test_unknown_place_is_an_html_404_with_the_id_escaped(client):
    html = page(client, "/place/" + "%3Cb%3Eatlantis", 404)
    assert "&lt;b&gt;atlantis" in html and "<b>atlantis" not in html


def test_search_without_javascript(client):
    html = page(client, "/search?q=XANKƏNDİ")
    assert 'href="/place/stepanakert"' in html
    assert 'Matched <span class="name" lang="az-Latn">Xankəndi</span>' in html
    assert "folded" in html or "exact" in html  # which stage, and why


def test_search_escapes_the_query(client):
    html = page(client, "/search?q=" + EVIL)
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html


def test_search_bad_year_is_an_html_400(client):
    assert "whole number" in page(client, "/search?q=Shusha&at=soon", 400)


def test_suggest_url_points_at_a_route(client):
    html = page(client, "/")
    url = re.search(r'data-suggest="([^"]+)"', html).group(1)
    param = "prefix" if "/reconcile/" in url else "q"
    body = client.get(f"{url}?{param}=Шуш").get_json()
    ids = [s["id"] for s in body.get("suggestions", body.get("result", []))]
    assert "shusha-town" in ids


def test_combobox_markup(client):
    html = page(client, "/")
    box = next(attrs for tag, attrs, _ in Elements(html).items if attrs.get("id") == "q")
    assert box["role"] == "combobox" and box["aria-controls"] == "q-suggestions"
    assert box["aria-expanded"] == "false" and box["aria-autocomplete"] == "list"
    assert '<label for="q">' in html and 'role="listbox"' in html


def test_region_map_is_svg_drawn_from_the_data(client):
    r = client.get("/map/region.svg")
    assert r.status_code == 200 and r.mimetype == "image/svg+xml"
    root = ET.fromstring(r.data)
    path = root.find("{http://www.w3.org/2000/svg}path")
    assert path.get("d").count("M") == 9  # one dot per place of the fixture


def test_tag_form_post_highlights_and_escapes(client):
    r = client.post("/tag", data={"text": EVIL + " в Шуше и Aghdam", "convention": "en-dual"})
    html = r.get_data(as_text=True)
    assert r.status_code == 200
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert re.search(r'<mark class="mention single"[^>]*data-place="shusha-town">Шуше<', html)
    assert re.search(r'<mark class="mention (ranked|ambiguous)"[^>]*data-place="aghdam-town">Aghdam<', html)
    assert "aghdam-tovuz" in html  # the other candidate is listed
    assert "в Shushi/Shusha и Aghdam" in html  # the rewritten text


def test_tag_fragment_for_javascript(client):
    r = client.post("/tag", data={"text": "в Шуше", "convention": "hy"}, headers={"X-Fragment": "result"})
    html = r.get_data(as_text=True)
    assert "<header" not in html and 'data-place="shusha-town"' in html and "в Շուշի" in html


def test_tag_as_of_a_year(client):
    html = client.post("/tag", data={"text": "Xankəndi", "convention": "as-of", "year": "1970",
                                     "authority": "ussr"}).get_data(as_text=True)
    assert "Степанакерт" in html
    r = client.post("/tag", data={"text": "Xankəndi", "convention": "as-of"})
    assert r.status_code == 400 and "choose a year" in r.get_data(as_text=True)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "html", "tei", "text"])
def test_tag_downloads(client, fmt):
    r = client.post("/tag/download", data={"text": "в Шуше и Xankəndidə", "convention": "en-hy", "format": fmt})
    assert r.status_code == 200
    assert r.headers["Content-Disposition"].startswith("attachment; filename=")
    body = r.get_data(as_text=True)
    if fmt == "jsonl":
        assert [json.loads(line)["id"] for line in body.splitlines()] == ["shusha-town", "stepanakert"]
    elif fmt == "json":
        assert [m["start"] for m in json.loads(body)] == [2, 9]
    elif fmt == "csv":
        assert [row["id"] for row in csv.DictReader(io.StringIO(body))] == ["shusha-town", "stepanakert"]
    elif fmt == "tei":
        assert ET.fromstring(body.encode()).tag.endswith("teiCorpus")
    elif fmt == "html":
        assert 'data-place="stepanakert"' in body
    else:
        assert body == "в Shushi и Stepanakert'də"


def test_tag_download_unknown_format(client):
    r = client.post("/tag/download", data={"text": "x", "convention": "en", "format": "docx"})
    assert r.status_code == 400
