"""The front matter JSON Schemas accept the real content and reject the bad fixtures."""

from __future__ import annotations

import datetime as dt
import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import REPO


def schema(name: str) -> dict:
    return json.loads(files("leerpad").joinpath(f"schemas/{name}.schema.json").read_text())


def front_matter(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    # YAML reads dates as dates; editors see the text the author typed.
    return {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in data.items()}


REAL = [
    *[("course", p) for p in sorted(REPO.glob("courses/*/index.md"))],
    *[("module", p) for p in sorted(REPO.glob("courses/*/[0-9]*.md"))],
    *[("post", p) for p in sorted(REPO.glob("blog/posts/*.md"))],
]


@pytest.mark.parametrize(("kind", "path"), REAL, ids=lambda v: getattr(v, "name", v))
def test_real_content_is_valid(kind: str, path: Path) -> None:
    jsonschema.validate(front_matter(path), schema(kind))


BAD = [
    ("module", {"title": "X", "duration": "een halfuur", "objectives": ["Je kunt iets."]}),
    ("module", {"title": "X", "duration": 30}),
    ("course", {"title": "X", "summary": "Y", "audience": "Z"}),
    (
        "course",
        {"title": "X", "summary": "Y", "audience": "Z", "duration": 5, "completion": "quizes"},
    ),
    ("post", {"title": "X", "date": "vorige dinsdag", "authors": ["a"], "categories": ["Teams"]}),
    ("post", {"title": "X", "date": "2025-01-01", "authors": ["a"], "categories": ["Sport"]}),
    (
        "post",
        {
            "title": "X",
            "date": "2025-01-01",
            "authors": ["a"],
            "categories": ["Teams"],
            "description": "x" * 161,
        },
    ),
]


@pytest.mark.parametrize(("kind", "data"), BAD)
def test_bad_front_matter_is_rejected(kind: str, data: dict) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema(kind))
