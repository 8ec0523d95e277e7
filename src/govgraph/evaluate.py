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

from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import FOAF, ORG, SKOS

from .graph import GG
from .model import GovgraphError

__all__ = ["Gold", "Score", "Predicted", "PREDICATES", "ONTOLOGY_PREDICATES", "load_gold", "locate_article",
           "predicted_triples", "score_graph", "evaluate_files", "format_report", "report_data"]

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
    persons: tuple[str, ...] = ()  # ids of the entities of type Person
    all_persons_listed: bool = False  # every person the story names is an entity (person precision)
    persons_only: bool = False  # only the story's persons are annotated: its relations are not scored


@dataclass
class Score:
    """Matches per predicate; misses and extras keep enough to explain them."""

    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)
    # people: gold persons and how many the graph has a node for; graph persons (in stories whose
    # gold lists every person) and how many are gold persons; nodes holding two gold persons
    persons_gold: int = 0
    persons_found: int = 0
    graph_persons: int = 0
    graph_persons_right: int = 0
    wrong_merges: list[str] = field(default_factory=list)
    not_persons: list[str] = field(default_factory=list)

    def add(self, other: "Score") -> None:
        """Add another score into this one (micro-averaging)."""
        for mine, theirs in ((self.tp, other.tp), (self.fp, other.fp), (self.fn, other.fn)):
            for key, value in theirs.items():
                mine[key] += value
        self.misses += other.misses
        self.extras += other.extras
        self.violations += other.violations
        self.persons_gold += other.persons_gold
        self.persons_found += other.persons_found
        self.graph_persons += other.graph_persons
        self.graph_persons_right += other.graph_persons_right
        self.wrong_merges += other.wrong_merges
        self.not_persons += other.not_persons

    def person_figures(self) -> tuple[float, float]:
        """Person precision (graph persons that are gold persons) and recall (gold persons found)."""
        precision = self.graph_persons_right / self.graph_persons if self.graph_persons else 0.0
        recall = self.persons_found / self.persons_gold if self.persons_gold else 0.0
        return precision, recall

    def counts(self, predicate: str | None = None) -> tuple[int, int, int]:
        """(gold, right, wrong) for one predicate, or over all."""
        keys = [predicate] if predicate else list(PREDICATES)
        right = sum(self.tp[k] for k in keys)
        return right + sum(self.fn[k] for k in keys), right, sum(self.fp[k] for k in keys)

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


# "U.S. Senate" and "the Senate" name one body: a leading article or country is no part of a name
_PREFIXES = ("the ", "u.s. ", "us ", "united states ", "u.k. ", "uk ")


def _norm(name: str) -> str:
    name = " ".join(name.strip().lower().split())
    for prefix in _PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            name = name[len(prefix):]
    return name


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
        persons = tuple(e["id"] for e in data["entities"] if e.get("type") == "Person")
        return Gold(id=data["id"], path=path, source=data["source"]["path"], sha256=data["source"].get("sha256"),
                    published=data.get("published"), names=names, relations=data["relations"],
                    must_not=data.get("must_not", []), persons=persons,
                    all_persons_listed=bool(data.get("all_persons_listed", False)),
                    persons_only=bool(data.get("persons_only", False)))
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


def _score_persons(graph: Graph, gold: Gold, score: Score) -> None:
    """Person recall, precision and wrong merges. A graph person is a gold person when a name of
    the node is a name of the person, or its surname belongs to one gold person alone; a node that
    carries full names of two gold persons merges them."""
    nodes = sorted(set(graph.subjects(RDF.type, FOAF.Person)))
    names = {node: _names(graph, node) for node in nodes}
    persons = {pid: gold.names[pid] for pid in gold.persons}
    surnames: dict[str, set[str]] = defaultdict(set)
    for pid, wanted in persons.items():
        for name in wanted:
            surnames[name.split()[-1]].add(pid)

    def gold_persons_of(node) -> set[str]:
        found = {pid for pid, wanted in persons.items() if wanted & names[node]}
        if not found:  # "Doe" for "Jane Doe", when one gold person has that surname
            for name in names[node]:
                owners = surnames.get(name.split()[-1], set()) if name else set()
                if len(owners) == 1:
                    found |= owners
        return found

    matched = {node: gold_persons_of(node) for node in nodes}
    score.persons_gold += len(persons)
    score.persons_found += len(set().union(*matched.values()) if matched else set())
    for node in nodes:
        full = {pid for pid, wanted in persons.items()
                if {n for n in wanted if " " in n} & names[node]}  # full names, not a shared surname
        if len(full) > 1:
            score.wrong_merges.append(f"{gold.id}: {_label(graph, node)} holds {', '.join(sorted(full))}")
    if gold.all_persons_listed:
        score.graph_persons += len(nodes)
        score.graph_persons_right += sum(1 for node in nodes if matched[node])
        score.not_persons += [f"{gold.id}: {_label(graph, node)}" for node in nodes if not matched[node]]


