"""hanscope terminal UI and command line."""
import os

# Textual paints at most TEXTUAL_FPS frames a second (60 by default), and a frame waits for the next tick of that
# grid: a keystroke crosses two or three frames (echo, results), each waiting up to 16.7 ms. At 120 the app's
# keystroke -> results in tmux went from p50/p95 55-60/70-120 ms to 33-38/39-45 ms at 100k articles (BENCHMARKS.md);
# frames are still only drawn when something changed. Set before anything imports textual; a user's value wins.
os.environ.setdefault("TEXTUAL_FPS", "120")
