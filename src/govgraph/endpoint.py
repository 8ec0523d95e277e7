"""The SPARQL endpoint: Oxigraph's server as the engine, behind a supervisor that keeps the promises.

Oxigraph's server cannot stop a query that runs past its time limit (its maintainers: its
evaluator runs on native threads that cannot be cancelled, oxigraph/oxigraph#1336), and a few
queries crash it. So ``govgraph serve`` runs the server as a child process on an internal port
and answers clients itself, on 127.0.0.1:

- every query has a deadline; past it the engine is restarted, which is the only way to stop the
  query, and the client gets **504** with a one-line reason;
- an engine that dies is restarted and the client gets **503**; queries of other clients cut off
  by a restart are sent again once;
- an answer is read whole from the engine before any byte goes to the client, so a cancelled or
  truncated answer is never sent as 200;
- ``SERVICE`` (federation: the engine would send requests wherever the query says) is refused
  with 400, and updates with 403: the endpoint is read-only;
- only requests addressed to ``127.0.0.1`` or ``localhost`` are answered (a browser page from
  another site cannot reach the endpoint through DNS rebinding);
- a store that a build replaced, or a graph file that changed, is picked up before the next query.

With ``page``, the network page is answered at ``/`` too (page.py): same origin as /query, so it
asks nothing of any other place, which its Content-Security-Policy also says to the browser.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from .model import GovgraphError

__all__ = ["Endpoint", "serve", "uses_service", "MAX_ANSWER_BYTES", "MAX_QUERY_BYTES"]

MAX_ANSWER_BYTES = 256 * 1024 * 1024  # read whole before answering: past this, ask for less
MAX_QUERY_BYTES = 1024 * 1024
_ALLOWED_HOSTS = ("127.0.0.1", "localhost", "[::1]")
_ENGINE_START_S = 60

# What a SPARQL query may hold that is not syntax: comments, strings (short and long) and IRIs.
# Removed before looking for the SERVICE keyword, so that "SERVICE" in a literal or an IRI is not
# taken for the keyword, and the keyword is not hidden from the check.
_NOT_SYNTAX = re.compile(r'''
      "{3}(?:[^"\\]|\\.|"(?!""))*"{3}
    | '{3}(?:[^'\\]|\\.|'(?!''))*'{3}
    | "(?:[^"\\\n\r]|\\.)*"
    | '(?:[^'\\\n\r]|\\.)*'
    | <[^<>"{}|^`\\\x00-\x20]*>
    | \#[^\n\r]*
''', re.VERBOSE)
_SERVICE = re.compile(r"(?<![\w?$:.\-])SERVICE(?![\w:\-])", re.IGNORECASE)


def uses_service(query: str) -> bool:
    """Whether a SPARQL query uses ``SERVICE`` (a federated query)."""
    return bool(_SERVICE.search(_NOT_SYNTAX.sub(" ", query)))


def _die_with_parent() -> None:
    """In the engine's process, before it runs: be killed when the supervisor dies, however it
    dies (Linux's PR_SET_PDEATHSIG), so no engine outlives ``govgraph serve``."""
    try:
        import ctypes
        import signal

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # not Linux: the supervisor still stops the engine when it ends normally


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Overran(Exception):
    """The query ran past its deadline."""


class _EngineFailed(Exception):
    """The engine died or dropped the connection while answering."""


def _answers(port: int) -> bool:
    """Whether the engine on ``port`` answers a trivial query (ASK {}) with 200."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", "/query?query=ASK%7B%7D", headers={"Accept": "application/sparql-results+json"})
        return connection.getresponse().status == 200
    except (http.client.HTTPException, ConnectionError, OSError):
        return False
    finally:
        connection.close()


@dataclass
class _Answer:
    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = ()


# The served page runs its own inline script and style, and talks to its own origin only.
PAGE_POLICY = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; "
               "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class Endpoint:
    """The engine process and what it serves: a govgraph store, or a graph file loaded into a
    store of its own (rebuilt when the file changes). Thread-safe; ``on_event`` receives one line
    for each restart."""

    def __init__(self, source: str | Path, timeout_s: float, on_event: Callable[[str], None] = lambda line: None,
                 server: str | None = None):
        from .store import is_store

        self.source = Path(source)
        self.timeout_s = timeout_s
        self.on_event = on_event
        self.server = server or shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
        if not Path(self.server).exists():
            raise GovgraphError("the oxigraph server is not installed (pip install oxigraph)")
        self.from_file = not is_store(self.source)
        self.lock = threading.Lock()
        self.process: subprocess.Popen | None = None
        self.port = 0
        self.generation = 0
        self.loaded: tuple | None = None  # the source's identity when the engine was started
        self.temporary: Path | None = None
        # Engines are started from this one long-lived thread: Linux's PR_SET_PDEATHSIG kills a
        # child when the *thread* that started it ends, and requests run in threads of their own,
        # so an engine a request restarted died with that request's thread
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="govgraph-engine")

    # -- the engine ------------------------------------------------------------------------

    def _identity(self) -> tuple:
        """What changes when a build replaces the store (a new folder) or the graph file."""
        from .store import _MARKER

        info = os.stat(self.source)
        if self.from_file:
            return info.st_ino, info.st_size, info.st_mtime_ns
        return info.st_ino, os.stat(self.source / _MARKER).st_mtime_ns

    def _location(self) -> Path:
        if not self.from_file:
            return self.source
        from .build import load_existing
        from .graph import merge_graphs
        from .store import write_store

        folder = Path(tempfile.mkdtemp(prefix="govgraph-serve-"))
        dataset = load_existing(self.source)
        store = write_store(dataset, merge_graphs(dataset), folder / "store")
        if self.temporary:
            shutil.rmtree(self.temporary, ignore_errors=True)
        self.temporary = folder
        return store

    def start(self) -> None:
        """Start (or restart) the engine on what the source holds now. Call holding ``lock``."""
        self._stop_engine()
        for _attempt in range(50):  # a build may be between the two renames of its swap
            try:
                identity = self._identity()
                break
            except FileNotFoundError:
                time.sleep(0.1)
        else:
            raise GovgraphError(f"{self.source}: no longer there")
        if not self.from_file:
            location = self.source
        elif identity != self.loaded or self.temporary is None:
            location = self._location()  # the file changed: load it again
        else:
            location = self.temporary / "store"
        self.port = _free_port()
        self.log = tempfile.TemporaryFile()  # a file, not a pipe: a pipe nobody reads would fill and block it
        # the engine's own limit is a backstop only: the supervisor stops a query first, since
        # the engine's cancellation answers 200 with a truncated body
        self.process = self._spawner.submit(
            subprocess.Popen,
            [self.server, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{self.port}",
             "--timeout-s", str(int(self.timeout_s) + 60)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=self.log, preexec_fn=_die_with_parent).result()
        deadline = time.monotonic() + _ENGINE_START_S
        while True:
            if self.process.poll() is not None:
                self.log.seek(0)
                reason = self.log.read().decode("utf-8", "replace").strip().splitlines()
                raise GovgraphError(f"{self.source}: the query engine did not start"
                                    + (f" ({reason[-1]})" if reason else ""))
            try:
                # ready when it answers a query, not when it accepts a connection: the engine
                # listens before its store is open, and a query then would fail (a 503)
                if _answers(self.port):
                    break
                raise OSError("not answering yet")
            except OSError:
                if time.monotonic() > deadline:
                    raise GovgraphError(f"{self.source}: the query engine did not start in {_ENGINE_START_S} s") from None
                time.sleep(0.05)
        self.loaded = identity
        self.generation += 1

    def _stop_engine(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()  # a running query cannot be stopped any other way
        if self.process is not None:
            self.process.wait()
            self.log.close()
        self.process = None

    def close(self) -> None:
        """Stop the engine and remove a graph file's store."""
        with self.lock:
            self._stop_engine()
            self._spawner.shutdown(wait=False)
            if self.temporary:
                shutil.rmtree(self.temporary, ignore_errors=True)

    def _current(self) -> tuple[int, int]:
        """(generation, port) of a running engine on the current source, restarting it when the
        source was replaced or the engine died."""
        with self.lock:
            try:
                replaced = self._identity() != self.loaded
            except FileNotFoundError:
                replaced = True  # between the renames of a build's swap: start waits for it
            if replaced:
                self.on_event(f"{self.source} changed; now serving the new graph")
                self.start()
            elif self.process is None or self.process.poll() is not None:
                self.on_event("the query engine had stopped; restarted")
                self.start()
            return self.generation, self.port

    def _restart_after(self, generation: int, why: str) -> None:
        with self.lock:
            if self.generation == generation:  # not already restarted by another request
                self.on_event(why)
                self.start()

    # -- answering ---------------------------------------------------------------------------

    def answer(self, method: str, target: str, body: bytes, headers: dict[str, str]) -> _Answer:
        """Answer one SPARQL protocol request (the query already checked), within the deadline."""
        deadline = time.monotonic() + self.timeout_s
        for attempt in (1, 2):
            generation, port = self._current()
            try:
                return self._ask(port, method, target, body, headers, deadline)
            except _Overran:
                self._restart_after(generation, f"a query ran past {self.timeout_s:g} s and was stopped "
                                                "(the query engine was restarted)")
                return _text(504, f"the query ran past the {self.timeout_s:g} s limit and was stopped")
            except _EngineFailed as failure:
                if self.generation != generation and attempt == 1 and time.monotonic() < deadline:
                    continue  # cut off by a restart another request caused: ask once more
                self._restart_after(generation, f"the query engine failed ({failure}); restarted")
                failed = "the query engine failed on this query and was restarted; the query was not answered"
                return _text(503, failed)
        return _text(503, "the query engine was restarted twice while answering; try again")

    def _ask(self, port: int, method: str, target: str, body: bytes, headers: dict[str, str],
             deadline: float) -> _Answer:
        remaining = lambda: max(0.05, deadline - time.monotonic())
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=remaining())
        try:
            connection.request(method, target, body=body or None, headers=headers)
            response = connection.getresponse()
            parts, size = [], 0
            while True:
                if time.monotonic() >= deadline:
                    raise _Overran
                connection.sock.settimeout(remaining())
                part = response.read1(1 << 16)
                if not part:
                    break
                size += len(part)
                if size > MAX_ANSWER_BYTES:
                    return _text(500, f"the answer is larger than {MAX_ANSWER_BYTES // 2**20} MB; ask for less "
                                      "(LIMIT, fewer variables)")
                parts.append(part)
            return _Answer(response.status, response.getheader("Content-Type", "application/octet-stream"),
                           b"".join(parts))
        except (TimeoutError, socket.timeout):
            raise _Overran from None
        except (http.client.HTTPException, ConnectionError, OSError) as error:
            if time.monotonic() >= deadline:
                raise _Overran from None
            raise _EngineFailed(type(error).__name__) from None
        finally:
            connection.close()


