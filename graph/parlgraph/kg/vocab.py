"""The vocabularies the builder writes, as pyoxigraph terms, and the prefixes the serialisers use.

Namespaces follow ontology/parlgraph.ttl; the controlled values (document kinds, roles, motion
statuses, act kinds) are looked up by the exact strings the extractors emit (their skos:notation).
"""
from __future__ import annotations

import functools

from pyoxigraph import NamedNode

from parlgraph.extract.text import slugify

PG = "https://w3id.org/parlgraph/ontology#"
VOCAB = "https://w3id.org/parlgraph/vocab/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCTERMS = "http://purl.org/dc/terms/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
FOAF = "http://xmlns.com/foaf/0.1/"
ORG = "http://www.w3.org/ns/org#"
OPENGOV = "http://www.w3.org/ns/opengov#"
ELI = "http://data.europa.eu/eli/ontology#"
PROV = "http://www.w3.org/ns/prov#"
OA = "http://www.w3.org/ns/oa#"
TIME = "http://www.w3.org/2006/time#"
SCHEMA = "http://schema.org/"
TOOIONT = "https://identifier.overheid.nl/tooi/def/ont/"


@functools.cache  # called with constant names only, a thousand times per document: build each term once
def term(namespace: str, local: str) -> NamedNode:
    return NamedNode(namespace + local)


TYPE = term(RDF, "type")
VALUE = term(RDF, "value")
LABEL = term(RDFS, "label")
PREF_LABEL = term(SKOS, "prefLabel")
ALT_LABEL = term(SKOS, "altLabel")
EXACT_MATCH = term(SKOS, "exactMatch")
RELATED_MATCH = term(SKOS, "relatedMatch")
STRING = term(XSD, "string")
DATE = term(XSD, "date")
BOOLEAN = term(XSD, "boolean")
NON_NEGATIVE = term(XSD, "nonNegativeInteger")

DOCUMENT_KINDS = frozenset({
    "brief", "geannoteerde agenda", "verslag", "verslag schriftelijk overleg", "besluitenlijst", "motie",
    "antwoorden kamervragen", "nota",
})
ROLES = frozenset({"minister", "staatssecretaris", "minister-president"})
MOTION_STATUSES = frozenset({
    "aangenomen", "verworpen", "aangehouden", "ingetrokken", "gewijzigd", "uitgevoerd", "niet uitvoeren",
})
ACT_KINDS = frozenset({"verordening", "richtlijn", "besluit", "kaderbesluit", "wet", "verdrag", "voorstel"})


def concept(scheme: str, notation: str | None, allowed: frozenset[str]) -> NamedNode | None:
    """The SKOS concept whose notation the extractor wrote, or None for a value outside the scheme."""
    if notation is None or notation not in allowed:
        return None
    return _concept(scheme, notation)


@functools.cache  # bounded: only the notations of a scheme get here
def _concept(scheme: str, notation: str) -> NamedNode:
    return NamedNode(f"{VOCAB}{scheme}/{slugify(notation)}")


def prefixes(base: str) -> dict[str, str]:
    """Prefixes for Turtle and TriG output: the reused vocabularies and the instance namespaces.

    None for annotations: their IRIs hold a "/" and a "#", which prefixed names would have to escape.
    """
    instance = {
        name: f"{base}{name}/"
        for name in ("document", "kamerstuk", "dossier", "person", "post", "council", "meeting", "act", "motion",
                     "party", "organisation", "holding", "membership", "run", "graph")
    }
    return {
        "pg": PG, "dockind": f"{VOCAB}document-kind/", "role": f"{VOCAB}role/",
        "mstatus": f"{VOCAB}motion-status/", "actkind": f"{VOCAB}act-kind/",
        "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "dcterms": DCTERMS, "skos": SKOS, "foaf": FOAF, "org": ORG,
        "opengov": OPENGOV, "eli": ELI, "prov": PROV, "oa": OA, "time": TIME, "schema": SCHEMA,
        "tooiont": TOOIONT, "tooimin": "https://identifier.overheid.nl/tooi/id/ministerie/",
        **{("doc" if k == "document" else "kst" if k == "kamerstuk" else k): v for k, v in instance.items()},
    }
