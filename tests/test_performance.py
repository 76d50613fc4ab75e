"""Guards for what keeps large runs fast and flat in memory; the measurements are in tests/benchmarks/."""
from __future__ import annotations

import io
import pickle
from pathlib import Path

import pyoxigraph as ox
import pytest

from parlgraph.extract import extract_texts, get_nlp
from parlgraph.kg import DocumentGraph, encode, write_dataset
from parlgraph.kg.build import DEFAULT_BASE
from parlgraph.kg.vocab import NON_NEGATIVE
from parlgraph.store import local
from parlgraph.store.local import open_store

DOC = f"{DEFAULT_BASE}document/a"
SENTENCES = [
    "Bij brief van 3 maart 2023 (Kamerstuk 32 317, nr. 801) informeerde de minister van Justitie de Kamer.",
    "De motie van het lid Van Ginneken c.s. (Kamerstuk 36 200 VI, nr. 43) verzoekt de regering.",
]


def graph(*quotes: str) -> DocumentGraph:
    """A small document graph: a node with quotes, and Web Annotation offsets."""
    g = ox.NamedNode(DOC)
    quads = [ox.Quad(g, ox.NamedNode(f"{DEFAULT_BASE}p/quote"), ox.Literal(q), g) for q in quotes]
    quads.append(ox.Quad(g, ox.NamedNode("http://www.w3.org/ns/oa#start"), ox.Literal("7", datatype=NON_NEGATIVE), g))
    return DocumentGraph(DOC, "a.txt", None, tuple(sorted(quads, key=str)))


def test_the_vocabulary_does_not_grow_with_the_documents_extracted() -> None:
    strings = get_nlp().vocab.strings
    list(extract_texts([(SENTENCES[0], "warm-up")]))
    before = len(strings)
    texts = [(f"{SENTENCES[i % 2]} Uniek{i}woord{i * 7919} staat hier.", f"{i}.txt") for i in range(130)]
    assert len(list(extract_texts(texts, batch_size=16))) == 130
    assert len(strings) == before


@pytest.mark.parametrize("fmt", ["nquads", "trig", "turtle"])
def test_an_encoded_graph_pickles_as_its_bytes(fmt: str) -> None:
    quotes = [f"citaat {i} uit de brief" for i in range(300)]
    encoded = encode(graph(*quotes), fmt)
    payload = len(encoded.data) + len(encoded.needed)
    # Pickled pyoxigraph terms would cost several times the bytes, and far more time.
    assert len(pickle.dumps(encoded)) < payload + 2000 + 100 * len(encoded.types)


@pytest.mark.parametrize(("fmt", "syntax"), [("turtle", ox.RdfFormat.TURTLE), ("ntriples", ox.RdfFormat.N_TRIPLES)])
@pytest.mark.parametrize("quote", [
    "gewoon",
    # the store's stand-in datatype quoted inside a literal, after an escaped quote: must stay as it is
    'een \\"^^<https://w3id.org/parlgraph/store#nonNegativeInteger> in de tekst"',
    'twee \\\\"^^<https://w3id.org/parlgraph/store#nonNegativeInteger>',
])
def test_the_union_goes_through_a_store_and_keeps_every_term(fmt: str, syntax: ox.RdfFormat, quote: str) -> None:
    original = graph(quote, quote.upper())
    out = io.BytesIO()
    written = write_dataset([original], out, fmt)
    triples = [q.triple for q in ox.parse(out.getvalue(), syntax)]
    assert {q.triple for q in original.quads} <= set(triples)
    assert len(triples) == len(set(triples)) == written


def test_two_documents_saying_the_same_are_one_statement_in_the_union() -> None:
    first = graph("zelfde")
    shared = ox.Quad(ox.NamedNode(f"{DEFAULT_BASE}person/x"), ox.NamedNode(f"{DEFAULT_BASE}p/name"), ox.Literal("X"))
    second_iri = f"{DEFAULT_BASE}document/b"
    second = DocumentGraph(second_iri, "b.txt", None, (ox.Quad(*shared.triple, ox.NamedNode(second_iri)),))
    first = DocumentGraph(DOC, "a.txt", None, (*first.quads, ox.Quad(*shared.triple, ox.NamedNode(DOC))))
    out = io.BytesIO()
    write_dataset([first, second], out, "ntriples")
    assert out.getvalue().count(b"person/x") == 1


class _CountingStore:
    """A pyoxigraph Store that counts its flushes (a Rust type cannot be patched)."""

    def __init__(self, store: ox.Store) -> None:
        self.inner = store
        self.flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        self.inner.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)


def test_the_store_is_flushed_as_documents_go_in(tmp_path: Path) -> None:
    with open_store(tmp_path / "store") as handle:
        counting = _CountingStore(handle.store)
        handle.store = counting
        for i in range(2 * local.FLUSH_EVERY + 1):
            iri = f"{DEFAULT_BASE}document/d{i}"
            quad = ox.Quad(ox.NamedNode(iri), ox.NamedNode(f"{DEFAULT_BASE}p/n"), ox.Literal(str(i)), ox.NamedNode(iri))
            handle.replace(DocumentGraph(iri, f"d{i}.txt", None, (quad,)), f"{i:064d}")
        # The second batch is handed to the writer thread only once the first is written and flushed.
        assert counting.flushes >= 1
        handle.finish()
        assert counting.flushes == 4  # three batches (64, 64, 1), then the final flush
        handle.store = counting.inner
