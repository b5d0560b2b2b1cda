"""Read a conversation simulation: steps with choices, and ends with an outcome.

The source reads as a gamebook in any Markdown preview::

    /// scenario | De derde keer bellen
        id: derde-keer-bellen

    //// step | start
    **Klant:** "Dit is nu al de derde keer dat ik bel!"

    - [Ik hoor dat u het zat bent. Wat is er gebeurd?](#luisteren)
    - [Dan verbind ik u door.](#doorverbinden)
        > Doorverbinden zonder te luisteren voelt als afschuiven.
    ////

    //// end | doorverbinden | slecht
    De klant hangt boos op.
    ////
    ///

The first step is where the conversation starts. Every problem is reported at its line:
a choice leading nowhere, a step no path reaches, a step from which no end can be
reached, two steps with one name, a scenario without ends. Cycles are fine as long as an
end stays reachable.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from ...markdown.header import Validator, identifier, read_options
from ...markdown.ids import derive_id
from ...markdown.messages import Reporter
from ...markdown.scanner import CODE_FENCE, Region
from ...markdown.spec import WidgetSpec, closing_problems, content_version, options_and_body
from ...problems import Problem

OPTIONS: dict[str, tuple[Any, Validator]] = {"id": (None, identifier)}

OUTCOMES = {
    "goed": "good",
    "good": "good",
    "matig": "fair",
    "fair": "fair",
    "slecht": "poor",
    "poor": "poor",
    "bad": "poor",
}
"""The outcome words an author may write after an end's name, and what each one means."""

_NESTED_OPEN = re.compile(r"^(?P<fence>/{4,})[ ]*(?P<kind>[A-Za-z-]*)[ ]*(?P<rest>.*)$")
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_CHOICE = re.compile(r"^[-*+][ ]+\[(?P<text>[^\]]*\S[^\]]*)\]\(#(?P<target>[^)\s]*)\)[ ]*$")
_FEEDBACK = re.compile(r"^(?: {2,}|\t)>[ ]?(?P<text>.*)$")


@dataclass
class Choice:
    """One answer the learner can give: its text, where it leads, feedback after choosing."""

    line: int
    text: str
    target: str
    feedback: list[str] = field(default_factory=list)


@dataclass
class Step:
    """A turn of the conversation (or, with an ``outcome``, one of its ends)."""

    line: int
    name: str
    text: list[str] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    outcome: str | None = None
    """``good``, ``fair`` or ``poor`` for an end; None for a step."""
    written_outcome: str = ""
    """The outcome word as the author wrote it (``goed``, ``good``, …)."""
    broken: bool = False
    """Already reported (bad name, never closed): not reported again as unreachable."""

    @property
    def is_end(self) -> bool:
        """Whether the conversation stops here."""
        return self.outcome is not None


@dataclass
class ScenarioSpec(WidgetSpec):
    """A conversation simulation as the author wrote it, checked."""

    title: str = ""
    intro: list[str] = field(default_factory=list)
    steps: list[Step] = field(default_factory=list)
    """Steps and ends in the order written; the first step is the start."""

    def default_id(self, page_key: str, ordinal: int) -> str:
        """Derived from the page and the title."""
        return derive_id(page_key, self.title, "gesprek")


def parse_scenario(region: Region, report: Reporter) -> ScenarioSpec:
    """Parse and check one ``/// scenario`` block."""
    problems: list[Problem] = closing_problems(region, report, "scenario")
    header, body = options_and_body(region, OPTIONS, report, problems)
    options_set = read_options(report, header, OPTIONS, problems)
    spec = ScenarioSpec(
        line=region.line,
        options_set=options_set,
        version=content_version(region),
        problems=problems,
        title=region.argument,
    )
    if not spec.title:
        problems.append(report.problem(region.line, "scenario_no_title"))
    _BodyReader(spec, report, region.closed).read(body, region.close_line)
    # An open code block swallowed the rest; a broken step was reported and its name
    # cannot be followed: the paths are checked once every step reads.
    if region.open_code is None and not any(step.broken for step in spec.steps):
        found: list[Problem] = []
        _check_paths(spec, report, found)
        problems += sorted(found, key=lambda problem: problem.line)
    return spec


