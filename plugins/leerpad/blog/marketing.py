"""What a post needs to travel: link previews, structured data, related posts, a next step.

Everything here is derived from front matter and the site's structure at build time;
nothing is fetched and nothing is tracked.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import mimetypes
import os
import posixpath
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin
from xml.sax.saxutils import quoteattr

from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from ..problems import message_table

_HREF = re.compile(r'<a\s[^>]*?href="([^"#]+)(?:#[^"]*)?"')
_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
# Material writes its description tag on a line of its own, the value unescaped.
_DESCRIPTION_TAG = re.compile(r'<meta name="description" content="[^\n]*">')
_VIEWPORT_TAG = '<meta name="viewport"'
"""Where Material's viewport tag starts: a description goes after it, on a line of its own."""


@dataclass
class PostLink:
    """Another post, as a link."""

    title: str
    url: str
    date: str


def post_date(meta: dict[str, Any]) -> dt.date | None:
    """The publication date from front matter (a date or ``{created: date}``)."""
    value = meta.get("date")
    if isinstance(value, dict):
        value = value.get("created")
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


@dataclass(frozen=True)
class _DatedPost:
    """A published post with a date: what finding related posts needs of it."""

    position: int
    """Its place among the posts: of two equally related posts of one date, the first."""
    date: dt.date
    file: File
    meta: dict[str, Any]


class PublishedPosts:
    """The published, dated posts of one build, and their categories and tags.

    Every post lists the posts it shares most topics with. Comparing each post with every
    other one grows with the square of the number of posts (500 posts: a quarter million
    pairs, each looking up a file and a date); an index from topic to posts, made once,
    leaves each post only the posts it shares a topic with.
    """

    def __init__(self, posts: dict[str, dict[str, Any]], files: Files) -> None:
        self.posts = posts
        self._dated: dict[str, _DatedPost] = {}
        self._by_topic: dict[str, list[str]] = {}
        for position, (uri, meta) in enumerate(posts.items()):
            file = files.get_file_from_path(uri)
            date = post_date(meta)
            if file is None or not file.inclusion.is_included() or date is None:
                continue
            self._dated[uri] = _DatedPost(position, date, file, meta)
            for topic in _topics(meta):
                self._by_topic.setdefault(topic, []).append(uri)

    def related(self, page: Page, limit: int = 3) -> list[PostLink]:
        """Posts sharing the most categories and tags with ``page``, newest first."""
        own = page.file.src_uri
        shared: Counter[str] = Counter()
        for topic in _topics(self.posts.get(own, {})):
            shared.update(self._by_topic.get(topic, ()))
        shared.pop(own, None)

        def rank(uri: str) -> tuple[int, int, int]:
            post = self._dated[uri]
            return (-shared[uri], -post.date.toordinal(), post.position)

        return [self._link(self._dated[uri], page) for uri in sorted(shared, key=rank)[:limit]]

    def latest(self, page: Page, limit: int) -> list[PostLink]:
        """The newest posts, as links from ``page``."""
        newest = sorted(self._dated.values(), key=lambda p: (-p.date.toordinal(), p.position))
        return [self._link(post, page) for post in newest[:limit]]

    @staticmethod
    def _link(post: _DatedPost, page: Page) -> PostLink:
        """A link to ``post`` from ``page``: worked out only for the posts shown."""
        url = get_relative_url(post.file.url, page.file.url)
        return PostLink(str(post.meta.get("title", "")), url, post.date.isoformat())


def _topics(meta: dict[str, Any]) -> set[str]:
    """A post's categories and tags, lowercased."""
    return {str(t).lower() for key in ("categories", "tags") for t in meta.get(key) or []}


def linked_page(content: str, page: Page, candidates: dict[str, Any]) -> Any | None:
    """The first of ``candidates`` (keyed by site URL) that the content links to."""
    for href in _HREF.findall(content):
        if re.match(r"^[a-z][a-z0-9+.-]*:", href):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.url), href))
        key = target.strip("/") + "/" if target not in (".", "") else ""
        if key in candidates:
            return candidates[key]
    return None


