import json
import subprocess
import sys

import pytest

from conftest import GOLD_SPLITS, SHARED
from govgraph.evaluate import format_report, load_gold
from govgraph.model import GovgraphError

SEED_GOLD = SHARED / "gold" / "magnus-cbp-resignation.json"
ALL_GOLD = [path for paths in GOLD_SPLITS.values() for path in paths]


def test_seed_f1_and_no_must_not_violation(gold_scores):
    (score,) = gold_scores["seed"].values()
    precision, recall, f1 = score.prf()
    assert f1 >= 0.85, "\n".join(score.misses + score.extras)
    assert score.violations == []


@pytest.mark.parametrize("split", ["dev", "dev2"])
def test_no_must_not_violation_on_the_development_sets(gold_scores, split):
    # what a story says did not happen is never in the graph; the test split's count is in the
    # README (test_readme), as its misses are not read
    violations = [v for score in gold_scores[split].values() for v in score.violations]
    assert violations == []


def test_every_split_is_scored(gold_scores):
    assert len(gold_scores["dev"]) >= 30 and len(gold_scores["test"]) >= 25 and len(gold_scores["dev2"]) >= 12
    for scores in gold_scores.values():
        report = format_report(scores)
        assert "overall (micro)" in report and "must_not violations:" in report


def test_the_test_split_is_at_least_two_fifths_of_the_stories_and_apart_from_dev():
    dev, test, people, dev2 = ({p.stem for p in GOLD_SPLITS[split]} for split in ("dev", "test", "people", "dev2"))
    assert not dev & test
    assert len(test) >= 0.4 * (len(dev) + len(test))
    assert len(people) >= 60 and not people & (dev | test)  # a development set of its own
    assert not dev2 & (dev | test | people)  # and so is the second one


def test_a_persons_only_gold_scores_persons_and_no_relation(gold_scores):
    for score in gold_scores["people"].values():
        assert not (any(score.tp.values()) or any(score.fp.values()) or any(score.fn.values()) or score.violations)
    total = sum(score.graph_persons for score in gold_scores["people"].values())
    assert total > 250


@pytest.mark.parametrize("path", ALL_GOLD, ids=[p.stem for p in ALL_GOLD])
def test_gold_file_is_well_formed_and_consistent(path):
    """Aliases and evidence occur in the story (in our own files; the shared seed's gold lists name
    variants too); no must_not forbids one of the file's own relations."""
    import hashlib
    import re

    gold = load_gold(path)
    assert gold.relations or (gold.persons_only and gold.all_persons_listed and not gold.must_not)
    article = (SHARED / gold.source) if (SHARED / gold.source).is_file() else path.parents[2] / gold.source
    data = article.read_bytes()
    assert hashlib.sha256(data).hexdigest() == gold.sha256
    text = re.sub(r"\s+", " ", data.decode("utf-8"))
    raw = json.loads(path.read_text(encoding="utf-8"))
    ours = path not in GOLD_SPLITS["seed"]
    for entity in raw["entities"] if ours else ():
        for alias in entity.get("aliases", []):
            assert re.sub(r"\s+", " ", alias) in text, alias
    for relation in gold.relations:
        evidence = re.sub(r"\s+", " ", relation["evidence"]).strip()
        assert not ours or (evidence in text and len(evidence.split()) <= 12), evidence
    for banned in gold.must_not:
        for relation in gold.relations:
            same = relation["p"] == banned["p"] and relation["s"] == banned["s"] and \
                (banned.get("o") is None or relation.get("o") == banned["o"]) and \
                (not banned.get("title") or banned["title"].lower() == (relation.get("title") or "").lower())
            assert not same, (banned, relation)


def test_unknown_predicate_is_reported(tmp_path):
    bad = {"id": "x", "source": {"path": "x.txt"}, "entities": [{"id": "a", "name": "A", "type": "Person"}],
           "relations": [{"s": "a", "p": "hugged", "o": None}]}
    (tmp_path / "bad.json").write_text(json.dumps(bad))
    with pytest.raises(GovgraphError, match="unknown predicate 'hugged'"):
        load_gold(tmp_path / "bad.json")


