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

   suspend_data is compact JSON, deflated where the browser can (see below); under SCORM
   1.2 it may hold 4,096 characters. Reflections that do not fit stay in this browser
   only, and the learner is told so above the course; nothing is ever cut short.

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

  /* ---- suspend_data: compact, and whole for what the learner did ------------------

     {"w": {id: [kind, version, state, time]}, "l": learner}. Shorter than leerpad's own
     format by: kinds and known state fields by one letter, flags as 1/0, times as
     milliseconds in base 36 (8 characters instead of 24), the usual versions of a
     module and a reflection left out, "module:<course>/" as "@", page addresses relative
     to the package (a relaunch from another address still finds the pages), and no
     copies of the page's own text (a prompt, a title) that a widget writes again on
     every save. */

  var KIND_CODES = { module: "m", quiz: "q", reflection: "r", assessment: "a" };
  var FIELD_CODES = {
    module: { started: "s", done: "d", reopened: "r", url: "u" },
    quiz: { answer: "a", checked: "c", correct: "k", solved: "s", revealed: "r" },
    assessment: { answers: "a", complete: "c", overall: "o" },
    reflection: { text: "x" }
  };
  var FLAGS = ["reopened", "checked", "correct", "solved", "revealed", "complete"];
  var MOMENTS = ["started", "done"];
  var USUAL_VERSIONS = { module: "module", reflection: "tekst" };
  var PAGE_COPIES = { reflection: ["prompt", "title", "page"], module: ["title"] };

  function reversed(table) {
    var result = {};
    Object.keys(table || {}).forEach(function (key) { result[table[key]] = key; });
    return result;
  }

  function packTime(iso) { return Date.parse(iso).toString(36); }
  // An unreadable time stays as it is: storage's checks then set its entry aside.
  function unpackTime(packed) {
    var time = typeof packed === "string" && /^[0-9a-z]{1,12}$/.test(packed) ? parseInt(packed, 36) : NaN;
    return isNaN(time) || time > 8.64e15 ? packed : new Date(time).toISOString();
  }

  function packState(kind, state, base) {
    var codes = FIELD_CODES[kind] || {};
    var packed = {};
    Object.keys(state).forEach(function (name) {
      if ((PAGE_COPIES[kind] || []).indexOf(name) !== -1) return;
      var value = state[name];
      if (FLAGS.indexOf(name) !== -1 && typeof value === "boolean") value = value ? 1 : 0;
      else if (MOMENTS.indexOf(name) !== -1 && typeof value === "string") value = packTime(value);
      else if (name === "url" && typeof value === "string" && value.indexOf(base) === 0) {
        value = "~" + value.slice(base.length);
      }
      packed[codes.hasOwnProperty(name) ? codes[name] : name] = value;
    });
    return packed;
  }

  function unpackState(kind, packed, base) {
    var names = reversed(FIELD_CODES[kind]);
    var state = {};
    Object.keys(packed).forEach(function (code) {
      var name = names.hasOwnProperty(code) ? names[code] : code;
      var value = packed[code];
      if (FLAGS.indexOf(name) !== -1 && (value === 0 || value === 1)) value = value === 1;
      else if (MOMENTS.indexOf(name) !== -1) value = unpackTime(value);
      else if (name === "url" && typeof value === "string" && value.charAt(0) === "~") {
        value = base + value.slice(1);
      }
      state[name] = value;
    });
    return state;
  }

  function packEntry(entry, base) {
    var version = USUAL_VERSIONS[entry.k] === entry.v ? "" : entry.v;
    var kind = KIND_CODES.hasOwnProperty(entry.k) ? KIND_CODES[entry.k] : entry.k;
    return [kind, version, packState(entry.k, entry.s, base), packTime(entry.t)];
  }

  // [kind, version, state, time] → {k, v, s, t}, or null when it has another shape.
  function unpackEntry(packed, base) {
    if (!Array.isArray(packed) || packed.length !== 4 || typeof packed[0] !== "string" ||
        typeof packed[1] !== "string" || !packed[2] || typeof packed[2] !== "object" ||
        Array.isArray(packed[2])) return null;
    var kinds = reversed(KIND_CODES);
    var kind = kinds.hasOwnProperty(packed[0]) ? kinds[packed[0]] : packed[0];
    var version = packed[1] || USUAL_VERSIONS[kind] || "";
    return { k: kind, v: version, s: unpackState(kind, packed[2], base), t: unpackTime(packed[3]) };
  }

  function packId(id, prefix) {
    return prefix && id.indexOf(prefix) === 0 ? "@" + id.slice(prefix.length) : id;
  }

  function unpackId(id, prefix) {
    return prefix && id.charAt(0) === "@" ? prefix + id.slice(1) : id;
  }

  /* ---- Deflate: the JSON compressed (raw deflate) and in base 64, after a "z" ------ */

  function canDeflate() {
    return typeof CompressionStream === "function" && typeof DecompressionStream === "function";
  }

  function base64(bytes) {
    var binary = "";
    for (var i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(binary);
  }

  function deflate(text) {
    var stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"));
    return new Response(stream).arrayBuffer().then(function (buffer) {
      return "z" + base64(new Uint8Array(buffer));
    });
  }

  function inflate(text) {
    var binary = atob(text.slice(1));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
    return new Response(stream).text();
  }

  // How the text is written: deflated where the browser can, else the JSON itself.
  function squeeze(json) {
    return canDeflate() ? deflate(json) : Promise.resolve(json);
  }

  /* leerpad's stored data (format 2) → a promise of {text, leftOut: [reflection ids],
     fits}. options: {limit: characters, base: the package's folder path, ours(id):
     whether an entry is this course's (a browser may hold other courses' too), prefix:
     "module:<course>/", plain: true to write JSON even where deflate is possible}.
     Everything goes in if it fits; else every entry but reflections, then reflections,
     oldest first, while the text stays within the limit: a reflection goes in whole or
     not at all. `fits` is false when even the rest does not fit: the caller then keeps
     what the LMS has and tells the learner. */
  function encode(data, options) {
    var base = options.base || "";
    var write = options.plain ? function (json) { return Promise.resolve(json); } : squeeze;
    var packed = { w: {} };
    var learner = {};
    Object.keys(data.learner || {}).forEach(function (name) {
      if (name !== "name") learner[name] = data.learner[name]; // the LMS knows the name
    });
    if (Object.keys(learner).length) packed.l = learner;
    var reflections = [];
    Object.keys(data.widgets).filter(options.ours || function () { return true; }).forEach(function (id) {
      var entry = data.widgets[id];
      if (entry.k === "reflection") reflections.push(id);
      else packed.w[packId(id, options.prefix)] = packEntry(entry, base);
    });
    reflections.sort(function (a, b) { return data.widgets[a].t < data.widgets[b].t ? -1 : 1; });
    var whole = JSON.parse(JSON.stringify(packed));
    reflections.forEach(function (id) {
      whole.w[packId(id, options.prefix)] = packEntry(data.widgets[id], base);
    });
    return write(JSON.stringify(whole)).then(function (all) {
      if (all.length <= options.limit) return { text: all, leftOut: [], fits: true };
      return write(JSON.stringify(packed)).then(function (text) {
        if (text.length > options.limit) return { text: null, leftOut: reflections, fits: false };
        var leftOut = [];
        return reflections.reduce(function (done, id) {
          return done.then(function () {
            var key = packId(id, options.prefix);
            packed.w[key] = whole.w[key];
            return write(JSON.stringify(packed)).then(function (longer) {
              if (longer.length <= options.limit) text = longer;
              else {
                delete packed.w[key];
                leftOut.push(id);
              }
            });
          });
        }, Promise.resolve()).then(function () {
          return { text: text, leftOut: leftOut, fits: true };
        });
      });
    });
  }

  /* suspend_data → a promise of leerpad's data (format 2, unchecked: storage's
     normalise checks it), or of null when it is empty or not leerpad's. An entry of
     another shape is skipped: there is nothing in it to restore. options: {base,
     prefix} as for encode. Deflated text where the browser cannot inflate rejects. */
  function decode(text, options) {
    if (!text) return Promise.resolve(null);
    var json = Promise.resolve(text).then(function (raw) { return raw.charAt(0) === "z" ? inflate(raw) : raw; });
    return json.then(function (source) { return unpack(source, options); }, function (error) {
      if (!canDeflate()) throw error; // kept by a browser that could: not ours to overwrite
      return null;
    });
  }

  function unpack(text, options) {
    var packed;
    try {
      packed = JSON.parse(text);
    } catch (error) {
      return null;
    }
    if (!packed || typeof packed.w !== "object" || Array.isArray(packed.w)) return null;
    var learner = packed.l && typeof packed.l === "object" && !Array.isArray(packed.l) ? packed.l : {};
    var data = { version: 2, widgets: {}, learner: learner, aside: {} };
    var read = 0;
    Object.keys(packed.w).forEach(function (key) {
      var entry = unpackEntry(packed.w[key], options.base || "");
      if (!entry) return;
      data.widgets[unpackId(key, options.prefix)] = entry;
      read++;
    });
    return read || !Object.keys(packed.w).length ? data : null;
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

  // The course's structure (from the launch page) → its widget ids of one kind
  // ("quizzes", "assessments", "reflections"), in course order.
  function widgetIds(course, kind) {
    var ids = [];
    course.modules.forEach(function (module) {
      (module[kind] || []).forEach(function (widget) { ids.push(typeof widget === "string" ? widget : widget.id); });
    });
    return ids;
  }

  // Whether an entry of storage belongs to this course (its modules and widgets).
  function belongsTo(course) {
    var own = {};
    ["quizzes", "assessments", "reflections"].forEach(function (kind) {
      widgetIds(course, kind).forEach(function (id) { own[id] = true; });
    });
    course.modules.forEach(function (module) { own["module:" + module.id] = true; });
    return function (id) { return own.hasOwnProperty(id); };
  }

  // Completion, success and score of the course, as SCORM's values: {completion:
  // "completed" | "incomplete", passed: every quiz right once, percent: of the quizzes
  // answered right once (null without quizzes)}.
  function courseResult(course, widgets, completion) {
    var status = completion.courseStatus(course, widgets);
    var quizzes = widgetIds(course, "quizzes");
    var solved = quizzes.filter(function (id) {
      return widgets[id] && widgets[id].k === "quiz" && widgets[id].s.solved;
    }).length;
    return {
      completion: status.certificate ? "completed" : "incomplete",
      passed: quizzes.length > 0 && solved === quizzes.length,
      percent: quizzes.length ? Math.round(100 * solved / quizzes.length) : null
    };
  }

  /* One launch: the LMS's API (initialised), the launch page and leerpad's storage. */
  function Session(win, lms, version) {
    var doc = win.document;
    this.win = win;
    this.L = win.leerpad;
    this.lms = lms;
    this.version = version;
    this.words = VERSIONS[version];
    this.frame = doc.querySelector(".leerpad-scorm__frame");
    this.box = doc.querySelector(".leerpad-scorm__notice");
    this.course = JSON.parse(doc.getElementById("leerpad-scorm-course").textContent);
    this.base = new URL(".", win.location.href).pathname;
    var first = this.course.modules[0];
    this.coding = {
      limit: this.words.limit, base: this.base, ours: belongsTo(this.course),
      prefix: first ? "module:" + first.id.split("/")[0] + "/" : "" // "module:<course>/"
    };
    this.started = Date.now();
    this.ended = this.terminating = this.writable = false;
    this.completedBefore = /^(completed|passed)$/.test(
      this.get(version === "1.2" ? "cmi.core.lesson_status" : "cmi.completion_status"));
    this.lastSuspend = this.get(this.words.suspend);
    this.lastState = null;
    this.commitTimer = this.reportTimer = null;
  }

  Session.prototype.get = function (name) { return String(this.lms[this.words.get](name) || ""); };
  Session.prototype.set = function (name, value) { this.lms[this.words.set](name, String(value)); };

  // The learner's state in the LMS, merged into this browser's: a promise. Deflated
  // state that this browser cannot read is never overwritten (writable stays false).
  Session.prototype.restore = function () {
    var self = this;
    var name = displayName(this.get(this.words.name));
    if (name) this.L.storage.setLearner("name", name.slice(0, 200));
    return decode(this.lastSuspend, this.coding).then(function (incoming) {
      self.writable = true;
      var read = incoming && self.win.leerpadStorage.normalise(incoming, Date.now());
      if (read) self.L.storage.replace(self.win.leerpadMerge.merge(self.L.storage.snapshot(), read.data).data);
    }, function () { /* writable stays false */ });
  };

  // Completion, success and score as the LMS should see them now; a completion once
  // reported stays.
  Session.prototype.reportStatus = function (widgets) {
    var result = courseResult(this.course, widgets, this.win.leerpadCompletion);
    var completed = this.completedBefore || result.completion === "completed";
    if (result.percent !== null) {
      this.set(this.words.raw, result.percent);
      this.set(this.words.min, 0);
      this.set(this.words.max, 100);
      if (this.version === "2004") this.set("cmi.score.scaled", result.percent / 100);
    }
    if (this.version === "2004") {
      this.set("cmi.completion_status", completed ? "completed" : "incomplete");
      this.set("cmi.success_status", result.passed ? "passed" : "unknown");
    } else {
      this.set("cmi.core.lesson_status", completed ? (result.passed ? "passed" : "completed") : "incomplete");
    }
  };

  // Above the course: what the LMS could not keep (or nothing).
  Session.prototype.notice = function (result) {
    var text = this.L.translator(TEXT);
    var message = !result.fits ? text("nothingKept")
      : result.leftOut.length ? text("leftOut", { count: result.leftOut.length }) : "";
    if (this.box.textContent !== message) this.box.textContent = message;
    this.box.hidden = !message;
  };

  // Mirror storage to the LMS: status and score at once, suspend_data once encoded.
  // Returns {answered: whether something other than a reflection's text changed (then
  // the caller commits at once), mirrored: a promise, settled once suspend_data is set}.
  Session.prototype.report = function () {
    var self = this;
    var data = this.L.storage.snapshot();
    this.reportStatus(data.widgets);
    var answered = Object.keys(data.widgets).some(function (id) {
      var before = self.lastState && self.lastState[id];
      return data.widgets[id].k !== "reflection" && (!before || before.t !== data.widgets[id].t);
    });
    this.lastState = data.widgets;
    var mirrored = encode(data, this.coding).then(function (result) {
      if (self.ended || !self.writable) return;
      if (result.fits && result.text !== self.lastSuspend) {
        self.set(self.words.suspend, result.text);
        self.lastSuspend = result.text;
      }
      self.notice(result);
    });
    return { answered: answered, mirrored: mirrored };
  };

  Session.prototype.commit = function () {
    if (this.ended && !this.terminating) return;
    this.win.clearTimeout(this.commitTimer);
    this.commitTimer = null;
    var spent = Date.now() - this.started;
    this.set(this.words.time, this.version === "1.2" ? timespan12(spent) : duration2004(spent));
    this.lms[this.words.commit]("");
  };

  // After a save in the course: report soon (a burst of saves is one report), commit
  // at once after an answer, within a few seconds while a reflection is being typed.
  Session.prototype.changed = function () {
    var self = this;
    if (this.ended) return;
    this.win.clearTimeout(this.reportTimer);
    this.reportTimer = this.win.setTimeout(function () {
      var done = self.report();
      done.mirrored.then(function () {
        if (done.answered) self.commit();
        else if (!self.commitTimer) self.commitTimer = self.win.setTimeout(function () { self.commit(); }, 5000);
      });
    }, 200);
  };

  // A page of the course loaded: its address is the location to come back to.
  Session.prototype.pageChanged = function () {
    var self = this;
    if (this.ended) return;
    var path;
    try {
      path = this.frame.contentWindow.location.pathname;
    } catch (error) {
      return; // a page outside the package
    }
    if (path.indexOf(this.base) !== 0) return;
    this.set(this.words.location, path.slice(this.base.length));
    this.report().mirrored.then(function () { self.commit(); });
  };

  // The learner leaves: what is in the LMS now stays (suspend_data as last mirrored,
  // shortly after the last save), and the session ends.
  Session.prototype.end = function () {
    if (this.ended) return;
    this.ended = this.terminating = true;
    this.win.clearTimeout(this.reportTimer);
    this.reportStatus(this.L.storage.snapshot().widgets);
    this.set(this.words.exit, "suspend"); // keep suspend_data for the next launch
    this.commit();
    this.lms[this.words.terminate]("");
    this.terminating = false;
  };

  // Where the learner left off (cmi.location), if it is a page of the package.
  Session.prototype.startPage = function () {
    var location = this.get(this.words.location);
    var safe = /^[A-Za-z0-9_.\/-]+\.html(#[A-Za-z0-9_-]*)?$/.test(location) && location.indexOf("..") === -1;
    return safe ? location : this.course.start;
  };

  Session.prototype.start = function () {
    var self = this;
    this.win.addEventListener("pagehide", function () { self.end(); });
    this.win.addEventListener("unload", function () { self.end(); });
    this.restore().then(function () {
      if (self.ended) return;
      self.report().mirrored.then(function () { self.commit(); });
      self.L.storage.watch(function () { self.changed(); });
      self.frame.addEventListener("load", function () { self.pageChanged(); });
      self.frame.src = self.startPage();
    });
  };

  // The launch page: a session with the LMS if there is one, else only the course.
  function launch(win) {
    var version = win.document.documentElement.getAttribute("data-leerpad-scorm");
    var words = VERSIONS[version];
    var lms = words ? findApi(win, words.api) : null;
    if (lms && win.leerpad && String(lms[words.initialize]("")) === "true") {
      new Session(win, lms, version).start();
      return;
    }
    var course = JSON.parse(win.document.getElementById("leerpad-scorm-course").textContent);
    win.document.querySelector(".leerpad-scorm__frame").src = course.start;
  }

  return {
    VERSIONS: VERSIONS, scan: scan, findApi: findApi, encode: encode, decode: decode, squeeze: squeeze,
    timespan12: timespan12, duration2004: duration2004, displayName: displayName,
    courseResult: courseResult, launch: launch
  };
});
