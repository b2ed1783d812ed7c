"""`scholargraph serve`: the web app on an ephemeral 127.0.0.1 port over the examples'
graph (plus one person whose name and paper are markup), read through its JSON API,
its exports and, where Debian's chromium is installed, in the browser."""

from __future__ import annotations

import re
import shutil
import threading
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import requests
import schemathesis
from click.testing import CliRunner
from conftest import allow_loopback
from hypothesis import HealthCheck, given, settings
from schemathesis import Case, GenerationMode
from schemathesis.checks import (
    negative_data_rejection,
    not_a_server_error,
    status_code_conformance,
)

from scholargraph.api import Graph
from scholargraph.cli import main
from scholargraph.config import Settings
from scholargraph.pipeline import EXAMPLES, ingest_into
from scholargraph.queries.answers import subgraph
from scholargraph.serve.app import Server
from scholargraph.store.export import to_networkx
from scholargraph.store.store import open_store

ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
MARKUP_NAME = "<img src=x onerror=alert(1)>"
MARKUP_TITLE = "Escaping </script><script>alert(2)</script> in practice"
PROFILE = f"""person:
  name: "{MARKUP_NAME}"
publications:
  - title: "{MARKUP_TITLE}"
    authors: ["{MARKUP_NAME}", Bo Plain]
    year: 2025
"""


def _build(settings: Settings, folder: Path) -> list[Path]:
    """The examples and the markup profile, copied to one folder, ingested into
    ``settings``' store; that folder (no response may name it)."""
    cvs = folder / "cvs"
    shutil.copytree(EXAMPLES, cvs)
    (cvs / "markup.yaml").write_text(PROFILE, "utf-8")
    with open_store(settings) as store:
        ingest_into(store, sorted(cvs.glob("*.yaml")))
    return [cvs.resolve()]


class Client:
    """GETs against a running server (no proxies from the environment)."""

    def __init__(self, url: str, folders: list[Path]) -> None:
        self.url, self.folders = url.rstrip("/"), folders
        self.http = requests.Session()
        self.http.trust_env = False

    def get(self, path: str, **params: Any) -> requests.Response:
        response = self.http.get(self.url + path, params=params, timeout=60)
        for folder in self.folders:  # no page or answer names the machine's folders
            assert str(folder) not in response.text, path
        assert "<img src=x" not in response.text and "</script><script>" not in response.text
        return response

    def json(self, path: str, **params: Any) -> Any:
        response = self.get(path, **params)
        assert response.status_code == 200, response.text
        return response.json()


@contextmanager
def serving(settings: Settings, folders: list[Path]) -> Iterator[Client]:
    allow_loopback()
    store = open_store(settings)
    server = Server(store, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Client(server.url, folders)
    finally:
        server.shutdown()
        server.server_close()
        store.close()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Client]:
    """The app over an embedded store of the examples."""
    folder = tmp_path_factory.mktemp("serve")
    settings = Settings(store=str(folder / "g"))
    with serving(settings, _build(settings, folder)) as client:
        yield client


@pytest.fixture
def client(app: Client) -> Client:
    allow_loopback()  # each test's sockets: 127.0.0.1 only
    return app


def test_search_finds_people_by_native_name_and_alias_and_papers_by_title(client: Client) -> None:
    [hong] = client.json("/api/search", q="徐宏")
    assert hong["id"] == "person:hong-xu" and "徐宏" in hong["also"]
    hits = client.json("/api/search", q="libra", limit=5)
    assert [h["label"] for h in hits] == ["Publication"] * len(hits) and hits
    assert all("libra" in h["name"].lower() and h["author_ids"] for h in hits)


