"""Score govgraph's graph of an article against a gold annotation (../shared/gold/SCHEMA.md).

Each gold file's article is built on its own, and the direct triples of its graph are compared
with the gold relations: an entity matches by canonical label, alias, or a surname that only one
node of the graph has; ``o: null`` in the gold accepts any object; metWith is symmetric. A
predicted triple is an extra only when it matches no gold relation at all (saying a true thing
twice is not an error); must_not entries that the graph asserts are violations.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import RDFS, Graph, Literal, URIRef
from rdflib.namespace import ORG, SKOS

from .graph import GG
from .model import GovgraphError

__all__ = ["Gold", "Score", "Predicted", "PREDICATES", "ONTOLOGY_PREDICATES", "load_gold", "locate_article",
           "predicted_triples", "score_graph", "evaluate_files", "format_report"]

PREDICATES = ("holdsPosition", "heldPosition", "memberOf", "askedToResign", "refusedToResign", "resigned",
              "fired", "threatenedToFire", "appointed", "succeeded", "reportsTo", "criticized", "supported",
              "metWith", "withdrew", "askedToWithdraw")
_POST_PREDICATES = {"holdsPosition", "heldPosition"}
ONTOLOGY_PREDICATES = {p for p in PREDICATES if hasattr(GG, p)}  # GG is a closed namespace


@dataclass(frozen=True)
class Gold:
    """One gold file: its article, entities (id -> names), relations and must_not entries."""

    id: str
    path: Path
    source: str
    sha256: str | None
    published: str | None
    names: dict[str, set[str]]
    relations: list[dict]
    must_not: list[dict]


@dataclass
class Score:
    """Matches per predicate; misses and extras keep enough to explain them."""

    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        """Add another score into this one (micro-averaging)."""
        for mine, theirs in ((self.tp, other.tp), (self.fp, other.fp), (self.fn, other.fn)):
            for key, value in theirs.items():
                mine[key] += value
        self.misses += other.misses
        self.extras += other.extras
        self.violations += other.violations

    def prf(self, predicate: str | None = None) -> tuple[float, float, float]:
        """Precision, recall and F1 for one predicate, or over all (micro)."""
        keys = [predicate] if predicate else list(PREDICATES)
        tp = sum(self.tp[k] for k in keys)
        fp = sum(self.fp[k] for k in keys)
        fn = sum(self.fn[k] for k in keys)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1


def _norm(name: str) -> str:
    name = name.strip().lower()
    return name[4:] if name.startswith("the ") else name


def load_gold(path: str | Path) -> Gold:
    """Read and check a gold file."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise GovgraphError(f"{path}: cannot read gold file: {error}") from None
    try:
        names = {e["id"]: {_norm(e["name"])} | {_norm(a) for a in e.get("aliases", [])} for e in data["entities"]}
        for item in data["relations"] + data.get("must_not", []):
            if item["p"] not in PREDICATES:
                raise GovgraphError(f"{path}: unknown predicate {item['p']!r}")
            for role in ("s", "o"):
                if item.get(role) is not None and item[role] not in names:
                    raise GovgraphError(f"{path}: relation names unknown entity {item[role]!r}")
        return Gold(id=data["id"], path=path, source=data["source"]["path"], sha256=data["source"].get("sha256"),
                    published=data.get("published"), names=names, relations=data["relations"],
                    must_not=data.get("must_not", []))
    except KeyError as error:
        raise GovgraphError(f"{path}: missing field {error}") from None


def locate_article(gold: Gold, roots: list[Path] = ()) -> Path:
    """Find the gold's article: relative to a given root, to a folder above the gold file, or to a
    ``shared`` folder beside one of those; checked against the gold's sha256."""
    candidates = []
    for base in [*roots, *gold.path.resolve().parents]:
        candidates += [base / gold.source, base / "shared" / gold.source]
    for candidate in candidates:
        if candidate.is_file():
            if gold.sha256 and hashlib.sha256(candidate.read_bytes()).hexdigest() != gold.sha256:
                continue
            return candidate
    raise GovgraphError(f"{gold.path}: article {gold.source} not found (give its folder with --root)")


def _names(graph: Graph, node) -> set[str]:
    if isinstance(node, Literal):
        return {_norm(str(node))}
    labels = set(graph.objects(node, SKOS.prefLabel)) | set(graph.objects(node, SKOS.altLabel)) | \
        set(graph.objects(node, RDFS.label))
    return {_norm(str(label)) for label in labels}


@dataclass(frozen=True)
class Predicted:
    """A direct triple of the graph: a post's object is its body or place, its title kept apart."""

    predicate: str
    subject: object
    obj: object | None
    shown: str  # for messages
    title: str | None = None


def predicted_triples(graph: Graph) -> list[Predicted]:
    """Every direct triple of govgraph's relation predicates in the graph."""
    out = []
    for predicate in PREDICATES:
        if predicate not in ONTOLOGY_PREDICATES:
            continue  # scored in the gold before govgraph's ontology has the term: every one is a miss
        for subject, obj in graph.subject_objects(GG[predicate]):
            title = None
            if predicate in _POST_PREDICATES:
                title = str(graph.value(obj, RDFS.label))
                obj = graph.value(obj, ORG.postIn) or graph.value(obj, GG.postPlace)
                shown = f"{predicate} {_label(graph, subject)} -> {title}"
            else:
                if obj == GG.unspecified:
                    obj = None
                shown = f"{predicate} {_label(graph, subject)} -> {_label(graph, obj)}"
            out.append(Predicted(predicate, subject, obj, shown, title))
    return out


