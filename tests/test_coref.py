import pytest

from conftest import SHARED, analyse, parsed
from govgraph.coref import resolve_pronouns
from govgraph.rules import load_lexicon
from mention_gold import GOLD, load_gold, score


def resolve(doc):
    sentences, entities = analyse(doc)
    resolve_pronouns(doc, sentences, entities, load_lexicon())
    pronouns = [(m.start, m.text, e.label) for e in entities for m in e.mentions
                if m.text.lower() in {"he", "him", "his", "she", "her"}]
    return [(text, label) for _, text, label in sorted(pronouns)]


def test_subject_is_preferred_and_object_pronoun_is_not_its_own_subject(vocab):
    # "Jane Doe met John Roe and praised him."
    doc = parsed(vocab, """
        Jane   PROPN NNP compound 1 B-PERSON
        Doe    PROPN NNP nsubj    2 I-PERSON
        met    VERB  VBD ROOT     2 O meet
        John   PROPN NNP compound 4 B-PERSON
        Roe    PROPN NNP dobj     2 I-PERSON
        and    CCONJ CC  cc       2
        praised VERB VBD conj     2 O praise
        him    PRON  PRP dobj     6 O he
        .      PUNCT .   punct    2
    """)
    assert resolve(doc) == [("him", "John Roe")]


@pytest.mark.parametrize("verb, lemma, owner", [
    ("announced", "announce", "John Roe"),  # one's own event, put out by oneself
    ("accepted", "accept", None),  # an event done to one, by someone else
])
def test_the_possessor_of_an_event_noun_and_the_subject_of_its_verb(vocab, verb, lemma, owner):
    # "John Roe announced / accepted his resignation ."
    doc = parsed(vocab, f"""
        John        PROPN NNP compound 1 B-PERSON
        Roe         PROPN NNP nsubj    2 I-PERSON
        {verb}      VERB  VBD ROOT     2 O {lemma}
        his         PRON  PRP$ poss    4 O his
        resignation NOUN  NN  dobj     2 O resignation
        .           PUNCT .   punct    2
    """)
    sentences, entities = analyse(doc)
    resolve_pronouns(doc, sentences, entities, load_lexicon(), frozenset({"resignation"}))
    found = [e.label for e in entities for m in e.mentions if m.text == "his"]
    assert found == ([owner] if owner else [])


def test_a_reflexive_object_is_its_own_subject(vocab):
    # "John Roe met Jane Doe and John Smith praised himself."
    doc = parsed(vocab, """
        John    PROPN NNP compound 1 B-PERSON
        Roe     PROPN NNP nsubj    2 I-PERSON
        met     VERB  VBD ROOT     2 O meet
        Jane    PROPN NNP compound 4 B-PERSON
        Doe     PROPN NNP dobj     2 I-PERSON
        and     CCONJ CC  cc       2
        John    PROPN NNP compound 7 B-PERSON
        Smith   PROPN NNP nsubj    8 I-PERSON
        praised VERB  VBD conj     2 O praise
        himself PRON  PRP dobj     8 O himself
        .       PUNCT .   punct    2
    """)
    sentences, entities = analyse(doc)
    resolve_pronouns(doc, sentences, entities, load_lexicon())
    assert [(m.text, e.label) for e in entities for m in e.mentions if m.text == "himself"] == [("himself", "John Smith")]


def test_an_emphatic_reflexive_is_the_noun_beside_it(vocab):
    # "John Roe thanked Jim Doe, himself a former senator." / "John Roe met the chancellor himself."
    def himself(table):
        doc = parsed(vocab, table)
        sentences, entities = analyse(doc)
        resolve_pronouns(doc, sentences, entities, load_lexicon())
        return [(m.text, e.label) for e in entities for m in e.mentions if m.text == "himself"]

    assert himself("""
        John    PROPN NNP compound 1 B-PERSON
        Roe     PROPN NNP nsubj    2 I-PERSON
        thanked VERB  VBD ROOT     2 O thank
        Jim     PROPN NNP compound 4 B-PERSON
        Doe     PROPN NNP dobj     2 I-PERSON
        ,       PUNCT ,   punct    4
        himself PRON  PRP appos    4 O himself
        a       DET   DT  det      9
        former  ADJ   JJ  amod     9
        senator NOUN  NN  appos    6
        .       PUNCT .   punct    2
    """) == [("himself", "Jim Doe")]
    assert himself("""
        John       PROPN NNP compound 1 B-PERSON
        Roe        PROPN NNP nsubj    2 I-PERSON
        met        VERB  VBD ROOT     2 O meet
        the        DET   DT  det      4
        chancellor NOUN  NN  dobj     2
        himself    PRON  PRP appos    4 O himself
        .          PUNCT .   punct    2
    """) == []


