import os
import signal
import subprocess
import sys
import time

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.namespace import FOAF, ORG, SKOS

from conftest import SEED, SHARED, blas_threads_after
from govgraph.build import build
from govgraph.graph import SCHEMA


def test_seed_builds_turtle_and_html(tmp_path, nlp):
    report = build([SEED], tmp_path)
    assert report.articles == 1 and not report.failures
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["graph.html", "graph.ttl"]
    graph = Graph().parse(tmp_path / "graph.ttl")
    people = {str(graph.value(p, SKOS.prefLabel)) for p in graph.subjects(RDF.type, FOAF.Person)}
    assert {"Chris Magnus", "Alejandro N. Mayorkas", "John Tien"} <= people
    (article,) = graph.subjects(RDF.type, SCHEMA.NewsArticle)
    assert str(graph.value(article, SCHEMA.headline)).startswith("Top border official")
    assert "best-connected" not in (tmp_path / "graph.html").read_text(encoding="utf-8")


def test_the_page_cap_reaches_the_page(tmp_path, nlp):
    build([SEED], tmp_path, html_max_nodes=5)
    assert "Showing the 5 best-connected of" in (tmp_path / "graph.html").read_text(encoding="utf-8")


def test_bad_inputs_are_reported_and_the_rest_builds(tmp_path, nlp):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "ok.txt").write_text("Minister quits\nJane Doe, the transport minister, quit on Monday.")
    seen = []
    report = build([tmp_path / "in", tmp_path / "missing"], tmp_path / "out", on_error=seen.append)
    assert report.articles == 1
    assert [str(e) for e in seen] == [f"{tmp_path / 'in' / 'empty.txt'}: empty file",
                                     f"{tmp_path / 'missing'}: no such file or directory"]
    assert (tmp_path / "out" / "graph.ttl").is_file()


def test_nothing_is_written_when_nothing_builds(tmp_path, nlp):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "graph.ttl").write_text("previous")
    report = build([tmp_path / "missing.txt"], tmp_path / "out")
    assert report.articles == 0 and len(report.failures) == 1
    assert (tmp_path / "out" / "graph.ttl").read_text() == "previous"


def test_the_same_story_twice_is_built_once(tmp_path, nlp):
    (tmp_path / "a.txt").write_text("Head\nJane Doe quit.")
    (tmp_path / "b.txt").write_text("Head\nJane Doe quit.")
    report = build([tmp_path / "a.txt", tmp_path / "b.txt"], tmp_path / "out")
    assert (report.articles, report.duplicates) == (1, 1)