def _label(graph: Graph, node) -> str:
    return str(graph.value(node, SKOS.prefLabel) or node) if isinstance(node, URIRef) else str(node)


class _Matcher:
    """Gold entity ids <-> graph nodes, by label, alias or unique surname."""

    def __init__(self, graph: Graph, gold: Gold):
        self.graph, self.gold = graph, gold
        nodes = {s for s in graph.subjects(SKOS.prefLabel, None)}
        self.surnames: dict[str, list] = defaultdict(list)
        for node in nodes:
            label = graph.value(node, SKOS.prefLabel)
            self.surnames[str(label).split()[-1].lower()].append(node)

    def matches(self, gold_id: str | None, node) -> bool:
        if gold_id is None:
            return True
        if node is None:
            return False
        wanted = self.gold.names[gold_id]
        names = _names(self.graph, node)
        if wanted & names:
            return True
        for name in wanted:
            last = name.split()[-1]
            if len(self.surnames.get(last, [])) == 1 and self.surnames[last][0] == node:
                return True
        return False


def _same(item: dict, predicate: str, subject, obj, matcher: _Matcher, loose_object: bool = False) -> bool:
    if item["p"] != predicate:
        return False
    direct = matcher.matches(item["s"], subject) and (item.get("o") is None or matcher.matches(item["o"], obj)
                                                      or (loose_object and obj is None))
    if predicate == "metWith" and not direct:
        return matcher.matches(item["s"], obj) and matcher.matches(item.get("o"), subject)
    return direct


def score_graph(graph: Graph, gold: Gold) -> Score:
    """Score one article's graph against its gold annotation."""
    score = Score()
    matcher = _Matcher(graph, gold)
    predicted = predicted_triples(graph)
    for item in gold.relations:
        if any(_same(item, t.predicate, t.subject, t.obj, matcher) for t in predicted):
            score.tp[item["p"]] += 1
        else:
            score.fn[item["p"]] += 1
            score.misses.append(f"{gold.id}: missed {item['p']} {item['s']} -> {item.get('o')} \"{item.get('evidence', '')}\"")
    for t in predicted:
        if not any(_same(item, t.predicate, t.subject, t.obj, matcher, loose_object=True) for item in gold.relations):
            score.fp[t.predicate] += 1
            score.extras.append(f"{gold.id}: extra {t.shown}")
        for item in gold.must_not:
            # a must_not post with a title forbids that post only ("not Vice President", yet Senator)
            titled = not item.get("title") or _norm(item["title"]) == _norm(t.title or "")
            if titled and _same(item, t.predicate, t.subject, t.obj, matcher):
                score.violations.append(f"{gold.id}: must not {item['p']} {item['s']} -> {item.get('o')} "
                                        f"({item.get('why', '')}), but the graph has {t.shown}")
    return score


def evaluate_files(paths: list[Path], roots: list[Path] = (), pipeline: str | None = None) -> dict[str, Score]:
    """Build each gold file's article on its own and score it; returns {gold id: Score}."""
    from datetime import date

    from .build import extract_articles
    from .graph import as_rdflib, build_graph
    from .load import load_articles
    from .model import InputError
    from .nlp import DEFAULT_PIPELINE

    golds = [load_gold(p) for p in paths]
    scores = {}
    for gold in golds:
        published = date.fromisoformat(gold.published) if gold.published else None
        (article,) = load_articles([locate_article(gold, list(roots))], published=published)
        if isinstance(article, InputError):
            raise GovgraphError(str(article))
        (extraction,) = extract_articles([article], pipeline or DEFAULT_PIPELINE)
        scores[gold.id] = score_graph(as_rdflib(build_graph([extraction])), gold)
    return scores


def format_report(scores: dict[str, Score], verbose: bool = False) -> str:
    """A table per predicate and overall, one line per file, then violations (and, verbose, misses and extras)."""
    total = Score()
    for score in scores.values():
        total.add(score)
    lines = [f"{'predicate':18} {'gold':>5} {'found':>6} {'right':>6} {'P':>6} {'R':>6} {'F1':>6}"]
    for predicate in PREDICATES:
        tp, fp, fn = total.tp[predicate], total.fp[predicate], total.fn[predicate]
        if tp + fp + fn == 0:
            continue
        p, r, f = total.prf(predicate)
        lines.append(f"{predicate:18} {tp + fn:5d} {tp + fp:6d} {tp:6d} {p:6.2f} {r:6.2f} {f:6.2f}")
    p, r, f = total.prf()
    tp, fp, fn = (sum(d.values()) for d in (total.tp, total.fp, total.fn))
    lines.append(f"{'overall (micro)':18} {tp + fn:5d} {tp + fp:6d} {tp:6d} {p:6.2f} {r:6.2f} {f:6.2f}")
    if len(scores) > 1:
        lines.append("")
        for gold_id, score in scores.items():
            p, r, f = score.prf()
            lines.append(f"{gold_id:30} P {p:.2f}  R {r:.2f}  F1 {f:.2f}  must_not violations {len(score.violations)}")
    lines.append("")
    lines.append(f"must_not violations: {len(total.violations)}")
    lines += [f"  {v}" for v in total.violations]
    if verbose:
        lines += ["", "misses:"] + [f"  {m}" for m in total.misses]
        lines += ["", "extras:"] + [f"  {e}" for e in total.extras]
    return "\n".join(lines) + "\n"
