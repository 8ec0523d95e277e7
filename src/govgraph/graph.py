"""Extractions -> RDF statements under the govgraph ontology (see ontology/govgraph.ttl).

Identifiers are stable: an entity's IRI comes from its type and canonical name, an article's from
a hash of its text, and a sentence's or mention's from its article and position. Building the
same inputs twice therefore gives the same graph.

Statements are made of pyoxigraph terms and kept in an in-memory Oxigraph store: making rdflib
terms and adding them to an rdflib store took ~25 us a statement, the largest part of a build
after parsing, against ~3 us here. A graph is a store's default graph; a dataset keeps each
article's statements in a named graph of its own. The ontology's names (``GG``, ``ID``...) are
rdflib namespaces, for the modules that read graphs with rdflib; ``gg``, ``rdf``... are the same
terms as pyoxigraph NamedNodes, spelled as in Turtle (``gg.Sentence`` for ``gg:Sentence``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, FOAF, ORG, SKOS, TIME, DefinedNamespace

from .dates import period_of
from .model import Entity, Extraction, GovgraphError, Post, Relation

__all__ = ["GG", "ID", "OA", "SCHEMA", "PROV", "PREFIXES", "Terms", "gg", "rdf", "rdfs", "xsd", "dcterms", "foaf",
           "org", "skos", "schema", "oa", "prov", "owltime", "new_graph", "new_dataset", "add_extraction",
           "add_article_graph", "merge_graphs", "canonical_labels", "build_graph", "slugify", "entity_iri",
           "post_iri", "article_iri", "sentence_iri", "mention_iri", "assertion_iri", "article_graph_iri",
           "build_iri", "rules_version", "parse_file", "graph_format", "GRAPH_FORMATS", "to_oxigraph", "as_rdflib",
           "with_prefixes", "extraction_statements"]


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
    post: URIRef  # org:Membership -> the org:Post it is the tenure of
    dateSource: URIRef  # where an article's publication date came from
    headTitle: URIRef  # organisation charts: the title of a body's head
    deputyTitle: URIRef  # organisation charts: the title of a body's deputy head
    deputyElected: URIRef  # organisation charts: the deputy is elected with the head and reports to no one there
    partyInitial: URIRef  # organisation charts: a party's letter in a member's tag ("D" in "D-N.J.")
    jurisdiction: URIRef  # organisation charts: a name of the country a body governs
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
    withdrew: URIRef  # left a race or candidacy (not an office)
    askedToWithdraw: URIRef  # urged someone to leave a race
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
    "time": TIME,
    "dcterms": DCTERMS,
    "rdfs": RDFS,
    "rdf": RDF,
    "xsd": XSD,
}


class Terms:
    """The terms of one namespace as pyoxigraph NamedNodes, each made once (they recur in every
    statement). A closed vocabulary (an rdflib DefinedNamespace) refuses names it does not define."""

    def __init__(self, namespace):
        self._base = str(namespace._NS if isinstance(namespace, type) else namespace)
        closed = isinstance(namespace, type) and issubclass(namespace, DefinedNamespace) and namespace._fail
        self._names = frozenset(namespace.__annotations__) if closed else None

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_") or (self._names is not None and name not in self._names):
            raise AttributeError(f"{self._base}{name} is not a term of this vocabulary")
        node = ox.NamedNode(self._base + name)
        setattr(self, name, node)  # the next lookup finds the attribute without coming here
        return node

    def __getitem__(self, name: str) -> ox.NamedNode:
        return getattr(self, name)


gg, rdf, rdfs, xsd, dcterms = Terms(GG), Terms(RDF), Terms(RDFS), Terms(XSD), Terms(DCTERMS)
foaf, org, skos, schema, oa, prov = Terms(FOAF), Terms(ORG), Terms(SKOS), Terms(SCHEMA), Terms(OA), Terms(PROV)
owltime = Terms(TIME)  # OWL-Time

ENTITY_CLASSES = {"Person": foaf.Person, "Organization": org.Organization, "Group": gg.Group,
                  "AnonymousSource": gg.AnonymousSource}


def slugify(text: str) -> str:
    """Readable IRI segment: ASCII, lower case, words joined by hyphens ("Jane Q. Doe" -> "jane-q-doe")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    # A name with no Latin letters (e.g. in Cyrillic) still gets a stable segment.
    return slug or "h" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _id(name: str) -> ox.NamedNode:
    return ox.NamedNode(str(ID) + name)


