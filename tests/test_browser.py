"""The rendered pages in headless Chromium (Debian's chromium and chromium-driver,
which .ci/run installs when missing): each demo page loads with the network off and
no console errors, draws every node of its graph, and leaves a screenshot in
test-artifacts/ for people to look at."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from selenium.webdriver import Chrome
from selenium.webdriver.support.ui import WebDriverWait

from scholargraph.bench.render import chromium
from scholargraph.cli import main
from scholargraph.config import Settings
from scholargraph.pipeline import DEMO_QUERIES, demo
from scholargraph.queries import answer_graph, run
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
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """The demo's pages, and how many nodes each query page's answer graph has."""
    folder = tmp_path_factory.mktemp("demo")
    settings = Settings(store=str(folder / "g"))
    report = demo(settings, folder / "out")
    with open_store(settings) as store:
        expected = {
            f"{name}.html": answer_graph(store, run(store, name, **args)).number_of_nodes()
            for name, args in DEMO_QUERIES
        }
    return report.index, expected


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
