"""The whole flow for a set of inputs: load -> nlp -> entities -> graph -> exports."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import Dataset
from rdflib.namespace import DCTERMS

from .coref import resolve_pronouns
from .entities import extract_entities, extract_sentences
from .export import export
from .graph import add_article_graph, merge_graphs, new_dataset, parse_file
from .identity import people_in_graph, unify_people
from .load import load_articles
from .model import Article, Extraction, InputError
from .posts import extract_posts, resolve_descriptions
from .structure import extract_structure
from .nlp import DEFAULT_PIPELINE, load_pipeline
from .reason import derive_reports_to
from .relations import compile_rules, extract_relations, relations_from_posts
from .rules import load_lexicon, load_orgchart, load_relation_rules

__all__ = ["BuildReport", "extract_articles", "build"]


@dataclass
class BuildReport:
    """What a build did: articles built, inputs that failed, files written."""

    articles: int = 0
    duplicates: int = 0
    failures: list[InputError] = field(default_factory=list)
    outputs: list[Path] = field(default_factory=list)


def extract_articles(articles: Iterable[Article], pipeline: str = DEFAULT_PIPELINE,
                     batch_size: int = 32) -> Iterator[Extraction]:
    """Parse articles in batches and extract their sentences and entities, in input order."""
    nlp = load_pipeline(pipeline)
    lexicon, orgchart = load_lexicon(), load_orgchart()
    rules = load_relation_rules()
    compiled = compile_rules(rules, nlp.vocab)
    patient_nouns = frozenset(n for r in rules if r.frame == "nominal" and r.possessor_is == "patient" and not r.patient_preps for n in r.nouns)
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=batch_size):
        sentences = extract_sentences(doc)
        entities = extract_entities(doc, sentences, lexicon, orgchart)
        resolve_pronouns(doc, sentences, entities, lexicon, patient_nouns)
        extract_posts(doc, sentences, entities, lexicon, orgchart)
        resolve_descriptions(doc, sentences, entities, lexicon, orgchart)
        structure = extract_structure(doc, sentences, entities, lexicon)
        relations = extract_relations(doc, article, sentences, entities, compiled, lexicon)
        relations += relations_from_posts(entities)
        relations += derive_reports_to(entities, structure, orgchart)
        yield Extraction(article, sentences, entities, structure, tuple(relations))


def load_existing(path: str | Path) -> Dataset:
    """An existing graph to add to: TriG keeps its named graphs; Turtle goes in the default graph."""
    return parse_file(new_dataset(), path)


def build(paths: Iterable[str | Path], out_dir: str | Path, published: date | None = None,
          pipeline: str = DEFAULT_PIPELINE, formats: Iterable[str] = ("turtle", "html"),
          existing: str | Path | None = None, store: str | Path | None = None, html_max_nodes: int = 1500,
          on_error: Callable[[InputError], None] | None = None) -> BuildReport:
    """Build the graph of every story under ``paths`` and write it into ``out_dir``.

    With ``store``, an on-disk Oxigraph store is written too. With ``existing``, the stories are added to that graph: the same people are merged with the
    ones already there, an article already in it is left as it is, and nothing in it is lost.
    Inputs that fail are reported through ``on_error`` as they happen and skipped. Nothing is
    written when no article could be built, so a previous graph stays as it was.
    """
    report = BuildReport()
    dataset = load_existing(existing) if existing else new_dataset()
    seen: set[str] = {str(o) for _, p, o, _ in dataset.quads((None, DCTERMS.identifier, None, None))}

    def articles() -> Iterator[Article]:
        for item in load_articles(paths, published=published):
            if isinstance(item, InputError):
                report.failures.append(item)
                if on_error:
                    on_error(item)
            elif item.id in seen:
                report.duplicates += 1
            else:
                seen.add(item.id)
                yield item

    extractions = list(extract_articles(articles(), pipeline))
    if not extractions:
        return report
    unify_people(extractions, people_in_graph(merge_graphs(dataset)) if existing else ())
    for extraction in extractions:
        add_article_graph(dataset, extraction)
        report.articles += 1
    merged = merge_graphs(dataset)
    report.outputs = export(dataset, merged, out_dir, list(formats), html_max_nodes)
    if store is not None:
        from .store import write_store

        report.outputs.append(write_store(dataset, merged, store))
    return report
