import pytest

from conftest import analyse, parsed
from govgraph.posts import extract_posts
from govgraph.rules import Body, OrgChart, load_lexicon

CHART = OrgChart({"h": Body("h", "Home Office", (), None, "Home Secretary")})


def with_posts(doc, chart=OrgChart()):
    """The entities of a hand-built Doc after the posts stage, and its persons by label."""
    sentences, entities = analyse(doc, chart)
    extract_posts(doc, sentences, entities, load_lexicon(), chart)
    return entities, {e.label: e for e in entities if e.kind == "Person"}


def described(doc):
    """The entities of a hand-built Doc after pronouns, posts and definite descriptions."""
    from govgraph.coref import resolve_pronouns
    from govgraph.posts import resolve_descriptions

    lexicon, chart = load_lexicon(), OrgChart()
    sentences, entities = analyse(doc, chart)
    resolve_pronouns(doc, sentences, entities, lexicon, frozenset())
    extract_posts(doc, sentences, entities, lexicon, chart)
    resolve_descriptions(doc, sentences, entities, lexicon)
    return entities


def posts_of(doc, chart=OrgChart()):
    _, people = with_posts(doc, chart)
    return {label: [(p.title, p.organization, p.current) for p in e.posts] for label, e in people.items()}


def test_title_before_the_name_with_its_body(vocab):
    # "Transit Authority Commissioner Jane Doe resigned."
    doc = parsed(vocab, """
        Transit    PROPN NNP compound 2 B-ORG
        Authority  PROPN NNP compound 2 I-ORG
        Commissioner PROPN NNP compound 4
        Jane       PROPN NNP compound 4 B-PERSON
        Doe        PROPN NNP nsubj    5 I-PERSON
        resigned   VERB  VBD ROOT     5 O resign
        .          PUNCT .   punct    5
    """)
    # she resigned: the post she is named with is one she held
    assert posts_of(doc) == {"Jane Doe": [("Commissioner", "Transit Authority", False)]}


def test_former_title_in_an_appositive_with_a_relative_clause(vocab):
    # "John Roe, a former Transit Authority chief who led Harbour Police, spoke."
    doc = parsed(vocab, """
        John      PROPN NNP compound 1 B-PERSON
        Roe       PROPN NNP nsubj    13 I-PERSON
        ,         PUNCT ,   punct    1
        a         DET   DT  det      7
        former    ADJ   JJ  amod     7
        Transit   PROPN NNP compound 6 B-ORG
        Authority PROPN NNP compound 7 I-ORG
        chief     NOUN  NN  appos    1
        who       PRON  WP  nsubj    9
        led       VERB  VBD relcl    7 O lead
        Harbour   PROPN NNP compound 11 B-ORG
        Police    PROPN NNP dobj     9 I-ORG
        ,         PUNCT ,   punct    1
        spoke     VERB  VBD ROOT     13 O speak
        .         PUNCT .   punct    13
    """)
    assert posts_of(doc) == {"John Roe": [("Chief", "Transit Authority", False), ("Head", "Harbour Police", False)]}


def test_each_title_coordinated_in_an_appositive_is_a_post(vocab):
    # "John Roe, a longtime ally and former Transit Authority chief, spoke."
    doc = parsed(vocab, """
        John      PROPN NNP compound 1 B-PERSON
        Roe       PROPN NNP nsubj    12 I-PERSON
        ,         PUNCT ,   punct    1
        a         DET   DT  det      5
        longtime  ADJ   JJ  amod     5
        ally      NOUN  NN  appos    1
        and       CCONJ CC  cc       5
        former    ADJ   JJ  amod     10
        Transit   PROPN NNP compound 9 B-ORG
        Authority PROPN NNP compound 10 I-ORG
        chief     NOUN  NN  conj     5
        ,         PUNCT ,   punct    1
        spoke     VERB  VBD ROOT     12 O speak
        .         PUNCT .   punct    12
    """)
    assert posts_of(doc) == {"John Roe": [("Chief", "Transit Authority", False)]}


def test_head_of_body_then_name(vocab):
    # "a bonus for the head of Harbour Police, Jane Doe."
    doc = parsed(vocab, """
        a       DET   DT  det      1
        bonus   NOUN  NN  ROOT     1
        for     ADP   IN  prep     1
        the     DET   DT  det      4
        head    NOUN  NN  pobj     2
        of      ADP   IN  prep     4
        Harbour PROPN NNP compound 7 B-ORG
        Police  PROPN NNP pobj     5 I-ORG
        ,       PUNCT ,   punct    7
        Jane    PROPN NNP compound 10 B-PERSON
        Doe     PROPN NNP appos    7 I-PERSON
        .       PUNCT .   punct    1
    """)
    assert posts_of(doc) == {"Jane Doe": [("Head", "Harbour Police", True)]}


def test_predicate_in_the_past_is_a_former_post(vocab):
    # "Doe became chief in Springfield."
    doc = parsed(vocab, """
        Doe     PROPN NNP nsubj  1 B-PERSON
        became  VERB  VBD ROOT   1 O become
        chief   NOUN  NN  attr   1
        in      ADP   IN  prep   1
        Springfield PROPN NNP pobj 3 B-GPE
        .       PUNCT .   punct  1
    """)
    assert posts_of(doc) == {"Doe": [("Chief", "Springfield", False)]}


def test_a_predicate_that_is_only_possible_or_denied_states_no_post(vocab):
    # "Doe could still be chief." / "Doe can be chief." / "Doe is not chief."
    def posts(word, pos, tag, dep):
        return posts_of(parsed(vocab, f"""
            Doe     PROPN NNP nsubj 2 B-PERSON
            {word}  {pos} {tag} {dep} 2
            be      AUX   VB  ROOT  2 O be
            chief   NOUN  NN  attr  2
            .       PUNCT .   punct 2
        """))

    assert posts("could", "AUX", "MD", "aux") == {"Doe": []}
    assert posts("can", "AUX", "MD", "aux") == {"Doe": []}  # "whether Doe can still be chief"
    assert posts("not", "PART", "RB", "neg") == {"Doe": []}
    assert posts("really", "ADV", "RB", "advmod") == {"Doe": [("Chief", None, True)]}


def test_an_exit_from_a_race_leaves_no_post(vocab):
    # "Roe spoke after the exit of President Jane Doe from the race / the cabinet."
    def posts(what):
        return posts_of(parsed(vocab, f"""
            Roe       PROPN NNP nsubj    1 B-PERSON
            spoke     VERB  VBD ROOT     1 O speak
            after     ADP   IN  prep     1
            the       DET   DT  det      4
            exit      NOUN  NN  pobj     2
            of        ADP   IN  prep     4
            President PROPN NNP compound 8
            Jane      PROPN NNP compound 8 B-PERSON
            Doe       PROPN NNP pobj     5 I-PERSON
            from      ADP   IN  prep     4
            the       DET   DT  det      11
            {what}    NOUN  NN  pobj     9
            .         PUNCT .   punct    1
        """))["Jane Doe"]

    assert posts("race") == [("President", None, True)]
    assert posts("cabinet") == [("President", None, False)]


def test_a_prospective_or_future_post_is_not_held(vocab):
    # "Doe, a prospective Labour MP, spoke." / "Doe, a hard-working Labour MP, spoke."
    def posts(qualifier):
        return posts_of(parsed(vocab, f"""
            Doe     PROPN NNP nsubj    5 B-PERSON
            ,       PUNCT ,   punct    0
            a       DET   DT  det      4
            {qualifier} ADJ JJ amod    4
            MP      PROPN NNP appos    0
            spoke   VERB  VBD ROOT     5 O speak
            .       PUNCT .   punct    5
        """))

    assert posts("prospective") == {"Doe": []}
    assert posts("future") == {"Doe": []}
    assert posts("popular") == {"Doe": [("MP", None, True)]}


def test_the_former_president_is_not_a_president_the_story_left_paragraphs_ago(vocab):
    """"President Doe spoke. Roe met Poe. Roe left. Poe left. The former president smiled.": the
    description is about someone else, so Doe stays president."""
    from govgraph.posts import resolve_descriptions

    doc = parsed(vocab, """
        President PROPN NNP compound 1
        Doe       PROPN NNP nsubj    2 B-PERSON
        spoke     VERB  VBD ROOT     2 O speak
        .         PUNCT .   punct    2
        Roe       PROPN NNP nsubj    5 B-PERSON
        met       VERB  VBD ROOT     5 O meet
        Poe       PROPN NNP dobj     5 B-PERSON
        .         PUNCT .   punct    5
        Roe       PROPN NNP nsubj    9 B-PERSON
        left      VERB  VBD ROOT     9 O leave
        .         PUNCT .   punct    9
        Poe       PROPN NNP nsubj    12 B-PERSON
        left      VERB  VBD ROOT     12 O leave
        .         PUNCT .   punct    12
        The       DET   DT  det      16
        former    ADJ   JJ  amod     16
        president NOUN  NN  nsubj    17
        smiled    VERB  VBD ROOT     17 O smile
        .         PUNCT .   punct    17
    """)
    sentences, entities = analyse(doc)
    lexicon = load_lexicon()
    extract_posts(doc, sentences, entities, lexicon, OrgChart())
    resolve_descriptions(doc, sentences, entities, lexicon)
    assert [(p.title, p.current) for e in entities if e.label == "Doe" for p in e.posts] == [("President", True)]


def test_the_former_president_is_not_someone_president_of_another_body(vocab):
    """"Jane Doe, president of Acme, spoke. The former president smiled.": the description is not
    hers (her presidency is of a named body), so her post stays current."""
    from govgraph.posts import resolve_descriptions

    doc = parsed(vocab, """
        Jane      PROPN NNP compound 1 B-PERSON
        Doe       PROPN NNP nsubj    6 I-PERSON
        ,         PUNCT ,   punct    1
        president NOUN  NN  appos    1
        of        ADP   IN  prep     3
        Acme      PROPN NNP pobj     4 B-ORG
        spoke     VERB  VBD ROOT     6 O speak
        .         PUNCT .   punct    6
        The       DET   DT  det      10
        former    ADJ   JJ  amod     10
        president NOUN  NN  nsubj    11
        smiled    VERB  VBD ROOT     11 O smile
        .         PUNCT .   punct    11
    """)
    sentences, entities = analyse(doc)
    lexicon = load_lexicon()
    extract_posts(doc, sentences, entities, lexicon, OrgChart())
    resolve_descriptions(doc, sentences, entities, lexicon)
    assert [(p.title, p.organization, p.current) for e in entities if e.label == "Jane Doe" for p in e.posts] == [
        ("President", "Acme", True)]


def test_a_post_wanted_for_someone_is_not_held(vocab):
    # "They want Doe to be chief ." / "They said Doe is chief ."
    assert posts_of(parsed(vocab, """
        They  PRON  PRP nsubj 1
        want  VERB  VBP ROOT  1 O want
        Doe   PROPN NNP nsubj 4 B-PERSON
        to    PART  TO  aux   4
        be    AUX   VB  ccomp 1 O be
        chief NOUN  NN  attr  4
        .     PUNCT .   punct 1
    """)) == {"Doe": []}
    assert posts_of(parsed(vocab, """
        They  PRON  PRP nsubj 1
        said  VERB  VBD ROOT  1 O say
        Doe   PROPN NNP nsubj 3 B-PERSON
        is    AUX   VBZ ccomp 1 O be
        chief NOUN  NN  attr  3
        .     PUNCT .   punct 1
    """)) == {"Doe": [("Chief", None, True)]}


def test_a_post_left_was_held_and_one_still_to_leave_is_held_now(vocab):
    # "Doe resigned as chief ." / "Doe will resign as chief ." / "Doe stepped in as chief ."
    def posts(aux, verb, lemma, particle="as"):
        rows = [f"Doe PROPN NNP nsubj {2 if aux else 1} B-PERSON"]
        rows += [f"{aux} AUX MD aux 2"] if aux else []
        head = len(rows)
        rows += [f"{verb} VERB VBD ROOT {head} O {lemma}"]
        if particle != "as":
            rows += [f"{particle} ADP RP prt {head}"]
        rows += [f"as ADP IN prep {head}", f"chief NOUN NN pobj {len(rows)}", f". PUNCT . punct {head}"]
        return posts_of(parsed(vocab, "\n".join(rows)))

    assert posts("", "resigned", "resign") == {"Doe": [("Chief", None, False)]}
    assert posts("will", "resign", "resign") == {"Doe": [("Chief", None, True)]}
    assert posts("", "stepped", "step", "down") == {"Doe": [("Chief", None, False)]}
    assert posts("", "stepped", "step", "in") == {"Doe": []}


def test_a_relative_clause_on_the_name_states_its_post(vocab):
    # "Doe , who was chief , spoke ." / "Doe , whose father was chief , spoke ."
    assert posts_of(parsed(vocab, """
        Doe    PROPN NNP nsubj 6 B-PERSON
        ,      PUNCT ,   punct 0
        who    PRON  WP  nsubj 3
        was    AUX   VBD relcl 0 O be
        chief  NOUN  NN  attr  3
        ,      PUNCT ,   punct 0
        spoke  VERB  VBD ROOT  6 O speak
        .      PUNCT .   punct 6
    """)) == {"Doe": [("Chief", None, False)]}
    assert posts_of(parsed(vocab, """
        Doe    PROPN NNP nsubj 7 B-PERSON
        ,      PUNCT ,   punct 0
        whose  PRON  WP$ poss  3
        father NOUN  NN  nsubj 4
        was    AUX   VBD relcl 0 O be
        chief  NOUN  NN  attr  4
        ,      PUNCT ,   punct 0
        spoke  VERB  VBD ROOT  7 O speak
        .      PUNCT .   punct 7
    """)) == {"Doe": []}


