// The case page's decision rule and an actor's people (loaded after structure.js, whose form
// helpers and structuralEdit they use, and before case.js). The decision form states, changes
// or removes the case's decision block (POST /api/edit/decision); the table below it shows
// the procedural models' forecast under that rule, redrawn with every forecast. The people
// form replaces an actor's people (POST /api/edit/people). As every structural edit, the
// server validates the edited case and the page marks it not saved.
"use strict";

const RULES = [["consensus", "consensus (no voter objects)"], ["unanimity", "unanimity"],
  ["majority", "majority (more than half the weight)"], ["qmv", "qualified majority (qmv)"]];
const check = (attrs) => el("input", { type: "checkbox", ...attrs });

// One row per actor: whether it votes, must consent, and its vote weight (when given).
function deciderRows(d) {
  const rows = S.work.actors.map((a) => {
    const path = `decision.weights.${a.id}`;
    const votes = check({ "aria-label": `votes: ${a.name}`, "data-for": "decision.voters",
      checked: !d.voters || d.voters.includes(a.id) });
    const must = check({ "aria-label": `must consent: ${a.name}`, "data-for": "decision.must_consent",
      checked: (d.must_consent || []).includes(a.id) });
    const given = typeof d.weights === "object" ? d.weights[a.id] : undefined;
    const weight = numberField({ step: "any", min: 0, value: given, "aria-label": `vote weight: ${a.name}`,
      "data-for": path });
    const row = el("tr", {}, el("td", {}, a.name), el("td", {}, votes), el("td", {}, must),
      el("td", {}, weight, slot(path)));
    return { id: a.id, votes, must, weight, row };
  });
  const table = el("table", { class: "stands deciders" }, el("thead", {}, el("tr", {},
    el("th", {}, "actor"), el("th", {}, "votes"), el("th", {}, "must consent"),
    el("th", {}, "vote weight"))), el("tbody", {}, rows.map((r) => r.row)));
  return { rows, table };
}

function decisionForm() {
  const d = S.work.decision || { proposer: S.work.actors[0].id, rule: "consensus", weights: "capability" };
  const has = !!S.work.decision;
  const proposer = el("select", {}, S.work.actors.map((a) => el("option",
    { value: a.id, selected: a.id === d.proposer }, a.name)));
  const rule = el("select", {}, RULES.map(([v, text]) => el("option",
    { value: v, selected: v === d.rule }, text)));
  const threshold = numberField({ step: 0.01, min: 0, max: 1, value: d.threshold });
  const weights = el("select", {}, [["capability", "by capability"], ["equal", "equal"],
    ["given", "as given in the table"]].map(([v, text]) => el("option", { value: v,
    selected: v === (typeof d.weights === "object" ? "given" : d.weights) }, text)));
  const voters = el("select", {}, el("option", { value: "all", selected: !d.voters },
    "every actor (also ones added later)"), el("option", { value: "ticked", selected: !!d.voters },
    "the actors ticked in the table"));
  const rationale = el("textarea", { rows: 2, cols: 60 });
  rationale.value = d.rationale || "";
  const deciders = deciderRows(d);
  const sync = () => {  // only what applies can be typed in
    threshold.disabled = rule.value !== "qmv";
    deciders.rows.forEach((r) => { r.votes.disabled = voters.value === "all";
      r.weight.disabled = weights.value !== "given"; });
  };
  [rule, weights, voters].forEach((s) => s.addEventListener("change", sync));
  sync();
  const remove = has ? el("button", { type: "button", class: "danger", id: "decision-remove",
    onclick: () => {
      if (!confirm("Remove the decision rule? The procedural models then do not apply. " +
        "(Nothing is saved until you save.)")) return;
      structuralEdit("decision", { decision: null }, form, "removed the decision rule");
    } }, "Remove decision rule") : null;
  const form = el("form", { id: "decision-form", novalidate: true, "aria-labelledby": "decision-title" },
    el("p", { class: "muted" }, has ? "How the talks decide: the proposer tables a text, which " +
      "passes if the voters accept it under the rule and every actor who must consent accepts it."
      : "This case states no decision rule, so the procedural models do not apply. Fill in " +
      "the form to add one."),
    el("div", { class: "row" }, labelled("proposer (agenda setter)", proposer, "decision.proposer"),
      slot("decision.proposer"), labelled("rule", rule, "decision.rule"), slot("decision.rule"),
      labelled("threshold (qmv: share of the weight needed, 0–1)", threshold, "decision.threshold"),
      slot("decision.threshold")),
    el("div", { class: "row" }, labelled("who votes", voters, "decision.voters"),
      slot("decision.voters"), labelled("vote weights", weights, "decision.weights"),
      slot("decision.weights")),
    deciders.table, slot("decision.must_consent"),
    el("div", { class: "row" }, labelled("rationale (optional)", rationale, "decision.rationale"),
      slot("decision.rationale")),
    el("div", { class: "row" }, el("button", { type: "submit", class: "primary", id: "decision-submit" },
      has ? "Set decision rule" : "Add decision rule"), remove, slot("decision"), slot("")));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const ticked = (key) => deciders.rows.filter((r) => r[key].checked).map((r) => r.id);
    const block = { proposer: proposer.value, rule: rule.value, must_consent: ticked("must") };
    if (rule.value === "qmv") block.threshold = fieldNumber(threshold);
    if (voters.value === "ticked") block.voters = ticked("votes");
    const voting = voters.value === "ticked" ? deciders.rows.filter((r) => r.votes.checked)
      : deciders.rows;
    block.weights = weights.value !== "given" ? weights.value : Object.fromEntries(voting
      .filter((r) => r.weight.value !== "").map((r) => [r.id, fieldNumber(r.weight)]));
    if (rationale.value.trim()) block.rationale = rationale.value.trim();
    structuralEdit("decision", { decision: block }, form,
      `${has ? "changed" : "added"} the decision rule (${actorName(block.proposer)} proposes, ${block.rule})`);
  });
  return form;
}

