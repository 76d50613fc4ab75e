"""One self-contained HTML page: vis-network, its CSS, the data and the page script, all inline.

pyvis holds the node and edge model and the options; the page is written from our own template
because pyvis's template loads resources from the network and puts labels into HTML unescaped.
The data travels as JSON in a ``<script type="application/json">`` element with ``<``, ``>``
and ``&`` escaped, so no document text can close the element; the page script puts text into the
DOM with ``textContent`` only. A Content-Security-Policy allows exactly the two inline scripts
(by hash), inline styles and data: images, and no connection of any kind.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyvis
from pyvis.network import Network

from parlgraph.viz.layout import positions
from parlgraph.viz.network import KIND_BY_NAME, KINDS, Selection

STATIC = Path(__file__).with_name("static")
VIS = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
MARKER = re.compile(r"\{\{(\w+)\}\}")
# The source map comment would make developer tools fetch a file that is not there.
SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)
JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}

OPTIONS = {
    "autoResize": True,
    "physics": {"enabled": False},
    "layout": {"improvedLayout": False},  # positions come from Python; vis's own pass is slow on big graphs
    "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": True, "multiselect": False},
    # Size and label size grow with the degree: zoomed out, only the hubs' labels are big enough to draw.
    "nodes": {"borderWidth": 1, "font": {"face": "DejaVu Sans, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
              "scaling": {"min": 8, "max": 36, "label": {"enabled": True, "min": 12, "max": 20,
                                                        "drawThreshold": 6, "maxVisible": 30}}},
    "edges": {"smooth": False, "width": 1, "color": {"color": "#b5bfc9", "highlight": "#333333", "hover": "#666666"},
              "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
              "font": {"size": 10, "color": "#555555", "strokeWidth": 2, "align": "middle"},
              "scaling": {"label": {"drawThreshold": 7}}},
}

# Documents are boxes with the label inside: white text, without the halo other labels get.
KIND_STYLE = {"document": {"font": {"color": "#ffffff", "strokeWidth": 0}}}


@dataclass(frozen=True, slots=True)
class Page:
    html: str
    nodes: int
    edges: int


def network(selection: Selection, seed: int = 7) -> Network:
    """The pyvis model of the selection: fixed positions, colours and shapes by type, relations as labels."""
    graph = selection.graph
    net = Network(directed=True, cdn_resources="in_line")
    where = positions(graph, seed=seed)
    focus = set(selection.focus)
    for iri, node in sorted(graph.nodes(data=True)):
        kind = KIND_BY_NAME[node["kind"]]
        x, y = where[iri]
        net.add_node(
            iri, label=node["short"], shape=kind.shape, color=kind.color, x=round(x, 1), y=round(y, 1),
            kind=kind.name, full=node["label"], ids=node["ids"], links=[list(link) for link in node["links"]],
            docs=node["docs"], quote=node["quote"], borderWidth=3 if iri in focus else 1,
            value=graph.degree(iri) + (10 if iri in focus else 0), **KIND_STYLE.get(kind.name, {}),
        )
    for source, target, edge in sorted(graph.edges(data=True)):
        title = "; ".join(filter(None, (edge["relation"], edge.get("note", ""))))
        net.add_edge(source, target, label=edge["relation"], title=title)
    net.options = OPTIONS
    return net


def render(selection: Selection, title: str, seed: int = 7) -> Page:
    net = network(selection, seed)
    data = {
        "title": title,
        "note": selection.note,
        "kinds": [{"name": k.name, "legend": k.legend, "color": k.color, "shape": k.shape} for k in KINDS],
        "nodes": [{"id": n["id"], **{key: value for key, value in n.items() if key != "id"}} for n in net.nodes],
        "edges": [{key: e[key] for key in ("from", "to", "label", "title")} for e in net.edges],
        "options": net.options,
    }
    return Page(page_html(title, data), len(net.nodes), len(net.edges))


def embed_json(value: object) -> str:
    """JSON that is safe as the text of a script element: it cannot end the element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: JSON_ESCAPES[m.group()], text)


def _hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def page_html(title: str, data: object) -> str:
    vis_js = SOURCE_MAP.sub("", (VIS / "vis-network.min.js").read_text(encoding="utf-8"))
    page_js = (STATIC / "page.js").read_text(encoding="utf-8")
    csp = ("default-src 'none'; base-uri 'none'; form-action 'none'; img-src data:; "
           f"style-src 'unsafe-inline'; script-src {_hash(vis_js)} {_hash(page_js)}")
    parts = {
        "csp": csp,
        "title": html.escape(title),
        "vis_css": SOURCE_MAP.sub("", (VIS / "vis-network.css").read_text(encoding="utf-8")),
        "page_css": (STATIC / "page.css").read_text(encoding="utf-8"),
        "data": embed_json(data),
        "vis_js": vis_js,
        "page_js": page_js,
    }
    # One pass over the template, so a marker-like string inside inserted text is never expanded.
    return MARKER.sub(lambda m: parts[m.group(1)], (STATIC / "page.html").read_text(encoding="utf-8"))
