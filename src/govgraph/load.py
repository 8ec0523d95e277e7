"""Read inputs (files, folders, JSON/JSONL records, HTML pages, stdin) into cleaned Articles.

Every input that cannot be read becomes an ``InputError`` naming it and the reason, yielded in
place of an Article, so one bad file never stops the others.
"""

from __future__ import annotations

import errno
import io
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

from .clean import clean_text
from .model import Article, InputError

__all__ = ["load_articles", "decode_bytes", "parse_date", "source_name", "InputSkipped", "SUPPORTED_SUFFIXES", "MAX_ARTICLE_CHARS",
           "MAX_PAGE_CHARS", "MAX_JSON_BYTES", "MAX_JSONL_LINE_BYTES"]

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

# spaCy parses at most nlp.max_length (1,000,000) characters at once, and at that length the
# small English pipeline already takes minutes and about 3 GB: a longer "article" is an archive
# to split into stories, and saying so beats failing the whole build in the parser.
MAX_ARTICLE_CHARS = 1_000_000
# Markup, scripts and styles can make a page several times longer than its article.
MAX_PAGE_CHARS = 5 * MAX_ARTICLE_CHARS
# No encoding takes more than 4 bytes a character, so a longer file cannot hold a short enough text.
_BYTES_PER_CHAR = 4
# A JSON file is parsed whole: past this size, JSON Lines (read one record at a time) is the form
# for an archive. A JSON Lines record may spell each character as a 6-byte \uXXXX escape, plus
# its metadata.
MAX_JSON_BYTES = 64_000_000
MAX_JSONL_LINE_BYTES = 6 * MAX_ARTICLE_CHARS + 65_536

# Leading bytes of formats that are often misnamed as text in news archives.
_BINARY_SIGNATURES = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"%PDF-": "PDF document",
    b"\x1f\x8b": "gzip archive",
    b"PK\x03\x04": "ZIP archive (or DOCX/XLSX)",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
    b"BZh": "bzip2 archive",
    b"\x7fELF": "executable",
    b"\xd0\xcf\x11\xe0": "Microsoft Office document",
}

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


# A valid multi-byte UTF-8 sequence (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_HIGH_BYTES = bytes(range(0x80, 0x100))


class InputSkipped(InputError):
    """An input that is no news story (a folder's README or SOURCE file): skipped with one line
    saying why, not counted as a failure."""


class _InvalidUtf8(InputError):
    """UTF-8 text with damaged bytes: a JSONL file can still give its undamaged lines."""


def _mostly_utf8(data: bytes) -> bool:
    # In UTF-8 text with a few damaged bytes, most non-ASCII bytes still form valid sequences; in a
    # Windows-1252 or Latin-1 text, accented letters are single bytes between ASCII ones.
    high = len(data) - len(data.translate(None, _HIGH_BYTES))
    in_sequences = sum(len(match) for match in _UTF8_SEQUENCE.findall(data))
    return in_sequences * 2 > high


def _invalid_utf8(data: bytes, error: UnicodeDecodeError, source: str) -> InputError:
    line = data.count(b"\n", 0, error.start) + 1
    column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
    return _InvalidUtf8(source, f"invalid UTF-8 at line {line}, column {column} "
                                f"(byte 0x{data[error.start]:02x}) in otherwise UTF-8 text")


def _decode_legacy(data: bytes, source: str) -> str:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise InputError(source, "not text: the bytes match no known text encoding")
    # A short text fits several single-byte code pages equally well (the detector may pick Baltic
    # cp775 for "café"); news in English and other Western languages was mostly written in
    # Windows-1252 (a superset of Latin-1's letters), so among equally good readings it wins.
    western = next((m for m in matches if m.encoding == "cp1252" and m.chaos <= best.chaos), None)
    return _mostly_printable(str(western or best), source)


