"""Quality: the seed, the test split and the development split, scored in one run.

Every change to the rules shows here what it did to the stories nobody tuned for (the test split,
which is scored but never read for misses) next to the development split it was written from.

    .venv/bin/python benchmarks/quality.py            # the tables
    .venv/bin/python benchmarks/quality.py --json     # the figures, for scripts and comparisons
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = next((p / "shared" for p in ROOT.parents if (p / "shared" / "corpus").is_dir()), ROOT.parent / "shared")
SPLITS = {"seed": [SHARED / "gold" / "magnus-cbp-resignation.json"],
          "test": sorted((ROOT / "tests" / "gold" / "test").glob("*.json")),
          "dev": sorted((ROOT / "tests" / "gold" / "dev").glob("*.json")),
          "dev2": sorted((ROOT / "tests" / "gold" / "dev2").glob("*.json")),  # a second development set
          "people": sorted((ROOT / "tests" / "gold" / "people").glob("*.json"))}  # persons only


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--model", default=None, help="an installed spaCy pipeline (default: govgraph's)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from govgraph.evaluate import PREDICATES, Score, evaluate_files, report_data

    started = time.perf_counter()
    scores = {split: evaluate_files(paths, [SHARED], args.model) for split, paths in SPLITS.items()}
    data = {split: report_data(found) for split, found in scores.items()}
    if args.json:
        print(json.dumps({split: {k: v for k, v in figures.items() if k not in ("misses", "extras")}
                          for split, figures in data.items()}, indent=1))
        return
    # persons P: in the stories whose gold lists every person (not the seed's)
    print(f"{'split':6} {'stories':>7} {'gold':>5} {'right':>6} {'wrong':>6} {'P':>5} {'R':>5} {'F1':>5} {'must_not':>8}"
          f" {'persons P':>9} {'persons R':>9} {'merges':>6}")
    for split, figures in data.items():
        o, people = figures["overall"], figures["people"]
        relations = (f"{o['gold']:5d} {o['right']:6d} {o['wrong']:6d} {o['precision']:5.2f} {o['recall']:5.2f}"
                     f" {o['f1']:5.2f} {len(figures['must_not_violations']):8d}") if split != "people" else \
            f"{'-':>5} {'-':>6} {'-':>6} {'-':>5} {'-':>5} {'-':>5} {'-':>8}"  # persons only
        print(f"{split:6} {len(scores[split]):7d} {relations}"
              f" {format(people['precision'], '.2f') if people['nodes'] else '-':>9} {people['recall']:9.2f}"
              f" {len(people['wrong_merges']):6d}")
    print()
    print(f"{'predicate':18}" + "".join(f" {split + ' gold/right/wrong':>24} {'P':>5} {'R':>5}" for split in ("test", "dev", "dev2")))
    for predicate in PREDICATES:
        cells = []
        for split in ("test", "dev", "dev2"):
            total = Score()
            for score in scores[split].values():
                total.add(score)
            gold, right, wrong = total.counts(predicate)
            p, r, _ = total.prf(predicate)
            cells.append(f" {f'{gold}/{right}/{wrong}':>24} {p:5.2f} {r:5.2f}")
        print(f"{predicate:18}" + "".join(cells))
    print(f"\n({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
