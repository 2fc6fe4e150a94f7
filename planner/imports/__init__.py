"""Spreadsheet import: a generic engine (sheet, headers, cells, table) and the site rows built on it."""
