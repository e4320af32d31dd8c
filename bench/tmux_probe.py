"""Keystroke -> results painted, measured from outside the app, as a person sees it (issue 14's definition).

The app runs in a real terminal (tmux, 120x40) on an index. For each query the probe types all but the last
character, waits for everything to settle (facets included), then sends the last character and polls the
screen (`tmux capture-pane -e`, styles included) until the result area changes. The result area is every line
between the query box and the status line, less the facet strip (it changes later, on purpose): its first change
is the frame that paints the new results. Nothing runs inside the app's process, so the probe's own work cannot
hold the app's GIL (the Pilot probe of bench/run.py renders the list every 5 ms from inside).

With `--typing MS`, it also types each query from an empty box one character every MS milliseconds, as a person
types, and times every keystroke (to the first change of the result area): the previous keystroke's facets and
preview may still be running, as they are for a person. A keystroke whose answer paints nothing new within 1.5 s
(the same first page) is counted apart, not timed.

It also types the first query the moment the start list shows, all at once, and times it to the status line
of its answer (`first_query_ms`): a person who starts typing as soon as the app is up waits for whatever the app
still does right after its first paint.

With `--stories RUNS`, it also times f4 from the start list to the Stories screen's first page (its status line).

With `--drill Q`, it also types Q, then times Enter on its first row (the entity) until the entity screen's status
line says "mention 1 of N": issue 14's drill-down of the largest entity, first page, as a person waits for it.

What bounds the figures: capture-pane is a subprocess (~2-4 ms a poll), so each latency is late by up to one poll;
a program that only echoes a key is seen 6-9 ms after it. Every figure counts from just before the key is handed
to tmux. With `--watch pipe` the probe looks only when the app has written to its pane (tmux copies the pane's
output to a pipe), and a frame is timed when its bytes reached tmux: the poller's tmux process every millisecond
(about one core of two while it waits) is no longer beside the app it times.

    python bench/tmux_probe.py --db INDEX [--queries 삼성,하이닉스] [--runs 9] [--typing 150] [--drill HBM] [--stories 9]
                               [--checkout OTHER_TREE] [--watch poll|pipe]
"""
from __future__ import annotations

import argparse
import json
import os
import re
import select
import shutil
import statistics
import subprocess
import sys
import time

SESSION = "hanscope-probe"
SIZE = (120, 40)
_ESCAPE = re.compile(r"\x1b\[[0-9;:]*m")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


class Spawn:
    """A tmux process for each key and each look at the screen, polled every 1 ms.

    Tried in round 8 and not kept: one control-mode client (`tmux -C`) that hears the app's writes. It sees an echo
    in 0.5 ms against 9 ms this way, yet every app figure came out ~10 ms higher (last key p50 41-45 against
    25-33 ms, the same code, one after the other): tmux escapes each byte of every frame for it, and the probe reads
    them, on the two cores the app uses. Round 9 tried one that asks tmux for no pane output (`attach -f
    no-output`) and polls `capture-pane` through it every 1 ms: an echo is seen in 0.5-1.0 ms (against 5.7-6.5
    here), yet the app's figures came out higher again (last key p50 35-48 against 24-31 ms, the same code, run
    right after; BENCHMARKS round 9). Not kept either."""

    def __init__(self, session: str) -> None:
        self.session = session

    def command(self, *args: str) -> str:
        return tmux(*args)

    def screen(self, styles: bool = True) -> str:
        return tmux("capture-pane", "-p", *(["-e"] if styles else []), "-t", self.session)

    def wait_for_screen(self, predicate, limit: float) -> float | None:
        return wait_until(lambda: predicate(self.screen()), limit)

    def mark(self) -> None:
        """Called just before a timed key (a poller has nothing to forget)."""

    def close(self) -> None:
        pass


class Piped(Spawn):
    """Looks at the screen only when the app has written to its pane: tmux copies every byte the app writes to a
    pipe (`pipe-pane -O`, raw, as it reads them from the terminal), and the probe sleeps in `select` until some
    arrive, then looks once. A frame is timed at the moment its bytes reached tmux. The poller above spawns a tmux
    process every millisecond while it waits (~2-4 ms of CPU each), about a core of the two this machine has,
    beside the app and tmux it is timing; this one spawns one per frame."""

    def __init__(self, session: str) -> None:
        super().__init__(session)
        import tempfile

        self.folder = tempfile.mkdtemp(prefix="hanscope-probe-")
        fifo = os.path.join(self.folder, "pane")
        os.mkfifo(fifo)
        self.fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # opened first, so the writer's open does not block
        tmux("pipe-pane", "-O", "-t", session, f"cat > {shlex_quote(fifo)}")

    def _drain(self) -> None:
        while True:
            try:
                if not os.read(self.fd, 1 << 16):
                    raise SystemExit("tmux stopped copying the pane's output (pipe-pane closed)")
            except BlockingIOError:
                return

    def mark(self) -> None:
        self._drain()  # bytes of an earlier frame (facets, a preview) are not this key's

    def wait_for_screen(self, predicate, limit: float) -> float | None:
        deadline = time.perf_counter() + limit
        if predicate(self.screen()):
            return time.perf_counter()
        while (left := deadline - time.perf_counter()) > 0:
            if not select.select([self.fd], [], [], left)[0]:
                return None
            arrived = time.perf_counter()
            self._drain()
            if predicate(self.screen()):
                return arrived
        return None

    def close(self) -> None:
        tmux("pipe-pane", "-t", self.session)  # no command: stops the copy
        os.close(self.fd)
        shutil.rmtree(self.folder, ignore_errors=True)


