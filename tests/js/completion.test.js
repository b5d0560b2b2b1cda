// When a module is done under each course rule (leerpad-completion.js), without a browser.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const fs = require("node:fs");

const completion = require(path.join(__dirname, "../../plugins/leerpad/assets/leerpad-completion.js"));
// The kinds that hold up a module, as the build writes them into the script (English).
completion.define(JSON.parse(fs.readFileSync(path.join(__dirname, "completion-kinds.json"), "utf8")));
const T = "2026-11-29T10:00:00.000Z";

function entry(k, s) {
  return { k: k, v: "1", s: s, t: T };
}

const MODULE = {
  id: "cursus/luisteren",
  quizzes: [{ id: "q1" }, { id: "q2" }],
  assessments: [{ id: "zelftest", title: "Hoe luister jij?" }],
  reflections: [{ id: "r1", prompt: "Wat viel je op?" }]
};

function status(rule, entries) {
  return completion.moduleStatus(rule, MODULE.id, MODULE, entries);
}

// What is open of the kinds this module has (every kind of the registry reports its count).
function openOf(result) {
  return Object.fromEntries(Object.keys(MODULE).filter((k) => k in result.open).map((k) => [k, result.open[k]]));
}

test("nothing answered: every quiz and the self-assessment are open, the module is not done", () => {
  const result = status("quizzes", {});
  assert.deepEqual(openOf(result), { quizzes: 2, assessments: 1, reflections: 0 });
  assert.equal(result.done, false);
  assert.equal(result.started, false);
});

test("a quiz answered wrong, or only revealed, stays open; one answered right once counts", () => {
  const entries = {
    q1: entry("quiz", { answer: ["0"], checked: true, correct: false, revealed: true }),
    q2: entry("quiz", { answer: [], checked: false, solved: true })
  };
  const result = status("quizzes", entries);
  assert.equal(result.open.quizzes, 1);
  assert.equal(result.started, true);
  assert.equal(result.done, false);
});

test("quizzes right and the self-assessment finished complete a 'quizzes' module", () => {
  const entries = {
    q1: entry("quiz", { answer: ["1"], solved: true }),
    q2: entry("quiz", { answer: ["2"], solved: true }),
    zelftest: entry("assessment", { answers: { 1: 2 }, complete: true, overall: 50 })
  };
  const result = status("quizzes", entries);
  assert.equal(result.done, true);
  assert.equal(result.met, true);
  assert.equal(result.recorded, false);
  assert.deepEqual(openOf(status("quizzes-and-reflection", entries)), { quizzes: 0, assessments: 0, reflections: 1 });
  assert.equal(status("quizzes-and-reflection", entries).done, false);
  entries.r1 = entry("reflection", { text: "  " });
  assert.equal(status("quizzes-and-reflection", entries).done, false, "blank text is no reflection");
  entries.r1 = entry("reflection", { text: "De klant wilde vooral gehoord worden." });
  assert.equal(status("quizzes-and-reflection", entries).done, true);
});

test("a half-finished self-assessment stays open", () => {
  const entries = {
    q1: entry("quiz", { answer: ["1"], solved: true }),
    q2: entry("quiz", { answer: ["2"], solved: true }),
    zelftest: entry("assessment", { answers: { 1: 2 }, complete: false })
  };
  assert.deepEqual(openOf(status("quizzes", entries)), { quizzes: 0, assessments: 1, reflections: 0 });
});

test("an entry of another kind under a widget's id does not count", () => {
  const entries = { q1: entry("reflection", { text: "x", solved: true }) };
  assert.equal(status("quizzes", entries).open.quizzes, 2);
});

