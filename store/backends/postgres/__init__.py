"""The PostgreSQL backend: a team's shared index on a server. Needs psycopg (pip install 'hanscope[postgres]').

connection.py makes a server connection read and write like the store's sqlite3 one, dialect.py rewrites the few
SQLite-only constructs, fulltext.py holds the Korean full text (bigrams in a tsvector), schema.py the tables,
writer.py what one extracted file writes, indexer.py the indexing run (a queue of files in the database).
"""
from __future__ import annotations

from urllib.parse import urlsplit

from .. import masked
from ...db import DatabaseError

CONNECT_TIMEOUT = 5  # seconds before an unreachable server is reported
# A session that reads (the app, the CLI's queries; not `hanscope index`, which opens with create): every
# `tsv @@ q` reads that article's tsvector out of TOAST (~14 KB, ~15 us a row), a cost the planner does not see, so
# it scanned every article for a word the GIN index narrows to a few (47 ms of 53 at 2k for 하이닉스; linear in
# the corpus). Without sequential scans the full-text statements start from the GIN index or walk the search rows
# newest first and stop at their LIMIT: 1.85 s -> 1.36 s over the bench's 21 searches at 2k (bench/pg_team.py).
# JIT compiles a plan whose estimated cost is high, which costs 50-200 ms on a short query: off.
READER_SETTINGS = "SET enable_seqscan = off; SET jit = off"


def connect(uri: str, *, create: bool = False, readonly: bool = False):
    """Open (and with `create`, make) the hanscope index on the server at `uri`; one-line DatabaseError else."""
    shown = masked(uri)
    try:
        import psycopg
    except ImportError:
        raise DatabaseError(f"{shown}: PostgreSQL needs the psycopg driver: pip install 'hanscope[postgres]'") from None
    from .connection import PgConnection
    from .schema import check_or_create

    try:
        raw = psycopg.connect(uri, autocommit=True, connect_timeout=CONNECT_TIMEOUT, application_name="hanscope")
    except (psycopg.Error, ValueError) as err:
        raise DatabaseError(f"cannot connect to PostgreSQL at {shown}: {_reason(err, uri)}") from None
    conn = PgConnection(raw, shown, uri)
    try:
        if readonly:
            conn.execute("SET default_transaction_read_only = on", raw=True)
        if not create:
            conn.execute(READER_SETTINGS, raw=True)
        check_or_create(conn, shown, create=create and not readonly)
    except psycopg.Error as err:
        conn.close()
        raise DatabaseError(f"{shown} cannot be used: {_reason(err, uri)}") from None
    except BaseException:
        conn.close()
        raise
    return conn


def _reason(err: Exception, uri: str) -> str:
    """The driver's message on one line, with the URI and its password masked wherever it quotes them."""
    text = " ".join(str(err).split()) or type(err).__name__
    try:
        secret = urlsplit(uri).password
    except ValueError:
        secret = None
    text = text.replace(uri, masked(uri))
    return masked(text, secret)[:300]
