"""Write a graph out: Turtle for machines, an offline HTML network for people.

Every file is written to a temporary file in the target folder and renamed over the old one, so
an interrupted write never leaves a half-written file (a build stages its files first and swaps
them in as one set: outputs.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from .graph import PREFIXES, dcterms, foaf, gg, oa, org, prov, rdf, rdfs, schema, skos
from .outputs import write_atomic

__all__ = ["EXPORTERS", "export", "write_atomic", "turtle", "write_turtle", "write_html", "network_projection",
           "render_html", "relation_edges"]

KIND_STYLE = {
    # kind: (colour, vis-network shape)
    "Person": ("#1f77b4", "dot"),
    "Organization": ("#2ca02c", "box"),
    "Group": ("#17becf", "ellipse"),
    "AnonymousSource": ("#7f7f7f", "triangle"),
    "Post": ("#ff7f0e", "diamond"),
    "Article": ("#c7c7c7", "square"),
}

KIND_CLASSES = [("Person", foaf.Person), ("Organization", org.Organization), ("Group", gg.Group),
                ("AnonymousSource", gg.AnonymousSource), ("Post", org.Post), ("Article", schema.NewsArticle)]
_PREFIXES = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def _sorted_statements(graph: ox.Store) -> list[ox.Quad]:
    # sorted by their N-Triples text, which tells every distinct statement apart: a build's file
    # is byte-identical to the last one's when nothing changed, and diffs between builds are small
    return sorted(graph.quads_for_pattern(None, None, None, ox.DefaultGraph()), key=str)


def turtle(graph: ox.Store) -> bytes:
    """The graph as Turtle, statements in sorted order, with govgraph's prefixes."""
    return ox.serialize(_sorted_statements(graph), format=ox.RdfFormat.TURTLE, prefixes=_PREFIXES)


def write_turtle(graph: ox.Store, path: str | Path) -> Path:
    """Write the graph as Turtle (``turtle``)."""
    return write_atomic(path, turtle(graph))


def _objects(graph: ox.Store, node, predicate) -> list:
    return [quad.object for quad in graph.quads_for_pattern(node, predicate, None)]


def _value(graph: ox.Store, node, predicate):
    return next((quad.object for quad in graph.quads_for_pattern(node, predicate, None)), None)


def _subjects(graph: ox.Store, predicate, obj) -> list:
    return [quad.subject for quad in graph.quads_for_pattern(None, predicate, obj)]


def _text(term) -> str:
    return term.value if term is not None else ""


RELATION_COLOURS = {
    "askedToResign": "#d62728", "refusedToResign": "#9467bd", "resigned": "#8c564b", "fired": "#b2182b",
    "threatenedToFire": "#e377c2", "appointed": "#2ca02c", "succeeded": "#17becf", "reportsTo": "#7f7f7f",
    "criticized": "#ff7f0e", "supported": "#1f77b4", "metWith": "#bcbd22", "memberOf": "#aec7e8",
    "holdsPosition": "#ffbb78", "heldPosition": "#c7c7c7", "postIn": "#dbdb8d", "partOf": "#98df8a",
    "withdrew": "#a55194", "askedToWithdraw": "#ce6dbd",
}
DASHED = {"threatenedToFire"}  # hedged by nature: drawn dashed like any reading that did not happen


def _label(graph: ox.Store, node) -> str:
    return (_value(graph, node, skos.prefLabel) or _value(graph, node, rdfs.label) or node).value


