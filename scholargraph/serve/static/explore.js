// `scholargraph serve`: search, a person's view expanded by clicks, two people
// compared, filters and exports, all through the JSON API (/api/openapi.json).
// Every text from the graph is set as text, never as HTML; tooltips are the escaped
// HTML the server built (see graph.js).
"use strict";
(function () {
  var $ = function (id) { return document.getElementById(id); };
  var state = window.explorer = { busy: 0, views: [], person: null, comparing: false, error: "" };
  var nodes = new vis.DataSet();
  var edges = new vis.DataSet();
  var groups = {};
  var FACE = getComputedStyle(document.body).fontFamily;
  var LABEL_PX = 13; // labels keep this height on screen at any zoom, as on the pages
  var network = new vis.Network($("graph"), { nodes: nodes, edges: edges }, {
    nodes: { font: { size: LABEL_PX, face: FACE } },
    // rgba(): vis-network parses a hex colour again for each edge and arrow it draws
    // (a quarter of the script of redrawing 9k edges), an rgba() one not at all
    edges: { color: { color: "rgba(154,165,177,1)", highlight: "rgba(225,87,89,1)" }, smooth: false },
    interaction: { hover: true, tooltipDelay: 150 },
    physics: { enabled: false, solver: "forceAtlas2Based" }
  });
  state.network = network;
  state.labels = 0;
  scholargraphDraw.labelsOnHover(network, nodes);

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }

  function status(text) { $("status").textContent = text; }

  function counted() {
    status(nodes.length + " nodes, " + edges.length + " edges drawn" + (state.error ? " — " + state.error : ""));
  }

  // GET a JSON API path; a refusal becomes an Error with the server's message.
  function api(path, params) {
    var query = new URLSearchParams();
    Object.keys(params || {}).forEach(function (k) {
      if (params[k] !== "" && params[k] !== null && params[k] !== undefined) { query.set(k, params[k]); }
    });
    state.busy += 1;
    return fetch(path + (query.toString() ? "?" + query : "")).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) { throw new Error(body.error || response.statusText); }
        return body;
      });
    }).finally(function () { state.busy -= 1; });
  }

  function failed(error) { state.error = error.message; counted(); }

  // Answers are drawn from outlines (names, titles, years): a node or edge marked
  // `more` shows its whole fact (every property, the files and lines it was read
  // from) once first hovered, asked for then from /api/facts (once: `askedFacts`,
  // until a redraw).
  var askedFacts = {};
  function wholeFacts(event, items, ends) {
    network.on(event, function (ev) {
      var item = items.get(event === "hoverNode" ? ev.node : ev.edge);
      if (!item || !item.more || askedFacts[item.id]) { return; }
      askedFacts[item.id] = true;
      api("/api/facts", ends(item)).then(function (facts) {
        batched(function () {
          [[nodes, facts.nodes], [edges, facts.edges]].forEach(function (pair) {
            var known = pair[1].filter(function (f) { return pair[0].get(f.id); })
              .map(function (f) { return { id: f.id, title: f.title, more: false }; });
            pair[0].update(scholargraphDraw.withTooltips(known));
          });
        });
      }).catch(failed);
    });
  }
  wholeFacts("hoverNode", nodes, function (n) { return { id: n.id }; });
  wholeFacts("hoverEdge", edges, function (e) { return { id: e.from, other: e.to }; });

  function filters() {
    var out = { year_from: $("year-from").value, year_to: $("year-to").value };
    if ($("min-papers").value && $("min-papers").value !== "1") { out.min_papers = $("min-papers").value; }
    return out;
  }

  // Co-author ties are dashed. vis-network's own dash, 5 units on and 5 off, makes a tie
  // hundreds of tiny segments once zoomed out (1.5 pixels each at a 1,200-node view),
  // and painting those was over half of painting 9k edges: the app's dash is longer.
  var TIE_DASHES = [12, 12];
  var SETTLE_UP_TO = 300; // drawn nodes; past this, physics would take seconds per expansion
  var STEP = 45; // graph units between two nodes placed on a sunflower
  var GOLDEN = Math.PI * (3 - Math.sqrt(5));

  // vis-network draws the whole canvas again, at once, on each change of its data
  // while physics is off, and before that goes over every node and edge drawn (on
  // its `_dataChanged` and `_dataUpdated`: 50-100 ms each at 1,000 nodes and 8k
  // edges): `change` makes its changes with both held, gone over once, drawn once.
  function batched(change) {
    var emitter = network.body.emitter, emit = emitter.emit, changed = false;
    emitter.emit("_blockRedraw");
    emitter.emit = function (name) {
      if (name === "_dataChanged" || name === "_dataUpdated") { changed = true; return emitter; }
      return emit.apply(emitter, arguments);
    };
    try { return change(); } finally {
      emitter.emit = emit;
      if (changed) { emitter.emit("_dataChanged"); }
      emitter.emit("_allowRedraw");
      network.redraw();
    }
  }

  // Label the best-ranked nodes whose labels overlap none already drawn (the others
  // show theirs on hover), as the rendered pages do.
  function relabel() {
    state.labels = scholargraphDraw.declutter(network, nodes, function () { return true; }, LABEL_PX, FACE);
  }
  var pending = null;
  function relabelSoon() { clearTimeout(pending); pending = setTimeout(function () { batched(relabel); }, 150); }
  network.on("zoom", relabelSoon);
  network.on("dragEnd", relabelSoon);

  var asked = 0; // the rank of the people the latest view asked about: labelled first,
  // then those of the views before, then the best-ranked of each answer

  // Add an answer's graph; nodes not drawn yet go on a sunflower disc beside `anchor`,
  // on the side away from the middle of what is drawn (or keep where they were), so
  // what is drawn stays where it is. The people asked about are drawn as such.
  function add(graph, anchor, kept) {
    var at = anchor && network.getPositions([anchor])[anchor] || { x: 0, y: 0 };
    var focus = {};
    asked -= 1;
    graph.focus.forEach(function (id) { focus[id] = true; });
    var fresh = graph.nodes.filter(function (n) { return !nodes.get(n.id); });
    var marked = graph.nodes.filter(function (n) { return focus[n.id] && nodes.get(n.id); })
      .map(function (n) { return { id: n.id, color: n.color, borderWidth: n.borderWidth, size: n.size, rank: asked }; });
    var drawn = Object.values(network.getPositions());
    var mx = drawn.reduce(function (s, p) { return s + p.x; }, 0) / (drawn.length || 1);
    var my = drawn.reduce(function (s, p) { return s + p.y; }, 0) / (drawn.length || 1);
    var away = Math.hypot(at.x - mx, at.y - my) || 1;
    var radius = STEP * Math.sqrt(fresh.length + 1);
    var cx = drawn.length ? at.x + (at.x - mx) / away * (radius + STEP) : at.x;
    var cy = drawn.length ? at.y + (at.y - my) / away * (radius + STEP) : at.y;
    fresh.forEach(function (n, i) {
      var old = kept && kept[n.id];
      var r = STEP * Math.sqrt(i + 0.5);
      n.x = old ? old.x : cx + r * Math.cos(i * GOLDEN);
      n.y = old ? old.y : cy + r * Math.sin(i * GOLDEN);
      if (focus[n.id]) { n.rank = asked; }
      groups[n.group] = true;
    });
    var ties = graph.edges.filter(function (e) { return !edges.get(e.id); });
    ties.forEach(function (e) { if (e.dashes === true) { e.dashes = TIE_DASHES; } });
    batched(function () {
      nodes.update(scholargraphDraw.withTooltips(fresh).concat(marked));
      edges.update(scholargraphDraw.withTooltips(ties));
      relabel();
    });
    legend();
    counted();
    return fresh.map(function (n) { return n.id; });
  }

  function legend() {
    var shown = new vis.DataSet(Object.keys(groups).map(function (g) { return { id: g, group: g }; }));
    scholargraphDraw.legend($("legend"), GROUPS, shown, null);
  }

  // Draw every view again: after a filter changed, nodes `keep` where they were.
  // Only the latest redraw draws: one started before it stops (a filter typed fast).
  function redraw(keep) {
    var kept = keep ? network.getPositions() : {};
    var fresh = [];
    var round = state.round = (state.round || 0) + 1;
    batched(function () { nodes.clear(); edges.clear(); });
    groups = {}; state.error = ""; askedFacts = {};
    return state.views.reduce(function (done, view) {
      return done.then(function () {
        if (round !== state.round) { return null; }
        return api("/api/graph/" + view.query, Object.assign({}, view.params, filters()))
          .then(function (graph) { if (round === state.round) { fresh = fresh.concat(add(graph, view.anchor, kept)); } });
      });
    }, Promise.resolve()).then(function () {
      if (round === state.round) { settle(fresh.filter(function (id) { return !kept[id]; })); }
    }).catch(failed);
  }

  // Lay out the `fresh` nodes with the others held where they are, then stop (up to
  // SETTLE_UP_TO nodes drawn; past it they keep their sunflower).
  function settle(fresh) {
    if (!fresh.length || nodes.length > SETTLE_UP_TO) { return; }
    var held = nodes.getIds().filter(function (id) { return fresh.indexOf(id) < 0; });
    nodes.update(held.map(function (id) { return { id: id, fixed: true }; }));
    state.busy += 1;
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      batched(function () {
        nodes.update(held.map(function (id) { return { id: id, fixed: false }; }));
        relabel();
      });
      state.busy -= 1;
    });
    network.setOptions({ physics: { enabled: true } });
    network.stabilize(150);
  }

  function open(view) {
    state.views = [view];
    return redraw(false);
  }

  function openPerson(id) {
    state.comparing = false; mode();
    return Promise.all([open({ query: "ego", params: { person: id } }), showPerson(id)]);
  }

  // Draw a person's collaborators beside them, then show their panel (asked for once
  // the graph is in: the server answers one request at a time, the graph first, and
  // builds the panel while the browser draws).
  function expand(id) {
    var view = { query: "ego", params: { person: id }, anchor: id };
    state.views.push(view);
    return api("/api/graph/ego", Object.assign({}, view.params, filters())).then(function (g) {
      settle(add(g, id));
      return showPerson(id);
    }).catch(failed);
  }

  function compare(other) {
    var first = state.person;
    state.comparing = false; mode();
    return api("/api/pair", { person: first, other: other }).then(function (pair) {
      ["connection", "shared-collaborators"].forEach(function (query) {  // what the pair draws
        state.views.push({ query: query, params: { person: pair.ids[0], other: pair.ids[1] }, anchor: first });
      });
      settle(add(pair.graph, first));
      showPair(pair);
    }).catch(failed);
  }

  function mode() {
    $("mode").textContent = state.comparing ? "Pick the second person to compare with" : "";
  }

  // The side panel.
  function section(title, items, show) {
    var box = el("section");
    box.appendChild(el("h3", title + " (" + items.length + ")"));
    if (!items.length) { box.appendChild(el("p", "none", "muted")); return box; }
    var list = el("ul");
    items.forEach(function (item) { var li = el("li"); show(li, item); list.appendChild(li); });
    box.appendChild(list);
    return box;
  }

  function personLink(id, name) {
    var a = el("a", name); a.href = "#"; a.dataset.person = id;
    a.addEventListener("click", function (ev) { ev.preventDefault(); openPerson(id); });
    return a;
  }

  // An evidence line of a fact; from an enrichment document, with its API and day.
  function cited(fact, line) {
    var from = Object.prototype.hasOwnProperty.call(fact.enriched || {}, line) ? fact.enriched[line] : null;
    return from ? line + " — " + from.api + ", retrieved " + from.date : line;
  }

  function evidence(li, fact) {
    (fact.evidence || []).slice(0, 3).forEach(function (line) { li.appendChild(el("div", cited(fact, line), "muted")); });
  }

  function showPerson(id) {
    return api("/api/person", { person: id }).then(function (p) {
      state.person = p.person.id;
      var panel = $("panel"); panel.textContent = "";
      panel.appendChild(el("h2", p.person.name));
      var also = [p.person.native_name].concat(p.person.aliases || []).filter(Boolean);
      if (also.length) { panel.appendChild(el("p", "also: " + also.join(", "), "muted")); }
      var button = el("button", "Compare with…"); button.type = "button"; button.id = "compare";
      button.addEventListener("click", function () { state.comparing = true; mode(); $("search").focus(); });
      panel.appendChild(button);
      panel.appendChild(section("Papers", p.papers, function (li, w) {
        li.appendChild(el("b", w.year || "n.d.")); li.appendChild(document.createTextNode(" " + w.title));
        if (w.venue) { li.appendChild(el("span", " — " + w.venue, "muted")); }
        if (w.coauthors.length) { li.appendChild(el("div", "with " + w.coauthors.join(", "), "muted")); }
      }));
      panel.appendChild(section("Advisors", p.advisors, function (li, a) {
        li.appendChild(personLink(a.id, a.name));
        li.appendChild(document.createTextNode(a.kind ? " (" + a.kind + ")" : ""));
        evidence(li, a);
      }));
      panel.appendChild(section("Students", p.students, function (li, s) {
        li.appendChild(personLink(s.id, s.name));
        evidence(li, s);
      }));
      panel.appendChild(section("Co-authors", p.coauthors, function (li, c) {
        li.appendChild(personLink(c.id, c.name));
        li.appendChild(el("span", " " + c.papers + " paper(s), " + c.first_year + "–" + c.last_year, "muted"));
      }));
      panel.appendChild(section("Topics", p.topics, function (li, t) {
        li.appendChild(document.createTextNode(t.topic));
        if (t.cluster) { li.appendChild(el("span", " — " + t.cluster, "muted")); }
      }));
      panel.appendChild(section("Evidence", p.person.evidence || [], function (li, line) { li.textContent = cited(p.person, line); }));
      panel.appendChild(section("Read from", p.sources, function (li, path) { li.textContent = path; }));
    }).catch(failed);
  }

  function showPair(pair) {
    var panel = $("panel"); panel.textContent = "";
    var names = pair.paths.length ? [pair.paths[0][0].name, pair.paths[0][pair.paths[0].length - 1].name] : pair.ids;
    panel.appendChild(el("h2", names[0] + " and " + names[1]));
    var paths = el("section", null, "paths"); paths.id = "paths";
    paths.appendChild(el("h3", "Shortest connections (" + pair.paths.length + ")"));
    pair.paths.forEach(function (steps) {
      var list = el("ol", null, "path");
      steps.forEach(function (step) {
        var li = el("li", step.name + (step.year ? " (" + step.year + ")" : ""));
        li.dataset.label = step.label;
        list.appendChild(li);
      });
      paths.appendChild(list);
    });
    panel.appendChild(paths);
    panel.appendChild(section("Shared collaborators", pair.shared, function (li, s) {
      li.appendChild(personLink(s.id, s.name));
      li.appendChild(el("span", " " + s.papers_with_person + " + " + s.papers_with_other + " paper(s)", "muted"));
    }));
    panel.appendChild(section("Topics in common", pair.topics, function (li, t) {
      li.textContent = t.topic || t.name || JSON.stringify(t);
    }));
    network.selectNodes(pair.ids.filter(function (id) { return nodes.get(id); }));
  }

  // Type-ahead search.
  var timer = null;
  var hits = [];
  function choose(hit) {
    $("hits").hidden = true; $("search").value = hit.name;
    var person = hit.label === "Person" ? hit.id : (hit.author_ids || [])[0];
    if (!person) { status("no author known for that paper"); return; }
    if (state.comparing && state.person) { compare(person); } else { openPerson(person); }
  }
  function suggest() {
    var text = $("search").value.trim();
    if (!text) { $("hits").hidden = true; return; }
    api("/api/search", { q: text }).then(function (found) {
      hits = found;
      var list = $("hits"); list.textContent = "";
      found.forEach(function (hit, i) {
        var li = el("li", hit.name); li.setAttribute("role", "option"); li.dataset.id = hit.id;
        if (i === 0) { li.className = "active"; }
        var more = hit.label === "Person" ? (hit.also || []).join(", ") : "paper" + (hit.year ? ", " + hit.year : "");
        if (more) { li.appendChild(el("span", " " + more, "also")); }
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(hit); });
        list.appendChild(li);
      });
      list.hidden = !found.length;
    }).catch(failed);
  }
  $("search").addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(suggest, 150); });
  $("search").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") { ev.preventDefault(); if (hits.length && !$("hits").hidden) { choose(hits[0]); } }
    if (ev.key === "Escape") { $("hits").hidden = true; }
  });
  $("search").addEventListener("blur", function () { $("hits").hidden = true; });

  network.on("click", function (ev) {
    var id = ev.nodes[0];
    var node = id && nodes.get(id);
    if (!node || node.group !== "Person") { return; }
    if (state.comparing && state.person) { compare(id); } else { expand(id); }
  });

  // Filters and views.
  ["year-from", "year-to", "min-papers"].forEach(function (id) {
    $(id).addEventListener("change", function () { if (state.views.length) { redraw(true); } });
  });
  $("filters").addEventListener("submit", function (ev) { ev.preventDefault(); });
  $("labels").addEventListener("change", function () {
    network.setOptions({ nodes: { font: { color: $("labels").checked ? "#343434" : "rgba(0,0,0,0)" } } });
  });
  $("topics").addEventListener("click", function () {
    state.person = null;
    $("panel").textContent = "";
    $("panel").appendChild(el("h2", "Topic clusters"));
    open({ query: "topic-clusters", params: {} });
  });

  // Exports of what is drawn.
  function viewQuery() {
    var query = new URLSearchParams();
    query.set("ids", nodes.getIds().join(","));
    query.set("focus", network.getSelectedNodes().concat(state.person ? [state.person] : []).join(","));
    return query;
  }
  $("export-html").addEventListener("click", function () {
    var query = viewQuery(); query.set("title", $("panel").querySelector("h2") ? $("panel").querySelector("h2").textContent : "scholargraph view");
    this.href = "/export/view.html?" + query;
  });
  $("export-graphml").addEventListener("click", function () { this.href = "/export/view.graphml?" + viewQuery(); });
  $("export-png").addEventListener("click", function () { this.href = $("graph").querySelector("canvas").toDataURL("image/png"); });

  var GROUPS = {};
  api("/api/groups").then(function (g) { GROUPS = g; network.setOptions({ groups: g }); legend(); }).catch(failed);
  window.explorer.openPerson = openPerson;
  window.explorer.expand = expand;
  window.explorer.compare = compare;
  window.explorer.nodes = nodes;
  window.explorer.edges = edges;
  counted();
}());
