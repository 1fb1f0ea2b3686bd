"""`commandcenter import officers|departments|positions|grids|gazetteer|roads|open311|open311-services --db PATH FILE`.

Prints what was imported, areas renamed (only with `grids --rename-areas`) and any warnings. A refused file prints every problem with its line
or feature and exits with code 2; the database is left exactly as it was.
"""

from __future__ import annotations

import argparse
import sys

from ..db import Database, maintain, open_database
from ..errors import ImportRejected
from ..i18n import QT_TRANSLATE_NOOP as N
from ..i18n import translate
from ..services.auth import Principal, system_principal
from ..services.facade.imports import ImportService
from ..services.imports import IMPORTERS, ImportResult

MAX_LISTED = 100

HELP = {
    "officers": N("cli", "officers from CSV: employee_no,name,phone,grid_codes,duty_status (grid_codes ;-separated)"),
    "departments": N("cli", "departments from CSV: code,name,phone,category_codes (category_codes ;-separated)"),
    "positions": N("cli", "timestamped officer positions from CSV (employee_no,at,lon,lat) or JSON"),
    "grids": N("cli", "unit grids from a GeoJSON FeatureCollection of polygons with code and name (WGS84)"),
    "gazetteer": N("cli", "named places for address look-up from CSV: name,kind,lon,lat[,grid_code]"),
    "roads": N("cli", "the city's roads from a GeoJSON FeatureCollection of lines with name and class (WGS84); "
                      "replaces the stored roads"),
    "open311": N("cli", "cases from an Open311 GeoReport v2 JSON list of service requests"),
    "open311-services": N("cli", "replace the Open311 service list (service_code to category) from JSON"),
}
# interchange files (commandcenter.interchange), beside the reference-data importers
INTERCHANGE = ("open311", "open311-services")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("import", help=translate("cli", "import officers, departments, positions, grids or Open311 files"))
    kinds = p.add_subparsers(dest="import_kind", required=True, metavar="KIND")
    for kind in (*IMPORTERS, *INTERCHANGE):
        k = kinds.add_parser(kind, help=translate("cli", HELP[kind]))
        k.add_argument("--db", required=True, help=translate("cli", "database file path or SQLAlchemy URL"))
        k.add_argument("file", help=translate("cli", "the file to import (UTF-8, UTF-8 with BOM or GBK)"))
        if kind == "grids":
            k.add_argument("--rename-areas", action="store_true",
                           help=translate("cli", "let district_name, street_name and community_name rename stored "
                                                 "areas (recorded in the audit trail); without it a differing name "
                                                 "refuses the file"))
        if kind == "gazetteer":
            k.add_argument("--crs", choices=("wgs84", "gcj02"), default="wgs84",
                           help=translate("cli", "what the coordinates are in: wgs84 (default) or gcj02 (read off "
                                                 "Amap, Tencent or WeChat; converted to WGS-84)"))
        if kind == "open311":
            k.add_argument("--source", default="open311",
                           help=translate("cli", "name of the feed the file comes from: its service_request_ids "
                                                 "are unique within it (default: open311)"))
        k.set_defaults(handler=run, import_kind=kind)


def describe_result(result: ImportResult) -> list[str]:
    kind = {
        "officers": translate("cli", "officers"),
        "departments": translate("cli", "departments"),
        "positions": translate("cli", "positions"),
        "grids": translate("cli", "grids"),
        "gazetteer": translate("cli", "places"),
        "roads": translate("cli", "roads"),
        "open311": translate("cli", "service requests"),
        "open311-services": translate("cli", "Open311 services"),
    }[result.kind]
    lines = [
        translate("cli", "Imported {kind} from {file} ({encoding}): {created} created, {updated} updated, "
           "{unchanged} unchanged").format(kind=kind, file=result.path, encoding=result.encoding,
                                           created=result.created, updated=result.updated,
                                           unchanged=result.unchanged)
    ]
    if result.kind == "positions":
        lines = [
            translate("cli", "Imported positions from {file} ({encoding}): {created} positions stored, "
               "{updated} officers moved").format(file=result.path, encoding=result.encoding,
                                                  created=result.created, updated=result.updated)
        ]
    if any(result.parents_created.values()):
        lines.append(
            translate("cli", "Created {districts} districts, {streets} streets, {communities} communities").format(
                **{k: result.parents_created.get(k, 0) for k in ("districts", "streets", "communities")}
            )
        )
    areas = {"district": N("cli", "district"), "street": N("cli", "street"), "community": N("cli", "community")}
    for area_kind, code, old, new in result.renamed:
        lines.append(translate("cli", "Renamed {kind} {code}: {old} -> {new}").format(
            kind=translate("cli", areas[area_kind]), code=code, old=old, new=new))
    for where, why in result.warnings:
        lines.append(translate("cli", "warning: {where}: {why}").format(where=where, why=why))
    return lines


def describe_rejection(exc: ImportRejected) -> list[str]:
    lines = [translate("cli", "{file}: nothing imported, {n} problem(s):").format(file=exc.path, n=len(exc.problems))]
    lines += [f"  {where}: {why}" for where, why in exc.problems[:MAX_LISTED]]
    if len(exc.problems) > MAX_LISTED:
        lines.append(translate("cli", "  … and {n} more").format(n=len(exc.problems) - MAX_LISTED))
    return lines


def _interchange(db: Database, principal: Principal, args: argparse.Namespace) -> ImportResult:
    from ..interchange.files import import_requests
    from ..interchange.mapping import import_services

    if args.import_kind == "open311":
        return import_requests(db, args.file, principal, source=args.source)
    return import_services(db, args.file, principal)


def run(args: argparse.Namespace) -> int:
    db = open_database(args.db)
    try:
        options = {"rename_areas": args.rename_areas} if args.import_kind == "grids" else {}
        if args.import_kind == "gazetteer":
            options = {"crs": args.crs}
        # as the importer account; the audit entry names the OS user who ran the command
        importer = system_principal(db, "importer")
        if args.import_kind in INTERCHANGE:
            result = _interchange(db, importer, args)
        else:
            result = ImportService(db).run(importer, args.import_kind, args.file, **options)
        maintain(db)  # planner statistics after new rows
    except ImportRejected as exc:
        print("\n".join(describe_rejection(exc)), file=sys.stderr)
        return 2
    finally:
        db.dispose()
    print("\n".join(describe_result(result)))
    return 0
