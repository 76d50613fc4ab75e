"""The knowledge graph builder: IRIs, provenance, named graphs, determinism, formats, link-outs."""
from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from conftest import CORPUS, PARLGRAPH
from parlgraph.corpus import BatchReport, extract_paths
from parlgraph.ingest.readers import read_document
from parlgraph.kg import DEFAULT_BASE, build_store, consolidate, document_graph, write_dataset
from parlgraph.kg.iris import document_key, eli_of_celex, motion_key
from parlgraph.kg.jsonl import extraction_from_json
from parlgraph.kg.validate import load_store
from parlgraph.models import DocumentInfo, Extraction, Legislation, Mention, Motion, Party, Person

B = DEFAULT_BASE
DOC = {name: f"{B}document/{name}" for name in (
    "000_8ac4a49ce19da327", "001_35f14d6b58e23d0b", "002_7468cf160a9047f9", "003_d229cc705638e600",
    "004_bbb80295c834df5f",
)}
ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"


@pytest.fixture(scope="module")
def extractions() -> list[Extraction]:
    return list(extract_paths([CORPUS], BatchReport()))


@pytest.fixture(scope="module")
def store(extractions: list[Extraction]) -> ox.Store:
    return build_store([document_graph(e) for e in extractions])


def written(extractions: list[Extraction], fmt: str) -> bytes:
    out = io.BytesIO()
    write_dataset([document_graph(e) for e in extractions], out, fmt)
    return out.getvalue()


def select(store: ox.Store, query: str) -> list[dict[str, str]]:
    solutions = store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in solutions.variables]
    return [{n: s[n].value for n in names if s[n] is not None} for s in solutions]


# --- identifiers ------------------------------------------------------------------------------

@pytest.mark.parametrize(("celex", "eli"), [
    ("32024R1351", "http://data.europa.eu/eli/reg/2024/1351/oj"),
    ("32001L0055", "http://data.europa.eu/eli/dir/2001/55/oj"),
    ("32009R0810", "http://data.europa.eu/eli/reg/2009/810/oj"),
    ("32011L0036", "http://data.europa.eu/eli/dir/2011/36/oj"),
    ("52022PC0209", None),  # a proposal has no ELI
    ("62019CJ0311", None),  # case law is no act
])
def test_eli_from_celex(celex: str, eli: str | None) -> None:
    assert eli_of_celex(celex) == eli


@pytest.mark.parametrize(("source", "key"), [
    ("data/corpus/001_35f14d6b58e23d0b.txt", "001_35f14d6b58e23d0b"),
    ("/x/Kamerbrief over JBZ-Raad.pdf", "Kamerbrief-over-JBZ-Raad"),
    ("verslag.v2.html", "verslag.v2"),
])
def test_document_key(source: str, key: str) -> None:
    assert document_key(source) == key


@pytest.mark.parametrize(("motion", "key"), [
    (Motion(id="m", label="motie Van Ginneken", submitters=["Van Ginneken"], kamerstuk="kst-26643-1011"),
     "kst-26643-1011"),
    (Motion(id="m", label="motie Van Weerdenburg", submitters=["Van Weerdenburg"]), "van-weerdenburg"),
    (Motion(id="m", label="motie Kuik", submitters=["Kuik", "Ceder"], kamerstuk="niet-normaal"), "kuik"),
])
def test_motion_key_is_its_kamerstuk_else_first_submitter(motion: Motion, key: str) -> None:
    assert motion_key(motion) == key


# --- formats, determinism, named graphs --------------------------------------------------------

