"""The same person across stories: one node, whatever name form each story uses.

Within a story, entities.py already joins "Jane Q. Doe" and "Doe". Across stories the names
differ too ("Jane Doe", "Doe"), so before the graph is written the
persons of all stories (and of an existing graph being added to) are clustered: same surname,
first names that agree (equal, an initial of the other, short forms of one name in
ontology/nicknames.yml, or absent), the same generational suffix
(a "Jr." is never his father), and no conflicting posts (the same title in different bodies marks
two namesakes). A surname alone joins the one person of that name, or among namesakes the one with
the same title; otherwise it stays apart rather than guessed. Each cluster takes its longest name,
except that a person already in an existing graph keeps its name, so its IRI and statements stay.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .names import generation, name_parts
from .rules import load_nicknames
from .model import Entity, Extraction, Post

__all__ = ["unify", "unify_people", "people_in_graph"]


@dataclass
class _Cluster:
    label: str
    fixed: bool
    members: list[Entity] = field(default_factory=list)


# a lone surname goes to the namesake named in this many times the stories of the next (else to no
# one), a lone first name only to someone named in at least this many stories
_SALIENT_BY = 3


def _first(name: str) -> str:
    return name_parts(name)[0].rstrip(".").lower()


def _last(name: str) -> str:
    return (name_parts(name)[1] or name).lower()


def _first_names_agree(a: str, b: str) -> bool:
    first_a, first_b = _first(a), _first(b)
    if not first_a or not first_b or first_a == _last(a) or first_b == _last(b):
        return True  # a surname alone agrees with any first name
    return first_a == first_b or (len(first_a) == 1 and first_b.startswith(first_a)) or (
        len(first_b) == 1 and first_a.startswith(first_b)) or first_b in load_nicknames().get(first_a, ())


def _posts_conflict(a: Entity, b: Entity) -> bool:
    """The same current title in two different bodies: two people, not one. A body named in full
    in one story and shorter in another ("Judiciary Committee", "Senate Judiciary Committee") is
    one body, and a party post ("Democratic leader") sits beside a chamber's."""
    for post_a in (p for p in a.posts if p.current and p.organization and not p.party):
        for post_b in (p for p in b.posts if p.current and p.organization and not p.party):
            if post_a.title.lower() == post_b.title.lower() and not _same_body(post_a.organization, post_b.organization):
                return True
    return False


def _same_body(a: str, b: str) -> bool:
    words_a, words_b = set(a.lower().split()), set(b.lower().split())
    return words_a <= words_b or words_b <= words_a


def unify_people(extractions: Iterable[Extraction], known: Iterable[Entity] = ()) -> None:
    """Give every person of the same cluster one canonical label (their other names become aliases)."""
    unify([e for x in extractions for e in x.entities if e.kind == "Person"], known)


def unify(people: list[Entity], known: Iterable[Entity] = ()) -> None:
    """Cluster ``people`` (persons of many stories) with each other and with ``known`` ones, and
    relabel each person with its cluster's name."""
    clusters: dict[str, list[_Cluster]] = {}
    for person in known:
        clusters.setdefault(_last(person.label), []).append(_Cluster(person.label, True, [person]))
    by_first: dict[str, list[_Cluster]] | None = None  # full names by first name, once lone names come
    # full names first, so a lone surname finds the person it belongs to
    for person in sorted(people, key=lambda e: (-len(e.label.split()), -len(e.label), e.label)):
        group = clusters.setdefault(_last(person.label), [])
        fits = [c for c in group if _first_names_agree(c.label, person.label)
                and generation(c.label) == generation(person.label)  # Jr. and Sr. are two people
                and not any(_posts_conflict(person, m) for m in c.members)]
        lone_surname = len(person.label.split()) == 1
        if lone_surname and len(fits) > 1:
            # "President Doe" in a story that gives no first name: the one namesake with that
            # title ("John Doe", President), if only one has it
            titles = {p.title.lower() for p in person.posts}
            titled = [c for c in fits if titles & {p.title.lower() for m in c.members for p in m.posts}]
            fits = titled if len(titled) == 1 else fits
        if lone_surname and len(fits) > 1:
            # a story naming only "Doe" where the archive names John Doe in many stories and
            # Jane Doe in one: the one the archive is about, when it is so by far
            by_stories = sorted(fits, key=lambda c: len(c.members), reverse=True)
            if len(by_stories[0].members) >= _SALIENT_BY * len(by_stories[1].members):
                fits = by_stories[:1]
        if lone_surname and not group:
            # "Jane" in a story that names no Doe: no one in the archive has it as a surname,
            # and one person named in several stories has it as a first name. Lone names come
            # after every full name, so the full names are indexed by first name once, here
            if by_first is None:
                by_first = defaultdict(list)
                for cluster in (c for g in clusters.values() for c in g if len(c.label.split()) > 1):
                    by_first[_first(cluster.label)].append(cluster)
            named = by_first.get(_first(person.label), [])
            if len(named) == 1 and len(named[0].members) >= _SALIENT_BY:
                fits = named
        if fits and (not lone_surname or len(fits) == 1):
            cluster = fits[0]
            if not cluster.fixed and len(person.label) > len(cluster.label):
                cluster.label = person.label
            cluster.members.append(person)
        else:
            group.append(_Cluster(person.label, False, [person]))
    for group in clusters.values():
        for cluster in group:
            for member in cluster.members:
                if member.label != cluster.label:
                    member.aliases.add(member.label)
                    member.label = cluster.label
                    member.aliases.discard(cluster.label)


def people_in_graph(graph) -> list[Entity]:
    """The persons of an existing graph (an in-memory store, any of its graphs), with their current
    posts, as entities to cluster with. A person labelled differently in two graphs takes the
    label the merged graph gives it (the longest), the others being aliases."""
    from .graph import foaf, gg, org, rdf, schema, skos

    def objects(node, predicate) -> list:
        return sorted({q.object for q in graph.quads_for_pattern(node, predicate, None)}, key=lambda term: term.value)

    def label(node) -> str | None:
        labels = [term.value for term in objects(node, skos.prefLabel)]
        return min(labels, key=lambda text: (-len(text), text)) if labels else None

    out = []
    for node in sorted({q.subject for q in graph.quads_for_pattern(None, rdf.type, foaf.Person)}, key=lambda n: n.value):
        name = label(node)
        if name is None:
            continue
        posts = []
        for post in objects(node, gg.holdsPosition):
            title = objects(post, schema.jobTitle)
            body = objects(post, org.postIn)
            posts.append(Post(title[0].value if title else "", label(body[0]) if body else None, True, 0, ""))
        aliases = {term.value for term in objects(node, skos.altLabel) + objects(node, skos.prefLabel)} - {name}
        out.append(Entity("Person", name, aliases, [], posts))
    return out
