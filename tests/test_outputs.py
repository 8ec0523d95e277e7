"""Outputs replaced as one set: staged, journalled, swapped, recovered after a kill."""

import json
import os
import signal
import threading

import pytest

from govgraph.outputs import JOURNAL, OutputSet, recover, write_atomic


def previous_set(out):
    out.mkdir(parents=True, exist_ok=True)
    (out / "graph.ttl").write_text("old turtle")
    (out / "graph.html").write_text("old page")
    (out / "store").mkdir()
    (out / "store" / "data").write_text("old store")


def stage_new_set(out) -> OutputSet:
    outputs = OutputSet(out)
    outputs.file("graph.ttl").write_text("new turtle")
    outputs.file("graph.html").write_text("new page")
    store = outputs.folder(out / "store")
    store.mkdir()
    (store / "data").write_text("new store")
    return outputs


def contents(out):
    return [(out / name).read_text() for name in ("graph.ttl", "graph.html", "store/data")]


def test_staged_outputs_leave_the_old_set_in_place_until_the_commit(tmp_path):
    previous_set(tmp_path)
    outputs = stage_new_set(tmp_path)
    assert contents(tmp_path) == ["old turtle", "old page", "old store"]
    assert outputs.commit() == [tmp_path / "graph.ttl", tmp_path / "graph.html", tmp_path / "store"]
    assert contents(tmp_path) == ["new turtle", "new page", "new store"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "graph.ttl", "store"]


def test_a_discarded_set_leaves_the_old_one_and_no_staging(tmp_path):
    previous_set(tmp_path)
    stage_new_set(tmp_path).discard()
    assert contents(tmp_path) == ["old turtle", "old page", "old store"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "graph.ttl", "store"]


def test_a_build_killed_during_the_swap_is_finished_by_the_next(tmp_path, monkeypatch):
    previous_set(tmp_path)
    outputs = stage_new_set(tmp_path)
    renames = []

    def killed_after_two(source, target):  # kill -9 after the second output's rename
        if str(target).endswith(JOURNAL):
            return os.rename(source, target)
        if len(renames) == 2:
            raise SystemExit("killed")
        renames.append(target)
        os.rename(source, target)

    monkeypatch.setattr(os, "replace", killed_after_two)
    with pytest.raises(SystemExit):
        outputs.commit()
    monkeypatch.undo()
    assert (tmp_path / JOURNAL).is_file()
    assert contents(tmp_path)[:2] == ["new turtle", "new page"]  # a mixed set, for now
    recover(tmp_path, (tmp_path / "store",))
    assert contents(tmp_path) == ["new turtle", "new page", "new store"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "graph.ttl", "store"]


def test_staging_of_a_killed_build_is_removed_and_a_running_one_kept(tmp_path):
    import subprocess

    previous_set(tmp_path)
    dead = 2 ** 22 + 12345  # above the kernel's largest pid: no such process
    running = subprocess.Popen(["sleep", "60"])  # another build, still writing
    try:
        for name in (f".govgraph-staging-{dead}", f".store.govgraph-staging-{dead}", f".store.govgraph-old-{dead}",
                     f".govgraph-staging-{running.pid}"):
            (tmp_path / name).mkdir()
            (tmp_path / name / "big").write_bytes(b"x" * 1000)
        (tmp_path / ".other.govgraph-staging-1").mkdir()  # beside a folder that is not this build's output
        (tmp_path / f".store.govgraph-old-{dead + 1}").write_bytes(b"a file left half-swapped")
        recover(tmp_path, (tmp_path / "store",))
        with pytest.raises(subprocess.TimeoutExpired):
            running.wait(timeout=0.5)  # only asked whether it runs: no signal sent
    finally:
        running.kill()
        running.wait()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        f".govgraph-staging-{running.pid}", ".other.govgraph-staging-1", "graph.html", "graph.ttl", "store"]


