// Result codes of the self-assessment and the team scan, without a browser.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const codes = require(path.join(__dirname, "../../plugins/leerpad/widgets/assessment/assets/leerpad-assessment.js"));
const ANSWERS = { 1: 3, 2: 3, 3: 3 };

test("two people with the same answers get two codes; one person keeps one", () => {
  const a = codes.resultCode("veilige-haven", "6e0373ab", ANSWERS, 3, "seed-a");
  const b = codes.resultCode("veilige-haven", "6e0373ab", ANSWERS, 3, "seed-b");
  assert.notEqual(a, b);
  assert.equal(a, codes.resultCode("veilige-haven", "6e0373ab", ANSWERS, 3, "seed-a"));
  for (const code of [a, b]) {
    assert.deepEqual(codes.readCode(code, "veilige-haven", "6e0373ab", 3, 4).answers, ANSWERS);
  }
  assert.notEqual(codes.label(a), codes.label(b));
  assert.match(codes.label(a), /^[A-Z]{4}$/);
});

test("codes of before the tag are still read; changed codes are not", () => {
  const body = "veilige-haven.6e0373.333";
  const old = body + "." + codes.checksum(body);
  assert.deepEqual(codes.readCode(old, "veilige-haven", "6e0373ab", 3, 4).answers, ANSWERS);
  assert.equal(codes.readCode(old.replace(".333.", ".334."), "veilige-haven", "6e0373ab", 3, 4).error, "codeChecksum");
  const five = "veilige-haven.6e0373.353";
  assert.equal(codes.readCode(five + "." + codes.checksum(five), "veilige-haven", "6e0373ab", 3, 4).error, "codeBroken");
});

test("a chat paste yields its codes; times and names are no codes", () => {
  const a = codes.resultCode("x", "abcdef", ANSWERS, 3, "1");
  const b = codes.resultCode("x", "abcdef", ANSWERS, 3, "2");
  const chat = `[10:42] Jan: ${a}\n10:43 Fatima de Vries: ${b}, groetjes!\nklaar.`;
  assert.deepEqual(codes.findCodes(chat), [a, b]);
  assert.deepEqual(codes.findCodes(`${a}%`), [a, "%"]);
  assert.deepEqual(codes.findCodes("x.abcdef.33"), ["x.abcdef.33"], "a cut-off code is reported");
});

test("a broken escape in a share link leaves the rest decoded", () => {
  assert.equal(codes.tolerantDecode("a%2Cb,%E0%A4%A"), "a,b,%E0%A4%A");
  assert.equal(codes.tolerantDecode("%E2%82%AC%"), "€%");
});

test("a code cut short while copying is incomplete, not a wrong check number", () => {
  const code = codes.resultCode("veilige-haven", "6e0373ab", ANSWERS, 3, "seed-a");
  const read = (text) => codes.readCode(text, "veilige-haven", "6e0373ab", 3, 4).error;
  const parts = code.split(".");
  assert.equal(read(code.slice(0, -1)), "codeShort"); // the last character of the check
  assert.equal(read(parts.slice(0, 4).join(".") + "."), "codeShort"); // the whole check
  assert.equal(read(parts.slice(0, 4).join(".")), "codeShort");
  assert.equal(read(parts.slice(0, 3).join(".")), "codeShort"); // digits and no tag
  assert.equal(read("veilige-haven.6e0373"), "codeShort");
  // Changed by hand or mistyped, at full length: the check number says so.
  assert.equal(read(code.replace(".333.", ".334.")), "codeChecksum");
});

test("another assessment's code belongs to another scan, even when it is damaged", () => {
  const other = codes.resultCode("openheid", "6e0373ab", ANSWERS, 3, "seed-a");
  const read = (text) => codes.readCode(text, "veilige-haven", "6e0373ab", 3, 4).error;
  assert.equal(read(other), "codeOther");
  assert.equal(read(other.slice(0, -2)), "codeOther");
  assert.equal(read(other.replace(".333.", ".334.")), "codeOther");
  assert.equal(read("www.example.com"), "codeBroken");
});

test("lines of a paste without a code are named by their number", () => {
  const code = codes.resultCode("veilige-haven", "6e0373ab", ANSWERS, 3, "seed-a");
  const paste = ["Noor 10:32", code, "", "  ", "Hier de mijne:", code + " en nog iets", "bedankt!"].join("\n");
  assert.deepEqual(codes.linesWithoutCodes(paste), [
    { line: 1, text: "Noor 10:32" },
    { line: 5, text: "Hier de mijne:" },
    { line: 7, text: "bedankt!" },
  ]);
  assert.deepEqual(codes.linesWithoutCodes(code + "\r\n" + code), []);
});
