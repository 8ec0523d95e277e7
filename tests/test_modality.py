"""modality.py: how a trigger's clause presents the event, on hand-built parses (no model)."""
import pytest

from conftest import parsed
from govgraph.modality import modality_of


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


def test_a_condition_in_its_own_clause_makes_the_event_conditional(vocab):
    # "Doe resigns if Roe wins." / "Doe resigns unless Roe wins." / "Doe resigns when Roe wins."
    def reading(marker):
        doc = parsed(vocab, f"""
            Doe     PROPN NNP nsubj 1 B-PERSON
            resigns VERB  VBZ ROOT  1 O resign
            {marker} SCONJ IN mark  4
            Roe     PROPN NNP nsubj 4 B-PERSON
            wins    VERB  VBZ advcl 1 O win
            .       PUNCT .   punct 1
        """)
        return modality_of(doc[1])

    assert [reading(m) for m in ("if", "unless", "when")] == ["conditional", "conditional", "asserted"]


@pytest.mark.parametrize("preposition, reading", [("in", "conditional"), ("at", "asserted")])
def test_a_clause_on_in_the_event_is_a_condition(vocab, preposition, reading):
    # "Roe stays in the event Doe resigns." - a condition; "Roe spoke at the event Doe hosted." is
    # a gathering, and what the clause on it says happened
    doc = parsed(vocab, f"""
        Roe     PROPN NNP nsubj 1 B-PERSON
        stays   VERB  VBZ ROOT  1 O stay
        {preposition} ADP IN prep 1
        the     DET   DT  det   4
        event   NOUN  NN  pobj  2
        Doe     PROPN NNP nsubj 6 B-PERSON
        resigns VERB  VBZ relcl 4 O resign
        .       PUNCT .   punct 1
    """)
    assert modality_of(doc[6]) == reading


