// The network page's script (put into network.html as it is, not as a template). It reads the graph from the JSON at
// the end of the page, or asks the SPARQL endpoint of the server the page came from.
"use strict";
// The graph is the JSON at the end of the page (read once the page is parsed). Everything in it
// comes from articles and goes on the page with textContent, never parsed as HTML.
const allNodes = [];
const allEdges = [];
const articles = [];
let settings, served, source, nodes, edges, network, cap;
const nodeById = new Map(), edgeById = new Map(), articleById = new Map();

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}
function link(text, action) {
  const button = el("button", text, "link");
  button.type = "button";
  button.addEventListener("click", action);
  return button;
}
const fold = text => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
const byScore = (a, b) => b.score - a.score || a.label.localeCompare(b.label);
const isRelation = e => !settings.structural.includes(e.relation) && !settings.postLinks.includes(e.relation);
// A date of any precision ("2024", "2024-05", "2024-05-01") is in a range of days when all of it
// is: "2024" is not in July 2024, "2024-07" is. A range ending on a month's last day takes in
// the month whole, so month-dated readings ("-31" for any month) compare alike here and in SPARQL.
const periodStart = d => d.length === 4 ? d + "-01-01" : d.length === 7 ? d + "-01" : d;
const periodEnd = d => d.length === 4 ? d + "-12-31" : d.length === 7 ? d + "-31" : d;
function rangeKeys(from, to) {
  let last = to || "9999-12-31";
  if (to) {
    const [year, month, day] = to.split("-").map(Number);
    if (new Date(Date.UTC(year, month, 0)).getUTCDate() === day) last = to.slice(0, 7) + "-31";
  }
  return [from || "0000-01-01", last];
}
function inRange(date, from, to) {
  if (!date) return false;
  const [first, last] = rangeKeys(from, to), day = date.slice(0, 10);
  return periodStart(day) >= first && periodEnd(day) <= last;
}
const eventDate = item => item.eventDate || item.date;

// ---- where the graph comes from: the page's own data, or the store behind `govgraph serve` ----

// Everything in the file; views are subsets picked in the browser.
// The start view: this many of the best-known people, and this many strongest relations each to
// someone outside them; only the largest connected part is drawn, since loose pieces drift apart
// and shrink the whole drawing when it is fitted to the window.
const START_PEOPLE = 30, START_OTHERS = 2;
function largestPart(list, ends = e => [e.from, e.to]) {
  const parent = new Map();
  const find = x => { while (parent.get(x) !== x) { parent.set(x, parent.get(parent.get(x))); x = parent.get(x); } return x; };
  list.forEach(e => ends(e).forEach(x => { if (!parent.has(x)) parent.set(x, x); }));
  list.forEach(e => { const [a, b] = ends(e).map(find); if (a !== b) parent.set(a, b); });
  const sizes = new Map();
  parent.forEach((_, x) => sizes.set(find(x), (sizes.get(find(x)) || 0) + 1));
  const biggest = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0];
  return biggest ? list.filter(e => find(ends(e)[0]) === biggest[0]) : list;
}

