import re
from datetime import date

import pyoxigraph as ox
from rdflib import Graph

from govgraph.export import network_projection, render_html, write_atomic, write_turtle
from govgraph.graph import article_iri, build_graph, entity_iri, skos
from govgraph.model import Article, Entity, Extraction, Mention, Sentence
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


def test_relation_edges_gather_every_reading_of_one_edge():
    from govgraph.export import relation_edges
    from govgraph.graph import assertion_iri
    from govgraph.model import Relation

    base = small_extraction()
    doe, senate = base.entities
    roe = Entity("Person", "John Roe", set(), [Mention(0, 4, "Jane", 0)])
    said = Relation("criticized", roe, doe, 1, "criticize", trigger="slammed", attributed_to=senate)
    derived = Relation("criticized", roe, doe, 0, "derive", modality="hedged", derived=True, premises=("b", "a"))
    doubt = Relation("criticized", roe, doe, 0, "hedge", modality="hedged")
    back = Relation("supported", doe, senate, 1, "support")
    # no one to draw an edge to: left out, and the edges after them still drawn
    unnamed = [Relation("resigned", person, None, 0, "resign", modality=m) for person in (doe, roe)
               for m in ("asserted", "hedged")]
    relations = (said, derived, doubt, back, *unnamed)
    # the same criticism in a second story, of another day
    later = Article(text="Roe hit out.\nRoe criticized Doe.", source="b.txt", title="Roe hits out.",
                    published=date(2022, 2, 3))
    again = Relation("criticized", roe, doe, 1, "criticize-again", trigger="criticized")
    second = Extraction(later, (Sentence(0, 0, 12, "Roe hit out."), Sentence(1, 13, 32, "Roe criticized Doe.")),
                        (doe, senate, roe), (), (again,))
    order = sorted([(assertion_iri(base.article.id, r).value, r) for r in relations]
                   + [(assertion_iri(later.id, again).value, again)], key=lambda pair: pair[0])
    order = [r for _, r in order]
    first_unnamed = next(i for i, r in enumerate(order) if r.object is None)
    assert any(r.object is not None for r in order[first_unnamed:])  # an edge comes after an unnamed object
    # an edge stays asserted and derived after a reading that is neither
    assert [r for r in order if r.predicate == "criticized"][-1] is doubt
    extraction = Extraction(base.article, base.sentences, (doe, senate, roe), (), relations)
    shared = {"article": article_iri(base.article.id).value, "headline": "Jane Doe quit.", "date": "2022-01-02",
              "eventDate": ""}
    edges = relation_edges(build_graph([extraction, second]))
    assert [{k: v for k, v in edge.items() if k != "evidence"} for edge in edges] == sorted([
        {"from": entity_iri(roe).value, "to": entity_iri(doe).value, "relation": "criticized", "asserted": True,
         "derived": True},
        {"from": entity_iri(doe).value, "to": entity_iri(senate).value, "relation": "supported", "asserted": True,
         "derived": False}], key=lambda edge: (edge["from"], edge["relation"], edge["to"]))
    (edge,) = [edge for edge in edges if edge["relation"] == "criticized"]
    assert sorted(edge["evidence"], key=lambda item: item["rule"]) == [
        shared | {"sentence": "Doe left the Senate.", "trigger": "slammed", "attributedTo": "Senate",
                  "modality": "asserted", "rule": "criticize", "derived": False, "premises": []},
        {"article": article_iri(later.id).value, "headline": "Roe hits out.", "date": "2022-02-03", "eventDate": "",
         "sentence": "Roe criticized Doe.", "trigger": "criticized", "attributedTo": "", "modality": "asserted",
         "rule": "criticize-again", "derived": False, "premises": []},
        shared | {"sentence": "Jane Doe quit.", "trigger": "", "attributedTo": "", "modality": "hedged",
                  "rule": "derive", "derived": True, "premises": ["a", "b"]},
        shared | {"sentence": "Jane Doe quit.", "trigger": "", "attributedTo": "", "modality": "hedged",
                  "rule": "hedge", "derived": False, "premises": []}]
    # readings that did not happen draw a dashed edge: not asserted, not derived
    (hedged,) = relation_edges(build_graph([Extraction(base.article, base.sentences, (doe, senate, roe), (),
                                                       (Relation("criticized", roe, doe, 1, "c", modality="negated"),))]))
    assert (hedged["asserted"], hedged["derived"], hedged["evidence"][0]["modality"]) == (False, False, "negated")


def test_a_reading_without_its_modality_or_provenance_is_drawn_dashed_with_what_is_left():
    from govgraph.export import relation_edges
    from govgraph.graph import assertion_iri, gg, prov
    from govgraph.model import Relation

    base = small_extraction()
    doe, senate = base.entities
    said = Relation("criticized", doe, senate, 1, "criticize", attributed_to=senate)
    graph = build_graph([Extraction(base.article, base.sentences, (doe, senate), (), (said,))])
    node = assertion_iri(base.article.id, said)
    for predicate in (gg.modality, gg.evidence, prov.wasDerivedFrom, gg.attributedTo):
        for quad in list(graph.quads_for_pattern(node, predicate, None)):
            graph.remove(quad)
    (edge,) = relation_edges(graph)
    assert not edge["asserted"]
    assert edge["evidence"] == [{"sentence": "", "trigger": "", "article": "", "headline": "", "date": "", "eventDate": "",
                                 "attributedTo": "", "modality": "", "rule": "criticize", "derived": False,
                                 "premises": []}]


def test_export_writes_each_format_into_the_folder_and_names_an_unknown_one(tmp_path, seed_extraction):
    import pytest

    from govgraph.export import export
    from govgraph.graph import add_article_graph, merge_graphs, new_dataset
    from govgraph.model import GovgraphError

    dataset = new_dataset()
    add_article_graph(dataset, seed_extraction)
    merged = merge_graphs(dataset)
    written = export(dataset, merged, tmp_path, ["turtle", "html", "nquads"], html_max_nodes=5)
    assert written == [tmp_path / "graph.ttl", tmp_path / "graph.html", tmp_path / "graph.nq"]
    assert "Showing the 5 best-connected of" in (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert len(Graph().parse(tmp_path / "graph.ttl")) == len(merged)
    quads = list(ox.parse(path=tmp_path / "graph.nq", format=ox.RdfFormat.N_QUADS))
    assert {q.graph_name for q in quads} == {g for g in dataset.named_graphs()}  # the per-article graphs
    assert {ox.Triple(q.subject, q.predicate, q.object) for q in quads} == {q.triple for q in merged}
    with pytest.raises(GovgraphError) as raised:
        export(dataset, merged, tmp_path / "other", ["turtle", "pdf"])
    assert str(raised.value) == ("unknown format 'pdf'; formats are turtle, html, trig, nquads, jsonld, ntriples, "
                                 "graphml, gexf")
    assert not (tmp_path / "other").exists()
