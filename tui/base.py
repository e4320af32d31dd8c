"""What every screen of the app shares: asking the index in thread workers, messages in the status line,
exports and undo. Screens import this module, never `tui.app`: imports run app -> screens -> widgets, and a
screen reaches its host only through `self.app`, whose needs are written down in `Host`."""
from __future__ import annotations

import inspect
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TypeVar

from rich.text import Text
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static
from textual.widgets._toast import ToastRack
from textual.worker import get_current_worker

from store.api import Index
from store.connections import Connections

from .bindings import READ_ONLY_REFUSAL, writes
from .widgets import clean_line, export, export_stem, export_zip, plural

T = TypeVar("T")


class Host(Protocol):
    """What a screen needs of the app that shows it."""

    connections: Connections
    export_dir: Path
    read_only: bool  # nothing may change the index (`hanscope serve` without --allow-edits)


class Answered(Message):
    """A worker's answer (or error) for the screen that asked."""

    def __init__(self, what: str, value: Any = None, error: Exception | None = None) -> None:
        super().__init__()
        self.what = what
        self.value = value
        self.error = error


class BaseScreen(Screen):
    """A screen that can be rebuilt for history and that asks the index through workers.

    Messages go to the screen's status line (`say`), where they hide nothing: a toast over the bottom of a
    comparison covered the very lines it was about."""

    def say(self, message: str, severity: str = "information") -> None:
        """Show a one-line message in this screen's status line (a toast only where a screen has none)."""
        line = self.query("#status")
        if not line:
            self.app.notify(message, severity=severity)  # type: ignore[arg-type]
            return
        style = {"error": "bold red", "warning": "yellow"}.get(severity, "")
        line.first(Static).update(Text(clean_line(message), style=style))

    def on_mount(self) -> None:
        # Textual's toast rack is hidden by its stylesheet; when a screen comes up, the app hides it again by an
        # inline style, a change of style that lays the whole screen out once more (40-90 ms after the entity
        # screen's first paint at 100k, traced). Set before the first layout, the later one changes nothing.
        if not self.app._notifications:
            for rack in self.query(ToastRack):
                rack.display = False

    def _screen_resized(self, size) -> None:
        # A new screen's first layout gives it its size, and Textual answers the Resize that follows with a
        # second whole layout at that same size (20-50 ms after the first paint at 100k, traced in tmux for the
        # entity and stories screens). A layout for a size the screen is already laid out at changes nothing.
        if self._compositor.size == size and self.is_attached:
            return
        super()._screen_resized(size)

    def on_screen_resume(self) -> None:
        self.refresh_bindings()  # the footer ignores binding changes while another screen is on top

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A read-only app hides the keys that would change the index (the app refuses them in words)."""
        return not (getattr(self.app, "read_only", False) and writes(action))

    def remake(self) -> "BaseScreen":
        raise NotImplementedError

    def fetch(self, what: str, query: Callable[[Index], T], group: str | None = None, write: bool = False,
              background: bool = False, after: float = 0.0) -> None:
        """Run `query(index)` in a thread worker; the answer arrives as `Answered(what, value)` on this screen.

        A newer fetch in the same group cancels this one. `write=True` for an edit: it runs to the end even if
        cancelled (only its answer is dropped). `background=True` for work that follows an answer (facets, a
        preview): it runs at a lower CPU priority, so the next keystroke's search comes first. `after` seconds pass
        before the query starts (a newer fetch in the group meanwhile cancels it unstarted)."""
        app: Host = self.app  # type: ignore[assignment]
        if write and app.read_only:  # the last guard: whatever path led here, a read-only app writes nothing
            self.say(READ_ONLY_REFUSAL, severity="warning")
            return

        def job() -> None:
            worker = get_current_worker()
            # One wait that a cancel ends (polling woke this thread, and took the GIL, 100 times a second)
            if (after > 0 and worker.cancelled_event.wait(after)) or worker.is_cancelled:
                return
            try:
                if write:
                    value = app.connections.write(query)
                elif background:
                    value = app.connections.run_background(query, worker)
                else:
                    value = app.connections.run(query, worker)
            except Exception as err:  # shown to the user as a notification, never a crash
                if not worker.is_cancelled:
                    self.post_message(Answered(what, error=err))
                return
            if not worker.is_cancelled:
                self.post_message(Answered(what, value))

        if not write:  # the group's older query stops now (exclusive would only mark it cancelled); edits run on
            self.cancel_fetches(group or what)
        self.run_worker(job, name=what, group=group or what, exclusive=True, thread=True, exit_on_error=False)

    def cancel_fetches(self, *groups: str) -> None:
        """Cancel these groups' fetches and stop the queries they are running now (not at their next check)."""
        app: Host = self.app  # type: ignore[assignment]
        for group in groups:
            for worker in self.workers.cancel_group(self, group):
                app.connections.interrupt(worker)

    def export_rows(self, name: str, header: list[str], rows: list[list[Any]], noun: str) -> None:
        """`noun` in the singular, "mention" (the count says "1 mention" or "2 mentions"); a plural "rows" is read as
        "row"."""
        noun = noun[:-1] if noun.endswith("s") else noun
        from .screens.export import ExportScreen

        app: Host = self.app  # type: ignore[assignment]
        stem = export_stem(app.export_dir, name)
        if self.app.is_web:  # served in a browser: the files are the browser's download, not a path on the server
            self.app.deliver_binary(io.BytesIO(export_zip(stem.name, header, rows)), save_filename=f"{stem.name}.zip",
                                    mime_type="application/zip")
            self.say(f"Sent {plural(len(rows), noun)} to your browser as {stem.name}.zip (CSV and JSON inside)")
            return

        def write(stem: Path) -> None:  # in a thread: 143,852 mentions at 100k (127 MB) froze the screen 3.5 s
            try:
                csv_path, json_path = export(stem, header, rows)
            except OSError as err:
                self.app.call_from_thread(self.say, f"Export failed: {err.strerror or err}", severity="error")
                return
            self.app.call_from_thread(self.say, f"Exported {plural(len(rows), noun)} to {csv_path.name} and "
                                                f"{json_path.name} in {csv_path.parent}")

        def chosen(stem: Path | None) -> None:
            if stem is not None:
                self.say(f"writing {plural(len(rows), noun)}…")
                self.run_worker(lambda: write(stem), name="export", group="export-write", thread=True,
                                exit_on_error=False)

        app.push_screen(ExportScreen(plural(len(rows), noun), stem), chosen)

    def undo_edit(self) -> None:
        self.say("undoing the newest edit…")
        self.fetch("undone", lambda ix: ix.undo(), write=True)

    def got_undone(self, undone: list) -> None:
        """Say what was undone (an EditRow list), and show this screen again as the index now is."""
        if not undone:
            self.say("No entity edits to undo")
            return
        what = undone[0].description if len(undone) == 1 else f"the import of {len(undone)} entities"
        self.say(f"Undid: {what}")
        reload = getattr(self, "reload", None)
        if reload is not None:
            reload()

    async def on_answered(self, message: Answered) -> None:
        message.stop()
        if message.error is not None:
            failed = getattr(self, f"failed_{message.what}", None)  # a screen may show its own errors in place
            if failed is not None and failed(message.error):
                return
            title = f"Could not load {message.what.replace('_', ' ')}" if message.what not in ("edited", "undone") \
                else "Edit refused"
            self.say(f"{title}: {clean_line(str(message.error))}", severity="error")
            return
        handler = getattr(self, f"got_{message.what}", None)
        if handler is not None:
            result = handler(message.value)
            if inspect.isawaitable(result):
                await result
