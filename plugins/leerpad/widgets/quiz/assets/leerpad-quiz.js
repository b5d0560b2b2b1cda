/* leerpad: quizzes. Loaded by leerpad.js only on pages that have one; builds on
   window.leerpad (storage, text, elements). Learner text only ever goes in via textContent. */
/* Grading, pure (Node's test runner imports it; a page gets window.leerpadGrading): how
   a typed answer compares with the author's, and how many options were chosen right. */
(function (root, factory) {
  var grading = factory();
  if (typeof module === "object" && module.exports) module.exports = grading;
  else root.leerpadGrading = grading;
})(this, function () {
  "use strict";

  // Phones and word processors type curly quotes, other dashes and invisible spaces
  // where the author wrote plain ones: all count as the same character. NFKD already
  // turns a no-break space into a space and splits accents off their letters.
  // (Written as the characters themselves: the published script is smaller so.)
  function normalise(value) {
    return String(value).normalize("NFKD").replace(/[\u0300-\u036f\u00ad\u200b-\u200d\u2060\ufeff]/g, "")
      .replace(/[‘’‚‛′´`]/g, "'").replace(/[“”„‟″«»]/g, '"').replace(/[‐-―−﹘﹣－]/g, "-")
      .toLowerCase().replace(/\s+/g, " ").trim();
  }

  // True when one letter is wrong, missing, extra or swapped with its neighbour.
  function oneEditApart(typed, meant) {
    if (typed === meant || Math.abs(typed.length - meant.length) > 1) return false;
    var i = 0;
    while (i < typed.length && typed[i] === meant[i]) i++;
    var rest = function (a, b) { return typed.slice(a) === meant.slice(b); };
    return rest(i + 1, i + 1) || rest(i + 1, i) || rest(i, i + 1) ||
      (typed[i] === meant[i + 1] && typed[i + 1] === meant[i] && rest(i + 2, i + 2));
  }

  // A typo is forgiven only in answers long enough that one letter does not make
  // another word ("ja" and "je").
  var TYPO_MIN_LENGTH = 4;

  /* "right", "close" (one letter off, when the quiz allows typos) or "wrong". */
  function judgeGap(gap, typed, typos) {
    var value = normalise(typed || "");
    if (gap.answers.indexOf(value) !== -1) return "right";
    var close = typos && gap.answers.some(function (answer) {
      return answer.length >= TYPO_MIN_LENGTH && oneEditApart(value, answer);
    });
    return close ? "close" : "wrong";
  }

  /* The author's spelling of the answer a nearly right gap meant. */
  function meantAnswer(gap, typed) {
    var value = normalise(typed || "");
    for (var i = 0; i < gap.answers.length; i++) {
      if (oneEditApart(value, gap.answers[i])) return gap.written[i];
    }
    return gap.written[0];
  }

  /* The chosen options' values against [{value, correct}]: {right, total, wrong}. */
  function gradeOptions(options, answer) {
    var right = 0, wrong = 0, total = 0;
    options.forEach(function (option) {
      var chosen = answer.indexOf(option.value) !== -1;
      if (option.correct) total++;
      if (chosen && option.correct) right++;
      if (chosen && !option.correct) wrong++;
    });
    return { right: right, total: total, wrong: wrong };
  }

  /* Every gap's verdict and the counts: {right, total, wrong, verdicts}; a nearly right
     gap ("close") counts as right. */
  function gradeGaps(gaps, answer, typos) {
    var verdicts = gaps.map(function (gap, index) { return judgeGap(gap, answer[index], typos); });
    var right = verdicts.filter(function (verdict) { return verdict !== "wrong"; }).length;
    return { right: right, total: gaps.length, wrong: gaps.length - right, verdicts: verdicts };
  }

  return {
    normalise: normalise, oneEditApart: oneEditApart, judgeGap: judgeGap,
    meantAnswer: meantAnswer, gradeOptions: gradeOptions, gradeGaps: gradeGaps
  };
});

(function () {
  "use strict";

  var L = typeof window === "object" && window.leerpad; // none under Node: grading only
  if (!L) return;
  var storage = L.storage, all = L.all, element = L.element;

  var TEXT = /* leerpad:text */ {
    "nl": {
      "right": "Goed!",
      "wrong": "Nog niet goed. Lees de feedback en probeer het opnieuw.",
      "partial": "Nog niet helemaal: je koos {right} van de {total} juiste antwoorden{extra}.",
      "extra": " en {wrong} onjuist",
      "gaps": "Nog niet goed: {right} van {total:# veld|# velden} goed.",
      "rightSpelling": "Goed! Let wel op de spelling: {words}.",
      "choose": "Kies eerst een antwoord.",
      "fill": "Vul eerst {total:het veld|alle velden} in.",
      "revealed": "Het juiste antwoord en de uitleg staan hieronder.",
      "score": "Op deze pagina: {right} van {total:# vraag|# vragen} goed",
      "scoreBefore": "Op deze pagina staan {total:# vraag|# vragen}.",
      "markRight": "Juist",
      "markWrong": "Onjuist",
      "markClose": "Bijna goed, let op de spelling",
      "markMissed": "Ook juist",
      "markAnswer": "Juist antwoord",
      "check": "Controleer",
      "done": "Goed beantwoord",
      "retry": "Probeer opnieuw",
      "reveal": "Toon het antwoord"
    },
    "en": {
      "right": "Correct!",
      "wrong": "Not quite. Read the feedback and try again.",
      "partial": "Not quite: you chose {right} of the {total} correct answers{extra}.",
      "extra": " and {wrong} incorrect",
      "gaps": "Not quite: {right} of {total:# blank|# blanks} right.",
      "rightSpelling": "Correct! Mind the spelling: {words}.",
      "choose": "Choose an answer first.",
      "fill": "Fill in {total:the blank|every blank} first.",
      "revealed": "The correct answer and the explanation are below.",
      "score": "On this page: {right} of {total:# question|# questions} correct",
      "scoreBefore": "This page has {total:# question|# questions}.",
      "markRight": "Correct",
      "markWrong": "Incorrect",
      "markClose": "Almost, mind the spelling",
      "markMissed": "Also correct",
      "markAnswer": "Correct answer",
      "check": "Check",
      "done": "Answered correctly",
      "retry": "Try again",
      "reveal": "Show the answer"
    }
  };

  var text = L.translator(TEXT);

  /* ---- Quiz ------------------------------------------------------------------- */

  var grading = window.leerpadGrading;
  var normalise = grading.normalise, judgeGap = grading.judgeGap, meantAnswer = grading.meantAnswer;

  /* Whether the node's text starts with the word ``word`` ("Juist." starts with "Juist"). */
  function opensWith(node, word) {
    return normalise(node.textContent).split(/[^a-z]/)[0] === normalise(word);
  }

  function seededOrder(count, seed) {
    var hash = 2166136261;
    for (var i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 16777619);
    var order = [];
    for (var n = 0; n < count; n++) order.push(n);
    for (var k = count - 1; k > 0; k--) {
      hash = Math.imul(hash ^ (hash >>> 15), 2246822507) >>> 0;
      var j = hash % (k + 1);
      var swap = order[k]; order[k] = order[j]; order[j] = swap;
    }
    return order;
  }

  function button(action, style) {
    var node = element("button", "leerpad-button" + style, text(action));
    node.type = "button";
    return node;
  }

  function Quiz(root) {
    var self = this;
    this.root = root;
    this.id = root.getAttribute("data-leerpad-quiz");
    this.version = root.getAttribute("data-leerpad-version");
    this.kind = root.getAttribute("data-leerpad-kind");
    this.answer = root.querySelector(".leerpad-quiz__answer");
    var fieldset = root.querySelector(".leerpad-quiz__fieldset");
    var actions = fieldset.appendChild(element("div", "leerpad-quiz__actions"));
    var checkButton = this.checkButton =
      actions.appendChild(button("check", " leerpad-button--primary"));
    this.typos = Number(root.getAttribute("data-leerpad-typos") || 0);
    this.retryButton = actions.appendChild(button("retry", ""));
    this.revealButton = actions.appendChild(button("reveal", ""));
    this.retryButton.hidden = this.revealButton.hidden = true;
    this.status = fieldset.appendChild(element("p", "leerpad-quiz__status"));
    this.status.setAttribute("role", "status");
    this.status.setAttribute("aria-live", "polite");
    var keys = all(this.answer, ".leerpad-quiz__key-item");
    this.options = all(root, ".leerpad-quiz__option").map(function (item, index) {
      var feedback = keys[index] && keys[index].querySelector(".leerpad-quiz__feedback");
      var copy = feedback ? feedback.cloneNode(true) : element("div", "leerpad-quiz__feedback");
      var mark = element("span", "leerpad-quiz__mark");
      copy.hidden = mark.hidden = true;
      item.querySelector("label").appendChild(mark);
      item.appendChild(copy);
      return {
        item: item,
        input: item.querySelector("input"),
        correct: keys[index].getAttribute("data-correct") === "true",
        feedback: copy,
        mark: mark
      };
    });
    this.gaps = all(root, ".leerpad-quiz__gap").map(function (input, index) {
      var mark = element("span", "leerpad-quiz__mark");
      mark.hidden = true;
      input.insertAdjacentElement("afterend", mark);
      var answers = JSON.parse(keys[index].getAttribute("data-answers") || "[]");
      return { input: input, mark: mark, written: answers, answers: answers.map(normalise) };
    });
    var explanation = this.answer.querySelector(".leerpad-quiz__explanation");
    this.explanation = explanation ? explanation.cloneNode(true) : null;
    if (this.explanation) {
      this.explanation.hidden = true;
      this.status.insertAdjacentElement("afterend", this.explanation);
    }
    this.answer.hidden = true;
    if (root.hasAttribute("data-leerpad-shuffle")) this.shuffle();

    checkButton.addEventListener("click", function () { self.check(); });
    this.retryButton.addEventListener("click", function () { self.retry(); });
    this.revealButton.addEventListener("click", function () { self.reveal(); });
    root.addEventListener("change", function () { self.clearMarks(); });
    this.gaps.forEach(function (gap) {
      gap.input.addEventListener("input", function () { self.clearMarks(); });
      gap.input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          self.check();
        }
      });
    });
    this.state = storage.get(this.id, "quiz", this.version) || { answer: [], checked: false };
    this.restore();
  }

  Quiz.prototype.shuffle = function () {
    var seed = storage.learner("seed", function () {
      return Math.random().toString(36).slice(2);
    });
    var list = this.root.querySelector(".leerpad-quiz__options");
    var items = this.options;
    seededOrder(items.length, seed + this.id).forEach(function (index) {
      list.appendChild(items[index].item);
    });
  };

  Quiz.prototype.currentAnswer = function () {
    if (this.gaps.length) return this.gaps.map(function (gap) { return gap.input.value; });
    return this.options.filter(function (o) { return o.input.checked; })
      .map(function (o) { return o.input.value; });
  };

  Quiz.prototype.grade = function (answer) {
    if (this.gaps.length) return grading.gradeGaps(this.gaps, answer, this.typos);
    return grading.gradeOptions(this.options.map(function (option) {
      return { value: option.input.value, correct: option.correct };
    }), answer);
  };

  Quiz.prototype.check = function () {
    var answer = this.currentAnswer();
    var empty = this.gaps.length
      ? answer.some(function (value) { return !value.trim(); })
      : !answer.length;
    if (empty) {
      this.status.textContent = text(this.gaps.length ? "fill" : "choose",
        { total: this.gaps.length });
      return;
    }
    var grade = this.grade(answer);
    var correct = grade.right === grade.total && grade.wrong === 0;
    this.state = {
      answer: answer,
      checked: true,
      correct: correct,
      solved: Boolean(this.state.solved || correct),
      revealed: Boolean(this.state.revealed)
    };
    storage.set(this.id, "quiz", this.version, this.state);
    this.show(grade);
    updateScore();
    L.changed(this.root);
  };

  Quiz.prototype.show = function (grade) {
    var state = this.state;
    var correct = state.correct;
    // "Ook juist" only beside another right option the learner chose.
    var missedMark = text(this.kind === "multiple" && grade.right ? "markMissed" : "markAnswer");
    this.options.forEach(function (option) {
      var chosen = state.answer.indexOf(option.input.value) !== -1;
      var missed = !chosen && option.correct && state.revealed;
      var shown = chosen || missed;
      var hasFeedback = Boolean(option.feedback.textContent.trim());
      var mark = missed ? missedMark : text(option.correct ? "markRight" : "markWrong");
      option.item.classList.toggle("is-right", chosen && option.correct);
      option.item.classList.toggle("is-wrong", chosen && !option.correct);
      option.item.classList.toggle("is-missed", missed);
      // Feedback that opens with the verdict ("Juist. Zonder ...") says it already.
      option.mark.hidden = !shown || (hasFeedback && opensWith(option.feedback, mark));
      option.mark.textContent = mark;
      option.feedback.hidden = !shown || !hasFeedback;
    });
    var misspelt = [];
    this.gaps.forEach(function (gap, index) {
      var verdict = grade.verdicts[index];
      gap.input.classList.toggle("is-right", verdict !== "wrong");
      gap.input.classList.toggle("is-close", verdict === "close");
      gap.input.classList.toggle("is-wrong", verdict === "wrong");
      gap.input.setAttribute("aria-invalid", verdict === "wrong" ? "true" : "false");
      gap.mark.hidden = false;
      gap.mark.textContent = text({ right: "markRight", close: "markClose", wrong: "markWrong" }[verdict]);
      if (verdict === "close") misspelt.push(meantAnswer(gap, state.answer[index]));
    });
    this.checkButton.textContent = text(correct ? "done" : "check");
    this.checkButton.classList.toggle("is-done", correct);
    if (correct && misspelt.length) {
      this.status.textContent = text("rightSpelling", { words: misspelt.join(", ") });
    } else if (correct) {
      this.status.textContent = text("right");
    } else if (this.gaps.length) {
      this.status.textContent = text("gaps", grade);
    } else if (this.kind === "multiple") {
      var extra = grade.wrong ? text("extra", grade) : "";
      this.status.textContent = text("partial", { right: grade.right, total: grade.total, extra: extra });
    } else {
      this.status.textContent = text("wrong");
    }
    this.status.classList.toggle("is-right", correct);
    if (this.explanation) this.explanation.hidden = !correct;
    this.answer.hidden = !state.revealed;
    this.retryButton.hidden = false;
    this.revealButton.hidden = correct || state.revealed;
  };

  Quiz.prototype.clearMarks = function () {
    if (!this.state.checked) return;
    this.checkButton.textContent = text("check");
    this.checkButton.classList.remove("is-done");
    this.state = { answer: [], checked: false, solved: this.state.solved, revealed: false };
    this.options.forEach(function (option) {
      option.item.classList.remove("is-right", "is-wrong", "is-missed");
      option.mark.hidden = option.feedback.hidden = true;
    });
    this.gaps.forEach(function (gap) {
      gap.input.classList.remove("is-right", "is-close", "is-wrong");
      gap.input.removeAttribute("aria-invalid");
      gap.mark.hidden = true;
    });
    this.status.textContent = "";
    this.status.classList.remove("is-right");
    if (this.explanation) this.explanation.hidden = true;
    this.answer.hidden = true;
    this.revealButton.hidden = true;
  };

  Quiz.prototype.retry = function () {
    this.clearMarks();
    this.options.forEach(function (option) { option.input.checked = false; });
    this.gaps.forEach(function (gap) { gap.input.value = ""; });
    this.state = { answer: [], checked: false, solved: Boolean(this.state.solved) };
    storage.set(this.id, "quiz", this.version, this.state);
    this.retryButton.hidden = true;
    var first = this.gaps.length ? this.gaps[0].input : this.options[0] && this.options[0].input;
    if (first) first.focus();
    updateScore();
  };

  Quiz.prototype.reveal = function () {
    this.state.revealed = true;
    storage.set(this.id, "quiz", this.version, this.state);
    this.show(this.grade(this.state.answer));
    this.answer.open = true;
    this.status.textContent = text("revealed");
  };

  Quiz.prototype.restore = function () {
    var answer = Array.isArray(this.state.answer) ? this.state.answer : [];
    this.state.answer = answer.map(String);
    var self = this;
    this.options.forEach(function (option) {
      option.input.checked = self.state.answer.indexOf(option.input.value) !== -1;
    });
    this.gaps.forEach(function (gap, index) { gap.input.value = self.state.answer[index] || ""; });
    if (this.state.checked) this.show(this.grade(this.state.answer));
  };


  // Another tab saved this quiz: show what it stored.
  Quiz.prototype.follow = function () {
    var state = storage.get(this.id, "quiz", this.version);
    if (!state || JSON.stringify(state) === JSON.stringify(this.state)) return;
    this.clearMarks();
    this.state = state;
    this.restore();
    updateScore();
  };


  // "3 van 4 goed": a summary after the last quiz of a page with two or more.
  var quizzes = [];

  function updateScore() {
    var present = quizzes.filter(function (quiz) { return quiz.root.isConnected; });
    if (present.length < 2) return;
    var last = present[present.length - 1].root;
    var score = last.nextElementSibling;
    if (!score || !score.classList.contains("leerpad-score")) {
      score = element("p", "leerpad-score");
      score.setAttribute("role", "status");
      last.insertAdjacentElement("afterend", score);
    }
    var right = present.filter(function (quiz) { return quiz.state.checked && quiz.state.correct; });
    // Before the first answer, "0 van 4 goed" would read as a failure: just say how many.
    var started = present.some(function (quiz) { return quiz.state.checked || quiz.state.solved; });
    score.classList.toggle("is-started", started);
    score.textContent = text(started ? "score" : "scoreBefore",
      { right: right.length, total: present.length });
  }

  L.define("quiz", Quiz, {
    onPage: function (started) {
      quizzes = started;
      updateScore();
    }
  });
})();
