// The case page: verdict, issues with what-if sliders, actors, runs, evidence, news, history
// (structural edits: structure.js; the decision rule and an actor's people: decision.js).
"use strict";
const S = { id: Number(location.pathname.split("/").pop()), version: null, latest: null,
  saved: null, work: null, view: null, dirty: false, seq: 0, job: null, article: null,
  conflict: null };
const clone = (x) => JSON.parse(JSON.stringify(x));

// ---- quantities: a number, {value, sd}, {low, high} or {value, low, high} ----------------
function central(q) {
  if (typeof q === "number") return q;
  return q.value !== undefined ? q.value : (q.low + q.high) / 2;
}
function spread(q) {  // the range an actor's bar shows: low–high, or ± one sd
  if (typeof q === "number") return [null, null];
  if (q.sd) return [central(q) - q.sd, central(q) + q.sd];
  if (q.low !== undefined && q.high !== undefined) return [q.low, q.high];
  return [null, null];
}
// Move a quantity's centre to x, shifting its range with it (clipped to [lo, hi]).
function withCentral(q, x, lo, hi) {
  if (typeof q === "number") return x;
  const d = x - central(q), out = { ...q };
  if (q.value !== undefined) out.value = x;
  if (q.low !== undefined) {
    out.low = Math.max(lo, q.low + d);
    out.high = hi === null ? q.high + d : Math.min(hi, q.high + d);
    if (out.value === undefined && Math.abs((out.low + out.high) / 2 - x) > 1e-9) out.value = x;
    if (out.value !== undefined) { out.low = Math.min(out.low, x); out.high = Math.max(out.high, x); }
  }
  return out;
}
const RANGES = { position: [0, 100, 0.5], salience: [0, 1, 0.01], status_quo: [0, 100, 0.5],
  capability: [0, null, 0.01] };

function getAt(path) {
  return path.split(".").reduce((o, k) => {
    const m = k.match(/^(\w+)\[(\d+)\]$/);
    return m ? o[m[1]][Number(m[2])] : o[k];
  }, S.work);
}
function setAt(path, value) {
  const parts = path.split("."), last = parts.pop();
  const obj = parts.length ? getAtObj(parts) : S.work;
  obj[last] = value;
}
function getAtObj(parts) {
  return parts.reduce((o, k) => { const m = k.match(/^(\w+)\[(\d+)\]$/); return m ? o[m[1]][Number(m[2])] : o[k]; }, S.work);
}

// ---- an editable number: slider + field, with its uncertainty ----------------------------
// The uncertainty is one of: none (a plain number), ± sd (normal), low–high (a range, with the
// value as its mode). Each part is a number field; the server checks the quantity (low above
// high, a value outside its range, a negative sd) and names the field on the page.
const DEFAULT_SPREAD = { position: 10, status_quo: 10, salience: 0.1, capability: null };
function numberOr(x) { return x === "" || !Number.isFinite(Number(x)) ? undefined : Number(x); }
function withMode(q, mode, kind) {
  const c = central(q), [lo, hi] = RANGES[kind];
  const d = DEFAULT_SPREAD[kind] === null ? Math.max(0.1 * c, 0.01) : DEFAULT_SPREAD[kind];
  const base = typeof q === "object" && q.rationale ? { rationale: q.rationale } : {};
  if (mode === "sd") return { value: c, sd: d, ...base };
  if (mode === "range") return { value: c, low: Math.max(lo, c - d),
    high: hi === null ? c + d : Math.min(hi, c + d), ...base };
  return base.rationale ? { value: c, ...base } : c;
}
const modeOf = (q) => typeof q !== "object" ? "none" : q.sd !== undefined ? "sd"
  : q.low !== undefined || q.high !== undefined ? "range" : "none";

