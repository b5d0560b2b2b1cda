"""Read YAML front matter while keeping the source line of every key.

python-frontmatter finds and splits the front matter; our YAML handler loads it through
``yaml_lines``, whose composer gives each key's line, so that every complaint about a
field can point at the line the author has to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler

from ..problems import Problem, ProblemError
from .yaml_lines import MESSAGES as YAML_MESSAGES
from .yaml_lines import HostileYamlError, LoadedYaml, error_line, load_yaml, quoted_fix

# The front matter text starts with the rest of the opening "---" line (line 1), so its
# line n (from 0) is line n + 1 of the file; the first line that can hold YAML is line 2.
_FENCE_LINES = 1
_YAML_FIRST_LINE = 2

SHOWN_CHARACTERS = 60
"""At most this much of a value is quoted in a message: a value may be megabytes long."""

MESSAGES = {
    "not_utf8": (
        "not a UTF-8 text file (byte 0x{byte:02x} cannot be read); save it as UTF-8 text, "
        "or give a file that is not Markdown its own extension"
    ),
    "nul": ("not a text file (it holds NUL bytes, e.g. saved as UTF-16); save it as UTF-8 text"),
    "unreadable": "cannot be read: {reason}",
    "hostile": "front matter refused: {reason}",
}


def shown(value: object) -> str:
    """``repr(value)``, cut to about ``SHOWN_CHARACTERS`` characters for a message."""
    text = repr(value) if not isinstance(value, list | dict) else type(value).__name__
    if len(text) <= SHOWN_CHARACTERS:
        return text
    return text[: SHOWN_CHARACTERS - 1] + "…"


def read_source(path: str, display: str) -> str:
    """The text of a Markdown file, without a BOM, with every line end read as a newline.

    Raises ProblemError naming ``display`` (and the line of the first bad byte) when the
    file is not UTF-8 text, whatever bytes it holds.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        reason = error.strerror or str(error)
        message = MESSAGES["unreadable"].format(reason=reason)
        raise ProblemError(Problem(display, 0, message)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = MESSAGES["not_utf8"].format(byte=data[error.start])
        raise ProblemError(Problem(display, line, message)) from None
    if "\0" in text:
        line = text[: text.index("\0")].count("\n") + 1
        raise ProblemError(Problem(display, line, MESSAGES["nul"]))
    # As Python's text mode reads them, which is how MkDocs and we read files before.
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class FrontMatter:
    """Front matter of one Markdown file, with line numbers for error messages."""

    path: str
    data: dict[str, Any]
    key_lines: dict[str, int] = field(default_factory=dict)
    end_line: int = 1
    """Line of the closing ``---`` (1 when the file has no front matter)."""

    body: str = ""
    warnings: list[Problem] = field(default_factory=list)
    """Problems that do not stop the file from being read (a value cut by ' #')."""

    def line_of(self, key: str) -> int:
        """Line of ``key``, or of the front matter's start when the key is absent."""
        return self.key_lines.get(key, 1)

    def problem(self, key: str, message: str) -> Problem:
        """A problem located at ``key`` (or at line 1 when the key is missing)."""
        return Problem(self.path, self.line_of(key), message)


def read_front_matter(text: str, path: str) -> FrontMatter:
    """Parse ``text``; raise ProblemError with file and line for broken front matter."""
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    handler = LinedYAMLHandler()
    if not handler.detect(text):
        return FrontMatter(path, {}, body=text)
    try:
        raw, body = handler.split(text)
    except ValueError:  # no closing fence to split at
        raise ProblemError(
            Problem(
                path,
                1,
                "front matter starts with '---' here but is never closed; "
                "add a line with only '---' after the last field",
            )
        ) from None
    closing = 1 + raw.count("\n")
    data, key_lines, comments = _load_mapping(handler, raw, path)
    raw_lines = raw.splitlines()
    warnings = [
        Problem(
            path,
            line,
            YAML_MESSAGES["comment"].format(fix=quoted_fix(raw_lines[line - _FENCE_LINES])),
        )
        for line in comments
    ]
    return FrontMatter(path, data, key_lines, closing, body.removeprefix("\n"), warnings)


class LinedYAMLHandler(YAMLHandler):
    """python-frontmatter's YAML handler, reading through ``yaml_lines``.

    The library finds and splits the front matter; loading through ``load_yaml`` keeps
    each key's line and the lines of values cut by `` #``, and refuses hostile YAML.
    The front matter text it hands over starts right after the opening ``---``, so its
    line n (counting from 0) is line n + 1 of the file.
    """

    # The opening fence is '---' alone on the first line; '...' may also close.
    FM_BOUNDARY = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)

    def __init__(self) -> None:
        super().__init__()
        self.loaded = LoadedYaml(None)
        """What the last ``load`` read, with its lines."""

    def detect(self, text: str) -> bool:
        """Whether ``text`` opens with a front matter fence on its first line."""
        return text.split("\n", 1)[0].rstrip() == "---"

    def load(self, fm: str, **kwargs: object) -> Any:
        """The front matter's value; raises like ``yaml_lines.load_yaml``."""
        self.loaded = load_yaml(fm)
        return self.loaded.data

    def export(self, metadata: dict[str, object], **kwargs: object) -> str:
        """``metadata`` as the guides write it, keys in the order given.

        Lists of sentences go one per indented line, lists of names between brackets.
        """
        text = yaml.dump(
            metadata, Dumper=_GuideStyleDumper, sort_keys=False, allow_unicode=True, width=1000
        )
        return text.strip()


