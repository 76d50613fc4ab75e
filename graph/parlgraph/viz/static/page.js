"use strict";
// Everything shown comes from documents: text goes in with textContent, never as HTML, and a
// link is only made of an http(s) URL.
(function () {
  const data = JSON.parse(document.getElementById("pg-data").textContent);
  const kinds = new Map(data.kinds.map((kind) => [kind.name, kind]));
  const GLYPHS = { box: "\u25ac", dot: "\u25cf", square: "\u25a0", star: "\u2605", triangle: "\u25b2",
                   triangleDown: "\u25bc", diamond: "\u25c6", hexagon: "\u2b22" };

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function link(site, url) {
    if (!/^https?:\/\//i.test(url)) return el("span", site);
    const anchor = el("a", site);
    anchor.href = url;
    anchor.target = "_blank";
    anchor.rel = "noopener noreferrer";
    return anchor;
  }

  function describe(node) {
    const box = el("div", null, "pg-tip");
    box.append(el("strong", node.full), el("div", kinds.get(node.kind).legend, "pg-kind"));
    if (node.ids.length) box.append(el("div", "Identifiers: " + node.ids.join(", ")));
    if (node.links.length) {
      const list = el("ul");
      for (const [site, url] of node.links) {
        const item = el("li");
        item.append(link(site, url));
        list.append(item);
      }
      box.append(list);
    }
    if (node.docs) box.append(el("div", node.docs === 1 ? "1 source document" : node.docs + " source documents"));
    if (node.quote) box.append(el("blockquote", "\u201c" + node.quote + "\u201d"));
    return box;
  }

  document.title = data.title;
  document.getElementById("pg-title").textContent = data.title;
  document.getElementById("pg-summary").textContent =
    data.nodes.length + " nodes, " + data.edges.length + " edges";
  document.getElementById("pg-note").textContent = data.note;

  const nodes = new vis.DataSet(data.nodes.map((node) => Object.assign({}, node, { title: describe(node) })));
  const edges = new vis.DataSet(data.edges);
  const container = document.getElementById("pg-network");
  const network = new vis.Network(container, { nodes, edges }, data.options);
  const view = { network, nodes, edges, settledAt: null, drawn: 0 };
  window.pgView = view;

  network.once("afterDrawing", () => {
    view.settledAt = performance.now();
    document.documentElement.dataset.settled = "true";
  });
  network.on("afterDrawing", () => { view.drawn += 1; });

  const details = document.getElementById("pg-details");
  function showDetails(id) {
    details.replaceChildren(id === undefined ? el("p", "Click a node for its details and links.", "pg-hint")
                                             : describe(nodes.get(id)));
  }
  network.on("select", (event) => showDetails(event.nodes[0]));

  // Type filter: the legend doubles as the list of checkboxes.
  const legend = document.getElementById("pg-legend");
  const counts = new Map();
  for (const node of data.nodes) counts.set(node.kind, (counts.get(node.kind) || 0) + 1);
  for (const kind of data.kinds) {
    if (!counts.has(kind.name)) continue;
    const row = el("label");
    const box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = kind.name;
    const swatch = el("span", GLYPHS[kind.shape] || "\u25cf", "pg-swatch");
    swatch.style.color = kind.color;
    row.append(box, swatch, el("span", kind.legend), el("span", counts.get(kind.name), "pg-count"));
    legend.append(row);
    box.addEventListener("change", () => {
      nodes.update(data.nodes.filter((node) => node.kind === kind.name).map((node) => ({ id: node.id, hidden: !box.checked })));
    });
  }

  // Search: Enter or "Find" selects and centres the next match among the visible nodes.
  const input = document.getElementById("pg-search");
  const status = document.getElementById("pg-search-status");
  let matches = [];
  let lastQuery = null;
  let at = -1;
  document.getElementById("pg-search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const query = input.value.trim().toLowerCase();
    if (query !== lastQuery) {
      lastQuery = query;
      at = -1;
      matches = query ? nodes.get({ filter: (node) => !node.hidden &&
        [node.full, node.label].concat(node.ids).some((name) => name.toLowerCase().includes(query)) }).map((node) => node.id) : [];
    }
    if (!matches.length) {
      status.textContent = query ? "No match." : "";
      return;
    }
    at = (at + 1) % matches.length;
    const id = matches[at];
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1), animation: false });
    showDetails(id);
    status.textContent = "Match " + (at + 1) + " of " + matches.length + ": " + nodes.get(id).full;
  });
})();
