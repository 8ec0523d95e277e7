"""Read inputs (files, folders, JSON/JSONL records, HTML pages, stdin) into cleaned Articles.

Every input that cannot be read becomes an ``InputError`` naming it and the reason, yielded in
place of an Article, so one bad file never stops the others.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path

from .clean import clean_text
from .model import Article, InputError

__all__ = ["load_articles", "decode_bytes", "parse_date", "SUPPORTED_SUFFIXES"]

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES

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


def decode_bytes(data: bytes, source: str) -> str:
    """Decode the bytes of a text input, or raise ``InputError`` saying why they are not text.

    UTF-8 and byte-order-marked UTF-16/32 are read directly; anything else is detected with
    charset-normalizer (Windows-1252, Latin-1, ...), never silently replaced.
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
        raise InputError(source, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "not text: the bytes match no known text encoding")
    text = str(best)
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > len(text) // 100:
        raise InputError(source, "binary file (control characters), not text")
    return text


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


def _make_article(raw_text: str, source: str, title: str | None, published: date | None,
                  url: str | None = None, record_id: str | None = None) -> Article:
    text = clean_text(raw_text)
    if not text:
        raise InputError(source, "empty: no text left after cleaning")
    if title is not None:
        title = clean_text(title) or None
    return Article(text=text, source=source, title=title, published=published, url=url,
                   record_id=record_id)


def _article_from_text(text: str, source: str, published: date | None) -> Article:
    # The first non-blank line of a plain-text story is its headline.
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return _make_article(text, source, title, published)


def _article_from_html(text: str, source: str, published: date | None) -> Article:
    import trafilatura

    extracted = trafilatura.extract(text, output_format="json", with_metadata=True,
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
    return _make_article(_with_headline(title, body), source, title, page_date or published,
                         url=record.get("source") or record.get("url") or None)


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
    return _make_article(_with_headline(title, body), source, title, record_date or published,
                         url=str(url) if url else None,
                         record_id=str(record_id) if record_id is not None else None)


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


def _articles_from_jsonl(text: str, source: str, published: date | None) -> Iterator[Article | InputError]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield InputError(where, f"invalid JSON: {error.msg} (column {error.colno})")
            continue
        try:
            yield _article_from_record(record, where, published)
        except InputError as error:
            yield error


def _articles_from_bytes(data: bytes, source: str, suffix: str,
                         published: date | None) -> Iterator[Article | InputError]:
    try:
        text = decode_bytes(data, source)
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


def _files_under(folder: Path) -> Iterator[Path]:
    # Sorted, so builds are reproducible; symlinked folders are not followed (no loops).
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(root) / name
            if not name.startswith(".") and path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield path


def _read_file(path: Path, published: date | None) -> Iterator[Article | InputError]:
    source = str(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        yield InputError(source, "is a directory")
        return
    except PermissionError:
        yield InputError(source, "permission denied")
        return
    except OSError as error:
        yield InputError(source, error.strerror or str(error))
        return
    yield from _articles_from_bytes(data, source, path.suffix.lower(), published)


def load_articles(paths: Iterable[str | Path], published: date | None = None,
                  stdin: object = None) -> Iterator[Article | InputError]:
    """Yield an Article for each story found under ``paths``, or an InputError for each failure.

    ``-`` reads one plain-text story from standard input. ``published`` is the date given to
    stories whose source states none.
    """
    for given in paths:
        if str(given) == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _articles_from_bytes(stream.read(), "<stdin>", ".txt", published)
            continue
        path = Path(given)
        if path.is_dir():
            for file in _files_under(path):
                yield from _read_file(file, published)
        elif path.exists():
            yield from _read_file(path, published)
        elif path.is_symlink():
            yield InputError(str(path), "broken symbolic link")
        else:
            yield InputError(str(path), "no such file or directory")
