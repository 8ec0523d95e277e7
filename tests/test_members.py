"""Party membership read from phrases (members.py), through the posts stage that calls it, on
Docs built by hand."""

import pytest

from conftest import analyse, parsed
from govgraph.posts import extract_posts
from govgraph.rules import Body, OrgChart, load_lexicon


def members_of(doc, chart):
    """The parties each person of a hand-built Doc is a member of, after the posts stage."""
    sentences, entities = analyse(doc, chart)
    extract_posts(doc, sentences, entities, load_lexicon(), chart)
    return {e.label: [m.party for m in e.memberships] for e in entities if e.kind == "Person"}


LABOUR = OrgChart({"l": Body("l", "Labour Party", ("Labour",), party=True)})


@pytest.mark.parametrize("table, member", [
    # "Jane Doe , a Labour activist , spoke ."
    ("""
        Jane     PROPN NNP compound 1 B-PERSON
        Doe      PROPN NNP nsubj    7 I-PERSON
        ,        PUNCT ,   punct    1
        a        DET   DT  det      5
        Labour   PROPN NNP compound 5 B-ORG
        activist NOUN  NN  appos    1
        ,        PUNCT ,   punct    1
        spoke    VERB  VBD ROOT     7 O speak
        .        PUNCT .   punct    7
    """, True),
    # "Jane Doe is a member of Labour ."
    ("""
        Jane     PROPN NNP compound 1 B-PERSON
        Doe      PROPN NNP nsubj    2 I-PERSON
        is       AUX   VBZ ROOT     2 O be
        a        DET   DT  det      4
        member   NOUN  NN  attr     2
        of       ADP   IN  prep     4
        Labour   PROPN NNP pobj     5 B-ORG
        .        PUNCT .   punct    2
    """, True),
    # "Labour won . Jane Doe is a member of the party ." - "the party" is the one last named
    ("""
        Labour   PROPN NNP nsubj    1 B-ORG
        won      VERB  VBD ROOT     1 O win
        .        PUNCT .   punct    1
        Jane     PROPN NNP compound 4 B-PERSON
        Doe      PROPN NNP nsubj    5 I-PERSON
        is       AUX   VBZ ROOT     5 O be
        a        DET   DT  det      7
        member   NOUN  NN  attr     5
        of       ADP   IN  prep     7
        the      DET   DT  det      10
        party    NOUN  NN  pobj     8
        .        PUNCT .   punct    5
    """, True),
    # "Labour won . Jane Doe is a member of a party ." - not "the party": no one in particular
    ("""
        Labour   PROPN NNP nsubj    1 B-ORG
        won      VERB  VBD ROOT     1 O win
        .        PUNCT .   punct    1
        Jane     PROPN NNP compound 4 B-PERSON
        Doe      PROPN NNP nsubj    5 I-PERSON
        is       AUX   VBZ ROOT     5 O be
        a        DET   DT  det      7
        member   NOUN  NN  attr     5
        of       ADP   IN  prep     7
        a        DET   DT  det      10
        party    NOUN  NN  pobj     8
        .        PUNCT .   punct    5
    """, False),
    # "Jane Doe is not a member of Labour ."
    ("""
        Jane     PROPN NNP compound 1 B-PERSON
        Doe      PROPN NNP nsubj    2 I-PERSON
        is       AUX   VBZ ROOT     2 O be
        not      PART  RB  neg      2
        a        DET   DT  det      5
        member   NOUN  NN  attr     2
        of       ADP   IN  prep     5
        Labour   PROPN NNP pobj     6 B-ORG
        .        PUNCT .   punct    2
    """, False),
    # "Jane Doe joined Labour in 1990 ."
    ("""
        Jane     PROPN NNP compound 1 B-PERSON
        Doe      PROPN NNP nsubj    2 I-PERSON
        joined   VERB  VBD ROOT     2 O join
        Labour   PROPN NNP dobj     2 B-ORG
        in       ADP   IN  prep     2
        1990     NUM   CD  pobj     4 B-DATE
        .        PUNCT .   punct    2
    """, True),
    # "Jane Doe defected to Labour ."
    ("""
        Jane     PROPN NNP compound 1 B-PERSON
        Doe      PROPN NNP nsubj    2 I-PERSON
        defected VERB  VBD ROOT     2 O defect
        to       ADP   IN  prep     2
        Labour   PROPN NNP pobj     3 B-ORG
        .        PUNCT .   punct    2
    """, True),
    # "Jane Doe refused to join Labour ."
    ("""
        Jane     PROPN NNP compound 1 B-PERSON
        Doe      PROPN NNP nsubj    2 I-PERSON
        refused  VERB  VBD ROOT     2 O refuse
        to       PART  TO  aux      4
        join     VERB  VB  xcomp    2 O join
        Labour   PROPN NNP dobj     4 B-ORG
        .        PUNCT .   punct    2
    """, False),
    # "A Labour activist , Jane Doe , spoke ." - the description first, the name beside it
    ("""
        A        DET   DT  det      2
        Labour   PROPN NNP compound 2 B-ORG
        activist NOUN  NN  nsubj    7
        ,        PUNCT ,   punct    2
        Jane     PROPN NNP compound 5 B-PERSON
        Doe      PROPN NNP appos    2 I-PERSON
        ,        PUNCT ,   punct    2
        spoke    VERB  VBD ROOT     7 O speak
        .        PUNCT .   punct    7
    """, True),
    # "Jane Doe stood as a Labour candidate ."
    ("""
        Jane      PROPN NNP compound 1 B-PERSON
        Doe       PROPN NNP nsubj    2 I-PERSON
        stood     VERB  VBD ROOT     2 O stand
        as        ADP   IN  prep     2
        a         DET   DT  det      6
        Labour    PROPN NNP compound 6 B-ORG
        candidate NOUN  NN  pobj     3
        .         PUNCT .   punct    2
    """, True),
    # "Jane Doe plans to stand as a Labour candidate ." - not yet
    ("""
        Jane      PROPN NNP compound 1 B-PERSON
        Doe       PROPN NNP nsubj    2 I-PERSON
        plans     VERB  VBZ ROOT     2 O plan
        to        PART  TO  aux      4
        stand     VERB  VB  xcomp    2 O stand
        as        ADP   IN  prep     4
        a         DET   DT  det      8
        Labour    PROPN NNP compound 8 B-ORG
        candidate NOUN  NN  pobj     5
        .         PUNCT .   punct    2
    """, False),
    # "Labour MPs such as Jane Doe objected ."
    ("""
        Labour   PROPN NNP compound 1 B-ORG
        MPs      NOUN  NNS nsubj    6
        such     ADJ   JJ  amod     3
        as       ADP   IN  prep     1
        Jane     PROPN NNP compound 5 B-PERSON
        Doe      PROPN NNP pobj     3 I-PERSON
        objected VERB  VBD ROOT     6 O object
        .        PUNCT .   punct    6
    """, True),
    # "Jane Doe and fellow Labour MPs objected ." - one's fellows are in one's party
    ("""
        Jane     PROPN NNP compound 1 B-PERSON
        Doe      PROPN NNP nsubj    6 I-PERSON
        and      CCONJ CC  cc       1
        fellow   ADJ   JJ  amod     5
        Labour   PROPN NNP compound 5 B-ORG
        MPs      NOUN  NNS conj     1
        objected VERB  VBD ROOT     6 O object
        .        PUNCT .   punct    6
    """, True),
    # "Critics of Jane Doe 's fellow Labour MPs spoke ." - the possessor's fellows, whoever speaks
    ("""
        Critics  NOUN  NNS nsubj    8
        of       ADP   IN  prep     0
        Jane     PROPN NNP compound 3 B-PERSON
        Doe      PROPN NNP poss     7 I-PERSON
        's       PART  POS case     3
        fellow   ADJ   JJ  amod     7
        Labour   PROPN NNP compound 7 B-ORG
        MPs      NOUN  NNS pobj     1
        spoke    VERB  VBD ROOT     8 O speak
        .        PUNCT .   punct    8
    """, True),
])
def test_a_partys_people_named_or_joined_make_a_member(vocab, table, member):
    assert members_of(parsed(vocab, table), LABOUR)["Jane Doe"] == (["Labour Party"] if member else [])


