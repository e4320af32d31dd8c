"""Python's cyclic garbage collector kept out of a keystroke's way.

Textual makes many short-lived cycles (strips, styles, events), so full collections come every few hundred
milliseconds while one types, and each walks every tracked object: 15-90 ms at 100k articles in the app probe,
landing inside keystrokes at random (the tail of keystroke -> results). Two remedies, as Textual itself pauses
collection while it scrolls (App.PAUSE_GC_ON_SCROLL):
- the objects alive after the start (modules, widgets, caches: ~50k) are frozen, so no collection walks them
  (once the typing first pauses after the first paint: tui.app's `_warm_up_when_quiet`);
- from a keystroke until its results are painted, collection waits; it runs after the paint, between keys.
  Not at once after it: the frame is written to the terminal by Textual's writer thread, and a full collection
  (12 ms traced at 100k) that starts on the main thread right after the paint held the GIL from it, so a painted
  frame reached the terminal 17 ms late. A pause is numbered: the timer of an older keystroke's pause does not end
  a newer one's.
"""
from __future__ import annotations

import gc

LONGEST_PAUSE = 1.0  # seconds: collection resumes by then whatever happens to the query
WRITE_GRACE = 0.02  # seconds after a paint before collection resumes: the writer thread has written the frame
_newest = 0  # the number of the newest pause
_paused = False  # the newest pause has not ended yet


def hold_startup() -> None:
    """No collection until the start's objects are frozen (freeze_startup, once the typing pauses after the first
    paint; a keystroke's pause and resume may come first): the imports and the first screen made ~130 of them,
    33 ms of a start at 1M, among them a full one (15 ms) just before the first frame."""
    gc.disable()


def freeze_startup() -> None:
    """Collect once, then move every object alive now out of the collector's sight (gc.freeze); collection
    resumes unless a keystroke's pause holds it (its own resume ends it)."""
    gc.collect()
    gc.freeze()
    if not _paused:
        gc.enable()


def unfreeze() -> None:
    gc.unfreeze()


def pause() -> int:
    """Stop collecting; returns this pause's number, for `resume`."""
    global _newest, _paused
    _newest += 1
    _paused = True
    gc.disable()
    return _newest


def resume(number: int | None = None) -> None:
    """Collect again; given a pause's number, only if no newer pause began since."""
    global _paused
    if number is None or number == _newest:
        _paused = False
        gc.enable()


def resume_after_paint(screen, number: int | None = None) -> None:
    """Collect again once the next frame is painted and written (the screen's `call_after_refresh`, then
    WRITE_GRACE on the app's clock: the screen may close first)."""
    screen.call_after_refresh(lambda: screen.app.set_timer(WRITE_GRACE, lambda: resume(number)))
