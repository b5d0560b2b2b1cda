"""Author-facing problems: one message that names the file and the line to fix."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .strings import counted


@dataclass(frozen=True, order=True)
class Problem:
    """A mistake in a source file, reported as ``path:line: message``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        """Format as editors and CI tools expect: ``path:line: message``."""
        if self.line <= 0:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}: {self.message}"


class ProblemError(Exception):
    """Raised by a parser when a source file cannot be used at all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def language_code(language: str | None) -> str:
    """The table a site's ``theme.language`` picks: ``nl-BE`` and ``nl_NL`` give ``nl``."""
    return (language or "en").split("-")[0].split("_")[0].lower()


@dataclass(frozen=True)
class MessageTable:
    """One part of leerpad's messages to authors: a table per language, the same keys.

    ``FRONT.text("nl", "hostile", reason=…)`` is the Dutch text, filled in; plural forms
    are written as ``{count:# objective|# objectives}`` (see ``strings.counted``). A
    language without a table gets English, as does a site without ``theme.language``.
    """

    name: str
    tables: dict[str, dict[str, str]]

    def text(self, language: str | None, key: str, /, **values: Any) -> str:
        """The message ``key`` in ``language``, filled in (KeyError for an unknown key)."""
        table = self.tables.get(language_code(language), self.tables["en"])
        return counted(table[key], **values)

    def problem(
        self, language: str | None, path: str, line: int, key: str, /, **values: Any
    ) -> Problem:
        """The Problem ``path:line: <message key in language>``."""
        return Problem(path, line, self.text(language, key, **values))


MESSAGE_TABLES: dict[str, MessageTable] = {}
"""Every message table of leerpad by name; tests check that each language has every key."""


def message_table(name: str, *, en: dict[str, str], nl: dict[str, str]) -> MessageTable:
    """Register and return the English and Dutch messages of one part of leerpad."""
    table = MessageTable(name, {"en": en, "nl": nl})
    MESSAGE_TABLES[name] = table
    return table