def entity_iri(entity: Entity, article_id: str | None = None) -> ox.NamedNode:
    """IRI of an entity from its type and canonical name.

    An anonymous source exists only within its article, so its IRI includes the article's.
    """
    if entity.kind == "AnonymousSource":
        return _id(f"source-{article_id}-{slugify(entity.label)}")
    return _id(f"{entity.kind.lower()}-{slugify(entity.label)}")


def post_iri(post: Post, holder: Entity) -> ox.NamedNode:
    """IRI of a post from its title and body; a post of no named body is told apart by its holder."""
    where = post.organization or holder.label
    seat = f"-{slugify(post.place)}" if post.place else ""  # a chamber's seat for a place: Senate, Ohio
    return _id(f"post-{slugify(post.title)}-{slugify(where)}{seat}")


def article_iri(article_id: str) -> ox.NamedNode:
    """IRI of an article from its content hash."""
    return _id(f"article-{article_id}")


def sentence_iri(article_id: str, index: int) -> ox.NamedNode:
    """IRI of a sentence from its article and position."""
    return _id(f"article-{article_id}-s{index}")


def mention_iri(article_id: str, start: int, end: int) -> ox.NamedNode:
    """IRI of a mention from its article and character offsets."""
    return _id(f"article-{article_id}-m{start}-{end}")


def article_graph_iri(article_id: str) -> ox.NamedNode:
    """IRI of the named graph that holds one article's statements."""
    return _id(f"graph-{article_id}")


def assertion_iri(article_id: str, relation: Relation) -> ox.NamedNode:
    """IRI of an assertion from what it says, so rebuilding gives the same IRI."""
    key = "|".join([relation.predicate, relation.subject.kind, relation.subject.label,
                    relation.object.label if relation.object else "", str(relation.sentence), relation.rule,
                    relation.modality, relation.title or ""])
    return _id(f"assertion-{article_id}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:12]}")


def build_iri() -> ox.NamedNode:
    """The build activity: this software version with these rule files."""
    return _id(f"build-{_software_version()}-{rules_version()}")


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


# --- literals ---------------------------------------------------------------------------------


def _text(value: str) -> ox.Literal:
    return ox.Literal(value)


@lru_cache(maxsize=1 << 16)
def _number(value: int) -> ox.Literal:
    # offsets and indexes recur across mentions and stories
    return ox.Literal(str(value), datatype=xsd.integer)


def _date(value) -> ox.Literal:
    return ox.Literal(value.isoformat(), datatype=xsd.date)


# a date's precision -> its XSD datatype and the OWL-Time property of an instant at that precision
_PRECISION = {"year": (xsd.gYear, owltime.inXSDgYear), "month": (xsd.gYearMonth, owltime.inXSDgYearMonth),
              "day": (xsd.date, owltime.inXSDDate)}


def _calendar(value: str) -> ox.Literal:
    """A date of the precision the text gave: xsd:gYear ("1968"), xsd:gYearMonth ("2019-03") or xsd:date."""
    return ox.Literal(value, datatype=_PRECISION[period_of(value)][0])


def _interval(membership: ox.NamedNode, started: str | None, ended: str | None) -> list[tuple]:
    """The same tenure as W3C ORG reads it: org:memberDuring a time:Interval whose beginning and
    end are time:Instants at the text's precision (time:inXSDDate, inXSDgYearMonth or inXSDgYear)."""
    interval = ox.NamedNode(membership.value + "-during")
    out = [(membership, org.memberDuring, interval), (interval, rdf.type, owltime.Interval)]
    for edge, suffix, value in ((owltime.hasBeginning, "-began", started), (owltime.hasEnd, "-ended", ended)):
        if value:
            instant = ox.NamedNode(membership.value + suffix)
            out += [(interval, edge, instant), (instant, rdf.type, owltime.Instant),
                    (instant, _PRECISION[period_of(value)][1], _calendar(value))]
    return out


def _decimal(value: float) -> ox.Literal:
    return ox.Literal(repr(value), datatype=xsd.decimal)


_TRUE = ox.Literal("true", datatype=xsd.boolean)