function editor(path, kind) {
  const q = getAt(path), [lo, hi, step] = RANGES[kind];
  const max = hi === null ? Math.max(1, central(q) * 3) : hi;
  const attrs = { "data-path": path, step, min: lo, max, value: central(q) };
  const slider = el("input", { type: "range", ...attrs, "aria-label": path + " slider" });
  const field = el("input", { type: "number", ...attrs, "aria-label": path, "data-field": path });
  const part = (name) => el("input", { type: "number", step, "data-path": path, "data-part": name,
    "aria-label": `${path} ${name}`, class: "unc-part" });
  const parts = { low: part("low"), high: part("high"), sd: part("sd") };
  const mode = el("select", { "aria-label": `${path} uncertainty`, "data-unc": path },
    el("option", { value: "none" }, "exact"), el("option", { value: "sd" }, "± sd"),
    el("option", { value: "range" }, "range"));
  const show = (nq) => {  // the fields as the quantity says
    const m = modeOf(nq);
    mode.value = m;
    parts.sd.hidden = m !== "sd"; parts.low.hidden = parts.high.hidden = m !== "range";
    for (const k of ["low", "high", "sd"]) {
      if (document.activeElement !== parts[k]) parts[k].value = nq[k] === undefined ? "" : nq[k];
    }
    if (m === "range" && nq.value === undefined && nq.low !== undefined && nq.high !== undefined) {
      slider.value = field.value = central(nq);  // a uniform range: its middle is the value
    }
  };
  const put = (nq, ev) => { setAt(path, nq); show(nq); edited(ev); };
  const onValue = (src, other) => (ev) => {
    const x = Number(src.value);
    if (src.value === "" || !Number.isFinite(x)) return;
    other.value = x;
    put(withCentral(getAt(path), x, lo, hi), ev);
  };
  slider.addEventListener("input", onValue(slider, field));
  field.addEventListener("input", onValue(field, slider));
  mode.addEventListener("change", (ev) => put(withMode(getAt(path), mode.value, kind), ev));
  for (const [k, inp] of Object.entries(parts)) inp.addEventListener("input", (ev) => {
    const nq = { ...(typeof getAt(path) === "object" ? getAt(path) : { value: getAt(path) }) };
    const x = numberOr(inp.value);
    if (x === undefined) delete nq[k]; else nq[k] = x;
    put(nq, ev);
  });
  show(q);
  return el("div", {}, el("span", { class: "row editor" }, slider, field, mode, parts.low,
    parts.high, parts.sd), el("span", { class: "field-error", "data-error": path }));
}

// ---- what-if: recompute on the server on every change ------------------------------------
// window.accordRedraws: ms from each input event to its chart and table replaced (the last
// edit's only: an answer overtaken by a newer edit is dropped); read by the browser tests.
window.accordRedraws = [];
async function edited(ev) {
  const t0 = ev && ev.timeStamp > 0 ? ev.timeStamp : performance.now();
  if (!S.dirty) { S.dirty = true; renderBanner(); }
  const seq = ++S.seq;
  try {
    const view = await api("POST", "/api/forecast", { case: S.work });
    if (seq !== S.seq) return;
    clearErrors();
    S.view = view; renderView();
    const ms = performance.now() - t0;
    window.accordRedraws.push(ms);
    $("#timing").textContent = `forecast updated in ${Math.round(ms)} ms`;
  } catch (e) {
    if (seq === S.seq) showErrors(e);
  }
}
function clearErrors() {
  $$("[data-error]").forEach((x) => { x.textContent = ""; });
  $$("input.invalid").forEach((x) => x.classList.remove("invalid"));
}
function showErrors(e) {
  clearErrors();
  const rest = [];
  for (const [where, what] of (e.data && e.data.problems) || []) {
    const slot = $(`[data-error="${CSS.escape(where)}"]`);
    if (slot) { slot.textContent = what; $$(`[data-path="${CSS.escape(where)}"]`).forEach((i) => i.classList.add("invalid")); }
    else rest.push(`${where || "(top level)"}: ${what}`);
  }
  $("#timing").textContent = rest.length ? rest.join("; ") : "fix the marked field to update the forecast";
}

