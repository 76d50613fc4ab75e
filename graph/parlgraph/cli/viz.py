"""``parlgraph viz``, ``parlgraph export`` and ``parlgraph stats``: the graph as a picture, a network file and numbers."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from parlgraph.cli.app import EXIT_FAILED, app, atomic_output, err
from parlgraph.viz.analysis import format_text, stats
from parlgraph.viz.export import ExportFormat, format_for_path, write
from parlgraph.viz.network import KIND_BY_NAME, FocusError, GraphFileError, load_store, select, to_networkx
from parlgraph.viz.render import render

GRAPH_HELP = "A graph file written by `parlgraph build` (.ttl, .trig, .nq, .nt); named graphs are merged."


def _load(path: Path):
    try:
        return to_networkx(load_store(path))
    except GraphFileError as problem:
        err.print(f"error: {problem}")
        raise typer.Exit(EXIT_FAILED) from None


def _types(value: str | None) -> set[str] | None:
    if not value:
        return None
    names = {name.strip().lower() for name in value.split(",") if name.strip()}
    unknown = sorted(names - KIND_BY_NAME.keys())
    if unknown:
        raise typer.BadParameter(f"unknown type(s) {', '.join(unknown)}; choose from {', '.join(KIND_BY_NAME)}")
    return names


@app.command()
def viz(
    graph: Path = typer.Argument(..., exists=True, dir_okay=False, help=GRAPH_HELP),
    output: Path = typer.Option(Path("graph.html"), "--output", "-o", help="The HTML page to write."),
    focus: str | None = typer.Option(
        None, "--focus", help="Show the neighbourhood of the node(s) whose IRI, label or identifier is (or contains) this text."),
    depth: int = typer.Option(1, "--depth", min=0, help="Hops from the focus to include."),
    types: str | None = typer.Option(
        None, "--types", help=f"Only these types, comma-separated: {', '.join(KIND_BY_NAME)}."),
    max_nodes: int = typer.Option(1500, "--max-nodes", min=1, help="At most this many nodes (nearest the focus, else best-connected)."),
    title: str | None = typer.Option(None, "--title", help="Page title (default: the graph file name)."),
) -> None:
    """An interactive, self-contained HTML view of the graph (works offline; search, type filter, tooltips)."""
    kinds = _types(types)
    network = _load(graph)
    try:
        selection = select(network, focus, depth, kinds, max_nodes)
    except FocusError as problem:
        err.print(f"error: {problem}")
        raise typer.Exit(EXIT_FAILED) from None
    page = render(selection, title or f"parlgraph: {graph.name}")
    with atomic_output(output) as out:
        out.write(page.html)
    err.print(f"wrote {output}: {page.nodes} nodes, {page.edges} edges "
              f"(graph: {selection.total_nodes} nodes, {selection.total_edges} edges)")
    if selection.note:
        err.print(selection.note)


@app.command()
def export(
    graph: Path = typer.Argument(..., exists=True, dir_okay=False, help=GRAPH_HELP),
    output: Path = typer.Option(..., "--output", "-o", help="The file to write (.graphml or .gexf)."),
    fmt: ExportFormat | None = typer.Option(None, "--format", "-f", help="Default: from the output's extension."),
    types: str | None = typer.Option(None, "--types", help="Only these node types, comma-separated."),
) -> None:
    """The graph as GraphML or GEXF, for Gephi, Cytoscape or yEd."""
    fmt = fmt or format_for_path(output)
    if fmt is None:
        raise typer.BadParameter("give --format graphml|gexf, or an output ending in .graphml or .gexf")
    kinds = _types(types)
    network = _load(graph)
    if kinds:
        network = network.subgraph([n for n, kind in network.nodes(data="kind") if kind in kinds])
    with atomic_output(output, "wb") as out:
        write(network, fmt, out)
    err.print(f"wrote {output}: {network.number_of_nodes()} nodes, {network.number_of_edges()} edges")


@app.command("stats")
def stats_command(
    graph: Path = typer.Argument(..., exists=True, dir_okay=False, help=GRAPH_HELP),
    top: int = typer.Option(10, "--top", min=1, help="Rows per ranking."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object instead of text."),
) -> None:
    """Counts per type and relation, most-cited Kamerstukken, most central acts and people, documents per month."""
    result = stats(_load(graph), top)
    if as_json:
        typer.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(format_text(result), nl=False)
