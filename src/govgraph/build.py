"""The whole flow for a set of inputs: load -> nlp -> entities -> graph -> exports.

Stories stream through the parser in batches, in this process, in ``jobs`` worker processes or
on a Dask cluster; each story's extraction is cached on disk by its content hash and the
pipeline/rules version, so a re-run parses only new stories and an interrupted build resumes.
Only light person records stay in memory until people are unified across stories; then the
extractions are read back one at a time into the graph.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import pickle
import shutil
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import pyoxigraph as ox

# spaCy and the rule modules are imported when a story needs parsing: an up-to-date build never
# loads them
from .model import DEFAULT_OPS, DEFAULT_PIPELINE, Article, Entity, Extraction, GovgraphError, InputError
from .outputs import write_atomic

__all__ = ["BuildReport", "Interrupted", "extract_articles", "extract_batch", "build", "load_existing", "cache_key",
           "EXECUTORS", "DEFAULT_BATCH"]

EXECUTORS = ("local", "dask")
DEFAULT_BATCH = 32
# Stories sent to a worker at a time: few, so that at the end of an archive no worker waits while
# another still parses a large batch (the last batch of 32 was ~5 s of one core's parsing).
TASK_SIZE = 8
CACHE_FOLDER = ".govgraph-cache"
MANIFEST = ".govgraph-build.json"


@dataclass
class BuildReport:
    """What a build did: articles built (parsed or from the cache), inputs that failed, files written."""

    articles: int = 0
    parsed: int = 0
    cached: int = 0
    duplicates: int = 0
    up_to_date: bool = False
    failures: list[InputError] = field(default_factory=list)
    skipped: list[InputError] = field(default_factory=list)  # inputs that are no stories (a folder's README)
    outputs: list[Path] = field(default_factory=list)


def extract_articles(articles: Iterable[Article], pipeline: str = DEFAULT_PIPELINE,
                     batch_size: int = DEFAULT_BATCH, ops: str = DEFAULT_OPS) -> Iterator[Extraction | InputError]:
    """Parse articles in batches and extract their sentences, entities and relations, in input order
    (an InputError in place of a story whose extraction failed)."""
    articles = iter(articles)
    first = next(articles, None)
    if first is None:
        return  # nothing to parse: the pipeline is not even loaded
    from .nlp import load_pipeline
    from .relations import compile_rules
    from .rules import load_lexicon, load_orgchart, load_relation_rules

    nlp = load_pipeline(pipeline, ops)
    lexicon, orgchart = load_lexicon(), load_orgchart()
    rules = load_relation_rules()
    compiled = compile_rules(rules, nlp.vocab)
    patient_nouns = frozenset(n for r in rules if r.frame == "nominal" and r.possessor_is == "patient" and not r.patient_preps for n in r.nouns)
    for doc, article in nlp.pipe(((a.text, a) for a in _chain(first, articles)), as_tuples=True,
                                 batch_size=batch_size):
        try:
            yield _extract(doc, article, lexicon, orgchart, compiled, patient_nouns)
        except Exception as error:  # a fault in one story's rules must not stop an archive
            yield InputError(article.source, f"extraction failed ({type(error).__name__}: {error}); "
                                             "the other stories are built: please report this one")


def _chain(first: Article, rest: Iterator[Article]) -> Iterator[Article]:
    yield first
    yield from rest


def _extract(doc, article: Article, lexicon, orgchart, compiled, patient_nouns) -> Extraction:
    from .coref import resolve_pronouns
    from .entities import extract_entities, extract_sentences
    from .posts import extract_posts, resolve_descriptions
    from .reason import date_posts, derive_reports_to
    from .relations import extract_relations, relations_from_posts
    from .structure import extract_structure

    sentences = extract_sentences(doc)
    entities = extract_entities(doc, sentences, lexicon, orgchart)
    resolve_pronouns(doc, sentences, entities, lexicon, patient_nouns)
    extract_posts(doc, sentences, entities, lexicon, orgchart)
    resolve_descriptions(doc, sentences, entities, lexicon)
    structure = extract_structure(doc, sentences, entities, lexicon)
    relations = extract_relations(doc, article, sentences, entities, compiled, lexicon)
    date_posts(entities, relations)
    relations += relations_from_posts(entities)
    relations += derive_reports_to(entities, structure, orgchart)
    return Extraction(article, sentences, entities, structure, tuple(relations))


def extract_batch(articles: list[Article], pipeline: str = DEFAULT_PIPELINE,
                  ops: str = DEFAULT_OPS) -> list[Extraction | InputError]:
    """Extract a batch of articles: the unit of work a worker process or cluster worker runs.

    The pipeline is loaded once per process (``load_pipeline`` is cached), not once per batch;
    the worker's BLAS runs one thread, the worker itself being one of several on the machine.
    """
    from .nlp import one_blas_thread

    one_blas_thread()
    return list(extract_articles(articles, pipeline, batch_size=len(articles) or 1, ops=ops))


def cache_key(pipeline: str, ops: str) -> str:
    """What a cached extraction depends on besides the story: govgraph's code and rules and the
    spaCy pipeline (name and version). A change to any of them starts a fresh cache."""
    from importlib.metadata import PackageNotFoundError, version

    from .graph import _software_version, rules_version

    try:
        pipeline_version = version(pipeline.replace("_", "-"))
    except PackageNotFoundError:
        pipeline_version = "unknown"
    text = "|".join((_software_version(), rules_version(), _code_version(), pipeline, pipeline_version, ops))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _code_version() -> str:
    """A hash of govgraph's own source files: an edited checkout must not reuse old extractions."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class _Cache:
    """Extractions on disk, one pickle file per article id, written atomically.

    The files are govgraph's own, in the user's output folder; they are read back only from there.
    """

    def __init__(self, folder: Path):
        self.folder = folder

    def _path(self, article_id: str) -> Path:
        return self.folder / f"{article_id}.pickle"

    def drop(self, article_id: str) -> None:
        self._path(article_id).unlink(missing_ok=True)

    def has(self, article_id: str) -> bool:
        return self._path(article_id).is_file()

    def get(self, article_id: str) -> Extraction | None:
        try:
            with open(self._path(article_id), "rb") as stream:
                return pickle.load(stream)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None  # absent or damaged: parse again

    def put(self, extraction: Extraction) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)  # only once there is something to keep
            # not flushed to disk one by one: a cache lost in a crash is parsed again
            write_atomic(self._path(extraction.article.id), pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL),
                         durable=False)
        except OSError as error:
            raise GovgraphError(f"{self.folder}: cannot keep parsed stories here ({_os_reason(error)}); nothing "
                                "was written and the previous graph is unchanged: free some space and build again") from None

    def prune(self) -> None:
        """Remove the extractions of other code, rules or pipeline versions: they are never read
        again, and the cache would otherwise grow with every upgrade."""
        for other in self.folder.parent.glob("*"):
            if other.is_dir() and other != self.folder and not other.name.startswith("."):
                shutil.rmtree(other, ignore_errors=True)


