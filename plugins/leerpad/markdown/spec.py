"""What every widget read from the source has in common."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from ..problems import Problem
from .scanner import Region


@dataclass
class WidgetSpec:
    """A widget as the author wrote it: where, with which options, and what is wrong."""

    line: int
    options_set: dict[str, Any]
    version: str
    """Changes whenever the author changes the widget's text."""
    problems: list[Problem] = field(default_factory=list)

    def default_id(self, page_key: str, ordinal: int) -> str:
        """The id used when the author gives none; ``ordinal`` counts this kind on the page."""
        raise NotImplementedError


def content_version(region: Region) -> str:
    """A short hash of the block's text."""
    return hashlib.sha1(region.source.encode("utf-8")).hexdigest()[:8]
