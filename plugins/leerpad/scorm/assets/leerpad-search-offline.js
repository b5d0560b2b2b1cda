/* leerpad: in a SCORM package opened from disk (file://), say that search does not work.
   Material's search runs in a web worker, and a browser starts no worker for a page
   opened from a file; nor is there an index it could read there. Material then hides
   its search form (Chromium) or waits for ever ("Zoeken initialiseren"), and on a phone
   its search button opens nothing. An LMS serves the package over http(s), where search
   works: there this script does nothing. Only package pages load it (scorm/packaging.py). */
(function () {
  "use strict";

  var L = window.leerpad;
  if (!L || location.protocol !== "file:") return;
  // Material's offline plugin makes search work from disk (an index in a script and a
  // worker in a frame): then there is nothing to say.
  if (document.querySelector('script[src*="iframe-worker"]')) return;

  var TEXT = /* leerpad:text */ {
    "nl": {
      "unavailable": "Zoeken kan niet",
      "why": "Zoeken werkt niet in een cursus die je als bestand op je eigen computer opent. In de leeromgeving werkt het wel."
    },
    "en": {
      "unavailable": "Search unavailable",
      "why": "Search does not work in a course opened as a file on your own computer. In the learning environment it does."
    }
  };
  var text = L.translator(TEXT);

  // The search form stays where a learner looks for it, shown but switched off, with
  // the reason: better than a form that vanished or a button that opens nothing.
  function sayUnavailable() {
    var search = document.querySelector('[data-md-component="search"]');
    var input = search && search.querySelector(".md-search__input");
    if (!input) return;
    search.hidden = false;
    input.disabled = true;
    input.placeholder = text("unavailable");
    input.setAttribute("aria-label", text("unavailable"));
    input.title = text("why");
    var meta = search.querySelector(".md-search-result__meta");
    if (meta) meta.textContent = text("why");
  }

  // After Material's own start-up, which hides the form when its worker fails.
  if (document.readyState === "complete") sayUnavailable();
  else window.addEventListener("load", sayUnavailable);
})();
