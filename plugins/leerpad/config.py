"""Options of the leerpad MkDocs plugin (``plugins: - leerpad: {...}`` in mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class LeerpadConfig(Config):
    """Typed options of the leerpad plugin."""

    courses_dir = c.Type(str, default="courses")
    """Folder with one sub-folder per course, relative to mkdocs.yml."""

    courses_url = c.Type(str, default="cursussen")
    """URL prefix of course pages: ``/cursussen/<course>/<module>/``."""

    blog_dir = c.Type(str, default="blog")
    """Folder with blog posts (``posts/``) and ``.authors.yml``, relative to mkdocs.yml.

    It is mounted at the same path, where Material's blog plugin expects it."""

    progress_page = c.Type(str, default="voortgang.md")
    """Page in docs/ that becomes the learner's progress overview ("Mijn voortgang")."""

    default_image = c.Optional(c.Type(str))
    """Preview image (a path under docs/) for link previews of pages without ``image:``."""

    house_rules = c.Type(dict, default={})
    """The site's own rules for modules, checked by ``leerpad check`` (see house_rules.py):
    ``objectives: [3, 4]``, ``words: [800, 1500]``, ``quizzes: 3``, ``reflection_last:
    true``. Empty (no rules) by default."""

    nav_max_courses = c.Type(int, default=25)
    """Above this many courses the navigation lists only the course catalogue.

    Every page renders the navigation; one that grows with the number of courses makes
    large builds slow. Course pages and module links keep every module reachable."""

    cache = c.Type(bool, default=True)
    """Keep minified scripts and stylesheets between builds, as Material's plugins keep
    their work: a build whose assets did not change does not minify them again."""

    cache_dir = c.Type(str, default=".cache/plugin/leerpad")
    """Where that is kept, relative to mkdocs.yml (Material's own plugins use
    ``.cache/plugin/<name>`` beside it). Safe to delete at any time."""