def result_area(screen: str) -> list[str]:
    """The lines a search answer repaints: below the query box (3 lines), above the status line and the footer,
    without the facet strip (outlets / top)."""
    lines = screen.split("\n")[3:-3]
    return [line for line in lines if not _ESCAPE.sub("", line).lstrip().startswith(("outlets", "top "))]


def status_line(screen: str) -> str:
    """The search screen's status line (above the footer), without its styles."""
    lines = screen.rstrip("\n").split("\n")
    return _ESCAPE.sub("", lines[-2]).strip() if len(lines) >= 2 else ""


def wait_until(predicate, limit: float) -> float | None:
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if predicate():
            return time.perf_counter()
        time.sleep(0.001)
    return None


def summary(query: str, latencies: list[float]) -> dict:
    latencies = sorted(latencies)
    return {"query": query, "runs": len(latencies),
            "p50_ms": round(statistics.median(latencies) * 1e3, 1) if latencies else None,
            "p95_ms": round(latencies[min(len(latencies) - 1, int(0.95 * len(latencies)))] * 1e3, 1) if latencies else None,
            "max_ms": round(latencies[-1] * 1e3, 1) if latencies else None}


def drill(client, query: str, runs: int, settle: float) -> dict:
    """Enter on the first row of `query`'s answer (its best entity) -> the entity screen's first mention under the
    cursor (its status line says "mention 1 of N"): the drill-down as a person waits for it."""
    client.command("send-keys", "-t", SESSION, "C-u")
    time.sleep(settle)
    client.command("send-keys", "-t", SESSION, "-l", "--", query)
    time.sleep(settle * 2)
    return summary(query, open_and_back(client, "Enter", "mention 1 of", runs, settle))


def stories(client, runs: int, settle: float) -> dict:
    """f4 from the start list -> the Stories screen's first page painted (its status line says how many stories are
    shown: it is written with the rows): issue 13's "paints its first page in <= 100 ms"."""
    client.command("send-keys", "-t", SESSION, "C-u")
    time.sleep(settle)
    return summary("f4", open_and_back(client, "F4", "stories, most widely run first", runs, settle))


def open_and_back(client, key: str, shown_by: str, runs: int, settle: float) -> list[float]:
    """`key` opens a screen, timed until the screen shows `shown_by`; Escape goes back between runs."""
    latencies = []
    for _ in range(runs):
        client.mark()
        pressed = time.perf_counter()
        client.command("send-keys", "-t", SESSION, key)
        shown = client.wait_for_screen(lambda screen: shown_by in screen, 10)
        if shown is not None:
            latencies.append(shown - pressed)
        time.sleep(settle)
        client.command("send-keys", "-t", SESSION, "Escape")
        time.sleep(settle)
    return latencies


def typing(client, query: str, runs: int, settle: float, cadence: float) -> dict:
    """Type `query` into an empty box one character every `cadence` seconds (later when an answer takes longer),
    timing each keystroke to the first change of the result area."""
    latencies, unchanged, keyed = [], 0, []
    for _ in range(runs):
        client.command("send-keys", "-t", SESSION, "C-u")
        time.sleep(settle)
        for typed, char in enumerate(query, 1):
            before = result_area(client.screen())
            client.mark()
            pressed = time.perf_counter()
            client.command("send-keys", "-t", SESSION, "-l", "--", char)
            shown = client.wait_for_screen(lambda screen: result_area(screen) != before, 1.5)
            if shown is None:
                unchanged += 1
            else:
                latencies.append(shown - pressed)
                keyed.append((round((shown - pressed) * 1e3, 1), query[:typed]))
            time.sleep(max(0.0, pressed + cadence - time.perf_counter()))
    # the slowest keys with the text they made: a tail that is always one prefix is that query's cost, not noise
    slowest = [[text, ms] for ms, text in sorted(keyed, reverse=True)[:5]]
    return {**summary(query, latencies), "unchanged": unchanged, "cadence_ms": round(cadence * 1e3),
            "slowest": slowest}


def last_key(client, query: str, runs: int, settle: float) -> dict:
    """All but the last character, everything settled, then the last one timed."""
    latencies = []
    for _ in range(runs):
        client.command("send-keys", "-t", SESSION, "C-u")
        time.sleep(settle)
        client.command("send-keys", "-t", SESSION, "-l", "--", query[:-1])
        time.sleep(settle)
        before = result_area(client.screen())
        client.mark()
        pressed = time.perf_counter()
        client.command("send-keys", "-t", SESSION, "-l", "--", query[-1])
        shown = client.wait_for_screen(lambda screen: result_area(screen) != before, 5)
        if shown is not None:
            latencies.append(shown - pressed)
    return summary(query, latencies)


