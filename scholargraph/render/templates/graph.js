// Shared by the rendered pages (inlined) and `scholargraph serve` (served as
// /static/graph.js): the legend, tooltips from escaped HTML, labels on hover.
// Every text from the graph is set as text (textContent, createTextNode), never as
// HTML, except the tooltips, which Python built from escaped values.
"use strict";
var scholargraphDraw = (function () {
  var SVG = "http://www.w3.org/2000/svg";
  // The outline of each vis-network shape in a 14x14 box.
  var SHAPES = {
    dot: ["circle", { cx: 7, cy: 7, r: 6 }],
    square: ["rect", { x: 1.5, y: 1.5, width: 11, height: 11 }],
    box: ["rect", { x: 0.5, y: 3, width: 13, height: 8, rx: 2 }],
    diamond: ["polygon", { points: "7,0.5 13.5,7 7,13.5 0.5,7" }],
    triangle: ["polygon", { points: "7,1 13.5,12.5 0.5,12.5" }],
    hexagon: ["polygon", { points: "3.5,1 10.5,1 13.5,7 10.5,13 3.5,13 0.5,7" }],
    star: ["polygon", { points: "7,0.5 8.8,5 13.5,5.2 9.8,8.2 11.1,13 7,10.3 2.9,13 4.2,8.2 0.5,5.2 5.2,5" }]
  };

  function svg(name, attributes) {
    var el = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (k) { el.setAttribute(k, String(attributes[k])); });
    return el;
  }

  // A 14x14 (or 28x14 for an edge) picture of a node shape or an edge style.
  function shapeIcon(shape, color) {
    var icon = svg("svg", { width: 14, height: 14, viewBox: "0 0 14 14", "class": "icon" });
    var spec = SHAPES[shape] || SHAPES.dot;
    var attributes = Object.assign({ fill: color.background, stroke: color.border }, spec[1]);
    icon.appendChild(svg(spec[0], attributes));
    return icon;
  }

  function edgeIcon(dashed, arrow) {
    var icon = svg("svg", { width: 28, height: 14, viewBox: "0 0 28 14", "class": "icon" });
    var line = { x1: 1, y1: 7, x2: arrow ? 21 : 27, y2: 7, stroke: "#9aa5b1", "stroke-width": 2 };
    if (dashed) { line["stroke-dasharray"] = "4 3"; }
    icon.appendChild(svg("line", line));
    if (arrow) { icon.appendChild(svg("polygon", { points: "20,3 27,7 20,11", fill: "#9aa5b1" })); }
    return icon;
  }

  function entry(icon, text) {
    var span = document.createElement("span");
    span.className = "entry";
    span.appendChild(icon);
    span.appendChild(document.createTextNode(text));
    return span;
  }

  // The legend in `box`: each label present in `nodes` with its real shape and colour
  // (a checkbox hiding it when `onToggle` is given), the people asked about, and the
  // two edge styles.
  function legend(box, groups, nodes, onToggle) {
    box.textContent = "";
    Object.keys(groups).forEach(function (group) {
      if (!nodes.get({ filter: function (n) { return n.group === group; } }).length) { return; }
      var item = entry(shapeIcon(groups[group].shape, groups[group].color), group);
      if (onToggle) {
        var check = document.createElement("input");
        check.type = "checkbox"; check.checked = true; check.id = "show-" + group;
        check.addEventListener("change", function () { onToggle(group, !check.checked); });
        var label = document.createElement("label");
        label.htmlFor = check.id;
        while (item.firstChild) { label.appendChild(item.firstChild); }
        item.appendChild(check); item.appendChild(label);
      }
      box.appendChild(item);
    });
    box.appendChild(entry(shapeIcon("dot", { background: "#e15759", border: "#8c1c1e" }), "asked about"));
    box.appendChild(entry(edgeIcon(false, true), "fact (advised, authored, member of…)"));
    box.appendChild(entry(edgeIcon(true, false), "co-authors (wider: more joint papers)"));
  }

  // vis-network shows a string title as plain text: ours is escaped HTML, made an element.
  function asElement(html) { var d = document.createElement("div"); d.innerHTML = html; return d; }

  function withTooltips(items) {
    items.forEach(function (item) { if (typeof item.title === "string") { item.title = asElement(item.title); } });
    return items;
  }

  // Unlabelled nodes show their label while hovered.
  function labelsOnHover(network, nodes) {
    network.on("hoverNode", function (ev) {
      var n = nodes.get(ev.node);
      if (n && !n.label && n.hover) { nodes.update({ id: n.id, label: n.hover, hovering: true }); }
    });
    network.on("blurNode", function (ev) {
      var n = nodes.get(ev.node);
      if (n && n.hovering) { nodes.update({ id: n.id, label: "", hovering: false }); }
    });
  }

  var PAD = 2; // pixels kept free around each label

  // Labels `px` pixels high on screen at the current zoom, drawn for the nodes with a
  // `rank` (best first) that `visible` accepts, leaving out each that would overlap
  // one already drawn (those show on hover). vis-network draws a label one font size
  // high, centred on a box, and under any other shape half a font size and 4 units
  // below its edge.
  function declutter(network, nodes, visible, px, face) {
    var scale = network.getScale();
    var ctx = document.createElement("canvas").getContext("2d");
    ctx.font = px + "px " + face;
    var candidates = nodes.get({ filter: function (n) { return n.rank !== undefined && visible(n); } })
      .sort(function (a, b) { return a.rank - b.rank; });
    var at = network.getPositions(candidates.map(function (n) { return n.id; }));
    var boxes = [], shown = {};
    candidates.forEach(function (n) {
      var p = network.canvasToDOM(at[n.id]);
      var half = ctx.measureText(n.hover).width / 2 + PAD;
      var top = n.shape === "box" ? p.y - px / 2 : p.y + (n.size + 4) * scale + px / 2;
      var box = { l: p.x - half, r: p.x + half, t: top - PAD, b: top + px + PAD };
      var free = boxes.every(function (o) { return box.r <= o.l || o.r <= box.l || box.b <= o.t || o.b <= box.t; });
      if (free) { boxes.push(box); shown[n.id] = true; }
    });
    network.setOptions({ nodes: { font: { size: px / scale } } });
    nodes.update(candidates
      .filter(function (n) { return !n.hovering && (n.label !== "") !== !!shown[n.id]; })
      .map(function (n) { return { id: n.id, label: shown[n.id] ? n.hover : "" }; }));
    return Object.keys(shown).length;
  }

  // The nodes whose names (any script, aliases), title or path contain `text`.
  function find(nodes, text) {
    var q = text.trim().toLowerCase();
    return q ? nodes.get({ filter: function (n) { return String(n.search || n.label).indexOf(q) >= 0; } }) : [];
  }

  return { legend: legend, withTooltips: withTooltips, labelsOnHover: labelsOnHover, declutter: declutter, find: find };
}());
