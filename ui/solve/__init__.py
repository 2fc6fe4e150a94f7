"""The window's auto-plan actions: optimise a day, auto-plan, repair (planner/solve does the work)."""