def test_a_persons_panel_has_papers_advisors_topics_and_evidence_by_relative_path(
    client: Client,
) -> None:
    panel = client.json("/api/person", person="Xin Tan")
    assert panel["person"]["id"] == "person:xin-tan" and panel["sources"] == ["xin-tan.yaml"]
    assert panel["advisors"][0]["name"] == "Hong Xu"
    assert panel["advisors"][0]["evidence"][0].startswith("xin-tan.yaml:")
    paper = panel["papers"][0]
    assert {"title", "year", "venue", "coauthors", "coauthor_ids"} <= set(paper)
    assert [p["year"] or 0 for p in panel["papers"]] == sorted(
        (p["year"] or 0 for p in panel["papers"]), reverse=True
    )
    assert panel["topics"] and all(
        e.startswith("xin-tan.yaml:") for e in panel["person"]["evidence"]
    )


ENRICHED = """# Written by `scholargraph enrich`: what openalex says about Ann Lee.

enrichment:
  api: openalex
  retrieved: '2026-11-30'
  person: person:ann-lee
person:
  from: openalex:A7 (retrieved 2026-11-30)
  name: Ann Lee
  openalex_id: A7
publications:
- from: openalex:W1 (retrieved 2026-11-30)
  title: On Joins
  authors:
  - Ann Lee
  - Bo Chen
  year: 2024
"""


def test_evidence_from_an_enrichment_document_names_its_api_and_day(tmp_path: Path) -> None:
    """Only the lines of the document `enrich` wrote carry an API and a date, even a
    line of the user's own that looks like one: in the panel, the graph's tooltips and
    an exported page."""
    cvs = tmp_path / "cvs"
    cvs.mkdir()
    (cvs / "ann-lee.yaml").write_text(
        'person:\n  homepage: "https://a.example/from: x:y (retrieved 2020-01-01)"\n'
        "  name: Ann Lee\n"
        "affiliations:\n  - organization: Example University\n    role: phd\n"
        "    advisors: [{name: Carl Mentor, kind: phd}]\n"
        "publications:\n  - {title: On Joins, authors: [Ann Lee, Bo Chen], year: 2024}\n",
        "utf-8",
    )
    (cvs / "openalex-ann-lee.yaml").write_text(ENRICHED, "utf-8")
    settings = Settings(store=str(tmp_path / "g"))
    with open_store(settings) as store:
        ingest_into(store, sorted(cvs.glob("*.yaml")))
    with serving(settings, [cvs.resolve()]) as client:
        panel = client.json("/api/person", person="Ann Lee")
        ego = client.json("/api/graph/ego", person="Ann Lee")
        [ann] = client.json("/api/facts", id="person:ann-lee")["nodes"]  # as hovered
        ids = ",".join(n["id"] for n in ego["nodes"])
        page = client.get("/export/view.html", ids=ids, title="Ann Lee").text
    cited = "from: openalex:A7 (retrieved 2026-11-30) — OpenAlex, retrieved 2026-11-30</li>"
    assert cited in ann["title"] and "(retrieved 2020-01-01)&quot;</li>" in ann["title"]
    assert cited.replace("</li>", "\\u003c/li\\u003e") in page
    evidence = panel["person"]["evidence"]
    assert any(line.startswith("ann-lee.yaml:2: homepage:") for line in evidence)
    openalex = {"api": "OpenAlex", "date": "2026-11-30"}
    assert panel["person"]["enriched"] == {
        "openalex-ann-lee.yaml:8: from: openalex:A7 (retrieved 2026-11-30)": openalex,
        "openalex-ann-lee.yaml:12: - from: openalex:W1 (retrieved 2026-11-30)": openalex,
    }
    assert set(evidence) >= set(panel["person"]["enriched"])
    [advisor] = panel["advisors"]
    assert advisor["evidence"][0].startswith("ann-lee.yaml:") and "enriched" not in advisor


