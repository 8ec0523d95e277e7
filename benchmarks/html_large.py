"""How long the network page takes to open and become interactive on a large graph.

Builds a synthetic govgraph-shaped graph of N people and bodies (posts, relations with evidence),
renders graph.html with every node shown, opens it in headless Chromium (Debian's package, driven
by Playwright) and times, over --repeat runs, the moment the layout has settled and the page
answers a click. Prints the median.

    .venv/bin/python benchmarks/html_large.py --nodes 5000 --repeat 3
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from govgraph.export import write_html
from govgraph.graph import build_graph
from govgraph.model import Article, Entity, Extraction, Mention, Post, Relation, Sentence

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def synthetic_extractions(nodes: int, seed: int = 1) -> list[Extraction]:
    """Articles of 20 people and 5 bodies each, with posts and relations between them."""
    rng = random.Random(seed)
    extractions = []
    for a in range(max(1, nodes // 25)):
        text = f"Story {a}. Person A{a} criticised person B{a}."
        article = Article(text=text, source=f"synthetic-{a}", title=f"Story {a}")
        sentences = (Sentence(0, 0, len(text), text),)
        mention = [Mention(0, 5, "Story", 0)]
        bodies = [Entity("Organization", f"Body {a}-{b}", set(), list(mention)) for b in range(5)]
        people = [Entity("Person", f"Person {a}-{p}", set(), list(mention),
                         [Post("Minister", bodies[p % 5].label, True, 0, "Minister")]) for p in range(20)]
        relations = tuple(Relation(rng.choice(["criticized", "supported", "metWith", "askedToResign"]),
                                   rng.choice(people), rng.choice(people), 0, "synthetic", trigger="criticised")
                          for _ in range(25))
        relations = tuple(r for r in relations if r.subject is not r.object)
        extractions.append(Extraction(article, sentences, tuple(people + bodies), (), relations))
    return extractions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=5000, help="people and bodies in the graph (posts come on top)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    options = parser.parse_args()

    from playwright.sync_api import sync_playwright

    graph = build_graph(synthetic_extractions(options.nodes))
    page_file = Path(tempfile.mkdtemp()) / "graph.html"
    write_html(graph, page_file, max_nodes=0)
    timings = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=options.chromium, args=ARGS)
        for _ in range(options.repeat):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            start = time.perf_counter()
            page.goto(page_file.as_uri())
            page.wait_for_selector("body[data-ready=yes]", timeout=120000)
            page.evaluate("showNode(allNodes[0].id)")  # the page answers
            timings.append(time.perf_counter() - start)
            shown = page.evaluate("allNodes.length")
            page.close()
        browser.close()
    print(f"nodes on the page: {shown} (people, bodies and posts); edges: {len(graph)} triples in the graph")
    print(f"open -> interactive, median of {options.repeat}: {statistics.median(timings):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in timings)})")


if __name__ == "__main__":
    main()
