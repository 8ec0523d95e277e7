"""A wheel install works, not only an editable one: the ontology and templates ship inside it."""

import subprocess
import sys
import zipfile

from conftest import ROOT


def test_wheel_carries_ontology_and_templates(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    (wheel,) = tmp_path.glob("govgraph-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    ontology = {p.relative_to(ROOT).as_posix() for p in (ROOT / "ontology").rglob("*") if p.is_file()}
    assert ontology and {f"govgraph/{name}" for name in ontology} <= names
    assert "govgraph/templates/network.html" in names
    assert "govgraph/cli.py" in names
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "govgraph = govgraph.cli:main" in entry_points