@pytest.mark.parametrize("verb, lemma, obj, member", [
    ("stood", "stand", "Labour", True),  # stood for Labour: its candidate
    ("contested", "contest", "Labour", True),
    ("campaigned", "campaign", "Labour", False),  # campaigning for a party is no membership
    ("stood", "stand", "values", False),  # what one stands for
])
def test_who_stands_for_a_party_is_in_it(vocab, verb, lemma, obj, member):
    # "Jane Doe stood for Labour in 1997."
    doc = parsed(vocab, f"""
        Jane     PROPN NNP compound 1 B-PERSON
        Doe      PROPN NNP nsubj    2 I-PERSON
        {verb}   VERB  VBD ROOT     2 O {lemma}
        for      ADP   IN  prep     2
        {obj}    PROPN NNP pobj     3 {"B-ORG" if obj == "Labour" else "O"}
        in       ADP   IN  prep     2
        1997     NUM   CD  pobj     5 B-DATE
        .        PUNCT .   punct    2
    """)
    assert members_of(doc, LABOUR) == {"Jane Doe": ["Labour Party"] if member else []}


def test_who_is_on_a_partys_ticket_is_in_it(vocab):
    # "the Labour ticket of Jane Doe and John Roe won."
    doc = parsed(vocab, """
        the      DET   DT  det      2
        Labour   PROPN NNP compound 2 B-ORG
        ticket   NOUN  NN  nsubj    9
        of       ADP   IN  prep     2
        Jane     PROPN NNP compound 5 B-PERSON
        Doe      PROPN NNP pobj     3 I-PERSON
        and      CCONJ CC  cc       5
        John     PROPN NNP compound 8 B-PERSON
        Roe      PROPN NNP conj     5 I-PERSON
        won      VERB  VBD ROOT     9 O win
        .        PUNCT .   punct    9
    """)
    assert members_of(doc, LABOUR) == {"Jane Doe": ["Labour Party"], "John Roe": ["Labour Party"]}