def _bomless_utf16(data: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for UTF-16 text without a byte order mark, else None.

    Text in a Latin script has a zero high byte in nearly every UTF-16 code unit, so one of the two
    byte positions is mostly NUL and the other almost never; a binary file has NULs in both.
    """
    sample = data[:65_536]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even_zero, odd_zero = sample[0::2].count(0), sample[1::2].count(0)
    units = len(sample) // 2
    if odd_zero > 0.4 * units and even_zero < 0.02 * units:
        return "utf-16-le"
    if even_zero > 0.4 * units and odd_zero < 0.02 * units:
        return "utf-16-be"
    return None


def _mostly_printable(text: str, source: str) -> str:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > len(text) // 100:
        raise InputError(source, "binary file (control characters), not text")
    return text


def decode_bytes(data: bytes, source: str) -> str:
    """Decode the bytes of a text input, or raise ``InputError`` saying why they are not text.

    UTF-8 and byte-order-marked UTF-16/32 are read directly, UTF-16 without a mark is recognised by
    its zero bytes; UTF-8 with damaged bytes is an error
    naming the first one; anything else is detected with charset-normalizer (Windows-1252,
    Latin-1, ...), never silently replaced.
    """
    if not data.strip():
        raise InputError(source, "empty file")
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(source, f"binary file ({kind}), not text")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as error:
                raise InputError(source, f"invalid {encoding} text at byte {error.start}") from None
    if b"\x00" in data:
        encoding = _bomless_utf16(data)
        if encoding is None:
            raise InputError(source, "binary file (contains NUL bytes), not text")
        try:
            return _mostly_printable(data.decode(encoding), source)
        except UnicodeDecodeError as error:
            order = "little-endian" if encoding.endswith("le") else "big-endian"
            raise InputError(source, f"invalid UTF-16 text without a byte order mark ({order}) at byte {error.start}") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        if _mostly_utf8(data):
            raise _invalid_utf8(data, error, source) from None
    return _decode_legacy(data, source)


def parse_date(value: object) -> date | None:
    """Read a publication date from ``YYYY-MM-DD`` or an ISO timestamp; None when absent."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ValueError(f"not a date (expected YYYY-MM-DD): {text!r}") from None


def _with_headline(title: str | None, body: str) -> str:
    # Every Article's text starts with its headline, as a .txt file's first line does, so that
    # headlines are read too and offsets mean the same for every input format.
    if title and not body.lstrip().startswith(title.strip()):
        return f"{title.strip()}\n\n{body}"
    return body


def _check_length(text: str, source: str) -> None:
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(source, f"too long for one article: {len(text):,} characters (the limit is "
                                 f"{MAX_ARTICLE_CHARS:,}); split it into separate stories")


# Characters an IRI may not hold (RFC 3987); in Turtle, ">" would end the IRI and start new triples.
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`\x7f]')


def _safe_url(url: str | None) -> str | None:
    # A URL comes from the input, as the text does: percent-encode what cannot be in an IRI, as a
    # browser would, so it stays one URL in the graph (and one bad record cannot stop the build).
    url = (url or "").strip()
    return _NOT_IN_IRI.sub(lambda match: quote(match.group(), safe=""), url) or None


# "WASHINGTON, July 23, 2024 (Reuters) -": a dateline opening a story's first paragraph
_DATELINE = re.compile(r"^[A-Z][A-Za-z.'\- ]{1,40}(?:, [A-Z][A-Za-z. ]{1,30})?,?\s+(?:\([A-Za-z ]+\)\s*)?"
                       r"((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4})"
                       r"\s*(?:\([A-Za-z ]+\)\s*)?[-\u2013\u2014]")


def _dateline(text: str) -> date | None:
    """The date of a dateline at the start of the story's first paragraph (one with its year: a
    "July 23" alone would be a guess)."""
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    for paragraph in paragraphs[1:3]:  # after the headline
        match = _DATELINE.match(paragraph)
        if match:
            return _date_in_words(match.group(1))
    return None


def _choose_date(stated: list[tuple[date | None, int, str]], fallback: date | None) -> tuple[date | None, str | None]:
    """The publication date and where it came from: of the dates the source states (value,
    precision: 4 with a time of day, 3 a day; where), the most precise, the first among equals;
    else the --published fallback."""
    found = [(value, precision, where) for value, precision, where in stated if value is not None]
    if found:
        value, _, where = max(found, key=lambda item: item[1])  # max keeps the first of equals
        return value, where
    return fallback, "--published" if fallback else None


def _precision(value: object) -> int:
    return 4 if isinstance(value, str) and re.search(r"\d:\d\d", value) else 3


def _make_article(raw_text: str, source: str, title: str | None, published: date | None,
                  url: str | None = None, record_id: str | None = None,
                  stated: tuple[tuple[date | None, int, str], ...] = ()) -> Article:
    """An Article from raw text (cleaned here); ``stated`` are the dates its source gives, the
    story's own dateline is one more, and ``published`` is the fallback."""
    _check_length(raw_text, source)
    text = clean_text(raw_text)
    if not text:
        raise InputError(source, "empty: no text left after cleaning")
    _check_length(text, source)
    if title is not None:
        title = clean_text(title) or None
    when, where = _choose_date([*stated, (_dateline(text), 3, "dateline")], published)
    return Article(text=text, source=source, title=title, published=when, url=_safe_url(url),
                   record_id=record_id, date_source=where)


# Markdown news files: "# headline", a date line ("Published :`2024-07-16 20:59:18`", "Updated:
# July 23, 2024"), a rule ("---"), then the story; or YAML front matter with title and date.
_HEADING = re.compile(r"^\s*#{1,6}\s+(.+?)\s*#*\s*$")
_DATE_LINE = re.compile(r"^\s*(?:\*\*)?(published|updated|posted|date)(?:\*\*)?\s*(?:on|at)?\s*:?\s*[`\"']?(.+?)[`\"']?\s*$",
                        re.IGNORECASE)
