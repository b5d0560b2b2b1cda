/* leerpad: the team scan, which combines anonymous result codes of one self-assessment.
   Loaded by leerpad.js after leerpad-assessment.js, whose scoring it uses, only on pages
   that have one. Nothing leaves the browser; codes only ever go in via textContent. */
(function () {
  "use strict";

  var L = window.leerpad;
  if (!L || !L.scoring || !window.leerpadCodes) return;
  var all = L.all, element = L.element;
  var percent = L.scoring.percent, scoreAssessment = L.scoring.score;
  var barChart = L.scoring.barChart;

  var TEXT = /* leerpad:text */ {
    "nl": {
      "codeBroken": "dit is geen uitslagcode van deze teamscan",
      "codeShort": "deze code is onvolledig: kopieer hem opnieuw, tot en met het laatste teken",
      "codeChecksum": "het controlegetal klopt niet: de code is veranderd of verkeerd overgenomen",
      "codeOther": "deze code hoort bij een andere teamscan",
      "lineSkipped": "Regel {line} is geen code en telt niet mee: {text}",
      "codeVersion": "hoort bij een andere versie van de vragenlijst",
      "codeDuplicate": "dubbel: deze code staat er al",
      "codeOk": "telt mee",
      "codeLine": "Code {n} ({start}…): {verdict}.",
      "codeLineNamed": "Code {n}, {label} ({start}…): {verdict}.",
      "scanCount": "{valid} van de {total:# code|# codes} {valid:telt|tellen} mee.",
      "scanNone": "Plak eerst minstens één geldige code.",
      "scanFew": "Met minder dan drie codes is de uitslag niet anoniem: wie meedeed, is te herleiden.",
      "scanTitle": "Teamuitslag van {count:# teamlid|# teamleden}",
      "scanCaption": "Score van het team per thema, in procent",
      "theme": "Thema",
      "average": "Gemiddeld",
      "lowest": "Laagste",
      "highest": "Hoogste",
      "divided": "Hier verschilt het team het meest van mening: {label} (van {low}% tot {high}%).",
      "chartValue": "{percent}% ({low}–{high}%)",
      "forOne": "Deze uitslagtekst is geschreven voor één deelnemer met deze score. Lees hem als begin van een gesprek: herkennen jullie je erin?"
    },
    "en": {
      "codeBroken": "this is not a result code of this team scan",
      "codeShort": "this code is incomplete: copy it again, up to its last character",
      "codeChecksum": "the check number does not match: the code was changed or mistyped",
      "codeOther": "this code belongs to another team scan",
      "lineSkipped": "Line {line} is not a code and does not count: {text}",
      "codeVersion": "belongs to another version of the questionnaire",
      "codeDuplicate": "duplicate: this code is already there",
      "codeOk": "counts",
      "codeLine": "Code {n} ({start}…): {verdict}.",
      "codeLineNamed": "Code {n}, {label} ({start}…): {verdict}.",
      "scanCount": "{valid} of the {total:# code|# codes} {valid:counts|count}.",
      "scanNone": "Paste at least one valid code first.",
      "scanFew": "With fewer than three codes the result is not anonymous: who took part can be traced.",
      "scanTitle": "Team result of {count:# member|# members}",
      "scanCaption": "The team's score per theme, in percent",
      "theme": "Theme",
      "average": "Average",
      "lowest": "Lowest",
      "highest": "Highest",
      "divided": "This is where the team differs most: {label} (from {low}% to {high}%).",
      "chartValue": "{percent}% ({low}–{high}%)",
      "forOne": "This result text was written for one participant with this score. Read it as the start of a conversation: does the team recognise itself in it?"
    }
  };

  var text = L.translator(TEXT);

  var codes = window.leerpadCodes;

  // The first characters of a code for a report, never half a character.
  function start(code) {
    return Array.from(code).slice(0, 14).join("");
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
    this.fromFragment();
    // A new fragment while the page is open (another share link) counts like a fresh load.
    window.addEventListener("hashchange", function () {
      if (self.root.isConnected) self.fromFragment();
    });
  }

  // Codes in the address (#codes=a,b,c): what is whole counts, a broken part is reported.
  TeamScan.prototype.fromFragment = function () {
    var fragment = /(?:^#|&)codes=([^&]*)/.exec(location.hash);
    if (!fragment) return;
    this.codes.value = codes.findCodes(codes.tolerantDecode(fragment[1])).join("\n");
    this.combine();
  };

  TeamScan.prototype.combine = function () {
    var self = this;
    var seen = {};
    var valid = [];
    var pasted = codes.findCodes(this.codes.value);
    this.report.textContent = "";
    var list = element("ul", "leerpad-teamscan__codes-report");
    pasted.forEach(function (code, index) {
      var read = codes.readCode(code, self.id, self.version, self.items.length, self.top);
      var verdict = read.error || (seen[code] ? "codeDuplicate" : "codeOk");
      if (!read.error && !seen[code]) valid.push(read.answers);
      seen[code] = true;
      var unnamed = ["codeChecksum", "codeBroken", "codeShort"].indexOf(read.error) >= 0;
      var line = list.appendChild(element("li", verdict === "codeOk" ? "is-ok" : "is-rejected",
        text(unnamed ? "codeLine" : "codeLineNamed", {
          n: index + 1, label: codes.label(code), start: start(code), verdict: text(verdict)
        })));
      line.setAttribute("data-verdict", verdict);
    });
    this.report.appendChild(element("p", "", valid.length
      ? text("scanCount", { valid: valid.length, total: pasted.length }) : text("scanNone")));
    codes.linesWithoutCodes(this.codes.value).forEach(function (skipped) {
      var line = list.appendChild(element("li", "is-rejected", text("lineSkipped", {
        line: skipped.line, text: Array.from(skipped.text).slice(0, 40).join("")
      })));
      line.setAttribute("data-verdict", "lineSkipped");
    });
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
    this.result.appendChild(withRanges(barChart(rows), rows));
    var divided = rows.slice(0, -1).sort(function (a, b) { return (b.high - b.low) - (a.high - a.low); })[0];
    if (divided && answerSets.length > 1) {
      this.result.appendChild(element("p", "leerpad-teamscan__divided", text("divided", divided)));
    }
    rows.slice(-1).concat(rows.slice(0, -1)).forEach(function (row) {
      self.bands.forEach(function (band) {
        var low = Number(band.getAttribute("data-low"));
        var high = Number(band.getAttribute("data-high"));
        if ((band.getAttribute("data-dimension") || null) === row.key && low <= row.percent && row.percent <= high) {
          self.result.appendChild(forTheTeam(band.cloneNode(true)));
        }
      });
    });
    this.result.focus();
  };

  // A band as the team reads it: its team text when the author wrote one, else the
  // learner's text with a word on whom it was written for.
  function forTheTeam(band) {
    band.classList.add("is-match");
    var team = band.querySelector(".leerpad-assessment__band-team");
    var learner = band.querySelector(".leerpad-assessment__band-text");
    if (team) {
      team.hidden = false;
      learner.remove();
    } else {
      learner.insertAdjacentElement("beforebegin", element("p", "leerpad-teamscan__for-one", text("forOne")));
    }
    return band;
  }

  // The chart of averages, each row with the team's range (lowest to highest) drawn
  // across its bar and written after its average. The table says the same in words.
  function withRanges(chart, rows) {
    all(chart, ".leerpad-chart__row").forEach(function (group, index) {
      var row = rows[index];
      var track = group.querySelector(".leerpad-chart__track");
      var middle = Number(track.getAttribute("y")) + Number(track.getAttribute("height")) / 2;
      group.querySelector('text[text-anchor="end"]').textContent = text("chartValue", row);
      var range = group.appendChild(svgRect("leerpad-chart__range", row.low + "%", middle - 2, (row.high - row.low) + "%", 4));
      range.setAttribute("data-low", row.low);
      range.setAttribute("data-high", row.high);
      group.appendChild(svgRect("leerpad-chart__range-end", row.low + "%", middle - 7, 2, 14));
      group.appendChild(svgRect("leerpad-chart__range-end is-high", row.high + "%", middle - 7, 2, 14));
    });
    return chart;
  }

  function svgRect(className, x, y, width, height) {
    var rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
    [["class", className], ["x", x], ["y", y], ["width", width], ["height", height]].forEach(function (pair) {
      rect.setAttribute(pair[0], pair[1]);
    });
    return rect;
  }

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
