"""PLACEHOLDER: being written; replaced by the real extractor."""
from parlgraph.extract.facts import DocFacts


def find_parties(facts: DocFacts) -> None:
    return None
