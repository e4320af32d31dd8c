"""Benchmark hanscope on synthetic corpora of growing size.

    python bench/run.py [--sizes 5000,20000,100000] [--runs 5] [--out bench/out]

For each size N it makes (or reuses) a corpus with bench/make_corpus.py, indexes it once with the real CLI,
then times search (against `rg -l`), entity drill-down (CLI and in-process API) and the Textual app.
Every figure says how it was taken (N, runs, median or percentile). Parts that need code which does not
exist yet, or fails, are reported as "skipped: <reason>" and the rest still runs. A table is printed and
everything is written to OUT/results-<date>.json (rewritten after each size, so a long run leaves results).
"""
from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import math
import os
import platform
import re
import shlex
import shutil
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
import unicodedata
from pathlib import Path
from typing import Any, Callable

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(ROOT))

import make_corpus  # noqa: E402  (bench/ is not a package)

SEARCH_QUERIES = ["삼성", "하이닉스", "오픈AI", "웨이퍼", "엔비디아", make_corpus.RARE_TERM]
ENTITY_CLI_QUERY = "엔비디아"
# exact names, cross-script and spelling variants, typos and initial consonants
API_QUERIES = ["엔비디아", "삼성전자", "SK하이닉스", "오픈AI", "OpenAI", "NVIDIA", "샘 알트만", "한빛반도체",
               "엔비디야", "삼셩전자", "하이닉쓰", "ㅅㅅㅈㅈ", "ㅇㅂㄷㅇ"]
APP_QUERIES = ["삼성", "하이닉스", "엔비디아", make_corpus.RARE_TERM]
APP_SIZE = (120, 40)
RG_INSTALL = ("ripgrep (rg) is not installed, so the search comparison is skipped. Install it with\n"
              "  sudo apt-get install ripgrep      (Debian/Ubuntu)\n"
              "  sudo dnf install ripgrep          (Fedora)\n"
              "  brew install ripgrep              (macOS)\n"
              "  cargo install ripgrep             (anywhere with Rust)")


class Skip(Exception):
    """A part of the benchmark that cannot run here; the message says why."""


# --- small helpers ------------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (with 5 samples, p95 is the slowest one)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def summary(values: list[float]) -> dict[str, float | int]:
    return {"n": len(values), "p50": statistics.median(values), "p95": percentile(values, 95),
            "min": min(values), "max": max(values)}