@pytest.mark.parametrize(("fmt", "rdflib_format"), [
    ("turtle", "turtle"), ("trig", "trig"), ("nquads", "nquads"), ("ntriples", "nt"), ("jsonld", "json-ld"),
])
def test_every_format_parses_in_rdflib_and_pyoxigraph(extractions: list[Extraction], fmt: str,
                                                      rdflib_format: str) -> None:
    data = written(extractions, fmt)
    union = {q.triple for q in ox.parse(data, {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG,
                                               "nquads": ox.RdfFormat.N_QUADS, "ntriples": ox.RdfFormat.N_TRIPLES,
                                               "jsonld": ox.RdfFormat.JSON_LD}[fmt])}
    graph = rdflib.Dataset() if fmt in ("trig", "nquads") else rdflib.Graph()
    graph.parse(data=data, format=rdflib_format)
    expected = {q.triple for q in ox.parse(written(extractions, "nquads"), ox.RdfFormat.N_QUADS)}
    assert union == expected
    triples = {t for g in graph.graphs() for t in g} if isinstance(graph, rdflib.Dataset) else set(graph)
    assert len(triples) == len(expected)


@pytest.mark.parametrize("fmt", ["turtle", "trig", "nquads"])
def test_two_builds_are_byte_identical(extractions: list[Extraction], fmt: str) -> None:
    again = list(extract_paths([CORPUS], BatchReport()))
    assert written(extractions, fmt) == written(again, fmt)


@pytest.mark.parametrize(("suffix", "fmt"), [(".trig", "trig"), (".jsonld", "jsonld")])
def test_cli_build_in_another_process_writes_the_same_bytes(extractions: list[Extraction], tmp_path: Path,
                                                            suffix: str, fmt: str) -> None:
    out = tmp_path / f"graph{suffix}"
    env = {**os.environ, "PYTHONHASHSEED": "7"}  # another hash seed than this process: no set-order leaks
    result = subprocess.run([*PARLGRAPH, "build", str(CORPUS), "-o", str(out)], capture_output=True, text=True,
                            timeout=300, check=False, env=env)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == written(extractions, fmt)
    assert "5 document(s)" in result.stderr and "Kamerstuk" in result.stderr


def test_no_clock_and_no_randomness_in_the_graph(extractions: list[Extraction]) -> None:
    graph = document_graph(extractions[1])
    assert graph == document_graph(extractions[1])
    dates = [q for q in graph.quads if isinstance(q.object, ox.Literal)
             and q.object.datatype.value.endswith("#dateTime")]
    assert dates == []
    runs = {q.subject.value for q in graph.quads if q.object == ox.NamedNode("http://www.w3.org/ns/prov#Activity")}
    assert runs == {f"{B}run/0.1.0-{extractions[1].sha256}"}


def test_every_quad_lives_in_its_documents_graph(extractions: list[Extraction]) -> None:
    for extraction in extractions:
        graph = document_graph(extraction)
        assert graph.iri == DOC[Path(extraction.source).stem]
        assert {q.graph_name.value for q in graph.quads} == {graph.iri}
        assert list(graph.quads) == sorted(graph.quads, key=str)


def test_rebuilding_one_changed_document_changes_only_its_graph(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    before = tmp_path / "before.trig"
    after = tmp_path / "after.trig"
    write_dataset([document_graph(e) for e in extract_paths([corpus], BatchReport())], before, "trig")
    changed = corpus / "004_bbb80295c834df5f.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nZie ook Kamerstuk 32 317, nr. 900.\n",
                       encoding="utf-8")
    write_dataset([document_graph(e) for e in extract_paths([corpus], BatchReport())], after, "trig")

    def graphs(path: Path) -> dict[str, set[ox.Quad]]:
        found: dict[str, set[ox.Quad]] = {}
        for quad in ox.parse(path=path, format=ox.RdfFormat.TRIG):
            found.setdefault(quad.graph_name.value, set()).add(quad)
        return found

    old, new = graphs(before), graphs(after)
    differing = {name for name in old.keys() | new.keys() if old.get(name) != new.get(name)}
    assert DOC["004_bbb80295c834df5f"] in differing
    assert differing <= {DOC["004_bbb80295c834df5f"], f"{B}graph/consolidated"}
    assert any("kst-32317-900" in q.object.value for q in new[DOC["004_bbb80295c834df5f"]]
               if isinstance(q.object, ox.NamedNode))


def test_jsonl_from_extract_builds_the_same_graph(extractions: list[Extraction]) -> None:
    for extraction in extractions:
        assert document_graph(extraction_from_json(extraction.to_json())) == document_graph(extraction)


