"""The command line as a user meets it: real subprocesses, real files."""

import os
import subprocess
import sys

from conftest import SEED

GOVGRAPH = [sys.executable, "-m", "govgraph.cli"]


def run(*args, cwd=None, stdin=None):
    return subprocess.run([*GOVGRAPH, *map(str, args)], capture_output=True, text=True, cwd=cwd,
                          input=stdin, env={**os.environ, "PYTHONWARNINGS": "ignore"})


def test_help_does_not_import_heavy_libraries():
    code = ("import sys; from govgraph import cli; sys.argv=['govgraph','--help'];\n"
            "try: cli.main()\nexcept SystemExit: pass\n"
            "heavy = [m for m in ('spacy', 'rdflib', 'pyvis', 'trafilatura') if m in sys.modules]\n"
            "print('HEAVY', heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert "Usage: govgraph" in out and "HEAVY []" in out


def test_build_and_query(tmp_path):
    result = run("build", SEED, "--out", tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "graph.ttl").is_file() and (tmp_path / "graph.html").is_file()
    query = "SELECT ?name WHERE { ?p a foaf:Person ; skos:prefLabel ?name FILTER(STRSTARTS(?name, 'John')) } ORDER BY ?name"
    table = run("query", tmp_path / "graph.ttl", query)
    assert table.returncode == 0
    assert table.stdout.splitlines() == ["name", "------------", "John Sandweg", "John Tien", "(2 rows)"]
    csv = run("query", tmp_path / "graph.ttl", query, "--format", "csv")
    assert csv.stdout == "name\nJohn Sandweg\nJohn Tien\n"
    (tmp_path / "q.rq").write_text(query)
    assert run("query", tmp_path / "graph.ttl", "--file", tmp_path / "q.rq").stdout == table.stdout


def test_failed_inputs_give_one_line_each_and_exit_1(tmp_path):
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("build", png, empty, tmp_path / "nope.txt", SEED, "--out", tmp_path / "out")
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if "error" in line]
    assert errors == [
        f"govgraph: error: {png}: binary file (PNG image), not text",
        f"govgraph: error: {empty}: empty file",
        f"govgraph: error: {tmp_path / 'nope.txt'}: no such file or directory",
    ]
    assert "Traceback" not in result.stderr
    assert (tmp_path / "out" / "graph.ttl").is_file()


def test_error_lines_show_control_characters_of_file_names_instead_of_obeying_them(tmp_path):
    hostile = tmp_path / "\x1b]0;owned\x07.txt"
    hostile.write_bytes(b"")
    result = run("build", hostile, SEED, "--out", tmp_path / "out")
    assert result.returncode == 1 and "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert f"govgraph: error: {tmp_path}/\\x1b]0;owned\\x07.txt: empty file" in result.stderr.splitlines()


def test_nothing_built_exits_1_without_writing(tmp_path):
    result = run("build", tmp_path / "nope.txt", "--out", tmp_path / "out")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "govgraph: error: no article could be built; nothing was written"
    assert not (tmp_path / "out").exists()


def test_stdin_and_published(tmp_path):
    result = run("build", "-", "--published", "2022-11-12", "--out", tmp_path, stdin="Head\nJane Doe quit.")
    assert result.returncode == 0, result.stderr
    assert '"2022-11-12"^^xsd:date' in (tmp_path / "graph.ttl").read_text()


def test_usage_errors_exit_2(tmp_path):
    assert run("build").returncode == 2
    assert run("build", SEED, "--published", "12/11/2022").returncode == 2
    assert run("query", tmp_path / "g.ttl").returncode == 2
    assert run("frobnicate").returncode == 2


def test_query_errors_are_one_line(tmp_path):
    result = run("query", tmp_path / "missing.ttl", "SELECT * WHERE {?s ?p ?o}")
    assert result.returncode == 1
    assert result.stderr == f"govgraph: error: {tmp_path / 'missing.ttl'}: no such graph file\n"


def test_unknown_pipeline_is_one_line(tmp_path):
    result = run("build", SEED, "--model", "no_such_pipeline", "--out", tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("govgraph: error: spaCy pipeline 'no_such_pipeline' is not installed")
    assert "Traceback" not in result.stderr