def test_cli_evaluate_prints_the_table(nlp):
    result = subprocess.run([sys.executable, "-m", "govgraph.cli", "evaluate", str(SEED_GOLD), "-v"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].split() == ["predicate", "gold", "right", "wrong", "P", "R", "F1"]
    assert "must_not violations: 0" in result.stdout and "misses:" in result.stdout


def hand_made_graph():
    """A graph with known answers: Jane Doe criticised John Roe (right) and supported the Senate
    (wrong); she is a senator (right); one node carries both John Roe and Jim Roe (a wrong merge);
    "Widget Text" is no person of the story."""
    from rdflib import RDF, RDFS, Graph, Literal, Namespace
    from rdflib.namespace import FOAF, ORG, SKOS

    from govgraph.graph import GG

    ids = Namespace("https://example.org/id/")
    graph = Graph()
    for node, label, kind in ((ids.jane, "Jane Doe", FOAF.Person), (ids.roe, "John Roe", FOAF.Person),
                              (ids.widget, "Widget Text", FOAF.Person), (ids.senate, "Senate", ORG.Organization)):
        graph.add((node, RDF.type, kind))
        graph.add((node, SKOS.prefLabel, Literal(label)))
    graph.add((ids.roe, SKOS.altLabel, Literal("Jim Roe")))
    graph.add((ids.post, RDFS.label, Literal("Senator")))
    graph.add((ids.post, ORG.postIn, ids.senate))
    graph.add((ids.jane, GG.holdsPosition, ids.post))
    graph.add((ids.jane, GG.criticized, ids.roe))
    graph.add((ids.jane, GG.supported, ids.senate))
    return graph


def hand_made_gold(tmp_path, all_persons_listed=True):
    gold = {"id": "hand", "source": {"path": "hand.txt"}, "published": None, "all_persons_listed": all_persons_listed,
            "entities": [{"id": "jane", "name": "Jane Doe", "type": "Person", "aliases": ["Doe"]},
                         {"id": "john", "name": "John Roe", "type": "Person", "aliases": []},
                         {"id": "jim", "name": "Jim Roe", "type": "Person", "aliases": []},
                         {"id": "mary", "name": "Mary Major", "type": "Person", "aliases": ["Major"]},
                         {"id": "senate", "name": "Senate", "type": "Organization", "aliases": ["U.S. Senate"]},
                         {"id": "party", "name": "Labour Party", "type": "Organization", "aliases": []}],
            "relations": [{"s": "jane", "p": "criticized", "o": "john", "evidence": "x"},
                          {"s": "jane", "p": "holdsPosition", "o": "senate", "title": "Senator", "evidence": "x"},
                          {"s": "jane", "p": "memberOf", "o": "party", "evidence": "x"}],
            "must_not": [{"s": "jane", "p": "supported", "o": "senate", "why": "never said"}]}
    (tmp_path / "hand.json").write_text(json.dumps(gold))
    return load_gold(tmp_path / "hand.json")


def test_per_predicate_counts_people_and_merges_on_known_answers(tmp_path):
    from govgraph.evaluate import report_data, score_graph

    score = score_graph(hand_made_graph(), hand_made_gold(tmp_path))
    assert score.counts("criticized") == (1, 1, 0)
    assert score.counts("holdsPosition") == (1, 1, 0)
    assert score.counts("memberOf") == (1, 0, 0)
    assert score.counts("supported") == (0, 0, 1)
    assert score.counts() == (3, 2, 1)
    assert len(score.violations) == 1 and "must not supported jane -> senate" in score.violations[0]
    # people: Mary Major has no node (recall 3 of 4); Widget Text is no gold person (precision 2 of 3)
    assert (score.persons_gold, score.persons_found) == (4, 3)
    assert (score.graph_persons, score.graph_persons_right) == (3, 2)
    assert score.wrong_merges == ["hand: John Roe holds jim, john"]
    assert score.not_persons == ["hand: Widget Text"]
    data = report_data({"hand": score})
    assert data["predicates"]["supported"] == {"gold": 0, "right": 0, "wrong": 1, "precision": 0.0, "recall": 0.0,
                                               "f1": 0.0}
    assert data["people"]["precision"] == 0.6667 and data["people"]["recall"] == 0.75
    report = format_report({"hand": score}, verbose=True)
    assert report.splitlines()[0].split() == ["predicate", "gold", "right", "wrong", "P", "R", "F1"]
    assert "people: recall 0.75 (3 of 4 gold persons have a node); precision 0.67" in report
    assert "wrong merges 1" in report and "  hand: Widget Text" in report


def test_person_precision_counts_only_stories_whose_gold_lists_every_person(tmp_path):
    from govgraph.evaluate import score_graph

    score = score_graph(hand_made_graph(), hand_made_gold(tmp_path, all_persons_listed=False))
    assert (score.graph_persons, score.graph_persons_right) == (0, 0) and score.persons_found == 3


def test_cli_evaluate_json_for_scripts(nlp):
    result = subprocess.run([sys.executable, "-m", "govgraph.cli", "evaluate", str(SEED_GOLD), "--json"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["overall"]["gold"] == 27 and data["overall"]["right"] >= 24
    assert data["stories"]["magnus-cbp-resignation"]["must_not_violations"] == 0
    assert set(data["people"]) >= {"recall", "precision", "wrong_merges"}