def test_a_chart_title_names_its_body(vocab):
    # "Home Secretary Jane Doe spoke."
    doc = parsed(vocab, """
        Home      PROPN NNP compound 1
        Secretary PROPN NNP compound 3
        Jane      PROPN NNP compound 3 B-PERSON
        Doe       PROPN NNP nsubj    4 I-PERSON
        spoke     VERB  VBD ROOT     4 O speak
        .         PUNCT .   punct    4
    """)
    assert posts_of(doc, CHART) == {"Jane Doe": [("Home Secretary", "Home Office", True)]}


def test_a_lower_case_description_is_not_a_post(vocab):
    # "Top border official Doe says ..." (a headline)
    doc = parsed(vocab, """
        Top      ADJ   JJ  amod     2
        border   NOUN  NN  compound 2
        official NOUN  NN  nsubj    4
        Doe      PROPN NNP appos    2 B-PERSON
        says     VERB  VBZ ROOT     4 O say
    """)
    assert posts_of(doc) == {"Doe": []}


def test_seed_posts(seed_extraction):
    posts = {e.label: {(p.title, p.organization, p.current) for p in e.posts}
             for e in seed_extraction.entities if e.kind == "Person"}
    dhs, cbp = "Department of Homeland Security", "U.S. Customs and Border Protection"
    assert posts["Chris Magnus"] == {("Commissioner", cbp, True),
                                     ("Chief", "Richmond, Calif., Police Department", False),
                                     ("Chief", "Tucson", False)}
    assert posts["Alejandro N. Mayorkas"] == {("Secretary", dhs, True)}
    assert posts["John Tien"] == {("Deputy", dhs, True)}
    assert ("Head", "Border Patrol", True) in posts["Raul Ortiz"]
    assert posts["John Sandweg"] == {("Official", dhs, False)}
    assert posts["Ron Vitiello"] == {("Chief", "Border Patrol", False), ("Head", "Immigration and Customs Enforcement", False)}
    assert posts["Biden"] == {("President", "United States Government", True)}  # the story names the U.S.


def test_a_description_gives_no_post_to_whoever_was_named_last(vocab):
    # "Mr Doe spoke. The Leeds MP, who lost his seat, left." - the story never gives Mr Doe the
    # post, so the description is not his: it may be anyone's
    doc = parsed(vocab, """
        Mr      PROPN NNP compound 1
        Doe     PROPN NNP nsubj    2 B-PERSON
        spoke   VERB  VBD ROOT     2 O speak
        .       PUNCT .   punct    2
        The     DET   DT  det      6
        Leeds   PROPN NNP compound 6 B-GPE
        MP      PROPN NNP nsubj    13
        ,       PUNCT ,   punct    6
        who     PRON  WP  nsubj    9
        lost    VERB  VBD relcl    6 O lose
        his     PRON  PRP$ poss    11
        seat    NOUN  NN  dobj     9
        ,       PUNCT ,   punct    6
        left    VERB  VBD ROOT     13 O leave
        .       PUNCT .   punct    13
    """)
    (doe,) = [e for e in described(doc) if e.kind == "Person"]
    assert "The Leeds MP" not in [m.text for m in doe.mentions]
    assert doe.posts == []


def test_new_before_a_title_is_not_part_of_it(vocab):
    # "New Home Secretary Jane Doe said so."
    doc = parsed(vocab, """
        New       ADJ   JJ  amod     2
        Home      PROPN NNP compound 2
        Secretary PROPN NNP compound 4
        Jane      PROPN NNP compound 4 B-PERSON
        Doe       PROPN NNP nsubj    5 I-PERSON
        said      VERB  VBD ROOT     5 O say
        so        ADV   RB  advmod   5
        .         PUNCT .   punct    5
    """)
    assert posts_of(doc, CHART) == {"Jane Doe": [("Home Secretary", "Home Office", True)]}


def test_pm_before_a_name_is_the_title_and_after_a_numeral_the_time(vocab):
    def posts_after(first, second):
        # "{first} {second} Jane Doe said so."
        return posts_of(parsed(vocab, f"""
            {first}   {"NUM CD nummod 1" if first[0].isdigit() else "ADJ JJ amod 1"}
            {second}  PROPN NNP compound 3
            Jane      PROPN NNP compound 3 B-PERSON
            Doe       PROPN NNP nsubj    4 I-PERSON
            said      VERB  VBD ROOT     4 O say
            so        ADV   RB  advmod   4
            .         PUNCT .   punct    4
        """))

    assert posts_after("Former", "PM") == {"Jane Doe": [("Prime Minister", None, False)]}
    assert posts_after("Former", "frontbencher") == {"Jane Doe": [("Frontbencher", None, False)]}
    assert posts_after("5", "PM") == {"Jane Doe": []}
    assert posts_after("10", "am") == {"Jane Doe": []}


LIST_OF_NAMES = """
    {body}    PROPN NNP compound 1 B-ORG
    {title}   NOUN  NN  compound 3
    Jane      PROPN NNP compound 3 B-PERSON
    Doe       PROPN NNP nsubj    8 I-PERSON
    and       CCONJ CC  cc       3
    reporter  NOUN  NN  compound 7
    John      PROPN NNP compound 7 B-PERSON
    Roe       PROPN NNP conj     3 I-PERSON
    left      VERB  VBD ROOT     8 O leave
    .         PUNCT .   punct    8
"""


def test_titles_listed_after_one_body_share_it(vocab):
    # "BBC chairman Jane Doe and reporter John Roe left."
    doc = parsed(vocab, LIST_OF_NAMES.format(body="BBC", title="chairman"))
    assert posts_of(doc) == {"Jane Doe": [("Chairman", "BBC", True)], "John Roe": [("Reporter", "BBC", True)]}


def test_a_party_is_not_shared_down_a_list(vocab):
    # "Labour leader Jane Doe and reporter John Roe left."
    chart = OrgChart({"l": Body("l", "Labour Party", ("Labour",), party=True)})
    doc = parsed(vocab, LIST_OF_NAMES.format(body="Labour", title="leader"))
    assert posts_of(doc, chart)["John Roe"] == [("Reporter", None, True)]


def test_a_post_in_one_of_a_partys_own_bodies_is_a_members(vocab):
    # "Labour met . Labour Committee chair Jane Doe spoke ."
    chart = OrgChart({"l": Body("l", "Labour Party", ("Labour",), party=True),
                      "c": Body("c", "Labour Committee", parent="l", head_title="Chair")})
    doc = parsed(vocab, """
        Labour    PROPN NNP nsubj    1 B-ORG
        met       VERB  VBD ROOT     1 O meet
        .         PUNCT .   punct    1
        Labour    PROPN NNP compound 4 B-ORG
        Committee PROPN NNP compound 5 I-ORG
        chair     NOUN  NN  compound 7
        Jane      PROPN NNP compound 7 B-PERSON
        Doe       PROPN NNP nsubj    8 I-PERSON
        spoke     VERB  VBD ROOT     8 O speak
        .         PUNCT .   punct    8
    """)
    _, people = with_posts(doc, chart)
    assert [(p.title, p.organization, p.party) for p in people["Jane Doe"].posts] == [
        ("Chair", "Labour Committee", "Labour Party")]
    assert chart.party_of("Labour Committee").label == "Labour Party" and chart.party_of("Home Office") is None


def test_the_party_is_the_party_last_named(vocab):
    # "Labour met . The party leader Jane Doe spoke ."
    chart = OrgChart({"l": Body("l", "Labour Party", ("Labour",), party=True)})
    doc = parsed(vocab, """
        Labour    PROPN NNP nsubj    1 B-ORG
        met       VERB  VBD ROOT     1 O meet
        .         PUNCT .   punct    1
        The       DET   DT  det      7
        party     NOUN  NN  compound 5
        leader    NOUN  NN  compound 7
        Jane      PROPN NNP compound 7 B-PERSON
        Doe       PROPN NNP nsubj    8 I-PERSON
        spoke     VERB  VBD ROOT     8 O speak
        .         PUNCT .   punct    8
    """)
    assert posts_of(doc, chart) == {"Jane Doe": [("Leader", "Labour Party", True)]}


def test_the_former_holder_of_a_title_news_keeps_using(vocab):
    """"President Doe spoke. The former president smiled.": one person has the title and nobody
    is said to have held it, so the description is his, and his presidency a former post."""
    from govgraph.posts import resolve_descriptions

    doc = parsed(vocab, """
        President PROPN NNP compound 1
        Doe       PROPN NNP nsubj    2 B-PERSON
        spoke     VERB  VBD ROOT     2 O speak
        .         PUNCT .   punct    2
        The       DET   DT  det      6
        former    ADJ   JJ  amod     6
        president NOUN  NN  nsubj    7
        smiled    VERB  VBD ROOT     7 O smile
        .         PUNCT .   punct    7
    """)
    sentences, entities = analyse(doc)
    lexicon = load_lexicon()
    extract_posts(doc, sentences, entities, lexicon, OrgChart())
    (doe,) = [e for e in entities if e.kind == "Person"]
    assert [(p.title, p.current) for p in doe.posts] == [("President", True)]
    resolve_descriptions(doc, sentences, entities, lexicon)
    assert [(p.title, p.current) for p in doe.posts] == [("President", False)]
    assert doe.mentions[-1].text == "The former president"


@pytest.mark.parametrize("verb, lemma, tag, posts", [
    # "Doe served as ambassador to the UN . Ambassador Doe spoke .": the form of address she keeps
    ("served", "serve", "VBD", [("Ambassador", "UN", False)]),
    # "Doe serves as ambassador to the UN . Ambassador Doe spoke .": one post, held now
    ("serves", "serve", "VBZ", [("Ambassador", "UN", True), ("Ambassador", None, True)]),
])
def test_a_title_before_a_name_that_held_it_at_a_body_is_a_form_of_address(vocab, verb, lemma, tag, posts):
    doc = parsed(vocab, f"""
        Doe        PROPN NNP nsubj    1 B-PERSON
        {verb}     VERB  {tag} ROOT   1 O {lemma}
        as         ADP   IN  prep     1
        ambassador NOUN  NN  pobj     2
        to         ADP   IN  prep     3
        the        DET   DT  det      6
        UN         PROPN NNP pobj     4 B-ORG
        .          PUNCT .   punct    1
        Ambassador PROPN NNP compound 9
        Doe        PROPN NNP nsubj    10 B-PERSON
        spoke      VERB  VBD ROOT     10 O speak
        .          PUNCT .   punct    10
    """)
    assert sorted(posts_of(doc)["Doe"], key=str) == sorted(posts, key=str)


def test_the_former_holder_among_several_is_the_nearest_named_before(vocab):
    """"President Roe thanked President Doe. Doe spoke. The former president smiled.": with two
    people titled President, the description refers back to the nearer one (Doe), as a reader does."""
    from govgraph.posts import resolve_descriptions

    doc = parsed(vocab, """
        President PROPN NNP compound 1
        Roe       PROPN NNP nsubj    2 B-PERSON
        thanked   VERB  VBD ROOT     2 O thank
        President PROPN NNP compound 4
        Doe       PROPN NNP dobj     2 B-PERSON
        .         PUNCT .   punct    2
        Doe       PROPN NNP nsubj    7 B-PERSON
        spoke     VERB  VBD ROOT     7 O speak
        .         PUNCT .   punct    7
        The       DET   DT  det      11
        former    ADJ   JJ  amod     11
        president NOUN  NN  nsubj    12
        smiled    VERB  VBD ROOT     12 O smile
        .         PUNCT .   punct    12
    """)
    sentences, entities = analyse(doc)
    lexicon = load_lexicon()
    extract_posts(doc, sentences, entities, lexicon, OrgChart())
    resolve_descriptions(doc, sentences, entities, lexicon)
    assert {e.label: [(p.title, p.current) for p in e.posts] for e in entities if e.kind == "Person"} == {
        "Roe": [("President", True)], "Doe": [("President", False)]}


def test_a_place_before_a_members_title_is_the_seat_and_a_place_before_other_titles_is_where(vocab):
    # "Ohio Sen. Jane Doe met Springfield Mayor John Roe and U.S. Attorney General Ann Poe."
    chart = OrgChart({"s": Body("s", "Senate", member_titles=("Senator",)),
                      "j": Body("j", "Department of Justice", head_title="Attorney General")})
    doc = parsed(vocab, """
        Ohio        PROPN NNP compound 1 B-GPE
        Sen.        PROPN NNP compound 3
        Jane        PROPN NNP compound 3 B-PERSON
        Doe         PROPN NNP nsubj    4 I-PERSON
        met         VERB  VBD ROOT     4 O meet
        Springfield PROPN NNP compound 6 B-GPE
        Mayor       PROPN NNP compound 8
        John        PROPN NNP compound 8 B-PERSON
        Roe         PROPN NNP dobj     4 I-PERSON
        and         CCONJ CC  cc       8
        U.S.        PROPN NNP compound 12 B-GPE
        Attorney    PROPN NNP compound 12
        General     PROPN NNP compound 14
        Ann         PROPN NNP compound 14 B-PERSON
        Poe         PROPN NNP conj     8 I-PERSON
        .           PUNCT .   punct    4
    """)
    _, people = with_posts(doc, chart)
    assert {label: [(p.title, p.organization, p.place, p.current) for p in e.posts] for label, e in people.items()} == {
        "Jane Doe": [("Senator", "Senate", "Ohio", True)], "John Roe": [("Mayor", "Springfield", None, True)],
        "Ann Poe": [("Attorney General", "Department of Justice", None, True)]}


