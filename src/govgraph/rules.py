"""Read and validate the data files under ontology/: title vocabulary and organisation charts.

Each loader checks its file and names the file and the entry that is wrong, so a user who extends
a file learns exactly what to fix.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

import yaml

from .model import GovgraphError
from .ontology import ontology_file

__all__ = ["load_nicknames", "Lexicon", "Body", "OrgChart", "RelationRule", "FRAMES", "load_lexicon", "load_orgchart",
           "load_relation_rules", "ontology_predicates", "RuleError"]


class RuleError(GovgraphError):
    """A rule or data file under ontology/ is malformed."""


@dataclass(frozen=True)
class Lexicon:
    """The words that mark titles, honorifics and kinds of actor (ontology/titles.yml)."""

    honorifics: dict[str, str | None]
    titles: dict[str, str]
    former_markers: frozenset[str]
    tenure_markers: frozenset[str]
    country_prefixes: tuple[str, ...]
    body_heads: frozenset[str]
    not_person_heads: frozenset[str]
    news_outlets: frozenset[str]
    thing_nouns: frozenset[str]
    group_nouns: frozenset[str]
    leader_nouns: frozenset[str]
    source_nouns: frozenset[str]
    speech_verbs: frozenset[str]
    part_of_verbs: frozenset[str]
    part_of_nouns: frozenset[str]
    place_abbreviations: dict[str, str] = field(default_factory=dict)
    place_nouns: frozenset[str] = frozenset()
    committee_nouns: frozenset[str] = frozenset()
    name_particles: frozenset[str] = frozenset()
    postnominals: frozenset[str] = frozenset()
    prospective_markers: frozenset[str] = frozenset()
    place_names: frozenset[str] = frozenset()
    compass_points: frozenset[str] = frozenset()
    thing_names: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    member_nouns: frozenset[str] = frozenset()
    joining_verbs: frozenset[str] = frozenset()
    post_nouns: frozenset[str] = frozenset()
    occupations: frozenset[str] = frozenset()  # canonical titles of work that is no office, lower case
    kin_nouns: frozenset[str] = frozenset()
    party_posts: frozenset[str] = frozenset()  # canonical titles a party itself has, lower case
    party_posts_in_lower_case: frozenset[str] = frozenset()  # ... when the text writes them so

    def is_party_post(self, title: str, written: str = "") -> bool:
        """Whether a canonical title is one a party itself has ("Leader", "Shadow Chancellor"; as
        ``written`` in lower case, "president"), so that a party word before it makes a post in the
        party, not a member's office elsewhere."""
        return title.lower() in self.party_posts or title.lower().startswith("shadow ") \
            or (written.islower() and title.lower() in self.party_posts_in_lower_case)

    def is_occupation(self, title: str) -> bool:
        """Whether a canonical title is an occupation ("Strategist"), not an office."""
        return title.lower() in self.occupations

    def place_name(self, words: str) -> str:
        """The place an abbreviation stands for ("N.J." -> "New Jersey"); other words as written."""
        return self.place_abbreviations.get(words, words)

    def is_known_place(self, words: str) -> bool:
        """Whether the words are a place the abbreviations table names, in full or abbreviated."""
        return words in self.place_abbreviations or words in self._place_names

    @cached_property
    def plural_addresses(self) -> frozenset[str]:
        """Plural honorifics and one-word titles, lower case, with and without a full stop ("lords",
        "justices", "sens."): the words that address each name of a list."""
        singular = set(self.honorifics) | {key for key in self.titles if " " not in key}
        return frozenset(form for word in singular for form in (word + "s", word + "s."))

    @cached_property
    def title_words(self) -> frozenset[str]:
        """One-word titles, lower case, with and without a full stop ("chancellor", "sen", "sen."):
        the token forms ``title_of`` knows as a title on their own, to find them in one lookup."""
        return frozenset(form for key in self.titles if " " not in key for form in (key, key + "."))

    @cached_property
    def title_edge_words(self) -> tuple[frozenset[str], frozenset[str]]:
        """The first and the last words of the titles of several words, lower case ("attorney",
        "general"): where a longer title can start or end, to look for one only there."""
        phrases = [key.split() for key in self.titles if " " in key]
        return frozenset(words[0] for words in phrases), frozenset(words[-1] for words in phrases)

    @cached_property
    def _place_names(self) -> frozenset[str]:
        return frozenset(self.place_abbreviations.values()) | self.place_names

    def title_of(self, words: str) -> str | None:
        """The canonical title for a phrase ("police chief" -> "Chief", "Lt. Gov." -> "Lieutenant
        Governor"), or None. Full stops are ignored, as abbreviations are written with or without."""
        # asked of most tokens of every story: remembered per phrase (up to a bound, for archives)
        memo = self._titles_seen
        if words in memo:
            return memo[words]
        title = self.titles.get(" ".join(words.lower().replace(".", " ").split()).strip(" ,"))
        if len(memo) < 200_000:
            memo[words] = title
        return title

    @cached_property
    def _titles_seen(self) -> dict[str, str | None]:
        return {}


