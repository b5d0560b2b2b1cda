"""Read a self-assessment block: scale, dimensions, statements and result bands."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from ...markdown.header import Validator, identifier, read_options
from ...markdown.ids import derive_id
from ...markdown.messages import Invalid, Reporter
from ...markdown.scanner import CODE_FENCE, Region
from ...markdown.spec import WidgetSpec, closing_problems, content_version, options_and_body
from ...problems import Problem
from .band_team import team_problems

_ITEM = re.compile(r"^[-*+][ ]+\[(?P<tags>[^\]]*)\][ ]+(?P<text>\S.*)$")
_LOOKS_LIKE_ITEM = re.compile(r"^[-*+][ ]+\[")
# The bar is optional here so that '//// band 0-49' is reported, not read as text.
_NESTED_OPEN = re.compile(
    r"^(?P<fence>/{4,})[ ]*(?P<kind>[A-Za-z-]+)?[ ]*(?:(?P<bar>\|)?[ ]*(?P<arg>.*))?$"
)
_RANGE = re.compile(r"^(?:(?P<dimension>[a-z][a-z0-9-]*)[ ]+)?(?P<low>\d+)[ ]*-[ ]*(?P<high>\d+)$")
_REVERSE = {"omgekeerd", "reverse"}


def _scale(value: Any) -> list[str]:
    """3 to 7 answer labels, from the first (0 points) to the last."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise Invalid("value_scale_list")
    if not 3 <= len(value) <= 7:
        raise Invalid("value_scale_size", count=len(value))
    return [v.strip() for v in value]


def _dimensions(value: Any) -> dict[str, str]:
    """Keys and labels: ``{openheid: Openheid, steun: Steun}``."""
    if not isinstance(value, dict) or not value:
        raise Invalid("value_dimensions")
    result = {}
    for key, label in value.items():
        identifier(str(key))
        if not isinstance(label, str) or not label.strip():
            raise Invalid("value_dimension_label", key=key)
        result[str(key)] = label.strip()
    return result


OPTIONS: dict[str, tuple[Any, Validator]] = {
    "id": (None, identifier),
    "scale": (None, _scale),
    "dimensions": (None, _dimensions),
}


@dataclass
class Item:
    """One statement, scored for one dimension, possibly reversed."""

    line: int
    dimension: str
    text: str
    reverse: bool


@dataclass
class Band:
    """A result text for percentages ``low`` to ``high`` (inclusive) of one dimension."""

    line: int
    dimension: str | None
    """None for the overall score."""
    low: int
    high: int
    body: list[str] = field(default_factory=list)


@dataclass
class AssessmentSpec(WidgetSpec):
    """A self-assessment as the author wrote it, checked."""

    title: str = ""
    scale: list[str] = field(default_factory=list)
    dimensions: dict[str, str] = field(default_factory=dict)
    intro: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    bands: list[Band] = field(default_factory=list)

    def default_id(self, page_key: str, ordinal: int) -> str:
        """Derived from the page and the title."""
        return derive_id(page_key, self.title, "zelftest")


def parse_assessment(region: Region, report: Reporter) -> AssessmentSpec:
    """Parse and check one ``/// assessment`` block."""
    problems: list[Problem] = closing_problems(region, report, "assessment")
    header, body = options_and_body(region, OPTIONS, report, problems)
    options_set = read_options(report, header, OPTIONS, problems)
    spec = AssessmentSpec(
        line=region.line,
        options_set=options_set,
        version=content_version(region),
        problems=problems,
        title=region.argument,
        scale=options_set["scale"] or [],
        dimensions=options_set["dimensions"] or {},
    )
    _read_body(spec, region, body, report)
    if region.open_code is None:  # an open code block swallowed the rest
        _check(spec, report)
    return spec


class _BandReader:
    """Follows the open band: its text, code blocks in it, and where it ends."""

    def __init__(self, band: Band, fence: str) -> None:
        self.band = band
        self.fence = fence
        self.code: str | None = None

    def feed(self, line: str) -> bool:
        """Take a line of the band; False when it is the band's closing line."""
        stripped = line.strip()
        if self.code is not None:
            if stripped and stripped == self.code[0] * len(stripped) >= self.code:
                self.code = None
        elif stripped == self.fence:
            return False
        elif (found := CODE_FENCE.match(line)) is not None:
            self.code = found["fence"]
        self.band.body.append(line)
        return True


def _read_body(
    spec: AssessmentSpec, region: Region, body: list[tuple[int, str]], report: Reporter
) -> None:
    """Sort the body into intro text, statements and nested bands."""
    band: _BandReader | None = None
    for number, line in body:
        nested = _NESTED_OPEN.match(line.strip()) if line.startswith("////") else None
        if band is not None:
            if nested and band.code is None and nested["kind"] and nested["fence"] == band.fence:
                # A band opens inside the open one: the open one was never closed.
                spec.problems.append(_band_unclosed(band, report, number))
            elif band.feed(line):
                continue
            else:
                spec.bands.append(band.band)
                band = None
                continue
            spec.bands.append(band.band)
            band = None
        if nested:
            band = _BandReader(_open_band(nested, number, report, spec.problems), nested["fence"])
        elif _LOOKS_LIKE_ITEM.match(line):
            _read_item(spec, number, line, report)
        elif not spec.items:
            spec.intro.append(line)
        elif line.strip():
            spec.problems.append(report.problem(number, "assessment_stray_text"))
    if band is not None:
        spec.problems.append(_band_unclosed(band, report, region.close_line))
        spec.bands.append(band.band)


