from govgraph.model import Entity, Mention, PartOf, Post
from govgraph.reason import derive_reports_to
from govgraph.rules import Body, OrgChart

CHART = OrgChart({
    "gov": Body("gov", "National Government", (), None, "President"),
    "dept": Body("dept", "Department of Transport", ("DOT",), "gov", "Secretary", "Deputy Secretary"),
    "agency": Body("agency", "Roads Agency", (), "dept", "Administrator"),
})


def person(label, *posts):
    return Entity("Person", label, set(), [Mention(0, 1, label, 0)], list(posts))


def body(label):
    return Entity("Organization", label, set(), [Mention(0, 1, label, 0)])


def post(title, org):
    return Post(title, org, True, 0, f"{title} of {org}")


def pairs(relations):
    return {(r.subject.label, r.object.label, r.rule) for r in relations}


def test_deputy_reports_to_head_and_head_of_part_to_head_of_whole():
    secretary = person("Ann Lee", post("Secretary", "Department of Transport"))
    deputy = person("Bo Chan", post("Deputy", "Department of Transport"))
    administrator = person("Cy Diaz", post("Administrator", "Roads Agency"))
    president = person("Di Eve", post("President", None))
    entities = (secretary, deputy, administrator, president, body("Department of Transport"), body("Roads Agency"))
    relations = derive_reports_to(entities, (), CHART)
    assert pairs(relations) == {("Bo Chan", "Ann Lee", "derived:deputy-of-head"),
                                ("Cy Diaz", "Ann Lee", "derived:head-of-part"),
                                ("Ann Lee", "Di Eve", "derived:head-of-part")}
    assert all(r.derived and len(r.premises) >= 2 for r in relations)


def test_stated_structure_wins_and_premises_say_so():
    chief = person("Ed Fox", post("Chief", "Harbour Police"))
    head = person("Flo Gee", post("Head", "Port Authority"))
    entities = (chief, head, body("Harbour Police"), body("Port Authority"))
    stated = (PartOf("Harbour Police", "Port Authority", 0, "Port Authority, which includes the Harbour Police"),)
    (relation,) = derive_reports_to(entities, stated, OrgChart())
    assert (relation.subject.label, relation.object.label) == ("Ed Fox", "Flo Gee")
    assert any("(stated" in premise for premise in relation.premises)


def test_a_body_the_story_gives_two_heads_now_leads_no_chain():
    # "President Di Eve ... President Gus Hall": whom the secretary answers to is not said
    secretary = person("Ann Lee", post("Secretary", "Department of Transport"))
    deputy = person("Bo Chan", post("Deputy", "Department of Transport"))
    first, second = person("Di Eve", post("President", "National Government")), person("Gus Hall", post("President", "National Government"))
    entities = (secretary, deputy, first, second, body("Department of Transport"), body("National Government"))
    assert pairs(derive_reports_to(entities, (), CHART)) == {("Bo Chan", "Ann Lee", "derived:deputy-of-head")}
    alone = (secretary, first, body("Department of Transport"), body("National Government"))
    assert pairs(derive_reports_to(alone, (), CHART)) == {("Ann Lee", "Di Eve", "derived:head-of-part")}


def test_no_head_no_relation():
    deputy = person("Bo Chan", post("Deputy", "Department of Transport"))
    assert derive_reports_to((deputy, body("Department of Transport")), (), CHART) == []


def test_dated_events_give_posts_their_tenure():
    from govgraph.model import Entity, Post, Relation
    from govgraph.reason import date_posts

    doe = Entity("Person", "Jane Doe", set(), [], [Post("Transport Secretary", None, True, 0, "")])
    roe = Entity("Person", "John Roe", set(), [], [Post("Chief", "Police Department", True, 0, ""),
                                                    Post("Adviser", None, True, 0, "")])
    poe = Entity("Person", "Ann Poe", set(), [], [Post("Minister", None, True, 0, "")])
    department = Entity("Organization", "Police Department")
    relations = [Relation("resigned", doe, None, 0, "resign", event_date="2024-07-23"),
                 Relation("appointed", poe, roe, 0, "appoint", event_date="2021", title="Chief"),
                 Relation("resigned", roe, department, 0, "resign", event_date="2024-05"),
                 Relation("resigned", poe, None, 0, "resign", modality="hedged", event_date="2024-01-01")]
    date_posts((doe, roe, poe, department), relations)
    assert [(p.title, p.current, p.started, p.ended) for p in doe.posts] == [("Transport Secretary", False, None, "2024-07-23")]
    assert [(p.title, p.current, p.started, p.ended) for p in roe.posts] == [
        ("Chief", False, "2021", "2024-05"), ("Adviser", True, None, None)]
    assert [(p.current, p.ended) for p in poe.posts] == [(True, None)]  # a hedged resignation ends nothing


def test_a_withdrawal_or_an_appointment_to_something_unnamed_dates_no_post():
    from govgraph.model import Entity, Post, Relation
    from govgraph.reason import date_posts

    doe = Entity("Person", "Jane Doe", set(), [], [Post("President", None, True, 0, "")])
    roe = Entity("Person", "John Roe", set(), [], [Post("Senator", "Senate", True, 0, "")])
    relations = [Relation("withdrew", doe, None, 0, "quit the race", event_date="2024-07-21"),
                 Relation("appointed", doe, roe, 0, "named him to a commission", event_date="2024-03")]
    date_posts((doe, roe), relations)
    assert [(p.current, p.started, p.ended) for p in doe.posts + roe.posts] == [(True, None, None), (True, None, None)]


def test_an_elected_deputy_answers_to_no_head_but_a_deputy_named_so_does():
    # a chart whose deputy is elected with the head (a vice president): "Vice President Bo Chan"
    # reports to no one there; "Ann Lee's deputy" (the generic title) still reports to Ann Lee
    chart = OrgChart({"gov": Body("gov", "National Government", (), None, "President", "Vice President",
                                  deputy_elected=True)})
    president = person("Ann Lee", post("President", "National Government"))
    vice = person("Bo Chan", post("Vice President", "National Government"))
    deputy = person("Cy Diaz", post("Deputy", "National Government"))
    relations = derive_reports_to((president, vice, deputy, body("National Government")), (), chart)
    assert pairs(relations) == {("Cy Diaz", "Ann Lee", "derived:deputy-of-head")}
    appointed = OrgChart({"gov": Body("gov", "National Government", (), None, "President", "Vice President")})
    assert pairs(derive_reports_to((president, vice, body("National Government")), (), appointed)) == {
        ("Bo Chan", "Ann Lee", "derived:deputy-of-head")}
