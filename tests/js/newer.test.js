// Data written by a newer version of the site: never moved, overwritten or removed, and
// the learner told plainly (leerpad-storage.js, without a browser).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");

const store = require(path.join(__dirname, "../../plugins/leerpad/assets/leerpad-storage.js"));
const { memoryWindow } = require(path.join(__dirname, "memory-window.js"));
const KINDS = JSON.parse(fs.readFileSync(path.join(__dirname, "kinds.json"), "utf8"));
store.define(Object.fromEntries(
  Object.entries(KINDS).filter(([, kind]) => kind.stored).map(([name, kind]) => [name, kind.stored])
));
const T = "2026-11-29T10:00:00.000Z";
// What a newer leerpad might write: another shape, another version number.
const NEWER_FORMAT = JSON.stringify({ version: 3, items: { r: { kind: "reflection", state: {} } } });
const NEWER_KEY = JSON.stringify({ version: 3, voortgang: { "reflectie-1": "Van later" } });

function v2(widgets, extra) {
  return JSON.stringify(Object.assign({ version: 2, widgets: widgets, learner: {}, aside: {} }, extra));
}

function reflection(text) {
  return { k: "reflection", v: "tekst", s: { text: text }, t: T };
}

test("a newer format under our key stays byte for byte; the page works on in memory", () => {
  const win = memoryWindow({ "leerpad:v2": NEWER_FORMAT });
  const storage = store.open(win);
  assert.equal(storage.get("r", "reflection", "tekst"), null);
  assert.equal(storage.problem(), "newer");
  assert.equal(storage.persistent(), false);
  storage.set("r", "reflection", "tekst", { text: "nu, in dit tabblad" });
  assert.equal(storage.get("r", "reflection", "tekst").text, "nu, in dit tabblad");
  storage.replace({ version: 2, widgets: {}, learner: {}, aside: {} });
  storage.forget(() => true);
  assert.deepEqual([...win.items.entries()], [["leerpad:v2", NEWER_FORMAT]], "nothing moved or written");
  assert.deepEqual(storage.newer(), { here: "leerpad:v2", beside: [] });
  assert.deepEqual(storage.setAside(), { "leerpad:v2": NEWER_FORMAT }, "offered as a copy");
});

test("a newer format that another tab writes is left alone; this tab keeps what it showed", () => {
  const win = memoryWindow({ "leerpad:v2": v2({ r: reflection("van vandaag") }) });
  const storage = store.open(win);
  assert.equal(storage.get("r", "reflection", "tekst").text, "van vandaag");
  win.items.set("leerpad:v2", NEWER_FORMAT); // a newer site, open in another tab, saves
  win.fire("leerpad:v2");
  assert.equal(storage.problem(), "newer");
  assert.equal(storage.get("r", "reflection", "tekst").text, "van vandaag");
  storage.set("r", "reflection", "tekst", { text: "verder getypt" });
  assert.equal(win.items.get("leerpad:v2"), NEWER_FORMAT, "never written back over");
});

test("a newer version's own key is told once, ever, and never touched", () => {
  const win = memoryWindow({
    "leerpad:v2": v2({ r: reflection("van vandaag") }), "leerpad:v3": NEWER_KEY,
  });
  const storage = store.open(win);
  assert.equal(storage.get("r", "reflection", "tekst").text, "van vandaag");
  assert.equal(storage.problem(), "newerKey");
  assert.equal(storage.problem(), null);
  assert.deepEqual(storage.newer(), { here: null, beside: ["leerpad:v3"] });
  // This version keeps its own work, beside the newer one.
  storage.set("q", "quiz", "1", { answer: ["1"], checked: true });
  storage.forget((id) => id === "r");
  assert.equal(win.items.get("leerpad:v3"), NEWER_KEY);
  assert.equal(storage.setAside()["leerpad:v3"], NEWER_KEY, "offered as a copy");
  // The next page (or visit) does not tell it again.
  const next = store.open(win);
  assert.equal(next.get("q", "quiz", "1").checked, true);
  assert.equal(next.problem(), null);
  assert.deepEqual(next.newer().beside, ["leerpad:v3"], "Mijn voortgang still says it");
  // Wiping everything wipes this version's progress only (and tells it once more).
  next.replace({ version: 2, widgets: {}, learner: {}, aside: {} });
  assert.equal(win.items.get("leerpad:v3"), NEWER_KEY);
  // A later newer version is news again.
  win.items.set("leerpad:v4", NEWER_KEY);
  const later = store.open(win);
  later.get("q", "quiz", "1");
  assert.equal(later.problem(), "newerKey");
  assert.equal(win.items.get("leerpad:v3"), NEWER_KEY);
  assert.equal(win.items.get("leerpad:v4"), NEWER_KEY);
});

test("a newer key without ours (a rolled-back site): told, and our own key starts fresh", () => {
  const win = memoryWindow({ "leerpad:v3": NEWER_KEY });
  const storage = store.open(win);
  assert.equal(storage.get("r", "reflection", "tekst"), null);
  assert.equal(storage.problem(), "newerKey");
  storage.set("r", "reflection", "tekst", { text: "na het terugzetten" });
  assert.equal(win.items.get("leerpad:v3"), NEWER_KEY);
  assert.equal(JSON.parse(win.items.get("leerpad:v2")).widgets.r.s.text, "na het terugzetten");
  assert.equal(store.open(win).problem(), null, "told once");
});

test("a newer key written by another tab is noticed; damaged data is still told first", () => {
  const win = memoryWindow({ "leerpad:v2": "{half" });
  const storage = store.open(win);
  let followed = 0;
  storage.watch(() => { followed++; });
  assert.equal(storage.problem(), "corrupt");
  win.items.set("leerpad:v3", NEWER_KEY);
  win.fire("leerpad:v3");
  assert.equal(followed, 1, "Mijn voortgang shows it at once");
  assert.deepEqual(storage.newer().beside, ["leerpad:v3"]);
  assert.equal(storage.problem(), "newerKey");

  // Both at one load: the damage first; the newer key on the next page.
  const both = memoryWindow({ "leerpad:v2": "{half", "leerpad:v3": NEWER_KEY });
  const first = store.open(both);
  assert.equal(first.problem(), "corrupt");
  assert.equal(store.open(both).problem(), "newerKey");
  assert.equal(both.items.get("leerpad:v3"), NEWER_KEY);
});

test("only a higher number is newer: a broken or foreign value or key is not", () => {
  assert.equal(store.isNewer({ version: 3, widgets: {} }), true);
  for (const value of [{ version: 2 }, { version: "3" }, [3], null, "v3"]) {
    assert.equal(store.isNewer(value), false, JSON.stringify(value));
  }
  for (const key of ["leerpad:v3", "leerpad:v10"]) assert.equal(store.isNewerKey(key), true, key);
  const notNewer = ["leerpad:v1", "leerpad:v2", "leerpad:v02", "leerpad:v3x", "leerpad:v3:onleesbaar:1", "ander:v3", null];
  for (const key of notNewer) assert.equal(store.isNewerKey(key), false, String(key));
  // A told list that is not one is dropped, not kept aside as the learner's work.
  const read = store.normalise({ version: 2, widgets: {}, told: "leerpad:v3" }, Date.parse(T));
  assert.equal(read.setAside, 0);
  assert.equal(read.data.told, undefined);
});