def cells(text: str) -> int:
    """Terminal cells: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def pad(text: str, width: int, right: bool = False) -> str:
    space = " " * max(0, width - cells(text))
    return space + text if right else text + space


def ms(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.1f} s"


def mb(n_bytes: float) -> str:
    return f"{n_bytes / 1e6:,.1f} MB"


def soft(part: Callable[[], dict]) -> dict:
    """Run one part of the benchmark; a missing piece or a failure becomes {"skipped": reason}."""
    try:
        return part()
    except Skip as why:
        return {"skipped": str(why)}
    except Exception as err:  # a bug in code under test must not cost the other figures
        return {"skipped": f"{type(err).__name__}: {err}"}


def hanscope_command() -> list[str]:
    """The installed `hanscope` next to this Python, else on PATH, else the module from this checkout."""
    beside = Path(sys.executable).with_name("hanscope")
    if beside.exists():
        return [str(beside)]
    found = shutil.which("hanscope")
    return [found] if found else [sys.executable, "-m", "tui"]


def run_timed(cmd: list[str], ok_codes: tuple[int, ...] = (0,)) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=bench_env())
    elapsed = time.perf_counter() - started
    if proc.returncode not in ok_codes:
        last = (proc.stderr.strip().splitlines() or ["(no message)"])[-1]
        raise Skip(f"`{' '.join(cmd[-6:])}` exited {proc.returncode}: {last}")
    return elapsed, proc


def bench_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("HANSCOPE_DB", None)  # every command gets --db explicitly
    # a regular install has its bytecode: without it each process compiles the modules it imports (~55 ms for the app)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.setdefault("PYTHONHASHSEED", "0")
    return env


# --- machine facts ---------------------------------------------------------------------------------------


def _command_version(cmd: list[str]) -> str | None:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=20).stdout.strip().splitlines()[0]
    except (OSError, IndexError, subprocess.SubprocessError):
        return None


def machine_facts() -> dict[str, Any]:
    facts: dict[str, Any] = {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "nproc": os.cpu_count(),
        "usable_cpus": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }
    try:
        meminfo = Path("/proc/meminfo").read_text()
        facts["memory_gb"] = round(int(re.search(r"MemTotal:\s+(\d+)", meminfo).group(1)) / 1024 / 1024, 1)
        cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        facts["cpu"] = cpu.group(1).strip() if cpu else platform.processor()
    except (OSError, AttributeError):
        facts["cpu"] = platform.processor()
    try:
        import textual
        facts["textual"] = textual.__version__
    except ImportError:
        facts["textual"] = None
    facts["rg"] = _command_version(["rg", "--version"]) if shutil.which("rg") else None
    commit = _command_version(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    facts["hanscope_commit"] = f"{commit}{' (uncommitted changes)' if dirty else ''}" if commit else None
    facts["hanscope_command"] = " ".join(hanscope_command())
    facts["hanscope_install"] = _install_kind()
    return facts


def _install_kind() -> str:
    """"editable" (pip install -e: every start-up pays ~10 ms for the editable finder) or "regular" (the README's).

    Asked from / so that a hanscope.egg-info in the checkout is not mistaken for the installed package."""
    probe = ("import importlib.metadata as m, json\n"
             "try: d = m.distribution('hanscope')\nexcept m.PackageNotFoundError: print('missing'); raise SystemExit\n"
             "print('editable' if json.loads(d.read_text('direct_url.json') or '{}').get('dir_info', {}).get('editable')"
             " else 'regular')")
    answer = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd="/").stdout.strip()
    return answer if answer in ("editable", "regular") else "not installed (run from the checkout)"


# --- corpus ---------------------------------------------------------------------------------------------------


def ensure_corpus(count: int, seed: int, parent: Path, files_per_dir: int) -> dict[str, Any]:
    folder = parent / f"corpus-{count}-s{seed}"
    manifest_path = folder / make_corpus.MANIFEST_NAME
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    wanted = {"articles": count, "seed": seed, "files_per_dir": files_per_dir,
              "generator_version": make_corpus.GENERATOR_VERSION}
    if all(manifest.get(k) == v for k, v in wanted.items()):
        return {"path": str(folder), "articles": count, "bytes": manifest["bytes"], "reused": True}
    if folder.exists():
        shutil.rmtree(folder)
    manifest = make_corpus.make_corpus(count, folder, seed, files_per_dir)
    return {"path": str(folder), "articles": count, "bytes": manifest["bytes"], "reused": False,
            "generate_s": manifest["seconds"]}


# --- index ------------------------------------------------------------------------------------------------------


def _process_tree_rss(root_pid: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc (Linux)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()  # after "pid (comm) "
            pid = int(entry.name)
            children.setdefault(int(fields[1]), []).append(pid)
            rss[pid] = int(fields[21]) * page
        except (OSError, ValueError, IndexError):
            continue
    total, todo = 0, [root_pid]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


class TreeRssSampler(threading.Thread):
    """Samples a process tree's summed RSS every `interval` seconds and keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, _process_tree_rss(self.pid))
            self.done.wait(self.interval)


def bench_index(corpus: dict, db: Path, extra_args: list[str]) -> dict[str, Any]:
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)
    cmd = hanscope_command() + ["index", corpus["path"], "--db", str(db), "--json", *extra_args]
    gnu_time = Path("/usr/bin/time")
    report = db.with_suffix(".time.txt")
    if gnu_time.exists():
        cmd = [str(gnu_time), "-v", "-o", str(report)] + cmd
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=bench_env())
    sampler = TreeRssSampler(proc.pid) if Path("/proc/self/stat").exists() else None
    if sampler:
        sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - started
    if sampler:
        sampler.done.set()
        sampler.join()
    if proc.returncode != 0:
        raise Skip(f"hanscope index exited {proc.returncode}: {(err.strip().splitlines() or ['?'])[-1]}")
    summary_json = json.loads(out)
    largest = None
    if gnu_time.exists() and report.exists():
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read_text())
        largest = int(found.group(1)) * 1024 if found else None
    index_bytes = sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if not p.name.endswith(".txt"))
    return {
        "command": " ".join(cmd[cmd.index("index") - 1:]),
        "wall_s": wall,
        "articles_per_s": corpus["articles"] / wall,
        "mb_per_s": corpus["bytes"] / 1e6 / wall,
        "index_bytes": index_bytes,
        "index_to_corpus": index_bytes / corpus["bytes"],
        "peak_rss_tree_bytes": sampler.peak if sampler else None,  # all processes summed, sampled every 0.2 s
        "peak_rss_largest_process_bytes": largest,  # GNU time: the biggest single process of the tree
        "summary": {k: summary_json.get(k) for k in ("articles_total", "entities_total", "numbers_total",
                                                      "files_indexed", "files_failed", "seconds")},
    }