# Each way modality_of reads a clause, on a hand-built parse: (what it shows, table, trigger index,
# reading). One row per branch, each with a parse that only that branch reads as it should.
MODALITY_BRANCHES = [
    ("the event is the condition: 'If Doe resigns, Roe stays'", """
        If      SCONJ IN  mark  2
        Doe     PROPN NNP nsubj 2 B-PERSON
        resigns VERB  VBZ advcl 5 O resign
        ,       PUNCT ,   punct 5
        Roe     PROPN NNP nsubj 5 B-PERSON
        stays   VERB  VBZ ROOT  5 O stay
        .       PUNCT .   punct 5
    """, 2, "conditional"),
    ("the event is the exception: 'Unless Doe resigns, Roe stays'", """
        Unless  SCONJ IN  mark  2
        Doe     PROPN NNP nsubj 2 B-PERSON
        resigns VERB  VBZ advcl 5 O resign
        ,       PUNCT ,   punct 5
        Roe     PROPN NNP nsubj 5 B-PERSON
        stays   VERB  VBZ ROOT  5 O stay
        .       PUNCT .   punct 5
    """, 2, "conditional"),
    ("a complement of 'be': 'Doe is to resign'", """
        Doe    PROPN NNP nsubj 1 B-PERSON
        is     AUX   VBZ ROOT  1 O be
        to     PART  TO  aux   3
        resign VERB  VB  xcomp 1 O resign
        .      PUNCT .   punct 1
    """, 3, "future"),
    ("a complement of a plan: 'Doe plans to resign'", """
        Doe    PROPN NNP nsubj 1 B-PERSON
        plans  VERB  VBZ ROOT  1 O plan
        to     PART  TO  aux   3
        resign VERB  VB  xcomp 1 O resign
        .      PUNCT .   punct 1
    """, 3, "future"),
    ("what a negated verb does not say: 'Roe did not say that Doe resigned'", """
        Roe      PROPN NNP nsubj 3 B-PERSON
        did      AUX   VBD aux   3 O do
        not      PART  RB  neg   3
        say      VERB  VB  ROOT  3
        that     SCONJ IN  mark  6
        Doe      PROPN NNP nsubj 6 B-PERSON
        resigned VERB  VBD ccomp 3 O resign
        .        PUNCT .   punct 3
    """, 6, "negated"),
    ("what a negated 'be' denies: 'The point is not that Doe resigned'", """
        The      DET   DT  det   1
        point    NOUN  NN  nsubj 2
        is       AUX   VBZ ROOT  2 O be
        not      PART  RB  neg   2
        that     SCONJ IN  mark  6
        Doe      PROPN NNP nsubj 6 B-PERSON
        resigned VERB  VBD ccomp 2 O resign
        .        PUNCT .   punct 2
    """, 6, "negated"),
    ("a denial four steps up: 'Roe denied that aides said they thought they heard Doe resigned'", """
        Roe      PROPN NNP nsubj 1 B-PERSON
        denied   VERB  VBD ROOT  1 O deny
        that     SCONJ IN  mark  4
        aides    NOUN  NNS nsubj 4 O aide
        said     VERB  VBD ccomp 1 O say
        they     PRON  PRP nsubj 6
        thought  VERB  VBD ccomp 4 O think
        they     PRON  PRP nsubj 8
        heard    VERB  VBD ccomp 6 O hear
        Doe      PROPN NNP nsubj 10 B-PERSON
        resigned VERB  VBD ccomp 8 O resign
        .        PUNCT .   punct 1
    """, 10, "denied"),
    ("a denial five steps up is about something else: 'Roe rejected the budget of a department whose "
     "aides said Doe resigned'", """
        Roe        PROPN NNP  nsubj 1 B-PERSON
        rejected   VERB  VBD  ROOT  1 O reject
        the        DET   DT   det   3
        budget     NOUN  NN   dobj  1
        of         ADP   IN   prep  3
        a          DET   DT   det   6
        department NOUN  NN   pobj  4
        whose      DET   WP$  poss  8
        aides      NOUN  NNS  nsubj 9 O aide
        said       VERB  VBD  relcl 6 O say
        Doe        PROPN NNP  nsubj 11 B-PERSON
        resigned   VERB  VBD  ccomp 9 O resign
        .          PUNCT .    punct 1
    """, 11, "asserted"),
    ("what is demanded: 'Roe demanded that Doe resign'", """
        Roe      PROPN NNP nsubj 1 B-PERSON
        demanded VERB  VBD ROOT  1 O demand
        that     SCONJ IN  mark  4
        Doe      PROPN NNP nsubj 4 B-PERSON
        resign   VERB  VB  ccomp 1 O resign
        .        PUNCT .   punct 1
    """, 4, "hedged"),
    ("what is requested: 'Roe requested that Doe resign'", """
        Roe       PROPN NNP nsubj 1 B-PERSON
        requested VERB  VBD ROOT  1 O request
        that      SCONJ IN  mark  4
        Doe       PROPN NNP nsubj 4 B-PERSON
        resign    VERB  VB  ccomp 1 O resign
        .         PUNCT .   punct 1
    """, 4, "hedged"),
    ("what is called for: 'Roe called for Doe to resign'", """
        Roe    PROPN NNP nsubj 1 B-PERSON
        called VERB  VBD ROOT  1 O call
        for    SCONJ IN  mark  5
        Doe    PROPN NNP nsubj 5 B-PERSON
        to     PART  TO  aux   5
        resign VERB  VB  advcl 1 O resign
        .      PUNCT .   punct 1
    """, 5, "hedged"),
    ("a clause on a noun is not done: 'a plan for Doe to resign'", """
        Roe    PROPN NNP nsubj 1 B-PERSON
        backed VERB  VBD ROOT  1 O back
        a      DET   DT  det   3
        plan   NOUN  NN  dobj  1
        for    SCONJ IN  mark  7
        Doe    PROPN NNP nsubj 7 B-PERSON
        to     PART  TO  aux   7
        resign VERB  VB  acl   3 O resign
        .      PUNCT .   punct 1
    """, 7, "hedged"),
    ("a question is asked, not a condition: 'Roe asked if Doe resigned'", """
        Roe      PROPN NNP nsubj 1 B-PERSON
        asked    VERB  VBD ROOT  1 O ask
        if       SCONJ IN  mark  4
        Doe      PROPN NNP nsubj 4 B-PERSON
        resigned VERB  VBD ccomp 1 O resign
        .        PUNCT .   punct 1
    """, 1, "asserted"),
    ("a reason denied: 'There is no justification for Doe to resign'", """
        There         PRON  EX  expl  1
        is            VERB  VBZ ROOT  1 O be
        no            DET   DT  det   3
        justification NOUN  NN  attr  1
        for           SCONJ IN  mark  7
        Doe           PROPN NNP nsubj 7 B-PERSON
        to            PART  TO  aux   7
        resign        VERB  VB  advcl 3 O resign
        .             PUNCT .   punct 1
    """, 7, "negated"),
    ("a reason denied, as a relative clause: 'Doe saw no reason to resign'", """
        Doe    PROPN NNP nsubj 1 B-PERSON
        saw    VERB  VBD ROOT  1 O see
        no     DET   DT  det   3
        reason NOUN  NN  dobj  1
        to     PART  TO  aux   5
        resign VERB  VB  relcl 3 O resign
        .      PUNCT .   punct 1
    """, 5, "negated"),
    ("a plan denied: 'Doe has no plan to resign'", """
        Doe    PROPN NNP nsubj 1 B-PERSON
        has    VERB  VBZ ROOT  1 O have
        no     DET   DT  det   3
        plan   NOUN  NN  dobj  1
        to     PART  TO  aux   5
        resign VERB  VB  acl   3 O resign
        .      PUNCT .   punct 1
    """, 5, "negated"),
    ("no one did: 'There is no one who resigned'", """
        There    PRON  EX  expl  1
        is       VERB  VBZ ROOT  1 O be
        no       DET   DT  det   3
        one      PRON  NN  attr  1
        who      PRON  WP  nsubj 5
        resigned VERB  VBD relcl 3 O resign
        .        PUNCT .   punct 1
    """, 5, "negated"),
    ("what never happened is the call, not the resignation: 'Roe never phoned Doe after Doe resigned'", """
        Roe      PROPN NNP nsubj 2 B-PERSON
        never    ADV   RB  neg   2
        phoned   VERB  VBD ROOT  2 O phone
        Doe      PROPN NNP dobj  2 B-PERSON
        after    SCONJ IN  mark  6
        Doe      PROPN NNP nsubj 6 B-PERSON
        resigned VERB  VBD advcl 2 O resign
        .        PUNCT .   punct 2
    """, 6, "asserted"),
    ("a clause of time is no request: 'Roe called Doe after Doe resigned'", """
        Roe      PROPN NNP nsubj 1 B-PERSON
        called   VERB  VBD ROOT  1 O call
        Doe      PROPN NNP dobj  1 B-PERSON
        after    SCONJ IN  mark  5
        Doe      PROPN NNP nsubj 5 B-PERSON
        resigned VERB  VBD advcl 1 O resign
        .        PUNCT .   punct 1
    """, 5, "asserted"),
    ("an answer is not a negation: 'No, Doe resigned'", """
        No       INTJ  UH  intj  3
        ,        PUNCT ,   punct 3
        Doe      PROPN NNP nsubj 3 B-PERSON
        resigned VERB  VBD ROOT  3 O resign
        .        PUNCT .   punct 3
    """, 3, "asserted"),
    ("a promise is not yet an event: 'Doe offered to resign'", """
        Doe     PROPN NNP nsubj 1 B-PERSON
        offered VERB  VBD ROOT  1 O offer
        to      PART  TO  aux   3
        resign  VERB  VB  xcomp 1 O resign
        .       PUNCT .   punct 1
    """, 3, "future"),
    ("a present 'going to' is future: 'Doe is going to resign'", """
        Doe    PROPN NNP nsubj 2 B-PERSON
        is     AUX   VBZ aux   2 O be
        going  VERB  VBG ROOT  2 O go
        to     PART  TO  aux   4
        resign VERB  VB  xcomp 2 O resign
        .      PUNCT .   punct 2
    """, 4, "future"),
    ("'went on to' without 'be' tells what happened: 'Doe went on to resign'", """
        Doe    PROPN NNP nsubj 1 B-PERSON
        went   VERB  VBD ROOT  1 O go
        on     ADP   RP  prt   1
        to     PART  TO  aux   4
        resign VERB  VB  xcomp 1 O resign
        .      PUNCT .   punct 1
    """, 4, "asserted"),
    ("a modal parsed as the verb: 'Doe ought to resign'", """
        Doe    PROPN NNP nsubj 1 B-PERSON
        ought  AUX   MD  ROOT  1 O ought
        to     PART  TO  aux   3
        resign VERB  VB  xcomp 1 O resign
        .      PUNCT .   punct 1
    """, 3, "hedged"),
    ("an obligation: 'Doe has to resign'", """
        Doe    PROPN NNP nsubj 1 B-PERSON
        has    VERB  VBZ ROOT  1 O have
        to     PART  TO  aux   3
        resign VERB  VB  xcomp 1 O resign
        .      PUNCT .   punct 1
    """, 3, "hedged"),
    ("a past obligation was met: 'Doe had to resign'", """
        Doe    PROPN NNP nsubj 1 B-PERSON
        had    VERB  VBD ROOT  1 O have
        to     PART  TO  aux   3
        resign VERB  VB  xcomp 1 O resign
        .      PUNCT .   punct 1
    """, 3, "asserted"),
    ("a present clause of time is to come: 'Before Doe resigns, Roe acts'", """
        Before  SCONJ IN  mark  2
        Doe     PROPN NNP nsubj 2 B-PERSON
        resigns VERB  VBZ advcl 5 O resign
        ,       PUNCT ,   punct 5
        Roe     PROPN NNP nsubj 5 B-PERSON
        acts    VERB  VBZ ROOT  5 O act
        .       PUNCT .   punct 5
    """, 2, "future"),
    ("a past clause of time happened: 'Before Doe resigned, Roe acted'", """
        Before   SCONJ IN  mark  2
        Doe      PROPN NNP nsubj 2 B-PERSON
        resigned VERB  VBD advcl 5 O resign
        ,        PUNCT ,   punct 5
        Roe      PROPN NNP nsubj 5 B-PERSON
        acted    VERB  VBD ROOT  5 O act
        .        PUNCT .   punct 5
    """, 2, "asserted"),
    ("an open question: 'Whether Doe resigns matters'", """
        Whether SCONJ IN  mark  2
        Doe     PROPN NNP nsubj 2 B-PERSON
        resigns VERB  VBZ csubj 3 O resign
        matters VERB  VBZ ROOT  3 O matter
        .       PUNCT .   punct 3
    """, 2, "conditional"),
    ("what one failed to do: 'Doe failed to resign'", """
        Doe    PROPN NNP nsubj 1 B-PERSON
        failed VERB  VBD ROOT  1 O fail
        to     PART  TO  aux   3
        resign VERB  VB  xcomp 1 O resign
        .      PUNCT .   punct 1
    """, 3, "negated"),
    ("the road not taken: 'Instead of firing Doe, Roe waited'", """
        Instead ADV   RB  advmod 1
        of      ADP   IN  prep   6
        firing  VERB  VBG pcomp  1 O fire
        Doe     PROPN NNP dobj   2 B-PERSON
        ,       PUNCT ,   punct  6
        Roe     PROPN NNP nsubj  6 B-PERSON
        waited  VERB  VBD ROOT   6 O wait
        .       PUNCT .   punct  6
    """, 2, "negated"),
    ("anticipated: 'Roe looks forward to meeting Doe'", """
        Roe     PROPN NNP nsubj  1 B-PERSON
        looks   VERB  VBZ ROOT   1 O look
        forward ADV   RB  advmod 1
        to      ADP   IN  prep   1
        meeting VERB  VBG pcomp  3 O meet
        Doe     PROPN NNP dobj   4 B-PERSON
        .       PUNCT .   punct  1
    """, 4, "future"),
    ("a step towards is no anticipation: 'Roe went forward to meeting Doe'", """
        Roe     PROPN NNP nsubj  1 B-PERSON
        went    VERB  VBD ROOT   1 O go
        forward ADV   RB  advmod 1
        to      ADP   IN  prep   1
        meeting VERB  VBG pcomp  3 O meet
        Doe     PROPN NNP dobj   4 B-PERSON
        .       PUNCT .   punct  1
    """, 4, "asserted"),
    ("what is prevented: 'Roe stopped Doe from resigning'", """
        Roe       PROPN NNP nsubj 1 B-PERSON
        stopped   VERB  VBD ROOT  1 O stop
        Doe       PROPN NNP dobj  1 B-PERSON
        from      ADP   IN  prep  1
        resigning VERB  VBG pcomp 3 O resign
        .         PUNCT .   punct 1
    """, 4, "negated"),
    ("what one comes from is no prevention: 'Roe returned from resigning'", """
        Roe       PROPN NNP nsubj 1 B-PERSON
        returned  VERB  VBD ROOT  1 O return
        from      ADP   IN  prep  1
        resigning VERB  VBG pcomp 2 O resign
        .         PUNCT .   punct 1
    """, 3, "asserted"),
    ("a for-to infinitive on a verb: 'It sparked calls for Doe to resign'", """
        It      PRON  PRP nsubj 1
        sparked VERB  VBD ROOT  1 O spark
        calls   NOUN  NNS dobj  1 O call
        for     SCONJ IN  mark  6
        Doe     PROPN NNP nsubj 6 B-PERSON
        to      PART  TO  aux   6
        resign  VERB  VB  advcl 1 O resign
        .       PUNCT .   punct 1
    """, 6, "hedged"),
    ("a clause on 'time': 'It is time Doe resigns'", """
        It      PRON  PRP nsubj 1
        is      AUX   VBZ ROOT  1 O be
        time    NOUN  NN  attr  1
        Doe     PROPN NNP nsubj 4 B-PERSON
        resigns VERB  VBZ relcl 2 O resign
        .       PUNCT .   punct 1
    """, 4, "hedged"),
    ("a purpose: 'Roe voted to confirm Doe'", """
        Roe     PROPN NNP nsubj 1 B-PERSON
        voted   VERB  VBD ROOT  1 O vote
        to      PART  TO  aux   3
        confirm VERB  VB  advcl 1 O confirm
        Doe     PROPN NNP dobj  3 B-PERSON
        .       PUNCT .   punct 1
    """, 3, "hedged"),
    ("the charge one is chosen for: 'Doe was elected to replace Roe'", """
        Doe     PROPN NNP nsubjpass 2 B-PERSON
        was     AUX   VBD auxpass   2 O be
        elected VERB  VBN ROOT      2 O elect
        to      PART  TO  aux       4
        replace VERB  VB  advcl     2 O replace
        Roe     PROPN NNP dobj      4 B-PERSON
        .       PUNCT .   punct     2
    """, 4, "asserted"),
    ("what is asked not to happen: 'Roe urged Doe not to resign'", """
        Roe    PROPN NNP nsubj 1 B-PERSON
        urged  VERB  VBD ROOT  1 O urge
        Doe    PROPN NNP dobj  1 B-PERSON
        not    PART  RB  neg   5
        to     PART  TO  aux   5
        resign VERB  VB  xcomp 1 O resign
        .      PUNCT .   punct 1
    """, 5, "hedged"),
    ("a refusal stays negated: 'Doe refused not to resign'", """
        Doe     PROPN NNP nsubj 1 B-PERSON
        refused VERB  VBD ROOT  1 O refuse
        not     PART  RB  neg   4
        to      PART  TO  aux   4
        resign  VERB  VB  xcomp 1 O resign
        .       PUNCT .   punct 1
    """, 4, "negated"),
    ("a relative clause on a noun is: 'The aide who resigned left'", """
        The      DET   DT  det   1
        aide     NOUN  NN  nsubj 4
        who      PRON  WP  nsubj 3
        resigned VERB  VBD relcl 1 O resign
        left     VERB  VBD ROOT  4 O leave
        .        PUNCT .   punct 4
    """, 3, "asserted"),
    ("an event talked of: 'There was speculation about Doe's resignation'", """
        There       PRON  EX  expl  1
        was         VERB  VBD ROOT  1 O be
        speculation NOUN  NN  attr  1
        about       ADP   IN  prep  2
        Doe         PROPN NNP poss  6 B-PERSON
        's          PART  POS case  4
        resignation NOUN  NN  pobj  3
        .           PUNCT .   punct 1
    """, 6, "hedged"),
    ("an event said to be unlikely: 'Doe's resignation is unlikely'", """
        Doe         PROPN NNP poss  2 B-PERSON
        's          PART  POS case  0
        resignation NOUN  NN  nsubj 3
        is          AUX   VBZ ROOT  3 O be
        unlikely    ADJ   JJ  acomp 3
        .           PUNCT .   punct 3
    """, 2, "hedged"),
    ("a conjunct sharing the subject shares the negation: 'Doe did not apologise or resign'", """
        Doe       PROPN NNP nsubj 3 B-PERSON
        did       AUX   VBD aux   3 O do
        not       PART  RB  neg   3
        apologise VERB  VB  ROOT  3 O apologise
        or        CCONJ CC  cc    3
        resign    VERB  VB  conj  3 O resign
        .         PUNCT .   punct 3
    """, 5, "negated"),
    ("a conjunct with its own subject is a clause of its own: 'Roe did not stay but Doe resigned'", """
        Roe      PROPN NNP nsubj 3 B-PERSON
        did      AUX   VBD aux   3 O do
        not      PART  RB  neg   3
        stay     VERB  VB  ROOT  3 O stay
        but      CCONJ CC  cc    3
        Doe      PROPN NNP nsubj 6 B-PERSON
        resigned VERB  VBD conj  3 O resign
        .        PUNCT .   punct 3
    """, 6, "asserted"),
    ("a past-tense conjunct is out of the auxiliary's reach: 'Doe would quit and endorsed Roe'", """
        Doe      PROPN NNP nsubj 2 B-PERSON
        would    AUX   MD  aux   2
        quit     VERB  VB  ROOT  2 O quit
        and      CCONJ CC  cc    2
        endorsed VERB  VBD conj  2 O endorse
        Roe      PROPN NNP dobj  4 B-PERSON
        .        PUNCT .   punct 2
    """, 4, "asserted"),
    ("a base-form conjunct is in it: 'Doe would quit and endorse Roe'", """
        Doe      PROPN NNP nsubj 2 B-PERSON
        would    AUX   MD  aux   2
        quit     VERB  VB  ROOT  2 O quit
        and      CCONJ CC  cc    2
        endorse  VERB  VB  conj  2 O endorse
        Roe      PROPN NNP dobj  4 B-PERSON
        .        PUNCT .   punct 2
    """, 4, "conditional"),
]