def test_filters_change_what_is_drawn_and_say_so(client: Client) -> None:
    everything = client.json("/api/graph/ego", person="Xin Tan")
    strong = client.json("/api/graph/ego", person="Xin Tan", min_papers=3)
    recent = client.json("/api/graph/ego", person="Xin Tan", year_from=2026)
    assert everything["focus"] == ["person:xin-tan"]
    assert len(strong["nodes"]) < len(everything["nodes"])

    def papers(graph: dict[str, Any]) -> list[dict[str, Any]]:
        return [n for n in graph["nodes"] if n["group"] == "Publication"]

    assert 0 < len(papers(recent)) < len(papers(everything))
    assert all("<b>year</b>: 2026" in n["title"] for n in papers(recent))
    drawn = {n["id"] for n in everything["nodes"]}
    assert all(e["from"] in drawn and e["to"] in drawn for e in everything["edges"])


def test_two_people_are_linked_by_paths_with_papers_and_years(client: Client) -> None:
    pair = client.json("/api/pair", person="Kaiwen Chen", other="Yu Zhou")
    assert pair["ids"] == ["person:kaiwen-chen", "person:yu-zhou"]
    path = pair["paths"][0]
    assert path[0]["id"] == "person:kaiwen-chen" and path[-1]["id"] == "person:yu-zhou"
    hops = [step for step in path if step["label"] == "Publication"]
    assert hops and all(step["year"] for step in hops)
    drawn = {n["id"] for n in pair["graph"]["nodes"]}
    assert {s["id"] for step in pair["paths"] for s in step} <= drawn
    shared = client.json("/api/pair", person="Yimin Jiang", other="Yibo Zhu")["shared"]
    assert shared and all(s["papers_with_person"] and s["papers_with_other"] for s in shared)


@pytest.mark.parametrize(
    ("path", "params", "status", "says"),
    [
        ("/api/query/no-such-query", {}, 404, "no query named"),
        ("/api/graph/_search-people", {"text": "x"}, 404, "no query named"),
        ("/api/nothing", {}, 404, "nothing at"),
        ("/api/query/coauthors", {"person": "Nobody Atall"}, 400, "no person named"),
        ("/api/query/coauthors", {"person": "Xin Tan", "limit": "-1"}, 400, "whole number"),
        ("/api/query/coauthors", {"person": "Xin Tan", "limit": "²"}, 400, "whole number"),
        ("/api/query/coauthors", {"person": "Xin Tan", "depth": "2"}, 400, "takes no depth"),
        ("/api/query/coauthors", {}, 400, "needs --person"),
        ("/api/query/coauthors", {"person": "x" * 201}, 400, "1 to 200 characters"),
        ("/api/graph/ego", {"person": "Xin Tan", "min_papers": "0"}, 400, "min_papers"),
        ("/api/search", {"q": " "}, 400, "1 to 200 characters"),
        ("/api/search", {"q": "x", "limit": "51"}, 400, "from 1 to 50"),
        ("/api/person", {"person": "Xin Tan", "extra": "1"}, 400, "unknown parameter"),
        ("/api/pair", {"person": "Xin Tan"}, 400, "missing parameter 'other'"),
        ("/export/view.graphml", {}, 400, "1 to 500 node ids"),
    ],
)
def test_bad_requests_are_4xx_with_a_message(
    client: Client, path: str, params: dict[str, str], status: int, says: str
) -> None:
    response = client.get(path, **params)
    assert response.status_code == status and says in response.json()["error"]


def test_the_app_is_read_only_and_repeated_parameters_are_refused(client: Client) -> None:
    for method in ("POST", "PUT", "DELETE"):
        response = client.http.request(method, client.url + "/api/queries", timeout=10)
        assert response.status_code == 405 and response.headers["Allow"] == "GET, HEAD"
    response = client.http.get(client.url + "/api/search?q=a&q=b", timeout=10)
    assert response.status_code == 400 and "once: q" in response.json()["error"]


