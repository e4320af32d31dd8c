"""`hanscope serve`: the same Textual app in a browser, through textual-serve.

textual-serve is a small aiohttp server: each browser tab opens a websocket, and the server starts one app process
per tab (`python -m tui.serve [--allow-edits]`, a command line it runs in a shell) and relays the terminal between
xterm.js in the page and that process. So the options the app needs reach it two ways: the index through
$HANSCOPE_DB in the environment the server passes on (a URI's password never appears on a command line that `ps`,
or textual-serve's own log, would show), the read-only switch as an argument.

Read-only is the default: a served index is shared, and anyone who can reach the page may press `D`.
"""
from __future__ import annotations

import importlib.util
import os
import shlex
import socket
import sys
from pathlib import Path

from store.backends import is_server, masked

from .quick import QueryError, finish, open_index

DEFAULT_HOST = "127.0.0.1"  # a team opts in to the network with --host; a laptop never exposes its index by default
DEFAULT_PORT = 8000
WILDCARD_HOSTS = ("", "0.0.0.0", "::")
SHUTDOWN_WAIT = 2.0  # seconds a stopping server gives open tabs before it closes them


def session_command(allow_edits: bool) -> str:
    """The command line textual-serve runs for each browser session."""
    return shlex.join([sys.executable, "-m", "tui.serve", *(["--allow-edits"] if allow_edits else [])])


def check_port(host: str, port: int) -> None:
    """Fail in one line before the server starts when the address cannot be listened on (in use, not this
    machine's, a name that does not resolve); aiohttp would print a traceback. SO_REUSEADDR as aiohttp binds, so
    a port a closed server left in TIME_WAIT is not called busy."""
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as err:
        raise QueryError(f"cannot listen on {host}: {err.strerror}") from None
    for family, kind, proto, _name, address in infos:
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as err:
                raise QueryError(f"cannot listen on {host}:{port}: {err.strerror or err}"
                                 + (" (another program uses it: pick another --port)"
                                    if err.errno == 98 else "")) from None


def listening_address(host: str, port: int) -> str:
    """What the start line says: the URL to open, or for every interface, how to reach it."""
    if host in WILDCARD_HOSTS:
        return f"port {port} on every interface (open http://THIS-MACHINE:{port})"
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def serve(target: Path | str, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, allow_edits: bool = False,
          url: str | None = None) -> None:
    """Serve the app on `target` (an index file or a server URI) until Ctrl-C or SIGTERM."""
    if not is_server(target):
        target = Path(target).expanduser().resolve()  # the sessions may start elsewhere
        if not target.exists():
            raise QueryError(f"no index at {target}: build one with `hanscope index FOLDER --db {target}`")
    if importlib.util.find_spec("textual_serve") is None:
        raise QueryError("serving needs textual-serve: pip install 'hanscope[serve]'")
    open_index(target).close()  # not an index, corrupt, a server that cannot be reached: one line, before serving
    check_port(host, port)
    os.environ["HANSCOPE_DB"] = str(target)  # what each session opens (see the module's docstring)
    server = _make_server(host, port, allow_edits, url)
    mode = "entity edits allowed" if allow_edits else "read-only: --allow-edits to allow entity edits"
    where = url or listening_address(host, port)
    print(f"hanscope: serving {masked(target)} at {where} ({mode}); Ctrl-C stops", file=sys.stderr, flush=True)
    try:
        server.serve()
    except OSError as err:  # the port was taken between the check and the bind
        raise QueryError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None


def _make_server(host: str, port: int, allow_edits: bool, url: str | None):
    import logging

    from textual_serve.server import Server

    class QuietServer(Server):
        """textual-serve without its banner and request log: the one line `serve` prints says what matters."""

        def initialize_logging(self) -> None:
            logging.basicConfig(level=logging.WARNING)
            logging.getLogger("aiohttp.access").setLevel(logging.WARNING)

        async def on_startup(self, app) -> None:
            pass

        async def handle_index(self, request):
            """The page names the websocket by absolute URL: without --public-url, the one this browser used to
            reach the page (a team reaches 0.0.0.0 by the machine's name or address, which only the request
            knows). Set just before the parent builds the page, with no await between: no other request runs."""
            if url is None:
                self.public_url = f"{request.scheme}://{request.host}"
            return await super().handle_index(request)

        def serve(self, debug: bool = False) -> None:
            """As textual-serve serves, but Ctrl-C or SIGTERM stops within seconds: aiohttp waits up to a minute for
            open connections, and an open tab's websocket stays open. Past SHUTDOWN_WAIT its handler is
            cancelled, which asks its app process to quit."""
            import asyncio
            import signal

            from aiohttp import web
            from aiohttp.web_runner import GracefulExit

            def stop() -> None:
                raise GracefulExit()

            self.initialize_logging()
            loop = asyncio.new_event_loop()
            loop.add_signal_handler(signal.SIGINT, stop)
            loop.add_signal_handler(signal.SIGTERM, stop)
            web.run_app(self._make_app(), host=self.host, port=self.port, handle_signals=False, loop=loop,
                        print=lambda *args: None, shutdown_timeout=SHUTDOWN_WAIT)

    return QuietServer(session_command(allow_edits), host=host, port=port, title="hanscope",
                       public_url=url or f"http://{host}:{port}")


def session_app(argv: list[str]):
    """The app of one browser session: on $HANSCOPE_DB, read-only unless `--allow-edits`, its search history its
    own."""
    from store.db import default_db_path

    from .app import HanscopeApp

    unknown = [a for a in argv if a != "--allow-edits"]
    if unknown:
        raise QueryError(f"unknown argument {unknown[0]!r} (a session takes only --allow-edits)")
    from .history import QueryHistory

    target = default_db_path()
    app = HanscopeApp(target if is_server(target) else Path(target), read_only="--allow-edits" not in argv)
    app.history = QueryHistory(None)  # kept for the tab only: every tab runs as the server's user, and one
    return app                        # reporter's queries must not come back under the next one's ↑


def session_main(argv: list[str]) -> int:
    """Run one session; an index gone since the server checked it is one line on stderr (textual-serve logs it)."""
    return finish(lambda: session_app(argv).run() and 0)


if __name__ == "__main__":
    sys.exit(session_main(sys.argv[1:]))
