"""Node positions computed once in Python, so the page draws a finished picture and nothing moves.

A Fruchterman-Reingold force layout, vectorised with numpy (repulsion between all pairs, springs
along edges, a weak pull to the centre so separate components stay near each other). networkx's
own layouts loop in Python per node and need tens of seconds for 2,000 nodes; this needs about one
second. Memory and time grow with the square of the node count (4,000 nodes: some 10 s).
"""
from __future__ import annotations

import networkx as nx
import numpy as np

SPACING = 80.0  # pixels between neighbouring nodes on the page
GRAVITY = np.float32(0.15)


def positions(graph: nx.Graph, seed: int = 7, iterations: int = 60) -> dict[str, tuple[float, float]]:
    """Pixel coordinates for every node; the same graph and seed give the same picture."""
    nodes = sorted(graph)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in graph.edges() if u != v], dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    x = rng.random(n, dtype=np.float32) - np.float32(0.5)
    y = rng.random(n, dtype=np.float32) - np.float32(0.5)
    k = np.float32(1.0 / np.sqrt(n))  # the ideal edge length in a unit square
    step = np.float32(0.1)
    cooling = step / np.float32(iterations + 1)
    for _ in range(iterations):
        fx, fy = _repulsion(x, y, k * k)
        _springs(x, y, edges, k, fx, fy)
        fx -= GRAVITY * x
        fy -= GRAVITY * y
        length = np.maximum(np.sqrt(fx * fx + fy * fy), np.float32(1e-6))
        scale = np.minimum(length, step) / length
        x += fx * scale
        y += fy * scale
        step -= cooling
    x, y = _landscape(x, y)
    pixels = SPACING / float(k)
    return {node: (float(x[i]) * pixels, float(y[i]) * pixels) for node, i in index.items()}


def _landscape(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Rotate the picture so its longest extent runs along x: screens are wider than tall."""
    points = np.stack([x - x.mean(), y - y.mean()])
    _, vectors = np.linalg.eigh(np.cov(points) if len(x) > 1 else np.eye(2))
    major, minor = vectors[:, 1], vectors[:, 0]
    return major @ points, minor @ points


def _repulsion(x: np.ndarray, y: np.ndarray, k2: np.float32) -> tuple[np.ndarray, np.ndarray]:
    dx = x[:, None] - x[None, :]
    dy = y[:, None] - y[None, :]
    weight = dx * dx
    weight += dy * dy
    weight += np.float32(1e-6)
    np.divide(k2, weight, out=weight)
    return (dx * weight).sum(axis=1), (dy * weight).sum(axis=1)


def _springs(x: np.ndarray, y: np.ndarray, edges: np.ndarray, k: np.float32, fx: np.ndarray, fy: np.ndarray) -> None:
    if not len(edges):
        return
    source, target = edges[:, 0], edges[:, 1]
    ex = x[source] - x[target]
    ey = y[source] - y[target]
    pull = np.sqrt(ex * ex + ey * ey) / k
    n = len(x)
    for force, delta in ((fx, ex * pull), (fy, ey * pull)):
        force -= np.bincount(source, delta, n).astype(np.float32)
        force += np.bincount(target, delta, n).astype(np.float32)