def _person_records(extraction: Extraction) -> list[Entity]:
    """Light copies of an extraction's persons (names and posts): all identity needs."""
    # a post's party and seat count for identity ("Democratic leader" beside "Senator" is one person)
    return [Entity("Person", e.label, set(e.aliases), [], [replace(p, sentence=0, evidence="") for p in e.posts])
            for e in extraction.entities if e.kind == "Person"]


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _in_order(submit: Callable[[list[Article]], object], batches: Iterable[list[Article]],
              window: int) -> Iterator[Extraction]:
    """Run batches through ``submit`` (which returns a future), at most ``window`` at a time,
    yielding their extractions in input order: memory stays bounded however long the input."""
    pending: deque = deque()
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= window:
            yield from pending.popleft().result()
    while pending:
        yield from pending.popleft().result()


def _extractions(articles: Iterable[Article], pipeline: str, ops: str, jobs: int, executor: str,
                 scheduler: str | None, batch_size: int) -> Iterator[Extraction]:
    """Extract articles here, in ``jobs`` processes, or on a Dask cluster; in input order."""
    if executor == "dask":
        try:
            from distributed import Client
        except ImportError:
            raise GovgraphError("--executor dask needs Dask: pip install 'govgraph[cluster]'") from None
        if not scheduler:
            raise GovgraphError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        with Client(scheduler) as client:
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            yield from _in_order(lambda b: client.submit(extract_batch, b, pipeline, ops, pure=False),
                                 _batches(articles, min(batch_size, TASK_SIZE)), 4 * workers)
        return
    if jobs <= 1:
        yield from extract_articles(articles, pipeline, batch_size, ops)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # forkserver: workers start clean (no threads or locks inherited from this process)
    context = multiprocessing.get_context("forkserver")
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        yield from _in_order(lambda b: pool.submit(extract_batch, b, pipeline, ops),
                             _batches(articles, min(batch_size, TASK_SIZE)), 4 * jobs)


