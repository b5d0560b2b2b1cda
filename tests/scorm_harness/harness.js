/* A stand-in LMS for the tests: scorm-again's run-time API in this window, the package
   launched in a frame as an LMS does. ?scorm=1.2|2004 chooses the version; the CMI data
   of an earlier session, if any, comes from window.harnessCmi (a test's init script).
   window.harness counts commits, notes the termination, keeps the last value the package
   set for each element (also the write-only ones, such as cmi.exit) and any error. */
(function () {
  "use strict";
  var version = new URLSearchParams(location.search).get("scorm");
  var twelve = version === "1.2";
  var settings = { autocommit: false, logLevel: 5 };
  var api = twelve ? new Scorm12API(settings) : new Scorm2004API(settings);
  if (window.harnessCmi) api.loadFromJSON(window.harnessCmi, "");
  window.harness = { commits: 0, terminated: false, errors: [], values: {} };
  api.on(twelve ? "LMSCommit" : "Commit", function () { window.harness.commits++; });
  api.on(twelve ? "LMSFinish" : "Terminate", function () { window.harness.terminated = true; });
  api.on(twelve ? "LMSSetValue.cmi.*" : "SetValue.cmi.*", function (element, value) {
    window.harness.values[element] = value;
    var code = String(api.lastErrorCode);
    if (code !== "0") window.harness.errors.push(element + ": " + code);
  });
  if (twelve) window.API = api;
  else window.API_1484_11 = api;
  var frame = document.createElement("iframe");
  frame.title = "Course";
  frame.src = "pkg/index.html";
  document.body.appendChild(frame);
})();
