import re

import pyoxigraph as ox
from rdflib import Graph

from govgraph.export import network_projection, render_html, write_atomic, write_turtle
from govgraph.graph import article_iri, build_graph, entity_iri, skos
from govgraph.model import Entity, Extraction, Mention
from test_graph import small_extraction


def test_write_atomic_replaces_and_leaves_no_temp(tmp_path):
    target = tmp_path / "out" / "graph.ttl"
    write_atomic(target, "first")
    write_atomic(target, "second")
    assert target.read_text() == "second"
    assert [p.name for p in target.parent.iterdir()] == ["graph.ttl"]


def test_turtle_round_trips(tmp_path):
    graph = build_graph([small_extraction()])
    path = write_turtle(graph, tmp_path / "g.ttl")
    assert len(Graph().parse(path)) == len(graph)


def test_network_projection_carries_relations_with_evidence():
    from govgraph.model import Relation

    base = small_extraction()
    doe, senate = base.entities
    roe = Entity("Person", "John Roe", set(), [Mention(0, 4, "Jane", 0)])
    threat = Relation("threatenedToFire", roe, doe, 1, "fire", trigger="would sack")
    extraction = Extraction(base.article, base.sentences, (doe, senate, roe), (), (threat,))
    network = network_projection(build_graph([extraction]))
    doe_node = entity_iri(doe).value
    assert network.nodes[doe_node]["label"] == "Jane Doe" and network.nodes[doe_node]["kind"] == "Person"
    assert network.nodes[doe_node]["aliases"] == ["Doe"]
    assert network.nodes[doe_node]["articles"] == [article_iri(base.article.id).value]
    (edge,) = [d for _, target, d in network.edges(data=True) if target == doe_node]
    assert edge["relation"] == "threatenedToFire" and edge["asserted"]
    (item,) = edge["evidence"]
    assert item["sentence"] == "Doe left the Senate." and item["trigger"] == "would sack"
    assert item["headline"] == "Jane Doe quit." and item["date"] == "2022-01-02"


def test_html_is_offline_and_escapes_article_text():
    extraction = small_extraction()
    graph = build_graph([extraction])
    evil = "<script>alert(1)</script><img src=x onerror=alert(1)>"
    graph.add(ox.Quad(entity_iri(extraction.entities[0]), skos.altLabel, ox.Literal(evil)))
    html = render_html(graph)
    assert "vis.Network" in html
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "\\u003cscript\\u003ealert(1)" in html


def test_a_capped_page_says_so(seed_extraction):
    graph = build_graph([seed_extraction])
    capped = render_html(graph, max_nodes=5)
    assert "Showing the 5 best-connected of" in capped and "--html-max-nodes 0" in capped
    assert "best-connected" not in render_html(graph, max_nodes=0)
