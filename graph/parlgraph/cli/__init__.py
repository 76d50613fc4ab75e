"""The ``parlgraph`` command line: one module per group of commands, all on one Typer app."""
from parlgraph.cli import extract  # noqa: F401  (registers its commands)
from parlgraph.cli import graph  # noqa: F401
from parlgraph.cli import query  # noqa: F401
from parlgraph.cli import viz  # noqa: F401
from parlgraph.cli.app import app

__all__ = ["app"]
