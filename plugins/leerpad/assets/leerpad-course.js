/* leerpad: a course page's overview (each module's state, "3 van 5 modules afgerond")
   and, once every module is done, the certificate. Loaded by leerpad.js only on course
   pages. The learner's name only ever goes in via textContent. */
(function () {
  "use strict";

  var L = window.leerpad;
  if (!L) return;
  var storage = L.storage, all = L.all, moduleState = L.moduleState;
  var doneModules = L.doneModules, printOnly = L.printOnly;

  var TEXT = /* leerpad:text */ {
    "nl": {
      "stateNew": "nog niet begonnen",
      "stateStarted": "bezig",
      "stateDone": "afgerond",
      "courseProgress": "{done} van {total:# module|# modules} afgerond",
      "askName": "Vul eerst je naam in: die komt op het certificaat."
    },
    "en": {
      "stateNew": "not started",
      "stateStarted": "in progress",
      "stateDone": "done",
      "courseProgress": "{done} of {total:# module|# modules} done",
      "askName": "Fill in your name first: it goes on the certificate."
    }
  };

  var text = L.translator(TEXT);

  function CourseOverview(progress) {
    var course = progress.getAttribute("data-leerpad-course-progress");
    var items = all(document, ".leerpad-modules__item");
    var done = 0;
    items.forEach(function (item) {
      var state = moduleState(item.getAttribute("data-leerpad-module"));
      var label = state.done ? "stateDone" : state.started ? "stateStarted" : "stateNew";
      var badge = item.querySelector(".leerpad-modules__state");
      badge.textContent = " · " + text(label);
      badge.setAttribute("data-state", label);
      badge.hidden = false;
      if (state.done) done++;
    });
    progress.textContent = text("courseProgress", { done: done, total: items.length });
    progress.hidden = false;
    var finished = document.querySelector('[data-leerpad-finished="' + course + '"]');
    if (finished && items.length && done === items.length) certificate(finished, course);
  }

  function certificate(finished, course) {
    finished.hidden = false;
    var name = finished.querySelector(".leerpad-finished__name");
    var shown = finished.querySelector("[data-leerpad-certificate-name]");
    name.value = storage.learner("name", function () { return ""; });
    shown.textContent = name.value;
    name.addEventListener("input", function () {
      storage.setLearner("name", name.value);
      shown.textContent = name.value;
    });
    var last = doneModules().map(function (state) { return state.done; }).sort().pop();
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
