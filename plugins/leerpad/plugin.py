"""The leerpad MkDocs plugin: hooks only; the work happens in the domain modules."""

from __future__ import annotations

import os
import posixpath
import re
from typing import TYPE_CHECKING, Any

from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from .blog.dressing import BlogDresser
from .blog.marketing import (
    FEED_MESSAGES,
    add_enclosures,
    description,
    escape_feed_text,
    local_enclosure,
    with_description,
)
from .blog.posts import MESSAGES as ADDRESS_MESSAGES
from .blog.posts import (
    PostRules,
    misplaced_post,
    post_address,
    post_sources,
    read_post,
    tag_near_misses,
)
from .config import LeerpadConfig
from .markdown import LeerpadExtension
from .problems import Problem, ProblemError
from .site.assets import (
    OnDemandTags,
    add_assets,
    content_start,
    link_stylesheets,
    needed_stylesheets,
    published_assets,
)
from .site.courses import CourseCatalogue, load_catalogue
from .site.links import RealPathLinksExtension, RealPathResolver
from .site.mount import add_or_replace, mounted_file, page_dest_uri
from .site.navigation import expand_courses_entry
from .site.render import PageDecorator, error_page, line_offset
from .site.search import patch_search_stemming
from .site.search_skip import Hidden, drop_markers, hide_from_search, restore_hidden
from .site.theme import add_theme_overrides, correct_theme_text, corrected_pieces
from .site.widget_index import WidgetIndex, ids_on_two_pages, index_widgets
from .source.front_matter import (
    FrontMatter,
    folder_name,
    image_problems,
    read_front_matter,
    read_source,
    shown,
)
from .source.house_rules import unfinished_warning
from .strings import strings_for

if TYPE_CHECKING:
    # Only `mkdocs serve` needs the live-reload server (and the file watcher it imports).
    from mkdocs.livereload import LiveReloadServer

log = get_plugin_logger(__name__)