const local = {
  start() {
    if (allNodes.length <= settings.focusAbove) return {nodes: allNodes, edges: allEdges, title: "the whole graph"};
    // the most talked-about people, the relations among them and each one's two strongest others
    const core = allNodes.filter(n => n.kind === "Person" && n.relations > 0).sort(byScore).slice(0, START_PEOPLE);
    const inCore = new Set(core.map(n => n.id));
    const picked = new Set();
    core.forEach(person => {
      const own = allEdges.filter(e => isRelation(e) && (e.from === person.id || e.to === person.id));
      own.filter(e => inCore.has(e.from) && inCore.has(e.to)).forEach(e => picked.add(e));
      own.filter(e => !(inCore.has(e.from) && inCore.has(e.to)))
         .sort((a, b) => b.evidence.length - a.evidence.length).slice(0, START_OTHERS).forEach(e => picked.add(e));
    });
    return this.subgraph(largestPart([...picked]), "the most connected people and their relations");
  },
  whole() {
    if (!cap) return {nodes: allNodes, edges: allEdges, title: "the whole graph"};
    const kept = allNodes.filter(n => n.rank < cap), ids = new Set(kept.map(n => n.id));
    return {nodes: kept, edges: allEdges.filter(e => ids.has(e.from) && ids.has(e.to)),
            title: `the whole graph, its ${cap} most linked nodes`};
  },
  subgraph(list, title, extra = []) {
    const ids = new Set(extra);
    list.forEach(e => { ids.add(e.from); ids.add(e.to); });
    return {nodes: [...ids].map(id => nodeById.get(id)), edges: list, title};
  },
  search(text) {
    const wanted = fold(text.trim());
    if (!wanted) return [];
    const found = [];
    allNodes.forEach(n => {
      if (n.kind === "Post") return;
      const matched = [n.label, ...n.aliases].find(name => fold(name).includes(wanted));
      if (matched !== undefined) found.push({node: n, matched: matched === n.label ? "" : matched});
    });
    return found.sort((a, b) => byScore(a.node, b.node)).slice(0, 12)
                .map(f => ({id: f.node.id, label: f.node.label, kind: f.node.kind, articles: f.node.articles.length,
                            relations: f.node.relations, matched: f.matched}));
  },
  neighbourhood(id, depth) {
    const center = nodeById.get(id);
    const touching = nid => allEdges.filter(e => isRelation(e) && (e.from === nid || e.to === nid));
    const chosen = new Set(allEdges.filter(e => (e.from === id || e.to === id) && !settings.structural.includes(e.relation)));
    const ring = new Set([id]);
    chosen.forEach(e => { ring.add(e.from); ring.add(e.to); });
    if (depth > 1) {
      // the second step: the best-known of the neighbours' neighbours, so the view stays legible
      const further = new Map();
      [...ring].filter(n => n !== id && nodeById.get(n).kind !== "Post").forEach(n => touching(n).forEach(e => {
        const other = e.from === n ? e.to : e.from;
        if (!ring.has(other)) further.set(other, [...(further.get(other) || []), e]);
      }));
      [...further.keys()].sort((a, b) => byScore(nodeById.get(a), nodeById.get(b))).slice(0, 150)
        .forEach(other => further.get(other).forEach(e => chosen.add(e)));
    }
    const ids = new Set([id]);
    chosen.forEach(e => { ids.add(e.from); ids.add(e.to); });
    allEdges.filter(e => isRelation(e) && ids.has(e.from) && ids.has(e.to)).forEach(e => chosen.add(e));
    return this.subgraph([...chosen], `${center.label}: ${depth} step${depth > 1 ? "s" : ""} around`, [id]);
  },
  article(id) {
    const present = allNodes.filter(n => n.kind !== "Post" && n.articles.includes(id)).map(n => n.id);
    const list = allEdges.filter(e => isRelation(e) && e.articles.includes(id));
    const article = articleById.get(id);
    return this.subgraph(list, `the article “${article.headline}”`, present);
  },
  range(from, to) {
    const list = allEdges.filter(e => isRelation(e) && e.evidence.some(item => inRange(eventDate(item), from, to)));
    const view = this.subgraph(list, `what happened ${from || "…"} to ${to || "…"}`);
    view.events = list.flatMap(e => e.evidence.filter(item => inRange(eventDate(item), from, to)).map(item => ({edge: e, item})))
                      .sort((a, b) => eventDate(a.item).localeCompare(eventDate(b.item)));
    return view;
  },
  months() {
    const counts = new Map();
    allEdges.filter(isRelation).forEach(e => e.evidence.forEach(item => {
      const month = (eventDate(item) || "").slice(0, 7);
      if (month.length === 7) counts.set(month, (counts.get(month) || 0) + 1);
    }));
    return counts;
  },
  about(id) {
    const node = nodeById.get(id);
    const own = allEdges.filter(e => isRelation(e) && (e.from === id || e.to === id));
    return {node, posts: node.posts, aliases: node.aliases, outgoing: own.filter(e => e.from === id),
            incoming: own.filter(e => e.to === id),
            articles: node.articles.map(a => articleById.get(a)).sort((a, b) => b.date.localeCompare(a.date)),
            articleCount: node.articles.length};
  },
  evidence(edge) { return edge.evidence; },
};

// ---- served mode: SPARQL to the endpoint this page came from (its own origin, nothing else) ----
const PREFIXES = `PREFIX gg: <https://w3id.org/govgraph/ns#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
  PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
  PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX org: <http://www.w3.org/ns/org#> PREFIX schema: <http://schema.org/>
  PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX dcterms: <http://purl.org/dc/terms/>
  `;
const GG = "https://w3id.org/govgraph/ns#";
const KIND_OF = {"http://xmlns.com/foaf/0.1/Person": "Person", "http://www.w3.org/ns/org#Organization": "Organization",
                 [GG + "Group"]: "Group", [GG + "AnonymousSource"]: "AnonymousSource", "http://www.w3.org/ns/org#Post": "Post"};
