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
      "noReflections": "Je hebt nog geen reflecties geschreven.",
      "otherPages": "Andere pagina's",
      "resetCourse": "Wis je voortgang in ‘{title}’",
      "confirmCourse": "Wil je alle voortgang van de cursus '{title}' wissen?",
      "confirmAll": "Wil je al je voortgang op deze site wissen? Download hem eerst als je hem wilt bewaren.",
      "reflectionsFile": "Mijn reflecties",
      "chooseFile": "Kies eerst een bestand.",
      "tooLarge": "Dit bestand is te groot ({size} kB); een voortgangsbestand is hoogstens 1024 kB.",
      "notJson": "Dit bestand is geen voortgangsbestand: het is geen geldige JSON.",
      "notOurs": "Dit bestand is geen voortgangsbestand van deze cursussite.",
      "version": "Dit voortgangsbestand heeft versie {version}; deze site leest alleen versie 1.",
      "newerFile": "Dit voortgangsbestand komt van een nieuwere versie van deze cursussite, en deze oudere versie kan het niet lezen. Er is niets veranderd en je bestand blijft zoals het is. Laad de pagina opnieuw of open de actuele site van de cursus, en lees het bestand daar in.",
      "otherSite": "Dit bestand hoort bij een andere site ({site}), niet bij {here}.",
      "damaged": "Dit bestand is beschadigd of aangepast ({where}). Er is niets veranderd.",
      "imported": "Ingelezen ({mode}). Veranderd: {list}.",
      "importedNothing": "Ingelezen ({mode}). Er is niets veranderd.",
      "importedOnly": "Ingelezen ({mode}).",
      "moduleCount": "{count:# module|# modules}",
      "and": " en ",
      "asideHelp": "Een deel van je bewaarde voortgang kon niet gelezen worden. Het is niet weg: het staat apart in je browser. Download het om het te bewaren of aan je trainer te laten zien.",
      "asideDownload": "Download wat apart staat",
      "newerHere": "Je voortgang in deze browser komt van een nieuwere versie van deze cursussite. Hij is niet weg: hij blijft ongewijzigd bewaard. Deze pagina kan hem niet tonen: laad de pagina opnieuw of open de actuele site van de cursus. Wat je hier nu doet, wordt niet bewaard.",
      "newerBeside": "In je browser staat ook voortgang van een nieuwere versie van deze cursussite. Hij is niet weg: hij blijft ongewijzigd bewaard. Deze pagina kan hem niet tonen: laad de pagina opnieuw of open de actuele site van de cursus om ermee verder te gaan. Hieronder staat alleen wat deze versie zelf bewaarde.",
      "newerDownload": "Download een kopie",
      "certificateEarned": "Certificaat behaald.",
      "certificatePrint": "Druk het af op de cursuspagina",
      "certificateOpen": "Voor het certificaat: nog {count:# module|# modules} af te ronden.",
      "stillOpen": "nog {list}",
      "merged": "samengevoegd",
      "replaced": "vervangen",
      "removed": "Weggehaald (niet in het bestand): {list}.",
      "removedNothing": "Niets weggehaald."
    },
    "en": {
      "stateNew": "not started",
      "stateStarted": "in progress",
      "stateDone": "done",
      "modulesDone": "{done} of {total:# module|# modules} done",
      "noReflections": "You have not written any reflections yet.",
      "otherPages": "Other pages",
      "resetCourse": "Clear your progress in ‘{title}’",
      "confirmCourse": "Do you want to clear all progress of the course '{title}'?",
      "confirmAll": "Do you want to clear all your progress on this site? Download it first if you want to keep it.",
      "reflectionsFile": "My reflections",
      "chooseFile": "Choose a file first.",
      "tooLarge": "This file is too large ({size} kB); a progress file is at most 1024 kB.",
      "notJson": "This file is not a progress file: it is not valid JSON.",
      "notOurs": "This file is not a progress file of this course site.",
      "version": "This progress file has version {version}; this site reads only version 1.",
      "newerFile": "This progress file comes from a newer version of this course site, and this older version cannot read it. Nothing was changed and your file stays as it is. Reload the page or open the course's current site, and load the file there.",
      "otherSite": "This file belongs to another site ({site}), not to {here}.",
      "damaged": "This file is damaged or was edited ({where}). Nothing was changed.",
      "imported": "Loaded ({mode}). Changed: {list}.",
      "importedNothing": "Loaded ({mode}). Nothing changed.",
      "importedOnly": "Loaded ({mode}).",
      "moduleCount": "{count:# module|# modules}",
      "and": " and ",
      "asideHelp": "Part of your saved progress could not be read. It is not gone: it is set aside in your browser. Download it to keep it or to show it to your trainer.",
      "asideDownload": "Download what was set aside",
      "newerHere": "Your progress in this browser comes from a newer version of this course site. It is not lost: it stays kept, unchanged. This page cannot show it: reload the page or open the course's current site. What you do here now is not kept.",
      "newerBeside": "Your browser also holds progress from a newer version of this course site. It is not lost: it stays kept, unchanged. This page cannot show it: reload the page or open the course's current site to go on with it. Below is only what this version kept itself.",
      "newerDownload": "Download a copy",
      "certificateEarned": "Certificate earned.",
      "certificatePrint": "Print it on the course page",
      "certificateOpen": "For the certificate: {count:# module|# modules} still to complete.",
      "stillOpen": "still to go: {list}",
      "merged": "merged",
      "replaced": "replaced",
      "removed": "Removed (not in the file): {list}.",
      "removedNothing": "Nothing removed."
    }
  };

  if (!window.leerpad) return; // leerpad.js did not load: nothing to show
  var say = window.leerpad.translator(TEXT);
  // The widget kinds that count on this page, written here by the build from leerpad's
  // registry (leerpad/assets.py progress_kinds): their group in a module of the
  // structure, and how they sum up.
  var KINDS = /* leerpad:progress-kinds */ {};

  // The kinds that sum up on this page in a way of their own: "count", "score", "writing",
  // "outcome" (a word per widget, such as a conversation's best outcome, and a trail).
  function kindsSumming(how) {
    return Object.keys(KINDS).filter(function (name) {
      return KINDS[name].summary && KINDS[name].summary[how] !== undefined;
    });
  }

  // A kind's own progress text (in the site's language) with its placeholders filled.
  function sayFor(name, values) {
    return window.leerpad.translator({ en: { text: KINDS[name].summary.text } })("text", values);
  }

  // The widgets of one kind in a module of the structure.
  function widgetsOf(module, name) {
    return module[KINDS[name].progress] || [];
  }

  // "Is jouw team een veilige haven? 62%": a title that ends in its own punctuation
  // gets no colon after it ("?:" reads as a typo).
  function colonAfter(title) {
    return /[?!.:…]\s*$/.test(title) ? " " : ": ";
  }

  /* ---- Checking an imported file: every entry by its kind, before anything changes -- */

  var store = window.leerpadStorage;

  function readProgressFile(raw, site) {
    var file;
    try {
      file = JSON.parse(raw);
    } catch (error) {
      return { error: say("notJson") };
    }
    if (!file || typeof file !== "object" || file.format !== FORMAT) return { error: say("notOurs") };
    // A newer file, or a file of today's kind holding a newer site's data: not damaged.
    if (typeof file.version === "number" && file.version > 1) return { error: say("newerFile") };
    if (file.version !== 1) return { error: say("version", { version: String(file.version).slice(0, 10) }) };
    if (store.isNewer(file.data)) return { error: say("newerFile") };
    if (file.site !== site) {
      return { error: say("otherSite", { site: String(file.site).slice(0, 80), here: site }) };
    }
    // The same checks as stored data gets: a value off the scale, a time that is no date
    // or lies in the future, a wrong shape: the file is refused as a whole.
    var read = store.normalise(file.data, Date.now());
    if (!read) return { error: say("damaged", { where: "data" }) };
    var bad = Object.keys(read.data.aside)[0];
    if (bad) return { error: say("damaged", { where: bad.slice(0, 60) }) };
    return { data: read.data };
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
      var aside = api.storage.snapshot().aside; // what could not be read is not ours to wipe
      api.storage.replace({ version: 2, widgets: {}, learner: {}, aside: aside });
      self.render();
    });
    this.on("[data-leerpad-download-reflections]", function () {
      download("mijn-reflecties.md", "text/markdown;charset=utf-8", self.reflectionsMarkdown());
    });
    this.on("[data-leerpad-print-progress]", function () { window.print(); });
    this.render();
  }

  // Another tab saved: show what is stored now.
  ProgressPage.prototype.follow = function () {
    this.render();
  };

  ProgressPage.prototype.on = function (selector, handler) {
    this.root.querySelector(selector).addEventListener("click", handler);
  };

  // The stored state of a widget of this kind, or null: the entry says its kind.
  ProgressPage.prototype.entry = function (key, kind) {
    var entry = this.data.widgets[key];
    return entry && entry.k === kind ? entry.s : null;
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
      var status = window.leerpadCompletion.courseStatus(course, self.data.widgets);
      box.appendChild(el("p", "leerpad-progress__summary", say("modulesDone", { done: status.done, total: course.modules.length })));
      if (course.modules.length) box.appendChild(self.certificateLine(course, status));
      var list = box.appendChild(el("ol", "leerpad-progress__modules"));
      course.modules.forEach(function (module, index) {
        list.appendChild(self.moduleLine(module, status.modules[index]));
      });
      // Named after its course: with two courses, two buttons that read alike would leave a
      // screen-reader user guessing which one they are on.
      var reset = box.appendChild(el("button", "leerpad-button", say("resetCourse", { title: course.title })));
      reset.type = "button";
      reset.addEventListener("click", function () { self.resetCourse(course); });
    });
    this.renderReflections();
    this.renderSetAside();
  };

  // Copies of stored data that could not be read, and a newer site's data: said (each
  // in its own words) and offered as a download.
  ProgressPage.prototype.renderSetAside = function () {
    var el = this.api.element;
    var copies = this.api.storage.setAside();
    var newer = this.api.storage.newer();
    var newerKeys = newer.beside.concat(newer.here ? [newer.here] : []);
    var damaged = Object.keys(copies).filter(function (key) { return newerKeys.indexOf(key) === -1; });
    var box = this.root.querySelector(".leerpad-progress__aside");
    if (box) box.remove();
    if (!Object.keys(copies).length) return;
    box = el("div", "leerpad-progress__aside");
    if (newer.here) box.appendChild(el("p", "", say("newerHere")));
    else if (newer.beside.length) box.appendChild(el("p", "", say("newerBeside")));
    if (damaged.length) box.appendChild(el("p", "", say("asideHelp")));
    var label = damaged.length ? "asideDownload" : "newerDownload";
    var button = box.appendChild(el("button", "leerpad-button", say(label)));
    button.type = "button";
    var site = this.site;
    button.addEventListener("click", function () {
      var day = new Date().toISOString().slice(0, 10);
      download("voortgang-apart-" + day + ".json", "application/json",
        JSON.stringify({ site: site, setAside: copies }, null, 1));
    });
    this.root.insertBefore(box, this.root.firstChild);
  };

  // The certificate: earned (and where to print it), or how many modules it still needs.
  ProgressPage.prototype.certificateLine = function (course, status) {
    var el = this.api.element;
    var line = el("p", "leerpad-progress__certificate");
    line.setAttribute("data-certificate", status.certificate ? "earned" : "open");
    if (!status.certificate) {
      line.textContent = say("certificateOpen", { count: course.modules.length - status.done });
      return line;
    }
    line.appendChild(document.createTextNode(say("certificateEarned") + " "));
    var link = line.appendChild(el("a", "", say("certificatePrint")));
    link.href = course.url + "#leerpad-certificate-" + course.slug;
    return line;
  };

  // What a started module still asks under its course's rule, e.g. "nog 2 vragen goed
  // beantwoorden en de zelftest invullen".
  ProgressPage.prototype.openText = function (state) {
    var open = window.leerpadCompletion.openText(state.open);
    return open ? say("stillOpen", { list: open }) : "";
  };

  ProgressPage.prototype.moduleLine = function (module, state) {
    var self = this;
    var el = this.api.element;
    var item = el("li", "");
    var link = item.appendChild(el("a", "", module.title));
    link.href = module.url;
    var label = state.done ? "stateDone" : state.started ? "stateStarted" : "stateNew";
    var badge = el("span", "leerpad-progress__state", " · " + say(label));
    item.appendChild(badge).setAttribute("data-state", label);
    var details = [];
    Object.keys(KINDS).forEach(function (name) {
      var summary = KINDS[name].summary || {};
      var widgets = widgetsOf(module, name);
      if (summary.count !== undefined && widgets.length) {
        var done = widgets.filter(function (widget) {
          var entry = self.entry(widget.id, name);
          return entry && entry[summary.count] === true;
        }).length;
        details.push(sayFor(name, { done: done, total: widgets.length }));
      }
      // "score" shows a number, "outcome" a word and the trail that led to it.
      var shown = summary.score || summary.outcome;
      if (shown === undefined) return;
      widgets.forEach(function (widget) {
        var entry = self.entry(widget.id, name);
        var value = entry && entry[summary.when] && entry[shown];
        var trail = entry && entry[summary.trail];
        if (typeof value !== (summary.score ? "number" : "string")) return;
        details.push(sayFor(name, {
          title: widget.title, colon: colonAfter(widget.title), score: value, outcome: value,
          trail: Array.isArray(trail) ? trail.join(" → ") : ""
        }));
      });
    });
    if (state.started && !state.done && this.openText(state)) details.push(this.openText(state));
    if (details.length) item.appendChild(el("p", "leerpad-progress__details", details.join(" · ")));
    return item;
  };

  ProgressPage.prototype.reflections = function () {
    var self = this;
    var groups = [];
    var known = {};
    var writers = kindsSumming("writing");
    // What the learner wrote in widget id, or null: {prompt, text}.
    function writing(id, prompt) {
      for (var i = 0; i < writers.length; i++) {
        var entry = self.entry(id, writers[i]);
        var field = KINDS[writers[i]].summary.writing;
        // The prompt as the learner saw it (rendered), else as the author wrote it.
        var shown = entry && typeof entry.prompt === "string" ? entry.prompt : prompt;
        if (entry && entry[field]) return { prompt: String(shown || ""), text: entry[field] };
      }
      return null;
    }
    this.structure.forEach(function (course) {
      course.modules.forEach(function (module) {
        var items = [];
        writers.forEach(function (name) {
          widgetsOf(module, name).forEach(function (widget) {
            known[widget.id] = true;
            items.push(writing(widget.id, widget.prompt));
          });
        });
        items = items.filter(Boolean);
        if (items.length) groups.push({ title: course.title + colonAfter(course.title) + module.title, url: module.url, items: items });
      });
    });
    var other = Object.keys(this.data.widgets).filter(function (key) {
      return !known[key];
    }).map(function (key) { return writing(key, ""); }).filter(Boolean);
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
    // What could not be read travels along, as it was: nothing is left behind.
    var aside = this.api.storage.setAside();
    if (Object.keys(aside).length) file.setAside = aside;
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
      var result;
      if (mode === "replace") {
        result = window.leerpadMerge.differences(current, read.data);
        read.data.aside = current.aside; // what could not be read is not replaced away
        self.api.storage.replace(read.data);
      } else {
        result = window.leerpadMerge.merge(current, read.data);
        self.api.storage.replace(result.data);
      }
      self.render();
      var how = say(mode === "replace" ? "replaced" : "merged");
      var changed = countedList(result.changed);
      var removed = result.removed ? countedList(result.removed) : "";
      // "Nothing changed" would contradict the removals said right after it.
      var message = say(changed ? "imported" : removed ? "importedOnly" : "importedNothing",
        { mode: how, list: changed });
      if (result.removed) {
        message += " " + (removed ? say("removed", { list: removed }) : say("removedNothing"));
      }
      self.report(message);
    });
  };

  /* Counts per kind ({module: 1, quiz: 2}) in words: "1 module en 2 vragen". Modules
     first, then the widget kinds in the registry's order, each in its own words (the
     registry's `count` text); kinds with nothing counted are left out. "" for none. */
  function countedList(counts) {
    var parts = counts.module ? [say("moduleCount", { count: counts.module })] : [];
    Object.keys(KINDS).forEach(function (name) {
      if (!counts[name] || !KINDS[name].count) return;
      var words = window.leerpad.translator({ en: { count: KINDS[name].count } });
      parts.push(words("count", { count: counts[name] }));
    });
    return window.leerpadCompletion.listed(parts, say("and"));
  }

  ProgressPage.prototype.report = function (message) {
    this.status.textContent = message;
  };

  ProgressPage.prototype.resetCourse = function (course) {
    if (!window.confirm(say("confirmCourse", { title: course.title }))) return;
    var keys = {};
    course.modules.forEach(function (module) {
      keys["module:" + module.id] = true;
      Object.keys(KINDS).forEach(function (name) {
        widgetsOf(module, name).forEach(function (widget) { keys[widget.id] = true; });
      });
    });
    this.api.storage.forget(function (key) { return keys[key]; });
    this.render();
  };

  // Started by leerpad.js, like every widget: once per page, also after instant navigation.
  window.leerpad.define("progress", ProgressPage);
})();
