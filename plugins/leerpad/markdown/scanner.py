"""Find widget blocks in the raw Markdown lines, before anything else touches them.

pymdownx.blocks forgets source lines, and leaves a block with a bad option as plain
text without a word. So leerpad reads each widget's source itself, here, with the line
numbers the author's editor shows, and hands the parsed widget to the block renderer.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

_OPENING = re.compile(
    r"^(?P<indent>[ ]*)(?P<fence>/{3,})[ ]*(?P<kind>[a-z][a-z-]*)\b[ ]*(?P<rest>.*)$"
)
# Any block name, also with capitals: to recognise a widget whose name is misspelt.
_LOOSE_OPENING = re.compile(
    r"^(?P<indent>[ ]*)(?P<fence>/{3,})[ ]*(?P<kind>[A-Za-z][A-Za-z-]*)\b[ ]*(?P<rest>.*)$"
)
# Dutch names a trainer may reach for, by the kind they mean.
_KIND_ALIASES = {"vraag": "quiz", "zelftest": "assessment", "reflectie": "reflection"}
CODE_FENCE = re.compile(r"^[ ]*(?P<fence>`{3,}|~{3,})")
"""A line that opens or closes fenced code: three or more backticks or tildes."""
_FENCE_STARTS = ("`", "~", "/")
"""The first character (after spaces) of a line that opens or closes code or a block."""
_BLOCK_OPENER = re.compile(r"^(?P<indent>[ ]*)(?P<fence>/{3,})[ ]*[a-z]")


@dataclass
class Region:
    """The source of one widget block: opening line, YAML header and body."""

    kind: str
    fence: str
    """The slashes that opened the block; the same count closes it."""
    indent: str
    line: int
    """Line of the opening ``///`` in the file."""
    argument: str
    header: list[tuple[int, str]] = field(default_factory=list)
    """The indented option lines right after the opening line, with their line numbers."""
    body: list[tuple[int, str]] = field(default_factory=list)
    closed: bool = False
    end: int = 0
    """Index (0-based, in the scanned list) of the line after the block."""
    close_line: int = 0
    """Line of the closing fence, when the block is closed."""
    next_block_line: int = 0
    """When unclosed: line of the block opener at this block's level that ended it."""
    written_kind: str = ""
    """When the author misspelt the kind (``/// quizz``, ``/// Quiz``): what was written."""
    open_code: tuple[int, str, int] | None = None
    """A code block inside the widget that is never closed: (line, its fence, line of the
    first closing line it swallowed, or 0)."""

    @property
    def source(self) -> str:
        """The block's text, used to tell whether the author changed it."""
        lines = [self.argument] + [t for _, t in self.header] + [t for _, t in self.body]
        return "\n".join(line.rstrip() for line in lines).strip()


TAB_LENGTH = 4
"""Python-Markdown's ``tab_length``: it expands every tab to this many columns first."""


def source_lines(text: str) -> list[str]:
    """The lines of a page as Python-Markdown reads them: tabs expanded to 4 columns.

    A tab-indented option is an option in the build; so it must be for the check, or the
    check would pass over a line the page shows (or refuses).
    """
    return text.expandtabs(TAB_LENGTH).splitlines()


def find_regions(
    lines: list[str], kinds: set[str], first_line: int = 1
) -> list[tuple[int, Region]]:
    """Every widget block of ``kinds`` outside code fences, as (start index, region)."""
    found: list[tuple[int, Region]] = []
    index = 0
    fence: str | None = None
    while index < len(lines):
        line = lines[index]
        # Most lines are prose: only one starting with a fence character can matter.
        if line.lstrip(" ")[:1] not in _FENCE_STARTS:
            index += 1
            continue
        code = CODE_FENCE.match(line)
        if fence is not None:
            if code and code["fence"][0] == fence[0] and len(code["fence"]) >= len(fence):
                fence = None
            index += 1
            continue
        if code:
            fence = code["fence"]
            index += 1
            continue
        opening = _OPENING.match(line)
        if opening and opening["kind"] in kinds:
            region = _read_region(lines, index, opening, first_line)
            found.append((index, region))
            index = region.end
            continue
        loose = _LOOSE_OPENING.match(line)
        meant = meant_kind(loose["kind"], kinds) if loose else None
        if loose and meant:
            # Read as the widget that was meant, so that its source (the answer key too)
            # never shows as text; the misspelling is reported in its place.
            region = _read_region(lines, index, loose, first_line)
            region.written_kind, region.kind = region.kind, meant
            found.append((index, region))
            index = region.end
            continue
        index += 1
    return found