def test_gender_from_honorific(vocab):
    # "Ms Doe met Mr Roe. She left."
    doc = parsed(vocab, """
        Ms     PROPN NNP compound 1
        Doe    PROPN NNP nsubj    2 B-PERSON
        met    VERB  VBD ROOT     2 O meet
        Mr     PROPN NNP compound 4
        Roe    PROPN NNP dobj     2 B-PERSON
        .      PUNCT .   punct    2
        She    PRON  PRP nsubj    7 O she
        left   VERB  VBD ROOT     7 O leave
        .      PUNCT .   punct    7
    """)
    assert resolve(doc) == [("She", "Doe")]


def test_a_first_name_keeps_a_pronoun_off_the_other_gender(vocab):
    # "John Roe met Anita Jones. She left." - no honorific says who is a woman; the first names do
    # (without them the subject, Roe, would be the likelier referent)
    doc = parsed(vocab, """
        John   PROPN NNP compound 1 B-PERSON
        Roe    PROPN NNP nsubj    2 I-PERSON
        met    VERB  VBD ROOT     2 O meet
        Anita  PROPN NNP compound 4 B-PERSON
        Jones  PROPN NNP dobj     2 I-PERSON
        .      PUNCT .   punct    2
        She    PRON  PRP nsubj    7 O she
        left   VERB  VBD ROOT     7 O leave
        .      PUNCT .   punct    7
    """)
    assert resolve(doc) == [("She", "Anita Jones")]


def test_the_first_name_guess_is_not_written_as_a_fact(vocab):
    # the guess only filters candidates; an entity's gender comes from the text alone
    doc = parsed(vocab, """
        Anita  PROPN NNP compound 1 B-PERSON
        Jones  PROPN NNP nsubj    2 I-PERSON
        left   VERB  VBD ROOT     2 O leave
        .      PUNCT .   punct    2
    """)
    sentences, entities = analyse(doc)
    resolve_pronouns(doc, sentences, entities, load_lexicon())
    assert [e.gender for e in entities] == [None]


def test_quotation_speaker(vocab):
    # 'Roe spoke to Doe. "It is over," he said.' - the speaker of a quote after a sentence whose
    # subject was Roe is Roe, though Doe is nearer.
    doc = parsed(vocab, """
        Roe    PROPN NNP nsubj    1 B-PERSON
        spoke  VERB  VBD ROOT     1 O speak
        to     ADP   IN  prep     1
        Doe    PROPN NNP pobj     2 B-PERSON
        .      PUNCT .   punct    1
        “      PUNCT ``  punct    11
        It     PRON  PRP nsubj    7
        is     AUX   VBZ ccomp    11 O be
        over   ADV   RB  acomp    7
        ,      PUNCT ,   punct    11
        ”      PUNCT ''  punct    11
        he     PRON  PRP nsubj    12 O he
        said   VERB  VBD ROOT     12 O say
        .      PUNCT .   punct    12
    """)
    # sentence boundaries come from the parse: two roots, two sentences
    assert resolve(doc) == [("he", "Roe")]


def test_no_candidate_leaves_pronoun_unresolved(vocab):
    doc = parsed(vocab, """
        He   PRON PRP nsubj 1 O he
        left VERB VBD ROOT  1 O leave
        .    PUNCT .  punct 1
    """)
    assert resolve(doc) == []


def gold_names():
    return sorted(p.stem for p in GOLD.glob("*.json"))


@pytest.fixture(scope="module")
def mention_scores(nlp):
    """(right, total, misses) per gold article, each article extracted once for all tests."""
    from govgraph.build import extract_articles
    from govgraph.load import load_articles

    scores = {}
    for name in gold_names():
        gold = load_gold(name)
        (extraction,) = extract_articles(load_articles([SHARED / gold["source"]["path"]]))
        scores[name] = score(extraction, gold)
    return scores


@pytest.mark.parametrize("name", gold_names())
def test_person_mentions_resolve_to_the_right_person(name, mention_scores):
    right, total, misses = mention_scores[name]
    # the seed must reach 90%; the BBC development stories, read with no tuning to them, 75% each
    floor = 0.9 if name.startswith("magnus") else 0.75
    assert right / total >= floor, "\n".join(misses)


def totals(mention_scores, prefix):
    right = sum(r for name, (r, _, _) in mention_scores.items() if name.startswith(prefix))
    total = sum(t for name, (_, t, _) in mention_scores.items() if name.startswith(prefix))
    return [right, total]


def test_bbc_mentions_overall(mention_scores):
    right, total = totals(mention_scores, "bbc")
    assert total > 100 and right / total >= 0.85


