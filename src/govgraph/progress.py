"""A progress bar for builds: articles, words per second and time left, on a terminal only."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path

from .load import SUPPORTED_SUFFIXES
from .model import Article

__all__ = ["Progress", "count_inputs"]

_JSONL = {".jsonl", ".ndjson"}


def count_inputs(paths: Iterable[str | Path]) -> int | None:
    """How many stories the inputs hold, counted cheaply (files, JSONL lines); None when unknowable
    without reading them (stdin, JSON arrays)."""
    total = 0
    for path in map(Path, paths):
        if str(path) == "-":
            return None
        if path.is_dir():
            files = (Path(root) / name for root, _, names in os.walk(path) for name in names)
        else:
            files = iter([path])
        for file in files:
            suffix = file.suffix.lower()
            if suffix == ".json":
                return None
            if suffix in _JSONL:
                try:
                    with open(file, "rb") as stream:
                        total += sum(1 for line in stream if line.strip())
                except OSError:
                    total += 1
            elif suffix in SUPPORTED_SUFFIXES or not path.is_dir():
                total += 1
    return total


class Progress:
    """tqdm bar fed one extraction at a time; silent when stderr is not a terminal."""

    def __init__(self, paths: Iterable[str | Path]):
        self.paths = list(paths)
        self.bar = None
        self.words = 0
        self.start = time.perf_counter()

    def __enter__(self) -> Progress:
        from tqdm import tqdm

        if sys.stderr.isatty():
            self.bar = tqdm(total=count_inputs(self.paths), unit="article", dynamic_ncols=True, leave=False)
        return self

    def update(self, article: Article) -> None:
        """One more article done (parsed or from the cache)."""
        if self.bar is None:
            return
        self.words += len(article.text.split())
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        self.bar.set_postfix_str(f"{self.words / elapsed:,.0f} words/s", refresh=False)
        self.bar.update(1)

    def write(self, line: str) -> None:
        """Print a line above the bar (or plainly, without one)."""
        if self.bar is None:
            import click

            click.echo(line, err=True)
        else:
            self.bar.write(line, file=sys.stderr)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.close()
