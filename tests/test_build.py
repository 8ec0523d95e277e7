from rdflib import RDF, Graph
from rdflib.namespace import FOAF, SKOS

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
