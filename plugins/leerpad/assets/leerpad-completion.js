/* leerpad: when is a module done? Pure logic, no page and no storage of its own: given a
   course's rule, what a module asks of a learner and the stored entries, it says what is
   still open. The module page, the course page and Mijn voortgang all ask it, so they
   never disagree. Node's test runner imports it (module.exports); in a page it sets
   window.leerpadCompletion. Built into leerpad.js. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.leerpadCompletion = api;
})(this, function () {
  "use strict";

  // The course's `completion:` front matter (leerpad/courses.py checks the spelling).
  var RULES = ["quizzes", "quizzes-and-reflection", "manual"];
  var DEFAULT_RULE = RULES[0];

  // The state stored for a widget if the entry is of that kind, else null.
  function stateOf(entries, id, kind) {
    var entry = entries && Object.prototype.hasOwnProperty.call(entries, id) ? entries[id] : null;
    return entry && entry.k === kind && entry.s ? entry.s : null;
  }

  function ids(list) {
    return (list || []).map(function (widget) { return typeof widget === "string" ? widget : widget.id; });
  }

  // How many of each kind are still open under `rule`:
  // {quizzes: n, assessments: n, reflections: n}. A quiz counts once it has been answered
  // right (also when the learner tried again afterwards), a self-assessment once every
  // statement is answered, a reflection once it holds text.
  function stillOpen(rule, widgets, entries) {
    widgets = widgets || {};
    var open = { quizzes: 0, assessments: 0, reflections: 0 };
    if (rule === "manual") return open;
    ids(widgets.quizzes).forEach(function (id) {
      var state = stateOf(entries, id, "quiz");
      if (!state || !state.solved) open.quizzes++;
    });
    ids(widgets.assessments).forEach(function (id) {
      var state = stateOf(entries, id, "assessment");
      if (!state || !state.complete) open.assessments++;
    });
    if (rule === "quizzes-and-reflection") {
      ids(widgets.reflections).forEach(function (id) {
        var state = stateOf(entries, id, "reflection");
        if (!state || !String(state.text || "").trim()) open.reflections++;
      });
    }
    return open;
  }

  function nothingOpen(open) {
    return !open.quizzes && !open.assessments && !open.reflections;
  }

  // A module's status: {done, recorded, met, started, open}.
  // `recorded`: a completion is stored (also one marked by hand before the course had a
  // rule: it keeps counting, a learner never loses a module they finished). `met`: the
  // rule is fulfilled now; a module that asks nothing is met once the learner opened it.
  // Under "manual" only the learner's own click completes a module.
  function moduleStatus(rule, moduleId, widgets, entries) {
    rule = RULES.indexOf(rule) === -1 ? DEFAULT_RULE : rule;
    var stored = stateOf(entries, "module:" + moduleId, "module") || {};
    var open = stillOpen(rule, widgets, entries);
    var started = Boolean(stored.started || stored.done) || touched(widgets, entries);
    var met = rule !== "manual" && nothingOpen(open) && started;
    var recorded = Boolean(stored.done);
    return { done: recorded || met, recorded: recorded, met: met, started: started, open: open };
  }

  // Has the learner done anything in one of the module's widgets?
  function touched(widgets, entries) {
    widgets = widgets || {};
    return ids(widgets.quizzes).concat(ids(widgets.assessments), ids(widgets.reflections))
      .some(function (id) { return Boolean(entries && entries[id]); });
  }

  // A course's status: each module's status in order, how many are done, the first one not
  // done (null when all are) and whether the certificate is earned.
  // course: {completion, modules: [{id, quizzes, assessments, reflections}]}
  function courseStatus(course, entries) {
    var modules = (course.modules || []).map(function (module) {
      return moduleStatus(course.completion, module.id, module, entries);
    });
    var done = modules.filter(function (status) { return status.done; }).length;
    var next = -1;
    modules.some(function (status, index) {
      if (!status.done) next = index;
      return !status.done;
    });
    return {
      modules: modules,
      done: done,
      started: modules.some(function (status) { return status.started; }),
      next: next === -1 ? null : next,
      certificate: modules.length > 0 && done === modules.length
    };
  }

  // What is open, as text keys with a count, in reading order, e.g.
  // [{key: "openQuizzes", count: 2}, {key: "openAssessments", count: 1}].
  function openParts(open) {
    return [["quizzes", "openQuizzes"], ["assessments", "openAssessments"], ["reflections", "openReflections"]]
      .filter(function (pair) { return open[pair[0]] > 0; })
      .map(function (pair) { return { key: pair[1], count: open[pair[0]] }; });
  }

  // "a", "a en b", "a, b en c": `and` is the language's word with its spaces (" en ").
  function listed(words, and) {
    if (words.length < 2) return words.join("");
    return words.slice(0, -1).join(", ") + and + words[words.length - 1];
  }

  return {
    RULES: RULES, stillOpen: stillOpen, moduleStatus: moduleStatus, courseStatus: courseStatus,
    openParts: openParts, listed: listed
  };
});
