"""Regenerate screenshots/*.svg: drive the real app on an index of the bundled seeds and save each screen.

    .venv/bin/python screenshots/make.py            # builds a throwaway index of seeds/ first
    .venv/bin/python screenshots/make.py --db FILE  # or uses an existing index
"""
from __future__ import annotations

import argparse
import asyncio
import functools
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


async def shoot(db: Path, scratch: Path, name: str, size: tuple[int, int],
                steps: Callable[[object, HanscopeApp], Awaitable[None]], **deep_link) -> Path:
    app = HanscopeApp(db, export_dir=scratch / "exports", **deep_link)
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


async def main(db: Path, scratch: Path) -> None:
    ids = seed_ids_in(db)
    shot = functools.partial(shoot, db, scratch)
    big, small = (160, 45), (80, 24)
    await shot("search", big, keys(*"엔비디아"))
    await shot("search-initials-80x24", small, keys(*"ㅇㅂㄷㅇ"))
    await shot("search-numbers", big, keys(*"90만장"))
    await shot("search-query", big, keys(*"(삼성 | SK) HBM -경주 sort:new"))
    await shot("search-facets", big, keys(*"AI", "ctrl+g"))
    await shot("stories", big, keys("f4"))
    await shot("entity", big, keys(), entity="오픈AI")
    await shot("entity-80x24", small, keys(), entity="오픈AI")
    await shot("article", big, keys("n", "n", "n"), article=ids["002"])
    await shot("article-80x24", small, keys(), article=ids["000"])
    await shot("compare", big, keys(), compare=(ids["000"], ids["002"]))
    await shot("numbers", big, keys("f3"))
    await shot("help", (100, 45), keys("f1"))


def build_seed_index(scratch: Path) -> Path:
    from store.db import connect
    from store.indexer import index_paths

    path = scratch / "seeds.db"
    db = connect(path, create=True)
    index_paths(db, [ROOT / "seeds"], workers=0)
    db.close()
    return path


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, help="an existing index (default: build one from seeds/)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hanscope-shots-") as folder:  # the throwaway index, the export folder
        scratch = Path(folder)
        asyncio.run(main(args.db or build_seed_index(scratch), scratch))
