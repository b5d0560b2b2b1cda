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
from ..problems import Problem, message_table
from ..widgets.registry import kind_names
from .front_matter import FrontMatter

UNFINISHED_MARKER = "<!-- leerpad: nog invullen -->"
"""What ``leerpad new module`` writes above its example text. While a module holds it, the
house rules give one reminder instead of a problem per rule: a module just started
passes the check (and the pre-commit hook), and its author sees what is still to do."""
_UNFINISHED = re.compile(r"^\s*<!--\s*leerpad:\s*(?:nog invullen|to ?do)\b", re.IGNORECASE)

MESSAGES = message_table(
    "house_rules",
    en={
        "objectives": (
            "the module has {count:# objective|# objectives}; this site asks for {low} to "
            "{high} (house rules in mkdocs.yml)"
        ),
        "words": (
            "the module has {count:# word|# words} of text (widgets not counted); this site "
            "asks for {low} to {high} (house rules in mkdocs.yml)"
        ),
        "quizzes": (
            "the module has {count:# quiz question|# quiz questions}; this site asks for at "
            "least {low} (house rules in mkdocs.yml)"
        ),
        "reflection_last": (
            "the module does not end with a reflection prompt ('/// reflection | …'); this "
            "site asks for one as its last widget (house rules in mkdocs.yml)"
        ),
        "bad_range": (
            "house_rules: '{name}' must be [lowest, highest], e.g. [3, 4] (found {found})"
        ),
        "unfinished": (
            "still to fill in: {rules} (house rules in mkdocs.yml); then remove the line '{marker}'"
        ),
        "unfinished_build": (
            "this page is not finished yet and is published all the same: it still holds "
            "'{marker}'; finish it ('leerpad check' says what the house rules ask), then "
            "remove that line"
        ),
        "rule_objectives": "{low} to {high} objectives",
        "rule_words": "{low} to {high} words of text",
        "rule_quizzes": "{low:at least # quiz question|at least # quiz questions}",
        "rule_reflection_last": "a reflection prompt as the last widget",
        "rules_and": " and ",
        "bad_count": "house_rules: '{name}' must be a whole number, e.g. 3 (found {found})",
    },
    nl={
        "objectives": (
            "de module heeft {count:# leerdoel|# leerdoelen}; deze site vraagt er {low} tot "
            "{high} (huisregels in mkdocs.yml)"
        ),
        "words": (
            "de module heeft {count:# woord|# woorden} tekst (blokken niet meegeteld); deze "
            "site vraagt er {low} tot {high} (huisregels in mkdocs.yml)"
        ),
        "quizzes": (
            "de module heeft {count:# quizvraag|# quizvragen}; deze site vraagt er minstens "
            "{low} (huisregels in mkdocs.yml)"
        ),
        "reflection_last": (
            "de module eindigt niet met een reflectievraag ('/// reflection | …'); deze site "
            "vraagt er een als laatste blok (huisregels in mkdocs.yml)"
        ),
        "bad_range": (
            "house_rules: '{name}' is [laagste, hoogste], bijvoorbeeld [3, 4] (nu: {found})"
        ),
        "unfinished": (
            "vul dit nog in: {rules} (huisregels in mkdocs.yml); haal daarna de regel "
            "'{marker}' weg"
        ),
        "unfinished_build": (
            "deze pagina is nog niet af en wordt toch gepubliceerd: de regel '{marker}' staat "
            "er nog; maak haar af ('leerpad check' zegt wat de huisregels vragen) en haal "
            "daarna die regel weg"
        ),
        "rule_objectives": "{low} tot {high} leerdoelen",
        "rule_words": "{low} tot {high} woorden tekst",
        "rule_quizzes": "{low:minstens # quizvraag|minstens # quizvragen}",
        "rule_reflection_last": "een reflectievraag als laatste blok",
        "rules_and": " en ",
        "bad_count": "house_rules: '{name}' is een geheel getal, bijvoorbeeld 3 (nu: {found})",
    },
)


