"""Load YAML once and learn the line of every top-level key on the way.

This is the one YAML reader of front matter and widget headers. Besides the lines it
guards against two things an author cannot see in the result: a value cut short by a
`` #`` that YAML reads as a comment, and aliases that expand a few lines into billions
of values (refused before anything is built from them, so no later reader expands them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..problems import message_table

# libyaml's loader when PyYAML has it: front matter is read for every page of a build.
_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    """The safe loader, with dates that do not exist refused at their line."""


class NoSuchDateError(yaml.constructor.ConstructorError):
    """A date-like value that is no date (2026-02-30), at its mark; ``value`` as written."""

    def __init__(self, value: str, part: str, mark: yaml.Mark) -> None:
        self.key = f"no_such_{part}"
        self.values = {"value": value}
        super().__init__(None, None, MESSAGES.text("en", self.key, **self.values), mark)


def _date_that_exists(loader: Any, node: yaml.ScalarNode) -> Any:
    """A YAML date or time; '2026-13-45' is a YAML error at its mark, not a ValueError."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as error:
        # datetime says which part is out of range: "month must be in 1..12", "day is …".
        said = str(error).split()[0]
        part = said if said in ("month", "hour", "minute", "second") else "day"
        raise NoSuchDateError(node.value, part, node.start_mark) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _date_that_exists)

MAX_DIGITS = 100
"""Digits of a whole number YAML may read. Python refuses to read more than 4300 (a
ValueError, not a YAML error); no duration, score or count needs a hundred."""


class NumberTooLongError(yaml.constructor.ConstructorError):
    """A whole number of more than ``MAX_DIGITS`` digits, at its mark."""

    def __init__(self, mark: yaml.Mark) -> None:
        self.key = "number_too_long"
        self.values = {"limit": MAX_DIGITS}
        super().__init__(None, None, MESSAGES.text("en", self.key, **self.values), mark)


def _int_of_sane_length(loader: Any, node: yaml.ScalarNode) -> Any:
    """A YAML integer; one of thousands of digits is a YAML error at its mark."""
    if sum(character.isdigit() for character in str(node.value)) > MAX_DIGITS:
        raise NumberTooLongError(node.start_mark)
    return yaml.SafeLoader.construct_yaml_int(loader, node)


_Loader.add_constructor("tag:yaml.org,2002:int", _int_of_sane_length)

ALIAS_BUDGET = 10_000
"""Values that aliases (``*name``) may add to a document. A real header or front matter
repeats a few values at most; a "billion laughs" document adds billions, and every
reader after us (templates, feeds, search) would expand them in full."""

