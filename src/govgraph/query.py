"""Run SPARQL over a graph file with govgraph's prefixes pre-bound; format the rows."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.query import Result

from .graph import GRAPH_FORMATS, PREFIXES, with_prefixes
from .model import GovgraphError, printable

__all__ = ["FORMATS", "load_graph", "run_query", "format_result", "spreadsheet_safe", "GRAPH_FORMATS", "NamedQuery",
           "named_queries", "bindings_for"]

FORMATS = ("table", "csv", "tsv", "json")


def load_graph(path: str | Path) -> Graph:
    """Read a graph file (format from its extension) as one rdflib graph, or raise GovgraphError
    saying why not. A dataset's named graphs are merged, as in the build's graph.ttl."""
    from .graph import as_rdflib, merge_graphs, new_dataset, parse_file

    return as_rdflib(merge_graphs(parse_file(new_dataset(), path)))


@dataclass(frozen=True)
class NamedQuery:
    """A query of ontology/queries/: its name, what it answers, its parameters and its text."""

    name: str
    answers: str
    params: str
    text: str


def named_queries() -> dict[str, NamedQuery]:
    """Every ``.rq`` file under ontology/queries/, read from its comment header."""
    from .ontology import ontology_file

    queries = {}
    for path in sorted(ontology_file("queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        header = dict(re.findall(r"^#\s*(\w+):\s*(.*)$", text, flags=re.MULTILINE))
        name = header.get("name", path.stem)
        queries[name] = NamedQuery(name, header.get("answers", ""), header.get("params", "none"), text)
    return queries


def bindings_for(params: dict[str, str]) -> dict[str, Literal]:
    """Parameters as RDF literals bound to ``?<name>_name`` (a person is matched by label or alias)."""
    return {f"{key}_name": Literal(value) for key, value in params.items()}


def run_query(graph: Graph, sparql: str, bindings: dict | None = None) -> Result:
    """Run a SPARQL query; values in ``bindings`` are bound as RDF terms, never spliced into text."""
    from pyparsing import ParseException

    try:
        return graph.query(sparql, initNs=PREFIXES, initBindings=bindings or {})
    except ParseException as error:
        raise GovgraphError(f"invalid SPARQL at line {error.lineno}, column {error.col}: {error.msg}") from None
    except Exception as error:
        raise GovgraphError(f"query failed: {error}") from None


def _show(term, graph: Graph) -> str:
    """A cell: literals as their text, IRIs shortened with the bound prefixes."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        return str(term)
    if isinstance(term, URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:
            return str(term)
    return str(term)


# What a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"): such a cell gets a
# leading apostrophe, which the spreadsheet shows as text; a plain number ("-3.5") is left alone.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def spreadsheet_safe(cell: str) -> str:
    """A CSV/TSV cell that a spreadsheet shows as text, never runs as a formula."""
    if cell.startswith(_FORMULA_START) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def format_result(result: Result, fmt: str = "table", graph: Graph | None = None, raw: bool = False) -> str:
    """Format query results: ``table`` (aligned), ``csv``, ``tsv`` or ``json`` (SPARQL 1.1 JSON).

    CONSTRUCT and DESCRIBE results are printed as Turtle; ASK as ``true``/``false``. Table cells
    show control characters as ``\\xNN`` (article text cannot drive the terminal); CSV/TSV cells
    that a spreadsheet would run as a formula are made text, unless ``raw``.
    """
    if fmt not in FORMATS:
        raise GovgraphError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        out = with_prefixes(Graph())
        for triple in result:
            out.add(triple)
        return out.serialize(format="turtle")
    if result.type == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.askAnswer)}) if fmt == "json" else str(bool(result.askAnswer)).lower()
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8")
    names = [str(v) for v in result.vars]
    namespaces = graph if graph is not None else with_prefixes(Graph())
    rows = [[_show(row[v], namespaces) if fmt == "table" else ("" if row[v] is None else str(row[v]))
             for v in result.vars] for row in result]
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows if raw else ([spreadsheet_safe(cell) for cell in row] for row in rows))
        return buffer.getvalue()
    return _table([printable(name) for name in names], [[printable(cell) for cell in row] for row in rows])


def _table(names: list[str], rows: list[list[str]]) -> str:
    # One line per row: newlines inside a value would break the alignment.
    rows = [[cell.replace("\n", " ") for cell in row] for row in rows]
    widths = [max([len(name)] + [len(row[i]) for row in rows]) for i, name in enumerate(names)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(names), line(["-" * w for w in widths])]
    out += [line(row) for row in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
