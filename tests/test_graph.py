from datetime import date

import pytest
from rdflib import RDF, Literal
from rdflib.namespace import DCTERMS, FOAF, ORG, SKOS

from govgraph.graph import GG, ID, OA, SCHEMA, article_iri, build_graph, entity_iri, sentence_iri, slugify
from govgraph.model import Article, Entity, Extraction, Mention, Sentence


def small_extraction():
    text = "Jane Doe quit.\nDoe left the Senate."
    article = Article(text=text, source="a.txt", title="Jane Doe quit.", published=date(2022, 1, 2))
    sentences = (Sentence(0, 0, 14, "Jane Doe quit."), Sentence(1, 15, 35, "Doe left the Senate."))
    doe = Entity("Person", "Jane Doe", {"Doe"}, [Mention(0, 8, "Jane Doe", 0), Mention(15, 18, "Doe", 1)])
    senate = Entity("Organization", "Senate", set(), [Mention(28, 34, "Senate", 1)])
    return Extraction(article, sentences, (doe, senate))


def test_entities_articles_sentences_and_mentions():
    extraction = small_extraction()
    graph = build_graph([extraction])
    doe = entity_iri(extraction.entities[0])
    art = article_iri(extraction.article.id)
    assert doe == ID["person-jane-doe"]
    assert (doe, RDF.type, FOAF.Person) in graph
    assert (ID["organization-senate"], RDF.type, ORG.Organization) in graph
    assert graph.value(doe, SKOS.prefLabel) == Literal("Jane Doe")
    assert set(graph.objects(doe, SKOS.altLabel)) == {Literal("Doe")}
    assert (art, RDF.type, SCHEMA.NewsArticle) in graph
    assert str(graph.value(art, SCHEMA.datePublished)) == "2022-01-02"
    sentence = sentence_iri(extraction.article.id, 1)
    assert set(graph.objects(doe, GG.mentionedIn)) == {sentence_iri(extraction.article.id, 0), sentence}
    assert graph.value(sentence, OA.exact) == Literal("Doe left the Senate.")
    assert graph.value(sentence, DCTERMS.isPartOf) == art
    mention = ID[f"article-{extraction.article.id}-m15-18"]
    assert (doe, GG.hasMention, mention) in graph
    assert (graph.value(mention, OA.start).toPython(), graph.value(mention, OA.end).toPython()) == (15, 18)


def test_same_input_gives_identical_turtle():
    first = build_graph([small_extraction()]).serialize(format="turtle")
    assert build_graph([small_extraction()]).serialize(format="turtle") == first


@pytest.mark.parametrize("name, slug", [
    ("Alejandro N. Mayorkas".replace("Mayorkas", "Example"), "alejandro-n-example"),
    ("Department of Health & Social Care", "department-of-health-social-care"),
    ("Se\u00f1ora L\u00f3pez", "senora-lopez"),
])
def test_slugify(name, slug):
    assert slugify(name) == slug


def test_slugify_without_latin_letters_is_stable():
    assert slugify("\u0418\u0432\u0430\u043d") == slugify("\u0418\u0432\u0430\u043d") != slugify("\u041f\u0451\u0442\u0440")
    assert slugify("\u0418\u0432\u0430\u043d").startswith("h")


def test_typos_in_ontology_terms_fail():
    with pytest.raises(AttributeError):
        GG.mentionedInn


