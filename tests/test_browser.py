"""The graph page in a real browser: Debian's chromium and chromedriver, driven by selenium, offline.

Checks what only a browser can: the page draws as many nodes as the command reported, logs no
error, requests nothing but file:/data:/about:, search selects and centres a node, the type filter
hides nodes, text from a hostile document stays text, and a 2,000-node view is drawn in time.
"""
from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import networkx as nx
import pytest

from conftest import CORPUS
from test_viz import BASE, build, viz

from parlgraph.viz.network import KINDS, Selection
from parlgraph.viz.render import render

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:")
SETTLE_BUDGET_MS = 10_000

webdriver = pytest.importorskip("selenium.webdriver")
pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)",
)

HOSTILE = """Tweede Kamer der Staten-Generaal
Vergaderjaar 2023–2024

32317 JBZ-Raad

Nr. 999 BRIEF VAN DE MINISTER VAN JUSTITIE EN VEILIGHEID <script>window.__xss=1;alert(1)</script> " onmouseover="window.__xss=2

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Den Haag, 9 oktober 2023

Hierbij stuur ik u de motie van het lid Van Ginneken over "<img src=x onerror=window.__xss=3>" (Kamerstuk 32317, nr. 855).
Zie ook de Crisisverordening</script><script>window.__xss=4</script> (Kamerstuk 26643, nr. 1011).

De Minister van Justitie en Veiligheid,
D. Yeşilgöz-Zegerius
"""
# The same payloads where the extractors would never put them: label, identifier and quote of a node.
PAYLOAD = '</script><script>window.__xss=5</script><img src=x onerror="window.__xss=6"> " onmouseover="window.__xss=7'
HOSTILE_TTL = f"""
@prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> . @prefix oa: <http://www.w3.org/ns/oa#> .
@prefix pg: <https://w3id.org/parlgraph/ontology#> .
<{BASE}person/x> a foaf:Person ; skos:prefLabel {json.dumps(PAYLOAD)}@nl ; dcterms:identifier {json.dumps(PAYLOAD)} ;
    foaf:page <javascript:window.__xss=8> .
<{BASE}document/d> a pg:SourceDocument ; dcterms:identifier "d" ; pg:mentions <{BASE}person/x> .
<{BASE}annotation/d/1> oa:hasBody <{BASE}person/x> ; oa:hasTarget <{BASE}annotation/d/1#t> .
<{BASE}annotation/d/1#t> oa:hasSource <{BASE}document/d> ; oa:hasSelector <{BASE}annotation/d/1#q> .
<{BASE}annotation/d/1#q> oa:exact {json.dumps(PAYLOAD)} .
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    from selenium.webdriver.chrome.service import Service

    os.environ["SE_OFFLINE"] = "true"  # selenium-manager must never look for a driver online
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", "--window-size=1600,1000",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


def open_page(driver, page: Path) -> float:
    """Loads the page, waits until the network is drawn; returns ms from navigation start to that."""
    driver.get_log("browser")
    driver.get_log("performance")  # start both logs afresh for this page
    driver.get(page.as_uri())
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        settled = driver.execute_script("return window.pgView ? window.pgView.settledAt : null")
        if settled is not None:
            return float(settled)
        time.sleep(0.05)
    raise AssertionError(f"{page} was not drawn within 30 s: {driver.get_log('browser')}")


def requested_urls(driver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    urls += driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    return urls


def assert_quiet_and_offline(driver) -> None:
    errors = [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]
    assert errors == []
    urls = requested_urls(driver)
    assert urls and all(url.startswith(LOCAL_SCHEMES) for url in urls), urls


def assert_no_injection(driver) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018  (reading it is the check)
    assert driver.execute_script("return window.__xss") is None
    assert driver.execute_script("return document.scripts.length") == 3
    assert driver.execute_script("return document.querySelectorAll('img, iframe, [onmouseover], [onerror]').length") == 0
    assert driver.execute_script("return document.querySelectorAll('a:not([href^=\"https://\"]):not([href^=\"http://\"])').length") == 0


def search(driver, text: str) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    box = driver.find_element(By.ID, "pg-search")
    box.clear()
    box.send_keys(text, Keys.ENTER)


@pytest.fixture(scope="module")
def sample_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("sample-page")
    graph = build(CORPUS, folder / "graph.trig")
    page = folder / "graph.html"
    return page, viz(graph, page)


def test_sample_page_draws_what_the_command_reported_offline_and_without_errors(browser, sample_page) -> None:
    page, reported = sample_page
    open_page(browser, page)
    assert browser.execute_script("return pgView.network.body.nodeIndices.length") == reported
    assert browser.execute_script("return pgView.nodes.length") == reported
    assert_quiet_and_offline(browser)


def test_search_selects_and_centres_a_node(browser, sample_page) -> None:
    from selenium.webdriver.common.by import By

    open_page(browser, sample_page[0])
    assert browser.execute_script("return pgView.network.getSelectedNodes()") == []
    search(browser, "crisisverordening")
    assert browser.execute_script("return pgView.network.getSelectedNodes()") == [f"{BASE}act/32024R1359"]
    centre = browser.execute_script("return pgView.network.getViewPosition()")
    node = browser.execute_script(f"return pgView.network.getPositions(['{BASE}act/32024R1359'])['{BASE}act/32024R1359']")
    assert abs(centre["x"] - node["x"]) < 1 and abs(centre["y"] - node["y"]) < 1
    details = browser.find_element(By.ID, "pg-details").text
    assert "Crisisverordening" in details and "EUR-Lex" in details and "source documents" in details
    search(browser, "kst-99999-1")
    assert browser.find_element(By.ID, "pg-search-status").text == "No match."


def test_type_filter_hides_that_type(browser, sample_page) -> None:
    from selenium.webdriver.common.by import By

    page, reported = sample_page
    open_page(browser, page)
    people = browser.execute_script("return pgView.nodes.get({filter: n => n.kind === 'person'}).length")
    assert people > 0
    browser.find_element(By.CSS_SELECTOR, "#pg-legend input[value='person']").click()
    assert browser.execute_script("return pgView.network.body.nodeIndices.length") == reported - people
    search(browser, "Yeşilgöz")
    assert browser.find_element(By.ID, "pg-search-status").text == "No match."


@pytest.mark.parametrize("source", ["document", "turtle"])
def test_hostile_text_stays_text(browser, tmp_path: Path, source: str) -> None:
    if source == "document":
        (tmp_path / "corpus").mkdir()
        (tmp_path / "corpus" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
        graph, needle = build(tmp_path / "corpus", tmp_path / "graph.trig"), "<script>window.__xss=1"
    else:
        graph, needle = tmp_path / "graph.ttl", PAYLOAD
        graph.write_text(HOSTILE_TTL, encoding="utf-8")
    page = tmp_path / "graph.html"
    reported = viz(graph, page)
    open_page(browser, page)
    assert browser.execute_script("return pgView.network.body.nodeIndices.length") == reported
    search(browser, needle)
    details = browser.execute_script("return document.getElementById('pg-details').textContent")
    assert needle in details
    tooltips = browser.execute_script(
        "return pgView.nodes.get().filter(n => n.title.textContent.includes(arguments[0]))"
        ".map(n => n.title.querySelectorAll('*').length)", needle)
    assert tooltips and all(count < 20 for count in tooltips)
    assert_no_injection(browser)
    assert_quiet_and_offline(browser)


def synthetic(nodes: int, seed: int = 3) -> nx.DiGraph:
    """A scale-free graph shaped like a big build: documents as hubs, every type, long labels."""
    rng = random.Random(seed)
    shape = nx.barabasi_albert_graph(nodes, 2, seed=seed)
    graph = nx.DiGraph()
    iris = {}
    for node in shape:
        kind = KINDS[0] if shape.degree(node) > 12 else rng.choice(KINDS[1:])
        label = f"{kind.legend} {node} " + "x" * rng.randrange(5, 40)
        iris[node] = f"{BASE}{kind.name}/{node}"
        graph.add_node(iris[node], kind=kind.name, label=label, short=label[:24], ids=[str(node)],
                       links=[], docs=rng.randrange(1, 9), quote=label, date="2024-01-01")
    graph.add_edges_from(((iris[u], iris[v]) for u, v in shape.edges()), relation="mentions")
    return graph


def test_two_thousand_nodes_are_drawn_within_budget(browser, tmp_path: Path) -> None:
    graph = synthetic(2000)
    started = time.perf_counter()
    page = render(Selection(graph, graph.number_of_nodes(), graph.number_of_edges()), "2,000 nodes")
    rendered = time.perf_counter() - started
    out = tmp_path / "big.html"
    out.write_text(page.html, encoding="utf-8")
    settled_ms = open_page(browser, out)
    print(f"\n2,000-node view: rendered in Python in {rendered:.2f} s, drawn in Chromium {settled_ms:.0f} ms after navigation")
    assert page.nodes == 2000
    assert browser.execute_script("return pgView.network.body.nodeIndices.length") == 2000
    assert settled_ms < SETTLE_BUDGET_MS
    assert_quiet_and_offline(browser)