def test_mention_figures_in_the_readme_are_current(mention_scores):
    import re

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    seed_row = re.search(r"\| seed \(.*?\) \| (\d+) / (\d+) ", readme)
    bbc_row = re.search(r"\| BBC politics [\d, ]+ \| (\d+) / (\d+) ", readme)
    assert [int(g) for g in seed_row.groups()] == totals(mention_scores, "magnus")
    assert [int(g) for g in bbc_row.groups()] == totals(mention_scores, "bbc")


def mentions_of(doc, words):
    sentences, entities = analyse(doc)
    resolve_pronouns(doc, sentences, entities, load_lexicon())
    found = [(m.start, m.text, e.label) for e in entities for m in e.mentions if m.text.lower() in words]
    return [(text, label) for _, text, label in sorted(found)]


def test_the_first_person_of_a_quotation_is_its_speaker(vocab):
    # '"I served here," Jane Doe said. I left.' - the second "I" is the writer's, outside any quotation
    doc = parsed(vocab, """
        \u201c   PUNCT ``  punct    2
        I      PRON  PRP nsubj    2 O i
        served VERB  VBD ccomp    8 O serve
        here   ADV   RB  advmod   2
        ,      PUNCT ,   punct    8
        \u201d   PUNCT ''  punct    8
        Jane   PROPN NNP compound 7 B-PERSON
        Doe    PROPN NNP nsubj    8 I-PERSON
        said   VERB  VBD ROOT     8 O say
        .      PUNCT .   punct    8
        I      PRON  PRP nsubj    11 O i
        left   VERB  VBD ROOT     11 O leave
        .      PUNCT .   punct    11
    """)
    assert mentions_of(doc, {"i"}) == [("I", "Jane Doe")]


def test_a_quotation_carried_into_the_next_sentence_keeps_its_speaker(vocab):
    # 'Jane Doe said: "We won. I named my staff," she added.' - closed in the second sentence
    doc = parsed(vocab, """
        Jane   PROPN NNP compound 1 B-PERSON
        Doe    PROPN NNP nsubj    2 I-PERSON
        said   VERB  VBD ROOT     2 O say
        :      PUNCT :   punct    2
        \u201c   PUNCT ``  punct    6
        We     PRON  PRP nsubj    6 O we
        won    VERB  VBD ccomp    2 O win
        .      PUNCT .   punct    2
        I      PRON  PRP nsubj    9 O i
        named  VERB  VBD ccomp    15 O name
        my     PRON  PRP$ poss    11 O my
        staff  NOUN  NN  dobj     9
        ,      PUNCT ,   punct    15
        \u201d   PUNCT ''  punct    15
        she    PRON  PRP nsubj    15 O she
        added  VERB  VBD ROOT     15 O add
        .      PUNCT .   punct    15
    """)
    assert mentions_of(doc, {"i", "my"}) == [("I", "Jane Doe"), ("my", "Jane Doe")]


def test_he_in_a_speakers_quotation_is_someone_else(vocab):
    # 'John Roe left. Chris Doe said: "He is wrong."' - the speaker would say "I"
    doc = parsed(vocab, """
        John   PROPN NNP compound 1 B-PERSON
        Roe    PROPN NNP nsubj    2 I-PERSON
        left   VERB  VBD ROOT     2 O leave
        .      PUNCT .   punct    2
        Chris  PROPN NNP compound 5 B-PERSON
        Doe    PROPN NNP nsubj    6 I-PERSON
        said   VERB  VBD ROOT     6 O say
        :      PUNCT :   punct    6
        \u201c   PUNCT ``  punct    10
        He     PRON  PRP nsubj    10 O he
        is     AUX   VBZ ccomp    6 O be
        wrong  ADJ   JJ  acomp    10
        .      PUNCT .   punct    6
        \u201d   PUNCT ''  punct    6
    """)
    assert resolve(doc) == [("He", "John Roe")]


