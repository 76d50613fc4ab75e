"""The spaCy pipeline: a blank Dutch tokenizer and parlgraph's rule-based components.

The Doc's text is the document's ORIGINAL text, so ``doc.spans`` index what the user has. The
first component builds the cleaned view; each concern module then adds its facts to the
``doc._.facts`` blackboard; the last one gathers them into an :class:`Extraction` on
``doc._.extraction`` and mirrors every sighting into ``doc.spans[type]``.

Order matters: motions read citations, footnotes and persons; meetings read the document date.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib import import_module

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from parlgraph.extract.facts import DocFacts
from parlgraph.ingest.layout import clean
from parlgraph.models import ENTITY_TYPES, Extraction

# (component name, module under parlgraph.extract, function taking DocFacts), in running order.
STAGES: tuple[tuple[str, str, str], ...] = (
    ("parlgraph_metadata", "metadata", "find_metadata"),
    ("parlgraph_citations", "citations", "find_kamerstukken"),
    ("parlgraph_footnotes", "footnotes", "find_footnotes"),
    ("parlgraph_people", "people", "find_people"),
    ("parlgraph_councils", "councils", "find_councils"),
    ("parlgraph_legislation", "legislation", "find_legislation"),
    ("parlgraph_parties", "parties", "find_parties"),
    ("parlgraph_motions", "motions", "find_motions"),
)
TYPE_ORDER = {name: i for i, name in enumerate(ENTITY_TYPES)}

for _ext in ("facts", "extraction", "source"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


class _KeepText:
    """The blank tokenizer, keeping the text it was given on the Doc.

    ``Doc.text`` rebuilds the text from its tokens, which costs as much again as tokenizing;
    the layout component needs the text exactly as given, so it is kept on the way in.
    """

    def __init__(self, tokenizer: Tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        doc = self._tokenize(text)
        doc.user_data[_TEXT] = text
        return doc

    def _tokenize(self, text: str) -> Doc:
        """spaCy's tokenizer, except that a run of over 1,000 non-space characters is cut in pieces.

        spaCy strips prefixes and suffixes off a token one at a time, copying the rest each time:
        quadratic in the run's length (16,000 "(" take 17 s, a megabyte hours). No pattern needs
        tokens that long; the pieces keep every character, so offsets do not move.
        """
        if LONG_RUN.search(text) is None:
            return self.tokenizer(text)
        docs, at = [], 0
        for run in LONG_RUN.finditer(text):
            if run.start() > at:
                docs.append(self.tokenizer(text[at : run.start()]))
            piece = run.group()
            words = [piece[i : i + MAX_TOKEN] for i in range(0, len(piece), MAX_TOKEN)]
            docs.append(Doc(self.tokenizer.vocab, words=words, spaces=[False] * len(words)))
            at = run.end()
        if at < len(text):
            docs.append(self.tokenizer(text[at:]))
        return Doc.from_docs(docs, ensure_whitespace=False)


_TEXT = "parlgraph_text"
LONG_RUN = re.compile(r"\S{1000,}")
MAX_TOKEN = 100


@Language.component("parlgraph_layout")
def _layout(doc: Doc) -> Doc:
    text = doc.user_data.pop(_TEXT, None)
    doc._.facts = DocFacts(clean(doc.text if text is None else text))
    return doc


def _stage(function: Callable[[DocFacts], None]) -> Callable[[Doc], Doc]:
    def component(doc: Doc) -> Doc:
        function(doc._.facts)
        return doc

    return component


for _name, _module, _function in STAGES:
    Language.component(_name, func=_stage(getattr(import_module(f"parlgraph.extract.{_module}"), _function)))


@Language.component("parlgraph_assemble")
def _assemble(doc: Doc) -> Doc:
    facts: DocFacts = doc._.facts
    entities = sorted(
        facts,
        key=lambda e: (TYPE_ORDER.get(e.type, 99), min((m.start for m in e.mentions), default=0), e.id),
    )
    for kind in {e.type for e in entities}:
        spans = []
        for loc in facts.located(kind):
            start, end = facts.view.to_original(loc.start, loc.end)
            span = doc.char_span(start, end, label=kind, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[kind] = spans
    doc._.extraction = Extraction(
        source=doc._.source or "<text>",
        document=facts.info,
        entities=entities,
    )
    return doc


@cache
def get_nlp() -> Language:
    """The pipeline, built once per process (the only global state parlgraph keeps)."""
    nlp = spacy.blank("nl")
    nlp.tokenizer = _KeepText(nlp.tokenizer)
    # Documents are read whole; the limit guards memory, and issue-sized files stay well under it.
    nlp.max_length = 50_000_000
    nlp.add_pipe("parlgraph_layout")
    for name, _, _ in STAGES:
        nlp.add_pipe(name)
    nlp.add_pipe("parlgraph_assemble")
    return nlp


def extract_texts(items: Iterable[tuple[str, str]], batch_size: int = 64) -> Iterator[Extraction]:
    """Extract every (text, source) pair, streaming: vocabulary strings are freed per batch."""
    nlp = get_nlp()
    batch: list[tuple[str, str]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= batch_size:
            yield from _run_batch(nlp, batch)
            batch = []
    if batch:
        yield from _run_batch(nlp, batch)


def _run_batch(nlp: Language, batch: list[tuple[str, str]]) -> list[Extraction]:
    out = []
    with nlp.memory_zone():
        for doc, source in nlp.pipe(((text, source) for text, source in batch), as_tuples=True):
            extraction = doc._.extraction
            extraction.source = source
            out.append(extraction)
    return out


def extract_text(text: str, source: str = "<text>") -> Extraction:
    """Extract one text: the convenient form for tests and notebooks."""
    return next(extract_texts([(text, source)]))