# --- search against rg -----------------------------------------------------------------------------------------


def bench_search(corpus: dict, db: Path, runs: int, rg: str | None) -> dict[str, Any]:
    base = hanscope_command()
    startup = [run_timed(base + ["--version"])[0] for _ in range(runs)]
    rows = []
    for query in SEARCH_QUERIES:
        cmd = base + ["search", query, "--db", str(db), "--json", "--limit", "20"]
        _, warm = run_timed(cmd, ok_codes=(0, 1))  # warms the page cache; not timed
        hits = json.loads(warm.stdout).get("total_articles") if warm.returncode == 0 and warm.stdout.strip() else 0
        times = [run_timed(cmd, ok_codes=(0, 1))[0] for _ in range(runs)]
        row: dict[str, Any] = {"query": query, "hanscope_hits": hits, "hanscope": summary(times)}
        if rg:
            # --no-ignore: the corpus may sit in a git-ignored folder; -F: the query is a literal
            rg_cmd = [rg, "-l", "-F", "--no-ignore", query, corpus["path"]]
            _, rg_warm = run_timed(rg_cmd, ok_codes=(0, 1))
            rg_times = [run_timed(rg_cmd, ok_codes=(0, 1))[0] for _ in range(runs)]
            row.update(rg_files=len(rg_warm.stdout.splitlines()), rg=summary(rg_times),
                       rg_over_hanscope=statistics.median(rg_times) / statistics.median(times))
        rows.append(row)
    return {"runs": runs, "startup": summary(startup), "queries": rows}


# --- entity drill-down -------------------------------------------------------------------------------------------


def bench_entity_cli(db: Path, runs: int) -> dict[str, Any]:
    cmd = hanscope_command() + ["entity", ENTITY_CLI_QUERY, "--db", str(db), "--json"]
    _, warm = run_timed(cmd)
    detail = json.loads(warm.stdout)
    times = [run_timed(cmd)[0] for _ in range(runs)]
    return {"query": ENTITY_CLI_QUERY, "entity": detail["entity"]["name"], "mentions": len(detail["mentions"]),
            "output_bytes": len(warm.stdout.encode()), **summary(times)}


def bench_api(db: Path, runs: int) -> dict[str, Any]:
    if not (ROOT / "store" / "api.py").exists():
        raise Skip("store/api.py does not exist yet")
    try:
        from store.api import Index
    except Exception as err:
        raise Skip(f"store.api does not import: {type(err).__name__}: {err}") from None
    missing = [m for m in ("open", "search", "entity", "resolve") if not hasattr(Index, m)]
    if missing:
        raise Skip(f"store.api.Index lacks {', '.join(missing)}")
    started = time.perf_counter()
    index = Index.open(db)
    open_s = time.perf_counter() - started
    calls: dict[str, Callable[[str], Any]] = {
        "resolve": index.resolve, "entity": index.entity, "search": lambda q: index.search(q, 20),
    }
    first: dict[str, float] = {}
    for name, call in calls.items():  # the first call builds caches (the resolver's alias table)
        started = time.perf_counter()
        call(API_QUERIES[0])
        first[name] = time.perf_counter() - started
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(runs):
        for query in API_QUERIES:
            for name, call in calls.items():
                started = time.perf_counter()
                call(query)
                samples[name].append(time.perf_counter() - started)
    resolved = {}
    for query in API_QUERIES:  # what each query found: a fast wrong answer is no answer
        hits = index.resolve(query)
        detail = index.entity(query)
        resolved[query] = {"top": f"{hits[0].name} ({hits[0].how})" if hits else None,
                           "mentions": len(detail.mentions) if detail else 0}
    index.close()
    return {"open_s": open_s, "first_call_s": first, "queries": len(API_QUERIES), "runs": runs,
            **{name: summary(values) for name, values in samples.items()}, "resolved": resolved}