ERA = """
    Roe        PROPN NNP nsubj    1 B-PERSON
    criticized VERB  VBD ROOT     1 O criticize
    the        DET   DT  det      4
    State      PROPN NNP compound 4 B-ORG
    Department PROPN NNP dobj     1 I-ORG
    under      ADP   IN  prep     4
    President  PROPN NNP compound 7
    Doe        PROPN NNP pobj     5 B-PERSON
    .          PUNCT .   punct    1
"""


def test_a_holder_named_only_as_an_era_held_the_post_when_another_holds_it(vocab):
    # "Roe criticized the State Department under President Doe. President Poe spoke."
    doc = parsed(vocab, ERA + """
        President  PROPN NNP compound 10
        Poe        PROPN NNP nsubj    11 B-PERSON
        spoke      VERB  VBD ROOT     11 O speak
        .          PUNCT .   punct    11
    """)
    assert posts_of(doc) == {"Roe": [], "Doe": [("President", None, False)], "Poe": [("President", None, True)]}
    # with no one else titled so, "under President Doe" is simply his presidency
    assert posts_of(parsed(vocab, ERA)) == {"Roe": [], "Doe": [("President", None, True)]}


def test_a_tenure_stated_in_the_clause_dates_the_post(vocab):
    # "Roe , who led Harbour Police from 2009 to 2013 , spoke ."
    doc = parsed(vocab, """
        Roe     PROPN NNP nsubj    11 B-PERSON
        ,       PUNCT ,   punct    0
        who     PRON  WP  nsubj    3
        led     VERB  VBD relcl    0 O lead
        Harbour PROPN NNP compound 5 B-ORG
        Police  PROPN NNP dobj     3 I-ORG
        from    ADP   IN  prep     3
        2009    NUM   CD  pobj     6 B-DATE
        to      ADP   IN  prep     6
        2013    NUM   CD  pobj     8 B-DATE
        ,       PUNCT ,   punct    0
        spoke   VERB  VBD ROOT     11 O speak
        .       PUNCT .   punct    11
    """)
    _, people = with_posts(doc)
    assert [(p.organization, p.current, p.started, p.ended) for p in people["Roe"].posts] == [("Harbour Police", False, "2009", "2013")]


def test_a_party_before_the_title_or_in_an_appositive_is_a_membership(vocab):
    # "Democratic Rep. Jane Doe met Sen. John Roe, a Republican from Ohio."
    chart = OrgChart({"r": Body("r", "Republican Party", ("Republican",), party=True),
                      "d": Body("d", "Democratic Party", ("Democratic",), party=True),
                      "s": Body("s", "Senate", member_titles=("Senator",)),
                      "h": Body("h", "House of Representatives", member_titles=("Representative",))})
    doc = parsed(vocab, """
        Democratic ADJ   JJ  amod     1 B-NORP
        Rep.       PROPN NNP compound 3
        Jane       PROPN NNP compound 3 B-PERSON
        Doe        PROPN NNP nsubj    4 I-PERSON
        met        VERB  VBD ROOT     4 O meet
        Sen.       PROPN NNP compound 7
        John       PROPN NNP compound 7 B-PERSON
        Roe        PROPN NNP dobj     4 I-PERSON
        ,          PUNCT ,   punct    7
        a          DET   DT  det      10
        Republican PROPN NNP appos    7 B-NORP
        from       ADP   IN  prep     10
        Ohio       PROPN NNP pobj     11 B-GPE
        .          PUNCT .   punct    4
    """)
    entities, people = with_posts(doc, chart)
    assert [(p.title, p.organization, p.party) for p in people["Jane Doe"].posts] == [
        ("Representative", "House of Representatives", "Democratic Party")]
    assert [(m.organization, m.place) for m in people["John Roe"].memberships] == [("Republican Party", "Ohio")]
    assert [(p.title, p.organization, p.place) for p in people["John Roe"].posts] == [("Senator", "Senate", "Ohio")]


def test_a_title_names_the_chart_body_whose_head_has_it(vocab):
    # "Transportation Secretary Jane Doe and Home Secretary John Roe met Secretary Ann Poe."
    chart = OrgChart({"t": Body("t", "Department of Transportation", ("Transportation Department",), None, "Secretary"),
                      "h": Body("h", "Home Office", (), None, "Home Secretary")})
    doc = parsed(vocab, """
        Transportation PROPN NNP compound 1
        Secretary PROPN NNP compound 3
        Jane      PROPN NNP compound 3 B-PERSON
        Doe       PROPN NNP nsubj    9 I-PERSON
        and       CCONJ CC  cc       3
        Home      PROPN NNP compound 6
        Secretary PROPN NNP compound 8
        John      PROPN NNP compound 8 B-PERSON
        Roe       PROPN NNP conj     3 I-PERSON
        met       VERB  VBD ROOT     9 O meet
        Secretary PROPN NNP compound 12
        Ann       PROPN NNP compound 12 B-PERSON
        Poe       PROPN NNP dobj     9 I-PERSON
        .         PUNCT .   punct    9
    """)
    _, people = with_posts(doc, chart)
    assert {label: [(p.title, p.organization, p.in_chart) for p in e.posts] for label, e in people.items()} == {
        "Jane Doe": [("Transportation Secretary", "Department of Transportation", True)],
        "John Roe": [("Home Secretary", "Home Office", True)],
        "Ann Poe": [("Secretary", None, False)]}  # a generic title alone names no body


def test_his_deputy_is_deputy_in_the_body_of_the_one_whose_deputy_he_is(vocab):
    # "Attorney General Jane Doe thanked Doe's deputy John Roe." -> Roe reports to Doe
    from govgraph.reason import derive_reports_to

    chart = OrgChart({"j": Body("j", "Department of Justice", ("Justice Department",), None, "Attorney General")})
    doc = parsed(vocab, """
        Attorney PROPN NNP compound 1
        General  PROPN NNP compound 3
        Jane     PROPN NNP compound 3 B-PERSON
        Doe      PROPN NNP nsubj    4 I-PERSON
        thanked  VERB  VBD ROOT     4 O thank
        Doe      PROPN NNP poss     9 B-PERSON
        's       PART  POS case     5
        deputy   NOUN  NN  compound 9
        John     PROPN NNP compound 9 B-PERSON
        Roe      PROPN NNP dobj     4 I-PERSON
        .        PUNCT .   punct    4
    """)
    entities, people = with_posts(doc, chart)
    assert [(p.title, p.organization) for p in people["John Roe"].posts] == [("Deputy", "Department of Justice")]
    (reports,) = derive_reports_to(entities, (), chart)
    assert (reports.subject.label, reports.object.label) == ("John Roe", "Jane Doe")


def test_a_description_names_the_one_the_story_gives_the_post(vocab):
    # "Senator Doe spoke. The senator, who lost his seat, left." - a pronoun in the description's
    # relative clause does not stop it naming Senator Doe
    doc = parsed(vocab, """
        Senator PROPN NNP compound 1
        Doe     PROPN NNP nsubj    2 B-PERSON
        spoke   VERB  VBD ROOT     2 O speak
        .       PUNCT .   punct    2
        The     DET   DT  det      5
        senator NOUN  NN  nsubj    12
        ,       PUNCT ,   punct    5
        who     PRON  WP  nsubj    8
        lost    VERB  VBD relcl    5 O lose
        his     PRON  PRP$ poss    10
        seat    NOUN  NN  dobj     8
        ,       PUNCT ,   punct    5
        left    VERB  VBD ROOT     12 O leave
        .       PUNCT .   punct    12
    """)
    (doe,) = [e for e in described(doc) if e.kind == "Person"]
    assert "The senator" in [m.text for m in doe.mentions]
    assert [(p.title, p.current) for p in doe.posts] == [("Senator", True)]


def test_a_party_anywhere_in_the_words_before_a_name_is_a_membership_and_no_further(vocab):
    # "Republican vice presidential nominee Sen. John Roe met Doe's Democratic rival Ann Poe and
    # anti-Labour campaigner Jane Doe."
    chart = OrgChart({"r": Body("r", "Republican Party", ("Republican",), party=True),
                      "d": Body("d", "Democratic Party", ("Democratic",), party=True),
                      "l": Body("l", "Labour Party", ("Labour",), party=True),
                      "s": Body("s", "Senate", member_titles=("Senator",))})
    doc = parsed(vocab, """
        Republican   ADJ   JJ  amod     3 B-NORP
        vice         ADJ   JJ  amod     3
        presidential ADJ   JJ  amod     3
        nominee      NOUN  NN  compound 6
        Sen.         PROPN NNP compound 6
        John         PROPN NNP compound 6 B-PERSON
        Roe          PROPN NNP nsubj    7 I-PERSON
        met          VERB  VBD ROOT     7 O meet
        Doe          PROPN NNP poss     11 B-PERSON
        's           PART  POS case     8
        Democratic   ADJ   JJ  amod     11 B-NORP
        rival        NOUN  NN  compound 13
        Ann          PROPN NNP compound 13 B-PERSON
        Poe          PROPN NNP dobj     7 I-PERSON
        and          CCONJ CC  cc       13
        anti         ADJ   JJ  amod     18
        -            PUNCT HYPH punct   15
        Labour       PROPN NNP amod     18 B-ORG
        campaigner   NOUN  NN  compound 20
        Jane         PROPN NNP compound 20 B-PERSON
        Doe          PROPN NNP conj     13 I-PERSON
        .            PUNCT .   punct    7
    """)
    _, people = with_posts(doc, chart)
    members = {label: [m.organization for m in person.memberships] for label, person in people.items()}
    assert members == {"John Roe": ["Republican Party"], "Ann Poe": ["Democratic Party"], "Jane Doe": []}


PARTIES = OrgChart({"r": Body("r", "Republican Party", ("Republican", "Republicans"), party=True),
                    "d": Body("d", "Democratic Party", ("Democratic", "Democrat", "Democrats"), party=True),
                    "c": Body("c", "Conservative Party", ("Tory",), party=True)})


def memberships_of(doc, chart=PARTIES):
    _, people = with_posts(doc, chart)
    return {label: sorted(m.organization for m in e.memberships) for label, e in people.items()}


def test_a_party_adjective_in_the_phrase_a_name_is_set_beside_is_a_membership(vocab):
    # "Video of Republican vice presidential nominee Jane Doe surfaced." / "... the first Democrat event John Roe held"
    assert memberships_of(parsed(vocab, """
        Video        NOUN  NN  nsubj    8
        of           ADP   IN  prep     0
        Republican   ADJ   JJ  amod     5 B-NORP
        vice         NOUN  NN  nmod     5
        presidential ADJ   JJ  amod     5
        nominee      NOUN  NN  pobj     1
        Jane         PROPN NNP compound 7 B-PERSON
        Doe          PROPN NNP appos    5 I-PERSON
        surfaced     VERB  VBD ROOT     8 O surface
        .            PUNCT .   punct    8
    """)) == {"Jane Doe": ["Republican Party"]}
    assert memberships_of(parsed(vocab, """
        It           PRON  PRP nsubj    1
        was          AUX   VBD ROOT     1 O be
        the          DET   DT  det      5
        first        ADJ   JJ  amod     5
        Democrat     PROPN NNP compound 5 B-NORP
        event        NOUN  NN  attr     1
        John         PROPN NNP compound 7 B-PERSON
        Roe          PROPN NNP appos    5 I-PERSON
        held         VERB  VBD acl      5 O hold
        .            PUNCT .   punct    1
    """)) == {"John Roe": []}


def test_a_party_word_the_model_took_into_a_name_is_a_membership(vocab):
    # "Tory Dominic Grieve objected."
    assert memberships_of(parsed(vocab, """
        Tory      PROPN NNP compound 2 B-PERSON
        Dominic   PROPN NNP compound 2 I-PERSON
        Grieve    PROPN NNP nsubj    3 I-PERSON
        objected  VERB  VBD ROOT     3 O object
        .         PUNCT .   punct    3
    """)) == {"Dominic Grieve": ["Conservative Party"]}


def test_a_partys_prospective_member_of_parliament_is_in_the_party(vocab):
    # "Doe, a prospective Tory MP, spoke." - no seat yet, but the party's candidate
    doc = parsed(vocab, """
        Doe         PROPN NNP nsubj    6 B-PERSON
        ,           PUNCT ,   punct    0
        a           DET   DT  det      5
        prospective ADJ   JJ  amod     5
        Tory        PROPN NNP compound 5 B-ORG
        MP          PROPN NNP appos    0
        spoke       VERB  VBD ROOT     6 O speak
        .           PUNCT .   punct    6
    """)
    assert posts_of(doc, PARTIES) == {"Doe": []}
    assert memberships_of(doc) == {"Doe": ["Conservative Party"]}


def test_a_partys_office_holder_named_with_a_postnominal_holds_the_office_of_the_body_named_after(vocab):
    # "Jane Doe MP , Tory 's secretary to the Home Office , spoke ." - the name is parsed into its
    # postnominal title; the post is the Home Office's, the party says whose member holds it
    chart = OrgChart({"h": Body("h", "Home Office", (), None, "Home Secretary"),
                      "c": Body("c", "Conservative Party", ("Tory",), party=True)})
    doc = parsed(vocab, """
        Jane      PROPN NNP compound 2 B-PERSON
        Doe       PROPN NNP compound 2 I-PERSON
        MP        PROPN NNP nsubj    13
        ,         PUNCT ,   punct    2
        Tory      PROPN NNP poss     6 B-ORG
        's        PART  POS case     4
        secretary NOUN  NN  appos    2
        to        ADP   IN  prep     6
        the       DET   DT  det      10
        Home      PROPN NNP compound 10 B-ORG
        Office    PROPN NNP pobj     7 I-ORG
        ,         PUNCT ,   punct    2
        spoke     VERB  VBD ROOT     13 O speak
        .         PUNCT .   punct    13
    """)
    assert ("Secretary", "Home Office", True) in posts_of(doc, chart)["Jane Doe"]
    assert memberships_of(doc, chart) == {"Jane Doe": ["Conservative Party"]}