def test_every_query_of_the_openapi_schema_answers_without_a_server_error(client: Client) -> None:
    """A small fuzz from the schema: each path with its required parameters, then with
    each parameter missing, too big or garbage, gives an answer or a 4xx, never a 5xx."""
    schema = client.json("/api/openapi.json")
    assert schema["openapi"].startswith("3.")
    queries = {q["name"] for q in client.json("/api/queries")}
    assert {f"/api/query/{q}" for q in queries} | {f"/api/graph/{q}" for q in queries} <= set(
        schema["paths"]
    )
    good = {"person": "Xin Tan", "other": "Yu Zhou", "topic": "LLM serving", "q": "Xin"}
    good |= {"group_a": "Hong Xu", "group_b": "The Chinese University of Hong Kong"}
    for path, item in schema["paths"].items():
        params = item["get"]["parameters"]
        required = {p["name"]: good.get(p["name"], "2") for p in params if p["required"]}
        assert client.get(path, **required).status_code == 200, path
        for p in params:
            for bad in ("", "0", "99999999999", "%00<>'\"", "x" * 300):
                status = client.get(path, **(required | {p["name"]: bad})).status_code
                assert 400 <= status < 500 or status == 200, (path, p["name"], bad, status)


def test_the_api_fuzzed_from_its_schema_never_fails_and_refuses_bad_input_with_a_message(
    client: Client,
) -> None:
    """Every path of /api/openapi.json, as schemathesis reads it from the running
    server, with parameters it makes up from the schema, valid and not (a few of each
    per path, the same each run): never a 5xx, a 4xx for parameters outside the
    schema, only the statuses the schema names, every refusal saying why, and no
    answer naming a folder of the machine (``Client.get`` checks that too)."""
    schema = schemathesis.openapi.from_url(client.url + "/api/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == len(schema.raw_schema["paths"])
    statuses: Counter[int] = Counter()

    def call(case: Case) -> None:
        response = case.call(session=client.http)
        statuses[response.status_code] += 1
        case.validate_response(
            response, checks=[not_a_server_error, negative_data_rejection, status_code_conformance]
        )
        assert response.status_code < 400 or response.json()["error"]
        assert all(str(folder) not in response.text for folder in client.folders)

    for operation in operations:
        takes = schema.raw_schema["paths"][operation.path]["get"]["parameters"]
        for mode in GenerationMode if takes else [GenerationMode.POSITIVE]:  # none to get wrong
            fuzz = settings(
                max_examples=6,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )(given(operation.as_strategy(mode))(call))
            fuzz()
    assert statuses[200] and statuses[400], statuses  # answers and refusals both


def test_a_view_exports_as_a_standalone_page_and_as_graphml(client: Client) -> None:
    graph = client.json("/api/graph/ego", person="Xin Tan")
    ids = ",".join(n["id"] for n in graph["nodes"])
    page = client.get("/export/view.html", ids=ids, focus="person:xin-tan", title="Xin Tan")
    assert page.status_code == 200 and "attachment" in page.headers["Content-Disposition"]
    assert "vis.Network" in page.text and not re.search(
        r"""(src|href)=["']?(https?:)?//""", page.text
    )
    graphml = client.get("/export/view.graphml", ids=ids, focus="person:xin-tan")
    g = nx.parse_graphml(graphml.text)
    assert g.number_of_nodes() == len(graph["nodes"]) and g.nodes["person:xin-tan"]["focus"]


def test_the_app_and_its_scripts_are_served_from_here_under_a_strict_policy(
    client: Client,
) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["Content-Type"]
    assert "script-src 'self'" in page.headers["Content-Security-Policy"]
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page.text)
    for script in re.findall(r'src="(/static/[^"]+)"', page.text):
        assert client.get(script).status_code == 200, script


def test_user_text_comes_back_escaped(client: Client) -> None:
    """Client.get already asserts no response holds the markup raw; here it is found."""
    [who] = [h for h in client.json("/api/search", q="onerror") if h["label"] == "Person"]
    panel = client.get("/api/person", person=who["id"])
    assert "\\u003cimg src=x onerror=alert" in panel.text
    assert panel.json()["person"]["name"].startswith("<img src=x")  # intact once parsed
    graph = client.json("/api/graph/ego", person=who["id"])
    [paper] = [n for n in graph["nodes"] if n["group"] == "Publication"]
    assert "&lt;/script&gt;" in paper["title"]  # the tooltip is escaped HTML
    ids = ",".join(n["id"] for n in graph["nodes"])
    page = client.get("/export/view.html", ids=ids, title=MARKUP_TITLE[:30])
    assert page.status_code == 200 and "\\u003c/script\\u003e" in page.text