TORIES = OrgChart({"c": Body("c", "Conservative Party", ("Conservatives", "Tory", "Tories"), party=True)})


@pytest.mark.parametrize("verb, lemma, negation, member", [
    ("is", "be", False, True),         # "Jane Doe is a Tory ."
    ("became", "become", False, True),
    ("is", "be", True, False),         # "Jane Doe is not a Tory ."
])
def test_a_partys_member_noun_said_of_a_person_makes_a_member(vocab, verb, lemma, negation, member):
    doc = parsed(vocab, f"""
        Jane    PROPN NNP compound 1 B-PERSON
        Doe     PROPN NNP nsubj    2 I-PERSON
        {verb}  AUX   VBZ ROOT     2 O {lemma}
        {"not" if negation else "just"}  PART  RB  {"neg" if negation else "advmod"} 2
        a       DET   DT  det      5
        Tory    PROPN NNP attr     2 B-ORG
        .       PUNCT .   punct    2
    """)
    assert members_of(doc, TORIES) == {"Jane Doe": ["Conservative Party"] if member else []}


def test_a_plural_partys_possessive_and_its_people_like_a_name_make_a_member(vocab):
    # "the Conservatives ' Jane Doe spoke ." / "Tory MPs like Jane Doe voted ."
    possessive = parsed(vocab, """
        the           DET   DT   det      1
        Conservatives PROPN NNPS poss     4 B-ORG
        '             PART  POS  case     1
        Jane          PROPN NNP  compound 4 B-PERSON
        Doe           PROPN NNP  nsubj    5 I-PERSON
        spoke         VERB  VBD  ROOT     5 O speak
        .             PUNCT .    punct    5
    """)
    assert members_of(possessive, TORIES) == {"Jane Doe": ["Conservative Party"]}
    like = parsed(vocab, """
        Tory   PROPN NNP compound 1 B-ORG
        MPs    NOUN  NNS nsubj    5
        like   ADP   IN  prep     1
        Jane   PROPN NNP compound 4 B-PERSON
        Doe    PROPN NNP pobj     2 I-PERSON
        voted  VERB  VBD ROOT     5 O vote
        .      PUNCT .   punct    5
    """)
    assert members_of(like, TORIES) == {"Jane Doe": ["Conservative Party"]}