def load_existing(path: str | Path) -> ox.Store:
    """An existing graph to add to: TriG keeps its named graphs; Turtle goes in the default graph."""
    from .graph import new_dataset, parse_file

    return parse_file(new_dataset(), path)


def _article_ids(dataset: ox.Store) -> set[str]:
    from .graph import dcterms

    return {quad.object.value for quad in dataset.quads_for_pattern(None, dcterms.identifier, None)}


def _file_digest(path: str | Path | None) -> str:
    if path is None:
        return ""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _manifest_key(ids: list[str], key: str, formats: list[str], existing, store, html_max_nodes: int) -> str:
    text = json.dumps([ids, key, formats, _file_digest(existing), str(store) if store else None, html_max_nodes])
    return hashlib.sha256(text.encode()).hexdigest()


def _up_to_date(out_dir: Path, manifest_key: str) -> list[Path] | None:
    """The outputs of the last build, if it was built from exactly these inputs and they are intact."""
    try:
        manifest = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("key") != manifest_key:
            return None
        outputs = [Path(p) for p in manifest["outputs"]]
        if all(p.exists() and (p.is_dir() or p.stat().st_size == manifest["sizes"].get(str(p))) for p in outputs):
            return outputs
    except (OSError, ValueError, KeyError, AttributeError, TypeError):
        pass
    return None


