"""Read a quiz block's source into a checked model, with a line for every problem."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ...markdown.header import Validator, boolean, identifier, read_options, text
from ...markdown.ids import derive_id
from ...markdown.messages import Invalid, Reporter
from ...markdown.scanner import Region
from ...markdown.spec import WidgetSpec, closing_problems, content_version, options_and_body
from ...problems import Problem

_OPTION = re.compile(r"^[-*+][ ]+\[(?P<mark>[^\]]*)\](?:[ ]+(?P<text>.*)|[ ]*)$")
# Also near misses of an option's marker ('- (x)', '-[x]', '- [ x]'), not a link '- [a](b)'.
_LOOKS_LIKE_OPTION = re.compile(r"^(?:[-*+][ ]+|-)(?:\[[^\]]*\]|\([ xXvV✓✔*]{0,3}\))(?![(\[])")
_RIGHT_MARKS = {"x", "v", "✓", "✔", "*"}
# An item of an ordering question: a numbered list item at the start of the line.
_ITEM = re.compile(r"^\d{1,3}[.)](?:[ ]+(?P<text>.*)|[ ]*)$")
_ITEM_MARK = re.compile(r"^\[[^\]]*\](?![(\[])[ ]*")
_FEEDBACK = re.compile(r"^[ ]*>[ ]?(?P<text>.*)$")
_GAP = re.compile(r"\[\[(?P<inner>.*?)\]\]")


def typo_allowance(value: Any) -> int:
    """How many wrong letters a gap answer may have and still count: 0 or 1."""
    if value in (0, 1) and not isinstance(value, bool):
        return int(value)
    raise Invalid("value_typos", found=repr(value))


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
    ordered: bool = False
    """The options are a numbered list: an ordering question, the list's order is right."""

    def default_id(self, page_key: str, ordinal: int) -> str:
        """Derived from the page and the question: stable while neither changes."""
        return derive_id(page_key, _GAP.sub(" ", self.question), "vraag")

    @property
    def kind(self) -> str:
        """``gap``, ``ordering`` (a numbered list), ``multiple`` (several right) or ``single``."""
        if self.gaps:
            return "gap"
        if self.ordered:
            return "ordering"
        return "multiple" if sum(o.correct for o in self.options) > 1 else "single"


def parse_quiz(region: Region, report: Reporter) -> QuizSpec:
    """Parse and check one ``/// quiz`` block."""
    problems: list[Problem] = []
    header, body = options_and_body(region, OPTIONS, report, problems)
    options_set = read_options(report, header, OPTIONS, problems)
    reader = _BodyReader(report, problems)
    for number, line in body:
        reader.feed(number, line)
    spec = QuizSpec(
        line=region.line,
        options_set=options_set,
        version=content_version(region),
        problems=problems,
        question=region.argument,
        gaps=_gaps(region.argument, region.line, report, problems),
        intro=reader.intro,
        options=reader.options,
        explanation=reader.explanation,
        ordered=reader.ordered,
    )
    if spec.gaps and not spec.options:
        # A gap question has no options: the text under it explains the answer.
        spec.explanation, spec.intro = spec.intro, []
    _check_whole(spec, region, report, mixed=reader.mixed)
    return spec


def _gaps(question: str, line: int, report: Reporter, problems: list[Problem]) -> list[list[str]]:
    """The accepted answers of each ``[[answer|alternative]]`` gap in the question."""
    gaps = []
    for match in _GAP.finditer(question):
        answers = [answer.strip() for answer in match["inner"].split("|")]
        if not all(answers):
            problems.append(report.problem(line, "quiz_gap_empty", gap=match[0]))
        gaps.append([answer for answer in answers if answer])
    return gaps