class _BodyReader:
    """Sorts the body into the intro and the nested steps and ends, line by line."""

    def __init__(self, spec: ScenarioSpec, report: Reporter, closed: bool) -> None:
        self.spec = spec
        self.closed = closed
        self.report = report
        self.step: Step | None = None
        self.fence = ""
        self.code: str | None = None
        self.choice: Choice | None = None
        """The choice whose feedback may follow on the next line."""
        self.blank_after_choices = False
        """An empty line follows the step's choices: a choice now starts a second list."""
        self.split_told = False
        """The step's choices were already said to be split (text after them)."""

    def problem(self, line: int, key: str, /, **values: Any) -> None:
        """Record a problem at ``line``."""
        self.spec.problems.append(self.report.problem(line, key, **values))

    def read(self, body: list[tuple[int, str]], close_line: int) -> None:
        """Read every line; a step still open at the end is reported."""
        for number, line in body:
            self.feed(number, line)
        if self.step is not None:
            self.unclosed(close_line)

    def feed(self, number: int, line: str) -> None:
        """Take one line of the body."""
        nested = _NESTED_OPEN.match(line) if self.code is None else None
        if self.step is None:
            if nested:
                self.open(number, nested)
            elif self.spec.steps and line.strip():
                # In a scenario never closed, this is the page after it: reported already.
                if self.closed:
                    self.problem(number, "scenario_stray_text")
            elif not self.spec.steps:
                self.spec.intro.append(line)
            return
        if nested and nested["fence"] == self.fence and not nested["kind"]:
            self.close()
        elif nested and nested["fence"] == self.fence:
            self.unclosed(number)
            self.open(number, nested)
        else:
            self.step_line(number, line)

    def open(self, number: int, nested: re.Match[str]) -> None:
        """A ``//// step | name`` or ``//// end | name | outcome`` line."""
        kind = nested["kind"].lower()
        rest = nested["rest"].strip()
        parts = [part.strip() for part in rest.removeprefix("|").split("|")] if rest else []
        name = parts[0] if parts else ""
        step = Step(number, name, broken=True)
        self.step, self.fence, self.choice = step, nested["fence"], None
        self.spec.steps.append(step)
        if kind not in ("step", "end", "stap", "einde"):
            close = difflib.get_close_matches(kind, ["step", "end"], n=1, cutoff=0.6)
            if close:
                self.problem(number, "scenario_block_did_you_mean", found=kind, kind=close[0])
            else:
                self.problem(number, "scenario_block_unknown", found=kind or nested["fence"])
            return
        if not name:
            self.problem(number, "scenario_no_name", kind=kind)
            return
        if not _NAME.match(name):
            self.problem(number, "scenario_name_invalid", name=name)
            return
        step.broken = False
        if kind in ("end", "einde"):
            self.outcome(step, parts[1] if len(parts) > 1 else "")
        elif len(parts) > 1 and parts[1].lower() in OUTCOMES:
            self.problem(number, "scenario_step_with_outcome", name=name, outcome=parts[1])

    def outcome(self, step: Step, written: str) -> None:
        """The outcome word of an end."""
        step.written_outcome = written
        step.outcome = OUTCOMES.get(written.lower(), "")
        if not step.outcome:
            self.problem(step.line, "scenario_end_outcome", name=step.name or "…", found=written)

    def close(self) -> None:
        """The open step's closing line."""
        self.step, self.choice = None, None
        self.blank_after_choices = self.split_told = False

    def unclosed(self, next_line: int) -> None:
        """The open step is never closed: close it before ``next_line`` (0: at the end)."""
        assert self.step is not None
        what = self.report.text("scenario_what_step", name=self.step.name)
        if next_line:
            self.problem(
                self.step.line, "unclosed_before", what=what, fence=self.fence, next=next_line
            )
        else:
            self.problem(self.step.line, "unclosed_at_end", what=what, fence=self.fence)
        self.step.broken = True
        self.close()

    def step_line(self, number: int, line: str) -> None:
        """A line inside a step: text, a choice or a choice's feedback."""
        step = self.step
        assert step is not None
        if self.code is not None:
            stripped = line.strip()
            if stripped and stripped == self.code[0] * len(stripped) >= self.code:
                self.code = None
            step.text.append(line)
            return
        if (fence := CODE_FENCE.match(line)) is not None:
            self.code = fence["fence"]
        feedback = _FEEDBACK.match(line)
        if feedback and self.choice is not None:
            self.choice.feedback.append(feedback["text"])
            return
        self.choice = None
        choice = _CHOICE.match(line)
        after_blank, self.blank_after_choices = self.blank_after_choices, False
        if choice:
            if after_blank and not self.split_told:
                # Markdown would make one list of the two; most likely a step was never
                # closed and the next one never opened. Its choices still count, so that
                # the steps they lead to are not reported as unreachable as well.
                self.problem(number, "scenario_two_lists", name=step.name)
            self.add_choice(step, number, choice)
        elif feedback:
            self.problem(number, "scenario_feedback_misplaced")
        elif line.strip() and step.choices:
            self.problem(number, "scenario_text_after_choices")
            self.split_told = True  # choices after this text: the same mistake, told once
        else:
            self.blank_after_choices = bool(step.choices)
            step.text.append(line)

    def add_choice(self, step: Step, number: int, match: re.Match[str]) -> None:
        """A ``- [text](#target)`` line."""
        if step.is_end:
            self.problem(number, "scenario_end_with_choice", name=step.name)
            return
        self.choice = Choice(number, match["text"].strip(), match["target"])
        step.choices.append(self.choice)


