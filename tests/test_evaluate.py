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


def test_every_split_is_scored(gold_scores):
    assert len(gold_scores["dev"]) >= 30 and len(gold_scores["test"]) >= 25
    for scores in gold_scores.values():
        report = format_report(scores)
        assert "overall (micro)" in report and "must_not violations:" in report


def test_the_test_split_is_at_least_two_fifths_of_the_stories_and_apart_from_dev():
    dev, test = ({p.stem for p in GOLD_SPLITS[split]} for split in ("dev", "test"))
    assert not dev & test
    assert len(test) >= 0.4 * (len(dev) + len(test))


@pytest.mark.parametrize("path", ALL_GOLD, ids=[p.stem for p in ALL_GOLD])
def test_gold_file_is_well_formed_and_consistent(path):
    """Aliases and evidence occur in the story (in our own files; the shared seed's gold lists name
    variants too); no must_not forbids one of the file's own relations."""
    import hashlib
    import re

    gold = load_gold(path)
    assert gold.relations
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
    assert result.stdout.splitlines()[0].split() == ["predicate", "gold", "found", "right", "P", "R", "F1"]
    assert "must_not violations: 0" in result.stdout and "misses:" in result.stdout
