"""Graph views without a browser: RDF to networkx, selection, the page's text, exports and stats.

Every test reads a graph written by the real ``parlgraph build`` from data/corpus (built once).
The browser tests (test_browser.py) import the helpers here.
"""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from conftest import CORPUS, PARLGRAPH
from parlgraph.viz.layout import positions
from parlgraph.viz.network import Selection, load_store, match_nodes, select, to_networkx
from parlgraph.viz.render import embed_json, render

BASE = "https://w3id.org/parlgraph/"
REPORT = re.compile(r"wrote (?P<path>.+): (?P<nodes>\d+) nodes, (?P<edges>\d+) edges \(graph: (?P<total>\d+) nodes")


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([*PARLGRAPH, *args], capture_output=True, text=True, timeout=300, check=False)
    if check:
        assert result.returncode == 0, result.stderr
    return result


def build(sources: Path, out: Path) -> Path:
    run("build", str(sources), "-o", str(out))
    return out


def viz(graph: Path, out: Path, *options: str) -> int:
    """Runs ``parlgraph viz``; returns the number of nodes it says it drew."""
    match = REPORT.search(run("viz", str(graph), "-o", str(out), *options).stderr)
    assert match is not None
    return int(match["nodes"])


@pytest.fixture(scope="session")
def sample_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(CORPUS, tmp_path_factory.mktemp("graph") / "graph.trig")


@pytest.fixture(scope="session")
def network(sample_graph: Path) -> nx.DiGraph:
    return to_networkx(load_store(sample_graph))


def test_nodes_are_the_entities_not_the_evidence(network: nx.DiGraph) -> None:
    kinds = {kind for _, kind in network.nodes(data="kind")}
    assert {"document", "kamerstuk", "person", "post", "act", "council", "meeting"} <= kinds
    assert not [n for n in network if "/annotation/" in n or "/holding/" in n or "/run/" in n]
    assert sum(1 for _, kind in network.nodes(data="kind") if kind == "document") == len(list(CORPUS.glob("*.txt")))


@pytest.mark.parametrize("source, relation, target", [
    (f"{BASE}person/yesilgoz-zegerius", "holds", f"{BASE}post/minister-van-justitie-en-veiligheid"),
    (f"{BASE}document/001_35f14d6b58e23d0b", "cites", f"{BASE}kamerstuk/kst-26643-1011"),
    (f"{BASE}kamerstuk/kst-26643-1011", "in dossier", f"{BASE}dossier/26643"),
    (f"{BASE}meeting/jbz-raad/2023-09-28", "mentioned with", f"{BASE}act/32024R1359"),
])
def test_relations_become_labelled_edges(network: nx.DiGraph, source: str, relation: str, target: str) -> None:
    assert relation in network.edges[source, target]["relation"].split(", ")


def test_membership_nodes_collapse_and_mentions_yield_to_specific_relations(network: nx.DiGraph) -> None:
    relations = [r for *_, r in network.edges(data="relation")]
    assert not [r for r in relations if "mentions" in r and "," in r]
    motions = [n for n, kind in network.nodes(data="kind") if kind == "motion"]
    assert motions and all(
        any("submitted by" in network.edges[m, p]["relation"] for p in network.successors(m)) for m in motions
    )


def test_nodes_carry_evidence_and_link_outs(network: nx.DiGraph) -> None:
    person = network.nodes[f"{BASE}person/yesilgoz-zegerius"]
    assert person["docs"] >= 2 and "Zegerius" in person["quote"]
    kst = network.nodes[f"{BASE}kamerstuk/kst-26643-1011"]
    assert ("officielebekendmakingen.nl", "https://zoek.officielebekendmakingen.nl/kst-26643-1011") in kst["links"]
    acts = [data for _, data in network.nodes(data=True) if data["kind"] == "act"]
    assert any(site == "EUR-Lex" for act in acts for site, _ in act["links"])
    assert any(site == "wetten.overheid.nl" for act in acts for site, _ in act["links"])


@pytest.mark.parametrize("text, expected", [
    ("Crisisverordening", f"{BASE}act/32024R1359"),
    ("crisisVERORDENING", f"{BASE}act/32024R1359"),
    ("kst-26643-1011", f"{BASE}kamerstuk/kst-26643-1011"),
    (f"{BASE}person/yesilgoz-zegerius", f"{BASE}person/yesilgoz-zegerius"),
    ("yeşilgöz", f"{BASE}person/yesilgoz-zegerius"),
])
def test_focus_matches_labels_identifiers_and_iris(network: nx.DiGraph, text: str, expected: str) -> None:
    assert expected in match_nodes(network, text)


@pytest.mark.parametrize("text", ["Pietersen-Bakker", "kst-99999-1", "<script>"])
def test_focus_that_matches_nothing(network: nx.DiGraph, text: str) -> None:
    assert match_nodes(network, text) == []


