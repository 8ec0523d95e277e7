"""Replace a build's outputs as one set: all written aside first, then swapped in together.

A build writes several outputs (graph files, the page, the store, its manifest). Whoever reads
them, and the next build, must see the old set or the new set, never a mix, whatever stops the
build: an error, a full disk, Ctrl-C, ``kill -9``.

1. **Stage**: each output is written under a staging name beside its final place (the same file
   system, so that a rename moves it): files in ``OUT/.govgraph-staging-PID/``, a store folder as
   ``.NAME.govgraph-staging-PID`` beside it. A failure here removes the staging; nothing else
   changed.
2. **Commit**: a journal ``OUT/.govgraph-swap.json`` listing each staged output and its place is
   written atomically. From then on the new set is the build's result.
3. **Swap**: each output is renamed into place (a folder: the old one renamed aside, the new one
   in, the old one removed), with Ctrl-C and SIGTERM held until the last rename is done.
4. The journal is removed. A build killed between 2 and 4 leaves the journal, and the next build
   in that folder (``recover``, under the folder's lock) finishes the swap first; staging left by
   a build killed before 2 is removed then too.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
from contextlib import contextmanager
from pathlib import Path

__all__ = ["OutputSet", "recover", "write_atomic", "JOURNAL"]

JOURNAL = ".govgraph-swap.json"
_STAGING = ".govgraph-staging-"
_OLD = ".govgraph-old-"


def write_atomic(path: str | Path, data: str | bytes, durable: bool = True) -> Path:
    """Write ``data`` to ``path`` through a temporary file, flushed to disk (unless not
    ``durable``: a cache that can be rebuilt), and a rename: the file is the old one or the new
    one, never half-written."""
    import tempfile

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(temp, 0o644)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
    return path


class OutputSet:
    """The outputs of one build, staged until ``commit`` swaps them in together.

    ``file(name)`` gives the path to write an output file of ``out_dir`` to, ``folder(path)`` the
    path to create an output folder (the store) at; ``current`` names the output being written,
    for messages. ``discard`` removes whatever was staged.
    """

    def __init__(self, out_dir: str | Path):
        self.out_dir = Path(out_dir)
        self.staging = self.out_dir / f"{_STAGING}{os.getpid()}"
        self.pairs: list[tuple[Path, Path]] = []  # (staged, final)
        self.current: Path | None = None
        self.committed = False

    def file(self, name: str) -> Path:
        """Where to write the output file ``out_dir/name``."""
        self.staging.mkdir(parents=True, exist_ok=True)
        return self._stage(self.staging / name, self.out_dir / name)

    def folder(self, final: str | Path) -> Path:
        """Where to create the output folder ``final`` (it must not exist yet there)."""
        final = Path(final)
        final.parent.mkdir(parents=True, exist_ok=True)
        return self._stage(final.parent / f".{final.name}{_STAGING}{os.getpid()}", final)

    def _stage(self, staged: Path, final: Path) -> Path:
        self.pairs.append((staged, final))
        self.current = final
        return staged

    def commit(self) -> list[Path]:
        """Swap every staged output into place as one set; returns the final paths."""
        journal = self.out_dir / JOURNAL
        write_atomic(journal, json.dumps([[str(s), str(f)] for s, f in self.pairs], indent=1))
        self.committed = True
        with _signals_held():
            _swap(self.pairs)
            journal.unlink()
        shutil.rmtree(self.staging, ignore_errors=True)
        return [final for _, final in self.pairs]

    def discard(self) -> None:
        """Remove everything staged (the outputs in place stay as they were)."""
        if self.committed:
            return
        for staged, _ in self.pairs:
            _remove(staged)
        shutil.rmtree(self.staging, ignore_errors=True)


def recover(out_dir: str | Path, folders: tuple[Path, ...] = ()) -> None:
    """Finish a swap that a killed build left half done, and remove staging that killed builds
    left behind in ``out_dir`` and beside the output ``folders``. Call it holding the folder's lock."""
    out_dir = Path(out_dir)
    journal = out_dir / JOURNAL
    if journal.is_file():
        try:
            pairs = [(Path(s), Path(f)) for s, f in json.loads(journal.read_text(encoding="utf-8"))]
        except (OSError, ValueError, TypeError):
            pairs = []  # unreadable: written atomically, so never half-written; nothing to finish
        with _signals_held():
            _swap(pairs)
            journal.unlink()
    places = [(out_dir, "")] + [(Path(f).parent, f".{Path(f).name}") for f in folders]
    for parent, prefix in places:
        if not parent.is_dir():
            continue
        for leftover in parent.iterdir():
            name = leftover.name
            for marker in (_STAGING, _OLD):
                if name.startswith(prefix + marker) and not _running(name.rsplit("-", 1)[-1]):
                    _remove(leftover)


def _swap(pairs: list[tuple[Path, Path]]) -> None:
    for staged, final in pairs:
        if not staged.exists() and not staged.is_symlink():
            continue  # swapped before the build that staged it was killed
        if staged.is_dir():
            old = final.parent / f".{final.name}{_OLD}{os.getpid()}"
            if final.exists():
                os.replace(final, old)
            os.replace(staged, final)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staged, final)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _running(pid: str) -> bool:
    """Whether the build process ``pid`` (from a staging name) still runs. This process's own pid
    counts as not running: ``recover`` runs before it stages anything, so a match is a killed
    build's whose pid came round again."""
    if not pid.isdigit() or int(pid) == os.getpid():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


@contextmanager
def _signals_held():
    """Ctrl-C and SIGTERM wait until the block ends (the renames of a swap take microseconds).

    Python runs signal handlers in the main thread whichever thread the kernel picked, so the
    handlers are swapped for ones that only note the signal; elsewhere than the main thread
    (a library caller's thread) handlers cannot be set, and the swap simply runs.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    signals = [signal.SIGINT, signal.SIGTERM]
    previous = {number: signal.signal(number, lambda number, _frame: received.append(number)) for number in signals}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
    # The set is in place: a signal that came meanwhile arrived too late to stop anything, and
    # the build is complete; it is dropped rather than reported as an interruption.
