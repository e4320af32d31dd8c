"""Python's cyclic garbage collector kept out of a keystroke's way.

Textual makes many short-lived cycles (strips, styles, events), so full collections come every few hundred
milliseconds while one types, and each walks every tracked object: 15-90 ms at 100k articles in the app probe,
landing inside keystrokes at random (the tail of keystroke -> results). Two remedies, as Textual itself pauses
collection while it scrolls (App.PAUSE_GC_ON_SCROLL):
- the objects alive after the first paint (modules, widgets, caches: ~50k) are frozen, so no collection walks them;
- from a keystroke until its results are painted, collection waits; it runs after the paint, between keys.
"""
from __future__ import annotations

import gc

LONGEST_PAUSE = 1.0  # seconds: collection resumes by then whatever happens to the query


def freeze_startup() -> None:
    """Collect once, then move every object alive now out of the collector's sight (gc.freeze)."""
    gc.collect()
    gc.freeze()


def unfreeze() -> None:
    gc.unfreeze()


def pause() -> None:
    gc.disable()


def resume() -> None:
    gc.enable()
