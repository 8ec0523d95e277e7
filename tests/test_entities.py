import pytest
from spacy.tokens import Doc

from conftest import analyse, parsed
from govgraph.entities import acronym_of, body_key, extract_entities, extract_sentences
from govgraph.rules import Body, OrgChart, load_lexicon


def make_doc(vocab, words, ents, sent_starts=None):
    """A Doc built by hand: words, BIO entity tags, sentence starts (no model)."""
    sent_starts = sent_starts or [True] + [False] * (len(words) - 1)
    return Doc(vocab, words=words, ents=ents, sent_starts=sent_starts)


def entities_of(doc, orgchart=OrgChart()):
    return extract_entities(doc, extract_sentences(doc), load_lexicon(), orgchart)


def by_kind(entities, kind):
    return {e.label: e for e in entities if e.kind == kind}


def test_surname_joins_full_name_whatever_its_label(vocab):
    words = ["Jane", "Doe", "spoke", ".", "Doe", "left", ".", "Then", "Doe", "returned", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-GPE", "O", "O", "O", "B-ORG", "O", "O"]
    starts = [True, False, False, False, True, False, False, True, False, False, False]
    (person,) = entities_of(make_doc(vocab, words, ents, starts))
    assert person.kind == "Person" and person.label == "Jane Doe"
    assert person.aliases == {"Doe"}
    assert [(m.text, m.sentence) for m in person.mentions] == [("Jane Doe", 0), ("Doe", 1), ("Doe", 2)]


def test_longest_name_is_canonical(vocab):
    words = ["Jane", "Doe", "met", "Jane", "Q.", "Doe", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O"]
    (person,) = entities_of(make_doc(vocab, words, ents))
    assert person.label == "Jane Q. Doe" and person.aliases == {"Jane Doe"}


def test_possessive_and_article_are_trimmed(vocab):
    doc = parsed(vocab, """
        the       DET   DT  det      1  B-ORG
        Treasury  PROPN NNP nsubj    2  I-ORG
        backed    VERB  VBD ROOT     2  O  back
        Brown     PROPN NNP poss     5  B-PERSON
        's        PART  POS case     3  I-PERSON
        plan      NOUN  NN  dobj     2
        .         PUNCT .   punct    2
    """)
    entities = entities_of(doc)
    assert set(by_kind(entities, "Organization")) == {"Treasury"}
    (brown,) = by_kind(entities, "Person").values()
    assert brown.label == "Brown" and brown.mentions[0].text == "Brown"


def test_a_weekday_in_a_papers_name_is_part_of_it(vocab):
    # "Sunday Herald reporter Jane Doe wrote it." - the model tags "Sunday" a date
    doc = parsed(vocab, """
        Sunday    PROPN NNP compound 2  B-DATE
        Herald    PROPN NNP compound 2  B-ORG
        reporter  NOUN  NN  compound 4
        Jane      PROPN NNP compound 4  B-PERSON
        Doe       PROPN NNP nsubj    5  I-PERSON
        wrote     VERB  VBD ROOT     5  O  write
        it        PRON  PRP dobj     5
        .         PUNCT .   punct    5
    """)
    assert set(by_kind(entities_of(doc), "Organization")) == {"Sunday Herald"}


def test_titles_and_honorifics_are_not_part_of_the_name(vocab):
    doc = parsed(vocab, """
        President PROPN NNP compound 1 B-PERSON
        Smith     PROPN NNP nsubj    2 I-PERSON
        met       VERB  VBD ROOT     2 O  meet
        Mr        PROPN NNP compound 4 B-ORG
        Jones     PROPN NNP dobj     2 I-ORG
        .         PUNCT .   punct    2
    """)
    people = by_kind(entities_of(doc), "Person")
    assert set(people) == {"Smith", "Jones"}
    assert people["Jones"].gender == "male" and people["Smith"].gender is None
    assert not by_kind(entities_of(doc), "Organization")


def test_a_lone_word_that_never_acts_like_a_person_is_not_one(vocab):
    # "On Twitter, Smith said" - the model calls both persons; only Smith speaks.
    doc = parsed(vocab, """
        On      ADP   IN  prep  3
        Twitter PROPN NNP pobj  0 B-PERSON
        ,       PUNCT ,   punct 3
        Smith   PROPN NNP nsubj 3 B-PERSON
        said    VERB  VBD ROOT  3 O say
        .       PUNCT .   punct 3
    """)
    assert set(by_kind(entities_of(doc), "Person")) == {"Smith"}


def test_a_lone_word_listed_after_a_place_does_what_the_list_does(vocab):
    # "Cash from Heathrow and Gatwick was used." - the list's first member is a place, not a doer
    doc = parsed(vocab, """
        Cash     NOUN  NN  nsubjpass 6
        from     ADP   IN  prep      0
        Heathrow PROPN NNP pobj      1 B-FAC
        and      CCONJ CC  cc        2
        Gatwick  PROPN NNP conj      2 B-PERSON
        was      AUX   VBD auxpass   6
        used     VERB  VBN ROOT      6 O use
        .        PUNCT .   punct     6
    """)
    assert not by_kind(entities_of(doc), "Person")


def test_lone_words_listed_after_a_preposition_are_no_doers_whatever_their_tags(vocab):
    # "At Heathrow, Eastwick and Blackmoor, BAA consulted." - the model calls two of them persons
    doc = parsed(vocab, """
        At       ADP   IN  prep     8
        Heathrow PROPN NNP pobj     0 B-FAC
        ,        PUNCT ,   punct    1
        Eastwick PROPN NNP conj     1 B-PERSON
        and      CCONJ CC  cc       3
        Blackmoor PROPN NNP conj     3 B-PERSON
        ,        PUNCT ,   punct    8
        BAA      PROPN NNP nsubj    8 B-ORG
        consulted VERB VBD ROOT     8 O consult
        .        PUNCT .   punct    8
    """)
    assert not by_kind(entities_of(doc), "Person")


def test_a_lone_word_listed_with_full_names_is_a_person(vocab):
    # "support from the likes of Jane Doe, Cher and John Roe": a one-word stage name among people
    doc = parsed(vocab, """
        support PROPN NN  ROOT     0
        from    ADP   IN  prep     0
        Jane    PROPN NNP compound 3 B-PERSON
        Doe     PROPN NNP pobj     1 I-PERSON
        ,       PUNCT ,   punct    3
        Cher    PROPN NNP conj     3 B-PERSON
        and     CCONJ CC  cc       5
        John    PROPN NNP compound 8 B-PERSON
        Roe     PROPN NNP conj     5 I-PERSON
        .       PUNCT .   punct    0
    """)
    assert set(by_kind(entities_of(doc), "Person")) == {"Jane Doe", "Cher", "John Roe"}


@pytest.mark.parametrize("name, place_tags, person_tags, is_person", [
    ("Ruritania", 2, 1, False),  # "Ruritania said ... visit Ruritania ... Ruritania's": a place more often
    ("Ruritania", 1, 1, False),  # as often: the place
    ("Ruritania", 1, 2, True),  # mostly a person's
    ("Anita", 1, 1, True),  # a given name alone ("'Anita can't win'")
])
def test_a_name_the_story_tags_a_place_as_often_as_a_person_is_the_place(vocab, name, place_tags, person_tags,
                                                                          is_person):
    words, ents, starts = [], [], []
    for label in ["GPE"] * place_tags + ["PERSON"] * person_tags:
        words += [name, "said", "."]
        ents += [f"B-{label}", "O", "O"]
        starts += [True, False, False]
    doc = Doc(vocab, words=words, ents=ents, sent_starts=starts, deps=["nsubj", "ROOT", "punct"] * (len(words) // 3),
              heads=[i + 1 if i % 3 == 0 else i - (i % 3 == 2) for i in range(len(words))])
    assert (name in by_kind(entities_of(doc), "Person")) is is_person


def test_a_plural_form_of_address_addresses_each_name_it_lists(vocab):
    # "Jane Doe sat with Lords Roe, Lee and Smith and with Reps. Jones and Brown." - the model
    # tags the lords a body and a place
    doc = parsed(vocab, """
        Jane   PROPN NNP compound 1  B-PERSON
        Doe    PROPN NNP nsubj    2  I-PERSON
        sat    VERB  VBD ROOT     2  O sit
        with   ADP   IN  prep     2
        Lords  PROPN NNP compound 5  B-ORG
        Roe    PROPN NNP pobj     3  I-ORG
        ,      PUNCT ,   punct    5
        Lee    PROPN NNP conj     5  B-ORG
        and    CCONJ CC  cc       7
        Smith  PROPN NNP conj     7  B-GPE
        and    CCONJ CC  cc       3
        with   ADP   IN  conj     3
        Reps   PROPN NNP compound 14
        .      PROPN NNP compound 14
        Jones  PROPN NNP pobj     11
        and    CCONJ CC  cc       14
        Brown  PROPN NNP conj     14
        .      PUNCT .   punct    2
    """)
    entities = entities_of(doc)
    people = by_kind(entities, "Person")
    assert set(people) == {"Jane Doe", "Roe", "Lee", "Smith", "Jones", "Brown"}
    assert not by_kind(entities, "Organization")


@pytest.mark.parametrize("words, ents", [
    (["the", "Secondary", "Heads", "Association", "said", "."], ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"]),
    (["at", "the", "Governors", "Ball", "festival", "."], ["O", "B-FAC", "I-FAC", "I-FAC", "O", "O"]),
    (["by", "MPs", ".", "Mr", "Doe", "said", "."], ["O", "O", "O", "O", "B-PERSON", "O", "O"]),
])
def test_a_plural_title_in_a_bodys_name_or_before_a_new_sentence_addresses_no_one(vocab, words, ents):
    starts = [True] + [False] * (len(words) - 1)
    if "Mr" in words:
        starts[words.index("Mr")] = True
    people = set(by_kind(entities_of(make_doc(vocab, words, ents, starts)), "Person"))
    assert people <= {"Doe"}


def test_org_label_on_a_persons_surname_is_repaired(vocab):
    words = ["Jane", "Doe", "spoke", ".", "Doe", "left", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O", "B-ORG", "O", "O"]
    entities = entities_of(make_doc(vocab, words, ents))
    assert set(by_kind(entities, "Person")) == {"Jane Doe"} and not by_kind(entities, "Organization")
    assert len(entities[0].mentions) == 2


def test_a_known_body_is_not_a_person(vocab):
    chart = OrgChart({"x": Body("x", "Harbour Police", ("HP",))})
    words = ["Harbour", "Police", "said", "."]
    ents = ["B-PERSON", "I-PERSON", "O", "O"]
    entities = entities_of(make_doc(vocab, words, ents), chart)
    assert not by_kind(entities, "Person") and set(by_kind(entities, "Organization")) == {"Harbour Police"}


@pytest.mark.parametrize("place, body, expected", [
    ("Florida", ["Democratic", "Party"], "Florida Democratic Party"),  # a state's party is a body of its own
    ("London", ["Democrats"], "Democratic Party"),  # a party's branch in a place is the party
])
def test_a_place_before_a_party_is_its_branch_unless_it_names_a_party_of_its_own(vocab, place, body, expected):
    chart = OrgChart({"d": Body("d", "Democratic Party", ("Democrats",), party=True)})
    words = [place, *body, "met", "."]
    ents = ["B-ORG"] + ["I-ORG"] * len(body) + ["O", "O"]
    entities = entities_of(make_doc(vocab, words, ents), chart)
    assert set(by_kind(entities, "Organization")) == {expected}


@pytest.mark.parametrize("more, bodies", [
    ("", set()),  # "Conservative commentator Jane Doe spoke .": the capital is the sentence's
    ("She met the Tories .", {"Conservative Party"}),  # the story names the party elsewhere
])
def test_an_adjective_capitalised_by_the_sentence_start_names_a_party_only_if_the_story_does(vocab, more, bodies):
    chart = OrgChart({"c": Body("c", "Conservative Party", ("Conservative", "Tories"), party=True)})
    lines = """
        Conservative ADJ   JJ  amod     1
        commentator  NOUN  NN  compound 3
        Jane         PROPN NNP compound 3 B-PERSON
        Doe          PROPN NNP nsubj    4 I-PERSON
        spoke        VERB  VBD ROOT     4 O speak
        .            PUNCT .   punct    4
    """
    if more:
        lines += """
        She          PRON  PRP nsubj    7
        met          VERB  VBD ROOT     7 O meet
        the          DET   DT  det      9
        Tories       PROPN NNPS dobj    7 B-ORG
        .            PUNCT .   punct    7
    """
    entities = entities_of(parsed(vocab, lines), chart)
    assert set(by_kind(entities, "Organization")) == bodies
    assert set(by_kind(entities, "Person")) == {"Jane Doe"}


def test_a_title_of_four_words_ends_before_the_name_whatever_the_tagger_joined(vocab):
    # "Director of National Intelligence Jane Doe spoke . Doe left ." with "National Intelligence
    # Jane Doe" and the later "Doe" tagged as bodies: the name is the holder's, her surname too
    entities = entities_of(parsed(vocab, """
        Director     PROPN NNP compound 5
        of           ADP   IN  prep     0
        National     PROPN NNP compound 3 B-ORG
        Intelligence PROPN NNP compound 5 I-ORG
        Jane         PROPN NNP compound 5 I-ORG
        Doe          PROPN NNP nsubj    6 I-ORG
        spoke        VERB  VBD ROOT     6 O speak
        .            PUNCT .   punct    6
        Doe          PROPN NNP nsubj    9 B-ORG
        left         VERB  VBD ROOT     9 O leave
        .            PUNCT .   punct    9
    """))
    assert set(by_kind(entities, "Person")) == {"Jane Doe"} and not by_kind(entities, "Organization")
    assert [m.text for m in by_kind(entities, "Person")["Jane Doe"].mentions] == ["Jane Doe", "Doe"]


def test_the_end_of_a_title_the_tagger_took_for_a_name_is_no_one(vocab):
    # "President Pro Tempore Jane Doe spoke ." with "Pro Tempore" tagged as a person
    entities = entities_of(parsed(vocab, """
        President PROPN NNP compound 4
        Pro       PROPN NNP compound 2 B-PERSON
        Tempore   PROPN NNP compound 4 I-PERSON
        Jane      PROPN NNP compound 4 B-PERSON
        Doe       PROPN NNP nsubj    5 I-PERSON
        spoke     VERB  VBD ROOT     5 O speak
        .         PUNCT .   punct    5
    """))
    assert set(by_kind(entities, "Person")) == {"Jane Doe"}


@pytest.mark.parametrize("place, expected", [
    ("Ohio", "Ohio Democratic Party"),  # tagged apart, a state and its party are the state's branch
    ("U.S.", "Democratic Party"),  # a country's party is the party
])
def test_a_state_tagged_apart_before_a_charted_party_makes_its_branch(vocab, place, expected):
    chart = OrgChart({"d": Body("d", "Democratic Party", ("Democrats",), party=True)})
    words = ["The", place, "Democratic", "Party", "met", "."]
    ents = ["O", "B-GPE", "B-ORG", "I-ORG", "O", "O"]
    entities = entities_of(make_doc(vocab, words, ents), chart)
    assert set(by_kind(entities, "Organization")) == {expected}


def test_department_names_and_cores_are_one_body(vocab):
    words = ["Department", "of", "Transport", "said", ".", "Transport", "Department", "staff", "and",
             "Transport", "agreed", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O"]
    (body,) = by_kind(entities_of(make_doc(vocab, words, ents)), "Organization").values()
    assert body.label == "Department of Transport"
    assert body.aliases == {"Transport Department", "Transport"}
    assert len(body.mentions) == 3


def test_acronyms_join_their_body(vocab):
    words = ["The", "Crown", "Prosecution", "Service", "said", ".", "CPS", "lawyers", "agreed", "."]
    ents = ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "B-ORG", "O", "O", "O"]
    (body,) = by_kind(entities_of(make_doc(vocab, words, ents)), "Organization").values()
    assert body.label == "Crown Prosecution Service" and body.aliases == {"CPS"}


def test_country_prefix_is_an_alias(vocab):
    words = ["U.S.", "Coast", "Guard", "said", ".", "Coast", "Guard", "agreed", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O"]
    (body,) = by_kind(entities_of(make_doc(vocab, words, ents)), "Organization").values()
    assert body.label == "U.S. Coast Guard" and body.aliases == {"Coast Guard"}
    assert [m.text for m in body.mentions] == ["U.S. Coast Guard", "Coast Guard"]


def test_groups(vocab):
    doc = parsed(vocab, """
        Republican JJ_ADJ JJ amod 1 B-NORP
        governors  NOUN  NNS nsubj 2
        criticized VERB  VBD ROOT  2 O criticize
        the        DET   DT  det   5
        Smith      PROPN NNP compound 5 B-PERSON
        administration NOUN NN dobj 2
        .          PUNCT .   punct 2
    """.replace("JJ_ADJ", "ADJ"))
    groups = by_kind(entities_of(doc), "Group")
    assert set(groups) == {"Republican governors", "Smith administration"}
    assert "Smith" in by_kind(entities_of(doc), "Person")


def test_anonymous_sources_are_their_own_and_never_merged(vocab):
    doc = parsed(vocab, """
        A       DET  DT  det      2
        party   NOUN NN  compound 2
        official NOUN NN nsubj    3
        said    VERB VBD ROOT     3 O say
        and     CCONJ CC cc       3
        another DET  DT  det      6
        official NOUN NN nsubj    7
        agreed  VERB VBD conj     3 O agree
        ;       PUNCT :  punct    3
        the     DET  DT  det      10
        official NOUN NN nsubj    11
        left    VERB VBD conj     3 O leave
    """)
    sources = [e for e in entities_of(doc) if e.kind == "AnonymousSource"]
    assert [(s.label, [m.text for m in s.mentions]) for s in sources] == [
        ("party official", ["party official"]), ("official", ["official", "official"])]


def test_malformed_spans_are_dropped(vocab):
    words = ["unnecessary", ",", "he", "said"]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "O"]
    assert entities_of(make_doc(vocab, words, ents)) == ()


@pytest.mark.parametrize("name, acronym", [("Department of Homeland Security", "DHS"),
                                           ("Immigration and Customs Enforcement", "ICE"),
                                           ("Crown Prosecution Service", "CPS")])
def test_acronym_of(name, acronym):
    assert acronym_of(name) == acronym


def test_body_key():
    lexicon = load_lexicon()
    assert body_key("U.S. Homeland Security Department", lexicon) == "department of homeland security"
    assert body_key("the Home Office", lexicon) == "office of home"


SEED_PERSONS = {"Chris Magnus", "Alejandro N. Mayorkas", "John Tien", "Raul Ortiz", "John Sandweg",
                "Ron Vitiello", "Biden", "Trump", "Obama"}


def test_seed_persons_are_exactly_the_nine(seed_extraction):
    people = by_kind(seed_extraction.entities, "Person")
    assert set(people) == SEED_PERSONS
    assert people["Chris Magnus"].aliases >= {"Magnus"}
    assert people["Alejandro N. Mayorkas"].aliases >= {"Mayorkas"}


def test_seed_organisations_each_once_with_aliases(seed_extraction):
    orgs = by_kind(seed_extraction.entities, "Organization")
    assert orgs["Department of Homeland Security"].aliases >= {"Homeland Security", "DHS", "Homeland Security Department"}
    assert orgs["U.S. Customs and Border Protection"].aliases >= {"Customs and Border Protection"}
    assert {"Border Patrol", "Immigration and Customs Enforcement", "Senate"} <= set(orgs)
    labels = [e.label for e in seed_extraction.entities]
    assert len(labels) == len(set(labels))


def test_seed_groups_and_anonymous_sources(seed_extraction):
    groups = by_kind(seed_extraction.entities, "Group")
    assert {"Biden administration", "Republican governors", "Republican lawmakers"} <= set(groups)
    sources = by_kind(seed_extraction.entities, "AnonymousSource")
    assert {"Biden administration official", "administration official"} <= set(sources)
    assert not set(sources) & SEED_PERSONS


def test_a_title_of_several_words_is_not_part_of_the_name(vocab):
    doc = parsed(vocab, """
        Attorney PROPN NNP compound 3 B-PERSON
        General  PROPN NNP compound 3 I-PERSON
        Jeff     PROPN NNP compound 3 I-PERSON
        Sessions PROPN NNP nsubj    4 I-PERSON
        resigned VERB  VBD ROOT     4 O resign
        .        PUNCT .   punct    4
    """)
    assert set(by_kind(entities_of(doc), "Person")) == {"Jeff Sessions"}


def test_a_title_alone_is_no_person(vocab):
    doc = parsed(vocab, """
        The      DET   DT  det      2
        Attorney PROPN NNP compound 2 B-PERSON
        General  PROPN NNP nsubj    3 I-PERSON
        spoke    VERB  VBD ROOT     3 O speak
        .        PUNCT .   punct    3
    """)
    assert by_kind(entities_of(doc), "Person") == {}


def test_a_headline_in_title_case_gives_the_names_in_it_not_its_words(vocab):
    # "Trump To Jeff Sessions: Stop The Probe", tagged one person by the model
    doc = parsed(vocab, """
        Trump    PROPN NNP nsubj    0 B-PERSON
        To       ADP   IN  prep     0 I-PERSON
        Jeff     PROPN NNP compound 3 I-PERSON
        Sessions PROPN NNP pobj     1 I-PERSON
        :        PUNCT :   punct    0 I-PERSON
        Stop     VERB  VB  ROOT     5 I-PERSON
        The      DET   DT  det      7 I-PERSON
        Probe    NOUN  NN  dobj     5 I-PERSON
    """)
    people = set(by_kind(entities_of(doc), "Person"))
    assert "Jeff Sessions" in people and not any(" To " in p or "Probe" in p for p in people)


def test_a_question_opened_by_a_modal_is_not_a_name(vocab):
    # "Will Brett Kavanaugh be confirmed ?" (a poll widget), "Will Brett" tagged a person
    doc = parsed(vocab, """
        Will      AUX   MD  aux       4 B-PERSON
        Brett     PROPN NNP compound  2 I-PERSON
        Kavanaugh PROPN NNP nsubjpass 4
        be        AUX   VB  auxpass   4
        confirmed VERB  VBN ROOT      4 O confirm
        ?         PUNCT .   punct     4
    """)
    assert set(by_kind(entities_of(doc), "Person")) == {"Brett Kavanaugh"}


def test_a_family_or_a_place_is_not_a_person(vocab):
    doc = parsed(vocab, """
        The        DET   DT   det      1
        Buttigiegs PROPN NNPS nsubj    2 B-PERSON
        stayed     VERB  VBD  ROOT     2 O stay
        at         ADP   IN   prep     2
        Marriott   PROPN NNP  compound 5 B-PERSON
        Hotel      PROPN NNP  pobj     3 I-PERSON
        .          PUNCT .    punct    2
    """)
    assert by_kind(entities_of(doc), "Person") == {}


def test_one_word_with_the_article_is_a_group_not_a_person(vocab):
    # "The Iran-backed Houthis condemned Jane Doe." (the model calls the group a PERSON)
    doc = parsed(vocab, """
        The       DET   DT  det   4
        Iran      PROPN NNP npadvmod 3 B-GPE
        -         PUNCT HYPH punct 3
        backed    VERB  VBN amod  4 O back
        Houthis   PROPN NNP nsubj 5 B-PERSON
        condemned VERB  VBD ROOT  5 O condemn
        Jane      PROPN NNP compound 7 B-PERSON
        Doe       PROPN NNP dobj  5 I-PERSON
        .         PUNCT .   punct 5
    """)
    assert set(by_kind(entities_of(doc), "Person")) == {"Jane Doe"}


def test_a_news_outlet_is_not_a_person(vocab):
    # "Jane Doe told Politico." (the model calls the outlet a PERSON; outlets are listed in titles.yml)
    doc = parsed(vocab, """
        Jane     PROPN NNP compound 1 B-PERSON
        Doe      PROPN NNP nsubj    2 I-PERSON
        told     VERB  VBD ROOT     2 O tell
        Politico PROPN NNP dobj     2 B-PERSON
        .        PUNCT .   punct    2
    """)
    assert set(by_kind(entities_of(doc), "Person")) == {"Jane Doe"}


def test_a_headline_in_capitals_makes_no_person(vocab):
    # "ROE TELLS JANE DOE: quit" (the model takes the capitals for one name)
    doc = parsed(vocab, """
        ROE   PROPN NNP nsubj    1 B-PERSON
        TELLS PROPN NNP ROOT     1 I-PERSON
        JANE  PROPN NNP compound 3 I-PERSON
        DOE   PROPN NNP dobj     1 I-PERSON
        :     PUNCT :   punct    1
        quit  VERB  VB  ROOT     5 O quit
    """)
    assert by_kind(entities_of(doc), "Person") == {}


def test_a_son_with_his_suffix_is_not_his_father(vocab):
    doc = parsed(vocab, """
        Donald PROPN NNP compound 2 B-PERSON
        Roe    PROPN NNP compound 2 I-PERSON
        Jr.    PROPN NNP nsubj    3 I-PERSON
        praised VERB VBD ROOT     3 O praise
        Donald PROPN NNP compound 5 B-PERSON
        Roe    PROPN NNP dobj     3 I-PERSON
        .      PUNCT .   punct    3
    """)
    assert set(by_kind(entities_of(doc), "Person")) == {"Donald Roe Jr.", "Donald Roe"}


def test_a_members_tag_gives_the_party_and_the_seats_place(vocab):
    # "Sen. Jane Doe (R-Iowa) met Rep. John Roe, D-N.J., and Ann Poe (D-Day)."
    from govgraph.posts import extract_posts

    chart = OrgChart({"r": Body("r", "Republican Party", party=True, initials=("R",)),
                      "d": Body("d", "Democratic Party", party=True, initials=("D",)),
                      "s": Body("s", "Senate", member_titles=("Senator",)),
                      "h": Body("h", "House of Representatives", member_titles=("Representative",))})
    doc = parsed(vocab, """
        Sen.   PROPN NNP compound 2
        Jane   PROPN NNP compound 2 B-PERSON
        Doe    PROPN NNP nsubj    8 I-PERSON
        (      PUNCT -LRB- punct  2
        R      PROPN NNP compound 6
        -      PUNCT HYPH punct   6
        Iowa   PROPN NNP appos    2 B-GPE
        )      PUNCT -RRB- punct  2
        met    VERB  VBD ROOT     8 O meet
        Rep.   PROPN NNP compound 11
        John   PROPN NNP compound 11 B-PERSON
        Roe    PROPN NNP dobj     8 I-PERSON
        ,      PUNCT ,   punct    11
        D      PROPN NNP compound 15
        -      PUNCT HYPH punct   15
        N.J.   PROPN NNP appos    11 B-GPE
        ,      PUNCT ,   punct    11
        and    CCONJ CC  cc       11
        Ann    PROPN NNP compound 19 B-PERSON
        Poe    PROPN NNP conj     11 I-PERSON
        (      PUNCT -LRB- punct  21
        D      PROPN NNP compound 23
        -      PUNCT HYPH punct   23
        Day    PROPN NNP appos    19
        landings NOUN NNS appos   19
        )      PUNCT -RRB- punct  19
        .      PUNCT .   punct    8
    """, glued=frozenset({3, 4, 5, 6, 11, 13, 14, 15, 20, 21, 22, 24}))
    sentences, entities = analyse(doc, chart)
    lexicon = load_lexicon()
    extract_posts(doc, sentences, entities, lexicon, chart)
    people = {e.label: e for e in entities if e.kind == "Person"}
    assert [(m.organization, m.place, m.evidence) for m in people["Jane Doe"].memberships] == [
        ("Republican Party", "Iowa", "Jane Doe (R-Iowa)")]
    assert [(p.title, p.organization, p.place) for p in people["Jane Doe"].posts] == [("Senator", "Senate", "Iowa")]
    assert [(m.organization, m.place) for m in people["John Roe"].memberships] == [("Democratic Party", "New Jersey")]
    assert [(p.title, p.organization, p.place) for p in people["John Roe"].posts] == [
        ("Representative", "House of Representatives", "New Jersey")]
    assert people["Ann Poe"].memberships == []  # "(D-Day landings)" is no tag
    assert [m.text for e in entities if e.label == "Republican Party" for m in e.mentions] == ["R"]


def test_a_body_name_runs_on_into_a_title_and_a_name_no_more(vocab):
    # "Democratic National Committee Chair Jaime Harrison said", read by the model as one ORG
    doc = parsed(vocab, """
        Democratic PROPN NNP compound 5 B-ORG
        National   PROPN NNP compound 2 I-ORG
        Committee  PROPN NNP compound 3 I-ORG
        Chair      PROPN NNP compound 5 I-ORG
        Jaime      PROPN NNP compound 5 I-ORG
        Harrison   PROPN NNP nsubj    6 I-ORG
        said       VERB  VBD ROOT     6 O say
        .          PUNCT .   punct    6
    """)
    _, entities = analyse(doc)
    assert [(e.kind, e.label) for e in entities] == [("Organization", "Democratic National Committee"),
                                                   ("Person", "Jaime Harrison")]


def test_a_field_before_a_title_is_the_charts_department(vocab):
    # "Transportation Secretary Jane Doe spoke": the model reads "Transportation" as a body
    chart = OrgChart({"t": Body("t", "Department of Transportation", ("Transportation Department",), None, "Secretary")})
    doc = parsed(vocab, """
        Transportation PROPN NNP compound 1 B-ORG
        Secretary PROPN NNP compound 3
        Jane      PROPN NNP compound 3 B-PERSON
        Doe       PROPN NNP nsubj    4 I-PERSON
        spoke     VERB  VBD ROOT     4 O speak
        .         PUNCT .   punct    4
    """)
    _, entities = analyse(doc, chart)
    assert [(e.kind, e.label, [m.text for m in e.mentions]) for e in entities] == [
        ("Organization", "Department of Transportation", ["Transportation"]), ("Person", "Jane Doe", ["Jane Doe"])]


def people_in(vocab, table):
    return sorted(by_kind(entities_of(parsed(vocab, table)), "Person"))


def test_a_lone_name_listed_with_places_is_a_place(vocab):
    # "Doe visits Leeds, Hull, York and Torbay." - the model called the last a person
    assert people_in(vocab, """
        Jane    PROPN NNP compound 1 B-PERSON
        Doe     PROPN NNP nsubj    2 I-PERSON
        visits  VERB  VBZ ROOT     2 O visit
        Leeds   PROPN NNP dobj     2 B-GPE
        ,       PUNCT ,   punct    3
        Hull    PROPN NNP conj     3 B-GPE
        ,       PUNCT ,   punct    5
        York    PROPN NNP conj     5 B-GPE
        and     CCONJ CC  cc       7
        Torbay  PROPN NNP conj     7 B-PERSON
        .       PUNCT .   punct    2
    """) == ["Jane Doe"]


def test_a_lone_name_listed_with_one_place_or_with_people_stays_a_person(vocab):
    # "Roe met Doe, Hull and Smith.": one place in a list says too little
    assert people_in(vocab, """
        Roe     PROPN NNP nsubj    1 B-PERSON
        met     VERB  VBD ROOT     1 O meet
        Doe     PROPN NNP dobj     1 B-PERSON
        ,       PUNCT ,   punct    2
        Hull    PROPN NNP conj     2 B-GPE
        and     CCONJ CC  cc       4
        Smith   PROPN NNP conj     4 B-PERSON
        .       PUNCT .   punct    1
    """) == ["Doe", "Roe", "Smith"]


def test_children_listed_by_name_are_people_whatever_the_model_says(vocab):
    # "They have three children: Ewan, Vivek and Mirabel." - the model called two of them places
    assert people_in(vocab, """
        They      PRON  PRP nsubj    1
        have      VERB  VBP ROOT     1 O have
        three     NUM   CD  nummod   3 B-CARDINAL
        children  NOUN  NNS dobj     1 O child
        :         PUNCT :   punct    3
        Ewan      PROPN NNP appos    3 B-GPE
        ,         PUNCT ,   punct    5
        Vivek     PROPN NNP conj     5 B-GPE
        and       CCONJ CC  cc       7
        Mirabel   PROPN NNP conj     7 B-PERSON
        .         PUNCT .   punct    1
    """) == ["Mirabel"]


def test_a_place_after_a_place_and_a_comma_is_its_county(vocab):
    # "He spoke in Chatham, Kent."
    assert people_in(vocab, """
        He       PRON  PRP nsubj  1
        spoke    VERB  VBD ROOT   1 O speak
        in       ADP   IN  prep   1
        Chatham  PROPN NNP pobj   2 B-GPE
        ,        PUNCT ,   punct  3
        Kent     PROPN NNP appos  3 B-PERSON
        .        PUNCT .   punct  1
    """) == []


@pytest.mark.parametrize("word, tag", [("BAA", "NNP"), ("G8", "NNP"), ("Britons", "NNPS"), ("MPs", "NNP")])
def test_acronyms_plurals_and_plural_titles_are_no_person(vocab, word, tag):
    assert people_in(vocab, f"""
        {word}   PROPN {tag} nsubj 1 B-PERSON
        objected VERB  VBD ROOT  1 O object
        .        PUNCT .   punct 1
    """) == []


def test_a_name_after_a_noun_for_a_thing_names_that_thing(vocab):
    # "The game Manhunt was blamed."
    assert people_in(vocab, """
        The      DET   DT  det       1
        game     NOUN  NN  nsubjpass 4
        Manhunt  PROPN NNP appos     1 B-PERSON
        was      AUX   VBD auxpass   4
        blamed   VERB  VBN ROOT      4 O blame
        .        PUNCT .   punct     4
    """) == []


def test_a_portfolio_between_title_words_is_no_name(vocab):
    # "Deputy Health Minister Rhona Brankin spoke." - no entity from the model at all
    entities = entities_of(parsed(vocab, """
        Deputy   PROPN NNP compound 2
        Health   PROPN NNP compound 2
        Minister PROPN NNP compound 4
        Rhona    PROPN NNP compound 4
        Brankin  PROPN NNP nsubj    5
        spoke    VERB  VBD ROOT     5 O speak
        .        PUNCT .   punct    5
    """))
    (person,) = by_kind(entities, "Person").values()
    assert person.label == "Rhona Brankin"


def test_a_title_of_two_words_is_read_whole_before_a_name(vocab):
    # "Chief Executive David Rose said." - not a person "Executive David Rose"
    entities = entities_of(parsed(vocab, """
        Chief      PROPN NNP compound 3
        Executive  PROPN NNP compound 3
        David      PROPN NNP compound 3
        Rose       PROPN NNP nsubj    4
        said       VERB  VBD ROOT     4 O say
        .          PUNCT .   punct    4
    """))
    assert sorted(by_kind(entities, "Person")) == ["David Rose"]


def test_a_title_word_inside_a_bodys_name_makes_no_person(vocab):
    # "She heads the Family Justice Division."
    assert people_in(vocab, """
        She       PRON  PRP nsubj    1
        heads     VERB  VBZ ROOT     1 O head
        the       DET   DT  det      5 B-ORG
        Family    PROPN NNP compound 5 I-ORG
        Justice   PROPN NNP compound 5 I-ORG
        Division  PROPN NNP dobj     1 I-ORG
        .         PUNCT .   punct    1
    """) == []


def test_an_honorific_after_a_title_starts_no_name(vocab):
    # "Attorney General Lord Goldsmith said." - the person is Goldsmith, not "Lord Goldsmith"
    (person,) = by_kind(entities_of(parsed(vocab, """
        Attorney   PROPN NNP compound 3
        General    PROPN NNP compound 3
        Lord       PROPN NNP compound 3
        Goldsmith  PROPN NNP nsubj    4 B-PERSON
        said       VERB  VBD ROOT     4 O say
        .          PUNCT .   punct    4
    """)), "Person").values()
    assert person.label == "Goldsmith"


@pytest.mark.parametrize("words", ["Billionaire Jane Doe", "Admiral Jane Doe", "Father John Roe",
                                   "District Attorney John Roe", "Council Member Ann Poe",
                                   "Captain Ann Poe", "DJ Jane Doe", "Farmer John Roe",
                                   "Assistant Chief Constable Ann Poe", "Cardinals John Roe"])
def test_occupations_ranks_and_clergy_are_not_part_of_a_name(vocab, words):
    *title, first, last = words.split()
    rows = [f"{w} PROPN NNP compound {len(title) + 1} B-PERSON" if i == 0 else f"{w} PROPN NNP compound {len(title) + 1} I-PERSON"
            for i, w in enumerate(title + [first])]
    rows += [f"{last} PROPN NNP nsubj {len(title) + 2} I-PERSON", f"spoke VERB VBD ROOT {len(title) + 2} O speak",
             f". PUNCT . punct {len(title) + 2}"]
    assert people_in(vocab, "\n".join(rows)) == [f"{first} {last}"]


def test_a_headline_word_before_a_name_is_not_part_of_it(vocab):
    # "Concerning Jane Doe, he said nothing."
    assert people_in(vocab, """
        Concerning  VERB  VBG prep     5 B-PERSON
        Jane        PROPN NNP compound 2 I-PERSON
        Doe         PROPN NNP pobj     0 I-PERSON
        ,           PUNCT ,   punct    5
        he          PRON  PRP nsubj    5
        said        VERB  VBD ROOT     5 O say
        nothing     PRON  NN  dobj     5
        .           PUNCT .   punct    5
    """) == ["Jane Doe"]


def test_a_lone_well_known_place_is_no_person_but_a_titled_one_is(vocab):
    # "England was in peril ." / "Baroness Wales spoke ." (the model tags both PERSON)
    assert people_in(vocab, """
        England PROPN NNP nsubj 1 B-PERSON
        was     AUX   VBD ROOT  1 O be
        in      ADP   IN  prep  1
        peril   NOUN  NN  pobj  2
        .       PUNCT .   punct 1
    """) == []
    assert people_in(vocab, """
        Baroness PROPN NNP compound 1
        Wales    PROPN NNP nsubj    2 B-PERSON
        spoke    VERB  VBD ROOT     2 O speak
        .        PUNCT .   punct    2
    """) == ["Wales"]


@pytest.mark.parametrize("word, people", [("Twitter", []), ("Covid", []), ("Roe", ["Roe"])])
def test_a_lone_well_known_thing_is_no_person(vocab, word, people):
    # "Twitter suspended it ." (the model tags the platform PERSON) / "Roe suspended it ."
    assert people_in(vocab, f"""
        {word}    PROPN NNP nsubj 1 B-PERSON
        suspended VERB  VBD ROOT  1 O suspend
        it        PRON  PRP dobj  1
        .         PUNCT .   punct 1
    """) == people


@pytest.mark.parametrize("word", ["Msgr", "Fr.", "Lady"])
def test_a_form_of_address_alone_is_no_name(vocab, word):
    # "Msgr told reporters ." - the model called the honorific a person
    assert people_in(vocab, f"""
        {word}    PROPN NNP nsubj 1 B-PERSON
        told      VERB  VBD ROOT  1 O tell
        reporters NOUN  NNS dobj  1 O reporter
        .         PUNCT .   punct 1
    """) == []


def test_a_full_name_used_as_a_things_names_no_person(vocab):
    # "Roe held its Ann Lee." / "Roe met the Ann Lee." - a pronoun owns things, not people
    def people(owner):
        return people_in(vocab, f"""
            Roe     PROPN NNP nsubj    1 B-PERSON
            met     VERB  VBD ROOT     1 O meet
            {owner}
            Ann     PROPN NNP compound 4 B-PERSON
            Lee     PROPN NNP dobj     1 I-PERSON
            .       PUNCT .   punct    1
        """)
    assert people("its PRON PRP$ poss 4") == ["Roe"]
    assert people("the DET DT det 4") == ["Ann Lee", "Roe"]


def test_a_full_name_that_is_a_place_names_no_person(vocab):
    # "Rockets hit the town of Majdal Shams." / "Children died in Majdal Shams in northern Israel."
    assert people_in(vocab, """
        Rockets PROPN NNPS nsubj    1
        hit     VERB  VBD  ROOT     1 O hit
        the     DET   DT   det      3
        town    NOUN  NN   dobj     1
        of      ADP   IN   prep     3
        Majdal  PROPN NNP  compound 6 B-PERSON
        Shams   PROPN NNP  pobj     4 I-PERSON
        .       PUNCT .    punct    1
    """) == []
    assert people_in(vocab, """
        Children NOUN  NNS nsubj    1
        died     VERB  VBD ROOT     1 O die
        in       ADP   IN  prep     1
        Majdal   PROPN NNP compound 4 B-PERSON
        Shams    PROPN NNP pobj     2 I-PERSON
        in       ADP   IN  prep     4
        northern ADJ   JJ  amod     7
        Israel   PROPN NNP pobj     5 B-GPE
        .        PUNCT .   punct    1
    """) == []


def test_a_name_in_a_quoted_title_names_no_person(vocab):
    # "a speech titled 'Ann Lee Forbids'" / "a speech by 'Ann Lee'"
    def people(verb):
        return people_in(vocab, f"""
            a       DET   DT  det      1
            speech  NOUN  NN  ROOT     1
            {verb}  VERB  VBN acl      1 O {"title" if verb == "titled" else "give"}
            '       PUNCT ``  punct    5
            Ann     PROPN NNP compound 5 B-PERSON
            Lee     PROPN NNP oprd     2 I-PERSON
            '       PUNCT ''  punct    5
        """)
    assert people("titled") == []
    assert people("given") == ["Ann Lee"]


def test_a_portfolio_before_a_title_names_no_person(vocab):
    # "Home Affairs spokesman Mark Roe said." - the model called "Home Affairs" a person
    assert people_in(vocab, """
        Home      PROPN NNP  compound 1 B-PERSON
        Affairs   PROPN NNPS compound 4 I-PERSON
        spokesman NOUN  NN   compound 4
        Mark      PROPN NNP  compound 4 B-PERSON
        Roe       PROPN NNP  nsubj    5 I-PERSON
        said      VERB  VBD  ROOT     5 O say
        .         PUNCT .    punct    5
    """) == ["Mark Roe"]


def test_lone_names_listed_under_a_noun_of_things_or_places_name_those(vocab):
    # "At Luton, Stansted and Gatwick airports, staff struck." / "towns including Bangor and Wrexham"
    assert people_in(vocab, """
        At       ADP   IN  prep  8
        Luton    PROPN NNP pobj  0 B-FAC
        ,        PUNCT ,   punct 1
        Stansted PROPN NNP conj  1 B-PERSON
        and      CCONJ CC  cc    3
        Gatwick  PROPN NNP conj  3 B-PERSON
        airports NOUN  NNS appos 1 O airport
        staff    NOUN  NN  nsubj 8
        struck   VERB  VBD ROOT  8 O strike
        .        PUNCT .   punct 8
    """) == []
    assert people_in(vocab, """
        Pickets   NOUN  NNS nsubj 1
        met       VERB  VBD ROOT  1 O meet
        in        ADP   IN  prep  1
        towns     NOUN  NNS pobj  2 O town
        including VERB  VBG prep  3
        Bangor    PROPN NNP pobj  4 B-PERSON
        and       CCONJ CC  cc    5
        Wrexham   PROPN NNP conj  5 B-PERSON
        .         PUNCT .   punct 1
    """) == []


def test_an_honour_after_a_name_is_no_part_of_it(vocab):
    # "Ben Roe QC said."
    assert people_in(vocab, """
        Ben  PROPN NNP compound 2 B-PERSON
        Roe  PROPN NNP compound 2 I-PERSON
        QC   PROPN NNP nsubj    3 I-PERSON
        said VERB  VBD ROOT     3 O say
        .    PUNCT .   punct    3
    """) == ["Ben Roe"]


def test_a_name_that_names_a_building_a_programme_or_a_seat_names_no_person(vocab):
    # "Roe visited St Ann's Palace." - a saint's name owning a building or street
    assert people_in(vocab, """
        Roe     PROPN NNP nsubj    1 B-PERSON
        visited VERB  VBD ROOT     1 O visit
        St      PROPN NNP compound 3 B-PERSON
        Ann     PROPN NNP poss     5 I-PERSON
        's      PART  POS case     3
        Palace  PROPN NNP dobj     1
        .       PUNCT .   punct    1
    """) == ["Roe"]
    # "Roe told BBC One's Breakfast with Ann Lee." - a programme the broadcaster's possessive names
    programme = """
        Roe       PROPN NNP nsubj    1 B-PERSON
        told      VERB  VBD ROOT     1 O tell
        BBC       PROPN NNP compound 3 B-ORG
        One       PROPN NNP poss     5 I-ORG
        's        PART  POS case     3
        Breakfast PROPN NNP dative   1
        {joiner}  ADP   IN  prep     5
        Ann       PROPN NNP compound 8 B-PERSON
        Lee       PROPN NNP pobj     6 I-PERSON
        .         PUNCT .   punct    1
    """
    assert people_in(vocab, programme.format(joiner="with")) == ["Roe"]
    assert people_in(vocab, programme.format(joiner="and")) == ["Ann Lee", "Roe"]
    # "Roe met the Ann Lee MP." - a person's name takes no article: the seat's does
    seat = """
        Roe     PROPN NNP nsubj    1 B-PERSON
        met     VERB  VBD ROOT     1 O meet
        {det}
        Ann     PROPN NNP compound 5 B-PERSON
        Lee     PROPN NNP compound 5 I-PERSON
        MP      PROPN NNP dobj     1
        .       PUNCT .   punct    1
    """
    assert people_in(vocab, seat.format(det="the DET DT det 5")) == ["Roe"]
    assert people_in(vocab, seat.format(det="Labour PROPN NNP compound 5 B-ORG")) == ["Ann Lee", "Roe"]


COMMITTEE = """
    Roe        PROPN NNP nsubj    1 B-PERSON
    chairs     VERB  VBZ ROOT     1 O chair
    {det}      DET   DT  det      6
    {adj}      ADJ   JJ  amod     6
    {first}    {pos} NN  {dep}    6
    {second}   {pos} NN  {dep}    6
    committee  NOUN  NN  dobj     1
    .          PUNCT .   punct    1
"""


@pytest.mark.parametrize("det, adj, first, pos, dep, second, expected", [
    # the words before a committee say which it is, in lower case as the press writes them
    ("the", "influential", "Commons", "PROPN", "compound", "trade", {"Commons trade committee"}),
    ("the", "new", "science", "NOUN", "compound", "education", {"science education committee"}),
    ("the", "public", "home", "NOUN", "compound", "affairs", {"home affairs committee"}),
    ("a", "new", "science", "NOUN", "compound", "education", set()),  # a committee, not a named one
    ("the", "new", "city", "NOUN", "compound", "county", set()),  # place nouns name only a kind
    ("the", "new", "ruling", "ADJ", "amod", "executive", set()),  # no noun says which
    ("the", "powerful", "Senate", "PROPN", "compound", "Judiciary", {"Senate Judiciary committee"}),
])
def test_a_committee_is_a_body_named_by_the_nouns_before_it(vocab, det, adj, first, pos, dep, second, expected):
    doc = parsed(vocab, COMMITTEE.format(det=det, adj=adj, first=first, pos=pos, dep=dep, second=second))
    _, entities = analyse(doc)
    assert set(by_kind(entities, "Organization")) == expected


def test_a_generic_body_head_with_a_capitalised_name_after_it_is_a_body(vocab):
    # "Commission for Racial Equality chief Ann Lee said." - the model tags neither, and hangs
    # her name on "for"; the body's name stops at the title
    doc = parsed(vocab, """
        Commission PROPN NNP nsubj    7
        for        ADP   IN  prep     0
        Racial     PROPN NNP compound 3
        Equality   PROPN NNP compound 4
        chief      NOUN  NN  compound 6
        Ann        PROPN NNP compound 6 B-PERSON
        Lee        PROPN NNP pobj     1 I-PERSON
        said       VERB  VBD ROOT     7 O say
        .          PUNCT .   punct    7
    """)
    _, entities = analyse(doc)
    assert set(by_kind(entities, "Organization")) == {"Commission for Racial Equality"}
    assert set(by_kind(entities, "Person")) == {"Ann Lee"}


def test_a_portfolio_and_title_before_a_name_or_titles_alone_are_no_person(vocab):
    # "Lifelong Learning Minister Ann Lee said." - the model makes a person of the post too
    assert people_in(vocab, """
        Lifelong PROPN NNP compound 2 B-PERSON
        Learning PROPN NNP compound 2 I-PERSON
        Minister PROPN NNP compound 4 I-PERSON
        Ann      PROPN NNP compound 4 B-PERSON
        Lee      PROPN NNP nsubj    5 I-PERSON
        said     VERB  VBD ROOT     5 O say
        .        PUNCT .   punct    5
    """) == ["Ann Lee"]
    # "Ann Judge said." - a surname that is a title word ends a name of its own
    assert people_in(vocab, """
        Ann      PROPN NNP compound 1 B-PERSON
        Judge    PROPN NNP nsubj    2 I-PERSON
        said     VERB  VBD ROOT     2 O say
        .        PUNCT .   punct    2
    """) == ["Ann Judge"]


THING_BEFORE_NAME = """
    Roe      PROPN NNP nsubj    1 B-PERSON
    joined   VERB  VBD ROOT     1 O join
    the      DET   DT  det      4
    law      NOUN  NN  compound 4
    {noun}   NOUN  NN  dobj     1
    Ann      PROPN NNP compound 6 B-PERSON
    Lee      PROPN NNP appos    4 I-PERSON
    {after}
    .        PUNCT .   punct    1
"""


@pytest.mark.parametrize("noun, after, people", [
    ("firm", ", PUNCT , punct 6", ["Roe"]),  # "the law firm Ann Lee, ...": the firm's name
    ("firm", "founded VERB VBD advcl 1 O found", ["Ann Lee", "Roe"]),  # "the firm Ann Lee founded"
    ("partner", ", PUNCT , punct 6", ["Ann Lee", "Roe"]),  # a partner is a person
])
def test_a_full_name_set_after_a_kind_of_thing_names_the_thing(vocab, noun, after, people):
    assert people_in(vocab, THING_BEFORE_NAME.format(noun=noun, after=after)) == people


def test_what_a_member_sits_for_and_a_name_before_a_seat_are_places(vocab):
    chart = OrgChart({"c": Body("c", "House of Commons", member_titles=("MP",))})
    # "The MP for Eton and Slough met Ann Lee."
    doc = parsed(vocab, """
        The   DET   DT  det      1
        MP    PROPN NNP nsubj    6
        for   ADP   IN  prep     1
        Eton  PROPN NNP pobj     2 B-PERSON
        and   CCONJ CC  cc       3
        Slough PROPN NNP conj    3 B-PERSON
        met   VERB  VBD ROOT     6 O meet
        Ann   PROPN NNP compound 8 B-PERSON
        Lee   PROPN NNP dobj     6 I-PERSON
        .     PUNCT .   punct    6
    """)
    assert sorted(by_kind(analyse(doc, chart)[1], "Person")) == ["Ann Lee"]
    # "Ann Lee won the Slough seat."
    assert people_in(vocab, """
        Ann    PROPN NNP compound 1 B-PERSON
        Lee    PROPN NNP nsubj    2 I-PERSON
        won    VERB  VBD ROOT     2 O win
        the    DET   DT  det      5
        Slough PROPN NNP compound 5 B-PERSON
        seat   NOUN  NN  dobj     2
        .      PUNCT .   punct    2
    """) == ["Ann Lee"]


def test_an_initial_or_a_deity_after_a_form_of_address_is_no_person(vocab):
    # "Gen Z and the Lord Almighty met Ann Lee."
    assert people_in(vocab, """
        Gen      PROPN NNP compound 1 B-PERSON
        Z        PROPN NNP nsubj    6 I-PERSON
        and      CCONJ CC  cc       1
        the      DET   DT  det      5
        Lord     PROPN NNP compound 5
        Almighty PROPN NNP conj     1
        met      VERB  VBD ROOT     6 O meet
        Ann      PROPN NNP compound 8 B-PERSON
        Lee      PROPN NNP dobj     6 I-PERSON
        .        PUNCT .   punct    6
    """) == ["Ann Lee"]


def test_a_names_particles_inside_it_keep_it_whole(vocab):
    # "Cardinal Ann de la Lee spoke. Lee left." / "Ann Lee de" - a particle ends no name
    assert people_in(vocab, """
        Cardinal PROPN NNP compound 4 B-PERSON
        Ann      PROPN NNP compound 4 I-PERSON
        de       PROPN NNP compound 4 I-PERSON
        la       PROPN NNP compound 4 I-PERSON
        Lee      PROPN NNP nsubj    5 I-PERSON
        spoke    VERB  VBD ROOT     5 O speak
        .        PUNCT .   punct    5
    """) == ["Ann de la Lee"]
    assert people_in(vocab, """
        Ann      PROPN NNP compound 1 B-PERSON
        Lee      PROPN NNP nsubj    3 I-PERSON
        de       PROPN NNP compound 1 I-PERSON
        spoke    VERB  VBD ROOT     3 O speak
        .        PUNCT .   punct    3
    """) == ["Ann Lee"]


def test_a_chambers_party_members_are_a_group_of_their_own(vocab):
    # "House Democrats met Ann Lee." - the party and the chamber keep their mentions too
    chart = OrgChart({"h": Body("h", "House of Representatives", member_titles=("Representative",)),
                      "d": Body("d", "Democratic Party", ("Democrats",), party=True)})
    doc = parsed(vocab, """
        House     PROPN NNP  compound 1 B-ORG
        Democrats PROPN NNPS nsubj    2 B-NORP
        met       VERB  VBD  ROOT     2 O meet
        Ann       PROPN NNP  compound 4 B-PERSON
        Lee       PROPN NNP  dobj     2 I-PERSON
        .         PUNCT .    punct    2
    """)
    _, entities = analyse(doc, chart)
    assert set(by_kind(entities, "Group")) == {"House Democrats"}
    assert "Democratic Party" in by_kind(entities, "Organization")


def test_a_title_set_beside_a_members_title_is_no_name(vocab):
    # "Ann Lee MP, Labour's Chief Secretary, said." - parsed as an appositive of "MP"
    assert people_in(vocab, """
        Ann       PROPN NNP compound 2 B-PERSON
        Lee       PROPN NNP compound 2 I-PERSON
        MP        PROPN NNP nsubj    9
        ,         PUNCT ,   punct    2
        Labour    PROPN NNP poss     7 B-ORG
        's        PART  POS case     4
        Chief     PROPN NNP compound 7
        Secretary PROPN NNP appos    2
        ,         PUNCT ,   punct    2
        said      VERB  VBD ROOT     9 O say
        .         PUNCT .   punct    9
    """) == ["Ann Lee"]


@pytest.mark.parametrize("name, tags, kind", [
    # "NBC News' Jane Doe spoke .": a body's possessive introduces its journalist, whatever the tag
    ("Jane Doe", ("NNP", "NNP"), "Person"),
    # "... the BBC's World Service": a word of bodies ends a body's name, not a person's
    ("World Service", ("NNP", "NNP"), "Organization"),
    ("Fabian Society", ("NNP", "NNP"), "Organization"),
])
def test_a_bodys_possessive_before_a_name_tagged_as_a_body(vocab, name, tags, kind):
    first, last = name.split()
    doc = parsed(vocab, f"""
        NBC     PROPN NNP      compound 1 B-ORG
        News    PROPN NNP      poss     4 I-ORG
        '       PART  POS      case     1
        {first} PROPN {tags[0]} compound 4 B-ORG
        {last}  PROPN {tags[1]} nsubj    5 I-ORG
        spoke   VERB  VBD      ROOT     5 O speak
        .       PUNCT .        punct    5
    """)
    found = {e.label: e.kind for e in entities_of(doc)}
    assert found == {"NBC News": "Organization", name: kind}


def test_a_lower_case_syllable_after_a_hyphen_is_part_of_a_name(vocab):
    # "Premier Cho Jung-tai insisted." - a romanised given name
    doc = parsed(vocab, """
        Premier  PROPN NNP compound 4
        Cho      PROPN NNP compound 4 B-PERSON
        Jung     PROPN NNP compound 4 I-PERSON
        -        PUNCT HYPH punct   4 I-PERSON
        tai      PROPN NNP nsubj    5 I-PERSON
        insisted VERB  VBD ROOT     5 O insist
        .        PUNCT .   punct    5
    """, glued=frozenset({2, 3}))
    (person,) = by_kind(entities_of(doc), "Person").values()
    assert person.label == "Cho Jung-tai"


def test_an_acronym_before_a_title_and_a_name_is_a_body(vocab):
    # "RHRC chairman Jane Doe said." - the model tagged nothing; "CEO John Roe" is a title alone
    doc = parsed(vocab, """
        RHRC     PROPN NNP compound 3
        chairman NOUN  NN  compound 3
        Jane     PROPN NNP compound 3 B-PERSON
        Doe      PROPN NNP nsubj    4 I-PERSON
        said     VERB  VBD ROOT     4 O say
        ,        PUNCT ,   punct    4
        and      CCONJ CC  cc       4
        CEO      PROPN NNP compound 9
        John     PROPN NNP compound 9 B-PERSON
        Roe      PROPN NNP conj     4 I-PERSON
        agreed   VERB  VBD conj     4 O agree
        .        PUNCT .   punct    4
    """)
    entities = entities_of(doc)
    assert set(by_kind(entities, "Organization")) == {"RHRC"}
    assert set(by_kind(entities, "Person")) == {"Jane Doe", "John Roe"}


@pytest.mark.parametrize("table, people", [
    # "Anita Lee , chief executive , said so ." - a title beside her
    ("""
        Anita     PROPN NNP compound 1 B-ORG
        Lee       PROPN NNP nsubj    6 I-ORG
        ,         PUNCT ,   punct    1
        chief     NOUN  NN  amod     4
        executive NOUN  NN  appos    1
        ,         PUNCT ,   punct    1
        said      VERB  VBD ROOT     6 O say
        so        ADV   RB  advmod   6
        .         PUNCT .   punct    6
    """, {"Anita Lee"}),
    # "the Anita Lee Trust said so ." - a body's name, however it begins
    ("""
        the       DET   DT  det      3 B-ORG
        Anita     PROPN NNP compound 3 I-ORG
        Lee       PROPN NNP compound 3 I-ORG
        Trust     PROPN NNP nsubj    4 I-ORG
        said      VERB  VBD ROOT     4 O say
        so        ADV   RB  advmod   4
        .         PUNCT .   punct    4
    """, set()),
])
def test_a_name_tagged_a_body_is_a_person_where_the_story_treats_it_as_one(vocab, table, people):
    assert set(by_kind(entities_of(parsed(vocab, table)), "Person")) == people


def test_a_dash_after_a_name_is_no_part_of_it(vocab):
    # "Liberal Democrat Jane Doe - who chairs the committee - said so." (the model took the dash)
    words = ["Jane", "Doe", "-", "who", "chairs", "it", "-", "said", "so", "."]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"]
    (person,) = by_kind(entities_of(make_doc(vocab, words, ents)), "Person").values()
    assert person.label == "Jane Doe"


def test_a_place_and_title_the_model_took_for_a_name_are_no_person(vocab):
    # "said Ruritania City Councillor John Roe." - the model tags "Ruritania City" a person
    doc = parsed(vocab, """
        said       VERB  VBD ROOT     0 O say
        Ruritania  PROPN NNP compound 2 B-PERSON
        City       PROPN NNP compound 3 I-PERSON
        Councillor PROPN NNP compound 5
        John       PROPN NNP compound 5
        Roe        PROPN NNP nsubj    0
        .          PUNCT .   punct    0
    """)
    assert set(by_kind(entities_of(doc), "Person")) == {"John Roe"}


def test_a_lone_word_the_story_sets_the_article_before_is_no_person(vocab):
    # "It discriminated against the Zorbs. Zorbs said so." - a people or a thing, not a person
    doc = parsed(vocab, """
        It       PRON  PRP nsubj    1
        discriminated VERB VBD ROOT 1 O discriminate
        against  ADP   IN  prep     1
        the      DET   DT  det      4
        Zorbs    PROPN NNP pobj     2 B-PERSON
        .        PUNCT .   punct    1
        Zorbs    PROPN NNP nsubj    7 B-PERSON
        said     VERB  VBD ROOT     7 O say
        so       ADV   RB  advmod   7
        .        PUNCT .   punct    7
    """)
    assert not by_kind(entities_of(doc), "Person")


@pytest.mark.parametrize("first, second, expected", [
    ("Bolton", "West", []),            # a seat: a compass point ends a name that starts with no given name
    ("North", "Devon", []),            # a region: a compass point starts it
    ("Oliver", "North", ["Oliver North"]),  # a given name before the compass point: a person
])
def test_a_compass_point_makes_a_region_or_a_seat_of_a_name(vocab, first, second, expected):
    # "Ann Lee, the Bolton West MP, spoke." with the model calling the seat a person
    assert people_in(vocab, f"""
        {first}  PROPN NNP compound 1 B-PERSON
        {second} PROPN NNP nsubj    2 I-PERSON
        spoke    VERB  VBD ROOT     2 O speak
        .        PUNCT .   punct    2
    """) == expected


def test_a_compass_point_name_is_a_person_when_the_story_calls_someone_by_it(vocab):
    # "Kanyo West spoke. West left." - the story calls the man "West"
    assert people_in(vocab, """
        Kanyo  PROPN NNP compound 1 B-PERSON
        West   PROPN NNP nsubj    2 I-PERSON
        spoke  VERB  VBD ROOT     2 O speak
        .      PUNCT .   punct    2
        West   PROPN NNP nsubj    5 B-PERSON
        left   VERB  VBD ROOT     5 O leave
        .      PUNCT .   punct    5
    """) == ["Kanyo West"]


def test_a_name_ending_in_a_street_word_is_no_person(vocab):
    # "He ran towards Wilmslow Road."
    assert people_in(vocab, """
        He       PRON  PRP nsubj    1
        ran      VERB  VBD ROOT     1 O run
        towards  ADP   IN  prep     1
        Wilmslow PROPN NNP compound 4 B-PERSON
        Road     PROPN NNP pobj     2 I-PERSON
        .        PUNCT .   punct    1
    """) == []


def test_a_title_after_of_in_a_bodys_name_is_part_of_it(vocab):
    # "The Association of Chief Police Officers has issued guidance." - no "Police Officers" person
    entities = entities_of(parsed(vocab, """
        The         DET   DT   det      1 B-ORG
        Association PROPN NNP  nsubj    7 I-ORG
        of          ADP   IN   prep     1 I-ORG
        Chief       PROPN NNP  compound 5 I-ORG
        Police      PROPN NNP  compound 5 I-ORG
        Officers    PROPN NNPS pobj     2 I-ORG
        has         AUX   VBZ  aux      7
        issued      VERB  VBN  ROOT     7 O issue
        guidance    NOUN  NN   dobj     7
        .           PUNCT .    punct    7
    """))
    assert sorted(by_kind(entities, "Organization")) == ["Association of Chief Police Officers"]
    assert by_kind(entities, "Person") == {}


def test_a_word_once_set_beside_a_kind_of_thing_is_no_person_anywhere(vocab):
    # "MPs criticised agriculture department Defra 's plan . Defra was slow ." - the model calls
    # only the second a person
    assert people_in(vocab, """
        MPs         PROPN NNPS nsubj    1
        criticised  VERB  VBD  ROOT     1 O criticise
        agriculture NOUN  NN   compound 3
        department  NOUN  NN   compound 4
        Defra       PROPN NNP  poss     6
        's          PART  POS  case     4
        plan        NOUN  NN   dobj     1
        .           PUNCT .    punct    1
        Defra       PROPN NNP  nsubj    9 B-PERSON
        was         AUX   VBD  ROOT     9 O be
        slow        ADJ   JJ   acomp    9
        .           PUNCT .    punct    9
    """) == []


def test_a_full_name_listed_with_bodies_alone_is_a_body(vocab):
    # "Shares in Acme Group , Widget Holdings and Stanley Leisure fell ."
    table = """
        Shares   NOUN  NNS nsubj    10
        in       ADP   IN  prep     0
        Acme     PROPN NNP compound 3 B-ORG
        Group    PROPN NNP pobj     1 I-ORG
        ,        PUNCT ,   punct    3
        Widget   PROPN NNP compound 6 B-ORG
        Holdings PROPN NNP conj     3 I-ORG
        and      CCONJ CC  cc       6
        Stanley  PROPN NNP compound 9 B-PERSON
        Leisure  PROPN NNP conj     6 I-PERSON
        fell     VERB  VBD ROOT     10 O fall
        .        PUNCT .   punct    10
    """
    assert people_in(vocab, table) == []
    # listed with people, it stays a person
    people = table.replace("Acme", "Jane").replace("Group", "Doe").replace("Widget", "John").replace("Holdings", "Roe")
    assert people_in(vocab, people.replace("B-ORG", "B-PERSON").replace("I-ORG", "I-PERSON")) \
        == ["Jane Doe", "John Roe", "Stanley Leisure"]


def test_a_preposition_the_model_took_into_a_name_is_no_part_of_it(vocab):
    # "Across Ruritania , pickets were held ." - and "Ruritania" alone names no one here
    assert people_in(vocab, """
        Across    ADP   IN  prep      5 B-PERSON
        Ruritania PROPN NNP pobj      0 I-PERSON
        ,         PUNCT ,   punct     5
        pickets   NOUN  NNS nsubjpass 5
        were      AUX   VBD auxpass   5
        held      VERB  VBN ROOT      5 O hold
        .         PUNCT .   punct     5
    """) == []


@pytest.mark.parametrize("first, second, beside, people", [
    ("Anita", "Lee", "secretary", ["Anita Lee"]),  # a given name the dictionary is sure of, a title beside
    ("Anita", "Lee", "group", []),                  # no title beside: a speech verb alone is not enough
    ("Vice", "President", "secretary", []),         # title words are no name
])
def test_two_untagged_capitalised_words_are_a_name_where_the_story_treats_them_so(vocab, first, second, beside, people):
    # "Anita Lee , shadow work secretary , said ." with the model tagging nothing
    assert people_in(vocab, f"""
        {first}  PROPN NNP compound 1
        {second} PROPN NNP nsubj    7
        ,        PUNCT ,   punct    1
        shadow   NOUN  NN  compound 5
        work     NOUN  NN  compound 5
        {beside} NOUN  NN  appos    1
        ,        PUNCT ,   punct    1
        said     VERB  VBD ROOT     7 O say
        .        PUNCT .   punct    7
    """) == people


def test_a_name_tagged_a_body_after_a_title_needs_only_a_given_name_of_either_sex(vocab):
    # "Conservative spokesman Glyn Roe said ." - "Glyn" is a given name, of no sure sex
    assert people_in(vocab, """
        Conservative ADJ   JJ  amod     1
        spokesman    NOUN  NN  compound 3
        Glyn         PROPN NNP compound 3 B-ORG
        Roe          PROPN NNP nsubj    4 I-ORG
        said         VERB  VBD ROOT     4 O say
        .            PUNCT .   punct    4
    """) == ["Glyn Roe"]


@pytest.mark.parametrize("headline, person", [
    (True, "Doe"),            # "Doe Speaks Out Against Critics": a headline's verb is no part of the name
    (False, "Doe Speaks"),    # in running text the model's name stands (and "Doe" is its surname)
])
def test_a_headline_word_after_a_name_the_story_uses_is_cut_off(vocab, headline, person):
    words = "Doe Speaks Out Against Critics" if headline else "Doe Speaks said it again"
    tags = "NNP NNP RP IN NNS" if headline else "NNP NNP VBD PRP RB"
    table = "\n".join(f"{w} PROPN {t} dep 1 {'B-PERSON' if i == 0 else 'I-PERSON' if i == 1 else 'O'}"
                      for i, (w, t) in enumerate(zip(words.split(), tags.split())))
    doc = parsed(vocab, table.replace(" dep 1 ", " nsubj 1 ", 1) + """
        .      PUNCT .   punct    1
        Doe    PROPN NNP nsubj    7 B-PERSON
        spoke  VERB  VBD ROOT     7 O speak
        again  ADV   RB  advmod   7
        .      PUNCT .   punct    7
    """)
    assert set(by_kind(analyse(doc)[1], "Person")) == {person}


def test_a_name_once_used_as_a_place_is_no_person_anywhere(vocab):
    # "The Doe Roe area was hit . Troops entered Doe Roe ."
    doc = parsed(vocab, """
        The     DET   DT  det      3
        Doe     PROPN NNP compound 2 B-PERSON
        Roe     PROPN NNP compound 3 I-PERSON
        area    NOUN  NN  nsubjpass 5
        was     AUX   VBD auxpass  5
        hit     VERB  VBN ROOT     5
        .       PUNCT .   punct    5
        Troops  NOUN  NNS nsubj    8
        entered VERB  VBD ROOT     8 O enter
        Doe     PROPN NNP compound 10 B-PERSON
        Roe     PROPN NNP dobj     8 I-PERSON
        .       PUNCT .   punct    8
    """)
    assert not by_kind(analyse(doc)[1], "Person")


@pytest.mark.parametrize("table, campaign", [
    # "The Doe campaign said so ." - the campaign speaks
    ("""
        The      DET   DT  det      2
        Doe      PROPN NNP compound 2 B-PERSON
        campaign NOUN  NN  nsubj    3
        said     VERB  VBD ROOT     3 O say
        so       ADV   RB  advmod   3
        .        PUNCT .   punct    3
    """, "Doe campaign"),
    # "Jane Doe 's reelection campaign manager quit ." - a post in it
    ("""
        Jane     PROPN NNP compound 1 B-PERSON
        Doe      PROPN NNP poss     5 I-PERSON
        's       PART  POS case     1
        reelection NOUN NN compound 4
        campaign NOUN  NN  compound 5
        manager  NOUN  NN  nsubj    6
        quit     VERB  VBD ROOT     6 O quit
        .        PUNCT .   punct    6
    """, "Doe campaign"),
    # "Ann Lee endorsed Doe 's campaign ." - endorsing one's campaign endorses the candidate
    ("""
        Ann      PROPN NNP compound 1 B-PERSON
        Lee      PROPN NNP nsubj    2 I-PERSON
        endorsed VERB  VBD ROOT     2 O endorse
        Doe      PROPN NNP poss     5 B-PERSON
        's       PART  POS case     3
        campaign NOUN  NN  dobj     2
        .        PUNCT .   punct    2
    """, None),
    # "Ann Lee , an adviser to Doe 's campaign , spoke ." - staff advise it too
    ("""
        Ann      PROPN NNP compound 1 B-PERSON
        Lee      PROPN NNP nsubj    10 I-PERSON
        ,        PUNCT ,   punct    1
        an       DET   DT  det      4
        adviser  NOUN  NN  appos    1
        to       ADP   IN  prep     4
        Doe      PROPN NNP poss     8 B-PERSON
        's       PART  POS case     6
        campaign NOUN  NN  pobj     5
        ,        PUNCT ,   punct    1
        spoke    VERB  VBD ROOT     10 O speak
        .        PUNCT .   punct    10
    """, "Doe campaign"),
])
def test_a_candidates_campaign_that_acts_or_has_staff_is_a_body(vocab, table, campaign):
    bodies = by_kind(analyse(parsed(vocab, table))[1], "Organization")
    assert set(bodies) == ({campaign} if campaign else set())


def test_a_name_with_an_apostrophe_read_as_a_noun_after_a_title_is_a_person(vocab):
    # "campaign chair Jen O'Roe Dillon went home ." - the model tagged the name a body's
    doc = parsed(vocab, """
        campaign NOUN  NN  compound 1
        chair    NOUN  NN  compound 4
        Jen      PROPN NNP compound 4 B-ORG
        O'Roe    NOUN  NN  compound 4 I-ORG
        Dillon   PROPN NNP nsubj    5 I-ORG
        went     VERB  VBD ROOT     5 O go
        home     ADV   RB  advmod   5
        .        PUNCT .   punct    5
    """)
    entities = analyse(doc)[1]
    assert set(by_kind(entities, "Person")) == {"Jen O'Roe Dillon"} and not by_kind(entities, "Organization")


@pytest.mark.parametrize("noun, person", [
    ("deputy", True),    # "his deputy John Roe spoke": a title before the name
    ("husband", True),   # "her husband John Roe": kin
    ("annual", False),   # "his annual John Roe ...": a pronoun owns a thing (an event) so named
])
def test_a_pronouns_possessive_before_a_persons_noun_still_names_a_person(vocab, noun, person):
    doc = parsed(vocab, f"""
        his      PRON  PRP$ poss     3
        {noun}   {"NOUN NN" if person else "ADJ JJ"} {"compound" if person else "amod"} 3
        John     PROPN NNP  compound 3 B-PERSON
        Roe      PROPN NNP  nsubj    4 I-PERSON
        spoke    VERB  VBD  ROOT     4 O speak
        .        PUNCT .    punct    4
    """)
    assert set(by_kind(analyse(doc)[1], "Person")) == ({"John Roe"} if person else set())


def test_a_hashtag_is_no_name(vocab):
    # "in the #MeToo era , Jane Doe spoke ."
    doc = parsed(vocab, """
        in       ADP   IN   prep     8
        the      DET   DT   det      4
        #        SYM   NFP  nmod     3
        MeToo    PROPN NNP  compound 4 B-PERSON
        era      NOUN  NN   pobj     0
        ,        PUNCT ,    punct    7
        Jane     PROPN NNP  compound 7 B-PERSON
        Doe      PROPN NNP  nsubj    8 I-PERSON
        spoke    VERB  VBD  ROOT     8 O speak
        .        PUNCT .    punct    8
    """, glued=frozenset({2}))
    entities = analyse(doc)[1]
    assert set(by_kind(entities, "Person")) == {"Jane Doe"} and not by_kind(entities, "Group")


@pytest.mark.parametrize("noun, person", [
    ("song", False),    # 'her song " Dolores " played': a work's title in quotation marks
    ("friend", True),   # 'her friend " Dolores " played': a person, nickname quoted or not
])
def test_a_quoted_title_after_a_noun_of_works_is_no_person(vocab, noun, person):
    doc = parsed(vocab, f"""
        her      PRON  PRP$ poss     1
        {noun}   NOUN  NN   nsubj    5
        "        PUNCT ``   punct    3
        Dolores  PROPN NNP  appos    1 B-PERSON
        "        PUNCT ''   punct    3
        played   VERB  VBD  ROOT     5 O play
        .        PUNCT .    punct    5
    """)
    assert set(by_kind(analyse(doc)[1], "Person")) == ({"Dolores"} if person else set())


@pytest.mark.parametrize("table, persons", [
    # "an Army Ranger spoke ." - an indefinite article before the words: a kind of person
    ("""
        an       DET   DT   det      2
        Army     PROPN NNP  compound 2 B-PERSON
        Ranger   PROPN NNP  nsubj    3 I-PERSON
        spoke    VERB  VBD  ROOT     3 O speak
        .        PUNCT .    punct    3
    """, set()),
    # "a lay author Ann Lee spoke ." - the article is the description's
    ("""
        a        DET   DT   det      4
        lay      ADJ   JJ   amod     3
        author   NOUN  NN   compound 4
        Ann      PROPN NNP  compound 4 B-PERSON
        Lee      PROPN NNP  nsubj    5 I-PERSON
        spoke    VERB  VBD  ROOT     5 O speak
        .        PUNCT .    punct    5
    """, {"Ann Lee"}),
])
def test_words_an_indefinite_article_sets_before_are_a_kind_not_a_name(vocab, table, persons):
    assert set(by_kind(analyse(parsed(vocab, table))[1], "Person")) == persons
