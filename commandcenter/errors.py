"""Typed errors that carry the facts; the GUI and the CLI turn them into messages.

Each error keeps its facts as attributes and renders an English fallback message; the GUI
words them through `commandcenter.labels.describe_error`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime


class CommandCentreError(Exception):
    """Base of every error the application explains to a user."""

    code = "error"

    def __init__(self, message: str, **facts: object) -> None:
        super().__init__(message)
        self.message = message
        self.facts = facts


class DatabaseError(CommandCentreError):
    """The database cannot be opened, reached or used."""

    code = "database"


class SchemaTooNew(DatabaseError):
    code = "schema_too_new"


class NotADatabase(DatabaseError):
    code = "not_a_database"


class UnsupportedDatabase(DatabaseError):
    """A URL of a kind this program cannot use (``mysql://…``); `supported` names the kinds that work."""

    code = "unsupported_database"

    def __init__(self, scheme: str, supported: str) -> None:
        super().__init__(f"unsupported database '{scheme}://…': use {supported}", scheme=scheme, supported=supported)
        self.scheme, self.supported = scheme, supported


class DatabaseBusy(DatabaseError):
    """Another seat or an import held the write lock longer than a user action may wait; nothing was done."""

    code = "database_busy"

    def __init__(self, location: str, waited_s: int) -> None:
        super().__init__(
            f"{location}: another seat or an import is still writing after {waited_s} s; nothing was changed - "
            "try again in a moment",
            location=location,
            waited_s=waited_s,
        )
        self.location, self.waited_s = location, waited_s


class DatabaseReadOnly(DatabaseError):
    """A write was attempted on a database opened read-only (or on a read-only share); nothing was done."""

    code = "database_read_only"

    def __init__(self, location: str) -> None:
        super().__init__(f"this database is read-only: {location}; nothing was changed", location=location)
        self.location = location


class DatabaseFull(DatabaseError):
    """The disk holding the database is full; the action was rolled back."""

    code = "database_full"

    def __init__(self, location: str) -> None:
        super().__init__(f"the disk holding {location} is full; nothing was changed", location=location)
        self.location = location


class NoDatabase(DatabaseError):
    """There is no database file where one was named (and none is to be created)."""

    code = "no_database"

    def __init__(self, path: str) -> None:
        super().__init__(f"no database at {path} (create one with 'commandcenter db upgrade')", path=path)
        self.path = path


class CannotConnect(DatabaseError):
    """The database server or file refused the connection; `reason` is the driver's own words."""

    code = "cannot_connect"

    def __init__(self, location: str, reason: str, url: str) -> None:
        super().__init__(f"cannot connect to {location}: {reason}", url=url)
        self.location, self.reason = location, reason


class DatabaseMissing(DatabaseError):
    """The database file was deleted or replaced while the program ran; writing would be lost."""

    code = "database_missing"

    def __init__(self, path: str) -> None:
        super().__init__(
            f"the database file {path} was deleted or replaced while the program was running; "
            "nothing was changed - restore the file and restart",
            path=path,
        )
        self.path = path


class ServerUnreachable(DatabaseError):
    """The live feed has lost the database server: a new action is refused before anything is
    sent, so nothing is half-sent nor queued to be sent twice; `reason` is the driver's words."""

    code = "server_unreachable"

    def __init__(self, location: str, reason: str) -> None:
        super().__init__(f"the database server {location} cannot be reached ({reason}); nothing was sent - "
                         "try again once the connection is back", location=location, reason=reason)
        self.location, self.reason = location, reason


class NotADemoDatabase(DatabaseError):
    """The drill feed was pointed at a database not marked as demo; nothing was written to it."""

    code = "not_a_demo_database"

    def __init__(self, location: str) -> None:
        super().__init__(f"{location} is not a demo database: a drill feeds only demo databases; nothing was written",
                         location=location)
        self.location = location


class NotADemoToReset(NotADemoDatabase):
    """A demo reset was asked of a database not marked as demo; nothing was changed."""

    code = "not_a_demo_to_reset"

    def __init__(self, location: str) -> None:
        DatabaseError.__init__(self, f"{location} is not a demo database: only a demo database is reset to its "
                               "generated state; nothing was changed", location=location)
        self.location = location


class NoDemoSnapshot(DatabaseError):
    """A demo reset cannot restore its snapshot: there is none (`reason` "missing": beside the
    file, or no snapshot schema on PostgreSQL), it is of another schema ("schema"), the database
    is in memory ("not_a_file"), or the PostgreSQL role may not empty the tables ("not_allowed")."""

    code = "no_demo_snapshot"

    def __init__(self, location: str, reason: str) -> None:
        super().__init__(f"{location} cannot be reset ({reason}); nothing was changed", location=location,
                         reason=reason)
        self.location, self.reason = location, reason


class PermissionDenied(CommandCentreError):
    code = "permission_denied"

    def __init__(self, username: str, role: str, action: str) -> None:
        super().__init__(
            f"{username} ({role}) may not {action.replace('_', ' ')}",
            username=username,
            role=role,
            action=action,
        )
        self.username, self.role, self.action = username, role, action


class OutOfScope(PermissionDenied):
    """A case or centre outside the user's centre and the centres below it."""

    code = "out_of_scope"

    def __init__(self, username: str, action: str, centre_id: int | None) -> None:
        CommandCentreError.__init__(
            self, f"{username} may not {action.replace('_', ' ')} outside their centre (centre {centre_id})",
            username=username, action=action, centre_id=centre_id,
        )
        self.username, self.role, self.action, self.centre_id = username, "", action, centre_id


class AuthenticationFailed(CommandCentreError):
    """A user name and password that do not sign in. An unknown or inactive user and a wrong
    password fail alike, so the message cannot be used to find out which user names exist."""

    code = "authentication_failed"

    def __init__(self, username: str) -> None:
        super().__init__(f"wrong user name or password (user {username!r})", username=username)
        self.username = username


class AccountLocked(AuthenticationFailed):
    """Too many failed sign-ins in a row: the account refuses every password until `until` (an aware
    time in the user's centre zone). Told apart from a wrong password because the person must know
    that waiting, not retyping, is what helps; a subclass, so callers refusing a sign-in refuse this too."""

    code = "account_locked"

    def __init__(self, username: str, until: datetime) -> None:
        super().__init__(username)
        self.message = f"user {username!r} is locked after too many failed sign-ins until {until:%Y-%m-%d %H:%M}"
        self.args = (self.message,)
        self.facts["until"] = until
        self.until = until


class SignInNotAllowed(CommandCentreError):
    """A way of signing in this database refuses: `--user` without a password on a production
    database (`reason` "needs_password"), or a first administrator where one exists ("has_admin")."""

    code = "sign_in_not_allowed"

    def __init__(self, reason: str) -> None:
        text = ("--user works only on demo databases; sign in with a password" if reason == "needs_password"
                else "this database already has a user who signs in; ask an administrator for an account")
        super().__init__(text, reason=reason)
        self.reason = reason


class NotFound(CommandCentreError):
    code = "not_found"

    def __init__(self, kind: str, key: object) -> None:
        super().__init__(f"no {kind} {key!r}", kind=kind, key=key)
        self.kind, self.key = kind, key


class IllegalTransition(CommandCentreError):
    code = "illegal_transition"

    def __init__(self, case_number: str, status: str, action: str) -> None:
        super().__init__(
            f"case {case_number} is {status.replace('_', ' ')}: cannot {action.replace('_', ' ')}",
            case_number=case_number,
            status=status,
            action=action,
        )
        self.case_number, self.status, self.action = case_number, status, action


class StaleCase(CommandCentreError):
    """Another seat changed the case since this one read it (optimistic lock)."""

    code = "stale"

    def __init__(self, case_number: str, expected_version: int, actual_version: int, status: str,
                 last: LastStep | None = None) -> None:
        by = f" by {last.by} ({last.action} at {last.at:%Y-%m-%d %H:%M} UTC)" if last else ""
        super().__init__(
            f"case {case_number} was changed at another seat{by} (now {status.replace('_', ' ')}); "
            "nothing was changed here - reload and try again",
            case_number=case_number,
            expected_version=expected_version,
            actual_version=actual_version,
            status=status,
        )
        self.case_number, self.status, self.last = case_number, status, last


@dataclass(frozen=True)
class LastStep:
    """The latest history step of a case: what a seat that lost a race is told happened instead."""

    action: str  # an Action value
    by: str  # the user's display name; empty for a system step (the drill, the escalation scan)
    at: datetime


class RequestTooLate(CommandCentreError):
    """An extension or suspension asked for at or after the stage deadline: time is asked for
    before it runs out, never to excuse a lateness that has happened (`kind` extension|suspension)."""

    code = "request_too_late"

    def __init__(self, case_number: str, kind: str, deadline: datetime) -> None:
        super().__init__(f"case {case_number}: a {kind} must be requested before the deadline "
                         f"{deadline:%Y-%m-%d %H:%M} UTC, which has passed",
                         case_number=case_number, kind=kind, deadline=deadline)
        self.case_number, self.kind, self.deadline = case_number, kind, deadline


class RequestState(CommandCentreError):
    """A time request that is not where the action needs it: a second one while one is pending
    (`pending` True), or a decision with none pending (`pending` False)."""

    code = "request_state"

    def __init__(self, case_number: str, kind: str, pending: bool) -> None:
        text = (f"case {case_number} already has a {kind} request waiting for a decision" if pending
                else f"case {case_number} has no {kind} request waiting for a decision")
        super().__init__(text, case_number=case_number, kind=kind, pending=pending)
        self.case_number, self.kind, self.pending = case_number, kind, pending


class OutsideCity(CommandCentreError):
    code = "outside_city"

    def __init__(self, lon: float, lat: float) -> None:
        super().__init__(f"location {lon:.6f}, {lat:.6f} is outside every unit grid", lon=lon, lat=lat)
        self.lon, self.lat = lon, lat


class ValidationError(CommandCentreError):
    code = "invalid"

    def __init__(self, message: str, field: str | None = None, **facts: object) -> None:
        super().__init__(message, field=field, **facts)
        self.field = field


class ImportRejected(CommandCentreError):
    """An import file was refused whole; `problems` lists (line or feature, reason)."""

    code = "import_rejected"

    def __init__(self, path: str, problems: list[tuple[str, str]]) -> None:
        first = "; ".join(f"{where}: {why}" for where, why in problems[:5])
        more = f" (and {len(problems) - 5} more)" if len(problems) > 5 else ""
        super().__init__(f"{path}: nothing imported - {first}{more}", path=path, problems=problems)
        self.path, self.problems = path, problems


class ScenarioInvalid(CommandCentreError):
    """A drill scenario file was refused whole; `problems` lists (line, reason), line 0 for the file itself."""

    code = "scenario_invalid"

    def __init__(self, path: str, problems: Sequence[tuple[int, str]]) -> None:
        super().__init__("\n".join(f"{path}:{line}: {why}" for line, why in problems), path=path,
                         problems=tuple(problems))
        self.path, self.problems = path, tuple(problems)


class HandoverLocked(CommandCentreError):
    code = "handover_locked"

    def __init__(self, handover_id: int) -> None:
        super().__init__(
            f"handover {handover_id} is acknowledged and cannot be changed; add a correction note instead",
            handover_id=handover_id,
        )
        self.handover_id = handover_id


class PasswordTooShort(ValidationError):
    """A new password shorter than the minimum every password must have."""

    code = "password_too_short"

    def __init__(self, min_length: int) -> None:
        super().__init__(f"a password needs at least {min_length} characters", field="password",
                         min_length=min_length)
        self.min_length = min_length


class TextTooLong(ValidationError):
    """A text longer than its column (or a service's limit for unbounded text); `field` names it."""

    code = "too_long"

    def __init__(self, field: str, limit: int, length: int, **facts: object) -> None:
        super().__init__(f"{field.replace('_', ' ')} is longer than {limit} characters ({length} given)",
                         field=field, limit=limit, length=length, **facts)
        self.limit, self.length = limit, length


class TextHasNul(ValidationError):
    """A text with a NUL character: PostgreSQL cannot store one and SQLite's functions stop at
    it, so both refuse it alike; `field` names the text."""

    code = "nul_character"

    def __init__(self, field: str) -> None:
        super().__init__(f"{field.replace('_', ' ')} contains a NUL character, which cannot be stored", field=field)


class DayInFuture(ValidationError):
    """A briefing asked for a day that has not begun in the centre's time zone."""

    code = "day_in_future"

    def __init__(self, day: date, today: date) -> None:
        super().__init__(f"{day.isoformat()} is in the future (today is {today.isoformat()}); a briefing reports "
                         "days that have begun", field="date", day=day, today=today)
        self.day, self.today = day, today


class DayBeforeData(ValidationError):
    """A briefing asked for a day before the first case was reported."""

    code = "day_before_data"

    def __init__(self, day: date, first_day: date) -> None:
        super().__init__(f"{day.isoformat()} is before the data: the first case was reported on "
                         f"{first_day.isoformat()}", field="date", day=day, first_day=first_day)
        self.day, self.first_day = day, first_day


class UnknownShift(NotFound):
    """A shift name the centre does not have; `shifts` lists the ones it has as (name, start, end)."""

    def __init__(self, name: str, shifts: Sequence[tuple[str, str, str]]) -> None:
        super().__init__("shift", name)
        self.name, self.shifts = name, tuple(shifts)
        self.message = f"this centre has no shift named {name}; its shifts are: {shift_list(self.shifts)}"
        self.args = (self.message,)
        self.facts["shifts"] = [shift[0] for shift in self.shifts]


def shift_list(shifts: Sequence[tuple[str, str, str]]) -> str:
    """"Day (08:00-20:00), Night (20:00-08:00)": the same in every language."""
    return ", ".join(f"{name} ({start}-{end})" for name, start, end in shifts)


class WorldFileInvalid(CommandCentreError):
    """A basemap's world file that cannot place the image: `problem` is "not_six_numbers" or "rotated"."""

    code = "world_file_invalid"

    def __init__(self, file: str, problem: str) -> None:
        text = ("a world file holds six numbers" if problem == "not_six_numbers"
                else "only north-up images without rotation can be shown")
        super().__init__(f"{file}: {text}", file=file, problem=problem)
        self.file, self.problem = file, problem


class StaleSetting(CommandCentreError):
    """Another admin changed an account, centre, category or time limit since this screen read it."""

    code = "stale_setting"

    def __init__(self, kind: str, key: object) -> None:
        super().__init__(f"the {kind} {key} was changed by another admin; nothing was changed here - reload and "
                         "try again", kind=kind, key=key)
        self.kind, self.key = kind, key


class LastAdministrator(CommandCentreError):
    """The change would leave no active user who may manage users (nobody could undo it)."""

    code = "last_admin"

    def __init__(self, subject: str) -> None:
        super().__init__(f"no active user would be left who may manage users (changing {subject}); nothing was "
                         "changed", subject=subject)
        self.subject = subject  # the account or role whose change was refused


class DuplicateName(ValidationError):
    """A category name already used by another category of the same kind in that language."""

    code = "duplicate_name"

    def __init__(self, field: str, name: str, other_code: str) -> None:
        super().__init__(f"{field.replace('_', ' ')} {name!r} is already used by category {other_code}",
                         field=field, name=name, other_code=other_code)
        self.name, self.other_code = name, other_code


class MergeRefused(ValidationError):
    """Two cases that cannot be merged, and why (`problem`): the same case ("same_case"), a
    survivor no longer open ("survivor_closed": a closed, rejected or merged case takes no more
    reports) or cases of different command centres ("other_centre"). A duplicate whose own
    status allows no merge is the state machine's IllegalTransition."""

    code = "merge_refused"

    def __init__(self, problem: str, case_number: str, other_number: str, status: str = "") -> None:
        texts = {
            "same_case": f"case {case_number} cannot be merged into itself",
            "survivor_closed": f"case {other_number} is {status}: merge only into an open case",
            "other_centre": f"cases {case_number} and {other_number} belong to different command centres",
        }
        super().__init__(texts[problem], field="merge_into", problem=problem, case_number=case_number,
                         other_number=other_number, status=status)
        self.problem, self.case_number, self.other_number, self.status = problem, case_number, other_number, status


class PhotoRejected(ValidationError):
    """A file refused as a case photo, and why (`problem`): "empty", "not_an_image" (judged by
    its content, whatever its name says), "too_large" (`size` bytes over `limit`) or
    "too_many_pixels" (a side of `size` pixels over `limit`). Nothing was stored."""

    code = "photo_rejected"

    def __init__(self, problem: str, filename: str, size: int = 0, limit: int = 0) -> None:
        texts = {
            "empty": f"{filename} is empty",
            "not_an_image": f"{filename} is not an image (JPEG, PNG, GIF, WebP, BMP or TIFF)",
            "too_large": f"{filename} has {size} bytes: a photo may have at most {limit}",
            "too_many_pixels": f"{filename} is {size} pixels on its longer side: a photo may have at most {limit}",
        }
        super().__init__(texts[problem], field="photo", problem=problem, filename=filename, size=size, limit=limit)
        self.problem, self.filename, self.size, self.limit = problem, filename, size, limit


class WarningAlreadyHandled(CommandCentreError):
    """An early warning someone already acknowledged, acted on or dismissed (`status`), naming who
    (`by`, a display name) and when (`at`, aware UTC): two supervisors acting at once, one wins
    and the other is told, with nothing changed."""

    code = "warning_handled"

    def __init__(self, warning_id: int, status: str, by: str, at: datetime | None) -> None:
        when = f"{at:%Y-%m-%d %H:%M} UTC" if at is not None else "earlier"
        super().__init__(f"warning {warning_id} was already {status} by {by or 'someone'} at {when}; nothing was "
                         "changed", warning_id=warning_id, status=status, by=by, at=at)
        self.warning_id, self.status, self.by, self.at = warning_id, status, by, at


class WorkOrderTaken(ValidationError):
    """A 12345 work order the same source already brought: the hotline resends orders, and one
    work order is one case (`case_number` names it)."""

    code = "work_order_taken"

    def __init__(self, hotline_number: str, case_number: str) -> None:
        super().__init__(f"work order {hotline_number} is already case {case_number}", field="hotline_number",
                         hotline_number=hotline_number, case_number=case_number)
        self.hotline_number, self.case_number = hotline_number, case_number


class CaseHeldElsewhere(OutOfScope):
    """A case referred to another centre (`centre`, its name) that holds it until it feeds the
    outcome back: the referring centre watches it but does not act on it meanwhile."""

    code = "case_held_elsewhere"

    def __init__(self, username: str, action: str, case_number: str, centre_id: int, centre: str) -> None:
        OutOfScope.__init__(self, username, action, centre_id)
        self.message = f"case {case_number} is with {centre} after a referral: it acts on it until it feeds back"
        self.args = (self.message,)
        self.facts.update(case_number=case_number, centre=centre)
        self.case_number, self.centre = case_number, centre


class SupportsPending(CommandCentreError):
    """The lead unit's feedback (主办) refused while supporting units (协办, `units` by name)
    have not fed back their parts: the lead's feedback closes the handling stage."""

    code = "supports_pending"

    def __init__(self, case_number: str, units: Sequence[str]) -> None:
        super().__init__(f"case {case_number}: supporting units have not fed back yet: {', '.join(units)}",
                         case_number=case_number, units=tuple(units))
        self.case_number, self.units = case_number, tuple(units)


class GridOfAnotherCentre(CommandCentreError):
    """A correction (更正) to a grid outside the area of the centre holding the case: the case is
    transferred or referred there (转办 / 上报), not corrected into another centre's area."""

    code = "grid_of_another_centre"

    def __init__(self, case_number: str, grid_code: str, centre: str) -> None:
        super().__init__(f"case {case_number}: grid {grid_code} belongs to {centre}; transfer or refer the case "
                         "instead", case_number=case_number, grid=grid_code, centre=centre)
        self.case_number, self.grid_code, self.centre = case_number, grid_code, centre


class NothingCorrected(CommandCentreError):
    """A correction (更正) naming the category and grid the case already has: nothing to record."""

    code = "nothing_corrected"

    def __init__(self, case_number: str) -> None:
        super().__init__(f"case {case_number} already has this category and grid", case_number=case_number)
        self.case_number = case_number
