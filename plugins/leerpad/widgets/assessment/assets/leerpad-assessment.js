/* leerpad: self-assessments, and the scoring the team scan shares. Loaded by leerpad.js
   only on pages that have one; builds on window.leerpad (storage, text, elements).
   Learner text only ever goes in via textContent. */
/* Result codes and scoring, pure (Node's test runner imports them; a page gets
   window.leerpadCodes). Codes:
   "<assessment id>.<version>.<one digit per answer>.<tag>.<check>". No name, no free
   text. The tag is random per browser and assessment, so that two people who answer
   alike still give two codes, while the same code pasted twice stays one. The check
   number catches typing errors and tampering by hand. Codes of before the tag
   (four parts) are still read. */
(function (root, factory) {
  var codes = factory();
  if (typeof module === "object" && module.exports) module.exports = codes;
  else root.leerpadCodes = codes;
})(this, function () {
  "use strict";

  function checksum(value) {
    var hash = 2166136261;
    for (var i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 16777619);
    return (hash >>> 0).toString(36);
  }

  // answers: {1: 0..9, ...}; seed: the browser's random learner seed.
  function resultCode(id, version, answers, count, seed) {
    var digits = "";
    for (var n = 1; n <= count; n++) digits += String(answers[n]);
    var body = [id, version.slice(0, 6), digits, checksum(seed + ":" + id).slice(0, 5)].join(".");
    return body + "." + checksum(body);
  }

  // A name a team lead can say: four letters (consonant, vowel, ...) from the code.
  function label(code) {
    var hash = parseInt(checksum("label:" + code), 36);
    var consonants = "bdfghjklmnprstvz", vowels = "aeiou", name = "";
    for (var i = 0; i < 4; i++) {
      var letters = i % 2 ? vowels : consonants;
      name += letters[hash % letters.length];
      hash = Math.floor(hash / letters.length);
    }
    return name.toUpperCase();
  }

  /* A code → {answers: {1: digit, ...}} or {error: why}. Why, as a team lead needs it:
     "codeShort" (this scan's code, cut short while copying), "codeOther" (another
     assessment's code, whatever state it is in), "codeChecksum" (changed by hand or
     mistyped), "codeVersion", "codeBroken" (not a code of this shape at all). */
  function readCode(code, id, version, count, top) {
    var parts = code.split(".");
    if (parts.length < 4) return { error: parts[0] === id ? "codeShort" : "codeBroken" };
    if (parts.length > 5 || !/^[0-9]+$/.test(parts[2])) return { error: "codeBroken" };
    if (parts[0] !== id) return { error: "codeOther" };
    var last = parts[parts.length - 1];
    var expected = checksum(parts.slice(0, -1).join("."));
    if (expected !== last) {
      // The check number's first characters, or a tag without its check number: cut off.
      var cut = parts.length === 5 ? expected.indexOf(last) === 0 : last.length <= 5;
      return { error: cut ? "codeShort" : "codeChecksum" };
    }
    if (parts[1] !== version.slice(0, 6)) return { error: "codeVersion" };
    var digits = parts[2].split("").map(Number);
    if (digits.length !== count || digits.some(function (d) { return d > top; })) {
      return { error: "codeBroken" };
    }
    var answers = {};
    digits.forEach(function (digit, index) { answers[index + 1] = digit; });
    return { answers: answers };
  }

  // Percent-escapes decoded where they are whole; a broken one stays as it is.
  function tolerantDecode(text) {
    return text.replace(/(%[0-9a-f]{2})+/gi, function (run) {
      try {
        return decodeURIComponent(run);
      } catch (error) {
        return run;
      }
    });
  }

  var CODE = /[a-z0-9][\w-]*\.[a-z0-9]{1,6}\.[0-9]+(?:\.[a-z0-9]+){1,2}/gi;

  /* The lines of pasted text in which findCodes finds nothing: [{line: 1-based, text}],
     so that the team lead hears which lines did not count (a name, a time, a greeting). */
  function linesWithoutCodes(text) {
    var skipped = [];
    text.split(/\r\n|\r|\n/).forEach(function (line, index) {
      if (line.trim() && !findCodes(line).length) skipped.push({ line: index + 1, text: line.trim() });
    });
    return skipped;
  }

  /* Pasted text (a list, a chat) → the codes in it, in order, and what looks like a
     broken code ("%", a dot inside a word); times, names and words are left out. */
  function findCodes(text) {
    var found = [];
    text.split(/[\s,;]+/).forEach(function (token) {
      var rest = token.replace(CODE, function (code) { found.push(code); return " "; });
      rest.split(" ").forEach(function (piece) {
        var trimmed = piece.replace(/^[\[\(<"']+|[\]\)>"':]+$/g, "");
        var word = /^[^.%]*\.?$/.test(trimmed) || /^\d{1,2}[:.]\d\d$/.test(trimmed);
        if (trimmed && !word) found.push(trimmed);
      });
    });
    return found;
  }

  /* ---- The one home of the scoring rules (the team scan scores with them too) ---- */

  // An answer scores 0 for the first label up to top for the last (mirrored for reversed
  // statements). A percentage is points over maximum, rounded half up, in whole numbers:
  // floor((200 p + m) / 2m) is exactly that, without floating-point surprises.
  function percent(points, max) {
    return max ? Math.floor((200 * points + max) / (2 * max)) : 0;
  }

  function scoreAssessment(items, answers, top) {
    var totals = {};
    var all = { points: 0, max: 0 };
    items.forEach(function (item, index) {
      var value = answers[index + 1];
      var points = item.reverse ? top - value : value;
      var sum = totals[item.dimension] || (totals[item.dimension] = { points: 0, max: 0 });
      sum.points += points;
      sum.max += top;
      all.points += points;
      all.max += top;
    });
    var result = { overall: percent(all.points, all.max), dimensions: {} };
    Object.keys(totals).forEach(function (key) {
      result.dimensions[key] = percent(totals[key].points, totals[key].max);
    });
    return result;
  }

  return {
    checksum: checksum, resultCode: resultCode, label: label, readCode: readCode,
    tolerantDecode: tolerantDecode, findCodes: findCodes, linesWithoutCodes: linesWithoutCodes,
    percent: percent,
    scoreAssessment: scoreAssessment
  };
});

(function () {
  "use strict";

  var L = typeof window === "object" && window.leerpad; // none under Node: codes only
  if (!L) return;
  var storage = L.storage, all = L.all, element = L.element;

  var TEXT = /* leerpad:text */ {
    "nl": {
      "left": "Nog {left} van de {total:# uitspraak|# uitspraken} te gaan.",
      "complete": "{total:De uitspraak is|Alle # uitspraken} beantwoord. Je uitslag staat hieronder.",
      "resultTitle": "Je uitslag",
      "caption": "Je score per thema, in procent",
      "theme": "Thema",
      "scoreColumn": "Score",
      "printResult": "Druk je uitslag af",
      "confirmReset": "Wil je al je antwoorden op deze zelftest wissen?",
      "shareTitle": "Deel je uitslag anoniem met je team",
      "shareHelp": "Deze code bevat alleen je antwoorden: geen naam en geen tekst. Geef hem aan wie de teamscan doet.",
      "codeLabel": "Jouw uitslagcode",
      "copy": "Kopieer de code",
      "codeName": "Naam van je code: {label}",
      "copied": "De code staat op je klembord.",
      "copyFailed": "Kopiëren lukte niet: selecteer de code en kopieer hem zelf.",
      "openScan": "Open de teamscan met deze code"
    },
    "en": {
      "left": "{left} of {total:# statement|# statements} to go.",
      "complete": "{total:The statement is|All # statements} answered. Your result is below.",
      "resultTitle": "Your result",
      "caption": "Your score per theme, in percent",
      "theme": "Theme",
      "scoreColumn": "Score",
      "printResult": "Print your result",
      "confirmReset": "Do you want to clear all your answers to this self-assessment?",
      "shareTitle": "Share your result anonymously with your team",
      "shareHelp": "This code holds only your answers: no name and no text. Give it to whoever runs the team scan.",
      "codeLabel": "Your result code",
      "copy": "Copy the code",
      "codeName": "Your code's name: {label}",
      "copied": "The code is on your clipboard.",
      "copyFailed": "Copying did not work: select the code and copy it yourself.",
      "openScan": "Open the team scan with this code"
    }
  };

  var text = L.translator(TEXT);

  /* ---- Self-assessment (its scoring rules are above, with the codes) ------------- */

  var percent = window.leerpadCodes.percent, scoreAssessment = window.leerpadCodes.scoreAssessment;
  var checksum = window.leerpadCodes.checksum, resultCode = window.leerpadCodes.resultCode;
  var codeLabel = window.leerpadCodes.label;

  var SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attributes, content) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (content !== undefined) node.textContent = content;
    return node;
  }

  // No viewBox: the chart is as wide as its container and its text keeps the size the
  // stylesheet gives it, on a phone as in print (a scaled viewBox shrank it to 7 px).
  // Each row is its label and percentage on one line, the bar under them.
  var ROW = { height: 40, bar: 18, baseline: 14 };

  function barChart(rows) {
    var chart = svg("svg", {
      class: "leerpad-chart", width: "100%", height: rows.length * ROW.height,
      "aria-hidden": "true", focusable: "false"
    });
    rows.forEach(function (row, index) {
      var y = index * ROW.height;
      var group = svg("g", { class: row.overall ? "leerpad-chart__row is-overall" : "leerpad-chart__row" });
      group.appendChild(svg("text", { x: 0, y: y + ROW.baseline }, row.label));
      group.appendChild(svg("text", { x: "100%", y: y + ROW.baseline, "text-anchor": "end" }, row.percent + "%"));
      var top = y + ROW.baseline + 5;
      group.appendChild(svg("rect", { class: "leerpad-chart__track", x: 0, y: top, width: "100%", height: ROW.bar, rx: 2 }));
      group.appendChild(svg("rect", { class: "leerpad-chart__bar", x: 0, y: top, width: row.percent + "%", height: ROW.bar, rx: 2 }));
      chart.appendChild(group);
    });
    return chart;
  }

  function Assessment(root) {
    var self = this;
    this.root = root;
    this.id = root.getAttribute("data-leerpad-assessment");
    this.version = root.getAttribute("data-leerpad-version");
    this.labels = JSON.parse(root.getAttribute("data-leerpad-dimensions") || "{}");
    this.overallLabel = root.getAttribute("data-leerpad-overall");
    this.items = all(root, ".leerpad-assessment__item").map(function (item) {
      return {
        dimension: item.getAttribute("data-dimension"),
        reverse: item.hasAttribute("data-reverse"),
        inputs: all(item, "input")
      };
    });
    this.top = this.items.length ? this.items[0].inputs.length - 1 : 0;
    this.bands = all(root, ".leerpad-assessment__band").map(function (band) {
      return {
        element: band,
        dimension: band.getAttribute("data-dimension") || null,
        low: Number(band.getAttribute("data-low")),
        high: Number(band.getAttribute("data-high"))
      };
    });
    this.result = root.querySelector(".leerpad-assessment__result");
    this.progress = root.querySelector(".leerpad-assessment__progress");
    this.showButton = root.querySelector("[data-leerpad-result]");
    root.querySelector(".leerpad-assessment__actions").hidden = false;
    this.load();
    root.addEventListener("change", function (event) { self.answer(event.target); });
    this.showButton.addEventListener("click", function () { self.result.focus(); });
    root.querySelector("[data-leerpad-reset]").addEventListener("click", function () {
      self.reset();
    });
    this.update();
  }

  // The stored answers that fit this questionnaire: a statement it has, a point on its
  // scale. Anything else (another version's, edited by hand) is left out, not shown.
  Assessment.prototype.load = function () {
    var saved = storage.get(this.id, "assessment", this.version);
    var answers = {};
    var top = this.top;
    this.items.forEach(function (item, index) {
      var value = saved ? saved.answers[index + 1] : undefined;
      if (typeof value === "number" && value <= top) answers[index + 1] = value;
      item.inputs.forEach(function (input) { input.checked = answers[index + 1] === Number(input.value); });
    });
    this.answers = answers;
  };

  // Another tab saved this self-assessment: show its answers.
  Assessment.prototype.follow = function () {
    this.load();
    this.update();
  };

  Assessment.prototype.answer = function (input) {
    var self = this;
    this.items.forEach(function (item, index) {
      if (item.inputs.indexOf(input) !== -1) self.answers[index + 1] = Number(input.value);
    });
    this.save();
    this.update();
  };

  Assessment.prototype.answeredCount = function () {
    var answers = this.answers;
    return this.items.filter(function (_, index) {
      var value = answers[index + 1];
      return typeof value === "number" && value >= 0;
    }).length;
  };

  Assessment.prototype.save = function () {
    var complete = this.answeredCount() === this.items.length;
    var state = { answers: this.answers, complete: complete };
    if (complete) state.overall = scoreAssessment(this.items, this.answers, this.top).overall;
    storage.set(this.id, "assessment", this.version, state);
    L.changed(this.root); // the storage notice, and the module may be complete now
  };

  Assessment.prototype.update = function () {
    var total = this.items.length;
    var left = total - this.answeredCount();
    this.progress.textContent = left ? text("left", { left: left, total: total })
      : text("complete", { total: total });
    this.showButton.disabled = left > 0;
    this.result.hidden = left > 0;
    if (!left) this.render(scoreAssessment(this.items, this.answers, this.top));
  };

  Assessment.prototype.render = function (score) {
    var self = this;
    var rows = Object.keys(this.labels).map(function (key) {
      return { key: key, label: self.labels[key], percent: score.dimensions[key] || 0 };
    });
    rows.push({ key: null, label: this.overallLabel, percent: score.overall, overall: true });
    var share = this.result.querySelector(".leerpad-share");
    this.result.textContent = "";
    this.result.appendChild(element("p", "leerpad-assessment__result-title", text("resultTitle")));
    this.result.appendChild(this.table(rows));
    this.result.appendChild(barChart(rows));
    // The overall band first: it is the headline; the themes follow.
    rows.slice(-1).concat(rows.slice(0, -1)).forEach(function (row) {
      self.bands.forEach(function (band) {
        if (band.dimension === row.key && band.low <= row.percent && row.percent <= band.high) {
          var copy = band.element.cloneNode(true);
          copy.classList.add("is-match");
          self.result.appendChild(copy);
        }
      });
    });
    var root = this.root;
    var print = this.result.appendChild(element("button", "leerpad-button", text("printResult")));
    print.type = "button";
    print.addEventListener("click", function () { L.printOnly(root); });
    var seed = storage.learner("seed", function () { return Math.random().toString(36).slice(2); });
    var code = resultCode(this.id, this.version, this.answers, this.items.length, seed);
    this.result.appendChild(share && share.getAttribute("data-code") === code ? share
      : shareBox(code, this.root.getAttribute("data-leerpad-teamscan-url")));
  };

  function shareBox(code, scanUrl) {
    var box = element("div", "leerpad-share");
    box.setAttribute("data-code", code);
    box.appendChild(element("p", "leerpad-share__title", text("shareTitle")));
    box.appendChild(element("p", "leerpad-share__help", text("shareHelp")));
    var field = element("input", "leerpad-share__code");
    field.readOnly = true;
    field.value = code;
    field.setAttribute("aria-label", text("codeLabel"));
    box.appendChild(field);
    var copy = box.appendChild(element("button", "leerpad-button", text("copy")));
    copy.type = "button";
    box.appendChild(element("span", "leerpad-share__label", text("codeName", { label: codeLabel(code) })));
    var status = box.appendChild(element("p", "leerpad-share__status"));
    status.setAttribute("role", "status");
    copy.addEventListener("click", function () {
      var done = function () { status.textContent = text("copied"); };
      var failed = function () { field.select(); status.textContent = text("copyFailed"); };
      if (navigator.clipboard) navigator.clipboard.writeText(code).then(done, failed);
      else failed();
    });
    if (scanUrl) {
      var link = box.appendChild(element("a", "leerpad-share__link", text("openScan")));
      link.href = scanUrl + "#codes=" + encodeURIComponent(code);
    }
    return box;
  }

  Assessment.prototype.table = function (rows) {
    var table = element("table", "leerpad-assessment__table");
    table.appendChild(element("caption", "", text("caption")));
    var head = table.appendChild(document.createElement("thead")).appendChild(document.createElement("tr"));
    [text("theme"), text("scoreColumn")].forEach(function (title) {
      var cell = head.appendChild(element("th", "", title));
      cell.scope = "col";
    });
    var body = table.appendChild(document.createElement("tbody"));
    rows.forEach(function (row) {
      var line = body.appendChild(element("tr", row.overall ? "is-overall" : ""));
      line.appendChild(element("th", "", row.label)).scope = "row";
      line.appendChild(element("td", "", row.percent + "%"));
    });
    return table;
  };

  Assessment.prototype.reset = function () {
    if (!window.confirm(text("confirmReset"))) return;
    this.answers = {};
    this.items.forEach(function (item) {
      item.inputs.forEach(function (input) { input.checked = false; });
    });
    this.save();
    this.update();
    if (this.items.length) this.items[0].inputs[0].focus();
  };

  // What the team scan (leerpad-teamscan.js) shares: the same scoring, codes and chart.
  L.scoring = { percent: percent, score: scoreAssessment, checksum: checksum, barChart: barChart };
  L.define("assessment", Assessment);
})();
