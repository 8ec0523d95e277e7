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

from .graph import GG, OA, PREFIXES, PROV, SCHEMA, to_oxigraph

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
    """Serialize the graph as Turtle, statements in sorted order (a build's file is byte-identical
    to the last one's when nothing changed). pyoxigraph's serializer is used: rdflib's takes
    longer than parsing the stories."""
    import pyoxigraph as ox

    terms: dict = {}  # each distinct term converted once: nodes and predicates recur in many statements

    def term(value):
        converted = terms.get(value)
        if converted is None:
            converted = terms[value] = to_oxigraph(value)
        return converted

    # sorted by their N-Triples text, which tells every distinct statement apart
    triples = sorted((ox.Triple(term(s), term(p), term(o)) for s, p, o in graph), key=str)
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE,
                        prefixes={prefix: str(namespace) for prefix, namespace in PREFIXES.items()})
    return write_atomic(path, data)


def _kind(graph: Graph, node) -> str | None:
    types = set(graph.objects(node, RDF.type))
    return next((kind for kind, cls in KIND_CLASSES if cls in types), None)


RELATION_COLOURS = {
    "askedToResign": "#d62728", "refusedToResign": "#9467bd", "resigned": "#8c564b", "fired": "#b2182b",
    "threatenedToFire": "#e377c2", "appointed": "#2ca02c", "succeeded": "#17becf", "reportsTo": "#7f7f7f",
    "criticized": "#ff7f0e", "supported": "#1f77b4", "metWith": "#bcbd22", "memberOf": "#aec7e8",
    "holdsPosition": "#ffbb78", "heldPosition": "#c7c7c7", "postIn": "#dbdb8d", "partOf": "#98df8a",
}
DASHED = {"threatenedToFire"}  # hedged by nature: drawn dashed like any reading that did not happen


def _label(graph: Graph, node) -> str:
    return str(graph.value(node, SKOS.prefLabel) or graph.value(node, RDFS.label) or node)


def relation_edges(graph: Graph) -> list[dict]:
    """One edge per (subject, relation, object) read from the assertion nodes, with every piece of
    evidence: the sentence, its trigger words, article, date, who claims it and the modality."""
    edges: dict[tuple[str, str, str], dict] = {}
    for assertion in sorted(graph.subjects(RDF.type, GG.Assertion)):
        subject, obj = graph.value(assertion, RDF.subject), graph.value(assertion, RDF.object)
        predicate = str(graph.value(assertion, RDF.predicate)).rsplit("#", 1)[-1]
        if subject is None or obj is None or obj == GG.unspecified:
            continue
        sentence = graph.value(assertion, GG.evidence)
        article = graph.value(assertion, PROV.wasDerivedFrom)
        attributed = graph.value(assertion, GG.attributedTo)
        modality = str(graph.value(assertion, GG.modality) or "asserted")
        derived = bool(graph.value(assertion, GG.derived))
        item = {
            "sentence": str(graph.value(sentence, OA.exact) or ""),
            "trigger": str(graph.value(assertion, GG.trigger) or ""),
            "article": str(article) if article is not None else "",
            "headline": _label(graph, article) if article is not None else "",
            "date": str(graph.value(article, SCHEMA.datePublished) or "") if article is not None else "",
            "attributedTo": _label(graph, attributed) if attributed is not None else "",
            "modality": modality,
            "rule": str(graph.value(assertion, GG.rule) or ""),
            "derived": derived,
            "premises": sorted(str(p) for p in graph.objects(assertion, GG.premise)),
        }
        edge = edges.setdefault((str(subject), predicate, str(obj)), {
            "from": str(subject), "to": str(obj), "relation": predicate, "evidence": [], "asserted": False,
            "derived": False})
        edge["evidence"].append(item)
        edge["asserted"] |= modality == "asserted"
        edge["derived"] |= derived
    return [edges[key] for key in sorted(edges)]


def network_projection(graph: Graph) -> nx.MultiDiGraph:
    """Project the RDF graph onto a network of people, bodies, groups, sources and posts.

    Nodes carry ``label``, ``kind``, ``aliases``, ``posts`` and the ``articles`` that mention
    them; edges are the relations (with their evidence), posts in bodies and bodies in bodies.
    """
    network = nx.MultiDiGraph()
    for node in sorted(set(graph.subjects(RDF.type, None))):
        kind = _kind(graph, node)
        if kind is None or kind == "Article":
            continue
        articles = sorted({str(a) for m in graph.objects(node, GG.hasMention) for a in graph.objects(m, DCTERMS.isPartOf)})
        posts = []
        for predicate, former in ((GG.holdsPosition, False), (GG.heldPosition, True)):
            for post in graph.objects(node, predicate):
                posts.append(("former " if former else "") + _label(graph, post))
        network.add_node(str(node), label=_label(graph, node), kind=kind, articles=articles, posts=sorted(posts),
                         aliases=sorted(str(a) for a in graph.objects(node, SKOS.altLabel)))
    for edge in relation_edges(graph):
        if edge["from"] in network and edge["to"] in network:
            network.add_edge(edge["from"], edge["to"], relation=edge["relation"], weight=len(edge["evidence"]),
                             evidence=edge["evidence"], asserted=edge["asserted"], derived=edge["derived"])
    for predicate, relation in ((ORG.postIn, "postIn"), (ORG.subOrganizationOf, "partOf")):
        for source, target in sorted(graph.subject_objects(predicate)):
            if str(source) in network and str(target) in network:
                network.add_edge(str(source), str(target), relation=relation, weight=1, evidence=[],
                                 asserted=True, derived=False)
    return network


