"""The `study-tour` entry point: subcommands run headless; otherwise the window opens (on FILE)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from planner.cli import COMMANDS, looks_like_command, run_command
from ui.exports import pdf_command  # noqa: F401  (registers export-pdf; imports Qt only when it runs)
from planner.render import export_commands  # noqa: F401  (export-xlsx, export-ics)
from ui.exports import print_commands  # noqa: F401  (export-notices, export-images; Qt when run)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and (args[0] in COMMANDS or args[0] in ("-h", "--help") or looks_like_command(args[0])):
        return run_command(args)
    # Qt is imported only here, so headless commands work where no display libraries exist.
    from ui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
