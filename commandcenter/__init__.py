"""Grid Command Centre: desktop client for urban grid-management command centres."""

__version__ = "0.1.0"