def _node_size(kind: str, degree: int) -> int:
    # People and bodies grow with their links; posts stay small.
    return 8 if kind == "Post" else min(10 + 3 * degree, 40)


def render_html(graph: Graph, heading: str = "govgraph", max_nodes: int = 1500) -> str:
    """Render the network as one self-contained HTML page that needs no network to open.

    pyvis builds the vis-network data; the page is our own template with vis-network's script and
    style (shipped inside pyvis) inlined, because pyvis's template loads Bootstrap from a CDN.
    A graph with more than ``max_nodes`` nodes shows the best-connected ones and says so
    (``max_nodes=0`` shows all).
    """
    import pyvis
    from jinja2 import Environment, FileSystemLoader
    from pyvis.network import Network

    network = network_projection(graph)
    total = network.number_of_nodes()
    degree = dict(network.degree())
    if max_nodes and total > max_nodes:
        keep = sorted(network.nodes, key=lambda n: (-degree[n], n))[:max_nodes]
        network = network.subgraph(keep).copy()
    net = Network(directed=True, cdn_resources="in_line")
    for node, data in network.nodes(data=True):
        colour, shape = KIND_STYLE[data["kind"]]
        # vis-network shows a string title as plain text, so article text is never parsed as HTML.
        title = "\n".join([data["label"], data["kind"]] + data["posts"] +
                           (["also: " + ", ".join(data["aliases"])] if data["aliases"] else []))
        net.add_node(node, label=data["label"], title=title, color=colour, shape=shape,
                     size=_node_size(data["kind"], degree.get(node, 0)), kind=data["kind"],
                     aliases=data["aliases"], posts=data["posts"], articles=data["articles"])
    for index, (source, target, data) in enumerate(network.edges(data=True)):
        structural = data["relation"] in ("postIn", "partOf")
        net.add_edge(source, target, id=f"e{index}", relation=data["relation"], label="" if structural else data["relation"],
                     title=data["relation"], color=RELATION_COLOURS.get(data["relation"], "#555555"), arrows="to",
                     width=1 if structural else 2, dashes=(not data["asserted"]) or data["relation"] in DASHED,
                     derived=data["derived"], evidence=data["evidence"],
                     articles=sorted({e["article"] for e in data["evidence"]}))
    nodes, edges, _heading, _height, _width, _options = net.get_network_data()
    articles = sorted(((str(a), _label(graph, a), str(graph.value(a, SCHEMA.datePublished) or ""))
                       for a in graph.subjects(RDF.type, SCHEMA.NewsArticle)), key=lambda a: (a[2], a[1]))
    vis = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    environment = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True)
    return environment.get_template("network.html").render(
        heading=heading,
        nodes=nodes,
        edges=edges,
        articles=[{"id": a, "headline": h, "date": d} for a, h, d in articles],
        relations=[r for r in RELATION_COLOURS if any(e["relation"] == r for e in edges)],
        relation_colours=RELATION_COLOURS,
        shown=network.number_of_nodes(),
        total=total,
        legend=[(kind, colour) for kind, (colour, _shape) in KIND_STYLE.items() if kind != "Article"],
        vis_js=(vis / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(vis / "vis-network.css").read_text(encoding="utf-8"),
    )


def write_html(graph: Graph, path: str | Path, max_nodes: int = 1500) -> Path:
    """Write the offline HTML network page (at most ``max_nodes`` nodes; 0 for all)."""
    return write_atomic(path, render_html(graph, max_nodes=max_nodes))


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
            network.add_node(node, label=data["label"], kind=data["kind"], aliases="; ".join(data["aliases"]),
                             posts="; ".join(data["posts"]))
        for source, target, data in network_projection(graph).edges(data=True):
            network.add_edge(source, target, relation=data["relation"], weight=data["weight"],
                             asserted=data["asserted"], derived=data["derived"])
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


def export(dataset: Dataset, merged: Graph, out_dir: str | Path, formats, html_max_nodes: int = 1500) -> list[Path]:
    """Write each requested format into ``out_dir``; names a format that does not exist."""
    from .model import GovgraphError

    unknown = [f for f in formats if f not in EXPORTERS]
    if unknown:
        raise GovgraphError(f"unknown format {unknown[0]!r}; formats are {', '.join(EXPORTERS)}")
    written = []
    for name in formats:
        filename, write, per_article = EXPORTERS[name]
        if write is write_html:
            written.append(write_html(merged, Path(out_dir) / filename, html_max_nodes))
        else:
            written.append(write(dataset if per_article else merged, Path(out_dir) / filename))
    return written