def test_a_partys_possessive_reaches_a_name_past_its_honorific(vocab):
    # "Tory 's Mr Roe objected." - the possessive party, then the form of address, then the name
    assert memberships_of(parsed(vocab, """
        Tory      PROPN NNP poss     3 B-ORG
        's        PART  POS case     0
        Mr        PROPN NNP compound 3
        Roe       PROPN NNP nsubj    4 B-PERSON
        objected  VERB  VBD ROOT     4 O object
        .         PUNCT .   punct    4
    """)) == {"Roe": ["Conservative Party"]}


def test_a_plural_party_appositive_makes_each_listed_name_a_member(vocab):
    # "Jane Doe and John Roe, the top two Democrats, agreed." - and no one outside the list
    doc = parsed(vocab, """
        Mary     PROPN NNP nsubj    1 B-PERSON
        said     VERB  VBD ROOT     1 O say
        Jane     PROPN NNP compound 3 B-PERSON
        Doe      PROPN NNP nsubj    13 I-PERSON
        and      CCONJ CC  cc       3
        John     PROPN NNP compound 6 B-PERSON
        Roe      PROPN NNP conj     3 I-PERSON
        ,        PUNCT ,   punct    3
        the      DET   DT  det      11
        top      ADJ   JJ  amod     11
        two      NUM   CD  nummod   11 B-CARDINAL
        Democrats PROPN NNPS appos  3 B-NORP
        ,        PUNCT ,   punct    3
        agreed   VERB  VBD ccomp    1 O agree
        .        PUNCT .   punct    1
    """)
    assert memberships_of(doc) == {"Mary": [], "Jane Doe": ["Democratic Party"], "John Roe": ["Democratic Party"]}


def test_a_party_member_described_by_place_is_the_subject_before(vocab):
    # "Jane Doe spoke. Roe left. 'It was good,' the California Democrat said." - Roe, the last subject
    doc = parsed(vocab, """
        Jane       PROPN NNP compound 1 B-PERSON
        Doe        PROPN NNP nsubj    2 I-PERSON
        spoke      VERB  VBD ROOT     2 O speak
        .          PUNCT .   punct    2
        John       PROPN NNP compound 5 B-PERSON
        Roe        PROPN NNP nsubj    6 I-PERSON
        left       VERB  VBD ROOT     6 O leave
        .          PUNCT .   punct    6
        It         PRON  PRP nsubj    9
        was        AUX   VBD ccomp    15 O be
        good       ADJ   JJ  acomp    9
        ,          PUNCT ,   punct    15
        the        DET   DT  det      14
        California PROPN NNP compound 14 B-GPE
        Democrat   PROPN NNP nsubj    15 B-NORP
        said       VERB  VBD ROOT     15 O say
        .          PUNCT .   punct    15
    """)
    _, people = with_posts(doc, PARTIES)
    assert [(m.organization, m.place) for m in people["John Roe"].memberships] == [("Democratic Party", "California")]
    assert people["Jane Doe"].memberships == []
    assert "the California Democrat" in [m.text for m in people["John Roe"].mentions]


def test_the_party_by_its_name_describes_no_member(vocab):
    # "Jane Doe spoke. The GOP objected." - the party itself, not one of its members
    chart = OrgChart({"r": Body("r", "Republican Party", ("GOP",), party=True)})
    assert memberships_of(parsed(vocab, """
        Jane      PROPN NNP compound 1 B-PERSON
        Doe       PROPN NNP nsubj    2 I-PERSON
        spoke     VERB  VBD ROOT     2 O speak
        .         PUNCT .   punct    2
        The       DET   DT  det      5
        GOP       PROPN NNP nsubj    6 B-ORG
        objected  VERB  VBD ROOT     6 O object
        .         PUNCT .   punct    6
    """), chart) == {"Jane Doe": []}


NATIONS = OrgChart({"us": Body("us", "United States Government", head_title="President", deputy_title="Vice President",
                               jurisdiction=("United States", "U.S.")),
                    "ep": Body("ep", "European Parliament", head_title="President", jurisdiction=("EU",)),
                    "j": Body("j", "Department of Justice", parent="us", head_title="Attorney General")})


def test_a_title_of_several_countries_names_the_body_of_the_country_the_story_names(vocab):
    # "President Jane Doe met French President John Roe and Ohio Attorney General Ann Poe in the U.S."
    doc = parsed(vocab, """
        President   PROPN NNP compound 2
        Jane        PROPN NNP compound 2 B-PERSON
        Doe         PROPN NNP nsubj    3 I-PERSON
        met         VERB  VBD ROOT     3 O meet
        French      ADJ   JJ  amod     5 B-NORP
        President   PROPN NNP compound 7
        John        PROPN NNP compound 7 B-PERSON
        Roe         PROPN NNP dobj     3 I-PERSON
        and         CCONJ CC  cc       7
        Ohio        PROPN NNP compound 11 B-GPE
        Attorney    PROPN NNP compound 11
        General     PROPN NNP compound 13
        Ann         PROPN NNP compound 13 B-PERSON
        Poe         PROPN NNP conj     7 I-PERSON
        in          ADP   IN  prep     3
        the         DET   DT  det      16
        U.S.        PROPN NNP pobj     14 B-GPE
        .           PUNCT .   punct    3
    """)
    assert posts_of(doc, NATIONS) == {"Jane Doe": [("President", "United States Government", True)],
                                      "John Roe": [("President", None, True)],
                                      "Ann Poe": [("Attorney General", "Ohio", True)]}


def test_a_title_of_several_countries_names_no_body_when_the_story_names_no_country(vocab):
    # "President Jane Doe spoke."
    assert posts_of(parsed(vocab, """
        President   PROPN NNP compound 2
        Jane        PROPN NNP compound 2 B-PERSON
        Doe         PROPN NNP nsubj    3 I-PERSON
        spoke       VERB  VBD ROOT     3 O speak
        .           PUNCT .   punct    3
    """), NATIONS) == {"Jane Doe": [("President", None, True)]}


def test_a_post_the_chart_placed_once_is_one_post_with_its_other_mentions(vocab):
    # "President Jane Doe spoke in the U.S. Doe was president before." - one post, held before
    doc = parsed(vocab, """
        President   PROPN NNP compound 2
        Jane        PROPN NNP compound 2 B-PERSON
        Doe         PROPN NNP nsubj    3 I-PERSON
        spoke       VERB  VBD ROOT     3 O speak
        in          ADP   IN  prep     3
        the         DET   DT  det      6
        U.S.        PROPN NNP pobj     4 B-GPE
        .           PUNCT .   punct    3
        Doe         PROPN NNP nsubj    9 B-PERSON
        was         AUX   VBD ROOT     9 O be
        president   NOUN  NN  attr     9
        before      ADV   RB  advmod   9
        .           PUNCT .   punct    9
    """)
    assert posts_of(doc, NATIONS) == {"Jane Doe": [("President", "United States Government", False)]}


def test_a_title_and_name_quoted_whole_are_words_mentioned_not_a_post(vocab):
    # 'Roe called Jane Doe “President John Smith”.'
    doc = parsed(vocab, """
        Roe        PROPN NNP nsubj    1 B-PERSON
        called     VERB  VBD ROOT     1 O call
        Jane       PROPN NNP compound 3 B-PERSON
        Doe        PROPN NNP dobj     1 I-PERSON
        \u201c     PUNCT ``  punct    7
        President  PROPN NNP compound 7
        John       PROPN NNP compound 7 B-PERSON
        Smith      PROPN NNP oprd     1 I-PERSON
        \u201d     PUNCT ''  punct    7
        .          PUNCT .   punct    1
    """)
    assert posts_of(doc)["John Smith"] == []


def test_a_title_and_name_quoted_whole_with_the_full_stop_inside_are_words_mentioned(vocab):
    # 'Roe called Jane Doe “President John Smith.”' (American style closes the quote after the stop)
    doc = parsed(vocab, """
        Roe        PROPN NNP nsubj    1 B-PERSON
        called     VERB  VBD ROOT     1 O call
        Jane       PROPN NNP compound 3 B-PERSON
        Doe        PROPN NNP dobj     1 I-PERSON
        \u201c     PUNCT ``  punct    7
        President  PROPN NNP compound 7
        John       PROPN NNP compound 7 B-PERSON
        Smith      PROPN NNP oprd     1 I-PERSON
        .          PUNCT .   punct    1
        \u201d     PUNCT ''  punct    1
    """)
    assert posts_of(doc)["John Smith"] == []


def test_a_members_title_after_the_name_is_a_seat_and_no_part_of_the_name(vocab):
    # "Margaret Moran MP resigned."
    chart = OrgChart({"c": Body("c", "House of Commons", member_titles=("MP",))})
    doc = parsed(vocab, """
        Margaret  PROPN NNP compound 1 B-PERSON
        Moran     PROPN NNP nsubj    3 I-PERSON
        MP        PROPN NNP appos    1 I-PERSON
        resigned  VERB  VBD ROOT     3 O resign
        .         PUNCT .   punct    3
    """)
    assert posts_of(doc, chart) == {"Margaret Moran": [("MP", "House of Commons", True)]}


def test_one_of_a_partys_people_is_a_member(vocab):
    # "Jane Doe is one of the Democratic lawmakers." / "... one of the lawmakers" says no party
    def members(modifier):
        return memberships_of(parsed(vocab, f"""
            Jane       PROPN NNP compound 1 B-PERSON
            Doe        PROPN NNP nsubj    2 I-PERSON
            is         AUX   VBZ ROOT     2 O be
            one        NUM   CD  attr     2
            of         ADP   IN  prep     3
            the        DET   DT  det      7
            {modifier} ADJ   JJ  amod     7 {'B-NORP' if modifier == 'Democratic' else 'O'}
            lawmakers  NOUN  NNS pobj     4 O lawmaker
            .          PUNCT .   punct    2
        """))
    assert members("Democratic") == {"Jane Doe": ["Democratic Party"]}
    assert members("senior") == {"Jane Doe": []}


def test_a_partys_people_including_named_ones_make_each_a_member(vocab):
    # "Attacks came from Republicans, including Jane Doe and John Roe."
    doc = parsed(vocab, """
        Attacks     NOUN  NNS  nsubj    1 O attack
        came        VERB  VBD  ROOT     1 O come
        from        ADP   IN   prep     1
        Republicans PROPN NNPS pobj     2 B-NORP
        ,           PUNCT ,    punct    3
        including   VERB  VBG  prep     3
        Jane        PROPN NNP  compound 7 B-PERSON
        Doe         PROPN NNP  pobj     5 I-PERSON
        and         CCONJ CC   cc       7
        John        PROPN NNP  compound 10 B-PERSON
        Roe         PROPN NNP  conj     7 I-PERSON
        .           PUNCT .    punct    1
    """)
    assert memberships_of(doc) == {"Jane Doe": ["Republican Party"], "John Roe": ["Republican Party"]}


def test_who_wins_a_partys_nomination_is_its_member(vocab):
    # "Jane Doe won the Republican nomination." / "Jane Doe opposed the Republican nomination."
    def members(verb):
        return memberships_of(parsed(vocab, f"""
            Jane       PROPN NNP compound 1 B-PERSON
            Doe        PROPN NNP nsubj    2 I-PERSON
            {verb}     VERB  VBD ROOT     2 O {'win' if verb == 'won' else 'oppose'}
            the        DET   DT  det      5
            Republican ADJ   JJ  amod     5 B-NORP
            nomination NOUN  NN  dobj     2
            .          PUNCT .   punct    2
        """))
    assert members("won") == {"Jane Doe": ["Republican Party"]}
    assert members("opposed") == {"Jane Doe": []}


def test_a_country_before_a_members_title_is_no_body(vocab):
    # "United States Representative Jane Doe spoke." (the model tags the country ORG) with the
    # published charts: a seat in the House
    from govgraph.rules import load_orgchart

    doc = parsed(vocab, """
        United         PROPN NNP compound 1 B-ORG
        States         PROPN NNP compound 2 I-ORG
        Representative PROPN NNP compound 4
        Jane           PROPN NNP compound 4 B-PERSON
        Doe            PROPN NNP nsubj    5 I-PERSON
        spoke          VERB  VBD ROOT     5 O speak
        .              PUNCT .   punct    5
    """)
    assert posts_of(doc, load_orgchart()) == {"Jane Doe": [("Representative", "House of Representatives", True)]}


def test_a_partys_nominee_or_candidate_is_its_member(vocab):
    # "Jane Doe, the Republican nominee, spoke." / "..., the major party nominee, ..." (no party named)
    def members(modifier, pos, tag, ent):
        return memberships_of(parsed(vocab, f"""
            Jane       PROPN NNP compound 1 B-PERSON
            Doe        PROPN NNP nsubj    7 I-PERSON
            ,          PUNCT ,   punct    1
            the        DET   DT  det      5
            {modifier} {pos} {tag} {'amod' if pos == 'ADJ' else 'compound'} 5 {ent}
            nominee    NOUN  NN  appos    1
            ,          PUNCT ,   punct    1
            spoke      VERB  VBD ROOT     7 O speak
            .          PUNCT .   punct    7
        """))
    assert members("Republican", "ADJ", "JJ", "B-NORP") == {"Jane Doe": ["Republican Party"]}
    assert members("party", "NOUN", "NN", "O") == {"Jane Doe": []}


