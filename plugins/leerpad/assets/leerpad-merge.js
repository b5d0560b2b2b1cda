/* leerpad merge: an imported progress file combined with what this browser holds.
   Only Mijn voortgang needs it: the build puts it in front of leerpad-progress.js.
   Pure: under Node it exports its functions, in a page it sets window.leerpadMerge. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory(require("./leerpad-storage.js"));
  else root.leerpadMerge = factory(root.leerpadStorage);
})(this, function (storage) {
  "use strict";

  var isObject = storage.isObject, copy = storage.copy, keepAside = storage.keepAside;

  function earliest(a, b) {
    if (!a) return b || null;
    if (!b) return a;
    return a < b ? a : b;
  }

  /* Two entries of one widget → the entry to keep. Text and answers follow the newer
     entry; completion, "answered right once" and a finished self-assessment stay. */
  function combine(mine, theirs) {
    if (!mine) return copy(theirs);
    if (!theirs || mine.k !== theirs.k) return copy(mine);
    var theirsNewer = theirs.t > mine.t;
    var newer = theirsNewer ? theirs : mine;
    var older = theirsNewer ? mine : theirs;
    var result = copy(newer);
    var s = result.s;
    if (result.k === "module") {
      s.started = earliest(mine.s.started, theirs.s.started) || undefined;
      var done = earliest(mine.s.done, theirs.s.done);
      if (done) { s.done = done; s.reopened = false; }
      if (!s.started) delete s.started;
    } else if (result.k === "quiz") {
      s.solved = Boolean(mine.s.solved || theirs.s.solved);
    } else if (result.k === "assessment" && older.s.complete && !newer.s.complete &&
               older.v === newer.v) {
      result = copy(older);
      result.t = newer.t;
    }
    return result;
  }

  // The same value, whatever the order of its keys.
  function canonical(value) {
    if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
    if (!isObject(value)) return JSON.stringify(value);
    return "{" + Object.keys(value).sort().map(function (key) {
      return JSON.stringify(key) + ":" + canonical(value[key]);
    }).join(",") + "}";
  }

  /* Merge a checked import into the current state. Returns {data, changed}, where
     changed counts per kind the entries that are new or different. */
  function merge(current, incoming) {
    var data = copy(current);
    var changed = { module: 0, quiz: 0, reflection: 0, assessment: 0 };
    Object.keys(incoming.widgets).forEach(function (id) {
      var mine = data.widgets[id];
      var result = combine(mine, incoming.widgets[id]);
      if (canonical(result) === canonical(mine)) return;
      if (!mine || canonical(result.s) !== canonical(mine.s)) changed[result.k]++;
      data.widgets[id] = result;
    });
    Object.keys(incoming.learner).forEach(function (name) {
      if (!data.learner[name]) data.learner[name] = incoming.learner[name];
    });
    Object.keys(incoming.aside || {}).forEach(function (id) {
      keepAside(data.aside, id, incoming.aside[id]);
    });
    return { data: data, changed: changed };
  }

  /* What a replacement changes, counted like merge's; ``removed`` counts, by kind, what
     was here and is not in the file (a learner who replaces should hear what went). */
  function differences(current, replacement) {
    var changed = { module: 0, quiz: 0, reflection: 0, assessment: 0 };
    var removed = { module: 0, quiz: 0, reflection: 0, assessment: 0 };
    Object.keys(replacement.widgets).forEach(function (id) {
      var entry = replacement.widgets[id];
      var before = current.widgets[id];
      if (!before || canonical(entry.s) !== canonical(before.s)) changed[entry.k]++;
    });
    Object.keys(current.widgets).forEach(function (id) {
      var kind = current.widgets[id].k;
      if (!Object.prototype.hasOwnProperty.call(replacement.widgets, id) && kind in removed) removed[kind]++;
    });
    changed.removed = removed;
    return changed;
  }

  return { combine: combine, merge: merge, differences: differences };
});
