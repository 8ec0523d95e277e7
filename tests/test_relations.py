"""Relation rules: every predicate, positive, negated, conditional and passive.

Frame and modality rules are tested on Docs built by hand (no model); the table of sentences
runs the real pinned pipeline once for all cases.
"""

import pytest

from conftest import analyse, parsed
from govgraph.model import Article
from govgraph.relations import compile_rules, extract_relations, modality_of
from govgraph.rules import load_lexicon, load_relation_rules

# predicate, variant, sentence, relations that must be asserted (predicate, subject, object),
# predicates that must not be asserted
CASES = [
 # predicate, variant, sentence, expected (predicate, subject, object), forbidden predicates
 ("fired", "positive", "Prime Minister John Smith fired Mary Jones on Monday.", {("fired", "John Smith", "Mary Jones")}, set()),
 ("fired", "negated", "John Smith did not fire Mary Jones.", set(), {"fired"}),
 ("fired", "conditional", "John Smith would fire Mary Jones if she stayed.", {("threatenedToFire", "John Smith", "Mary Jones")}, {"fired"}),
 ("fired", "passive", "Mary Jones was sacked by John Smith.", {("fired", "John Smith", "Mary Jones")}, set()),
 ("threatenedToFire", "positive", "John Smith threatened to fire Mary Jones.", {("threatenedToFire", "John Smith", "Mary Jones")}, {"fired"}),
 ("threatenedToFire", "negated", "John Smith never threatened to sack Mary Jones.", set(), {"fired", "threatenedToFire"}),
 ("threatenedToFire", "conditional", "John Smith would recommend the dismissal of Mary Jones.", {("threatenedToFire", "John Smith", "Mary Jones")}, {"fired"}),
 ("threatenedToFire", "passive", "Mary Jones would be sacked by John Smith.", {("threatenedToFire", "John Smith", "Mary Jones")}, {"fired"}),
 ("resigned", "positive", "Mary Jones resigned from the Senate on Friday.", {("resigned", "Mary Jones", "Senate")}, set()),
 ("resigned", "negated", "Mary Jones did not resign.", {("refusedToResign", "Mary Jones", None)}, {"resigned"}),
 ("resigned", "conditional", "Mary Jones would resign if the report was published.", set(), {"resigned"}),
 ("resigned", "passive", "Mary Jones's resignation was accepted by John Smith.", {("resigned", "Mary Jones", None)}, set()),
 ("refusedToResign", "positive", "Mary Jones refused to resign.", {("refusedToResign", "Mary Jones", None)}, {"resigned"}),
 ("refusedToResign", "negated", "Mary Jones will not step down, she said.", {("refusedToResign", "Mary Jones", None)}, {"resigned"}),
 ("refusedToResign", "conditional", "Mary Jones would refuse to resign.", set(), {"resigned", "refusedToResign"}),
 ("refusedToResign", "passive", "Mary Jones said she would not comply with the request to step down, which came from John Smith.", {("refusedToResign", "Mary Jones", "John Smith"), ("askedToResign", "John Smith", "Mary Jones")}, {"resigned"}),
 ("askedToResign", "positive", "John Smith asked Mary Jones to resign.", {("askedToResign", "John Smith", "Mary Jones")}, {"resigned"}),
 ("askedToResign", "negated", "John Smith did not ask Mary Jones to resign.", set(), {"askedToResign", "resigned"}),
 ("askedToResign", "conditional", "John Smith would ask Mary Jones to step down.", set(), {"askedToResign", "resigned"}),
 ("askedToResign", "passive", "Mary Jones was asked to resign by John Smith.", {("askedToResign", "John Smith", "Mary Jones")}, {"resigned"}),
 ("askedToResign", "nominal", "John Smith called for Mary Jones's resignation.", {("askedToResign", "John Smith", "Mary Jones")}, {"resigned"}),
 ("appointed", "positive", "John Smith appointed Mary Jones.", {("appointed", "John Smith", "Mary Jones")}, set()),
 ("appointed", "negated", "John Smith did not appoint Mary Jones.", set(), {"appointed"}),
 ("appointed", "conditional", "John Smith would appoint Mary Jones.", set(), {"appointed"}),
 ("appointed", "passive", "Mary Jones was appointed by John Smith.", {("appointed", "John Smith", "Mary Jones")}, set()),
 ("succeeded", "positive", "Mary Jones replaced John Smith.", {("succeeded", "Mary Jones", "John Smith")}, set()),
 ("succeeded", "negated", "Mary Jones did not replace John Smith.", set(), {"succeeded"}),
 ("succeeded", "conditional", "Mary Jones could replace John Smith.", set(), {"succeeded"}),
 ("succeeded", "passive", "John Smith was replaced by Mary Jones.", {("succeeded", "Mary Jones", "John Smith")}, set()),
 ("criticized", "positive", "John Smith criticised Mary Jones.", {("criticized", "John Smith", "Mary Jones")}, set()),
 ("criticized", "negated", "John Smith did not criticise Mary Jones.", set(), {"criticized"}),
 ("criticized", "conditional", "John Smith might attack Mary Jones.", set(), {"criticized"}),
 ("criticized", "passive", "Mary Jones was attacked by John Smith.", {("criticized", "John Smith", "Mary Jones")}, set()),
 ("supported", "positive", "John Smith backed Mary Jones.", {("supported", "John Smith", "Mary Jones")}, set()),
 ("supported", "negated", "John Smith did not back Mary Jones.", set(), {"supported"}),
 ("supported", "conditional", "John Smith would back Mary Jones.", set(), {"supported"}),
 ("supported", "passive", "Mary Jones was defended by John Smith.", {("supported", "John Smith", "Mary Jones")}, set()),
 ("metWith", "positive", "John Smith met Mary Jones in London.", {("metWith", "John Smith", "Mary Jones")}, set()),
 ("metWith", "negated", "John Smith did not meet Mary Jones.", set(), {"metWith"}),
 ("metWith", "conditional", "John Smith will meet Mary Jones next week.", set(), {"metWith"}),
 ("metWith", "passive", "Mary Jones was met by John Smith.", {("metWith", "John Smith", "Mary Jones")}, set()),
 ("reportsTo", "positive", "Mary Jones reports to John Smith.", {("reportsTo", "Mary Jones", "John Smith")}, set()),
 ("reportsTo", "negated", "Mary Jones does not report to John Smith.", set(), {"reportsTo"}),
 ("memberOf", "positive", "Labour MP Mary Jones spoke.", {("memberOf", "Mary Jones", "Labour Party"), ("holdsPosition", "Mary Jones", None)}, set()),
 ("heldPosition", "former", "Former Labour MP Mary Jones spoke.", {("heldPosition", "Mary Jones", None), ("memberOf", "Mary Jones", "Labour Party")}, {"holdsPosition"}),
]


