from rdflib import RDF, Graph
from rdflib.namespace import FOAF, ORG, SKOS

from conftest import SEED
from govgraph.build import build
from govgraph.graph import SCHEMA


def test_seed_builds_turtle_and_html(tmp_path, nlp):
    report = build([SEED], tmp_path)
    assert report.articles == 1 and not report.failures
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "graph.ttl"]
    graph = Graph().parse(tmp_path / "graph.ttl")
    people = {str(graph.value(p, SKOS.prefLabel)) for p in graph.subjects(RDF.type, FOAF.Person)}
    assert {"Chris Magnus", "Alejandro N. Mayorkas", "John Tien"} <= people
    (article,) = graph.subjects(RDF.type, SCHEMA.NewsArticle)
    assert str(graph.value(article, SCHEMA.headline)).startswith("Top border official")


def test_bad_inputs_are_reported_and_the_rest_builds(tmp_path, nlp):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "ok.txt").write_text("Minister quits\nJane Doe, the transport minister, quit on Monday.")
    seen = []
    report = build([tmp_path / "in", tmp_path / "missing"], tmp_path / "out", on_error=seen.append)
    assert report.articles == 1
    assert [str(e) for e in seen] == [f"{tmp_path / 'in' / 'empty.txt'}: empty file",
                                     f"{tmp_path / 'missing'}: no such file or directory"]
    assert (tmp_path / "out" / "graph.ttl").is_file()


def test_nothing_is_written_when_nothing_builds(tmp_path, nlp):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "graph.ttl").write_text("previous")
    report = build([tmp_path / "missing.txt"], tmp_path / "out")
    assert report.articles == 0 and len(report.failures) == 1
    assert (tmp_path / "out" / "graph.ttl").read_text() == "previous"


def test_the_same_story_twice_is_built_once(tmp_path, nlp):
    (tmp_path / "a.txt").write_text("Head\nJane Doe quit.")
    (tmp_path / "b.txt").write_text("Head\nJane Doe quit.")
    report = build([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "out")
    assert (report.articles, report.duplicates) == (1, 1)


def test_two_builds_are_byte_identical(tmp_path, nlp):
    from conftest import SHARED

    inputs = [SEED] + sorted((SHARED / "corpus" / "bbc-politics").glob("*.txt"))[:5]
    build(inputs, tmp_path / "a")
    build(inputs, tmp_path / "b")
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_every_format_is_written_and_readable(tmp_path, nlp):
    import networkx as nx
    from rdflib import Dataset

    from govgraph.graph import article_graph_iri

    formats = ["turtle", "html", "trig", "nquads", "jsonld", "ntriples", "graphml", "gexf"]
    report = build([SEED], tmp_path, formats=formats)
    assert sorted(p.name for p in report.outputs) == sorted(
        ["graph.ttl", "graph.html", "graph.trig", "graph.nq", "graph.jsonld", "graph.nt", "graph.graphml", "graph.gexf"])
    turtle = Graph().parse(tmp_path / "graph.ttl")
    assert len(Graph().parse(tmp_path / "graph.nt")) == len(turtle)
    assert len(Graph().parse(tmp_path / "graph.jsonld", format="json-ld")) == len(turtle)
    dataset = Dataset().parse(tmp_path / "graph.trig", format="trig")
    (article,) = turtle.subjects(RDF.type, SCHEMA.NewsArticle)
    article_id = str(article).rsplit("article-", 1)[1]
    assert len(dataset.graph(article_graph_iri(article_id))) == len(turtle)
    assert nx.read_graphml(tmp_path / "graph.graphml").number_of_nodes() > 10
    assert nx.read_gexf(tmp_path / "graph.gexf").number_of_nodes() > 10


def test_adding_stories_to_an_existing_graph(tmp_path, nlp):
    from rdflib.namespace import SKOS

    from govgraph.graph import ID

    build([SEED], tmp_path / "first", formats=["turtle", "trig"])
    first = Graph().parse(tmp_path / "first" / "graph.ttl")
    (tmp_path / "new.txt").write_text(
        "Secretary under fire\n\nHomeland Security Secretary Alejandro Mayorkas defended his record on Monday. "
        "Mayorkas said the department was working hard.", encoding="utf-8")
    build([tmp_path / "new.txt"], tmp_path / "second", formats=["turtle", "trig"],
          existing=tmp_path / "first" / "graph.trig")
    second = Graph().parse(tmp_path / "second" / "graph.ttl")
    # nothing already there is lost...
    assert set(first) - set(second) == set()
    # ...and the secretary of the new story is the seed's, under the seed's name
    person = ID["person-alejandro-n-mayorkas"]
    assert "Alejandro Mayorkas" in {str(a) for a in second.objects(person, SKOS.altLabel)}
    assert (ID["person-alejandro-mayorkas"], None, None) not in second
    assert len(set(second.subjects(RDF.type, SCHEMA.NewsArticle))) == 2
    # re-adding a story already in the graph changes nothing
    report = build([SEED], tmp_path / "third", formats=["turtle", "trig"], existing=tmp_path / "second" / "graph.trig")
    assert report.articles == 0 and report.duplicates == 1


def test_adding_one_story_changes_only_its_statements(tmp_path, nlp):
    from conftest import SHARED

    stories = sorted((SHARED / "corpus" / "bbc-politics").glob("*.txt"))
    build([SEED, *stories[:3]], tmp_path / "a")
    build([SEED, *stories[:4]], tmp_path / "b")
    before, after = Graph().parse(tmp_path / "a" / "graph.ttl"), Graph().parse(tmp_path / "b" / "graph.ttl")
    assert set(before) - set(after) == set()  # nothing lost
    added_subjects = {s for s, _, _ in set(after) - set(before)}
    (new_article,) = set(after.subjects(RDF.type, SCHEMA.NewsArticle)) - set(before.subjects(RDF.type, SCHEMA.NewsArticle))
    article_id = str(new_article).rsplit("article-", 1)[1]
    # what changed belongs to the new story, or is an entity it shares with the others
    foreign = {s for s in added_subjects if article_id not in str(s) and (s, None, None) in before
               and not set(before.objects(s, RDF.type)) & {FOAF.Person, ORG.Organization, ORG.Post}}
    assert foreign == set()