@pytest.mark.parametrize("shows, table, trigger, reading", MODALITY_BRANCHES,
                         ids=[row[0].split(":")[0] for row in MODALITY_BRANCHES])
def test_each_branch_of_modality_without_a_model(vocab, shows, table, trigger, reading):
    assert modality_of(parsed(vocab, table)[trigger]) == reading, shows


@pytest.mark.parametrize("clause, tag, aux, reading", [
    ("fired", "VBD", "", "asserted"),  # "Doe told reporters she fired Roe": a report of a deed
    ("fired", "VBN", "had AUX VBD aux 5", "asserted"),  # "... she had fired Roe"
    ("fire", "VB", "should AUX MD aux 5", "hedged"),  # "... she should fire Roe": advice
])
def test_what_one_tells_in_the_indicative_is_reported_not_asked_for(vocab, clause, tag, aux, reading):
    at = 5 if aux else 4
    doc = parsed(vocab, f"""
        Doe      PROPN NNP nsubj  1 B-PERSON
        told     VERB  VBD ROOT   1 O tell
        reporters NOUN NNS dobj   1
        she      PRON  PRP nsubj  {at}
        {aux}
        {clause} VERB  {tag} ccomp 1 O fire
        Roe      PROPN NNP dobj   {at} B-PERSON
        .        PUNCT .   punct  1
    """)
    assert modality_of(doc[at]) == reading
    # "Doe told Roe to resign": an infinitive told is asked for
    doc = parsed(vocab, """
        Doe    PROPN NNP nsubj 1 B-PERSON
        told   VERB  VBD ROOT  1 O tell
        Roe    PROPN NNP dobj  1 B-PERSON
        to     PART  TO  aux   4
        resign VERB  VB  xcomp 1 O resign
        .      PUNCT .   punct 1
    """)
    assert modality_of(doc[4]) == "hedged"


