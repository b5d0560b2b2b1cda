// Quiz grading and self-assessment scoring, without a browser.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const grading = require(path.join(__dirname, "../../plugins/leerpad/widgets/quiz/assets/leerpad-quiz.js"));
const scoring = require(path.join(__dirname, "../../plugins/leerpad/widgets/assessment/assets/leerpad-assessment.js"));

// A gap as the quiz builds it: the author's spellings, and those normalised.
function gap(...written) {
  return { written: written, answers: written.map(grading.normalise) };
}

test("typed answers match whatever quotes, dashes, accents, case and spaces a phone types", () => {
  const author = gap("Het 'nee'-gesprek");
  for (const typed of ["het ‘nee’‐gesprek", "  HET  'nee'-gesprek ", "het ’nee’–gesprek", "het\u00a0'nee'-gesprek"]) {
    assert.equal(grading.judgeGap(author, typed, 0), "right", typed);
  }
  assert.equal(grading.judgeGap(gap("café"), "cafe", 0), "right", "an accent left off");
  assert.equal(grading.judgeGap(gap("inleven"), "in\u00adleven", 0), "right", "a soft hyphen");
  assert.equal(grading.judgeGap(gap("inleven"), "inlevn", 0), "wrong");
  assert.equal(grading.judgeGap(gap("inleven"), "", 0), "wrong");
});

test("with typos: 1 one letter off is close, in answers of four letters or more only", () => {
  const author = gap("empathie", "inlevingsvermogen");
  assert.equal(grading.judgeGap(author, "empatie", 1), "close", "a letter missing");
  assert.equal(grading.judgeGap(author, "emapthie", 1), "close", "two letters swapped");
  assert.equal(grading.judgeGap(author, "empathiee", 1), "close", "a letter extra");
  assert.equal(grading.judgeGap(author, "empaphie", 1), "close", "a letter wrong");
  assert.equal(grading.judgeGap(author, "empatje", 1), "wrong", "two letters off");
  assert.equal(grading.judgeGap(author, "empatie", 0), "wrong", "typos not allowed");
  assert.equal(grading.judgeGap(gap("ja"), "je", 1), "wrong", "short answers must be exact");
  assert.equal(grading.meantAnswer(author, "inlevingsvermogn"), "inlevingsvermogen");
});

test("gaps: a nearly right gap counts as right; the verdict says which it was", () => {
  const gaps = [gap("luisteren"), gap("vragen")];
  assert.deepEqual(grading.gradeGaps(gaps, ["luisteren", "vragen"], 0), {
    right: 2, total: 2, wrong: 0, verdicts: ["right", "right"]
  });
  assert.deepEqual(grading.gradeGaps(gaps, ["luistren", "praten"], 1), {
    right: 1, total: 2, wrong: 1, verdicts: ["close", "wrong"]
  });
});

test("options: right ones chosen, wrong ones chosen, out of the right ones", () => {
  const options = [
    { value: "0", correct: true }, { value: "1", correct: false }, { value: "2", correct: true }
  ];
  assert.deepEqual(grading.gradeOptions(options, ["0", "2"]), { right: 2, total: 2, wrong: 0 });
  assert.deepEqual(grading.gradeOptions(options, ["0", "1"]), { right: 1, total: 2, wrong: 1 });
  assert.deepEqual(grading.gradeOptions(options, []), { right: 0, total: 2, wrong: 0 });
});

test("self-assessment: reversed statements mirror, percentages round half up per theme", () => {
  const items = [
    { dimension: "steun", reverse: false },
    { dimension: "steun", reverse: true },
    { dimension: "rust", reverse: false }
  ];
  // Scale 0..4: steun 4 + (4 - 1) = 7 of 8, rust 2 of 4; overall 9 of 12.
  assert.deepEqual(scoring.scoreAssessment(items, { 1: 4, 2: 1, 3: 2 }, 4), {
    overall: 75, dimensions: { steun: 88, rust: 50 }
  });
  assert.equal(scoring.percent(1, 8), 13, "12.5 rounds up");
  assert.equal(scoring.percent(1, 3), 33);
  assert.equal(scoring.percent(0, 0), 0, "nothing to score is 0, not NaN");
});
