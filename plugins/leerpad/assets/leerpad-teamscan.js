/* leerpad: the team scan, which combines anonymous result codes of one self-assessment.
   Loaded by leerpad.js after leerpad-assessment.js, whose scoring it uses, only on pages
   that have one. Nothing leaves the browser; codes only ever go in via textContent. */
(function () {
  "use strict";

  var L = window.leerpad;
  if (!L || !L.scoring) return;
  var all = L.all, element = L.element;
  var percent = L.scoring.percent, scoreAssessment = L.scoring.score;
  var checksum = L.scoring.checksum, barChart = L.scoring.barChart;

  var TEXT = /* leerpad:text */ {
    "nl": {
      "codeBroken": "onvolledig of beschadigd",
      "codeChecksum": "het controlegetal klopt niet: de code is veranderd of verkeerd overgenomen",
      "codeOther": "hoort bij een andere zelftest",
      "codeVersion": "hoort bij een andere versie van de vragenlijst",
      "codeDuplicate": "dubbel: deze code staat er al",
      "codeOk": "telt mee",
      "codeLine": "Code {n} ({start}…): {verdict}.",
      "scanCount": "{valid} van de {total:# code|# codes} {valid:telt|tellen} mee.",
      "scanNone": "Plak eerst minstens één geldige code.",
      "scanFew": "Met minder dan drie codes is de uitslag niet anoniem: wie meedeed, is te herleiden.",
      "scanTitle": "Teamuitslag van {count:# teamlid|# teamleden}",
      "scanCaption": "Score van het team per thema, in procent",
      "theme": "Thema",
      "average": "Gemiddeld",
      "lowest": "Laagste",
      "highest": "Hoogste",
      "divided": "Hier verschilt het team het meest van mening: {label} (van {low}% tot {high}%)."
    },
    "en": {
      "codeBroken": "incomplete or damaged",
      "codeChecksum": "the check number does not match: the code was changed or mistyped",
      "codeOther": "belongs to another self-assessment",
      "codeVersion": "belongs to another version of the questionnaire",
      "codeDuplicate": "duplicate: this code is already there",
      "codeOk": "counts",
      "codeLine": "Code {n} ({start}…): {verdict}.",
      "scanCount": "{valid} of the {total:# code|# codes} {valid:counts|count}.",
      "scanNone": "Paste at least one valid code first.",
      "scanFew": "With fewer than three codes the result is not anonymous: who took part can be traced.",
      "scanTitle": "Team result of {count:# member|# members}",
      "scanCaption": "The team's score per theme, in percent",
      "theme": "Theme",
      "average": "Average",
      "lowest": "Lowest",
      "highest": "Highest",
      "divided": "This is where the team differs most: {label} (from {low}% to {high}%)."
    }
  };

  var text = L.translator(TEXT);

  function readCode(code, id, version, count, top) {
    var parts = code.split(".");
    if (parts.length !== 4 || !/^[0-9]+$/.test(parts[2])) return { error: "codeBroken" };
    if (checksum(parts.slice(0, 3).join(".")) !== parts[3]) return { error: "codeChecksum" };
    if (parts[0] !== id) return { error: "codeOther" };
    if (parts[1] !== version.slice(0, 6)) return { error: "codeVersion" };
    var digits = parts[2].split("").map(Number);
    if (digits.length !== count || digits.some(function (d) { return d > top; })) {
      return { error: "codeBroken" };
    }
    var answers = {};
    digits.forEach(function (digit, index) { answers[index + 1] = digit; });
    return { answers: answers };
  }

  /* ---- Team scan: combine result codes, nothing leaves the browser ----------------- */

  function TeamScan(root) {
    var self = this;
    this.root = root;
    this.id = root.getAttribute("data-leerpad-teamscan");
    this.version = root.getAttribute("data-leerpad-version");
    this.labels = JSON.parse(root.getAttribute("data-leerpad-dimensions") || "{}");
    this.items = JSON.parse(root.getAttribute("data-leerpad-items") || "[]").map(function (item) {
      return { dimension: item[0], reverse: Boolean(item[1]) };
    });
    this.top = Number(root.getAttribute("data-leerpad-top"));
    this.overallLabel = root.getAttribute("data-leerpad-overall");
    this.codes = root.querySelector(".leerpad-teamscan__codes");
    this.report = root.querySelector(".leerpad-teamscan__report");
    this.result = root.querySelector(".leerpad-teamscan__result");
    this.bands = all(root.querySelector(".leerpad-teamscan__bands"), ".leerpad-assessment__band");
    root.querySelector(".leerpad-teamscan__nojs").hidden = true;
    root.querySelector(".leerpad-teamscan__form").hidden = false;
    root.querySelector("[data-leerpad-combine]").addEventListener("click", function () {
      self.combine();
    });
    var fragment = /(?:^#|&)codes=([^&]*)/.exec(location.hash);
    if (fragment) {
      this.codes.value = decodeURIComponent(fragment[1]).split(",").join("\n");
      this.combine();
    }
  }

  TeamScan.prototype.combine = function () {
    var self = this;
    var seen = {};
    var valid = [];
    var codes = this.codes.value.split(/[\s,]+/).filter(Boolean);
    this.report.textContent = "";
    var list = element("ul", "leerpad-teamscan__codes-report");
    codes.forEach(function (code, index) {
      var read = readCode(code, self.id, self.version, self.items.length, self.top);
      var verdict = read.error || (seen[code] ? "codeDuplicate" : "codeOk");
      if (!read.error && !seen[code]) valid.push(read.answers);
      seen[code] = true;
      var line = list.appendChild(element("li", verdict === "codeOk" ? "is-ok" : "is-rejected",
        text("codeLine", { n: index + 1, start: code.slice(0, 14), verdict: text(verdict) })));
      line.setAttribute("data-verdict", verdict);
    });
    this.report.appendChild(element("p", "", valid.length
      ? text("scanCount", { valid: valid.length, total: codes.length }) : text("scanNone")));
    this.report.appendChild(list);
    this.result.hidden = !valid.length;
    if (valid.length) this.render(valid);
  };

  TeamScan.prototype.render = function (answerSets) {
    var self = this;
    var scores = answerSets.map(function (answers) {
      return scoreAssessment(self.items, answers, self.top);
    });
    var keys = Object.keys(this.labels);
    var rows = keys.map(function (key) {
      return self.summary(key, self.labels[key], scores.map(function (s) { return s.dimensions[key]; }));
    });
    rows.push(this.summary(null, this.overallLabel, scores.map(function (s) { return s.overall; })));
    rows[rows.length - 1].overall = true;
    this.result.textContent = "";
    this.result.appendChild(element("p", "leerpad-assessment__result-title",
      text("scanTitle", { count: answerSets.length })));
    if (answerSets.length < 3) this.result.appendChild(element("p", "leerpad-teamscan__few", text("scanFew")));
    this.result.appendChild(this.table(rows));
    this.result.appendChild(barChart(rows));
    var divided = rows.slice(0, -1).sort(function (a, b) { return (b.high - b.low) - (a.high - a.low); })[0];
    if (divided && answerSets.length > 1) {
      this.result.appendChild(element("p", "leerpad-teamscan__divided", text("divided", divided)));
    }
    rows.slice(-1).concat(rows.slice(0, -1)).forEach(function (row) {
      self.bands.forEach(function (band) {
        var low = Number(band.getAttribute("data-low"));
        var high = Number(band.getAttribute("data-high"));
        if ((band.getAttribute("data-dimension") || null) === row.key && low <= row.percent && row.percent <= high) {
          var copy = band.cloneNode(true);
          copy.classList.add("is-match");
          self.result.appendChild(copy);
        }
      });
    });
    this.result.focus();
  };

  // The team's average of the members' percentages, rounded half up like every score.
  TeamScan.prototype.summary = function (key, label, values) {
    var sum = values.reduce(function (a, b) { return a + b; }, 0);
    return {
      key: key, label: label, percent: percent(sum, values.length * 100),
      low: Math.min.apply(null, values), high: Math.max.apply(null, values)
    };
  };

  TeamScan.prototype.table = function (rows) {
    var table = element("table", "leerpad-assessment__table");
    table.appendChild(element("caption", "", text("scanCaption")));
    var head = table.appendChild(document.createElement("thead")).appendChild(document.createElement("tr"));
    [text("theme"), text("average"), text("lowest"), text("highest")].forEach(function (title) {
      head.appendChild(element("th", "", title)).scope = "col";
    });
    var body = table.appendChild(document.createElement("tbody"));
    rows.forEach(function (row) {
      var line = body.appendChild(element("tr", row.overall ? "is-overall" : ""));
      line.appendChild(element("th", "", row.label)).scope = "row";
      [row.percent, row.low, row.high].forEach(function (value) {
        line.appendChild(element("td", "", value + "%"));
      });
    });
    return table;
  };

  L.define("teamscan", TeamScan);
})();
