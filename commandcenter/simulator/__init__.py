"""Tooling that plays the city rather than runs it: the demo generator and the drill feed.

These modules write through the services and the models like any other caller, but they are
not domain operations: nothing in `services` may depend on them (an import contract checks it).
They are reached from the demo and drill commands and from the application's first start, which
creates a demo database; like the services, they never import Qt.
"""