def relation_edges(graph: ox.Store) -> list[dict]:
    """One edge per (subject, relation, object) read from the assertion nodes, with every piece of
    evidence: the sentence, its trigger words, article, date, the event's date, who claims it and
    the modality."""
    edges: dict[tuple[str, str, str], dict] = {}
    for assertion in sorted(_subjects(graph, rdf.type, gg.Assertion)):  # IRIs sort by their text
        subject, obj = _value(graph, assertion, rdf.subject), _value(graph, assertion, rdf.object)
        if subject is None or obj is None or obj == gg.unspecified:
            continue
        predicate = _value(graph, assertion, rdf.predicate).value.rsplit("#", 1)[-1]
        sentence = _value(graph, assertion, gg.evidence)
        article = _value(graph, assertion, prov.wasDerivedFrom)
        attributed = _value(graph, assertion, gg.attributedTo)
        modality = _text(_value(graph, assertion, gg.modality))  # none given: not drawn as happened
        derived = _text(_value(graph, assertion, gg.derived)) == "true"
        item = {
            "sentence": _text(_value(graph, sentence, oa.exact)) if sentence is not None else "",
            "trigger": _text(_value(graph, assertion, gg.trigger)),
            "article": _text(article),
            "headline": _label(graph, article) if article is not None else "",
            "date": _text(_value(graph, article, schema.datePublished)) if article is not None else "",
            "eventDate": _text(_value(graph, assertion, gg.eventDate)),  # the event's own, where the text dates it
            "attributedTo": _label(graph, attributed) if attributed is not None else "",
            "modality": modality,
            "rule": _text(_value(graph, assertion, gg.rule)),
            "derived": derived,
            "premises": sorted(p.value for p in _objects(graph, assertion, gg.premise)),
        }
        edge = edges.setdefault((subject.value, predicate, obj.value), {
            "from": subject.value, "to": obj.value, "relation": predicate, "evidence": [], "asserted": False,
            "derived": False})
        edge["evidence"].append(item)
        edge["asserted"] |= modality == "asserted"
        edge["derived"] |= derived
    return [edges[key] for key in sorted(edges)]


def network_projection(graph: ox.Store) -> nx.MultiDiGraph:
    """Project the RDF graph onto a network of people, bodies, groups, sources and posts.

    Nodes carry ``label``, ``kind``, ``aliases``, ``posts`` and the ``articles`` that mention
    them; edges are the relations (with their evidence), posts in bodies and bodies in bodies.
    """
    kinds: dict = {}
    for kind, cls in KIND_CLASSES[:-1]:  # articles are not drawn
        for node in _subjects(graph, rdf.type, cls):
            kinds.setdefault(node, kind)  # the first of KIND_CLASSES a node is an instance of
    network = nx.MultiDiGraph()
    for node in sorted(kinds, key=lambda n: n.value):
        articles = sorted({a.value for m in _objects(graph, node, gg.hasMention) for a in _objects(graph, m, dcterms.isPartOf)})
        posts = []
        for predicate, former in ((gg.holdsPosition, False), (gg.heldPosition, True)):
            for post in _objects(graph, node, predicate):
                posts.append(("former " if former else "") + _label(graph, post))
        network.add_node(node.value, label=_label(graph, node), kind=kinds[node], articles=articles, posts=sorted(posts),
                         aliases=sorted(a.value for a in _objects(graph, node, skos.altLabel)))
    for edge in relation_edges(graph):
        if edge["from"] in network and edge["to"] in network:
            network.add_edge(edge["from"], edge["to"], relation=edge["relation"], weight=len(edge["evidence"]),
                             evidence=edge["evidence"], asserted=edge["asserted"], derived=edge["derived"])
    for predicate, relation in ((org.postIn, "postIn"), (org.subOrganizationOf, "partOf")):
        pairs = sorted((q.subject.value, q.object.value) for q in graph.quads_for_pattern(None, predicate, None))
        for source, target in pairs:
            if source in network and target in network:
                network.add_edge(source, target, relation=relation, weight=1, evidence=[], asserted=True,
                                 derived=False)
    return network


