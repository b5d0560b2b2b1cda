"""Read a reflection block: a prompt, optional guiding text, and an optional id."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from ...markdown.header import Validator, identifier, read_options
from ...markdown.ids import derive_id
from ...markdown.messages import Reporter
from ...markdown.scanner import Region
from ...markdown.spec import WidgetSpec, closing_problems, content_version, options_and_body
from ...problems import Problem

OPTIONS: dict[str, tuple[Any, Validator]] = {"id": (None, identifier)}


@dataclass
class ReflectionSpec(WidgetSpec):
    """A reflection prompt as the author wrote it, checked."""

    prompt: str = ""
    guide: list[str] = field(default_factory=list)
    needs_page_key: ClassVar[bool] = True

    def default_id(self, page_key: str, ordinal: int) -> str:
        """Derived from the page and the prompt's place on it, not from its wording.

        A learner's text must survive the author fixing a typo in the prompt.
        """
        return derive_id(page_key, f"reflectie {ordinal}", "reflectie")


def parse_reflection(region: Region, report: Reporter) -> ReflectionSpec:
    """Parse and check one ``/// reflection`` block."""
    problems: list[Problem] = closing_problems(region, report, "reflection")
    header, body = options_and_body(region, OPTIONS, report, problems)
    options_set = read_options(report, header, OPTIONS, problems)
    if not region.argument:
        problems.append(report.problem(region.line, "reflection_no_prompt"))
    return ReflectionSpec(
        line=region.line,
        options_set=options_set,
        version=content_version(region),
        problems=problems,
        prompt=region.argument,
        guide=[line for _, line in body] if region.closed else [],
    )
