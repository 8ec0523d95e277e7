"""Robustness and safety: the bad-input matrix, untrusted text staying text, the pinned dependencies.

Each case of the matrix is one input. It either builds (with its text decoded right) or is
reported on one line naming the file (and the line, for JSONL) and the reason. One command-line
run over all of them shows that the other inputs still build and that the exit status says
something failed.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT
from govgraph.load import load_articles
from govgraph.model import Article, InputError

BUILT = "built"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01"
PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"


def story(topic: str) -> str:
    """A short story of its own: two inputs with the same text would be one article."""
    return (f"Minister of transport resigns over {topic}\n\nThe minister of transport resigned on Monday "
            f"after weeks of criticism over {topic}. The prime minister accepted the resignation.\n")


def record(topic: str) -> str:
    """One JSONL line, with curly quotes written as UTF-8 (not escaped), as exporters write them."""
    return json.dumps({"text": story(f"the \u201c{topic}\u201d")}, ensure_ascii=False)


@dataclass(frozen=True)
class Case:
    """One input of the matrix and what loading it gives, item by item.

    ``expected`` holds BUILT for an article, or the error line after ``govgraph: error:`` with the
    case's folder left out. A built article's text must contain ``passage`` (decoded right).
    """

    id: str
    make: Callable[[Path], Path]  # writes the input into a folder; returns the path to build
    expected: tuple[str, ...]
    passage: str | None = None
    in_cli_run: bool = True  # False: too slow to build twice, or it needs a user other than root
    load: Callable[[Path, Path], list[str]] | None = None  # how to load it, when not directly


def file(name: str, data: bytes | str) -> Callable[[Path], Path]:
    """A maker of one file holding ``data`` (text is written as UTF-8)."""
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return path
    return make


def folder_of(name: str, setup: Callable[[Path], None]) -> Callable[[Path], Path]:
    """A maker of a folder holding one good story plus what ``setup`` adds to it."""
    def make(folder: Path) -> Path:
        inner = folder / name
        inner.mkdir()
        (inner / "a.txt").write_text(story(f"the {name} folder"), encoding="utf-8")
        setup(inner)
        return inner
    return make


def sparse(name: str, size: int) -> Callable[[Path], Path]:
    """A maker of a file of ``size`` bytes that takes no disk space (all zero bytes)."""
    def make(folder: Path) -> Path:
        path = folder / name
        with path.open("wb") as stream:
            stream.truncate(size)
        return path
    return make


def link(name: str, target: str) -> Callable[[Path], Path]:
    """A maker of a symbolic link, named on the command line (so followed wherever it leads)."""
    def make(folder: Path) -> Path:
        path = folder / name
        path.symlink_to(target)
        return path
    return make


def symlink_loops(folder: Path) -> None:
    (folder / "self.txt").symlink_to("self.txt")
    (folder / "ring1.txt").symlink_to("ring2.txt")
    (folder / "ring2.txt").symlink_to("ring1.txt")
    (folder / "up").symlink_to("..")  # a folder loop: symlinked folders are not followed


def fed_pipe(size: int) -> Callable[[Path], Path]:
    """A maker of a named pipe that a thread fills with ``size`` bytes of prose, as <(...) would.

    A pipe, unlike a file, has no size to check first: only a bounded read stops at the limit
    (an endless one, such as /dev/zero, would otherwise fill the memory).
    """
    def make(folder: Path) -> Path:
        path = folder / "stream.txt"
        os.mkfifo(path)

        def feed() -> None:
            try:
                with path.open("wb") as pipe:
                    pipe.write((PARAGRAPH * (size // len(PARAGRAPH) + 1)).encode()[:size])
            except BrokenPipeError:  # the reader stopped at its limit
                pass

        threading.Thread(target=feed, daemon=True).start()
        return path
    return make


def self_loop(folder: Path) -> Path:
    path = folder / "self.txt"
    path.symlink_to("self.txt")
    return path


def unreadable(folder: Path) -> Path:
    path = folder / "locked.txt"
    path.write_text(story("the locked file"), encoding="utf-8")
    path.chmod(0)
    return path


def outcomes(items: list, folder: Path) -> list[str]:
    """BUILT for each article, the error line (without the folder) for each failure."""
    return [BUILT if isinstance(item, Article) else str(item).removeprefix(f"{folder}/") for item in items]


def load_without_root(path: Path, folder: Path) -> list[str]:
    """Load ``path`` as an ordinary user would: root reads any file whatever its permission bits.

    Running as root (as CI does), a forked child gives up root for the "nobody" user first; it
    keeps the modules already imported and opens the file relative to its folder.
    """
    if os.geteuid() != 0:
        return outcomes(list(load_articles([path])), folder)
    folder.chmod(0o755)
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # pragma: no cover - runs in the child
        try:
            os.chdir(folder)
            os.setgid(65534)
            os.setuid(65534)
            message = json.dumps(outcomes(list(load_articles([path.name])), folder))
        except BaseException as error:  # report anything to the parent, never return into pytest
            message = json.dumps([f"child failed: {error!r}"])
        os.write(write_end, message.encode("utf-8"))
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        answer = pipe.read()
    os.waitpid(child, 0)
    return json.loads(answer)


CLAUSE = ("the minister of transport, who criticized the Department of Labor, met officials of the "
          "Treasury on Monday and").split()
LONG_SENTENCE = "A long sentence\n\n" + " ".join(CLAUSE[i % len(CLAUSE)] for i in range(10_000)) + "."
PARAGRAPH = "The minister of transport resigned on Monday after weeks of pressure from colleagues.\n\n"
TWENTY_MB = (PARAGRAPH * (20_000_000 // len(PARAGRAPH) + 1))[:20_000_000]
NAV_ONLY = ("<!doctype html><html><head><title>Daily News</title><style>body { color: red }</style>"
            "<script>var tracking = {\"id\": 1};</script></head><body><header><a href=\"/\">Daily News</a>"
            "</header><nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/world\">World</a></li>"
            "<li><a href=\"/politics\">Politics</a></li></ul></nav><script>document.write('Subscribe')"
            "</script><footer>Copyright Daily News</footer></body></html>")
DAMAGED_UTF8 = ("Minister resigns over the \u201charbour\u201d contract\n\nThe minister\u2019s office said ".encode()
                + b"\xe2\x80 on Monday that the minister of transport had resigned.\n")

CASES = [
    Case("empty", file("empty.txt", b""), ("empty.txt: empty file",)),
    Case("whitespace-only", file("blank.txt", b"  \n\t\r\n \x0c "), ("blank.txt: empty file",)),
    Case("png-named-txt", file("photo.txt", PNG), ("photo.txt: binary file (PNG image), not text",)),
    Case("pdf-named-html", file("page.html", PDF), ("page.html: binary file (PDF document), not text",)),
    Case("gzip-named-jsonl", file("feed.jsonl", gzip.compress(record("gzip").encode())),
         ("feed.jsonl: binary file (gzip archive), not text",)),
    Case("nul-bytes", file("nul.txt", b"abc\x00\x01\x02def"), ("nul.txt: binary file (contains NUL bytes), not text",)),
    Case("invalid-utf8", file("damaged.txt", DAMAGED_UTF8),
         ("damaged.txt: invalid UTF-8 at line 3, column 30 (byte 0xe2) in otherwise UTF-8 text",)),
    Case("invalid-utf8-jsonl-line", file("lines.jsonl", "\n".join([record("first"), "{\"text\": \"The minister"]).encode()
                                          + b"\xff resigned.\"}\n" + record("third").encode()),
         (BUILT, "lines.jsonl:2: invalid UTF-8 at column 23 (byte 0xff)", BUILT)),
    Case("utf16-bom", file("utf16.txt", story("the caf\u00e9 contract \u2014 \u201cthe deal\u201d").encode("utf-16")),
         (BUILT,), passage="over the caf\u00e9 contract \u2014 \u201cthe deal\u201d"),
    Case("windows-1252", file("cp1252.txt", ("The minister\u2019s \u201cresignation\u201d was accepted \u2014 "
                                              + story("the caf\u00e9 contract")).encode("cp1252")),
         (BUILT,), passage="The minister\u2019s \u201cresignation\u201d was accepted \u2014 Minister"),
    Case("latin-1", file("latin1.txt", story("the na\u00efve caf\u00e9 owners").encode("latin-1")),
         (BUILT,), passage="criticism over the na\u00efve caf\u00e9 owners."),
    Case("html-scripts-styles-nav-only", file("nav.html", NAV_ONLY), ("nav.html: no article text found in the HTML page",)),
    Case("malformed-json", file("broken.json", '{"text": "The minister resigned.", "title": '),
         ("broken.json: invalid JSON at line 1 column 45: Expecting value",)),
    Case("jsonl-bad-lines-among-good", file("s.jsonl", "\n".join(
        [record("first line"), "{not json", json.dumps({"title": "no text"}), "", record("fifth line")])),
         (BUILT, "s.jsonl:2: invalid JSON: Expecting property name enclosed in double quotes (column 2)",
          's.jsonl:3: record has no "text" field (a non-empty string is required)', BUILT)),
    Case("jsonl-line-separator-in-a-string", file("sep.jsonl", "\n".join(
        [json.dumps({"text": story("the \u2028separated\u2029 contract")}, ensure_ascii=False), record("next")])),
         (BUILT, BUILT)),
    Case("json-unpaired-surrogate", file("surrogate.json", '{"text": "The minister \\ud800 of transport resigned."}'),
         (BUILT,), passage="The minister \ufffd of transport resigned."),
    Case("20mb-article", file("big.txt", TWENTY_MB),
         ("big.txt: too long for one article: 20,000,000 bytes (the limit is 1,000,000 characters); "
          "split it into separate stories",)),
    Case("20mb-article-in-jsonl", file("big.jsonl", json.dumps({"text": TWENTY_MB}) + "\n" + record("small")),
         ("big.jsonl:1: too long for one article: more than 6,065,536 bytes (the limit is 1,000,000 characters); "
          "split it into separate stories", BUILT)),
    Case("5mb-article-in-jsonl", file("five.jsonl", json.dumps({"text": TWENTY_MB[:5_000_000]}) + "\n" + record("smaller")),
         ("five.jsonl:1: too long for one article: 5,000,000 characters (the limit is 1,000,000); "
          "split it into separate stories", BUILT)),
    Case("json-file-over-its-parse-limit", sparse("huge.json", 65_000_000),
         ("huge.json: JSON file too large to read at once: 65,000,000 bytes (the limit is 64,000,000); write it "
          "as JSON Lines (.jsonl, one record a line), which is read record by record",)),
    Case("utf16-le-without-bom", file("le.txt", story("the caf\u00e9 deal").encode("utf-16-le")),
         (BUILT,), passage="over the caf\u00e9 deal"),
    Case("utf16-be-without-bom", file("be.txt", story("the caf\u00e9 pact").encode("utf-16-be")),
         (BUILT,), passage="over the caf\u00e9 pact"),
    Case("file-name-not-utf8", folder_of("names", lambda f: (f / os.fsdecode(b"caf\xe9-\xff.txt")).write_text(
        story("the Latin-1 file name"), encoding="utf-8")), (BUILT, BUILT)),
    Case("file-name-with-terminal-controls", folder_of("controls", lambda f: (f / "\x1b]0;owned\x07.txt").write_text(
        story("the window title"), encoding="utf-8")), (BUILT, BUILT)),
    Case("symlink-out-of-the-folder", folder_of("links", lambda f: (f / "passwd.txt").symlink_to("/etc/passwd")),
         (BUILT, "links/passwd.txt: symbolic link to a file outside the input folder, not followed "
                 "(--follow-links reads it)")),
    # the link's story is its target's, so one article in a build: loaded, both are read
    Case("symlink-within-the-folder", folder_of("inner", lambda f: (f / "z.txt").symlink_to("a.txt")),
         (BUILT, BUILT), in_cli_run=False),
    Case("pipe-named-on-the-command-line-longer-than-an-article", fed_pipe(5_000_000),
         ("stream.txt: too long for one article: more than 4,000,000 bytes (the limit is 1,000,000 "
          "characters); split it into separate stories",)),
    Case("10000-word-sentence", file("long.txt", LONG_SENTENCE), (BUILT,), in_cli_run=False),
    Case("non-english-german", file("de.txt", "Verkehrsminister zur\u00fcckgetreten\n\nDer Verkehrsminister ist am "
                                    "Montag zur\u00fcckgetreten. Die Regierungschefin nahm den R\u00fccktritt an.\n"),
         (BUILT,), passage="ist am Montag zur\u00fcckgetreten."),
    Case("non-english-russian", file("ru.txt", "\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0443\u0448\u0435\u043b "
                                     "\u0432 \u043e\u0442\u0441\u0442\u0430\u0432\u043a\u0443\n\n\u041c\u0438\u043d\u0438"
                                     "\u0441\u0442\u0440 \u0442\u0440\u0430\u043d\u0441\u043f\u043e\u0440\u0442\u0430 "
                                     "\u0443\u0448\u0435\u043b \u0432 \u043e\u0442\u0441\u0442\u0430\u0432\u043a\u0443 "
                                     "\u0432 \u043f\u043e\u043d\u0435\u0434\u0435\u043b\u044c\u043d\u0438\u043a.\n"),
         (BUILT,), passage="\u041c\u0438\u043d\u0438\u0441\u0442\u0440 \u0442\u0440\u0430\u043d\u0441\u043f\u043e\u0440\u0442\u0430"),
    Case("symlink-loops-in-a-folder", folder_of("loops", symlink_loops),
         (BUILT, "loops/ring1.txt: symbolic link loop", "loops/ring2.txt: symbolic link loop",
          "loops/self.txt: symbolic link loop")),
    Case("symlink-loop-named-on-the-command-line", self_loop, ("self.txt: symbolic link loop",)),
    Case("dangling-symlink-in-a-folder", folder_of("dangling", lambda f: (f / "gone.txt").symlink_to("missing.txt")),
         (BUILT, "dangling/gone.txt: broken symbolic link")),
    # Opening a named pipe blocks until someone writes to it: found in a folder, it is not opened.
    Case("named-pipe-in-a-folder", folder_of("pipes", lambda f: os.mkfifo(f / "wire.txt")),
         (BUILT, "pipes/wire.txt: not a regular file (a named pipe)")),
    Case("unreadable-file", unreadable, ("locked.txt: permission denied",), in_cli_run=False, load=load_without_root),
    # The kernel fails every read of a process's memory at address 0: an I/O error, even for root.
    Case("read-fails-with-io-error", link("mem.txt", "/proc/self/mem"), ("mem.txt: input/output error",)),
]


@pytest.fixture
def time_limit():
    """Fail, rather than hang, if loading blocks (as opening a named pipe would)."""
    def give_up(_signum, _frame):
        raise TimeoutError("loading blocked for 120 s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_builds_or_gives_one_clear_line(case, tmp_path, nlp, time_limit):
    from rdflib import Graph

    from govgraph.build import extract_articles
    from govgraph.export import turtle
    from govgraph.graph import add_article_graph, merge_graphs, new_dataset

    path = case.make(tmp_path)
    if case.load is not None:
        assert case.load(path, tmp_path) == list(case.expected)
        return
    items = list(load_articles([path]))
    assert outcomes(items, tmp_path) == list(case.expected)
    assert all("\n" not in str(item) for item in items if isinstance(item, InputError))
    built = [item for item in items if isinstance(item, Article)]
    if case.passage:
        assert any(case.passage in article.text for article in built)
    dataset = new_dataset()
    for extraction in extract_articles(built):
        assert extraction.sentences
        add_article_graph(dataset, extraction)
    merged = merge_graphs(dataset)
    assert len(Graph().parse(data=turtle(merged), format="turtle")) == len(merged)


def test_one_build_over_the_matrix_reports_each_failure_and_builds_the_rest(tmp_path):
    paths, errors, built = [], [], 0
    for case in CASES:
        if not case.in_cli_run:
            continue
        folder = tmp_path / "in" / case.id
        folder.mkdir(parents=True)
        paths.append(case.make(folder))
        built += case.expected.count(BUILT)
        errors += [f"govgraph: error: {line if line.startswith('/') else f'{folder}/{line}'}"
                   for line in case.expected if line != BUILT]
    result = subprocess.run([sys.executable, "-m", "govgraph.cli", "build", *map(str, paths), "--out",
                             str(tmp_path / "out"), "--format", "turtle"], capture_output=True, text=True,
                            timeout=600, env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert result.returncode == 1, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("govgraph: error: ")] == errors
    assert "Traceback" not in result.stderr
    from rdflib import RDF, Graph

    from govgraph.graph import SCHEMA

    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    assert len(set(graph.subjects(RDF.type, SCHEMA.NewsArticle))) == built


# Untrusted text stays text: nothing from an article is evaluated, used as a path, pasted into
# SPARQL or put on the page as HTML.

HOSTILE = ["../../etc/passwd", '"} ; DROP ALL ; #', "__import__('os').system('touch PWNED')",
           "{{ 7*7 }}", "</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>"]


def hostile_story() -> str:
    """A story with each fragment in a sentence about people, so the graph keeps it as evidence."""
    sentences = " ".join(f"Jane Doe criticized John Roe on Monday, calling his plan \u201c{fragment}\u201d."
                         for fragment in HOSTILE)
    return f"Minister resigns {HOSTILE[0]} {HOSTILE[1]}\n\nThe minister of transport Jane Doe spoke. {sentences}\n"


def test_hostile_article_text_ends_up_only_as_literal_text(tmp_path, monkeypatch):
    from rdflib import Graph, Literal, URIRef

    from govgraph.build import build

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "story.txt").write_text(hostile_story(), encoding="utf-8")
    monkeypatch.chdir(tmp_path / "in")  # a path taken from the text would land next to the story
    report = build(["story.txt"], tmp_path / "out", formats=("turtle", "html"))
    assert report.articles == 1 and not report.failures
    # nothing written beside the story or two folders up (where "../../etc/passwd" leads), and the
    # output folder holds only govgraph's own files
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]
    assert [p.name for p in (tmp_path / "in").iterdir()] == ["story.txt"]
    assert not (tmp_path.parent / "etc").exists() and not list(tmp_path.parent.rglob("PWNED"))
    assert {"graph.html", "graph.ttl"} <= {p.name for p in (tmp_path / "out").iterdir()}
    assert not [p for p in (tmp_path / "out").rglob("*") if re.search("passwd|PWNED|DROP", p.name)]
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    literals = [str(term) for triple in graph for term in triple if isinstance(term, Literal)]
    iris = [str(term) for triple in graph for term in triple if isinstance(term, URIRef)]
    for fragment in HOSTILE:
        assert any(fragment in literal for literal in literals), fragment
    assert all(re.fullmatch(r"[A-Za-z0-9:/#._%-]+", iri) for iri in iris)
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    # vis-network is inlined, so look only at the data the page was given
    data = page.split("const allNodes = ", 1)[1]
    assert "<script>alert" not in data and "<img src=x" not in data and "</script><script>" not in data
    assert "{{ 7*7 }}" in data  # stays as written: the text is data to the template, never template


def test_json_metadata_is_neither_read_as_a_path_nor_able_to_break_out_of_an_iri(tmp_path):
    from rdflib import Graph, Literal, URIRef
    from govgraph.build import build
    from govgraph.graph import SCHEMA

    breakout = "http://example.org/a>.<http://example.org/s> <http://example.org/p> <http://example.org/o"
    records = [{"text": story("the path"), "url": "file:///etc/passwd", "id": "../../etc/passwd",
                "title": "../../etc/passwd"},
               {"text": story("the link"), "url": breakout}]
    (tmp_path / "records.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    report = build([tmp_path / "records.jsonl"], tmp_path / "out", formats=("turtle",))
    assert report.articles == 2 and not report.failures
    turtle = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "root:" not in turtle  # /etc/passwd was never opened
    graph = Graph().parse(data=turtle, format="turtle")
    urls = set(graph.objects(None, SCHEMA.url))
    assert Literal("file:///etc/passwd") in urls
    assert URIRef("http://example.org/a%3E.%3Chttp://example.org/s%3E%20%3Chttp://example.org/p%3E"
                  "%20%3Chttp://example.org/o") in urls
    assert not set(graph.triples((URIRef("http://example.org/s"), None, None)))


SPARQL_IN_A_PARAMETER = ['Jane Doe" } UNION { ?person skos:prefLabel ?person_name . ?person gg:hasMention ?mention .'
                         ' ?mention dcterms:isPartOf ?article } #', '"} ; DROP ALL ; #', "Jane Doe' || true || '"]


def test_a_parameter_with_sparql_syntax_matches_nothing_in_a_graph_or_a_store(tmp_path):
    from govgraph.build import build
    from govgraph.query import bindings_for, load_graph, named_queries, run_query
    from govgraph.store import open_store, query_store

    (tmp_path / "story.txt").write_text(hostile_story(), encoding="utf-8")
    build([tmp_path / "story.txt"], tmp_path / "out", formats=("turtle",), store=tmp_path / "store")
    graph, store = load_graph(tmp_path / "out" / "graph.ttl"), open_store(tmp_path / "store")
    size = len(graph)
    query = named_queries()["articles-about"].text
    for run in (lambda params: run_query(graph, query, bindings_for(params)),
                lambda params: query_store(store, query, bindings_for(params))):
        assert len(list(run({"person": "Jane Doe"}))) == 1  # the query does find a real name
        for value in SPARQL_IN_A_PARAMETER:
            assert list(run({"person": value})) == [], value
    assert len(load_graph(tmp_path / "out" / "graph.ttl")) == len(graph) == size


# Supply chain: every dependency is pinned with hashes, so `pip install --require-hashes` works.

def _requirement_names(requirements: list[str]) -> set[str]:
    return {re.split(r"[\s\[<>=!~;]", r, maxsplit=1)[0].lower().replace("_", "-").replace(".", "-")
            for r in requirements}


def test_the_lock_file_pins_every_dependency_with_hashes():
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = _requirement_names(project["dependencies"] + project["optional-dependencies"]["test"])
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    pins = dict(re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(\S+)", lock, flags=re.M))
    assert wanted <= _requirement_names(list(pins)), "run `make lock`: pyproject.toml has new dependencies"
    blocks = re.split(r"\n(?=[A-Za-z0-9])", lock.split("\n\n", 1)[-1].strip())
    for block in blocks:
        if "==" in block.split("\n", 1)[0]:
            assert re.search(r"--hash=sha256:[0-9a-f]{64}", block), block.split("\n", 1)[0]
