"""PLACEHOLDER: being written; replaced by the real extractor."""
from parlgraph.extract.facts import DocFacts


def find_legislation(facts: DocFacts) -> None:
    return None
