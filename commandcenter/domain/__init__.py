"""Pure domain vocabulary and rules shared by services and views (no database, no Qt)."""
