from govgraph.model import sentence_index


def test_the_sentence_holding_an_offset():
    starts = [0, 10, 25]
    assert [sentence_index(starts, offset) for offset in (0, 9, 10, 24, 25, 400)] == [0, 0, 1, 1, 2, 2]
    assert sentence_index(starts, -1) == 0  # before the first sentence: the first
    assert sentence_index([], 5) == 0
