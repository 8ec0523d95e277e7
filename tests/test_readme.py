"""The README's commands work as written."""

import errno
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def code_blocks(section: str, language: str = "sh") -> list[str]:
    body = README.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(rf"```{language}\n(.*?)```", body, flags=re.S)


def commands(block: str) -> list[str]:
    return [line.split("  #", 1)[0].strip() for line in block.splitlines() if line.strip()]


def test_quick_start_is_exactly_two_make_commands():
    (block,) = code_blocks("Quick start")
    assert commands(block) == ["make demo", "make test"]
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_make_demo_builds_the_seeds(tmp_path):
    # A copy of the checkout that shares the installed .venv, so the demo writes its own output/.
    for name in ("Makefile", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    # The running environment is installed: mark it so (newer than the copied pyproject.toml).
    (tmp_path / ".venv").symlink_to(sys.prefix)
    (Path(sys.prefix) / ".installed").touch()
    result = subprocess.run(["make", "demo"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "output" / "graph.ttl").stat().st_size > 0
    assert (tmp_path / "output" / "graph.html").stat().st_size > 0


def test_usage_commands_run_as_written(tmp_path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    block = code_blocks("Usage")[0]
    outputs = []
    for command in commands(block):
        assert command.startswith("govgraph ")
        result = subprocess.run(shlex.split(command), cwd=tmp_path, capture_output=True, text=True, env=env)
        assert result.returncode == 0, f"{command}\n{result.stderr}"
        outputs.append(result.stdout)
    assert "Alejandro N. Mayorkas" in outputs[1]
    assert outputs[2].startswith("org,alias\n")
    assert "Chris Magnus" in outputs[3] and "John Tien" in outputs[3]
    assert outputs[4].startswith("conforms")


def test_example_triples_are_in_the_seed_graph(tmp_path):
    from rdflib import Graph

    from govgraph.build import build
    from govgraph.graph import PREFIXES

    (example,) = code_blocks("The graph", "turtle")
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())
    expected = Graph().parse(data=header + example, format="turtle")
    build([ROOT / "seeds"], tmp_path)
    graph = Graph().parse(tmp_path / "graph.ttl")
    for triple in expected:
        assert triple in graph, triple


def test_evaluation_figures_in_the_readme_are_current(gold_scores):
    from govgraph.evaluate import Score

    rows = {}
    for line in README.split("Relations, scored by", 1)[1].splitlines():
        for split, start in (("seed", "| the seed"), ("test", "| test split:"), ("dev", "| development split:"),
                             ("dev2", "| second development set:")):
            if line.startswith(start):
                cells = [c.strip() for c in line.strip("|").split("|")]
                rows[split] = [int(cells[1])] + [float(c) for c in cells[2:5]] + [int(cells[5])]
    assert set(rows) == {"seed", "dev", "test", "dev2"}
    people = {}
    for line in README.split("| gold | person recall", 1)[1].splitlines()[2:6]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        split = next(s for s, start in (("test", "test"), ("dev", "development"), ("people", "people"),
                                        ("dev2", "second")) if cells[0].startswith(start))
        people[split] = [float(cells[1]), float(cells[2]), int(cells[3])]
    assert set(people) == {"test", "dev", "people", "dev2"}
    for split, scores in gold_scores.items():
        total = Score()
        for score in scores.values():
            total.add(score)
        precision, recall, f1 = total.prf()
        gold = sum(total.tp.values()) + sum(total.fn.values())
        if split != "people":  # persons only: no relations scored
            assert rows[split] == [gold, round(precision, 2), round(recall, 2), round(f1, 2), len(total.violations)], split
        if split != "seed":
            person_precision, person_recall = total.person_figures()
            assert people[split] == [round(person_recall, 2), round(person_precision, 2), len(total.wrong_merges)], split


def test_evaluate_commands_in_the_readme_run():
    block = README.split("Relations, scored by", 1)[1].split("```", 2)[1]
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    for command in commands(block):
        # run as a shell would (the README uses a glob), with this environment's govgraph
        result = subprocess.run(command.replace(".venv/bin/", ""), shell=True, cwd=ROOT,
                                capture_output=True, text=True, env=env)
        assert result.returncode == 0, f"{command}\n{result.stderr}"
        assert "overall (micro)" in result.stdout or result.stdout.startswith("split  stories  gold  right")


def test_named_query_commands_run_as_written(tmp_path):
    block = README.split("### Named queries", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    subprocess.run(["govgraph", "build", "seeds/", "--out", "output/"], cwd=tmp_path, env=env, check=True,
                   capture_output=True)
    outputs = []
    for command in commands(block):
        result = subprocess.run(shlex.split(command), cwd=tmp_path, capture_output=True, text=True, env=env)
        assert result.returncode == 0, f"{command}\n{result.stderr}"
        outputs.append(result.stdout)
    assert "chain-of-command" in outputs[0] and "parameters: person" in outputs[0]
    assert "John Tien" in outputs[1] and "Biden" in outputs[2]
    assert outputs[3].startswith("person_name,critic,sentence,headline\nMayorkas,Republican lawmakers,")


def test_store_commands_run_as_written(tmp_path):
    block = README.split("### Large graphs", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    build, query, serve = commands(block)
    assert serve.startswith("govgraph serve output/store")  # runs until stopped: see tests/test_store.py
    for command in (build, query):
        result = subprocess.run(shlex.split(command), cwd=tmp_path, capture_output=True, text=True, env=env)
        assert result.returncode == 0, f"{command}\n{result.stderr}"
    assert "Alejandro N. Mayorkas" in result.stdout and "Biden" in result.stdout


def troubleshooting_messages() -> list[str]:
    section = README.split("## Troubleshooting\n", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [m for row in rows for m in re.findall(r"`([^`]+)`", row.split(" | ")[0])]


def test_every_troubleshooting_message_is_one_govgraph_gives():
    source = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "src" / "govgraph").glob("*.py"))
    messages = troubleshooting_messages()
    assert len(messages) >= 25
    for message in messages:
        # "FILE: reason" -> the fixed words of the reason, up to its first placeholder
        text = re.sub(r"^(FILE:LINE|FILE|OUTPUT|OUT|GRAPH|DIR|CACHE|ADDRESS): ", "", message)
        fixed = re.split(r"…| [LNC]\b| FORMAT\b| ID\b|'X'|0x\.\.|\(a named pipe\)|\(PNG image\)", text)[0].strip().rstrip(";,:")
        from_the_system = fixed == os.strerror(errno.ENOENT).lower()  # load.py passes the OS's words on
        assert len(fixed) >= 5 and (fixed in source or from_the_system), message