def description(page: Page, content: str, fallback: str) -> str:
    """Front matter ``description``, else the first paragraph, cut at a word."""
    given = page.meta.get("description")
    if isinstance(given, str) and given.strip():
        return given.strip()
    match = _FIRST_PARAGRAPH.search(content)
    text = html.unescape(_TAG.sub("", match.group(1))).strip() if match else ""
    text = " ".join(text.split())
    if not text:
        return fallback
    if len(text) <= 160:
        return text
    return text[:157].rsplit(" ", 1)[0] + "…"


def head_attribute(value: str) -> str:
    """``value`` as an attribute value in the head: escaped, and in ASCII only.

    Other characters become character references (``…`` as ``&#8230;``), which every
    HTML reader takes for the same text. Python keeps a text in the narrowest form all its
    characters fit in: a page of plain ASCII that got one "…" in its head took twice the
    memory, and every later copy of it and its UTF-8 encoding when MkDocs wrote it cost
    many times more (about 1% of a whole build of the peer benchmark's corpus).
    """
    return html.escape(value).encode("ascii", "xmlcharrefreplace").decode("ascii")


def with_description(head: str, text: str) -> str:
    """``head`` (a page's up to ``</head>``) with ``text`` as its description tag.

    Replaces the tag Material wrote (the page's own or the site's description), or adds
    one where Material would have, after the viewport tag. The text is escaped.
    """
    if not text:
        return head
    tag = f'<meta name="description" content="{head_attribute(text)}">'
    found = _DESCRIPTION_TAG.search(head)
    if found:
        return head[: found.start()] + tag + head[found.end() :]
    # Looked for with str.find: a pattern that starts with whitespace is tried at every
    # character of the head, on every page of a site without a site description.
    viewport = head.find(_VIEWPORT_TAG)
    end = head.find(">", viewport) + 1 if viewport >= 0 else 0
    if end == 0:
        return f"{head}{tag}\n"
    indent = viewport
    while indent > 0 and head[indent - 1].isspace():
        indent -= 1
    return head[:end] + head[indent:viewport] + tag + head[end:]


def head_tags(
    page: Page,
    site_name: str,
    site_url: str,
    image: str,
    article: dict[str, Any] | None,
    text: str,
) -> str:
    """Open Graph and Twitter tags with ``text`` as description, and JSON-LD for a post."""
    url = page.canonical_url or urljoin(site_url, page.file.url)
    title = page.title or site_name
    # Each value escaped once: most appear twice, and this runs for every page.
    quoted = {
        name: head_attribute(str(value))
        for name, value in (("title", title), ("text", text), ("image", image))
    }
    tags = {
        "og:type": "article" if article else "website",
        "og:site_name": head_attribute(site_name),
        "og:title": quoted["title"],
        "og:description": quoted["text"],
        "og:url": head_attribute(url),
        "og:image": quoted["image"],
        "og:locale": "nl_NL",
    }
    lines = [f'<meta property="{k}" content="{v}">' for k, v in tags.items()]
    twitter = {
        "twitter:card": "summary_large_image",
        "twitter:title": quoted["title"],
        "twitter:description": quoted["text"],
        "twitter:image": quoted["image"],
    }
    lines += [f'<meta name="{k}" content="{v}">' for k, v in twitter.items()]
    if article:
        data = {
            "@context": "https://schema.org",
            "@type": "BlogPosting",
            "headline": title,
            "description": text,
            "url": url,
            "mainEntityOfPage": url,
            "image": image,
            "inLanguage": "nl",
            **article,
        }
        lines.append(f'<script type="application/ld+json">{_script_json(data)}</script>')
    return "\n".join(lines)


