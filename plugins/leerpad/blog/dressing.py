"""What leerpad adds to the blog: next steps, related and latest posts, previews, badges.

The plugin hands each page to a ``BlogDresser`` built for the current build; the pure
functions it uses live in ``marketing``.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from ..site.courses import Course, CourseCatalogue, Module
from ..site.render import PageDecorator, insert_after_title
from ..strings import format_date
from .marketing import (
    PublishedPosts,
    absolute_image,
    head_tags,
    linked_page,
    post_date,
)
from .posts import PostRules

LATEST_POSTS_MARKER = "<!-- leerpad:latest-posts -->"
"""Put this line in a page to list the three newest published posts there."""


class BlogDresser:
    """Adds the blog's extras to pages, for one build."""

    def __init__(
        self,
        posts: dict[str, dict[str, Any]],
        rules: PostRules,
        catalogue: CourseCatalogue,
        decorator: PageDecorator,
        default_image: str,
    ) -> None:
        self.posts = posts
        self.rules = rules
        self.catalogue = catalogue
        self.decorator = decorator
        self.default_image = default_image
        self._modules: dict[str, tuple[Course, Module]] | None = None
        self._published: PublishedPosts | None = None

    def is_post(self, page: Page) -> bool:
        """Whether ``page`` is one of the blog's posts."""
        return page.file.src_uri in self.posts

    def latest(self, html: str, page: Page, files: Files) -> str:
        """Replace the latest-posts marker, if the page has one, by the newest posts."""
        if LATEST_POSTS_MARKER not in html:
            return html
        posts = self._published_posts(files).latest(page, limit=3)
        listing = self.decorator.render("latest_posts.html", page.file.url, posts=posts)
        return html.replace(LATEST_POSTS_MARKER, listing, 1)

    def date_for_feed(self, page: Page) -> None:
        """Give the RSS plugin the creation date of ``date: {created, updated}``.

        The feed reads ``date`` as one date, and took the build time for the mapping
        form the post schema allows, so the post jumped to the top on every build.
        Material's blog has read the post's dates before, from its own copy (and made
        them date-times at midnight in ``page.meta``); ours keeps the date as written, so
        the feed's ``default_time`` applies as it does to ``date: 2025-07-02``.
        """
        own = self.posts.get(page.file.src_uri, {}).get("date")
        if isinstance(own, dict) and "created" in own:
            page.meta["date"] = own["created"]

    def mark_unpublished(self, html: str, page: Page) -> str:
        """In a preview, say plainly that a draft or scheduled post is not public yet."""
        meta = self.posts.get(page.file.src_uri, {})
        date = post_date(meta)
        strings = self.decorator.strings
        if meta.get("draft") is True:
            note = strings["post_draft"]
        elif date is not None and date > dt.date.today():
            note = strings["post_scheduled"].format(date=format_date(date, strings))
        else:
            return html
        badge = f'<p class="leerpad-unpublished" role="note">{escape(note)}</p>'
        return insert_after_title(html, badge)

    def footer(self, html: str, page: Page, files: Files) -> str:
        """A next step into the course module the post links to, and related posts."""
        target = linked_page(html, page, self._modules_by_url(files))
        related = self._published_posts(files).related(page)
        return self.decorator.render(
            "post_footer.html",
            page.file.url,
            course=target[0] if target else None,
            module=target[1] if target else None,
            related=related,
        )

    def _published_posts(self, files: Files) -> PublishedPosts:
        """The published posts, indexed once per build (the files are known by then)."""
        if self._published is None:
            self._published = PublishedPosts(self.posts, files)
        return self._published

    def _modules_by_url(self, files: Files) -> dict[str, tuple[Course, Module]]:
        """Every module by its URL, worked out once per build (not once per post)."""
        if self._modules is None:
            self._modules = {}
            for course in self.catalogue.courses:
                for module in course.modules:
                    file = files.get_file_from_path(module.src_uri)
                    if file is not None:
                        self._modules[file.url] = (course, module)
        return self._modules

    def preview_tags(self, page: Page, config: MkDocsConfig, text: str) -> str:
        """Link previews (Open Graph, Twitter) described by ``text``; JSON-LD for posts.

        Empty without ``site_url``: previews need absolute addresses.
        """
        if not config.site_url:
            return ""
        meta = self.posts.get(page.file.src_uri)
        image = absolute_image(meta or page.meta, config.site_url, self.default_image)
        article = self.article(meta) if meta is not None else None
        return head_tags(page, config.site_name, config.site_url, image, article, text)

    def article(self, meta: dict[str, Any]) -> dict[str, Any]:
        """BlogPosting fields from a post's front matter."""
        names = self.rules.author_names
        date = post_date(meta)
        return {
            "datePublished": date.isoformat() if date else None,
            "author": [
                {"@type": "Person", "name": names.get(a, a)} for a in meta.get("authors") or []
            ],
            "keywords": ", ".join(str(t) for t in meta.get("tags") or []),
            "articleSection": ", ".join(str(c) for c in meta.get("categories") or []),
        }
