"""Read a self-assessment block: scale, dimensions, statements and result bands."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..problems import Problem
from .header import Validator, identifier, read_options
from .ids import derive_id
from .scanner import Region
from .spec import WidgetSpec, content_version

_ITEM = re.compile(r"^[-*+][ ]+\[(?P<tags>[^\]]*)\][ ]+(?P<text>\S.*)$")
_LOOKS_LIKE_ITEM = re.compile(r"^[-*+][ ]+\[")
_NESTED_OPEN = re.compile(r"^(?P<fence>/{4,})[ ]*(?P<kind>[a-z-]+)?[ ]*(?:\|[ ]*(?P<arg>.*))?$")
_RANGE = re.compile(r"^(?:(?P<dimension>[a-z][a-z0-9-]*)[ ]+)?(?P<low>\d+)[ ]*-[ ]*(?P<high>\d+)$")
_REVERSE = {"omgekeerd", "reverse"}


def _scale(value: Any) -> list[str]:
    """3 to 7 answer labels, from the first (0 points) to the last."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError("write the answer labels as a list, e.g. [Nooit, Soms, Vaak, Altijd]")
    if not 3 <= len(value) <= 7:
        raise ValueError(f"a scale has 3 to 7 labels, not {len(value)}")
    return [v.strip() for v in value]


def _dimensions(value: Any) -> dict[str, str]:
    """Keys and labels: ``{openheid: Openheid, steun: Steun}``."""
    if not isinstance(value, dict) or not value:
        raise ValueError("write the dimensions as key: label pairs, e.g. {steun: Steun}")
    result = {}
    for key, label in value.items():
        identifier(str(key))
        if not isinstance(label, str) or not label.strip():
            raise ValueError(f"dimension '{key}' needs a label, e.g. '{key}: Steun'")
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


def parse_assessment(region: Region, path: str) -> AssessmentSpec:
    """Parse and check one ``/// assessment`` block."""
    problems: list[Problem] = []
    options_set = read_options(path, region.header, OPTIONS, problems)
    spec = AssessmentSpec(
        line=region.line,
        options_set=options_set,
        version=content_version(region),
        problems=problems,
        title=region.argument,
        scale=options_set["scale"] or [],
        dimensions=options_set["dimensions"] or {},
    )
    _read_body(spec, region, path)
    _check(spec, region, path)
    return spec


def _read_body(spec: AssessmentSpec, region: Region, path: str) -> None:
    """Sort the body into intro text, statements and nested bands."""
    band: Band | None = None
    band_fence = ""
    for number, line in region.body:
        if band is not None:
            if line.strip() == band_fence:
                spec.bands.append(band)
                band = None
            else:
                band.body.append(line)
            continue
        nested = _NESTED_OPEN.match(line.strip()) if line.startswith("////") else None
        if nested:
            band, band_fence = _open_band(nested, number, path, spec.problems), nested["fence"]
        elif _LOOKS_LIKE_ITEM.match(line):
            _read_item(spec, number, line, path)
        elif not spec.items:
            spec.intro.append(line)
        elif line.strip():
            spec.problems.append(
                Problem(
                    path,
                    number,
                    "text between or after the statements "
                    "belongs in a band or before the first "
                    "statement",
                )
            )
    if band is not None:
        spec.problems.append(
            Problem(
                path,
                band.line,
                f"this band is never closed; add a line with only '{band_fence}' after its text",
            )
        )


def _open_band(nested: re.Match[str], line: int, path: str, problems: list[Problem]) -> Band:
    """A ``//// band | [dimension] low-high`` line."""
    band = Band(line, None, 0, -1)
    if nested["kind"] != "band":
        problems.append(
            Problem(
                path,
                line,
                f"only '//// band | 0-49' blocks can stand inside an "
                f"assessment, not '{nested['kind'] or nested['fence']}'",
            )
        )
        return band
    match = _RANGE.match((nested["arg"] or "").strip())
    if match is None:
        problems.append(
            Problem(
                path,
                line,
                f"'{(nested['arg'] or '').strip()}' is not a range; "
                "write it as '0-49' or, for one dimension, "
                "'openheid 0-49'",
            )
        )
        return band
    band.dimension, band.low, band.high = match["dimension"], int(match["low"]), int(match["high"])
    if not 0 <= band.low <= band.high <= 100:
        problems.append(
            Problem(
                path,
                line,
                f"band {band.low}-{band.high} must lie within 0-100, the lower number first",
            )
        )
    return band


