/* leerpad: the learner's side, on every page: storage, course progress, and the loader
   that brings in a widget's script the first time a page has that widget.
   Everything a learner does stays in this browser (localStorage, or memory when that is
   not available). Text from learners or storage only ever goes in via textContent. */
(function () {
  "use strict";

  var TEXT = /* leerpad:text */ {
    "nl": {
      "notKept": "Je browser laat deze site niets bewaren. Je antwoorden blijven alleen zolang je deze site open hebt.",
      "full": "Je browser heeft geen ruimte meer om je voortgang te bewaren. Wat je nu doet, blijft alleen zolang je deze site open hebt; wat al bewaard was, blijft staan.",
      "corrupt": "Je bewaarde voortgang was beschadigd en kon niet gelezen worden. We hebben hem apart gezet: op Mijn voortgang kun je hem downloaden.",
      "corruptKept": "Je bewaarde voortgang kon niet gelezen worden en er is geen ruimte om hem apart te zetten. We laten hem staan; wat je nu doet, blijft alleen zolang je deze site open hebt. Op Mijn voortgang kun je hem downloaden.",
      "newer": "Je voortgang is bewaard door een nieuwere versie van deze cursussite. Hij is niet weg, maar deze pagina kan hem niet lezen: laad de pagina opnieuw of open de actuele site van de cursus. Wat je hier nu doet, wordt niet bewaard.",
      "newerKey": "In je browser staat ook voortgang van een nieuwere versie van deze cursussite. Hij is niet weg: laad de pagina opnieuw of open de actuele site van de cursus om ermee verder te gaan.",
      "entries": "Een deel van je bewaarde voortgang kon niet gelezen worden. We hebben het apart gezet: op Mijn voortgang kun je het downloaden.",
      "navDone": " (afgerond)"
    },
    "en": {
      "notKept": "Your browser does not let this site store anything. Your answers last only while the site is open.",
      "full": "Your browser has no room left to keep your progress. What you do now lasts only while the site is open; what was kept before stays.",
      "corrupt": "Your saved progress was damaged and could not be read. We set it aside: you can download it on My progress.",
      "corruptKept": "Your saved progress could not be read and there is no room to set it aside. We leave it as it is; what you do now lasts only while the site is open. You can download it on My progress.",
      "newer": "Your progress was saved by a newer version of this course site. It is not lost, but this page cannot read it: reload the page or open the course's current site. What you do here now is not kept.",
      "newerKey": "Your browser also holds progress from a newer version of this course site. It is not lost: reload the page or open the course's current site to go on with it.",
      "entries": "Part of your saved progress could not be read. We set it aside: you can download it on My progress.",
      "navDone": " (done)"
    }
  };

  // A lookup in a {nl: {...}, en: {...}} dictionary, in the page's language, with
  // {placeholders} filled in. The build publishes each script with the site's language
  // only (leerpad/assets.py), so the first one is the fallback.
  // A placeholder may give plural forms, one|other, with # for the number:
  // "{count:# teamlid|# teamleden}" reads "1 teamlid", "3 teamleden".
  function translator(dictionary) {
    return function (key, values) {
      var lang = (document.documentElement.lang || "en").slice(0, 2).toLowerCase();
      var template = (dictionary[lang] || dictionary[Object.keys(dictionary)[0]])[key];
      return template.replace(/\{(\w+)(?::([^}]*))?\}/g, function (_, name, forms) {
        var value = values && name in values ? values[name] : "";
        if (forms === undefined) return String(value);
        var words = forms.split("|");
        var one = new Intl.PluralRules(lang).select(Number(value)) === "one";
        return (one ? words[0] : words[words.length - 1]).replace(/#/g, String(value));
      });
    };
  }

  var text = translator(TEXT);

  // The widget kinds, written here by the build from leerpad's registry
  // (leerpad/widgets/registry.py, leerpad/assets.py front_end_kinds): per kind, the files
  // to load for its widgets ([data-leerpad-<kind>]), what storage checks of its entries,
  // whether solving them all completes a module.
  var KINDS = /* leerpad:kinds */ {};

  function kindsWhere(has) {
    return Object.keys(KINDS).filter(function (name) { return has(KINDS[name]); });
  }

  function selectorOf(name) {
    return "[data-leerpad-" + name + "]";
  }

  function all(root, selector) {
    return Array.prototype.slice.call(root.querySelectorAll(selector));
  }

  function element(tag, className, content) {
    var node = document.createElement(tag);
    node.className = className;
    if (content) node.textContent = content;
    return node;
  }

  /* ---- Storage: leerpad-storage.js, which the build puts in front of this file. ---- */

  var stored = {};
  kindsWhere(function (kind) { return kind.stored; }).forEach(function (name) {
    stored[name] = KINDS[name].stored;
  });
  window.leerpadStorage.define(stored);
  var storage = window.leerpadStorage.open(window);


  /* ---- Course progress: modules started and done, course completion --------------- */

  var MODULE_VERSION = "module";

  function moduleState(id) {
    return storage.get("module:" + id, "module", MODULE_VERSION) || {};
  }

  function saveModule(id, state) {
    storage.set("module:" + id, "module", MODULE_VERSION, state);
  }

  function doneModules() {
    var widgets = storage.snapshot().widgets;
    return Object.keys(widgets).filter(function (key) {
      return widgets[key].k === "module" && widgets[key].s.done;
    }).map(function (key) { return widgets[key].s; });
  }

  function markNavigation() {
    var urls = doneModules().map(function (state) { return state.url; });
    all(document, ".md-nav__link[href]").forEach(function (link) {
      var url = new URL(link.href, location.href);
      // A link to a section of a page (the table of contents) is not a module.
      var done = !url.hash && urls.indexOf(url.pathname) !== -1;
      var mark = link.querySelector(".leerpad-nav-done");
      link.classList.toggle("is-done", done);
      if (done && !mark) link.appendChild(element("span", "leerpad-nav-done", text("navDone")));
      if (!done && mark) mark.remove();
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


  /* ---- Page: start-up, widgets loaded on demand, storage notice ------------------ */

  // Each kind of widget lives in its own script (and some in their own stylesheet),
  // loaded the first time a page has one, in this order: the widget kinds (KINDS), then
  // the site's own parts. The build writes their addresses into every page (meta
  // leerpad-scripts) and links a page's stylesheets in its head; after instant
  // navigation the loader adds the ones the new page needs.
  var SELECTORS = {};
  var FILES = {};
  Object.keys(KINDS).forEach(function (name) {
    SELECTORS[name] = selectorOf(name);
    FILES[name] = KINDS[name].files;
  });
  var SITE_SELECTORS = {
    course: "[data-leerpad-course-progress]",
    complete: "[data-leerpad-complete]",
    catalogue: ".leerpad-catalogue",
    progress: "[data-leerpad-progress]",
    blog: ".leerpad-cta, .leerpad-related, .leerpad-unpublished",
    posts: ".md-post"
  };
  var SITE_FILES = {
    course: ["course.css", "completion", "course"], complete: ["completion"],
    catalogue: ["course.css"], progress: ["progress.css", "completion", "progress"],
    blog: ["blog.css"], posts: ["blog"]
  };
  Object.keys(SITE_SELECTORS).forEach(function (name) {
    SELECTORS[name] = SITE_SELECTORS[name];
    FILES[name] = SITE_FILES[name];
  });
  var widgets = {};
  var instances = new WeakMap();
  var onDemandUrls = null;
  var requested = {};

  function start(root, Widget) {
    if (!instances.has(root)) instances.set(root, new Widget(root));
    return instances.get(root);
  }

  function startWidgets(name) {
    var widget = widgets[name];
    widget.current = all(document, SELECTORS[name]).map(function (root) {
      return start(root, widget.Widget);
    });
    if (widget.hooks.onPage) widget.hooks.onPage(widget.current);
  }

  // Called by each widget script once it has loaded.
  function define(name, Widget, hooks) {
    widgets[name] = { Widget: Widget, hooks: hooks || {}, current: [] };
    startWidgets(name);
    refresh();
  }

  function load(url) {
    var address = new URL(url, location.href).href;
    if (requested[address]) return;
    requested[address] = true;
    var script = document.createElement("script");
    script.src = address;
    script.async = false; // in order: the team scan builds on the self-assessment's script
    document.head.appendChild(script);
  }

  function loadStyle(url) {
    var address = new URL(url, location.href).href;
    var present = all(document, 'link[rel="stylesheet"]').some(function (link) {
      return link.href === address;
    });
    if (present) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = address;
    // Right after leerpad.css, where the build links it too: the site's own extra_css,
    // linked later, keeps the last word.
    var core = all(document, 'link[rel="stylesheet"]').filter(function (sheet) {
      return /\/leerpad\.[0-9a-f]+\.css$/.test(sheet.href);
    })[0];
    if (core) core.insertAdjacentElement("afterend", link);
    else document.head.appendChild(link);
  }

  function loadFiles(name) {
    FILES[name].forEach(function (file) {
      var url = onDemandUrl(file);
      if (url && /\.css$/.test(file)) loadStyle(url);
      else if (url) load(url);
    });
  }

  function onDemandUrl(file) {
    if (onDemandUrls === null) {
      var meta = document.querySelector('meta[name="leerpad-scripts"]');
      var relative = meta ? JSON.parse(meta.getAttribute("content") || "{}") : {};
      onDemandUrls = {};
      Object.keys(relative).forEach(function (key) {
        onDemandUrls[key] = new URL(relative[key], location.href).href;
      });
    }
    return onDemandUrls[file];
  }

  // Tell the learner, once, when storage went wrong: by the widget they use, or at the top
  // of the page. Storage reports each problem once; a page that cannot keep anything
  // says so again by its first widget, as a reminder (why: a newer site's data it leaves
  // alone, or the browser).
  var pending = null;

  function noticeIfNotKept(widget) {
    var reminder = storage.persistent() ? null : storage.newer().here ? "newer" : "notKept";
    var told = storage.problem();
    var problem = told || pending || reminder;
    pending = null;
    if (problem === "blocked") problem = "notKept";
    if (!problem) return;
    var byWidget = problem === "notKept" || problem === "full" || (!told && problem === "newer");
    if (!widget && byWidget) {
      pending = problem; // said by the first widget, where it matters
      return;
    }
    if (document.querySelector(".leerpad-notice")) return;
    var notice = element("p", "leerpad-notice", text(problem));
    notice.setAttribute("role", "status");
    var content = document.querySelector(".md-content__inner") || document.body;
    if (widget) widget.insertAdjacentElement("beforebegin", notice);
    else content.insertBefore(notice, content.firstChild);
  }

  // Another tab saved: every widget on this page shows what is stored now.
  storage.watch(function () {
    Object.keys(widgets).forEach(function (name) {
      widgets[name].current.forEach(function (widget) {
        if (widget.follow) widget.follow();
      });
    });
    markNavigation();
  });

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
  }

  // What depends on the widgets' state (a module's completion: leerpad-completion.js)
  // and the storage notice.
  function refresh(changed) {
    Object.keys(widgets).forEach(function (name) {
      if (widgets[name].hooks.onChange) widgets[name].hooks.onChange(widgets[name].current);
    });
    var keeping = kindsWhere(function (kind) { return kind.stored; }).map(selectorOf).join(", ");
    var first = changed || (keeping ? document.querySelector(keeping) : null);
    noticeIfNotKept(first);
  }

  function boot() {
    nameMaterialWidgets();
    Object.keys(widgets).forEach(function (name) {
      if (widgets[name].hooks.beforePage) widgets[name].hooks.beforePage();
    });
    Object.keys(SELECTORS).forEach(function (name) {
      if (document.querySelector(SELECTORS[name])) loadFiles(name);
      if (widgets[name]) startWidgets(name);
    });
    markNavigation();
    refresh();
  }

  window.leerpad = {
    storage: storage, text: text, translator: translator, element: element, all: all,
    boot: boot, define: define, changed: refresh, notice: noticeIfNotKept, printOnly: printOnly,
    moduleState: moduleState, saveModule: saveModule, doneModules: doneModules,
    markNavigation: markNavigation
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
