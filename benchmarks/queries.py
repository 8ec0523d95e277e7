"""Named queries on a large graph: rdflib on the Turtle file vs the Oxigraph store, in one run.

Builds a synthetic graph shaped like govgraph's output (people with posts in bodies, relations
as direct triples and assertion nodes with evidence sentences, reportsTo chains), of about
--triples triples; reports load time for each engine and each named query's median time over
--repeat runs.

    .venv/bin/python benchmarks/queries.py --triples 1000000 --repeat 3
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks_common import synthetic_extractions  # noqa: E402  (sibling module)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-rdflib", action="store_true", help="time the store only")
    options = parser.parse_args()

    from govgraph.graph import add_article_graph, merge_graphs, new_dataset
    from govgraph.query import bindings_for, load_graph, named_queries, run_query
    from govgraph.store import open_store, query_store, write_store

    # about 400 triples per synthetic article (see benchmarks_common)
    dataset = new_dataset()
    for extraction in synthetic_extractions(max(1, options.triples // 400)):
        add_article_graph(dataset, extraction)
    merged = merge_graphs(dataset)
    folder = Path(tempfile.mkdtemp())
    turtle = folder / "graph.ttl"
    turtle.write_bytes(merged.serialize(format="turtle", encoding="utf-8"))
    print(f"graph: {len(merged):,} triples")

    start = time.perf_counter()
    write_store(dataset, merged, folder / "store")
    store = open_store(folder / "store")
    print(f"load  oxigraph store (bulk): {time.perf_counter() - start:7.2f} s")
    graph = None
    if not options.skip_rdflib:
        start = time.perf_counter()
        graph = load_graph(turtle)
        print(f"load  rdflib (Turtle parse): {time.perf_counter() - start:7.2f} s")

    print(f"{'query':22} {'store median s':>15} {'rdflib median s':>16}")
    for name, query in sorted(named_queries().items()):
        bindings = bindings_for({"person": "Person 0-0"} if "person" in query.params else {})
        times = {}
        for engine in ("store", "rdflib"):
            if engine == "rdflib" and graph is None:
                continue
            runs = []
            for _ in range(options.repeat):
                start = time.perf_counter()
                result = query_store(store, query.text, bindings) if engine == "store" else run_query(graph, query.text, bindings)
                list(result)
                runs.append(time.perf_counter() - start)
            times[engine] = statistics.median(runs)
        rdflib_time = f"{times['rdflib']:16.3f}" if "rdflib" in times else f"{'-':>16}"
        print(f"{name:22} {times['store']:15.3f} {rdflib_time}")


if __name__ == "__main__":
    main()
