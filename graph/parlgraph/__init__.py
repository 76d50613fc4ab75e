"""parlgraph: a knowledge graph of what Dutch parliamentary papers refer to."""

__version__ = "0.1.0"
