import json
import subprocess
import sys

import pytest

from conftest import ROOT, SHARED
from govgraph.evaluate import evaluate_files, format_report, load_gold
from govgraph.model import GovgraphError

SEED_GOLD = SHARED / "gold" / "magnus-cbp-resignation.json"
DEV_GOLD = sorted((ROOT / "tests" / "gold").glob("*.json"))


def test_seed_f1_and_no_must_not_violation(nlp):
    (score,) = evaluate_files([SEED_GOLD]).values()
    precision, recall, f1 = score.prf()
    assert f1 >= 0.85, "\n".join(score.misses + score.extras)
    assert score.violations == []


def test_development_set_is_scored(nlp):
    scores = evaluate_files(DEV_GOLD, [SHARED])
    assert len(scores) >= 15
    report = format_report(scores)
    assert "overall (micro)" in report and "must_not violations:" in report


def test_gold_files_are_well_formed():
    for path in DEV_GOLD + [SEED_GOLD]:
        gold = load_gold(path)
        assert gold.relations


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
