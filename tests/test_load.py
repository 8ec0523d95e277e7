import io
import json
from datetime import date

import pytest

from conftest import SEED
from govgraph.load import load_articles, parse_date
from govgraph.model import Article


def load(*paths, **kwargs):
    return list(load_articles([str(p) for p in paths], **kwargs))


def test_txt_first_line_is_title(tmp_path):
    (tmp_path / "a.txt").write_text("Minister quits\n\nThe minister quit today.\n", encoding="utf-8")
    (article,) = load(tmp_path / "a.txt")
    assert article.title == "Minister quits"
    assert article.text == "Minister quits\n\nThe minister quit today."
    assert article.source == str(tmp_path / "a.txt")
    assert article.published is None


def test_seed_loads_with_title():
    (article,) = load(SEED)
    assert article.title.startswith("Top border official")
    assert len(article.id) == 16


def test_published_default_applies_only_without_date(tmp_path):
    (tmp_path / "a.txt").write_text("T\nbody", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": "x y", "published": "2020-01-02"}) + "\n")
    articles = load(tmp_path, published=date(2022, 11, 12))
    assert [a.published for a in articles] == [date(2022, 11, 12), date(2020, 1, 2)]


def test_html_uses_trafilatura_text_and_metadata(tmp_path):
    page = """<html><head><title>Minister resigns | News</title>
    <meta property="og:title" content="Minister resigns over row">
    <meta property="article:published_time" content="2021-03-04T10:00:00Z"></head>
    <body><nav>Home | World | Politics</nav><script>var tracking = 1;</script>
    <article><h1>Minister resigns over row</h1>
    <p>The transport minister resigned on Tuesday after weeks of pressure from colleagues in the party.</p>
    <p>The prime minister said he accepted the resignation with regret and thanked her for her service.</p>
    </article><footer>Copyright</footer></body></html>"""
    (tmp_path / "story.html").write_text(page, encoding="utf-8")
    (article,) = load(tmp_path / "story.html")
    assert article.title == "Minister resigns over row"
    assert article.published == date(2021, 3, 4)
    assert "transport minister resigned" in article.text
    assert article.text.startswith("Minister resigns over row")
    assert "tracking" not in article.text and "Home | World" not in article.text


def test_json_object_and_list(tmp_path):
    record = {"text": "Body text.", "title": "Head", "published": "2019-05-06T08:00:00",
              "url": "https://example.org/a", "id": "a1"}
    (tmp_path / "one.json").write_text(json.dumps(record))
    (tmp_path / "many.json").write_text(json.dumps([record, {"text": "Other."}]))
    many = load(tmp_path / "many.json")
    (one,) = load(tmp_path / "one.json")
    assert one.title == "Head" and one.text == "Head\n\nBody text."
    assert one.published == date(2019, 5, 6) and one.url == "https://example.org/a" and one.record_id == "a1"
    assert [a.text for a in many] == ["Head\n\nBody text.", "Other."]


def test_folders_are_read_recursively_in_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text("Two\nsecond")
    (tmp_path / "1.txt").write_text("One\nfirst")
    (tmp_path / "notes.csv").write_text("ignored")
    (tmp_path / ".hidden.txt").write_text("ignored")
    assert [a.title for a in load(tmp_path)] == ["One", "Two"]


def test_stdin_is_one_text_story():
    (article,) = list(load_articles(["-"], stdin=io.BytesIO("Headline\nStory body.".encode())))
    assert article.source == "<stdin>" and article.title == "Headline"


def test_missing_path_is_an_error_and_others_continue(tmp_path):
    (tmp_path / "ok.txt").write_text("Fine\nstory")
    items = load(tmp_path / "missing.txt", tmp_path / "ok.txt")
    assert str(items[0]).endswith("missing.txt: no such file or directory")
    assert isinstance(items[1], Article)


def test_parse_date():
    assert parse_date("2022-11-12") == date(2022, 11, 12)
    assert parse_date("2022-11-12T23:00:00Z") == date(2022, 11, 12)
    assert parse_date(None) is None
    with pytest.raises(ValueError):
        parse_date("last Tuesday")
