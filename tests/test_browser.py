"""The rendered pages in headless Chromium (Debian's chromium and chromium-driver,
which .ci/run installs when missing): each demo page loads with the network off and
no console errors, draws every node of its graph, and leaves a screenshot in
test-artifacts/ for people to look at."""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from selenium.webdriver import Chrome
from selenium.webdriver.support.ui import WebDriverWait

from scholargraph.bench.render import SETTLE_TIMEOUT_S, chromium
from scholargraph.cli import main
from scholargraph.config import Settings
from scholargraph.pipeline import DEMO_QUERIES, demo
from scholargraph.queries import answer_graph, run
from scholargraph.serve.app import Server
from scholargraph.store.store import open_store

CHROMIUM, DRIVER = shutil.which("chromium"), shutil.which("chromedriver")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"

if not (CHROMIUM and DRIVER):
    if os.environ.get("CI"):
        pytest.fail("CI needs chromium and chromium-driver (.ci/run installs them)")
    pytest.skip(
        "no chromium / chromedriver here (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )


@pytest.fixture(scope="module")
def browser() -> Iterator[Chrome]:
    with chromium() as driver:
        yield driver


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Settings, Path]:
    """The demo's graph and the index of its pages."""
    folder = tmp_path_factory.mktemp("demo")
    settings = Settings(store=str(folder / "g"))
    return settings, demo(settings, folder / "out").index


@pytest.fixture(scope="module")
def site(built: tuple[Settings, Path]) -> tuple[Path, dict[str, int]]:
    """The demo's pages, and how many nodes each query page's answer graph has."""
    settings, index = built
    with open_store(settings) as store:
        expected = {
            f"{name}.html": answer_graph(store, run(store, name, **args)).number_of_nodes()
            for name, args in DEMO_QUERIES
        }
    return index, expected


def drawn(driver: Chrome, page: Path) -> dict[str, object]:
    """Load ``page``, wait for the network to be drawn, and read what it drew."""
    driver.get(page.as_uri())
    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script("return !!(window.scholargraph && window.scholargraph.stable)")
    )
    return driver.execute_script(  # type: ignore[no-any-return]
        "return {drawn: Object.keys(network.getPositions()).length, data: rawNodes.length,"
        " title: document.title}"
    )


def test_every_demo_page_loads_offline_without_errors_and_draws_every_node(
    browser: Chrome, site: tuple[Path, dict[str, int]], socket_enabled: None
) -> None:
    index, answers = site
    pages = sorted(index.parent.glob("*.html"))
    assert {p.name for p in pages} >= {"index.html", "overview.html", *answers}
    ARTIFACTS.mkdir(exist_ok=True)
    browser.get(index.as_uri())
    links = browser.execute_script(
        "return Array.from(document.querySelectorAll('a')).map(a => a.getAttribute('href'))"
    )
    assert sorted(links) == sorted(p.name for p in pages if p.name != "index.html")
    for page in pages:
        if page.name == "index.html":
            continue
        facts = drawn(browser, page)
        assert facts["drawn"] == facts["data"] and facts["drawn"], page.name
        if page.name in answers:  # a query's page draws its answer graph, all of it
            assert facts["drawn"] == answers[page.name], page.name
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == [], f"{page.name}: {errors}"
        browser.save_screenshot(str(ARTIFACTS / f"{page.stem}.png"))
        assert (ARTIFACTS / f"{page.stem}.png").stat().st_size > 10_000


def test_render_bench_times_our_page_and_pyvis_defaults_in_chromium(socket_enabled: None) -> None:
    result = CliRunner().invoke(main, ["bench", "--only", "render", "--people", "60", "--json"])
    page = json.loads(result.stdout)["render"]
    assert result.exit_code == 0 and page["nodes"] == 60 and page["edges"] <= 240
    assert 0 < page["ours_s"] < page["timeout_s"]  # drawn and still
    assert page["defaults_s"] is None or page["defaults_s"] > 0


def test_legend_boxes_filter_labels_and_search_selects_matches(
    browser: Chrome, site: tuple[Path, dict[str, int]], socket_enabled: None
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    index, _ = site
    facts = drawn(browser, index.parent / "shared-collaborators.html")
    count = "return Object.keys(network.getPositions()).length"
    papers = browser.execute_script("return rawNodes.filter(n => n.group === 'Publication').length")
    browser.find_element(By.ID, "show-Publication").click()  # hide the papers
    assert browser.execute_script(count) == facts["drawn"] - papers > 0
    browser.find_element(By.ID, "show-Publication").click()
    assert browser.execute_script(count) == facts["drawn"]
    search = browser.find_element(By.ID, "search")
    search.send_keys("Yibo", Keys.ENTER)
    assert browser.find_element(By.ID, "status").text == "1 match(es)"
    assert browser.execute_script("return network.getSelectedNodes()") == ["person:yibo-zhu"]


# Each label drawn on screen as vis-network itself laid it out (its label module's
# box, in canvas units), turned into pixels on screen: the check does not trust our
# own estimate in graph.js. Nodes off screen are left out (vis-network does not draw
# them, so their boxes are not laid out).
LABEL_BOXES = """
var s = network.getScale(), out = [], c = network.body.container;
Object.values(network.body.nodes).forEach(function (n) {
  if (!n.options.label || n.options.hidden) { return; }
  var p = network.canvasToDOM({ x: n.x, y: n.y });
  if (p.x < 0 || p.y < 0 || p.x > c.clientWidth || p.y > c.clientHeight) { return; }
  var z = n.labelModule.size, at = network.canvasToDOM({ x: z.left, y: z.top });
  out.push({ id: n.id, l: at.x, t: at.y, r: at.x + z.width * s, b: at.y + z.height * s,
             px: n.labelModule.fontOptions.size * s });
});
return out;
"""


def overlapping(boxes: list[dict[str, float]]) -> list[tuple[object, object]]:
    return [
        (a["id"], b["id"])
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
        if a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]
    ]


