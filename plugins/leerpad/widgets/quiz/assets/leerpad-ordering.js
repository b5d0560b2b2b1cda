/* leerpad: the items of an ordering question (a quiz whose options are a numbered list),
   moved, kept and restored. Loaded by leerpad.js only on pages that have one, as the
   quiz's part "ordering"; the quiz script (leerpad-quiz.js) reads the order from the
   list when the learner checks, and grades it. Items move with their buttons (the
   accessible way, by keyboard too) or by dragging: a mouse anywhere on an item, touch on
   its grip, so that the rest of an item still scrolls the page. A move is kept in the
   quiz's stored entry, clears the quiz's marks (a "change", as a new choice does) and is
   said in the quiz's status line, which screen readers announce. */
(function () {
  "use strict";

  var L = window.leerpad;
  var all = L.all, element = L.element, storage = L.storage;

  var TEXT = /* leerpad:text */ {
    "nl": {
      "up": "Hoger: {item}",
      "down": "Lager: {item}",
      "moved": "{item}: nu plek {place} van {total}."
    },
    "en": {
      "up": "Up: {item}",
      "down": "Down: {item}",
      "moved": "{item}: now place {place} of {total}."
    }
  };

  var text = L.translator(TEXT);

  function itemText(item) {
    return item.querySelector(".leerpad-quiz__item-text").textContent.trim();
  }

  function places(list) {
    return all(list, "li").map(function (item) { return item.getAttribute("data-leerpad-item"); });
  }

  function Ordering(list) {
    var self = this;
    this.list = list;
    this.quiz = list.closest("[data-leerpad-quiz]");
    all(list, "li").forEach(function (item) {
      var grip = element("span", "leerpad-quiz__grip", "⠿");
      grip.setAttribute("aria-hidden", "true");
      item.insertBefore(grip, item.firstChild);
      var moves = item.appendChild(element("span", "leerpad-quiz__moves"));
      [["up", "↑"], ["down", "↓"]].forEach(function (move) {
        var node = moves.appendChild(element("button", "leerpad-button leerpad-quiz__move", move[1]));
        node.type = "button";
        node.setAttribute("data-leerpad-move", move[0]);
        node.setAttribute("aria-label", text(move[0], { item: itemText(item) }));
      });
    });
    list.classList.add("is-sortable");
    list.addEventListener("click", function (event) {
      var node = event.target.closest("[data-leerpad-move]");
      if (node) self.step(node);
    });
    list.addEventListener("pointerdown", function (event) { self.drag(event); });
    this.restore();
  }

  Ordering.prototype.stored = function () {
    var quiz = this.quiz;
    return storage.get(quiz.getAttribute("data-leerpad-quiz"), "quiz",
      quiz.getAttribute("data-leerpad-version")) || {};
  };

  /* The stored order, when it holds every item once; else the page's, never the right one. */
  Ordering.prototype.restore = function () {
    var list = this.list, order = this.stored().answer || [];
    if (order.slice().sort().join() === places(list).sort().join()) {
      order.forEach(function (place) {
        list.appendChild(list.querySelector('[data-leerpad-item="' + place + '"]'));
      });
    }
    this.update();
  };

  // Another tab moved the items: follow it.
  Ordering.prototype.follow = Ordering.prototype.restore;

  // The first item cannot go up, the last not down.
  Ordering.prototype.update = function () {
    var items = all(this.list, "li");
    items.forEach(function (item, index) {
      item.querySelector("[data-leerpad-move=up]").disabled = index === 0;
      item.querySelector("[data-leerpad-move=down]").disabled = index === items.length - 1;
    });
  };

  /* One place up or down with a button; focus stays with the moved item. */
  Ordering.prototype.step = function (node) {
    var item = node.closest("li");
    var up = node.getAttribute("data-leerpad-move") === "up";
    var target = up ? item.previousElementSibling : item.nextElementSibling;
    if (!target) return;
    this.list.insertBefore(item, up ? target : target.nextElementSibling);
    this.update();
    this.moved(item);
    (node.disabled ? item.querySelector("button:enabled") : node).focus();
  };

  Ordering.prototype.drag = function (event) {
    var self = this, list = this.list, item = event.target.closest("li");
    if (!item || event.button !== 0 || event.target.closest("button") ||
        (event.pointerType !== "mouse" && !event.target.closest(".leerpad-quiz__grip"))) return;
    event.preventDefault();
    item.classList.add("is-dragged");
    var before = all(list, "li").indexOf(item);
    function middle(node) {
      var box = node.getBoundingClientRect();
      return box.top + box.height / 2;
    }
    function follow(move) {
      var previous = item.previousElementSibling, next = item.nextElementSibling;
      if (previous && move.clientY < middle(previous)) list.insertBefore(item, previous);
      else if (next && move.clientY > middle(next)) list.insertBefore(item, next.nextElementSibling);
    }
    function drop() {
      document.removeEventListener("pointermove", follow);
      document.removeEventListener("pointerup", drop);
      document.removeEventListener("pointercancel", drop);
      item.classList.remove("is-dragged");
      if (all(list, "li").indexOf(item) !== before) self.moved(item);
    }
    document.addEventListener("pointermove", follow);
    document.addEventListener("pointerup", drop);
    document.addEventListener("pointercancel", drop);
  };

  Ordering.prototype.moved = function (item) {
    var quiz = this.quiz, items = all(this.list, "li");
    this.list.dispatchEvent(new Event("change", { bubbles: true }));
    storage.set(quiz.getAttribute("data-leerpad-quiz"), "quiz", quiz.getAttribute("data-leerpad-version"),
      { answer: places(this.list), checked: false, solved: Boolean(this.stored().solved) });
    quiz.querySelector(".leerpad-quiz__status").textContent =
      text("moved", { item: itemText(item), place: items.indexOf(item) + 1, total: items.length });
  };

  L.define("quiz-ordering", Ordering);
})();
