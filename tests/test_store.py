"""The Oxigraph store answers every named query with the rows rdflib gives on the Turtle file,
and `govgraph serve` is a read-only SPARQL 1.1 endpoint."""

import socket
import subprocess
import sys
import time

import pytest

from conftest import SEED, SHARED
from govgraph.build import build
from govgraph.query import bindings_for, format_result, load_graph, named_queries, run_query
from govgraph.store import open_store, query_store

BBC = SHARED / "corpus" / "bbc-politics"
# stories with requests to resign, criticism and a chain of command, and a US story with a firing
# ("McCabe was fired by Attorney General Jeff Sessions"), so that every named query has rows (the
# BBC firing once read here, "the prime minister should sack Mr Brown", gave it to the deputy
# prime minister, whom no "prime minister" of that story is)
BBC_STORIES = sorted(BBC.glob("*.txt"))[:16] + [BBC / f"bbc-politics-{n}.txt" for n in (152, 245, 269, 280, 283, 293)] \
    + [SHARED / "corpus" / "us-news" / "us-ptc-2018-008.txt"]


@pytest.fixture(scope="module")
def builds(tmp_path_factory, nlp):
    out = {}
    for name, inputs in (("seed", [SEED]), ("bbc", BBC_STORIES)):
        folder = tmp_path_factory.mktemp(name)
        build(inputs, folder, formats=["turtle"], store=folder / "store")
        out[name] = folder
    return out


def people(graph) -> list[str]:
    """Every person's name in a graph, the most connected first."""
    rows = run_query(graph, """SELECT ?name (COUNT(?a) AS ?n) WHERE {
        ?p a foaf:Person ; skos:prefLabel ?name . OPTIONAL { ?a rdf:subject|rdf:object ?p } }
        GROUP BY ?name ORDER BY DESC(?n) ?name""")
    return [str(row[0]) for row in rows]


@pytest.mark.parametrize("build_name", ["seed", "bbc"])
@pytest.mark.parametrize("query_name", sorted(named_queries()))
def test_store_and_rdflib_give_the_same_rows(builds, build_name, query_name):
    query = named_queries()[query_name]
    graph = load_graph(builds[build_name] / "graph.ttl")
    store = open_store(builds[build_name] / "store")
    # the parameter: the first person, most connected first, the query has rows for
    candidates = [{"person": name} for name in people(graph)] if "person" in query.params else [{}]
    rows = lambda params: format_result(run_query(graph, query.text, bindings_for(params)), "csv").count("\n") - 1
    bindings = next((bindings_for(params) for params in candidates if rows(params) > 0), None)
    assert bindings is not None, "no parameter gives this query rows on this build: the comparison would be empty"
    from_graph = format_result(run_query(graph, query.text, bindings), "csv")
    assert from_graph.count("\n") >= 2  # a header and rows
    assert format_result(query_store(store, query.text, bindings), "csv") == from_graph
    # the same terms too: a string is a plain literal from both, as in the graph file
    terms = lambda result: [tuple(row) for row in result]
    assert terms(query_store(store, query.text, bindings)) == terms(run_query(graph, query.text, bindings))


def test_the_seed_answers_the_person_queries_for_its_commissioner(builds):
    graph = load_graph(builds["seed"] / "graph.ttl")
    store = open_store(builds["seed"] / "store")
    for query_name in ("asked-to-resign", "chain-of-command"):
        bindings = bindings_for({"person": "Chris Magnus"} if "person" in named_queries()[query_name].params else {})
        from_store = format_result(query_store(store, named_queries()[query_name].text, bindings), "csv")
        assert from_store.count("\n") == 3  # a header and two rows
        assert from_store == format_result(run_query(graph, named_queries()[query_name].text, bindings), "csv")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_serve_is_a_read_only_sparql_endpoint(builds):
    from SPARQLWrapper import JSON, POST, SPARQLWrapper
    from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException
    from urllib.error import HTTPError

    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "govgraph.cli", "serve", str(builds["seed"] / "store"),
                               "--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        endpoint = SPARQLWrapper(f"http://127.0.0.1:{port}/query")
        endpoint.setReturnFormat(JSON)
        endpoint.setQuery("""PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                             SELECT ?name WHERE { ?p a foaf:Person ; skos:prefLabel ?name } ORDER BY ?name""")
        for _ in range(100):  # wait up to 10 s for the server to listen
            try:
                names = [b["name"]["value"] for b in endpoint.queryAndConvert()["results"]["bindings"]]
                break
            except Exception:
                time.sleep(0.1)
        assert "Chris Magnus" in names and "John Tien" in names
        update = SPARQLWrapper(f"http://127.0.0.1:{port}/update")
        update.setMethod(POST)
        update.setQuery("INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }")
        with pytest.raises((SPARQLWrapperException, HTTPError)):
            update.query()
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "SPARQL endpoint (read-only) at http://127.0.0.1:" in server.stderr.read()
