// The case page's structural edits (loaded before case.js, whose state and renderers it uses
// when called): add or remove a position, an actor or an issue, set
// an actor's veto, rename an actor and edit an issue's title, description and scale (ids stay;
// the decision rule and an actor's people: decision.js). Each edit goes to POST /api/edit/... with the case as the page holds it;
// the server validates the edited case with the case schema and answers with the case and its
// forecast, or a 422 whose problems name the form's fields (shown next to them). The edited
// case is not saved until it is saved as a new version, like a what-if edit.
"use strict";

// ---- form fields and their error slots ---------------------------------------------------
// A slot is [data-form-error=PATH] inside the form; a problem goes to the slot of its path or
// of the nearest enclosing path ("positions.missiles.salience" → "positions.missiles"), else
// to the form's general slot (""). Inputs whose data-for matches the path are marked invalid.
let uid = 0;
function labelled(text, input, path) {
  input.id = input.id || `se-${++uid}`;
  if (path !== undefined) input.setAttribute("data-for", path);
  return el("span", { class: "field" }, el("label", { for: input.id }, text), input);
}
const slot = (path) => el("span", { class: "field-error", "data-form-error": path, role: "alert" });
const numberField = (attrs) => el("input", { type: "number", ...attrs });
// A number field's number; a blank one is left out of the request (the server names it).
const fieldNumber = (input) => input.value === "" || !Number.isFinite(Number(input.value))
  ? undefined : Number(input.value);

function clearFormErrors(root) {
  $$("[data-form-error]", root).forEach((x) => { x.textContent = ""; });
  $$(".invalid", root).forEach((x) => x.classList.remove("invalid"));
}
function enclosing(path) {
  const m = path.match(/^(.*)(\.[^.[\]]+|\[\d+\])$/);
  return m ? m[1] : "";
}
function showFormErrors(root, e) {
  clearFormErrors(root);
  const caseProblems = [];
  for (const [where, what] of (e.data && e.data.problems) || [[ "", e.message ]]) {
    let at = where, box = null;
    for (;;) {
      box = $(`[data-form-error="${CSS.escape(at)}"]`, root);
      if (box || at === "") break;
      at = enclosing(at);
    }
    if ($(`[data-error="${CSS.escape(where)}"]`)) caseProblems.push([where, what]);
    if (box) box.textContent += (box.textContent ? "; " : "") + (at === where ? what : `${where}: ${what}`);
    $$("[data-for]", root).filter((i) => where && (i.dataset.for === where
      || i.dataset.for.startsWith(`${where}.`) || where.startsWith(`${i.dataset.for}.`)))
      .forEach((i) => i.classList.add("invalid"));
  }
  if (caseProblems.length) showErrors({ data: { problems: caseProblems } });
}

// A quantity typed in a form: a value with its uncertainty (exact, ± sd, or a low–high range).
function quantityInput(path, label, kind, initial) {
  const [lo, hi, step] = RANGES[kind];
  const value = numberField({ step, min: lo, max: hi === null ? undefined : hi, value: initial });
  const part = (name) => numberField({ step, "data-for": path, class: "unc-part",
    "aria-label": `${label} ${name}` });
  const parts = { sd: part("sd"), low: part("low"), high: part("high") };
  const mode = el("select", { "aria-label": `${label} uncertainty`, "data-for": path },
    el("option", { value: "none" }, "exact"), el("option", { value: "sd" }, "± sd"),
    el("option", { value: "range" }, "range"));
  const show = () => {
    parts.sd.hidden = mode.value !== "sd";
    parts.low.hidden = parts.high.hidden = mode.value !== "range";
  };
  mode.addEventListener("change", show);
  show();
  const node = el("span", { class: "row quantity" }, labelled(label, value, path), mode,
    parts.sd, parts.low, parts.high, slot(path));
  const get = () => {
    const x = fieldNumber(value);
    if (mode.value === "none") return x;
    const q = x === undefined ? {} : { value: x };
    for (const k of mode.value === "sd" ? ["sd"] : ["low", "high"]) {
      const v = fieldNumber(parts[k]);
      if (v !== undefined) q[k] = v;
    }
    return q;
  };
  return { node, get };
}

// ---- send an edit ------------------------------------------------------------------------
async function structuralEdit(what, body, root, done) {
  const seq = ++S.seq;  // a what-if answer still on its way is for the case before this edit
  try {
    const r = await api("POST", `/api/edit/${what}`, { case: S.work, ...body });
    if (seq !== S.seq) return;
    const focused = document.activeElement && document.activeElement.id;
    Object.assign(S, { work: r.case, view: r.view, dirty: true });
    clearErrors();
    renderBanner(); renderIssues(); renderActors(); renderView(); renderEvidence();
    renderStructureForms();
    if (S.article) showArticle();
    $("#structure-status").textContent = `${done} (not saved yet)`;
    // keyboard users stay where they were, or hear what happened if that control is gone
    (focused && document.getElementById(focused) || $("#structure-status")).focus();
  } catch (e) {
    if (seq === S.seq) showFormErrors(root, e);
  }
}