def build(paths: Iterable[str | Path], out_dir: str | Path, published: date | None = None,
          pipeline: str = DEFAULT_PIPELINE, formats: Iterable[str] = ("turtle", "html"),
          existing: str | Path | None = None, store: str | Path | None = None, html_max_nodes: int = 1500,
          on_error: Callable[[InputError], None] | None = None, jobs: int = 1, executor: str = "local",
          scheduler: str | None = None, ops: str = DEFAULT_OPS, cache: bool = True,
          batch_size: int = DEFAULT_BATCH, progress: Callable[[Article], None] | None = None,
          strict: bool = False, follow_links: bool = False,
          on_skip: Callable[[InputError], None] | None = None) -> BuildReport:
    """Build the graph of every story under ``paths`` and write it into ``out_dir``.

    With ``store``, an on-disk Oxigraph store is written too. With ``existing``, the stories are
    added to that graph: the same people are merged with the ones already there, an article
    already in it is left as it is, and nothing in it is lost (it is read again under the output
    lock if another build changed it meanwhile). Inputs that fail are reported through
    ``on_error`` as they happen and skipped (with ``strict``, the first one stops the build); inputs
    that are no stories (a folder's README) go to ``on_skip``; the output folder and store are never
    read as inputs. Nothing is written when no article could be
    built; otherwise every output is replaced as one set, under a lock on ``out_dir`` (outputs.py).
    When the inputs, options and code are those of the last build and its outputs are intact,
    nothing is rewritten. An interruption raises ``Interrupted``, which says whether the new set
    was already in place.
    """
    if executor not in EXECUTORS:
        raise GovgraphError(f"unknown executor {executor!r}; choose one of {', '.join(EXECUTORS)}")
    out_dir = Path(out_dir)
    if store is not None:
        from .store import check_store_place

        check_store_place(store)
    report = BuildReport()
    existing_state = _file_state(existing) if existing else None
    dataset = load_existing(existing) if existing else None
    seen = _article_ids(dataset) if dataset is not None else set()
    key = cache_key(pipeline, ops)
    temporary = None if cache else tempfile.TemporaryDirectory(prefix="govgraph-")
    extraction_cache = _Cache(out_dir / CACHE_FOLDER / key if cache else Path(temporary.name))
    position: dict[str, int] = {}  # article id -> its place in the input
    done: list[tuple[int, str, list[Entity]]] = []
    skip = [out_dir] + ([Path(store)] if store is not None else [])

    def failed(error: InputError) -> None:
        report.failures.append(error)
        if on_error:
            on_error(error)
        if strict:
            raise _StrictStop(error)

    def record(article: Article, extraction: Extraction | None) -> None:
        # a cached story's people are read when the graph is written (an up-to-date build never needs them)
        done.append((position[article.id], article.id, _person_records(extraction) if extraction else None))
        if progress:
            progress(article)

    def to_parse() -> Iterator[Article]:
        """New stories, for the parser; stories in the cache are recorded on the way."""
        from .load import InputSkipped

        for item in _load(paths, published, skip, follow_links):
            if isinstance(item, InputSkipped):
                report.skipped.append(item)
                if on_skip:
                    on_skip(item)
            elif isinstance(item, InputError):
                failed(item)
            elif item.id in seen:
                report.duplicates += 1
            else:
                seen.add(item.id)
                position[item.id] = len(position)
                if not extraction_cache.has(item.id):
                    yield item
                else:
                    report.cached += 1
                    record(item, None)

    outputs = None
    try:
        for extraction in _extractions(to_parse(), pipeline, ops, jobs, executor, scheduler, batch_size):
            if isinstance(extraction, InputError):
                failed(extraction)
                continue
            extraction_cache.put(extraction)
            report.parsed += 1
            record(extraction.article, extraction)
        if not done:
            return report
        with _output_lock(out_dir):
            from .outputs import recover

            recover(out_dir, tuple(skip[1:]))
            if existing is not None and _file_state(existing) != existing_state:
                dataset = load_existing(existing)  # another build added to it while this one parsed
                in_graph = _article_ids(dataset)
                report.duplicates += sum(1 for entry in done if entry[1] in in_graph)
                done = [entry for entry in done if entry[1] not in in_graph]
                if not done:
                    return report
            done.sort()
            order, people = [article_id for _, article_id, _ in done], [records for _, _, records in done]
            manifest_key = _manifest_key(order, key, list(formats), existing, store, html_max_nodes)
            up_to_date = None if existing is not None else _up_to_date(out_dir, manifest_key)
            if up_to_date is not None:
                report.articles, report.outputs, report.up_to_date = len(order), up_to_date, True
                return report
            from .outputs import OutputSet

            outputs = OutputSet(out_dir)
            report.articles, report.outputs = _write(order, people, extraction_cache, dataset, outputs,
                                                     list(formats), store, html_max_nodes, manifest_key)
            if cache:
                extraction_cache.prune()
    except _StrictStop:
        return report
    except KeyboardInterrupt:
        raise Interrupted(written=outputs is not None and outputs.committed) from None
    finally:
        if temporary:
            temporary.cleanup()
    return report


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or SIGTERM stopped a build; ``written`` says whether its new outputs were already in
    place as a whole set (otherwise the previous ones are, untouched)."""

    def __init__(self, written: bool):
        super().__init__()
        self.written = written


def _file_state(path: str | Path) -> tuple[int, int, int]:
    info = os.stat(path)
    return info.st_ino, info.st_size, info.st_mtime_ns


class _StrictStop(Exception):
    """--strict: the first failed input stops the build."""


def _load(paths, published, skip, follow_links):
    from .load import load_articles

    return load_articles(paths, published=published, skip=skip, follow_links=follow_links)


def _write(order: list[str], people: list[list[Entity] | None], cache: _Cache, dataset: ox.Store | None,
           outputs, formats: list[str], store, html_max_nodes: int, manifest_key: str) -> tuple[int, list[Path]]:
    """Unify people across stories, read each extraction back into the graph, stage every output
    and swap them in as one set (``outputs``, an OutputSet).

    Named graphs (one per article) are kept only when something needs them: TriG or N-Quads, a
    store, or an existing graph to add to. Otherwise the stories go straight into one merged
    graph, which gives the same statements at half the cost.
    """
    from .export import EXPORTERS, export
    from .graph import add_article_graph, add_extraction, canonical_labels, merge_graphs, new_dataset, new_graph
    from .identity import people_in_graph, unify

    known = people_in_graph(dataset) if dataset is not None else ()
    people = [records if records is not None else _person_records(_read(cache, article_id))
              for article_id, records in zip(order, people)]
    unify([p for records in people for p in records], known)
    named = dataset is not None or store is not None or any(EXPORTERS[f][2] for f in formats if f in EXPORTERS)
    if named:
        dataset = dataset if dataset is not None else new_dataset()
    merged = None if named else new_graph()
    for article_id, records in zip(order, people):
        extraction = _read(cache, article_id)
        persons = [e for e in extraction.entities if e.kind == "Person"]
        for person, record in zip(persons, records):
            person.label, person.aliases = record.label, record.aliases
        if named:
            add_article_graph(dataset, extraction)
        else:
            add_extraction(merged, extraction)
    if named:
        canonical_labels(dataset)
        merged = merge_graphs(dataset)
    else:
        canonical_labels(merged)
    try:
        export(dataset, merged, outputs.out_dir, formats, html_max_nodes, place=outputs.file)
        if store is not None:
            from .store import create_store

            create_store(dataset, merged, outputs.folder(store))
        finals = [final for _, final in outputs.pairs]
        sizes = {str(final): staged.stat().st_size for staged, final in outputs.pairs if staged.is_file()}
        _write_manifest(outputs.file(MANIFEST), manifest_key, finals, sizes)
        outputs.commit()
    except OSError as error:
        outputs.discard()
        if outputs.committed:  # the swap stopped half way: the next build finishes it
            raise GovgraphError(f"{outputs.out_dir}: could not put the new outputs in place ({_os_reason(error)}); "
                                "the next build in this folder finishes it") from None
        raise GovgraphError(f"{outputs.current}: could not write it ({_os_reason(error)}); nothing was written and "
                            f"the previous graph in {outputs.out_dir} is unchanged") from None
    except BaseException:
        outputs.discard()
        raise
    return len(order), finals


def _os_reason(error: OSError) -> str:
    if error.errno == errno.ENOSPC:
        return "disk full"
    reason = error.strerror or str(error)
    return reason[:1].lower() + reason[1:]


def _read(cache: _Cache, article_id: str) -> Extraction:
    extraction = cache.get(article_id)
    if extraction is None:
        cache.drop(article_id)  # so the next build parses the story again
        raise GovgraphError(f"{cache.folder}: the cached extraction of article {article_id} was damaged or "
                            "missing and has been dropped; run the build again")
    return extraction


def _write_manifest(path: Path, manifest_key: str, outputs: list[Path], sizes: dict[str, int]) -> None:
    data = json.dumps({"key": manifest_key, "outputs": [str(p) for p in outputs], "sizes": sizes}, indent=1)
    write_atomic(path, data)


class _output_lock:
    """One build at a time writes a folder: a second waits for the first (filelock), then writes."""

    def __init__(self, out_dir: Path, timeout: float = 600):
        from filelock import FileLock

        out_dir.mkdir(parents=True, exist_ok=True)
        self.path = out_dir / ".govgraph.lock"
        self.lock = FileLock(self.path, timeout=timeout)

    def __enter__(self):
        from filelock import Timeout

        try:
            self.lock.acquire()
        except Timeout:
            folder, seconds = self.path.parent, self.lock.timeout
            raise GovgraphError(f"{folder}: another govgraph build has been writing this folder for over {seconds:.0f} s"
                                f" (lock file {self.path.name})") from None
        return self

    def __exit__(self, *exc):
        self.lock.release()
        return False
