"""ReportLab documents built from service data (briefing, handover record, case sheet)."""
