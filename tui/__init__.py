"""hanscope terminal UI and command line."""
import os

# Textual paints at most TEXTUAL_FPS frames a second (60 by default), and a frame waits for the next tick of that
# grid: a keystroke crosses two or three frames (echo, results), each waiting up to 16.7 ms. At 120 the app's
# keystroke -> results in tmux went from p50/p95 55-60/70-120 ms to 33-38/39-45 ms at 100k articles (BENCHMARKS.md);
# frames are still only drawn when something changed. At 120 the frame after an answer still waited 8-12 ms (traced:
# after a pause Textual's timer skips to a tick one to two periods ahead); at 500 that wait is under 2 ms. The rate
# is a ceiling, not a pace: the timer pauses when nothing is dirty, so an idle app draws nothing. Set before anything
# imports textual; a user's value wins.
os.environ.setdefault("TEXTUAL_FPS", "500")
