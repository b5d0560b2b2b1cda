"""The indented YAML options under a widget's opening line, checked with line numbers."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from typing import Any

import yaml

from ..problems import Problem
from ..source.yaml_lines import HostileYamlError, error_line, load_yaml, quoted_fix, yaml_reason
from .messages import Invalid, Reporter

Validator = Callable[[Any], Any]
"""Turns a raw YAML value into the option's value, or raises Invalid with a reason."""


def read_options(
    report: Reporter,
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
    except yaml.MarkedYAMLError as error:
        at = error_line(error, text)
        reason = yaml_reason(error, report.language, header[at][1] if at < len(header) else "")
        key = "options_refused" if isinstance(error, HostileYamlError) else "options_yaml"
        problems.append(report.problem(first_line + at, key, problem=reason))
        return values
    raw, key_lines = loaded.data, loaded.key_lines
    problems += [
        report.problem(first_line + line, "options_comment", fix=quoted_fix(header[line][1]))
        for line in loaded.comment_lines
    ]
    if not isinstance(raw, dict):
        problems.append(report.problem(first_line, "options_not_pairs"))
        return values
    lines = {key: first_line + line for key, line in key_lines.items()}
    for name, value in raw.items():
        line = lines.get(str(name), first_line)
        if name not in spec:
            problems.append(unknown_option(report, line, str(name), spec))
            continue
        try:
            values[name] = spec[name][1](value)
        except Invalid as error:
            reason = report.text(error.key, **error.values)
            problems.append(report.problem(line, "option_invalid", name=name, reason=reason))
    return values


def unknown_option(report: Reporter, line: int, name: str, spec: dict[str, Any]) -> Problem:
    """An unknown option, with the known one it is closest to when there is one."""
    close = difflib.get_close_matches(name.lower(), list(spec), n=1, cutoff=0.6)
    if close:
        return report.problem(line, "option_did_you_mean", name=name, suggestion=close[0])
    known = ", ".join(sorted(spec)) or report.text("none")
    return report.problem(line, "option_unknown", name=name, known=known)


def boolean(value: Any) -> bool:
    """``true`` or ``false``."""
    if isinstance(value, bool):
        return value
    raise Invalid("value_boolean", found=repr(value))


def text(value: Any) -> str:
    """Any non-empty text."""
    if isinstance(value, str | int | float) and not isinstance(value, bool) and str(value).strip():
        return str(value).strip()
    raise Invalid("value_text", found=repr(value))


def identifier(value: Any) -> str:
    """A stable id: lowercase letters, digits and hyphens, starting with a letter."""
    if (
        isinstance(value, str)
        and value[:1].isalpha()
        and value.isascii()
        and all(c.islower() or c.isdigit() or c == "-" for c in value)
    ):
        return value
    raise Invalid("value_id", found=repr(value))