def first_answer(client, query: str) -> float | None:
    """A query typed the moment the start list shows (a person who types at once), to its results painted, in
    ms: what the app still does right after its first paint delays it. The start list's preview may still be
    painting, so the answer is the frame whose status line is no longer the start list's (nor "searching…")."""
    # the frame that showed "newest first" may not have been whole when the screen was read: its status line
    wait_until(lambda: "newest first" in status_line(client.screen()), 1.0)
    start_list = status_line(client.screen())
    client.mark()
    pressed = time.perf_counter()
    client.command("send-keys", "-t", SESSION, "-l", "--", query)
    shown = client.wait_for_screen(lambda screen: status_line(screen) not in (start_list, "searching…"), 5)
    return round(1000 * (shown - pressed), 1) if shown is not None else None


def compile_tree(tree: str) -> None:
    """Bytecode for the tree's modules, as a regular install has it (pip compiles at install; an editable install
    writes it at the first run): with PYTHONDONTWRITEBYTECODE set (this machine's shell sets it) every start
    compiled ~50 modules from source, ~55 ms of the first paint that no user pays."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", os.path.join(tree, "store"), os.path.join(tree, "tui")],
                   check=True, stdout=subprocess.DEVNULL)


def probe(db: str, queries: list[str], runs: int, settle: float, checkout: str | None = None,
          drill_queries: tuple[str, ...] = (), cadence: float | None = None, stories_runs: int = 0,
          watch: str = "poll") -> dict:
    tmux("kill-session", "-t", SESSION)
    compile_tree(os.path.abspath(checkout) if checkout else os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    command = f"{shlex_quote(sys.executable)} -m tui tui --db {shlex_quote(db)}"
    # another commit's code, same venv: first on the path, and the working directory (`python -m` puts it first)
    source = ["-e", f"PYTHONPATH={os.path.abspath(checkout)}", "-c", os.path.abspath(checkout)] if checkout else []
    tmux("new-session", "-d", "-s", SESSION, "-x", str(SIZE[0]), "-y", str(SIZE[1]), "-e", "LANG=C.UTF-8", *source,
         command)
    started = time.perf_counter()
    client = Piped(SESSION) if watch == "pipe" else Spawn(SESSION)
    try:
        # the start list's status line: the word "articles" alone is in the search box's placeholder, painted
        # before the list (probes before 2026-12-06 timed that frame)
        if client.wait_for_screen(lambda screen: "newest first" in screen, 30) is None:
            raise SystemExit("the app did not show its start list within 30 s")
        first_paint = time.perf_counter() - started
        first_query = first_answer(client, queries[0]) if queries else None
        time.sleep(settle)
        rows = [last_key(client, query, runs, settle) for query in queries]
        typed = [typing(client, query, runs, settle, cadence) for query in queries] if cadence else []
        drills = [drill(client, query, runs, settle) for query in drill_queries]
        story_list = stories(client, stories_runs, settle) if stories_runs else None
        return {"first_paint_s": round(first_paint, 3), "first_query_ms": first_query, "size": list(SIZE),
                "watch": watch, "queries": rows, "typing": typed, "drill_down": drills, "stories": story_list}
    finally:
        client.close()
        tmux("kill-session", "-t", SESSION)


def shlex_quote(text: str) -> str:
    import shlex

    return shlex.quote(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--queries", default="삼성,하이닉스,엔비디아,양자내성암호")
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--settle", type=float, default=1.0, help="seconds to wait before each timed key")
    parser.add_argument("--typing", type=float, default=0, metavar="MS",
                        help="also type each query from an empty box, one character every MS ms, timing every key")
    parser.add_argument("--drill", default="", help="queries whose first row (an entity) is opened with Enter, "
                                                     "timed to its first mention row, e.g. HBM")
    parser.add_argument("--stories", type=int, default=0, metavar="RUNS",
                        help="also time f4 (the Stories screen) from the start list to its first page, RUNS times")
    parser.add_argument("--checkout", help="run the app from this source tree (e.g. a git worktree of an older "
                                           "commit) instead of the installed one, to compare two versions")
    parser.add_argument("--watch", choices=("poll", "pipe"), default="poll",
                        help="poll: capture the screen every 1 ms while waiting (earlier rounds' figures); pipe: look "
                             "only when the app has written to its pane (see Piped)")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux is not installed: apt-get install tmux", file=sys.stderr)
        return 2
    if not os.path.exists(args.db):
        print(f"no index at {args.db}", file=sys.stderr)
        return 2
    print(json.dumps(probe(args.db, [q for q in args.queries.split(",") if q], args.runs, args.settle, args.checkout,
                            tuple(q for q in args.drill.split(",") if q), args.typing / 1e3,
                           args.stories, args.watch), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
