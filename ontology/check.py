"""Self-check of the ontology directory: run it after any change here.

    /work/main/.venv/bin/python ontology/check.py

It checks that
  * every Turtle file and context.jsonld parses;
  * example.ttl conforms to shapes.ttl, and the quotes in it are the text at their offsets;
  * each of a list of deliberately broken variants does NOT conform (so the shapes really bite);
  * each query has its header lines, parses in rdflib and pyoxigraph, and gives the expected
    rows on example.ttl plus a small fixture, both with a VALUES block in pyoxigraph and with
    rdflib initBindings;
  * rules/consolidate.ru rebuilds the interval in example.ttl from the document graph alone;
  * example.ttl survives a round trip through JSON-LD with context.jsonld.

Exit status 0 when all hold. Needs rdflib, pyshacl and pyoxigraph; no network.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pyoxigraph as ox
import pyshacl
import rdflib
from rdflib.compare import isomorphic
from rdflib.plugins.sparql import prepareQuery

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "data" / "corpus"
B = "https://w3id.org/parlgraph/"
DOC = B + "document/001_35f14d6b58e23d0b"
HOLDING = B + "holding/yesilgoz-zegerius/minister-van-justitie-en-veiligheid"

PREFIXES = """
@prefix pg: <https://w3id.org/parlgraph/ontology#> .
@prefix dockind: <https://w3id.org/parlgraph/vocab/document-kind/> .
@prefix mstatus: <https://w3id.org/parlgraph/vocab/motion-status/> .
@prefix actkind: <https://w3id.org/parlgraph/vocab/act-kind/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix opengov: <http://www.w3.org/ns/opengov#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix schema: <http://schema.org/> .
@prefix oa: <http://www.w3.org/ns/oa#> .
@prefix time: <http://www.w3.org/2006/time#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix b: <https://w3id.org/parlgraph/> .
"""

# A second document with the entity types example.ttl leaves out, so every query has something to
# find. Facts are simplified from the seed corpus; offsets are not needed for these queries.
FIXTURE = PREFIXES + """
<https://w3id.org/parlgraph/document/003_d229cc705638e600> a pg:SourceDocument ;
    dcterms:identifier "003_d229cc705638e600" ;
    dcterms:date "2023-10-17"^^xsd:date ;
    dcterms:type dockind:verslag-schriftelijk-overleg ;
    eli:cites <https://w3id.org/parlgraph/kamerstuk/kst-26643-1011> ;
    pg:mentions <https://w3id.org/parlgraph/act/32024R1359> , <https://w3id.org/parlgraph/party/vvd> ,
        <https://w3id.org/parlgraph/party/d66> , <https://w3id.org/parlgraph/meeting/jbz-raad/2023-10-19> ,
        <https://w3id.org/parlgraph/motion/kst-26643-1011> , <https://w3id.org/parlgraph/person/van-ginneken> .

<https://w3id.org/parlgraph/act/32024R1359> a eli:LegalResource ;
    skos:prefLabel "Crisisverordening"@nl ;
    skos:altLabel "crisis- en overmachtverordening"@nl ;
    dcterms:type actkind:verordening ;
    pg:celex "32024R1359" ;
    pg:proposalCelex "52020PC0613" ;
    skos:exactMatch <http://data.europa.eu/eli/reg/2024/1359/oj> ,
        <http://publications.europa.eu/resource/celex/32024R1359> ;
    skos:relatedMatch <http://publications.europa.eu/resource/celex/52020PC0613> .

<https://w3id.org/parlgraph/party/vvd> a pg:Fractie ; skos:prefLabel "VVD"@nl .
<https://w3id.org/parlgraph/document/003_d229cc705638e600/inbreng/32024R1359> a pg:Inbreng ;
    pg:about <https://w3id.org/parlgraph/act/32024R1359> ;
    pg:fractie <https://w3id.org/parlgraph/party/vvd> , <https://w3id.org/parlgraph/party/d66> ;
    prov:wasDerivedFrom <https://w3id.org/parlgraph/document/003_d229cc705638e600> .