def _check_whole(spec: QuizSpec, region: Region, report: Reporter, *, mixed: bool) -> None:
    """Checks that need the whole quiz: closed, a question, options or gaps, a right answer.

    ``mixed``: options and a numbered list were mixed, already reported; counting what is
    left of either would only repeat that.
    """
    spec.problems[:0] = closing_problems(region, report, "quiz")
    if region.open_code is not None:
        return  # The open code block swallowed the rest: nothing else can be judged.
    add = spec.problems.append
    if not _GAP.sub("", spec.question).strip() and not spec.gaps:
        add(report.problem(region.line, "quiz_no_question"))
    if spec.options_set.get("typos") and spec.options:
        line = next(
            (n for n, text in region.header if text.strip().startswith("typos")), region.line
        )
        add(report.problem(line, "quiz_typos_without_gaps"))
    if spec.gaps and spec.options:
        add(report.problem(spec.options[0].line, "quiz_options_and_gaps"))
    elif not spec.gaps and not spec.options:
        add(report.problem(region.line, "quiz_no_options"))
    elif mixed:
        return
    elif spec.ordered:
        _check_items(spec, report)
    elif spec.options and not any(option.correct for option in spec.options):
        add(report.problem(spec.options[0].line, "quiz_no_right_option"))
    elif len(spec.options) == 1:
        add(report.problem(spec.options[0].line, "quiz_one_option"))
    else:
        _check_options_differ(spec, report)


def _check_options_differ(spec: QuizSpec, report: Reporter) -> None:
    """Two options with the same text (case and spaces aside): at the second."""
    seen: dict[str, int] = {}
    for option in spec.options:
        key = " ".join(option.text.split()).casefold()
        if key and key in seen:
            spec.problems.append(
                report.problem(option.line, "quiz_option_twice", line=str(seen[key]))
            )
        seen.setdefault(key, option.line)


def _check_items(spec: QuizSpec, report: Reporter) -> None:
    """An ordering question needs two items or more, each said once."""
    if len(spec.options) < 2:
        spec.problems.append(report.problem(spec.options[0].line, "quiz_order_one_item"))
    seen: dict[str, int] = {}
    for item in spec.options:
        key = " ".join(item.text.split()).casefold()
        if key in seen:
            spec.problems.append(
                report.problem(item.line, "quiz_order_duplicate", line=str(seen[key]))
            )
        seen.setdefault(key, item.line)