def _read_item(spec: AssessmentSpec, number: int, line: str, path: str) -> None:
    """A statement: ``- [dimension] text`` or ``- [dimension, omgekeerd] text``."""
    match = _ITEM.match(line)
    if match is None:
        spec.problems.append(Problem(path, number, "a statement looks like '- [dimension] text'"))
        return
    tags = [tag.strip() for tag in match["tags"].split(",")]
    dimension, markers = tags[0], tags[1:]
    unknown = [marker for marker in markers if marker not in _REVERSE]
    if unknown:
        spec.problems.append(
            Problem(
                path,
                number,
                f"unknown marker '{unknown[0]}'; the only marker is 'omgekeerd' (or 'reverse')",
            )
        )
    if spec.dimensions and dimension not in spec.dimensions:
        known = ", ".join(spec.dimensions)
        spec.problems.append(
            Problem(path, number, f"unknown dimension '{dimension}'; the dimensions are: {known}")
        )
    spec.items.append(Item(number, dimension, match["text"].strip(), bool(set(markers) & _REVERSE)))


def _check(spec: AssessmentSpec, region: Region, path: str) -> None:
    """Checks on the whole: closed, options present, statements, bands covering 0-100."""
    add = spec.problems.append
    if not region.closed:
        add(
            Problem(
                path,
                region.line,
                "this assessment is never closed; add a line with only "
                f"'{region.fence}' after its last band",
            )
        )
    if not spec.title:
        add(Problem(path, region.line, "the assessment has no title: '/// assessment | Titel'"))
    for option in ("scale", "dimensions"):
        reported = any(
            p.message.startswith((f"option '{option}'", "the options are not valid YAML"))
            for p in spec.problems
        )
        if spec.options_set[option] is None and not reported:
            message = f"the assessment needs the option '{option}', indented 4 spaces"
            add(Problem(path, region.line, message))
    if not spec.items:
        add(
            Problem(
                path,
                region.line,
                "the assessment has no statements; add lines like '- [dimension] statement'",
            )
        )
    used = {item.dimension for item in spec.items}
    for key in spec.dimensions:
        if key not in used:
            add(
                Problem(
                    path,
                    region.line,
                    f"dimension '{key}' has no statements; add one like '- [{key}] …' or remove it",
                )
            )
    for dimension in sorted({band.dimension or "" for band in spec.bands if band.high >= 0}):
        _check_coverage(spec, dimension or None, path)


def _check_coverage(spec: AssessmentSpec, dimension: str | None, path: str) -> None:
    """The bands of one dimension (or overall) cover 0-100 without gaps or overlaps."""
    if dimension is not None and dimension not in spec.dimensions:
        first = next(band for band in spec.bands if band.dimension == dimension)
        spec.problems.append(Problem(path, first.line, f"band for unknown dimension '{dimension}'"))
        return
    bands = sorted(
        (b for b in spec.bands if b.dimension == dimension and b.high >= 0),
        key=lambda band: band.low,
    )
    name = f"the bands for '{dimension}'" if dimension else "the bands"
    expected = 0
    for band in bands:
        if band.low > expected:
            spec.problems.append(
                Problem(
                    path,
                    band.line,
                    f"{name} leave {expected}-{band.low - 1} "
                    "uncovered; every percentage needs a band",
                )
            )
        elif band.low < expected:
            spec.problems.append(
                Problem(
                    path,
                    band.line,
                    f"{name} overlap: {band.low}-{band.high} starts inside the band before it",
                )
            )
        expected = max(expected, band.high + 1)
    if bands and expected <= 100:
        spec.problems.append(
            Problem(
                path,
                bands[-1].line,
                f"{name} stop at {expected - 1}; the last band must end at 100",
            )
        )
