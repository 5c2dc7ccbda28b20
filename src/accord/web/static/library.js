// The case library: list, search, import, duplicate, export, delete (with confirmation).
"use strict";

async function loadList() {
  const q = $("#search").value;
  const data = await api("GET", "/api/cases?q=" + encodeURIComponent(q));
  $("#dbpath").textContent = "Library file: " + data.library;
  const body = $("#cases tbody");
  body.replaceChildren(...data.cases.map(row));
  $("#empty").hidden = data.cases.length > 0;
}

function row(c) {
  return el("tr", { "data-id": c.id },
    el("td", {}, el("a", { href: `/case/${c.id}` }, c.title),
      c.origin ? el("div", { class: "muted" }, c.origin) : null),
    el("td", { class: "num" }, c.actors), el("td", { class: "num" }, c.issues),
    el("td", { class: "num" }, c.versions), el("td", {}, c.saved.replace("T", " ")),
    el("td", { class: "row" },
      el("button", { onclick: () => duplicate(c.id) }, "Duplicate"),
      el("a", { class: "button", href: `/api/cases/${c.id}/export.yaml` }, "Export YAML"),
      el("button", { class: "danger", onclick: () => remove(c) }, "Delete")));
}

async function duplicate(id) { await api("POST", `/api/cases/${id}/duplicate`); loadList(); }

async function remove(c) {
  if (!confirm(`Delete “${c.title}” from the library? Its ${c.versions} version(s) will no longer be listed.`)) return;
  await api("DELETE", `/api/cases/${c.id}?confirm=${c.id}`);
  loadList();
}

$("#search").addEventListener("input", loadList);
$("#import").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  $("#import-error").textContent = "";
  const form = new FormData($("#import"));
  if (!form.get("format")) form.delete("format");
  try {
    const r = await api("POST", "/api/cases/import", form);
    location.href = `/case/${r.id}`;
  } catch (e) { $("#import-error").textContent = problemsText(e); }
});
loadList();