MESSAGES = message_table(
    "yaml",
    en={
        "aliases": (
            "the aliases (*name) up to here expand to more than {budget} values; "
            "write the values out instead of repeating them through aliases"
        ),
        "recursive": "an alias (*name) here refers to itself; write the value out instead",
        "too_deep": "the YAML is nested too deeply to read; use plain 'key: value' lines",
        "no_such_month": (
            "'{value}' is not a date that exists (the month must be in 1..12); "
            "write it as YYYY-MM-DD"
        ),
        "no_such_day": (
            "'{value}' is not a date that exists (the day is out of range for that month); "
            "write it as YYYY-MM-DD"
        ),
        "no_such_hour": "'{value}' is not a time that exists (the hour must be in 0..23)",
        "no_such_minute": "'{value}' is not a time that exists (the minute must be in 0..59)",
        "no_such_second": "'{value}' is not a time that exists (the second must be in 0..59)",
        "number_too_long": (
            "a number of more than {limit} digits; write a real number, e.g. 'duration: 45'"
        ),
        "comment": (
            "YAML reads ' #' and what follows as a comment, so it is dropped from the value; "
            "put the whole value in double quotes: {fix}"
        ),
        "tab": "a tab indents this line; YAML only reads spaces, so indent with spaces",
        "colon_in_value": (
            "a colon where YAML expects none: put a value with a colon in double quotes, "
            "e.g. 'title: \"Vraag: wat nu?\"', or indent this line like the one above"
        ),
        "colon_in_value_fix": (
            "a second colon in the value; put the whole value in double quotes: {fix}"
        ),
        "no_colon": "a line without 'key: value' or a value that goes on after a quote",
        "unclosed_quote": "a quote that is never closed",
        "indentation": "the indentation does not match the lines above",
        "duplicate_key": (
            "'{name}' is written twice; YAML keeps only the last and silently drops the "
            "first: keep one '{name}:'"
        ),
    },
    nl={
        "aliases": (
            "de verwijzingen (*naam) tot hier worden meer dan {budget} waarden; "
            "schrijf de waarden uit in plaats van ze met verwijzingen te herhalen"
        ),
        "recursive": "een verwijzing (*naam) hier verwijst naar zichzelf; schrijf de waarde uit",
        "too_deep": "de YAML is te diep genest om te lezen; schrijf gewone regels 'naam: waarde'",
        "no_such_month": (
            "'{value}' is geen datum die bestaat (de maand loopt van 1 tot 12); "
            "schrijf ze als JJJJ-MM-DD"
        ),
        "no_such_day": (
            "'{value}' is geen datum die bestaat (zoveel dagen heeft die maand niet); "
            "schrijf ze als JJJJ-MM-DD"
        ),
        "no_such_hour": "'{value}' is geen tijd die bestaat (het uur loopt van 0 tot 23)",
        "no_such_minute": "'{value}' is geen tijd die bestaat (de minuten lopen van 0 tot 59)",
        "no_such_second": "'{value}' is geen tijd die bestaat (de seconden lopen van 0 tot 59)",
        "number_too_long": (
            "een getal van meer dan {limit} cijfers; schrijf een echt getal, "
            "bijvoorbeeld 'duration: 45'"
        ),
        "comment": (
            "YAML leest ' #' en alles erna als commentaar, dus dat valt weg uit de waarde; "
            "zet de hele waarde tussen dubbele aanhalingstekens: {fix}"
        ),
        "tab": "deze regel springt in met een tab; YAML leest alleen spaties: gebruik spaties",
        "colon_in_value": (
            "een dubbele punt waar YAML er geen verwacht: zet een waarde met een dubbele punt "
            "tussen dubbele aanhalingstekens, bijvoorbeeld 'title: \"Vraag: wat nu?\"', "
            "of laat deze regel inspringen zoals die erboven"
        ),
        "colon_in_value_fix": (
            "een tweede dubbele punt in de waarde; zet de hele waarde tussen dubbele "
            "aanhalingstekens: {fix}"
        ),
        "no_colon": "een regel zonder 'naam: waarde', of tekst die na een aanhalingsteken doorgaat",
        "unclosed_quote": "een aanhalingsteken dat nergens gesloten wordt",
        "indentation": "de inspringing past niet bij de regels erboven",
        "duplicate_key": (
            "'{name}' staat er twee keer; YAML houdt alleen de laatste en laat de eerste "
            "stilletjes vallen: hou één '{name}:' over"
        ),
    },
)

# PyYAML's and libyaml's own words for the mistakes authors make most, and our key.
_PYYAML_PROBLEMS = (
    ("found a tab character", "tab"),
    ("mapping values are not allowed", "colon_in_value"),
    ("could not find expected ':'", "no_colon"),
    ("found unexpected end of stream", "unclosed_quote"),
    ("did not find expected key", "indentation"),
    ("did not find expected '-' indicator", "indentation"),
    ("expected <block end>", "indentation"),
)
_TAB_INDENT = re.compile(r"^ *\t")


def yaml_reason(error: yaml.YAMLError, language: str | None, line: str = "") -> str:
    """What is wrong, in ``language``: our own refusals, PyYAML's common problems.

    ``line`` is the text of the line the error points at: a tab in its indent is the
    reason, whatever PyYAML calls it. Any other PyYAML problem is given in its own
    (English) words.
    """
    key, values = getattr(error, "key", None), getattr(error, "values", {})
    problem = getattr(error, "problem", None) or str(error)
    if key is None and _TAB_INDENT.match(line):
        key, values = "tab", {}
    elif key is None:
        key = next((ours for words, ours in _PYYAML_PROBLEMS if problem.startswith(words)), None)
        values = {}
        if key == "colon_in_value" and _SECOND_COLON.match(line):  # the author's line, fixed
            key, values = "colon_in_value_fix", {"fix": quoted_fix(line)}
    return MESSAGES.text(language, key, **values) if key else problem


