"""Running the `study-tour` command in-process, as the CLI error tests do."""

from pathlib import Path

from ui.cli import main

HUNAN = Path(__file__).resolve().parents[1] / "seeds" / "hunan-2025.tour.json"


def run_cli(args, capsys) -> tuple[int, str]:
    """(exit code, stderr); whatever the input, the user never sees a traceback."""
    code = main(args)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return code, err
