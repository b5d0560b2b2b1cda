"""HTML that leerpad adds around course pages, rendered from autoescaped templates."""

from __future__ import annotations

import json
import re
from typing import Any

import jinja2
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..problems import Problem
from ..strings import counted, format_minutes
from .courses import Course, Module
from .widget_index import WidgetIndex

_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("leerpad", "templates"),
    # Templates of the installed package, not of the site: looking whether they changed
    # (a stat of the file) on each of the two renders of every module page is waste.
    # (Who edits them under `mkdocs serve` restarts it to see the change.)
    auto_reload=False,
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=False,
)
_FIRST_H1_END = re.compile(r"</h1>", re.IGNORECASE)


class PageDecorator:
    """Renders course overviews, module headers and module navigation for one build."""

    def __init__(self, files: Files, strings: dict[str, str], site_name: str) -> None:
        self.files = files
        self.strings = strings
        self.site_name = site_name

    def url(self, src_uri: str, from_url: str) -> str:
        """Relative URL from the page at ``from_url`` to the page built from ``src_uri``."""
        target = self.files.get_file_from_path(src_uri)
        assert target is not None, src_uri
        return get_relative_url(target.url, from_url)

    def render(self, template: str, page_url: str, **context: Any) -> str:
        """Render one of our templates with links relative to ``page_url``."""
        return _ENV.get_template(template).render(
            t=self.strings,
            link=lambda uri: self.url(uri, page_url),
            minutes=lambda n: format_minutes(n, self.strings),
            counted=counted,
            site_name=self.site_name,
            **context,
        )

    def course_page(self, html: str, course: Course, page_url: str, index: WidgetIndex) -> str:
        """Course page: a summary under the title and the module list after the text."""
        header = self.render("course_header.html", page_url, course=course)
        overview = self.render(
            "course_modules.html",
            page_url,
            course=course,
            asks={module.slug: asked_of_learner(index, module) for module in course.modules},
        )
        return insert_after_title(html, header) + overview

    def module_page(
        self, html: str, course: Course, module: Module, page_url: str, index: WidgetIndex
    ) -> str:
        """Module page: where it sits in the course on top, previous and next at the end."""
        previous, following = course.neighbours(module)
        header = self.render("module_header.html", page_url, course=course, module=module)
        footer = self.render(
            "module_footer.html",
            page_url,
            course=course,
            module=module,
            previous=previous,
            following=following,
            asks=asked_of_learner(index, module),
        )
        return insert_after_title(html, header) + footer

    def progress_page(
        self, html: str, courses: list[Course], index: WidgetIndex, page_url: str
    ) -> str:
        """The learner's progress overview: the site's structure for the script to fill.

        The structure travels in an attribute (escaped by the template), not in a JSON
        script element: Material's instant navigation does not carry those over.
        """
        structure = [
            {
                "slug": course.slug,
                "title": course.title,
                "url": self.url(course.src_uri, page_url),
                "completion": course.completion,
                "modules": [
                    {
                        "id": f"{course.slug}/{module.slug}",
                        "title": module.title,
                        "url": self.url(module.src_uri, page_url),
                        **index.summary(module.src_uri),
                    }
                    for module in course.modules
                ],
            }
            for course in courses
        ]
        return html + self.render(
            "progress.html",
            page_url,
            structure=json.dumps(structure, ensure_ascii=False),
        )

    def catalogue_page(self, html: str, courses: list[Course], page_url: str) -> str:
        """The page listing all courses."""
        return html + self.render("catalogue.html", page_url, courses=courses)


def asked_of_learner(index: WidgetIndex, module: Module) -> str:
    """JSON for a ``data-`` attribute: the ids of what a module asks of a learner.

    ``{"quizzes": [id, …], "assessments": […], "reflections": […]}``; the scripts decide
    with it (leerpad-completion.js) whether the module is done under the course's rule.
    """
    summary = index.summary(module.src_uri)
    return json.dumps(
        {kind: [widget["id"] for widget in widgets] for kind, widgets in summary.items()},
        ensure_ascii=False,
        separators=(",", ":"),
    )


def error_page(src_uri: str, problems: list[Problem], strings: dict[str, str]) -> str:
    """Markdown for a page whose source is broken: its problems, for the live preview."""
    box = _ENV.get_template("error_box.html").render(t=strings, problems=problems)
    title = src_uri.rsplit("/", 1)[-1]
    return f"# {title}\n\n{box}\n"


def line_offset(page: Page, markdown: str, source: str | None = None) -> int:
    """Lines in the source file before ``markdown`` starts (front matter, blank lines).

    ``source`` is the file's text when it was read already (else it is read again).
    """
    if source is None:
        source = page.file.content_string
    start = source.find(markdown[:200]) if markdown.strip() else -1
    return source[:start].count("\n") if start > 0 else 0


def insert_after_title(html: str, addition: str) -> str:
    """Put ``addition`` right after the page's H1, or first when the theme adds the H1."""
    match = _FIRST_H1_END.search(html)
    if match is None or html[: match.start()].count("<h1") != 1:
        return addition + html
    return html[: match.end()] + addition + html[match.end() :]
