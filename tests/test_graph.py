from datetime import date

import pyoxigraph as ox
import pytest

from govgraph.graph import (GG, ID, article_iri, build_graph, canonical_labels, dcterms, entity_iri, foaf, gg, new_graph,
                            oa, org, prov, rdf, rdfs, schema, sentence_iri, skos, slugify, xsd)
from govgraph.model import Article, Entity, Extraction, Mention, Sentence


def small_extraction():
    text = "Jane Doe quit.\nDoe left the Senate."
    article = Article(text=text, source="a.txt", title="Jane Doe quit.", published=date(2022, 1, 2))
    sentences = (Sentence(0, 0, 14, "Jane Doe quit."), Sentence(1, 15, 35, "Doe left the Senate."))
    doe = Entity("Person", "Jane Doe", {"Doe"}, [Mention(0, 8, "Jane Doe", 0), Mention(15, 18, "Doe", 1)])
    senate = Entity("Organization", "Senate", set(), [Mention(28, 34, "Senate", 1)])
    return Extraction(article, sentences, (doe, senate))


def objects(graph, node, predicate) -> set:
    return {q.object for q in graph.quads_for_pattern(node, predicate, None)}


def value(graph, node, predicate):
    """The one object of (node, predicate); fails when there are several."""
    found = objects(graph, node, predicate)
    assert len(found) <= 1, found
    return next(iter(found), None)


def has(graph, s, p, o) -> bool:
    return ox.Quad(s, p, o) in graph


def test_entities_articles_sentences_and_mentions():
    extraction = small_extraction()
    graph = build_graph([extraction])
    doe = entity_iri(extraction.entities[0])
    art = article_iri(extraction.article.id)
    assert doe == ox.NamedNode(ID["person-jane-doe"])
    assert has(graph, doe, rdf.type, foaf.Person)
    assert has(graph, ox.NamedNode(ID["organization-senate"]), rdf.type, org.Organization)
    assert value(graph, doe, skos.prefLabel) == ox.Literal("Jane Doe")
    assert objects(graph, doe, skos.altLabel) == {ox.Literal("Doe")}
    assert has(graph, art, rdf.type, schema.NewsArticle)
    assert value(graph, art, schema.datePublished) == ox.Literal("2022-01-02", datatype=xsd.date)
    sentence = sentence_iri(extraction.article.id, 1)
    assert objects(graph, doe, gg.mentionedIn) == {sentence_iri(extraction.article.id, 0), sentence}
    assert value(graph, sentence, oa.exact) == ox.Literal("Doe left the Senate.")
    assert value(graph, sentence, dcterms.isPartOf) == art
    mention = ox.NamedNode(ID[f"article-{extraction.article.id}-m15-18"])
    assert has(graph, doe, gg.hasMention, mention)
    assert (value(graph, mention, oa.start).value, value(graph, mention, oa.end).value) == ("15", "18")


def test_same_input_gives_identical_turtle(tmp_path):
    from govgraph.export import write_turtle

    first = write_turtle(build_graph([small_extraction()]), tmp_path / "a.ttl").read_bytes()
    assert write_turtle(build_graph([small_extraction()]), tmp_path / "b.ttl").read_bytes() == first


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
    with pytest.raises(AttributeError):
        gg.mentionedInn
    with pytest.raises(AttributeError):
        foaf.Persn
    assert gg.mentionedIn == ox.NamedNode(GG.mentionedIn) and schema.anyTermAtAll.value == "http://schema.org/anyTermAtAll"


def test_posts_groups_sources_and_structure():
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
    node = lambda name: ox.NamedNode(ID[name])
    assert senator == node("post-senator-senate") and mayor == node("post-mayor-springfield")
    assert has(graph, person, gg.holdsPosition, senator) and has(graph, person, org.holds, senator)
    assert has(graph, person, gg.heldPosition, mayor) and not has(graph, person, org.holds, mayor)
    assert has(graph, senator, org.postIn, node("organization-senate"))
    assert value(graph, mayor, gg.postPlace) == ox.Literal("Springfield")
    assert value(graph, senator, rdfs.label) == ox.Literal("Senator, Senate")
    assert has(graph, node("group-senate-republicans"), rdf.type, gg.Group)
    # an anonymous source belongs to its article and is never merged with another's
    assert has(graph, node(f"source-{base.article.id}-senior-official"), rdf.type, gg.AnonymousSource)
    assert has(graph, node("organization-ethics-committee"), org.subOrganizationOf, node("organization-senate"))


