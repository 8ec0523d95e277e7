"""Check a graph against ontology/shapes.ttl with pySHACL and say what is wrong, readably."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, Namespace
from rdflib.namespace import RDF

from .ontology import ontology_file

__all__ = ["Violation", "validate_graph", "format_violations"]

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Violation:
    """One failed constraint: the node, the property path (if any), the shape's message."""

    focus: str
    path: str | None
    message: str
    value: str | None = None


def validate_graph(graph: Graph, shapes: Graph | None = None) -> list[Violation]:
    """Validate with pySHACL against govgraph's shapes; an empty list means the graph conforms."""
    from pyshacl import validate

    shapes = shapes if shapes is not None else Graph().parse(ontology_file("shapes.ttl"))
    _conforms, report, _text = validate(graph, shacl_graph=shapes, inference="none", advanced=False)
    violations = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        violations.append(Violation(focus=_short(graph, report.value(result, SH.focusNode)),
                                    path=_short(graph, report.value(result, SH.resultPath)),
                                    message=str(report.value(result, SH.resultMessage) or "constraint not met"),
                                    value=_short(graph, report.value(result, SH.value))))
    return sorted(violations, key=lambda v: (v.focus, v.path or "", v.message))


def _short(graph: Graph, term) -> str | None:
    if term is None:
        return None
    try:
        return graph.namespace_manager.normalizeUri(term) if term.__class__.__name__ == "URIRef" else str(term)
    except Exception:
        return str(term)


def format_violations(violations: list[Violation]) -> str:
    """One line per violation: node, property, what the shape requires."""
    if not violations:
        return "conforms: the graph satisfies every govgraph shape\n"
    lines = [f"{len(violations)} violation{'s' if len(violations) != 1 else ''}:"]
    for v in violations:
        where = f"{v.focus} {v.path}" if v.path else v.focus
        got = f" (value: {v.value})" if v.value and v.value != v.focus else ""
        lines.append(f"  {where}: {v.message}{got}")
    return "\n".join(lines) + "\n"
