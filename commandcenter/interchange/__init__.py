"""Interchange with other systems: Open311 GeoReport v2 files and the HTTP endpoint.

Qt-free, beside the services it goes through: a request taken over HTTP or from a file becomes
a case by the same intake, permissions (the "open311" and "importer" system accounts) and audit
trail as one typed in at a seat, so it reaches every wall through the change feed.

Modules: `georeport` (the spec's JSON shapes, times and statuses, no database), `mapping` (the
service-code ↔ category table an administrator keeps), `requests` (reading cases as service
requests, and a posted request as intake), `files` (import and export of request files) and
`server` (the WSGI application and its server).
"""