// The procedural models' forecast per issue under the rule, with its 80% interval.
function renderProcedural() {
  const pv = S.view.procedural;
  const box = $("#procedural-forecast");
  if (!pv) {
    box.replaceChildren(el("p", { class: "muted" }, "No procedural forecast: the case states no decision rule."));
    return;
  }
  const cell = (fi, m) => {
    const iv = (fi.intervals[m] || {})["80"];
    return el("td", { class: "num", "data-procedural": `${fi.id}/${m}` }, pt(fi.outcomes[m]),
      iv ? el("span", { class: "muted" }, ` (${pt(iv[0])}–${pt(iv[1])})`) : null);
  };
  const note = pv.intervals_note || "";
  box.replaceChildren(el("h3", {}, "What the procedural models forecast under this rule"),
    el("table", {}, el("thead", {}, el("tr", {}, el("th", {}, "issue"),
      ...pv.models.map((m) => el("th", { class: "num" }, `${m} (80% interval)`)))),
    el("tbody", {}, pv.issues.map((fi) => el("tr", {}, el("td", {}, fi.title),
      ...pv.models.map((m) => cell(fi, m)))))),
    el("p", { class: "muted" }, note && `${note[0].toUpperCase()}${note.slice(1)}.`));
}

// ---- an actor's people: one row each, and an empty row to add one --------------------------
let peopleOf = null;  // the actor the people form shows, kept when the page is redrawn
function peopleForm() {
  const which = actorPicker(peopleOf);
  peopleOf = which.value;
  const actor = S.work.actors.find((a) => a.id === peopleOf);
  const people = (actor.people || []).concat([{ name: "", aliases: [] }]);
  const rows = people.map((p, n) => {
    const who = p.name ? `person ${n + 1}` : "the new person";
    const field = (part, value, size) => el("input", { type: "text", size, value: value || "",
      "aria-label": `${part} of ${who}` });
    const name = field("name", p.name, 24), role = field("role", p.role, 28);
    const aliases = field("aliases (separated by ;)", (p.aliases || []).join("; "), 28);
    const error = slot(`people[${n}]`);
    return { name, role, aliases, error, row: el("tr", {}, el("td", {}, name), el("td", {}, role),
      el("td", {}, aliases), el("td", {}, error)) };
  });
  const table = el("table", { class: "stands people" }, el("thead", {}, el("tr", {},
    ["name", "role", "aliases (separated by ;)", ""].map((h) => el("th", {}, h)))),
  el("tbody", {}, rows.map((r) => r.row)));
  const form = el("form", { id: "people-form", novalidate: true, "aria-labelledby": "people-title" },
    el("h3", { id: "people-title" }, "People of an actor"),
    el("div", { class: "row" }, labelled("actor", which, "actor"), slot("actor")),
    el("p", { class: "muted" }, "Who it speaks or acts through: name, role and aliases " +
      "(separated by ;). Clear a name to remove the person; the last row adds one."),
    table, slot("people"),
    el("div", { class: "row" }, el("button", { type: "submit", id: "people-submit" }, "Update people"),
      slot("")));
  which.addEventListener("change", () => {
    peopleOf = which.value;
    $("#people-box").replaceChildren(peopleForm());
    $("#people-form select").focus();
  });
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const kept = rows.filter((r) => r.name.value.trim() !== "");
    rows.forEach((r) => { r.error.dataset.formError = "dropped"; });
    kept.forEach((r, k) => {  // problems come back by the place in the list sent
      r.error.dataset.formError = `people[${k}]`;
      for (const part of ["name", "role", "aliases"]) r[part].dataset.for = `people[${k}].${part}`;
    });
    const list = kept.map((r) => ({ name: r.name.value.trim(), role: r.role.value.trim(),
      aliases: r.aliases.value.split(";").map((x) => x.trim()).filter((x) => x) }));
    structuralEdit("people", { actor: which.value, people: list }, form,
      `updated the people of ${actorName(which.value)}`);
  });
  return form;
}
