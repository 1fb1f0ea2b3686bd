"""The plain data that crosses from services into item models, views and widgets.

Frozen dataclasses and NamedTuples with no Qt and no SQLAlchemy: services fill them, the GUI
reads them, so a widget needs these shapes and never the services that make them
(`cases`: case rows, details and timelines; `map`: what the map canvas draws;
`briefing`: the figures and tables of a briefing).
"""