def _text(status: int, reason: str) -> _Answer:
    return _Answer(status, "text/plain; charset=utf-8", f"{reason}\n".encode("utf-8"))


def _queries_in(method: str, target: str, body: bytes, content_type: str) -> list[str] | None:
    """The query texts of a SPARQL protocol request (None when it carries none)."""
    url = urlsplit(target)
    queries = parse_qs(url.query).get("query", [])
    if method == "POST":
        kind = content_type.split(";")[0].strip().lower()
        if kind == "application/sparql-query":
            queries.append(body.decode("utf-8", "replace"))
        elif kind == "application/x-www-form-urlencoded":
            queries += parse_qs(body.decode("utf-8", "replace")).get("query", [])
    return queries or None


def _handler(endpoint: Endpoint, port: int, page: bytes | None = None) -> type[BaseHTTPRequestHandler]:
    allowed = {host for name in _ALLOWED_HOSTS for host in (name, f"{name}:{port}")}

    class Handler(BaseHTTPRequestHandler):
        server_version = "govgraph"
        protocol_version = "HTTP/1.1"

        def log_message(self, *_args) -> None:  # one line per event comes from the endpoint instead
            pass

        def _send(self, answer: _Answer) -> None:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            self.send_header("Cache-Control", "no-store")
            for name, value in answer.headers:
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(answer.body)

        def _answered_here(self, body: bytes) -> _Answer | None:
            """What the supervisor answers itself, without the engine: a refusal, or the page."""
            host = (self.headers.get("Host") or "").strip().lower()
            if host and host not in allowed:
                return _text(403, "this endpoint answers only requests addressed to 127.0.0.1 or localhost")
            path = urlsplit(self.path).path
            if path == "/" and page is not None and self.command == "GET":
                return _Answer(200, "text/html; charset=utf-8", page,
                               (("Content-Security-Policy", PAGE_POLICY), ("X-Content-Type-Options", "nosniff")))
            if path == "/update":
                return _text(403, "this endpoint is read-only: updates are refused")
            if path != "/query":
                return _text(404, "not found: the SPARQL endpoint is /query")
            queries = _queries_in(self.command, self.path, body, self.headers.get("Content-Type", ""))
            if queries is None:
                return _text(400, "no query: give one as ?query=..., a form field or an application/sparql-query body")
            if any(uses_service(query) for query in queries):
                return _text(400, "SERVICE (federated queries) is refused by this endpoint")
            return None

        def _handle(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_QUERY_BYTES:
                self.close_connection = True
                self._send(_text(413, f"the request is larger than {MAX_QUERY_BYTES // 1024} KB"))
                return
            body = self.rfile.read(length) if length else b""
            refusal = self._answered_here(body)
            if refusal is not None:
                self._send(refusal)
                return
            forwarded = {name: self.headers[name] for name in ("Accept", "Content-Type") if self.headers.get(name)}
            try:
                self._send(endpoint.answer(self.command, self.path, body, forwarded))
            except GovgraphError as error:
                endpoint.on_event(str(error))
                self._send(_text(503, str(error)))

        do_GET = do_POST = _handle

        def _not_allowed(self) -> None:
            self._send(_text(405, "only GET and POST are answered"))

        do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_HEAD = _not_allowed

    return Handler


def serve(source: str | Path, port: int, timeout_s: float, on_event: Callable[[str], None],
          ready: Callable[[str], None] = lambda url: None, page: bool = False) -> None:
    """Serve ``source`` (a store or a graph file) read-only at http://127.0.0.1:PORT/query until
    interrupted; ``on_event`` gets one line per restart, ``ready`` the endpoint's URL. With
    ``page``, the network page that explores the store through the endpoint is at ``/``."""
    html = None
    if page:
        from .page import served_page

        html = served_page(f"govgraph: {Path(source).name}").encode("utf-8")
    endpoint = Endpoint(source, timeout_s, on_event)
    with endpoint.lock:
        endpoint.start()
    try:
        server = ThreadingHTTPServer(("127.0.0.1", port), _handler(endpoint, port, html))
    except OSError as error:
        endpoint.close()
        raise GovgraphError(f"127.0.0.1:{port}: cannot listen there ({error.strerror or error})") from None
    server.daemon_threads = True
    try:
        ready(f"http://127.0.0.1:{port}/query")
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
        endpoint.close()
