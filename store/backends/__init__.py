"""Where an index lives: an SQLite file (the embedded default) or a PostgreSQL server (a team's shared index).

`--db` and $HANSCOPE_DB take either. A target that looks like a URI (`scheme://…`) is never a file name: a
`postgresql://` one opens the server backend, any other scheme is refused, so `postgresql://user:pw@host/db`
can never turn into a folder named after the URI with the password in it. The URI is shown with its password
masked everywhere (`masked`), in output, progress lines and errors alike.

This module stays light (the query path imports it): the PostgreSQL driver is imported only for a server URI.
"""
from __future__ import annotations

import os
import re

from ..db import DatabaseError

SERVER_SCHEMES = ("postgresql", "postgres")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
_AUTHORITY = re.compile(r"(?P<head>^[A-Za-z][A-Za-z0-9+.-]*://)(?P<authority>[^/?#]*)")
_PASSWORD_PARAM = re.compile(r"(?i)(?P<head>\bpassword=)[^&\s]*")


def uri_scheme(target: str | os.PathLike[str]) -> str | None:
    """The scheme of a URI target (lower-cased), None for a file path."""
    match = _SCHEME.match(os.fspath(target)) if isinstance(target, (str, os.PathLike)) else None
    return match.group(1).lower() if match else None


def is_server(target) -> bool:
    return uri_scheme(target) in SERVER_SCHEMES


def backend_of(conn) -> str:
    """"sqlite" or "postgres": what an open connection talks to (the PostgreSQL wrapper says so; sqlite3's does not)."""
    return getattr(conn, "backend", "sqlite")


def masked(target, secret: str | None = None) -> str:
    """The target as it may be shown: a URI's password (user:PASSWORD@ or password=…) as ***; a path unchanged.
    `secret`, when given, is masked wherever it appears (a driver message that quotes it)."""
    text = os.fspath(target)
    text = _AUTHORITY.sub(_mask_userinfo, text)
    text = _PASSWORD_PARAM.sub(lambda m: m.group("head") + "***", text)
    if secret:
        text = text.replace(secret, "***")
    return text


def _mask_userinfo(match: re.Match) -> str:
    """user:password@host -> user:***@host (the last @ ends the user part: a password may hold an unescaped @)."""
    userinfo, at, host = match.group("authority").rpartition("@")
    if not at or ":" not in userinfo:
        return match.group(0)
    return f"{match.group('head')}{userinfo.split(':', 1)[0]}:***@{host}"


def check_target(target) -> None:
    """Refuse a URI of a scheme hanscope cannot open, before anything is created."""
    scheme = uri_scheme(target)
    if scheme is not None and scheme not in SERVER_SCHEMES:
        raise DatabaseError(f"{masked(target)}: unknown database URI scheme {scheme!r} "
                            "(use a file path for SQLite, or postgresql://user:password@host/dbname)")


def connect(target, *, create: bool = False, readonly: bool = False):
    """A connection to the index at `target`: sqlite3 for a file path, the PostgreSQL backend's for a server URI.
    Raises DatabaseError with one line (credentials masked) when it cannot be used."""
    check_target(target)
    if is_server(target):
        from .postgres import connect as connect_server

        return connect_server(os.fspath(target), create=create, readonly=readonly)
    from .sqlite import connect as connect_file

    return connect_file(target, create=create, readonly=readonly)
