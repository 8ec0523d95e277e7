"""Derived facts: who reports to whom, from the posts a story gives and the structure of bodies.

Two rules, each derived assertion carrying its premises in words:

* a deputy of a body reports to the head of that body;
* the head of a body that is part of another reports to the head of that other body (climbing
  one more level when the story names no head of the body just above).

Which body is part of which comes first from what the story states ("X, which includes the Y"),
then from the organisation charts; a head is recognised by the title the chart gives a body's
head ("Commissioner" of U.S. Customs and Border Protection) or a generic head title ("head",
"chief"). A person whose title has no body ("President X") heads the body above whose head has
that title.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Entity, PartOf, Relation
from .rules import Body, OrgChart

__all__ = ["derive_reports_to", "date_posts", "GENERIC_HEAD_TITLES"]

GENERIC_HEAD_TITLES = {"head", "chief", "leader", "director", "chair", "chairman", "chief executive"}
_MAX_CLIMB = 2


def _is_deputy(title: str, body: Body | None) -> bool:
    lowered = title.lower()
    return lowered.startswith("deputy") or lowered == "second in command" or (
        body is not None and body.deputy_title is not None and lowered == body.deputy_title.lower())


def _is_head(title: str, body: Body | None) -> bool:
    lowered = title.lower()
    if body is not None and body.head_title and lowered == body.head_title.lower():
        return True
    return lowered in GENERIC_HEAD_TITLES


def derive_reports_to(entities: tuple[Entity, ...], structure: tuple[PartOf, ...],
                      orgchart: OrgChart) -> list[Relation]:
    """reportsTo relations implied by current posts, stated structure and the organisation charts."""
    labels = {e.label for e in entities if e.kind == "Organization"}
    labels |= {post.organization for e in entities for post in e.posts if post.organization}
    chart_body = {label: orgchart.find(label) for label in labels}
    stated_parent = {fact.part: fact for fact in structure}

    heads: dict[str, tuple[Entity, object]] = {}       # body key -> (person, post)
    deputies: list[tuple[Entity, object, str]] = []
    untied: list[tuple[Entity, object]] = []             # posts with a title but no body
    ambiguous: set = set()                               # bodies the story gives two heads now
    for person in (e for e in entities if e.kind == "Person"):
        for post in (p for p in person.posts if p.current):
            if post.organization is not None:
                body = chart_body[post.organization]
                if _is_deputy(post.title, body):
                    deputies.append((person, post, post.organization))
                elif _is_head(post.title, body):
                    key = _key(post.organization, body)
                    if heads.setdefault(key, (person, post))[0] is not person:
                        ambiguous.add(key)
            else:
                untied.append((person, post))
    # two people the story calls head of one body now ("President X" and, years later, "President
    # Y"): which one the others answer to is not said, so no chain is derived through that body
    for key in ambiguous:
        heads.pop(key, None)

    def parent(key_label: str, body: Body | None) -> tuple[str | None, Body | None, str]:
        """(article label or None, chart body or None, premise) of the body above."""
        if key_label in stated_parent:
            whole = stated_parent[key_label].whole
            return whole, chart_body.get(whole), f"{key_label} is part of {whole} (stated: \"{stated_parent[key_label].evidence}\")"
        above = orgchart.parent_of(body) if body else None
        if above is None:
            return None, None, ""
        label = next((l for l, b in chart_body.items() if b is above), None)
        return label, above, f"{key_label} is part of {above.label} (organisation chart)"

    def head_of(label: str | None, body: Body | None) -> tuple[Entity, object] | None:
        if (label or body) and _key(label, body) in ambiguous:
            return None
        found = heads.get(_key(label, body)) if label or body else None
        if found is None and body is not None and body.head_title:
            # "President X" with no body named: the head of the body whose head is a President
            matches = [(p, post) for p, post in untied if post.title.lower() == body.head_title.lower()]
            if len(matches) == 1:
                found = matches[0]
        return found

    out: list[Relation] = []

    def add(subordinate: Entity, sub_post, superior: Entity, sup_post, premises: list[str], rule: str) -> None:
        if subordinate is superior:
            return
        out.append(Relation(predicate="reportsTo", subject=subordinate, object=superior, sentence=sub_post.sentence,
                            rule=rule, trigger=sub_post.evidence, confidence=0.8, derived=True,
                            premises=tuple(premises + [_held(superior, sup_post)])))

    for person, post, label in deputies:
        body = chart_body[label]
        if body is not None and body.deputy_elected and post.title.lower() == (body.deputy_title or "").lower():
            continue  # an elected deputy (a vice president) answers to no head; "X's second in command" does
        superior = head_of(label, chart_body[label])
        if superior:
            add(person, post, superior[0], superior[1], [_held(person, post)], "derived:deputy-of-head")

    for key, (person, post) in list(heads.items()):
        label = post.organization
        body = chart_body.get(label)
        premises = [_held(person, post)]
        for _ in range(_MAX_CLIMB):
            label, body, premise = parent(label, body)
            if label is None and body is None:
                break
            premises.append(premise)
            superior = head_of(label, body)
            if superior:
                add(person, post, superior[0], superior[1], premises, "derived:head-of-part")
                break
    return out


def _key(label: str | None, body: Body | None) -> str:
    return body.iri if body is not None else f"label:{label}"


def _held(person: Entity, post) -> str:
    where = f" of {post.organization}" if post.organization else ""
    return f"{person.label} is {post.title}{where} (\"{post.evidence}\")"


def date_posts(entities: tuple[Entity, ...], relations: list[Relation]) -> None:
    """Tenure in time: a post starts when the story dates the person's appointment to it ("was
    appointed in 2021") and ends when it dates their resignation or firing from it ("resigned on
    Tuesday"). Only asserted, dated events count. The post is the one whose title the event names
    or whose body was left; a resignation or firing that names neither ends the person's only
    post, but an appointment that names neither starts nothing (it may be to something else).
    Withdrawing from a race ends a candidacy, not a post."""
    for relation in relations:
        if relation.modality != "asserted" or not relation.event_date or relation.derived:
            continue
        if relation.predicate == "appointed":
            person, field, title, body = relation.object, "started", relation.title, None
        elif relation.predicate == "resigned":
            person, field, title, body = relation.subject, "ended", relation.title, relation.object
        elif relation.predicate == "fired":
            person, field, title, body = relation.object, "ended", relation.title, None
        else:
            continue
        if person is None or person.kind != "Person" or not person.posts:
            continue
        candidates = [p for p in person.posts if (title and p.title.lower() == title.lower())
                      or (body is not None and p.organization == body.label)] or \
            (person.posts if len(person.posts) == 1 and field == "ended" else [])
        if len(candidates) != 1 or getattr(candidates[0], field):
            continue
        dated = replace(candidates[0], **{field: relation.event_date})
        if field == "ended":
            dated = replace(dated, current=False)  # a post the story says ended is held no more
        person.posts = [dated if p is candidates[0] else p for p in person.posts]