def test_names_in_apposition_to_a_partys_people_are_members(vocab):
    # "Two Labour MPs - Jane Doe and John Roe - spoke ."
    doc = parsed(vocab, """
        Two      NUM   CD   nummod   2 B-CARDINAL
        Labour   PROPN NNP  compound 2 B-ORG
        MPs      NOUN  NNS  nsubj    10
        -        PUNCT :    punct    2
        Jane     PROPN NNP  compound 5 B-PERSON
        Doe      PROPN NNP  appos    2 I-PERSON
        and      CCONJ CC   cc       5
        John     PROPN NNP  compound 8 B-PERSON
        Roe      PROPN NNP  conj     5 I-PERSON
        -        PUNCT :    punct    2
        spoke    VERB  VBD  ROOT     10 O speak
        .        PUNCT .    punct    10
    """)
    assert members_of(doc, LABOUR) == {"Jane Doe": ["Labour Party"], "John Roe": ["Labour Party"]}


@pytest.mark.parametrize("modifier, member", [
    ("Labour", True),    # "Labour council candidates including Jane Doe": the party modifies "council"
    ("local", False),    # "local council candidates including Jane Doe": no party
])
def test_a_party_modifying_a_groups_modifier_names_its_members(vocab, modifier, member):
    doc = parsed(vocab, f"""
        {modifier} {"PROPN NNP" if member else "ADJ JJ"} amod 1 {"B-ORG" if member else "O"}
        council  NOUN  NN   compound 2
        candidates NOUN NNS nsubj    6
        including VERB VBG  prep     2 O include
        Jane     PROPN NNP  compound 5 B-PERSON
        Doe      PROPN NNP  pobj     3 I-PERSON
        spoke    VERB  VBD  ROOT     6 O speak
        .        PUNCT .    punct    6
    """)
    assert members_of(doc, LABOUR) == {"Jane Doe": ["Labour Party"] if member else []}


@pytest.mark.parametrize("obj, tag, member", [
    ("plan", "NN", True),     # "Labour MPs criticized the plan , including Jane Doe": the list is the subject's
    ("rivals", "NNS", False),  # "... criticized their rivals , including Jane Doe": the rivals' (no party)
])
def test_a_list_hung_on_the_verb_or_a_thing_names_the_subjects_people(vocab, obj, tag, member):
    doc = parsed(vocab, f"""
        Labour    PROPN NNP compound 1 B-ORG
        MPs       NOUN  NNS nsubj    2
        criticized VERB VBD ROOT     2 O criticize
        the       DET   DT  det      4
        {obj}     NOUN  {tag} dobj   2
        ,         PUNCT ,   punct    4
        including VERB  VBG prep     4 O include
        Jane      PROPN NNP compound 8 B-PERSON
        Doe       PROPN NNP pobj     6 I-PERSON
        .         PUNCT .   punct    2
    """)
    assert members_of(doc, LABOUR) == {"Jane Doe": ["Labour Party"] if member else []}