def test_who_is_endorsed_or_runs_for_a_partys_nomination_is_its_member(vocab):
    # "Roe endorsed Jane Doe for the Democratic nomination."
    doc = parsed(vocab, """
        Roe        PROPN NNP nsubj    1 B-PERSON
        endorsed   VERB  VBD ROOT     1 O endorse
        Jane       PROPN NNP compound 3 B-PERSON
        Doe        PROPN NNP dobj     1 I-PERSON
        for        ADP   IN  prep     1
        the        DET   DT  det      7
        Democratic ADJ   JJ  amod     7 B-NORP
        nomination NOUN  NN  pobj     4
        .          PUNCT .   punct    1
    """)
    assert memberships_of(doc) == {"Roe": [], "Jane Doe": ["Democratic Party"]}


def test_a_party_of_another_country_in_the_published_charts_is_a_membership(vocab):
    # "Likud lawmaker Jane Doe spoke." with ontology/orgcharts/ as shipped (parties.ttl)
    from govgraph.rules import load_orgchart

    doc = parsed(vocab, """
        Likud    PROPN NNP compound 1 B-ORG
        lawmaker NOUN  NN  compound 3
        Jane     PROPN NNP compound 3 B-PERSON
        Doe      PROPN NNP nsubj    4 I-PERSON
        spoke    VERB  VBD ROOT     4 O speak
        .        PUNCT .   punct    4
    """)
    assert memberships_of(doc, load_orgchart()) == {"Jane Doe": ["Likud"]}


def test_a_title_of_a_place_or_portfolio_just_before_the_name_is_a_post(vocab):
    # "Governor of Virginia Terry Roe spoke." / "Governor of Finance Terry Roe spoke." (as parsed)
    def posts(what, entity):
        return posts_of(parsed(vocab, f"""
            Governor PROPN NNP nmod     4
            of       ADP   IN  prep     0
            {what}   PROPN NNP pobj     1 {entity}
            Terry    PROPN NNP compound 4 B-PERSON
            Roe      PROPN NNP nsubj    5 I-PERSON
            spoke    VERB  VBD ROOT     5 O speak
            .        PUNCT .   punct    5
        """))
    assert posts("Virginia", "B-GPE") == {"Terry Roe": [("Governor", "Virginia", True)]}
    assert posts("Finance", "O") == {"Terry Roe": [("Governor of Finance", None, True)]}


def test_a_title_the_parser_hangs_on_the_body_in_an_appositive_is_a_post_there(vocab):
    # "Sean Roe, the Teamsters Union president, spoke."
    _, people = with_posts(parsed(vocab, """
        Sean      PROPN NNP compound 1 B-PERSON
        Roe       PROPN NNP nsubj    8 I-PERSON
        ,         PUNCT ,   punct    1
        the       DET   DT  det      5 B-ORG
        Teamsters PROPN NNP compound 5 I-ORG
        Union     PROPN NNP appos    1 I-ORG
        president NOUN  NN  appos    5
        ,         PUNCT ,   punct    1
        spoke     VERB  VBD ROOT     8 O speak
        .         PUNCT .   punct    8
    """))
    assert [(p.title, p.organization) for p in people["Sean Roe"].posts] == [("President", "Teamsters Union")]


def test_a_body_that_calls_a_person_its_own_employs_them_and_a_party_or_country_does_not(vocab):
    def posts_after(owner, entity):
        # "The {owner}'s Jane Doe said so."
        _, people = with_posts(parsed(vocab, f"""
            The     DET   DT  det      1
            {owner} PROPN NNP poss     4 B-{entity}
            's      PART  POS case     1
            Jane    PROPN NNP compound 4 B-PERSON
            Doe     PROPN NNP nsubj    5 I-PERSON
            said    VERB  VBD ROOT     5 O say
            so      ADV   RB  advmod   5
            .       PUNCT .   punct    5
        """), PARTIES)
        doe = people["Jane Doe"]
        return [(p.title, p.organization, p.current) for p in doe.posts], [m.party for m in doe.memberships]

    assert posts_after("BBC", "ORG") == ([("Staff", "BBC", True)], [])
    assert posts_after("Tory", "ORG") == ([], ["Conservative Party"])
    assert posts_after("Britain", "GPE") == ([], [])


def test_a_lower_case_title_before_an_honorific_is_the_post_and_a_portfolio_may_be_lower_case(vocab):
    # "Former host Mr Doe said so." - "host" describes, "Mr" addresses
    assert posts_of(parsed(vocab, """
        Former ADJ   JJ  amod     1
        host   NOUN  NN  compound 3
        Mr     PROPN NNP compound 3
        Doe    PROPN NNP nsubj    4 B-PERSON
        said   VERB  VBD ROOT     4 O say
        so     ADV   RB  advmod   4
        .      PUNCT .   punct    4
    """)) == {"Doe": [("Host", None, False)]}
    # "Ex-chief inspector of schools Jane Doe said so."
    assert posts_of(parsed(vocab, """
        Ex        ADJ   JJ  amod     3
        -         PUNCT HYPH punct   3
        chief     ADJ   JJ  amod     3
        inspector NOUN  NN  nsubj    8
        of        ADP   IN  prep     3
        schools   NOUN  NNS pobj     4
        Jane      PROPN NNP compound 7 B-PERSON
        Doe       PROPN NNP appos    3 I-PERSON
        said      VERB  VBD ROOT     8 O say
        so        ADV   RB  advmod   8
        .         PUNCT .   punct    8
    """, glued=frozenset({0, 1}))) == {"Jane Doe": [("Inspector of schools", None, False)]}


def test_who_contests_a_partys_primary_or_bids_for_its_nomination_is_its_member(vocab):
    # "Jane Doe entered the Republican primary." / "Jane Doe watched the Republican primary."
    def entered(verb, lemma):
        return memberships_of(parsed(vocab, f"""
            Jane       PROPN NNP compound 1 B-PERSON
            Doe        PROPN NNP nsubj    2 I-PERSON
            {verb}     VERB  VBD ROOT     2 O {lemma}
            the        DET   DT  det      5
            Republican ADJ   JJ  amod     5 B-NORP
            primary    NOUN  NN  dobj     2
            .          PUNCT .   punct    2
        """))
    assert entered("entered", "enter") == {"Jane Doe": ["Republican Party"]}
    assert entered("watched", "watch") == {"Jane Doe": []}
    # "The push by Jane Doe for the Democratic nomination surprised Roe."
    assert memberships_of(parsed(vocab, """
        The        DET   DT  det      1
        push       NOUN  NN  nsubj    9
        by         ADP   IN  prep     1
        Jane       PROPN NNP compound 4 B-PERSON
        Doe        PROPN NNP pobj     2 I-PERSON
        for        ADP   IN  prep     1
        the        DET   DT  det      8
        Democratic ADJ   JJ  amod     8 B-NORP
        nomination NOUN  NN  pobj     5
        surprised  VERB  VBD ROOT     9 O surprise
        Roe        PROPN NNP dobj     9 B-PERSON
        .          PUNCT .   punct    9
    """)) == {"Jane Doe": ["Democratic Party"], "Roe": []}
    # "The endorsement propelled Jane Doe to victory in a Republican primary."
    assert memberships_of(parsed(vocab, """
        The         DET   DT  det      1
        endorsement NOUN  NN  nsubj    2
        propelled   VERB  VBD ROOT     2 O propel
        Jane        PROPN NNP compound 4 B-PERSON
        Doe         PROPN NNP dobj     2 I-PERSON
        to          ADP   IN  prep     2
        victory     NOUN  NN  pobj     5
        in          ADP   IN  prep     6
        a           DET   DT  det      10
        Republican  ADJ   JJ  amod     10 B-NORP
        primary     NOUN  NN  pobj     7
        .           PUNCT .   punct    2
    """)) == {"Jane Doe": ["Republican Party"]}


def test_a_nominee_made_in_a_clause_of_its_own_is_the_partys_member(vocab):
    # "Votes made Jane Doe the Democratic nominee." parsed as "made [Jane Doe the ... nominee]"
    assert memberships_of(parsed(vocab, """
        Votes      NOUN  NNS nsubj    1
        made       VERB  VBD ROOT     1 O make
        Jane       PROPN NNP compound 3 B-PERSON
        Doe        PROPN NNP nsubj    6 I-PERSON
        the        DET   DT  det      6
        Democratic ADJ   JJ  amod     6 B-NORP
        nominee    NOUN  NN  ccomp    1
        .          PUNCT .   punct    1
    """)) == {"Jane Doe": ["Democratic Party"]}


def test_a_capacity_set_before_the_subject_is_its_post(vocab):
    # "As chancellor , Doe spoke ." / "As usual , Doe spoke ." (no title, no post)
    def posts(word, pos, tag):
        return posts_of(parsed(vocab, f"""
            As     ADP   IN  prep  4
            {word} {pos} {tag} pobj 0
            ,      PUNCT ,   punct 4
            Doe    PROPN NNP nsubj 4 B-PERSON
            spoke  VERB  VBD ROOT  4 O speak
            .      PUNCT .   punct 4
        """))

    assert posts("chancellor", "NOUN", "NN") == {"Doe": [("Chancellor", None, True)]}
    assert posts("usual", "ADJ", "JJ") == {"Doe": []}


def test_a_title_of_a_described_body_just_before_the_name_is_a_post_there(vocab):
    # "The head of the troubled Child Agency Ann Lee left."
    assert posts_of(parsed(vocab, """
        The      DET   DT  det      1
        head     NOUN  NN  nsubj    9
        of       ADP   IN  prep     1
        the      DET   DT  det      8
        troubled ADJ   JJ  amod     6
        Child    PROPN NNP compound 6 B-ORG
        Agency   PROPN NNP compound 8 I-ORG
        Ann      PROPN NNP compound 8 B-PERSON
        Lee      PROPN NNP pobj     2 I-PERSON
        left     VERB  VBD ROOT     9 O leave
        .        PUNCT .   punct    9
    """)) == {"Ann Lee": [("Head", "Child Agency", True)]}
    # "The head of the new Ann Lee left.": an adjective alone names no body or portfolio
    assert posts_of(parsed(vocab, """
        The      DET   DT  det      1
        head     NOUN  NN  nsubj    7
        of       ADP   IN  prep     1
        the      DET   DT  det      6
        new      ADJ   JJ  amod     6
        Ann      PROPN NNP compound 6 B-PERSON
        Lee      PROPN NNP pobj     2 I-PERSON
        left     VERB  VBD ROOT     7 O leave
        .        PUNCT .   punct    7
    """)) == {"Ann Lee": []}


def test_a_party_further_out_than_the_body_before_a_title_is_the_holders_party(vocab):
    # "Tory home affairs committee chairman Ann Lee spoke." (the model hangs the party anywhere)
    doc = parsed(vocab, """
        Tory      PROPN NNP npadvmod 8 B-NORP
        home      NOUN  NN  compound 2
        affairs   NOUN  NN  compound 3
        committee NOUN  NN  compound 4
        chairman  NOUN  NN  compound 6
        Ann       PROPN NNP compound 6 B-PERSON
        Lee       PROPN NNP nsubj    7 I-PERSON
        spoke     VERB  VBD ROOT     7 O speak
        .         PUNCT .   punct    7
    """)
    _, people = with_posts(doc, PARTIES)
    (person,) = people.values()
    assert [(p.title, p.organization) for p in person.posts] == [("Chairman", "home affairs committee")]
    assert [m.organization for m in person.memberships] == ["Conservative Party"]


@pytest.mark.parametrize("verb, tag, aux, expected", [
    ("served", "VBD", None, [("Senator", "Senate", False)]),  # a seat held
    ("serves", "VBZ", None, [("Senator", "Senate", True)]),  # a seat held now
    ("serve", "VB", "would", []),  # a seat that may be
    ("sat", "VBD", "never", []),  # a seat never held
])
def test_who_serves_or_sits_in_a_body_has_a_seat_there_titled_as_the_chart_titles_members(vocab, verb, tag, aux, expected):
    # "Ann Lee served in the Senate."
    chart = OrgChart({"s": Body("s", "Senate", member_titles=("Senator",))})
    aux_row = f"{aux} {'AUX MD aux' if aux == 'would' else 'ADV RB neg'} 3" if aux else ""
    at = 3 if aux else 2
    doc = parsed(vocab, f"""
        Ann    PROPN NNP compound 1 B-PERSON
        Lee    PROPN NNP nsubj    {at}
        {aux_row}
        {verb} VERB  {tag} ROOT   {at} O {'sit' if verb == 'sat' else 'serve'}
        in     ADP   IN  prep     {at}
        the    DET   DT  det      {at + 3}
        Senate PROPN NNP pobj     {at + 1} B-ORG
        .      PUNCT .   punct    {at}
    """)
    assert posts_of(doc, chart) == {"Ann Lee": expected}


def test_a_member_of_a_body_whose_chart_gives_no_title_is_a_member(vocab):
    # "Ann Lee, who sits on the Transit Board, said."
    doc = parsed(vocab, """
        Ann     PROPN NNP compound 1 B-PERSON
        Lee     PROPN NNP nsubj    9
        ,       PUNCT ,   punct    1
        who     PRON  WP  nsubj    4
        sits    VERB  VBZ relcl    1 O sit
        on      ADP   IN  prep     4
        the     DET   DT  det      8
        Transit PROPN NNP compound 8 B-ORG
        Board   PROPN NNP pobj     5 I-ORG
        said    VERB  VBD ROOT     9 O say
        .       PUNCT .   punct    9
    """)
    assert posts_of(doc) == {"Ann Lee": [("Member", "Transit Board", True)]}