def test_a_seat_for_a_place_is_in_its_chamber_even_when_the_story_never_names_it():
    from govgraph.graph import post_iri
    from govgraph.model import Post

    base = small_extraction()
    doe, senate = base.entities
    doe.posts = [Post("Representative", "House of Representatives", True, 0, "Ohio Rep. Jane Doe", place="Ohio",
                      in_chart=True)]
    graph = build_graph([base])
    post = post_iri(doe.posts[0], doe)
    assert post == ox.NamedNode(ID["post-representative-house-of-representatives-ohio"])
    house = ox.NamedNode(ID["organization-house-of-representatives"])
    assert value(graph, post, org.postIn) == house and value(graph, post, gg.postPlace) == ox.Literal("Ohio")
    assert value(graph, post, rdfs.label) == ox.Literal("Representative, House of Representatives, Ohio")
    assert has(graph, house, rdf.type, org.Organization)
    assert value(graph, house, skos.prefLabel) == ox.Literal("House of Representatives")


def test_a_dated_tenure_is_a_membership_of_the_holder():
    from govgraph.graph import owltime, post_iri
    from govgraph.model import Post

    base = small_extraction()
    doe, senate = base.entities
    doe.posts = [Post("Senator", "Senate", False, 1, "Doe left the Senate.", started="2009", ended="2022-01-02"),
                 Post("Mayor", "Springfield", True, 0, "Mayor Jane Doe")]
    graph = build_graph([base])
    person, senator = entity_iri(doe), post_iri(doe.posts[0], doe)
    memberships = {q.subject for q in graph.quads_for_pattern(None, rdf.type, org.Membership)}
    assert len(memberships) == 1  # the undated mayoralty has none
    membership = next(iter(memberships))
    assert value(graph, membership, org.member) == person and value(graph, membership, gg.post) == senator
    assert value(graph, membership, org.organization) == ox.NamedNode(ID["organization-senate"])
    assert value(graph, membership, schema.startDate) == ox.Literal("2009", datatype=xsd.gYear)
    assert value(graph, membership, schema.endDate) == ox.Literal("2022-01-02", datatype=xsd.date)
    during = value(graph, membership, org.memberDuring)
    assert has(graph, during, rdf.type, owltime.Interval)
    began, ended = value(graph, during, owltime.hasBeginning), value(graph, during, owltime.hasEnd)
    assert value(graph, began, owltime.inXSDgYear) == ox.Literal("2009", datatype=xsd.gYear)
    assert value(graph, ended, owltime.inXSDDate) == ox.Literal("2022-01-02", datatype=xsd.date)
    assert value(graph, membership, prov.wasDerivedFrom) == value(graph, senator, prov.wasDerivedFrom)


def test_relations_as_triples_and_assertion_nodes():
    from govgraph.graph import assertion_iri
    from govgraph.model import Relation

    base = small_extraction()
    doe, senate = base.entities
    roe = Entity("Person", "John Roe", set(), [Mention(0, 4, "Jane", 0)])
    fired = Relation("fired", roe, doe, 1, "fire", trigger="sacked", attributed_to=doe, time_text="Monday",
                     event_date="2022-01-03", confidence=0.85)
    threat = Relation("fired", roe, doe, 0, "fire", modality="conditional", trigger="would sack")
    quit_ = Relation("resigned", doe, None, 0, "resign", trigger="quit")
    derived = Relation("reportsTo", doe, roe, 0, "derived:deputy-of-head", derived=True, premises=("a", "b"))
    extraction = Extraction(base.article, base.sentences, (doe, senate, roe), (), (fired, threat, quit_, derived))
    graph = build_graph([extraction])
    doe_iri, roe_iri = entity_iri(doe), entity_iri(roe)
    assert has(graph, roe_iri, gg.fired, doe_iri)
    assert has(graph, doe_iri, gg.resigned, gg.unspecified)
    assert has(graph, doe_iri, gg.reportsTo, roe_iri)
    node = assertion_iri(base.article.id, fired)
    assert value(graph, node, rdf.subject) == roe_iri and value(graph, node, rdf.object) == doe_iri
    assert value(graph, node, rdf.predicate) == gg.fired
    assert value(graph, node, gg.modality).value == "asserted"
    assert str(value(graph, node, gg.confidence)) == '"0.85"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    assert value(graph, node, gg.evidence) == sentence_iri(base.article.id, 1)
    assert value(graph, node, gg.attributedTo) == doe_iri
    assert str(value(graph, node, gg.eventDate)) == '"2022-01-03"^^<http://www.w3.org/2001/XMLSchema#date>'
    assert value(graph, sentence_iri(base.article.id, 1), oa.exact) == ox.Literal("Doe left the Senate.")
    # a conditional firing is kept as an assertion, never as a fact
    threat_node = assertion_iri(base.article.id, threat)
    assert value(graph, threat_node, gg.modality).value == "conditional"
    assert len(objects(graph, roe_iri, gg.fired)) == 1
    derived_node = assertion_iri(base.article.id, derived)
    assert str(value(graph, derived_node, gg.derived)) == '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>'
    assert {p.value for p in objects(graph, derived_node, gg.premise)} == {"a", "b"}


