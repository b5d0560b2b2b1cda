"""Which self-assessments the site has, and which page holds the team scan for each.

A team scan page combines an assessment defined on another page; reading every page's
widgets once, before any page renders, lets each page link to and score the other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mkdocs.structure.files import File, Files

from .markdown.assessment_source import AssessmentSpec, parse_assessment
from .markdown.scanner import find_regions

_MARKERS = ("/// assessment", "/// teamscan")


@dataclass
class WidgetIndex:
    """Self-assessments by id, and the team scan page of each assessment id."""

    assessments: dict[str, AssessmentSpec] = field(default_factory=dict)
    teamscan_pages: dict[str, File] = field(default_factory=dict)


def index_widgets(files: Files) -> WidgetIndex:
    """Read the assessment and team scan blocks of every page."""
    index = WidgetIndex()
    for file in files.documentation_pages():
        text = file.content_string
        if not any(marker in text for marker in _MARKERS):
            continue
        for _, region in find_regions(text.splitlines(), {"assessment", "teamscan"}):
            if region.kind == "teamscan":
                index.teamscan_pages.setdefault(region.argument.strip(), file)
                continue
            spec = parse_assessment(region, file.src_uri)
            assessment_id = spec.options_set["id"] or spec.default_id(file.src_uri, 0)
            index.assessments.setdefault(str(assessment_id), spec)
    return index