// ---- rendering ---------------------------------------------------------------------------
function renderBanner() {
  const b = $("#banner");
  if (S.conflict) {
    b.replaceChildren(el("div", { class: "banner conflict", id: "conflict" },
      el("span", {}, S.conflict), el("button", { onclick: () => load() }, "Reload the newest version")));
  } else if (S.version !== S.latest) {
    b.replaceChildren(el("div", { class: "banner old" },
      `You are viewing version ${S.version}; the newest is ${S.latest}.`,
      el("button", { onclick: () => restore(S.version) }, `Restore version ${S.version}`),
      el("a", { href: `/case/${S.id}` }, "back to the newest")));
  } else if (S.dirty) {
    b.replaceChildren(el("div", { class: "banner dirty", id: "unsaved" },
      el("strong", {}, "What-if: not saved."),
      el("input", { type: "text", id: "note", placeholder: "note for this version", size: 34 }),
      el("button", { class: "primary", id: "save", onclick: save }, "Save as new version"),
      el("button", { id: "discard", onclick: discard }, "Discard"),
      el("span", { class: "error", id: "save-error" })));
  } else b.replaceChildren();
}

function positionsOf(issueId) {
  return S.work.positions.map((p, i) => ({ p, i })).filter((x) => x.p.issue === issueId);
}
const actorName = (id) => (S.work.actors.find((a) => a.id === id) || { name: id }).name;

function renderIssues() {
  const box = $("#issues");
  box.replaceChildren(...S.work.issues.map((iss, j) => {
    const scale = Object.entries(iss.scale).sort((a, b) => a[0] - b[0]);
    const rows = positionsOf(iss.id).map(({ p, i }) => el("tr", {},
      el("td", {}, actorName(p.actor)),
      el("td", {}, editor(`positions[${i}].position`, "position")),
      el("td", {}, editor(`positions[${i}].salience`, "salience")),
      el("td", {}, p.evidence && p.evidence.length ? el("span", { class: "pill" }, `${p.evidence.length} evidence`)
        : el("span", { class: "flag" }, "no evidence")), positionRemover(p)));
    return el("section", { class: "card issue", id: `issue-${iss.id}`, "data-issue": iss.id },
      el("div", { class: "row heading" }, el("h2", {}, iss.title), issueRemover(iss)),
      iss.description ? el("p", { class: "muted" }, iss.description) : null,
      issueEditor(iss),
      el("div", { class: "scale-labels" }, scale.map(([k, v]) => el("div", {}, el("b", {}, k), " ", v))),
      el("div", { class: "chart" }), el("div", { class: "sentences" }),
      el("table", { class: "forecast-table" }), el("p", { class: "muted calibration" }),
      el("h3", {}, "Positions"),
      el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "actor"), el("th", {}, "position (0–100)"),
        el("th", {}, "salience (0–1)"), el("th", {}, "evidence"), el("th", {}, ""))), el("tbody", {}, rows)),
      positionAdder(iss),
      el("div", { class: "row" }, "Status quo: ", editor(`issues[${j}].status_quo`, "status_quo")));
  }));
}

function renderView() {
  const v = S.view;
  $("#question").textContent = v.question || "Will the talks succeed?";
  const t = $("#verdict-text");
  t.textContent = v.verdict;
  const partial = v.issues.some((i) => i.zone) && v.issues.some((i) => !i.zone);
  t.className = "verdict " + (partial ? "" : v.issues.some((i) => i.zone) ? "yes" : "no");
  $("#changes").replaceChildren(...(v.changes.length ? v.changes.map((c) => el("li", {}, c))
    : [el("li", {}, "Nothing: a deal is possible on every issue.")]));
  for (const fi of v.issues) {
    const sec = $(`[data-issue="${CSS.escape(fi.id)}"]`);
    if (!sec) continue;
    const rows = positionsOf(fi.id).map(({ p }) => {
      const a = S.work.actors.find((x) => x.id === p.actor) || {};
      const [lo, hi] = spread(p.position);
      return { id: p.actor, name: actorName(p.actor), x: central(p.position), lo, hi, veto: !!a.veto };
    });
    $(".chart", sec).replaceChildren(issueChart(rows, fi.status_quo, fi.zone, fi.outcomes, fi.intervals));
    $(".sentences", sec).replaceChildren(...fi.summary.map((s) => el("p", {}, s)));
    $(".forecast-table", sec).replaceChildren(...forecastRows(fi));
    const note = v.intervals_note || "";
    $(".calibration", sec).textContent = note && `${note[0].toUpperCase()}${note.slice(1)}.`;
  }
  renderProcedural();
}

