"""A synthetic news archive shaped like govgraph's output, for the benchmarks."""

from __future__ import annotations

import random

from govgraph.model import Article, Entity, Extraction, Mention, Post, Relation, Sentence


def synthetic_extractions(articles: int, seed: int = 1) -> list[Extraction]:
    """``articles`` stories of 20 people and 5 bodies each, with posts, relations and reportsTo chains."""
    rng = random.Random(seed)
    extractions = []
    for a in range(articles):
        text = f"Story {a}. Person A{a} criticised person B{a}."
        article = Article(text=text, source=f"synthetic-{a}", title=f"Story {a}")
        sentences = (Sentence(0, 0, len(text), text),)
        mention = [Mention(0, 5, "Story", 0)]
        bodies = [Entity("Organization", f"Body {a}-{b}", set(), list(mention)) for b in range(5)]
        people = [Entity("Person", f"Person {a}-{p}", set(), list(mention),
                         [Post("Minister", bodies[p % 5].label, True, 0, "Minister")]) for p in range(20)]
        relations = tuple(Relation(rng.choice(["criticized", "supported", "metWith", "askedToResign"]),
                                   rng.choice(people), rng.choice(people), 0, "synthetic", trigger="criticised")
                          for _ in range(25))
        relations = tuple(r for r in relations if r.subject is not r.object)
        # a chain of command: each person reports to the next one
        relations += tuple(Relation("reportsTo", people[p], people[p + 1], 0, "derived:synthetic", derived=True,
                                    premises=("synthetic",)) for p in range(5))
        extractions.append(Extraction(article, sentences, tuple(people + bodies), (), relations))
    return extractions


