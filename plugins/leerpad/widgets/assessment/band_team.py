"""A band's text for a team: the part of a band from a ``**Team:**`` paragraph on.

```markdown
//// band | 0-49
Je voelt je weinig gesteund door je collega's.

**Team:** In dit team voelen mensen zich weinig gesteund. Kies samen één moment in de
week waarop jullie vragen wat iemand nodig heeft.
////
```

It reads as plain Markdown in any preview. A self-assessment shows a learner the text
before it; the team scan shows the team text, or, for a band without one, the learner's
text with neutral words around it (leerpad-teamscan.js).
"""

from __future__ import annotations

import re

from ...markdown.messages import Reporter
from ...problems import Problem

MARKER = "**Team:**"
_MARKER = re.compile(r"^\s{0,3}\*\*Team:\*\*(?=\s|$)")
# Bold (or underscored) "team" with the colon misplaced or the case changed: what a
# trainer who meant the marker writes.
_NEAR = re.compile(r"^\s{0,3}(?P<found>(\*\*|__)\s*team\s*(:\s*(\*\*|__)|(\*\*|__)\s*:))", re.I)
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")


def _outside_code(lines: list[str]) -> list[bool]:
    """For each line: True when it is not inside a fenced code block."""
    found: list[bool] = []
    fence: str | None = None
    for line in lines:
        opened = _FENCE.match(line)
        if fence is not None:
            found.append(False)
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        found.append(opened is None)
        if opened:
            fence = opened.group(1)
    return found


def split_team(body: list[str]) -> tuple[list[str], list[str] | None]:
    """A band's lines as (the learner's text, the team text or None).

    The team text runs from the first ``**Team:**`` paragraph to the end of the band,
    the marker itself left out.
    """
    for index, (line, plain) in enumerate(zip(body, _outside_code(body), strict=True)):
        if plain and _MARKER.match(line):
            first = _MARKER.sub("", line, count=1).strip()
            return body[:index], [first, *body[index + 1 :]]
    return body, None


def team_problems(band_line: int, body: list[str], report: Reporter) -> list[Problem]:
    """Mistakes in a band's team text; ``band_line`` is the ``//// band`` line."""
    problems: list[Problem] = []
    first: int | None = None
    for offset, (line, plain) in enumerate(zip(body, _outside_code(body), strict=True)):
        number = band_line + 1 + offset
        if not plain:
            continue
        if _MARKER.match(line):
            if first is not None:
                problems.append(report.problem(number, "band_team_twice", first=first))
                continue
            first = number
            rest = _MARKER.sub("", line, count=1).strip() + "".join(body[offset + 1 :]).strip()
            if not rest:
                problems.append(report.problem(number, "band_team_empty"))
        elif near := _NEAR.match(line):
            problems.append(report.problem(number, "band_team_did_you_mean", found=near["found"]))
    return problems
