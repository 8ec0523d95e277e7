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


def test_jsonl_is_read_one_record_at_a_time(tmp_path):
    """A JSON Lines archive is streamed: memory holds one record (10 kB), not the file (4 MB)."""
    import tracemalloc

    body = "The minister of transport resigned on Monday after weeks of pressure. " * 140
    with (tmp_path / "archive.jsonl").open("w", encoding="utf-8") as stream:
        for number in range(400):
            stream.write(json.dumps({"text": f"Story {number}\n\n{body}"}) + "\n")
    assert (tmp_path / "archive.jsonl").stat().st_size > 3_900_000
    tracemalloc.start()
    count = sum(1 for item in load_articles([tmp_path / "archive.jsonl"]) if isinstance(item, Article))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 400
    assert peak < 400_000, f"peak {peak:,} bytes"


def test_output_folder_inside_the_input_is_not_read(tmp_path):
    (tmp_path / "story.txt").write_text("Minister quits\n\nThe minister quit today.\n", encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "graph.html").write_text("<html><body><p>Not a story.</p></body></html>")
    (tmp_path / "out" / "notes.txt").write_text("Also govgraph's folder\n\nnot a story\n")
    assert [a.source for a in load(tmp_path, skip=[tmp_path / "out"])] == [str(tmp_path / "story.txt")]


def test_links_out_of_the_folder_are_read_only_when_asked(tmp_path):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text("Outside story\n\nThe minister quit today.\n", encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "link.txt").symlink_to(outside)
    (refused,) = load(tmp_path / "in")
    assert not isinstance(refused, Article) and "outside the input folder" in str(refused)
    (article,) = load(tmp_path / "in", follow_links=True)
    assert article.title == "Outside story"


def test_undecodable_file_names_are_shown_escaped(tmp_path):
    import os

    path = tmp_path / os.fsdecode(b"caf\xe9.txt")
    path.write_text("Minister quits\n\nThe minister quit today.\n", encoding="utf-8")
    (article,) = load(tmp_path)
    assert article.source == f"{tmp_path}/caf\\xe9.txt"
    article.source.encode("utf-8")  # what the graph and the terminal are given


@pytest.mark.parametrize("body", ["The minister quit on Monday.", "Minister quits over row\n\nThe minister quit on Monday."],
                         ids=["headline-not-in-body", "body-starts-with-headline"])
def test_the_headline_starts_the_text_once(tmp_path, body):
    (tmp_path / "one.json").write_text(json.dumps({"title": "Minister quits over row", "text": body}))
    (tmp_path / "one.jsonl").write_text(json.dumps({"title": "Minister quits over row", "text": body}) + "\n")
    page = f"<html><head><title>Minister quits over row</title></head><body><article><h1>Minister quits over row</h1>" \
           f"<p>{body.splitlines()[-1]} {'The prime minister thanked her for her service in the post. ' * 3}</p>" \
           f"</article></body></html>"
    (tmp_path / "one.html").write_text(page)
    for article in load(tmp_path / "one.json", tmp_path / "one.jsonl", tmp_path / "one.html"):
        assert article.text.startswith("Minister quits over row\n")
        assert article.text.count("Minister quits over row") == 1, article.text


def test_json_record_errors_name_the_record(tmp_path):
    (tmp_path / "r.json").write_text(json.dumps([1, {"text": "Body.", "published": "not a date"}]))
    errors = [str(item) for item in load(tmp_path / "r.json")]
    assert errors == [f"{tmp_path / 'r.json'}[1]: expected a JSON object with a \"text\" field, got int",
                      f"{tmp_path / 'r.json'}[2]: \"published\": not a date (expected YYYY-MM-DD): 'not a date'"]


def test_a_json_record_needs_a_text_that_is_not_blank(tmp_path):
    (tmp_path / "r.jsonl").write_text("\n".join(json.dumps(r) for r in ({"title": "x"}, {"text": "  \n"}, {"text": 5})))
    need = 'record has no "text" field (a non-empty string is required)'
    assert [str(item) for item in load(tmp_path / "r.jsonl")] == [f"{tmp_path / 'r.jsonl'}:{n}: {need}" for n in (1, 2, 3)]


def test_a_json_records_date_beats_its_dateline_and_the_fallback(tmp_path):
    dateline = "Minister quits\n\nWASHINGTON, July 20, 2024 (Reuters) - The minister quit."
    (tmp_path / "r.json").write_text(json.dumps([{"text": dateline, "published": "2024-07-23"},
                                                 {"text": dateline}, {"text": "The minister quit."}]))
    dated, by_dateline, undated = load(tmp_path / "r.json", published=date(2024, 8, 1))
    assert (dated.source, dated.published, dated.date_source) == (
        f"{tmp_path / 'r.json'}[1]", date(2024, 7, 23), "record's published")
    assert (by_dateline.published, by_dateline.date_source) == (date(2024, 7, 20), "dateline")
    assert (undated.published, undated.date_source) == (date(2024, 8, 1), "--published")


def test_json_record_fields_of_the_wrong_kind_are_left_out(tmp_path):
    (tmp_path / "r.jsonl").write_text(json.dumps({"text": "Minister quits\n\nThe minister quit.", "title": 5}) + "\n"
                                      + json.dumps({"text": "Another story\n\nThe chief quit.", "title": "  "}) + "\n")
    first, second = load(tmp_path / "r.jsonl")
    assert (first.title, first.url, first.record_id) == (None, None, None)
    assert second.title is None and second.text.startswith("Another story")


