"""Extractions -> one rdflib Graph under the govgraph ontology (see ontology/govgraph.ttl).

Identifiers are stable: an entity's IRI comes from its type and canonical name, an article's from
a hash of its text, and a sentence's or mention's from its article and position. Building the
same inputs twice therefore gives the same graph.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, SKOS, DefinedNamespace

from .model import Entity, Extraction, Post, Relation

__all__ = ["GG", "ID", "OA", "SCHEMA", "PREFIXES", "build_graph", "add_extraction", "slugify",
           "entity_iri", "post_iri", "assertion_iri", "article_graph_iri", "new_dataset", "add_article_graph",
           "merge_graphs", "build_iri", "rules_version", "parse_file", "GRAPH_FORMATS", "article_iri", "sentence_iri", "mention_iri", "new_graph", "to_oxigraph"]


class GG(DefinedNamespace):
    """The govgraph ontology's own terms; a typo is an error, not a new predicate."""

    _fail = True
    _NS = Namespace("https://w3id.org/govgraph/ns#")

    Sentence: URIRef  # a sentence of an article, with its text and character offsets
    Mention: URIRef  # one place in an article's text that refers to an entity
    hasMention: URIRef  # entity -> Mention
    inSentence: URIRef  # Mention -> Sentence
    mentionedIn: URIRef  # entity -> Sentence that mentions it
    sentenceIndex: URIRef  # position of a sentence in its article, from 0
    sourceFile: URIRef  # the input the article was read from, as given on the command line
    Group: URIRef  # a group that acts without being a formal body ("Republican lawmakers")
    AnonymousSource: URIRef  # an unnamed source ("a senior official"), never merged with a named person
    holdsPosition: URIRef  # person -> org:Post held at the time of the article
    heldPosition: URIRef  # person -> org:Post held before
    postPlace: URIRef  # a place named with a post whose body the text does not name ("chief in Springfield")
    headTitle: URIRef  # organisation charts: the title of a body's head
    deputyTitle: URIRef  # organisation charts: the title of a body's deputy head
    # the personnel relation vocabulary
    askedToResign: URIRef
    refusedToResign: URIRef
    resigned: URIRef
    fired: URIRef
    threatenedToFire: URIRef
    appointed: URIRef
    succeeded: URIRef
    reportsTo: URIRef
    memberOf: URIRef
    criticized: URIRef
    supported: URIRef
    metWith: URIRef
    # assertions: one node per reading, with evidence
    Assertion: URIRef
    modality: URIRef
    evidence: URIRef
    trigger: URIRef
    rule: URIRef
    confidence: URIRef
    attributedTo: URIRef
    eventDate: URIRef
    eventTimeText: URIRef
    derived: URIRef
    premise: URIRef
    unspecified: URIRef  # the object of "X resigned" / "X refused to resign" when the text names none
    Build: URIRef  # a govgraph run: software and rules version (no clock time: builds are reproducible)
    rulesVersion: URIRef


ID = Namespace("https://w3id.org/govgraph/id/")
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = Namespace("http://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")

PREFIXES = {
    "gg": Namespace(str(GG._NS)),
    "ggid": ID,
    "org": ORG,
    "foaf": FOAF,
    "skos": SKOS,
    "schema": SCHEMA,
    "oa": OA,
    "prov": PROV,
    "dcterms": DCTERMS,
    "rdfs": RDFS,
    "rdf": RDF,
    "xsd": XSD,
}

ENTITY_CLASSES = {"Person": FOAF.Person, "Organization": ORG.Organization, "Group": GG.Group,
                  "AnonymousSource": GG.AnonymousSource}


