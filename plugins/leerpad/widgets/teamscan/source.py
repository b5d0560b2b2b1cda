"""Read a team scan block: which self-assessment it combines, and optional intro text."""

from __future__ import annotations

from dataclasses import dataclass, field

from ...markdown.header import read_options
from ...markdown.ids import derive_id
from ...markdown.messages import Reporter
from ...markdown.scanner import Region
from ...markdown.spec import WidgetSpec, closing_problems, content_version
from ...problems import Problem


@dataclass
class TeamScanSpec(WidgetSpec):
    """``/// teamscan | assessment-id`` as written."""

    assessment: str = ""
    intro: list[str] = field(default_factory=list)

    def default_id(self, page_key: str, ordinal: int) -> str:
        """Derived from the page and the assessment it combines."""
        return derive_id(page_key, f"teamscan {self.assessment}", "teamscan")


def parse_teamscan(region: Region, report: Reporter) -> TeamScanSpec:
    """Parse and check one ``/// teamscan`` block (the assessment is looked up later)."""
    problems: list[Problem] = closing_problems(region, report, "teamscan")
    options_set = read_options(report, region.header, {}, problems)
    if not region.argument:
        problems.append(report.problem(region.line, "teamscan_no_assessment"))
    return TeamScanSpec(
        line=region.line,
        options_set=options_set,
        version=content_version(region),
        problems=problems,
        assessment=region.argument.strip(),
        intro=[line for _, line in region.body],
    )
