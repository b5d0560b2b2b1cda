/* leerpad: conversation simulations. Loaded by leerpad.js only on pages that have one.
   The build renders every step as a section of a gamebook (links to the next steps); this
   script turns it into a chat: one step at a time, the conversation so far above it, the
   choices as buttons. It only clones and moves the build's own elements: no HTML from
   strings, and nothing the learner types (there is nothing to type). */
(function () {
  "use strict";

  var L = window.leerpad;
  if (!L) return;
  var storage = L.storage, all = L.all, element = L.element;

  var TEXT = /* leerpad:text */ {
    "nl": {
      "you": "Jij: ",
      "choose": "Wat zeg of doe je?",
      "back": "Terug",
      "again": "Opnieuw"
    },
    "en": {
      "you": "You: ",
      "choose": "What do you say or do?",
      "back": "Back",
      "again": "Start again"
    }
  };

  var text = L.translator(TEXT);

  // Not the content hash: an author who fixes a typo keeps the learner's best outcome.
  // A stored path that no longer fits the steps is replayed as far as it goes.
  var VERSION = "pad";
  var RANK = { poor: 1, fair: 2, good: 3 };
  var MAX_PATH = 100; // storage's "answers" check: at most 100 entries
  var MAX_TEXT = 1000;

  function Scenario(root) {
    var self = this;
    this.root = root;
    this.id = root.getAttribute("data-leerpad-scenario");
    this.book = root.querySelector(".leerpad-scenario__book");
    this.steps = {};
    this.choices = {};
    all(this.book, ".leerpad-scenario__step").forEach(function (step) {
      self.steps[step.getAttribute("data-step")] = step;
    });
    all(this.book, ".leerpad-scenario__choice").forEach(function (choice) {
      self.choices[choice.getAttribute("data-choice")] = choice;
    });
    // The gamebook keeps a choice's reaction at the top of the step it leads to.
    this.reactions = {};
    all(this.book, ".leerpad-scenario__reaction").forEach(function (reaction) {
      self.reactions[reaction.getAttribute("data-choice")] = reaction;
    });
    this.start = this.book.querySelector(".leerpad-scenario__step").getAttribute("data-step");
    this.build();
    this.show(this.stored().path || []);
  }

  // The chat: the transcript, the choices of the current step, "terug" and "opnieuw".
  Scenario.prototype.build = function () {
    var self = this;
    this.chat = element("div", "leerpad-scenario__chat");
    this.transcript = this.chat.appendChild(element("ol", "leerpad-scenario__transcript"));
    this.choose = this.chat.appendChild(element("div", "leerpad-scenario__buttons"));
    this.choose.setAttribute("role", "group");
    var prompt = this.choose.appendChild(element("p", "leerpad-scenario__prompt", text("choose")));
    prompt.id = this.id + "-kies";
    this.choose.setAttribute("aria-labelledby", prompt.id);
    var tools = this.chat.appendChild(element("div", "leerpad-scenario__tools"));
    this.backButton = tools.appendChild(element("button", "leerpad-scenario__back", text("back")));
    this.againButton = tools.appendChild(element("button", "leerpad-scenario__restart", text("again")));
    this.backButton.type = this.againButton.type = "button";
    this.backButton.addEventListener("click", function () { self.back(); });
    this.againButton.addEventListener("click", function () { self.again(); });
    this.book.insertAdjacentElement("beforebegin", this.chat);
    this.root.classList.add("is-interactive");
  };

  Scenario.prototype.stored = function () {
    return storage.get(this.id, "scenario", VERSION) || { path: [] };
  };

  // The step a choice belongs to and the one it leads to.
  Scenario.prototype.stepOf = function (key) {
    return this.choices[key].closest(".leerpad-scenario__step").getAttribute("data-step");
  };

  Scenario.prototype.targetOf = function (key) {
    var name = this.choices[key].getAttribute("data-target");
    return this.steps.hasOwnProperty(name) ? name : null;
  };

  // The conversation along ``path`` (choice keys), as far as it still fits the steps.
  Scenario.prototype.show = function (path) {
    this.path = [];
    this.current = this.start;
    while (this.transcript.firstChild) this.transcript.removeChild(this.transcript.firstChild);
    this.addTurn(null);
    for (var i = 0; i < path.length; i++) {
      var key = path[i];
      if (!this.choices.hasOwnProperty(key) || this.stepOf(key) !== this.current) break;
      if (!this.targetOf(key)) break;
      this.path.push(key);
      this.current = this.targetOf(key);
      this.addTurn(key);
    }
    this.offerChoices();
  };

  // One turn: what the learner chose and the response to it, then what happens next.
  Scenario.prototype.addTurn = function (key) {
    var turn = element("li", "leerpad-scenario__turn");
    turn.tabIndex = -1;
    if (key) {
      var link = this.choices[key].querySelector("a");
      var said = turn.appendChild(element("p", "leerpad-scenario__said"));
      said.appendChild(element("span", "leerpad-scenario__who", text("you")));
      cloneChildren(link, said);
      var reaction = this.reactions[key];
      if (reaction) {
        // Only italics set the feedback apart on screen; a screen reader hears its
        // name ("Reactie op deze keuze") first.
        var reply = reaction.querySelector(".leerpad-scenario__reply");
        var response = turn.appendChild(copy(reply, "leerpad-scenario__response"));
        var name = reaction.getAttribute("data-name") + ": ";
        response.insertBefore(element("span", "leerpad-visually-hidden", name), response.firstChild);
      }
    }
    var step = this.steps[this.current];
    var content = step.querySelector(".leerpad-scenario__text");
    if (step.hasAttribute("data-outcome")) {
      turn.classList.add("leerpad-scenario__turn--end");
      turn.setAttribute("data-outcome", step.getAttribute("data-outcome"));
      turn.appendChild(copy(step.querySelector(".leerpad-scenario__end-label"), "leerpad-scenario__outcome"));
    }
    if (content) turn.appendChild(copy(content, "leerpad-scenario__text"));
    this.transcript.appendChild(turn);
    return turn;
  };

  // A deep copy of a build element, with a class of the chat and without ids.
  function copy(original, className) {
    var clone = original.cloneNode(true);
    clone.className = className;
    clone.removeAttribute("id");
    all(clone, "[id]").forEach(function (node) { node.removeAttribute("id"); });
    return clone;
  }

  function cloneChildren(from, to) {
    Array.prototype.forEach.call(from.childNodes, function (node) {
      to.appendChild(node.cloneNode(true));
    });
  }

  // The current step's choices as buttons, under the prompt; at an end, none.
  Scenario.prototype.offerChoices = function () {
    var self = this;
    all(this.choose, "button").forEach(function (button) { button.remove(); });
    var keys = Object.keys(this.choices).filter(function (key) {
      return self.stepOf(key) === self.current && self.targetOf(key);
    });
    keys.forEach(function (key) {
      var button = element("button", "leerpad-scenario__option");
      button.type = "button";
      cloneChildren(self.choices[key].querySelector("a"), button);
      button.addEventListener("click", function () { self.pick(key); });
      self.choose.appendChild(button);
    });
    this.choose.hidden = keys.length === 0;
    this.backButton.hidden = this.againButton.hidden = this.path.length === 0;
  };

  // Every new turn comes from the learner's own click (a choice, "Terug", "Opnieuw"),
  // and the button pressed is gone or meaningless afterwards: focus moves to the turn,
  // and a screen reader reads it from there. That is the announcement; the transcript
  // is therefore not a live region too, which would read the same turn a second time
  // (WAI-ARIA practice: move focus when the user caused the change, a live region
  // only for changes the user did not cause).
  Scenario.prototype.pick = function (key) {
    this.path.push(key);
    this.current = this.targetOf(key);
    var turn = this.addTurn(key);
    this.offerChoices();
    this.save();
    turn.focus();
  };

  Scenario.prototype.back = function () {
    if (!this.path.length) return;
    this.show(this.path.slice(0, -1));
    this.save();
    this.focusLast();
  };

  Scenario.prototype.again = function () {
    this.show([]);
    this.save();
    this.focusLast();
  };

  Scenario.prototype.focusLast = function () {
    var turns = this.transcript.children;
    turns[turns.length - 1].focus();
  };

  // What is kept: the path on screen, and once an end is reached, that run's choices and
  // the best outcome so far.
  Scenario.prototype.save = function () {
    var self = this;
    var before = this.stored();
    var state = { path: this.path.slice(0, MAX_PATH), ended: before.ended === true };
    ["best", "bestLabel", "lastRun"].forEach(function (name) {
      if (before[name] !== undefined) state[name] = before[name];
    });
    var end = this.steps[this.current];
    if (end.hasAttribute("data-outcome")) {
      var outcome = end.getAttribute("data-outcome");
      state.ended = true;
      state.lastRun = this.path.slice(0, MAX_PATH).map(function (key) {
        return self.choices[key].querySelector("a").textContent.slice(0, MAX_TEXT);
      });
      if (!RANK[state.best] || RANK[outcome] >= RANK[state.best]) {
        state.best = outcome;
        state.bestLabel = end.getAttribute("data-outcome-label");
      }
    }
    storage.set(this.id, "scenario", VERSION, state);
    L.changed(this.root); // a course may count a reached end toward completing a module
  };

  // Another tab played on: show its conversation.
  Scenario.prototype.follow = function () {
    var path = this.stored().path || [];
    if (path.join("\n") === this.path.join("\n")) return;
    // What was played in another tab is not news in this one: shown, not announced,
    // and focus stays where the learner has it.
    this.show(path);
  };

  L.define("scenario", Scenario);
})();