@pytest.mark.parametrize("aux, verb, expected", [
    ("", "nominated", ["Republican Party"]),  # "Republican delegates nominated Jane Doe."
    ("will AUX MD aux 3", "nominate", ["Republican Party"]),  # they will: she stands for the party
    ("should AUX MD aux 3", "nominate", []),  # they should: an opinion, not a nomination
])
def test_whom_a_partys_people_nominate_is_its_member(vocab, aux, verb, expected):
    at = 3 if aux else 2
    doc = parsed(vocab, f"""
        Republican ADJ   JJ  amod     1 B-NORP
        delegates  NOUN  NNS nsubj    {at}
        {aux}
        {verb}     VERB  {'VBD' if verb.endswith('d') else 'VB'} ROOT {at} O nominate
        Jane       PROPN NNP compound {at + 2} B-PERSON
        Doe        PROPN NNP dobj     {at} I-PERSON
        .          PUNCT .   punct    {at}
    """)
    assert memberships_of(doc) == {"Jane Doe": expected}


def test_a_title_to_a_body_and_a_title_for_a_portfolio_before_the_name_are_posts(vocab):
    # "Ann Lee, adviser to the Transit Authority, spoke."
    assert posts_of(parsed(vocab, """
        Ann       PROPN NNP compound 1 B-PERSON
        Lee       PROPN NNP nsubj    9 I-PERSON
        ,         PUNCT ,   punct    1
        adviser   NOUN  NN  appos    1
        to        ADP   IN  prep     3
        the       DET   DT  det      7
        Transit   PROPN NNP compound 7 B-ORG
        Authority PROPN NNP pobj     4 I-ORG
        ,         PUNCT ,   punct    1
        spoke     VERB  VBD ROOT     9 O speak
        .         PUNCT .   punct    9
    """)) == {"Ann Lee": [("Adviser", "Transit Authority", True)]}
    # "Minister for sport Ann Lee spoke." (as parsed: her name the object of "for")
    assert posts_of(parsed(vocab, """
        Minister PROPN NNP nsubj    5
        for      ADP   IN  prep     0
        sport    NOUN  NN  compound 4
        Ann      PROPN NNP compound 4 B-PERSON
        Lee      PROPN NNP pobj     1 I-PERSON
        spoke    VERB  VBD ROOT     5 O speak
        .        PUNCT .   punct    5
    """)) == {"Ann Lee": [("Minister for sport", None, True)]}


def test_campaign_posts_and_a_chief_of_staff_are_titles(vocab):
    # "Campaign manager Ann Lee spoke." / "Chief of staff Ann Lee spoke."
    def posts(words):
        rows = "\n".join(f"{w} NOUN NN compound {len(words) + 1}" for w in words)
        return posts_of(parsed(vocab, f"""
            {rows}
            Ann   PROPN NNP compound {len(words) + 1} B-PERSON
            Lee   PROPN NNP nsubj    {len(words) + 2} I-PERSON
            spoke VERB  VBD ROOT     {len(words) + 2} O speak
            .     PUNCT .   punct    {len(words) + 2}
        """))
    assert posts(["Campaign", "manager"]) == {"Ann Lee": [("Campaign Manager", None, True)]}
    assert posts(["Deputy", "campaign", "manager"]) == {"Ann Lee": [("Deputy Campaign Manager", None, True)]}


def test_a_title_for_a_person_takes_no_body_from_the_persons_words(vocab):
    # "Ann Lee, spokesperson for Republican Secretary John Roe, said." - his party is not her body
    doc = parsed(vocab, """
        Ann          PROPN NNP compound 1 B-PERSON
        Lee          PROPN NNP nsubj    10 I-PERSON
        ,            PUNCT ,   punct    1
        spokesperson NOUN  NN  appos    1
        for          ADP   IN  prep     3
        Republican   PROPN NNP compound 8 B-NORP
        Secretary    PROPN NNP compound 8
        John         PROPN NNP compound 8 B-PERSON
        Roe          PROPN NNP pobj     4 I-PERSON
        ,            PUNCT ,   punct    1
        said         VERB  VBD ROOT     10 O say
        .            PUNCT .   punct    10
    """)
    _, people = with_posts(doc, PARTIES)
    # her post (whose staff she is on says it is one) has no body, and she is in no party
    assert [(p.title, p.organization) for p in people["Ann Lee"].posts] == [("Spokesperson", None)]
    assert people["Ann Lee"].memberships == []
    assert [m.organization for m in people["John Roe"].memberships] == ["Republican Party"]


def test_a_party_phrase_set_off_beside_a_name_or_its_verb_is_a_membership(vocab):
    # "Jane Doe, for the Republicans, said so." - whom she speaks for
    assert memberships_of(parsed(vocab, """
        Jane        PROPN NNP  compound 1 B-PERSON
        Doe         PROPN NNP  nsubj    7 I-PERSON
        ,           PUNCT ,    punct    7
        for         ADP   IN   prep     7
        the         DET   DT   det      5
        Republicans PROPN NNPS pobj     3 B-NORP
        ,           PUNCT ,    punct    7
        said        VERB  VBD  ROOT     7 O say
        so          ADV   RB   advmod   7
        .           PUNCT .    punct    7
    """)) == {"Jane Doe": ["Republican Party"]}
    # "Jane Doe voted for the Republicans." - a vote says nothing of her party
    assert memberships_of(parsed(vocab, """
        Jane        PROPN NNP  compound 1 B-PERSON
        Doe         PROPN NNP  nsubj    2 I-PERSON
        voted       VERB  VBD  ROOT     2 O vote
        for         ADP   IN   prep     2
        the         DET   DT   det      5
        Republicans PROPN NNPS pobj     3 B-NORP
        .           PUNCT .    punct    2
    """)) == {"Jane Doe": []}


def test_a_partys_own_person_in_an_appositive_is_its_member(vocab):
    # "Jane Doe, Labour's election strategist, spoke." / "..., Labour's John Roe, spoke."
    def members(words):
        rows = "\n".join(words)
        return memberships_of(parsed(vocab, f"""
            Jane     PROPN NNP compound 1 B-PERSON
            Doe      PROPN NNP nsubj    8 I-PERSON
            ,        PUNCT ,   punct    1
            Labour   PROPN NNP poss     6 B-ORG
            's       PART  POS case     3
            {rows}
            ,        PUNCT ,   punct    1
            spoke    VERB  VBD ROOT     8 O speak
            .        PUNCT .   punct    8
        """), OrgChart({"l": Body("l", "Labour Party", ("Labour",), party=True)}))
    assert members(["election NOUN NN compound 6", "strategist NOUN NN appos 1"]) == {"Jane Doe": ["Labour Party"]}
    assert members(["John PROPN NNP compound 6 B-PERSON", "Roe PROPN NNP appos 1 I-PERSON"]) == \
        {"Jane Doe": [], "John Roe": ["Labour Party"]}


@pytest.mark.parametrize("mark", ["'", "'s"])
def test_an_owners_possessive_is_no_part_of_the_title_or_its_evidence(vocab, mark):
    # "Ann Lee' / Ann Lee's senior adviser Jane Doe spoke ."
    doc = parsed(vocab, f"""
        Ann      PROPN NNP compound 1 B-PERSON
        Lee      PROPN NNP poss     5 I-PERSON
        {mark}   PART  POS case     1
        senior   ADJ   JJ  amod     4
        adviser  NOUN  NN  compound 6
        Jane     PROPN NNP compound 6 B-PERSON
        Doe      PROPN NNP nsubj    7 I-PERSON
        spoke    VERB  VBD ROOT     7 O speak
        .        PUNCT .   punct    7
    """)
    _, people = with_posts(doc)
    assert [p.evidence for p in people["Jane Doe"].posts] == ["senior adviser Jane Doe"]


@pytest.mark.parametrize("verb, lemma, tag, owned, posts", [
    ("runs", "run", "VBZ", False, [("Head", "Transit Authority", True)]),
    ("led", "lead", "VBD", False, [("Head", "Transit Authority", False)]),
    # "Jane Doe led the Transit Authority's call": the body owns the object, she led no body
    ("led", "lead", "VBD", True, []),
])
def test_a_leading_verb_in_the_main_clause_states_a_post(vocab, verb, lemma, tag, owned, posts):
    # "Jane Doe runs / led the Transit Authority ." / "... the Transit Authority 's call ."
    rows = f"""
        Jane      PROPN NNP compound 1 B-PERSON
        Doe       PROPN NNP nsubj    2 I-PERSON
        {verb}    VERB  {tag} ROOT   2 O {lemma}
        the       DET   DT  det      5 B-ORG
        Transit   PROPN NNP compound 5 I-ORG
        Authority PROPN NNP dobj     2 I-ORG
        .         PUNCT .   punct    2
    """
    if owned:
        rows = f"""
        Jane      PROPN NNP compound 1 B-PERSON
        Doe       PROPN NNP nsubj    2 I-PERSON
        {verb}    VERB  {tag} ROOT   2 O {lemma}
        the       DET   DT  det      5 B-ORG
        Transit   PROPN NNP compound 5 I-ORG
        Authority PROPN NNP poss     7 I-ORG
        's        PART  POS case     5
        call      NOUN  NN  dobj     2
        .         PUNCT .   punct    2
        """
    assert posts_of(parsed(vocab, rows)) == {"Jane Doe": posts}


@pytest.mark.parametrize("rows, current", [
    # "Chairman Jane Doe resigned ."
    ("""
        Chairman PROPN NNP compound 2
        Jane     PROPN NNP compound 2 B-PERSON
        Doe      PROPN NNP nsubj    3 I-PERSON
        resigned VERB  VBD ROOT     3 O resign
        .        PUNCT .   punct    3
    """, False),
    # "Chairman Jane Doe resigned the whip ." (what she left is not the post)
    ("""
        Chairman PROPN NNP compound 2
        Jane     PROPN NNP compound 2 B-PERSON
        Doe      PROPN NNP nsubj    3 I-PERSON
        resigned VERB  VBD ROOT     3 O resign
        the      DET   DT  det      5
        whip     NOUN  NN  dobj     3
        .        PUNCT .   punct    3
    """, True),
    # "Chairman Jane Doe will resign ."
    ("""
        Chairman PROPN NNP compound 2
        Jane     PROPN NNP compound 2 B-PERSON
        Doe      PROPN NNP nsubj    4 I-PERSON
        will     AUX   MD  aux      4
        resign   VERB  VB  ROOT     4 O resign
        .        PUNCT .   punct    4
    """, True),
    # "Smith fired Chairman Jane Doe ."
    ("""
        Smith    PROPN NNP nsubj    1 B-PERSON
        fired    VERB  VBD ROOT     1 O fire
        Chairman PROPN NNP compound 4
        Jane     PROPN NNP compound 4 B-PERSON
        Doe      PROPN NNP dobj     1 I-PERSON
        .        PUNCT .   punct    1
    """, False),
    # "Chairman Jane Doe fired Smith ." (the one who fires stays)
    ("""
        Chairman PROPN NNP compound 2
        Jane     PROPN NNP compound 2 B-PERSON
        Doe      PROPN NNP nsubj    3 I-PERSON
        fired    VERB  VBD ROOT     3 O fire
        Smith    PROPN NNP dobj     3 B-PERSON
        .        PUNCT .   punct    3
    """, True),
])
def test_a_title_named_with_someone_who_left_it_was_held(vocab, rows, current):
    assert posts_of(parsed(vocab, rows))["Jane Doe"] == [("Chairman", None, current)]


def test_a_body_has_one_head_at_a_time_the_one_the_story_names_most(vocab):
    # "Home Secretary Ann Lee spoke . Home Secretary Jane Doe spoke . Doe left ."
    rows = """
        Home      PROPN NNP compound 1
        Secretary PROPN NNP compound 3
        Ann       PROPN NNP compound 3 B-PERSON
        Lee       PROPN NNP nsubj    4 I-PERSON
        spoke     VERB  VBD ROOT     4 O speak
        .         PUNCT .   punct    4
        Home      PROPN NNP compound 7
        Secretary PROPN NNP compound 9
        Jane      PROPN NNP compound 9 B-PERSON
        Doe       PROPN NNP nsubj    10 I-PERSON
        spoke     VERB  VBD ROOT     10 O speak
        .         PUNCT .   punct    10
    """
    again = """
        Doe       PROPN NNP nsubj    13 B-PERSON
        left      VERB  VBD ROOT     13 O leave
        .         PUNCT .   punct    13
    """
    assert posts_of(parsed(vocab, rows + again), CHART) == {"Ann Lee": [("Home Secretary", "Home Office", False)],
                                                           "Jane Doe": [("Home Secretary", "Home Office", True)]}
    # named as often: the story does not say which holds it now
    assert posts_of(parsed(vocab, rows), CHART) == {"Ann Lee": [("Home Secretary", "Home Office", True)],
                                                   "Jane Doe": [("Home Secretary", "Home Office", True)]}