FILTER_WORDS = ["삼성", "하이닉스", "엔비디아", "반도체", "데이터센터"]  # common words: thousands of hits at 5k+


def bench_query_language(db: Path, runs: int) -> dict[str, Any]:
    """In-process: the same words alone, then with a date range, an outlet, an entity and an exclusion (issue 10:
    within 2x), and the facets over every hit; the plan of the combined query must not scan the articles."""
    from store.api import Index

    index = Index.open(db)
    outlet = index._rows("SELECT outlet, count(*) n FROM articles WHERE outlet IS NOT NULL GROUP BY outlet "
                         "ORDER BY n DESC LIMIT 1")[0][0]
    months = [r[0] for r in index._rows("SELECT DISTINCT substr(date, 1, 7) FROM articles WHERE date IS NOT NULL "
                                        "ORDER BY 1")]
    entity = index.entities()[0].name
    since, until = months[len(months) // 3], months[2 * len(months) // 3]
    filters = f'date:{since}..{until} outlet:"{outlet}" @"{entity}" -웨이퍼'
    samples: dict[str, list[float]] = {"words": [], "filtered": [], "facets": []}
    totals: dict[str, int] = {}
    for _ in range(runs):
        for word in FILTER_WORDS:
            for name, call in (("words", lambda: index.search(word, 20)),
                               ("filtered", lambda: index.search(f"{word} {filters}", 20)),
                               ("facets", lambda: index.facets_and_count(word))):
                started = time.perf_counter()
                answer = call()
                samples[name].append(time.perf_counter() - started)
                if name != "facets":
                    totals[f"{name}:{word}"] = answer.total_articles
    from store.query import parse
    from store.search import SearchPlan

    plan = SearchPlan(index, parse(f"{FILTER_WORDS[0]} {filters}"))
    explain = [r[-1] for r in index._rows(f"EXPLAIN QUERY PLAN SELECT a.id FROM {plan.joined} WHERE {plan.match} AND {plan.where}",
                                          (*plan.source_params, *plan.where_params))]
    index.close()
    return {"filters": filters, "runs": runs, **{k: summary(v) for k, v in samples.items()}, "totals": totals,
            "plan": explain, "full_scan": any(line in ("SCAN a", "SCAN articles") or line.startswith(("SCAN a ", "SCAN articles "))
                                       for line in explain)}


def print_query_language(part: dict) -> None:
    if _skipped(part, "query"):
        return
    print(f"query    in-process, {len(FILTER_WORDS)} words × {part['runs']} runs; filters: {part['filters']}", flush=True)
    for name in ("words", "filtered", "facets"):
        print(f"         {name:<8} p50 {ms(part[name]['p50']):>9}  p95 {ms(part[name]['p95']):>9}", flush=True)
    print(f"         plan: {' | '.join(part['plan'])}{'  (FULL SCAN)' if part['full_scan'] else ''}", flush=True)


# --- the app (run in a child process, so its RSS is its own) ------------------------------------------------------


def bench_app(db: Path, runs: int) -> dict[str, Any]:
    if not (ROOT / "tui" / "app.py").exists():
        raise Skip("tui/app.py does not exist yet")
    cmd = [sys.executable, str(Path(__file__).resolve()), "--app-probe", str(db), "--runs", str(runs)]
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=bench_env(), timeout=1800)
    lines = proc.stdout.strip().splitlines()
    if proc.returncode != 0 or not lines:
        raise Skip(f"app probe exited {proc.returncode}: {(proc.stderr.strip().splitlines() or ['?'])[-1]}")
    return json.loads(lines[-1])


