"""Search per call on PostgreSQL against SQLite over the same corpus: what a keystroke and the facets cost each.

    python bench/pg_search.py --pg postgresql://…/db --sqlite index.db [--repeat 7] [--out FILE]

Both indexes must hold the same corpus (`hanscope index DIR --db …` once each). For every query of QUERIES it
times `Index.search(q, limit=50, exact_count=False)` (a keystroke's first page, as the app asks) and
`Index.facets_and_count(q)` (what follows it), each `--repeat` times after one warm-up call, and reports the median
wall time and, on PostgreSQL, the median CPU time of the server process serving the connection (read from
/proc: the server must run on this machine; 10 ms ticks) next to the client's own CPU time. PostgreSQL is timed
twice, query by query in turn: with its own plan (store/backends/postgres/search.py) and with the portable one it
replaced (store.search's SQL translated by dialect.py), so both see the same load. The answers are compared too
(the page's articles in order, for sort:new/old: ts_rank and bm25 order a ranked page differently; the count;
the facets), SQLite's against PostgreSQL's, and the two plans' pages including ranks: a difference is printed.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# The query language's forms over bench/make_corpus.py's text (the team bench's mix, and the forms it lacks)
QUERIES = [
    "삼성", "하이닉스", "반도체", "웨이퍼", "경주",                      # words: common, 4 letters, 2 letters
    '"데이터센터 구축"', '"반도체 공급"',                                # phrases
    "삼성 OR 네이버", "(삼성 | SK) HBM",                               # OR
    "반도체 -엔비디아", "삼성 -하이닉스 sort:new",                       # exclusions
    "@삼성전자", "@엔비디아 HBM", "@오픈AI",                            # entities
    "반도체 outlet:뉴시스", "AI -outlet:헤럴드경제",                     # outlets
    "삼성 date:2025-10", "AI date:2024-03..2024-06", "하이닉스 after:2025-06-01",  # dates
    "반도체 sort:old", "90만장",                                      # oldest first, an amount
]
SEARCH_LIMIT = 50  # as bench/pg_team.py: the app's first page until round 8, kept for comparable figures


def _cpu_of(pid: int | None) -> float:
    """utime + stime of a process in seconds (the PostgreSQL backend serving a connection)."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _thread_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_THREAD)
    return usage.ru_utime + usage.ru_stime


def measure(index, backend_pid: int | None, call, repeat: int) -> dict:
    call()  # warm: caches, the plan's lookups
    walls, server, client = [], [], []
    for _ in range(repeat):
        s0, c0, w0 = _cpu_of(backend_pid), _thread_cpu(), time.perf_counter()
        call()
        walls.append(time.perf_counter() - w0)
        client.append(_thread_cpu() - c0)
        server.append(_cpu_of(backend_pid) - s0)
    return {"wall_ms": round(statistics.median(walls) * 1000, 1), "client_cpu_ms": round(statistics.median(client) * 1000, 1),
            "server_cpu_ms": round(statistics.median(server) * 1000, 1)}


def answer(index, query: str) -> dict:
    result = index.search(query, limit=SEARCH_LIMIT, exact_count=False)
    facets, total = index.facets_and_count(query)
    page = [h.source for h in result.articles]
    return {"page": page if result.sort != "rank" else None, "total": total,
            "outlets": facets.outlet, "months": facets.month, "entities": [e[:3] for e in facets.entity],
            "ranked": [(h.source, round(h.score, 5)) for h in result.articles]}


class portable_plan:
    """Within the block, a PostgreSQL index plans its searches with store.search's portable SQL (translated)."""

    def __enter__(self):
        from store import search

        self.search, self.saved = search, search.SearchPlan.__new__
        search.SearchPlan.__new__ = lambda cls, *args, **kwargs: object.__new__(cls)

    def __exit__(self, *exc):
        self.search.SearchPlan.__new__ = self.saved


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg", required=True)
    parser.add_argument("--sqlite", required=True)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--query", action="append", help="only these queries")
    args = parser.parse_args(argv)
    from store.api import Index

    queries = args.query or QUERIES
    pg, lite = Index.open(args.pg, readonly=True), Index.open(args.sqlite, readonly=True)
    pid = pg.db.execute("SELECT pg_backend_pid()", raw=True).fetchone()[0]
    rows, differ = [], 0
    print("ms per call (median wall; srv: the PostgreSQL backend's CPU)   page = a keystroke's search, facets = "
          "facets_and_count")
    print(f"{'query':<26} {'sqlite':>7} {'pg was':>7} {'srv':>4} {'pg now':>7} {'srv':>4} | {'sqlite':>7} {'pg was':>7} "
          f"{'srv':>4} {'pg now':>7} {'srv':>4}  same")
    names = ("sqlite", "pg_portable", "pg")
    for q in queries:
        row = {"query": q}
        for name, index, backend in zip(names, (lite, pg, pg), (None, pid, pid)):
            with portable_plan() if name == "pg_portable" else _nothing():
                row[name] = {
                    "page": measure(index, backend, lambda: index.search(q, limit=SEARCH_LIMIT, exact_count=False),
                                    args.repeat),
                    "facets": measure(index, backend, lambda: index.facets_and_count(q), args.repeat),
                }
        a, b = answer(lite, q), answer(pg, q)
        with portable_plan():
            was = answer(pg, q)
        same = {k: a[k] == b[k] for k in a if k != "ranked"}
        same["plans"] = was == b
        row["same"] = same
        differ += not all(same.values())
        rows.append(row)
        columns = {n: (("wall_ms", 7, 1),) if n == "sqlite" else (("wall_ms", 7, 1), ("server_cpu_ms", 4, 0)) for n in names}
        cells = [f"{row[n][what][key]:>{width}.{digits}f}" for what in ("page", "facets") for n in names
                 for key, width, digits in columns[n]]
        print(f"{q:<26} {' '.join(cells[:5])} | {' '.join(cells[5:])}  {'yes' if all(same.values()) else same}")
    total = {f"{name}_{what}_ms": round(sum(r[name][what]["wall_ms"] for r in rows), 1)
             for name in names for what in ("page", "facets")}
    print(json.dumps(total), f"load average {os.getloadavg()[0]:.2f}")
    if args.out:
        args.out.write_text(json.dumps({"rows": rows, "total": total, "load": os.getloadavg()}, ensure_ascii=False,
                                       indent=1), encoding="utf-8")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
