"""Read a quiz block's source into a checked model, with a line for every problem."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..problems import Problem
from .header import Validator, boolean, identifier, read_options, text
from .ids import derive_id
from .scanner import Region
from .spec import WidgetSpec, content_version

_OPTION = re.compile(r"^[-*+][ ]+\[(?P<mark>[^\]]*)\](?:[ ]+(?P<text>.*)|[ ]*)$")
_LOOKS_LIKE_OPTION = re.compile(r"^[-*+][ ]+\[")
_FEEDBACK = re.compile(r"^[ ]*>[ ]?(?P<text>.*)$")
_GAP = re.compile(r"\[\[(?P<inner>.*?)\]\]")


def typo_allowance(value: Any) -> int:
    """How many wrong letters a gap answer may have and still count: 0 or 1."""
    if value in (0, 1) and not isinstance(value, bool):
        return int(value)
    raise ValueError(f"write typos: 1 to accept one wrong letter per gap, or 0 (found {value!r})")


OPTIONS: dict[str, tuple[Any, Validator]] = {
    "id": (None, identifier),
    "hint": (None, text),
    "shuffle": (False, boolean),
    "typos": (0, typo_allowance),
}


@dataclass
class Option:
    """One answer option: its text, whether it is right, and feedback for choosing it."""

    line: int
    text: str
    correct: bool
    feedback: list[str] = field(default_factory=list)


@dataclass
class QuizSpec(WidgetSpec):
    """A quiz as the author wrote it, checked."""

    question: str = ""
    gaps: list[list[str]] = field(default_factory=list)
    intro: list[str] = field(default_factory=list)
    options: list[Option] = field(default_factory=list)
    explanation: list[str] = field(default_factory=list)

    def default_id(self, page_key: str, ordinal: int) -> str:
        """Derived from the page and the question: stable while neither changes."""
        return derive_id(page_key, _GAP.sub(" ", self.question), "vraag")

    @property
    def kind(self) -> str:
        """``gap``, ``multiple`` (several right options) or ``single``."""
        if self.gaps:
            return "gap"
        return "multiple" if sum(o.correct for o in self.options) > 1 else "single"


def parse_quiz(region: Region, path: str) -> QuizSpec:
    """Parse and check one ``/// quiz`` block."""
    problems: list[Problem] = []
    options_set = read_options(path, region.header, OPTIONS, problems)
    reader = _BodyReader(path, problems)
    for number, line in region.body:
        reader.feed(number, line)
    spec = QuizSpec(
        line=region.line,
        options_set=options_set,
        version=content_version(region),
        problems=problems,
        question=region.argument,
        gaps=_gaps(region.argument, region.line, path, problems),
        intro=reader.intro,
        options=reader.options,
        explanation=reader.explanation,
    )
    if spec.gaps and not spec.options:
        # A gap question has no options: the text under it explains the answer.
        spec.explanation, spec.intro = spec.intro, []
    _check_whole(spec, region, path)
    return spec


def _gaps(question: str, line: int, path: str, problems: list[Problem]) -> list[list[str]]:
    """The accepted answers of each ``[[answer|alternative]]`` gap in the question."""
    gaps = []
    for match in _GAP.finditer(question):
        answers = [answer.strip() for answer in match["inner"].split("|")]
        if not all(answers):
            problems.append(
                Problem(
                    path,
                    line,
                    f"gap '{match[0]}' has an empty answer; write "
                    "the answer inside, e.g. [[veilige haven|veilige plek]]",
                )
            )
        gaps.append([answer for answer in answers if answer])
    return gaps