def _visible_text(widget, styled: bool = False) -> str:
    """The text a widget and its descendants currently render (segments joined; wide characters intact).

    With `styled`, each segment's style is included, so a highlight that grows (하이닉 -> 하이닉스) counts as a change.
    """
    from textual.geometry import Region

    lines = []
    for part in [widget, *widget.query("*")]:
        if not part.display or part.size.area == 0:
            continue
        try:
            strips = part.render_lines(Region(0, 0, part.size.width, part.size.height))
        except Exception:  # a widget that cannot render off-cycle contributes nothing
            continue
        for strip in strips:
            lines.append("".join(f"{seg.text}\x00{seg.style}\x00" if styled else seg.text for seg in strip))
    return "\n".join(lines)


async def _settle(pilot, widget, quiet: float = 0.15, limit: float = 5.0) -> None:
    """Wait until the widget's text has not changed for `quiet` seconds (at most `limit`)."""
    await pilot.pause()
    text, since, started = _visible_text(widget, styled=True), time.perf_counter(), time.perf_counter()
    while time.perf_counter() - since < quiet and time.perf_counter() - started < limit:
        await asyncio.sleep(0.02)
        now = _visible_text(widget, styled=True)
        if now != text:
            text, since = now, time.perf_counter()


async def _probe_app(db: Path, runs: int, timeout: float = 10.0) -> dict[str, Any]:
    started = time.perf_counter()
    from tui.app import HanscopeApp
    import_s = time.perf_counter() - started
    started = time.perf_counter()
    app = HanscopeApp(db_path=db)
    errors: list[str] = []  # error notifications the app shows (a failing query shows as "no change")
    notify = app.notify

    def keep_errors(message, *args, **kwargs):
        if kwargs.get("severity") == "error":
            errors.append(str(message)[:200])
        return notify(message, *args, **kwargs)

    app.notify = keep_errors
    async with app.run_test(size=APP_SIZE) as pilot:
        await pilot.pause()
        while not (app.screen.query("#query") and app.screen.query("#results")):  # the app may push its screen
            if time.perf_counter() - started > timeout:
                raise Skip(f"no #query and #results on {app.screen!r} after {timeout:.0f} s")
            await asyncio.sleep(0.005)
        await pilot.pause()
        first_paint = time.perf_counter() - started
        query_input, results = app.screen.query_one("#query"), app.screen.query_one("#results")
        rows = []
        for query in APP_QUERIES:
            latencies, unconfirmed = [], 0
            for _ in range(runs):
                # Type all but the last character and let the results settle; time the last key until the
                # results change (text or highlight) and show the query.
                query_input.value = ""
                query_input.focus()
                await _settle(pilot, results)
                for char in query[:-1]:
                    await pilot.press(char)
                await _settle(pilot, results)
                before = _visible_text(results, styled=True)
                pressed = time.perf_counter()
                # pilot.press returns only once the app is idle (well after the results show): poll beside it
                press = asyncio.create_task(pilot.press(query[-1]))
                shown_at = None
                while time.perf_counter() - pressed < timeout:
                    if _visible_text(results, styled=True) != before and query in _visible_text(results):
                        shown_at = time.perf_counter()
                        break
                    await asyncio.sleep(0.005)
                await press
                if shown_at is None:
                    unconfirmed += 1  # nothing changed to show the query within the timeout: not counted
                else:
                    latencies.append(shown_at - pressed)
            row: dict[str, Any] = {"query": query, "unconfirmed": unconfirmed}
            if latencies:
                row.update(summary(latencies))
            rows.append(row)
    peak = re.search(r"VmHWM:\s+(\d+) kB", Path("/proc/self/status").read_text()) if Path("/proc/self/status").exists() else None
    every = [r["p50"] for r in rows if "p50" in r]
    return {"size": list(APP_SIZE), "import_s": import_s, "first_paint_s": first_paint,
            "keystroke_p50_s": statistics.median(every) if every else None,
            "keystroke_p95_s": max((r["p95"] for r in rows if "p95" in r), default=None),
            "queries": rows, "app_errors": sorted(set(errors)),
            "peak_rss_bytes": int(peak.group(1)) * 1024 if peak else None}


def app_probe_main(db: Path, runs: int) -> int:
    try:
        result = asyncio.run(_probe_app(db, runs))
    except Exception as err:
        result = {"skipped": f"{type(err).__name__}: {err}"}
    print(json.dumps(result, ensure_ascii=False))
    return 0


