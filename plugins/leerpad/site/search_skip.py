"""Widget parts that site search would only throw away, kept out of its sight.

Material's search reads every page's HTML with a pure-Python parser and then drops what
is marked ``data-search-exclude``: the quiz's answer key, buttons, scales. Parsing those
parts made a page with quizzes markedly slower to build. The Markdown extension wraps
them in comment markers; before search reads a page the plugin swaps each marked part
for a short placeholder, and puts it back once search is done.
"""

from __future__ import annotations

import re

START = "leerpad:search-skip"
"""Text of the comment before a part that search should not read."""
END = "/leerpad:search-skip"
"""Text of the comment after it."""

_MARKED = re.compile(f"<!--{re.escape(START)}-->(.*?)<!--{re.escape(END)}-->", re.S)
_PLACEHOLDER = re.compile(r"<!--leerpad:hidden:(\d+)-->")


def hide_from_search(html: str) -> tuple[str, list[str]]:
    """``html`` with every marked part replaced by a placeholder, and the parts in order."""
    parts: list[str] = []

    def set_aside(match: re.Match[str]) -> str:
        parts.append(match.group(1))
        return f"<!--leerpad:hidden:{len(parts) - 1}-->"

    return _MARKED.sub(set_aside, html), parts


def restore_hidden(html: str, parts: list[str]) -> str:
    """Put the parts back where their placeholders are, and drop any stray marker."""
    if parts:
        html = _PLACEHOLDER.sub(lambda match: parts[int(match.group(1))], html)
    return drop_markers(html)


_EITHER_MARKER = f"{START}-->"
"""The end of both markers: one search finds either."""


def drop_markers(html: str, start: int = 0) -> str:
    """``html`` without markers, which occur only from offset ``start`` on.

    HTML that search never saw (a post's excerpt in a blog listing, rendered apart from
    its page) must not keep them either. A whole page is large where the navigation
    lists many pages: looking only from where the content starts keeps this cheap.
    """
    if html.find(_EITHER_MARKER, start) < 0:
        return html
    return html.replace(f"<!--{START}-->", "").replace(f"<!--{END}-->", "")