<https://w3id.org/parlgraph/party/d66> a pg:Fractie ; skos:prefLabel "D66"@nl .

<https://w3id.org/parlgraph/council/jbz-raad> a pg:Council ;
    skos:prefLabel "JBZ-Raad"@nl ;
    skos:altLabel "Raad Justitie en Binnenlandse Zaken"@nl ;
    org:subOrganizationOf <http://publications.europa.eu/resource/authority/corporate-body/CONSIL> .

<https://w3id.org/parlgraph/meeting/jbz-raad/2023-10-19> a pg:Meeting ;
    skos:prefLabel "JBZ-Raad 2023-10-19"@nl ;
    pg:meetingOf <https://w3id.org/parlgraph/council/jbz-raad> ;
    schema:startDate "2023-10-19"^^xsd:date ;
    schema:endDate "2023-10-20"^^xsd:date ;
    pg:informal false .

# What rules/consolidate.ru writes for the document above, which mentions both.
<https://w3id.org/parlgraph/meeting/jbz-raad/2023-10-19/act/32024R1359> a pg:CoMention ;
    pg:meeting <https://w3id.org/parlgraph/meeting/jbz-raad/2023-10-19> ;
    pg:act <https://w3id.org/parlgraph/act/32024R1359> ;
    pg:documentCount 1 .

<https://w3id.org/parlgraph/person/van-ginneken> a foaf:Person ;
    skos:prefLabel "van Ginneken"@nl ;
    foaf:familyName "van Ginneken" ;
    foaf:name "Van Ginneken" .

<https://w3id.org/parlgraph/motion/kst-26643-1011> a opengov:Motion ;
    skos:prefLabel "Motie van het lid Van Ginneken c.s."@nl ;
    pg:submitter <https://w3id.org/parlgraph/person/van-ginneken> ;
    pg:publishedAs <https://w3id.org/parlgraph/kamerstuk/kst-26643-1011> ;
    pg:status mstatus:aangenomen , mstatus:niet-uitvoeren ;
    dcterms:description "over het onmogelijk maken van verdergaande chatcontrol"@nl .
