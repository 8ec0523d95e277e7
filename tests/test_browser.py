"""The network page in a real browser: headless Chromium (Debian's package) driven by Playwright.

Every request that is not for a local file (or, served, for the page's own `govgraph serve`) is
refused and fails the test: the page must work offline. `make test` installs Chromium when it is
missing.
"""

import shutil
import socket
import subprocess
import sys

import pytest

from conftest import ROOT, SEED, SHARED

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
US_NEWS = SHARED / "corpus" / "us-news"
# Screenshots of each run land here (not tracked); docs/ holds copies of them for the README.
SHOTS = ROOT / "output"


@pytest.fixture(scope="module")
def browser():
    SHOTS.mkdir(exist_ok=True)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def open_page(browser, address, allowed="file:"):
    """Open a page (a file, or a served page's URL with ``allowed`` its origin); return it with the
    lists of requests elsewhere, console errors and dialogs."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    outside, errors, dialogs = [], [], []

    def route(request_route):
        if request_route.request.url.startswith(allowed):
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(address if isinstance(address, str) else address.as_uri())
    page.wait_for_selector("body[data-ready=yes]", timeout=30000)
    return page, outside, errors, dialogs


def wait_view(page, view):
    """Wait until a view of this name is laid out and still."""
    page.wait_for_selector(f"body[data-ready=yes][data-view={view}]", timeout=30000)


@pytest.fixture(scope="module")
def seed_page_file(tmp_path_factory, nlp):
    from govgraph.build import build

    out = tmp_path_factory.mktemp("seed")
    build([SEED], out)
    return out / "graph.html"


@pytest.fixture(scope="module")
def us_news(tmp_path_factory, nlp):
    """The 100 stories of the shared us-news corpus, built once with the real pipeline (and a store)."""
    from govgraph.build import build

    out = tmp_path_factory.mktemp("us-news")
    build([US_NEWS], out, store=out / "store")
    return out


def click_node(page, label):
    """Click, with the mouse, the node of a label in the current view."""
    point = page.evaluate("""(label) => {
        const id = nodes.getIds().find(id => nodeById.get(id).label === label);
        const position = network.getPositions([id])[id];
        network.moveTo({position, scale: 1.2, animation: false});
        const dom = network.canvasToDOM(position);
        const box = document.getElementById("network").getBoundingClientRect();
        return {x: box.left + dom.x, y: box.top + dom.y};
    }""", label)
    page.mouse.click(point["x"], point["y"])


def click_edge(page, relation, source_label):
    """Click, with the mouse, the middle of the first edge of a relation from a node."""
    point = page.evaluate("""([relation, label]) => {
        const edge = allEdges.find(e => e.relation === relation && nodeById.get(e.from).label === label);
        const pos = network.getPositions([edge.from, edge.to]);
        const middle = {x: (pos[edge.from].x + pos[edge.to].x) / 2, y: (pos[edge.from].y + pos[edge.to].y) / 2};
        network.moveTo({position: middle, scale: 1.5, animation: false});
        const dom = network.canvasToDOM(middle);
        const box = document.getElementById("network").getBoundingClientRect();
        return {x: box.left + dom.x, y: box.top + dom.y};
    }""", [relation, source_label])
    page.mouse.click(point["x"], point["y"])


def suggestions(page, text):
    """Type ``text`` into the search box; the names it suggests, in order."""
    page.fill("#search", "")
    page.type("#search", text)
    page.wait_for_selector(f'body[data-suggested="{text}"] #suggestions li', timeout=30000)
    return page.eval_on_selector_all("#suggestions li strong", "items => items.map(i => i.textContent)")


def search_and_focus(page, text):
    """Search ``text`` and take the first suggestion: the neighbourhood is drawn and the panel filled."""
    first = suggestions(page, text)[0]
    page.keyboard.press("Enter")
    wait_view(page, "focus")
    page.wait_for_selector("#details .articles", timeout=30000)
    return first


# ---- the seed: a small graph, drawn whole ----

def test_seed_page_offline_with_people_and_evidence(browser, seed_page_file):
    page, outside, errors, dialogs = open_page(browser, seed_page_file)
    assert page.get_attribute("body", "data-view") == "start"
    assert page.evaluate("nodes.length") == page.evaluate("allNodes.length")  # small: the whole graph
    labels = page.evaluate("allNodes.map(n => n.label)")
    assert {"Chris Magnus", "Alejandro N. Mayorkas", "John Tien"} <= set(labels)
    click_edge(page, "askedToResign", "John Tien")
    page.wait_for_selector("#details .evidence")
    details = page.inner_text("#details")
    assert details.startswith("John Tien askedToResign Chris Magnus")
    assert "also told Magnus that he should resign" in details
    assert page.inner_text("#details mark") in ("told", "resign")
    assert "according to Chris Magnus" in details and "asserted" in details
    page.evaluate("network.fit({animation: false})")
    page.screenshot(path=str(SHOTS / "seed-graph.png"))
    assert outside == [] and errors == [] and dialogs == []


def test_seed_search_and_filters(browser, seed_page_file):
    page, outside, errors, _ = open_page(browser, seed_page_file)
    assert search_and_focus(page, "Mayorkas") == "Alejandro N. Mayorkas"
    assert page.inner_text("#details").startswith("Alejandro N. Mayorkas")
    assert "Secretary, Department of Homeland Security (current)" in page.inner_text("#details .post")
    page.click("#wholeGraph")
    wait_view(page, "whole")
    # what the network draws: vis-network's own edges, shown or hidden, dashed or not
    drawn = """(test) => Object.values(network.body.edges).filter(e => test(edgeById.get(e.id)))
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
    page.wait_for_selector("#details .evidence")
    page.evaluate("showArticle(articles[0].id)")
    wait_view(page, "article")
    assert page.inner_text("#details").startswith("Minister quits over row")
    page.evaluate("showEdge(allEdges.find(e => e.relation === 'criticized').id)")
    page.wait_for_selector("#details .evidence")
    assert dialogs == [] and errors == [] and outside == []
    assert page.evaluate("document.querySelectorAll('img, #details script').length") == 0
    details = page.inner_text("#details")
    assert "<script>alert(1)</script>" in details and "<img src=x onerror=alert(1)>" in details


