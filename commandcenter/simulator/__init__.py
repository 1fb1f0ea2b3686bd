"""Tooling that plays the city rather than runs it: the demo generator and the drill feed.

These modules write through the services and the models like any other caller, but they are
not domain operations: nothing in `services` may depend on them, and the screens reach them only
from the demo and drill commands. Like the services, they never import Qt.
"""