const issueTitle = (id) => (S.work.issues.find((i) => i.id === id) || { title: id }).title;
const countPositions = (key, id) => S.work.positions.filter((p) => p[key] === id).length;
const plural = (n, one) => `${n} ${one}${n === 1 ? "" : "s"}`;

// ---- in each issue: remove it, remove a position, add one --------------------------------
function issueRemover(iss) {
  const box = el("span", {}, slot(""));
  const n = countPositions("issue", iss.id);
  box.prepend(el("button", { type: "button", class: "danger", id: `remove-issue-${iss.id}`,
    "aria-label": `Remove issue: ${iss.title}`,
    onclick: () => {
      if (!confirm(`Remove the issue “${iss.title}” and its ${plural(n, "position")}? ` +
        "(Nothing is saved until you save.)")) return;
      structuralEdit("remove-issue", { issue: iss.id }, box, `removed the issue “${iss.title}”`);
    } }, "Remove issue"));
  return box;
}

function positionRemover(p) {
  const cell = el("td", {}, slot(""));
  const name = `${actorName(p.actor)}’s position on ${issueTitle(p.issue)}`;
  cell.prepend(el("button", { type: "button", "aria-label": `Remove ${name}`,
    id: `remove-position-${p.actor}-${p.issue}`,
    onclick: () => structuralEdit("remove-position", { actor: p.actor, issue: p.issue }, cell,
      `removed ${name}`) }, "Remove"));
  return cell;
}

function positionAdder(iss) {
  const free = S.work.actors.filter((a) => !S.work.positions.some(
    (p) => p.actor === a.id && p.issue === iss.id));
  if (!free.length) return el("p", { class: "muted" }, "Every actor has a position on this issue.");
  const actor = el("select", {}, free.map((a) => el("option", { value: a.id }, a.name)));
  const position = numberField({ step: 0.5, min: 0, max: 100 });
  const salience = numberField({ step: 0.01, min: 0, max: 1 });
  const form = el("form", { class: "row add-position", novalidate: true, "aria-label": `Add a position on ${iss.title}` },
    el("strong", {}, "Add a position:"), labelled("actor", actor, "actor"), slot("actor"),
    labelled("position (0–100)", position, "position"), slot("position"),
    labelled("salience (0–1)", salience, "salience"), slot("salience"),
    el("button", { type: "submit", id: `add-position-${iss.id}` }, "Add position"), slot("issue"),
    slot(""));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    structuralEdit("add-position", { actor: actor.value, issue: iss.id,
      position: fieldNumber(position), salience: fieldNumber(salience) }, form,
    `added ${actorName(actor.value)}’s position on ${iss.title}`);
  });
  return form;
}

// ---- in the actors table: veto, remove ---------------------------------------------------
function vetoToggle(a) {
  const cell = el("td", {});
  const box = el("input", { type: "checkbox", "aria-label": `veto: ${a.name}`, checked: !!a.veto,
    id: `veto-${a.id}` });
  box.addEventListener("change", () => {
    const on = box.checked;
    box.checked = !!a.veto;  // shown as it is until the server agrees
    structuralEdit("veto", { actor: a.id, veto: on }, cell,
      `${a.name} ${on ? "is now" : "is no longer"} a veto player`);
  });
  cell.append(box, slot("veto"), slot(""));
  return cell;
}

function actorRemover(a) {
  const cell = el("td", {}, slot(""));
  cell.prepend(el("button", { type: "button", class: "danger", "aria-label": `Remove ${a.name}`,
    id: `remove-actor-${a.id}`, onclick: () => {
      const n = countPositions("actor", a.id);
      if (!confirm(`Remove ${a.name} and its ${plural(n, "position")}? ` +
        "(Nothing is saved until you save.)")) return;
      structuralEdit("remove-actor", { actor: a.id }, cell, `removed ${a.name}`);
    } }, "Remove"));
  return cell;
}