test("under 'manual' nothing is open and only the learner's click completes", () => {
  const solved = {
    q1: entry("quiz", { answer: ["1"], solved: true }),
    q2: entry("quiz", { answer: ["2"], solved: true }),
    zelftest: entry("assessment", { answers: {}, complete: true })
  };
  assert.equal(status("manual", solved).done, false);
  assert.deepEqual(openOf(status("manual", {})), { quizzes: 0, assessments: 0, reflections: 0 });
  solved["module:cursus/luisteren"] = entry("module", { started: T, done: T });
  assert.equal(status("manual", solved).done, true);
});

test("a module marked done by hand before the rule existed stays done under every rule", () => {
  const entries = { "module:cursus/luisteren": entry("module", { started: T, done: T }) };
  for (const rule of completion.RULES) {
    const result = status(rule, entries);
    assert.equal(result.done, true, rule);
    assert.equal(result.recorded, true, rule);
  }
});

test("a module that asks nothing is done once opened, not before", () => {
  const empty = { id: "cursus/afsluiting", quizzes: [], assessments: [], reflections: [] };
  assert.equal(completion.moduleStatus("quizzes", empty.id, empty, {}).done, false);
  const opened = { "module:cursus/afsluiting": entry("module", { started: T }) };
  assert.equal(completion.moduleStatus("quizzes", empty.id, empty, opened).done, true);
});

test("an unknown rule reads as the default", () => {
  assert.deepEqual(status("quizes", {}).open, status("quizzes", {}).open);
});

test("a course: the first module not done, and the certificate only when all are", () => {
  const course = {
    completion: "quizzes",
    modules: [
      { id: "c/een", quizzes: [{ id: "a" }], assessments: [], reflections: [] },
      { id: "c/twee", quizzes: [{ id: "b" }], assessments: [], reflections: [] },
      { id: "c/drie", quizzes: [{ id: "c" }], assessments: [], reflections: [] }
    ]
  };
  let result = completion.courseStatus(course, {});
  assert.equal(result.started, false);
  assert.equal(result.next, 0);
  assert.equal(result.certificate, false);
  const entries = { a: entry("quiz", { answer: [], solved: true }), c: entry("quiz", { answer: [], solved: true }) };
  result = completion.courseStatus(course, entries);
  assert.equal(result.started, true);
  assert.equal(result.done, 2);
  assert.equal(result.next, 1, "the second module is the first one not done");
  assert.equal(result.certificate, false);
  entries.b = entry("quiz", { answer: [], solved: true });
  result = completion.courseStatus(course, entries);
  assert.equal(result.next, null);
  assert.equal(result.certificate, true);
  assert.equal(completion.courseStatus({ completion: "quizzes", modules: [] }, entries).certificate, false);
});

test("what is open reads as a list in order", () => {
  assert.deepEqual(completion.openParts({ quizzes: 2, assessments: 0, reflections: 1 }), [
    { kind: "quiz", text: "{count:# question|# questions} to answer correctly", count: 2 },
    { kind: "reflection", text: "{count:the reflection|# reflections} to write", count: 1 }
  ]);
  assert.equal(completion.listed(["2 vragen"], " en "), "2 vragen");
  assert.equal(completion.listed(["2 vragen", "de zelftest"], " en "), "2 vragen en de zelftest");
  assert.equal(completion.listed(["a", "b", "c"], " en "), "a, b en c");
});

test("a conversation simulation holds up a module until one of its ends is reached", () => {
  const module = { id: "cursus/gesprek", quizzes: [{ id: "q1" }], scenarios: [{ id: "s1", title: "Bellen" }] };
  const entries = {
    q1: entry("quiz", { answer: ["1"], solved: true }),
    s1: entry("scenario", { path: ["start.1"] })
  };
  let result = completion.moduleStatus("quizzes", module.id, module, entries);
  assert.equal(result.open.scenarios, 1);
  assert.equal(result.done, false);
  entries.s1 = entry("scenario", { path: [], ended: true, best: "poor", bestLabel: "slecht", lastRun: ["Nee"] });
  result = completion.moduleStatus("quizzes", module.id, module, entries);
  assert.equal(result.open.scenarios, 0);
  assert.equal(result.done, true);
});
