"""Dialogs the live wall opens: new case, dispatch, action parameters, shortcut sheet."""
