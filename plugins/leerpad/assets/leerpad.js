/* leerpad: the learner's side of the widgets. Plain JavaScript, no dependencies.
   Everything a learner does stays in this browser (localStorage, or memory when that is
   not available). Text from learners or storage only ever goes in via textContent. */
(function () {
  "use strict";

  var KEY = "leerpad:v1";
  var TEXT = {
    nl: {
      right: "Goed!",
      wrong: "Nog niet goed. Lees de feedback en probeer het opnieuw.",
      partial: "Nog niet helemaal: je koos {right} van de {total} juiste antwoorden{extra}.",
      extra: " en {wrong} onjuist",
      gaps: "Nog niet goed: {right} van de {total} velden kloppen.",
      choose: "Kies eerst een antwoord.",
      fill: "Vul eerst alle velden in.",
      revealed: "Het juiste antwoord en de uitleg staan hieronder.",
      score: "Op deze pagina: {right} van {total} vragen goed",
      notKept: "Je browser laat deze site niets bewaren. Je antwoorden blijven alleen zolang je deze site open hebt.",
      markRight: "Juist",
      markWrong: "Onjuist",
      markMissed: "Ook juist",
      saved: "Bewaard in je browser om {time}.",
      savedBefore: "Je eerdere tekst staat hierboven; wijzigingen worden vanzelf bewaard.",
      typing: "Je tekst wordt bewaard zodra je even stopt met typen.",
      memoryOnly: "Je tekst staat alleen in dit venster: je browser laat niets bewaren.",
      left: "Nog {left} van de {total} uitspraken te gaan.",
      complete: "Alle {total} uitspraken beantwoord. Je uitslag staat hieronder.",
      resultTitle: "Je uitslag",
      caption: "Je score per thema, in procent",
      theme: "Thema",
      scoreColumn: "Score",
      printResult: "Druk je uitslag af",
      confirmReset: "Wil je al je antwoorden op deze zelftest wissen?",
      shareTitle: "Deel je uitslag anoniem met je team",
      shareHelp: "Deze code bevat alleen je antwoorden: geen naam en geen tekst. Geef hem aan wie de teamscan doet.",
      codeLabel: "Jouw uitslagcode",
      copy: "Kopieer de code",
      copied: "De code staat op je klembord.",
      copyFailed: "Kopiëren lukte niet: selecteer de code en kopieer hem zelf.",
      openScan: "Open de teamscan met deze code",
      codeBroken: "onvolledig of beschadigd",
      codeChecksum: "het controlegetal klopt niet: de code is veranderd of verkeerd overgenomen",
      codeOther: "hoort bij een andere zelftest",
      codeVersion: "hoort bij een andere versie van de vragenlijst",
      codeDuplicate: "dubbel: deze code staat er al",
      codeOk: "telt mee",
      codeLine: "Code {n} ({start}…): {verdict}.",
      scanCount: "{valid} van de {total} codes tellen mee.",
      scanNone: "Plak eerst minstens één geldige code.",
      scanFew: "Met minder dan drie codes is de uitslag niet anoniem: wie meedeed, is te herleiden.",
      scanTitle: "Teamuitslag van {count} teamleden",
      scanCaption: "Score van het team per thema, in procent",
      average: "Gemiddeld",
      lowest: "Laagste",
      highest: "Hoogste",
      divided: "Hier verschilt het team het meest van mening: {label} (van {low}% tot {high}%).",
      markedDone: "Je hebt deze module afgerond.",
      doneByQuizzes: "Alle vragen goed beantwoord: je hebt deze module afgerond.",
      undoDone: "Toch nog niet afgerond",
      stateNew: "nog niet begonnen",
      stateStarted: "bezig",
      stateDone: "afgerond",
      courseProgress: "{done} van {total} modules afgerond",
      navDone: " (afgerond)"
    },
    en: {
      right: "Correct!",
      wrong: "Not quite. Read the feedback and try again.",
      partial: "Not quite: you chose {right} of the {total} correct answers{extra}.",
      extra: " and {wrong} incorrect",
      gaps: "Not quite: {right} of the {total} blanks are right.",
      choose: "Choose an answer first.",
      fill: "Fill in every blank first.",
      revealed: "The correct answer and the explanation are below.",
      score: "On this page: {right} of {total} questions correct",
      notKept: "Your browser does not let this site store anything. Your answers last only while the site is open.",
      markRight: "Correct",
      markWrong: "Incorrect",
      markMissed: "Also correct",
      saved: "Saved in your browser at {time}.",
      savedBefore: "Your earlier text is above; changes are saved as you go.",
      typing: "Your text is saved as soon as you pause typing.",
      memoryOnly: "Your text lives only in this window: your browser does not let us store it.",
      left: "{left} of {total} statements to go.",
      complete: "All {total} statements answered. Your result is below.",
      resultTitle: "Your result",
      caption: "Your score per theme, in percent",
      theme: "Theme",
      scoreColumn: "Score",
      printResult: "Print your result",
      confirmReset: "Do you want to clear all your answers to this self-assessment?",
      shareTitle: "Share your result anonymously with your team",
      shareHelp: "This code holds only your answers: no name and no text. Give it to whoever runs the team scan.",
      codeLabel: "Your result code",
      copy: "Copy the code",
      copied: "The code is on your clipboard.",
      copyFailed: "Copying did not work: select the code and copy it yourself.",
      openScan: "Open the team scan with this code",
      codeBroken: "incomplete or damaged",
      codeChecksum: "the check number does not match: the code was changed or mistyped",
      codeOther: "belongs to another self-assessment",
      codeVersion: "belongs to another version of the questionnaire",
      codeDuplicate: "duplicate: this code is already there",
      codeOk: "counts",
      codeLine: "Code {n} ({start}…): {verdict}.",
      scanCount: "{valid} of the {total} codes count.",
      scanNone: "Paste at least one valid code first.",
      scanFew: "With fewer than three codes the result is not anonymous: who took part can be traced.",
      scanTitle: "Team result of {count} members",
      scanCaption: "The team's score per theme, in percent",
      average: "Average",
      lowest: "Lowest",
      highest: "Highest",
      divided: "This is where the team differs most: {label} (from {low}% to {high}%).",
      markedDone: "You have completed this module.",
      doneByQuizzes: "Every question answered correctly: you have completed this module.",
      undoDone: "Not done after all",
      stateNew: "not started",
      stateStarted: "in progress",
      stateDone: "done",
      courseProgress: "{done} of {total} modules done",
      navDone: " (done)"
    }
  };

  // A lookup in a {nl: {...}, en: {...}} dictionary, in the page's language, with
  // {placeholders} filled in. leerpad-progress.js makes its own with the same function.
  function translator(dictionary) {
    return function (key, values) {
      var lang = (document.documentElement.lang || "en").slice(0, 2).toLowerCase();
      var template = (dictionary[lang] || dictionary.en)[key];
      return template.replace(/\{(\w+)\}/g, function (_, name) {
        return values && name in values ? String(values[name]) : "";
      });
    };
  }

  var text = translator(TEXT);

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  /* ---- Storage: one versioned key; survives corrupt data, a throwing or full store. */

  var storage = (function () {
    var memory = fresh();
    var persistent = true;

    function fresh() {
      return { version: 1, widgets: {}, learner: {} };
    }

    function valid(data) {
      return data && data.version === 1 && typeof data.widgets === "object" &&
        data.widgets !== null && !Array.isArray(data.widgets);
    }

    function read() {
      if (!persistent) return memory;
      var raw;
      try {
        raw = window.localStorage.getItem(KEY);
      } catch (error) {
        persistent = false;
        return memory;
      }
      if (raw === null) return fresh();
      try {
        var data = JSON.parse(raw);
        if (valid(data)) {
          if (typeof data.learner !== "object" || data.learner === null) data.learner = {};
          return data;
        }
      } catch (error) { /* unreadable: set aside below */ }
      // Keep what we could not read under another key rather than overwrite it.
      try {
        window.localStorage.setItem(KEY + ":onleesbaar:" + Date.now(), raw);
        window.localStorage.removeItem(KEY);
      } catch (error) { /* nothing more we can do */ }
      return fresh();
    }

    function write(data) {
      memory = data;
      if (!persistent) return;
      try {
        window.localStorage.setItem(KEY, JSON.stringify(data));
      } catch (error) {
        persistent = false; // full or blocked: carry on in memory
      }
    }

    return {
      get: function (id, version) {
        var entry = read().widgets[id];
        return entry && entry.v === version && entry.s && typeof entry.s === "object" ? entry.s : null;
      },
      set: function (id, version, state) {
        var data = read();
        data.widgets[id] = { v: version, s: state, t: new Date().toISOString() };
        write(data);
      },
      learner: function (name, make) {
        var data = read();
        if (!(name in data.learner)) {
          data.learner[name] = make();
          write(data);
        }
        return data.learner[name];
      },
      persistent: function () {
        read();
        return persistent;
      },
      snapshot: function () {
        return JSON.parse(JSON.stringify(read()));
      },
      replace: function (data) {
        write(data);
      },
      forget: function (shouldForget) {
        var data = read();
        Object.keys(data.widgets).forEach(function (key) {
          if (shouldForget(key)) delete data.widgets[key];
        });
        write(data);
      },
      setLearner: function (name, value) {
        var data = read();
        data.learner[name] = value;
        write(data);
      }
    };
  })();

  /* ---- Quiz ------------------------------------------------------------------- */

  function normalise(value) {
    return String(value).normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/\s+/g, " ").trim();
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

  function Quiz(root) {
    var self = this;
    this.root = root;
    this.id = root.getAttribute("data-leerpad-quiz");
    this.version = root.getAttribute("data-leerpad-version");
    this.kind = root.getAttribute("data-leerpad-kind");
    this.answer = root.querySelector(".leerpad-quiz__answer");
    this.status = root.querySelector(".leerpad-quiz__status");
    var keys = all(this.answer, "[data-leerpad-key]");
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
      return { input: input, mark: mark, answers: answers.map(normalise) };
    });
    var explanation = this.answer.querySelector(".leerpad-quiz__explanation");
    this.explanation = explanation ? explanation.cloneNode(true) : null;
    if (this.explanation) {
      this.explanation.hidden = true;
      this.status.insertAdjacentElement("afterend", this.explanation);
    }
    this.answer.hidden = true;
    var actions = root.querySelector(".leerpad-quiz__actions");
    this.retryButton = actions.querySelector("[data-leerpad-retry]");
    this.revealButton = actions.querySelector("[data-leerpad-reveal]");
    actions.hidden = false;
    if (root.hasAttribute("data-leerpad-shuffle")) this.shuffle();

    actions.querySelector("[data-leerpad-check]").addEventListener("click", function () {
      self.check();
    });
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
    this.state = storage.get(this.id, this.version) || { answer: [], checked: false };
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
    if (this.gaps.length) {
      var rightGaps = this.gaps.filter(function (gap, index) {
        return gap.answers.indexOf(normalise(answer[index] || "")) !== -1;
      }).length;
      return { right: rightGaps, total: this.gaps.length, wrong: this.gaps.length - rightGaps };
    }
    var right = 0, wrong = 0, total = 0;
    this.options.forEach(function (option) {
      var chosen = answer.indexOf(option.input.value) !== -1;
      if (option.correct) total++;
      if (chosen && option.correct) right++;
      if (chosen && !option.correct) wrong++;
    });
    return { right: right, total: total, wrong: wrong };
  };

  Quiz.prototype.check = function () {
    var answer = this.currentAnswer();
    var empty = this.gaps.length
      ? answer.some(function (value) { return !value.trim(); })
      : !answer.length;
    if (empty) {
      this.status.textContent = text(this.gaps.length ? "fill" : "choose");
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
    storage.set(this.id, this.version, this.state);
    this.show(grade);
    updateScore();
    if (completion) completion.checkQuizzes();
    noticeIfNotKept(this.root);
  };

  Quiz.prototype.show = function (grade) {
    var state = this.state;
    var correct = state.correct;
    this.options.forEach(function (option) {
      var chosen = state.answer.indexOf(option.input.value) !== -1;
      var missed = !chosen && option.correct && state.revealed;
      option.item.classList.toggle("is-right", chosen && option.correct);
      option.item.classList.toggle("is-wrong", chosen && !option.correct);
      option.item.classList.toggle("is-missed", missed);
      option.mark.hidden = !(chosen || missed);
      option.mark.textContent = missed ? text("markMissed")
        : text(option.correct ? "markRight" : "markWrong");
      option.feedback.hidden = !(chosen || missed) || !option.feedback.textContent.trim();
    });
    this.gaps.forEach(function (gap, index) {
      var right = gap.answers.indexOf(normalise(state.answer[index] || "")) !== -1;
      gap.input.classList.toggle("is-right", right);
      gap.input.classList.toggle("is-wrong", !right);
      gap.input.setAttribute("aria-invalid", right ? "false" : "true");
      gap.mark.hidden = false;
      gap.mark.textContent = text(right ? "markRight" : "markWrong");
    });
    if (correct) {
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
    this.state = { answer: [], checked: false, solved: this.state.solved, revealed: false };
    this.options.forEach(function (option) {
      option.item.classList.remove("is-right", "is-wrong", "is-missed");
      option.mark.hidden = option.feedback.hidden = true;
    });
    this.gaps.forEach(function (gap) {
      gap.input.classList.remove("is-right", "is-wrong");
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
    storage.set(this.id, this.version, this.state);
    this.retryButton.hidden = true;
    var first = this.gaps.length ? this.gaps[0].input : this.options[0] && this.options[0].input;
    if (first) first.focus();
    updateScore();
  };

  Quiz.prototype.reveal = function () {
    this.state.revealed = true;
    storage.set(this.id, this.version, this.state);
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

  /* ---- Reflection: saved as the learner types (after a pause), never shown as HTML -- */

  var REFLECTION_VERSION = "tekst"; // not the content hash: editing a prompt keeps the text
  var pendingReflections = [];

  function Reflection(root) {
    var self = this;
    this.id = root.getAttribute("data-leerpad-reflection");
    this.area = root.querySelector("textarea");
    this.status = root.querySelector(".leerpad-reflection__saved");
    this.prompt = root.querySelector(".leerpad-reflection__text").textContent;
    this.timer = null;
    var state = storage.get(this.id, REFLECTION_VERSION);
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
    storage.set(this.id, REFLECTION_VERSION, {
      text: this.area.value,
      prompt: this.prompt,
      page: location.pathname,
      title: heading ? heading.textContent : document.title
    });
    var time = new Date().toLocaleTimeString(document.documentElement.lang || undefined,
      { hour: "2-digit", minute: "2-digit" });
    this.status.textContent = storage.persistent() ? text("saved", { time: time }) : text("memoryOnly");
  };

  function flushReflections() {
    pendingReflections.splice(0).forEach(function (reflection) { reflection.flush(); });
  }

  // Leaving or hiding the page must not lose the last words typed.
  window.addEventListener("pagehide", flushReflections);
  document.addEventListener("visibilitychange", flushReflections);

  /* ---- Self-assessment: the one home of the scoring rules ------------------------ */

  // An answer scores 0 for the first label up to top for the last (mirrored for reversed
  // statements). A percentage is points over maximum, rounded half up, in whole numbers:
  // floor((200 p + m) / 2m) is exactly that, without floating-point surprises.
  function percent(points, max) {
    return max ? Math.floor((200 * points + max) / (2 * max)) : 0;
  }

  function scoreAssessment(items, answers, top) {
    var totals = {};
    var all = { points: 0, max: 0 };
    items.forEach(function (item, index) {
      var value = answers[index + 1];
      var points = item.reverse ? top - value : value;
      var sum = totals[item.dimension] || (totals[item.dimension] = { points: 0, max: 0 });
      sum.points += points;
      sum.max += top;
      all.points += points;
      all.max += top;
    });
    var result = { overall: percent(all.points, all.max), dimensions: {} };
    Object.keys(totals).forEach(function (key) {
      result.dimensions[key] = percent(totals[key].points, totals[key].max);
    });
    return result;
  }

  /* Result codes: "<assessment id>.<version>.<one digit per answer>.<check>". No name, no
     free text; the check number catches typing errors and tampering by hand. */

  function checksum(value) {
    var hash = 2166136261;
    for (var i = 0; i < value.length; i++) hash = Math.imul(hash ^ value.charCodeAt(i), 16777619);
    return (hash >>> 0).toString(36);
  }

  function resultCode(id, version, answers, count) {
    var digits = "";
    for (var n = 1; n <= count; n++) digits += String(answers[n]);
    var body = [id, version.slice(0, 6), digits].join(".");
    return body + "." + checksum(body);
  }

  function readCode(code, id, version, count, top) {
    var parts = code.split(".");
    if (parts.length !== 4 || !/^[0-9]+$/.test(parts[2])) return { error: "codeBroken" };
    if (checksum(parts.slice(0, 3).join(".")) !== parts[3]) return { error: "codeChecksum" };
    if (parts[0] !== id) return { error: "codeOther" };
    if (parts[1] !== version.slice(0, 6)) return { error: "codeVersion" };
    var digits = parts[2].split("").map(Number);
    if (digits.length !== count || digits.some(function (d) { return d > top; })) {
      return { error: "codeBroken" };
    }
    var answers = {};
    digits.forEach(function (digit, index) { answers[index + 1] = digit; });
    return { answers: answers };
  }

  var SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attributes, content) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function barChart(rows) {
    var height = 30;
    var chart = svg("svg", {
      class: "leerpad-chart", viewBox: "0 0 420 " + (rows.length * height + 6),
      "aria-hidden": "true", focusable: "false"
    });
    rows.forEach(function (row, index) {
      var y = index * height + 4;
      var group = svg("g", { class: row.overall ? "leerpad-chart__row is-overall" : "leerpad-chart__row" });
      group.appendChild(svg("text", { x: 138, y: y + 17, "text-anchor": "end" }, row.label));
      group.appendChild(svg("rect", { class: "leerpad-chart__track", x: 146, y: y + 3, width: 220, height: 20, rx: 2 }));
      group.appendChild(svg("rect", { class: "leerpad-chart__bar", x: 146, y: y + 3, width: 2.2 * row.percent, height: 20, rx: 2 }));
      group.appendChild(svg("text", { x: 374, y: y + 17 }, row.percent + "%"));
      chart.appendChild(group);
    });
    return chart;
  }

  function Assessment(root) {
    var self = this;
    this.root = root;
    this.id = root.getAttribute("data-leerpad-assessment");
    this.version = root.getAttribute("data-leerpad-version");
    this.labels = JSON.parse(root.getAttribute("data-leerpad-dimensions") || "{}");
    this.overallLabel = root.getAttribute("data-leerpad-overall");
    this.items = all(root, ".leerpad-assessment__item").map(function (item) {
      return {
        dimension: item.getAttribute("data-dimension"),
        reverse: item.hasAttribute("data-reverse"),
        inputs: all(item, "input")
      };
    });
    this.top = this.items.length ? this.items[0].inputs.length - 1 : 0;
    this.bands = all(root, ".leerpad-assessment__band").map(function (band) {
      return {
        element: band,
        dimension: band.getAttribute("data-dimension") || null,
        low: Number(band.getAttribute("data-low")),
        high: Number(band.getAttribute("data-high"))
      };
    });
    this.result = root.querySelector(".leerpad-assessment__result");
    this.progress = root.querySelector(".leerpad-assessment__progress");
    this.showButton = root.querySelector("[data-leerpad-result]");
    root.querySelector(".leerpad-assessment__actions").hidden = false;
    var saved = storage.get(this.id, this.version);
    this.answers = saved && saved.answers && typeof saved.answers === "object" ? saved.answers : {};
    this.items.forEach(function (item, index) {
      item.inputs.forEach(function (input) {
        input.checked = self.answers[index + 1] === Number(input.value);
      });
    });
    root.addEventListener("change", function (event) { self.answer(event.target); });
    this.showButton.addEventListener("click", function () { self.result.focus(); });
    root.querySelector("[data-leerpad-reset]").addEventListener("click", function () {
      self.reset();
    });
    this.update();
  }

  Assessment.prototype.answer = function (input) {
    var self = this;
    this.items.forEach(function (item, index) {
      if (item.inputs.indexOf(input) !== -1) self.answers[index + 1] = Number(input.value);
    });
    this.save();
    this.update();
  };

  Assessment.prototype.answeredCount = function () {
    var answers = this.answers;
    return this.items.filter(function (_, index) {
      var value = answers[index + 1];
      return typeof value === "number" && value >= 0;
    }).length;
  };

  Assessment.prototype.save = function () {
    var complete = this.answeredCount() === this.items.length;
    var state = { answers: this.answers, complete: complete };
    if (complete) state.overall = scoreAssessment(this.items, this.answers, this.top).overall;
    storage.set(this.id, this.version, state);
    noticeIfNotKept(this.root);
  };

  Assessment.prototype.update = function () {
    var total = this.items.length;
    var left = total - this.answeredCount();
    this.progress.textContent = left ? text("left", { left: left, total: total })
      : text("complete", { total: total });
    this.showButton.disabled = left > 0;
    this.result.hidden = left > 0;
    if (!left) this.render(scoreAssessment(this.items, this.answers, this.top));
  };

  Assessment.prototype.render = function (score) {
    var self = this;
    var rows = Object.keys(this.labels).map(function (key) {
      return { key: key, label: self.labels[key], percent: score.dimensions[key] || 0 };
    });
    rows.push({ key: null, label: this.overallLabel, percent: score.overall, overall: true });
    var share = this.result.querySelector(".leerpad-share");
    this.result.textContent = "";
    this.result.appendChild(element("p", "leerpad-assessment__result-title", text("resultTitle")));
    this.result.appendChild(this.table(rows));
    this.result.appendChild(barChart(rows));
    // The overall band first: it is the headline; the themes follow.
    rows.slice(-1).concat(rows.slice(0, -1)).forEach(function (row) {
      self.bands.forEach(function (band) {
        if (band.dimension === row.key && band.low <= row.percent && row.percent <= band.high) {
          var copy = band.element.cloneNode(true);
          copy.classList.add("is-match");
          self.result.appendChild(copy);
        }
      });
    });
    var root = this.root;
    var print = this.result.appendChild(element("button", "leerpad-button", text("printResult")));
    print.type = "button";
    print.addEventListener("click", function () { printOnly(root); });
    var code = resultCode(this.id, this.version, this.answers, this.items.length);
    this.result.appendChild(share && share.getAttribute("data-code") === code ? share
      : shareBox(code, this.root.getAttribute("data-leerpad-teamscan-url")));
  };

  function shareBox(code, scanUrl) {
    var box = element("div", "leerpad-share");
    box.setAttribute("data-code", code);
    box.appendChild(element("p", "leerpad-share__title", text("shareTitle")));
    box.appendChild(element("p", "leerpad-share__help", text("shareHelp")));
    var field = element("input", "leerpad-share__code");
    field.readOnly = true;
    field.value = code;
    field.setAttribute("aria-label", text("codeLabel"));
    box.appendChild(field);
    var copy = box.appendChild(element("button", "leerpad-button", text("copy")));
    copy.type = "button";
    var status = box.appendChild(element("p", "leerpad-share__status"));
    status.setAttribute("role", "status");
    copy.addEventListener("click", function () {
      var done = function () { status.textContent = text("copied"); };
      var failed = function () { field.select(); status.textContent = text("copyFailed"); };
      if (navigator.clipboard) navigator.clipboard.writeText(code).then(done, failed);
      else failed();
    });
    if (scanUrl) {
      var link = box.appendChild(element("a", "leerpad-share__link", text("openScan")));
      link.href = scanUrl + "#codes=" + encodeURIComponent(code);
    }
    return box;
  }

  Assessment.prototype.table = function (rows) {
    var table = element("table", "leerpad-assessment__table");
    table.appendChild(element("caption", "", text("caption")));
    var head = table.appendChild(document.createElement("thead")).appendChild(document.createElement("tr"));
    [text("theme"), text("scoreColumn")].forEach(function (title) {
      var cell = head.appendChild(element("th", "", title));
      cell.scope = "col";
    });
    var body = table.appendChild(document.createElement("tbody"));
    rows.forEach(function (row) {
      var line = body.appendChild(element("tr", row.overall ? "is-overall" : ""));
      line.appendChild(element("th", "", row.label)).scope = "row";
      line.appendChild(element("td", "", row.percent + "%"));
    });
    return table;
  };

  Assessment.prototype.reset = function () {
    if (!window.confirm(text("confirmReset"))) return;
    this.answers = {};
    this.items.forEach(function (item) {
      item.inputs.forEach(function (input) { input.checked = false; });
    });
    this.save();
    this.update();
    if (this.items.length) this.items[0].inputs[0].focus();
  };

  /* ---- Team scan: combine result codes, nothing leaves the browser ----------------- */

  function TeamScan(root) {
    var self = this;
    this.root = root;
    this.id = root.getAttribute("data-leerpad-teamscan");
    this.version = root.getAttribute("data-leerpad-version");
    this.labels = JSON.parse(root.getAttribute("data-leerpad-dimensions") || "{}");
    this.items = JSON.parse(root.getAttribute("data-leerpad-items") || "[]").map(function (item) {
      return { dimension: item[0], reverse: Boolean(item[1]) };
    });
    this.top = Number(root.getAttribute("data-leerpad-top"));
    this.overallLabel = root.getAttribute("data-leerpad-overall");
    this.codes = root.querySelector(".leerpad-teamscan__codes");
    this.report = root.querySelector(".leerpad-teamscan__report");
    this.result = root.querySelector(".leerpad-teamscan__result");
    this.bands = all(root.querySelector(".leerpad-teamscan__bands"), ".leerpad-assessment__band");
    root.querySelector(".leerpad-teamscan__nojs").hidden = true;
    root.querySelector(".leerpad-teamscan__form").hidden = false;
    root.querySelector("[data-leerpad-combine]").addEventListener("click", function () {
      self.combine();
    });
    var fragment = /(?:^#|&)codes=([^&]*)/.exec(location.hash);
    if (fragment) {
      this.codes.value = decodeURIComponent(fragment[1]).split(",").join("\n");
      this.combine();
    }
  }

  TeamScan.prototype.combine = function () {
    var self = this;
    var seen = {};
    var valid = [];
    var codes = this.codes.value.split(/[\s,]+/).filter(Boolean);
    this.report.textContent = "";
    var list = element("ul", "leerpad-teamscan__codes-report");
    codes.forEach(function (code, index) {
      var read = readCode(code, self.id, self.version, self.items.length, self.top);
      var verdict = read.error || (seen[code] ? "codeDuplicate" : "codeOk");
      if (!read.error && !seen[code]) valid.push(read.answers);
      seen[code] = true;
      var line = list.appendChild(element("li", verdict === "codeOk" ? "is-ok" : "is-rejected",
        text("codeLine", { n: index + 1, start: code.slice(0, 14), verdict: text(verdict) })));
      line.setAttribute("data-verdict", verdict);
    });
    this.report.appendChild(element("p", "", valid.length
      ? text("scanCount", { valid: valid.length, total: codes.length }) : text("scanNone")));
    this.report.appendChild(list);
    this.result.hidden = !valid.length;
    if (valid.length) this.render(valid);
  };

  TeamScan.prototype.render = function (answerSets) {
    var self = this;
    var scores = answerSets.map(function (answers) {
      return scoreAssessment(self.items, answers, self.top);
    });
    var keys = Object.keys(this.labels);
    var rows = keys.map(function (key) {
      return self.summary(key, self.labels[key], scores.map(function (s) { return s.dimensions[key]; }));
    });
    rows.push(this.summary(null, this.overallLabel, scores.map(function (s) { return s.overall; })));
    rows[rows.length - 1].overall = true;
    this.result.textContent = "";
    this.result.appendChild(element("p", "leerpad-assessment__result-title",
      text("scanTitle", { count: answerSets.length })));
    if (answerSets.length < 3) this.result.appendChild(element("p", "leerpad-teamscan__few", text("scanFew")));
    this.result.appendChild(this.table(rows));
    this.result.appendChild(barChart(rows));
    var divided = rows.slice(0, -1).sort(function (a, b) { return (b.high - b.low) - (a.high - a.low); })[0];
    if (divided && answerSets.length > 1) {
      this.result.appendChild(element("p", "leerpad-teamscan__divided", text("divided", divided)));
    }
    rows.slice(-1).concat(rows.slice(0, -1)).forEach(function (row) {
      self.bands.forEach(function (band) {
        var low = Number(band.getAttribute("data-low"));
        var high = Number(band.getAttribute("data-high"));
        if ((band.getAttribute("data-dimension") || null) === row.key && low <= row.percent && row.percent <= high) {
          var copy = band.cloneNode(true);
          copy.classList.add("is-match");
          self.result.appendChild(copy);
        }
      });
    });
    this.result.focus();
  };

  // The team's average of the members' percentages, rounded half up like every score.
  TeamScan.prototype.summary = function (key, label, values) {
    var sum = values.reduce(function (a, b) { return a + b; }, 0);
    return {
      key: key, label: label, percent: percent(sum, values.length * 100),
      low: Math.min.apply(null, values), high: Math.max.apply(null, values)
    };
  };

  TeamScan.prototype.table = function (rows) {
    var table = element("table", "leerpad-assessment__table");
    table.appendChild(element("caption", "", text("scanCaption")));
    var head = table.appendChild(document.createElement("thead")).appendChild(document.createElement("tr"));
    [text("theme"), text("average"), text("lowest"), text("highest")].forEach(function (title) {
      head.appendChild(element("th", "", title)).scope = "col";
    });
    var body = table.appendChild(document.createElement("tbody"));
    rows.forEach(function (row) {
      var line = body.appendChild(element("tr", row.overall ? "is-overall" : ""));
      line.appendChild(element("th", "", row.label)).scope = "row";
      [row.percent, row.low, row.high].forEach(function (value) {
        line.appendChild(element("td", "", value + "%"));
      });
    });
    return table;
  };

  /* ---- Course progress: modules started and done, course completion --------------- */

  var MODULE_VERSION = "module";

  function moduleState(id) {
    return storage.get("module:" + id, MODULE_VERSION) || {};
  }

  function saveModule(id, state) {
    storage.set("module:" + id, MODULE_VERSION, state);
  }

  function Completion(root) {
    var self = this;
    this.id = root.getAttribute("data-leerpad-complete");
    this.button = root.querySelector("[data-leerpad-mark-done]");
    this.status = root.querySelector(".leerpad-complete__status");
    this.label = this.button.textContent;
    var heading = document.querySelector(".md-content h1");
    var state = moduleState(this.id);
    state.started = state.started || new Date().toISOString();
    state.url = location.pathname;
    state.title = heading ? heading.textContent : document.title;
    saveModule(this.id, state);
    root.hidden = false;
    this.button.addEventListener("click", function () {
      self.mark(!moduleState(self.id).done, "markedDone");
    });
    this.show();
  }

  Completion.prototype.mark = function (done, message) {
    var state = moduleState(this.id);
    state.done = done ? new Date().toISOString() : null;
    state.reopened = !done; // the learner's own "not done after all" wins over the quizzes
    saveModule(this.id, state);
    this.show(message);
    markNavigation();
  };

  Completion.prototype.show = function (message) {
    var done = Boolean(moduleState(this.id).done);
    this.button.textContent = done ? text("undoDone") : this.label;
    this.status.textContent = done ? text(message || "markedDone") : "";
  };

  // A module with quizzes is done once every quiz on it has been answered right once.
  Completion.prototype.checkQuizzes = function () {
    var state = moduleState(this.id);
    if (!quizzes.length || state.done || state.reopened) return;
    var solved = quizzes.every(function (quiz) { return quiz.state.solved; });
    if (solved) this.mark(true, "doneByQuizzes");
  };

  var completion = null;

  function doneModules() {
    var widgets = storage.snapshot().widgets;
    return Object.keys(widgets).filter(function (key) {
      return key.indexOf("module:") === 0 && widgets[key].s && widgets[key].s.done;
    }).map(function (key) { return widgets[key].s; });
  }

  function markNavigation() {
    var urls = doneModules().map(function (state) { return state.url; });
    all(document, ".md-nav__link[href]").forEach(function (link) {
      var done = urls.indexOf(new URL(link.href, location.href).pathname) !== -1;
      var mark = link.querySelector(".leerpad-nav-done");
      link.classList.toggle("is-done", done);
      if (done && !mark) link.appendChild(element("span", "leerpad-nav-done", text("navDone")));
      if (!done && mark) mark.remove();
    });
  }

  function courseOverview(progress) {
    var course = progress.getAttribute("data-leerpad-course-progress");
    var items = all(document, ".leerpad-modules__item");
    var done = 0;
    items.forEach(function (item) {
      var state = moduleState(item.getAttribute("data-leerpad-module"));
      var label = state.done ? "stateDone" : state.started ? "stateStarted" : "stateNew";
      var badge = item.querySelector(".leerpad-modules__state");
      badge.textContent = " · " + text(label);
      badge.setAttribute("data-state", label);
      badge.hidden = false;
      if (state.done) done++;
    });
    progress.textContent = text("courseProgress", { done: done, total: items.length });
    progress.hidden = false;
    var finished = document.querySelector('[data-leerpad-finished="' + course + '"]');
    if (finished && items.length && done === items.length) certificate(finished, course);
  }

  function certificate(finished, course) {
    finished.hidden = false;
    var name = finished.querySelector(".leerpad-finished__name");
    var shown = finished.querySelector("[data-leerpad-certificate-name]");
    name.value = storage.learner("name", function () { return ""; });
    shown.textContent = name.value;
    name.addEventListener("input", function () {
      storage.setLearner("name", name.value);
      shown.textContent = name.value;
    });
    var last = doneModules().map(function (state) { return state.done; }).sort().pop();
    finished.querySelector("[data-leerpad-certificate-date]").textContent =
      new Date(last || Date.now()).toLocaleDateString(document.documentElement.lang || undefined,
        { day: "numeric", month: "long", year: "numeric" });
    finished.querySelector("[data-leerpad-print-certificate]").addEventListener("click", function () {
      printOnly(finished.querySelector(".leerpad-certificate"));
    });
  }

  // Print one part of the page (a certificate, a self-assessment's result) on its own.
  function printOnly(part) {
    part.classList.add("leerpad-print-target");
    document.documentElement.classList.add("leerpad-printing-part");
    window.print();
  }

  window.addEventListener("afterprint", function () {
    document.documentElement.classList.remove("leerpad-printing-part");
    all(document, ".leerpad-print-target").forEach(function (part) {
      part.classList.remove("leerpad-print-target");
    });
  });

  /* ---- Page: start-up, score summary, storage notice ---------------------------- */

  var quizzes = [];
  var instances = new WeakMap();

  function start(root, Widget) {
    if (!instances.has(root)) instances.set(root, new Widget(root));
    return instances.get(root);
  }

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
    score.textContent = text("score", { right: right.length, total: present.length });
  }

  function noticeIfNotKept(widget) {
    if (storage.persistent() || document.querySelector(".leerpad-notice")) return;
    var notice = element("p", "leerpad-notice", text("notKept"));
    notice.setAttribute("role", "status");
    widget.insertAdjacentElement("beforebegin", notice);
  }

  // Material's search dialog and loading bar have no accessible name; the bar is only
  // a visual cue while a page loads, so it is hidden from assistive technology.
  function nameMaterialWidgets() {
    var search = document.querySelector('.md-search[role="dialog"]:not([aria-label])');
    var input = document.querySelector(".md-search__input");
    if (search) search.setAttribute("aria-label", input && input.placeholder || "Search");
    var progress = document.querySelector('.md-progress[role="progressbar"]');
    if (progress) progress.setAttribute("aria-hidden", "true");
    // With section index pages, a section's <label> is only an icon: name the section's
    // navigation after its index link, so that every navigation landmark has a name.
    all(document, "nav.md-nav[aria-labelledby]").forEach(function (nav) {
      var label = document.getElementById(nav.getAttribute("aria-labelledby"));
      var link = nav.parentElement && nav.parentElement.querySelector(".md-nav__link");
      if (label && !label.textContent.trim() && link) {
        nav.removeAttribute("aria-labelledby");
        nav.setAttribute("aria-label", link.textContent.trim());
      }
    });
    all(document, "nav.md-nav--primary:not([aria-label]):not([aria-labelledby])").forEach(
      function (nav) { nav.setAttribute("aria-label", document.title.split(" - ").pop()); }
    );
    // Blog listings: each post's author links, and the post's metadata, by post title.
    all(document, "nav.md-post__authors:not([aria-label]), nav.md-post__action:not([aria-label])")
      .forEach(function (nav) {
      var post = nav.closest("article");
      var title = post && post.querySelector("h2");
        nav.setAttribute("aria-label", nav.textContent.trim().split(/\s+/).slice(0, 3).join(" ") +
          (title ? " · " + title.textContent.trim() : ""));
      });
    all(document, ".md-post__meta nav.md-nav:not([aria-label])").forEach(function (nav) {
      var label = nav.parentElement.querySelector(".md-nav__title, label");
      nav.setAttribute("aria-label", label ? label.textContent.trim() : "Metadata");
    });
  }

  // A page that needs more than every page does (the progress page) names its script;
  // it is loaded once, when the page first shows, also after an instant navigation.
  var loadedScripts = {};

  function loadPageScript() {
    var part = document.querySelector("[data-leerpad-script]");
    var src = part && part.getAttribute("data-leerpad-script");
    if (!src) return;
    var url = new URL(src, location.href).href;
    if (loadedScripts[url]) return;
    loadedScripts[url] = true;
    var script = document.createElement("script");
    script.src = url;
    document.head.appendChild(script);
  }

  function boot() {
    nameMaterialWidgets();
    flushReflections(); // text typed just before an instant navigation
    quizzes = all(document, "[data-leerpad-quiz]").map(function (root) {
      return start(root, Quiz);
    });
    all(document, "[data-leerpad-reflection]").forEach(function (root) {
      start(root, Reflection);
    });
    all(document, "[data-leerpad-assessment]").forEach(function (root) {
      start(root, Assessment);
    });
    all(document, "[data-leerpad-teamscan]").forEach(function (root) {
      start(root, TeamScan);
    });
    updateScore();
    loadPageScript();
    var end = document.querySelector("[data-leerpad-complete]");
    completion = end ? start(end, Completion) : null;
    if (completion) completion.checkQuizzes();
    var overview = document.querySelector("[data-leerpad-course-progress]");
    if (overview) courseOverview(overview);
    markNavigation();
    var first = document.querySelector(
      "[data-leerpad-quiz], [data-leerpad-reflection], [data-leerpad-assessment]"
    );
    if (first) noticeIfNotKept(first);
  }

  window.leerpad = {
    storage: storage, text: text, translator: translator, element: element, all: all,
    boot: boot, score: scoreAssessment
  };

  // Material's instant navigation swaps pages without reloading scripts: document$
  // emits for every page, so widgets start again on each one.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(boot);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", boot);
  } else {
    boot();
  }
})();
