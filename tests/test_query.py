import json

import pytest
from rdflib import Literal

from govgraph.graph import as_rdflib, build_graph
from govgraph.model import GovgraphError
from govgraph.query import format_result, load_graph, run_query
from test_graph import small_extraction

PEOPLE = "SELECT ?name WHERE { ?p a foaf:Person ; skos:prefLabel ?name } ORDER BY ?name"


@pytest.fixture
def graph():
    return as_rdflib(build_graph([small_extraction()]))


def test_table_is_aligned(graph):
    out = format_result(run_query(graph, "SELECT ?name ?kind WHERE { ?e skos:prefLabel ?name ; a ?kind } ORDER BY ?name"), "table", graph)
    assert out.splitlines() == [
        "name      kind",
        "--------  ----------------",
        "Jane Doe  foaf:Person",
        "Senate    org:Organization",
        "(2 rows)",
    ]


def test_csv_tsv_json(graph):
    assert format_result(run_query(graph, PEOPLE), "csv") == "name\nJane Doe\n"
    assert format_result(run_query(graph, PEOPLE), "tsv") == "name\nJane Doe\n"
    data = json.loads(format_result(run_query(graph, PEOPLE), "json"))
    assert data["head"]["vars"] == ["name"]
    assert data["results"]["bindings"] == [{"name": {"type": "literal", "value": "Jane Doe"}}]


def test_bindings_are_terms_not_text(graph):
    query = "SELECT ?p WHERE { ?p skos:prefLabel ?name }"
    assert len(run_query(graph, query, {"name": Literal("Jane Doe")})) == 1
    assert len(run_query(graph, query, {"name": Literal('x" } UNION { ?p ?q ?r')})) == 0


def test_construct_prints_turtle(graph):
    out = format_result(run_query(graph, "CONSTRUCT { ?p a foaf:Person } WHERE { ?p a foaf:Person }"))
    assert "foaf:Person" in out and "ggid:person-jane-doe" in out


def test_invalid_sparql_is_one_clear_error(graph):
    with pytest.raises(GovgraphError, match="invalid SPARQL at line 1"):
        run_query(graph, "SELEC ?x WHERE { ?x ?y ?z }")


def test_load_graph_errors(tmp_path):
    with pytest.raises(GovgraphError, match="no such graph file"):
        load_graph(tmp_path / "missing.ttl")
    (tmp_path / "bad.ttl").write_text("this is not turtle")
    with pytest.raises(GovgraphError, match="not valid Turtle"):
        load_graph(tmp_path / "bad.ttl")


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory, nlp):
    from conftest import SEED
    from govgraph.build import build

    out = tmp_path_factory.mktemp("seed-graph")
    build([SEED], out, formats=["turtle"])
    return load_graph(out / "graph.ttl")


def named(graph, name, columns, **params):
    from govgraph.query import bindings_for, named_queries

    result = run_query(graph, named_queries()[name].text, bindings_for(params))
    return [tuple(str(row[c]) if row[c] is not None else None for c in columns) for row in result]


def test_named_queries_are_described():
    from govgraph.query import named_queries

    queries = named_queries()
    assert {"asked-to-resign", "fired-or-threatened", "chain-of-command", "person-profile", "timeline",
            "who-criticized", "articles-about"} <= set(queries)
    for query in queries.values():
        assert query.answers and query.params


def test_asked_to_resign_on_the_seed(seed_graph):
    rows = named(seed_graph, "asked-to-resign", ["asker", "asked", "sentence"])
    assert [(a, b) for a, b, _ in rows] == [("Alejandro N. Mayorkas", "Chris Magnus"), ("John Tien", "Chris Magnus")]
    assert "which he said came from Homeland Security Secretary Alejandro N. Mayorkas" in rows[0][2]
    assert "also told Magnus that he should resign" in rows[1][2]


def test_fired_or_threatened_on_the_seed(seed_graph):
    assert named(seed_graph, "fired-or-threatened", ["who", "relation", "whom", "modality"]) == [
        ("Alejandro N. Mayorkas", "threatenedToFire", "Chris Magnus", "asserted"),
        ("John Tien", "threatenedToFire", "Chris Magnus", "asserted")]


def test_chain_of_command_on_the_seed(seed_graph):
    assert named(seed_graph, "chain-of-command", ["superior", "via", "steps"], person="Chris Magnus") == [
        ("Alejandro N. Mayorkas", "Chris Magnus", "1"), ("Biden", "Alejandro N. Mayorkas", "2")]