def _url(url: str) -> ox.NamedNode | ox.Literal:
    """A story's address as an IRI when it is a valid web address, else as text."""
    if re.match(r"^https?://\S+$", url):
        try:
            return ox.NamedNode(url)
        except ValueError:
            pass
    return ox.Literal(url)


# --- graphs -----------------------------------------------------------------------------------


def new_graph() -> ox.Store:
    """An empty in-memory graph (an Oxigraph store whose default graph holds the statements)."""
    return ox.Store()


def new_dataset() -> ox.Store:
    """An empty in-memory dataset: one named graph per article (``add_article_graph``)."""
    return ox.Store()


def add_extraction(graph: ox.Store, extraction: Extraction, graph_name: ox.NamedNode | None = None) -> None:
    """Add one article, its sentences that mention entities, its entities and their mentions, its
    posts, structure and relations (to the default graph, or to the named graph ``graph_name``).

    Every entity brings its own label; ``canonical_labels`` then gives each node one.
    """
    statements = extraction_statements(extraction)
    if graph_name is None:
        graph.extend(ox.Quad(s, p, o) for s, p, o in statements)
    else:
        graph.extend(ox.Quad(s, p, o, graph_name) for s, p, o in statements)


def extraction_statements(extraction: Extraction) -> list[tuple]:
    """The statements of one extraction, as (subject, predicate, object) pyoxigraph terms."""
    article = extraction.article
    art = article_iri(article.id)
    out = [(art, rdf.type, schema.NewsArticle), (art, dcterms.identifier, _text(article.id)),
           (art, gg.sourceFile, _text(article.source))]
    add = out.append
    if article.title:
        add((art, schema.headline, _text(article.title)))
        add((art, rdfs.label, _text(article.title)))
    if article.published:
        add((art, schema.datePublished, _date(article.published)))
    if article.date_source:
        add((art, gg.dateSource, _text(article.date_source)))
    if article.url:
        add((art, schema.url, _url(article.url)))

    mentioned = {m.sentence for e in extraction.entities for m in e.mentions}
    mentioned |= {p.sentence for e in extraction.entities for p in e.posts}
    mentioned |= {r.sentence for r in extraction.relations}
    sentences = {index: sentence_iri(article.id, index) for index in mentioned}
    for sentence in extraction.sentences:
        if sentence.index not in mentioned:
            continue
        node = sentences[sentence.index]
        out += [(node, rdf.type, gg.Sentence), (node, dcterms.isPartOf, art),
                (node, gg.sentenceIndex, _number(sentence.index)), (node, oa.exact, _text(sentence.text)),
                (node, oa.start, _number(sentence.start)), (node, oa.end, _number(sentence.end))]

    iri = {id(e): entity_iri(e, article.id) for e in extraction.entities}
    bodies = {e.label: iri[id(e)] for e in extraction.entities if e.kind == "Organization"}
    for fact in extraction.structure:
        out += [(bodies[fact.part], org.subOrganizationOf, bodies[fact.whole]),
                (bodies[fact.whole], org.hasSubOrganization, bodies[fact.part])]
    out += _relation_statements(extraction, iri)
    for entity in extraction.entities:
        node = iri[id(entity)]
        label = _text(entity.label)
        out += [(node, rdf.type, ENTITY_CLASSES[entity.kind]), (node, skos.prefLabel, label), (node, rdfs.label, label)]
        if entity.gender:
            add((node, foaf.gender, _text(entity.gender)))
        for post in entity.posts:
            out += _post_statements(node, entity, post, bodies, sentences[post.sentence])
        for alias in sorted(entity.aliases - {entity.label}):
            add((node, skos.altLabel, _text(alias)))
        for mention in entity.mentions:
            sentence = sentences[mention.sentence]
            m = mention_iri(article.id, mention.start, mention.end)
            out += [(node, gg.mentionedIn, sentence), (node, gg.hasMention, m), (m, rdf.type, gg.Mention),
                    (m, oa.exact, _text(mention.text)), (m, oa.start, _number(mention.start)),
                    (m, oa.end, _number(mention.end)), (m, gg.inSentence, sentence), (m, dcterms.isPartOf, art)]
    return out