def test_every_page_is_readable_at_1400_by_900_no_two_labels_overlap(
    browser: Chrome, site: tuple[Path, dict[str, int]], socket_enabled: None
) -> None:
    index, _ = site
    for page in sorted(index.parent.glob("*.html")):
        if page.name == "index.html":
            continue
        drawn(browser, page)
        boxes = browser.execute_script(LABEL_BOXES)
        assert boxes and overlapping(boxes) == [], page.name
        assert min(b["px"] for b in boxes) >= 12, page.name  # readable without zooming
        best = browser.execute_script("return rawNodes.filter(n => n.rank === 0)[0].id")
        assert best in {b["id"] for b in boxes}, page.name


def test_the_apps_labels_never_overlap_as_it_expands_and_zooms(
    built: tuple[Settings, Path], socket_enabled: None
) -> None:
    """`scholargraph serve` over the demo graph: a person opened, two of their
    co-authors expanded, then zoomed in; no two drawn labels overlap at any step."""
    from conftest import allow_loopback

    allow_loopback()
    settings, _ = built
    idle = "return window.explorer.busy === 0 && window.explorer.nodes.length > 0"
    boxes = "var network = window.explorer.network;" + LABEL_BOXES
    with (
        open_store(settings) as store,
        Server(store, "127.0.0.1", 0) as server,
        chromium(offline=False) as app,  # 127.0.0.1 only: the app loads nothing else
    ):
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            app.get(server.url)
            wait = WebDriverWait(app, 30)
            wait.until(lambda d: d.execute_script("return !!window.explorer"))
            app.execute_script("window.explorer.openPerson('person:hong-xu')")
            wait.until(lambda d: d.execute_script(idle))
            for person in ("person:xin-tan", "person:yimin-jiang"):
                app.execute_async_script(
                    "window.explorer.expand(arguments[0]).then(arguments[1])", person
                )
                wait.until(lambda d: d.execute_script(idle))
                drawn = app.execute_script(boxes)
                assert len(drawn) >= 10 and overlapping(drawn) == [], person
                assert min(b["px"] for b in drawn) >= 12 and person in {b["id"] for b in drawn}
            app.execute_script(
                "var n = window.explorer.network;"
                "n.moveTo({ scale: n.getScale() * 2.5 }); n.emit('zoom', {})"
            )
            before = len(drawn)
            wait.until(lambda d: d.execute_script("return window.explorer.labels") > before)
            app.execute_async_script(
                "requestAnimationFrame(() => requestAnimationFrame(arguments[0]))"
            )
            zoomed = app.execute_script(boxes)
            assert overlapping(zoomed) == [] and min(b["px"] for b in zoomed) >= 12
            assert [e for e in app.get_log("browser") if e["level"] == "SEVERE"] == []
            app.save_screenshot(str(ARTIFACTS / "serve-labels.png"))
        finally:
            server.shutdown()


def test_the_overview_is_grouped_by_community_and_zooming_in_labels_more(
    browser: Chrome, site: tuple[Path, dict[str, int]], socket_enabled: None
) -> None:
    index, _ = site
    drawn(browser, index.parent / "overview.html")
    assert browser.execute_script("return discs.length") >= 3
    before = browser.execute_script(LABEL_BOXES)
    assert len(before) >= 10
    browser.execute_script("network.moveTo({ scale: network.getScale() * 2.5 })")
    browser.execute_script("network.emit('zoom', {})")  # as a wheel turn would
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script("return window.scholargraph.labels") > len(before)
    )
    browser.execute_async_script("requestAnimationFrame(() => requestAnimationFrame(arguments[0]))")
    after = browser.execute_script(LABEL_BOXES)  # as drawn after the new labels
    assert overlapping(after) == [] and min(b["px"] for b in after) >= 12
    browser.save_screenshot(str(ARTIFACTS / "overview-zoomed.png"))


def test_explore_bench_times_expansions_in_serve_against_a_page_of_the_same_view(
    socket_enabled: None,
) -> None:
    from conftest import allow_loopback

    allow_loopback()
    result = CliRunner().invoke(main, ["bench", "--only", "explore", "--people", "200", "--json"])
    assert result.exit_code == 0, result.output
    session = json.loads(result.stdout)["explore"]
    assert session["people"] == 200 and session["ties"] > 200
    assert len(session["expansions"]) == 8
    for step in session["expansions"]:
        assert 0 < step["drawn_s"] <= step["app_s"] < SETTLE_TIMEOUT_S
        assert 0 < step["api_s"] < step["app_s"]  # its requests, timed in the page
        assert 0 < step["answer_s"] < step["drawn_s"]  # the graph's, before it is drawn
    assert session["expansions"][0]["page_s"] > 0  # the baseline, a page of the same view
    nodes = [s["nodes"] for s in session["expansions"]]
    assert nodes == sorted(nodes)  # expansions only add
