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


def test_one_body_named_in_full_or_short_and_a_party_post_beside_a_chambers_are_no_conflict():
    # "Charles E. Grassley", chairman of the "Senate Judiciary Committee" in one story and of the
    # "Judiciary Committee" in another; "Chuck Doe", Majority Leader of the Senate and of his party
    full = person("Charles E. Roe", Post("Chairman", "Senate Judiciary Committee", True, 0, ""))
    short = person("Chuck Roe", Post("Chairman", "Judiciary Committee", True, 0, ""))
    chamber = person("Chuck Doe", Post("Majority Leader", "Senate", True, 0, ""))
    party = person("Charles Doe", Post("Majority Leader", "Democratic Party", True, 0, "", party="Democratic Party"))
    unify_people([extraction(full), extraction(short), extraction(chamber), extraction(party)])
    assert (full.label, short.label) == ("Charles E. Roe", "Charles E. Roe")
    assert chamber.label == party.label


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


def test_a_generational_suffix_is_part_of_who_someone_is():
    father, son, son_short, bare = person("Donald Trump"), person("Donald Trump Jr."), person("Trump Jr."), person("Trump")
    unify_people([extraction(son), extraction(father), extraction(son_short), extraction(bare)])
    assert (father.label, bare.label) == ("Donald Trump", "Donald Trump")
    assert (son.label, son_short.label) == ("Donald Trump Jr.", "Donald Trump Jr.")
    senior, junior = person("Ken Griffey Sr."), person("Ken Griffey Jr.")
    unify_people([extraction(senior), extraction(junior)])
    assert (senior.label, junior.label) == ("Ken Griffey Sr.", "Ken Griffey Jr.")


def test_short_forms_of_a_given_name_join_and_other_names_do_not():
    chuck, charles, bill, william, will_other = (person("Chuck Roe"), person("Charles Roe"), person("Bill Poe"),
                                                 person("William Poe"), person("Walter Poe"))
    unify_people([extraction(chuck), extraction(charles), extraction(bill), extraction(william), extraction(will_other)])
    assert chuck.label == charles.label == "Charles Roe" and "Chuck Roe" in chuck.aliases
    assert bill.label == william.label == "William Poe"
    assert will_other.label == "Walter Poe"


STORIES = {
    "father.txt": "Tycoon praises his son\n\nDonald Roe praised his son on Monday. Roe said the campaign was strong.",
    "son.txt": "Son attacks rival\n\nDonald Roe Jr. attacked Jane Poe on Tuesday. Roe Jr. said she was weak.",
    "nickname.txt": "Senator speaks\n\nSen. Chuck Moe spoke on Wednesday. Moe said the bill would pass.",
    "formal.txt": "Senator votes\n\nSenator Charles Moe voted against the bill. Moe criticized Jane Poe.",
    "family.txt": ("Couple campaign\n\nMary Voe and her husband Peter Voe campaigned on Thursday. Mary Voe praised "
                   "Jane Poe, and Peter Voe criticized Donald Roe."),
}


def test_an_archive_of_short_stories_gets_one_node_per_person(tmp_path, nlp):
    """Namesakes (a father and a son), a nickname and a formal name, a married couple: built as
    one archive, each person is one node, and no node holds two people."""
    from rdflib import RDF
    from rdflib.namespace import FOAF, SKOS

    from govgraph.build import build
    from govgraph.query import load_graph

    for name, text in STORIES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    report = build([tmp_path / name for name in STORIES], tmp_path / "out")
    assert report.articles == len(STORIES)
    graph = load_graph(tmp_path / "out" / "graph.ttl")
    people = {str(graph.value(p, SKOS.prefLabel)): {str(a) for a in graph.objects(p, SKOS.altLabel)}
              for p in graph.subjects(RDF.type, FOAF.Person)}
    assert {"Donald Roe", "Donald Roe Jr.", "Charles Moe", "Mary Voe", "Peter Voe", "Jane Poe"} <= set(people)
    assert "Chuck Moe" in people["Charles Moe"] and "Chuck Moe" not in people
    assert not any("Jr." in alias for alias in people["Donald Roe"])
    assert not any(alias.startswith(("Sen", "Senator")) for aliases in people.values() for alias in aliases)


def test_a_lone_surname_goes_to_the_namesake_the_archive_is_about_by_far_else_to_no_one():
    barack = [person("Barack Roe") for _ in range(3)]
    michelle = person("Michelle Roe")
    lone = person("Roe")
    unify_people([extraction(p) for p in (*barack, michelle, lone)])
    assert lone.label == "Barack Roe" and michelle.label == "Michelle Roe"
    # two stories against one is no clear choice
    jill, joe, joe_again, alone = person("Jill Doe"), person("Joe Doe"), person("Joe Doe"), person("Doe")
    unify_people([extraction(p) for p in (jill, joe, joe_again, alone)])
    assert alone.label == "Doe"


def test_a_lone_first_name_goes_to_the_one_person_the_archive_names_so_often():
    kamala = [person("Kamala Roe") for _ in range(3)]
    first_name, rare, of_rare = person("Kamala"), person("Ann Poe"), person("Ann")
    unify_people([extraction(p) for p in (*kamala, rare, first_name, of_rare)])
    assert first_name.label == "Kamala Roe"
    assert of_rare.label == "Ann"  # one story is no reason to take a first name for her