_RULE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)
# Markdown files that document a folder rather than tell a story
_NOT_STORIES = {"readme", "source", "sources", "license", "licence", "changelog", "contributing", "index", "notes"}


def _markdown_story(text: str, source: str) -> tuple[str, str, date | None, str, int] | None:
    """(headline, text to build, publication date, where it came from, its precision) of a
    Markdown-shaped story, or None when the
    text is not Markdown-shaped; InputSkipped when it is a Markdown document but no story."""
    front = _FRONT_MATTER.match(text)
    if front:
        import yaml

        try:
            meta = yaml.safe_load(front.group(1))
        except yaml.YAMLError:
            meta = None
        if isinstance(meta, dict):
            body = text[front.end():]
            heading = next((m for m in map(_HEADING.match, body.splitlines()) if m), None)
            title = str(meta.get("title") or (heading.group(1) if heading else "")).strip() or None
            when = next((meta[k] for k in ("published", "date", "datePublished", "updated") if meta.get(k)), None)
            if heading:
                body = body.replace(heading.group(0), "", 1)
            return title, _with_headline(title, body.strip()), _date_in_words(when), "front matter", _precision(when)
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    heading = _HEADING.match(lines[first]) if first is not None else None
    if heading is None:
        return None
    if sum(1 for line in lines if line.lstrip().startswith(("|", "```"))) >= 2:
        raise InputSkipped(source, "a Markdown document with tables or code, not a news story")
    title, published, rest, precision = heading.group(1).strip(), None, lines[first + 1:], 3
    # the date line and a rule come before the story's first paragraph
    kept = []
    for number, line in enumerate(rest):
        date_line = _DATE_LINE.match(line) if published is None and not any(k.strip() for k in kept) else None
        if date_line and (when := _date_in_words(date_line.group(2))):
            published, precision = when, _precision(date_line.group(2))
            continue
        if _RULE.match(line) and not any(k.strip() for k in kept):
            continue
        subheading = _HEADING.match(line)
        kept.append(subheading.group(1) if subheading else line)  # "### An intraparty fight": its words
    return title, f"{title}\n\n" + "\n".join(kept).strip(), published, "Markdown date line", precision


