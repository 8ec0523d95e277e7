"""A synthetic news archive shaped like govgraph's output, for the benchmarks."""

from __future__ import annotations

import random
from datetime import date, timedelta

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


# People who recur across stories, as a government's ministers do across a news archive.
RECURRING = 200
# How a firing is told: as done (twice as often as any other reading), if, perhaps, to come, not.
FIRING_MODALITIES = ("asserted", "asserted", "conditional", "hedged", "future", "negated")
WEEKDAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday")


def synthetic_archive(articles: int, seed: int = 1) -> list[Extraction]:
    """``articles`` stories like ``synthetic_extractions``'s, with what a real archive adds.

    Each story still has 20 people, 5 bodies of its own, 25 relations among the people and a chain
    of command, but 3 of its people recur across stories: they come from a pool of 200 people
    ("Person R0", alias "R0", minister of "Department 0"...) drawn with weights 1/rank, so the most
    prominent one is in about 4 stories in 10 (the real BBC build's most prominent person is in 1
    in 3), and the story's chain of command ends with one of them. Stories are dated, and one
    relation a story is one of them firing someone or threatening to, in varied modalities, with
    the time the text gives ("on Monday"; a date too for half of them), for the timeline.
    """
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(RECURRING)]
    extractions = []
    for a in range(articles):
        text = f"Story {a}. Person A{a} criticised person B{a}."
        article = Article(text=text, source=f"synthetic-{a}", title=f"Story {a}",
                          published=date(2020, 1, 1) + timedelta(days=a % 1500))
        sentences = (Sentence(0, 0, len(text), text),)
        mention = [Mention(0, 5, "Story", 0)]
        bodies = [Entity("Organization", f"Body {a}-{b}", set(), list(mention)) for b in range(5)]
        people = [Entity("Person", f"Person {a}-{p}", set(), list(mention),
                         [Post("Minister", bodies[p % 5].label, True, 0, "Minister")]) for p in range(17)]
        recurring = set()
        while len(recurring) < 3:
            recurring.add(rng.choices(range(RECURRING), weights)[0])
        departments = [Entity("Organization", f"Department {r}", set(), list(mention)) for r in sorted(recurring)]
        ministers = [Entity("Person", f"Person R{r}", {f"R{r}"}, list(mention),
                            [Post("Minister", f"Department {r}", True, 0, "Minister")]) for r in sorted(recurring)]
        people += ministers
        relations = tuple(Relation(rng.choice(["criticized", "supported", "metWith", "askedToResign"]),
                                   rng.choice(people), rng.choice(people), 0, "synthetic", trigger="criticised")
                          for _ in range(25))
        relations = tuple(r for r in relations if r.subject is not r.object)
        relations += (Relation(rng.choice(["fired", "threatenedToFire"]), rng.choice(ministers),
                               rng.choice(people[:17]), 0, "synthetic", modality=rng.choice(FIRING_MODALITIES),
                               trigger="fired", time_text=rng.choice(WEEKDAYS),
                               event_date=article.published.isoformat() if rng.random() < 0.5 else None),)
        # a chain of command: each person reports to the next one, the last to a recurring minister
        chain = people[:5] + [rng.choice(ministers)]
        relations += tuple(Relation("reportsTo", chain[p], chain[p + 1], 0, "derived:synthetic", derived=True,
                                    premises=("synthetic",)) for p in range(5))
        extractions.append(Extraction(article, sentences, tuple(people + bodies + departments), (), relations))
    return extractions


