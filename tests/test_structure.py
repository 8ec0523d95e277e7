from conftest import analyse, parsed
from govgraph.rules import load_lexicon
from govgraph.structure import extract_structure


def structure_of(doc):
    sentences, entities = analyse(doc)
    return [(f.part, f.whole) for f in extract_structure(doc, sentences, entities, load_lexicon())]


def test_which_includes(vocab):
    # "the culture of Harbour Authority, which includes the Coast Guard." (clause hung on "culture")
    doc = parsed(vocab, """
        the      DET   DT  det      1
        culture  NOUN  NN  ROOT     1
        of       ADP   IN  prep     1
        Harbour  PROPN NNP compound 4 B-ORG
        Authority PROPN NNP pobj    2 I-ORG
        ,        PUNCT ,   punct    4
        which    PRON  WDT nsubj    7
        includes VERB  VBZ relcl    1 O include
        the      DET   DT  det      10
        Coast    PROPN NNP compound 10 B-ORG
        Guard    PROPN NNP dobj     7 I-ORG
        .        PUNCT .   punct    1
    """)
    assert structure_of(doc) == [("Coast Guard", "Harbour Authority")]


def test_a_division_of(vocab):
    # "the Coast Guard, a division of Harbour Authority, said"
    doc = parsed(vocab, """
        the      DET   DT  det      2
        Coast    PROPN NNP compound 2 B-ORG
        Guard    PROPN NNP nsubj    10 I-ORG
        ,        PUNCT ,   punct    2
        a        DET   DT  det      5
        division NOUN  NN  appos    2
        of       ADP   IN  prep     5
        Harbour  PROPN NNP compound 8 B-ORG
        Authority PROPN NNP pobj    6 I-ORG
        ,        PUNCT ,   punct    2
        said     VERB  VBD ROOT     10 O say
    """)
    assert structure_of(doc) == [("Coast Guard", "Harbour Authority")]


def test_seed_structure(seed_extraction):
    assert [(f.part, f.whole) for f in seed_extraction.structure] == [("Border Patrol", "U.S. Customs and Border Protection")]
