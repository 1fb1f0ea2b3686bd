"""Domain operations over the database. No Qt here: services return frozen dataclasses."""