def test_the_command_warns_off_loopback_and_refuses_a_missing_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[tuple[str, int]] = []
    monkeypatch.setattr(
        Graph, "serve", lambda self, host, port, on_start: served.append((host, port))
    )
    result = CliRunner().invoke(main, ["serve", "--host", "0.0.0.0", "--port", "9"])
    assert result.exit_code == 0 and served == [("0.0.0.0", 9)]
    assert "warning: serving on 0.0.0.0" in result.stderr
    monkeypatch.undo()
    missing = str(tmp_path / "none")
    result = CliRunner().invoke(main, ["serve", "--store", missing])
    assert result.exit_code == 1 and "no graph at" in result.stderr


def test_a_graph_is_drawn_from_an_outline_and_each_fact_comes_whole_when_hovered(
    client: Client,
) -> None:
    ego = client.json("/api/graph/ego", person="Xin Tan")
    [xin] = [n for n in ego["nodes"] if n["id"] == "person:xin-tan"]
    assert xin["more"] and "xin-tan.yaml" not in xin["title"]  # no sources in the outline
    assert "<b>name</b>: Xin Tan" in xin["title"]
    [whole] = client.json("/api/facts", id="person:xin-tan")["nodes"]
    assert whole["id"] == "person:xin-tan" and "<i>sources</i>: xin-tan.yaml" in whole["title"]
    assert "<li>xin-tan.yaml:" in whole["title"]  # evidence lines, relative
    [advised] = [e for e in ego["edges"] if e["to"] == "person:xin-tan" and e["arrows"]]
    facts = client.json("/api/facts", id=advised["from"], other=advised["to"])
    assert {n["id"] for n in facts["nodes"]} == {advised["from"], advised["to"]}
    assert advised["id"] in {e["id"] for e in facts["edges"]} and all(
        "<li>xin-tan.yaml:" in e["title"] for e in facts["edges"]
    )
    ties = [e for e in ego["edges"] if e["dashes"]]  # co-author ties: their papers are all
    assert ties and not any(e["more"] for e in ties)
    assert client.json("/api/facts", id="person:nobody") == {"nodes": [], "edges": []}


def test_the_api_answers_alike_on_each_store(settings: Settings, tmp_path: Path) -> None:
    with serving(settings, _build(settings, tmp_path)) as client:
        assert client.json("/api/search", q="徐宏")[0]["id"] == "person:hong-xu"
        panel = client.json("/api/person", person="Xin Tan")
        assert panel["sources"] == ["xin-tan.yaml"] and panel["advisors"][0]["name"] == "Hong Xu"
        ego = client.json("/api/graph/ego", person="Xin Tan", min_papers=2)
        assert ego["nodes"] and ego["focus"] == ["person:xin-tan"]
        pair = client.json("/api/pair", person="Kaiwen Chen", other="Yu Zhou")
        assert pair["paths"] and pair["paths"][0][-1]["id"] == "person:yu-zhou"
        [xin] = client.json("/api/facts", id="person:xin-tan")["nodes"]
        assert "<li>xin-tan.yaml:" in xin["title"]
    with open_store(settings) as store:  # a part read in two statements is the whole's part
        ids = [n["id"] for n in ego["nodes"]]
        part, whole = subgraph(store, ids), to_networkx(store).subgraph(ids)
        assert dict(part.nodes(data=True)) == dict(whole.nodes(data=True))
        assert sorted(part.edges(keys=True, data=True)) == sorted(whole.edges(keys=True, data=True))
        outline = subgraph(store, ids, outline=True)
        assert sorted(outline.edges(keys=True)) == sorted(whole.edges(keys=True))
        assert all(d.items() <= whole.nodes[n].items() for n, d in outline.nodes(data=True))


