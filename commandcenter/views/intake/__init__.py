"""The new-case dialog's call-taking part that talks to services through the AppContext:
the work order fields and the duplicate check (`panel`), earlier cases (`earlier_panel`)."""