def _band_unclosed(band: _BandReader, report: Reporter, next_line: int) -> Problem:
    """The open band's problem: close it before ``next_line`` (0: at the end)."""
    what = report.text("what_band")
    if next_line:
        return report.problem(
            band.band.line, "unclosed_before", what=what, fence=band.fence, next=next_line
        )
    return report.problem(band.band.line, "unclosed_at_end", what=what, fence=band.fence)


def _open_band(nested: re.Match[str], line: int, report: Reporter, problems: list[Problem]) -> Band:
    """A ``//// band | [dimension] low-high`` line."""
    band = Band(line, None, 0, -1)
    kind = nested["kind"] or ""
    if kind != "band":
        if difflib.get_close_matches(kind.lower(), ["band"], n=1, cutoff=0.5):
            problems.append(report.problem(line, "band_did_you_mean"))
        else:
            problems.append(report.problem(line, "band_not_band", found=kind or nested["fence"]))
        return band
    found = (nested["arg"] or "").strip()
    if found and not nested["bar"]:
        problems.append(report.problem(line, "band_no_bar", found=found))
        return band
    match = _RANGE.match(found)
    if match is None:
        problems.append(report.problem(line, "band_not_range", found=found))
        return band
    band.dimension, band.low, band.high = match["dimension"], int(match["low"]), int(match["high"])
    if not 0 <= band.low <= band.high <= 100:
        problems.append(report.problem(line, "band_outside", low=band.low, high=band.high))
    return band


def _read_item(spec: AssessmentSpec, number: int, line: str, report: Reporter) -> None:
    """A statement: ``- [dimension] text`` or ``- [dimension, omgekeerd] text``."""
    match = _ITEM.match(line)
    if match is None:
        spec.problems.append(report.problem(number, "assessment_statement"))
        return
    tags = [tag.strip() for tag in match["tags"].split(",")]
    dimension, markers = tags[0], tags[1:]
    unknown = [marker for marker in markers if marker not in _REVERSE]
    if unknown:
        close = difflib.get_close_matches(unknown[0].lower(), sorted(_REVERSE), n=1)
        spec.problems.append(
            report.problem(
                number, "assessment_marker_did_you_mean", name=unknown[0], suggestion=close[0]
            )
            if close
            else report.problem(number, "assessment_marker_unknown", name=unknown[0])
        )
    if spec.dimensions and dimension not in spec.dimensions:
        spec.problems.append(_unknown_dimension(spec, number, dimension, report))
    spec.items.append(Item(number, dimension, match["text"].strip(), bool(set(markers) & _REVERSE)))


def _unknown_dimension(
    spec: AssessmentSpec, line: int, dimension: str, report: Reporter
) -> Problem:
    """A dimension key that is not in ``dimensions``, with the one it is closest to."""
    close = difflib.get_close_matches(dimension.lower(), list(spec.dimensions), n=1, cutoff=0.6)
    if close:
        return report.problem(
            line, "assessment_dimension_did_you_mean", name=dimension, suggestion=close[0]
        )
    known = ", ".join(spec.dimensions)
    return report.problem(line, "assessment_dimension_unknown", name=dimension, known=known)


def _check(spec: AssessmentSpec, report: Reporter) -> None:
    """Checks on the whole: options present, statements, bands covering 0-100."""
    add = spec.problems.append
    if not spec.title:
        add(report.problem(spec.line, "assessment_no_title"))
    not_yaml = report.text("options_yaml", problem="").split("(")[0]
    for option in ("scale", "dimensions"):
        invalid = report.text("option_invalid", name=option, reason="")
        reported = any(p.message.startswith((invalid, not_yaml)) for p in spec.problems)
        if spec.options_set[option] is None and not reported:
            add(report.problem(spec.line, "assessment_needs_option", name=option))
    if not spec.items:
        add(report.problem(spec.line, "assessment_no_statements"))
    used = {item.dimension for item in spec.items}
    for key in spec.dimensions:
        if key not in used:
            add(report.problem(spec.line, "assessment_dimension_unused", name=key))
    for dimension in sorted({band.dimension or "" for band in spec.bands if band.high >= 0}):
        _check_coverage(spec, dimension or None, report)
    for band in spec.bands:
        spec.problems.extend(team_problems(band.line, band.body, report))


def _check_coverage(spec: AssessmentSpec, dimension: str | None, report: Reporter) -> None:
    """The bands of one dimension (or overall) cover 0-100 without gaps or overlaps."""
    if dimension is not None and dimension not in spec.dimensions:
        first = next(band for band in spec.bands if band.dimension == dimension)
        spec.problems.append(report.problem(first.line, "band_unknown_dimension", name=dimension))
        return
    bands = sorted(
        (b for b in spec.bands if b.dimension == dimension and b.high >= 0),
        key=lambda band: band.low,
    )
    name = report.text("bands_of", name=dimension) if dimension else report.text("bands_all")
    expected = 0
    for band in bands:
        if band.low > expected:
            spec.problems.append(
                report.problem(band.line, "bands_gap", bands=name, low=expected, high=band.low - 1)
            )
        elif band.low < expected:
            spec.problems.append(
                report.problem(band.line, "bands_overlap", bands=name, low=band.low, high=band.high)
            )
        expected = max(expected, band.high + 1)
    if bands and expected <= 100:
        spec.problems.append(
            report.problem(bands[-1].line, "bands_stop", bands=name, high=expected - 1)
        )