# 'key: text: more text', unquoted: the second colon is what YAML cannot read.
_SECOND_COLON = re.compile(r"^[ \t]*(?:-[ \t]+)?[\w-]+:[ \t]+[^'\"\s][^#]*:(?:[ \t]|$)")


# A plain value ends where YAML saw a comment: blanks, then '#'.
_COMMENT_AFTER = re.compile(r"^[ \t]*#")


class HostileYamlError(yaml.MarkedYAMLError):
    """YAML that would take unbounded time or memory to use; ``problem_mark`` is its line."""

    def __init__(self, line: int, key: str, **values: Any) -> None:
        self.key = key
        self.values = values
        super().__init__(
            problem=MESSAGES.text("en", key, **values),
            problem_mark=yaml.Mark("<yaml>", 0, line, 0, "", 0),
        )


class DuplicateKeyError(yaml.MarkedYAMLError):
    """A key written twice in one mapping; ``problem_mark`` is the second one's line."""

    def __init__(self, line: int, name: str) -> None:
        self.key = "duplicate_key"
        self.values = {"name": name}
        super().__init__(
            problem=MESSAGES.text("en", "duplicate_key", name=name),
            problem_mark=yaml.Mark("<yaml>", 0, line, 0, "", 0),
        )


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
        if "*" in text:  # only an alias (``*name``) can expand: most front matter has none
            _check_expansion(node)
        _check_duplicate_keys(node)
        data = loader.construct_document(node)
    except RecursionError:  # composing and constructing recurse once per level
        raise HostileYamlError(0, "too_deep") from None
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
            raise HostileYamlError(line, "aliases", budget=ALIAS_BUDGET)


def _check_duplicate_keys(root: yaml.Node) -> None:
    """Refuse a key written twice in one mapping: YAML would keep the last one only.

    Takes time linear in the text (see ``_each_node``). Merge keys (``<<``) may repeat.
    """
    for node in _each_node(root, with_keys=True):
        if isinstance(node, yaml.MappingNode):
            names: set[str] = set()
            for key, _ in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value != "<<":
                    if key.value in names:
                        raise DuplicateKeyError(key.start_mark.line, key.value)
                    names.add(key.value)


def _each_node(root: yaml.Node, with_keys: bool) -> Iterator[yaml.Node]:
    """Every node of a composed document once, mapping keys too when ``with_keys``.

    An alias is the very node it names, so the document is a graph: each node is visited
    once, iteratively (no recursion, however deep the nesting).
    """
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, yaml.MappingNode) and not with_keys:
            stack += [value for _, value in node.value]
        else:
            stack += _children(node)


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
            raise HostileYamlError(line, "recursive")
        in_progress.add(id(node))
        stack.append((node, True))
        for child in children:
            if id(child) in in_progress:
                raise HostileYamlError(line, "recursive")
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
    for node in _each_node(root, with_keys=False):
        # Only text: after a number, a date or true/false a '#' is a deliberate comment
        # ('duration: 45  # minutes'), and quoting the value would break it.
        if (
            isinstance(node, yaml.ScalarNode)
            and node.style in (None, "")
            and node.tag == "tag:yaml.org,2002:str"
            and node.end_mark.line < len(lines)
        ):
            rest = lines[node.end_mark.line][node.end_mark.column :]
            if _COMMENT_AFTER.match(rest) and (node.value or rest.startswith(" ")):
                found.add(node.end_mark.line)
    return sorted(found)


def error_line(error: yaml.MarkedYAMLError, text: str) -> int:
    """The 0-based line an author should look at for ``error``.

    When the parser only noticed the problem at the very end, or inside a bracket or
    quote left open, the line where the unfinished construct started is the one to fix.
    """
    mark = error.problem_mark
    last_line = max(len(text.splitlines()) - 1, 0)
    # A bracket or quote left open is noticed lines later: its opening line is the one.
    opened = (error.context or "").startswith(("while parsing a flow", "while scanning a quoted"))
    if error.context_mark is not None and (mark is None or mark.line >= last_line or opened):
        mark = error.context_mark
    return mark.line if mark is not None else 0
