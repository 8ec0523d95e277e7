"""How long the network page takes to open and become interactive on a large graph.

Builds a synthetic govgraph-shaped graph of N people and bodies (posts, relations with evidence),
renders graph.html with every node in it (or takes --page, a page already built, such as a
build of ../shared/corpus/us-news/), opens it in headless Chromium (Debian's package, driven by
Playwright; every request off the file is refused) and times, over --repeat runs, the moment the
start view has settled and the page answers a click, then the "Whole graph" button until that
view has settled. Prints medians.

    .venv/bin/python benchmarks/html_large.py --nodes 5000 --repeat 3
    .venv/bin/python benchmarks/html_large.py --page /tmp/usnews/graph.html --repeat 5
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def synthetic_page(nodes: int) -> Path:
    """graph.html of the synthetic graph of about ``nodes`` people and bodies, every node in it."""
    from benchmarks_common import synthetic_extractions
    from govgraph.export import write_html
    from govgraph.graph import build_graph

    graph = build_graph(synthetic_extractions(max(1, nodes // 25)))
    page_file = Path(tempfile.mkdtemp()) / "graph.html"
    write_html(graph, page_file, max_nodes=0)
    return page_file


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=5000, help="people and bodies in the graph (posts come on top)")
    parser.add_argument("--page", type=Path, help="time this graph.html instead of a synthetic one")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    options = parser.parse_args()

    from playwright.sync_api import sync_playwright

    page_file = options.page.resolve() if options.page else synthetic_page(options.nodes)
    opened, whole = [], []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=options.chromium, args=ARGS)
        for _ in range(options.repeat):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            outside = []
            page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
                       else (outside.append(route.request.url), route.abort()))
            start = time.perf_counter()
            page.goto(page_file.as_uri())
            page.wait_for_selector("body[data-ready=yes]", timeout=120000)
            page.evaluate("showNode(allNodes[0].id)")  # the page answers
            opened.append(time.perf_counter() - start)
            counts = page.evaluate("[allNodes.length, nodes.length]")
            start = time.perf_counter()
            page.click("#wholeGraph")
            page.wait_for_selector("body[data-ready=yes][data-view=whole]", timeout=300000)
            whole.append(time.perf_counter() - start)
            drawn = page.evaluate("nodes.length")
            assert outside == [], outside
            page.close()
        browser.close()
    print(f"{page_file}: {counts[0]} nodes in the page (people, bodies, groups, sources and posts)")
    print(f"open -> start view ({counts[1]} nodes) settled and answering, median of {options.repeat}: "
          f"{statistics.median(opened):.2f} s (runs: {', '.join(f'{t:.2f}' for t in opened)})")
    print(f"whole graph ({drawn} nodes) -> settled, median of {options.repeat}: {statistics.median(whole):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in whole)})")


if __name__ == "__main__":
    main()
