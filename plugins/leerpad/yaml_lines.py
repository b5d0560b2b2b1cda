"""Load YAML once and learn the line of every top-level key on the way."""

from __future__ import annotations

from typing import Any

import yaml

# libyaml's loader when PyYAML has it: front matter is read for every page of a build.
_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_with_lines(text: str) -> tuple[Any, dict[str, int]]:
    """The loaded value and, if it is a mapping, each key's 0-based line in ``text``.

    Raises ``yaml.YAMLError`` (with marks when PyYAML has them) for invalid YAML.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    lines = {}
    if isinstance(node, yaml.MappingNode):
        lines = {
            str(key.value): key.start_mark.line
            for key, _ in node.value
            if isinstance(key, yaml.ScalarNode)
        }
    return data, lines


def error_line(error: yaml.MarkedYAMLError, text: str) -> int:
    """The 0-based line an author should look at for ``error``.

    When the parser only noticed the problem at the very end (an unclosed bracket or
    quote), the line where the unfinished construct started is the one to fix.
    """
    mark = error.problem_mark
    last_line = max(len(text.splitlines()) - 1, 0)
    if error.context_mark is not None and (mark is None or mark.line >= last_line):
        mark = error.context_mark
    return mark.line if mark is not None else 0