@pytest.fixture(scope="module")
def case_relations(nlp):
    from govgraph.build import extract_articles

    articles = [Article(text=case[2], source=f"case-{i}") for i, case in enumerate(CASES)]
    return [{(r.predicate, r.subject.label, r.object.label if r.object else None)
             for r in extraction.relations if r.modality == "asserted"}
            for extraction in extract_articles(articles)]


@pytest.mark.parametrize("index", range(len(CASES)), ids=[f"{c[0]}-{c[1]}" for c in CASES])
def test_rule_table(index, case_relations):
    predicate, variant, sentence, expected, forbidden = CASES[index]
    got = case_relations[index]
    assert expected <= got, f"{sentence!r}: got {got}"
    assert not {p for p, _, _ in got} & forbidden, f"{sentence!r}: got {got}"


def test_every_predicate_has_cases():
    from govgraph.evaluate import ONTOLOGY_PREDICATES

    covered = {c[0] for c in CASES} | {p for c in CASES for p, _, _ in c[3]}
    assert set(ONTOLOGY_PREDICATES) == covered  # reportsTo is mostly derived: see test_reason.py


def relations_of(doc):
    sentences, entities = analyse(doc)
    compiled = compile_rules(load_relation_rules(), doc.vocab)
    found = extract_relations(doc, Article(text=doc.text, source="x"), sentences, entities, compiled, load_lexicon())
    return {(r.predicate, r.subject.label, r.object.label if r.object else None, r.modality) for r in found}


# "Smith sacked Jones ." with the parse written out
ACTIVE = """
    Smith  PROPN NNP nsubj 1 B-PERSON
    sacked VERB  VBD ROOT  1 O sack
    Jones  PROPN NNP dobj  1 B-PERSON
    .      PUNCT .   punct 1
"""


def test_transitive_active_without_a_model(vocab):
    assert relations_of(parsed(vocab, ACTIVE)) == {("fired", "Smith", "Jones", "asserted")}


def test_transitive_passive_without_a_model(vocab):
    doc = parsed(vocab, """
        Jones  PROPN NNP nsubjpass 2 B-PERSON
        was    AUX   VBD auxpass   2 O be
        sacked VERB  VBN ROOT      2 O sack
        by     ADP   IN  agent     2
        Smith  PROPN NNP pobj      3 B-PERSON
        .      PUNCT .   punct     2
    """)
    assert relations_of(doc) == {("fired", "Smith", "Jones", "asserted")}


def test_phrasal_verbs_with_an_adverb_between_without_a_model(vocab):
    doc = parsed(vocab, """
        Smith       PROPN NNP nsubj  1 B-PERSON
        stepped     VERB  VBD ROOT   1 O step
        immediately ADV   RB  advmod 1
        down        ADV   RB  prt    1
        ;           PUNCT :   punct  1
        Jones       PROPN NNP nsubj  6 B-PERSON
        stepped     VERB  VBD ROOT   6 O step
        quickly     ADV   RB  advmod 6
        and         CCONJ CC  cc     6
        down        ADV   RB  advmod 6
        .           PUNCT .   punct  6
    """)
    compiled = compile_rules(load_relation_rules(), vocab)
    found = [(rule.id, token.i) for rule, token in compiled.triggers(doc)]
    # "stepped immediately down" is one trigger; "stepped quickly and down" does not run on
    assert [i for rule_id, i in found if rule_id == next(r.id for r in load_relation_rules() if "step down" in r.verbs)] == [1]