def test_one_canonical_label_whatever_the_order():
    node = ox.NamedNode(ID["person-jane-doe"])
    for labels in (("Jane Doe", "Jane Q. Doe"), ("Jane Q. Doe", "Jane Doe")):
        graph = new_graph()
        for label in labels:
            graph.extend([ox.Quad(node, skos.prefLabel, ox.Literal(label)), ox.Quad(node, rdfs.label, ox.Literal(label))])
        graph.add(ox.Quad(node, skos.altLabel, ox.Literal("Jane Q. Doe")))
        canonical_labels(graph)
        assert objects(graph, node, skos.prefLabel) == objects(graph, node, rdfs.label) == {ox.Literal("Jane Q. Doe")}
        assert objects(graph, node, skos.altLabel) == {ox.Literal("Jane Doe")}


def test_canonical_labels_per_named_graph():
    node, one, two = (ox.NamedNode(ID[name]) for name in ("person-jane-doe", "graph-1", "graph-2"))
    dataset = new_graph()
    dataset.extend([ox.Quad(node, skos.prefLabel, ox.Literal("Jane Doe"), one),
                    ox.Quad(node, skos.prefLabel, ox.Literal("Jane Q. Doe"), two)])
    canonical_labels(dataset)  # each article's graph keeps the label that article gives
    assert len(list(dataset.quads_for_pattern(node, skos.prefLabel, None))) == 2


def test_merging_articles_gives_one_label_and_the_union():
    from govgraph.graph import add_article_graph, merge_graphs, new_dataset

    first, second = small_extraction(), small_extraction()
    second.entities[0].label = "JANE DOE"  # the same IRI: the same length, first in sort order
    second = Extraction(Article(second.article.text + " Again.", "b.txt"), second.sentences, second.entities)
    dataset = new_dataset()
    add_article_graph(dataset, first)
    add_article_graph(dataset, second)
    add_article_graph(dataset, second)  # adding an article again replaces its graph
    assert len(list(dataset.named_graphs())) == 2
    merged = merge_graphs(dataset)
    doe = entity_iri(first.entities[0])
    assert doe == entity_iri(second.entities[0])
    assert value(merged, doe, skos.prefLabel) == value(merged, doe, rdfs.label) == ox.Literal("JANE DOE")
    assert objects(merged, doe, skos.altLabel) == {ox.Literal("Doe"), ox.Literal("Jane Doe")}
    assert len(merged) == len({(q.subject, q.predicate, q.object) for q in merged})


def node_statements(graph, node) -> set[tuple[str, str]]:
    """Every (property, object) of ``node``, the object in N-Triples form (so datatypes count)."""
    return {(q.predicate.value.rsplit("#", 1)[-1].rsplit("/", 1)[-1], str(q.object))
            for q in graph.quads_for_pattern(node, None, None)}