// The forecast table: the point forecast per model, then its 50/80/95% intervals (as the
// brief and accord forecast give them), the status quo and the zone of agreement.
function forecastRows(fi) {
  const models = Object.keys(fi.outcomes);
  const zone = fi.zone ? `${pt(fi.zone[0])}–${pt(fi.zone[1])}` : "none";
  const span = (m, lv) => { const iv = (fi.intervals[m] || {})[lv]; return iv ? `${pt(iv[0])}–${pt(iv[1])}` : "–"; };
  const rows = [
    el("tr", {}, el("th", {}, ""), ...models.map((m) => el("th", { class: "num" }, m)),
      el("th", {}, "status quo"), el("th", {}, "zone of agreement")),
    el("tr", {}, el("th", {}, "forecast"),
      ...models.map((m) => el("td", { class: "num", "data-model": m }, pt(fi.outcomes[m]))),
      el("td", {}, pt(fi.status_quo)), el("td", { class: "zone-cell" }, zone))];
  for (const lv of ["50", "80", "95"]) rows.push(el("tr", { class: `interval-${lv}` },
    el("th", {}, `${lv}% interval`),
    ...models.map((m) => el("td", { class: "num", "data-interval": `${m}/${lv}` }, span(m, lv)))));
  return rows;
}

function renderActors() {
  $("#actor-rows").replaceChildren(...S.work.actors.map((a, i) => el("tr", {},
    el("td", {}, a.name), vetoToggle(a),
    el("td", {}, editor(`actors[${i}].capability`, "capability")),
    el("td", { class: "muted" }, (a.capability && a.capability.rationale) ? "rationale given" : ""),
    actorRemover(a))));
}

function evidenceItem(ev, srcs) {
  const s = srcs[ev.source] || { title: ev.source };
  const source = s.url ? el("a", { href: s.url, target: "_blank", rel: "noopener" }, s.title) : s.title;
  return el("li", {}, ev.quote ? `“${ev.quote}”` : (ev.rationale || ""), " — ",
    ev.speaker || "unnamed speaker", ", ", source, s.published ? `, ${s.published}` : "", ` (${ev.kind})`);
}
function positionEvidence(p, srcs) {
  const ev = p.evidence || [];
  return el("li", { "data-position": `${p.actor}/${p.issue}` },
    el("strong", {}, actorName(p.actor)), ` at ${pt(central(p.position))}: `,
    ev.length === 0 ? el("span", { class: "flag" }, "no evidence for this position")
      : el("ul", {}, ev.map((e) => evidenceItem(e, srcs))));
}
function renderEvidence() {
  const srcs = Object.fromEntries((S.work.sources || []).map((s) => [s.id, s]));
  $("#evidence-list").replaceChildren(...S.work.issues.map((iss) => el("div", {},
    el("h3", {}, iss.title),
    el("ul", { class: "evidence" }, positionsOf(iss.id).map(({ p }) => positionEvidence(p, srcs))))));
}

async function renderHistory() {
  const h = await api("GET", `/api/cases/${S.id}/versions`);
  $("#versions").replaceChildren(...h.versions.map((v) => el("tr", { "data-version": v.number },
    el("td", {}, `v${v.number}`), el("td", {}, v.note), el("td", { class: "muted" }, v.saved.replace("T", " ")),
    el("td", { class: "row" }, el("a", { href: `/case/${S.id}?version=${v.number}` }, "view"),
      v.number === S.latest ? el("span", { class: "muted" }, "newest") :
        el("button", { onclick: () => restore(v.number) }, "Restore")))));
}

function renderDownloads() {
  const q = `?version=${S.version}`;
  $("#download-links").replaceChildren(
    el("a", { class: "button", href: `/api/cases/${S.id}/brief.html${q}&samples=1000` }, "Brief (HTML)"),
    el("a", { class: "button", href: `/api/cases/${S.id}/brief.md${q}&samples=1000` }, "Brief (Markdown, zip)"),
    el("a", { class: "button", href: `/api/cases/${S.id}/forecast.json${q}` }, "Forecast (JSON)"),
    el("a", { class: "button", href: `/api/cases/${S.id}/export.yaml${q}` }, "Case (YAML)"));
}