_LEXICON_KEYS = {"honorifics", "titles", "former_markers", "tenure_markers", "country_prefixes", "body_heads",
                 "not_person_heads", "news_outlets", "thing_nouns",
                 "group_nouns", "leader_nouns", "source_nouns", "speech_verbs",
                 "part_of_verbs", "part_of_nouns", "place_abbreviations", "place_nouns", "committee_nouns", "name_particles",
                 "postnominals", "prospective_markers", "place_names", "compass_points", "speech_nouns", "thing_names",
                 "member_nouns", "joining_verbs", "post_nouns", "occupations", "kin_nouns", "party_posts",
                 "party_posts_in_lower_case"}


def _string_list(data: dict, key: str, path: Path) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"{path}: {key!r} must be a list of words")
    return value


@lru_cache(maxsize=8)
def load_lexicon(path: Path | None = None) -> Lexicon:
    """Load and check titles.yml (by default the one in ontology/)."""
    path = path or ontology_file("titles.yml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RuleError(f"{path}: cannot read: {error}") from None
    if not isinstance(data, dict):
        raise RuleError(f"{path}: expected a mapping of sections")
    unknown = set(data) - _LEXICON_KEYS
    if unknown:
        raise RuleError(f"{path}: unknown section(s) {', '.join(sorted(unknown))}; "
                        f"expected {', '.join(sorted(_LEXICON_KEYS))}")
    honorifics = data.get("honorifics") or {}
    for word, gender in honorifics.items():
        if gender not in ("male", "female", None):
            raise RuleError(f"{path}: honorific {word!r}: gender must be male, female or null, not {gender!r}")
    titles = data.get("titles") or {}
    occupations = data.get("occupations") or {}
    for section, entries in (("title", titles), ("occupation", occupations)):
        if not isinstance(entries, dict):
            raise RuleError(f"{path}: {section}s must map words to a canonical title")
        for words, title in entries.items():
            if not isinstance(title, str) or not title.strip():
                raise RuleError(f"{path}: {section} {words!r} needs a canonical title (a non-empty string)")
    party_posts = _string_list(data, "party_posts", path)
    party_posts_in_lower_case = _string_list(data, "party_posts_in_lower_case", path)
    canonical = set(titles.values()) | set(occupations.values())
    for title in party_posts + party_posts_in_lower_case:
        if title not in canonical:
            raise RuleError(f"{path}: party post {title!r} is not a canonical title of the titles section")
    places = data.get("place_abbreviations") or {}
    if not isinstance(places, dict) or not all(isinstance(v, str) and v.strip() for v in places.values()):
        raise RuleError(f"{path}: 'place_abbreviations' must map each abbreviation to a place's name")
    lower = lambda key: frozenset(w.lower() for w in _string_list(data, key, path))
    return Lexicon(
        honorifics={str(k).lower(): v for k, v in honorifics.items()},
        titles={" ".join(str(k).lower().replace(".", " ").split()): v for k, v in (titles | occupations).items()},
        occupations=frozenset(title.lower() for title in occupations.values()),
        party_posts=frozenset(title.lower() for title in party_posts),
        party_posts_in_lower_case=frozenset(title.lower() for title in party_posts_in_lower_case),
        former_markers=lower("former_markers"),
        prospective_markers=lower("prospective_markers"),
        place_names=frozenset(_string_list(data, "place_names", path)),
        compass_points=frozenset(_string_list(data, "compass_points", path)),
        thing_names=frozenset(_string_list(data, "thing_names", path)),
        tenure_markers=lower("tenure_markers"),
        country_prefixes=tuple(sorted(_string_list(data, "country_prefixes", path), key=len, reverse=True)),
        body_heads=frozenset(_string_list(data, "body_heads", path)),
        not_person_heads=frozenset(_string_list(data, "not_person_heads", path)),
        news_outlets=frozenset(_string_list(data, "news_outlets", path)),
        thing_nouns=lower("thing_nouns"),
        group_nouns=lower("group_nouns"),
        leader_nouns=lower("leader_nouns"),
        source_nouns=lower("source_nouns"),
        speech_verbs=lower("speech_verbs"),
        speech_nouns=lower("speech_nouns"),
        member_nouns=lower("member_nouns"),
        joining_verbs=lower("joining_verbs"),
        post_nouns=lower("post_nouns"),
        kin_nouns=lower("kin_nouns"),
        part_of_verbs=lower("part_of_verbs"),
        part_of_nouns=lower("part_of_nouns"),
        place_abbreviations={str(k): v for k, v in places.items()},
        place_nouns=lower("place_nouns"),
        committee_nouns=lower("committee_nouns"),
        name_particles=frozenset(_string_list(data, "name_particles", path)),
        postnominals=frozenset(_string_list(data, "postnominals", path)),
    )


@dataclass(frozen=True)
class Body:
    """A body from an organisation chart: names, parent, and the titles of its head and deputy."""

    iri: str
    label: str
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    head_title: str | None = None
    deputy_title: str | None = None
    deputy_elected: bool = False  # the deputy holds office in their own right and answers to no head
    member_titles: tuple[str, ...] = ()
    party: bool = False
    initials: tuple[str, ...] = ()  # a party's letter in a member's tag: "D" in "D-N.J."
    jurisdiction: tuple[str, ...] = ()  # names of the country it governs, as stories write them


def chamber_of(words: str, lexicon: Lexicon, orgchart: OrgChart) -> Body | None:
    """The chamber whose members a title names, written as a story writes it ("Sen.", "MP")."""
    return orgchart.member_body(lexicon.title_of(words) or words)


_DEPARTMENT_NAMES = ("Department of {}", "{} Department", "Ministry of {}", "{} Ministry", "Office of {}", "{} Office")


@dataclass(frozen=True)
class OrgChart:
    """Background facts about bodies, from ontology/orgcharts/*.ttl."""

    bodies: dict[str, Body] = field(default_factory=dict)

    def find(self, name: str) -> Body | None:
        """The body a name or alias stands for (case-insensitive), or None."""
        return self.names.get(name.lower())

    @cached_property
    def names(self) -> dict[str, Body]:
        """Every label and alias, lower-cased, with the body it names."""
        names: dict[str, Body] = {}
        for body in self.bodies.values():
            for name in (body.label, *body.aliases):
                names.setdefault(name.lower(), body)
        return names

    @cached_property
    def chamber_words(self) -> frozenset[str]:
        """The names of bodies with members' titles (chambers), and the first word of each name
        "X of Y" ("House" of "House of Representatives"): what stands before "Democrats" in
        "House Democrats"."""
        names = {name for body in self.bodies.values() if body.member_titles for name in (body.label, *body.aliases)}
        return frozenset(names | {name.split(" of ")[0] for name in names if " of " in name})

    @cached_property
    def labels_and_aliases(self) -> frozenset[str]:
        """Every name the chart gives a body, as written."""
        return frozenset(name for body in self.bodies.values() for name in (body.label, *body.aliases))

    def is_party(self, name: str) -> bool:
        """Whether a name (or alias) is a political party of the chart, or one the chart does not
        know that its own name calls a party ("the Green Party", "the Freedom Party")."""
        known = self.find(name)
        if known is None:
            # "the Florida Democratic Party" is a state's branch of a party the chart knows, not a party
            words = name.split()
            return len(words) > 1 and words[-1] == "Party" and words[0][:1].isupper() \
                and not any(self.find(" ".join(words[i:])) for i in range(1, len(words) - 1))
        return known.party

    def party_of(self, name: str) -> Body | None:
        """The party a body is, or is part of ("Democratic National Committee" -> Democratic Party,
        "the Florida Democratic Party", a state's branch, -> Democratic Party)."""
        body, seen = self.find(name), set()
        words = name.split()
        if body is None and len(words) > 2 and words[-1] == "Party":
            body = next((b for i in range(1, len(words) - 1) if (b := self.find(" ".join(words[i:]))) and b.party), None)
        while body is not None and body.iri not in seen:
            if body.party:
                return body
            seen.add(body.iri)
            body = self.parent_of(body)
        return None

    def jurisdiction_of(self, body: Body) -> frozenset[str]:
        """The names of the country a body governs: its own, else its nearest parent's."""
        seen = set()
        while body is not None and body.iri not in seen:
            if body.jurisdiction:
                return frozenset(body.jurisdiction)
            seen.add(body.iri)
            body = self.bodies.get(body.parent) if body.parent else None
        return frozenset()

    def member_body(self, title: str) -> Body | None:
        """The one body whose members bear this title ("MEP" -> European Parliament), if only one."""
        bodies = self._bodies_by_member_title.get(title.lower(), [])
        return bodies[0] if len(bodies) == 1 else None

    @cached_property
    def _bodies_by_member_title(self) -> dict[str, list[Body]]:
        # asked for every title of every story: the chart read once into a lookup
        by_title: dict[str, list[Body]] = {}
        for body in self.bodies.values():
            for title in {t.lower() for t in body.member_titles}:
                by_title.setdefault(title, []).append(body)
        return by_title

    def find_department(self, field: str) -> Body | None:
        """The body a field names as its department or ministry ("Transportation" -> Department of
        Transportation, "Home" -> Home Office), when the chart has exactly that name."""
        for pattern in _DEPARTMENT_NAMES:
            body = self.find(pattern.format(field))
            if body is not None:
                return body
        return None

    @cached_property
    def party_initials(self) -> dict[str, Body]:
        """The letter a member's tag gives a party ("R" in "R-Iowa") -> the party."""
        return {letter: b for b in self.bodies.values() if b.party for letter in b.initials}

    def parent_of(self, body: Body) -> Body | None:
        """The body this one is part of, if the chart says."""
        return self.bodies.get(body.parent) if body.parent else None


@lru_cache(maxsize=8)
def load_orgchart(folder: Path | None = None) -> OrgChart:
    """Load every organisation chart (``*.ttl``) in ontology/orgcharts/."""
    from rdflib import RDF, Graph, URIRef
    from rdflib.namespace import ORG, SKOS

    gg = "https://w3id.org/govgraph/ns#"
    folder = folder or ontology_file("orgcharts")
    graph = Graph()
    for path in sorted(folder.glob("*.ttl")):
        part = Graph()
        try:
            part.parse(path, format="turtle")
        except Exception as error:
            raise RuleError(f"{path}: not valid Turtle: {error}") from None
        _check_chart(path, part)
        graph += part
    bodies = {}
    for iri in sorted(set(graph.subjects(SKOS.prefLabel, None))):
        labels = list(graph.objects(iri, SKOS.prefLabel))
        if len(labels) != 1:
            raise RuleError(f"organisation chart: {iri} needs exactly one skos:prefLabel")
        parent = graph.value(iri, ORG.subOrganizationOf)
        head = graph.value(iri, URIRef(gg + "headTitle"))
        deputy = graph.value(iri, URIRef(gg + "deputyTitle"))
        members = tuple(sorted(str(t) for t in graph.objects(iri, URIRef(gg + "memberTitle"))))
        bodies[str(iri)] = Body(
            iri=str(iri),
            label=str(labels[0]),
            aliases=tuple(sorted(str(a) for a in graph.objects(iri, SKOS.altLabel))),
            parent=str(parent) if parent else None,
            head_title=str(head) if head else None,
            deputy_title=str(deputy) if deputy else None,
            deputy_elected=bool(graph.value(iri, URIRef(gg + "deputyElected"))),
            member_titles=members,
            party=(iri, RDF.type, URIRef(gg + "PoliticalParty")) in graph,
            initials=tuple(sorted(str(t) for t in graph.objects(iri, URIRef(gg + "partyInitial")))),
            jurisdiction=tuple(sorted(str(t) for t in graph.objects(iri, URIRef(gg + "jurisdiction")))),
        )
    for body in bodies.values():
        if body.parent and body.parent not in bodies:
            raise RuleError(f"organisation chart: {body.label}: parent {body.parent} is not described")
    return OrgChart(bodies)


_CHART_TERMS = {
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#type", "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel", "http://www.w3.org/2000/01/rdf-schema#comment",
    "http://www.w3.org/ns/org#subOrganizationOf", "https://w3id.org/govgraph/ns#headTitle",
    "https://w3id.org/govgraph/ns#deputyTitle", "https://w3id.org/govgraph/ns#memberTitle",
    "https://w3id.org/govgraph/ns#partyInitial", "https://w3id.org/govgraph/ns#jurisdiction",
    "https://w3id.org/govgraph/ns#deputyElected"}
_CHART_CLASSES = {"http://www.w3.org/ns/org#FormalOrganization", "http://www.w3.org/ns/org#OrganizationalUnit",
                  "http://www.w3.org/ns/org#Organization", "https://w3id.org/govgraph/ns#PoliticalParty"}
_CHART_TITLES = {"https://w3id.org/govgraph/ns#headTitle", "https://w3id.org/govgraph/ns#deputyTitle",
                 "https://w3id.org/govgraph/ns#memberTitle"}


def _check_chart(path: Path, graph) -> None:
    """An organisation chart uses only the terms govgraph reads, and titles that end in a title
    titles.yml knows (else the posts stage could never find them in a story): anything else fails
    with the file and the line, so that a typo is not silently ignored."""
    text = path.read_text(encoding="utf-8").splitlines()

    def line_of(*needles: str) -> int:
        return next((n for n, line in enumerate(text, 1) if any(x in line for x in needles)), 0)

    def local(iri: str) -> str:
        return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]

    lexicon = load_lexicon()
    for subject, predicate, value in sorted(graph):
        if str(predicate) not in _CHART_TERMS:
            raise RuleError(f"{path}:{line_of(':' + local(predicate), str(predicate))}: unknown term {predicate}; an "
                            "organisation chart uses rdf:type, skos:prefLabel, skos:altLabel, org:subOrganizationOf, "
                            "gg:headTitle, gg:deputyTitle, gg:deputyElected, gg:memberTitle, gg:partyInitial and gg:jurisdiction")
        if str(predicate).endswith("#type") and str(value) not in _CHART_CLASSES:
            raise RuleError(f"{path}:{line_of(':' + local(value), str(value))}: unknown class {value}; a body is an "
                            "org:FormalOrganization, org:OrganizationalUnit or org:Organization (a party also gg:PoliticalParty)")
        words = str(value).split()
        # "Trade and Industry Secretary": the title words end it; the words before are read with it
        if str(predicate) in _CHART_TITLES and not any(lexicon.title_of(" ".join(words[n:])) for n in range(len(words))):
            quoted = f'"{value}"'
            raise RuleError(f"{path}:{line_of(quoted)}: title {str(value)!r} is not in titles.yml; add it "
                            "there so that stories can give it")