@pytest.mark.parametrize("rows, current", [
    # "Chairman Jane Doe died ."
    ("""
        Chairman PROPN NNP compound 2
        Jane     PROPN NNP compound 2 B-PERSON
        Doe      PROPN NNP nsubj    3 I-PERSON
        died     VERB  VBD ROOT     3 O die
        .        PUNCT .   punct    3
    """, False),
    # "A strike killed Chairman Jane Doe ."
    ("""
        A        DET   DT  det      1
        strike   NOUN  NN  nsubj    2
        killed   VERB  VBD ROOT     2 O kill
        Chairman PROPN NNP compound 5
        Jane     PROPN NNP compound 5 B-PERSON
        Doe      PROPN NNP dobj     2 I-PERSON
        .        PUNCT .   punct    2
    """, False),
    # "Smith tried to kill Chairman Jane Doe ."
    ("""
        Smith    PROPN NNP nsubj    1 B-PERSON
        tried    VERB  VBD ROOT     1 O try
        to       PART  TO  aux      3
        kill     VERB  VB  xcomp    1 O kill
        Chairman PROPN NNP compound 6
        Jane     PROPN NNP compound 6 B-PERSON
        Doe      PROPN NNP dobj     3 I-PERSON
        .        PUNCT .   punct    1
    """, True),
])
def test_the_dead_hold_no_post(vocab, rows, current):
    assert posts_of(parsed(vocab, rows))["Jane Doe"] == [("Chairman", None, current)]


@pytest.mark.parametrize("place, refers", [("Ohio", True), ("Leeds", False)])
def test_a_description_naming_a_place_refers_only_to_a_holder_it_is_said_of(vocab, place, refers):
    # "Ohio Senator Jane Doe spoke . The Ohio / Leeds senator left ."
    doc = parsed(vocab, f"""
        Ohio     PROPN NNP compound 1 B-GPE
        Senator  PROPN NNP compound 3
        Jane     PROPN NNP compound 3 B-PERSON
        Doe      PROPN NNP nsubj    4 I-PERSON
        spoke    VERB  VBD ROOT     4 O speak
        .        PUNCT .   punct    4
        The      DET   DT  det      8
        {place}  PROPN NNP compound 8 B-GPE
        senator  NOUN  NN  nsubj    9
        left     VERB  VBD ROOT     9 O leave
        .        PUNCT .   punct    9
    """)
    (doe,) = [e for e in described(doc) if e.kind == "Person"]
    assert (f"The {place} senator" in [m.text for m in doe.mentions]) is refers


def test_an_acronym_before_a_title_is_the_posts_body(vocab):
    # "RHRC chairman Jane Doe said." - no entity tag on the acronym
    doc = parsed(vocab, """
        RHRC     PROPN NNP compound 3
        chairman NOUN  NN  compound 3
        Jane     PROPN NNP compound 3 B-PERSON
        Doe      PROPN NNP nsubj    4 I-PERSON
        said     VERB  VBD ROOT     4 O say
        .        PUNCT .   punct    4
    """)
    assert posts_of(doc) == {"Jane Doe": [("Chairman", "RHRC", True)]}



@pytest.mark.parametrize("party_word, pos, tag, dep, ent", [("Democratic", "ADJ", "JJ", "amod", "B-NORP"),
                                                           ("Labour", "PROPN", "NNP", "compound", "B-ORG")])
def test_an_occupation_is_a_post_and_a_party_word_before_it_a_leaning(vocab, party_word, pos, tag, dep, ent):
    # "Democratic strategist Jane Doe and actor John Roe spoke." - an occupation (titles.yml) is
    # work someone does; the party word says where they lean, no post in the party
    chart = OrgChart({"d": Body("d", "Democratic Party", ("Democratic",), party=True),
                      "l": Body("l", "Labour Party", ("Labour",), party=True)})
    doc = parsed(vocab, f"""
        {party_word} {pos} {tag} {dep} 3 {ent}
        strategist NOUN  NN  compound 3
        Jane       PROPN NNP compound 3 B-PERSON
        Doe        PROPN NNP nsubj    8 I-PERSON
        and        CCONJ CC  cc       3
        actor      NOUN  NN  compound 7
        John       PROPN NNP compound 7 B-PERSON
        Roe        PROPN NNP conj     3 I-PERSON
        spoke      VERB  VBD ROOT     8 O speak
        .          PUNCT .   punct    8
    """)
    entities, people = with_posts(doc, chart)
    assert [(p.title, p.organization, p.party) for p in people["Jane Doe"].posts] == [("Strategist", None, None)]
    assert [(p.title, p.organization) for p in people["John Roe"].posts] == [("Actor", None)]


def test_an_occupation_a_party_owns_is_its_post(vocab):
    # "Jane Doe , Labour 's election strategist , spoke ." - the party's own strategist
    chart = OrgChart({"l": Body("l", "Labour Party", ("Labour",), party=True)})
    doc = parsed(vocab, """
        Jane       PROPN NNP compound 1 B-PERSON
        Doe        PROPN NNP nsubj    9 I-PERSON
        ,          PUNCT ,   punct    1
        Labour     PROPN NNP poss     6 B-ORG
        's         PART  POS case     3
        election   NOUN  NN  compound 6
        strategist NOUN  NN  appos    1
        ,          PUNCT ,   punct    1
        spoke      VERB  VBD ROOT     9 O speak
        .          PUNCT .   punct    9
    """)
    entities, people = with_posts(doc, chart)
    assert [(p.title, p.organization) for p in people["Jane Doe"].posts] == [("Strategist", "Labour Party")]


@pytest.mark.parametrize("words, posts", [
    # "Republican Gov. Jane Doe spoke .": a member's office elsewhere, not the party's post
    ([("Gov.", "PROPN", "NNP")], [("Governor", None, "Republican Party")]),
    # "Republican whip Jane Doe spoke .": a post a party has (party_posts in titles.yml)
    ([("whip", "NOUN", "NN")], [("Whip", "Republican Party", "Republican Party")]),
    # "Republican president Jane Doe" in lower case is the party's; "President" is the country's
    ([("president", "NOUN", "NN")], [("President", "Republican Party", "Republican Party")]),
    ([("President", "PROPN", "NNP")], [("President", None, "Republican Party")]),
    # "Republican shadow education secretary Jane Doe": the opposition's post, not the department's
    ([("shadow", "NOUN", "NN"), ("education", "NOUN", "NN"), ("secretary", "NOUN", "NN")],
     [("Shadow Education Secretary", "Republican Party", "Republican Party")]),
])
def test_a_party_word_before_a_title_makes_a_post_in_the_party_only_for_a_partys_own_posts(vocab, words, posts):
    chart = OrgChart({"r": Body("r", "Republican Party", ("Republican",), party=True),
                      "e": Body("e", "Department for Education", head_title="Education Secretary")})
    rows = ["Republican ADJ JJ amod {name} B-NORP"]
    rows += [f"{word} {pos} {tag} compound {{name}}" for word, pos, tag in words]
    name = len(rows) + 1
    rows += [f"Jane PROPN NNP compound {name} B-PERSON", f"Doe PROPN NNP nsubj {name + 1} I-PERSON",
             f"spoke VERB VBD ROOT {name + 1} O speak", f"\\. PUNCT . punct {name + 1}"]
    doc = parsed(vocab, "\n".join(rows).replace("{name}", str(name)).replace("\\.", "."))
    _, people = with_posts(doc, chart)
    assert [(p.title, p.organization, p.party) for p in people["Jane Doe"].posts] == posts
    assert [m.organization for m in people["Jane Doe"].memberships] == ["Republican Party"]


def test_a_name_the_tagger_joined_to_the_end_of_a_title_is_the_holders(vocab):
    # "Secretary of State Mac Warner spoke ." tagged "State Mac Warner" as a body
    doc = parsed(vocab, """
        Secretary PROPN NNP compound 4
        of        ADP   IN  prep     0
        State     PROPN NNP pobj     1 B-ORG
        Mac       PROPN NNP compound 4 I-ORG
        Warner    PROPN NNP nsubj    5 I-ORG
        spoke     VERB  VBD ROOT     5 O speak
        .         PUNCT .   punct    5
    """)
    entities, people = with_posts(doc)
    assert not [e for e in entities if e.kind == "Organization"]
    assert [(p.title, p.organization) for p in people["Mac Warner"].posts] == [("Secretary of State", None)]


@pytest.mark.parametrize("prep, posts", [("for", [("Spokesperson", None)]), ("with", [])])
def test_a_bare_title_set_beside_a_name_is_a_post_when_it_says_whose_staff(vocab, prep, posts):
    # "Jane Doe, spokesperson for John Roe, spoke." states a post; "..., spokesperson with John
    # Roe, ..." says nothing of whose
    doc = parsed(vocab, f"""
        Jane         PROPN NNP compound 1 B-PERSON
        Doe          PROPN NNP nsubj    8 I-PERSON
        ,            PUNCT ,   punct    1
        spokesperson NOUN  NN  appos    1
        {prep}       ADP   IN  prep     3
        John         PROPN NNP compound 6 B-PERSON
        Roe          PROPN NNP pobj     4 I-PERSON
        ,            PUNCT ,   punct    1
        spoke        VERB  VBD ROOT     8 O speak
        .            PUNCT .   punct    8
    """)
    assert posts_of(doc)["Jane Doe"] == [(title, body, True) for title, body in posts]


@pytest.mark.parametrize("modifier, posts", [
    # "Jane Doe spoke of her years as mayor and governor of Ohio ." - posts of her past, the place
    # said once for both
    (None, [("Governor", "Ohio", False), ("Mayor", "Ohio", False)]),
    # "... of her first years as mayor and governor of Ohio ." - a start, maybe now
    ("first", []),
    # "Jane Doe speaks of her years as ..." - a time still running
    ("speaks", []),
])
def test_a_stretch_of_ones_past_as_a_title_is_a_post_held(vocab, modifier, posts):
    verb = "speaks VERB VBZ ROOT 2 O speak" if modifier == "speaks" else "spoke VERB VBD ROOT 2 O speak"
    rows = ["Jane PROPN NNP compound 1 B-PERSON", "Doe PROPN NNP nsubj 2 I-PERSON", verb,
            "of ADP IN prep 2", "her PRON PRP$ poss {n} O her"]
    if modifier and modifier != "speaks":
        rows.append(f"{modifier} ADJ JJ amod {{n}}")
    n = len(rows)
    rows += [f"years NOUN NNS pobj 3 O year", f"as ADP IN prep {n}", f"mayor NOUN NN pobj {n + 1}",
             f"and CCONJ CC cc {n + 2}", f"governor NOUN NN conj {n + 2}", f"of ADP IN prep {n + 4}",
             f"Ohio PROPN NNP pobj {n + 5} B-GPE", "\\. PUNCT . punct 2"]
    doc = parsed(vocab, "\n".join(rows).replace("{n}", str(n)).replace("\\.", "."))
    (jane,) = [e for e in described(doc) if e.kind == "Person"]
    assert [(p.title, p.organization, p.current) for p in jane.posts] == posts


@pytest.mark.parametrize("former, current", [(False, True), (True, False)])
def test_a_plural_title_with_names_set_beside_it_gives_each_the_post(vocab, former, current):
    # "Two (former) mayors , Jane Doe and John Roe , spoke ."
    rows = ["Two NUM CD nummod {t}"] + (["former ADJ JJ amod {t}"] if former else [])
    t = len(rows)
    rows += [f"mayors NOUN NNS nsubj {t + 8} O mayor", f", PUNCT , punct {t}",
             f"Jane PROPN NNP compound {t + 3} B-PERSON", f"Doe PROPN NNP appos {t} I-PERSON",
             f"and CCONJ CC cc {t + 3}", f"John PROPN NNP compound {t + 6} B-PERSON",
             f"Roe PROPN NNP conj {t + 3} I-PERSON", f", PUNCT , punct {t}",
             f"spoke VERB VBD ROOT {t + 8} O speak", f"\\. PUNCT . punct {t + 8}"]
    doc = parsed(vocab, "\n".join(rows).replace("{t}", str(t)).replace("\\.", "."))
    posts = posts_of(doc)
    assert posts["Jane Doe"] == posts["John Roe"] == [("Mayor", None, current)]


def test_a_title_set_off_by_commas_after_a_name_is_read_where_the_parse_broke(vocab):
    # "By Jane Doe , the Acme Union president , was odd ." with the body parsed as the subject
    doc = parsed(vocab, """
        By        ADP   IN  prep     9
        Jane      PROPN NNP compound 2 B-PERSON
        Doe       PROPN NNP pobj     0 I-PERSON
        ,         PUNCT ,   punct    9
        the       DET   DT  det      6 B-ORG
        Acme      PROPN NNP compound 6 I-ORG
        Union     PROPN NNP nsubj    9 I-ORG
        president NOUN  NN  appos    6
        ,         PUNCT ,   punct    6
        was       AUX   VBD ROOT     9 O be
        odd       ADJ   JJ  acomp    9
        .         PUNCT .   punct    9
    """)
    assert posts_of(doc)["Jane Doe"] == [("President", "Acme Union", True)]


def test_a_place_owning_a_party_members_title_makes_no_party_post(vocab):
    # "Ohio 's Republican governor , Jane Doe , spoke ." - a governor of Ohio, no post in the party
    chart = OrgChart({"r": Body("r", "Republican Party", ("Republican",), party=True)})
    doc = parsed(vocab, """
        Ohio       PROPN NNP poss     3 B-GPE
        's         PART  POS case     0
        Republican ADJ   JJ  amod     3 B-NORP
        governor   NOUN  NN  nsubj    8
        ,          PUNCT ,   punct    3
        Jane       PROPN NNP compound 6 B-PERSON
        Doe        PROPN NNP appos    3 I-PERSON
        ,          PUNCT ,   punct    3
        spoke      VERB  VBD ROOT     8 O speak
        .          PUNCT .   punct    8
    """)
    _, people = with_posts(doc, chart)
    assert [p.organization for p in people["Jane Doe"].posts] == [None]