def slugify(text: str) -> str:
    """Readable IRI segment: ASCII, lower case, words joined by hyphens ("Jane Q. Doe" -> "jane-q-doe")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    # A name with no Latin letters (e.g. in Cyrillic) still gets a stable segment.
    return slug or "h" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def entity_iri(entity: Entity, article_id: str | None = None) -> URIRef:
    """IRI of an entity from its type and canonical name.

    An anonymous source exists only within its article, so its IRI includes the article's.
    """
    if entity.kind == "AnonymousSource":
        return ID[f"source-{article_id}-{slugify(entity.label)}"]
    return ID[f"{entity.kind.lower()}-{slugify(entity.label)}"]


def post_iri(post: Post, holder: Entity) -> URIRef:
    """IRI of a post from its title and body; a post of no named body is told apart by its holder."""
    where = post.organization or holder.label
    return ID[f"post-{slugify(post.title)}-{slugify(where)}"]


def article_iri(article_id: str) -> URIRef:
    """IRI of an article from its content hash."""
    return ID[f"article-{article_id}"]


def sentence_iri(article_id: str, index: int) -> URIRef:
    """IRI of a sentence from its article and position."""
    return ID[f"article-{article_id}-s{index}"]


def mention_iri(article_id: str, start: int, end: int) -> URIRef:
    """IRI of a mention from its article and character offsets."""
    return ID[f"article-{article_id}-m{start}-{end}"]


def _with_prefixes(graph):
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def to_oxigraph(term):
    """The pyoxigraph form of an rdflib term (IRI, blank node or literal)."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return ox.BlankNode(str(term))


def new_graph(store: str = "Memory") -> Graph:
    """An empty graph with govgraph's prefixes bound, in an rdflib store (``"SimpleMemory"`` adds
    faster but has no named graphs, so pySHACL and Datasets cannot use it)."""
    return _with_prefixes(Graph(store=store))


def add_extraction(graph: Graph, extraction: Extraction) -> None:
    """Add one article, its sentences that mention entities, its entities and their mentions."""
    article = extraction.article
    art = article_iri(article.id)
    graph.add((art, RDF.type, SCHEMA.NewsArticle))
    graph.add((art, DCTERMS.identifier, Literal(article.id)))
    graph.add((art, GG.sourceFile, Literal(article.source)))
    if article.title:
        graph.add((art, SCHEMA.headline, Literal(article.title)))
        graph.add((art, RDFS.label, Literal(article.title)))
    if article.published:
        graph.add((art, SCHEMA.datePublished, Literal(article.published.isoformat(), datatype=XSD.date)))
    if article.url:
        graph.add((art, SCHEMA.url, URIRef(article.url) if re.match(r"^https?://\S+$", article.url) else Literal(article.url)))

    mentioned = {m.sentence for e in extraction.entities for m in e.mentions}
    mentioned |= {p.sentence for e in extraction.entities for p in e.posts}
    mentioned |= {r.sentence for r in extraction.relations}
    sentences = {index: sentence_iri(article.id, index) for index in mentioned}
    for sentence in extraction.sentences:
        if sentence.index not in mentioned:
            continue
        node = sentences[sentence.index]
        graph.add((node, RDF.type, GG.Sentence))
        graph.add((node, DCTERMS.isPartOf, art))
        graph.add((node, GG.sentenceIndex, _number(sentence.index)))
        graph.add((node, OA.exact, Literal(sentence.text)))
        graph.add((node, OA.start, _number(sentence.start)))
        graph.add((node, OA.end, _number(sentence.end)))

    bodies = {e.label: entity_iri(e) for e in extraction.entities if e.kind == "Organization"}
    _add_structure(graph, extraction)
    _add_relations(graph, extraction)
    for entity in extraction.entities:
        node = entity_iri(entity, article.id)
        graph.add((node, RDF.type, ENTITY_CLASSES[entity.kind]))
        _set_label(graph, node, entity.label)
        if entity.gender:
            graph.add((node, FOAF.gender, Literal(entity.gender)))
        for post in entity.posts:
            _add_post(graph, node, entity, post, bodies, sentence_iri(article.id, post.sentence))
        preferred = {str(l) for l in graph.objects(node, SKOS.prefLabel)}
        for alias in sorted(entity.aliases - preferred):
            graph.add((node, SKOS.altLabel, Literal(alias)))
        for mention in entity.mentions:
            sentence = sentences[mention.sentence]
            m = mention_iri(article.id, mention.start, mention.end)
            graph.add((node, GG.mentionedIn, sentence))
            graph.add((node, GG.hasMention, m))
            graph.add((m, RDF.type, GG.Mention))
            graph.add((m, OA.exact, Literal(mention.text)))
            graph.add((m, OA.start, _number(mention.start)))
            graph.add((m, OA.end, _number(mention.end)))
            graph.add((m, GG.inSentence, sentence))
            graph.add((m, DCTERMS.isPartOf, art))


@lru_cache(maxsize=1 << 16)
def _number(value: int) -> Literal:
    # offsets and indexes recur across mentions and stories, and making a Literal is slow
    return Literal(value)