@pytest.mark.parametrize("frame, lemma, reading", [
    ("expected", "expect", "future"),   # "Delegates are expected to vote to confirm Doe ."
    ("eager", "eager", "asserted"),     # nothing unreal above: the vote's own clause decides
])
def test_an_open_complement_is_as_unreal_as_the_clause_it_completes(vocab, frame, lemma, reading):
    doc = parsed(vocab, f"""
        Delegates PROPN NNPS nsubjpass 2
        are       AUX   VBP  auxpass   2
        {frame}   VERB  VBN  ROOT      2 O {lemma}
        to        PART  TO   aux       4
        vote      VERB  VB   xcomp     2 O vote
        to        PART  TO   aux       6
        confirm   VERB  VB   xcomp     4 O confirm
        Doe       PROPN NNP  dobj      6 B-PERSON
        .         PUNCT .    punct     2
    """)
    assert modality_of(doc[6]) == reading


@pytest.mark.parametrize("verb, lemma, reading", [
    ("blocked", "block", "negated"),  # the thwarting happened: the confirmation did not
    ("derailed", "derail", "negated"),
    ("welcomed", "welcome", "asserted"),  # any other verb says nothing of the event
])
def test_an_event_noun_a_verb_of_thwarting_takes_did_not_happen(vocab, verb, lemma, reading):
    # "Democrats blocked / derailed / welcomed Doe's confirmation ."
    doc = parsed(vocab, f"""
        Democrats    PROPN NNPS nsubj 1 B-NORP
        {verb}       VERB  VBD  ROOT  1 O {lemma}
        Doe          PROPN NNP  poss  4 B-PERSON
        's           PART  POS  case  2
        confirmation NOUN  NN   dobj  1 O confirmation
        .            PUNCT .    punct 1
    """)
    assert modality_of(doc[4]) == reading


def test_an_event_noun_whose_thwarting_is_only_tried_is_in_doubt(vocab):
    # "Democrats tried to block Doe's confirmation ."
    doc = parsed(vocab, """
        Democrats    PROPN NNPS nsubj 1 B-NORP
        tried        VERB  VBD  ROOT  1 O try
        to           PART  TO   aux   3
        block        VERB  VB   xcomp 1 O block
        Doe          PROPN NNP  poss  6 B-PERSON
        's           PART  POS  case  4
        confirmation NOUN  NN   dobj  3 O confirmation
        .            PUNCT .    punct 1
    """)
    assert modality_of(doc[6]) == "hedged"
