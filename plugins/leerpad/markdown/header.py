"""The indented YAML options under a widget's opening line, checked with line numbers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import yaml

from ..problems import Problem
from ..yaml_lines import MESSAGES as YAML_MESSAGES
from ..yaml_lines import HostileYamlError, error_line, load_yaml

Validator = Callable[[Any], Any]
"""Turns a raw YAML value into the option's value, or raises ValueError with a reason."""


def read_options(
    path: str,
    header: list[tuple[int, str]],
    spec: dict[str, tuple[Any, Validator]],
    problems: list[Problem],
) -> dict[str, Any]:
    """Parse and validate header options; record each problem at its line."""
    values = {name: default for name, (default, _) in spec.items()}
    if not header:
        return values
    first_line = header[0][0]
    text = "\n".join(line for _, line in header)
    try:
        loaded = load_yaml(text)
    except HostileYamlError as error:
        line = first_line + error_line(error, text)
        problems.append(Problem(path, line, f"the options are refused: {error.problem}"))
        return values
    except yaml.MarkedYAMLError as error:
        line = first_line + error_line(error, text)
        problems.append(
            Problem(
                path,
                line,
                f"the options are not valid YAML ({error.problem}); "
                "write one 'name: value' per line, indented 4 spaces",
            )
        )
        return values
    raw, key_lines = loaded.data, loaded.key_lines
    problems += [
        Problem(path, first_line + line, YAML_MESSAGES["comment"]) for line in loaded.comment_lines
    ]
    if not isinstance(raw, dict):
        problems.append(
            Problem(
                path,
                first_line,
                "options must be 'name: value' lines, indented 4 spaces under the opening line",
            )
        )
        return values
    lines = {key: first_line + line for key, line in key_lines.items()}
    for name, value in raw.items():
        line = lines.get(str(name), first_line)
        if name not in spec:
            known = ", ".join(sorted(spec))
            problems.append(Problem(path, line, f"unknown option '{name}'; known options: {known}"))
            continue
        try:
            values[name] = spec[name][1](value)
        except ValueError as error:
            problems.append(Problem(path, line, f"option '{name}': {error}"))
    return values


def boolean(value: Any) -> bool:
    """``true`` or ``false``."""
    if isinstance(value, bool):
        return value
    raise ValueError(f"write true or false (found {value!r})")


def text(value: Any) -> str:
    """Any non-empty text."""
    if isinstance(value, str | int | float) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    raise ValueError(f"write some text (found {value!r})")


def identifier(value: Any) -> str:
    """A stable id: lowercase letters, digits and hyphens, starting with a letter."""
    if (
        isinstance(value, str)
        and value[:1].isalpha()
        and value.isascii()
        and all(c.islower() or c.isdigit() or c == "-" for c in value)
    ):
        return value
    raise ValueError(
        f"an id uses lowercase letters, digits and hyphens and starts with a letter, "
        f"e.g. 'id: veilige-haven' (found {value!r})"
    )
