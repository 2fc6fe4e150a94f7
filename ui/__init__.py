"""PySide6 desktop window over the planner core."""
