import pytest

from govgraph.ontology import ontology_file
from govgraph.rules import Body, OrgChart, RuleError, load_lexicon, load_orgchart


def test_lexicon_loads():
    lexicon = load_lexicon()
    assert lexicon.title_of("Second in command") == "Deputy"
    assert lexicon.honorifics["mr"] == "male"
    # every token form title_of knows on its own is among the one-word title forms, and no phrase
    assert {"chancellor", "sen", "sen."} <= lexicon.title_words and "prime minister" not in lexicon.title_words
    assert all(lexicon.title_of(form) for form in lexicon.title_words)
    assert "say" in lexicon.speech_verbs


def test_unknown_section_is_named(tmp_path):
    path = tmp_path / "titles.yml"
    path.write_text("titles: {chief: Chief}\ntitels: {}\n")
    with pytest.raises(RuleError, match=r"titles.yml: unknown section\(s\) titels"):
        load_lexicon(path)


def test_occupations_are_titles_the_lexicon_knows_as_occupations(tmp_path):
    lexicon = load_lexicon()
    assert lexicon.title_of("political strategist") == "Political Strategist"
    assert lexicon.is_occupation("Political Strategist") and not lexicon.is_occupation("Home Secretary")
    path = tmp_path / "titles.yml"
    path.write_text("occupations: {pundit: ''}\n")
    with pytest.raises(RuleError, match="titles.yml: occupation 'pundit' needs a canonical title"):
        load_lexicon(path)


def test_party_posts_are_canonical_titles_a_party_has(tmp_path):
    lexicon = load_lexicon()
    assert lexicon.is_party_post("Leader") and lexicon.is_party_post("Shadow Chancellor")
    assert not lexicon.is_party_post("Governor") and not lexicon.is_party_post("President", "President")
    assert lexicon.is_party_post("President", "president")  # "Lib Dem president X"
    path = tmp_path / "titles.yml"
    path.write_text("titles: {leader: Leader}\nparty_posts: [Leader, Grand Wizard]\n")
    with pytest.raises(RuleError, match="titles.yml: party post 'Grand Wizard' is not a canonical title"):
        load_lexicon(path)


def test_bad_gender_is_named(tmp_path):
    path = tmp_path / "titles.yml"
    path.write_text("honorifics: {mr: man}\n")
    with pytest.raises(RuleError, match="honorific 'mr': gender must be male, female or null"):
        load_lexicon(path)


def test_orgchart_parents_and_titles():
    chart = load_orgchart()
    cbp = chart.find("CBP")
    assert cbp.label == "U.S. Customs and Border Protection" and cbp.head_title == "Commissioner"
    assert chart.parent_of(cbp).label == "Department of Homeland Security"
    assert chart.parent_of(chart.find("Border Patrol")) is cbp
    assert chart.find("Home Office").head_title == "Home Secretary"


def test_orgchart_holds_bodies_only():
    # organisation charts are about bodies: every subject is an organisation
    from rdflib import RDF, Graph
    from rdflib.namespace import ORG

    for path in ontology_file("orgcharts").glob("*.ttl"):
        graph = Graph().parse(path)
        for subject in set(graph.subjects()):
            assert set(graph.objects(subject, RDF.type)) & {ORG.FormalOrganization, ORG.OrganizationalUnit,
                                                            ORG.Organization}, subject


def test_broken_orgchart_parent_is_reported(tmp_path):
    (tmp_path / "x.ttl").write_text("""
        @prefix org: <http://www.w3.org/ns/org#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        <http://x/a> a org:Organization ; skos:prefLabel "A" ; org:subOrganizationOf <http://x/missing> .""")
    with pytest.raises(RuleError, match="A: parent http://x/missing is not described"):
        load_orgchart(tmp_path)


def test_relation_rules_load_and_name_ontology_predicates():
    from govgraph.rules import load_relation_rules, ontology_predicates

    rules = load_relation_rules()
    predicates = ontology_predicates()
    assert {r.predicate for r in rules} <= predicates
    assert {r.when_unreal for r in rules if r.when_unreal} <= predicates
    assert any("step down" in r.verbs for r in rules)