def _set_label(graph: Graph, node: URIRef, label: str) -> None:
    """Give a node one canonical label across articles: the longest form (then the first in
    sort order) wins, whatever order the articles came in; the others become aliases."""
    labels = {str(l) for l in graph.objects(node, SKOS.prefLabel)} | {label}
    best = sorted(labels, key=lambda l: (-len(l), l))[0]
    for other in labels - {best}:
        graph.remove((node, SKOS.prefLabel, Literal(other)))
        graph.remove((node, RDFS.label, Literal(other)))
        graph.add((node, SKOS.altLabel, Literal(other)))
    graph.add((node, SKOS.prefLabel, Literal(best)))
    graph.add((node, RDFS.label, Literal(best)))
    graph.remove((node, SKOS.altLabel, Literal(best)))


def _add_structure(graph: Graph, extraction: Extraction) -> None:
    """Stated "part of" facts between bodies of the article."""
    bodies = {e.label: entity_iri(e) for e in extraction.entities if e.kind == "Organization"}
    for fact in extraction.structure:
        graph.add((bodies[fact.part], ORG.subOrganizationOf, bodies[fact.whole]))
        graph.add((bodies[fact.whole], ORG.hasSubOrganization, bodies[fact.part]))


def _add_post(graph: Graph, holder_node: URIRef, holder: Entity, post: Post, bodies: dict[str, URIRef],
              evidence: URIRef) -> None:
    node = post_iri(post, holder)
    graph.add((node, RDF.type, ORG.Post))
    graph.add((node, SCHEMA.jobTitle, Literal(post.title)))
    label = f"{post.title}, {post.organization}" if post.organization else post.title
    graph.add((node, RDFS.label, Literal(label)))
    graph.add((node, SKOS.prefLabel, Literal(label)))
    if post.organization in bodies:
        graph.add((node, ORG.postIn, bodies[post.organization]))
    elif post.organization:
        graph.add((node, GG.postPlace, Literal(post.organization)))
    graph.add((node, PROV.wasDerivedFrom, evidence))
    if post.current:
        graph.add((holder_node, GG.holdsPosition, node))
        graph.add((holder_node, ORG.holds, node))
    else:
        graph.add((holder_node, GG.heldPosition, node))


_POST_PREDICATES = {"holdsPosition", "heldPosition"}
_OPTIONAL_OBJECT = {"resigned", "refusedToResign"}


def assertion_iri(article_id: str, relation: Relation) -> URIRef:
    """IRI of an assertion from what it says, so rebuilding gives the same IRI."""
    key = "|".join([relation.predicate, relation.subject.kind, relation.subject.label,
                    relation.object.label if relation.object else "", str(relation.sentence), relation.rule,
                    relation.modality, relation.title or ""])
    return ID[f"assertion-{article_id}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:12]}"]


def build_iri() -> URIRef:
    """The build activity: this software version with these rule files."""
    return ID[f"build-{_software_version()}-{rules_version()}"]


@lru_cache(maxsize=1)
def _software_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("govgraph")
    except PackageNotFoundError:
        return "unknown"


