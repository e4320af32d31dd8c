"""A server URI given as --db or $HANSCOPE_DB: never a file name, never printed with its password, and a server
that cannot be reached is one line and exit 2. No server is needed: these fail before any query."""
from __future__ import annotations

import os
import socket
import subprocess

import pytest

from store.backends import is_server, masked, uri_scheme
from tests.conftest import HANSCOPE, ROOT, SEEDS

SECRET = "s3cr3t-비밀"


def _closed_port() -> int:
    with socket.socket() as sock:  # a port nothing listens on: bound, then released
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run(args: list[str], cwd, env_db: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("HANSCOPE_DB", None)
    if env_db is not None:
        env["HANSCOPE_DB"] = env_db
    return subprocess.run([*HANSCOPE, *args], capture_output=True, text=True, timeout=60, cwd=cwd, env=env)


@pytest.mark.parametrize("command", [["index", str(SEEDS)], ["search", "삼성과"], ["search", "90만 장", "--json"],
                                     ["articles", "--json"], ["entity", "오픈AI는"], ["show", "1"]])
@pytest.mark.parametrize("via_env", [False, True])
def test_an_unreachable_server_is_one_line_exit_2_with_the_password_masked_and_no_file(command, via_env, tmp_path):
    uri = f"postgresql://reporter:{SECRET}@127.0.0.1:{_closed_port()}/news"
    args = command if via_env else [*command, "--db", uri]
    proc = _run(args, tmp_path, env_db=uri if via_env else None)
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in proc.stderr and "internal error" not in proc.stderr, proc.stderr
    assert "cannot connect to PostgreSQL" in lines[0] and "reporter:***@127.0.0.1" in lines[0], lines[0]
    assert SECRET not in proc.stderr + proc.stdout
    assert list(tmp_path.iterdir()) == []  # no SQLite file (nor a folder named after the URI) was made


def test_a_uri_of_another_scheme_is_refused_in_one_line(tmp_path):
    proc = _run(["index", str(SEEDS), "--db", f"mysql://root:{SECRET}@localhost/news"], tmp_path)
    assert proc.returncode == 2 and "unknown database URI scheme 'mysql'" in proc.stderr, proc.stderr
    assert SECRET not in proc.stderr and list(tmp_path.iterdir()) == []


def test_the_password_is_masked_wherever_a_uri_carries_it():
    assert masked(f"postgresql://me:{SECRET}@db.example:5432/news") == "postgresql://me:***@db.example:5432/news"
    assert masked(f"postgres://db/news?user=me&password={SECRET}&sslmode=require") == \
        "postgres://db/news?user=me&password=***&sslmode=require"
    assert masked("postgresql://me@db/news") == "postgresql://me@db/news"  # no password: nothing to hide
    assert masked(f"postgresql://me:p@ss@db/news") == "postgresql://me:***@db/news"  # an unescaped @ in the password
    assert masked("/home/me/news:2025/index.db") == "/home/me/news:2025/index.db"  # a path is shown as it is
    assert masked(f"error quoting {SECRET}", SECRET) == "error quoting ***"


def test_only_a_scheme_makes_a_uri():
    assert is_server("postgresql://h/db") and is_server("POSTGRES://h/db")
    assert not is_server("postgresql.db") and uri_scheme("C:/news/index.db") is None
    assert uri_scheme("./postgresql:/x") is None
