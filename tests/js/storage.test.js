// Storage checks, upgrade and merge of leerpad-storage.js, without a browser.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");

const store = require(path.join(__dirname, "../../plugins/leerpad/assets/leerpad-storage.js"));
const imports = require(path.join(__dirname, "../../plugins/leerpad/assets/leerpad-merge.js"));
const { memoryWindow } = require(path.join(__dirname, "memory-window.js"));
// The widget kinds' stored fields, as the build writes them into leerpad.js (the registry's
// table; tests/test_js_units.py keeps this copy equal to it).
const KINDS = JSON.parse(fs.readFileSync(path.join(__dirname, "kinds.json"), "utf8"));
store.define(Object.fromEntries(
  Object.entries(KINDS).filter(([, kind]) => kind.stored).map(([name, kind]) => [name, kind.stored])
));
const V1 = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/storage/v1-small-site.json"), "utf8"));
const NOW = Date.parse("2026-12-01T12:00:00Z");
const T = "2026-11-29T10:00:00.000Z";

function copyOf(value) {
  return JSON.parse(JSON.stringify(value));
}

function entry(k, s, t, v) {
  return { k: k, v: v || "1", s: s, t: t || T };
}

test("format 1 is upgraded with a kind on every entry and nothing left out", () => {
  const read = store.normalise(V1, NOW);
  assert.equal(read.setAside, 0);
  assert.equal(read.data.version, 2);
  const kinds = Object.fromEntries(Object.entries(read.data.widgets).map(([id, e]) => [id, e.k]));
  assert.deepEqual(kinds, {
    "module:proefcursus/eerste-stappen": "module",
    "een-klant-staat-al-even-te-95ce80": "quiz",
    "een-team-is-een-voor-wie-63f996": "quiz",
    "module:proefcursus/het-gesprek": "module",
    "reflectie-1-b9191a": "reflection",
    "module:proefcursus/afronding": "module",
    teamcheck: "assessment",
  });
  for (const id of Object.keys(V1.widgets)) assert.deepEqual(read.data.widgets[id].s, V1.widgets[id].s);
  assert.deepEqual(read.data.learner, { name: "Noor Vermeulen" });
});

// Format-1 entries whose shape points two ways, as an older build or a hand-edited copy
// may have left them.
const V1_AMBIGUOUS = {
  version: 1,
  widgets: {
    // A quiz's state with the reflection's version: a quiz, the only kind it fits.
    "vraag-met-tekstversie": { v: "tekst", s: { answer: ["2"], checked: true }, t: T },
    // An answer list and a text: looks like a quiz and a reflection, fits neither.
    "vraag-of-reflectie": { v: "tekst", s: { answer: ["a"], text: "Mijn antwoord" }, t: T },
    // An answer list and scale answers: a quiz and a self-assessment at once.
    "vraag-of-zelftest": { v: "6074c9b6", s: { answer: ["1"], answers: { 1: 3 } }, t: T },
    // Module progress by its id, a quiz by its state: not given either kind.
    "module:proefcursus/x": { v: "module", s: { answer: ["1"] }, t: T },
    // Module progress by its state, under a widget's id: module progress goes by id only.
    "geen-module": { v: "module", s: { started: T }, t: T },
    "een-reflectie": { v: "tekst", s: { text: "Eerst luisteren." }, t: T },
  },
  learner: {},
};

test("format 1: an entry that looks like two kinds is set aside as it was, never guessed", () => {
  const read = store.normalise(copyOf(V1_AMBIGUOUS), NOW);
  const kinds = Object.fromEntries(Object.entries(read.data.widgets).map(([id, e]) => [id, e.k]));
  assert.deepEqual(kinds, { "vraag-met-tekstversie": "quiz", "een-reflectie": "reflection" });
  const aside = ["vraag-of-reflectie", "vraag-of-zelftest", "module:proefcursus/x", "geen-module"];
  assert.equal(read.setAside, aside.length);
  assert.deepEqual(Object.keys(read.data.aside).sort(), aside.sort());
  // Kept raw: byte for byte what format 1 held, to download from Mijn voortgang.
  for (const id of aside) assert.deepEqual(read.data.aside[id], V1_AMBIGUOUS.widgets[id]);
});

test("open(): upgrading format 1 keeps every entry, in use or set aside", () => {
  const win = memoryWindow({ "leerpad:v1": JSON.stringify(V1_AMBIGUOUS) });
  const storage = store.open(win);
  assert.deepEqual(storage.get("vraag-met-tekstversie", "quiz", "tekst"), { answer: ["2"], checked: true });
  assert.ok(!win.items.has("leerpad:v1"));
  const kept = JSON.parse(win.items.get(store.KEY));
  const ids = [...Object.keys(kept.widgets), ...Object.keys(kept.aside)].sort();
  assert.deepEqual(ids, Object.keys(V1_AMBIGUOUS.widgets).sort());
  assert.deepEqual(kept.aside["vraag-of-reflectie"], V1_AMBIGUOUS.widgets["vraag-of-reflectie"]);
});

