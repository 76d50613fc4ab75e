"""Reading documents (text, PDF, HTML) and undoing their page layout, keeping every offset."""

from parlgraph.ingest.layout import clean
from parlgraph.ingest.readers import ReadError, SourceDocument, iter_sources, read_document
from parlgraph.ingest.textview import NoteBlock, NoteMarker, TextView

__all__ = [
    "NoteBlock", "NoteMarker", "ReadError", "SourceDocument", "TextView", "clean", "iter_sources", "read_document",
]
