"""Kill rates of the last mutation run (`make mutate`), per part of the code that carries a promise.

Reads `mutmut results --all true` and groups the mutants by the scopes of MUTANTS in the Makefile
(fnmatch patterns on mutmut's names): killed / all tested, survivors listed by name so that
`.venv/bin/mutmut show NAME` shows the change no test noticed.

    .venv/bin/python benchmarks/mutation.py 'modality=govgraph.modality.x_modality_of__mutmut_*' ...
"""

from __future__ import annotations

import fnmatch
import subprocess
import sys
from collections import defaultdict
from pathlib import Path


def results() -> dict[str, str]:
    """Mutant name -> status (killed, survived, timeout, no tests, ...) of the last run."""
    mutmut = Path(sys.executable).parent / "mutmut"
    shown = subprocess.run([str(mutmut), "results", "--all", "true"], capture_output=True, text=True, check=True)
    out = {}
    for line in shown.stdout.splitlines():
        name, sep, status = line.strip().rpartition(": ")
        if sep and name.startswith("govgraph."):
            out[name] = status
    return out


def main(scopes: list[str]) -> None:
    statuses = results()
    grouped: dict[str, dict[str, str]] = defaultdict(dict)
    for scope in scopes:
        label, _, patterns = scope.partition("=")
        for name, status in statuses.items():
            if any(fnmatch.fnmatch(name, pattern) for pattern in patterns.split(",")):
                grouped[label][name] = status
    print(f"{'scope':28} {'mutants':>8} {'killed':>7} {'timeout':>8} {'survived':>9} {'kill rate':>10}")
    survivors = []
    for label, found in grouped.items():
        tested = {n: s for n, s in found.items() if s not in ("not checked", "skipped", "no tests")}
        killed = sum(1 for s in tested.values() if s == "killed")
        # a timeout is an endless loop only if the CPU limit covers the tests' set-up; it is counted
        # apart, never as a kill (a slow survivor also times out)
        timeouts = sum(1 for s in tested.values() if s == "timeout")
        survived = [n for n, s in tested.items() if s in ("survived", "suspicious")]
        rate = killed / len(tested) if tested else 0.0
        print(f"{label:28} {len(tested):8d} {killed:7d} {timeouts:8d} {len(survived):9d} {rate:10.0%}")
        survivors += survived
        untested = len(found) - len(tested)
        if untested:
            print(f"{'':28} ({untested} not run: no test covers them, or the run was stopped)")
    if survivors:
        print("\nsurvivors (.venv/bin/mutmut show NAME):")
        print("\n".join(f"  {name}" for name in sorted(survivors)))


if __name__ == "__main__":
    main(sys.argv[1:])
