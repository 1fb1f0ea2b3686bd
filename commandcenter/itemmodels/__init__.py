"""Qt item models: one generic table model over frozen rows (`base.RowTableModel`), the roles
every model answers (`roles`), and one thin subclass per screen's table.

`commandcenter.models` is the SQLAlchemy tables; these are the Qt side, between the services'
rows and the views, and import neither SQLAlchemy nor the tables.
"""