test("a null or wrongly shaped entry is set aside on its own", () => {
  const read = store.normalise({
    version: 2, learner: { name: { first: "A" } },
    widgets: {
      "module:x": null,
      "module:y": entry("module", { done: T }),
      q: entry("quiz", { answer: "2" }),
      r: entry("reflection", { text: 5 }),
    },
  }, NOW);
  assert.deepEqual(Object.keys(read.data.widgets), ["module:y"]);
  assert.equal(read.setAside, 4);
  assert.deepEqual(Object.keys(read.data.aside).sort(), ["learner:name", "module:x", "q", "r"]);
  assert.equal(read.data.aside["module:x"], null);
});

test("values are checked: scale, whole numbers, real past dates, text", () => {
  const ok = (kind, state) => store.validState(kind, state, NOW);
  assert.ok(ok("assessment", { answers: { 1: 4, 2: 0 }, complete: false }));
  assert.ok(!ok("assessment", { answers: { 1: 1000000 } }));
  assert.ok(!ok("assessment", { answers: { 1: 2.5 } }));
  assert.ok(!ok("assessment", { answers: { 1: -1 } }));
  assert.ok(!ok("assessment", { answers: {}, overall: 8333367 }));
  assert.ok(ok("module", { done: T, started: T, reopened: false }));
  assert.ok(ok("module", { done: null }));
  assert.ok(!ok("module", { done: "zzz" }));
  assert.ok(!ok("module", { done: true }));
  assert.ok(!ok("module", { done: "9999-12-31T00:00:00Z" }));
  assert.ok(!ok("module", { done: "1970-01-01T00:00:00Z" }));
  assert.ok(!ok("reflection", { text: "x".repeat(100001) }));
  assert.ok(!ok("quiz", { answer: [1] }));
  assert.ok(!ok("quiz", { answer: [], extra: 1 }));
  assert.ok(store.isMoment("2026-12-01T12:05:00Z", NOW), "a few minutes of clock difference is fine");
});

test("an entry whose time is not a past date is set aside", () => {
  for (const t of ["9999-12-31T23:59:59.000Z", "zzz", 12]) {
    const read = store.normalise({ version: 2, widgets: { r: entry("reflection", { text: "oud" }, t) } }, NOW);
    assert.deepEqual(read.data.widgets, {}, String(t));
  }
});

test("what is not leerpad's at all is refused as a whole", () => {
  for (const value of [null, [1, 2], "x", { version: 3, widgets: {} }, { version: 2, widgets: [] }]) {
    assert.equal(store.normalise(value, NOW), null);
  }
});

test("merging keeps completion, 'solved' and a finished self-assessment", () => {
  const mine = { version: 2, learner: {}, aside: {}, widgets: {
    "module:a": entry("module", { started: T, done: T, reopened: false }),
    q: entry("quiz", { answer: ["2"], checked: true, correct: true, solved: true }),
    s: entry("assessment", { answers: { 1: 2 }, complete: true, overall: 50 }),
  } };
  const later = "2026-12-01T09:00:00.000Z";
  const theirs = { version: 2, learner: {}, aside: {}, widgets: {
    "module:a": entry("module", { started: later }, later),
    q: entry("quiz", { answer: ["1"], checked: true, correct: false, solved: false }, later),
    s: entry("assessment", { answers: {}, complete: false }, later),
  } };
  const merged = imports.merge(mine, theirs);
  assert.equal(merged.data.widgets["module:a"].s.done, T);
  assert.equal(merged.data.widgets["module:a"].s.started, T);
  assert.equal(merged.data.widgets.q.s.solved, true);
  assert.deepEqual(merged.data.widgets.q.s.answer, ["1"], "the newer answer shows");
  assert.equal(merged.data.widgets.s.s.complete, true);
  assert.equal(merged.data.widgets.s.s.overall, 50);
});

test("texts follow the newer entry, and the report counts changes per kind", () => {
  const mine = { version: 2, learner: { name: "Noor" }, aside: {}, widgets: {
    r: entry("reflection", { text: "nieuw" }, "2026-12-01T09:00:00.000Z"),
  } };
  const theirs = { version: 2, learner: { name: "Iemand" }, aside: {}, widgets: {
    r: entry("reflection", { text: "oud" }),
    r2: entry("reflection", { text: "ander" }),
    "module:b": entry("module", { done: T }),
  } };
  const merged = imports.merge(mine, theirs);
  assert.equal(merged.data.widgets.r.s.text, "nieuw");
  assert.equal(merged.data.widgets.r2.s.text, "ander");
  assert.equal(merged.data.learner.name, "Noor");
  assert.deepEqual(merged.changed, { module: 1, reflection: 1 });
});

