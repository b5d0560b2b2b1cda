"""Load YAML once and learn the line of every top-level key on the way.

This is the one YAML reader of front matter and widget headers. Besides the lines it
guards against two things an author cannot see in the result: a value cut short by a
`` #`` that YAML reads as a comment, and aliases that expand a few lines into billions
of values (refused before anything is built from them, so no later reader expands them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

# libyaml's loader when PyYAML has it: front matter is read for every page of a build.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """The safe loader, with dates that do not exist refused at their line."""


def _date_that_exists(loader: Any, node: yaml.ScalarNode) -> Any:
    """A YAML date or time; '2026-13-45' is a YAML error at its mark, not a ValueError."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as error:
        raise yaml.constructor.ConstructorError(
            None,
            None,
            MESSAGES["no_such_date"].format(value=node.value, reason=error),
            node.start_mark,
        ) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _date_that_exists)

ALIAS_BUDGET = 10_000
"""Values that aliases (``*name``) may add to a document. A real header or front matter
repeats a few values at most; a "billion laughs" document adds billions, and every
reader after us (templates, feeds, search) would expand them in full."""

MESSAGES = {
    "aliases": (
        "the aliases (*name) up to here expand to more than {budget} values; "
        "write the values out instead of repeating them through aliases"
    ),
    "recursive": "an alias (*name) here refers to itself; write the value out instead",
    "too_deep": "the YAML is nested too deeply to read; use plain 'key: value' lines",
    "no_such_date": "'{value}' is not a date that exists ({reason}); write it as YYYY-MM-DD",
    "comment": (
        "YAML reads ' #' and what follows as a comment, so it is dropped from the value; "
        "put the whole value in double quotes: {fix}"
    ),
}

# A plain value ends where YAML saw a comment: blanks, then '#'.
_COMMENT_AFTER = re.compile(r"^[ \t]*#")


class HostileYamlError(yaml.MarkedYAMLError):
    """YAML that would take unbounded time or memory to use; ``problem_mark`` is its line."""

    def __init__(self, line: int, problem: str) -> None:
        super().__init__(problem=problem, problem_mark=yaml.Mark("<yaml>", 0, line, 0, "", 0))


@dataclass
class LoadedYaml:
    """One YAML document: its value, and 0-based lines an author may need to hear about."""

    data: Any
    key_lines: dict[str, int] = field(default_factory=dict)
    """Line of each top-level key, if the document is a mapping."""
    comment_lines: list[int] = field(default_factory=list)
    """Lines where a plain value is followed by `` #…``, which YAML drops as a comment."""


def load_yaml(text: str) -> LoadedYaml:
    """Compose, check and construct ``text``.

    Raises ``yaml.YAMLError`` (with marks when PyYAML has them) for invalid YAML, and
    ``HostileYamlError`` for aliases that expand beyond ``ALIAS_BUDGET`` values, refer to
    themselves, or nesting too deep to read. The check takes time linear in the text.
    """
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return LoadedYaml(None)
        _check_expansion(node)
        data = loader.construct_document(node)
    except RecursionError:  # composing and constructing recurse once per level
        raise HostileYamlError(0, MESSAGES["too_deep"]) from None
    finally:
        loader.dispose()
    loaded = LoadedYaml(data, comment_lines=_comment_lines(node, text.splitlines()))
    if isinstance(node, yaml.MappingNode):
        loaded.key_lines = {
            str(key.value): key.start_mark.line
            for key, _ in node.value
            if isinstance(key, yaml.ScalarNode)
        }
    return loaded


def load_with_lines(text: str) -> tuple[Any, dict[str, int]]:
    """The loaded value and, if it is a mapping, each key's 0-based line in ``text``.

    Raises like ``load_yaml``.
    """
    loaded = load_yaml(text)
    return loaded.data, loaded.key_lines


def _children(node: yaml.Node) -> list[yaml.Node]:
    """The nodes directly inside ``node`` (keys and values of a mapping)."""
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _check_expansion(root: yaml.Node) -> None:
    """Refuse aliases that would expand the document beyond ``ALIAS_BUDGET`` values.

    An alias is the very node it names, so the composed document is a graph whose size
    is small; its expanded size is counted once per node (memoised), without expanding.
    """
    sizes: dict[int, int] = {}
    parts = (
        [(key.start_mark.line, value) for key, value in root.value]
        if isinstance(root, yaml.MappingNode)
        else [(root.start_mark.line, root)]
    )
    expanded = 0
    for line, part in parts:
        expanded += 1 + _expanded_size(part, sizes, line)
        if expanded > len(sizes) + len(parts) + ALIAS_BUDGET:
            raise HostileYamlError(line, MESSAGES["aliases"].format(budget=ALIAS_BUDGET))


def _expanded_size(top: yaml.Node, sizes: dict[int, int], line: int) -> int:
    """Values ``top`` stands for once every alias is written out (iterative: no recursion)."""
    in_progress: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(top, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if children_done:
            in_progress.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in children)
            continue
        if id(node) in in_progress:
            raise HostileYamlError(line, MESSAGES["recursive"])
        in_progress.add(id(node))
        stack.append((node, True))
        for child in children:
            if id(child) in in_progress:
                raise HostileYamlError(line, MESSAGES["recursive"])
            stack.append((child, False))
    return sizes[id(top)]


# What comes before a value on its line: the indent, a list dash, a key and its colon.
_BEFORE_VALUE = re.compile(
    r"^[ \t]*(?P<lead>(?:-[ \t]+)?(?:[^\s:#'\"][^:#]*:[ \t]+)?)(?P<value>.*?)\s*$"
)
_FIX_VALUE_CHARS = 50


def quoted_fix(line: str) -> str:
    """``line`` as the author should write it: its value in double quotes (shortened).

    ``title: Klantregel #2 telt`` gives ``title: "Klantregel #2 telt"``; a value of
    more than 50 characters is cut with an ellipsis, so a message never repeats a
    whole line.
    """
    found = _BEFORE_VALUE.match(line)
    lead, value = (found["lead"], found["value"]) if found else ("", line.strip())
    if len(value) > _FIX_VALUE_CHARS:
        value = value[: _FIX_VALUE_CHARS - 1] + "…"
    value = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{lead}"{value}"'


def _comment_lines(root: yaml.Node, lines: list[str]) -> list[int]:
    """Lines where a plain (unquoted) value is directly followed by a ``#`` comment."""
    found = set()
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack += [value for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
        # Only text: after a number, a date or true/false a '#' is a deliberate comment
        # ('duration: 45  # minutes'), and quoting the value would break it.
        elif (
            isinstance(node, yaml.ScalarNode)
            and node.style in (None, "")
            and node.tag == "tag:yaml.org,2002:str"
        ):
            if node.end_mark.line >= len(lines):
                continue
            rest = lines[node.end_mark.line][node.end_mark.column :]
            if _COMMENT_AFTER.match(rest) and (node.value or rest.startswith(" ")):
                found.add(node.end_mark.line)
    return sorted(found)


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
