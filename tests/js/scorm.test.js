// leerpad-scorm.js without a browser: suspend_data's encoding, the API discovery, the
// time formats. The session itself runs in scorm-again in tests/test_scorm_export.py.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const fs = require("node:fs");

const store = require(path.join(__dirname, "../../plugins/leerpad/assets/leerpad-storage.js"));
const scorm = require(path.join(__dirname, "../../plugins/leerpad/scorm/assets/leerpad-scorm.js"));
const KINDS = JSON.parse(fs.readFileSync(path.join(__dirname, "kinds.json"), "utf8"));
store.define(Object.fromEntries(
  Object.entries(KINDS).filter(([, kind]) => kind.stored).map(([name, kind]) => [name, kind.stored])
));
const NOW = Date.parse("2026-12-01T12:00:00Z");
const BASE = "/lms/content/1234/";

function entry(k, s, t) {
  return { k: k, v: k === "reflection" ? "tekst" : "1", s: s, t: t || "2026-11-29T10:00:00.123Z" };
}

function learnerData() {
  return {
    version: 2,
    learner: { name: "Anna Jansen", seed: "x7" },
    aside: {},
    widgets: {
      "module:cursus/eerste": entry("module", {
        started: "2026-11-29T09:00:00.000Z", done: "2026-11-29T09:30:00.000Z", reopened: false,
        url: BASE + "cursussen/cursus/eerste.html", title: "Eerste stappen",
      }),
      "vraag-1": entry("quiz", { answer: ["1"], checked: true, correct: true, solved: true }),
      "zelftest": entry("assessment", { answers: { "1": 4, "2": 0 }, complete: true, overall: 50 }),
      "reflectie-1": entry("reflection", {
        text: "Ik luister eerst.", prompt: "Wat doe je eerst?", page: "/x.html", title: "Eerste",
      }),
      "andere-cursus": entry("quiz", { answer: ["2"], solved: false }),
    },
  };
}

const ours = (id) => id !== "andere-cursus";
const PREFIX = "module:cursus/";
const options = (limit, more) => Object.assign({ limit: limit, base: BASE, ours: ours, prefix: PREFIX }, more);

for (const plain of [false, true]) {
  test(`what the learner did comes back whole, from another address too (${plain ? "JSON" : "deflated"})`, async () => {
  const result = await scorm.encode(learnerData(), options(4096, { plain: plain }));
  assert.equal(result.text.charAt(0), plain ? "{" : "z");
  assert.equal(result.fits, true);
  assert.deepEqual(result.leftOut, []);
  const back = store.normalise(await scorm.decode(result.text, { base: "/elsewhere/", prefix: PREFIX }), NOW);
  assert.equal(back.setAside, 0);
  const original = learnerData().widgets;
  assert.deepEqual(back.data.widgets["vraag-1"], original["vraag-1"]);
  assert.deepEqual(back.data.widgets.zelftest, original.zelftest);
  assert.equal(back.data.widgets["reflectie-1"].s.text, "Ik luister eerst.");
  assert.equal(back.data.widgets["reflectie-1"].t, original["reflectie-1"].t);
  const module = back.data.widgets["module:cursus/eerste"].s;
  assert.equal(module.done, "2026-11-29T09:30:00.000Z");
  assert.equal(module.url, "/elsewhere/cursussen/cursus/eerste.html");
  // Another course's entries and the name (the LMS knows it) stay out.
  assert.equal(back.data.widgets["andere-cursus"], undefined);
  assert.deepEqual(back.data.learner, { seed: "x7" });
  });
}

test("the encoding is compact: the page's own text and long times stay out", async () => {
  const text = (await scorm.encode(learnerData(), options(4096, { plain: true }))).text;
  assert.ok(!text.includes("Wat doe je eerst?") && !text.includes("Eerste stappen"));
  assert.ok(!text.includes("2026-11-29T") && !text.includes("module:") && !text.includes(BASE));
  assert.ok(text.length < JSON.stringify(learnerData()).length / 2, text.length);
  // Deflated, a reflection of real sentences takes about half its length.
  const data = learnerData();
  const words = "Ik vat eerst samen wat de klant zegt en vraag dan wat hij nu nodig heeft. ";
  data.widgets["reflectie-1"].s.text = (words + "Daarna leg ik uit wat ik kan doen, en wat niet. ").repeat(10);
  const deflated = (await scorm.encode(data, options(64000))).text;
  const json = (await scorm.encode(data, options(64000, { plain: true }))).text;
  assert.ok(deflated.length < json.length * 0.6, `${deflated.length} of ${json.length}`);
});

test("reflections that do not fit are left out whole, and named", async () => {
  const data = learnerData();
  for (let n = 1; n <= 6; n++) {
    data.widgets["lang-" + n] = entry("reflection", { text: String(n).repeat(1000) },
      `2026-11-29T10:0${n}:00.000Z`);
  }
  const result = await scorm.encode(data, options(4096, { ours: () => true, plain: true }));
  assert.ok(result.text.length <= 4096);
  assert.deepEqual(result.leftOut, ["lang-4", "lang-5", "lang-6"]); // the oldest stay in
  const back = (await scorm.decode(result.text, options())).widgets;
  for (const n of [1, 2, 3]) assert.equal(back["lang-" + n].s.text, String(n).repeat(1000));
  assert.equal(back["reflectie-1"].s.text, "Ik luister eerst.");
});