FRAMES = ("transitive", "intransitive", "nominal", "ask", "call_for", "request_from", "speech", "naming", "aide", "chosen",
          "prefix", "adjective")

_RULE_KEYS = {"id", "predicate", "frame", "verbs", "nouns", "adjectives", "complement", "complement_is", "complement_negated",
              "when_negated",
              "when_candidacy", "only_candidacy",
              "when_unreal", "patient_preps", "patient_nouns", "possessor_is", "governors", "agent_fallback",
              "agent_preps", "not_governors", "sense_preps", "agent_noun", "post_sense", "replacement_preps"}


@dataclass(frozen=True)
class RelationRule:
    """One entry of ontology/relations.yml (see the comment at the top of that file)."""

    id: str
    predicate: str
    frame: str
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()  # adjective frame: "critical of X"
    complement: tuple[str, ...] = ()
    complement_is: str = "patient"
    complement_negated: bool = False  # the asked-for verb must be negated ("urged him not to run")
    when_negated: str | None = None
    when_unreal: str | None = None
    patient_preps: tuple[str, ...] = ()
    patient_nouns: tuple[str, ...] = ()
    possessor_is: str = "patient"
    governors: tuple[str, ...] = ()
    agent_fallback: str | None = None
    agent_preps: tuple[str, ...] = ()
    not_governors: tuple[str, ...] = ()
    agent_noun: bool = False  # nominal: the noun names the one who acts ("a Doe supporter" backs Doe)
    sense_preps: tuple[str, ...] = ()  # transitive: the verb counts only with one of these ("challenged X over Y")
    post_sense: tuple[str, ...] = ()  # transitive: verbs that also brush off ("dismissed X as a crank"), not then
    replacement_preps: tuple[str, ...] = ()  # transitive: "replaced X with Y": Y acts, not the subject
    when_candidacy: str | None = None  # the predicate when the trigger is about a race, not an office
    only_candidacy: bool = False  # the rule reads only triggers about a race ("ended his bid")
    candidacy_words: frozenset[str] = frozenset()  # relations.yml's top-level list, for the two above