@lru_cache(maxsize=1)
def rules_version() -> str:
    """A hash of every file under ontology/, so outputs say which rules made them."""
    from .ontology import ontology_dir

    digest = hashlib.sha256()
    for path in sorted(p for p in ontology_dir().rglob("*") if p.is_file()):
        digest.update(path.relative_to(ontology_dir()).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _add_build(graph: Graph) -> URIRef:
    node = build_iri()
    graph.add((node, RDF.type, GG.Build))
    graph.add((node, SCHEMA.softwareVersion, Literal(_software_version())))
    graph.add((node, GG.rulesVersion, Literal(rules_version())))
    graph.add((node, RDFS.label, Literal(f"govgraph {_software_version()} (rules {rules_version()})")))
    return node


def _add_relations(graph: Graph, extraction: Extraction) -> None:
    """Each relation as a direct triple (when asserted) and as an assertion node with evidence."""
    article = extraction.article
    activity = _add_build(graph) if extraction.relations else None
    iri = {id(e): entity_iri(e, article.id) for e in extraction.entities}
    posts = {(id(e), p.title, p.organization, p.current): post_iri(p, e) for e in extraction.entities for p in e.posts}
    for relation in extraction.relations:
        subject = iri[id(relation.subject)]
        predicate = GG[relation.predicate]
        if relation.predicate in _POST_PREDICATES:
            obj = posts.get((id(relation.subject), relation.title,
                             relation.object.label if relation.object else None, relation.predicate == "holdsPosition"))
        elif relation.object is not None:
            obj = iri[id(relation.object)]
        else:
            obj = GG.unspecified if relation.predicate in _OPTIONAL_OBJECT else None
        if relation.modality == "asserted" and obj is not None:
            graph.add((subject, predicate, obj))
        node = assertion_iri(article.id, relation)
        graph.add((node, RDF.type, GG.Assertion))
        graph.add((node, RDF.subject, subject))
        graph.add((node, RDF.predicate, predicate))
        if obj is not None:
            graph.add((node, RDF.object, obj))
        graph.add((node, GG.modality, Literal(relation.modality)))
        graph.add((node, GG.rule, Literal(relation.rule)))
        graph.add((node, GG.confidence, Literal(relation.confidence, datatype=XSD.decimal)))
        if relation.trigger:
            graph.add((node, GG.trigger, Literal(relation.trigger)))
        graph.add((node, GG.evidence, sentence_iri(article.id, relation.sentence)))
        graph.add((node, PROV.wasDerivedFrom, article_iri(article.id)))
        graph.add((node, PROV.wasGeneratedBy, activity))
        if relation.attributed_to is not None:
            graph.add((node, GG.attributedTo, iri[id(relation.attributed_to)]))
        if relation.event_date is not None:
            graph.add((node, GG.eventDate, Literal(relation.event_date.isoformat(), datatype=XSD.date)))
        if relation.time_text:
            graph.add((node, GG.eventTimeText, Literal(relation.time_text)))
        if relation.title and relation.predicate not in _POST_PREDICATES:
            graph.add((node, SCHEMA.jobTitle, Literal(relation.title)))
        if relation.derived:
            graph.add((node, GG.derived, Literal(True)))
            for premise in relation.premises:
                graph.add((node, GG.premise, Literal(premise)))


GRAPH_FORMATS = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".nq": "nquads",
                 ".jsonld": "json-ld", ".rdf": "xml", ".xml": "xml"}


def parse_file(target: Graph, path: str | Path) -> Graph:
    """Parse an RDF file into ``target`` (format from its extension), or raise GovgraphError saying why not."""
    from .model import GovgraphError

    path = Path(path)
    if not path.is_file():
        raise GovgraphError(f"{path}: no such graph file")
    rdf_format = GRAPH_FORMATS.get(path.suffix.lower())
    if rdf_format is None:
        raise GovgraphError(f"{path}: unknown graph format (expected one of {', '.join(sorted(GRAPH_FORMATS))})")
    try:
        target.parse(path, format=rdf_format)
    except Exception as error:  # rdflib raises parser-specific types
        raise GovgraphError(f"{path}: not valid {rdf_format}: {error}") from None
    return target


def article_graph_iri(article_id: str) -> URIRef:
    """IRI of the named graph that holds one article's statements."""
    return ID[f"graph-{article_id}"]


def new_dataset() -> Dataset:
    """An empty dataset (one named graph per article) with govgraph's prefixes bound."""
    return _with_prefixes(Dataset())


def add_article_graph(dataset: Dataset, extraction: Extraction) -> None:
    """Put one article's statements in a named graph of their own, replacing any earlier version."""
    name = article_graph_iri(extraction.article.id)
    dataset.remove_graph(name)
    add_extraction(dataset.graph(name), extraction)


def merge_graphs(dataset: Dataset) -> Graph:
    """The union of every named graph, each node keeping one canonical label across articles."""
    merged = new_graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        merged.add((s, p, o))
    for node in {s for s, _ in merged.subject_objects(SKOS.prefLabel)}:
        labels = sorted({str(l) for l in merged.objects(node, SKOS.prefLabel)}, key=lambda l: (-len(l), l))
        if len(labels) > 1:
            for label in labels:
                _set_label(merged, node, label)
    return merged


def build_graph(extractions) -> Graph:
    """Return a new merged graph holding every extraction."""
    dataset = new_dataset()
    for extraction in extractions:
        add_article_graph(dataset, extraction)
    return merge_graphs(dataset)
