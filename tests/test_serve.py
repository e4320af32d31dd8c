"""`hanscope serve`: the app in a browser. Read-only mode in Pilot (no browser), the command's bad input as
subprocesses, and the whole path in headless Chromium: a Korean query typed into xterm.js, an entity opened, an
edit refused, an export downloaded, back to the search."""
from __future__ import annotations

import contextlib
import csv
import io
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path

import pytest
from textual.widgets import Static
from tui.key_footer import KeyFooter

from conftest import HANSCOPE, ROOT
from store.api import Index
from tui.app import HanscopeApp
from tui.bindings import KEYS, READ_ONLY_REFUSAL, SCOPES, WRITE_SCOPES
from tui.screens.entity import EntityScreen
from tui.screens.help import HelpScreen
from tui.screens.search import SearchScreen

BIG = (160, 45)


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def status(app) -> str:
    return app.screen.query_one("#status", Static).content.plain


def footer_labels(app) -> set[str]:
    return {e.description for e in app.screen.query_one(KeyFooter).entries}


# --- read-only, in Pilot --------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["r", "m", "D", "e", "u"])
async def test_read_only_refuses_every_edit_key_in_the_status_line(seeds_db_copy, tmp_path, key):
    app = HanscopeApp(seeds_db_copy, export_dir=tmp_path, read_only=True)
    async with app.run_test(size=BIG) as pilot:
        app.open_entity("엔비디아")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EntityScreen)
        await pilot.press(key)
        await settle(pilot)
        assert app.screen is screen  # no edit dialog, no menu
        assert status(app) == READ_ONLY_REFUSAL
        assert not ({"Edit…", "Undo"} & footer_labels(app))
    index = Index.open(seeds_db_copy)
    try:
        assert index.edits() == [] and index.find_entity("엔비디아").name == "엔비디아"
    finally:
        index.close()


async def test_read_only_refuses_saving_a_search(seeds_db_copy, tmp_path):
    app = HanscopeApp(seeds_db_copy, export_dir=tmp_path, read_only=True)
    async with app.run_test(size=BIG) as pilot:
        await pilot.press(*"삼성과")
        await settle(pilot)
        await pilot.press("ctrl+b")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen) and status(app) == READ_ONLY_REFUSAL


async def test_read_only_writes_nothing_even_past_the_keys(seeds_db_copy, tmp_path):
    """The last guard: a write reaching BaseScreen.fetch some other way is refused too (an undo, called directly)."""
    index = Index.open(seeds_db_copy)
    index.edit("rename", entity="엔비디아", name="엔비디아코리아")
    index.close()
    app = HanscopeApp(seeds_db_copy, export_dir=tmp_path, read_only=True)
    async with app.run_test(size=BIG) as pilot:
        app.open_entity("엔비디아코리아")
        await settle(pilot)
        app.screen.undo_edit()
        await settle(pilot)
        assert status(app) == READ_ONLY_REFUSAL
    index = Index.open(seeds_db_copy)
    try:
        assert len(index.edits()) == 1 and index.find_entity("엔비디아코리아") is not None
    finally:
        index.close()


async def test_read_only_help_and_footer_list_no_edit_key(seeds_db, tmp_path):
    editable = HanscopeApp(seeds_db, export_dir=tmp_path)
    async with editable.run_test(size=BIG) as pilot:
        editable.open_entity("오픈AI")
        await settle(pilot)
        assert {"Edit…", "Undo"} <= footer_labels(editable)  # what read-only takes away is there otherwise

    app = HanscopeApp(seeds_db, export_dir=tmp_path, read_only=True)
    async with app.run_test(size=BIG) as pilot:
        app.open_entity("오픈AI")
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = app.screen.query_one(Static).content.plain
        assert "Read-only" in text
        for key in KEYS:
            listed = key.explanation in text
            if key.writes or key.scope in WRITE_SCOPES:
                assert not listed or any(k.explanation == key.explanation and not k.writes
                                         and k.scope not in WRITE_SCOPES for k in KEYS), key
            else:
                assert listed, key
        for scope in WRITE_SCOPES:
            assert SCOPES[scope] not in text