class _BodyReader:
    """Sorts body lines into intro text, options with feedback, and explanation."""

    def __init__(self, report: Reporter, problems: list[Problem]) -> None:
        self.report = report
        self.problems = problems
        self.intro: list[str] = []
        self.options: list[Option] = []
        self.explanation: list[str] = []
        self.after_blank = False
        self.ordered = False
        """The options read so far are the items of a numbered list."""
        self.mixed = False
        """A numbered list and ``- [ ]`` options were mixed (and reported)."""
        self.second_list = False
        """Inside a second list after an empty line (reported): its lines are left out, so
        that they cause no follow-on messages (a step twice, too many right answers)."""

    def problem(self, line: int, key: str, **values: str) -> None:
        """Record the problem ``key`` at ``line``."""
        self.problems.append(self.report.problem(line, key, **values))

    def feed(self, number: int, line: str) -> None:
        """Take the next body line."""
        if not line.strip():
            self.after_blank = True
            self.second_list = False
            if self.explanation or not self.options:
                (self.explanation if self.options else self.intro).append("")
            return
        if self.second_list:
            return
        if self._starts_second_list(line):
            self.problem(number, "quiz_order_two_lists" if self.ordered else "quiz_two_lists")
            self.second_list = self.mixed = True
        elif _LOOKS_LIKE_OPTION.match(line):
            self._option(number, line)
        elif _ITEM.match(line) and not self.explanation and (self.ordered or not self.options):
            self._item(number, line)
        elif _ITEM.match(line) and not self.after_blank and not self.explanation:
            self._mixed(number)
        elif self.explanation or not self.options:
            self._free_text(number, line)
        else:
            self._under_option(number, line)
        self.after_blank = False

    def _starts_second_list(self, line: str) -> bool:
        """Whether ``line`` starts a second list of the same kind after an empty line.

        Markdown would glue the two into one list, so the question would silently get the
        steps or answers of both; most likely the author meant two questions.
        """
        if not (self.after_blank and self.options) or self.explanation:
            return False
        if self.ordered:
            return bool(_ITEM.match(line))
        return bool(_LOOKS_LIKE_OPTION.match(line))

    def _option(self, number: int, line: str) -> None:
        """An option line: ``- [ ] text`` or ``- [x] text``."""
        match = _OPTION.match(line)
        if self.explanation:
            self.problem(number, "quiz_option_after_explanation")
            self.second_list = True  # one message for the list, not one for each option
            return
        if match is None or match["mark"] not in (" ", "x", "X"):
            self._marker_problem(number, line, match)
            return
        if self.ordered:
            self._mixed(number)
            return
        if _GAP.search(line):
            self.problem(number, "quiz_gap_in_option")
        if not (match["text"] or "").strip():
            self.problem(number, "quiz_option_no_text")
        self.options.append(Option(number, (match["text"] or "").strip(), match["mark"] != " "))

    def _mixed(self, number: int) -> None:
        """A numbered item among options, or an option among numbered items."""
        self.problem(number, "quiz_order_mixed")
        self.mixed = True

    def _item(self, number: int, line: str) -> None:
        """An item of an ordering question: ``1. text``; its place in the list is right."""
        match = _ITEM.match(line)
        assert match is not None  # feed() matched it
        # A numbered list in the body is the question's items, never part of the intro.
        self.ordered = True
        text = (match["text"] or "").strip()
        marked = _ITEM_MARK.match(text)
        if marked:
            self.problem(number, "quiz_order_marked", found=marked[0].strip())
            text = text[marked.end() :]
        elif not text:
            self.problem(number, "quiz_option_no_text")
        self.options.append(Option(number, text, True))

    def _marker_problem(self, number: int, line: str, match: re.Match[str] | None) -> None:
        """A marker that is not ``[ ]``, ``[x]`` or ``[X]``: the one meant, if it is clear."""
        found = (
            match["mark"]
            if match
            else re.split(r"[\])]", re.split(r"[\[(]", line, maxsplit=1)[-1])[0]
        )
        if not found.strip():
            suggestion = "- [ ]"
        elif found.strip().lower() in _RIGHT_MARKS:
            suggestion = "- [x]"
        else:
            self.problem(number, "quiz_marker", found=found)
            return
        self.problem(number, "quiz_marker_did_you_mean", suggestion=suggestion)
        # Read as meant, so that the quiz's other checks do not report a second problem.
        text = re.split(r"[\])]", line, maxsplit=1)[-1].strip()
        self.options.append(Option(number, text, suggestion == "- [x]"))

    def _free_text(self, number: int, line: str) -> None:
        """Intro text before the options, or explanation after them."""
        if line.startswith((" ", "\t")) and _FEEDBACK.match(line):
            self.problem(number, "quiz_feedback_misplaced")
        target = self.explanation if self.options else self.intro
        target.append(line)

    def _under_option(self, number: int, line: str) -> None:
        """A line after an option: its feedback, a continuation, or the explanation."""
        option = self.options[-1]
        indented = line.startswith("  ")
        feedback = _FEEDBACK.match(line)
        if self.ordered and feedback and not self.after_blank:
            self.problem(number, "quiz_order_feedback")
            return
        if self.ordered and not self.after_blank:
            # Markdown would glue this line to the step: an explanation without its blank
            # line would become part of the last step the learner moves around.
            self.problem(number, "quiz_order_second_line")
            return
        if indented and feedback and not self.after_blank:
            option.feedback.append(feedback["text"])
        elif feedback and not indented and not self.after_blank:
            self.problem(number, "quiz_feedback_not_indented")
        elif indented and feedback:
            self.problem(number, "quiz_feedback_after_blank")
        elif indented and not self.after_blank and option.feedback:
            option.feedback.append(line.strip())
        elif self.after_blank:
            self.explanation.append(line)
        else:
            option.text = f"{option.text} {line.strip()}"
