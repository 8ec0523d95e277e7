"""How long the network page takes to open and become interactive on a large graph.

Builds a synthetic govgraph-shaped graph of N people and bodies (posts, relations with evidence),
renders graph.html with every node shown, opens it in headless Chromium (Debian's package, driven
by Playwright) and times, over --repeat runs, the moment the layout has settled and the page
answers a click. Prints the median.

    .venv/bin/python benchmarks/html_large.py --nodes 5000 --repeat 3
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from govgraph.export import write_html
from govgraph.graph import build_graph
from benchmarks_common import synthetic_extractions

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, default=5000, help="people and bodies in the graph (posts come on top)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    options = parser.parse_args()

    from playwright.sync_api import sync_playwright

    graph = build_graph(synthetic_extractions(max(1, options.nodes // 25)))
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
