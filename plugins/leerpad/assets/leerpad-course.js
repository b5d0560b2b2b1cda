/* leerpad: a course page's overview (each module's state, "3 van 5 modules afgerond")
   and, once every module is done, the certificate. Loaded by leerpad.js only on course
   pages. The learner's name only ever goes in via textContent. */
(function () {
  "use strict";

  var L = window.leerpad;
  if (!L) return;
  var storage = L.storage, all = L.all, moduleState = L.moduleState;
  var printOnly = L.printOnly;

  var TEXT = /* leerpad:text */ {
    "nl": {
      "stateNew": "nog niet begonnen",
      "stateStarted": "bezig",
      "stateDone": "afgerond",
      "courseProgress": "{done} van {total:# module|# modules} afgerond",
      "askName": "Vul eerst je naam in: die komt op het certificaat.",
      "continueWith": "Ga verder met module {number}",
      "toCertificate": "Naar je certificaat"
    },
    "en": {
      "stateNew": "not started",
      "stateStarted": "in progress",
      "stateDone": "done",
      "courseProgress": "{done} of {total:# module|# modules} done",
      "askName": "Fill in your name first: it goes on the certificate.",
      "continueWith": "Continue with module {number}",
      "toCertificate": "To your certificate"
    }
  };

  var text = L.translator(TEXT);

  // The course as leerpad-completion.js reads it: its rule and what each module asks.
  function courseOf(progress, items) {
    return {
      completion: progress.getAttribute("data-leerpad-completion"),
      modules: items.map(function (item) {
        var asks = JSON.parse(item.getAttribute("data-leerpad-asks") || "{}");
        asks.id = item.getAttribute("data-leerpad-module");
        return asks;
      })
    };
  }

  function CourseOverview(progress) {
    var course = progress.getAttribute("data-leerpad-course-progress");
    var items = all(document, ".leerpad-modules__item");
    var status = window.leerpadCompletion.courseStatus(courseOf(progress, items), storage.snapshot().widgets);
    items.forEach(function (item, index) {
      var state = status.modules[index];
      var label = state.done ? "stateDone" : state.started ? "stateStarted" : "stateNew";
      var badge = item.querySelector(".leerpad-modules__state");
      badge.textContent = " · " + text(label);
      badge.setAttribute("data-state", label);
      badge.hidden = false;
    });
    progress.textContent = text("courseProgress", { done: status.done, total: items.length });
    progress.hidden = false;
    var finished = document.querySelector('[data-leerpad-finished="' + course + '"]');
    if (finished && status.certificate) certificate(finished, items);
    if (status.started) continueButton(course, items, status, finished);
  }

  // Once the learner has started, the course's button leads on: to the first module not
  // done, or to the certificate when every one is.
  function continueButton(course, items, status, finished) {
    var button = document.querySelector('[data-leerpad-continue="' + course + '"]');
    if (!button) return;
    if (status.next === null) {
      if (!finished) return;
      button.href = "#" + finished.id;
      button.textContent = text("toCertificate");
      return;
    }
    button.href = items[status.next].querySelector(".leerpad-modules__title a").href;
    button.textContent = text("continueWith", { number: status.next + 1 });
  }

  function certificate(finished, items) {
    finished.hidden = false;
    var name = finished.querySelector(".leerpad-finished__name");
    var shown = finished.querySelector("[data-leerpad-certificate-name]");
    name.value = storage.learner("name", function () { return ""; });
    shown.textContent = name.value;
    name.addEventListener("input", function () {
      storage.setLearner("name", name.value);
      shown.textContent = name.value;
    });
    // The day the last of this course's modules was recorded as done.
    var last = items.map(function (item) {
      return moduleState(item.getAttribute("data-leerpad-module")).done;
    }).filter(Boolean).sort().pop();
    finished.querySelector("[data-leerpad-certificate-date]").textContent =
      new Date(last || Date.now()).toLocaleDateString(document.documentElement.lang || undefined,
        { day: "numeric", month: "long", year: "numeric" });
    finished.querySelector("[data-leerpad-print-certificate]").addEventListener("click", function () {
      if (askForName(name)) return;
      printOnly(finished.querySelector(".leerpad-certificate"));
    });
  }

  // A certificate without a name is worth little: ask for it before printing.
  // Returns true when the learner has to fill it in first.
  function askForName(name) {
    var ask = document.getElementById(name.id + "-ask");
    if (!ask) {
      ask = L.element("p", "leerpad-finished__ask");
      ask.id = name.id + "-ask";
      ask.setAttribute("role", "alert");
      name.insertAdjacentElement("afterend", ask);
      name.setAttribute("aria-describedby", ask.id);
      name.addEventListener("input", function () {
        ask.textContent = "";
        name.removeAttribute("aria-invalid");
      });
    }
    if (name.value.trim()) return false;
    ask.textContent = text("askName");
    name.setAttribute("aria-invalid", "true");
    name.focus();
    return true;
  }

  L.define("course", CourseOverview);
})();
