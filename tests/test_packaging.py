"""Installing govgraph: from the hashed locks into a fresh venv, and as a wheel that carries the
ontology and templates (not only as an editable install)."""

import re
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


def test_a_fresh_venv_with_the_pip_it_ships_sets_up_from_the_locks_and_builds_the_seed(tmp_path):
    """The README's set-up, as on a new machine: `python3 -m venv` ships an old pip (23.2.1 here,
    which cannot install the lock's hashed extras), so the Makefile first installs the pip pinned
    and hashed in requirements-pip.lock, then the lock, then govgraph; the seed then builds."""
    venv = tmp_path / "venv"
    subprocess.run([sys._base_executable, "-m", "venv", str(venv)], check=True)
    shipped = subprocess.run([venv / "bin" / "python", "-m", "pip", "--version"], capture_output=True, text=True,
                             check=True).stdout.split()[1]
    setup = subprocess.run(["make", "-C", str(ROOT), "setup", f"VENV={venv}"], capture_output=True, text=True)
    assert setup.returncode == 0, setup.stdout[-2000:] + setup.stderr[-2000:]
    pinned = re.search(r"^pip==(\S+)", (ROOT / "requirements-pip.lock").read_text(encoding="utf-8"), re.M).group(1)
    installed = subprocess.run([venv / "bin" / "python", "-m", "pip", "--version"], capture_output=True, text=True,
                               check=True).stdout.split()[1]
    assert installed == pinned, f"venv shipped pip {shipped}; the set-up left {installed}, the lock pins {pinned}"
    demo = subprocess.run([venv / "bin" / "govgraph", "build", str(ROOT / "seeds"), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True)
    assert demo.returncode == 0, demo.stderr
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 10_000 and (tmp_path / "out" / "graph.html").is_file()


def test_the_installer_lock_pins_pip_with_hashes():
    lock = (ROOT / "requirements-pip.lock").read_text(encoding="utf-8")
    assert re.search(r"^pip==\S+ \\\n(\s+--hash=sha256:[0-9a-f]{64}.*\n?)+", lock, re.M), lock