def _date_in_words(value: object) -> date | None:
    """A publication date written as ISO ("2024-07-16 20:59:18") or in words ("July 23, 2024",
    "Tue July 23, 2024"); None when there is none (a bare "Tuesday" names no date)."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return parse_date(value)
    except ValueError:
        pass
    text = str(value)
    if not re.search(r"\b(1[89]|20)\d\d\b", text):
        return None  # a date without a year is a guess
    import dateparser

    found = dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": False, "REQUIRE_PARTS": ["year"]})
    return found.date() if found else None


def _article_from_text(text: str, source: str, published: date | None) -> Article:
    story = _markdown_story(text, source)
    if story is not None:
        title, body, when, where, precision = story
        return _make_article(body, source, title, published, stated=((when, precision, where),))
    # The first non-blank line of a plain-text story is its headline.
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return _make_article(text, source, title, published)


def _article_from_html(text: str, source: str, published: date | None) -> Article:
    import trafilatura

    if len(text) > MAX_PAGE_CHARS:
        raise InputError(source, f"HTML page too long: {len(text):,} characters (the limit is "
                                 f"{MAX_PAGE_CHARS:,})")

    # favor_precision: without it a page of navigation links alone comes back as its "article".
    extracted = trafilatura.extract(text, output_format="json", with_metadata=True, favor_precision=True,
                                    include_comments=False, include_tables=False)
    record = json.loads(extracted) if extracted else {}
    body = (record.get("text") or "").strip()
    if not body:
        raise InputError(source, "no article text found in the HTML page")
    title = record.get("title") or None
    try:
        page_date = parse_date(record.get("date"))
    except ValueError:
        page_date = None
    return _make_article(_with_headline(title, body), source, title, published,
                         url=record.get("source") or record.get("url") or None,
                         stated=((page_date, _precision(record.get("date")), "page metadata"),))


def _article_from_record(record: object, source: str, published: date | None) -> Article:
    if not isinstance(record, dict):
        raise InputError(source, f"expected a JSON object with a \"text\" field, got {type(record).__name__}")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(source, 'record has no "text" field (a non-empty string is required)')
    title = record.get("title")
    title = title if isinstance(title, str) and title.strip() else None
    try:
        record_date = parse_date(record.get("published"))
    except ValueError as error:
        raise InputError(source, f'"published": {error}') from None
    record_id = record.get("id")
    url = record.get("url")
    return _make_article(_with_headline(title, body), source, title, published,
                         url=str(url) if url else None,
                         record_id=str(record_id) if record_id is not None else None,
                         # the record's own date beats the story's dateline, whatever its precision
                         stated=((record_date, 4, "record's published"),))


def _articles_from_json(text: str, source: str, published: date | None) -> Iterator[Article | InputError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        yield InputError(source, f"invalid JSON at line {error.lineno} column {error.colno}: {error.msg}")
        return
    records = data if isinstance(data, list) else [data]
    for number, record in enumerate(records, start=1):
        where = f"{source}[{number}]" if isinstance(data, list) else source
        try:
            yield _article_from_record(record, where, published)
        except InputError as error:
            yield error


def _article_from_line(line: str, where: str, published: date | None) -> Article:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(where, f"invalid JSON: {error.msg} (column {error.colno})") from None
    return _article_from_record(record, where, published)


def _articles_from_jsonl(text: str, source: str, published: date | None) -> Iterator[Article | InputError]:
    # Records end at "\n" only: str.splitlines would also split at U+2028 and other separators
    # that a JSON string may hold as they are.
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield _article_from_line(line, f"{source}:{number}", published)
        except InputError as error:
            yield error


def _jsonl_lines(stream, limit: int) -> Iterator[bytes | None]:
    """The lines of a JSON Lines stream, one at a time (None for a line longer than ``limit``
    bytes, which is skipped without being held in memory)."""
    while line := stream.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := stream.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line.rstrip(b"\n")


def _articles_from_jsonl_stream(stream, source: str, published: date | None) -> Iterator[Article | InputError]:
    # JSON Lines is UTF-8, read record by record: a damaged byte or an oversized record spoils its
    # own line, not the others, and memory holds one record however long the file.
    seen_text = False
    for number, raw in enumerate(_jsonl_lines(stream, MAX_JSONL_LINE_BYTES), start=1):
        where = f"{source}:{number}"
        if raw is None:
            seen_text = True
            yield InputError(where, _too_long(f"more than {MAX_JSONL_LINE_BYTES:,}", _BYTES_PER_CHAR * MAX_ARTICLE_CHARS))
            continue
        if number == 1:
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            seen_text = True
            yield InputError(where, f"invalid UTF-8 at column {error.start + 1} (byte 0x{raw[error.start]:02x})")
            continue
        if not line.strip():
            continue
        seen_text = True
        try:
            yield _article_from_line(line, where, published)
        except InputError as error:
            yield error
    if not seen_text:
        yield InputError(source, "empty file")


def _articles_from_bytes(data: bytes, source: str, suffix: str,
                         published: date | None) -> Iterator[Article | InputError]:
    try:
        try:
            text = decode_bytes(data, source)
        except _InvalidUtf8:
            if suffix not in JSONL_SUFFIXES:
                raise
            yield from _articles_from_jsonl_stream(io.BytesIO(data), source, published)
            return
        if suffix in JSONL_SUFFIXES:
            yield from _articles_from_jsonl(text, source, published)
        elif suffix in JSON_SUFFIXES:
            yield from _articles_from_json(text, source, published)
        elif suffix in HTML_SUFFIXES:
            yield _article_from_html(text, source, published)
        else:
            yield _article_from_text(text, source, published)
    except InputError as error:
        yield error


def source_name(path: str | Path) -> str:
    """How an input is named in messages and in the graph: its path as given, with bytes that are
    not UTF-8 (file names are bytes on Linux) shown as \\xNN escapes rather than lost or failing."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _files_under(folder: Path, skip: tuple[str, ...] = (), follow_links: bool = False) -> Iterator[Path | InputError]:
    """The story files under ``folder``, sorted so that builds are reproducible.

    Hidden files and folders are left out, and so are the ``skip`` folders (a build's own output
    folder inside its input). Symlinked folders are not followed (no loops); a symlinked file that
    leads out of ``folder`` is reported instead of read unless ``follow_links``.
    """
    top = os.path.realpath(folder)
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                         and not any(_inside(os.path.realpath(os.path.join(root, d)), s) for s in skip))
        for name in sorted(files):
            path = Path(root) / name
            if name.startswith(".") or path.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if not follow_links and path.is_symlink() and not _inside(os.path.realpath(path), top):
                yield InputError(source_name(path), "symbolic link to a file outside the input folder, not followed "
                                                    "(--follow-links reads it)")
                continue
            yield path


