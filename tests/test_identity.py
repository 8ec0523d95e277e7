from conftest import SEED, SHARED
from govgraph.identity import unify_people
from govgraph.model import Article, Entity, Extraction, Mention, Post


def person(label, *posts):
    return Entity("Person", label, set(), [Mention(0, 1, "x", 0)], list(posts))


def extraction(*people):
    return Extraction(Article(text=" ".join(p.label for p in people), source="x"), (), tuple(people))


def test_name_forms_across_stories_become_one():
    full, short, surname = person("Jane Q. Doe"), person("Jane Doe"), person("Doe")
    unify_people([extraction(short), extraction(surname), extraction(full)])
    assert full.label == short.label == surname.label == "Jane Q. Doe"
    assert short.aliases == {"Jane Doe"} and surname.aliases == {"Doe"}


def test_namesakes_with_conflicting_posts_stay_apart():
    minister = person("John Roe", Post("Minister", "Ministry of Transport", True, 0, ""))
    other = person("John Roe", Post("Minister", "Ministry of Health", True, 0, ""))
    unify_people([extraction(minister), extraction(other)])
    assert minister.label == other.label == "John Roe"  # same label, but...
    # ...they are kept as two clusters: a lone surname cannot choose between them
    lone = person("Roe")
    unify_people([extraction(minister), extraction(other), extraction(lone)])
    assert lone.label == "Roe"


def test_different_first_names_are_different_people():
    jane, john = person("Jane Doe"), person("John Doe")
    unify_people([extraction(jane), extraction(john)])
    assert (jane.label, john.label) == ("Jane Doe", "John Doe")


def test_a_known_person_keeps_their_name():
    known = person("Jane Doe")
    longer = person("Jane Quincy Doe")
    unify_people([extraction(longer)], [known])
    assert longer.label == "Jane Doe" and "Jane Quincy Doe" in longer.aliases


def test_seed_and_ten_bbc_stories_have_no_person_twice(tmp_path, nlp):
    from nameparser import HumanName
    from rdflib import RDF
    from rdflib.namespace import FOAF, SKOS

    from govgraph.build import build
    from govgraph.query import load_graph

    stories = sorted((SHARED / "corpus" / "bbc-politics").glob("*.txt"))[100:110]
    build([SEED, *stories], tmp_path)
    graph = load_graph(tmp_path / "graph.ttl")
    names = sorted(str(graph.value(p, SKOS.prefLabel)) for p in graph.subjects(RDF.type, FOAF.Person))
    assert len(names) > 20
    by_surname = {}
    for name in names:
        by_surname.setdefault((HumanName(name).last or name).lower(), []).append(name)
    for surname, group in by_surname.items():
        firsts = [HumanName(n).first for n in group if HumanName(n).last and HumanName(n).first]
        # one node per person: a surname shared only by people with different first names
        assert len(group) == 1 or (len(firsts) == len(group) and len(set(firsts)) == len(firsts)), group
