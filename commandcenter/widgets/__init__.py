"""Reusable widgets of the command-centre GUI (no database access)."""
