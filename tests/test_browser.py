"""The pages in a real browser: Debian's Chromium driven by Playwright against the app served
by a real WSGI server on 127.0.0.1. Skipped when /usr/bin/chromium or playwright is absent.

Screenshots of each page go to ``screenshots/`` (git-ignored) for a human to look at.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("GAZETTEER_CHROMIUM", "/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "screenshots"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
PARAGRAPH = ("Шуша и Степанакерт. Xankəndidə və Şuşada yeni yollar. "
             "Ստեփանակերտում և Շուշիում. Fighting near Aghdam and Kelbajar was reported; "
             "the road to Tovuz was closed.")

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[browser]')")
if not os.path.exists(CHROMIUM):
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def base_url(real_db):
    """The app on a free port of 127.0.0.1, served by werkzeug's threaded WSGI server."""
    from werkzeug.serving import make_server

    from api import create_app
    from tests.conftest import ROOT

    app = create_app({"GAZETTEER_DB": real_db, "GAZETTEER_DATA_DIR": str(ROOT / "data")})
    app.extensions["gazetteer"].tagger()  # load the index and the tagger before the first page
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page that fails the test on any console error (CSP violations are errors)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    p = context.new_page()
    errors: list[str] = []
    p.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    p.on("pageerror", lambda exc: errors.append(str(exc)))
    p.set_default_timeout(15_000)
    yield p
    context.close()
    assert not errors, errors


def shot(page, name: str, full_page: bool = True) -> None:
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full_page)


def test_live_suggestions_keyboard_to_a_place(page, base_url):
    page.goto(base_url + "/")
    box = page.get_by_role("combobox", name="Place name, in any script or spelling")
    box.press_sequentially("Шуш", delay=60)
    options = page.get_by_role("option")
    sync_api.expect(options.first).to_be_visible()
    sync_api.expect(box).to_have_attribute("aria-expanded", "true")
    assert options.count() >= 2
    box.press("ArrowDown")
    first = options.first
    sync_api.expect(first).to_have_attribute("aria-selected", "true")
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.locator(".name").get_attribute("lang")  # the suggestion is tagged with its language
    shot(page, "1-home-suggestions", full_page=False)
    box.press("Enter")
    page.wait_for_url("**/place/**")
    sync_api.expect(page.locator("h1 .name[lang=hy]")).to_be_visible()
    sync_api.expect(page.locator("h1 .name[lang=ru]")).to_be_visible()


def test_escape_closes_the_suggestions(page, base_url):
    page.goto(base_url + "/")
    box = page.get_by_role("combobox")
    box.press_sequentially("Stepan", delay=40)
    sync_api.expect(page.get_by_role("listbox")).to_be_visible()
    box.press("Escape")
    sync_api.expect(page.get_by_role("listbox")).to_be_hidden()
    sync_api.expect(box).to_have_attribute("aria-expanded", "false")
    assert box.input_value() == "Stepan"


def test_search_results_say_which_name_matched(page, base_url):
    page.goto(base_url + "/")
    box = page.get_by_role("combobox")
    box.fill("Kelbadjar")
    box.press("Enter")  # no option chosen: the form goes to the results page
    page.wait_for_url("**/search?q=Kelbadjar")
    first = page.locator("li.result").first
    sync_api.expect(first).to_contain_text("Matched")
    sync_api.expect(first.locator(".why .name[lang=en]")).to_have_text("Kelbadjar")
    shot(page, "2-search-results")


def test_place_page(page, base_url):
    page.goto(base_url + "/place/stepanakert")
    names = page.locator("#names-heading + .switch + .columns")
    for title in ("Armenian", "Azerbaijani", "English", "Russian"):
        sync_api.expect(names.get_by_role("heading", name=title, exact=True)).to_be_visible()
    sync_api.expect(page.locator(".column .name[lang=hy]", has_text="Ստեփանակերտ").first).to_be_visible()
    sync_api.expect(page.locator(".name-item.historical .years", has_text="1923–1991").first).to_be_visible()
    svg = page.locator("svg.local-map")
    sync_api.expect(svg).to_be_visible()
    assert page.locator("svg.local-map .neighbours a").count() >= 4
    json_link = page.get_by_role("link", name="This place as JSON")
    sync_api.expect(json_link).to_have_attribute("href", "/v1/places/stepanakert")
    assert "stepanakert" in page.locator("#citation").input_value()
    shot(page, "3-place")
    page.select_option("#convention", "hy")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**convention=hy**")
    sync_api.expect(page.locator("svg.local-map .here text")).to_have_attribute("lang", "hy")


@pytest.mark.parametrize("path", ["/place/shusha-town", "/tag"])
def test_pages_fit_a_phone(browser, base_url, path):
    width = 390
    context = browser.new_context(viewport={"width": width, "height": 844}, device_scale_factor=2, is_mobile=True)
    p = context.new_page()
    p.goto(base_url + path)
    layout_width = p.evaluate("document.documentElement.scrollWidth")
    shot(p, "4-phone-" + path.strip("/").replace("/", "-"))
    context.close()
    assert layout_width <= width, f"{path} is {layout_width}px wide on a {width}px phone"


def test_tag_a_paragraph(page, base_url):
    page.goto(base_url + "/tag")
    page.get_by_label("Text").fill(PARAGRAPH)
    page.select_option("#tag-convention", "en-dual")
    page.get_by_role("button", name="Find places").click()
    mentions = page.locator(".tagged-text mark.mention")
    sync_api.expect(mentions.first).to_be_visible()
    assert mentions.count() >= 8
    sync_api.expect(page.locator("#tagged-heading")).to_be_focused()
    assert page.locator(".tagged-text mark.mention.ranked").count() >= 1  # Шуша: the town before the district
    assert page.locator(".tagged-text mark.mention.ambiguous").count() >= 1  # Tovuz: town or district?
    assert page.url.endswith("/tag")  # tagged in place, no navigation
    first = mentions.first
    first.hover()
    sync_api.expect(first.locator(".tip")).to_be_visible()
    shot(page, "5-tag")
    with page.expect_download() as dl:
        page.get_by_role("button", name="JSONL").click()
    body = Path(dl.value.path()).read_text(encoding="utf-8")
    assert '"id":"shusha-town"' in body