@pytest.mark.parametrize("verb, lemma, obj, posts", [
    # "Doe refused to step down as leader ." - her post, which she keeps
    ("refused", "refuse", None, [("Leader", None, True)]),
    # "Doe urged Roe to step down as leader ." - Roe's post, not the one who asks
    ("urged", "urge", "Roe", []),
])
def test_a_post_left_in_a_complement_is_the_post_of_whoever_the_complement_is_about(vocab, verb, lemma, obj, posts):
    rows = [f"Doe      PROPN NNP nsubj 1 B-PERSON", f"{verb} VERB VBD ROOT 1 O {lemma}"]
    if obj:
        rows.append(f"{obj} PROPN NNP dobj 1 B-PERSON")
    step = len(rows) + 1
    rows += [f"to PART TO aux {step}", "step VERB VB xcomp 1 O step", f"down ADP RP prt {step}",
             f"as ADP IN prep {step}", f"leader NOUN NN pobj {step + 2}", "\\. PUNCT . punct 1"]
    doc = parsed(vocab, "\n".join(rows).replace("\\.", "."))
    assert posts_of(doc)["Doe"] == posts


def test_a_partys_post_in_a_chamber_is_the_chambers_and_the_party_a_membership(vocab):
    # "House Democratic Leader Jane Doe spoke ." / "Labour leader Jane Doe spoke ."
    chart = OrgChart({"d": Body("d", "Democratic Party", ("Democratic",), party=True),
                      "l": Body("l", "Labour Party", ("Labour",), party=True),
                      "h": Body("h", "House of Representatives", ("House",), member_titles=("Representative",))})
    doc = parsed(vocab, """
        House      PROPN NNP compound 2 B-ORG
        Democratic PROPN NNP compound 2 B-NORP
        Leader     PROPN NNP compound 4
        Jane       PROPN NNP compound 4 B-PERSON
        Doe        PROPN NNP nsubj    5 I-PERSON
        spoke      VERB  VBD ROOT     5 O speak
        .          PUNCT .   punct    5
    """)
    entities, people = with_posts(doc, chart)
    assert [(p.title, p.organization) for p in people["Jane Doe"].posts] == [("Leader", "House of Representatives")]
    assert {m.party for m in people["Jane Doe"].memberships} == {"Democratic Party"}
    labour = parsed(vocab, """
        Labour PROPN NNP compound 1 B-ORG
        leader NOUN  NN  compound 3
        Jane   PROPN NNP compound 3 B-PERSON
        Doe    PROPN NNP nsubj    4 I-PERSON
        spoke  VERB  VBD ROOT     4 O speak
        .      PUNCT .   punct    4
    """)
    assert posts_of(labour, chart) == {"Jane Doe": [("Leader", "Labour Party", True)]}
    # "Jane Doe , the House Democratic whip , spoke ."
    appositive = parsed(vocab, """
        Jane       PROPN NNP compound 1 B-PERSON
        Doe        PROPN NNP nsubj    8 I-PERSON
        ,          PUNCT ,   punct    1
        the        DET   DT  det      6
        House      PROPN NNP compound 6 B-ORG
        Democratic PROPN NNP compound 6 B-NORP
        whip       NOUN  NN  appos    1
        ,          PUNCT ,   punct    1
        spoke      VERB  VBD ROOT     8 O speak
        .          PUNCT .   punct    8
    """)
    assert posts_of(appositive, chart) == {"Jane Doe": [("Whip", "House of Representatives", True)]}


@pytest.mark.parametrize("table, current", [
    # "Smith was fired by Chief Jane Doe ." - a verb of firing is no mark on the title after it
    ("""
        Smith PROPN NNP nsubjpass 2 B-PERSON
        was   AUX   VBD auxpass   2
        fired VERB  VBN ROOT      2 O fire
        by    ADP   IN  agent     2
        Chief PROPN NNP compound  6
        Jane  PROPN NNP compound  6 B-PERSON
        Doe   PROPN NNP pobj      3 I-PERSON
        .     PUNCT .   punct     2
    """, True),
    # "The retired chief Jane Doe spoke ." - set before the title, it says the post was left
    ("""
        The     DET   DT  det      4
        retired VERB  VBN amod     2 O retire
        chief   NOUN  NN  compound 4
        Jane    PROPN NNP compound 4 B-PERSON
        Doe     PROPN NNP nsubj    5 I-PERSON
        spoke   VERB  VBD ROOT     5 O speak
        .       PUNCT .   punct    5
    """, False),
])
def test_a_participle_of_leaving_marks_a_post_left_only_as_its_modifier(vocab, table, current):
    assert posts_of(parsed(vocab, table))["Jane Doe"] == [("Chief", None, current)]


@pytest.mark.parametrize("race, current", [(True, True), (False, False)])
def test_one_running_who_steps_aside_leaves_the_race_not_the_post(vocab, race, current):
    # "Doe 's reelection bid faltered . President Doe stepped aside ." - she left the race, and is
    # president still; with no race in the story, "President Doe stepped aside" left the post
    context = """
        Doe        PROPN NNP poss     3 B-PERSON
        's         PART  POS case     0
        reelection NOUN  NN  compound 3
        bid        NOUN  NN  nsubj    4
        faltered   VERB  VBD ROOT     4 O falter
        .          PUNCT .   punct    4
    """ if race else ""
    offset = 6 if race else 0
    doc = parsed(vocab, context + f"""
        President PROPN NNP compound {offset + 1}
        Doe       PROPN NNP nsubj    {offset + 2} B-PERSON
        stepped   VERB  VBD ROOT     {offset + 2} O step
        aside     ADV   RB  advmod   {offset + 2}
        .         PUNCT .   punct    {offset + 2}
    """)
    assert posts_of(doc)["Doe"] == [("President", None, current)]


def test_the_former_holder_is_not_the_one_the_story_calls_the_holder_nor_the_subject_of_the_clause(vocab):
    # "President Doe spoke . The president smiled . She met Roe , the former president ." and
    # "President Doe spoke . She drew a contrast with the former president .": Doe holds the post
    # now, and "the former president" is someone else
    called_now = described(parsed(vocab, """
        President PROPN NNP compound 1
        Doe       PROPN NNP nsubj    2 B-PERSON
        spoke     VERB  VBD ROOT     2 O speak
        .         PUNCT .   punct    2
        The       DET   DT  det      5
        president NOUN  NN  nsubj    6
        smiled    VERB  VBD ROOT     6 O smile
        .         PUNCT .   punct    6
        The       DET   DT  det      10
        former    ADJ   JJ  amod     10
        president NOUN  NN  nsubj    11
        left      VERB  VBD ROOT     11 O leave
        .         PUNCT .   punct    11
    """))
    own_clause = described(parsed(vocab, """
        President PROPN NNP compound 1
        Doe       PROPN NNP nsubj    2 B-PERSON
        spoke     VERB  VBD ROOT     2 O speak
        .         PUNCT .   punct    2
        She       PRON  PRP nsubj    5
        drew      VERB  VBD ROOT     5 O draw
        a         DET   DT  det      7
        contrast  NOUN  NN  dobj     5
        with      ADP   IN  prep     7
        the       DET   DT  det      11
        former    ADJ   JJ  amod     11
        president NOUN  NN  pobj     8
        .         PUNCT .   punct    5
    """))
    for entities in (called_now, own_clause):
        (doe,) = [e for e in entities if e.kind == "Person"]
        assert [(p.title, p.current) for p in doe.posts] == [("President", True)]
        assert not any("former" in m.text for m in doe.mentions)


def test_a_description_used_before_anyone_had_the_post_never_switches_to_a_later_holder(vocab):
    # "The former president spoke . Roe was president . The former president smiled .": the story
    # meant someone it never names so from the start; Roe, who "was president" in passing, is not he
    entities = described(parsed(vocab, """
        The       DET   DT  det      2
        former    ADJ   JJ  amod     2
        president NOUN  NN  nsubj    3
        spoke     VERB  VBD ROOT     3 O speak
        .         PUNCT .   punct    3
        Roe       PROPN NNP nsubj    6 B-PERSON
        was       AUX   VBD ROOT     6 O be
        president NOUN  NN  attr     6
        .         PUNCT .   punct    6
        The       DET   DT  det      11
        former    ADJ   JJ  amod     11
        president NOUN  NN  nsubj    12
        smiled    VERB  VBD ROOT     12 O smile
        .         PUNCT .   punct    12
    """))
    (roe,) = [e for e in entities if e.kind == "Person"]
    assert [(p.title, p.current) for p in roe.posts] == [("President", False)]
    assert [m.text for m in roe.mentions] == ["Roe"]


@pytest.mark.parametrize("aux, tag, posts", [
    ("will", "VB", []),  # "Voters will elect President Doe .": the post is to come
    (None, "VBD", [("President", None, True)]),  # "Voters elected President Doe .": said of a holder
])
def test_a_title_before_the_name_of_one_to_be_elected_is_no_post(vocab, aux, tag, posts):
    rows = ["Voters NOUN NNS nsubj {v}"]
    if aux:
        rows.append(f"{aux} AUX MD aux {{v}}")
    rows.append(f"{'elect' if aux else 'elected'} VERB {tag} ROOT {{v}} O elect")
    v = len(rows) - 1
    rows += [f"President PROPN NNP compound {v + 2}", f"Doe PROPN NNP dobj {v} B-PERSON", f"\\. PUNCT . punct {v}"]
    doc = parsed(vocab, "\n".join(r.format(v=v) for r in rows).replace("\\.", "."))
    assert posts_of(doc) == {"Doe": posts}


@pytest.mark.parametrize("before, current", [("", True), ("The late ", False)])
def test_a_plural_title_gives_each_name_it_addresses_the_post(vocab, before, current):
    # "Justices Jane Doe and John Roe spoke ." / "The late Justices Jane Doe and John Roe spoke ."
    n = 2 if before else 0
    rows = [f"The DET DT det {n + 2}", f"late ADJ JJ amod {n + 2}"] if before else []
    rows += [f"Justices PROPN NNPS compound {n + 2}", f"Jane PROPN NNP compound {n + 2} B-PERSON",
             f"Doe PROPN NNP nsubj {n + 6} I-PERSON", f"and CCONJ CC cc {n + 2}",
             f"John PROPN NNP compound {n + 5} B-PERSON", f"Roe PROPN NNP conj {n + 2} I-PERSON",
             f"spoke VERB VBD ROOT {n + 6} O speak", f"\\. PUNCT . punct {n + 6}"]
    doc = parsed(vocab, "\n".join(rows).replace("\\.", "."))
    assert posts_of(doc) == {"Jane Doe": [("Justice", None, current)], "John Roe": [("Justice", None, current)]}


def test_an_aide_named_is_a_post(vocab):
    # "former campaign aide Jane Doe spoke ." - an aide the story names holds a post (one it does
    # not name is an anonymous source, entities.py)
    doc = parsed(vocab, """
        former   ADJ   JJ  amod     2
        campaign NOUN  NN  compound 2
        aide     NOUN  NN  compound 4
        Jane     PROPN NNP compound 4 B-PERSON
        Doe      PROPN NNP nsubj    5 I-PERSON
        spoke    VERB  VBD ROOT     5 O speak
        .        PUNCT .   punct    5
    """)
    assert posts_of(doc) == {"Jane Doe": [("Aide", None, False)]}


@pytest.mark.parametrize("words, body, posts", [
    # "Doe has worked in the Treasury ." - experience: a post held before
    (["has AUX VBZ aux 2 O have", "worked VERB VBN ROOT 2 O work"], "Treasury", [("Staff", "Treasury", False)]),
    # "Doe works for the Treasury ." - a post held now
    (["works VERB VBZ ROOT 1 O work"], "Treasury", [("Staff", "Treasury", True)]),
    # "Doe worked for Labour ." - working for a party is campaigning, no post
    (["worked VERB VBD ROOT 1 O work"], "Labour", []),
])
def test_one_who_works_at_a_body_is_on_its_staff(vocab, words, body, posts):
    verb = len(words)
    rows = [f"Doe PROPN NNP nsubj {verb} B-PERSON"] + words + [
        f"for ADP IN prep {verb}", f"{body} PROPN NNP pobj {verb + 1} B-ORG", f"\\. PUNCT . punct {verb}"]
    chart = OrgChart({"t": Body("t", "Treasury"), "l": Body("l", "Labour Party", ("Labour",), party=True)})
    doc = parsed(vocab, "\n".join(rows).replace("\\.", "."))
    assert posts_of(doc, chart) == {"Doe": posts}


@pytest.mark.parametrize("aux, lemma, expected", [
    # "John Roe replaced Jane Doe as chief ." - he holds the post she held
    (None, "replace", {"John Roe": [("Chief", None, True)], "Jane Doe": [("Chief", None, False)]}),
    # "John Roe will replace Jane Doe as chief ." - she holds it still, he not yet
    ("will", "replace", {"John Roe": [], "Jane Doe": [("Chief", None, True)]}),
])
def test_who_replaces_someone_as_a_title_takes_the_post_they_leave(vocab, aux, lemma, expected):
    rows = ["John PROPN NNP compound 1 B-PERSON", f"Roe PROPN NNP nsubj {3 if aux else 2} I-PERSON"]
    rows += [f"{aux} AUX MD aux 3"] if aux else []
    verb = len(rows)
    rows += [f"{'replace' if aux else 'replaced'} VERB {'VB' if aux else 'VBD'} ROOT {verb} O {lemma}",
             f"Jane PROPN NNP compound {verb + 2} B-PERSON", f"Doe PROPN NNP dobj {verb} I-PERSON",
             f"as ADP IN prep {verb}", f"chief NOUN NN pobj {verb + 3}", f". PUNCT . punct {verb}"]
    assert posts_of(parsed(vocab, "\n".join(rows))) == expected
