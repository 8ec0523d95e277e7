"""page.py: the data the network page carries, and how it travels inside the HTML (no browser;
tests/test_browser.py drives the page itself)."""
import json
from datetime import date

from govgraph.graph import build_graph
from govgraph.model import Article, Entity, Extraction, Mention, Sentence


def dated_extraction():
    """A story in which a minister, in post from 2021 to July 2024, fired someone on 15 July 2024."""
    from govgraph.model import Post, Relation

    text = "Jane Roe fired John Doe on Monday. Aardvark Agency said nothing."
    article = Article(text=text, source="dated.txt", title="Roe fires Doe", published=date(2024, 7, 20))
    sentences = (Sentence(0, 0, 34, text[:34]), Sentence(1, 35, len(text), text[35:]))
    roe = Entity("Person", "Jane Roe", set(), [Mention(0, 8, "Jane Roe", 0)],
                 [Post("Minister", "Department of Tests", False, 0, "Minister", started="2021", ended="2024-07")])
    doe = Entity("Person", "John Doe", {"Doe"}, [Mention(15, 23, "John Doe", 0)])
    agency = Entity("Organization", "Aardvark Agency", set(), [Mention(35, 50, "Aardvark Agency", 1)])
    fired = Relation("fired", roe, doe, 0, "test", trigger="fired", time_text="on Monday", event_date="2024-07-15")
    return Extraction(article, sentences, (roe, doe, agency), (), (fired,))


def test_page_data_has_dated_posts_dated_events_and_ranks_people_first():
    from govgraph.page import page_data

    data = page_data(build_graph([dated_extraction()]), max_nodes=2)
    nodes = {n["label"]: n for n in data["nodes"]}
    assert nodes["Jane Roe"]["posts"] == [{"label": "Minister, Department of Tests", "former": True, "start": "2021",
                                            "end": "2024-07"}]
    assert nodes["John Doe"]["aliases"] == ["Doe"] and nodes["John Doe"]["posts"] == []
    (fired,) = [e for e in data["edges"] if e["relation"] == "fired"]
    assert [(i["eventDate"], i["date"], i["headline"]) for i in fired["evidence"]] == [("2024-07-15", "2024-07-20",
                                                                                          "Roe fires Doe")]
    assert not fired["dashes"] and not fired["structural"]
    # how much the graph knows: one article and one relation each; none of the agency
    assert (nodes["Jane Roe"]["score"], nodes["John Doe"]["score"], nodes["Aardvark Agency"]["relations"]) == (2, 2, 0)
    # a cap of 2 keeps every node in the page (search reaches them) and draws the two best-linked
    assert data["total"] == len(data["nodes"]) and data["cap"] == 2
    ranked = sorted(data["nodes"], key=lambda n: n["rank"])
    assert [n["label"] for n in ranked[:2]] == ["Jane Roe", "John Doe"]


def test_page_json_cannot_end_its_script_element():
    from govgraph.page import json_for_script

    text = json_for_script({"a": "</script><!-- & \u2028\u2029 é"})
    assert text == '{"a":"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\\u2029 é"}'
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 é"}