def test_a_session_is_read_only_unless_the_server_allows_edits_and_keeps_its_history_to_itself(seeds_db, monkeypatch):
    from tui.serve import session_app, session_command

    monkeypatch.setenv("HANSCOPE_DB", str(seeds_db))
    app = session_app([])
    assert app.read_only is True and app.db_path == seeds_db
    assert session_app(["--allow-edits"]).read_only is False
    assert app.history.path is None  # the tabs share one user: no tab's ↑ recalls another reader's queries
    assert "--allow-edits" not in session_command(False) and session_command(True).endswith("--allow-edits")


# --- the command's bad input ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_fails(*args: str) -> str:
    proc = subprocess.run([*HANSCOPE, "serve", *args], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert proc.stdout == "" and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    return proc.stderr


def test_serve_refuses_bad_input_in_one_line(seeds_db, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert "in use" in serve_fails("--db", str(seeds_db), "--port", str(port))
    assert "--port" in serve_fails("--db", str(seeds_db), "--port", "70000")
    assert "no index at" in serve_fails("--db", str(tmp_path / "없는색인.db"), "--port", str(free_port()))
    assert "cannot listen on" in serve_fails("--db", str(seeds_db), "--host", "no-such-host.invalid")


def test_serve_masks_the_password_of_a_server_it_cannot_reach():
    said = serve_fails("--db", f"postgresql://reporter:s3cret-pw@127.0.0.1:{free_port()}/news")
    assert "s3cret-pw" not in said and "reporter:***@" in said


# --- headless Chromium ----------------------------------------------------------------------------

# xterm.js draws on a canvas, so the page has no text to read: this hook, run before the page's scripts, catches
# the terminal object when textual-serve's client stores its first add-on, and reading its buffer gives exactly
# the cells xterm shows.
CATCH_TERMINAL = """
Object.defineProperty(Object.prototype, 'fitAddon', {configurable: true, set(value) {
  Object.defineProperty(this, 'fitAddon', {value: value, writable: true, configurable: true, enumerable: true});
  if (this.terminal) { window.hanscopeTerminal = this.terminal; }
}});
"""
SCREEN_TEXT = """
const term = window.hanscopeTerminal;
if (!term) { return null; }
const buffer = term.buffer.active, rows = [];
for (let y = 0; y < term.rows; y++) {
  const line = buffer.getLine(buffer.viewportY + y);
  rows.push(line ? line.translateToString(true) : '');
}
return rows.join(String.fromCharCode(10));
"""
WAIT = 20.0  # seconds, the most any one step may take (the whole test: ~10 s on a quiet machine, 37 s at load 34)


def chromium_paths() -> tuple[str, str]:
    """Debian's chromium and chromium-driver (.ci/run installs them): a CI run without them fails, never skips."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver") or ("/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
    missing = [name for name, path in (("chromium", browser), ("chromium-driver", driver)) if path is None]
    if missing:
        message = f"{' and '.join(missing)} not installed (apt-get install -y chromium chromium-driver)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return browser, driver  # type: ignore[return-value]


@pytest.fixture
def served(seeds_db):
    """`hanscope serve` on a free loopback port, stopped (with every session it started) whatever happens."""
    port = free_port()
    proc = subprocess.Popen([*HANSCOPE, "serve", "--db", str(seeds_db), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + WAIT
        while True:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else proc.returncode
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not start listening"
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/", proc
    finally:
        with contextlib.suppress(ProcessLookupError):  # its own process group: the server and its app processes
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        if proc.stderr:
            proc.stderr.close()


@pytest.fixture
def browser(tmp_path):
    browser_path, driver_path = chromium_paths()
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = browser_path
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,900"):
        options.add_argument(argument)
    # an explicit driver path: Selenium Manager downloads nothing. TMPDIR: Chromium leaves its singleton socket's
    # folder (org.chromium.Chromium.*) in /tmp after every run; here it goes in a short folder of the test's own,
    # removed after (a socket's path is at most 107 bytes: tmp_path is too long for it)
    with tempfile.TemporaryDirectory(prefix="hs-chromium-", ignore_cleanup_errors=True) as scratch:
        driver = webdriver.Chrome(service=Service(driver_path, env={**os.environ, "TMPDIR": scratch}), options=options)
        try:
            driver.set_page_load_timeout(WAIT)
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH_TERMINAL})
            downloads = tmp_path / "downloads"
            downloads.mkdir()
            driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
            driver.downloads = downloads
            yield driver
        finally:
            driver.quit()


def test_the_page_points_its_websocket_at_the_address_the_browser_used(served):
    """A team reaches --host 0.0.0.0 by the machine's name: the page must not send the browser to 127.0.0.1."""
    import urllib.request

    url, _server = served
    port = url.rsplit(":", 1)[1].strip("/")
    request = urllib.request.Request(url, headers={"Host": f"news-desk:{port}"})
    with urllib.request.urlopen(request, timeout=WAIT) as page:
        html = page.read().decode()
    assert f'data-session-websocket-url="ws://news-desk:{port}/ws"' in html


class Terminal:
    """The page's terminal: what it shows, and keys typed into it as a person types them."""

    def __init__(self, driver) -> None:
        self.driver = driver

    def text(self) -> str:
        return self.driver.execute_script(SCREEN_TEXT) or ""

    def wait_for(self, *wanted: str, gone: str | None = None, in_box: str | None = None) -> str:
        """The screen once it shows every `wanted`, not `gone`, and `in_box` in the search box (its second line)."""
        deadline = time.monotonic() + WAIT
        while True:
            shown = self.text()
            box = (shown.splitlines() + ["", ""])[1]
            if all(w in shown for w in wanted) and (gone is None or gone not in shown) and (in_box or "") in box:
                return shown
            assert time.monotonic() < deadline, f"waited {WAIT:.0f} s for {wanted} (gone: {gone}); the screen:\n{shown}"
            time.sleep(0.1)

    def type(self, *keys: str) -> None:
        self.driver.find_element("css selector", ".xterm-helper-textarea").send_keys(*keys)


def test_the_app_in_headless_chromium(served, browser, seeds_index):
    from selenium.webdriver.common.keys import Keys

    url, server = served
    hynix = seeds_index.find_entity("SK하이닉스")
    browser.get(url)
    terminal = Terminal(browser)
    terminal.wait_for("articles, newest first")  # the start screen, drawn by the app in xterm.js

    terminal.type("하이닉스")
    # typed into the search box, in Hangul, and answered (하이닉's answer shows the same row: the box is waited for too)
    terminal.wait_for("SK하이닉스", f"{hynix.mentions} mentions", in_box="하이닉스")

    terminal.type(Keys.ENTER)  # the entity is the first result
    shown = terminal.wait_for(f"#{hynix.id}", "peak ")  # the drill-down's head and its mentions over time
    assert "Edit…" not in shown and "Undo" not in shown  # read-only: the footer offers no edit

    terminal.type("r")  # rename
    terminal.wait_for(READ_ONLY_REFUSAL)
    assert seeds_index.edits() == []

    terminal.type(Keys.CONTROL, "s")  # export: a download, not a file on the server
    terminal.wait_for("to your browser as")
    deadline = time.monotonic() + WAIT
    while not (zips := list(browser.downloads.glob("*.zip"))):
        assert time.monotonic() < deadline, list(browser.downloads.iterdir())
        time.sleep(0.1)
    assert zips[0].name.startswith("hanscope-entity-SK하이닉스-")
    with zipfile.ZipFile(zips[0]) as archive:
        names = sorted(archive.namelist())
        assert [Path(n).suffix for n in names] == [".csv", ".json"]
        rows = list(csv.reader(io.StringIO(archive.read(names[0]).decode("utf-8-sig"))))
    assert len(rows) == 1 + hynix.mentions and {r[0] for r in rows[1:]} == {"SK하이닉스"}

    terminal.type(Keys.ESCAPE)  # back to the search, the query kept
    shown = terminal.wait_for("SK하이닉스", gone="peak ")
    assert "하이닉스" in shown.splitlines()[1]

    # Ctrl-C (SIGTERM here) stops the server within seconds although the tab is still open, and ends its app
    server.send_signal(signal.SIGTERM)
    assert server.wait(timeout=WAIT) == 0
    deadline = time.monotonic() + WAIT
    while True:
        try:
            os.killpg(server.pid, 0)  # any process left in the server's group: the tab's app
        except ProcessLookupError:
            break
        assert time.monotonic() < deadline, "the app process outlived the server"
        time.sleep(0.1)
    assert "Traceback" not in server.stderr.read().decode()
