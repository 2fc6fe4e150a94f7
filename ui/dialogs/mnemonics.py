"""User names on menu entries, check boxes and buttons: there '&' marks the shortcut letter, so a group or
hotel called "P&G" would read "PG". `as_typed` doubles it, which Qt shows as one '&'."""

from __future__ import annotations


def as_typed(name: str) -> str:
    return name.replace("&", "&&")


def undo_text(text: str) -> str:
    """The text every undo step is given. QUndoCommand splits "text\\nactionText": text() stays as typed (for
    the undo view and tests); the action text, which QUndoStack puts on the Undo/Redo menu entries, gets '&'
    doubled. A line break inside a name would split it wrongly, so it becomes a space."""
    line = " ".join(text.splitlines())
    return f"{line}\n{as_typed(line)}"