function renderAll() {
  document.title = `accord · ${S.work.title}`;
  $("#title").textContent = S.work.title;
  $("#where").textContent = `case ${S.id}`;
  $("#meta").textContent = `version ${S.version} of ${S.latest} · ${S.note} · ${S.savedAt.replace("T", " ")}` +
    (S.work.date ? ` · as of ${S.work.date}` : "");
  renderBanner(); renderIssues(); renderActors(); renderView(); renderEvidence(); renderDownloads();
  renderStructureForms(); renderHistory();
}

// ---- load, save, discard, restore --------------------------------------------------------
async function load() {
  const ver = new URLSearchParams(location.search).get("version");
  const d = await api("GET", `/api/cases/${S.id}` + (ver ? `?version=${Number(ver)}` : ""));
  Object.assign(S, { version: d.version, latest: d.latest, saved: d.case, work: clone(d.case),
    view: d.view, note: d.note, savedAt: d.saved, dirty: false, conflict: null, kinds: d.actor_kinds });
  $("#structure-status").textContent = "";
  renderAll();
}
async function save() {
  const note = $("#note").value.trim() || "what-if edit";
  try {
    await api("POST", `/api/cases/${S.id}/save`, { case: S.work, note, base: S.version });
    history.replaceState(null, "", `/case/${S.id}`);
    await load();
  } catch (e) {
    if (e.status === 409) { S.conflict = e.message; renderBanner(); }
    else { $("#save-error").textContent = problemsText(e); showErrors(e); }
  }
}
function discard() { load(); }
async function restore(n) {
  try {
    await api("POST", `/api/cases/${S.id}/restore`, { version: n, base: S.latest });
    history.replaceState(null, "", `/case/${S.id}`);
    await load();
  } catch (e) { if (e.status === 409) { S.conflict = e.message; renderBanner(); } else alert(problemsText(e)); }
}

// ---- dynamic models and the Monte Carlo sweep (background runs) --------------------------
async function startRun(kind) {
  $("#run-result").replaceChildren();
  try {
    const body = { case: S.work, kind };
    if (kind === "sweep") body.samples = Number($("#samples").value);
    const job = await api("POST", "/api/runs", body);
    S.job = job.id; $("#progress").hidden = false; $("#cancel-run").hidden = false;
    pollRun();
  } catch (e) { $("#run-status").textContent = problemsText(e); }
}
async function pollRun() {
  if (!S.job) return;
  const job = await api("GET", `/api/runs/${S.job}`);
  $("#progress > div").style.width = `${Math.round(job.progress * 100)}%`;
  $("#run-status").textContent = `${job.kind}: ${job.status} (${Math.round(job.progress * 100)}%)`;
  if (job.status === "running") { setTimeout(pollRun, 150); return; }
  S.job = null; $("#cancel-run").hidden = true;
  if (job.status === "done") (job.kind === "dynamic" ? showDynamic : showSweep)(job.result);
  if (job.error) $("#run-status").textContent += ": " + job.error;
}
async function cancelRun() { if (S.job) await api("DELETE", `/api/runs/${S.job}`); }

function showDynamic(r) {
  const out = [];
  for (const iss of S.work.issues) {
    const o = r.outcomes[iss.id] || {};
    out.push(el("h3", {}, iss.title),
      el("table", {}, el("tr", {}, ...r.models.map((m) => el("th", { class: "num" }, m))),
        el("tr", {}, ...r.models.map((m) => el("td", { class: "num" }, pt(o[m]))))),
      el("p", { class: "muted" }, `EUM rounds: ${r.rounds[iss.id].rounds}` +
        (r.rounds[iss.id].converged ? " (converged)" : " (stopped at the round limit)") +
        "; dashed black line: the weighted median"),
      el("div", { class: "chart" }, roundsChart(r.rounds[iss.id])));
  }
  $("#run-result").replaceChildren(...out);
}
function showSweep(sw) {
  const rows = [];
  for (const iss of sw.issues) for (const [m, ms] of Object.entries(iss.models)) {
    const iv = ms.intervals["80"];
    rows.push(el("tr", {}, el("td", {}, iss.title), el("td", {}, m), el("td", { class: "num" }, pt(ms.median)),
      el("td", { class: "num" }, iv ? `${pt(iv[0])}–${pt(iv[1])}` : "–"),
      el("td", { class: "num" }, `${Math.round(iss.agreement_probability * 100)}%`)));
  }
  const note = sw.calibration ? ` ${sw.calibration[0].toUpperCase()}${sw.calibration.slice(1)}.`
    : " Intervals from input uncertainty only: not calibrated.";
  $("#run-result").replaceChildren(el("p", { class: "muted", id: "sweep-note" },
    `${sw.samples} samples, seed ${sw.seed}.${note}`),
    el("table", { id: "sweep-table" }, el("tr", {}, ...["issue", "model", "median", "80% interval",
      "P(zone of agreement)"].map((h) => el("th", {}, h))), rows));
}

