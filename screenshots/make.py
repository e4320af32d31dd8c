"""Regenerate screenshots/*.svg: drive the real app on an index of the bundled seeds and save each screen.

    .venv/bin/python screenshots/make.py            # builds a throwaway index of seeds/ first
    .venv/bin/python screenshots/make.py --db FILE  # or uses an existing index
"""
from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hanscope_seeds import ids as seed_ids_in  # noqa: E402
from tui.app import HanscopeApp  # noqa: E402

OUT = Path(__file__).resolve().parent


async def settle(pilot) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    await pilot.pause(0.2)


SCRATCH = Path(tempfile.mkdtemp(prefix="hanscope-shots-"))  # the throwaway index and export folder; removed at the end


async def shoot(db: Path, name: str, size: tuple[int, int], steps: Callable[[object, HanscopeApp], Awaitable[None]],
                **deep_link) -> Path:
    app = HanscopeApp(db, export_dir=SCRATCH / "exports", **deep_link)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await steps(pilot, app)
        await settle(pilot)
        path = OUT / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(OUT))
    print(f"wrote {path.relative_to(ROOT)}")
    return path


def keys(*pressed: str) -> Callable[[object, HanscopeApp], Awaitable[None]]:
    async def steps(pilot, app) -> None:
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)

    return steps


async def main(db: Path) -> None:
    ids = seed_ids_in(db)
    big, small = (160, 45), (80, 24)
    await shoot(db, "search", big, keys(*"엔비디아"))
    await shoot(db, "search-initials-80x24", small, keys(*"ㅇㅂㄷㅇ"))
    await shoot(db, "search-numbers", big, keys(*"90만장"))
    await shoot(db, "search-query", big, keys(*"(삼성 | SK) HBM -경주 sort:new"))
    await shoot(db, "search-facets", big, keys(*"AI", "ctrl+g"))
    await shoot(db, "stories", big, keys("f4"))
    await shoot(db, "entity", big, keys(), entity="오픈AI")
    await shoot(db, "entity-80x24", small, keys(), entity="오픈AI")
    await shoot(db, "article", big, keys("n", "n", "n"), article=ids["002"])
    await shoot(db, "article-80x24", small, keys(), article=ids["000"])
    await shoot(db, "compare", big, keys(), compare=(ids["000"], ids["002"]))
    await shoot(db, "numbers", big, keys("f3"))
    await shoot(db, "help", (100, 45), keys("f1"))


def build_seed_index() -> Path:
    from store.db import connect
    from store.indexer import index_paths

    path = SCRATCH / "seeds.db"
    db = connect(path, create=True)
    index_paths(db, [ROOT / "seeds"], workers=0)
    db.close()
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="an existing index (default: build one from seeds/)")
    args = parser.parse_args()
    try:
        asyncio.run(main(args.db or build_seed_index()))
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)