def ontology_predicates() -> set[str]:
    """Local names of the relation predicates declared in ontology/govgraph.ttl."""
    from rdflib import RDF, Graph
    from rdflib.namespace import OWL

    graph = Graph().parse(ontology_file("govgraph.ttl"))
    prefix = "https://w3id.org/govgraph/ns#"
    return {str(p)[len(prefix):] for p in graph.subjects(RDF.type, OWL.ObjectProperty) if str(p).startswith(prefix)}


@lru_cache(maxsize=8)
def load_relation_rules(path: Path | None = None) -> tuple[RelationRule, ...]:
    """Load and check relations.yml: known keys and frames, predicates the ontology declares."""
    path = path or ontology_file("relations.yml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RuleError(f"{path}: cannot read: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise RuleError(f"{path}: expected a top-level 'rules:' list")
    predicates = ontology_predicates()
    candidacy_words = frozenset(str(w).lower() for w in data.get("candidacy_words") or ())
    rules, seen = [], set()
    for number, entry in enumerate(data["rules"], start=1):
        where = f"{path}: rule {number}" + (f" ({entry.get('id')})" if isinstance(entry, dict) and entry.get("id") else "")
        if not isinstance(entry, dict):
            raise RuleError(f"{where}: expected a mapping")
        unknown = set(entry) - _RULE_KEYS
        if unknown:
            raise RuleError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        for key in ("id", "predicate", "frame"):
            if not isinstance(entry.get(key), str):
                raise RuleError(f"{where}: {key!r} is required")
        if entry["id"] in seen:
            raise RuleError(f"{where}: duplicate id {entry['id']!r}")
        seen.add(entry["id"])
        if entry["frame"] not in FRAMES:
            raise RuleError(f"{where}: unknown frame {entry['frame']!r}; frames are {', '.join(FRAMES)}")
        for key in ("predicate", "when_negated", "when_unreal", "when_candidacy"):
            if entry.get(key) is not None and entry[key] not in predicates:
                raise RuleError(f"{where}: {key} {entry[key]!r} is not a predicate of ontology/govgraph.ttl")
        if not (entry.get("verbs") or entry.get("nouns") or entry.get("adjectives") or entry["frame"] == "speech"):
            raise RuleError(f"{where}: needs 'verbs', 'nouns' or 'adjectives' to trigger on")
        lists = {}
        for key in ("verbs", "nouns", "adjectives", "complement", "patient_preps", "patient_nouns", "governors", "agent_preps",
                    "not_governors", "sense_preps", "post_sense", "replacement_preps"):
            words = entry.get(key) or []
            # YAML reads a bare on/off/yes/no as true/false: "on" must be quoted to stay a word
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                raise RuleError(f"{where}: {key!r} must be a list of words (quote on, off, yes and no)")
            lists[key] = tuple(w.lower() for w in words)
        rules.append(RelationRule(id=entry["id"], predicate=entry["predicate"], frame=entry["frame"],
                                  complement_is=entry.get("complement_is", "patient"),
                                  complement_negated=bool(entry.get("complement_negated", False)),
                                  agent_noun=bool(entry.get("agent_noun", False)),
                                  when_negated=entry.get("when_negated"), when_unreal=entry.get("when_unreal"),
                                  possessor_is=entry.get("possessor_is", "patient"),
                                  agent_fallback=entry.get("agent_fallback"),
                                  when_candidacy=entry.get("when_candidacy"),
                                  only_candidacy=bool(entry.get("only_candidacy", False)),
                                  candidacy_words=candidacy_words if (entry.get("when_candidacy") or entry.get("only_candidacy"))
                                  else frozenset(), **lists))
    return tuple(rules)


@lru_cache(maxsize=8)
def load_leaving_verbs(path: Path | None = None) -> frozenset[str]:
    """The verbs of leaving a post or being put out of one: those of the resigned and fired rules
    ("resign", "step down", "sack"), phrasal ones as written."""
    return frozenset(verb for rule in load_relation_rules(path) if rule.predicate in ("resigned", "fired")
                     and rule.frame in ("transitive", "intransitive") for verb in rule.verbs)


@lru_cache(maxsize=8)
def load_ousting_verbs(path: Path | None = None) -> frozenset[str]:
    """The verbs of putting someone out of a post, whose object leaves it ("sack", "fire")."""
    return frozenset(verb for rule in load_relation_rules(path) if rule.predicate == "fired"
                     and rule.frame == "transitive" for verb in rule.verbs)


@lru_cache(maxsize=8)
def load_replacing_verbs(path: Path | None = None) -> frozenset[str]:
    """The one-word verbs of taking someone's place, whose object left it ("replace", "succeed")."""
    return frozenset(verb for rule in load_relation_rules(path) if rule.predicate == "succeeded"
                     and rule.frame == "transitive" for verb in rule.verbs if " " not in verb)


@lru_cache(maxsize=8)
def load_candidacy_words(path: Path | None = None) -> frozenset[str]:
    """The words that make a trigger about a race, not an office (relations.yml's candidacy_words)."""
    return frozenset().union(*(rule.candidacy_words for rule in load_relation_rules(path)))


@lru_cache(maxsize=4)
def load_nicknames(path: Path | None = None) -> dict[str, frozenset[str]]:
    """Given name -> every form of it (ontology/nicknames.yml): "chuck" -> {"charles", "chuck", ...}."""
    path = path or ontology_file("nicknames.yml")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RuleError(f"{path}: cannot read: {error}") from None
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, list) or not all(isinstance(g, list) and len(g) > 1 for g in groups):
        raise RuleError(f"{path}: expected 'groups:', a list of lists of two or more given names")
    forms: dict[str, set[str]] = {}
    for number, group in enumerate(groups, start=1):
        names = {str(name).lower() for name in group}
        for name in names:
            forms.setdefault(name, set()).update(names)
    return {name: frozenset(found) for name, found in forms.items()}