// ---- the add-an-actor and add-an-issue forms ---------------------------------------------
// Positions typed with a new actor (one row per issue) or a new issue (one row per actor): a
// row left blank adds none; a veto player needs one on every issue.
function standRows(items, hint) {
  const rows = items.map((it) => {
    const path = `positions.${it.id}`;
    const position = numberField({ step: 0.5, min: 0, max: 100 });
    const salience = numberField({ step: 0.01, min: 0, max: 1 });
    const row = el("tr", { "data-stand": it.id }, el("td", {}, it.label, hint(it)),
      el("td", {}, labelled("position", position, `${path}.position`)),
      el("td", {}, labelled("salience", salience, `${path}.salience`)), el("td", {}, slot(path)));
    $$("label", row).forEach((l) => { l.classList.add("sr-only"); });
    position.setAttribute("aria-label", `position of ${it.label}`);
    salience.setAttribute("aria-label", `salience of ${it.label}`);
    return { id: it.id, row, position, salience };
  });
  const get = () => Object.fromEntries(rows.filter((r) => r.position.value !== ""
    || r.salience.value !== "").map((r) => [r.id, { position: fieldNumber(r.position),
    salience: fieldNumber(r.salience) }]));
  const table = el("table", { class: "stands" }, el("thead", {}, el("tr", {}, el("th", {}, ""),
    el("th", {}, "position (0–100)"), el("th", {}, "salience (0–1)"), el("th", {}, ""))),
  el("tbody", {}, rows.map((r) => r.row)));
  return { table, get };
}

function actorForm() {
  const name = el("input", { type: "text", size: 24 });
  const kind = el("select", {}, (S.kinds || ["state"]).map((k) => el("option", { value: k }, k)));
  const capability = quantityInput("actor.capability", "capability", "capability", 0.5);
  const veto = el("input", { type: "checkbox" });
  const stands = standRows(S.work.issues.map((i) => ({ id: i.id, label: i.title })), () => null);
  const form = el("form", { id: "add-actor", novalidate: true, "aria-labelledby": "add-actor-title" },
    el("h3", { id: "add-actor-title" }, "Add an actor"),
    el("div", { class: "row" }, labelled("name", name, "actor.name"), slot("actor.name"),
      labelled("kind", kind, "actor.kind"), slot("actor.kind")),
    el("div", { class: "row" }, capability.node),
    el("div", { class: "row" }, labelled("veto player", veto, "actor.veto"), slot("actor.veto"),
      slot("actor.id"), slot("actor")),
    el("p", { class: "muted" }, "Its positions (optional; a veto player needs one on every " +
      "issue; uncertainty can be set in the issue's table afterwards):"),
    stands.table,
    el("div", { class: "row" }, el("button", { type: "submit", class: "primary", id: "add-actor-submit" },
      "Add actor"), slot("")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const actor = { name: name.value.trim(), kind: kind.value, capability: capability.get(),
      veto: veto.checked };
    structuralEdit("add-actor", { actor, positions: stands.get() }, form, `added ${actor.name}`);
  });
  return form;
}

function issueForm() {
  const title = el("input", { type: "text", size: 48 });
  const labels = [0, 50, 100].map((x) => [x, el("input", { type: "text", size: 40 })]);
  const statusQuo = quantityInput("issue.status_quo", "status quo (0–100)", "status_quo", 50);
  const stands = standRows(S.work.actors.map((a) => ({ id: a.id, label: a.name, veto: a.veto })),
    (a) => a.veto ? el("span", { class: "muted" }, " (veto player: needed)") : null);
  const form = el("form", { id: "add-issue-form", novalidate: true, "aria-labelledby": "add-issue-title" },
    el("h2", { id: "add-issue-title" }, "Add an issue"),
    el("div", { class: "row" }, labelled("title", title, "issue.title"), slot("issue.title"),
      slot("issue.id"), slot("issue")),
    el("div", { class: "scale-inputs" }, labels.map(([x, inp]) => el("div", { class: "row" },
      labelled(`label at ${x}${x === 50 ? " (optional)" : ""}`, inp, "issue.scale"))),
    slot("issue.scale")),
    el("div", { class: "row" }, statusQuo.node),
    el("p", { class: "muted" }, "The actors' positions on it (optional, except for veto " +
      "players; uncertainty can be set in the issue's table afterwards):"),
    stands.table,
    el("div", { class: "row" }, el("button", { type: "submit", class: "primary", id: "add-issue-submit" },
      "Add issue"), slot("")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const scale = Object.fromEntries(labels.filter(([, inp]) => inp.value.trim() !== "")
      .map(([x, inp]) => [x, inp.value.trim()]));
    const issue = { title: title.value.trim(), scale, status_quo: statusQuo.get() };
    structuralEdit("add-issue", { issue, positions: stands.get() }, form,
      `added the issue “${issue.title}”`);
  });
  return form;
}

// ---- rename an actor; edit an issue's title, description and scale ------------------------
// The id stays, so positions and the decision block keep pointing at the actor or issue.
// A select of the case's actors showing `current` (the first actor if it is gone).
function actorPicker(current) {
  const actors = S.work.actors;
  const shown = actors.some((a) => a.id === current) ? current : actors[0].id;
  return el("select", {}, actors.map((a) => el("option",
    { value: a.id, selected: a.id === shown }, a.name)));
}