// Values go into a query only through these two: an IRI checked against IRI syntax, a string escaped.
function iri(value) {
  if (!/^[^<>"{}|^`\\\u0000-\u0020]+$/.test(value)) throw new Error("not an IRI: " + value);
  return `<${value}>`;
}
const literal = value => '"' + value.replace(/[\\"]/g, "\\$&").replace(/\n/g, "\\n").replace(/\r/g, "\\r") + '"';
async function sparql(query) {
  const response = await fetch("query", {method: "POST", body: PREFIXES + query,
    headers: {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"}});
  if (!response.ok) throw new Error(`the endpoint answered ${response.status}: ${(await response.text()).trim()}`);
  return (await response.json()).results.bindings.map(row =>
    Object.fromEntries(Object.entries(row).map(([name, term]) => [name, term.value])));
}
// Aggregated edges (one per subject, relation, object, with how many readings) touching ?c.
const EDGES_AROUND = (centres, limit = 400) => `
  SELECT ?s ?p ?o (COUNT(?a) AS ?n) (MAX(IF(?m = "asserted", 1, 0)) AS ?asserted) (MAX(IF(STR(?d) = "true", 1, 0)) AS ?derived)
  WHERE { VALUES ?c { ${centres.map(iri).join(" ")} }
    { ?a rdf:subject ?c ; rdf:predicate ?p ; rdf:object ?o . BIND(?c AS ?s) }
    UNION { ?a rdf:object ?c ; rdf:predicate ?p ; rdf:subject ?s . BIND(?c AS ?o) }
    ?a a gg:Assertion . FILTER(?o != gg:unspecified && ?p != gg:holdsPosition && ?p != gg:heldPosition)
    OPTIONAL { ?a gg:modality ?m } OPTIONAL { ?a gg:derived ?d } }
  GROUP BY ?s ?p ?o ORDER BY DESC(?n) ?s ?o LIMIT ${Number(limit)}`;

const remote = {
  around: new Map(),
  // a person's strongest relations, asked once for both the drawing and the panel
  edgesAround(id) {
    if (!this.around.has(id)) this.around.set(id, sparql(EDGES_AROUND([id])));
    return this.around.get(id);
  },
  edge(row) {
    const relation = row.p.slice(GG.length);
    const id = [row.s, relation, row.o].join(" ");
    const asserted = row.asserted === "1";
    const edge = {id, from: row.s, to: row.o, relation, readings: Number(row.n), asserted, derived: row.derived === "1",
                  structural: false, dashes: !asserted || relation === "threatenedToFire",
                  color: settings.colours[relation] || "#555555"};
    edgeById.set(id, edge);
    return edge;
  },
  async nodes(ids) {
    const unknown = [...new Set(ids)].filter(id => !nodeById.has(id));
    for (let i = 0; i < unknown.length; i += 200) {
      const rows = await sparql(`SELECT ?n ?type (SAMPLE(?name) AS ?label) (COUNT(DISTINCT ?m) AS ?mentions) WHERE {
        VALUES ?n { ${unknown.slice(i, i + 200).map(iri).join(" ")} } ?n a ?type .
        OPTIONAL { ?n skos:prefLabel|rdfs:label ?name } OPTIONAL { ?n gg:hasMention ?m } } GROUP BY ?n ?type`);
      rows.filter(r => KIND_OF[r.type]).forEach(r => {
        const known = nodeById.get(r.n);
        if (known && known.kind === "Person") return;  // a person stays a person whatever else it is typed
        const kind = KIND_OF[r.type], style = settings.kinds[kind];
        nodeById.set(r.n, {id: r.n, label: r.label || r.n, kind, color: style.color, shape: style.shape,
                           score: Number(r.mentions), value: kind === "Post" ? 1 : 1 + Number(r.mentions)});
      });
    }
    return ids.filter(id => nodeById.has(id)).map(id => nodeById.get(id));
  },
  async view(rows, title, extra = []) {
    const list = rows.map(row => this.edge(row));
    const ids = new Set(extra);
    list.forEach(e => { ids.add(e.from); ids.add(e.to); });
    const known = new Set((await this.nodes([...ids])).map(n => n.id));
    return {nodes: [...known].map(id => nodeById.get(id)), edges: list.filter(e => known.has(e.from) && known.has(e.to)), title};
  },
  async start() {
    const core = (await sparql(`SELECT ?c (COUNT(?a) AS ?n) WHERE { ?a rdf:subject ?c . ?c a foaf:Person }
                                GROUP BY ?c ORDER BY DESC(?n) ?c LIMIT ${START_PEOPLE}`)).map(r => r.c);
    if (!core.length) return {nodes: [], edges: [], title: "an empty graph"};
    const inCore = new Set(core);
    const rows = await sparql(EDGES_AROUND(core));
    const outward = new Map();
    const picked = rows.filter(r => {
      if (inCore.has(r.s) && inCore.has(r.o)) return true;
      const c = inCore.has(r.s) ? r.s : r.o;
      outward.set(c, (outward.get(c) || 0) + 1);
      return outward.get(c) <= START_OTHERS;
    });
    return this.view(largestPart(picked, r => [r.s, r.o]), "the most connected people and their relations");
  },
  async whole() { return this.start(); },
  async newest() {
    const rows = await sparql(`SELECT ?a (SAMPLE(?h) AS ?headline) (SAMPLE(?d) AS ?date) WHERE { ?a a schema:NewsArticle .
        OPTIONAL { ?a skos:prefLabel|rdfs:label ?h } OPTIONAL { ?a schema:datePublished ?d } }
        GROUP BY ?a ORDER BY DESC(?date) ?a LIMIT 500`);
    return rows.map(r => ({id: r.a, headline: r.headline || r.a, date: r.date || ""}));
  },
  async search(text) {
    const wanted = text.trim().toLowerCase();
    if (!wanted) return [];
    // ranked as the file ranks, by articles plus relations (distinct relation, other party and
    // direction); the 40 names in most articles are the candidates whose relations are counted
    const rows = await sparql(`SELECT ?e (SAMPLE(?label) AS ?name) (SAMPLE(?type) AS ?kind) (SAMPLE(?hit) AS ?matched)
        (COUNT(DISTINCT ?article) AS ?articles) WHERE {
        ?e skos:prefLabel|skos:altLabel ?hit . FILTER(CONTAINS(LCASE(STR(?hit)), ${literal(wanted)}))
        ?e skos:prefLabel ?label ; a ?type . FILTER(?type IN (foaf:Person, org:Organization, gg:Group, gg:AnonymousSource))
        OPTIONAL { ?e gg:hasMention ?m . ?m dcterms:isPartOf ?article } }
        GROUP BY ?e ORDER BY DESC(?articles) ?name LIMIT 40`);
    if (!rows.length) return [];
    // only assertions have an rdf:subject: asking their type as well made the engine read them all (4x slower)
    const counts = new Map((await sparql(`SELECT ?e (COUNT(DISTINCT ?link) AS ?n) WHERE {
        VALUES ?e { ${rows.map(r => iri(r.e)).join(" ")} }
        OPTIONAL {
          { ?a rdf:subject ?e ; rdf:predicate ?p ; rdf:object ?other . BIND(CONCAT(">", STR(?p), " ", STR(?other)) AS ?link) }
          UNION { ?a rdf:object ?e ; rdf:predicate ?p ; rdf:subject ?other . BIND(CONCAT("<", STR(?p), " ", STR(?other)) AS ?link) }
          FILTER(?p != gg:holdsPosition && ?p != gg:heldPosition && ?other != gg:unspecified) } }
        GROUP BY ?e`)).map(r => [r.e, Number(r.n)]));
    return rows.map(r => ({id: r.e, label: r.name, kind: KIND_OF[r.kind], articles: Number(r.articles),
                           relations: counts.get(r.e) || 0, score: Number(r.articles) + (counts.get(r.e) || 0),
                           matched: r.matched === r.name ? "" : r.matched}))
               .sort(byScore).slice(0, 12);
  },
  async neighbourhood(id, depth) {
    // the strongest relations (most readings) only: past ~150 edges a drawing is no longer read
    let rows = (await this.edgesAround(id)).slice(0, 150);
    if (depth > 1) {
      const ring = [...new Set(rows.flatMap(r => [r.s, r.o]))].filter(n => n !== id).slice(0, 30);
      if (ring.length) {
        const seen = new Set(rows.map(r => r.s + " " + r.p + " " + r.o));
        rows = rows.concat((await sparql(EDGES_AROUND(ring, 300))).filter(r => !seen.has(r.s + " " + r.p + " " + r.o)).slice(0, 150));
      }
    }
    const center = (await this.nodes([id]))[0];
    return this.view(rows, `${center ? center.label : id}: ${depth} step${depth > 1 ? "s" : ""} around`, [id]);
  },
  async article(id) {
    const [present, rows] = await Promise.all([
      sparql(`SELECT DISTINCT ?e WHERE { ?m dcterms:isPartOf ${iri(id)} . ?e gg:hasMention ?m . FILTER NOT EXISTS { ?e a org:Post } }`),
      sparql(`SELECT ?s ?p ?o (COUNT(?a) AS ?n) (MAX(IF(?m = "asserted", 1, 0)) AS ?asserted) (MAX(IF(STR(?d) = "true", 1, 0)) AS ?derived)
              WHERE { ?a prov:wasDerivedFrom ${iri(id)} ; a gg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
              FILTER(?o != gg:unspecified && ?p != gg:holdsPosition && ?p != gg:heldPosition)
              OPTIONAL { ?a gg:modality ?m } OPTIONAL { ?a gg:derived ?d } } GROUP BY ?s ?p ?o`)]);
    const article = articleById.get(id);
    return this.view(rows, `the article “${article ? article.headline : id}”`, present.map(r => r.e));
  },
  async range(from, to) {
    const [first, last] = rangeKeys(from, to).map(literal);
    const within = `BIND(IF(STRLEN(?when) = 4, CONCAT(?when, "-01-01"), IF(STRLEN(?when) = 7, CONCAT(?when, "-01"), ?when)) AS ?first)
        BIND(IF(STRLEN(?when) = 4, CONCAT(?when, "-12-31"), IF(STRLEN(?when) = 7, CONCAT(?when, "-31"), ?when)) AS ?last)
        FILTER(?first >= ${first} && ?last <= ${last})`;
    // readings dated by the event itself, then readings dated by their article only: each found
    // from the few dates, not by reading every assertion (2.4 times faster over a million triples)
    const rows = await sparql(`SELECT ?s ?p ?o ?when ?m ?headline ?sentence WHERE {
        { SELECT ?a ?article ?when WHERE {
          { ?a gg:eventDate ?ed . BIND(SUBSTR(STR(?ed), 1, 10) AS ?when) ${within} ?a prov:wasDerivedFrom ?article }
          UNION { ?article schema:datePublished ?pd . BIND(SUBSTR(STR(?pd), 1, 10) AS ?when) ${within}
                  ?a prov:wasDerivedFrom ?article . FILTER NOT EXISTS { ?a gg:eventDate ?dated } } } }
        ?a rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
        FILTER(?o != gg:unspecified && ?p != gg:holdsPosition && ?p != gg:heldPosition)
        OPTIONAL { ?a gg:modality ?m } OPTIONAL { ?article skos:prefLabel|rdfs:label ?headline }
        OPTIONAL { ?a gg:evidence/oa:exact ?sentence } } ORDER BY ?when ?s ?o LIMIT 500`);
    const grouped = new Map();
    rows.forEach(r => {
      const key = [r.s, r.p, r.o].join(" ");
      const group = grouped.get(key) || {s: r.s, p: r.p, o: r.o, n: 0, asserted: "0", derived: "0"};
      group.n += 1;
      if (r.m === "asserted") group.asserted = "1";
      grouped.set(key, group);
    });
    const view = await this.view([...grouped.values()], `what happened ${from || "…"} to ${to || "…"}`);
    view.events = rows.filter(r => edgeById.has([r.s, r.p.slice(GG.length), r.o].join(" ")))
      .map(r => ({edge: edgeById.get([r.s, r.p.slice(GG.length), r.o].join(" ")),
                  item: {eventDate: r.when, date: r.when, headline: r.headline || "", sentence: r.sentence || "", modality: r.m || ""}}));
    return view;
  },
  async months() {
    const rows = await sparql(`SELECT ?month (COUNT(?a) AS ?n) WHERE { ?a a gg:Assertion ; prov:wasDerivedFrom ?article .
        OPTIONAL { ?a gg:eventDate ?ed } OPTIONAL { ?article schema:datePublished ?pd }
        BIND(SUBSTR(STR(COALESCE(?ed, ?pd)), 1, 7) AS ?month) FILTER(STRLEN(?month) = 7) } GROUP BY ?month`);
    return new Map(rows.map(r => [r.month, Number(r.n)]));
  },
  async about(id) {
    const c = iri(id);
    const [node] = await this.nodes([id]);
    const [posts, aliases, list, count, rows] = await Promise.all([
      sparql(`SELECT ?label ?former (SAMPLE(?s) AS ?start) (SAMPLE(?e) AS ?end) WHERE {
                { ${c} gg:holdsPosition ?post BIND(false AS ?former) } UNION { ${c} gg:heldPosition ?post BIND(true AS ?former) }
                ?post rdfs:label ?label .
                OPTIONAL { ?tenure org:member ${c} ; gg:post ?post . OPTIONAL { ?tenure schema:startDate ?s } OPTIONAL { ?tenure schema:endDate ?e } } }
              GROUP BY ?label ?former ORDER BY ?former ?label`),
      sparql(`SELECT ?alias WHERE { ${c} skos:altLabel ?alias } ORDER BY ?alias`),
      sparql(`SELECT ?a (SAMPLE(?h) AS ?headline) (SAMPLE(?d) AS ?date) WHERE { ${c} gg:hasMention ?m . ?m dcterms:isPartOf ?a .
                OPTIONAL { ?a skos:prefLabel|rdfs:label ?h } OPTIONAL { ?a schema:datePublished ?d } }
              GROUP BY ?a ORDER BY DESC(?date) ?a LIMIT 100`),
      sparql(`SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ${c} gg:hasMention ?m . ?m dcterms:isPartOf ?a }`),
      this.edgesAround(id)]);
    const own = rows.map(r => this.edge(r));
    await this.nodes(own.flatMap(e => [e.from, e.to]));
    list.forEach(a => articleById.set(a.a, {id: a.a, headline: a.headline || a.a, date: a.date || ""}));
    return {node, posts: posts.map(p => ({label: p.label, former: p.former === "true", start: p.start || "", end: p.end || ""})),
            aliases: aliases.map(a => a.alias), outgoing: own.filter(e => e.from === id), incoming: own.filter(e => e.to === id),
            articles: list.map(a => articleById.get(a.a)), articleCount: Number(count[0].n)};
  },
  async evidence(edge) {
    const rows = await sparql(`SELECT ?sentence ?trigger ?modality ?article ?headline ?date ?eventDate ?who ?rule WHERE {
        ?a a gg:Assertion ; rdf:subject ${iri(edge.from)} ; rdf:predicate ${iri(GG + edge.relation)} ; rdf:object ${iri(edge.to)} .
        OPTIONAL { ?a gg:evidence/oa:exact ?sentence } OPTIONAL { ?a gg:trigger ?trigger } OPTIONAL { ?a gg:modality ?modality }
        OPTIONAL { ?a gg:rule ?rule } OPTIONAL { ?a gg:eventDate ?eventDate }
        OPTIONAL { ?a gg:attributedTo/(skos:prefLabel|rdfs:label) ?who }
        OPTIONAL { ?a prov:wasDerivedFrom ?article . OPTIONAL { ?article skos:prefLabel|rdfs:label ?headline }
                   OPTIONAL { ?article schema:datePublished ?date } } } ORDER BY DESC(?date) LIMIT 200`);
    return rows.map(r => ({sentence: r.sentence || "", trigger: r.trigger || "", modality: r.modality || "", article: r.article || "",
                           headline: r.headline || "", date: r.date || "", eventDate: r.eventDate || "", attributedTo: r.who || "",
                           rule: r.rule || "", premises: []}));
  },
};

// ---- drawing a view: a fresh layout each time, then the simulation stops ----

const visNode = n => ({id: n.id, label: n.label, color: n.color, shape: n.shape, value: n.value,
                       title: [n.label, n.kind].join("\n")});  // a string title is shown as plain text
function visEdge(e, labelled) {
  return {id: e.id, from: e.from, to: e.to, color: e.color, dashes: e.dashes, arrows: "to", title: e.relation,
          label: labelled && !e.structural ? e.relation : undefined, width: e.structural ? 1 : 2};
}
let drawing = 0;
function draw(view, name) {
  drawing += 1;
  document.body.dataset.ready = "no";
  document.body.dataset.view = name;
  const labelled = view.edges.length <= 150;  // relation names on edges only where they can be read
  nodes = new vis.DataSet(view.nodes.map(visNode));
  edges = new vis.DataSet(view.edges.map(e => visEdge(e, labelled)));
  view.edges.forEach(e => edgeById.set(e.id, e));
  const count = view.nodes.length;
  network.setOptions({physics: {enabled: true, solver: "barnesHut",
                                barnesHut: {gravitationalConstant: -3000, springLength: 110, avoidOverlap: 0.3},
                                // fewer layout rounds as views grow, so a 5,000-node view is usable in seconds
                                stabilization: {enabled: true, fit: true, iterations: count > 3000 ? 15 : count > 1000 ? 60 : count > 100 ? 120 : 250}},
                      layout: {improvedLayout: count <= 100, randomSeed: 7},
                      // a view of a few dozen nodes has room for every name; a larger one names the best known
                      // until zoomed in (a label is drawn once it would be drawThreshold pixels high)
                      nodes: {scaling: {label: {drawThreshold: count <= 60 ? 1 : 7}}}});
  network.setData({nodes, edges});
  applyFilters();
  document.getElementById("view").textContent = "Showing " + view.title;
  document.getElementById("counts").textContent =
    `${count} nodes, ${view.edges.length} edges in view · ${served ? "served from the store" : `${allNodes.length} nodes, ${allEdges.length} edges, ${articles.length} article(s) in the graph`}`;
  if (!count) settled();
}
let waiting = [];
function settled() {
  network.setOptions({physics: false});
  network.fit({animation: false});
  document.body.dataset.ready = "yes";
  waiting.forEach(resolve => resolve());
  waiting = [];
}
const laidOut = () => new Promise(resolve => document.body.dataset.ready === "yes" ? resolve() : waiting.push(resolve));

async function run(name, work) {
  try {
    const view = await work();
    draw(view, name);
    return view;
  } catch (error) {
    document.getElementById("details").replaceChildren(el("div", String(error.message || error), "note"));
    document.body.dataset.ready = "yes";
  }
}
const showStart = () => run("start", () => source.start());
const showWhole = () => run("whole", () => source.whole());
function focusOn(id, depth) {
  depth = depth || Number(document.getElementById("depth").value);
  const started = performance.now();
  const about = Promise.resolve(source.about(id));  // asked while the neighbourhood is fetched and laid out
  about.catch(() => {});
  return run("focus", () => source.neighbourhood(id, depth)).then(async () => {
    network.selectNodes([id]);
    await Promise.all([showNode(id, about), laidOut()]);
    // how long the reader waited: from choosing the person to the view laid out and the panel filled
    document.body.dataset.took = String(Math.round(performance.now() - started));
  });
}
function showArticle(id) {
  document.getElementById("articleFilter").value = id;
  return run("article", () => source.article(id)).then(view => view && showArticleDetails(id, view));
}
function showRange(from, to) {
  document.getElementById("from").value = from;
  document.getElementById("to").value = to;
  return run("range", () => source.range(from, to)).then(view => view && showEvents(view.events || []));
}

// ---- the side panel ----

// The sentence with its trigger words marked, built from text nodes and <mark> elements only.
function highlighted(sentence, trigger) {
  const out = el("div");
  const words = trigger.split(/\s+/).filter(w => w && w !== "...").map(w => w.toLowerCase());
  sentence.split(/(\s+)/).forEach(part => {
    const bare = part.replace(/^[^\w]+|[^\w]+$/g, "").toLowerCase();
    out.appendChild(words.includes(bare) && bare ? el("mark", part) : document.createTextNode(part));
  });
  return out;
}
const label = id => (nodeById.get(id) || {label: id}).label;
const tenure = p => [p.start && `from ${p.start}`, p.end && `to ${p.end}`].filter(Boolean).join(" ");

async function showNode(id, asked) {
  const details = document.getElementById("details");
  details.replaceChildren(el("div", "Loading…", "meta"));
  const about = await (asked || source.about(id));
  const node = about.node;
  const focus = link(`Focus on ${node.label}'s neighbourhood`, () => focusOn(id));
  details.replaceChildren(el("h2", node.label), el("div", node.kind, "meta"), focus);
  if (about.aliases.length) { details.appendChild(el("h3", "Also called")); details.appendChild(el("div", about.aliases.join(", "))); }
  if (about.posts.length) {
    details.appendChild(el("h3", "Posts"));
    about.posts.forEach(p => details.appendChild(el("div", `${p.label} (${p.former ? "former" : "current"}${tenure(p) ? ", " + tenure(p) : ""})`, "post")));
  }
  [["Relations out", about.outgoing, e => `${e.relation} → ${label(e.to)}`],
   ["Relations in", about.incoming, e => `${label(e.from)} → ${e.relation}`]].forEach(([title, list, text]) => {
    if (!list.length) return;
    const section = el("div", undefined, "relations");
    section.appendChild(el("h3", `${title} (${list.length})`));
    const groups = new Map();
    list.forEach(e => groups.set(e.relation, [...(groups.get(e.relation) || []), e]));
    [...groups.keys()].sort().forEach(relation => {
      section.appendChild(el("div", relation, "meta"));
      groups.get(relation).forEach(e => {
        const readings = e.evidence ? e.evidence.length : e.readings;
        section.appendChild(link(`${text(e)} (${readings} reading${readings === 1 ? "" : "s"})`, () => showEdge(e.id)));
      });
    });
    details.appendChild(section);
  });
  const section = el("div", undefined, "articles");
  section.appendChild(el("h3", `Articles (${about.articleCount})`));
  about.articles.forEach(a => section.appendChild(link(`${a.date || "undated"} · ${a.headline}`, () => showArticle(a.id))));
  details.appendChild(section);
}

async function showEdge(id) {
  const edge = edgeById.get(id);
  const details = document.getElementById("details");
  details.replaceChildren(el("div", "Loading…", "meta"));
  const evidence = await source.evidence(edge);
  details.replaceChildren(el("h2", `${label(edge.from)} ${edge.relation} ${label(edge.to)}`));
  if (!evidence.length) details.appendChild(el("div", "From the organisation's structure.", "meta"));
  evidence.forEach(item => {
    const box = el("div", undefined, "evidence");
    box.appendChild(highlighted(item.sentence, item.trigger));
    const meta = el("div", undefined, "meta");
    meta.appendChild(el("span", item.modality, "modality"));
    meta.appendChild(document.createTextNode(` · ${item.headline}${item.date ? " (" + item.date + ")" : ""}`));
    if (item.eventDate) meta.appendChild(document.createTextNode(` · event dated ${item.eventDate}`));
    if (item.attributedTo) meta.appendChild(document.createTextNode(` · according to ${item.attributedTo}`));
    meta.appendChild(document.createTextNode(` · rule ${item.rule}`));
    box.appendChild(meta);
    item.premises.forEach(p => box.appendChild(el("div", "premise: " + p, "meta")));
    details.appendChild(box);
  });
}

function showArticleDetails(id, view) {
  const article = articleById.get(id) || {headline: id, date: ""};
  const details = document.getElementById("details");
  details.replaceChildren(el("h2", article.headline), el("div", article.date || "undated", "meta"));
  details.appendChild(el("h3", `Who is in it (${view.nodes.length})`));
  [...view.nodes].sort(byScore).forEach(n => details.appendChild(link(`${n.label} (${n.kind})`, () => showNode(n.id))));
  details.appendChild(el("h3", `Relations (${view.edges.length})`));
  view.edges.forEach(e => details.appendChild(link(`${label(e.from)} ${e.relation} ${label(e.to)}`, () => showEdge(e.id))));
}

function showEvents(events) {
  const details = document.getElementById("details");
  details.replaceChildren(el("h2", `${events.length} dated reading(s)`));
  events.forEach(({edge, item}) => {
    const row = link(`${eventDate(item)} · ${label(edge.from)} ${edge.relation} ${label(edge.to)}`, () => showEdge(edge.id));
    row.classList.add("event");
    details.appendChild(row);
    details.appendChild(el("div", `${item.modality} · ${item.headline}`, "meta"));
  });
}

// ---- filters over the view: relation types and derived edges hide edges, never redraw ----
function applyFilters() {
  const relations = new Set([...document.querySelectorAll("#relationFilter input[value]:checked")].map(i => i.value));
  const derived = document.getElementById("derivedToggle").checked;
  edges.update(edges.getIds().map(id => {
    const e = edgeById.get(id);
    return {id, hidden: (!relations.has(e.relation) && !e.structural) || (!derived && e.derived)};
  }));
}

// ---- search: type-ahead over names and aliases, best-known first ----
const search = document.getElementById("search"), suggestions = document.getElementById("suggestions");
let found = [], active = 0, asked = 0;
async function suggest() {
  const mine = ++asked;
  const results = await source.search(search.value);
  if (mine !== asked) return;  // a later keystroke already asked again
  found = results;
  active = 0;
  suggestions.replaceChildren(...found.map((f, index) => {
    const item = el("li", undefined, index === 0 ? "active" : "");
    item.setAttribute("role", "option");
    item.appendChild(el("strong", f.label));
    const known = [`${f.articles} article${f.articles === 1 ? "" : "s"}`];
    known.push(`${f.relations} relation${f.relations === 1 ? "" : "s"}`);
    item.appendChild(el("span", ` ${f.kind} · ${known.join(", ")}${f.matched ? " · also “" + f.matched + "”" : ""}`, "meta"));
    item.addEventListener("mousedown", event => { event.preventDefault(); choose(index); });
    return item;
  }));
  document.body.dataset.suggested = search.value;  // what the list answers (tests wait on it)
}
function choose(index) {
  const chosen = found[index];
  if (!chosen) return;
  search.value = chosen.label;
  suggestions.replaceChildren();
  focusOn(chosen.id);
}
let typing;
// served, each keystroke would be a query: ask once typing pauses
search.addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(suggest, served ? 150 : 0); });
search.addEventListener("keydown", event => {
  const items = suggestions.children;
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    if (!items.length) return;
    items[active].classList.remove("active");
    active = (active + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
    items[active].classList.add("active");
    event.preventDefault();
  } else if (event.key === "Enter") {
    choose(active);
  } else if (event.key === "Escape") {
    suggestions.replaceChildren();
  }
});
search.addEventListener("change", () => { if (found.length && suggestions.children.length) choose(active); });
search.addEventListener("blur", () => setTimeout(() => suggestions.replaceChildren(), 200));

async function drawTimeline() {
  const months = await source.months();
  const strip = document.getElementById("timeline");
  const keys = [...months.keys()].sort();
  const most = Math.max(1, ...months.values());
  strip.replaceChildren(...keys.map(month => {
    const bar = el("button");
    bar.type = "button";
    bar.dataset.month = month;
    bar.title = `${month}: ${months.get(month)} dated reading(s)`;
    bar.style.height = `${Math.max(8, 100 * months.get(month) / most)}%`;
    const [year, number] = month.split("-").map(Number);
    const last = new Date(Date.UTC(year, number, 0)).getUTCDate();
    bar.addEventListener("click", () => showRange(`${month}-01`, `${month}-${String(last).padStart(2, "0")}`));
    return bar;
  }));
}

function init() {
  const data = JSON.parse(document.getElementById("page-data").textContent);
  settings = data.settings;
  served = data.served;
  cap = data.cap;
  source = served ? remote : local;
  data.nodes.forEach(n => { allNodes.push(n); nodeById.set(n.id, n); });
  data.edges.forEach(e => { allEdges.push(e); edgeById.set(e.id, e); });
  data.articles.forEach(a => { articles.push(a); articleById.set(a.id, a); });
  nodes = new vis.DataSet([]);
  edges = new vis.DataSet([]);
  network = new vis.Network(document.getElementById("network"), {nodes, edges}, {
    interaction: {hover: true, tooltipDelay: 150},
    // labels grow with how much the graph knows of a node and are drawn only once legible:
    // zoomed out, only the best-known names show
    nodes: {scaling: {min: 6, max: 36, label: {enabled: true, min: 12, max: 20, drawThreshold: 7, maxVisible: 24}}},
    edges: {smooth: false, font: {size: 10, align: "middle"}}
  });
  network.on("stabilizationIterationsDone", settled);
  network.on("click", params => {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });
  network.on("doubleClick", params => { if (params.nodes.length) focusOn(params.nodes[0]); });
  document.querySelectorAll("#relationFilter input").forEach(i => i.addEventListener("change", applyFilters));
  document.getElementById("startView").addEventListener("click", showStart);
  document.getElementById("wholeGraph").addEventListener("click", showWhole);
  document.getElementById("wholeGraph").hidden = served;  // a store has no whole graph to draw
  document.getElementById("showRange").addEventListener("click", () =>
    showRange(document.getElementById("from").value, document.getElementById("to").value));
  const articleFilter = document.getElementById("articleFilter");
  const listArticles = list => list.forEach(a => {
    articleById.set(a.id, a);
    const option = el("option", (a.date ? `${a.date} · ` : "") + a.headline);
    option.value = a.id;
    articleFilter.appendChild(option);
  });
  if (served) remote.newest().then(listArticles).catch(() => {});
  else listArticles([...articles].reverse());
  articleFilter.addEventListener("change", () => { if (articleFilter.value) showArticle(articleFilter.value); else showStart(); });
  drawTimeline().catch(() => {});
  showStart();
}
document.addEventListener("DOMContentLoaded", init);