def meant_kind(written: str, kinds: set[str]) -> str | None:
    """The widget kind an unknown block name was probably meant as, or None.

    A near miss is another case (``Quiz``), a typo (``quizz``) or the Dutch word
    (``reflectie``); anything else is left alone, as another extension's block.
    """
    name = written.lower()
    if name in kinds:
        return name
    alias = _KIND_ALIASES.get(name)
    if alias in kinds:
        return alias
    close = difflib.get_close_matches(name, sorted(kinds), n=1, cutoff=0.75)
    return close[0] if close else None


def _read_region(lines: list[str], start: int, opening: re.Match[str], first_line: int) -> Region:
    """Read one block from its opening line to its closing fence (or the end)."""
    rest = opening["rest"].strip()
    argument = rest[1:].strip() if rest.startswith("|") else rest
    region = Region(
        kind=opening["kind"],
        fence=opening["fence"],
        indent=opening["indent"],
        line=start + first_line,
        argument=argument,
    )
    index = start + 1
    header_indent = opening["indent"] + "    "
    while index < len(lines) and lines[index].startswith(header_indent) and lines[index].strip():
        region.header.append((index + first_line, lines[index][len(header_indent) :]))
        index += 1
    indent, fence = opening["indent"], opening["fence"]
    closing = re.compile(rf"^{re.escape(indent)}{fence}[ ]*$")
    code: tuple[int, str, int] | None = None
    while index < len(lines):
        line = lines[index]
        number = index + first_line
        # Most lines are prose: look at the first character before trying any pattern.
        first = line.lstrip(" ")[:1]
        if code is not None:
            # Inside a fenced code block everything is text, '///' lines too.
            if first == code[1][0] and _closes_code(line, code[1]):
                code = None
            elif first == "/" and closing.match(line) and not code[2]:
                code = (code[0], code[1], number)
        elif first in ("`", "~") and (found := CODE_FENCE.match(line)) is not None:
            code = (number, found["fence"], 0)
        elif first != "/":
            pass
        elif closing.match(line):
            region.closed, region.close_line, region.end = True, number, index + 1
            return region
        elif _opens_block_at_level(line, indent, fence):
            # Blocks at this level do not nest: the widget was never closed.
            region.next_block_line, region.end = number, index
            return region
        region.body.append((number, _dedent(line, indent)))
        index += 1
    region.open_code = code
    region.end = index
    return region


def _closes_code(line: str, fence: str) -> bool:
    """Whether ``line`` ends a code block opened with ``fence``."""
    stripped = line.strip()
    return (
        stripped[:1] == fence[0]
        and len(stripped) >= len(fence)
        and stripped == fence[0] * len(stripped)
    )


def _opens_block_at_level(line: str, indent: str, fence: str) -> bool:
    """Whether ``line`` opens a block (any kind) with ``fence``, at most ``indent`` deep."""
    found = _BLOCK_OPENER.match(line)
    return found is not None and found["fence"] == fence and len(found["indent"]) <= len(indent)


def _dedent(line: str, indent: str) -> str:
    """Remove the block's own indentation (blocks inside lists are indented)."""
    return line[len(indent) :] if line.startswith(indent) else line.lstrip(" ")
