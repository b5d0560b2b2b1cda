"""Read a team scan block: which self-assessment it combines, and optional intro text."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..problems import Problem
from .header import read_options
from .ids import derive_id
from .scanner import Region
from .spec import WidgetSpec, content_version


@dataclass
class TeamScanSpec(WidgetSpec):
    """``/// teamscan | assessment-id`` as written."""

    assessment: str = ""
    intro: list[str] = field(default_factory=list)

    def default_id(self, page_key: str, ordinal: int) -> str:
        """Derived from the page and the assessment it combines."""
        return derive_id(page_key, f"teamscan {self.assessment}", "teamscan")


def parse_teamscan(region: Region, path: str) -> TeamScanSpec:
    """Parse and check one ``/// teamscan`` block (the assessment is looked up later)."""
    problems: list[Problem] = []
    options_set = read_options(path, region.header, {}, problems)
    if not region.argument:
        problems.append(
            Problem(
                path,
                region.line,
                "name the self-assessment to combine: '/// teamscan | veilige-haven'",
            )
        )
    if not region.closed:
        problems.append(
            Problem(
                path,
                region.line,
                f"this team scan is never closed; add a line with only '{region.fence}' after it",
            )
        )
    return TeamScanSpec(
        line=region.line,
        options_set=options_set,
        version=content_version(region),
        problems=problems,
        assessment=region.argument.strip(),
        intro=[line for _, line in region.body],
    )
