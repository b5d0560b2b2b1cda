"""Read a reflection block: a prompt, optional guiding text, and an optional id."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..problems import Problem
from .header import Validator, identifier, read_options
from .ids import derive_id
from .scanner import Region
from .spec import WidgetSpec, content_version

OPTIONS: dict[str, tuple[Any, Validator]] = {"id": (None, identifier)}


@dataclass
class ReflectionSpec(WidgetSpec):
    """A reflection prompt as the author wrote it, checked."""

    prompt: str = ""
    guide: list[str] = field(default_factory=list)

    def default_id(self, page_key: str, ordinal: int) -> str:
        """Derived from the page and the prompt's place on it, not from its wording.

        A learner's text must survive the author fixing a typo in the prompt.
        """
        return derive_id(page_key, f"reflectie {ordinal}", "reflectie")


def parse_reflection(region: Region, path: str) -> ReflectionSpec:
    """Parse and check one ``/// reflection`` block."""
    problems: list[Problem] = []
    options_set = read_options(path, region.header, OPTIONS, problems)
    if not region.argument:
        problems.append(
            Problem(
                path,
                region.line,
                "the reflection has no prompt; write it after the bar: '/// reflection | Wat …?'",
            )
        )
    if not region.closed:
        problems.append(
            Problem(
                path,
                region.line,
                f"this reflection is never closed; add a line with only '{region.fence}' after it",
            )
        )
    return ReflectionSpec(
        line=region.line,
        options_set=options_set,
        version=content_version(region),
        problems=problems,
        prompt=region.argument,
        guide=[line for _, line in region.body] if region.closed else [],
    )