def test_posts_groups_sources_and_structure():
    from rdflib import RDFS
    from rdflib.namespace import ORG

    from govgraph.graph import post_iri
    from govgraph.model import PartOf, Post

    base = small_extraction()
    doe, senate = base.entities
    doe.posts = [Post("Senator", "Senate", True, 0, "Senator Jane Doe"), Post("Mayor", "Springfield", False, 1, "former mayor")]
    group = Entity("Group", "Senate Republicans", set(), [Mention(0, 4, "Jane", 0)])
    source = Entity("AnonymousSource", "senior official", set(), [Mention(5, 8, "Doe", 0)])
    committee = Entity("Organization", "Ethics Committee", set(), [Mention(28, 34, "Senate", 1)])
    extraction = Extraction(base.article, base.sentences, (doe, senate, group, source, committee),
                            (PartOf("Ethics Committee", "Senate", 1, "the Senate, which includes the Ethics Committee"),))
    graph = build_graph([extraction])
    person, senator, mayor = entity_iri(doe), post_iri(doe.posts[0], doe), post_iri(doe.posts[1], doe)
    assert senator == ID["post-senator-senate"] and mayor == ID["post-mayor-springfield"]
    assert (person, GG.holdsPosition, senator) in graph and (person, ORG.holds, senator) in graph
    assert (person, GG.heldPosition, mayor) in graph and (person, ORG.holds, mayor) not in graph
    assert (senator, ORG.postIn, ID["organization-senate"]) in graph
    assert graph.value(mayor, GG.postPlace) == Literal("Springfield")
    assert graph.value(senator, RDFS.label) == Literal("Senator, Senate")
    assert (ID["group-senate-republicans"], RDF.type, GG.Group) in graph
    # an anonymous source belongs to its article and is never merged with another's
    assert (ID[f"source-{base.article.id}-senior-official"], RDF.type, GG.AnonymousSource) in graph
    assert (ID["organization-ethics-committee"], ORG.subOrganizationOf, ID["organization-senate"]) in graph


def test_relations_as_triples_and_assertion_nodes():
    from rdflib import RDF as R

    from govgraph.graph import assertion_iri
    from govgraph.model import Relation

    base = small_extraction()
    doe, senate = base.entities
    roe = Entity("Person", "John Roe", set(), [Mention(0, 4, "Jane", 0)])
    fired = Relation("fired", roe, doe, 1, "fire", trigger="sacked", attributed_to=doe, time_text="Monday",
                     event_date=date(2022, 1, 3))
    threat = Relation("fired", roe, doe, 0, "fire", modality="conditional", trigger="would sack")
    quit_ = Relation("resigned", doe, None, 0, "resign", trigger="quit")
    derived = Relation("reportsTo", doe, roe, 0, "derived:deputy-of-head", derived=True, premises=("a", "b"))
    extraction = Extraction(base.article, base.sentences, (doe, senate, roe), (), (fired, threat, quit_, derived))
    graph = build_graph([extraction])
    doe_iri, roe_iri = entity_iri(doe), entity_iri(roe)
    assert (roe_iri, GG.fired, doe_iri) in graph
    assert (doe_iri, GG.resigned, GG.unspecified) in graph
    assert (doe_iri, GG.reportsTo, roe_iri) in graph
    node = assertion_iri(base.article.id, fired)
    assert graph.value(node, R.subject) == roe_iri and graph.value(node, R.object) == doe_iri
    assert graph.value(node, R.predicate) == GG.fired
    assert str(graph.value(node, GG.modality)) == "asserted"
    assert graph.value(node, GG.evidence) == sentence_iri(base.article.id, 1)
    assert graph.value(node, GG.attributedTo) == doe_iri
    assert str(graph.value(node, GG.eventDate)) == "2022-01-03"
    assert graph.value(sentence_iri(base.article.id, 1), OA.exact) == Literal("Doe left the Senate.")
    # a conditional firing is kept as an assertion, never as a fact
    threat_node = assertion_iri(base.article.id, threat)
    assert str(graph.value(threat_node, GG.modality)) == "conditional"
    assert len(list(graph.triples((roe_iri, GG.fired, None)))) == 1
    derived_node = assertion_iri(base.article.id, derived)
    assert graph.value(derived_node, GG.derived).toPython() is True
    assert {str(p) for p in graph.objects(derived_node, GG.premise)} == {"a", "b"}


def test_one_canonical_label_whatever_the_order():
    from govgraph.graph import _set_label, new_graph

    node = ID["person-jane-doe"]
    for labels in (("Jane Doe", "Jane Q. Doe"), ("Jane Q. Doe", "Jane Doe")):
        graph = new_graph()
        for label in labels:
            _set_label(graph, node, label)
        assert [str(l) for l in graph.objects(node, SKOS.prefLabel)] == ["Jane Q. Doe"]
        assert [str(l) for l in graph.objects(node, SKOS.altLabel)] == ["Jane Doe"]
