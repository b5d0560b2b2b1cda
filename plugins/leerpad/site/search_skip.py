"""Widget parts that site search would only throw away, kept out of its sight.

Material's search reads every page's HTML with a pure-Python parser and then drops what
is marked ``data-search-exclude``: the quiz's answer key, buttons, scales. Parsing those
parts made a page with quizzes markedly slower to build. The Markdown extension wraps
them in comment markers; before search reads a page the plugin swaps each marked part
for a short placeholder, and puts it back once search is done.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

START = "leerpad:search-skip"
"""Text of the comment before a part that search should not read."""
END = "/leerpad:search-skip"
"""Text of the comment after it."""

_OPEN = f"<!--{START}-->"
_CLOSE = f"<!--{END}-->"
_HIDDEN = "<!--leerpad:hidden:"
_PLACEHOLDER = re.compile(r"<!--leerpad:hidden:(\d+)-->")


@dataclass(frozen=True)
class Hidden:
    """A page's content as search reads it, and what it takes to put the page back."""

    searched: str
    """The content with each marked part replaced by a placeholder."""
    parts: list[str]
    """The marked parts, in order: placeholder ``n`` stands for ``parts[n]``."""
    whole: str
    """The content as it was, without markers: the page when nothing changed meanwhile."""


def hide_from_search(html: str) -> Hidden:
    """``html`` with every marked part replaced by a placeholder, the parts, and the whole.

    A part runs from an opening marker to the first closing one after it. Looked for with
    ``str.find``: a lazy regular expression stepped through a page's widgets one
    character at a time, a cost every page with a widget paid twice a build.
    """
    parts: list[str] = []
    searched: list[str] = []
    whole: list[str] = []
    done = 0
    while (start := html.find(_OPEN, done)) >= 0:
        end = html.find(_CLOSE, start + len(_OPEN))
        if end < 0:
            break
        before, part = html[done:start], html[start + len(_OPEN) : end]
        parts.append(part)
        searched += [before, f"{_HIDDEN}{len(parts) - 1}-->"]
        whole += [before, part]
        done = end + len(_CLOSE)
    if not parts:
        return Hidden(html, parts, drop_markers(html))
    rest = html[done:]
    return Hidden("".join([*searched, rest]), parts, drop_markers("".join([*whole, rest])))


def restore_hidden(html: str, hidden: Hidden) -> str:
    """``html`` (what search read) with the parts back in place and no marker left.

    When nothing changed the content since it was hidden, that is the whole page as it
    was; else each placeholder is replaced by its part.
    """
    if html is hidden.searched:
        return hidden.whole
    if hidden.parts and _HIDDEN in html:
        parts = hidden.parts

        def part(match: re.Match[str]) -> str:
            number = int(match.group(1))
            # An author's own comment of this form is no placeholder: it stays.
            return parts[number] if number < len(parts) else match.group(0)

        html = _PLACEHOLDER.sub(part, html)
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
    return html.replace(_OPEN, "").replace(_CLOSE, "")