def _script_json(data: object) -> str:
    """JSON that cannot end its ``<script>`` element early."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def absolute_image(meta: Mapping[str, Any], site_url: str, default: str) -> str:
    """The page's preview image as an absolute URL (its own ``image:``, or the default).

    ``image:`` is a path from the site root (a file under ``docs_dir``), or a full URL.
    """
    image = meta.get("image")
    if not isinstance(image, str) or not image:
        return _site_address(site_url, default)  # most pages: worked out once
    if re.match(r"^[a-z][a-z0-9+.-]*://", image):
        return image
    return urljoin(site_url, image.lstrip("/"))


@lru_cache(maxsize=16)
def _site_address(site_url: str, path: str) -> str:
    """``path`` on the site at ``site_url``, as an absolute URL."""
    return urljoin(site_url, path)


FEED_MESSAGES = message_table(
    "feed",
    en={
        "external_image": (
            "image {image} is not a file of the site, so the feed gets no image for this "
            "post: a build never downloads anything; save the image under {docs}/ and write "
            "its path, e.g. 'image: assets/kaarten/wachtrij.png'"
        ),
    },
    nl={
        "external_image": (
            "afbeelding {image} is geen bestand van de site, dus de feed krijgt bij dit "
            "bericht geen afbeelding: een build downloadt nooit iets; bewaar de afbeelding "
            "onder {docs}/ en schrijf het pad, bijvoorbeeld 'image: assets/kaarten/wachtrij.png'"
        ),
    },
)

_FEED_ITEM = re.compile(r"<item>.*?</item>", re.DOTALL)
_FEED_LINK = re.compile(r"<link>\s*([^<]*?)\s*</link>")


@dataclass(frozen=True)
class Enclosure:
    """A post's image as an RSS ``enclosure``: absolute URL, media type, size in bytes."""

    url: str
    media_type: str
    length: int

    def tag(self) -> str:
        """The ``<enclosure/>`` element, attributes escaped."""
        attributes = {"url": self.url, "type": self.media_type, "length": str(self.length)}
        parts = " ".join(f"{name}={quoteattr(value)}" for name, value in attributes.items())
        return f"<enclosure {parts} />"


def local_enclosure(image: str, docs_dir: str, site_url: str) -> Enclosure | None:
    """The enclosure of an ``image:`` path under ``docs_dir``; None for a URL or no file."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", image):
        return None
    path = posixpath.normpath(image.lstrip("/"))
    full = os.path.join(docs_dir, *path.split("/"))
    if path.startswith("..") or not os.path.isfile(full):
        return None
    media_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return Enclosure(urljoin(site_url, path), media_type, os.path.getsize(full))


# Elements whose text the RSS plugin (1.19) writes unescaped: a tag 'klant & team' or an
# author's name with '&' made the whole feed ill-formed, and readers drop every item.
_FEED_RAW_TEXT = re.compile(r"<(category|author|managingEditor)>(.*?)</\1>", re.DOTALL)
_BARE_AMPERSAND = re.compile(r"&(?![A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#x[0-9A-Fa-f]+;)")


def escape_feed_text(feed: str) -> str:
    """``feed`` (RSS XML) with ``&``, ``<`` and ``>`` escaped in categories and authors.

    Text that is escaped already (``&amp;``) stays as it is.
    """

    def escape(match: re.Match[str]) -> str:
        name, text = match.group(1), match.group(2)
        text = _BARE_AMPERSAND.sub("&amp;", text).replace("<", "&lt;").replace(">", "&gt;")
        return f"<{name}>{text}</{name}>"

    return _FEED_RAW_TEXT.sub(escape, feed)


def add_enclosures(feed: str, enclosures: Mapping[str, Enclosure]) -> str:
    """``feed`` (RSS XML) with the enclosure of each item whose link is in ``enclosures``.

    An item that already has an enclosure keeps it.
    """

    def dress(match: re.Match[str]) -> str:
        item = match.group(0)
        link = _FEED_LINK.search(item)
        enclosure = enclosures.get(html.unescape(link.group(1))) if link else None
        if enclosure is None or "<enclosure" in item:
            return item
        return item.removesuffix("</item>") + enclosure.tag() + "</item>"

    return _FEED_ITEM.sub(dress, feed)