def test_a_bad_file_is_reported_and_the_rest_is_built(tmp_path: Path) -> None:
    shutil.copy(CORPUS / "001_35f14d6b58e23d0b.txt", tmp_path)
    (tmp_path / "leeg.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out" / "graph.nq"
    result = subprocess.run([*PARLGRAPH, "build", str(tmp_path), "-o", str(out)], capture_output=True, text=True,
                            timeout=300, check=False)
    assert result.returncode == 3
    assert [line for line in result.stderr.splitlines() if line.startswith("error:")] == [
        line for line in result.stderr.splitlines() if "leeg.txt" in line]
    assert DOC["001_35f14d6b58e23d0b"] in out.read_text(encoding="utf-8")


# --- provenance ---------------------------------------------------------------------------------

def test_every_quote_is_the_document_text_at_its_offsets(store: ox.Store) -> None:
    rows = select(store, """
        PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?id ?start ?end ?exact WHERE {
            ?target oa:hasSource ?doc ; oa:hasSelector ?p , ?q .
            ?doc dcterms:identifier ?id .
            ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?exact .
        }""")
    texts = {path.stem: read_document(path).text for path in CORPUS.glob("*.txt")}
    assert len(rows) > 300
    wrong = [r for r in rows if texts[r["id"]][int(r["start"]):int(r["end"])] != r["exact"]]
    assert wrong == []


def test_every_annotation_has_a_run_naming_the_version_and_its_document(store: ox.Store) -> None:
    rows = select(store, """
        PREFIX oa: <http://www.w3.org/ns/oa#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        PREFIX schema: <http://schema.org/>
        SELECT DISTINCT ?a ?version ?doc ?source WHERE {
            ?a a oa:Annotation ; prov:wasGeneratedBy ?run ; prov:wasDerivedFrom ?doc ; oa:hasTarget/oa:hasSource ?source .
            ?run prov:wasAssociatedWith/schema:softwareVersion ?version ; prov:used ?doc .
        }""")
    annotations = select(store, "SELECT ?a WHERE { ?a a <http://www.w3.org/ns/oa#Annotation> }")
    assert len(rows) == len(annotations)
    assert all(r["version"] == "0.1.0" and r["doc"] == r["source"] for r in rows)


def test_example_ttl_is_what_the_builder_writes(extractions: list[Extraction]) -> None:
    """ontology/example.ttl shows real output: each of its triples is in the written dataset (a file, not a
    store: Oxigraph stores xsd:nonNegativeInteger as xsd:integer)."""
    example = {q.triple for q in ox.parse(path=ONTOLOGY / "example.ttl", format=ox.RdfFormat.TURTLE)}
    interval = ("#during", "#begin", "#end")
    built = {q.triple for q in ox.parse(written(extractions, "nquads"), ox.RdfFormat.N_QUADS)}
    missing = {t for t in example if t not in built
               and not t.subject.value.endswith(interval) and "memberDuring" not in t.predicate.value}
    assert missing == set()


# --- link-outs and cross-document identity --------------------------------------------------------

@pytest.mark.parametrize(("subject", "predicate", "obj"), [
    (f"{B}kamerstuk/kst-26643-1011", "http://xmlns.com/foaf/0.1/page",
     "https://zoek.officielebekendmakingen.nl/kst-26643-1011"),
    (f"{B}kamerstuk/kst-32317-OG", "http://xmlns.com/foaf/0.1/page", "https://zoek.officielebekendmakingen.nl/kst-32317-OG"),
    (f"{B}act/32024R1351", "http://www.w3.org/2004/02/skos/core#exactMatch", "http://data.europa.eu/eli/reg/2024/1351/oj"),
    (f"{B}act/32024R1351", "http://www.w3.org/2004/02/skos/core#exactMatch",
     "http://publications.europa.eu/resource/celex/32024R1351"),
    (f"{B}act/32024R1351", "http://www.w3.org/2004/02/skos/core#relatedMatch",
     "http://publications.europa.eu/resource/celex/52020PC0610"),
    (f"{B}act/BWBR0001854", "http://xmlns.com/foaf/0.1/page", "https://wetten.overheid.nl/BWBR0001854"),
    (f"{B}act/BWBR0004627", "http://xmlns.com/foaf/0.1/page", "https://wetten.overheid.nl/BWBR0004627"),
    (f"{B}post/minister-van-justitie-en-veiligheid", "http://www.w3.org/ns/org#postIn",
     "https://identifier.overheid.nl/tooi/id/ministerie/mnre1058"),
    ("https://identifier.overheid.nl/tooi/id/ministerie/mnre1058", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
     "https://identifier.overheid.nl/tooi/def/ont/Ministerie"),
    (DOC["004_bbb80295c834df5f"], "https://w3id.org/parlgraph/ontology#publishedAs", f"{B}kamerstuk/kst-32317-OG"),
    (f"{B}motion/kst-26643-1011", "https://w3id.org/parlgraph/ontology#publishedAs", f"{B}kamerstuk/kst-26643-1011"),
])
def test_link_outs(store: ox.Store, subject: str, predicate: str, obj: str) -> None:
    assert list(store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(predicate), ox.NamedNode(obj)))