def _post_statements(holder_node: ox.NamedNode, holder: Entity, post: Post, bodies: dict[str, ox.NamedNode],
                     evidence: ox.NamedNode) -> list[tuple]:
    node = post_iri(post, holder)
    label = _text(", ".join(filter(None, (post.title, post.organization, post.place))))
    out = [(node, rdf.type, org.Post), (node, schema.jobTitle, _text(post.title)), (node, rdfs.label, label),
           (node, skos.prefLabel, label)]
    body = bodies.get(post.organization)
    if body is None and post.organization and post.in_chart:
        # a body the chart knows ("Ohio Sen." -> Senate, "Home Secretary" -> Home Office) is a body
        # even when the story never names it
        body = entity_iri(Entity("Organization", post.organization))
        out += [(body, rdf.type, org.Organization), (body, skos.prefLabel, _text(post.organization)),
                (body, rdfs.label, _text(post.organization))]
    if body is not None:
        out.append((node, org.postIn, body))
    elif post.organization:
        out.append((node, gg.postPlace, _text(post.organization)))
    if post.place:
        out.append((node, gg.postPlace, _text(post.place)))
    out.append((node, prov.wasDerivedFrom, evidence))
    if post.started or post.ended:
        # tenure belongs to the holder's membership, not to the post, which others hold too
        membership = _id(f"membership-{slugify(holder.label)}-{node.value.rsplit('/', 1)[-1]}")
        out += [(membership, rdf.type, org.Membership), (membership, org.member, holder_node),
                (membership, gg.post, node), (membership, prov.wasDerivedFrom, evidence)]
        if body is not None:
            out.append((membership, org.organization, body))
        if post.started:
            out.append((membership, schema.startDate, _calendar(post.started)))
        if post.ended:
            out.append((membership, schema.endDate, _calendar(post.ended)))
        out += _interval(membership, post.started, post.ended)
    if post.current:
        out += [(holder_node, gg.holdsPosition, node), (holder_node, org.holds, node)]
    else:
        out.append((holder_node, gg.heldPosition, node))
    return out


_POST_PREDICATES = {"holdsPosition", "heldPosition"}
_OPTIONAL_OBJECT = {"resigned", "refusedToResign", "withdrew"}


def _build_statements() -> list[tuple]:
    node = build_iri()
    return [(node, rdf.type, gg.Build), (node, schema.softwareVersion, _text(_software_version())),
            (node, gg.rulesVersion, _text(rules_version())),
            (node, rdfs.label, _text(f"govgraph {_software_version()} (rules {rules_version()})"))]


def _relation_statements(extraction: Extraction, iri: dict[int, ox.NamedNode]) -> list[tuple]:
    """Each relation as a direct triple (when asserted) and as an assertion node with evidence."""
    if not extraction.relations:
        return []
    article = extraction.article
    out = _build_statements()
    add = out.append
    activity, source = build_iri(), article_iri(article.id)
    posts = {(id(e), p.title, p.organization, p.current): post_iri(p, e) for e in extraction.entities for p in e.posts}
    for relation in extraction.relations:
        subject = iri[id(relation.subject)]
        predicate = gg[relation.predicate]
        if relation.predicate in _POST_PREDICATES:
            obj = posts.get((id(relation.subject), relation.title,
                             relation.object.label if relation.object else None, relation.predicate == "holdsPosition"))
        elif relation.object is not None:
            obj = iri[id(relation.object)]
        else:
            obj = gg.unspecified if relation.predicate in _OPTIONAL_OBJECT else None
        if relation.modality == "asserted" and obj is not None:
            add((subject, predicate, obj))
        node = assertion_iri(article.id, relation)
        out += [(node, rdf.type, gg.Assertion), (node, rdf.subject, subject), (node, rdf.predicate, predicate)]
        if obj is not None:
            add((node, rdf.object, obj))
        out += [(node, gg.modality, _text(relation.modality)), (node, gg.rule, _text(relation.rule)),
                (node, gg.confidence, _decimal(relation.confidence))]
        if relation.trigger:
            add((node, gg.trigger, _text(relation.trigger)))
        out += [(node, gg.evidence, sentence_iri(article.id, relation.sentence)), (node, prov.wasDerivedFrom, source),
                (node, prov.wasGeneratedBy, activity)]
        if relation.attributed_to is not None:
            add((node, gg.attributedTo, iri[id(relation.attributed_to)]))
        if relation.event_date is not None:
            add((node, gg.eventDate, _calendar(relation.event_date)))
        if relation.time_text:
            add((node, gg.eventTimeText, _text(relation.time_text)))
        if relation.title and relation.predicate not in _POST_PREDICATES:
            add((node, schema.jobTitle, _text(relation.title)))
        if relation.derived:
            add((node, gg.derived, _TRUE))
            out += [(node, gg.premise, _text(premise)) for premise in relation.premises]
    return out