let renaming = null;  // the actor the rename form shows, kept when the page is redrawn
function renameForm() {
  const actors = S.work.actors;
  const which = actorPicker(renaming);
  const name = el("input", { type: "text", size: 24 });
  const kind = el("select", {}, (S.kinds || ["state"]).map((k) => el("option", { value: k }, k)));
  const aliases = el("textarea", { rows: 3, cols: 40 });
  const fill = () => {
    const a = actors.find((x) => x.id === which.value);
    renaming = a.id;
    name.value = a.name; kind.value = a.kind || "state"; aliases.value = (a.aliases || []).join("\n");
  };
  const form = el("form", { id: "rename-actor", novalidate: true,
    "aria-labelledby": "rename-actor-title" },
  el("h3", { id: "rename-actor-title" }, "Rename an actor"),
  el("div", { class: "row" }, labelled("actor", which, "actor"), slot("actor"),
    labelled("new name", name, "name"), slot("name"), labelled("kind", kind, "kind"), slot("kind")),
  el("div", { class: "row" }, labelled("aliases (one per line)", aliases, "aliases"),
    slot("aliases")),
  el("p", { class: "muted" }, "Its id stays, so its positions and its place in the decision " +
    "block stay with it."),
  el("div", { class: "row" }, el("button", { type: "submit", id: "rename-actor-submit" },
    "Rename actor"), slot("")));
  which.addEventListener("change", () => { clearFormErrors(form); fill(); });
  fill();
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const before = actorName(which.value), after = name.value.trim();
    structuralEdit("rename-actor", { actor: which.value, name: after, kind: kind.value,
      aliases: aliases.value.split("\n").map((x) => x.trim()).filter((x) => x) }, form,
    before === after ? `changed ${after}` : `renamed ${before} to ${after}`);
  });
  return form;
}

const openIssueEditors = new Set();  // the issues whose edit form is open, kept on redraws
function issueEditor(iss) {
  const title = el("input", { type: "text", size: 60, value: iss.title });
  const description = el("textarea", { rows: 2, cols: 60 });
  description.value = iss.description || "";
  const points = Object.entries(iss.scale).sort((a, b) => a[0] - b[0]).concat([["", ""]]);
  const rows = points.map(([x, label], n) => {
    const name = x === "" ? "the new scale point" : `scale point ${n + 1}`;
    const at = numberField({ step: "any", min: 0, max: 100, value: x, "data-for": "scale" });
    const text = el("input", { type: "text", size: 80, value: label, "data-for": "scale" });
    const row = el("div", { class: "row" }, labelled("at", at), labelled("label", text));
    at.setAttribute("aria-label", `${name} (0–100)`);
    text.setAttribute("aria-label", `label of ${name}`);
    return { at, text, row };
  });
  const form = el("form", { class: "edit-issue", novalidate: true },
    el("div", { class: "row" }, labelled("title", title, "title"), slot("title"), slot("issue")),
    el("div", { class: "row" }, labelled("description (optional)", description, "description"),
      slot("description")),
    el("p", { class: "muted" }, "Labelled points of the scale (0 and 100 are needed; clear a " +
      "label to drop its point; the last row adds one):"),
    rows.map((r) => r.row), slot("scale"),
    el("div", { class: "row" }, el("button", { type: "submit", id: `edit-issue-submit-${iss.id}` },
      "Update issue"), slot("")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const kept = rows.filter((r) => r.text.value.trim() !== "");
    kept.forEach((r) => { r.text.dataset.for = r.at.dataset.for = `scale.${r.at.value === ""
      ? "" : Number(r.at.value)}`; });
    const scale = Object.fromEntries(kept.map((r) => [r.at.value === "" ? ""
      : String(Number(r.at.value)), r.text.value.trim()]));
    structuralEdit("edit-issue", { issue: iss.id, title: title.value.trim(),
      description: description.value.trim(), scale }, form,
    `edited the issue “${title.value.trim()}”`);
  });
  const box = el("details", { class: "edit-issue", open: openIssueEditors.has(iss.id) },
    el("summary", {}, "Edit title, description and scale"), form);
  box.addEventListener("toggle", () => {
    if (box.open) openIssueEditors.add(iss.id); else openIssueEditors.delete(iss.id);
  });
  return box;
}

function renderStructureForms() {
  $("#rename-actor-box").replaceChildren(renameForm());
  $("#add-actor-box").replaceChildren(actorForm());
  $("#add-issue").replaceChildren(issueForm());
  $("#people-box").replaceChildren(peopleForm());
  $("#decision-box").replaceChildren(decisionForm());
}