# ---- an archive: the 100 us-news stories ----

def test_us_news_opens_on_the_most_connected_people(browser, us_news):
    page, outside, errors, _ = open_page(browser, us_news / "graph.html")
    assert page.get_attribute("body", "data-view") == "start"
    total, shown = page.evaluate("[allNodes.length, nodes.length]")
    assert total > 1500 and 20 <= shown
    # no node without an edge, and the best-known person of the archive in the middle of it
    assert page.evaluate("nodes.getIds().filter(id => network.getConnectedEdges(id).length === 0)") == []
    assert page.evaluate("nodes.getIds().filter(id => nodeById.get(id).kind === 'Post')") == []
    assert "Joe Biden" in page.evaluate("nodes.getIds().map(id => nodeById.get(id).label)")
    # every name legible at full view: a label of at least 8 pixels on screen, drawn (vis-network
    # draws one of at least drawThreshold - 1 pixels)
    sizes = """(zoom) => { if (zoom) network.moveTo({scale: zoom, animation: false}); else network.fit({animation: false});
        const scale = network.getScale();
        return Object.fromEntries(nodes.getIds().map(id => network.body.nodes[id]).map(n =>
            [nodeById.get(n.id).label, [n.labelModule.fontOptions.size * scale, n.options.scaling.label.drawThreshold - 1]])); }"""
    start = page.evaluate(sizes, None)
    assert shown <= 60 and all(size >= 8 and size >= threshold for size, threshold in start.values())
    page.screenshot(path=str(SHOTS / "us-news-start.png"))
    # the whole graph a click away: its 1,500 best-connected nodes (the build's default cap), every
    # person among them; there, only the best-known names are drawn until one zooms in
    page.click("#wholeGraph")
    wait_view(page, "whole")
    assert page.evaluate("nodes.length") == 1500
    assert page.evaluate("allNodes.filter(n => n.kind === 'Person').every(n => nodes.get(n.id))")
    named = lambda zoom: {label for label, (size, threshold) in page.evaluate(sizes, zoom).items() if size >= threshold}
    assert len(named(None)) < 20  # fitted to the window: no carpet of names
    closer = named(0.45)  # zoomed in: the names of the best-known first
    assert "Joe Biden" in closer and "Donald J. Trump" in closer and len(closer) < 500
    assert outside == [] and errors == []