class LeerpadPlugin(BasePlugin[LeerpadConfig]):
    """Mounts courses/ and blog/, and dresses course pages with their structure."""

    def __init__(self) -> None:
        self.root = ""
        self.catalogue = CourseCatalogue()
        self.catalogue_uri = ""
        self.decorator: PageDecorator | None = None
        self.strings: dict[str, str] = {}
        self.links = RealPathResolver()
        self.widgets = LeerpadExtension()
        self.index = WidgetIndex()
        self.assets: dict[str, tuple[str, str]] = {}
        """Published path and content of each asset, by its file name in the package."""
        self.on_demand: OnDemandTags | None = None
        """Each page's tag naming the assets leerpad.js loads on demand (from on_config)."""
        self.posts: dict[str, dict[str, Any]] = {}
        """Front matter of every sound post, by source path."""
        self.rules: PostRules | None = None
        self.blog: BlogDresser | None = None
        self.hidden_from_search: Hidden | None = None
        """Parts of the page being built that search should not read (see search_skip)."""
        self.descriptions: dict[str, str] = {}
        """Each page's description (its own, else its first paragraph), by source path."""
        self.post_front: dict[str, FrontMatter] = {}
        """Front matter of every sound post with its lines, by source path."""
        self.feed_images: dict[str, tuple[str, str]] = {}
        """Each post's ``image:`` (and source path), by the post's address in the feed."""
        self.refused: set[str] = set()
        """Pages shown as their problems instead of their source, by source path."""
        self.language = "en"
        """The site's ``theme.language``: problems are written in it."""
        self.docs_dir = "docs"
        """mkdocs.yml's ``docs_dir`` as its authors name it (from the root): ``inhoud``."""
        self.sources: dict[str, str] = {}
        """Text of each Markdown page read soundly in ``on_files``, by source path, until
        the page is rendered: every page is read from disk once a build."""

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Remember the repository root: the folder that holds mkdocs.yml.

        The blog's authors file is read here already, so that a broken one is told with
        its line before Material's blog reads it.
        """
        self.root = os.path.dirname(os.path.abspath(config.config_file_path))
        self.catalogue_uri = f"{self.config.courses_url}/index.md"
        self.language = config.theme.get("language") or "en"
        self.strings = strings_for(self.language)
        blog = config.plugins.get("material/blog")
        allowed = getattr(blog, "config", {}).get("categories_allowed") or []
        self.docs_dir = folder_name(self.root, config.docs_dir)
        try:  # Material's blog reads .authors.yml next, with neither line nor language
            self.rules = PostRules.for_site(
                self.root, self.config.blog_dir, allowed, self.language, self.docs_dir
            )
        except ProblemError as error:
            raise PluginError(str(error.problem)) from None
        self.widgets = LeerpadExtension(language=self.language, search_markers=True)
        config.markdown_extensions.append(RealPathLinksExtension(self.links))  # type: ignore[arg-type]
        config.markdown_extensions.append(self.widgets)
        add_theme_overrides(config)
        # First, so that the site's own extra_css can override ours.
        self.assets = published_assets(self.language, self._cache_dir())
        self.on_demand = OnDemandTags(self.assets)
        config.extra_css.insert(0, self.assets["leerpad.css"][0])
        # Site-wide and deferred: with instant navigation, a script that only some pages
        # referenced would not run when a reader navigates to them. Widgets' and special
        # pages' own scripts are loaded by leerpad.js when a page needs them.
        script = ExtraScriptValue(self.assets["leerpad.js"][0])
        script.defer = True
        config.extra_javascript.append(script)
        return config

    def _cache_dir(self) -> str | None:
        """The folder for minified assets (``cache_dir`` from mkdocs.yml's folder), or None."""
        if not self.config.cache:
            return None
        return os.path.join(self.root, self.config.cache_dir, "assets")

    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        """Give our theme templates (404.html) their strings and the courses' address."""
        env.globals["leerpad_strings"] = self.strings
        # The not-found page links to the catalogue only where the site has one.
        has_catalogue = files.get_file_from_path(self.catalogue_uri) is not None
        env.globals["leerpad_courses_url"] = self.config.courses_url if has_catalogue else ""
        return env

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        """Mount courses and posts; report broken ones with file and line."""
        self.posts = {}
        self.post_front = {}
        self.feed_images = {}
        self.refused = set()
        self.catalogue = load_catalogue(
            self.root, self.config.courses_dir, self.language, self.docs_dir
        )
        problems = list(self.catalogue.problems)
        self._mount_courses(files, config)
        problems += self._mount_blog(files, config)
        for problem in sorted(problems):
            log.error(str(problem))
        for problem in tag_near_misses(self.post_front):
            log.warning(str(problem))
        if config.nav is not None:
            config.nav = expand_courses_entry(
                config.nav,
                self.catalogue_uri,
                self.catalogue,
                self.strings["courses"],
                self.config.nav_max_courses,
            )
        self.decorator = PageDecorator(files, self.strings, config.site_name)
        self.links.index(files)
        self.sources = self._read_sources(files)
        self.index = index_widgets(files, self._display_path, self.language, self.sources)
        for problem in ids_on_two_pages(self.index, self.language):
            log.error(str(problem))
        self.widgets.setConfig("referable", self.index.referable)
        self.widgets.setConfig("widgets_read", self.index.read)
        self.blog = BlogDresser(
            self.posts,
            self.rules or PostRules(),
            self.catalogue,
            self.decorator,
            self.config.default_image or "",
        )
        add_assets(files, config, self.assets)
        patch_search_stemming(files, config)
        return files

    def _read_sources(self, files: Files) -> dict[str, str]:
        """The text of every Markdown page that can be read; the others report it later."""
        sources = {}
        for file in files.documentation_pages():
            if file.abs_src_path is None or not file.src_uri.endswith(".md"):
                continue
            known = self._read_for_catalogue(file)
            if known is not None:  # a course or module: read already
                sources[file.src_uri] = known[0]
                continue
            try:
                sources[file.src_uri] = read_source(file.abs_src_path, file.src_uri)
            except ProblemError:  # said with its line when the page is read
                continue
        return sources

    def _read_for_catalogue(self, file: File) -> tuple[str, FrontMatter] | None:
        """The text and front matter the catalogue read from ``file``'s source, if it did."""
        known = self.catalogue.sound.get(file.src_uri)
        if known is None or file.abs_src_path is None:
            return None
        same = os.path.normpath(os.path.join(self.root, file.src_uri))
        return known if os.path.normpath(file.abs_src_path) == same else None

    def _mount_courses(self, files: Files, config: MkDocsConfig) -> None:
        """Add every course page and module, published under the courses URL."""
        base = self.config.courses_url
        # A site without courses gets no empty catalogue in its navigation (unless its
        # own nav may name it): every page would list it, and it would be one more page.
        wanted = bool(self.catalogue.pages) or config.nav is not None
        if wanted and files.get_file_from_path(self.catalogue_uri) is None:
            content = f"# {self.strings['courses']}\n"
            files.append(File.generated(config, self.catalogue_uri, content=content))
        for uri, url_path in self.catalogue.pages.items():
            dest = page_dest_uri(f"{base}/{url_path}", config)
            if os.path.isfile(os.path.join(self.root, uri)):
                files.append(mounted_file(self.root, uri, config, dest))
            else:  # a course folder without index.md: its page says what to add
                files.append(self._missing_page(uri, dest, config))

    def _missing_page(self, uri: str, dest_uri: str, config: MkDocsConfig) -> File:
        """The page of a course whose ``index.md`` is missing: its problem, at its address."""
        folder = posixpath.dirname(uri)
        file = File(
            uri,
            src_dir=None,
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
            dest_uri=dest_uri,
        )
        problems = self.catalogue.problems_in(folder)
        file.content_string = error_page(folder, problems, self.strings)
        self.refused.add(uri)
        return file

    def _mount_blog(self, files: Files, config: MkDocsConfig) -> list[Any]:
        """Add every post whose front matter is sound; return the problems of the others."""
        problems = []
        rules = self.rules or PostRules()  # read in on_config
        for uri in post_sources(self.root, self.config.blog_dir):
            meta, found = read_post(self.root, uri, rules)
            if found:
                problems += found
                files.append(self._broken_post_page(uri, meta, found, config))
                continue
            if files.get_file_from_path(uri) is not None:
                raise PluginError(
                    ADDRESS_MESSAGES.text(
                        self.language,
                        "both_places",
                        uri=uri,
                        blog=self.config.blog_dir,
                        docs=self.docs_dir,
                    )
                )
            add_or_replace(files, mounted_file(self.root, uri, config))
            if meta is not None:
                self.posts[uri] = meta.data
                self.post_front[uri] = meta
        return problems

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Read every page ourselves, so that no bytes in a file end in a traceback.

        A page whose source or front matter is broken becomes a page showing its
        problems: MkDocs then never puts hostile front matter (a YAML alias bomb) into
        ``page.meta``, where the theme's templates would expand it.
        """
        file = page.file
        if file.abs_src_path is None or not file.src_uri.endswith(".md"):
            return None
        problems = self.catalogue.problems_in(file.src_uri)
        if not problems:
            text, problems = self._read_page(file)
            if not problems:
                return text  # as MkDocs would read it: no BOM, newlines as '\n'
            for problem in problems:
                log.error(str(problem))
        # The page is not rendered, so its widgets' own problems are told here: an author
        # fixing the front matter should not meet a second round of errors afterwards.
        widget_problems = [
            problem for _, spec in self.index.widgets(file.src_uri) for problem in spec.problems
        ]
        for problem in widget_problems:
            log.error(str(problem))
        self.refused.add(file.src_uri)
        return error_page(file.src_uri, [*problems, *widget_problems], self.strings)

    def _read_page(self, file: File) -> tuple[str, list[Problem]]:
        """A page's text, and what keeps it from being published as it is."""
        display = self._display_path(file)
        try:
            assert file.abs_src_path is not None
            text = self.sources.get(file.src_uri)
            if text is None:
                text = read_source(file.abs_src_path, display, self.language)
            known = self._read_for_catalogue(file)
            if known is not None and known[0] is text and known[1].path == display:
                meta = known[1]  # every module's front matter, parsed once a build
            else:
                meta = read_front_matter(text, display, self.language)
        except ProblemError as error:
            return "", [error.problem]
        problems = list(meta.warnings)
        unfinished = unfinished_warning(meta)
        if unfinished is not None:  # published all the same: a warning, so --strict fails
            log.warning(str(unfinished))
        if file.src_uri.startswith(f"{self.config.blog_dir}/"):  # docs/blog/, beside posts
            misplaced = misplaced_post(meta, file.src_uri, f"{self.config.blog_dir}/posts")
            problems += [misplaced] if misplaced is not None else []
        if self._in_docs(file):  # courses and posts had theirs checked when read
            problems += image_problems(self.root, meta, self.docs_dir)
        return text, problems

    def _in_docs(self, file: File) -> bool:
        """Whether ``file`` is a page of the site's ``docs_dir`` (not a course or a post)."""
        docs = os.path.normpath(os.path.join(self.root, self.docs_dir))
        return file.abs_src_path is not None and file.abs_src_path.startswith(docs + os.sep)

    def on_nav(self, nav: Any, *, config: MkDocsConfig, files: Files) -> None:
        """Report two sources that publish to one address (all plugins have placed them)."""
        owners: dict[str, File] = {}
        # Material's blog keeps its posts excluded until its own on_nav; count them too.
        pages = files.documentation_pages(inclusion=lambda _: True)
        for file in sorted(pages, key=lambda f: f.src_uri):
            first = owners.setdefault(file.dest_uri, file)
            if first is not file:
                log.error(str(self._same_address(file, first)))

    def _name_line(self, src_uri: str) -> int:
        """Line of the field a post's address is made from (``slug`` or ``title``); else 1."""
        meta = self.post_front.get(src_uri)
        if meta is None:
            return 1
        return meta.line_of("slug" if "slug" in meta.data else "title")

    def _same_address(self, file: File, first: File) -> Problem:
        """The problem of ``file`` publishing where ``first`` does."""
        fix = "fix_post" if file.src_uri in self.post_front else "fix_page"
        other = self._display_path(first)
        if first.src_uri in self.post_front:
            other += f":{self._name_line(first.src_uri)}"
        message = ADDRESS_MESSAGES.text(
            self.language,
            "same_address",
            url=f"/{file.url}",
            other=other,
            fix=ADDRESS_MESSAGES.text(self.language, fix),
        )
        return Problem(self._display_path(file), self._name_line(file.src_uri), message)

    def _broken_post_page(
        self, uri: str, meta: FrontMatter | None, problems: list[Problem], config: MkDocsConfig
    ) -> File:
        """A page with a broken post's problems, where the post would be (or under its name).

        The post itself stays out of the blog; in ``mkdocs serve`` its author finds the
        same red message box a broken module shows, instead of "not found".
        """
        stem = posixpath.splitext(posixpath.basename(uri))[0]
        address = (post_address(meta) if meta is not None else None) or stem
        file = File(
            f"{self.config.blog_dir}/.leerpad-problems/{stem}.md",
            src_dir=None,
            dest_dir=config.site_dir,
            use_directory_urls=config.use_directory_urls,
            dest_uri=page_dest_uri(f"{self.config.blog_dir}/{address}", config),
            inclusion=InclusionLevel.NOT_IN_NAV,
        )
        file.content_string = error_page(uri, problems, self.strings)
        self.refused.add(file.src_uri)
        return file

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Tell the link rewriter which page is being rendered; show broken pages' problems."""
        self.links.start_page(page.file.abs_src_path, page.file.src_uri)
        source = self.sources.pop(page.file.src_uri, None)
        if page.file.src_uri in self.refused:
            return markdown
        self.widgets.start_page(
            self._display_path(page.file),
            line_offset(page, markdown, source),
            page.file.src_uri,
            has_blocks="///" in markdown,
        )
        return markdown

    def _display_path(self, file: File) -> str:
        """A page's source as authors know it: relative to the repository root."""
        path = file.abs_src_path
        if path is None:
            return file.src_uri
        # Asked for every page three times a build; os.path.relpath is the slow part.
        if path.startswith(self.root + os.sep):
            return path[len(self.root) + 1 :].replace(os.sep, "/")
        return os.path.relpath(path, self.root).replace(os.sep, "/")

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Add the course overview, module header and module navigation."""
        assert self.decorator is not None
        # A broken widget changes what learners see: an error, so that --strict -q fails.
        for problem in self.widgets.problems:
            log.error(str(problem))
        assert self.blog is not None
        html = self.blog.latest(self._link_referring_pages(html, page), page, files)
        # Every page gets a description: its own, else its first paragraph. It is kept
        # here, not in page.meta: Material's navigation looks up more fields of every entry
        # whose meta is not empty, on every page, which made whole builds 10-15% slower.
        text = description(page, html, config.site_description or "")
        self.descriptions[page.file.src_uri] = text
        if self.blog.is_post(page):
            page.meta["description"] = text  # the RSS plugin's item description
            self.blog.date_for_feed(page)  # before the RSS plugin (priority -75) reads it
            html = self.blog.mark_unpublished(html, page)
            return html + self.blog.footer(html, page, files)
        uri = page.file.src_uri
        if uri == self.catalogue_uri:
            return self.decorator.catalogue_page(html, self.catalogue.courses, page.file.url)
        if uri == self.config.progress_page:
            return self.decorator.progress_page(
                html, self.catalogue.courses, self.index, page.file.url
            )
        found = self.catalogue.find(uri)
        if found is None:
            return html
        course, module = found
        if module is None:
            return self.decorator.course_page(html, course, page.file.url, self.index)
        return self.decorator.module_page(html, course, module, page.file.url, self.index)

    @event_priority(100)  # before Material's search (0) reads the page
    def _hide_from_search(self, /, context: Any, *, page: Page, **_: Any) -> None:
        """Set aside the widget parts that search would parse only to skip them."""
        if page.content is not None:
            self.hidden_from_search = hide_from_search(page.content)
            page.content = self.hidden_from_search.searched

    @event_priority(-100)  # after search has read the page
    def _restore_after_search(self, /, context: Any, *, page: Page, **_: Any) -> None:
        """Put the parts set aside back into the page."""
        if page.content is not None and self.hidden_from_search is not None:
            page.content = restore_hidden(page.content, self.hidden_from_search)
        self.hidden_from_search = None

    on_page_context = CombinedEvent(_hide_from_search, _restore_after_search)

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        """Widget stylesheets and scripts; link previews; structured data for posts."""
        assert self.blog is not None and self.on_demand is not None
        # The head is edited on its own and the page put together once: a page is large
        # where the navigation lists many pages, and every copy of it costs.
        head_end = output.find("</head>")
        if head_end < 0:
            return output
        start = content_start(output)
        output = drop_markers(output, start)
        stylesheets = needed_stylesheets(output, start)
        head = link_stylesheets(output[:head_end], stylesheets, self.assets, page.file.url)
        text = self.descriptions.get(page.file.src_uri, config.site_description or "")
        head = with_description(head, text)
        added = [self.on_demand.for_page(page.file.url)]
        added.append(self.blog.preview_tags(page, config, text))
        self._keep_image_from_feed(page)
        body_pieces = corrected_pieces(output, self.language, head_end)
        return "".join([head, *(f"{tag}\n" for tag in added if tag), *body_pieces])

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        """The theme's own pages (404.html) get the same corrected interface text."""
        return correct_theme_text(output_content, self.language)

    def _keep_image_from_feed(self, page: Page) -> None:
        """Take a post's ``image:`` out of the RSS plugin's sight, to add it ourselves.

        The RSS plugin looks for the image next to the post (not under ``docs_dir``, where
        the guide puts it) and downloads images given as URLs. A build never fetches
        anything: ``on_post_build`` adds the enclosure with the file's real size.
        """
        image = page.meta.get("image")
        if page.file.src_uri in self.posts and isinstance(image, str) and page.canonical_url:
            self.feed_images[page.canonical_url] = (page.file.src_uri, image)
            # In place: the RSS plugin holds this very dict since the page's content.
            del page.meta["image"]

    @event_priority(-100)  # after the RSS plugin has written its feeds
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Give each feed item its post's image as an enclosure with its size in bytes.

        Categories and authors are escaped too: the RSS plugin writes them raw.
        """
        rss = config.plugins.get("rss")
        names = getattr(getattr(rss, "config", None), "feeds_filenames", None)
        if names is None:
            return
        enclosures = {}
        for link, (uri, image) in sorted(self.feed_images.items()):
            enclosure = local_enclosure(image, config.docs_dir, config.site_url or "")
            if enclosure is not None:
                enclosures[link] = enclosure
            elif re.match(r"^[a-z][a-z0-9+.-]*:", image):
                meta = self.post_front[uri]
                # Told, not warned: the guide allows such an image (the link preview uses
                # it), so it must not stop `mkdocs build --strict`.
                told = meta.report(
                    "image", FEED_MESSAGES, "external_image", image=shown(image), docs=self.docs_dir
                )
                log.info(str(told))
        for name in (names.rss_created, names.rss_updated):
            path = os.path.join(config.site_dir, name)
            if os.path.isfile(path):
                with open(path, encoding="utf-8") as handle:
                    feed = handle.read()
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write(add_enclosures(escape_feed_text(feed), enclosures))

    def _link_referring_pages(self, html: str, page: Page) -> str:
        """Tell each referred widget where the page referring to it is (``REFERS_TO``).

        A self-assessment learns its team scan's page this way, for the share link.
        """
        for (kind, widget_id), (referrer, target) in self.index.referring_pages.items():
            marker = f'data-leerpad-{kind}="{widget_id}"'
            if marker in html:
                url = get_relative_url(target.url, page.file.url)
                html = html.replace(marker, f'{marker} data-leerpad-{referrer}-url="{url}"')
        return html

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        """Rebuild when a course or post changes, although they live outside docs/."""
        for folder in (self.config.courses_dir, self.config.blog_dir):
            path = os.path.join(self.root, folder)
            if os.path.isdir(path):
                server.watch(path)
        return server