def test_a_body_that_starts_with_its_headline_after_blank_lines_is_not_given_it_twice(tmp_path):
    (tmp_path / "r.json").write_text(json.dumps({"title": "Minister quits", "text": "\n  Minister quits\n\nThe minister quit."}))
    (article,) = load(tmp_path / "r.json")
    assert article.text.count("Minister quits") == 1


CNN_STYLE = "# Minister quits over row\n\nPublished :`2024-07-16 20:59:18`\n\n---\n\nThe minister quit on Tuesday.\n\n### What comes next\n\nAn election.\n"


@pytest.mark.parametrize("name, text, title, published", [
    ("cnn.txt", CNN_STYLE, "Minister quits over row", date(2024, 7, 16)),
    ("story.md", "# Chief resigns\n\nUpdated: July 23, 2024\n\nThe chief resigned.\n", "Chief resigns", date(2024, 7, 23)),
    ("front.md", "---\ntitle: Mayor sacked\ndate: 2023-02-01\n---\nThe mayor was sacked.\n", "Mayor sacked", date(2023, 2, 1)),
    ("nodate.markdown", "# Aide steps down\n\nThe aide stepped down.\n", "Aide steps down", None),
], ids=["cnn-published-line", "updated-in-words", "yaml-front-matter", "heading-without-date"])
def test_markdown_news_files(tmp_path, name, text, title, published):
    (tmp_path / name).write_text(text, encoding="utf-8")
    (article,) = load(tmp_path / name)
    assert (article.title, article.published, article.source) == (title, published, str(tmp_path / name))
    # the story's own date first; --published only where it gives none
    (article,) = load(tmp_path / name, published=date(2020, 5, 5))
    assert article.published == (published or date(2020, 5, 5))
    assert article.text.startswith(f"{title}\n\n") and "#" not in article.text and "Published" not in article.text
    assert "---" not in article.text


def test_markdown_subheadings_keep_their_words(tmp_path):
    (tmp_path / "cnn.txt").write_text(CNN_STYLE, encoding="utf-8")
    (article,) = load(tmp_path / "cnn.txt")
    assert "\nWhat comes next\n" in article.text


def test_a_folder_readme_or_a_document_with_tables_is_skipped_not_failed(tmp_path):
    from govgraph.load import InputSkipped

    (tmp_path / "SOURCE.md").write_text("# Source\n\n| file | sha |\n|---|---|\n| a.txt | 1 |\n", encoding="utf-8")
    (tmp_path / "table.md").write_text("# Figures\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", encoding="utf-8")
    (tmp_path / "story.md").write_text("# Chief resigns\n\nThe chief resigned.\n", encoding="utf-8")
    items = load(tmp_path)
    skipped = [str(i).removeprefix(f"{tmp_path}/") for i in items if isinstance(i, InputSkipped)]
    assert skipped == ["SOURCE.md: a SOURCE file documents the folder; it is not a news story",
                       "table.md: a Markdown document with tables or code, not a news story"]
    assert [a.title for a in items if isinstance(a, Article)] == ["Chief resigns"]


@pytest.mark.parametrize("name, text, published, expected, source", [
    ("wire.txt", "Minister quits\n\nWASHINGTON, July 23, 2024 (Reuters) - The minister quit.\n", None,
     date(2024, 7, 23), "dateline"),
    ("nodate.txt", "Minister quits\n\nWASHINGTON, July 23 (Reuters) - The minister quit.\n", date(2024, 7, 25),
     date(2024, 7, 25), "--published"),
    ("both.md", "# Minister quits\n\nPublished :`2024-07-16 20:59:18`\n\nLONDON, July 15, 2024 - The minister quit.\n",
     None, date(2024, 7, 16), "Markdown date line"),
    ("plain.txt", "Minister quits\n\nThe minister quit.\n", None, None, None),
], ids=["dateline", "dateline-without-year-is-no-date", "time-of-day-wins-over-a-dateline", "undated"])
def test_the_publication_date_and_where_it_came_from(tmp_path, name, text, published, expected, source):
    (tmp_path / name).write_text(text, encoding="utf-8")
    (article,) = load(tmp_path / name, published=published)
    assert (article.published, article.date_source) == (expected, source)


def test_a_story_too_long_or_empty_after_cleaning_names_its_file(tmp_path):
    from govgraph.load import MAX_ARTICLE_CHARS

    (tmp_path / "long.txt").write_text("Headline\n\n" + "word " * (MAX_ARTICLE_CHARS // 5 + 1))
    (tmp_path / "blank.txt").write_text("\u200b\u200b \ufeff\n")  # only invisible characters
    long_error, blank_error = (str(item) for item in load(tmp_path / "long.txt", tmp_path / "blank.txt"))
    assert long_error.startswith(f"{tmp_path / 'long.txt'}: too long for one article: 1,000,0")
    assert long_error.endswith(f"(the limit is {MAX_ARTICLE_CHARS:,}); split it into separate stories")
    assert blank_error == f"{tmp_path / 'blank.txt'}: empty: no text left after cleaning"


def test_a_stated_date_beats_a_dateline_of_the_same_precision(tmp_path):
    (tmp_path / "story.md").write_text("# Chief resigns\n\nUpdated: July 23, 2024\n\n"
                                       "WASHINGTON, July 20, 2024 (Reuters) - The chief resigned.\n", encoding="utf-8")
    (article,) = load(tmp_path / "story.md")
    assert article.published == date(2024, 7, 23)
