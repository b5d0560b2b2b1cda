/* leerpad: names for the navigation Material's blog templates leave unnamed, so that
   every navigation landmark on a blog page has a name. Loaded by leerpad.js only on
   pages that show posts. */
(function () {
  "use strict";

  var L = window.leerpad;
  if (!L) return;

  function PostNavigation(post) {
    // A listing: each post's author links and metadata, named after the post's title.
    L.all(post, "nav.md-post__authors:not([aria-label]), nav.md-post__action:not([aria-label])")
      .forEach(function (nav) {
        var title = post.querySelector("h2");
        nav.setAttribute("aria-label", nav.textContent.trim().split(/\s+/).slice(0, 3).join(" ") +
          (title ? " · " + title.textContent.trim() : ""));
      });
    // A post's own page: the metadata in its sidebar, named after its heading.
    L.all(post, ".md-post__meta nav.md-nav:not([aria-label])").forEach(function (nav) {
      var label = nav.parentElement.querySelector(".md-nav__title, label");
      nav.setAttribute("aria-label", label ? label.textContent.trim() : "Metadata");
    });
  }

  L.define("posts", PostNavigation);
})();
