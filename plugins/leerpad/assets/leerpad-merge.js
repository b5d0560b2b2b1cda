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

  // Is a widget's state done by its kind's `done` field: true, or text that is not blank?
  function isDone(state, field) {
    var value = state ? state[field] : null;
    return typeof value === "string" ? value.trim() !== "" : Boolean(value);
  }

  /* Two entries of one widget → the entry to keep. Text and answers follow the newer
     entry; what stays is read from the registry (storage's KINDS): a kind's sticky flags
     (a quiz's "answered right once") stay true, its kept fields (a conversation's best
     outcome) come from the older entry when the newer has none, and a widget that was
     done (a finished
     self-assessment, a conversation that reached an end) is not undone by a newer entry
     of the same version that is not. A module's completion stays. */
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
      return result;
    }
    var kind = storage.KINDS[result.k] || { sticky: [], kept: [], done: null };
    kind.sticky.forEach(function (field) {
      if (mine.s[field] === true || theirs.s[field] === true) s[field] = true;
    });
    (kind.kept || []).forEach(function (field) {
      if (s[field] === undefined && older.s[field] !== undefined) s[field] = copy(older.s[field]);
    });
    var done = kind.done && kind.sticky.indexOf(kind.done) === -1 ? kind.done : null;
    if (done && isDone(older.s, done) && !isDone(newer.s, done) && older.v === newer.v) {
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

  function count(counts, kind) {
    counts[kind] = (counts[kind] || 0) + 1;
  }

  /* Merge a checked import into the current state. Returns {data, changed}, where
     changed counts per kind the entries that are new or different ({quiz: 2}). */
  function merge(current, incoming) {
    var data = copy(current);
    var changed = {};
    Object.keys(incoming.widgets).forEach(function (id) {
      var mine = data.widgets[id];
      var result = combine(mine, incoming.widgets[id]);
      if (canonical(result) === canonical(mine)) return;
      if (!mine || canonical(result.s) !== canonical(mine.s)) count(changed, result.k);
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

  /* What a replacement changes: {changed, removed}, each counted per kind like merge's;
     removed is what was here and is not in the file (a learner who replaces should hear
     what went). */
  function differences(current, replacement) {
    var changed = {};
    var removed = {};
    Object.keys(replacement.widgets).forEach(function (id) {
      var entry = replacement.widgets[id];
      var before = current.widgets[id];
      if (!before || canonical(entry.s) !== canonical(before.s)) count(changed, entry.k);
    });
    Object.keys(current.widgets).forEach(function (id) {
      if (!Object.prototype.hasOwnProperty.call(replacement.widgets, id)) {
        count(removed, current.widgets[id].k);
      }
    });
    return { changed: changed, removed: removed };
  }

  return { combine: combine, merge: merge, differences: differences };
});
