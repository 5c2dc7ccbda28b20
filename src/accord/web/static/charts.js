// Inline SVG charts: an issue's scale with positions, zone and forecasts; the EUM's rounds.
"use strict";
const SVGNS = "http://www.w3.org/2000/svg";
const MODEL_COLOURS = { compromise: "#2456a6", median: "#8a3ffc", nash: "#d0501f",
  eum: "#0f7b6c", "eum-mean": "#5aa89a", exchange: "#b8860b" };
const ACTOR_COLOURS = ["#2456a6", "#d0501f", "#2e7d4f", "#8a3ffc", "#b8860b", "#c2185b",
  "#00838f", "#6d4c41", "#546e7a", "#7cb342"];

function svg(tag, attrs = {}, text) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const WIDTHS = { 95: 1.5, 80: 4, 50: 8 };  // interval bars, as in the brief: 95% thin, 50% thick

// One row per model: its 95%, 80% and 50% intervals and the forecast (a white-ringed dot).
function intervalRows(s, X, y0, rowH, forecasts, intervals) {
  let i = 0;
  for (const [m, v] of Object.entries(forecasts)) {
    const iv = intervals[m], y = y0 + rowH * i + rowH / 2, c = MODEL_COLOURS[m] || "#333";
    s.append(svg("text", { x: X(0) - 8, y: y + 4, "font-size": 12, "text-anchor": "end", fill: c }, m));
    if (iv) for (const lv of ["95", "80", "50"]) s.append(svg("line", { x1: X(iv[lv][0]),
      x2: X(iv[lv][1]), y1: y, y2: y, stroke: c, "stroke-width": WIDTHS[lv], opacity: 0.85,
      class: "interval", "data-model": m, "data-level": lv }));
    if (v !== null) s.append(svg("circle", { cx: X(v), cy: y, r: 4.5, fill: c, stroke: "#fff",
      "stroke-width": 1.5 }));
    i++;
  }
  return i;
}

// rows: [{name, x, lo, hi, veto}], forecasts: {model: x|null}, zone: [lo, hi]|null,
// intervals: {model: {"50"|"80"|"95": [lo, hi]}}
function issueChart(rows, sq, zone, forecasts, intervals = {}) {
  const W = 720, L = 150, R = 20, top = 34, rowH = 22, models = Object.keys(forecasts).length;
  const H = top + rowH * (rows.length + models) + 40;
  const X = (v) => L + (W - L - R) * v / 100;
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", class: "issue-chart" });
  const bottom = top + rowH * rows.length + 6 + rowH * models;
  if (zone) s.append(svg("rect", { x: X(zone[0]), y: top - 6, width: Math.max(1, X(zone[1]) - X(zone[0])),
    height: bottom - top + 6, fill: "#cfe9d8", class: "zone" }));
  for (let v = 0; v <= 100; v += 10) {
    s.append(svg("line", { x1: X(v), x2: X(v), y1: bottom, y2: bottom + 5, stroke: "#888" }));
    s.append(svg("text", { x: X(v), y: bottom + 18, "font-size": 11, "text-anchor": "middle", fill: "#555" }, v));
  }
  s.append(svg("line", { x1: X(0), x2: X(100), y1: bottom, y2: bottom, stroke: "#888" }));
  s.append(svg("line", { x1: X(sq), x2: X(sq), y1: top - 8, y2: bottom, stroke: "#333",
    "stroke-dasharray": "4 3", class: "sq" }));
  s.append(svg("text", { x: X(sq), y: bottom + 30, "font-size": 11, "text-anchor": "middle" }, "status quo"));
  rows.forEach((r, i) => {
    const y = top + rowH * i + rowH / 2;
    const name = r.name + (r.veto ? " (veto)" : "");  // a long name is cut; its title has it
    const label = svg("text", { x: L - 8, y: y + 4, "font-size": 12, "text-anchor": "end",
      "font-weight": r.veto ? 700 : 400 }, name.length > 22 ? name.slice(0, 21) + "…" : name);
    label.append(svg("title", {}, name));
    s.append(label);
    s.append(svg("line", { x1: X(0), x2: X(100), y1: y, y2: y, stroke: "#eee" }));
    if (r.lo !== null && r.hi !== null) s.append(svg("line", { x1: X(r.lo), x2: X(r.hi), y1: y, y2: y,
      stroke: ACTOR_COLOURS[i % 10], "stroke-width": 3, opacity: 0.35 }));
    s.append(svg("circle", { cx: X(r.x), cy: y, r: 6, fill: ACTOR_COLOURS[i % 10], class: "actor-dot",
      "data-actor": r.id }));
  });
  const y0 = top + rowH * rows.length + 6;
  s.append(svg("line", { x1: 4, x2: W - R, y1: y0 - 3, y2: y0 - 3, stroke: "#ccc" }));
  s.append(svg("text", { x: 4, y: y0 + 10, "font-size": 10, fill: "#555" }, "forecast,"));
  s.append(svg("text", { x: 4, y: y0 + 22, "font-size": 10, fill: "#555" }, "50/80/95%"));
  intervalRows(s, X, y0, rowH, forecasts, intervals);
  for (const [m, v] of Object.entries(forecasts)) {  // named in the rows below
    if (v === null) continue;
    const c = MODEL_COLOURS[m] || "#333", x = X(v);
    s.append(svg("path", { d: `M${x - 6},${top - 22} L${x + 6},${top - 22} L${x},${top - 11} Z`, fill: c,
      class: "forecast", "data-model": m }));
  }
  return s;
}

// tr: trajectory dict (positions [rounds+1][actors], median, actors)
function roundsChart(tr) {
  const W = 720, H = 220, L = 40, R = 130, T = 10, B = 28;
  const n = tr.positions.length - 1;
  const X = (r) => L + (W - L - R) * (n === 0 ? 0 : r / n);
  const Y = (v) => T + (H - T - B) * (1 - v / 100);
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", class: "rounds-chart" });
  for (let v = 0; v <= 100; v += 25) {
    s.append(svg("line", { x1: L, x2: W - R, y1: Y(v), y2: Y(v), stroke: "#eee" }));
    s.append(svg("text", { x: L - 6, y: Y(v) + 4, "font-size": 10, "text-anchor": "end" }, v));
  }
  s.append(svg("text", { x: (L + W - R) / 2, y: H - 6, "font-size": 11, "text-anchor": "middle" },
    `round (0–${n})`));
  const line = (vals, attrs) => {
    const pts = vals.map((v, r) => v === null ? null : `${X(r)},${Y(v)}`).filter(Boolean);
    if (pts.length) s.append(svg("polyline", { points: pts.join(" "), fill: "none", ...attrs }));
  };
  tr.actors.forEach((a, i) => {
    const vals = tr.positions.map((row) => row[i]);
    line(vals, { stroke: ACTOR_COLOURS[i % 10], "stroke-width": 1.5 });
    const last = vals[vals.length - 1];
    if (last !== null) s.append(svg("text", { x: W - R + 6, y: Y(last) + 4, "font-size": 10,
      fill: ACTOR_COLOURS[i % 10] }, a));
  });
  line(tr.median, { stroke: "#000", "stroke-width": 3, "stroke-dasharray": "6 3" });
  return s;
}
