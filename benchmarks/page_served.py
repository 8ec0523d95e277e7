"""How fast the served network page opens a person's neighbourhood over a large store.

Builds the synthetic archive of benchmarks/queries.py (about --triples triples) into an Oxigraph
store, runs `govgraph serve STORE --page` on it, opens the page in headless Chromium (Debian's
package, driven by Playwright; every request off 127.0.0.1 is refused) and times, over --repeat
runs, choosing the most prominent person from the search box until the neighbourhood is drawn
(laid out, the simulation stopped) and the side panel lists its relations and articles: as the
page measures it (performance.now, from the choice), and from outside (the key press until
Playwright sees the view, which adds its own round trips). Prints medians, and the page's open time.

    .venv/bin/python benchmarks/page_served.py --triples 1000000 --repeat 5
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from queries import PROMINENT, build_archive  # noqa: E402  (sibling module)

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def free_port() -> int:
    """A port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    options = parser.parse_args()

    from playwright.sync_api import sync_playwright

    from govgraph.store import write_store

    folder = Path(tempfile.mkdtemp(prefix="govgraph-bench-"))
    dataset, merged = build_archive(options.triples, folder / "graph.ttl")
    print(f"graph: {len(merged):,} triples")
    write_store(dataset, merged, folder / "store")
    del dataset, merged
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "govgraph.cli", "serve", str(folder / "store"), "--page",
                               "--port", str(port), "--timeout", "60"], stderr=subprocess.PIPE, text=True)
    try:
        server.stderr.readline()  # the endpoint is up
        url = f"http://127.0.0.1:{port}/"
        opened, focused, measured = [], [], []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=options.chromium, args=ARGS)
            for _ in range(options.repeat):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                outside = []
                page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(url)
                           else (outside.append(route.request.url), route.abort()))
                start = time.perf_counter()
                page.goto(url)
                page.wait_for_selector("body[data-ready=yes]", timeout=120000)
                opened.append(time.perf_counter() - start)
                page.fill("#search", PROMINENT)
                page.wait_for_selector("#suggestions li", timeout=60000)
                start = time.perf_counter()
                page.keyboard.press("Enter")
                page.wait_for_selector("body[data-ready=yes][data-view=focus] #details .articles", timeout=120000)
                focused.append(time.perf_counter() - start)
                page.wait_for_selector("body[data-took]")
                measured.append(int(page.get_attribute("body", "data-took")) / 1000)
                shown = page.evaluate("[nodes.length, edges.length]")
                assert outside == [], outside
                page.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(folder, ignore_errors=True)
    print(f"page open (start view drawn), median of {options.repeat}: {statistics.median(opened):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in opened)})")
    print(f"{PROMINENT}'s neighbourhood ({shown[0]} nodes, {shown[1]} edges) laid out with its panel filled, "
          f"median of {options.repeat}:")
    print(f"  in the page (choice -> drawn, still, panel filled): {statistics.median(measured):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in measured)})")
    print(f"  from outside (key press -> Playwright sees it): {statistics.median(focused):.2f} s "
          f"(runs: {', '.join(f'{t:.2f}' for t in focused)})")


if __name__ == "__main__":
    main()