test("what the registry says stays done is not undone by a newer entry that is not", () => {
  const older = "2026-11-29T10:00:00.000Z";
  const newer = "2026-12-01T09:00:00.000Z";
  const mine = { version: 2, learner: {}, aside: {}, widgets: {
    gesprek: entry("scenario", { path: ["start", "luisteren", "goed-einde"], ended: true, best: "good" }, older),
    zelftest: entry("assessment", { answers: { 1: 2, 2: 3 }, complete: true, overall: 62 }, older),
    vraag: entry("quiz", { answer: ["1"], solved: true }, older),
  } };
  const theirs = { version: 2, learner: {}, aside: {}, widgets: {
    gesprek: entry("scenario", { path: ["start"] }, newer),
    zelftest: entry("assessment", { answers: { 1: 2 } }, newer),
    vraag: entry("quiz", { answer: ["2"], checked: true, correct: false }, newer),
  } };
  const merged = imports.merge(mine, theirs).data.widgets;
  // The conversation goes on where the newer run is, but it was finished once, with the
  // best outcome of then; the finished self-assessment stays as it was finished...
  assert.deepEqual(merged.gesprek.s.path, ["start"]);
  assert.equal(merged.gesprek.s.ended, true);
  assert.equal(merged.gesprek.s.best, "good");
  assert.equal(merged.zelftest.s.complete, true);
  assert.equal(merged.zelftest.s.overall, 62);
  // ...while a quiz keeps the newer answer and its sticky "answered right once".
  assert.deepEqual(merged.vraag.s.answer, ["2"]);
  assert.equal(merged.vraag.s.solved, true);
});

test("a replacement counts, per kind, what it changes and what it removes", () => {
  const mine = { version: 2, learner: {}, aside: {}, widgets: {
    q: entry("quiz", { solved: true }),
    q2: entry("quiz", { solved: true }),
    r: entry("reflection", { text: "weg" }),
    "module:a": entry("module", { done: T }),
  } };
  const file = { version: 2, learner: {}, aside: {}, widgets: {
    q: entry("quiz", { solved: true }),
    "module:a": entry("module", { done: "2026-11-30T10:00:00.000Z" }),
  } };
  const counts = imports.differences(mine, file);
  assert.deepEqual(counts.removed, { quiz: 1, reflection: 1 });
  assert.deepEqual(counts.changed, { module: 1 });
  const none = imports.differences(file, file);
  assert.deepEqual(none, { changed: {}, removed: {} });
});

test("a save is always stamped after the entry it replaces", () => {
  const future = { t: "2026-12-01T12:03:00.000Z" };
  assert.equal(store.stamp(future, NOW), "2026-12-01T12:03:00.001Z");
  assert.equal(store.stamp(null, NOW), "2026-12-01T12:00:00.000Z");
});

test("open(): the v1 value is upgraded in place and a save changes its own entry only", () => {
  const win = memoryWindow({ "leerpad:v1": JSON.stringify(V1) });
  const storage = store.open(win);
  assert.equal(storage.get("reflectie-1-b9191a", "reflection", "tekst").text, V1.widgets["reflectie-1-b9191a"].s.text);
  assert.ok(!win.items.has("leerpad:v1"));
  // Another tab writes meanwhile; our save keeps its entry.
  const other = JSON.parse(win.items.get(store.KEY));
  other.widgets.elders = { k: "reflection", v: "tekst", s: { text: "van elders" }, t: T };
  win.items.set(store.KEY, JSON.stringify(other));
  storage.set("teamcheck", "assessment", V1.widgets.teamcheck.v, { answers: { 1: 1 }, complete: false });
  const after = JSON.parse(win.items.get(store.KEY));
  assert.equal(after.widgets.elders.s.text, "van elders");
  assert.deepEqual(after.widgets.teamcheck.s.answers, { 1: 1 });
});

test("open(): unreadable data is set aside and reported once; with no room it stays", () => {
  const win = memoryWindow({ "leerpad:v2": "{half" });
  const storage = store.open(win);
  assert.equal(storage.problem(), "corrupt");
  assert.equal(storage.problem(), null);
  const kept = Array.from(win.items.keys()).filter((k) => k.startsWith("leerpad:v2:onleesbaar:"));
  assert.equal(kept.length, 1);
  assert.equal(win.items.get(kept[0]), "{half");

  const full = memoryWindow({ "leerpad:v2": "{half" });
  full.localStorage.setItem = () => { throw new Error("QuotaExceededError"); };
  const inMemory = store.open(full);
  inMemory.set("r", "reflection", "tekst", { text: "nu" });
  assert.equal(inMemory.problem(), "corruptKept");
  assert.equal(full.items.get("leerpad:v2"), "{half", "nothing overwritten to make room");
  assert.equal(inMemory.get("r", "reflection", "tekst").text, "nu");
  assert.equal(inMemory.setAside()["leerpad:v2"], "{half");
});

test("open(): a full store keeps what it had and works on in memory", () => {
  const win = memoryWindow({ "leerpad:v2": JSON.stringify({ version: 2, widgets: { r: entry("reflection", { text: "oud" }) } }) });
  const storage = store.open(win);
  const before = win.items.get("leerpad:v2");
  win.localStorage.setItem = () => { throw new Error("QuotaExceededError"); };
  storage.set("q", "quiz", "1", { answer: ["1"], checked: true, correct: true, solved: true });
  assert.equal(storage.problem(), "full");
  assert.equal(storage.persistent(), false);
  assert.equal(win.items.get("leerpad:v2"), before);
  assert.equal(storage.get("q", "quiz", "1").solved, true);
  assert.equal(storage.get("r", "reflection", "1").text, "oud");
});