# --- one size, the table ---------------------------------------------------------------------------------------------


def existing_corpus(count: int, seed: int, parent: Path, files_per_dir: int) -> dict[str, Any]:
    """The corpus an --existing-index was built from, read from its manifest: never made or replaced here (a
    million-article folder took one run, its index several sessions)."""
    folder = parent / f"corpus-{count}-s{seed}"
    try:
        manifest = json.loads((folder / make_corpus.MANIFEST_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise SystemExit(f"run.py: no corpus manifest in {folder} ({err}); --existing-index needs the corpus it indexed")
    if (manifest.get("articles"), manifest.get("seed"), manifest.get("files_per_dir")) != (count, seed, files_per_dir):
        raise SystemExit(f"run.py: {folder} was made for other settings than --sizes {count} --seed {seed}")
    return {"path": str(folder), "articles": count, "bytes": manifest["bytes"], "reused": True}


def existing_index(corpus: dict, db: Path) -> dict[str, Any]:
    """What can be said of an index built earlier: its size and what it holds (how long it took is not known here)."""
    if not db.exists():
        raise Skip(f"{db} does not exist")
    index_bytes = sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if not p.name.endswith(".txt"))
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        articles, entities, numbers = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                                       for t in ("articles", "entities", "numbers"))
    return {"existing": str(db), "index_bytes": index_bytes, "index_to_corpus": index_bytes / corpus["bytes"],
            "summary": {"articles_total": articles, "entities_total": entities, "numbers_total": numbers}}


def bench_size(count: int, args: argparse.Namespace, rg: str | None) -> dict[str, Any]:
    print(f"\n== N = {count:,} articles ==", flush=True)
    if args.existing_index:
        corpus = existing_corpus(count, args.seed, args.corpus_dir, args.files_per_dir)
    else:
        corpus = ensure_corpus(count, args.seed, args.corpus_dir, args.files_per_dir)
    how = "reused" if corpus["reused"] else f"generated in {corpus['generate_s']:.1f} s"
    print(f"corpus   {corpus['path']}  {mb(corpus['bytes'])}  ({how})", flush=True)
    db = args.existing_index or args.out / f"index-{count}-s{args.seed}.db"
    result: dict[str, Any] = {"articles": count, "corpus": corpus, "db": str(db)}
    if args.existing_index:
        result["index"] = soft(lambda: existing_index(corpus, db))
    else:
        print("indexing …", flush=True)
        result["index"] = soft(lambda: bench_index(corpus, db, shlex.split(args.index_args)))
    print_index(result["index"])
    if "skipped" in result["index"]:
        reason = "no index (hanscope index did not succeed)"
        for part in ("search", "entity_cli", "api", "query", "app"):
            result[part] = {"skipped": reason}
        return result
    result["search"] = soft(lambda: bench_search(corpus, db, args.runs, rg))
    print_search(result["search"])
    result["entity_cli"] = soft(lambda: bench_entity_cli(db, args.runs))
    print_entity_cli(result["entity_cli"])
    result["api"] = soft(lambda: bench_api(db, args.runs))
    print_api(result["api"])
    result["query"] = soft(lambda: bench_query_language(db, args.runs))
    print_query_language(result["query"])
    result["app"] = soft(lambda: bench_app(db, args.runs)) if not args.no_app else {"skipped": "--no-app"}
    print_app(result["app"])
    return result


def _skipped(part: dict, label: str) -> bool:
    if "skipped" in part:
        print(f"{label:<9}skipped: {part['skipped']}", flush=True)
        return True
    return False


