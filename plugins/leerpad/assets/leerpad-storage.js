/* leerpad storage: everything a learner does, kept in this browser under one key.

   Shape (format 2), under localStorage "leerpad:v2":
     {version: 2, widgets: {<widget id>: {k: kind, v: version, s: state, t: ISO time}},
      learner: {name?, seed?}, aside: {<id>: entry that could not be read},
      told?: [newer keys the learner was told about]}
   Every entry is checked by its kind when read; one that fails is set aside on its own
   (kept in "aside", offered as a download on Mijn voortgang), never thrown away. A save
   re-reads what storage holds at that moment and changes only its own entry; tabs follow
   each other through the "storage" event, and a tab whose save another tab overwrote
   from an older copy writes it again. Format 1 ("leerpad:v1") is upgraded on first load.

   Data of a newer version of the site is never moved, overwritten or removed: a newer
   format under this key is left as it is (this page then works in memory), and a newer
   key ("leerpad:v3") is only looked at, to tell the learner once that it is there.
   A newer site may be open in another tab, or the site may be rolled back for a while:
   either way the newer site must find its data where it left it.

   The pure parts (checks, upgrade) need no browser: under Node this file exports
   them (module.exports), in a page it sets window.leerpadStorage. Built into leerpad.js. */
(function (root, factory) {
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.leerpadStorage = api;
})(this, function () {
  "use strict";

  var KEY = "leerpad:v2";
  var LEGACY = "leerpad:v1";
  var FORMAT = 2;
  var NEWER_KEY = /^leerpad:v([1-9]\d*)$/; // with a number above FORMAT: a newer site's
  var ASIDE = ":onleesbaar:";
  var SKEW = 10 * 60 * 1000; // two devices' clocks may differ by a few minutes
  var OWN_WRITES_MS = 5000; // how long a tab defends a save against an older copy

  /* ---- Checks: what a value of each field may be -------------------------------- */

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  function text(max) {
    return function (value) { return typeof value === "string" && value.length <= max; };
  }

  function flag(value) { return typeof value === "boolean"; }

  // A moment: an ISO 8601 time of a real day, after 2000 and not in the future.
  function isMoment(value, now) {
    if (typeof value !== "string" || value.length > 40) return false;
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value)) return false;
    var time = Date.parse(value);
    return !isNaN(time) && time >= Date.UTC(2000, 0, 1) && time <= now + SKEW;
  }

  function moment(value, now) { return isMoment(value, now); }
  function momentOrNull(value, now) { return value === null || isMoment(value, now); }

  function answerList(value) {
    return Array.isArray(value) && value.length <= 100 && value.every(text(1000));
  }

  // Self-assessment answers: {"1": 0..9, ...}, whole numbers, one digit each (result
  // codes hold one digit per answer); the widget checks them against its own scale.
  function scaleAnswers(value) {
    if (!isObject(value)) return false;
    var keys = Object.keys(value);
    return keys.length <= 500 && keys.every(function (key) {
      var answer = value[key];
      return /^[1-9][0-9]{0,2}$/.test(key) && typeof answer === "number" &&
        answer % 1 === 0 && answer >= 0 && answer <= 9;
    });
  }

  function percentage(value) {
    return typeof value === "number" && value % 1 === 0 && value >= 0 && value <= 100;
  }

  /* The checks a kind may name for a field of its stored state; "text:N" is a string of
     at most N characters. */
  var CHECKS = {
    flag: flag, moment: moment, momentOrNull: momentOrNull, answers: answerList,
    scaleAnswers: scaleAnswers, percentage: percentage
  };

  function namedCheck(name) {
    var limit = /^text:([1-9][0-9]*)$/.exec(name);
    if (limit) return text(Number(limit[1]));
    if (!CHECKS.hasOwnProperty(name)) throw new Error("leerpad storage: no check called " + name);
    return CHECKS[name];
  }

  /* Each kind: its fields and their checks, which fields it must have, and which flags,
     once true, a save keeps true. Module progress is storage's own; the widget kinds
     come from the registry (leerpad/widgets/registry.py) through define(). */
  var KINDS = {
    module: {
      fields: { started: moment, done: momentOrNull, reopened: flag, url: text(2000), title: text(500) },
      required: [], sticky: []
    }
  };

  /* Add the widget kinds: {kind: {fields: {name: check name}, required: [...], sticky:
     [...], kept: [...], done: field}}, as the build writes them into leerpad.js (`kept`:
     fields an import takes from the older entry when the newer has none; `done`: the
     field that says a widget is done, or none). Before the first open(). */
  function define(kinds) {
    Object.keys(kinds).forEach(function (kind) {
      var declared = kinds[kind];
      var fields = {};
      Object.keys(declared.fields).forEach(function (name) {
        fields[name] = namedCheck(declared.fields[name]);
      });
      KINDS[kind] = {
        fields: fields, required: declared.required || [], sticky: declared.sticky || [],
        kept: declared.kept || [], done: declared.done || null
      };
    });
  }

  var LEARNER = { name: text(200), seed: text(100) };

  function validState(kind, state, now) {
    var spec = KINDS[kind];
    if (!spec || !isObject(state)) return false;
    var fields = Object.keys(state);
    return spec.required.every(function (name) { return name in state; }) &&
      fields.every(function (name) {
        return spec.fields.hasOwnProperty(name) && spec.fields[name](state[name], now);
      });
  }

  function validId(id) {
    return id.length > 0 && id.length <= 200 && id !== "__proto__" && !/[\u0000-\u001f]/.test(id);
  }

  /* The widget kinds format 1 kept (module progress it kept by its id). */
  var LEGACY_KINDS = ["quiz", "reflection", "assessment"];

  /* A format-1 entry does not say its kind. Module progress says it by its id; a widget's
     entry gets the one format-1 kind whose checks its state passes. (A guess from one
     field, a version "tekst" or an "answer" list, took an entry that looks like two
     kinds for the first it tried, and set aside one that fitted another kind exactly.)
     An entry that fits no kind, or more than one, gets none: it is set aside as it was,
     never given a kind it may not have. */
  function kindOfLegacy(id, entry, now) {
    if (!isObject(entry) || !isObject(entry.s)) return null;
    if (id.indexOf("module:") === 0) return "module";
    var fits = LEGACY_KINDS.filter(function (kind) { return validState(kind, entry.s, now); });
    return fits.length === 1 ? fits[0] : null;
  }

  /* An entry as it may be used, or null: {k, v, s, t}, each field checked. */
  function validEntry(id, entry, now, legacy) {
    if (!validId(id) || !isObject(entry)) return null;
    var kind = legacy ? kindOfLegacy(id, entry, now) : entry.k;
    if (typeof kind !== "string" || !KINDS.hasOwnProperty(kind)) return null;
    if (typeof entry.v !== "string" || entry.v.length > 64) return null;
    if (!isMoment(entry.t, now) || !validState(kind, entry.s, now)) return null;
    return { k: kind, v: entry.v, s: entry.s, t: entry.t };
  }

  function fresh() {
    return { version: 2, widgets: {}, learner: {}, aside: {} };
  }

  /* Whether a localStorage key is where a newer version of leerpad keeps its data. */
  function isNewerKey(key) {
    var match = NEWER_KEY.exec(key);
    return Boolean(match) && match[1] > FORMAT;
  }

  function keepAside(aside, id, value) {
    var key = id.slice(0, 200);
    for (var n = 2; aside.hasOwnProperty(key); n++) key = id.slice(0, 200) + "~" + n;
    aside[key] = value;
  }

  /* Any parsed value → {data: format 2, setAside: count of entries put aside now}, or
     null when it is not leerpad's at all (then the caller keeps the whole value aside). */
  function normalise(parsed, now) {
    if (!isObject(parsed) || (parsed.version !== 1 && parsed.version !== 2)) return null;
    if (!isObject(parsed.widgets)) return null;
    var legacy = parsed.version === 1;
    var data = fresh();
    var count = 0;
    if (isObject(parsed.aside)) {
      Object.keys(parsed.aside).forEach(function (id) { data.aside[id] = parsed.aside[id]; });
    }
    Object.keys(parsed.widgets).forEach(function (id) {
      var entry = validEntry(id, parsed.widgets[id], now, legacy);
      if (entry) data.widgets[id] = entry;
      else { keepAside(data.aside, id, parsed.widgets[id]); count++; }
    });
    var learner = isObject(parsed.learner) ? parsed.learner : {};
    Object.keys(learner).forEach(function (name) {
      if (LEARNER.hasOwnProperty(name) && LEARNER[name](learner[name])) data.learner[name] = learner[name];
      else { keepAside(data.aside, "learner:" + name, learner[name]); count++; }
    });
    // Not the learner's work, only what they were told: a wrong value is just dropped.
    if (Array.isArray(parsed.told)) data.told = parsed.told.filter(isNewerKey).slice(-20);
    return { data: data, setAside: count };
  }

  /* Whether a parsed value is leerpad's, written by a newer version of the site (a
     format above 2): readable there, not here. It is left where it is, untouched, and
     the learner is told it is not damaged. */
  function isNewer(parsed) {
    return isObject(parsed) && typeof parsed.version === "number" && parsed.version > FORMAT;
  }

  function parse(raw) {
    try {
      return JSON.parse(raw);
    } catch (error) {
      return undefined;
    }
  }

  function copy(value) {
    return JSON.parse(JSON.stringify(value));
  }

  /* The time of a save: now, but always after the entry it replaces, so that "newer"
     means the same in every tab even when a clock jumps back. */
  function stamp(previous, now) {
    var time = now;
    if (previous && Date.parse(previous.t) >= time) time = Date.parse(previous.t) + 1;
    return new Date(time).toISOString();
  }

  /* ---- The store in a page: localStorage, or memory when that is not possible ----- */

  /* open(window) → the store. problem() tells, once, what went wrong: "corrupt" (the
     unreadable value was set aside), "corruptKept" (set aside impossible: the original
     stays, we work in memory), "newer" (the value is of a newer format: it stays as it
     is, we work in memory), "newerKey" (a newer version keeps progress under a key of
     its own, beside ours: told once, ever), "entries" (some entries set aside), "full",
     "blocked". */
  function open(win) {
    var memory = fresh();
    var persistent = true;
    var problem = null;
    var own = {}; // id → {entry, until}: this tab's recent saves
    var watchers = [];
    var newerHere = null; // the key whose value is of a newer format, left in place
    var newerKeys = null; // newer versions' keys, once looked for

    function local() {
      return win.localStorage; // may throw (blocked by the browser)
    }

    function report(kind) {
      if (!problem || kind !== "entries") problem = kind;
    }

    function setAsideWhole(key, raw) {
      try {
        local().setItem(key + ASIDE + Date.now(), raw);
        local().removeItem(key);
        report("corrupt");
        return true;
      } catch (error) {
        persistent = false; // no room: keep the original, work in memory
        memory = fresh();
        report("corruptKept");
        return false;
      }
    }

    // Once a page (and again when another tab writes one): is there a newer version's
    // key? The learner is told once, ever (the keys told about are kept in "told"),
    // after any other problem: that one is told first, this one on a next page.
    function lookForNewerKeys(data) {
      if (newerKeys) return;
      newerKeys = [];
      try {
        var store = local();
        for (var i = 0; i < store.length; i++) if (isNewerKey(store.key(i))) newerKeys.push(store.key(i));
      } catch (error) { /* blocked: nothing to find */ }
      var told = data.told || [];
      var unseen = newerKeys.filter(function (key) { return told.indexOf(key) < 0; });
      if (!unseen.length || problem || !persistent) return;
      problem = "newerKey";
      data.told = told.concat(unseen).slice(-20);
      try { local().setItem(KEY, JSON.stringify(data)); } catch (error) { /* told again */ }
    }

    function load() {
      if (!persistent) return memory;
      var key = KEY;
      var raw;
      try {
        raw = local().getItem(KEY);
        if (raw === null) { key = LEGACY; raw = local().getItem(LEGACY); }
      } catch (error) {
        persistent = false;
        report("blocked");
        return memory;
      }
      if (raw === null) {
        var empty = fresh();
        lookForNewerKeys(empty);
        return empty;
      }
      var parsed = parse(raw);
      var read = normalise(parsed, Date.now());
      if (!read && isNewer(parsed)) {
        // A newer site's data under our own key: not ours to move or overwrite. This page
        // works in memory, on what it last read (a newer site in another tab may have
        // just written it); the newer site finds everything where it left it.
        persistent = false;
        newerHere = key;
        report("newer");
        return memory;
      }
      if (!read) {
        if (!setAsideWhole(key, raw)) return memory;
        return fresh();
      }
      if (read.setAside) {
        report("entries");
        // Keep the move aside, so that the learner is told once, not on every page.
        try { local().setItem(KEY, JSON.stringify(read.data)); } catch (error) { /* next save */ }
      }
      if (key === LEGACY && write(read.data)) {
        try { local().removeItem(LEGACY); } catch (error) { /* the copy stays: harmless */ }
      }
      lookForNewerKeys(read.data);
      memory = read.data; // what this page works on, should storage become unusable
      return read.data;
    }

    function write(data) {
      memory = data;
      if (!persistent) return false;
      try {
        local().setItem(KEY, JSON.stringify(data));
        return true;
      } catch (error) {
        persistent = false; // full or blocked: carry on in memory, never make room
        report("full");
        return false;
      }
    }

    // Another tab wrote: if it did so from a copy older than one of our recent saves,
    // our save is missing or older there; write it again on top of what is stored now.
    function reconcile() {
      var data = load();
      var now = Date.now();
      var again = false;
      Object.keys(own).forEach(function (id) {
        var stored = data.widgets[id];
        var mine = own[id];
        if (mine.until < now || (stored && stored.t > mine.entry.t)) delete own[id];
        else if (!stored || stored.t < mine.entry.t) {
          data.widgets[id] = mine.entry; // a save of this tab, newer than what is there
          again = true;
        }
      });
      if (again) write(data);
    }

    if (win.addEventListener) {
      win.addEventListener("storage", function (event) {
        var newer = event.key === null || isNewerKey(event.key);
        if (newer) newerKeys = null; // look again
        if (event.key !== KEY && !newer) return;
        if (!persistent) return;
        reconcile();
        watchers.forEach(function (watcher) { watcher(); });
      });
    }

    return {
      /* The state of widget id if it is of this kind and version, else null. */
      get: function (id, kind, version) {
        var entry = load().widgets[id];
        return entry && entry.k === kind && entry.v === version ? entry.s : null;
      },
      /* Save the state of one widget; changes that entry only. A kind's sticky flags
         (a quiz's "solved") stay true once they were. */
      set: function (id, kind, version, state) {
        var data = load();
        var previous = data.widgets[id];
        var entry = { k: kind, v: version, s: copy(state), t: stamp(previous, Date.now()) };
        var sticky = KINDS.hasOwnProperty(kind) ? KINDS[kind].sticky : [];
        sticky.forEach(function (flagName) {
          if (previous && previous.k === kind && previous.s[flagName] === true) entry.s[flagName] = true;
        });
        data.widgets[id] = entry;
        own[id] = { entry: entry, until: Date.now() + OWN_WRITES_MS };
        write(data);
      },
      learner: function (name, make) {
        var data = load();
        if (!(name in data.learner)) {
          data.learner[name] = make();
          write(data);
        }
        return data.learner[name];
      },
      setLearner: function (name, value) {
        var data = load();
        data.learner[name] = value;
        write(data);
      },
      persistent: function () {
        load();
        return persistent;
      },
      /* What went wrong since the last call (see above), or null; reported once. */
      problem: function () {
        load();
        var told = problem;
        problem = null;
        return told;
      },
      snapshot: function () {
        return copy(load());
      },
      replace: function (data) {
        own = {};
        write(copy(data));
      },
      forget: function (shouldForget) {
        var data = load();
        Object.keys(data.widgets).forEach(function (id) {
          if (shouldForget(id)) { delete data.widgets[id]; delete own[id]; }
        });
        write(data);
      },
      /* Where a newer version of the site keeps progress that this page cannot read:
         {here: this key when it holds a newer format (this page then works in memory),
         or null; beside: newer versions' own keys, e.g. ["leerpad:v3"]}. */
      newer: function () {
        load();
        return { here: newerHere, beside: (newerKeys || []).slice() };
      },
      /* Every copy kept aside, to download: whole values that could not be read (by
         localStorage key, or the current value when it could not be set aside), a newer
         version's data (by its key: copied, never moved) and single entries. */
      setAside: function () {
        var copies = {};
        try {
          var store = local();
          for (var i = 0; i < store.length; i++) {
            var key = store.key(i);
            var setAsideHere = key && key.indexOf("leerpad:") === 0 && key.indexOf(ASIDE) > 0;
            if (setAsideHere || isNewerKey(key)) copies[key] = store.getItem(key);
          }
          [KEY, LEGACY].forEach(function (key) {
            var raw = store.getItem(key);
            if (!persistent && raw !== null && !normalise(parse(raw), Date.now())) copies[key] = raw;
          });
        } catch (error) { /* storage blocked: only what is in memory */ }
        var aside = load().aside;
        if (Object.keys(aside).length) copies.entries = JSON.stringify(aside);
        return copies;
      },
      /* callback() after another tab changed what is stored. */
      watch: function (callback) {
        watchers.push(callback);
      }
    };
  }

  return {
    KEY: KEY, KINDS: KINDS, define: define, isMoment: isMoment, validState: validState, normalise: normalise,
    isNewer: isNewer, isNewerKey: isNewerKey,
    stamp: stamp, open: open, isObject: isObject, copy: copy, keepAside: keepAside
  };
});