def test_us_news_search_focuses_the_person_meant(browser, us_news):
    page, outside, errors, _ = open_page(browser, us_news / "graph.html")
    offered = suggestions(page, "Biden")
    assert offered[0] == "Joe Biden"
    assert "Biden administration" in offered  # every name that holds the word, best-known first
    assert suggestions(page, "Chuck Schumer")[0] == "Charles Schumer"  # an alias finds the person too
    assert "also “Chuck Schumer”" in page.inner_text("#suggestions li")
    page.keyboard.press("Escape")
    assert search_and_focus(page, "Biden") == "Joe Biden"
    biden = page.evaluate("allNodes.find(n => n.label === 'Joe Biden').id")
    one_step = page.evaluate("nodes.getIds()")
    neighbours = page.evaluate("""(id) => [...new Set(allEdges.filter(e => (e.from === id || e.to === id) && !e.structural)
                                                  .flatMap(e => [e.from, e.to]))]""", biden)
    assert sorted(one_step) == sorted(neighbours)  # one step: Joe Biden and everyone linked to him
    assert page.evaluate("document.getElementById('view').textContent") == "Showing Joe Biden: 1 step around"
    page.screenshot(path=str(SHOTS / "us-news-biden.png"))
    page.select_option("#depth", "2")
    page.evaluate("(id) => focusOn(id)", biden)
    wait_view(page, "focus")
    two_steps = page.evaluate("nodes.getIds()")
    assert set(one_step) < set(two_steps)
    assert page.evaluate("document.getElementById('view').textContent") == "Showing Joe Biden: 2 steps around"
    assert outside == [] and errors == []


def test_us_news_node_panel_lists_relations_and_articles(browser, us_news):
    page, outside, errors, _ = open_page(browser, us_news / "graph.html")
    click_node(page, "Joe Biden")
    page.wait_for_selector("#details .articles")
    details = page.inner_text("#details")
    assert details.startswith("Joe Biden\nPerson")
    posts = page.eval_on_selector_all("#details .post", "items => items.map(i => i.textContent)")
    assert "President, United States Government (current)" in posts and "Vice President (former)" in posts
    expected = page.evaluate("""() => { const id = allNodes.find(n => n.label === 'Joe Biden').id;
        const own = allEdges.filter(e => !e.structural && !['holdsPosition', 'heldPosition'].includes(e.relation));
        return [own.filter(e => e.from === id).length, own.filter(e => e.to === id).length,
                allNodes.find(n => n.id === id).articles.length]; }""")
    assert f"Relations out ({expected[0]})" in details and f"Relations in ({expected[1]})" in details
    assert f"Articles ({expected[2]})" in details and expected[2] > 50
    # the articles newest first, each with its date and headline
    listed = page.eval_on_selector_all("#details .articles .link", "items => items.map(i => i.textContent)")
    dates = [item.split(" · ")[0] for item in listed]
    assert len(listed) == expected[2] and dates == sorted(dates, reverse=True)
    # an article of the list opens the article's view, Joe Biden in it
    page.click("#details .articles .link >> nth=0")
    wait_view(page, "article")
    assert page.inner_text("#details h2") == listed[0].split(" · ", 1)[1]
    assert "Joe Biden" in page.evaluate("nodes.getIds().map(id => nodeById.get(id).label)")
    click_node(page, "Joe Biden")
    page.wait_for_selector("#details .relations")
    # a relation opens its evidence: the sentences, trigger words marked, modality and headline
    page.click("#details .relations .link:has-text('metWith → Benjamin Netanyahu')")
    page.wait_for_selector("#details .evidence")
    assert page.inner_text("#details h2") == "Joe Biden metWith Benjamin Netanyahu"
    assert page.locator("#details .evidence").count() == 9
    assert page.locator("#details .evidence mark").count() >= 9
    modalities = page.eval_on_selector_all("#details .evidence .modality", "items => items.map(i => i.textContent)")
    assert len(modalities) == 9 and "asserted" in modalities and "future" in modalities
    assert outside == [] and errors == []


