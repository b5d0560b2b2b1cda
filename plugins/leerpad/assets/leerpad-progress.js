/* leerpad: the learner's progress page ("Mijn voortgang"), export and import.
   Builds on window.leerpad (leerpad.js). Learner text only ever goes in via textContent;
   an imported file is checked in full before anything in storage changes. */
(function () {
  "use strict";

  var FORMAT = "leerpad-voortgang";
  var MAX_BYTES = 1024 * 1024;
  var TEXT = /* leerpad:text */ {
    "nl": {
      "stateNew": "nog niet begonnen",
      "stateStarted": "bezig",
      "stateDone": "afgerond",
      "modulesDone": "{done} van {total:# module|# modules} afgerond",
      "quizzesRight": "{right} van {total:# vraag|# vragen} goed",
      "assessmentDone": "{title}{colon}{overall}% in totaal",
      "noReflections": "Je hebt nog geen reflecties geschreven.",
      "otherPages": "Andere pagina's",
      "resetCourse": "Wis de voortgang van deze cursus",
      "confirmCourse": "Wil je alle voortgang van de cursus '{title}' wissen?",
      "confirmAll": "Wil je al je voortgang op deze site wissen? Download hem eerst als je hem wilt bewaren.",
      "reflectionsFile": "Mijn reflecties",
      "chooseFile": "Kies eerst een bestand.",
      "tooLarge": "Dit bestand is te groot ({size} kB); een voortgangsbestand is hoogstens 1024 kB.",
      "notJson": "Dit bestand is geen voortgangsbestand: het is geen geldige JSON.",
      "notOurs": "Dit bestand is geen voortgangsbestand van deze cursussite.",
      "version": "Dit voortgangsbestand heeft versie {version}; deze site leest alleen versie 1.",
      "otherSite": "Dit bestand hoort bij een andere site ({site}), niet bij {here}.",
      "damaged": "Dit bestand is beschadigd of aangepast ({where}). Er is niets veranderd.",
      "imported": "Ingelezen ({mode}): {modules:# module|# modules}, {quizzes:# vraag|# vragen}, {assessments:# zelftest|# zelftests} en {reflections:# reflectie|# reflecties}.",
      "merged": "samengevoegd",
      "replaced": "vervangen"
    },
    "en": {
      "stateNew": "not started",
      "stateStarted": "in progress",
      "stateDone": "done",
      "modulesDone": "{done} of {total:# module|# modules} done",
      "quizzesRight": "{right} of {total:# question|# questions} correct",
      "assessmentDone": "{title}{colon}{overall}% overall",
      "noReflections": "You have not written any reflections yet.",
      "otherPages": "Other pages",
      "resetCourse": "Clear the progress of this course",
      "confirmCourse": "Do you want to clear all progress of the course '{title}'?",
      "confirmAll": "Do you want to clear all your progress on this site? Download it first if you want to keep it.",
      "reflectionsFile": "My reflections",
      "chooseFile": "Choose a file first.",
      "tooLarge": "This file is too large ({size} kB); a progress file is at most 1024 kB.",
      "notJson": "This file is not a progress file: it is not valid JSON.",
      "notOurs": "This file is not a progress file of this course site.",
      "version": "This progress file has version {version}; this site reads only version 1.",
      "otherSite": "This file belongs to another site ({site}), not to {here}.",
      "damaged": "This file is damaged or was edited ({where}). Nothing was changed.",
      "imported": "Loaded ({mode}): {modules:# module|# modules}, {quizzes:# question|# questions}, {assessments:# self-assessment|# self-assessments} and {reflections:# reflection|# reflections}.",
      "merged": "merged",
      "replaced": "replaced"
    }
  };

  if (!window.leerpad) return; // leerpad.js did not load: nothing to show
  var say = window.leerpad.translator(TEXT);

  // "Is jouw team een veilige haven? 62%": a title that ends in its own punctuation
  // gets no colon after it ("?:" reads as a typo).
  function colonAfter(title) {
    return /[?!.:…]\s*$/.test(title) ? " " : ": ";
  }

  /* ---- Checking an imported file: every field, before anything changes ----------- */

  var KEY = /^[a-z0-9][a-z0-9:\/._-]{0,199}$/;

  function plainValue(value, depth) {
    if (value === null || typeof value === "boolean") return true;
    if (typeof value === "number") return isFinite(value);
    if (typeof value === "string") return value.length <= 20000;
    if (depth > 4) return false;
    if (Array.isArray(value)) {
      return value.length <= 500 && value.every(function (v) { return plainValue(v, depth + 1); });
    }
    if (typeof value !== "object") return false;
    var keys = Object.keys(value);
    return keys.length <= 500 && keys.every(function (key) {
      return key.length <= 100 && plainValue(value[key], depth + 1);
    });
  }

  function checkData(data) {
    if (!data || typeof data !== "object" || data.version !== 1) return "data";
    if (!data.widgets || typeof data.widgets !== "object" || Array.isArray(data.widgets)) return "widgets";
    var keys = Object.keys(data.widgets);
    if (keys.length > 5000) return "widgets";
    for (var i = 0; i < keys.length; i++) {
      var entry = data.widgets[keys[i]];
      if (!KEY.test(keys[i])) return keys[i].slice(0, 40);
      if (!entry || typeof entry.v !== "string" || entry.v.length > 64) return keys[i];
      if (!entry.s || typeof entry.s !== "object" || Array.isArray(entry.s)) return keys[i];
      if (entry.t !== undefined && (typeof entry.t !== "string" || entry.t.length > 40)) return keys[i];
      if (!plainValue(entry.s, 0)) return keys[i];
    }
    var learner = data.learner === undefined ? {} : data.learner;
    if (!learner || typeof learner !== "object" || !plainValue(learner, 2)) return "learner";
    return null;
  }

  function readProgressFile(raw, site) {
    var file;
    try {
      file = JSON.parse(raw);
    } catch (error) {
      return { error: say("notJson") };
    }
    if (!file || typeof file !== "object" || file.format !== FORMAT) return { error: say("notOurs") };
    if (file.version !== 1) return { error: say("version", { version: String(file.version).slice(0, 10) }) };
    if (file.site !== site) {
      return { error: say("otherSite", { site: String(file.site).slice(0, 80), here: site }) };
    }
    var where = checkData(file.data);
    if (where) return { error: say("damaged", { where: where }) };
    if (!file.data.learner) file.data.learner = {};
    return { data: file.data };
  }

  function kindOf(key, entry) {
    if (key.indexOf("module:") === 0) return "modules";
    if (typeof entry.s.text === "string") return "reflections";
    if (entry.s.answers && !Array.isArray(entry.s.answers)) return "assessments";
    return "quizzes";
  }

  function merge(current, incoming) {
    Object.keys(incoming.widgets).forEach(function (key) {
      var mine = current.widgets[key];
      var theirs = incoming.widgets[key];
      if (!mine || String(theirs.t || "") > String(mine.t || "")) current.widgets[key] = theirs;
    });
    Object.keys(incoming.learner).forEach(function (name) {
      if (!(name in current.learner) || current.learner[name] === "") {
        current.learner[name] = incoming.learner[name];
      }
    });
    return current;
  }

  /* ---- The page ------------------------------------------------------------------ */

  function download(name, type, content) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([content], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function ProgressPage(root) {
    var self = this;
    var api = window.leerpad;
    this.api = api;
    this.root = root;
    this.site = root.getAttribute("data-leerpad-site");
    this.structure = JSON.parse(root.getAttribute("data-leerpad-structure") || "[]");
    document.querySelector(".leerpad-progress__nojs").hidden = true;
    root.hidden = false;
    this.status = root.querySelector(".leerpad-progress__import-status");
    this.on("[data-leerpad-export]", function () { self.exportFile(); });
    this.on("[data-leerpad-import]", function () { self.importFile(); });
    this.on("[data-leerpad-reset-all]", function () {
      if (!window.confirm(say("confirmAll"))) return;
      api.storage.replace({ version: 1, widgets: {}, learner: {} });
      self.render();
    });
    this.on("[data-leerpad-download-reflections]", function () {
      download("mijn-reflecties.md", "text/markdown;charset=utf-8", self.reflectionsMarkdown());
    });
    this.on("[data-leerpad-print-progress]", function () { window.print(); });
    this.render();
  }

  ProgressPage.prototype.on = function (selector, handler) {
    this.root.querySelector(selector).addEventListener("click", handler);
  };

  ProgressPage.prototype.entry = function (key) {
    var entry = this.data.widgets[key];
    return entry && entry.s ? entry.s : null;
  };

  ProgressPage.prototype.render = function () {
    var self = this;
    var el = this.api.element;
    this.data = this.api.storage.snapshot();
    var courses = this.root.querySelector(".leerpad-progress__courses");
    courses.textContent = "";
    this.structure.forEach(function (course) {
      var box = courses.appendChild(el("div", "leerpad-progress__course"));
      var title = box.appendChild(el("h3", ""));
      var link = title.appendChild(el("a", "", course.title));
      link.href = course.url;
      var states = course.modules.map(function (module) { return self.entry("module:" + module.id) || {}; });
      var done = states.filter(function (state) { return state.done; }).length;
      box.appendChild(el("p", "leerpad-progress__summary", say("modulesDone", { done: done, total: course.modules.length })));
      var list = box.appendChild(el("ol", "leerpad-progress__modules"));
      course.modules.forEach(function (module, index) {
        list.appendChild(self.moduleLine(module, states[index]));
      });
      var reset = box.appendChild(el("button", "leerpad-button", say("resetCourse")));
      reset.type = "button";
      reset.addEventListener("click", function () { self.resetCourse(course); });
    });
    this.renderReflections();
  };

  ProgressPage.prototype.moduleLine = function (module, state) {
    var self = this;
    var el = this.api.element;
    var item = el("li", "");
    var link = item.appendChild(el("a", "", module.title));
    link.href = module.url;
    var label = state.done ? "stateDone" : state.started ? "stateStarted" : "stateNew";
    var state = el("span", "leerpad-progress__state", " · " + say(label));
    item.appendChild(state).setAttribute("data-state", label);
    var details = [];
    if (module.quizzes.length) {
      var right = module.quizzes.filter(function (quiz) {
        var entry = self.entry(quiz.id);
        return entry && entry.solved;
      }).length;
      details.push(say("quizzesRight", { right: right, total: module.quizzes.length }));
    }
    module.assessments.forEach(function (assessment) {
      var entry = self.entry(assessment.id);
      if (entry && entry.complete && typeof entry.overall === "number") {
        details.push(say("assessmentDone", { title: assessment.title, colon: colonAfter(assessment.title), overall: entry.overall }));
      }
    });
    if (details.length) item.appendChild(el("p", "leerpad-progress__details", details.join(" · ")));
    return item;
  };

  ProgressPage.prototype.reflections = function () {
    var self = this;
    var groups = [];
    var known = {};
    this.structure.forEach(function (course) {
      course.modules.forEach(function (module) {
        var items = module.reflections.map(function (reflection) {
          known[reflection.id] = true;
          var entry = self.entry(reflection.id);
          // The prompt as the learner saw it (rendered), else as the author wrote it.
          var prompt = entry && typeof entry.prompt === "string" ? entry.prompt : reflection.prompt;
          return entry && entry.text ? { prompt: prompt, text: entry.text } : null;
        }).filter(Boolean);
        if (items.length) groups.push({ title: course.title + colonAfter(course.title) + module.title, url: module.url, items: items });
      });
    });
    var other = Object.keys(this.data.widgets).filter(function (key) {
      var entry = self.entry(key);
      return !known[key] && entry && typeof entry.text === "string" && entry.text;
    }).map(function (key) {
      var entry = self.entry(key);
      return { prompt: String(entry.prompt || ""), text: entry.text };
    });
    if (other.length) groups.push({ title: say("otherPages"), items: other });
    return groups;
  };

  ProgressPage.prototype.renderReflections = function () {
    var el = this.api.element;
    var box = this.root.querySelector(".leerpad-progress__reflections");
    box.textContent = "";
    var groups = this.reflections();
    if (!groups.length) box.appendChild(el("p", "", say("noReflections")));
    groups.forEach(function (group) {
      box.appendChild(el("h3", "", group.title));
      group.items.forEach(function (item) {
        box.appendChild(el("p", "leerpad-progress__prompt", item.prompt));
        box.appendChild(el("blockquote", "leerpad-progress__reflection", item.text));
      });
    });
  };

  ProgressPage.prototype.reflectionsMarkdown = function () {
    var lines = ["# " + say("reflectionsFile") + " — " + this.site, ""];
    this.reflections().forEach(function (group) {
      lines.push("## " + group.title, "");
      group.items.forEach(function (item) {
        lines.push("**" + item.prompt + "**", "", item.text, "");
      });
    });
    return lines.join("\n");
  };

  ProgressPage.prototype.exportFile = function () {
    var day = new Date().toISOString().slice(0, 10);
    var file = {
      format: FORMAT, version: 1, site: this.site, exported: new Date().toISOString(),
      data: this.api.storage.snapshot()
    };
    var slug = this.site.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    download("voortgang-" + slug + "-" + day + ".json", "application/json", JSON.stringify(file, null, 1));
  };

  ProgressPage.prototype.importFile = function () {
    var self = this;
    var input = this.root.querySelector("#leerpad-import-file");
    var file = input.files && input.files[0];
    if (!file) return this.report(say("chooseFile"));
    if (file.size > MAX_BYTES) return this.report(say("tooLarge", { size: Math.ceil(file.size / 1024) }));
    var mode = this.root.querySelector("input[name=leerpad-import-mode]:checked").value;
    file.text().then(function (raw) {
      var read = readProgressFile(raw, self.site);
      if (read.error) return self.report(read.error);
      var current = self.api.storage.snapshot();
      var result = mode === "replace" ? read.data : merge(current, read.data);
      self.api.storage.replace(result);
      var counts = { modules: 0, quizzes: 0, assessments: 0, reflections: 0 };
      Object.keys(read.data.widgets).forEach(function (key) {
        counts[kindOf(key, read.data.widgets[key])]++;
      });
      counts.mode = say(mode === "replace" ? "replaced" : "merged");
      self.render();
      self.report(say("imported", counts));
    });
  };

  ProgressPage.prototype.report = function (message) {
    this.status.textContent = message;
  };

  ProgressPage.prototype.resetCourse = function (course) {
    if (!window.confirm(say("confirmCourse", { title: course.title }))) return;
    var keys = {};
    course.modules.forEach(function (module) {
      keys["module:" + module.id] = true;
      module.quizzes.concat(module.assessments, module.reflections).forEach(function (widget) {
        keys[widget.id] = true;
      });
    });
    this.api.storage.forget(function (key) { return keys[key]; });
    this.render();
  };

  // Started by leerpad.js, like every widget: once per page, also after instant navigation.
  window.leerpad.define("progress", ProgressPage);
})();
