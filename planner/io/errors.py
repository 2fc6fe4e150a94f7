"""Errors that reach the user; each names the problem and where it is."""

from __future__ import annotations


class PlannerError(Exception):
    """Base for problems the user must see as a message, never as a traceback."""


class TourFileError(PlannerError):
    """A file cannot be used: missing, not JSON, wrong format, newer schema, invalid content."""

    def __init__(self, path: str, problems: list[str]):
        self.path = path
        self.problems = problems
        super().__init__(f"{path}: " + "; ".join(problems))

    def describe(self) -> str:
        lines = [f"{self.path}:"] + [f"  {p}" for p in self.problems]
        return "\n".join(lines)
