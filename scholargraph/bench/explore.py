"""How long `scholargraph serve` takes to draw one click-to-expand in headless
Chromium, on a synthetic store of about 5k people and 20k co-author ties: from the
click until the new collaborators are fetched, laid out and drawn (the goal), and
until the app is idle, the person's panel shown too. The baseline,
measured in the same run, is what a user did before the app: writing the same view
as a page (the server's export, the renderer of ``render``) and loading it until
still.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package
(the test extra); the browser talks to 127.0.0.1 only.
"""

from __future__ import annotations

import statistics
import tempfile
import threading
import time
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING

import requests

from scholargraph.bench.harness import bolt_scratch, embedded_scratch
from scholargraph.bench.render import OURS, SETTLE_TIMEOUT_S, chromium, seconds_until
from scholargraph.bench.synthetic import synthetic
from scholargraph.config import Settings
from scholargraph.records import Authored, Person
from scholargraph.serve.app import Server
from scholargraph.serve.explorer import MAX_DRAWN
from scholargraph.store.writer import write_records

if TYPE_CHECKING:
    from selenium.webdriver import Chrome

EXPAND_GOAL_S = 1.0  # one expansion fetched, laid out and drawn
# In the page: expand a node and wait until the app is idle (the panel shown too), then
# for the next frame drawn. Returns the seconds from the call until the first frame
# shown with the new nodes and edges (the next animation frame after the drawing
# that first had them: the script drawing on in the same task holds the screen; until
# idle when it drew none), until idle, and of those the seconds its API requests took,
# each from its start to its last byte (the browser's Resource Timing): all of them,
# and the graph's answer alone (the part of "drawn" that is not drawing).
EXPAND = """
var id = arguments[0], done = arguments[arguments.length - 1], x = window.explorer;
var before = x.nodes.length + x.edges.length, drawn = null, changed = false;
function seen() {
  if (changed || x.nodes.length + x.edges.length === before) { return; }
  changed = true;
  requestAnimationFrame(function () { drawn = performance.now(); });
}
performance.clearResourceTimings();
x.network.on("afterDrawing", seen);
var t0 = performance.now();
x.expand(id).then(function () {
  (function idle() {
    if (x.busy > 0) { setTimeout(idle, 5); return; }
    requestAnimationFrame(function () { requestAnimationFrame(function () {
      var now = performance.now();
      x.network.off("afterDrawing", seen);
      function took(path) {
        return performance.getEntriesByType("resource")
          .filter(function (e) { return e.name.indexOf(path) >= 0; })
          .reduce(function (s, e) { return s + e.responseEnd - e.startTime; }, 0) / 1000;
      }
      done([((drawn === null ? now : drawn) - t0) / 1000, (now - t0) / 1000, took("/api/"),
            took("/api/graph/")]);
    }); });
  }());
});
"""
OPENED = "return window.explorer.busy === 0 && window.explorer.nodes.length > 0"


@dataclass
class Expansion:
    person: str
    nodes: int  # drawn after it
    drawn_s: float  # click until its new nodes and edges are drawn, in the app
    app_s: float  # click until the app is idle: the panel shown too
    api_s: float  # of which its API requests (ego graph, then panel), timed in the page
    answer_s: float  # of "drawn", the ego graph's request (the rest is the page drawing it)
    page_s: float | None  # baseline: export the view as a page, load it until still
    # (None: never still, or a view of more than MAX_DRAWN nodes, which is not exported)


@dataclass
class ExploreReport:
    people: int
    ties: int
    store: str = "ladybug"  # the store's dialect: ladybug (embedded) or neo4j
    expansions: list[Expansion] = field(default_factory=list)

    def worst_s(self) -> float:
        return max((e.drawn_s for e in self.expansions), default=0.0)

    def missed(self) -> list[str]:
        return ["explore"] if not self.expansions or self.worst_s() > EXPAND_GOAL_S else []

    def lines(self) -> list[str]:
        verdict = "MISSED" if self.missed() else "met"
        out = [
            f"explore: serve over {self.people} people, {self.ties} co-author ties "
            f"({self.store}); "
            f"{len(self.expansions)} expansions, click until drawn, and until idle "
            "(the panel shown too)",
            f"{'person':<16}{'nodes':>7}{'drawn':>10}{'answer':>9}{'idle':>9}{'all API':>10}"
            f"{'page instead':>14}{'ratio':>8}",
        ]
        for e in self.expansions:
            page = (
                f"{e.page_s:10.2f} s"
                if e.page_s is not None
                else "not exported"
                if e.nodes > MAX_DRAWN
                else "never still"
            )
            ratio = f"{e.page_s / e.app_s:6.1f}x" if e.page_s and e.app_s else "      -"
            out.append(
                f"{e.person:<16}{e.nodes:>7}{e.drawn_s:8.2f} s{e.answer_s:7.2f} s{e.app_s:7.2f} s"
                f"{e.api_s:8.2f} s{page:>14}{ratio:>8}"
            )
        drawn = [e.drawn_s for e in self.expansions] or [0.0]
        answer = [e.answer_s for e in self.expansions] or [0.0]
        idle = [e.app_s for e in self.expansions] or [0.0]
        p90 = statistics.quantiles(drawn, n=10, method="inclusive")[-1] if drawn[1:] else drawn[0]
        out.append(
            f"drawn: median {statistics.median(drawn):.2f} s, p90 {p90:.2f} s, "
            f"worst {max(drawn):.2f} s "
            f"(goal <= {EXPAND_GOAL_S:.0f} s each: {verdict}), of it the answer: median "
            f"{statistics.median(answer):.2f} s; idle: median "
            f"{statistics.median(idle):.2f} s, worst {max(idle):.2f} s"
        )
        return out