@pytest.mark.parametrize("entry, message", [
    ("{id: a, predicate: sackedd, frame: transitive, verbs: [sack]}", "predicate 'sackedd' is not a predicate"),
    ("{id: a, predicate: fired, frame: sideways, verbs: [sack]}", "unknown frame 'sideways'"),
    ("{id: a, predicate: fired, frame: transitive}", "needs 'verbs', 'nouns' or 'adjectives'"),
    ("{id: a, predicate: fired, frame: transitive, verbs: [sack], colour: red}", r"unknown key\(s\) colour"),
    # YAML reads a bare "on" as true: the rule would never match "hit out on X"
    ("{id: a, predicate: criticized, frame: transitive, verbs: [turn], patient_preps: [at, on]}",
     r"'patient_preps' must be a list of words \(quote on"),
])
def test_bad_relation_rules_are_named(tmp_path, entry, message):
    from govgraph.rules import load_relation_rules

    path = tmp_path / "relations.yml"
    path.write_text(f"rules:\n  - {entry}\n")
    with pytest.raises(RuleError, match=message):
        load_relation_rules(path)


@pytest.mark.parametrize("statement, message", [
    ('gg:headTitel "Director"', r"x\.ttl:5: unknown term https://w3id.org/govgraph/ns#headTitel"),
    ('gg:headTitle "Grand Poobah"', r"x\.ttl:5: title 'Grand Poobah' is not in titles\.yml"),
    ('a org:Agency', r"x\.ttl:5: unknown class http://www.w3.org/ns/org#Agency"),
], ids=["misspelt-term", "unknown-title", "unknown-class"])
def test_an_orgchart_with_a_term_or_title_govgraph_cannot_use_fails_with_file_and_line(tmp_path, statement, message):
    (tmp_path / "x.ttl").write_text(f"""@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix gg: <https://w3id.org/govgraph/ns#> .
<http://x/a> a org:Organization ; skos:prefLabel "A" ;
    {statement} .
""")
    with pytest.raises(RuleError, match=message):
        load_orgchart(tmp_path)


def test_a_chart_title_may_be_words_before_a_known_title(tmp_path):
    (tmp_path / "x.ttl").write_text("""@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix gg: <https://w3id.org/govgraph/ns#> .
<http://x/a> a org:Organization ; skos:prefLabel "A" ; gg:headTitle "Trade and Industry Secretary" .
""")
    assert load_orgchart(tmp_path).find("A").head_title == "Trade and Industry Secretary"


def test_a_body_shares_the_country_of_the_body_it_is_part_of():
    chart = load_orgchart()
    justice, commons = chart.find("Department of Justice"), chart.find("House of Commons")
    assert {"United States", "U.S.", "American"} <= chart.jurisdiction_of(justice)
    assert "United Kingdom" in chart.jurisdiction_of(commons) and "United States" not in chart.jurisdiction_of(commons)
    assert chart.find("United States Government").deputy_title == "Vice President"
    # elected with the president, the vice president answers to no one; a deputy prime minister does
    assert chart.find("United States Government").deputy_elected
    assert not chart.find("UK Government").deputy_elected


def test_a_name_that_calls_itself_a_party_is_one_unless_a_branch_of_a_charted_party():
    chart = OrgChart({"d": Body("d", "Democratic Party", ("Democrats",), party=True),
                      "h": Body("h", "Home Office")})
    assert chart.is_party("Democratic Party") and chart.is_party("Green Party") and chart.is_party("Freedom Party")
    assert not chart.is_party("Florida Democratic Party")  # a state's branch of a charted party
    assert chart.party_of("Florida Democratic Party").label == "Democratic Party"  # ... is part of it
    assert chart.party_of("Florida Party") is None and chart.party_of("Home Office") is None
    assert not chart.is_party("Home Office") and not chart.is_party("Party") and not chart.is_party("Greens")
