"""Spreadsheet import in the window: the site import dialog and its undo command."""