@pytest.mark.parametrize(("node", "documents"), [
    (f"{B}kamerstuk/kst-26643-1011", {"001_35f14d6b58e23d0b", "003_d229cc705638e600"}),
    (f"{B}kamerstuk/kst-32317-848", {"001_35f14d6b58e23d0b", "003_d229cc705638e600"}),
    (f"{B}person/yesilgoz-zegerius", {"001_35f14d6b58e23d0b", "002_7468cf160a9047f9", "003_d229cc705638e600",
                                      "004_bbb80295c834df5f"}),
    (f"{B}person/van-der-burg", {"001_35f14d6b58e23d0b", "002_7468cf160a9047f9", "003_d229cc705638e600",
                                 "004_bbb80295c834df5f"}),
    (f"{B}act/32024R1359", {"001_35f14d6b58e23d0b", "003_d229cc705638e600", "004_bbb80295c834df5f"}),
    (f"{B}act/32001L0055", {"001_35f14d6b58e23d0b", "002_7468cf160a9047f9", "004_bbb80295c834df5f"}),
    (f"{B}council/jbz-raad", {"001_35f14d6b58e23d0b", "002_7468cf160a9047f9", "003_d229cc705638e600",
                              "004_bbb80295c834df5f"}),
    (f"{B}motion/kst-26643-1011", {"001_35f14d6b58e23d0b", "003_d229cc705638e600"}),
])
def test_one_node_across_documents(store: ox.Store, node: str, documents: set[str]) -> None:
    mentioning = {q.subject.value.rsplit("/", 1)[-1] for q in store.quads_for_pattern(
        None, ox.NamedNode("https://w3id.org/parlgraph/ontology#mentions"), ox.NamedNode(node))}
    assert documents <= mentioning
    labels = list(store.quads_for_pattern(ox.NamedNode(node), ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel"), None))
    assert len(labels) == 1


@pytest.mark.parametrize(("kind", "identifying", "value"), [
    ("https://w3id.org/parlgraph/ontology#Kamerstuk", "http://purl.org/dc/terms/identifier", "kst-26643-1011"),
    ("http://data.europa.eu/eli/ontology#LegalResource", "https://w3id.org/parlgraph/ontology#celex", "32024R1359"),
    ("http://xmlns.com/foaf/0.1/Person", "http://xmlns.com/foaf/0.1/familyName", "Yeşilgöz-Zegerius"),
])
def test_no_duplicate_nodes_for_one_identifier(store: ox.Store, kind: str, identifying: str, value: str) -> None:
    nodes = {q.subject for q in store.quads_for_pattern(None, ox.NamedNode(identifying), ox.Literal(value))}
    assert len(nodes) == 1


# --- builder rules on constructed extractions ------------------------------------------------------

def _mention(text: str, fragment: str, after: int = 0) -> Mention:
    start = text.index(fragment, after)
    return Mention(start, start + len(fragment), fragment)


TOPICS = ("De onderwerpen zijn: Insolventierichtlijn (SP), Staat van Schengen (CDA, VVD) en "
          "Crisisverordening \n(PvDA en GroenLinks, CU). De VVD vindt de Crisisverordening te ruim.")


@pytest.mark.parametrize(("act", "fracties"), [
    ("Crisisverordening", {"pvda", "groenlinks", "christenunie"}),
    ("Insolventierichtlijn", {"sp"}),
])
def test_fracties_listed_after_an_act_form_an_inbreng(act: str, fracties: set[str]) -> None:
    later = TOPICS.index(". De VVD")
    parties = {"pvda": ["PvDA"], "groenlinks": ["GroenLinks"], "christenunie": ["CU"], "sp": ["SP"], "cda": ["CDA"]}
    entities = [
        Legislation(id=f"act:{act}", label=act, mentions=[_mention(TOPICS, act), _mention(TOPICS, act, later)]
                    if act == "Crisisverordening" else [_mention(TOPICS, act)]),
        Party(id="party:vvd", label="vvd", mentions=[_mention(TOPICS, "VVD"), _mention(TOPICS, "VVD", later)]),
        *(Party(id=f"party:{slug}", label=slug, mentions=[_mention(TOPICS, f) for f in forms])
          for slug, forms in parties.items()),
    ]
    graph = document_graph(Extraction("x/vso.txt", DocumentInfo(kind="verslag schriftelijk overleg"), entities))
    named = {q.object.value.rsplit("/", 1)[-1] for q in graph.quads
             if q.predicate.value == "https://w3id.org/parlgraph/ontology#fractie"}
    assert named == fracties  # not the CDA/VVD of another topic, not the VVD of the later sentence


def test_a_person_with_an_office_gets_a_post_holding_evidenced_by_the_nearest_pair() -> None:
    text = "De Minister van Justitie en Veiligheid,\n\nD. Yeşilgöz-Zegerius"
    from parlgraph.models import Office

    office = Office(id="office:mjv", label="Minister van Justitie en Veiligheid", role="minister",
                    ministry="Justitie en Veiligheid", tooi="https://identifier.overheid.nl/tooi/id/ministerie/mnre1058",
                    mentions=[_mention(text, "Minister van Justitie en Veiligheid")])
    person = Person(id="person:yesilgoz-zegerius", label="Yeşilgöz-Zegerius", name="D. Yeşilgöz-Zegerius",
                    surname="Yeşilgöz-Zegerius", offices=["Minister van Justitie en Veiligheid"],
                    mentions=[_mention(text, "D. Yeşilgöz-Zegerius")])
    graph = document_graph(Extraction("x/brief.txt", DocumentInfo(date="2023-10-09"), [office, person]))
    holding = f"{B}holding/yesilgoz-zegerius/minister-van-justitie-en-veiligheid"
    evidence = {q.subject.value.rsplit("/", 1)[-1] for q in graph.quads
                if q.predicate.value.endswith("#hasBody") and q.object.value == holding}
    assert {e.rsplit("-", 1)[0] for e in evidence} == {"3-38", "41-61"}


def test_consolidation_picks_the_label_most_documents_use() -> None:
    def doc(name: str, spelling: str) -> Extraction:
        return Extraction(f"{name}.txt", DocumentInfo(date="2023-01-01"), [
            Person(id="person:van-ginneken", label=spelling, name=spelling, surname=spelling,
                   mentions=[Mention(0, len(spelling), spelling)])])

    store = build_store([document_graph(doc("a", "van Ginneken")), document_graph(doc("b", "Van Ginneken")),
                         document_graph(doc("c", "Van Ginneken"))])
    consolidate(store, B)  # idempotent: a second run rewrites the same graph
    rows = select(store, """
        PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
        SELECT ?pref ?alt WHERE { <https://w3id.org/parlgraph/person/van-ginneken> skos:prefLabel ?pref ;
                                  skos:altLabel ?alt }""")
    assert rows == [{"pref": "Van Ginneken", "alt": "van Ginneken"}]


def test_a_graph_file_loads_back_into_a_store(extractions: list[Extraction], tmp_path: Path) -> None:
    path = tmp_path / "graph.nq"
    write_dataset([document_graph(e) for e in extractions], path, "nquads")
    store = load_store(path)
    assert {g.value for g in store.named_graphs()} >= set(DOC.values()) | {f"{B}graph/consolidated", f"{B}graph/ontology"}


# --- consolidation while streaming, and the union written in two parts ----------------------------

SYNTAXES = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
            "ntriples": ox.RdfFormat.N_TRIPLES}
CONSOLIDATED = ox.NamedNode(f"{B}graph/consolidated")
HOLDING = f"{B}holding/van-ginneken/minister-van-justitie-en-veiligheid"


def _signed(name: str, date: str, spelling: str) -> Extraction:
    """A letter signed by the minister, spelling the name its own way: a post holding and a label vote."""
    from parlgraph.models import Office

    text = f"De Minister van Justitie en Veiligheid,\n\nM. {spelling}"
    office = Office(id="office:mjv", label="Minister van Justitie en Veiligheid", role="minister",
                    ministry="Justitie en Veiligheid", mentions=[_mention(text, "Minister van Justitie en Veiligheid")])
    person = Person(id="person:van-ginneken", label=spelling, name=f"M. {spelling}", surname=spelling,
                    offices=[office.label], mentions=[_mention(text, f"M. {spelling}")])
    return Extraction(f"x/{name}.txt", DocumentInfo(date=date), [office, person])


LETTERS = [_signed("a", "2023-03-01", "Van Ginneken"), _signed("b", "2023-01-15", "van Ginneken"),
           _signed("c", "2023-06-30", "Van Ginneken")]


def _consolidated_of(data: bytes, fmt: str) -> set[ox.Quad]:
    return {q for q in ox.parse(data, SYNTAXES[fmt]) if q.graph_name == CONSOLIDATED}


@pytest.mark.parametrize("fmt", ["nquads", "trig"])
def test_a_written_dataset_consolidates_as_a_store_does(fmt: str) -> None:
    graphs = [document_graph(e) for e in LETTERS]
    out = io.BytesIO()
    write_dataset(graphs, out, fmt)
    written = _consolidated_of(out.getvalue(), fmt)
    assert written == set(build_store(graphs).quads_for_pattern(None, None, None, CONSOLIDATED))
    by_predicate = {(q.subject.value, q.predicate.value.rsplit("#", 1)[-1]): q.object.value for q in written}
    assert by_predicate[(f"{HOLDING}#begin", "inXSDDate")] == "2023-01-15"  # the earliest letter, not the first
    assert by_predicate[(f"{HOLDING}#end", "inXSDDate")] == "2023-06-30"
    assert by_predicate[(f"{B}person/van-ginneken", "prefLabel")] == "Van Ginneken"
    assert by_predicate[(f"{B}person/van-ginneken", "altLabel")] == "van Ginneken"


def test_the_corpus_consolidates_alike_written_or_stored(extractions: list[Extraction], store: ox.Store) -> None:
    data = written(extractions, "nquads")
    consolidated = _consolidated_of(data, "nquads")
    assert consolidated == set(store.quads_for_pattern(None, None, None, CONSOLIDATED))
    lines = [line for line in data.splitlines() if line.endswith(f"<{CONSOLIDATED.value}> .".encode())]
    assert lines == sorted(lines) and len(lines) == len(consolidated)


@pytest.mark.parametrize(("votes", "expected"), [
    # a node whose IRI is the start of another's comes after it, as "<...van>" sorts after "<...van-g"
    ({("person/van", "Van"): 1, ("person/van-ginneken", "Van Ginneken"): 2, ("person/van-ginneken", "van Ginneken"): 1,
      ("person/vana", "Vana"): 1},
     [("person/van-ginneken", "altLabel", "van Ginneken"), ("person/van-ginneken", "prefLabel", "Van Ginneken"),
      ("person/van", "prefLabel", "Van"), ("person/vana", "prefLabel", "Vana")]),
    # a tie goes to the smallest string; quotes and backslashes sort as written in N-Quads
    ({("act/x", 'de "wet"'): 1, ("act/x", "de wet"): 1, ("act/x", "de \\wet"): 1},
     [("act/x", "prefLabel", 'de "wet"'), ("act/x", "altLabel", "de \\wet"), ("act/x", "altLabel", "de wet")]),
])
def test_preferred_labels_come_in_the_order_of_their_text(votes: dict[tuple[str, str], int],
                                                           expected: list[tuple[str, str, str]]) -> None:
    from parlgraph.kg.consolidate import label_quads

    quads = list(label_quads({(f"{B}{node}", label): n for (node, label), n in votes.items()}, CONSOLIDATED))
    assert quads == sorted(quads, key=str)
    assert [(q.subject.value.removeprefix(B), q.predicate.value.rsplit("#", 1)[-1], q.object.value)
            for q in quads] == sorted(expected, key=lambda t: str(ox.Quad(
                ox.NamedNode(B + t[0]), ox.NamedNode(f"http://www.w3.org/2004/02/skos/core#{t[1]}"),
                ox.Literal(t[2], language="nl"), CONSOLIDATED)))


def test_a_document_hands_consolidation_only_what_it_reads() -> None:
    from parlgraph.kg import encode

    graph = document_graph(LETTERS[0])
    encoded = encode(graph)
    rule_input = {(q.subject.value.removeprefix(B), q.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1],
                   q.object.value.removeprefix(B)) for q in ox.parse(encoded.needed, ox.RdfFormat.N_QUADS)}
    assert rule_input == {
        ("document/a", "type", "ontology#SourceDocument"),
        ("document/a", "date", "2023-03-01"),
        (HOLDING.removeprefix(B), "type", "ontology#PostHolding"),
        (HOLDING.removeprefix(B), "wasDerivedFrom", "document/a"),
    }  # not the annotations' wasDerivedFrom, nor the labels: those are counted as votes
    labels = {(q.subject.value, q.object.value) for q in graph.quads
              if q.predicate.value.endswith("#label") and q.object.language == "nl"}
    assert set(encoded.labels) == labels and len(encoded.labels) == len(labels)
    assert (f"{B}person/van-ginneken", "Van Ginneken") in labels


