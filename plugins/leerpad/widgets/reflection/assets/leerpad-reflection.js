/* leerpad: reflection prompts. Loaded by leerpad.js only on pages that have one; builds on
   window.leerpad (storage, text, elements). Learner text only ever goes in via textContent. */
(function () {
  "use strict";

  var L = window.leerpad;
  if (!L) return;
  var storage = L.storage, all = L.all, element = L.element;

  var TEXT = /* leerpad:text */ {
    "nl": {
      "saved": "Bewaard in je browser om {time}.",
      "savedBefore": "Je eerdere tekst staat hierboven; wijzigingen worden vanzelf bewaard.",
      "typing": "Je tekst wordt bewaard zodra je even stopt met typen.",
      "memoryOnly": "Je tekst staat alleen in dit venster: je browser laat niets bewaren.",
      "memoryNewer": "Je tekst staat alleen in dit venster: de voortgang in je browser is van een nieuwere versie van deze site.",
      "followed": "Bijgewerkt met wat je in een ander tabblad schreef."
    },
    "en": {
      "saved": "Saved in your browser at {time}.",
      "savedBefore": "Your earlier text is above; changes are saved as you go.",
      "typing": "Your text is saved as soon as you pause typing.",
      "memoryOnly": "Your text lives only in this window: your browser does not let us store it.",
      "memoryNewer": "Your text lives only in this window: the progress in your browser is from a newer version of this site.",
      "followed": "Updated with what you wrote in another tab."
    }
  };

  var text = L.translator(TEXT);

  /* ---- Reflection: saved as the learner types (after a pause), never shown as HTML -- */

  var REFLECTION_VERSION = "tekst"; // not the content hash: editing a prompt keeps the text
  var pendingReflections = [];

  function Reflection(root) {
    var self = this;
    this.root = root;
    this.id = root.getAttribute("data-leerpad-reflection");
    this.area = root.querySelector("textarea");
    this.status = root.querySelector(".leerpad-reflection__saved");
    this.prompt = root.querySelector(".leerpad-reflection__prompt").textContent;
    this.timer = null;
    var state = storage.get(this.id, "reflection", REFLECTION_VERSION);
    if (state && typeof state.text === "string") this.area.value = state.text;
    this.status.textContent = this.area.value ? text("savedBefore") : text("typing");
    this.area.addEventListener("input", function () { self.schedule(); });
    this.area.addEventListener("blur", function () { self.flush(); });
  }

  Reflection.prototype.schedule = function () {
    var self = this;
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.flush(); }, 700);
    if (pendingReflections.indexOf(this) === -1) pendingReflections.push(this);
  };

  Reflection.prototype.flush = function () {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    var heading = document.querySelector(".md-content h1");
    storage.set(this.id, "reflection", REFLECTION_VERSION, {
      text: this.area.value,
      prompt: this.prompt,
      page: location.pathname,
      title: heading ? heading.textContent : document.title
    });
    var time = new Date().toLocaleTimeString(document.documentElement.lang || undefined,
      { hour: "2-digit", minute: "2-digit" });
    var why = storage.newer().here ? "memoryNewer" : "memoryOnly";
    this.status.textContent = storage.persistent() ? text("saved", { time: time }) : text(why);
    L.changed(this.root); // a course may count reflections toward completing a module
  };

  // Another tab saved this reflection: show its text, unless typing here is not saved yet
  // (that save comes later, so it is the newer one).
  Reflection.prototype.follow = function () {
    var state = storage.get(this.id, "reflection", REFLECTION_VERSION);
    if (this.timer !== null || !state || state.text === this.area.value) return;
    this.area.value = state.text;
    this.status.textContent = text("followed");
  };

  function flushReflections() {
    pendingReflections.splice(0).forEach(function (reflection) { reflection.flush(); });
  }

  // Leaving or hiding the page must not lose the last words typed.
  window.addEventListener("pagehide", flushReflections);
  document.addEventListener("visibilitychange", flushReflections);


  // Text typed just before an instant navigation is saved before the next page starts.
  L.define("reflection", Reflection, { beforePage: flushReflections });
})();
