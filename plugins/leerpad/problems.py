"""Author-facing problems: one message that names the file and the line to fix."""

from __future__ import annotations

from dataclasses import dataclass


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