def test_focus_depth_and_types_restrict_the_view(network: nx.DiGraph) -> None:
    act = f"{BASE}act/32024R1359"
    near = select(network, focus="Crisisverordening", depth=1)
    assert act in near.graph and set(near.graph) == {act, *network.successors(act), *network.predecessors(act)}
    wider = select(network, focus="Crisisverordening", depth=2)
    assert len(wider.graph) > len(near.graph)
    people = select(network, types={"person", "post"})
    assert {kind for _, kind in people.graph.nodes(data="kind")} == {"person", "post"}


def test_max_nodes_keeps_the_best_connected_and_says_what_is_left_out(network: nx.DiGraph) -> None:
    view = select(network, max_nodes=20)
    assert view.graph.number_of_nodes() == 20
    lowest_kept = min(network.degree(n) for n in view.graph)
    assert all(network.degree(n) <= lowest_kept for n in network if n not in view.graph)
    assert sum(view.omitted.values()) == network.number_of_nodes() - 20
    assert view.note.startswith(f"Showing 20 of {network.number_of_nodes()} nodes; left out:")


def test_layout_is_deterministic_and_spreads_nodes(network: nx.DiGraph) -> None:
    first, second = positions(network), positions(network)
    assert first == second
    points = sorted(first.values())
    assert len(set(points)) == len(points)
    assert all(abs(x) < 1e5 and abs(y) < 1e5 for x, y in points)


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>", "</script><script>alert(1)</script>", '" onmouseover="alert(1)',
    "<!-- x", "a & b", "line\u2028separator",
])
def test_embedded_json_cannot_end_its_script_element(payload: str) -> None:
    text = embed_json({"label": payload})
    assert "<" not in text and ">" not in text and "\u2028" not in text
    assert json.loads(text) == {"label": payload}


def test_viz_page_is_self_contained(sample_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    drawn = viz(sample_graph, out)
    page = out.read_text(encoding="utf-8")
    assert drawn == len(to_networkx(load_store(sample_graph)))
    assert not re.search(r"<(?:script|link|img|iframe)[^>]+(?:src|href)=", page, re.I)
    assert "sourceMappingURL" not in page and "default-src 'none'" in page
    data = json.loads(re.search(r'<script type="application/json" id="pg-data">(.*?)</script>', page, re.S)[1])
    assert len(data["nodes"]) == drawn
    assert all({"id", "label", "x", "y", "kind", "full", "quote"} <= set(node) for node in data["nodes"])


@pytest.mark.parametrize("options, code, message", [
    (("--types", "person,kabinet"), 2, "unknown type(s) kabinet"),
    (("--focus", "Pietersen-Bakker"), 1, "matches no node"),
])
def test_viz_rejects_bad_options_in_one_line(sample_graph: Path, tmp_path: Path, options: tuple, code: int, message: str) -> None:
    result = run("viz", str(sample_graph), "-o", str(tmp_path / "x.html"), *options, check=False)
    assert result.returncode == code and message in result.stderr
    assert not (tmp_path / "x.html").exists()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_round_trips_through_networkx(sample_graph: Path, network: nx.DiGraph, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    run("export", str(sample_graph), "--format", fmt, "-o", str(out))
    back = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    assert back.number_of_nodes() == network.number_of_nodes()
    assert back.number_of_edges() == network.number_of_edges()
    person = back.nodes[f"{BASE}person/yesilgoz-zegerius"]
    assert person["kind"] == "person" and "Zegerius" in person["label"]


def test_stats_answers_its_questions(sample_graph: Path, network: nx.DiGraph) -> None:
    result = json.loads(run("stats", sample_graph.as_posix(), "--json", "--top", "3").stdout)
    assert result["nodes"] == network.number_of_nodes()
    assert sum(result["per_type"].values()) == network.number_of_nodes()
    assert result["documents_per_month"] == {"2023-09": 1, "2023-10": 2, "2023-11": 1, "2024-01": 1}
    cited = result["most_cited_kamerstukken"]
    assert len(cited) == 3 and cited[0]["value"] >= cited[-1]["value"] >= 1
    assert all(row["iri"].startswith(f"{BASE}kamerstuk/") for row in cited)
    people = result["central_people"]
    assert people and all(network.nodes[row["iri"]]["kind"] == "person" for row in people)
    assert [row["value"] for row in people] == sorted((row["value"] for row in people), reverse=True)
    text = run("stats", str(sample_graph)).stdout
    assert "Most-cited Kamerstukken" in text and "Most central people" in text and "2023-10" in text


def test_render_reports_what_it_drew(network: nx.DiGraph) -> None:
    selection = Selection(network, network.number_of_nodes(), network.number_of_edges())
    page = render(selection, "t")
    assert (page.nodes, page.edges) == (network.number_of_nodes(), network.number_of_edges())