def test_who_a_relative_pronoun_stands_for_seeks_the_nomination_its_clause_names(vocab):
    # "Jane Doe , who secured enough votes to win the Labour nomination , spoke ."
    doc = parsed(vocab, """
        Jane      PROPN NNP compound 1 B-PERSON
        Doe       PROPN NNP nsubj    14 I-PERSON
        ,         PUNCT ,   punct    1
        who       PRON  WP  nsubj    4
        secured   VERB  VBD relcl    1 O secure
        enough    ADJ   JJ  amod     6
        votes     NOUN  NNS dobj     4
        to        PART  TO  aux      8
        win       VERB  VB  advcl    4 O win
        the       DET   DT  det      11
        Labour    PROPN NNP compound 11 B-ORG
        nomination NOUN NN  dobj     8
        ,         PUNCT ,   punct    1
        then      ADV   RB  advmod   14
        spoke     VERB  VBD ROOT     14 O speak
        .         PUNCT .   punct    14
    """)
    assert members_of(doc, LABOUR) == {"Jane Doe": ["Labour Party"]}


@pytest.mark.parametrize("words, member", [
    (["Kent", "Tory"], True),                 # "The Kent Tory , Jane Doe , spoke ."
    (["Conservative", "Party"], False),       # "The Conservative Party , Jane Doe , spoke ." - the party itself
])
def test_a_name_beside_a_partys_member_noun_is_a_member(vocab, words, member):
    first, noun = words
    doc = parsed(vocab, f"""
        The      DET   DT  det      2
        {first}  PROPN NNP compound 2 {"B-GPE" if member else "B-ORG"}
        {noun}   PROPN NNP nsubj    7 {"B-ORG" if member else "I-ORG"}
        ,        PUNCT ,   punct    2
        Jane     PROPN NNP compound 5 B-PERSON
        Doe      PROPN NNP appos    2 I-PERSON
        ,        PUNCT ,   punct    2
        spoke    VERB  VBD ROOT     7 O speak
        .        PUNCT .   punct    7
    """)
    assert members_of(doc, TORIES) == {"Jane Doe": ["Conservative Party"] if member else []}


@pytest.mark.parametrize("table", [
    # "Jane Doe , who is the Labour nominee , spoke ." - whom the relative pronoun stands for
    """
        Jane    PROPN NNP compound 1 B-PERSON
        Doe     PROPN NNP nsubj    9 I-PERSON
        ,       PUNCT ,   punct    1
        who     PRON  WP  nsubj    4
        is      AUX   VBZ relcl    1 O be
        the     DET   DT  det      7
        Labour  PROPN NNP compound 7 B-ORG
        nominee NOUN  NN  attr     4
        ,       PUNCT ,   punct    1
        spoke   VERB  VBD ROOT     9 O speak
        .       PUNCT .   punct    9
    """,
    # "With Jane Doe as the Labour nominee , they won ." - "as" on the "with" that opens the clause
    """
        With    ADP   IN  prep     9
        Jane    PROPN NNP compound 2 B-PERSON
        Doe     PROPN NNP pobj     0 I-PERSON
        as      ADP   IN  prep     0
        the     DET   DT  det      6
        Labour  PROPN NNP compound 6 B-ORG
        nominee NOUN  NN  pobj     3
        ,       PUNCT ,   punct    9
        they    PRON  PRP nsubj    9
        won     VERB  VBD ROOT     9 O win
        .       PUNCT .   punct    9
    """,
    # "They rallied with Jane Doe as the Labour nominee ." - "as" on the verb: the one it is with
    """
        They    PRON  PRP nsubj    1
        rallied VERB  VBD ROOT     1 O rally
        with    ADP   IN  prep     1
        Jane    PROPN NNP compound 4 B-PERSON
        Doe     PROPN NNP pobj     2 I-PERSON
        as      ADP   IN  prep     1
        the     DET   DT  det      8
        Labour  PROPN NNP compound 8 B-ORG
        nominee NOUN  NN  pobj     5
        .       PUNCT .   punct    1
    """,
])
def test_a_partys_nominee_named_by_a_relative_pronoun_or_as_is_a_member(vocab, table):
    assert members_of(parsed(vocab, table), LABOUR) == {"Jane Doe": ["Labour Party"]}