def test_an_assertion_node_carries_every_part_of_its_reading():
    from govgraph.graph import assertion_iri, build_iri
    from govgraph.model import Relation

    base = small_extraction()
    doe, senate = base.entities
    roe = Entity("Person", "John Roe", set(), [Mention(0, 4, "Jane", 0)])
    criticism = Relation("criticized", roe, doe, 1, "criticize", trigger="slammed", confidence=0.7, attributed_to=senate,
                         time_text="on Monday", event_date="2022-01", title="senator")
    hedged = Relation("resigned", doe, None, 0, "resign", modality="hedged", trigger="quit", derived=True,
                      premises=("Doe holds Senator", "Doe left"))
    quit_ = Relation("resigned", doe, None, 0, "resign", trigger="quit")
    extraction = Extraction(base.article, base.sentences, (doe, senate, roe), (), (criticism, hedged, quit_))
    graph = build_graph([extraction])
    article, sentence = article_iri(base.article.id), sentence_iri(base.article.id, 1)
    common = {("type", str(gg.Assertion)), ("wasDerivedFrom", str(article)), ("wasGeneratedBy", str(build_iri()))}
    assert node_statements(graph, assertion_iri(base.article.id, criticism)) == common | {
        ("subject", str(entity_iri(roe))), ("predicate", str(gg.criticized)), ("object", str(entity_iri(doe))),
        ("modality", '"asserted"'), ("rule", '"criticize"'), ("confidence", f'"0.7"^^<{xsd.decimal.value}>'),
        ("trigger", '"slammed"'), ("evidence", str(sentence)), ("attributedTo", str(entity_iri(senate))),
        ("eventDate", f'"2022-01"^^<{xsd.gYearMonth.value}>'), ("eventTimeText", '"on Monday"'),
        ("jobTitle", '"senator"')}
    assert node_statements(graph, assertion_iri(base.article.id, hedged)) == common | {
        ("subject", str(entity_iri(doe))), ("predicate", str(gg.resigned)), ("object", str(gg.unspecified)),
        ("modality", '"hedged"'), ("rule", '"resign"'), ("confidence", f'"0.8"^^<{xsd.decimal.value}>'),
        ("trigger", '"quit"'), ("evidence", str(sentence_iri(base.article.id, 0))),
        ("derived", f'"true"^^<{xsd.boolean.value}>'), ("premise", '"Doe holds Senator"'), ("premise", '"Doe left"')}
    # direct triples: the asserted readings alone, an unnamed object as gg:unspecified
    direct = {(q.subject, q.predicate, q.object) for p in (gg.criticized, gg.resigned)
              for q in graph.quads_for_pattern(None, p, None)}
    assert direct == {(entity_iri(roe), gg.criticized, entity_iri(doe)), (entity_iri(doe), gg.resigned, gg.unspecified)}


def test_no_relations_give_no_assertion_nodes():
    graph = build_graph([small_extraction()])
    assert not list(graph.quads_for_pattern(None, rdf.type, gg.Assertion))


def test_a_post_reading_points_at_the_post_it_read():
    from govgraph.graph import assertion_iri, post_iri
    from govgraph.model import Post, Relation

    base = small_extraction()
    doe, senate = base.entities
    senator = Post("senator", "Senate", True, 1, "Doe left the Senate.")
    was_judge = Post("judge", None, False, 1, "")
    doe.posts.extend([senator, was_judge])
    holds = Relation("holdsPosition", doe, senate, 1, "post", title="senator")
    held = Relation("heldPosition", doe, None, 1, "post", title="judge")
    unknown = Relation("holdsPosition", doe, senate, 1, "post", title="mayor")  # no such post of hers
    by_nobody = Relation("appointed", doe, None, 1, "appoint")  # only a resignation may leave its object unnamed
    graph = build_graph([Extraction(base.article, base.sentences, (doe, senate), (), (holds, held, unknown, by_nobody))])
    node = lambda relation: assertion_iri(base.article.id, relation)  # noqa: E731
    assert value(graph, node(holds), rdf.object) == post_iri(senator, doe)
    assert value(graph, node(held), rdf.object) == post_iri(was_judge, doe)
    assert value(graph, node(unknown), rdf.object) is None and value(graph, node(unknown), rdf.predicate) == gg.holdsPosition
    assert has(graph, entity_iri(doe), gg.holdsPosition, post_iri(senator, doe))
    assert objects(graph, entity_iri(doe), gg.heldPosition) == {post_iri(was_judge, doe)}
    assert value(graph, node(by_nobody), rdf.object) is None and not objects(graph, entity_iri(doe), gg.appointed)
