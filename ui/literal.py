"""User text shown exactly as typed where Qt would otherwise read it as rich text.

Qt treats a tooltip (and an AutoText label) as HTML when its first line looks like a tag, so a site named
`<b>x</b>` would go bold and `<img src=x>` would show a broken image instead of the name.
"""

from __future__ import annotations

import html


def tooltip(text: str | None) -> str | None:
    """Always rich text, with the user's characters escaped: the same on every line, whatever they hold.
    Also for the text of QMessageBox's static questions, which guess between plain and rich text too."""
    if not text:
        return text
    return '<p style="white-space:pre-wrap">' + html.escape(text, quote=False) + "</p>"


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def bold(text: str) -> str:
    """`text` in bold inside rich text, its characters shown literally."""
    return f"<b>{html.escape(text, quote=False)}</b>"
