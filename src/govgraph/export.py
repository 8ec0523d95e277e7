"""Write a graph out: Turtle for machines, an offline HTML network for people.

Every file is written to a temporary file in the target folder and renamed over the old one, so
an interrupted build never leaves a half-written output.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, SKOS

from .graph import GG, SCHEMA

__all__ = ["EXPORTERS", "export", "write_atomic", "write_turtle", "write_html", "network_projection",
           "render_html"]

TEMPLATES = Path(__file__).parent / "templates"

KIND_STYLE = {
    # kind: (colour, vis-network shape)
    "Person": ("#1f77b4", "dot"),
    "Organization": ("#2ca02c", "box"),
    "Group": ("#17becf", "ellipse"),
    "AnonymousSource": ("#7f7f7f", "triangle"),
    "Post": ("#ff7f0e", "diamond"),
    "Article": ("#c7c7c7", "square"),
}

KIND_CLASSES = [("Person", FOAF.Person), ("Organization", ORG.Organization), ("Group", GG.Group),
                ("AnonymousSource", GG.AnonymousSource), ("Post", ORG.Post), ("Article", SCHEMA.NewsArticle)]

# (predicate, label) of the edges drawn between entity nodes
EDGE_PREDICATES = [(GG.holdsPosition, "holds position"), (GG.heldPosition, "held position"),
                   (ORG.postIn, "post in"), (ORG.subOrganizationOf, "part of")]


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to ``path`` through a temporary file and a rename (never half-written)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_turtle(graph: Graph, path: str | Path) -> Path:
    """Serialize the graph as Turtle."""
    return write_atomic(path, graph.serialize(format="turtle"))


def _kind(graph: Graph, node) -> str | None:
    types = set(graph.objects(node, RDF.type))
    return next((kind for kind, cls in KIND_CLASSES if cls in types), None)


def network_projection(graph: Graph) -> nx.MultiDiGraph:
    """Project the RDF graph onto a network of entities and articles for drawing or Gephi.

    Nodes carry ``label``, ``kind`` and ``aliases``; an article links to each entity it mentions,
    weighted by the number of mentions; people link to their posts, posts to their bodies, and
    bodies to the bodies they are part of.
    """
    network = nx.MultiDiGraph()
    for node in sorted(set(graph.subjects(RDF.type, None))):
        kind = _kind(graph, node)
        if kind is None:
            continue
        label = graph.value(node, SKOS.prefLabel) or graph.value(node, RDFS.label) or node
        aliases = sorted(str(a) for a in graph.objects(node, SKOS.altLabel))
        network.add_node(str(node), label=str(label), kind=kind, aliases=aliases)
    for entity in list(network.nodes):
        counts: dict[str, int] = {}
        for mention in graph.objects(URIRef(entity), GG.hasMention):
            for article in graph.objects(mention, DCTERMS.isPartOf):
                counts[str(article)] = counts.get(str(article), 0) + 1
        for article, count in sorted(counts.items()):
            if article in network:
                network.add_edge(article, entity, relation="mentions", weight=count)
    for predicate, label in EDGE_PREDICATES:
        for source, target in sorted(graph.subject_objects(predicate)):
            if str(source) in network and str(target) in network:
                network.add_edge(str(source), str(target), relation=label, weight=1)
    return network


def _node_size(kind: str, degree: int) -> int:
    # Entities grow with their links; an article links to everything it mentions, so it stays small.
    return 12 if kind == "Article" else min(10 + 3 * degree, 40)


def render_html(graph: Graph, heading: str = "govgraph") -> str:
    """Render the network as one self-contained HTML page that needs no network to open.

    pyvis builds the vis-network data; the page is our own template with vis-network's script and
    style (shipped inside pyvis) inlined, because pyvis's template loads Bootstrap from a CDN.
    """
    import pyvis
    from jinja2 import Environment, FileSystemLoader
    from pyvis.network import Network

    network = network_projection(graph)
    net = Network(directed=True, cdn_resources="in_line")
    degree = dict(network.degree())
    for node, data in network.nodes(data=True):
        colour, shape = KIND_STYLE[data["kind"]]
        lines = [data["label"], data["kind"]]
        if data["aliases"]:
            lines.append("also: " + ", ".join(data["aliases"]))
        # vis-network shows a string title as plain text, so article text is never parsed as HTML.
        net.add_node(node, label=data["label"], title="\n".join(lines), color=colour, shape=shape,
                     size=_node_size(data["kind"], degree.get(node, 0)), kind=data["kind"],
                     aliases=data["aliases"])
    for source, target, data in network.edges(data=True):
        if data["relation"] == "mentions":
            net.add_edge(source, target, title=f"mentioned {data['weight']}x", relation="mentions",
                         color="#dddddd", arrows="to", width=1)
        else:
            net.add_edge(source, target, title=data["relation"], label=data["relation"],
                         relation=data["relation"], color="#555555", arrows="to", width=2)
    nodes, edges, _heading, _height, _width, _options = net.get_network_data()
    vis = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    environment = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True)
    return environment.get_template("network.html").render(
        heading=heading,
        nodes=nodes,
        edges=edges,
        legend=[(kind, colour) for kind, (colour, _shape) in KIND_STYLE.items()],
        vis_js=(vis / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(vis / "vis-network.css").read_text(encoding="utf-8"),
    )


def write_html(graph: Graph, path: str | Path) -> Path:
    """Write the offline HTML network page."""
    return write_atomic(path, render_html(graph))


def write_rdf(rdf_format: str):
    """A writer of the merged graph in an RDF syntax rdflib knows ("nt", "json-ld")."""
    def write(graph: Graph, path: str | Path) -> Path:
        return write_atomic(path, graph.serialize(format=rdf_format))
    write.__doc__ = f"Serialize the merged graph as {rdf_format}."
    return write


def write_network(writer):
    """A writer of the networkx projection (GraphML or GEXF, for Gephi and similar tools)."""
    def write(graph: Graph, path: str | Path) -> Path:
        import io

        network = nx.MultiDiGraph()
        for node, data in network_projection(graph).nodes(data=True):
            network.add_node(node, label=data["label"], kind=data["kind"], aliases="; ".join(data["aliases"]))
        for source, target, data in network_projection(graph).edges(data=True):
            network.add_edge(source, target, relation=data["relation"], weight=data["weight"])
        buffer = io.BytesIO()
        writer(network, buffer)
        return write_atomic(path, buffer.getvalue())
    return write


def write_dataset(rdf_format: str):
    """A writer of the dataset, one named graph per article (TriG or N-Quads)."""
    def write(dataset: Dataset, path: str | Path) -> Path:
        return write_atomic(path, dataset.serialize(format=rdf_format))
    return write


# format name -> (file name, writer, whether it writes the per-article dataset or the merged graph)
EXPORTERS: dict[str, tuple[str, Callable, bool]] = {
    "turtle": ("graph.ttl", write_turtle, False),
    "html": ("graph.html", write_html, False),
    "trig": ("graph.trig", write_dataset("trig"), True),
    "nquads": ("graph.nq", write_dataset("nquads"), True),
    "jsonld": ("graph.jsonld", write_rdf("json-ld"), False),
    "ntriples": ("graph.nt", write_rdf("nt"), False),
    "graphml": ("graph.graphml", write_network(nx.write_graphml), False),
    "gexf": ("graph.gexf", write_network(nx.write_gexf), False),
}


def export(dataset: Dataset, merged: Graph, out_dir: str | Path, formats) -> list[Path]:
    """Write each requested format into ``out_dir``; names a format that does not exist."""
    from .model import GovgraphError

    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown:
        raise GovgraphError(f"unknown format {unknown[0]!r}; formats are {', '.join(EXPORTERS)}")
    written = []
    for name in formats:
        filename, write, per_article = EXPORTERS[name]
        written.append(write(dataset if per_article else merged, Path(out_dir) / filename))
    return written