def test_two_builds_are_byte_identical(tmp_path, nlp):
    from conftest import SHARED

    inputs = [SEED] + sorted((SHARED / "corpus" / "bbc-politics").glob("*.txt"))[:5]
    build(inputs, tmp_path / "a")
    build(inputs, tmp_path / "b")
    for name in ("graph.ttl", "graph.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_every_format_is_written_and_readable(tmp_path, nlp):
    import networkx as nx
    from rdflib import Dataset

    from govgraph.graph import article_graph_iri

    formats = ["turtle", "html", "trig", "nquads", "jsonld", "ntriples", "graphml", "gexf"]
    report = build([SEED], tmp_path, formats=formats)
    assert sorted(p.name for p in report.outputs) == sorted(
        ["graph.ttl", "graph.html", "graph.trig", "graph.nq", "graph.jsonld", "graph.nt", "graph.graphml", "graph.gexf"])
    turtle = Graph().parse(tmp_path / "graph.ttl")
    assert len(Graph().parse(tmp_path / "graph.nt")) == len(turtle)
    assert len(Graph().parse(tmp_path / "graph.jsonld", format="json-ld")) == len(turtle)
    dataset = Dataset().parse(tmp_path / "graph.trig", format="trig")
    (article,) = turtle.subjects(RDF.type, SCHEMA.NewsArticle)
    article_id = str(article).rsplit("article-", 1)[1]
    assert len(dataset.graph(URIRef(article_graph_iri(article_id).value))) == len(turtle)
    assert nx.read_graphml(tmp_path / "graph.graphml").number_of_nodes() > 10
    assert nx.read_gexf(tmp_path / "graph.gexf").number_of_nodes() > 10


def test_adding_stories_to_an_existing_graph(tmp_path, nlp):
    from rdflib.namespace import SKOS

    from govgraph.graph import ID

    build([SEED], tmp_path / "first", formats=["turtle", "trig"])
    first = Graph().parse(tmp_path / "first" / "graph.ttl")
    (tmp_path / "new.txt").write_text(
        "Secretary under fire\n\nHomeland Security Secretary Alejandro Mayorkas defended his record on Monday. "
        "Mayorkas said the department was working hard.", encoding="utf-8")
    build([tmp_path / "new.txt"], tmp_path / "second", formats=["turtle", "trig"],
          existing=tmp_path / "first" / "graph.trig")
    second = Graph().parse(tmp_path / "second" / "graph.ttl")
    # nothing already there is lost...
    assert set(first) - set(second) == set()
    # ...and the secretary of the new story is the seed's, under the seed's name
    person = ID["person-alejandro-n-mayorkas"]
    assert "Alejandro Mayorkas" in {str(a) for a in second.objects(person, SKOS.altLabel)}
    assert (ID["person-alejandro-mayorkas"], None, None) not in second
    assert len(set(second.subjects(RDF.type, SCHEMA.NewsArticle))) == 2
    # re-adding a story already in the graph changes nothing
    report = build([SEED], tmp_path / "third", formats=["turtle", "trig"], existing=tmp_path / "second" / "graph.trig")
    assert report.articles == 0 and report.duplicates == 1


def test_adding_one_story_changes_only_its_statements(tmp_path, nlp):
    from conftest import SHARED

    stories = sorted((SHARED / "corpus" / "bbc-politics").glob("*.txt"))
    build([SEED, *stories[:3]], tmp_path / "a")
    build([SEED, *stories[:4]], tmp_path / "b")
    before, after = Graph().parse(tmp_path / "a" / "graph.ttl"), Graph().parse(tmp_path / "b" / "graph.ttl")
    assert set(before) - set(after) == set()  # nothing lost
    added_subjects = {s for s, _, _ in set(after) - set(before)}
    (new_article,) = set(after.subjects(RDF.type, SCHEMA.NewsArticle)) - set(before.subjects(RDF.type, SCHEMA.NewsArticle))
    article_id = str(new_article).rsplit("article-", 1)[1]
    # what changed belongs to the new story, or is an entity it shares with the others
    foreign = {s for s in added_subjects if article_id not in str(s) and (s, None, None) in before
               and not set(before.objects(s, RDF.type)) & {FOAF.Person, ORG.Organization, ORG.Post}}
    assert foreign == set()


BBC = SHARED / "corpus" / "bbc-politics"
FOUR = [BBC / f"bbc-politics-00{n}.txt" for n in (1, 2, 3, 4)]


def outputs_of(folder):
    return {name: (folder / name).read_bytes() for name in ("graph.ttl", "graph.html")}


def test_a_rerun_parses_nothing_and_new_stories_alone_are_parsed(tmp_path, nlp):
    first = build(FOUR[:3], tmp_path)
    assert (first.parsed, first.cached, first.up_to_date) == (3, 0, False)
    again = build(FOUR[:3], tmp_path)
    assert (again.parsed, again.cached, again.up_to_date) == (0, 3, True)
    more = build(FOUR, tmp_path)
    assert (more.parsed, more.cached, more.up_to_date) == (1, 3, False)
    fresh = tmp_path / "fresh"
    build(FOUR, fresh, cache=False)
    assert outputs_of(tmp_path) == outputs_of(fresh)
    assert not (fresh / ".govgraph-cache").exists()


def test_a_damaged_or_missing_output_is_rewritten(tmp_path, nlp):
    build(FOUR[:2], tmp_path)
    expected = outputs_of(tmp_path)
    (tmp_path / "graph.html").write_text("damaged")
    report = build(FOUR[:2], tmp_path)
    assert not report.up_to_date and outputs_of(tmp_path) == expected


def test_a_damaged_cache_entry_is_dropped_and_parsed_again(tmp_path, nlp):
    from govgraph.model import GovgraphError

    build(FOUR[:2], tmp_path)
    (tmp_path / "graph.ttl").unlink()  # so the next build writes
    (entry,) = list((tmp_path / ".govgraph-cache").glob("*/*.pickle"))[:1]
    entry.write_bytes(b"not a pickle")
    with pytest.raises(GovgraphError, match="was damaged or missing and has been dropped; run the build again"):
        build(FOUR[:2], tmp_path)
    report = build(FOUR[:2], tmp_path)
    assert (report.parsed, report.cached) == (1, 1) and (tmp_path / "graph.ttl").is_file()


@pytest.mark.slow
def test_two_worker_processes_give_the_same_bytes(tmp_path, nlp):
    build(FOUR, tmp_path / "one", cache=False)
    report = build(FOUR, tmp_path / "two", jobs=2, batch_size=1, cache=False)
    assert report.parsed == 4
    assert outputs_of(tmp_path / "one") == outputs_of(tmp_path / "two")


@pytest.mark.slow
def test_a_worker_batch_runs_on_one_blas_thread():
    assert blas_threads_after("from govgraph.build import extract_batch\nextract_batch([])") == "[1]"


@pytest.mark.slow
def test_the_process_that_writes_the_graph_needs_no_spacy():
    # with --jobs or a cluster the workers parse: the writing process must not spend a second
    # importing spaCy once they are done
    code = ("import sys\nfrom govgraph.build import _write\nimport govgraph.export, govgraph.identity, govgraph.store\n"
            "print('spacy' in sys.modules)")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert shown.stdout.strip() == "False"


@pytest.mark.slow
def test_a_dask_cluster_of_two_workers_gives_the_same_bytes(tmp_path, nlp):
    from distributed import LocalCluster

    build(FOUR, tmp_path / "local", cache=False)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        report = build(FOUR, tmp_path / "dask", executor="dask", scheduler=cluster.scheduler_address,
                       batch_size=1, cache=False)
        workers = len(cluster.workers)
    assert report.parsed == 4 and workers == 2
    assert outputs_of(tmp_path / "local") == outputs_of(tmp_path / "dask")


def test_strict_stops_at_the_first_failure(tmp_path, nlp):
    seen = []
    report = build([tmp_path / "missing.txt", SEED], tmp_path / "out", strict=True, on_error=seen.append)
    assert report.articles == 0 and len(seen) == 1
    assert not (tmp_path / "out" / "graph.ttl").exists()


GOVGRAPH = [sys.executable, "-m", "govgraph.cli"]


def start_build(*args):
    # a shell's background job (as under some CI runners) starts with SIGINT ignored; a user at a
    # terminal does not, so the child gets the default disposition back
    return subprocess.Popen([*GOVGRAPH, "build", *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env={**os.environ, "PYTHONWARNINGS": "ignore"},
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def wait_for(condition, timeout=120):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


@pytest.mark.slow
@pytest.mark.parametrize("signal_number", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_an_interrupted_build_keeps_the_previous_graph_and_resumes(tmp_path, nlp, signal_number):
    out = tmp_path / "out"
    build([SEED], out)
    previous = outputs_of(out)
    stories = sorted(BBC.glob("bbc-politics-0[0-4]*.txt"))
    process = start_build(*stories, "--out", out)
    wait_for(lambda: len(list((out / ".govgraph-cache").glob("*/*.pickle"))) >= 3)
    process.send_signal(signal_number)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert stderr.splitlines()[-1] == (f"govgraph: error: {out}: interrupted; the previous graph there is unchanged; "
                                       "stories parsed so far are cached and will not be parsed again")
    assert outputs_of(out) == previous
    assert not list(out.glob(".*.tmp"))
    cached = len(list((out / ".govgraph-cache").glob("*/*.pickle"))) - 1  # the seed's
    report = build(stories, out)
    assert report.cached >= cached >= 2 and report.parsed == len(stories) - report.cached


@pytest.mark.slow
def test_a_build_waits_for_another_writing_the_same_folder(tmp_path, nlp):
    from filelock import FileLock

    out = tmp_path / "out"
    out.mkdir()
    with FileLock(out / ".govgraph.lock"):
        process = start_build(SEED, "--out", out)
        wait_for(lambda: list((out / ".govgraph-cache").glob("*/*.pickle")))
        time.sleep(2)  # parsed; now it must be waiting for the lock, not writing
        assert not (out / "graph.ttl").exists() and process.poll() is None
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 0, stderr
    assert (out / "graph.ttl").is_file() and (out / "graph.html").is_file()


@pytest.mark.slow
def test_the_merged_graph_is_the_same_with_or_without_named_graphs(tmp_path, nlp):
    # turtle alone is built without per-article graphs; with TriG they are kept and merged
    stories = sorted(BBC.glob("bbc-politics-01*.txt"))
    build(stories, tmp_path / "lean", formats=["turtle"], cache=False)
    build(stories, tmp_path / "named", formats=["turtle", "trig"], cache=False)
    assert (tmp_path / "lean" / "graph.ttl").read_bytes() == (tmp_path / "named" / "graph.ttl").read_bytes()


def test_a_story_whose_extraction_fails_is_reported_and_the_others_build(tmp_path, nlp, monkeypatch):
    # no real story trips a rule today; a fault is injected into one stage for one story
    import govgraph.structure as structure_module

    real = structure_module.extract_structure

    def faulty(doc, *args):
        if "Mayorkas" in doc.text:
            raise ValueError("a rule tripped")
        return real(doc, *args)

    monkeypatch.setattr(structure_module, "extract_structure", faulty)
    seen = []
    report = build([SEED, FOUR[0]], tmp_path, on_error=seen.append, cache=False)
    assert report.articles == 1 and [e.source for e in seen] == [str(SEED)]
    assert str(seen[0]).endswith("extraction failed (ValueError: a rule tripped); the other stories are built: "
                                 "please report this one")


def articles_in(path) -> int:
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    dataset.parse(path, format="trig")
    return len(set(dataset.subjects(RDF.type, SCHEMA.NewsArticle)))


@pytest.mark.slow
def test_two_merges_into_one_graph_at_once_keep_every_story(tmp_path, nlp):
    """Both read the graph, parse, then write: the second to take the lock must read the graph the
    first wrote, or the first one's stories are lost."""
    out = tmp_path / "out"
    build([SEED], out, formats=["trig"])
    batches = [sorted(BBC.glob("bbc-politics-1[0-7]*.txt"))[:8], sorted(BBC.glob("bbc-politics-2[0-7]*.txt"))[:8]]
    processes = [start_build(*batch, "--graph", out / "graph.trig", "--out", out, "--format", "trig", "--no-cache")
                 for batch in batches]
    for process in processes:
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
    assert articles_in(out / "graph.trig") == 17


def staging_of(folder):
    return [p for p in folder.iterdir() if ".govgraph-staging-" in p.name] if folder.is_dir() else []


@pytest.mark.slow
def test_an_interrupt_while_the_store_is_written_leaves_every_previous_output(tmp_path, nlp):
    out = tmp_path / "out"
    build([SEED], out, store=out / "store")
    previous = outputs_of(out) | {"store": sorted(p.name for p in (out / "store").iterdir())}
    stories = sorted(BBC.glob("bbc-politics-0*.txt"))[:40]
    build(stories, tmp_path / "warm", cache=False)  # the page cache holds the stories; parsing still takes seconds
    process = start_build(*stories, "--out", out, "--store", out / "store")
    wait_for(lambda: staging_of(out), timeout=300)  # the store is staged after the graph files
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert stderr.splitlines()[-1].startswith(f"govgraph: error: {out}: interrupted; the previous graph there is unchanged")
    assert outputs_of(out) | {"store": sorted(p.name for p in (out / "store").iterdir())} == previous
    assert not staging_of(out) and not list(out.glob(".govgraph-staging-*"))


@pytest.mark.slow
def test_a_killed_build_leaves_staging_that_the_next_build_removes(tmp_path, nlp):
    out = tmp_path / "out"
    stories = sorted(BBC.glob("bbc-politics-0*.txt"))[:20]
    process = start_build(*stories, "--out", out, "--store", out / "store")
    wait_for(lambda: staging_of(out), timeout=300)
    process.kill()
    process.communicate(timeout=60)
    assert staging_of(out)
    report = build(stories, out, store=out / "store")
    assert report.articles == 20 and (out / "store" / "govgraph-store").is_file()
    assert not staging_of(out)


def test_a_disk_full_while_writing_the_page_writes_nothing(tmp_path, nlp, monkeypatch):
    import errno

    import govgraph.export as export_module
    from govgraph.model import GovgraphError

    out = tmp_path / "out"
    build([SEED], out, formats=["turtle", "html", "trig"])
    previous = outputs_of(out) | {"graph.trig": (out / "graph.trig").read_bytes()}
    real = export_module.write_atomic

    def full(path, data):
        if path.name == "graph.html":
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(path, data)

    monkeypatch.setattr(export_module, "write_atomic", full)
    with pytest.raises(GovgraphError) as error:
        build([SEED, FOUR[0]], out, formats=["turtle", "html", "trig"])
    assert str(error.value) == (f"{out / 'graph.html'}: could not write it (disk full); nothing was written and the "
                                f"previous graph in {out} is unchanged")
    assert outputs_of(out) | {"graph.trig": (out / "graph.trig").read_bytes()} == previous
    assert not staging_of(out) and not list(out.glob(".*.tmp"))


def test_a_disk_full_while_caching_stops_the_build_cleanly(tmp_path, nlp, monkeypatch):
    import errno

    import govgraph.build as build_module
    from govgraph.model import GovgraphError

    out = tmp_path / "out"
    build([SEED], out)
    previous = outputs_of(out)

    def full(path, data, durable=True):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(build_module, "write_atomic", full)
    with pytest.raises(GovgraphError, match=r"\.govgraph-cache/[0-9a-f]+: cannot keep parsed stories here \(disk full\); "
                                            "nothing was written and the previous graph is unchanged"):
        build([FOUR[0]], out)
    assert outputs_of(out) == previous


def small_disk(folder, size):
    """A tmpfs of ``size`` mounted at ``folder`` (root only), unmounted when the test ends."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    return folder


@pytest.fixture
def full_disk(tmp_path):
    folder = small_disk(tmp_path / "disk", "1600k")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.slow
def test_a_real_full_disk_gives_one_line_and_keeps_the_previous_graph(full_disk, nlp):
    out = full_disk / "out"
    first = subprocess.run([*GOVGRAPH, "build", SEED, "--out", out, "--no-cache"], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    previous = outputs_of(out)
    result = subprocess.run([*GOVGRAPH, "build", SEED, *FOUR, "--out", out], capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("govgraph: error:")]
    assert "(disk full)" in line and "previous graph" in line and "unchanged" in line, line
    assert outputs_of(out) == previous
    assert not list(out.glob(".govgraph-staging-*"))


def test_an_output_folder_inside_the_input_is_never_read(tmp_path, nlp):
    folder = tmp_path / "stories"
    folder.mkdir()
    (folder / "seed.txt").write_bytes(SEED.read_bytes())
    for _ in range(2):
        report = build([folder], folder / "out", store=folder / "store")
        assert report.articles == 1 and not report.failures


def test_the_cache_keeps_only_the_current_version(tmp_path, nlp):
    build([SEED], tmp_path)
    cache = tmp_path / ".govgraph-cache"
    (current,) = cache.iterdir()
    stale = cache / "0123456789abcdef"  # extractions of an older govgraph, rules or pipeline
    stale.mkdir()
    (stale / "story.pickle").write_bytes(b"x" * 1000)
    build([SEED, FOUR[0]], tmp_path)
    assert list(cache.iterdir()) == [current] and len(list(current.iterdir())) == 2


def test_a_swap_stopped_half_way_says_so_and_the_next_build_finishes_it(tmp_path, nlp, monkeypatch):
    import errno

    from govgraph.model import GovgraphError

    out = tmp_path / "out"
    build([SEED], out)
    real = os.replace

    def refused_for_the_page(source, target):
        if str(target) == str(out / "graph.html"):  # the swap, not the staging
            raise PermissionError(errno.EACCES, "Permission denied")
        real(source, target)

    monkeypatch.setattr(os, "replace", refused_for_the_page)
    with pytest.raises(GovgraphError) as raised:
        build([SEED, FOUR[0]], out)
    assert str(raised.value) == (f"{out}: could not put the new outputs in place (permission denied); "
                                 "the next build in this folder finishes it")
    monkeypatch.undo()
    build([SEED, FOUR[0]], out)
    assert outputs_of(out) == outputs_of_a_fresh_build(tmp_path / "fresh", [SEED, FOUR[0]])


def outputs_of_a_fresh_build(folder, paths):
    build(paths, folder)
    return outputs_of(folder)


def test_people_unified_across_stories_keep_their_posts_parties_and_seats():
    from govgraph.build import _person_records
    from govgraph.identity import unify
    from govgraph.model import Article, Entity, Extraction, Post

    def story(name, *posts):
        person = Entity("Person", name, set(), [], list(posts))
        return Extraction(Article(text=name, source="x"), (), (person,))

    leader = story("Chuck Roe", Post("majority leader", "Democratic Party", True, 3, "x", party="Democratic Party"),
                   Post("senator", "Senate", True, 4, "y", place="New York"))
    senator = story("Charles Roe", Post("majority leader", "Senate", True, 1, "z"))
    records = [_person_records(leader), _person_records(senator)]
    assert records[0][0].posts == [Post("majority leader", "Democratic Party", True, 0, "", party="Democratic Party"),
                                   Post("senator", "Senate", True, 0, "", place="New York")]
    unify([person for people in records for person in people])
    assert {records[0][0].label, records[1][0].label} == {"Charles Roe"}