def test_conditional_firing_is_a_threat_without_a_model(vocab):
    doc = parsed(vocab, """
        Smith  PROPN NNP nsubj 2 B-PERSON
        would  AUX   MD  aux   2 O would
        sack   VERB  VB  ROOT  2 O sack
        Jones  PROPN NNP dobj  2 B-PERSON
        .      PUNCT .   punct 2
    """)
    assert relations_of(doc) == {("threatenedToFire", "Smith", "Jones", "asserted")}


def test_ask_frame_without_a_model(vocab):
    doc = parsed(vocab, """
        Smith  PROPN NNP nsubj 1 B-PERSON
        asked  VERB  VBD ROOT  1 O ask
        Jones  PROPN NNP dobj  1 B-PERSON
        to     PART  TO  aux   4
        resign VERB  VB  xcomp 1 O resign
        .      PUNCT .   punct 1
    """)
    # the request is asserted; the resignation it asks for is not
    assert relations_of(doc) == {("askedToResign", "Smith", "Jones", "asserted"), ("resigned", "Jones", None, "hedged")}


@pytest.mark.parametrize("aux, modality", [("not", "negated"), ("would", "conditional"), ("will", "future"),
                                           ("should", "hedged")])
def test_modality_without_a_model(vocab, aux, modality):
    dep = "neg" if aux == "not" else "aux"
    doc = parsed(vocab, f"""
        Jones  PROPN NNP nsubj  2 B-PERSON
        {aux}  PART  MD  {dep}  2
        resign VERB  VB  ROOT   2 O resign
        .      PUNCT .   punct  2
    """)
    assert modality_of(doc[2]) == modality


def test_denied_reports(vocab):
    doc = parsed(vocab, """
        Smith   PROPN NNP nsubj 1 B-PERSON
        denied  VERB  VBD ROOT  1 O deny
        reports NOUN  NNS dobj  1 O report
        that    SCONJ IN  mark  5
        he      PRON  PRP nsubj 5 O he
        quit    VERB  VBD ccomp 2 O quit
        .       PUNCT .   punct 1
    """)
    assert modality_of(doc[5]) == "denied"


def test_attribution_and_weekday(nlp):
    from datetime import date

    from govgraph.build import extract_articles

    article = Article(text="John Smith asked Mary Jones to resign on Wednesday, according to Peter Brown.",
                      source="x", published=date(2022, 11, 11))
    (extraction,) = extract_articles([article])
    (ask,) = [r for r in extraction.relations if r.predicate == "askedToResign"]
    assert ask.attributed_to.label == "Peter Brown"
    assert ask.time_text == "Wednesday" and ask.event_date == date(2022, 11, 9)


def test_seed_relations_have_evidence(seed_extraction):
    for relation in seed_extraction.relations:
        assert relation.rule and 0 < relation.confidence <= 1
        assert relation.sentence < len(seed_extraction.sentences)


def test_a_million_character_one_sentence_record_reads_in_linear_time(nlp):
    """A run-on record (no full stop in a million characters, a relation every few words) is read
    within half the time spaCy takes to parse it: nothing walks the whole sentence per token."""
    import random
    import time

    from govgraph.build import extract_articles
    from govgraph.load import MAX_ARTICLE_CHARS

    rnd = random.Random(7)
    first, last = ["Jane", "John", "Mary", "Tom", "Alice", "Bob"], ["Doe", "Roe", "Smith", "Brown", "Jones", "Moore"]
    verbs = ["criticized", "fired", "appointed", "praised", "met with", "asked to resign", "succeeded", "backed"]
    parts, size = [], 0
    while size < MAX_ARTICLE_CHARS:
        part = (f"{rnd.choice(first)} {rnd.choice(last)} {rnd.choice(verbs)} {rnd.choice(first)} {rnd.choice(last)} "
                f"on Monday, according to officials, and")
        parts.append(part)
        size += len(part) + 1
    text = ("Run-on record\n\n" + " ".join(parts))[:MAX_ARTICLE_CHARS - 1] + "."
    started = time.perf_counter()
    nlp(text)
    parsing = time.perf_counter() - started
    started = time.perf_counter()
    (extraction,) = extract_articles([Article(text=text, source="run-on.txt")])
    reading = time.perf_counter() - started
    assert len(extraction.relations) > 10_000
    assert reading <= 1.5 * parsing, f"parse {parsing:.1f} s, parse and read {reading:.1f} s"