def _os_reason(path: Path, error: OSError) -> str:
    """Why ``path`` cannot be read, in the words a user would look for."""
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT and path.is_symlink():
        return "broken symbolic link"
    if isinstance(error, PermissionError):
        return "permission denied"
    reason = error.strerror or str(error)
    return reason[:1].lower() + reason[1:]


def _not_regular(mode: int) -> str | None:
    """What a path that is not a regular file is (a pipe, a socket, a device), or None."""
    for is_kind, kind in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"),
                          (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device")):
        if is_kind(mode):
            return kind
    return None


def _byte_limit(suffix: str) -> int | None:
    """How many bytes an input file may have: one article's worth, a JSON file's parse limit, or
    no limit for JSON Lines (read record by record)."""
    if suffix in JSONL_SUFFIXES:
        return None
    if suffix in JSON_SUFFIXES:
        return MAX_JSON_BYTES
    return _BYTES_PER_CHAR * (MAX_PAGE_CHARS if suffix in HTML_SUFFIXES else MAX_ARTICLE_CHARS)


def _too_large(suffix: str, size: str) -> str:
    """Why a file of ``size`` bytes (over its limit) is not read."""
    if suffix in JSON_SUFFIXES:
        return (f"JSON file too large to read at once: {size} bytes (the limit is {MAX_JSON_BYTES:,}); "
                "write it as JSON Lines (.jsonl, one record a line), which is read record by record")
    return _too_long(size, _byte_limit(suffix))


def _too_long(size: str, limit: int) -> str:
    return (f"too long for one article: {size} bytes (the limit is {limit // _BYTES_PER_CHAR:,} "
            "characters); split it into separate stories")


def _read_limited(stream, limit: int | None, source: str, suffix: str = ".txt") -> bytes:
    data = stream.read() if limit is None else stream.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise InputError(source, _too_large(suffix, f"more than {limit:,}"))
    return data


def _open(path: Path, source: str, in_folder: bool):
    """``path`` opened for reading, after the checks that need no read: not a pipe or device found
    in a folder, not over its size limit."""
    info = path.stat()
    kind = _not_regular(info.st_mode)
    # A pipe or device found in a folder would block or never end; one named on the command
    # line (such as a process substitution, <(...)) is read as the user asked.
    if kind and in_folder:
        raise InputError(source, f"not a regular file ({kind})")
    limit = _byte_limit(path.suffix.lower())
    if limit is not None and not kind and info.st_size > limit:
        raise InputError(source, _too_large(path.suffix.lower(), f"{info.st_size:,}"))
    return path.open("rb", buffering=1 << 16)


def _read_bytes(path: Path, source: str, in_folder: bool) -> bytes:
    """The bytes of ``path``, or InputError; a file is read no further than its limit."""
    try:
        with _open(path, source, in_folder) as stream:
            suffix = path.suffix.lower()
            return _read_limited(stream, _byte_limit(suffix), source, suffix)
    except OSError as error:
        raise InputError(source, _os_reason(path, error)) from None


def _read_jsonl(path: Path, source: str, published: date | None,
                in_folder: bool) -> Iterator[Article | InputError]:
    """A JSON Lines file, streamed record by record (UTF-8, as JSON Lines is); a file that starts
    like a binary format or UTF-16/32 is decoded whole instead, within the JSON size limit."""
    try:
        with _open(path, source, in_folder) as stream:
            head = stream.peek(65_536)[:65_536]
            if (any(head.startswith(s) for s in _BINARY_SIGNATURES) or b"\x00" in head
                    or any(head.startswith(bom) for bom, encoding in _BOMS if encoding != "utf-8-sig")):
                data = _read_limited(stream, MAX_JSON_BYTES, source, ".json")
                yield from _articles_from_bytes(data, source, ".jsonl", published)
                return
            yield from _articles_from_jsonl_stream(stream, source, published)
    except InputError as error:
        yield error
    except OSError as error:
        yield InputError(source, _os_reason(path, error))


def _read_file(path: Path, published: date | None, in_folder: bool = False) -> Iterator[Article | InputError]:
    source = source_name(path)
    if path.suffix.lower() in MARKDOWN_SUFFIXES and path.stem.lower() in _NOT_STORIES:
        yield InputSkipped(source, f"a {path.stem} file documents the folder; it is not a news story")
        return
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(path, source, published, in_folder)
        return
    try:
        data = _read_bytes(path, source, in_folder)
    except InputError as error:
        yield error
        return
    yield from _articles_from_bytes(data, source, path.suffix.lower(), published)


def load_articles(paths: Iterable[str | Path], published: date | None = None, stdin: object = None,
                  skip: Iterable[str | Path] = (), follow_links: bool = False) -> Iterator[Article | InputError]:
    """Yield an Article for each story found under ``paths``, or an InputError for each failure.

    ``-`` reads one plain-text story from standard input. ``published`` is the date given to
    stories whose source states none. Folders in ``skip`` (a build's output) are never read from;
    links inside a folder that lead out of it are reported, not read, unless ``follow_links``.
    """
    skipped = tuple(os.path.realpath(folder) for folder in skip)
    for given in paths:
        if str(given) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            try:
                data = _read_limited(stream, _byte_limit(".txt"), "<stdin>")
            except InputError as error:
                yield error
                continue
            yield from _articles_from_bytes(data, "<stdin>", ".txt", published)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _files_under(path, skipped, follow_links):
                if isinstance(file, InputError):
                    yield file
                else:
                    yield from _read_file(file, published, in_folder=True)
        else:
            yield from _read_file(path, published)