def test_us_news_time_range_shows_what_happened_then(browser, us_news):
    page, outside, errors, _ = open_page(browser, us_news / "graph.html")
    months = page.eval_on_selector_all("#timeline button", "bars => bars.map(b => b.dataset.month)")
    assert months and months == sorted(months)
    page.fill("#from", "2024-07-01")
    page.fill("#to", "2024-07-31")
    page.click("#showRange")
    wait_view(page, "range")
    dates = page.evaluate("""() => edges.getIds().map(id => edgeById.get(id).evidence.map(i => i.eventDate || i.date)
                                                            .filter(d => inRange(d, '2024-07-01', '2024-07-31')).length)""")
    assert dates and all(count > 0 for count in dates)  # every edge drawn has a reading in July 2024
    events = page.eval_on_selector_all("#details .event", "items => items.map(i => i.textContent.split(' · ')[0])")
    assert events and events == sorted(events) and all(e.startswith("2024-07") for e in events)
    total = page.evaluate("""allEdges.filter(e => isRelation(e)).flatMap(e => e.evidence)
                             .filter(i => inRange(i.eventDate || i.date, '2024-07-01', '2024-07-31')).length""")
    assert len(events) == total
    # a bar of the strip is a month
    page.click(f"#timeline button[data-month='{months[-1]}']")
    wait_view(page, "range")
    assert page.input_value("#from") == f"{months[-1]}-01"
    assert all(e.startswith(months[-1]) for e in
               page.eval_on_selector_all("#details .event", "items => items.map(i => i.textContent.split(' · ')[0])"))
    assert outside == [] and errors == []


def test_us_news_article_view_shows_only_its_people(browser, us_news):
    page, outside, errors, _ = open_page(browser, us_news / "graph.html")
    article = page.evaluate("""articles.map(a => a.id).sort((a, b) =>
        allEdges.filter(e => e.articles.includes(b)).length - allEdges.filter(e => e.articles.includes(a)).length)[0]""")
    page.select_option("#articleFilter", article)
    wait_view(page, "article")
    shown = page.evaluate("nodes.getIds()")
    expected = page.evaluate("""(a) => { const ids = new Set(allNodes.filter(n => n.kind !== 'Post' && n.articles.includes(a)).map(n => n.id));
        allEdges.filter(e => isRelation(e) && e.articles.includes(a)).forEach(e => { ids.add(e.from); ids.add(e.to); });
        return [...ids]; }""", article)
    assert sorted(shown) == sorted(expected) and 0 < len(shown) < page.evaluate("allNodes.length") / 10
    assert page.evaluate("(a) => edges.getIds().every(id => edgeById.get(id).articles.includes(a))", article)
    headline = page.evaluate("(a) => articleById.get(a).headline", article)
    assert page.inner_text("#details h2") == headline
    assert outside == [] and errors == []


# ---- served: the page beside the SPARQL endpoint, asking the store ----

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served(us_news):
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "govgraph.cli", "serve", str(us_news / "store"), "--page",
                                "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert "SPARQL endpoint (read-only)" in process.stderr.readline()
    assert process.stderr.readline().strip() == f"govgraph: network page at http://127.0.0.1:{port}/"
    yield f"http://127.0.0.1:{port}/"
    process.terminate()
    process.wait(timeout=30)


