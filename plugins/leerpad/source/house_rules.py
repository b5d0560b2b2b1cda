"""A site's own rules for modules, checked by ``leerpad check`` when mkdocs.yml sets them.

Off by default; a site turns them on under the leerpad plugin::

    - leerpad:
        house_rules:
          objectives: [3, 4]      # at least 3, at most 4 learning objectives
          words: [800, 1500]      # words of prose, widgets not counted
          quizzes: 3              # at least 3 quiz questions
          reflection_last: true   # the last widget is a reflection prompt
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..markdown.scanner import find_regions
from ..problems import Problem
from ..widgets.registry import kind_names
from .front_matter import FrontMatter

MESSAGES = {
    "objectives": (
        "the module has {count} objectives; this site asks for {low} to {high} (house rules "
        "in mkdocs.yml)"
    ),
    "words": (
        "the module has {count} words of text (widgets not counted); this site asks for "
        "{low} to {high} (house rules in mkdocs.yml)"
    ),
    "quizzes": (
        "the module has {count} quiz question(s); this site asks for at least {low} (house "
        "rules in mkdocs.yml)"
    ),
    "reflection_last": (
        "the module does not end with a reflection prompt ('/// reflection | …'); this site "
        "asks for one as its last widget (house rules in mkdocs.yml)"
    ),
    "bad_option": "house_rules: '{name}' {expected} (found {found})",
}


@dataclass(frozen=True)
class HouseRules:
    """What a site asks of every module; None or False: no rule."""

    objectives: tuple[int, int] | None = None
    words: tuple[int, int] | None = None
    quizzes: int | None = None
    reflection_last: bool = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> HouseRules:
        """Rules from the plugin's ``house_rules`` mapping; raises ValueError with a reason."""
        return cls(
            objectives=_range(options, "objectives"),
            words=_range(options, "words"),
            quizzes=_count(options, "quizzes"),
            reflection_last=options.get("reflection_last") is True,
        )

    def module_problems(self, meta: FrontMatter) -> list[Problem]:
        """Where one module (front matter and body) breaks the rules."""
        problems = []
        objectives = meta.data.get("objectives")
        if self.objectives and isinstance(objectives, list):
            low, high = self.objectives
            if not low <= len(objectives) <= high:
                message = MESSAGES["objectives"].format(count=len(objectives), low=low, high=high)
                problems.append(meta.problem("objectives", message))
        lines = meta.body.split("\n")
        regions = find_regions(lines, kind_names(), first_line=meta.end_line + 1)
        body_line = meta.end_line + 1
        if self.words:
            low, high = self.words
            count = prose_words(lines, [(start, region.end) for start, region in regions])
            if not low <= count <= high:
                message = MESSAGES["words"].format(count=count, low=low, high=high)
                problems.append(Problem(meta.path, body_line, message))
        kinds = [region.kind for _, region in regions]
        if self.quizzes and kinds.count("quiz") < self.quizzes:
            message = MESSAGES["quizzes"].format(count=kinds.count("quiz"), low=self.quizzes)
            problems.append(Problem(meta.path, body_line, message))
        if self.reflection_last and (not kinds or kinds[-1] != "reflection"):
            line = regions[-1][1].line if regions else body_line
            problems.append(Problem(meta.path, line, MESSAGES["reflection_last"]))
        return problems


def prose_words(lines: list[str], widget_spans: list[tuple[int, int]]) -> int:
    """Words outside widget blocks (``spans``: start and end index in ``lines``).

    A link counts by its text only.
    """
    kept = list(lines)
    for start, end in sorted(widget_spans, reverse=True):
        del kept[start:end]
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", "\n".join(kept))
    return len(re.findall(r"[\w'’-]+", text))


def _range(options: Mapping[str, Any], name: str) -> tuple[int, int] | None:
    """``[low, high]``: two whole numbers, low first."""
    value = options.get(name)
    if value is None:
        return None
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(v, int) and not isinstance(v, bool) for v in value)
        and value[0] <= value[1]
    ):
        return value[0], value[1]
    raise ValueError(
        MESSAGES["bad_option"].format(
            name=name, expected="must be [lowest, highest], e.g. [3, 4]", found=repr(value)[:60]
        )
    )


def _count(options: Mapping[str, Any], name: str) -> int | None:
    """A whole number of 1 or more."""
    value = options.get(name)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    raise ValueError(
        MESSAGES["bad_option"].format(
            name=name, expected="must be a whole number, e.g. 3", found=repr(value)[:60]
        )
    )
