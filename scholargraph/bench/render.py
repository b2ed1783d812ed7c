"""How long a big co-author page takes to become still in headless Chromium: our
render (layout computed in Python, physics off) against the same graph written
with pyvis's defaults, in the same run.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package
(the test extra); the page loads with the network emulated offline.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx
from pyvis.network import Network

from scholargraph.bench.synthetic import synthetic
from scholargraph.errors import ScholargraphError
from scholargraph.records import Authored, Person
from scholargraph.render.pages import keep_best_connected, render

if TYPE_CHECKING:
    from selenium.webdriver import Chrome

RENDER_GOAL_S = 3.0  # load until the network is still, for 5k nodes / 20k edges
SETTLE_TIMEOUT_S = 30.0  # a page not still by then is reported as never settling
OURS = "window.scholargraph && window.scholargraph.stable && window.scholargraph.drawn"
DEFAULTS = "typeof network !== 'undefined' && network.physics.stabilized"


@contextmanager
def chromium(*, offline: bool = True) -> Iterator[Chrome]:
    """Headless Chromium (Debian's package) driven by selenium, console logged,
    the network emulated offline; a missing piece is a ScholargraphError."""
    binary, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    try:
        from selenium.webdriver import Chrome
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.remote.remote_connection import RemoteConnection
    except ImportError as exc:
        raise ScholargraphError(
            "the page benchmark needs selenium", hint="pip install -e '.[test]'"
        ) from exc
    if not (binary and driver_path):
        raise ScholargraphError(
            "no chromium / chromedriver on this machine",
            hint="apt-get install chromium chromium-driver",
        )
    options = Options()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = Chrome(options=options, service=Service(driver_path))
    executor = driver.command_executor
    if isinstance(executor, RemoteConnection):  # a page that keeps the browser busy cannot hang us
        executor.client_config.timeout = SETTLE_TIMEOUT_S + 10
    try:
        if offline:  # a page needing a CDN then logs a load error
            driver.execute_cdp_cmd("Network.enable", {})
            driver.execute_cdp_cmd(
                "Network.emulateNetworkConditions",
                {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
            )
        yield driver
    finally:
        driver.quit()


def seconds_until(driver: Chrome, page: Path, ready: str, timeout: float) -> float | None:
    """Seconds from navigation until the JavaScript ``ready`` holds (None: not
    within ``timeout``)."""
    from selenium.common.exceptions import TimeoutException
    from urllib3.exceptions import ReadTimeoutError

    deadline = time.monotonic() + timeout
    driver.set_page_load_timeout(timeout)
    try:
        driver.get(page.as_uri())
        while time.monotonic() < deadline:
            if driver.execute_script(f"return !!({ready})"):
                return float(driver.execute_script("return performance.now()")) / 1000
            time.sleep(0.05)
    except (TimeoutException, ReadTimeoutError):  # the page kept the browser busy throughout
        pass
    return None


def coauthor_graph(people: int, *, seed: int = 0) -> nx.MultiDiGraph:
    """The co-author graph of about ``people`` synthetic researchers: Person nodes,
    one edge per pair with their joint papers as ``papers``, the ``4 * people``
    pairs with most joint papers kept (5k people, 20k edges).

    >>> g = coauthor_graph(200)
    >>> g.number_of_nodes() <= 200, g.number_of_edges() <= 800
    (True, True)
    """
    records = synthetic(authorships=people * 8, seed=seed)  # it makes authorships/8 people
    authors: dict[str, list[str]] = {}
    for r in records.rels[Authored].values():
        authors.setdefault(r.to_id, []).append(r.from_id)
    pairs = Counter(
        pair for team in authors.values() for pair in combinations(sorted(set(team)), 2)
    )
    g = nx.MultiDiGraph()
    for pid, person in records.of(Person).items():
        g.add_node(pid, labels=["Person"], name=person.name)
    for (a, b), papers in sorted(pairs.items()):
        g.add_edge(a, b, type="COAUTHOR", papers=papers)
    g = keep_best_connected(g, people)
    ranked = sorted(g.edges(keys=True, data="papers"), key=lambda e: (-e[3], e[0], e[1]))
    g.remove_edges_from((u, v, k) for u, v, k, _ in ranked[4 * people :])
    return g


def pyvis_defaults(g: nx.MultiDiGraph, path: Path) -> Path:
    """The page pyvis writes with its defaults (vis inlined so it can load offline)."""
    net = Network(cdn_resources="in_line")
    for node, data in g.nodes(data=True):
        net.add_node(str(node), label=str(data.get("name", node)))
    for u, v in g.edges():
        net.add_edge(str(u), str(v))
    path.write_text(net.generate_html(name=path.name), encoding="utf-8")
    return path


@dataclass
class RenderReport:
    nodes: int
    edges: int
    write_s: float  # render() in Python: layout and HTML
    ours_s: float | None  # Chromium: navigation until drawn and still
    defaults_s: float | None  # the same for pyvis's defaults; None: never still in time
    timeout_s: float

    def missed(self) -> list[str]:
        return ["render"] if self.ours_s is None or self.ours_s > RENDER_GOAL_S else []

    def lines(self) -> list[str]:
        def shown(s: float | None) -> str:
            return f"{s:8.2f} s" if s is not None else f"not still after {self.timeout_s:.0f} s"

        ratio = (
            f"{self.defaults_s / self.ours_s:5.1f}x faster than pyvis defaults"
            if self.ours_s and self.defaults_s
            else "pyvis defaults never settled"
            if self.ours_s
            else ""
        )
        verdict = "MISSED" if self.missed() else "met"
        return [
            f"render: co-author page of {self.nodes} people, {self.edges} edges "
            f"(layout + HTML {self.write_s:.2f} s)",
            f"ours, until still       {shown(self.ours_s)}   {ratio}   "
            f"goal <= {RENDER_GOAL_S:.0f} s: {verdict}",
            f"pyvis defaults          {shown(self.defaults_s)}",
        ]


def render_benchmark(
    people: int = 5000, *, timeout: float = SETTLE_TIMEOUT_S, seed: int = 0
) -> RenderReport:
    """Render a synthetic co-author graph both ways and time each in Chromium."""
    g = coauthor_graph(people, seed=seed)
    with tempfile.TemporaryDirectory(prefix="scholargraph-render-") as folder:
        started = time.perf_counter()
        ours = render(g, Path(folder) / "ours.html", title="co-authors")
        write_s = time.perf_counter() - started
        defaults = pyvis_defaults(g, Path(folder) / "defaults.html")
        with chromium() as driver:
            ours_s = seconds_until(driver, ours, OURS, timeout)
            defaults_s = seconds_until(driver, defaults, DEFAULTS, timeout)
    return RenderReport(
        g.number_of_nodes(), g.number_of_edges(), write_s, ours_s, defaults_s, timeout
    )