def test_served_page_loads_neighbourhoods_from_the_store(browser, served):
    requests = []
    page, outside, errors, dialogs = open_page(browser, served, allowed=served)
    page.on("request", lambda request: requests.append(request.url))
    assert page.evaluate("served") is True and page.evaluate("allNodes.length") == 0  # nothing in the page itself
    assert page.evaluate("nodes.getIds().filter(id => network.getConnectedEdges(id).length === 0)") == []
    assert "Joe Biden" in page.evaluate("nodes.getIds().map(id => nodeById.get(id).label)")
    assert suggestions(page, "Biden")[0] == "Joe Biden"
    page.keyboard.press("Enter")
    wait_view(page, "focus")
    page.wait_for_selector("#details .articles")
    details = page.inner_text("#details")
    assert details.startswith("Joe Biden\nPerson") and "Relations out (" in details and "Articles (" in details
    assert "President, United States Government (current)" in page.eval_on_selector_all(
        "#details .post", "items => items.map(i => i.textContent)")
    assert "Joe Biden: 1 step around" in page.inner_text("#view")
    page.click("#details .relations .link:has-text('metWith → Benjamin Netanyahu')")
    page.wait_for_selector("#details .evidence")
    assert page.inner_text("#details h2") == "Joe Biden metWith Benjamin Netanyahu"
    assert page.locator("#details .evidence").count() == 9
    # an article, and a month, from the store too
    first = page.eval_on_selector("#articleFilter option:nth-child(2)", "o => o.value")
    page.select_option("#articleFilter", first)
    wait_view(page, "article")
    assert page.evaluate("nodes.length") > 0
    page.fill("#from", "2024-07-01")
    page.fill("#to", "2024-07-31")
    page.click("#showRange")
    wait_view(page, "range")
    events = page.eval_on_selector_all("#details .event", "items => items.map(i => i.textContent)")
    assert events and all(e.startswith("2024-07") for e in events)
    # a search is a string in the query, never part of it: a quote and a brace find nothing, break nothing
    hostile = 'x" } UNION { ?e ?p ?o } #\\'
    page.fill("#search", hostile)
    css = hostile.replace("\\", "\\\\")  # a backslash is an escape in a CSS selector too
    page.wait_for_selector(f"body[data-suggested='{css}']", state="attached", timeout=30000)
    assert page.locator("#suggestions li").count() == 0
    assert requests and all(url == served + "query" for url in requests)  # its own endpoint, nothing else
    assert outside == [] and errors == [] and dialogs == []


def test_served_and_file_pages_tell_the_same(browser, served, us_news):
    """From the store (SPARQL) and from the file (the page's own data): the same suggestions, ranked
    alike, for "Biden" and "Harris", and the same readings for 1-20 July 2024 (fewer than
    the range view's cap of 500, so both whole lists are compared)."""
    seen = []
    for address, allowed in ((served, served), (us_news / "graph.html", "file:")):
        page, outside, errors, _ = open_page(browser, address, allowed=allowed)
        offered = []
        for name in ("Biden", "Harris"):
            suggestions(page, name)
            offered.append(page.eval_on_selector_all("#suggestions li", "items => items.map(i => i.textContent)"))
        page.fill("#from", "2024-07-01")
        page.fill("#to", "2024-07-20")
        page.click("#showRange")
        wait_view(page, "range")
        events = sorted(page.eval_on_selector_all("#details .event", "items => items.map(i => i.textContent)"))
        seen.append((offered, events))
        assert outside == [] and errors == []
    (served_offers, served_events), (file_offers, file_events) = seen
    without_alias = lambda items: [item.split(" · also ")[0] for item in items]  # either alias may be named
    assert [without_alias(o) for o in served_offers] == [without_alias(o) for o in file_offers]
    assert served_offers[0][0].startswith("Joe Biden Person · 68 articles") and len(served_offers[0]) > 5
    assert served_events and len(served_events) < 500 and served_events == file_events
