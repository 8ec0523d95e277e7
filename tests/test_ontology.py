from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import OWL

from govgraph.graph import GG
from govgraph.ontology import ontology_dir, ontology_file


def test_ontology_is_found_in_the_checkout():
    assert ontology_dir().name == "ontology"
    assert ontology_file("govgraph.ttl").is_file()


def test_every_term_govgraph_emits_is_declared_with_label_and_comment():
    ontology = Graph().parse(ontology_file("govgraph.ttl"))
    for name in GG.__annotations__:
        term = URIRef(str(GG._NS) + name)
        assert (term, RDF.type, None) in ontology, name
        assert ontology.value(term, RDFS.label) is not None, name
        assert ontology.value(term, RDFS.comment) is not None, name
    declared = {s for s in ontology.subjects(RDF.type, None) if str(s).startswith(str(GG._NS))}
    assert declared == {URIRef(str(GG._NS) + n) for n in GG.__annotations__}
    assert (None, RDF.type, OWL.Ontology) in ontology