def print_index(part: dict) -> None:
    if _skipped(part, "index"):
        return
    if "existing" in part:
        s = part["summary"]
        print(f"index    {part['existing']} (built earlier, not timed)  index {mb(part['index_bytes'])} = "
              f"{part['index_to_corpus']:.2f}× corpus  ·  {s['articles_total']} articles, {s['entities_total']} "
              f"entities, {s['numbers_total']} numbers", flush=True)
        return
    tree = part["peak_rss_tree_bytes"]
    largest = part["peak_rss_largest_process_bytes"]
    s = part["summary"]
    print(f"index    {part['wall_s']:.1f} s (one run)  {part['articles_per_s']:,.0f} articles/s  {part['mb_per_s']:.2f} MB/s  "
          f"index {mb(part['index_bytes'])} = {part['index_to_corpus']:.2f}× corpus", flush=True)
    print(f"         peak RSS: process tree {mb(tree) if tree else '—'} (sampled), largest process "
          f"{mb(largest) if largest else '—'}  ·  {s['articles_total']} articles, {s['entities_total']} entities, "
          f"{s['numbers_total']} numbers, {s['files_failed']} files failed", flush=True)


def print_search(part: dict) -> None:
    if _skipped(part, "search"):
        return
    print(f"search   whole process, median of {part['runs']} (one warm-up run first); "
          f"`hanscope --version` alone: {ms(part['startup']['p50'])}", flush=True)
    print("         " + pad("query", 14) + pad("hits", 8, True) + pad("hanscope", 11, True) + pad("rg files", 10, True)
          + pad("rg -l", 11, True) + pad("rg ÷ hanscope", 15, True))
    for row in part["queries"]:
        ratio = f"{row['rg_over_hanscope']:.2f}×" if "rg_over_hanscope" in row else "—"
        print("         " + pad(row["query"], 14) + pad(str(row["hanscope_hits"]), 8, True)
              + pad(ms(row["hanscope"]["p50"]), 11, True) + pad(str(row.get("rg_files", "—")), 10, True)
              + pad(ms(row["rg"]["p50"]) if "rg" in row else "—", 11, True) + pad(ratio, 15, True), flush=True)


def print_entity_cli(part: dict) -> None:
    if _skipped(part, "entity"):
        return
    print(f"entity   `hanscope entity {part['query']} --json` whole process: p50 {ms(part['p50'])}, p95 {ms(part['p95'])} "
          f"(n={part['n']}); {part['mentions']:,} mentions of {part['entity']}, {mb(part['output_bytes'])} of JSON", flush=True)


def print_api(part: dict) -> None:
    if _skipped(part, "api"):
        return
    print(f"api      in-process, {part['queries']} queries × {part['runs']} runs; Index.open {ms(part['open_s'])}; "
          f"first calls: " + ", ".join(f"{k} {ms(v)}" for k, v in part["first_call_s"].items()), flush=True)
    for name in ("resolve", "entity", "search"):
        print(f"         {name:<8} p50 {ms(part[name]['p50']):>9}  p95 {ms(part[name]['p95']):>9}", flush=True)
    found = "  ".join(f"{q}→{r['top'] or '∅'}" for q, r in part["resolved"].items())
    print(f"         resolved: {found}", flush=True)


def print_app(part: dict) -> None:
    if _skipped(part, "app"):
        return
    rss = part["peak_rss_bytes"]
    print(f"app      {part['size'][0]}×{part['size'][1]} headless: import {ms(part['import_s'])}, first paint "
          f"{ms(part['first_paint_s'])}, keystroke→results p50 {ms(part['keystroke_p50_s'])} "
          f"(worst query p95 {ms(part['keystroke_p95_s'])}), peak RSS {mb(rss) if rss else '—'}", flush=True)
    for error in part.get("app_errors", []):
        print(f"         app error: {error}", flush=True)
    for row in part["queries"]:
        note = (f"  ({row['unconfirmed']} runs not counted: the results did not visibly change within 10 s)"
                if row["unconfirmed"] else "")
        if "p50" in row:
            print(f"         {pad(row['query'], 14)} p50 {ms(row['p50']):>9}  p95 {ms(row['p95']):>9}{note}", flush=True)
        else:
            print(f"         {pad(row['query'], 14)} no change within the timeout{note}", flush=True)