@pytest.mark.parametrize("fmt", ["turtle", "ntriples"])
def test_the_union_states_each_triple_once(extractions: list[Extraction], fmt: str) -> None:
    data = written(extractions, fmt)
    triples = [q.triple for q in ox.parse(data, SYNTAXES[fmt])]
    assert len(triples) == len(set(triples))
    out = io.BytesIO()
    assert write_dataset([document_graph(e) for e in extractions], out, fmt) == len(triples)


@pytest.mark.parametrize("fmt", ["turtle", "trig"])
def test_prefixes_are_declared_once_at_the_top(extractions: list[Extraction], fmt: str) -> None:
    lines = written(extractions, fmt).decode("utf-8").splitlines()
    declared = [i for i, line in enumerate(lines) if line.startswith("@prefix ")]
    assert declared == list(range(len(declared))) and len(declared) > 10
    assert len({lines[i] for i in declared}) == len(declared)


@pytest.mark.parametrize(("encoded_for", "written_as", "fits"), [
    ("nquads", "nquads", True),
    ("ntriples", "jsonld", True),  # both carry N-Triples
    ("nquads", "trig", False),
    ("turtle", "ntriples", False),  # a Turtle chunk is not N-Triples
    ("ntriples", "nquads", False),
])
def test_a_graph_is_written_only_in_the_syntax_it_was_encoded_for(encoded_for: str, written_as: str,
                                                                 fits: bool) -> None:
    from parlgraph.kg import encode

    encoded = [encode(document_graph(e), encoded_for) for e in LETTERS]
    if fits:
        assert write_dataset(encoded, io.BytesIO(), written_as) > 0
    else:
        with pytest.raises(ValueError, match=f"encoded as {encoded_for}, not for {written_as}"):
            write_dataset(encoded, io.BytesIO(), written_as)
