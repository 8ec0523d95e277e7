"""`govgraph serve` against a real Oxigraph engine: runaway and crashing queries, SERVICE, the
Host header, and a store replaced by a build while it serves."""

import os
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from conftest import SEED, SHARED
from govgraph.build import build
from govgraph.endpoint import uses_service

ARTICLES = "SELECT (COUNT(?a) AS ?n) WHERE { ?a a <http://schema.org/NewsArticle> }"
# Every quadruple of statements: ~10^13 rows on the seed's graph, far past any time limit.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Served:
    """A `govgraph serve` process and a client for it."""

    def __init__(self, source, timeout_s=2, options=()):
        self.port = free_port()
        self.process = subprocess.Popen([sys.executable, "-m", "govgraph.cli", "serve", str(source), "--port",
                                         str(self.port), "--timeout", str(timeout_s), *options],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        line = self.process.stderr.readline()
        assert "SPARQL endpoint (read-only) at http://127.0.0.1:" in line, line

    def ask(self, query, host=None, method="GET", timeout=60):
        url = f"http://127.0.0.1:{self.port}/query"
        headers = {"Accept": "text/csv"} | ({"Host": host} if host else {})
        if method == "GET":
            request = urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': query})}", headers=headers)
        else:
            request = urllib.request.Request(url, data=query.encode(), method="POST",
                                             headers=headers | {"Content-Type": "application/sparql-query"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def engine(self) -> int:
        # the engine is the child of whichever thread started it (a restart runs in the thread
        # that answered the request), so every thread's children are read
        def children_of(task: Path) -> list[str]:
            try:
                return (task / "children").read_text().split()
            except FileNotFoundError:
                return []  # a thread that has just ended

        for _ in range(50):
            children = [pid for task in Path(f"/proc/{self.process.pid}/task").iterdir() for pid in children_of(task)]
            if children:
                (pid,) = children
                return int(pid)
            time.sleep(0.1)
        raise AssertionError("no query engine running")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        return self.process.stderr.read()


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("served")
    build([SEED], folder, formats=["turtle"], store=folder / "store")
    return folder / "store"


@pytest.fixture
def served(seed_store):
    endpoint = Served(seed_store)
    yield endpoint
    endpoint.stop()


def test_a_runaway_query_is_stopped_and_answered_504_and_its_engine_freed(served):
    engine = served.engine()
    started = time.monotonic()
    status, body = served.ask(RUNAWAY)
    assert status == 504 and body == "the query ran past the 2 s limit and was stopped\n"
    assert time.monotonic() - started < 10
    for _ in range(50):  # the engine that ran it is gone (no core kept busy), a new one answers
        if not alive(engine):
            break
        time.sleep(0.1)
    assert not alive(engine) and served.engine() != engine
    # the new engine outlives the request that restarted it (once, it died with that request's thread)
    restarted = served.engine()
    time.sleep(1)
    assert alive(restarted) and served.engine() == restarted
    assert served.ask(ARTICLES) == (200, "n\r\n1\r\n")


def test_an_engine_that_dies_is_restarted_and_the_query_answered_503(served):
    results = []
    asking = threading.Thread(target=lambda: results.append(served.ask(RUNAWAY, method="POST")))
    asking.start()
    time.sleep(0.5)
    os.kill(served.engine(), 9)  # as a panic in the engine would end it
    asking.join(30)
    assert results == [(503, "the query engine failed on this query and was restarted; the query was not answered\n")]
    assert served.ask(ARTICLES) == (200, "n\r\n1\r\n")


def test_service_is_refused_and_no_request_leaves(served):
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.settimeout(1)
        target = f"http://127.0.0.1:{listener.getsockname()[1]}/sparql"
        for query in (f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
                      f"SELECT * WHERE {{ service   SILENT <{target}> {{ ?s ?p ?o }} }}",
                      f"SELECT * WHERE {{ # a comment\n SERVICE <{target}> {{ ?s ?p ?o }} }}"):
            assert served.ask(query) == (400, "SERVICE (federated queries) is refused by this endpoint\n")
        with pytest.raises(socket.timeout):
            listener.accept()
    assert served.ask('SELECT ?x WHERE { BIND("SERVICE <http://example.org/>" AS ?x) }')[0] == 200


def test_only_requests_for_localhost_are_answered(served):
    refused = (403, "this endpoint answers only requests addressed to 127.0.0.1 or localhost\n")
    assert served.ask(ARTICLES, host=f"attacker.example:{served.port}") == refused
    assert served.ask(ARTICLES, host="127.0.0.1:9") == refused
    assert served.ask(ARTICLES, host=f"localhost:{served.port}")[0] == 200
    assert served.ask(ARTICLES, host=f"127.0.0.1:{served.port}")[0] == 200


def test_updates_and_other_paths_are_refused(served):
    request = urllib.request.Request(f"http://127.0.0.1:{served.port}/update", method="POST",
                                     data=b"update=INSERT+DATA+{<a:a>+<a:b>+<a:c>}",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 403
    assert served.ask(ARTICLES) == (200, "n\r\n1\r\n")


def fetch(port, path, host=None):
    """(status, headers, body) of a GET to the served process."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_the_page_is_served_beside_the_endpoint_only_when_asked(seed_store):
    alone = Served(seed_store)
    try:
        assert fetch(alone.port, "/")[0] == 404  # no --page: the endpoint alone, as before
    finally:
        alone.stop()
    served = Served(seed_store, options=["--page"])
    try:
        assert served.process.stderr.readline().strip() == f"govgraph: network page at http://127.0.0.1:{served.port}/"
        status, headers, body = fetch(served.port, "/")
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        # the browser is told the page may talk to its own origin and load nothing from anywhere
        policy = headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "http" not in policy
        assert '"served":true' in body and "vis.Network" in body
        assert fetch(served.port, "/", host=f"attacker.example:{served.port}")[0] == 403  # DNS rebinding
        assert fetch(served.port, "/index.php")[0] == 404
        assert served.ask(ARTICLES) == (200, "n\r\n1\r\n")  # the endpoint still answers beside it
    finally:
        served.stop()


def test_a_store_replaced_by_a_build_is_served_at_the_next_query(tmp_path, nlp):
    build([SEED], tmp_path, formats=["turtle"], store=tmp_path / "store")
    endpoint = Served(tmp_path / "store")
    try:
        assert endpoint.ask(ARTICLES) == (200, "n\r\n1\r\n")
        build([SEED, SHARED / "corpus" / "bbc-politics" / "bbc-politics-001.txt"], tmp_path, formats=["turtle"],
              store=tmp_path / "store")
        assert endpoint.ask(ARTICLES) == (200, "n\r\n2\r\n")
    finally:
        events = endpoint.stop()
    assert f"govgraph: {tmp_path / 'store'} changed; now serving the new graph" in events


def test_a_graph_file_is_served_and_reloaded_when_it_changes(tmp_path, nlp):
    build([SEED], tmp_path, formats=["turtle"])
    endpoint = Served(tmp_path / "graph.ttl")
    try:
        assert endpoint.ask(ARTICLES) == (200, "n\r\n1\r\n")
        build([SEED, SHARED / "corpus" / "bbc-politics" / "bbc-politics-001.txt"], tmp_path, formats=["turtle"])
        assert endpoint.ask(ARTICLES) == (200, "n\r\n2\r\n")
        engine = endpoint.engine()
    finally:
        endpoint.stop()
    assert not alive(engine)  # stopping govgraph serve stops its engine


@pytest.mark.parametrize("query, federated", [
    ("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }", True),
    ("select * where { Service silent ?endpoint { ?s ?p ?o } }", True),
    ("SELECT * WHERE { ?service ?p ?o }", False),
    ("SELECT * WHERE { ?s ex:SERVICE ?o }", False),
    ("SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }", False),
    ('SELECT * WHERE { ?s ?p "SERVICE <http://x/> { }" }', False),
    ("SELECT * WHERE { ?s ?p '''a \"SERVICE\" b''' }", False),
    ("SELECT * WHERE { ?s ?p ?o } # SERVICE <http://x/>", False),
    ("SELECT * WHERE { ?s ?p \"a # b\" . SERVICE <http://x/> { ?s ?p ?o } }", True),
])
def test_uses_service(query, federated):
    assert uses_service(query) is federated
