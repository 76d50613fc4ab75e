"""PLACEHOLDER: being written; replaced by the real extractor."""
from parlgraph.extract.facts import DocFacts


def find_metadata(facts: DocFacts) -> None:
    return None