def test_he_in_a_sentence_between_the_marks_of_a_speakers_quotation_is_someone_else(vocab):
    # 'John Roe left. “You won,” Chris Doe said. “It ended. He lost. We won.”' - the middle
    # sentence has no mark of its own, yet the quotation holds it: the speaker would say "I"
    doc = parsed(vocab, """
        John   PROPN NNP compound 1 B-PERSON
        Roe    PROPN NNP nsubj    2 I-PERSON
        left   VERB  VBD ROOT     2 O leave
        .      PUNCT .   punct    2
        \u201c   PUNCT ``  punct    6
        You    PRON  PRP nsubj    6 O you
        won    VERB  VBD ccomp    11 O win
        ,      PUNCT ,   punct    11
        \u201d   PUNCT ''  punct    11
        Chris  PROPN NNP compound 10 B-PERSON
        Doe    PROPN NNP nsubj    11 I-PERSON
        said   VERB  VBD ROOT     11 O say
        .      PUNCT .   punct    11
        \u201c   PUNCT ``  punct    15
        It     PRON  PRP nsubj    15 O it
        ended  VERB  VBD ROOT     15 O end
        .      PUNCT .   punct    15
        He     PRON  PRP nsubj    18 O he
        lost   VERB  VBD ROOT     18 O lose
        .      PUNCT .   punct    18
        We     PRON  PRP nsubj    21 O we
        won    VERB  VBD ROOT     21 O win
        .      PUNCT .   punct    21
        \u201d   PUNCT ''  punct    21
    """)
    assert resolve(doc) == [("He", "John Roe")]


@pytest.mark.parametrize("verb, tag, owner", [
    ("is", "VBZ", "John Roe"),  # said to be chancellor now: the one the story names so
    ("was", "VBD", "Bob Smith"),  # a post of the past: salience decides
])
def test_a_pronoun_said_to_hold_a_title_is_the_one_the_story_gives_it(vocab, verb, tag, owner):
    # "Chancellor John Roe met Bob Smith. Bob Smith said he is / was a good chancellor."
    doc = parsed(vocab, f"""
        Chancellor PROPN NNP compound 2
        John   PROPN NNP compound 2 B-PERSON
        Roe    PROPN NNP nsubj    3 I-PERSON
        met    VERB  VBD ROOT     3 O meet
        Bob    PROPN NNP compound 5 B-PERSON
        Smith  PROPN NNP dobj     3 I-PERSON
        .      PUNCT .   punct    3
        Bob    PROPN NNP compound 8 B-PERSON
        Smith  PROPN NNP nsubj    9 I-PERSON
        said   VERB  VBD ROOT     9 O say
        he     PRON  PRP nsubj    11 O he
        {verb} AUX   {tag} ccomp  9 O be
        a      DET   DT  det      14
        good   ADJ   JJ  amod     14
        chancellor NOUN NN attr   11
        .      PUNCT .   punct    9
    """)
    assert resolve(doc) == [("he", owner)]


@pytest.mark.parametrize("modal, owner", [
    ("would", "Chris Doe"),  # the teller's own undertaking
    ("should", "John Roe"),  # a bidding: the one told
])
def test_told_that_he_would_is_the_teller_and_he_should_the_one_told(vocab, modal, owner):
    # "Chris Doe told John Roe he would / should leave."
    doc = parsed(vocab, f"""
        Chris  PROPN NNP compound 1 B-PERSON
        Doe    PROPN NNP nsubj    2 I-PERSON
        told   VERB  VBD ROOT     2 O tell
        John   PROPN NNP compound 4 B-PERSON
        Roe    PROPN NNP dobj     2 I-PERSON
        he     PRON  PRP nsubj    7 O he
        {modal} AUX  MD  aux      7 O {modal}
        leave  VERB  VB  ccomp    2 O leave
        .      PUNCT .   punct    2
    """)
    assert resolve(doc) == [("he", owner)]


def test_he_would_after_an_unnamed_teller_stays_unresolved(vocab):
    # "The chief told John Roe he would leave." - the chief is no one named here
    doc = parsed(vocab, """
        The    DET   DT  det      1
        chief  NOUN  NN  nsubj    2
        told   VERB  VBD ROOT     2 O tell
        John   PROPN NNP compound 4 B-PERSON
        Roe    PROPN NNP dobj     2 I-PERSON
        he     PRON  PRP nsubj    7 O he
        would  AUX   MD  aux      7 O would
        leave  VERB  VB  ccomp    2 O leave
        .      PUNCT .   punct    2
    """)
    assert resolve(doc) == []


def test_the_speaker_is_not_whom_their_reported_words_are_about(vocab):
    # 'Chris Doe spoke. John Roe has failed, he claimed.' - he is not John Roe
    doc = parsed(vocab, """
        Chris   PROPN NNP compound 1 B-PERSON
        Doe     PROPN NNP nsubj    2 I-PERSON
        spoke   VERB  VBD ROOT     2 O speak
        .       PUNCT .   punct    2
        John    PROPN NNP compound 5 B-PERSON
        Roe     PROPN NNP nsubj    7 I-PERSON
        has     AUX   VBZ aux      7
        failed  VERB  VBN ccomp    10 O fail
        ,       PUNCT ,   punct    10
        he      PRON  PRP nsubj    10 O he
        claimed VERB  VBD ROOT     10 O claim
        .       PUNCT .   punct    10
    """)
    assert resolve(doc) == [("he", "Chris Doe")]