def test_names_match_by_label_or_alias(seed_graph):
    by_label = named(seed_graph, "person-profile", ["direction", "relation", "other"], person="Alejandro N. Mayorkas")
    assert by_label == named(seed_graph, "person-profile", ["direction", "relation", "other"], person="Mayorkas")
    assert sorted(set(by_label)) == [
        ("in", "criticized", "Republican lawmakers"), ("in", "metWith", "Chris Magnus"),
        ("in", "refusedToResign", "Chris Magnus"), ("in", "reportsTo", "Chris Magnus"), ("in", "reportsTo", "John Tien"),
        ("out", "askedToResign", "Chris Magnus"), ("out", "holdsPosition", "Secretary, Department of Homeland Security"),
        ("out", "reportsTo", "Biden"), ("out", "threatenedToFire", "Chris Magnus")]


def test_timeline_on_the_seed(seed_graph):
    rows = named(seed_graph, "timeline", ["when", "who", "relation"])
    assert rows[0] == ("December", "Senate", "appointed")
    assert ("the next few days", "John Tien", "threatenedToFire") in rows


def test_who_criticized_and_articles_about_on_the_seed(seed_graph):
    assert named(seed_graph, "who-criticized", ["critic"], person="Mayorkas") == [("Republican lawmakers",)]
    (row,) = named(seed_graph, "articles-about", ["headline", "mentions"], person="John Tien")
    assert row[0].startswith("Top border official") and int(row[1]) >= 1


def test_a_parameter_is_a_value_not_sparql(seed_graph):
    assert named(seed_graph, "who-criticized", ["critic"], person='Mayorkas" } UNION { ?s ?p ?o') == []


HOSTILE_HEADLINE = '=HYPERLINK("http://example.org/x","click") \x1b]0;owned\x07'


def test_table_cells_cannot_drive_the_terminal_and_csv_cells_cannot_run_as_formulas(tmp_path):
    import subprocess
    import sys

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "\x1b[2Jname\x07.txt").write_text(f"{HOSTILE_HEADLINE}\n\nThe minister of transport resigned on Monday.\n",
                                                encoding="utf-8")
    run = lambda *args: subprocess.run([sys.executable, "-m", "govgraph.cli", *map(str, args)], capture_output=True,
                                       text=True)
    assert run("build", folder, "--out", tmp_path / "out", "--format", "turtle").returncode == 0
    query = "SELECT ?file ?headline ?n WHERE { ?a gg:sourceFile ?file ; schema:headline ?headline . BIND(-2 AS ?n) }"
    table = run("query", tmp_path / "out" / "graph.ttl", query).stdout
    assert "\x1b" not in table and "\x07" not in table
    assert "\\x1b[2Jname\\x07.txt" in table  # the file name shown, not obeyed (the text lost them in cleaning)
    csv_text = run("query", tmp_path / "out" / "graph.ttl", query, "--format", "csv").stdout
    assert csv_text.splitlines()[1].endswith(',"\'=HYPERLINK(""http://example.org/x"",""click"") ]0;owned",-2')
    raw = run("query", tmp_path / "out" / "graph.ttl", query, "--format", "csv", "--raw").stdout
    assert raw.splitlines()[1].endswith(',"=HYPERLINK(""http://example.org/x"",""click"") ]0;owned",-2')


@pytest.mark.parametrize("cell, shown", [("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
                                         ("\tx", "'\tx"), ("-3.5", "-3.5"), ("+7", "+7"), ("1e5", "1e5"),
                                         ("Jane Doe", "Jane Doe"), ("", "")])
def test_spreadsheet_safe(cell, shown):
    from govgraph.query import spreadsheet_safe

    assert spreadsheet_safe(cell) == shown


def test_tenure_lists_posts_with_their_dates(tmp_path, nlp):
    from govgraph.build import build
    from govgraph.query import bindings_for, named_queries
    from datetime import date

    (tmp_path / "a.txt").write_text("Secretary quits\n\nJane Doe, the transport secretary, resigned on Tuesday.\n",
                                    encoding="utf-8")
    build([tmp_path / "a.txt"], tmp_path / "out", published=date(2024, 7, 25), formats=["turtle"])
    graph = load_graph(tmp_path / "out" / "graph.ttl")
    result = run_query(graph, named_queries()["tenure"].text, bindings_for({"person": "Jane Doe"}))
    assert format_result(result, "csv").splitlines() == [
        "person_name,post,status,started,ended,evidence,published",
        "Jane Doe,Transport Secretary,held,,2024-07-23,\"Jane Doe, the transport secretary, resigned on Tuesday.\",2024-07-25"]