def print_overview(sizes: list[dict]) -> None:
    print("\n== overview ==")
    head = ["N", "index s", "art/s", "MB/s", "idx/corpus", "RSS tree", "search p50*", "rg p50*", "entity p50",
            "api entity p50", "app key p50"]
    widths = [9, 9, 8, 7, 11, 11, 12, 10, 11, 15, 12]
    print("".join(pad(h, w, True) for h, w in zip(head, widths)))
    for r in sizes:
        idx, search = r.get("index", {}), r.get("search", {})
        queries = search.get("queries", [])
        common = [q for q in queries if q["query"] != make_corpus.RARE_TERM]
        row = [
            f"{r['articles']:,}",
            f"{idx['wall_s']:.1f}" if "wall_s" in idx else "—",
            f"{idx['articles_per_s']:,.0f}" if "wall_s" in idx else "—",
            f"{idx['mb_per_s']:.2f}" if "wall_s" in idx else "—",
            f"{idx['index_to_corpus']:.2f}×" if "index_to_corpus" in idx else "—",
            mb(idx["peak_rss_tree_bytes"]) if idx.get("peak_rss_tree_bytes") else "—",
            ms(statistics.median(q["hanscope"]["p50"] for q in common)) if common else "—",
            ms(statistics.median(q["rg"]["p50"] for q in common)) if common and "rg" in common[0] else "—",
            ms(r["entity_cli"]["p50"]) if "p50" in r.get("entity_cli", {}) else "—",
            ms(r["api"]["entity"]["p50"]) if "entity" in r.get("api", {}) else "—",
            ms(r["app"]["keystroke_p50_s"]) if r.get("app", {}).get("keystroke_p50_s") else "—",
        ]
        print("".join(pad(c, w, True) for c, w in zip(row, widths)))
    print("* median over the common queries (the rare one excluded) of each query's median whole-process time")


def results_path(out: Path) -> Path:
    stem = f"results-{dt.date.today().isoformat()}"
    path, n = out / f"{stem}.json", 2
    while path.exists():
        path, n = out / f"{stem}-{n}.json", n + 1
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Benchmark hanscope: index, search vs rg, entity drill-down, app.")
    parser.add_argument("--sizes", default="5000,20000,100000", help="comma-separated corpus sizes (articles)")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per measurement (median / p95 over them)")
    parser.add_argument("--out", type=Path, default=BENCH / "out", help="results JSON and index files go here")
    parser.add_argument("--corpus-dir", type=Path, default=BENCH, help="corpora are made (and reused) here")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--files-per-dir", type=int, default=1000)
    parser.add_argument("--index-args", default="", help='extra arguments for `hanscope index`, e.g. "--workers 2"')
    parser.add_argument("--existing-index", type=Path, help="measure this index, built earlier from the corpus of "
                        "the one size given (--sizes N): nothing is generated or indexed")
    parser.add_argument("--no-app", action="store_true", help="skip the Textual app measurements")
    parser.add_argument("--app-probe", type=Path, help=argparse.SUPPRESS)  # internal: run the app probe on this DB
    args = parser.parse_args(argv)
    if args.app_probe:
        return app_probe_main(args.app_probe, args.runs)
    try:
        sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas, e.g. 5000,20000")
    if not sizes or min(sizes) < 1 or args.runs < 1:
        parser.error("sizes and --runs must be at least 1")
    if args.existing_index and len(sizes) != 1:
        parser.error("--existing-index measures one index: give the one size it was built from (--sizes N)")

    facts = machine_facts()
    print(f"hanscope benchmark  {facts['date']}")
    print(f"machine  {facts['cpu']}, {facts['nproc']} CPUs ({facts['usable_cpus']} usable), {facts.get('memory_gb')} GB RAM, "
          f"{facts['platform']}")
    print(f"software Python {facts['python']}, SQLite {facts['sqlite']}, Textual {facts['textual']}, "
          f"{facts['rg'] or 'no rg'}, hanscope {facts['hanscope_commit']} ({facts['hanscope_install']} install)")
    rg = shutil.which("rg")
    if not rg:
        print("\n" + RG_INSTALL, file=sys.stderr)
    args.out.mkdir(parents=True, exist_ok=True)
    path = results_path(args.out)
    report: dict[str, Any] = {"machine": facts, "settings": {"sizes": sizes, "runs": args.runs, "seed": args.seed,
                                                             "index_args": args.index_args}, "sizes": []}
    for count in sizes:
        report["sizes"].append(bench_size(count, args, rg))
        path.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print_overview(report["sizes"])
    if not rg:
        print("\nrg comparison skipped: ripgrep is not installed (see above).")
    print(f"\nresults: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