def _check_whole(spec: QuizSpec, region: Region, path: str) -> None:
    """Checks that need the whole quiz: a question, options or gaps, a right answer."""
    add = spec.problems.append
    if not region.closed:
        add(
            Problem(
                path,
                region.line,
                "this quiz is never closed; add a line with only "
                f"'{region.fence}' after its explanation",
            )
        )
    if not _GAP.sub("", spec.question).strip() and not spec.gaps:
        add(
            Problem(
                path,
                region.line,
                "the quiz has no question; write it after the bar: '/// quiz | Wat doe je eerst?'",
            )
        )
    if spec.options_set.get("typos") and spec.options:
        line = next(
            (n for n, text in region.header if text.strip().startswith("typos")), region.line
        )
        add(Problem(path, line, "typos: only applies to gaps ([[...]]); remove it here"))
    if spec.gaps and spec.options:
        add(
            Problem(
                path,
                spec.options[0].line,
                "a quiz has either options or gaps in the "
                "question, not both; split it into two quizzes",
            )
        )
    elif not spec.gaps and not spec.options:
        add(
            Problem(
                path,
                region.line,
                "the quiz has no options; add lines like '- [ ] answer' "
                "and '- [x] right answer', or gaps like [[answer]] "
                "in the question",
            )
        )
    elif spec.options and not any(option.correct for option in spec.options):
        add(
            Problem(
                path,
                spec.options[0].line,
                "no option is marked right; mark the right answer with [x], e.g. '- [x] …'",
            )
        )
    elif len(spec.options) == 1:
        add(Problem(path, spec.options[0].line, "a question needs at least two options"))


class _BodyReader:
    """Sorts body lines into intro text, options with feedback, and explanation."""

    def __init__(self, path: str, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        self.intro: list[str] = []
        self.options: list[Option] = []
        self.explanation: list[str] = []
        self.after_blank = False

    def problem(self, line: int, message: str) -> None:
        """Record a problem at ``line``."""
        self.problems.append(Problem(self.path, line, message))

    def feed(self, number: int, line: str) -> None:
        """Take the next body line."""
        if not line.strip():
            self.after_blank = True
            if self.explanation or not self.options:
                (self.explanation if self.options else self.intro).append("")
            return
        if _LOOKS_LIKE_OPTION.match(line):
            self._option(number, line)
        elif self.explanation or not self.options:
            self._free_text(number, line)
        else:
            self._under_option(number, line)
        self.after_blank = False

    def _option(self, number: int, line: str) -> None:
        """An option line: ``- [ ] text`` or ``- [x] text``."""
        match = _OPTION.match(line)
        if self.explanation:
            self.problem(
                number,
                "this option comes after the explanation; keep all options "
                "together, before the explanation",
            )
            return
        if match is None or match["mark"] not in (" ", "x", "X"):
            found = match["mark"] if match else line.split("]")[0].split("[", 1)[-1]
            self.problem(
                number, f"an option starts with '- [ ]' (wrong) or '- [x]' (right), not '[{found}]'"
            )
            return
        if _GAP.search(line):
            self.problem(number, "gaps [[…]] belong in the question line, not in an option")
        if not (match["text"] or "").strip():
            self.problem(number, "this option has no text")
        self.options.append(Option(number, (match["text"] or "").strip(), match["mark"] != " "))

    def _free_text(self, number: int, line: str) -> None:
        """Intro text before the options, or explanation after them."""
        if line.startswith((" ", "\t")) and _FEEDBACK.match(line):
            self.problem(
                number,
                "feedback (a '>' line) must stand directly under its option, indented 4 spaces",
            )
        target = self.explanation if self.options else self.intro
        target.append(line)

    def _under_option(self, number: int, line: str) -> None:
        """A line after an option: its feedback, a continuation, or the explanation."""
        option = self.options[-1]
        indented = line.startswith("  ")
        feedback = _FEEDBACK.match(line)
        if indented and feedback and not self.after_blank:
            option.feedback.append(feedback["text"])
        elif feedback and not indented and not self.after_blank:
            self.problem(
                number, "feedback under an option must be indented 4 spaces: '    > Your feedback'"
            )
        elif indented and feedback:
            self.problem(
                number, "feedback must follow its option directly, without a blank line in between"
            )
        elif indented and not self.after_blank and option.feedback:
            option.feedback.append(line.strip())
        elif self.after_blank:
            self.explanation.append(line)
        else:
            option.text = f"{option.text} {line.strip()}"
