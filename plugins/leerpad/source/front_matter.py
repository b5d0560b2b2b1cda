"""Read YAML front matter while keeping the source line of every key.

python-frontmatter finds and splits the front matter; our YAML handler loads it through
``yaml_lines``, whose composer gives each key's line, so that every complaint about a
field can point at the line the author has to change.
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler

from ..problems import MessageTable, Problem, ProblemError, message_table
from .yaml_lines import MESSAGES as YAML_MESSAGES
from .yaml_lines import LoadedYaml, NoSuchDateError, error_line, load_yaml, quoted_fix, yaml_reason

# The front matter text starts with the rest of the opening "---" line (line 1), so its
# line n (from 0) is line n + 1 of the file; the first line that can hold YAML is line 2.
_FENCE_LINES = 1
_YAML_FIRST_LINE = 2

SHOWN_CHARACTERS = 60
"""At most this much of a value is quoted in a message: a value may be megabytes long."""

MESSAGES = message_table(
    "front_matter",
    en={
        "not_utf8": (
            "not a UTF-8 text file (byte 0x{byte:02x} cannot be read); save it as UTF-8 "
            "text, or give a file that is not Markdown its own extension"
        ),
        "not_utf8_letter": (
            "not a UTF-8 text file (byte 0x{byte:02x} cannot be read: in Windows text it is "
            "'{letter}'); save it as UTF-8 text in your editor"
        ),
        "nul": (
            "not a text file (it holds NUL bytes, e.g. saved as UTF-16); save it as UTF-8 text"
        ),
        "unreadable": "cannot be read: {reason}",
        "hostile": "front matter refused: {reason}",
        "unclosed": (
            "front matter starts with '---' here but is never closed; "
            "add a line with only '---' after the last field"
        ),
        "invalid": (
            "front matter is not valid YAML: {reason}; "
            "check quotes, colons and indentation on this line"
        ),
        "invalid_explained": "front matter is not valid YAML: {reason}",
        "not_pairs": "front matter must be 'key: value' lines, e.g. 'title: Mijn module'",
        "field_near": "{value}: did you mean '{meant}'?",
        "image_text": "'image' must be the path of an image file",
        "image_missing": (
            "image {image} does not exist under {docs}/; write its path from the site root, "
            "e.g. 'image: assets/kaarten/wachtrij.png'"
        ),
    },
    nl={
        "not_utf8": (
            "geen tekstbestand in UTF-8 (byte 0x{byte:02x} is niet te lezen); bewaar het als "
            "UTF-8-tekst, of geef een bestand dat geen Markdown is een eigen extensie"
        ),
        "not_utf8_letter": (
            "geen tekstbestand in UTF-8 (byte 0x{byte:02x} is niet te lezen: in Windows-tekst "
            "is dat '{letter}'); bewaar het in je editor als UTF-8-tekst"
        ),
        "nul": (
            "geen tekstbestand (er staan NUL-bytes in, bijvoorbeeld bewaard als UTF-16); "
            "bewaar het als UTF-8-tekst"
        ),
        "unreadable": "kan niet gelezen worden: {reason}",
        "hostile": "front matter geweigerd: {reason}",
        "unclosed": (
            "de front matter begint hier met '---' maar wordt nergens gesloten; "
            "zet een regel met alleen '---' na het laatste veld"
        ),
        "invalid": (
            "de front matter is geen geldige YAML: {reason}; "
            "kijk op deze regel de aanhalingstekens, dubbele punten en inspringing na"
        ),
        "invalid_explained": "de front matter is geen geldige YAML: {reason}",
        "not_pairs": (
            "de front matter bestaat uit regels 'naam: waarde', bijvoorbeeld 'title: Mijn module'"
        ),
        "field_near": "{value}: bedoel je '{meant}'?",
        "image_text": "'image' is het pad van een afbeelding",
        "image_missing": (
            "afbeelding {image} bestaat niet onder {docs}/; schrijf het pad vanaf de hoofdmap "
            "van de site, bijvoorbeeld 'image: assets/kaarten/wachtrij.png'"
        ),
    },
)


PAGE_FIELDS = (
    *("title", "description", "image", "hide", "template", "search", "status", "icon"),
    *("subtitle", "tags", "comments"),
)
"""Front matter fields MkDocs, Material or leerpad read on any page."""


def misspelt_fields(meta: FrontMatter, known: Iterable[str]) -> list[Problem]:
    """Keys spelt close to a ``known`` field ('descripton', 'category'), at their lines.

    Nobody reads such a key, so what it holds would vanish silently. Keys not close to
    any known field are left alone: other plugins may read them.
    """
    fields = sorted(set(known))
    problems = []
    for key in meta.data:
        if not isinstance(key, str) or key in fields:
            continue
        plurals = (f"{key}s", f"{key[:-1]}ies")  # 'category' is too short for difflib
        meant = next((name for name in plurals if name in fields), None)
        close = difflib.get_close_matches(key.casefold(), fields, n=1, cutoff=0.8)
        meant = meant or (close[0] if close else None)
        if meant is not None:
            problems.append(meta.report(key, MESSAGES, "field_near", value=shown(key), meant=meant))
    return problems


def image_problems(root: str, meta: FrontMatter, docs_dir: str = "docs") -> list[Problem]:
    """``image:`` (the link preview) must be a file under the site's ``docs_dir``.

    ``docs_dir`` is mkdocs.yml's, relative to ``root`` (or absolute); the image's path is
    written from the site root, so from that folder. A URL is left alone (the feed
    reports it); ``../x.png`` is not published, so it is reported like a file that does
    not exist, naming the folder as mkdocs.yml does.
    """
    image = meta.data.get("image")
    if image is None:
        return []
    if not isinstance(image, str) or not image.strip():
        return [meta.report("image", MESSAGES, "image_text")]
    if re.match(r"^[a-z][a-z0-9+.-]*://", image):
        return []
    docs = os.path.normpath(os.path.join(root, docs_dir))
    path = os.path.normpath(os.path.join(docs, image.lstrip("/")))
    if os.path.commonpath([docs, path]) != docs or not os.path.isfile(path):
        folder = folder_name(root, docs_dir)
        return [meta.report("image", MESSAGES, "image_missing", image=shown(image), docs=folder)]
    return []


def folder_name(root: str, folder: str) -> str:
    """``folder`` as an author knows it: from ``root``, with '/', no trailing '/'.

    ``/site/inhoud`` under root ``/site`` gives ``inhoud``; a folder outside the root
    keeps its ``../``.
    """
    relative = os.path.relpath(os.path.join(root, folder), root) if root else folder
    return relative.replace(os.sep, "/").rstrip("/")


def shown(value: object) -> str:
    """``repr(value)``, cut to about ``SHOWN_CHARACTERS`` characters for a message."""
    text = repr(value) if not isinstance(value, list | dict) else type(value).__name__
    if len(text) <= SHOWN_CHARACTERS:
        return text
    return text[: SHOWN_CHARACTERS - 1] + "…"


def read_source(path: str, display: str, language: str = "en") -> str:
    """The text of a Markdown file, without a BOM, with every line end read as a newline.

    Raises ProblemError naming ``display`` (and the line of the first bad byte) when the
    file is not UTF-8 text, whatever bytes it holds; its message is in ``language``.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        reason = error.strerror or str(error)
        message = MESSAGES.text(language, "unreadable", reason=reason)
        raise ProblemError(Problem(display, 0, message)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        # Most such files are Windows text (cp1252, Latin-1): name the accented letter it
        # meant. A UTF-16 file starts with its byte order mark, or (without one) holds NUL
        # bytes before its first letter outside ASCII: say UTF-16, at the first NUL.
        letter = bytes([byte]).decode("cp1252", errors="replace")
        nul = data.find(b"\0", 0, error.start)
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            message = MESSAGES.text(language, "nul")
        elif nul >= 0:
            line = data[:nul].count(b"\n") + 1
            message = MESSAGES.text(language, "nul")
        elif 0xC0 <= byte <= 0xFE and letter.isalpha():
            message = MESSAGES.text(language, "not_utf8_letter", byte=byte, letter=letter)
        else:
            message = MESSAGES.text(language, "not_utf8", byte=byte)
        raise ProblemError(Problem(display, line, message)) from None
    if "\0" in text:
        line = text[: text.index("\0")].count("\n") + 1
        raise ProblemError(MESSAGES.problem(language, display, line, "nul"))
    # As Python's text mode reads them, which is how MkDocs and we read files before.
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class FrontMatter:
    """Front matter of one Markdown file, with line numbers for error messages."""

    path: str
    data: dict[str, Any]
    key_lines: dict[str, int] = field(default_factory=dict)
    end_line: int = 1
    """Line of the closing ``---`` (1 when the file has no front matter)."""

    body: str = ""
    warnings: list[Problem] = field(default_factory=list)
    """Problems that do not stop the file from being read (a value cut by ' #')."""
    language: str = "en"
    """The site's language: problems about this file are written in it."""

    def line_of(self, key: str) -> int:
        """Line of ``key``, or of the front matter's start when the key is absent."""
        return self.key_lines.get(key, 1)

    def problem(self, key: str, message: str) -> Problem:
        """A problem located at ``key`` (or at line 1 when the key is missing)."""
        return Problem(self.path, self.line_of(key), message)

    def report(self, field: str, table: MessageTable, key: str, /, **values: Any) -> Problem:
        """The message ``key`` of ``table`` in this file's language, at ``field``'s line."""
        return self.problem(field, table.text(self.language, key, **values))


def read_front_matter(text: str, path: str, language: str = "en") -> FrontMatter:
    """Parse ``text``; raise ProblemError with file and line for broken front matter.

    Messages, raised or kept in ``warnings``, are written in ``language``.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    handler = LinedYAMLHandler()
    if not handler.detect(text):
        return FrontMatter(path, {}, body=text, language=language)
    try:
        raw, body = handler.split(text)
    except ValueError:  # no closing fence to split at
        raise ProblemError(MESSAGES.problem(language, path, 1, "unclosed")) from None
    closing = 1 + raw.count("\n")
    data, key_lines, comments = _load_mapping(handler, raw, path, language)
    raw_lines = raw.splitlines()
    warnings = [
        Problem(
            path,
            line,
            YAML_MESSAGES.text(language, "comment", fix=quoted_fix(raw_lines[line - _FENCE_LINES])),
        )
        for line in comments
    ]
    return FrontMatter(path, data, key_lines, closing, body.removeprefix("\n"), warnings, language)


_SCALAR_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*):[ \t]+(?P<value>[^\s&*!|>\[{].*?)[ \t]*$")
"""A top-level ``key: value`` line whose value is one plain or quoted scalar: never an
anchor, alias, tag, block or flow collection, so that reading it alone cannot expand."""


_READABLE_LINE_LIMIT = 1000
"""Characters: ``readable_lines`` passes over longer lines (a file may hold megabytes)."""


def readable_lines(text: str) -> dict[str, Any]:
    """What can still be read from a front matter that ``read_front_matter`` refused.

    Each top-level ``key: value`` line is read on its own, as one scalar; a line that
    does not read is left out, and so is everything else (lists, nested keys). Gives
    ``{key: str | int | date}``: the first line of each key. For defaults only: the
    file's problem is reported by ``read_front_matter``.
    """
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[0].rstrip() != "---":
        return {}
    found: dict[str, Any] = {}
    for line in lines[1:]:
        if line.rstrip() in ("---", "..."):
            break
        # A default is a title or a date: a longer line is not worth parsing.
        match = _SCALAR_LINE.match(line) if len(line) <= _READABLE_LINE_LIMIT else None
        if match is None or match["key"] in found:
            continue
        try:
            value = yaml.safe_load(match["value"])
        except (yaml.YAMLError, ValueError):  # ValueError: a date that does not exist
            continue
        if isinstance(value, (str, int, dt.date)) and not isinstance(value, bool):
            found[match["key"]] = value
    return found


class LinedYAMLHandler(YAMLHandler):
    """python-frontmatter's YAML handler, reading through ``yaml_lines``.

    The library finds and splits the front matter; loading through ``load_yaml`` keeps
    each key's line and the lines of values cut by `` #``, and refuses hostile YAML.
    The front matter text it hands over starts right after the opening ``---``, so its
    line n (counting from 0) is line n + 1 of the file.
    """

    # The opening fence is '---' alone on the first line; '...' may also close.
    FM_BOUNDARY = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)

    def __init__(self) -> None:
        super().__init__()
        self.loaded = LoadedYaml(None)
        """What the last ``load`` read, with its lines."""

    def detect(self, text: str) -> bool:
        """Whether ``text`` opens with a front matter fence on its first line."""
        return text.split("\n", 1)[0].rstrip() == "---"

    def load(self, fm: str, **kwargs: object) -> Any:
        """The front matter's value; raises like ``yaml_lines.load_yaml``."""
        self.loaded = load_yaml(fm)
        return self.loaded.data

    def export(self, metadata: dict[str, object], **kwargs: object) -> str:
        """``metadata`` as the guides write it, keys in the order given.

        Lists of sentences go one per indented line, lists of names between brackets.
        """
        text = yaml.dump(
            metadata, Dumper=_GuideStyleDumper, sort_keys=False, allow_unicode=True, width=1000
        )
        return text.strip()


class _GuideStyleDumper(yaml.SafeDumper):
    """YAML in the guides' style: ``  - Je …`` lines, ``[ria]`` for names."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        """Indent list items under their key (PyYAML puts them at the key's column)."""
        super().increase_indent(flow, False)

    def represent_list(self, data: Any) -> yaml.SequenceNode:
        """Names (single words) between brackets; anything longer one per line."""
        names = all(isinstance(item, str) and " " not in item for item in data)
        return self.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=names)


_GuideStyleDumper.add_representer(list, _GuideStyleDumper.represent_list)


def write_front_matter(metadata: dict[str, Any], body: str) -> str:
    """A Markdown file's text: ``metadata`` as front matter, a blank line, then ``body``.

    Written by python-frontmatter through ``LinedYAMLHandler``, so that what ``leerpad
    new`` writes is read back by the same handler.
    """
    post = frontmatter.Post(body, handler=LinedYAMLHandler(), **metadata)
    return frontmatter.dumps(post) + "\n"


def _load_mapping(
    handler: LinedYAMLHandler, raw: str, path: str, language: str
) -> tuple[dict[str, Any], dict[str, int], list[int]]:
    """The YAML text as a mapping, each key's line, and lines with a value cut by ' #'."""
    try:
        handler.load(raw)
        loaded = handler.loaded
    except yaml.MarkedYAMLError as error:
        at = error_line(error, raw)
        reason = yaml_reason(error, language, raw.split("\n")[at] if raw else "")
        # Ours (aliases, nesting) refuse the front matter; PyYAML's say it is not YAML,
        # with the general advice only when its reason is PyYAML's own (English) words.
        explained = reason != (error.problem or "")
        key = "invalid_explained" if explained else "invalid"
        key = "hostile" if getattr(error, "key", None) in _REFUSALS else key
        if isinstance(error, NoSuchDateError):  # valid YAML: the date is what is wrong
            raise ProblemError(Problem(path, at + _FENCE_LINES, reason)) from None
        raise ProblemError(
            MESSAGES.problem(language, path, at + _FENCE_LINES, key, reason=reason)
        ) from None
    except yaml.YAMLError as error:
        reason = yaml_reason(error, language)
        raise ProblemError(MESSAGES.problem(language, path, 1, "invalid", reason=reason)) from None
    data = loaded.data
    if data is None:
        return {}, {}, []
    if not isinstance(data, dict):
        raise ProblemError(MESSAGES.problem(language, path, _YAML_FIRST_LINE, "not_pairs"))
    lines = {key: line + _FENCE_LINES for key, line in loaded.key_lines.items()}
    return data, lines, [line + _FENCE_LINES for line in loaded.comment_lines]


_REFUSALS = {"aliases", "recursive", "too_deep"}
