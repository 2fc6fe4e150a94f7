"""Errors that reach the user; each names the problem and where it is."""

from __future__ import annotations


class PlannerError(Exception):
    """Base for problems the user must see as a message, never as a traceback."""


class TourFileError(PlannerError):
    """A file cannot be used: missing, not JSON, wrong format, newer schema, invalid content.

    Problems and path are stored as shown: control characters escaped and each line capped (a file may name
    a group "\\x1b[2J" or use a 10-million-character title), at most MAX_PROBLEMS lines plus a count."""

    def __init__(self, path: str, problems: list[str]):
        from planner.io.limits import MAX_PROBLEMS, safe_text

        self.path = safe_text(str(path))
        shown = [safe_text(p) for p in problems[:MAX_PROBLEMS]]
        if len(problems) > MAX_PROBLEMS:
            shown.append(f"…另有 {len(problems) - MAX_PROBLEMS} 处 (and {len(problems) - MAX_PROBLEMS} more)")
        self.problems = shown
        super().__init__(f"{self.path}: " + "; ".join(shown))

    def describe(self) -> str:
        lines = [f"{self.path}:"] + [f"  {p}" for p in self.problems]
        return "\n".join(lines)