test("when even the answers do not fit, nothing is sent and every reflection is named", async () => {
  const result = await scorm.encode(learnerData(), options(100));
  assert.equal(result.fits, false);
  assert.equal(result.text, null);
  assert.deepEqual(result.leftOut, ["reflectie-1"]);
});

test("suspend_data that is not leerpad's is ignored, an entry of another shape skipped", async () => {
  for (const text of ["", "viewed=1,2,3", "{}", '{"w":[1]}', '{"w":{"a":1}}', "null", "zzz", "z!!"]) {
    assert.equal(await scorm.decode(text, options()), null, text);
  }
  const mixed = await scorm.decode('{"w":{"a":1,"b":["q","1",{"answer":["1"]},"zz"],"c":["q","1",{"answer":["1"]},"miau!"]}}', options());
  assert.deepEqual(Object.keys(mixed.widgets), ["b", "c"]);
  // Storage's own checks then judge what is left: an impossible time is set aside, not used.
  const read = store.normalise(mixed, NOW);
  assert.deepEqual(Object.keys(read.data.widgets), []);
  assert.deepEqual(Object.keys(read.data.aside).sort(), ["b", "c"]);
});

test("the API is found in a parent, else in the opener's windows", () => {
  const api = { Initialize() {} };
  const top = { API_1484_11: api };
  top.parent = top;
  const middle = { parent: top };
  const own = { parent: middle };
  assert.equal(scorm.findApi(own, "API_1484_11"), api);
  assert.equal(scorm.findApi(own, "API"), null);
  const lms = { API: api };
  lms.parent = lms;
  const popup = { opener: lms, top: null };
  popup.parent = popup;
  popup.top = popup;
  assert.equal(scorm.findApi(popup, "API"), api);
  // A window of another origin cannot be read: the search ends there, without an error.
  const foreign = {};
  Object.defineProperty(foreign, "API", { get() { throw new Error("SecurityError"); } });
  foreign.parent = foreign;
  assert.equal(scorm.findApi({ parent: foreign }, "API"), null);
});

test("session time in each version's format", () => {
  const ms = (3600 + 2 * 60 + 3) * 1000 + 400;
  assert.equal(scorm.timespan12(ms), "01:02:03.00");
  assert.equal(scorm.duration2004(ms), "PT1H2M3S");
  assert.equal(scorm.timespan12(0), "00:00:00.00");
});

test("an LMS's 'Surname, First name' reads as a name on the certificate", () => {
  assert.equal(scorm.displayName("Jansen, Anna"), "Anna Jansen");
  assert.equal(scorm.displayName("Anna Jansen"), "Anna Jansen");
  assert.equal(scorm.displayName("Jansen, Anna, dr."), "Jansen, Anna, dr.");
  assert.equal(scorm.displayName(""), "");
});

test("a browser without deflate writes JSON, and never takes deflated state for foreign", async () => {
  const deflated = (await scorm.encode(learnerData(), options(4096))).text;
  const saved = [globalThis.CompressionStream, globalThis.DecompressionStream];
  globalThis.CompressionStream = undefined;
  globalThis.DecompressionStream = undefined;
  try {
    const plain = (await scorm.encode(learnerData(), options(4096))).text;
    assert.equal(plain.charAt(0), "{");
    assert.ok((await scorm.decode(plain, options())).widgets["vraag-1"]);
    // Rejected, not null: the launch page then leaves the LMS's state as it is.
    await assert.rejects(scorm.decode(deflated, options()));
  } finally {
    [globalThis.CompressionStream, globalThis.DecompressionStream] = saved;
  }
});

test("the course's completion, success and score, as the LMS receives them", () => {
  const completion = require(path.join(__dirname, "../../plugins/leerpad/assets/leerpad-completion.js"));
  completion.define(JSON.parse(fs.readFileSync(path.join(__dirname, "completion-kinds.json"), "utf8")));
  const course = {
    completion: "quizzes",
    modules: [
      { id: "cursus/een", quizzes: ["v1", "v2"], assessments: [], reflections: ["r1"] },
      { id: "cursus/twee", quizzes: [{ id: "v3" }], assessments: ["z1"], reflections: [] },
    ],
  };
  const right = (solved) => entry("quiz", { answer: ["1"], solved: solved });
  const widgets = { v1: right(true), v2: right(false), r1: entry("reflection", { text: "Ja." }) };
  assert.deepEqual(scorm.courseResult(course, widgets, completion),
    { completion: "incomplete", passed: false, percent: 33 });
  widgets.v2 = right(true);
  widgets.v3 = right(true);
  // Every quiz right, but the self-assessment is open: passed, not completed.
  assert.deepEqual(scorm.courseResult(course, widgets, completion),
    { completion: "incomplete", passed: true, percent: 100 });
  widgets.z1 = entry("assessment", { answers: { "1": 2 }, complete: true });
  assert.equal(scorm.courseResult(course, widgets, completion).completion, "completed");
  const noQuizzes = { completion: "manual", modules: [{ id: "c/m", quizzes: [] }] };
  assert.deepEqual(scorm.courseResult(noQuizzes, {}, completion),
    { completion: "incomplete", passed: false, percent: null });
});