def _next_person(driver: Chrome, done: set[str]) -> str | None:
    """The best-connected person drawn and not expanded yet (ids break ties)."""
    drawn: list[list[object]] = driver.execute_script(
        "var n = window.explorer.network;"
        "return window.explorer.nodes.get({filter: function (d) { return d.group === 'Person'; }})"
        ".map(function (d) { return [d.id, n.getConnectedEdges(d.id).length]; });"
    )
    ranked = sorted((-int(str(k)), str(i)) for i, k in drawn if str(i) not in done)
    return ranked[0][1] if ranked else None


def explore_benchmark(
    people: int = 5000, *, expansions: int = 8, seed: int = 0, settings: Settings | None = None
) -> ExploreReport:
    """Serve a synthetic store and time ``expansions`` click-to-expands in Chromium,
    each against exporting the same view as a page and loading it. The store is a
    temporary embedded one, or with ``settings`` naming a Bolt URI that Neo4j's
    database, emptied first."""
    scratch = bolt_scratch(settings) if settings and settings.is_bolt else embedded_scratch
    with (
        tempfile.TemporaryDirectory(prefix="scholargraph-explore-") as folder,
        scratch("explore") as store,
    ):
        records = synthetic(authorships=people * 8, seed=seed)  # authorships/8 people
        write_records(store, records)
        teams: dict[str, set[str]] = {}
        for r in records.rels[Authored].values():
            teams.setdefault(r.to_id, set()).add(r.from_id)
        ties = {pair for team in teams.values() for pair in combinations(sorted(team), 2)}
        report = ExploreReport(len(records.of(Person)), len(ties), store.dialect)
        server = Server(store, "127.0.0.1", 0)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        http = requests.Session()
        http.trust_env = False
        try:
            with chromium(offline=False) as driver:
                driver.set_script_timeout(SETTLE_TIMEOUT_S)
                _session(driver, server.url, http, Path(folder), report, expansions)
        finally:
            server.shutdown()
            server.server_close()
    return report


def _session(
    driver: Chrome,
    url: str,
    http: requests.Session,
    folder: Path,
    report: ExploreReport,
    expansions: int,
) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    app = driver.current_window_handle
    driver.switch_to.new_window("tab")
    pages = driver.current_window_handle
    driver.switch_to.window(app)
    driver.get(url)
    WebDriverWait(driver, SETTLE_TIMEOUT_S).until(
        lambda d: d.execute_script("return !!window.explorer")
    )
    first = "person:s0"
    driver.execute_script(f"window.explorer.openPerson({first!r})")
    WebDriverWait(driver, SETTLE_TIMEOUT_S).until(lambda d: d.execute_script(OPENED))
    done = {first}
    for _ in range(expansions):
        person = _next_person(driver, done)
        if person is None:
            break
        done.add(person)
        drawn_s, app_s, api_s, answer_s = map(float, driver.execute_async_script(EXPAND, person))
        ids: list[str] = driver.execute_script("return window.explorer.nodes.getIds()")
        exportable = len(ids) <= MAX_DRAWN  # the app exports views of up to MAX_DRAWN nodes
        page_s = _as_page(driver, pages, url, http, ids, person, folder) if exportable else None
        report.expansions.append(
            Expansion(person, len(ids), drawn_s, app_s, api_s, answer_s, page_s)
        )
        driver.switch_to.window(app)


def _as_page(
    driver: Chrome,
    window: str,
    url: str,
    http: requests.Session,
    ids: list[str],
    person: str,
    folder: Path,
) -> float | None:
    """Seconds to export the view of ``ids`` as a page and load it in ``window``
    until still (None: not within the timeout)."""
    started = time.perf_counter()
    exported = http.get(
        url + "export/view.html",
        params={"ids": ",".join(ids), "focus": person, "title": person},
        timeout=60,
    )
    exported.raise_for_status()
    page = folder / "view.html"
    page.write_text(exported.text, "utf-8")
    written_s = time.perf_counter() - started
    driver.switch_to.window(window)
    loaded_s = seconds_until(driver, page, OURS, SETTLE_TIMEOUT_S)
    return None if loaded_s is None else written_s + loaded_s