// ---- from the news -----------------------------------------------------------------------
let articleName = "pasted-article.txt";
$("#article-file").addEventListener("change", async (ev) => {
  const f = ev.target.files[0];
  if (!f) return;
  articleName = f.name;
  $("#article-text").value = await f.text();
});
async function extract() {
  $("#extract-status").textContent = "reading…";
  const date = $("#article-date").value;
  const body = { text: $("#article-text").value, filename: articleName };
  if (date) body.published = date;
  try {
    S.article = await api("POST", "/api/extract", body);
    $("#extract-status").textContent = `${S.article.quotes.length} quotes, ${S.article.events.length} events`;
    showArticle();
  } catch (e) { $("#extract-status").textContent = problemsText(e); }
}
function highlighted(a) {
  const marks = [...a.quotes.map((q, i) => ({ s: q.start, e: q.end, cls: "quote", i })),
    ...a.events.map((ev) => ({ s: ev.start, e: ev.end, cls: "event", title: ev.plover }))]
    .sort((x, y) => x.s - y.s);
  const out = []; let at = 0;
  for (const m of marks) {
    if (m.s < at) continue;
    out.push(a.text.slice(at, m.s));
    out.push(m.cls === "quote" ? el("mark", { class: "quote", title: `quote ${m.i + 1}` }, a.text.slice(m.s, m.e))
      : el("span", { class: "event", title: m.title }, a.text.slice(m.s, m.e)));
    at = m.e;
  }
  out.push(a.text.slice(at));
  return el("div", { class: "article" }, out);
}
function showArticle() {
  const a = S.article;
  const options = S.work.positions.map((p) => el("option", { value: `${p.actor}|${p.issue}` },
    `${actorName(p.actor)} on ${(S.work.issues.find((i) => i.id === p.issue) || {}).title || p.issue}`));
  const quotes = a.quotes.map((q, i) => {
    const sel = el("select", { "aria-label": `position for quote ${i + 1}` }, options.map((o) => o.cloneNode(true)));
    return el("li", { "data-quote": i }, `“${q.text}” — ${q.speaker || "unknown speaker"} `, sel,
      el("button", { onclick: () => attach(q, sel.value) }, "Attach as evidence"));
  });
  $("#extract-result").replaceChildren(el("h3", {}, a.title), highlighted(a),
    el("p", { class: "muted" }, "yellow: quotes; underlined: events (PLOVER code on hover)"),
    el("ol", { class: "quotes" }, quotes));
}
async function attach(q, target) {
  const [actor, issue] = target.split("|");
  const article = { title: S.article.title, published: S.article.published, url: $("#article-url").value || null };
  try {
    const r = await api("POST", "/api/attach", { case: S.work, actor, issue, quote: q.text, speaker: q.speaker, article });
    S.work = r.case; S.view = r.view; S.dirty = true;
    renderBanner(); renderIssues(); renderView(); renderEvidence(); showArticle();
    $("#extract-status").textContent = `attached to ${actorName(actor)} on ${issue} (not saved yet)`;
  } catch (e) { $("#extract-status").textContent = problemsText(e); }
}

$("#run-dynamic").addEventListener("click", () => startRun("dynamic"));
$("#run-sweep").addEventListener("click", () => startRun("sweep"));
$("#cancel-run").addEventListener("click", cancelRun);
$("#extract").addEventListener("click", extract);
load().catch((e) => { $("#title").textContent = problemsText(e); });
