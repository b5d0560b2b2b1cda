/* leerpad SCORM: the launch page of an exported package (leerpad export scorm) and its
   one session with the LMS. Only packages carry this script; sites never do.

   The launch page is the SCO. It finds the LMS's API (API for SCORM 1.2, API_1484_11
   for SCORM 2004) in its parent windows or opener as the standard's discovery algorithm
   says, initialises, merges the learner's state from cmi.suspend_data into leerpad's
   storage (leerpad-merge.js: nothing done in this browser is lost), and then shows the
   course's pages in a frame. Those pages are the site's own, unchanged: they keep their
   state in localStorage, and every save there reaches this page as a "storage" event,
   which it mirrors to cmi.suspend_data together with completion, success, score and
   location. It commits after an answer, on every page change and on leave, and
   terminates on pagehide. Outside an LMS it only shows the course.

   suspend_data is compact JSON (see encode below); under SCORM 1.2 it may hold 4,096
   characters. Reflections that do not fit stay in this browser only, and the learner is
   told so above the course; nothing is ever cut short.

   The pure parts (encode, decode, API discovery, time formats) need no page: under Node
   this file exports them, in a page it sets window.leerpadScorm and starts the session. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) module.exports = api;
  else {
    root.leerpadScorm = api;
    if (root.document && root.document.documentElement.hasAttribute("data-leerpad-scorm")) {
      api.launch(root);
    }
  }
})(this, function () {
  "use strict";

  var TEXT = /* leerpad:text */ {
    "nl": {
      "leftOut": "{count:Eén reflectie past|# reflecties passen} niet in wat je leeromgeving van deze cursus mag bewaren. {count:Die blijft|Die blijven} alleen in deze browser bewaard: op een andere computer zie je {count:hem|ze} niet terug.",
      "nothingKept": "Je voortgang past niet in wat je leeromgeving van deze cursus mag bewaren. Hij blijft alleen in deze browser bewaard."
    },
    "en": {
      "leftOut": "{count:One reflection does|# reflections do} not fit in what your learning environment may keep for this course. {count:It stays|They stay} in this browser only: on another computer you will not see {count:it|them}.",
      "nothingKept": "Your progress does not fit in what your learning environment may keep for this course. It stays in this browser only."
    }
  };

  /* ---- The two versions' words ---------------------------------------------------- */

  var VERSIONS = {
    "1.2": {
      api: "API", initialize: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue",
      commit: "LMSCommit", terminate: "LMSFinish", limit: 4096,
      suspend: "cmi.suspend_data", location: "cmi.core.lesson_location",
      name: "cmi.core.student_name", time: "cmi.core.session_time", exit: "cmi.core.exit",
      raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max"
    },
    "2004": {
      api: "API_1484_11", initialize: "Initialize", get: "GetValue", set: "SetValue",
      commit: "Commit", terminate: "Terminate", limit: 64000,
      suspend: "cmi.suspend_data", location: "cmi.location",
      name: "cmi.learner_name", time: "cmi.session_time", exit: "cmi.exit",
      raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max"
    }
  };

  /* ---- Finding the API: SCORM's discovery algorithm ------------------------------- */

  // The API in `win` or one of its parents; null after 500 steps or at a window whose
  // parent is itself. A window of another origin cannot be read: the search stops there.
  function scan(win, name) {
    for (var tries = 0; win && tries <= 500; tries++) {
      try {
        if (win[name]) return win[name];
        if (!win.parent || win.parent === win) return null;
        win = win.parent;
      } catch (error) {
        return null;
      }
    }
    return null;
  }

  // Parents first, then the opener's chain (an LMS that opened the course in a new
  // window), then the opener of the top window.
  function findApi(win, name) {
    var found = scan(win, name);
    try {
      if (!found && win.opener) found = scan(win.opener, name);
      if (!found && win.top && win.top.opener) found = scan(win.top.opener, name);
    } catch (error) { /* an opener of another origin */ }
    return found || null;
  }

  /* ---- suspend_data: compact and lossless for what the learner did ---------------- */

  // Kinds by one letter; any other kind keeps its name.
  var KIND_CODES = { module: "m", quiz: "q", reflection: "r", assessment: "a" };
  // Copies of the page's own text (a prompt, a title, a page address) that a widget
  // writes again on every save: the learner's work does not need them in the LMS.
  var PAGE_COPIES = { reflection: ["prompt", "title", "page"], module: ["title"] };
  // Module times as milliseconds in base 36 (8 characters instead of 24).
  var MOMENTS = { module: ["started", "done"] };

  function codeOf(kind) { return KIND_CODES.hasOwnProperty(kind) ? KIND_CODES[kind] : kind; }

  function kindOf(code) {
    var kinds = Object.keys(KIND_CODES).filter(function (kind) { return KIND_CODES[kind] === code; });
    return kinds.length ? kinds[0] : code;
  }

  function packTime(iso) { return Date.parse(iso).toString(36); }
  function unpackTime(packed) { return new Date(parseInt(packed, 36)).toISOString(); }

  // Page addresses relative to the package (`base` is its folder's path), so that a
  // relaunch from another address (another LMS server) still finds the pages.
  function relative(url, base) { return url.indexOf(base) === 0 ? "~" + url.slice(base.length) : url; }
  function absolute(url, base) { return url.charAt(0) === "~" ? base + url.slice(1) : url; }

  // One entry {k, v, s, t} → [code, v, state, time].
  function packEntry(entry, base) {
    var state = JSON.parse(JSON.stringify(entry.s));
    (PAGE_COPIES[entry.k] || []).forEach(function (name) { delete state[name]; });
    (MOMENTS[entry.k] || []).forEach(function (name) {
      if (typeof state[name] === "string") state[name] = packTime(state[name]);
    });
    if (entry.k === "module" && typeof state.url === "string") state.url = relative(state.url, base);
    return [codeOf(entry.k), entry.v, state, packTime(entry.t)];
  }

  function unpackEntry(packed, base) {
    var kind = kindOf(packed[0]);
    var state = packed[2];
    (MOMENTS[kind] || []).forEach(function (name) {
      if (typeof state[name] === "string") state[name] = unpackTime(state[name]);
    });
    if (kind === "module" && typeof state.url === "string") state.url = absolute(state.url, base);
    return { k: kind, v: packed[1], s: state, t: unpackTime(packed[3]) };
  }

  /* leerpad's stored data (format 2) → {text, leftOut: [reflection ids], fits}.
     Only entries for which ours(id) holds go in (this course's: a browser may hold other
     courses' too); every one but reflections, then reflections, oldest first, as long as
     the text stays within `limit` characters. `fits` is false when even the rest does
     not fit: the caller then keeps what the LMS has and tells the learner. */
  function encode(data, limit, base, ours) {
    var packed = { w: {} };
    var learner = {};
    Object.keys(data.learner || {}).forEach(function (name) {
      if (name !== "name") learner[name] = data.learner[name]; // the LMS knows the name
    });
    if (Object.keys(learner).length) packed.l = learner;
    var reflections = [];
    Object.keys(data.widgets).filter(ours || function () { return true; }).forEach(function (id) {
      var entry = data.widgets[id];
      if (entry.k === "reflection") reflections.push(id);
      else packed.w[id] = packEntry(entry, base);
    });
    var text = JSON.stringify(packed);
    if (text.length > limit) return { text: null, leftOut: reflections, fits: false };
    reflections.sort(function (a, b) { return data.widgets[a].t < data.widgets[b].t ? -1 : 1; });
    var leftOut = [];
    reflections.forEach(function (id) {
      packed.w[id] = packEntry(data.widgets[id], base);
      var longer = JSON.stringify(packed);
      if (longer.length <= limit) text = longer;
      else {
        delete packed.w[id];
        leftOut.push(id);
      }
    });
    return { text: text, leftOut: leftOut, fits: true };
  }

  /* suspend_data → leerpad's data (format 2, unchecked: storage's normalise checks it),
     or null when it is empty or not ours. */
  function decode(text, base) {
    if (!text) return null;
    var packed;
    try {
      packed = JSON.parse(text);
    } catch (error) {
      return null;
    }
    if (!packed || typeof packed.w !== "object" || Array.isArray(packed.w)) return null;
    var data = { version: 2, widgets: {}, learner: packed.l || {}, aside: {} };
    try {
      Object.keys(packed.w).forEach(function (id) {
        data.widgets[id] = unpackEntry(packed.w[id], base);
      });
    } catch (error) {
      return null;
    }
    return data;
  }

  /* ---- Time formats ---------------------------------------------------------------- */

  // SCORM 1.2's CMITimespan: HHHH:MM:SS.SS.
  function timespan12(ms) {
    var seconds = Math.floor(ms / 1000);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    var hours = Math.min(Math.floor(seconds / 3600), 9999);
    return (hours < 10 ? "0" : "") + hours + ":" + two(Math.floor(seconds / 60) % 60) + ":" +
      two(seconds % 60) + ".00";
  }

  // SCORM 2004's timeinterval (an ISO 8601 duration): PT1H2M3S.
  function duration2004(ms) {
    var seconds = Math.floor(ms / 1000);
    return "PT" + Math.floor(seconds / 3600) + "H" + (Math.floor(seconds / 60) % 60) + "M" +
      (seconds % 60) + "S";
  }

  // "Jansen, Anna" (how many LMSs give cmi.core.student_name) → "Anna Jansen".
  function displayName(name) {
    var parts = String(name || "").split(",");
    if (parts.length !== 2 || !parts[0].trim() || !parts[1].trim()) return String(name || "").trim();
    return parts[1].trim() + " " + parts[0].trim();
  }

  /* ---- The session (in the launch page) ------------------------------------------ */

  function launch(win) {
    var doc = win.document;
    var L = win.leerpad;
    var version = doc.documentElement.getAttribute("data-leerpad-scorm");
    var words = VERSIONS[version];
    var frame = doc.querySelector(".leerpad-scorm__frame");
    var course = JSON.parse(doc.getElementById("leerpad-scorm-course").textContent);
    var base = new URL(".", win.location.href).pathname;
    var lms = words ? findApi(win, words.api) : null;
    var open = Boolean(lms && L) && String(lms[words.initialize]("")) === "true";
    if (!open) {
      frame.src = course.start; // outside an LMS: the course as it is
      return;
    }
    var started = Date.now();
    var ended = false;
    var completedBefore = /^(completed|passed)$/.test(get(version === "1.2" ? "cmi.core.lesson_status" : "cmi.completion_status"));
    var lastSuspend = get(words.suspend);
    var lastState = null;
    var commitTimer = null;
    var reportTimer = null;

    function get(name) { return String(lms[words.get](name) || ""); }
    function set(name, value) { lms[words.set](name, String(value)); }

    function restore() {
      var incoming = decode(lastSuspend, base);
      var read = incoming && win.leerpadStorage.normalise(incoming, Date.now());
      if (read) L.storage.replace(win.leerpadMerge.merge(L.storage.snapshot(), read.data).data);
      var name = displayName(get(words.name));
      if (name) L.storage.setLearner("name", name.slice(0, 200));
    }

    // The ids of the course's widgets of one kind ("quizzes", ...), in course order.
    function widgetIds(kind) {
      var ids = [];
      course.modules.forEach(function (module) {
        (module[kind] || []).forEach(function (widget) { ids.push(typeof widget === "string" ? widget : widget.id); });
      });
      return ids;
    }

    var own = {};
    widgetIds("quizzes").concat(widgetIds("assessments"), widgetIds("reflections")).forEach(function (id) { own[id] = true; });
    course.modules.forEach(function (module) { own["module:" + module.id] = true; });
    function ours(id) { return own.hasOwnProperty(id); }

    // Completion, success and score as the LMS should see them now.
    function reportStatus(widgets) {
      var status = win.leerpadCompletion.courseStatus(course, widgets);
      var completed = completedBefore || status.certificate;
      var quizzes = widgetIds("quizzes");
      var solved = quizzes.filter(function (id) {
        return widgets[id] && widgets[id].k === "quiz" && widgets[id].s.solved;
      }).length;
      var passed = quizzes.length > 0 && solved === quizzes.length;
      if (quizzes.length) {
        var percent = Math.round(100 * solved / quizzes.length);
        set(words.raw, percent);
        set(words.min, 0);
        set(words.max, 100);
        if (version === "2004") set("cmi.score.scaled", percent / 100);
      }
      if (version === "2004") {
        set("cmi.completion_status", completed ? "completed" : "incomplete");
        set("cmi.success_status", passed ? "passed" : "unknown");
      } else {
        set("cmi.core.lesson_status", completed ? (passed ? "passed" : "completed") : "incomplete");
      }
    }

    function notice(result) {
      var box = doc.querySelector(".leerpad-scorm__notice");
      var text = L.translator(TEXT);
      var message = !result.fits ? text("nothingKept")
        : result.leftOut.length ? text("leftOut", { count: result.leftOut.length }) : "";
      if (box.textContent !== message) box.textContent = message;
      box.hidden = !message;
    }

    // Mirror storage to the LMS; true when something the learner did other than typing
    // a reflection changed (then the caller commits at once).
    function report() {
      var data = L.storage.snapshot();
      var result = encode(data, words.limit, base, ours);
      if (result.fits && result.text !== lastSuspend) {
        set(words.suspend, result.text);
        lastSuspend = result.text;
      }
      notice(result);
      reportStatus(data.widgets);
      var answered = Object.keys(data.widgets).some(function (id) {
        var before = lastState && lastState[id];
        return data.widgets[id].k !== "reflection" && (!before || before.t !== data.widgets[id].t);
      });
      lastState = data.widgets;
      return answered;
    }

    function commit() {
      win.clearTimeout(commitTimer);
      commitTimer = null;
      set(words.time, version === "1.2" ? timespan12(Date.now() - started) : duration2004(Date.now() - started));
      lms[words.commit]("");
    }

    // After a save in the course: report soon (a burst of saves is one report), commit
    // at once after an answer, within a few seconds while a reflection is being typed.
    function changed() {
      if (ended) return;
      win.clearTimeout(reportTimer);
      reportTimer = win.setTimeout(function () {
        if (ended) return;
        if (report()) commit();
        else if (!commitTimer) commitTimer = win.setTimeout(commit, 5000);
      }, 200);
    }

    // A page of the course loaded: its address is the location to come back to.
    function pageChanged() {
      if (ended) return;
      var path;
      try {
        path = frame.contentWindow.location.pathname;
      } catch (error) {
        return; // a page outside the package
      }
      if (path.indexOf(base) !== 0) return;
      set(words.location, path.slice(base.length));
      report();
      commit();
    }

    function end() {
      if (ended) return;
      ended = true;
      win.clearTimeout(reportTimer);
      report();
      set(words.exit, "suspend"); // keep suspend_data for the next launch
      commit();
      lms[words.terminate]("");
    }

    restore();
    report();
    commit();
    L.storage.watch(changed);
    frame.addEventListener("load", pageChanged);
    win.addEventListener("pagehide", end);
    win.addEventListener("unload", end);
    var location = get(words.location);
    var safe = /^[A-Za-z0-9_.\/-]+\.html(#[A-Za-z0-9_-]*)?$/.test(location) && location.indexOf("..") === -1;
    frame.src = safe ? location : course.start;
  }

  return {
    VERSIONS: VERSIONS, scan: scan, findApi: findApi, encode: encode, decode: decode,
    timespan12: timespan12, duration2004: duration2004, displayName: displayName, launch: launch
  };
});
