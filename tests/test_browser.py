"""The network page in a real browser: headless Chromium (Debian's package) driven by Playwright.

Every request that is not for a local file is refused and fails the test: the page must work
offline. `make test` installs Chromium when it is missing.
"""

import shutil

import pytest

from conftest import ROOT, SEED

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def open_page(browser, path):
    """Open a page offline; return it with the lists of outside requests, console errors and dialogs."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    outside, errors, dialogs = [], [], []

    def route(request_route):
        if request_route.request.url.startswith("file:"):
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.as_uri())
    page.wait_for_selector("body[data-ready=yes]", timeout=20000)
    return page, outside, errors, dialogs


@pytest.fixture(scope="module")
def seed_page_file(tmp_path_factory, nlp):
    from govgraph.build import build

    out = tmp_path_factory.mktemp("seed")
    build([SEED], out)
    return out / "graph.html"


def click_edge(page, relation, source_label):
    """Click, with the mouse, the middle of the first edge of a relation from a node."""
    point = page.evaluate("""([relation, label]) => {
        const edge = allEdges.find(e => e.relation === relation && nodes.get(e.from).label === label);
        const pos = network.getPositions([edge.from, edge.to]);
        const middle = {x: (pos[edge.from].x + pos[edge.to].x) / 2, y: (pos[edge.from].y + pos[edge.to].y) / 2};
        network.moveTo({position: middle, scale: 1.5, animation: false});
        const dom = network.canvasToDOM(middle);
        const box = document.getElementById("network").getBoundingClientRect();
        return {x: box.left + dom.x, y: box.top + dom.y};
    }""", [relation, source_label])
    page.mouse.click(point["x"], point["y"])


def test_seed_page_offline_with_people_and_evidence(browser, seed_page_file):
    page, outside, errors, dialogs = open_page(browser, seed_page_file)
    labels = page.evaluate("allNodes.map(n => n.label)")
    assert {"Chris Magnus", "Alejandro N. Mayorkas", "John Tien"} <= set(labels)
    click_edge(page, "askedToResign", "John Tien")
    details = page.inner_text("#details")
    assert details.startswith("John Tien askedToResign Chris Magnus")
    assert "also told Magnus that he should resign" in details
    assert page.inner_text("#details mark") in ("told", "resign")
    assert "according to Chris Magnus" in details and "asserted" in details
    page.evaluate("network.fit({animation: false})")
    (ROOT / "output").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "output" / "seed-graph.png"))
    assert outside == [] and errors == [] and dialogs == []


def test_search_and_filters(browser, seed_page_file):
    page, outside, errors, _ = open_page(browser, seed_page_file)
    page.fill("#search", "Mayorkas")
    page.dispatch_event("#search", "change")
    assert page.inner_text("#details").startswith("Alejandro N. Mayorkas")
    assert "Secretary, Department of Homeland Security" in page.inner_text("#details")
    # what the network draws: vis-network's own edges, shown or hidden, dashed or not
    drawn = """(test) => Object.values(network.body.edges).filter(e => test(edges.get(e.id)))
                           .map(e => ({hidden: !!e.options.hidden, dashes: !!e.options.dashes}))"""
    shown = lambda test: page.evaluate(f"({drawn})({test})")
    page.uncheck("#derivedToggle")
    derived, stated = shown("e => e.derived"), shown("e => !e.derived")
    assert derived and all(edge["hidden"] for edge in derived)
    assert stated and not any(edge["hidden"] for edge in stated)  # the filter hides only what it names
    page.uncheck("#relationFilter input[value=criticized]")
    criticized, asked = shown("e => e.relation === 'criticized'"), shown("e => e.relation === 'askedToResign'")
    assert criticized and all(edge["hidden"] for edge in criticized)
    assert asked and not any(edge["hidden"] for edge in asked)
    page.check("#relationFilter input[value=criticized]")
    assert not any(edge["hidden"] for edge in shown("e => e.relation === 'criticized' && !e.derived"))
    # a threat is drawn dashed; a request to resign that was made, solid
    threats = shown("e => e.relation === 'threatenedToFire'")
    assert threats and all(edge["dashes"] for edge in threats)
    assert not any(edge["dashes"] for edge in shown("e => e.relation === 'askedToResign'"))
    assert outside == [] and errors == []


def test_untrusted_text_stays_text(browser, tmp_path, nlp):
    from govgraph.build import build

    story = ("Minister quits over row\n\nJohn Smith criticised Mary Jones, calling her plan "
             "\u201c<script>alert(1)</script> <img src=x onerror=alert(1)>\u201d on Monday.")
    (tmp_path / "evil.txt").write_text(story, encoding="utf-8")
    build([tmp_path / "evil.txt"], tmp_path / "out")
    page, outside, errors, dialogs = open_page(browser, tmp_path / "out" / "graph.html")
    page.evaluate("showEdge(allEdges.find(e => e.relation === 'criticized').id)")
    page.wait_for_timeout(300)
    assert dialogs == [] and errors == [] and outside == []
    assert page.evaluate("document.querySelectorAll('img, #details script').length") == 0
    details = page.inner_text("#details")
    assert "<script>alert(1)</script>" in details and "<img src=x onerror=alert(1)>" in details
