"""Named queries on a large graph: rdflib on the Turtle file vs the Oxigraph store, in one run.

Builds a synthetic graph shaped like govgraph's output (see benchmarks_common.synthetic_archive:
people with posts in bodies, some of them recurring across stories, relations as direct triples
and as assertion nodes with evidence sentences, reportsTo chains, dated events) of about --triples
triples. Reports each engine's load time (the store's bulk load from the built graph; rdflib's
parse of the Turtle file) and each named query's median time over --repeat runs, with the rows it
returns. A person's queries ask about the most prominent recurring person; chain-of-command asks
about the bottom of a chain. rdflib runs each query in a child process that is stopped after
--rdflib-cap seconds, reported as "> cap".

    .venv/bin/python benchmarks/queries.py --triples 1000000 --repeat 3
"""

from __future__ import annotations

import argparse
import multiprocessing
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks_common import synthetic_archive  # noqa: E402  (sibling module)

# Triples a synthetic story adds to the graph (measured: 991,126 for 1,740 stories).
TRIPLES_PER_STORY = 570
PEOPLE = {"chain-of-command": "Person 0-0"}
PROMINENT = "Person R0"


def bindings(name: str, query) -> dict:
    """The parameters a named query is timed with."""
    from govgraph.query import bindings_for

    return bindings_for({"person": PEOPLE.get(name, PROMINENT)} if "person" in query.params else {})


def time_runs(run, repeat: int) -> tuple[list[float], int]:
    """Seconds each of ``repeat`` runs of ``run()`` takes, and the rows it returns."""
    runs, rows = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        rows = len(list(run()))
        runs.append(time.perf_counter() - start)
    return runs, rows


def _rdflib_child(graph, text: str, values: dict, repeat: int, pipe) -> None:
    """Run one query ``repeat`` times on the parsed graph, sending each run's time as it ends."""
    from govgraph.query import run_query

    for _ in range(repeat):
        start = time.perf_counter()
        rows = len(list(run_query(graph, text, values)))
        pipe.send((time.perf_counter() - start, rows))


def time_rdflib(graph, text: str, values: dict, repeat: int, cap: float) -> tuple[list[float], int] | None:
    """Like ``time_runs`` for rdflib, in a forked child (which shares the parsed graph) that is
    killed when a run takes longer than ``cap`` seconds: then None."""
    receive, send = multiprocessing.Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(target=_rdflib_child,
                                                        args=(graph, text, values, repeat, send))
    child.start()
    runs, rows = [], 0
    try:
        for _ in range(repeat):
            if not receive.poll(cap):
                return None
            seconds, rows = receive.recv()
            runs.append(seconds)
        return runs, rows
    finally:
        child.kill()
        child.join()


def build_archive(triples: int, turtle: Path):
    """The synthetic archive of about ``triples`` triples: its dataset and merged graph, the
    merged graph also written to ``turtle``."""
    from govgraph.export import write_turtle
    from govgraph.graph import add_article_graph, merge_graphs, new_dataset

    dataset = new_dataset()
    for extraction in synthetic_archive(max(1, round(triples / TRIPLES_PER_STORY))):
        add_article_graph(dataset, extraction)
    merged = merge_graphs(dataset)
    write_turtle(merged, turtle)
    return dataset, merged


def rdflib_cell(timed: tuple[list[float], int] | None, cap: float, rows: int) -> str:
    """rdflib's column: its median, "> cap" when stopped, and its rows if they are not the store's."""
    if timed is None:
        return f"{f'> {cap:g}':>16}"
    cell = f"{statistics.median(timed[0]):16.3f}"
    return cell if timed[1] == rows else f"{cell}  (rdflib: {timed[1]:,} rows)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--rdflib-cap", type=float, default=60, help="seconds an rdflib run may take")
    parser.add_argument("--skip-rdflib", action="store_true", help="time the store only")
    options = parser.parse_args()

    from govgraph.query import load_graph, named_queries
    from govgraph.store import open_store, query_store, write_store

    folder = Path(tempfile.mkdtemp(prefix="govgraph-bench-"))
    dataset, merged = build_archive(options.triples, folder / "graph.ttl")
    print(f"graph: {len(merged):,} triples")
    start = time.perf_counter()
    write_store(dataset, merged, folder / "store")
    store = open_store(folder / "store")
    print(f"load  oxigraph store (bulk load + compaction): {time.perf_counter() - start:7.1f} s")
    del dataset, merged
    graph = None
    if not options.skip_rdflib:
        start = time.perf_counter()
        graph = load_graph(folder / "graph.ttl")
        print(f"load  rdflib (graph file -> rdflib graph):      {time.perf_counter() - start:7.1f} s")

    print(f"{'query':22} {'rows':>7} {'store median s':>15} {'rdflib median s':>16}")
    for name, query in sorted(named_queries().items()):
        values = bindings(name, query)
        runs, rows = time_runs(lambda: query_store(store, query.text, values), options.repeat)
        rdflib_time = f"{'-':>16}"
        if graph is not None:
            timed = time_rdflib(graph, query.text, values, options.repeat, options.rdflib_cap)
            rdflib_time = rdflib_cell(timed, options.rdflib_cap, rows)
        print(f"{name:22} {rows:7,} {statistics.median(runs):15.3f} {rdflib_time}", flush=True)
    del store
    shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