@pytest.mark.skipif(
    not (shutil.which("chromium") and shutil.which("chromedriver")),
    reason="no chromium / chromedriver here (apt-get install chromium chromium-driver)",
)
def test_browser_journey_search_open_expand_compare(client: Client, socket_enabled: None) -> None:
    """Search → open a person → expand two co-authors → compare with a second person:
    the path is listed with its papers' years; no console errors; a screenshot kept."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    from scholargraph.bench.render import chromium

    allow_loopback()
    with chromium(offline=False) as browser:  # 127.0.0.1 only: the page loads nothing else
        wait = WebDriverWait(browser, 30)

        def idle() -> None:
            wait.until(lambda d: d.execute_script("return window.explorer.busy === 0"))

        def drawn() -> int:
            return int(browser.execute_script("return window.explorer.nodes.length"))

        def pick(name: str, then: str) -> None:
            """Type ``name`` in the search box and take the hit, until ``then`` shows."""
            search.clear()
            search.send_keys(name)
            wait.until(lambda d: name in d.find_element(By.ID, "hits").text)
            search.send_keys(Keys.ENTER)
            wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, then))

        browser.get(client.url + "/")
        search = browser.find_element(By.ID, "search")
        search.send_keys("徐宏")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#hits li"))
        assert "Hong Xu" in browser.find_element(By.CSS_SELECTOR, "#hits li").text
        pick("Kaiwen Chen", then="#panel h2")
        idle()
        assert browser.find_element(By.CSS_SELECTOR, "#panel h2").text == "Kaiwen Chen"
        first = drawn()
        assert first == len(client.json("/api/graph/ego", person="Kaiwen Chen")["nodes"])
        for person in ("person:hong-xu", "person:jingzong-li"):  # as a click on the node does
            browser.execute_script(f"window.explorer.expand({person!r})")
            idle()
            ego = {n["id"] for n in client.json("/api/graph/ego", person=person)["nodes"]}
            shown = set(browser.execute_script("return window.explorer.nodes.getIds()"))
            assert ego <= shown
        assert drawn() > first
        whole = (  # a node's and an edge's whole fact, asked for when first hovered
            "var item = window.explorer[arguments[0]].get(arguments[1]);"
            "return !item.more && item.title.textContent.indexOf('sources: ') >= 0"
        )
        edge = browser.execute_script(
            "return window.explorer.edges.get({filter: e => e.more})[0].id"
        )
        for items, event, key, item in (
            ("nodes", "hoverNode", "node", "person:kaiwen-chen"),
            ("edges", "hoverEdge", "edge", edge),
        ):
            browser.execute_script(
                f"window.explorer.network.emit({event!r}, {{{key}: arguments[0]}})", item
            )
            wait.until(lambda d, items=items, item=item: d.execute_script(whole, items, item))
        browser.find_element(By.ID, "compare").click()
        pick("Yu Zhou", then="#paths ol li")
        idle()
        steps = browser.find_elements(By.CSS_SELECTOR, "#paths ol:first-of-type li")
        papers = [s for s in steps if s.get_attribute("data-label") == "Publication"]
        assert papers and all(re.search(r"\(\d{4}\)$", s.text) for s in papers)
        browser.find_element(By.ID, "min-papers").clear()
        browser.find_element(By.ID, "min-papers").send_keys("3", Keys.TAB)
        idle()
        views = browser.execute_script("return window.explorer.views")
        assert [v["query"] for v in views] == ["ego"] * 3 + ["connection", "shared-collaborators"]
        expected = {
            n["id"]
            for v in views
            for n in client.json(f"/api/graph/{v['query']}", **v["params"], min_papers=3)["nodes"]
        }
        assert drawn() == len(expected) < len(shown)  # filtered as the API says
        errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        assert errors == []
        ARTIFACTS.mkdir(exist_ok=True)
        browser.save_screenshot(str(ARTIFACTS / "serve.png"))
