"""What every widget read from the source has in common."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..problems import Problem
from .messages import Reporter
from .scanner import Region


@dataclass
class WidgetSpec:
    """A widget as the author wrote it: where, with which options, and what is wrong."""

    line: int
    options_set: dict[str, Any]
    version: str
    """Changes whenever the author changes the widget's text."""
    problems: list[Problem] = field(default_factory=list)
    widget_kind: str = ""
    """The kind's name (``quiz``, …), set by the registry's reading of the block."""
    needs_page_key: ClassVar[bool] = False
    """Whether the derived id depends on the page alone, not on the widget's text."""

    def default_id(self, page_key: str, ordinal: int) -> str:
        """The id used when the author gives none; ``ordinal`` counts this kind on the page."""
        raise NotImplementedError


@dataclass(frozen=True)
class Reference:
    """A kind whose widgets name a widget of another kind by its id (``REFERS_TO``).

    A team scan names the self-assessment it combines: ``Reference("assessment",
    "assessment", …)``. The core looks the id up among the widgets of ``kind`` (on the
    page first, then on the whole site) and reports, at the referring widget's line,
    with the referring kind's own ``MESSAGES`` keys:

    - ``unknown``: no widget of ``kind`` has the id (placeholders ``{id}``, ``{known}``);
    - ``did_you_mean``: none has it, one is close (``{id}``, ``{suggestion}``);
    - ``broken``: the widget named has problems of its own (``{id}``).
    """

    kind: str
    """The ``NAME`` of the kind referred to."""
    field: str
    """The spec's attribute that holds the id; empty: refers to nothing (said already)."""
    unknown: str
    did_you_mean: str
    broken: str

    def target(self, spec: WidgetSpec) -> str:
        """The id ``spec`` refers to, or ``""``."""
        return str(getattr(spec, self.field, "") or "")


def content_version(region: Region) -> str:
    """A short hash of the block's text."""
    return hashlib.sha1(region.source.encode("utf-8")).hexdigest()[:8]


# Up to 3 spaces: 4 would have made it a header line; 1 to 3 is a mistyped indent.
_OPTION_LINE = re.compile(r"^[ ]{0,3}(?P<name>[A-Za-z][A-Za-z_-]*):(?:[ ]|$)")


def options_and_body(
    region: Region, known: Iterable[str], report: Reporter, problems: list[Problem]
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The option lines and the body of ``region``, options that lost their indent included.

    An editor or formatter may strip the 4 spaces before the options, or the author may
    type 2: ``id: x`` right under the opening line is then still meant as an option, not
    as text for learners. Such lines are reported, and read as options so that nothing
    else is reported in their place.
    """
    names = set(known)
    header = list(region.header)
    body = list(region.body)
    while body and (found := _OPTION_LINE.match(body[0][1])) and found["name"] in names:
        number, line = body.pop(0)
        problems.append(report.problem(number, "options_dedented", line=line.strip()))
        header.append((number, line.lstrip(" ")))
    return header, body


def closing_problems(region: Region, report: Reporter, what: str) -> list[Problem]:
    """Why ``region`` is not closed, at the line to fix: none when it is closed.

    A code block left open inside the widget swallowed its closing line; that code block
    is the mistake to report, not the widget.
    """
    if region.closed:
        return []
    if region.open_code is not None:
        line, fence, swallowed = region.open_code
        if swallowed:
            return [report.problem(line, "code_unclosed", fence=fence, next=swallowed)]
        return [report.problem(line, "code_unclosed_at_end", fence=fence)]
    thing = report.text(f"what_{what}")
    if region.next_block_line:
        return [
            report.problem(
                region.line,
                "unclosed_before",
                what=thing,
                fence=region.fence,
                next=region.next_block_line,
            )
        ]
    return [report.problem(region.line, "unclosed_at_end", what=thing, fence=region.fence)]