"""

# (name, function turning the example's Turtle into a variant that must NOT conform)
BROKEN = [
    ("Kamerstuk IRI does not match its identifier",
     lambda s: s.replace('dcterms:identifier "kst-26643-1011"', 'dcterms:identifier "kst-26643-1012"')),
    ("Kamerstuk IRI of the wrong form",
     lambda s: s.replace("kst:kst-26643-1011", "<https://w3id.org/parlgraph/kamerstuk/26643-1011>")),
    ("negative offset (xsd:integer is accepted, as Oxigraph stores it, but not below 0)",
     lambda s: s.replace('"9253"^^xsd:nonNegativeInteger', '"-9253"^^xsd:integer')),
    ("run stamped with the wall clock",
     lambda s: s.replace("prov:used doc:001_35f14d6b58e23d0b .", 'prov:used doc:001_35f14d6b58e23d0b ;\n    prov:startedAtTime "2024-02-01T12:00:00Z"^^xsd:dateTime .')),
    ("annotation not derived from its document",
     lambda s: s.replace("prov:wasDerivedFrom doc:001_35f14d6b58e23d0b .\n\n<https://w3id.org/parlgraph/annotation/001_35f14d6b58e23d0b/9253", ".\n\n<https://w3id.org/parlgraph/annotation/001_35f14d6b58e23d0b/9253").replace("5b7d454b#target> ;\n    oa:motivatedBy oa:identifying ;\n    prov:wasGeneratedBy run:0.1.0-8cb6c06286537098c234e43aa8c4da35a2c901c764ec516a4ba7facdc866d8ec ;\n    prov:wasDerivedFrom doc:001_35f14d6b58e23d0b .", "5b7d454b#target> ;\n    oa:motivatedBy oa:identifying ;\n    prov:wasGeneratedBy run:0.1.0-8cb6c06286537098c234e43aa8c4da35a2c901c764ec516a4ba7facdc866d8ec .")),
    ("start after end",
     lambda s: s.replace('oa:start "5804"', 'oa:start "5830"')),
    ("quote not as long as its span",
     lambda s: s.replace('oa:exact "Kamerstuk 26 643, nr. 1011"', 'oa:exact "Kamerstuk 26643, nr. 1011"')),
    ("annotation without a source document",
     lambda s: s.replace("oa:hasSource doc:001_35f14d6b58e23d0b ;\n    oa:hasSelector <https://w3id.org/parlgraph/annotation/001_35f14d6b58e23d0b/9253", "oa:hasSelector <https://w3id.org/parlgraph/annotation/001_35f14d6b58e23d0b/9253")),
    ("two prefLabels on a person",
     lambda s: s.replace('foaf:familyName "Ye\\u015Filgöz-Zegerius" ;', 'skos:prefLabel "Yesilgoz"@nl ;\n    foaf:familyName "Ye\\u015Filgöz-Zegerius" ;')),
    ("prefLabel without language tag",
     lambda s: s.replace('skos:prefLabel "Minister van Justitie en Veiligheid"@nl', 'skos:prefLabel "Minister van Justitie en Veiligheid"')),
    ("document kind outside the list",
     lambda s: s.replace("dcterms:type dockind:geannoteerde-agenda", "dcterms:type <https://w3id.org/parlgraph/vocab/document-kind/krant>")),
    ("date as a plain string",
     lambda s: s.replace('dcterms:date "2023-09-18"^^xsd:date', 'dcterms:date "18 september 2023"')),
    ("role outside the list",
     lambda s: s.replace("org:role role:minister ;\n    org:postIn", "org:role <https://w3id.org/parlgraph/vocab/role/burgemeester> ;\n    org:postIn")),
    ("post holding without attested interval",
     lambda s: s.replace(f"<{HOLDING}>\n    org:memberDuring <{HOLDING}#during> .", "")),
    ("bare person-to-post edge (property not in the closed shape)",
     lambda s: s.replace('foaf:name "D. Ye\\u015Filgöz-Zegerius" .', 'foaf:name "D. Ye\\u015Filgöz-Zegerius" ;\n    org:holds post:minister-van-justitie-en-veiligheid .')),
    ("cited thing is not a Kamerstuk",
     lambda s: s.replace("eli:cites kst:kst-26643-1011 ;", "eli:cites person:yesilgoz-zegerius ;")),
    ("sha256 not hex",
     lambda s: s.replace('pg:sha256 "8cb6', 'pg:sha256 "XXb6')),
]

# query file -> (parameter name, value, expected check on the result rows)
EXPECT = {
    "documents-citing-kamerstuk.rq": ("kamerstukId", rdflib.Literal("kst-26643-1011"),
                                       lambda rows: {r["documentId"] for r in rows} == {"001_35f14d6b58e23d0b", "003_d229cc705638e600"}),
    "motions-by-member.rq": ("surname", rdflib.Literal("Van Ginneken"),
                             lambda rows: len(rows) == 1 and rows[0]["kamerstukId"] == "kst-26643-1011"
                             and set(rows[0]["statuses"].split(", ")) == {"aangenomen", "niet uitvoeren"}),
    "post-holders.rq": ("postLabel", rdflib.Literal("minister van justitie en veiligheid"),
                        lambda rows: len(rows) == 1 and rows[0]["attestedFrom"] == "2023-09-18"
                        and rows[0]["person"] == B + "person/yesilgoz-zegerius"),
    "council-meetings-and-acts.rq": ("councilLabel", rdflib.Literal("JBZ-Raad"),
                                     lambda rows: len(rows) == 1 and rows[0]["actCount"] == "1"
                                     and rows[0]["acts"].endswith("(32024R1359)") and rows[0]["end"] == "2023-10-20"),
    "acts-in-document.rq": ("documentId", rdflib.Literal("003_d229cc705638e600"),
                            lambda rows: len(rows) == 1 and rows[0]["eli"] == "http://data.europa.eu/eli/reg/2024/1359/oj"),
    "fracties-on-act.rq": ("actLabel", rdflib.Literal("Crisisverordening"),
                           lambda rows: {r["fractieLabel"] for r in rows} == {"VVD", "D66"}),
    "provenance-of-statement.rq": ("subject", rdflib.URIRef(B + "person/yesilgoz-zegerius"),
                                   lambda rows: {(r["start"], r["end"]) for r in rows} == {("5804", "5825"), ("5767", "5802")}),
}

failures: list[str] = []


def check(ok: bool, what: str) -> None:
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)


def validate(turtle: str, ontology: rdflib.Graph, shapes: rdflib.Graph) -> tuple[bool, str]:
    data = rdflib.Graph().parse(data=turtle, format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                         advanced=True)
    return conforms, text


def bind_with_values(query: str, name: str, value: rdflib.term.Node) -> str:
    """Bind a parameter the way a CLI without initial bindings should: a VALUES block first inside
    the outermost WHERE, which is always the first line outside comments with "WHERE {". (pyoxigraph's
    substitutions= only accepts variables that are in the SELECT projection, which ours are not.)"""
    lines = query.splitlines()
    for i, line in enumerate(lines):
        if not line.lstrip().startswith("#") and re.search(r"\bWHERE\s*\{", line):
            lines.insert(i + 1, f"    VALUES ?{name} {{ {value.n3()} }}")
            return "\n".join(lines)
    raise ValueError("query has no WHERE {")


def main() -> int:
    ontology = rdflib.Graph().parse(HERE / "parlgraph.ttl")
    shapes = rdflib.Graph().parse(HERE / "shapes.ttl")
    example_text = (HERE / "example.ttl").read_text(encoding="utf-8")
    example = rdflib.Graph().parse(data=example_text, format="turtle")
    check(True, f"parsed parlgraph.ttl ({len(ontology)}), shapes.ttl ({len(shapes)}), example.ttl ({len(example)})")

    # Every minted term is labelled in both languages, commented and tied to the ontology.
    pg = "https://w3id.org/parlgraph/ontology#"
    for term in set(ontology.subjects()):
        if not str(term).startswith(pg) or str(term) == pg:
            continue
        if (term, rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/2004/02/skos/core#ConceptScheme")) in ontology:
            continue
        langs = {l.language for l in ontology.objects(term, rdflib.RDFS.label)}
        check({"en", "nl"} <= langs and (term, rdflib.RDFS.comment, None) in ontology
              and (term, rdflib.RDFS.isDefinedBy, None) in ontology, f"documented: {term}")

    conforms, text = validate(example_text, ontology, shapes)
    check(conforms, "example.ttl conforms to shapes.ttl" + ("" if conforms else "\n" + text))

    corpus_text = (CORPUS / "001_35f14d6b58e23d0b.txt").read_text(encoding="utf-8")
    q = """PREFIX oa: <http://www.w3.org/ns/oa#>
           SELECT ?s ?e ?x WHERE { ?t oa:hasSelector ?p , ?q . ?p oa:start ?s ; oa:end ?e . ?q oa:exact ?x }"""
    for s, e, x in example.query(q):
        check(corpus_text[int(s):int(e)] == str(x), f"quote at {s}-{e} is the source text")

    conforms, text = validate(example_text + FIXTURE, ontology, shapes)
    check(conforms, "example.ttl + query fixture conforms" + ("" if conforms else "\n" + text))

    for name, mutate in BROKEN:
        variant = mutate(example_text)
        if variant == example_text:
            check(False, f"broken variant '{name}' changed nothing (fix the mutation)")
            continue
        conforms, _ = validate(variant, ontology, shapes)
        check(not conforms, f"broken variant rejected: {name}")

    # Queries.
    store = ox.Store()
    for text in (example_text + FIXTURE, ontology.serialize(format="turtle")):
        store.load(text.encode("utf-8"), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(DOC))
    ds = rdflib.Dataset(default_union=True)
    ds.graph(rdflib.URIRef(DOC)).parse(data=example_text + FIXTURE, format="turtle")
    ds.graph(rdflib.URIRef(B + "ontology")).parse(HERE / "parlgraph.ttl")
    query_files = sorted((HERE / "queries").glob("*.rq"))
    check({p.name for p in query_files} == set(EXPECT), "queries/ holds exactly the expected files")
    for path in query_files:
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        params = [m.group(1) for m in (re.match(r"# param: (\w+) — .+", l) for l in lines) if m]
        check(lines[0].startswith("# ") and len(lines[0]) > 10 and bool(params), f"{path.name}: header and params")
        for p in params:
            check(f"?{p}" in text, f"{path.name}: parameter ?{p} is used")
        try:
            prepared = prepareQuery(text)
        except Exception as exc:  # noqa: BLE001 - report any parse failure
            check(False, f"{path.name}: rdflib parse: {exc}")
            continue
        param, value, ok = EXPECT[path.name]
        rows = [{k: str(v) for k, v in r.asdict().items()} for r in ds.query(prepared, initBindings={param: value})]
        check(ok(rows), f"{path.name}: rdflib initBindings result ({len(rows)} rows)")
        solutions = store.query(bind_with_values(text, param, value), use_default_graph_as_union=True)
        names = [v.value for v in solutions.variables]
        rows = [{n: s[n].value for n in names if s[n] is not None} for s in solutions]
        check(ok(rows), f"{path.name}: pyoxigraph VALUES result ({len(rows)} rows)")

    # Consolidation: strip the interval, load the rest as a document graph, rebuild.
    doc_only = rdflib.Graph().parse(data=example_text, format="turtle")
    interval_nodes = {rdflib.URIRef(HOLDING + f) for f in ("#during", "#begin", "#end")}
    for s, p, o in list(doc_only):
        if s in interval_nodes or p == rdflib.URIRef("http://www.w3.org/ns/org#memberDuring"):
            doc_only.remove((s, p, o))
    store = ox.Store()
    store.load(doc_only.serialize(format="nt").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES,
               to_graph=ox.NamedNode(DOC))
    store.update((HERE / "rules" / "consolidate.ru").read_text(encoding="utf-8"))
    store.update((HERE / "rules" / "consolidate.ru").read_text(encoding="utf-8"))  # idempotent
    rebuilt = rdflib.Graph()
    for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(B + "graph/consolidated")):
        rebuilt.parse(data=f"{quad.subject} {quad.predicate} {quad.object} .", format="nt")
    expected = rdflib.Graph()
    for triple in example:
        if triple[0] in interval_nodes or triple[1] == rdflib.URIRef("http://www.w3.org/ns/org#memberDuring"):
            expected.add(triple)
    check(isomorphic(rebuilt, expected), f"rules/consolidate.ru rebuilds the interval ({len(rebuilt)} triples)")

    # JSON-LD context.
    context = json.loads((HERE / "context.jsonld").read_text(encoding="utf-8"))
    as_jsonld = example.serialize(format="json-ld", context=context["@context"])
    back = rdflib.Graph().parse(data=as_jsonld, format="json-ld")
    check(isomorphic(back, example), "example.ttl round-trips through JSON-LD with context.jsonld")
    compact = json.loads(as_jsonld)
    check("@graph" in compact and any("prefLabel" in n for n in compact["@graph"]), "context compacts to short terms")

    print(f"\n{len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