def render_html(graph: ox.Store, heading: str = "govgraph", max_nodes: int = 1500) -> str:
    """Render the network as one self-contained HTML page that needs no network to open (page.py).

    A graph of more than a few hundred nodes opens on its best-known people and their relations;
    search, a person's neighbourhood, an article, a time range or the whole graph are a click
    away. The whole-graph view draws at most ``max_nodes`` best-connected nodes and the page says
    so (``max_nodes=0``: all).
    """
    from .page import page_data, render_page

    return render_page(page_data(graph, max_nodes), heading)


def write_html(graph: ox.Store, path: str | Path, max_nodes: int = 1500) -> Path:
    """Write the offline HTML network page (at most ``max_nodes`` nodes; 0 for all)."""
    return write_atomic(path, render_html(graph, max_nodes=max_nodes))


def write_rdf(rdf_format: ox.RdfFormat):
    """A writer of the merged graph in another RDF syntax (N-Triples, JSON-LD), statements sorted."""
    def write(graph: ox.Store, path: str | Path) -> Path:
        return write_atomic(path, ox.serialize(_sorted_statements(graph), format=rdf_format, prefixes=_PREFIXES))
    write.__doc__ = f"Serialize the merged graph as {rdf_format.name}."
    return write


def write_network(writer):
    """A writer of the networkx projection (GraphML or GEXF, for Gephi and similar tools)."""
    def write(graph: ox.Store, path: str | Path) -> Path:
        import io

        projection = network_projection(graph)
        network = nx.MultiDiGraph()
        for node, data in projection.nodes(data=True):
            network.add_node(node, label=data["label"], kind=data["kind"], aliases="; ".join(data["aliases"]),
                             posts="; ".join(data["posts"]))
        for source, target, data in projection.edges(data=True):
            network.add_edge(source, target, relation=data["relation"], weight=data["weight"],
                             asserted=data["asserted"], derived=data["derived"])
        buffer = io.BytesIO()
        writer(network, buffer)
        return write_atomic(path, buffer.getvalue())
    return write


def write_dataset(rdf_format: ox.RdfFormat):
    """A writer of the dataset, one named graph per article (TriG or N-Quads), graph by graph."""
    def write(dataset: ox.Store, path: str | Path) -> Path:
        quads = sorted(dataset.quads_for_pattern(None, None, None), key=lambda q: (str(q.graph_name), str(q)))
        return write_atomic(path, ox.serialize(quads, format=rdf_format, prefixes=_PREFIXES))
    return write


# format name -> (file name, writer, whether it writes the per-article dataset or the merged graph)
EXPORTERS: dict[str, tuple[str, Callable, bool]] = {
    "turtle": ("graph.ttl", write_turtle, False),
    "html": ("graph.html", write_html, False),
    "trig": ("graph.trig", write_dataset(ox.RdfFormat.TRIG), True),
    "nquads": ("graph.nq", write_dataset(ox.RdfFormat.N_QUADS), True),
    "jsonld": ("graph.jsonld", write_rdf(ox.RdfFormat.JSON_LD), False),
    "ntriples": ("graph.nt", write_rdf(ox.RdfFormat.N_TRIPLES), False),
    "graphml": ("graph.graphml", write_network(nx.write_graphml), False),
    "gexf": ("graph.gexf", write_network(nx.write_gexf), False),
}


def export(dataset: ox.Store | None, merged: ox.Store, out_dir: str | Path, formats, html_max_nodes: int = 1500,
           place: Callable[[str], Path] | None = None) -> list[Path]:
    """Write each requested format into ``out_dir`` (or to ``place(file name)``, a build's staging);
    names a format that does not exist."""
    from .model import GovgraphError

    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown:
        raise GovgraphError(f"unknown format {unknown[0]!r}; formats are {', '.join(EXPORTERS)}")
    written = []
    for name in formats:
        filename, write, per_article = EXPORTERS[name]
        path = place(filename) if place else Path(out_dir) / filename
        if write is write_html:
            written.append(write_html(merged, path, html_max_nodes))
        else:
            written.append(write(dataset if per_article else merged, path))
    return written
