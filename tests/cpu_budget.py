"""CPU-time ceilings for the tests that hostile text stays linear, scaled to the machine that runs them.

A ceiling is there to tell a linear pass from a quadratic one (on 50,000 repeats, seconds against minutes), not to
time the code. Set on machines that ran the suite in 374-460 s, the 3-second ones failed on a machine that ran it in
890 s (2026-12-07: 3.5-3.9 CPU-s under the suite's load, 2.85 alone, for cost that is linear). So a ceiling is
multiplied by how much slower this machine runs a fixed piece of the same kind of work (regular expressions and a
Python loop over Korean text) than those machines did; never by less than 1.
"""
from __future__ import annotations

import functools
import re
import resource

# The calibration's CPU seconds on the machines the ceilings were set on: 0.125 measured on the 890-s machine (best
# of three, alone; single runs 0.12-0.17), divided by the suites' ratio, 890 / 410.
REFERENCE_SECONDS = 0.058

_WORDS = re.compile(r"[가-힣]+|[A-Za-z]+|\d+")
_TEXT = "삼성전자는 29일 HBM4 12단 제품을 엔비디아에 공급한다고 밝혔다. 월 90만 장, 2조5000억원 규모다. " * 100


def cpu() -> float:
    """This process's CPU seconds (user and system): other processes loading the cores do not count."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _calibration() -> float:
    start = cpu()
    seen: dict[str, int] = {}
    for _ in range(80):
        for match in _WORDS.finditer(_TEXT):
            word = match.group()
            seen[word] = seen.get(word, 0) + len(word)
    return cpu() - start


@functools.cache
def slowness() -> float:
    """How many times slower than the reference machines this one is now (at least 1), measured once a process."""
    return max(1.0, min(_calibration() for _ in range(3)) / REFERENCE_SECONDS)


def ceiling(seconds: float) -> float:
    """`seconds` of CPU on the reference machines, on this one."""
    return seconds * slowness()
