/* leerpad: when is a module done? The pure logic first, no page and no storage of its
   own: given a course's rule, what a module asks of a learner and the stored entries, it
   says what is still open. The module page, the course page and Mijn voortgang all ask
   it, so they never disagree. Node's test runner imports it (module.exports); in a page
   it sets window.leerpadCompletion and starts the end of a module page (ModuleEnd below).
   Loaded by leerpad.js on module pages, course pages and Mijn voortgang. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.leerpadCompletion = api;
    if (root.leerpad) moduleEnd(root.leerpad, api);
  }

  // The end of a module page: what is still open under the course's rule (its
  // `completion:`), recorded as done as soon as nothing is; only a course with
  // `completion: manual` has the learner's own button.
  function moduleEnd(L, completion) {
    var TEXT = /* leerpad:text */ {
      "nl": {
        "markedDone": "Je hebt deze module afgerond.",
        "doneByRule": "Alles gedaan: je hebt deze module afgerond.",
        "undoDone": "Toch nog niet afgerond",
        "stillOpen": "Om deze module af te ronden: nog {list}.",
        "and": " en "
      },
      "en": {
        "markedDone": "You have completed this module.",
        "doneByRule": "All done: you have completed this module.",
        "undoDone": "Not done after all",
        "stillOpen": "To complete this module: {list} still to go.",
        "and": " and "
      }
    };
    var text = L.translator(TEXT);

    function ModuleEnd(end) {
      var self = this;
      this.id = end.getAttribute("data-leerpad-complete");
      this.rule = end.getAttribute("data-leerpad-completion");
      this.asks = JSON.parse(end.getAttribute("data-leerpad-asks") || "{}");
      this.button = end.querySelector("[data-leerpad-mark-done]");
      this.status = end.querySelector(".leerpad-complete__status");
      this.label = this.button ? this.button.textContent : "";
      var heading = document.querySelector(".md-content h1");
      var state = L.moduleState(this.id);
      state.started = state.started || new Date().toISOString();
      state.url = location.pathname;
      state.title = heading ? heading.textContent : document.title;
      L.saveModule(this.id, state);
      end.hidden = false;
      if (this.button) {
        this.button.addEventListener("click", function () {
          self.mark(!L.moduleState(self.id).done, "markedDone");
        });
      }
      this.check();
    }

    ModuleEnd.prototype.mark = function (done, message) {
      var state = L.moduleState(this.id);
      state.done = done ? new Date().toISOString() : null;
      state.reopened = !done;
      L.saveModule(this.id, state);
      this.show(message);
      L.markNavigation();
    };

    // Another tab saved: show what is stored now.
    ModuleEnd.prototype.follow = function () {
      this.check();
    };

    ModuleEnd.prototype.current = function () {
      return completion.moduleStatus(this.rule, this.id, this.asks, L.storage.snapshot().widgets);
    };

    // What is open, in words: "2 vragen goed beantwoorden en de zelftest invullen", or
    // "" when nothing is. Mijn voortgang says it too.
    completion.openText = function (open) {
      var parts = completion.openParts(open).map(function (part) {
        return L.translator({ en: { open: part.text } })("open", { count: part.count });
      });
      return completion.listed(parts, text("and"));
    };

    ModuleEnd.prototype.show = function (message) {
      var status = this.current();
      if (this.button) this.button.textContent = status.done ? text("undoDone") : this.label;
      var open = completion.openText(status.open);
      this.status.textContent = status.done ? text(message || "markedDone")
        : open ? text("stillOpen", { list: open }) : "";
    };

    // Under the course's rule a module is done once nothing is open: record it then.
    ModuleEnd.prototype.check = function () {
      var status = this.current();
      if (status.met && !status.recorded) return this.mark(true, "doneByRule");
      this.show();
    };

    // A widget on the page saved (leerpad.js's `changed`): the module may be done now.
    L.define("complete", ModuleEnd, {
      onChange: function (ends) {
        ends.forEach(function (end) { end.check(); });
      }
    });
  }
})(this, function () {
  "use strict";

  // The course's `completion:` front matter (leerpad/courses.py checks the spelling).
  var RULES = ["quizzes", "quizzes-and-reflection", "manual"];
  var DEFAULT_RULE = RULES[0];

  // The widget kinds that hold up a module, from the registry (the build writes the table;
  // Node's tests call define): {kind: {group, done, rules, open}}. A module lists its
  // widgets by `group`; one is done when its stored `done` field is true or holds text;
  // `rules` are the course rules it counts under; `open` says what is left ("{count:…}").
  var KINDS = /* leerpad:completion-kinds */ {};

  function define(kinds) {
    Object.keys(kinds).forEach(function (name) { KINDS[name] = kinds[name]; });
  }

  // The state stored for a widget if the entry is of that kind, else null.
  function stateOf(entries, id, kind) {
    var entry = entries && Object.prototype.hasOwnProperty.call(entries, id) ? entries[id] : null;
    return entry && entry.k === kind && entry.s ? entry.s : null;
  }

  function ids(list) {
    return (list || []).map(function (widget) { return typeof widget === "string" ? widget : widget.id; });
  }

  function isDone(state, field) {
    var value = state ? state[field] : null;
    return typeof value === "string" ? value.trim() !== "" : Boolean(value);
  }

  // How many widgets of each group are still open under `rule`, e.g.
  // {quizzes: 1, assessments: 0, reflections: 0}: every group of the table, 0 when none.
  // A quiz stays done once it has been answered right (also when the learner tried again
  // afterwards: its `solved` is sticky in storage).
  function stillOpen(rule, widgets, entries) {
    widgets = widgets || {};
    var open = {};
    Object.keys(KINDS).forEach(function (name) {
      var kind = KINDS[name];
      open[kind.group] = open[kind.group] || 0;
      if (kind.rules.indexOf(rule) === -1) return;
      ids(widgets[kind.group]).forEach(function (id) {
        if (!isDone(stateOf(entries, id, name), kind.done)) open[kind.group]++;
      });
    });
    return open;
  }

  function nothingOpen(open) {
    return Object.keys(open).every(function (group) { return !open[group]; });
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
    return Object.keys(KINDS).some(function (name) {
      return ids(widgets[KINDS[name].group]).some(function (id) {
        return Boolean(entries && entries[id]);
      });
    });
  }

  // A course's status: each module's status in order, how many are done, the first one not
  // done (null when all are) and whether the certificate is earned.
  // course: {completion, modules: [{id, <group>: [widget, …], …}]}
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

  // What is open, in the registry's order, with the kind's text and a count, e.g.
  // [{kind: "quiz", text: "{count:# vraag|# vragen} goed beantwoorden", count: 2}].
  function openParts(open) {
    return Object.keys(KINDS)
      .filter(function (name) { return open[KINDS[name].group] > 0; })
      .map(function (name) {
        return { kind: name, text: KINDS[name].open, count: open[KINDS[name].group] };
      });
  }

  // "a", "a en b", "a, b en c": `and` is the language's word with its spaces (" en ").
  function listed(words, and) {
    if (words.length < 2) return words.join("");
    return words.slice(0, -1).join(", ") + and + words[words.length - 1];
  }

  return {
    RULES: RULES, KINDS: KINDS, define: define, stillOpen: stillOpen, moduleStatus: moduleStatus,
    courseStatus: courseStatus, openParts: openParts, listed: listed
  };
});