class _GuideStyleDumper(yaml.SafeDumper):
    """YAML in the guides' style: ``  - Je …`` lines, ``[ria]`` for names."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Indent list items under their key (PyYAML puts them at the key's column)."""
        super().increase_indent(flow, False)

    def represent_list(self, data: Any) -> yaml.SequenceNode:
        """Names (single words) between brackets; anything longer one per line."""
        names = all(isinstance(item, str) and " " not in item for item in data)
        return self.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=names)


_GuideStyleDumper.add_representer(list, _GuideStyleDumper.represent_list)


def write_front_matter(metadata: dict[str, Any], body: str) -> str:
    """A Markdown file's text: ``metadata`` as front matter, a blank line, then ``body``.

    Written by python-frontmatter through ``LinedYAMLHandler``, so that what ``leerpad
    new`` writes is read back by the same handler.
    """
    post = frontmatter.Post(body, handler=LinedYAMLHandler(), **metadata)
    return frontmatter.dumps(post) + "\n"


def _load_mapping(
    handler: LinedYAMLHandler, raw: str, path: str
) -> tuple[dict[str, Any], dict[str, int], list[int]]:
    """The YAML text as a mapping, each key's line, and lines with a value cut by ' #'."""
    try:
        handler.load(raw)
        loaded = handler.loaded
    except HostileYamlError as error:
        line = error_line(error, raw) + _FENCE_LINES
        message = MESSAGES["hostile"].format(reason=error.problem)
        raise ProblemError(Problem(path, line, message)) from None
    except yaml.MarkedYAMLError as error:
        line = error_line(error, raw) + _FENCE_LINES
        reason = error.problem or "invalid YAML"
        raise ProblemError(
            Problem(
                path,
                line,
                f"front matter is not valid YAML: {reason}; "
                "check quotes, colons and indentation on this line",
            )
        ) from None
    except yaml.YAMLError as error:
        raise ProblemError(Problem(path, 1, f"front matter is not valid YAML: {error}")) from None
    data = loaded.data
    if data is None:
        return {}, {}, []
    if not isinstance(data, dict):
        raise ProblemError(
            Problem(
                path,
                _YAML_FIRST_LINE,
                "front matter must be 'key: value' lines, e.g. 'title: Mijn module'",
            )
        )
    lines = {key: line + _FENCE_LINES for key, line in loaded.key_lines.items()}
    return data, lines, [line + _FENCE_LINES for line in loaded.comment_lines]
