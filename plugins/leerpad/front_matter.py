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
from .yaml_lines import error_line, load_with_lines

# The opening "---" is line 1, so the first YAML line is line 2.
_YAML_FIRST_LINE = 2


@dataclass
class FrontMatter:
    """Front matter of one Markdown file, with line numbers for error messages."""

    path: str
    data: dict[str, Any]
    key_lines: dict[str, int] = field(default_factory=dict)
    end_line: int = 1
    """Line of the closing ``---`` (1 when the file has no front matter)."""

    body: str = ""

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
    data, key_lines = _load_mapping(raw, path)
    return FrontMatter(path, data, key_lines, closing, body)


def _closing_line(lines: list[str]) -> int | None:
    """1-based line number of the closing front matter fence, if any."""
    for index, line in enumerate(lines[1:], start=2):
        if line.rstrip() in ("---", "..."):
            return index
    return None


def _load_mapping(raw: str, path: str) -> tuple[dict[str, Any], dict[str, int]]:
    """The YAML text as a mapping, with each key's line in the file."""
    try:
        data, lines = load_with_lines(raw)
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
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ProblemError(
            Problem(
                path,
                _YAML_FIRST_LINE,
                "front matter must be 'key: value' lines, e.g. 'title: Mijn module'",
            )
        )
    return data, {key: line + _YAML_FIRST_LINE for key, line in lines.items()}