def _check_paths(spec: ScenarioSpec, report: Reporter, found: list[Problem]) -> None:
    """The checks on the whole, into ``found``: names, targets, reachability, a way out."""
    add = found.append
    named: dict[str, Step] = {}
    for step in spec.steps:
        if step.name in named and step.name:
            first = named[step.name].line
            add(report.problem(step.line, "scenario_name_twice", name=step.name, first=first))
        else:
            named.setdefault(step.name, step)
    if not spec.steps:
        add(report.problem(spec.line, "scenario_no_steps"))
        return
    if not any(step.is_end for step in spec.steps):
        add(report.problem(spec.line, "scenario_no_ends"))
    for step in spec.steps:
        said: dict[str, int] = {}
        for choice in step.choices:
            if choice.target not in named:
                add(_unknown_target(choice, named, report))
            key = " ".join(choice.text.split()).casefold()
            if key in said:
                add(report.problem(choice.line, "scenario_choice_twice", first=said[key]))
            said.setdefault(key, choice.line)
    start = spec.steps[0]
    if start.is_end:
        add(report.problem(start.line, "scenario_starts_with_end", name=start.name))
        return
    reached = _reachable([start], lambda step: _targets(step, named))
    for step in spec.steps:
        if id(step) not in reached and named.get(step.name) is step:
            add(report.problem(step.line, "scenario_unreachable", name=step.name))
    ends = [step for step in spec.steps if step.is_end]
    leads_to_end = _reachable(ends, _sources_of(spec.steps, named))
    for step in spec.steps:
        if step.is_end or named.get(step.name) is not step:
            continue
        if not step.choices:
            add(report.problem(step.line, "scenario_step_no_choices", name=step.name))
        elif ends and id(step) not in leads_to_end:
            add(report.problem(step.line, "scenario_no_way_out", name=step.name))


def _unknown_target(choice: Choice, named: dict[str, Step], report: Reporter) -> Problem:
    """A choice leading to a name no step or end has, with the name it is closest to."""
    names = [name for name in named if name]
    close = difflib.get_close_matches(choice.target, names, n=1, cutoff=0.6)
    if close:
        return report.problem(
            choice.line, "scenario_target_did_you_mean", name=choice.target, suggestion=close[0]
        )
    known = ", ".join(names) or report.text("none")
    return report.problem(choice.line, "scenario_target_unknown", name=choice.target, known=known)


def _targets(step: Step, named: dict[str, Step]) -> list[Step]:
    """The steps and ends the choices of ``step`` lead to."""
    return [named[choice.target] for choice in step.choices if choice.target in named]


def _sources_of(steps: list[Step], named: dict[str, Step]) -> Any:
    """A function giving the steps with a choice that leads to a given step."""
    sources: dict[int, list[Step]] = {}
    for step in steps:
        for target in _targets(step, named):
            sources.setdefault(id(target), []).append(step)
    return lambda step: sources.get(id(step), [])


def _reachable(starts: list[Step], neighbours: Any) -> set[int]:
    """The ``id()`` of every step reached from ``starts`` along ``neighbours`` (cycles are fine)."""
    seen: dict[int, Step] = {id(step): step for step in starts}
    todo = list(starts)
    while todo:
        for following in neighbours(todo.pop()):
            if id(following) not in seen:
                seen[id(following)] = following
                todo.append(following)
    return set(seen)
