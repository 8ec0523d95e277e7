import json

import pytest
from rdflib import Literal

from govgraph.graph import build_graph
from govgraph.model import GovgraphError
from govgraph.query import format_result, load_graph, run_query
from test_graph import small_extraction

PEOPLE = "SELECT ?name WHERE { ?p a foaf:Person ; skos:prefLabel ?name } ORDER BY ?name"


@pytest.fixture
def graph():
    return build_graph([small_extraction()])


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
    with pytest.raises(GovgraphError, match="not valid turtle"):
        load_graph(tmp_path / "bad.ttl")
