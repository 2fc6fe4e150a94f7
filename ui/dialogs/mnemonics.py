"""User names on menu entries, check boxes and buttons: there '&' marks the shortcut letter, so a group or
hotel called "P&G" would read "PG". `as_typed` doubles it, which Qt shows as one '&'."""

from __future__ import annotations


def as_typed(name: str) -> str:
    return name.replace("&", "&&")
