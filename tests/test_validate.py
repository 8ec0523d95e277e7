import subprocess
import sys

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, RDF, SKOS

from conftest import SEED, SHARED
from govgraph.build import build
from govgraph.graph import GG, ID, with_prefixes
from govgraph.query import load_graph
from govgraph.validate import format_violations, validate_graph


def test_seed_build_conforms(tmp_path, nlp):
    build([SEED], tmp_path)
    assert validate_graph(load_graph(tmp_path / "graph.ttl")) == []


def test_twenty_bbc_stories_conform(tmp_path, nlp):
    stories = sorted((SHARED / "corpus" / "bbc-politics").glob("*.txt"))[:20]
    build(stories, tmp_path)
    violations = validate_graph(load_graph(tmp_path / "graph.ttl"))
    assert violations == [], format_violations(violations)


def broken_graph():
    graph = with_prefixes(Graph())
    person = ID["person-jane-doe"]
    graph.add((person, RDF.type, FOAF.Person))  # no canonical label
    body = ID["organization-harbour-board"]
    graph.add((body, RDF.type, URIRef("http://www.w3.org/ns/org#Organization")))
    graph.add((body, SKOS.prefLabel, Literal("Harbour Board")))
    graph.add((body, GG.askedToResign, body))  # a body asked to resign: wrong type
    assertion = ID["assertion-x"]
    graph.add((assertion, RDF.type, GG.Assertion))  # no evidence, no article, no rule
    return graph


def test_a_broken_graph_is_reported_readably():
    text = format_violations(validate_graph(broken_graph()))
    assert text.splitlines()[0] == "10 violations:"
    assert "ggid:person-jane-doe skos:prefLabel: a person has exactly one canonical label (skos:prefLabel)" in text
    assert "ggid:organization-harbour-board: the object of this relation is a person" in text
    assert "ggid:assertion-x gg:evidence: every assertion has evidence: the sentence it was read from" in text
    assert "ggid:assertion-x prov:wasDerivedFrom: every assertion has a source article" in text


def test_cli_validate_exit_status(tmp_path, nlp):
    broken = tmp_path / "broken.ttl"
    broken.write_text(broken_graph().serialize(format="turtle"))
    result = subprocess.run([sys.executable, "-m", "govgraph.cli", "validate", str(broken)], capture_output=True, text=True)
    assert result.returncode == 1 and "violation" in result.stdout.splitlines()[0]
    build([SEED], tmp_path / "out")
    good = subprocess.run([sys.executable, "-m", "govgraph.cli", "validate", str(tmp_path / "out" / "graph.ttl")],
                          capture_output=True, text=True)
    assert good.returncode == 0 and good.stdout.startswith("conforms")
