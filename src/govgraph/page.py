"""The network page: one HTML file that explores a graph offline, or the same page served beside
the SPARQL endpoint, loading neighbourhoods from the store as it goes.

The page is our own template (templates/network.html) with vis-network's script and style inlined
from pyvis's copy, because pyvis's template loads Bootstrap from a CDN. The graph travels as JSON in
a ``<script type="application/json">`` element, with ``<``, ``>``, ``&`` and the two JavaScript line
separators escaped, and the page puts every piece of it on screen with ``textContent``.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

__all__ = ["page_data", "render_page", "served_page", "json_for_script", "FOCUS_ABOVE", "STRUCTURAL"]

TEMPLATES = Path(__file__).parent / "templates"
# Above this many nodes the page opens on the best-connected people rather than on everything:
# a few hundred nodes is about what a 1400x900 window lays out legibly.
FOCUS_ABOVE = 300
# Edges of the organisation's structure (a post in a body, a body in a body), not relations.
STRUCTURAL = ("postIn", "partOf")
# Posts are listed in the node panel; drawn as edges they would double every person's links.
POST_LINKS = ("holdsPosition", "heldPosition")
_SAFE_JSON = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026", 0x2028: "\\u2028", 0x2029: "\\u2029"}


def json_for_script(value) -> str:
    """``value`` as JSON that can sit inside a <script> element: no ``</script>``, no HTML
    comment or entity, no JavaScript line separator can end or change it."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(_SAFE_JSON)


def _post_tenures(graph: ox.Store) -> dict[tuple[str, str], tuple[str, str]]:
    """(holder, post) -> (start, end) as the text dated them ("" where it did not)."""
    from .graph import gg, org, schema

    tenures = {}
    for quad in graph.quads_for_pattern(None, org.member, None):
        membership, holder = quad.subject, quad.object
        post = next((q.object for q in graph.quads_for_pattern(membership, gg.post, None)), None)
        if post is None:
            continue
        start = next((q.object.value for q in graph.quads_for_pattern(membership, schema.startDate, None)), "")
        end = next((q.object.value for q in graph.quads_for_pattern(membership, schema.endDate, None)), "")
        tenures[(holder.value, post.value)] = (start, end)
    return tenures


def _posts(graph: ox.Store, node: str, tenures: dict) -> list[dict]:
    """A node's posts, current ones first, each with the dates the text gave."""
    from .export import _label
    from .graph import gg

    out = []
    subject = ox.NamedNode(node)
    for predicate, former in ((gg.holdsPosition, False), (gg.heldPosition, True)):
        for quad in graph.quads_for_pattern(subject, predicate, None):
            label = _label(graph, quad.object)
            start, end = tenures.get((node, quad.object.value), ("", ""))
            out.append({"label": label, "former": former, "start": start, "end": end})
    return sorted(out, key=lambda p: (p["former"], p["label"]))


def _ranked(network: nx.MultiDiGraph) -> list[str]:
    """The nodes in the order a capped whole-graph view keeps them: most links first; among equals
    people before bodies, groups, sources and posts, the most mentioned first."""
    from .export import KIND_STYLE

    order = list(KIND_STYLE)
    degree = dict(network.degree())
    return sorted(network.nodes, key=lambda n: (-degree[n], order.index(network.nodes[n]["kind"]),
                                                 -len(network.nodes[n]["articles"]), n))


def page_data(graph: ox.Store, max_nodes: int = 1500) -> dict:
    """What the page holds: nodes (with posts, aliases, articles, a score of how much the graph
    knows of them and a rank by links), edges (with every reading's evidence and dates) and the
    articles. All of them, so that search and panels reach every name; the whole-graph view draws
    at most ``max_nodes`` best-connected nodes (0: all)."""
    from .export import DASHED, KIND_STYLE, RELATION_COLOURS, _label, _text, _value, network_projection
    from .graph import rdf, schema

    network = network_projection(graph)
    total = network.number_of_nodes()
    rank = {node: index for index, node in enumerate(_ranked(network))}
    # How much the graph knows of a node: the stories that name it and the relations it takes part
    # in (its posts and the structure of bodies aside). Search ranks by it and the start view picks by it.
    relations = Counter()
    for source, target, data in network.edges(data=True):
        if data["relation"] not in STRUCTURAL + POST_LINKS:
            relations[source] += 1
            relations[target] += 1
    tenures = _post_tenures(graph)
    nodes = []
    for node, data in network.nodes(data=True):
        colour, shape = KIND_STYLE[data["kind"]]
        score = len(data["articles"]) + relations[node]
        nodes.append({"id": node, "label": data["label"], "kind": data["kind"], "aliases": data["aliases"],
                      "posts": _posts(graph, node, tenures) if data["kind"] != "Post" else [],
                      "articles": data["articles"], "relations": relations[node], "score": score, "rank": rank[node],
                      "color": colour, "shape": shape, "value": 1 if data["kind"] == "Post" else 1 + score})
    edges = []
    for index, (source, target, data) in enumerate(network.edges(data=True)):
        relation = data["relation"]
        edges.append({"id": f"e{index}", "from": source, "to": target, "relation": relation,
                      "structural": relation in STRUCTURAL, "derived": data["derived"], "evidence": data["evidence"],
                      "asserted": data["asserted"], "dashes": (not data["asserted"]) or relation in DASHED,
                      "color": RELATION_COLOURS.get(relation, "#555555"),
                      "articles": sorted({e["article"] for e in data["evidence"]})})
    articles = sorted(({"id": a.value, "headline": _label(graph, a), "date": _text(_value(graph, a, schema.datePublished))}
                       for a in (q.subject for q in graph.quads_for_pattern(None, rdf.type, schema.NewsArticle))),
                      key=lambda a: (a["date"], a["headline"], a["id"]))
    return {"nodes": nodes, "edges": edges, "articles": articles, "total": total, "served": False,
            "cap": max_nodes if max_nodes and total > max_nodes else 0}


def render_page(data: dict, heading: str = "govgraph") -> str:
    """The page's HTML for ``data`` (``page_data``'s, or a served page's, which holds no graph)."""
    import pyvis
    from jinja2 import Environment, FileSystemLoader

    from .export import KIND_STYLE, RELATION_COLOURS

    vis = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    present = {e["relation"] for e in data["edges"]}
    settings = {"focusAbove": FOCUS_ABOVE, "structural": list(STRUCTURAL), "postLinks": list(POST_LINKS),
                "colours": RELATION_COLOURS, "kinds": {k: {"color": c, "shape": s} for k, (c, s) in KIND_STYLE.items()}}
    environment = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True)
    return environment.get_template("network.html").render(
        heading=heading,
        data=json_for_script(data | {"settings": settings}),
        relations=[r for r in RELATION_COLOURS if data["served"] or r in present],
        relation_colours=RELATION_COLOURS,
        shown=data["cap"] or data["total"],
        total=data["total"],
        served=data["served"],
        legend=[(kind, colour) for kind, (colour, _shape) in KIND_STYLE.items() if kind != "Article"],
        vis_js=(vis / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(vis / "vis-network.css").read_text(encoding="utf-8"),
        # the page's own script goes in as it is written, never read as a template
        page_js=(TEMPLATES / "network.js").read_text(encoding="utf-8"),
    )


def served_page(heading: str = "govgraph") -> str:
    """The page ``govgraph serve --page`` answers at /: no graph inside; it asks the endpoint."""
    return render_page({"nodes": [], "edges": [], "articles": [], "total": 0, "served": True, "cap": 0}, heading)