@dataclass(frozen=True)
class HouseRules:
    """What a site asks of every module; None or False: no rule."""

    objectives: tuple[int, int] | None = None
    words: tuple[int, int] | None = None
    quizzes: int | None = None
    reflection_last: bool = False

    @classmethod
    def from_options(cls, options: Mapping[str, Any], language: str = "en") -> HouseRules:
        """Rules from the plugin's ``house_rules`` mapping.

        Raises ValueError with a reason in ``language`` for a rule it cannot read.
        """
        return cls(
            objectives=_range(options, "objectives", language),
            words=_range(options, "words", language),
            quizzes=_count(options, "quizzes", language),
            reflection_last=options.get("reflection_last") is True,
        )

    def reminder(self, meta: FrontMatter) -> Problem | None:
        """For a module still marked unfinished (``UNFINISHED_MARKER``): what the rules ask.

        None when the module has no marker or the site sets no rules. The reminder is not
        a problem: the module is work in progress, and the rules wait for it.
        """
        line = unfinished_line(meta)
        asked = self._asked(meta.language)
        if line is None or not asked:
            return None
        if len(asked) > 1:
            asked = [", ".join(asked[:-1]) + MESSAGES.text(meta.language, "rules_and") + asked[-1]]
        return MESSAGES.problem(
            meta.language, meta.path, line, "unfinished", rules=asked[0], marker=UNFINISHED_MARKER
        )

    def _asked(self, language: str) -> list[str]:
        """Each rule the site sets, as a phrase: ``3 tot 4 leerdoelen``."""
        asked = []
        if self.objectives:
            low, high = self.objectives
            asked.append(MESSAGES.text(language, "rule_objectives", low=low, high=high))
        if self.words:
            low, high = self.words
            asked.append(MESSAGES.text(language, "rule_words", low=low, high=high))
        if self.quizzes:
            asked.append(MESSAGES.text(language, "rule_quizzes", low=self.quizzes))
        if self.reflection_last:
            asked.append(MESSAGES.text(language, "rule_reflection_last"))
        return asked

    def module_problems(self, meta: FrontMatter) -> list[Problem]:
        """Where one module (front matter and body) breaks the rules.

        A module still marked unfinished breaks none: see ``reminder``.
        """
        if unfinished_line(meta) is not None:
            return []
        problems = []
        objectives = meta.data.get("objectives")
        if self.objectives and isinstance(objectives, list):
            low, high = self.objectives
            if not low <= len(objectives) <= high:
                count = len(objectives)
                found = meta.report(
                    "objectives", MESSAGES, "objectives", count=count, low=low, high=high
                )
                problems.append(found)
        lines = meta.body.split("\n")
        regions = find_regions(lines, kind_names(), first_line=meta.end_line + 1)
        body_line = meta.end_line + 1
        if self.words:
            low, high = self.words
            count = prose_words(lines, [(start, region.end) for start, region in regions])
            if not low <= count <= high:
                message = MESSAGES.text(meta.language, "words", count=count, low=low, high=high)
                problems.append(Problem(meta.path, body_line, message))
        kinds = [region.kind for _, region in regions]
        if self.quizzes and kinds.count("quiz") < self.quizzes:
            message = MESSAGES.text(
                meta.language, "quizzes", count=kinds.count("quiz"), low=self.quizzes
            )
            problems.append(Problem(meta.path, body_line, message))
        if self.reflection_last and (not kinds or kinds[-1] != "reflection"):
            line = regions[-1][1].line if regions else body_line
            problems.append(MESSAGES.problem(meta.language, meta.path, line, "reflection_last"))
        return problems


def unfinished_line(meta: FrontMatter) -> int | None:
    """The line (1-based, in the whole file) of a page's ``UNFINISHED_MARKER``; None: no marker."""
    if "<!--" not in meta.body:  # most pages: no need to look at every line
        return None
    lines = meta.body.split("\n")
    found = next((n for n, line in enumerate(lines) if _UNFINISHED.match(line)), None)
    return None if found is None else meta.end_line + 1 + found


def unfinished_warning(meta: FrontMatter) -> Problem | None:
    """For ``mkdocs build``: a page still marked unfinished is about to be published.

    ``leerpad check`` lets work in progress pass (see ``HouseRules.reminder``); the build
    warns, so that ``--strict`` stops an unfinished module from going live.
    """
    line = unfinished_line(meta)
    if line is None:
        return None
    return MESSAGES.problem(
        meta.language, meta.path, line, "unfinished_build", marker=UNFINISHED_MARKER
    )


def prose_words(lines: list[str], widget_spans: list[tuple[int, int]]) -> int:
    """Words outside widget blocks (``spans``: start and end index in ``lines``).

    A link counts by its text only.
    """
    kept = list(lines)
    for start, end in sorted(widget_spans, reverse=True):
        del kept[start:end]
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", "\n".join(kept))
    return len(re.findall(r"[\w'’-]+", text))


def _range(options: Mapping[str, Any], name: str, language: str) -> tuple[int, int] | None:
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
    raise ValueError(MESSAGES.text(language, "bad_range", name=name, found=repr(value)[:60]))


def _count(options: Mapping[str, Any], name: str, language: str) -> int | None:
    """A whole number of 1 or more."""
    value = options.get(name)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    raise ValueError(MESSAGES.text(language, "bad_count", name=name, found=repr(value)[:60]))
