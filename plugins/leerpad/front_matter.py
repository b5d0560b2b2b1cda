"""Read YAML front matter while keeping the source line of every key.

PyYAML's composer gives each key's line, so that every complaint about a field can point
at the line the author has to change. The split itself is three lines of our own: it has
to know the line numbers anyway, which a front matter library does not expose.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem, ProblemError
from .yaml_lines import MESSAGES as YAML_MESSAGES
from .yaml_lines import HostileYamlError, error_line, load_yaml

# The opening "---" is line 1, so the first YAML line is line 2.
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
    text = text.removeprefix("\ufeff")
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter(path, {}, body=text)
    closing = _closing_line(lines)
    if closing is None:
        raise ProblemError(
            Problem(
                path,
                1,
                "front matter starts with '---' here but is never closed; "
                "add a line with only '---' after the last field",
            )
        )
    raw = "\n".join(lines[1 : closing - 1])
    body = "\n".join(lines[closing:])
    data, key_lines, comments = _load_mapping(raw, path)
    warnings = [Problem(path, line, YAML_MESSAGES["comment"]) for line in comments]
    return FrontMatter(path, data, key_lines, closing, body, warnings)


def _closing_line(lines: list[str]) -> int | None:
    """1-based line number of the closing front matter fence, if any."""
    for index, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            return index
    return None


def _load_mapping(raw: str, path: str) -> tuple[dict[str, Any], dict[str, int], list[int]]:
    """The YAML text as a mapping, each key's line, and lines with a value cut by ' #'."""
    try:
        loaded = load_yaml(raw)
    except HostileYamlError as error:
        line = error_line(error, raw) + _YAML_FIRST_LINE
        message = MESSAGES["hostile"].format(reason=error.problem)
        raise ProblemError(Problem(path, line, message)) from None
    except yaml.MarkedYAMLError as error:
        line = error_line(error, raw) + _YAML_FIRST_LINE
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
    lines = {key: line + _YAML_FIRST_LINE for key, line in loaded.key_lines.items()}
    return data, lines, [line + _YAML_FIRST_LINE for line in loaded.comment_lines]