def score_graph(graph: Graph, gold: Gold) -> Score:
    """Score one article's graph against its gold annotation."""
    score = Score()
    _score_persons(graph, gold, score)
    if gold.persons_only:
        return score
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
    """A table per predicate and overall (gold, right, wrong, P, R, F1), the people figures, one line
    per story, the must_not violations; verbose, every miss, extra, wrong merge and non-person."""
    total = Score()
    for score in scores.values():
        total.add(score)
    lines = [f"{'predicate':18} {'gold':>5} {'right':>6} {'wrong':>6} {'P':>6} {'R':>6} {'F1':>6}"]
    for predicate in PREDICATES:
        gold, right, wrong = total.counts(predicate)
        if gold + wrong == 0:
            continue
        p, r, f = total.prf(predicate)
        lines.append(f"{predicate:18} {gold:5d} {right:6d} {wrong:6d} {p:6.2f} {r:6.2f} {f:6.2f}")
    gold, right, wrong = total.counts()
    p, r, f = total.prf()
    lines.append(f"{'overall (micro)':18} {gold:5d} {right:6d} {wrong:6d} {p:6.2f} {r:6.2f} {f:6.2f}")
    person_p, person_r = total.person_figures()
    precision = (f"precision {person_p:.2f} ({total.graph_persons_right} of {total.graph_persons} person nodes are gold "
                 "persons, in stories whose gold lists every person)" if total.graph_persons else
                 "precision not measured (no gold file here lists every person)")
    lines += ["", f"people: recall {person_r:.2f} ({total.persons_found} of {total.persons_gold} gold persons have a node); "
                  f"{precision}; wrong merges {len(total.wrong_merges)}"]
    if len(scores) > 1:
        lines.append("")
        for gold_id, score in scores.items():
            p, r, f = score.prf()
            gold, right, wrong = score.counts()
            lines.append(f"{gold_id:30} gold {gold:3d}  right {right:3d}  wrong {wrong:3d}  P {p:.2f}  R {r:.2f}  F1 {f:.2f}"
                         f"  must_not violations {len(score.violations)}")
    lines.append("")
    lines.append(f"must_not violations: {len(total.violations)}")
    lines += [f"  {v}" for v in total.violations]
    if verbose:
        lines += ["", "misses:"] + [f"  {m}" for m in total.misses]
        lines += ["", "extras:"] + [f"  {e}" for e in total.extras]
        lines += ["", "wrong merges:"] + [f"  {m}" for m in total.wrong_merges]
        lines += ["", "person nodes that are no gold person:"] + [f"  {n}" for n in total.not_persons]
    return "\n".join(lines) + "\n"


def report_data(scores: dict[str, Score]) -> dict:
    """The report as data, for scripts (`govgraph evaluate --json`)."""
    total = Score()
    for score in scores.values():
        total.add(score)

    def figures(score: Score, predicate: str | None = None) -> dict:
        gold, right, wrong = score.counts(predicate)
        p, r, f = score.prf(predicate)
        return {"gold": gold, "right": right, "wrong": wrong, "precision": round(p, 4), "recall": round(r, 4),
                "f1": round(f, 4)}

    person_p, person_r = total.person_figures()
    return {
        "overall": figures(total),
        "predicates": {p: figures(total, p) for p in PREDICATES if sum(total.counts(p)[::2])},
        "people": {"gold": total.persons_gold, "found": total.persons_found, "recall": round(person_r, 4),
                   "nodes": total.graph_persons, "nodes_right": total.graph_persons_right,
                   "precision": round(person_p, 4), "wrong_merges": total.wrong_merges, "not_persons": total.not_persons},
        "stories": {gold_id: figures(score) | {"must_not_violations": len(score.violations)}
                    for gold_id, score in scores.items()},
        "must_not_violations": total.violations,
        "misses": total.misses,
        "extras": total.extras,
    }