def test_ctrl_c_during_the_swap_waits_for_the_last_rename(tmp_path, monkeypatch):
    previous_set(tmp_path)
    outputs = stage_new_set(tmp_path)
    real = os.replace

    def interrupted(source, target):
        if not str(target).endswith(JOURNAL):
            os.kill(os.getpid(), signal.SIGINT)  # as if Ctrl-C came during the swap
        real(source, target)

    monkeypatch.setattr(os, "replace", interrupted)
    outputs.commit()  # no KeyboardInterrupt: the set went in whole
    monkeypatch.undo()
    assert contents(tmp_path) == ["new turtle", "new page", "new store"]
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_the_journal_names_every_staged_output(tmp_path, monkeypatch):
    outputs = stage_new_set(tmp_path)
    seen = {}

    def record(source, target):
        seen.setdefault("journal", json.loads((tmp_path / JOURNAL).read_text()))
        os.rename(source, target)

    monkeypatch.setattr(os, "replace", record)
    monkeypatch.setattr("govgraph.outputs.write_atomic", lambda path, data: path.write_text(data))
    outputs.commit()
    assert [final for _, final in seen["journal"]] == [str(tmp_path / n) for n in ("graph.ttl", "graph.html", "store")]


def test_write_atomic_keeps_the_old_file_readable_until_the_new_one_is_complete(tmp_path, monkeypatch):
    target = tmp_path / "graph.ttl"
    write_atomic(target, "first")
    seen_while_writing = []
    real_fsync = os.fsync

    def observe(fd):  # the new bytes are written but not yet renamed into place
        seen_while_writing.append(target.read_text())
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", observe)
    write_atomic(target, "second")
    assert seen_while_writing == ["first"]
    assert target.read_text() == "second"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_signals_are_not_touched_outside_the_main_thread(tmp_path):
    previous_set(tmp_path)
    outputs = stage_new_set(tmp_path)
    errors = []
    thread = threading.Thread(target=lambda: errors.append(outputs.commit() and None))
    thread.start()
    thread.join()
    assert errors == [None] and contents(tmp_path) == ["new turtle", "new page", "new store"]


def test_discarding_a_set_with_only_a_folder_staged(tmp_path):
    outputs = OutputSet(tmp_path)
    outputs.folder(tmp_path / "store").mkdir()
    outputs.discard()  # no file was staged: the staging folder never existed
    assert list(tmp_path.iterdir()) == []


def test_staging_of_another_users_running_build_is_kept(tmp_path, monkeypatch):
    # the kernel refuses to signal another user's process (EPERM); that process runs. Root may
    # signal any process, so the refusal is given here as the kernel gives it to other users
    previous_set(tmp_path)
    other = 2 ** 22 + 54321
    (tmp_path / f".govgraph-staging-{other}").mkdir()

    def refused(pid, sig):
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(os, "kill", refused)
    recover(tmp_path, (tmp_path / "store",))
    assert (tmp_path / f".govgraph-staging-{other}").is_dir()


def test_outputs_reach_the_disk_before_the_rename_and_a_cache_need_not(tmp_path, monkeypatch):
    flushed = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: flushed.append(fd) or real(fd))
    write_atomic(tmp_path / "graph.ttl", "kept")
    assert len(flushed) == 1
    write_atomic(tmp_path / "parsed.pickle", b"rebuilt if lost", durable=False)
    assert len(flushed) == 1 and (tmp_path / "parsed.pickle").read_bytes() == b"rebuilt if lost"


def test_an_unreadable_journal_is_dropped_and_staging_beside_each_folder_is_still_cleared(tmp_path):
    previous_set(tmp_path)
    (tmp_path / JOURNAL).write_text("{not json")
    dead = 2 ** 22 + 777
    (tmp_path / f".store.govgraph-staging-{dead}").mkdir()
    recover(tmp_path, (tmp_path / "gone" / "store", tmp_path / "store"))  # the first folder's parent is missing
    assert contents(tmp_path) == ["old turtle", "old page", "old store"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.html", "graph.ttl", "store"]