def canonical_labels(store: ox.Store) -> None:
    """Give each node one preferred label in each graph of ``store``: the longest form (then the
    first in sort order) wins, whatever order the articles came in; the others become aliases."""
    labels: dict[tuple, list[ox.Literal]] = defaultdict(list)
    for quad in store.quads_for_pattern(None, skos.prefLabel, None):
        labels[(quad.subject, quad.graph_name)].append(quad.object)
    for (node, graph_name), found in labels.items():
        if len(found) < 2:
            continue
        best = min(found, key=lambda label: (-len(label.value), label.value))
        for other in found:
            if other != best:
                store.remove(ox.Quad(node, skos.prefLabel, other, graph_name))
                store.remove(ox.Quad(node, rdfs.label, other, graph_name))
                store.add(ox.Quad(node, skos.altLabel, other, graph_name))
        store.remove(ox.Quad(node, skos.altLabel, best, graph_name))


def add_article_graph(dataset: ox.Store, extraction: Extraction) -> None:
    """Put one article's statements in a named graph of their own, replacing any earlier version."""
    name = article_graph_iri(extraction.article.id)
    if dataset.contains_named_graph(name):
        dataset.remove_graph(name)
    add_extraction(dataset, extraction, name)


def merge_graphs(dataset: ox.Store) -> ox.Store:
    """The union of every graph of the dataset, each node keeping one canonical label across articles."""
    merged = new_graph()
    merged.extend(ox.Quad(q.subject, q.predicate, q.object) for q in dataset)
    canonical_labels(merged)
    return merged


def build_graph(extractions) -> ox.Store:
    """Return a new merged graph holding every extraction."""
    graph = new_graph()
    for extraction in extractions:
        add_extraction(graph, extraction)
    canonical_labels(graph)
    return graph


# --- files and other libraries ----------------------------------------------------------------

GRAPH_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".trig": ox.RdfFormat.TRIG,
                 ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD, ".rdf": ox.RdfFormat.RDF_XML,
                 ".xml": ox.RdfFormat.RDF_XML}


def graph_format(path: str | Path) -> ox.RdfFormat:
    """The RDF syntax of a graph file, from its extension, or GovgraphError naming the ones known."""
    rdf_format = GRAPH_FORMATS.get(Path(path).suffix.lower())
    if rdf_format is None:
        raise GovgraphError(f"{path}: unknown graph format (expected one of {', '.join(sorted(GRAPH_FORMATS))})")
    return rdf_format


def parse_file(target: ox.Store, path: str | Path) -> ox.Store:
    """Load an RDF file into ``target`` (format from its extension; triples go to the default
    graph, a dataset's named graphs stay named), or raise GovgraphError saying why not."""
    path = Path(path)
    if not path.is_file():
        raise GovgraphError(f"{path}: no such graph file")
    rdf_format = graph_format(path)
    try:
        target.load(path=str(path), format=rdf_format)
    except (SyntaxError, ValueError, OSError) as error:
        raise GovgraphError(f"{path}: not valid {rdf_format.name}: {error}") from None
    return target


def to_oxigraph(term):
    """The pyoxigraph form of an rdflib term (IRI, blank node or literal)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    return ox.BlankNode(str(term))


def as_rdflib(store: ox.Store, named_graphs: bool = False) -> Graph | Dataset:
    """The store's default graph as an rdflib Graph (or, with ``named_graphs``, the whole store
    as an rdflib Dataset), for the libraries that read rdflib graphs (pySHACL, rdflib's SPARQL)."""
    if named_graphs:
        return with_prefixes(Dataset()).parse(data=store.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
    data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return with_prefixes(Graph()).parse(data=data, format="nt")


def with_prefixes(graph):
    """Bind govgraph's prefixes on an rdflib graph (for its serializers and query results)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
