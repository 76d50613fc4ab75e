"""Extraction: a spaCy pipeline of rule-based components, one module per concern.

``metadata`` (date, kind, own id), ``citations`` (Kamerstukken), ``footnotes``, ``people``
(persons and offices), ``councils`` (councils and meetings), ``legislation``, ``parties``
(fracties and organisations) and ``motions``; ``pipeline`` puts them together.
"""
from parlgraph.extract.pipeline import extract_text, extract_texts, get_nlp

__all__ = ["extract_text", "extract_texts", "get_nlp"]
