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
