"""Stories and near-duplicates against the labelled story set of bench/make_corpus.py, and what they cost.

    python bench/eval_stories.py [--background 4250] [--stories 100] [--add 1000] [--out bench/out/stories] [--json]

Makes (or reuses) a corpus of BACKGROUND generated articles plus STORIES labelled events (each told as a first
article, verbatim reprints, light edits and rewrites, with a same-week trap and a month-later follow-up), indexes
it in-process and reports:

- pairwise precision and recall over all article pairs: same story (labels "story") and near-duplicates
  (labels "group": identical or lightly edited text). Background articles are their own story and group;
- indexing time with and without the story step (the same corpus into two fresh indexes), and the story
  step's own time;
- adding ADD more background articles to the finished index: the whole run and the story step's part of it.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

import make_corpus  # noqa: E402  (bench/ is not a package)

from store import linker, stories  # noqa: E402
from store.db import connect  # noqa: E402
from store.indexer import index_paths  # noqa: E402


def pairs(sizes: Counter) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def pairwise(truth: dict[str, str], predicted: dict[str, object]) -> dict[str, float | int]:
    """Pairwise precision / recall of a clustering: a pair counts when both put the two items together."""
    both = Counter((truth[k], predicted[k]) for k in truth)
    true_pairs, predicted_pairs, agreed = pairs(Counter(truth.values())), pairs(Counter(predicted.values())), pairs(both)
    precision = agreed / predicted_pairs if predicted_pairs else 1.0
    recall = agreed / true_pairs if true_pairs else 1.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "true_pairs": true_pairs,
            "predicted_pairs": predicted_pairs, "agreed_pairs": agreed}


class StoryTimer:
    """Wraps stories.assign to time it (or to skip it, for the run without stories); times the per-story rows
    it refreshes at its end and the linker (the other step after extraction) too."""

    def __init__(self, skip: bool = False) -> None:
        self.seconds = 0.0
        self.rows_seconds = 0.0
        self.link_seconds = 0.0
        self.skip = skip
        self.originals = (stories.assign, stories.refresh_story_rows, linker.link)

    def __enter__(self) -> "StoryTimer":
        assign, refresh, link = self.originals

        def timed(conn, *args, **kwargs):
            if self.skip:
                return 0
            started = time.perf_counter()
            try:
                return assign(conn, *args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - started

        def timed_rows(*args, **kwargs):
            started = time.perf_counter()
            try:
                return refresh(*args, **kwargs)
            finally:
                self.rows_seconds += time.perf_counter() - started

        def timed_link(*args, **kwargs):
            started = time.perf_counter()
            try:
                return link(*args, **kwargs)
            finally:
                self.link_seconds += time.perf_counter() - started

        stories.assign, stories.refresh_story_rows, linker.link = timed, timed_rows, timed_link
        return self

    def __exit__(self, *exc) -> None:
        stories.assign, stories.refresh_story_rows, linker.link = self.originals


def index_once(folder: Path | list[Path], db_path: Path, *, skip_stories: bool = False) -> tuple[float, StoryTimer, object]:
    conn = connect(db_path, create=True)
    try:
        with StoryTimer(skip=skip_stories) as timer:
            started = time.perf_counter()
            summary = index_paths(conn, folder if isinstance(folder, list) else [folder])
            total = time.perf_counter() - started
    finally:
        conn.close()
    return total, timer, summary


def labels_of(folder: Path, db_path: Path) -> tuple[dict[str, str], dict[str, str], dict[str, object], dict[str, object], dict]:
    labels = json.loads((folder / make_corpus.STORY_LABELS).read_text(encoding="utf-8"))
    conn = connect(db_path)
    try:
        rows = conn.execute("SELECT source, story, near_group, copy_of FROM articles").fetchall()
    finally:
        conn.close()
    true_story, true_group, got_story, got_group = {}, {}, {}, {}
    kinds = {}
    for source, story, group, _copy_of in rows:
        key = Path(source).relative_to(folder).as_posix()
        label = labels.get(key)
        true_story[key] = label["story"] if label else key
        true_group[key] = label["group"] if label else key
        kinds[key] = label["kind"] if label else "background"
        got_story[key], got_group[key] = story, group
    return true_story, true_group, got_story, got_group, kinds


def mistakes(truth: dict[str, str], predicted: dict[str, object], kinds: dict, limit: int = 8) -> dict[str, list]:
    """A few wrongly joined and wrongly split pairs, by kind, to read what went wrong."""
    by_pred: dict[object, list[str]] = {}
    for key, value in predicted.items():
        by_pred.setdefault(value, []).append(key)
    joined = Counter()
    for members in by_pred.values():
        labels = Counter(truth[m] for m in members)
        if len(labels) > 1:
            for m in members:
                if labels[truth[m]] < len(members):
                    joined[kinds[m]] += 1
    by_true: dict[str, list[str]] = {}
    for key, value in truth.items():
        by_true.setdefault(value, []).append(key)
    split = Counter()
    for members in by_true.values():
        preds = Counter(predicted[m] for m in members)
        if len(preds) > 1:
            main = preds.most_common(1)[0][0]
            for m in members:
                if predicted[m] != main:
                    split[kinds[m]] += 1
    return {"joined_wrongly_by_kind": dict(joined), "split_off_by_kind": dict(split)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score stories and near-duplicates on the labelled bench corpus.")
    parser.add_argument("--background", type=int, default=4250, help="generated articles that belong to no story")
    parser.add_argument("--stories", type=int, default=100, help="labelled events (about 7.5 articles each)")
    parser.add_argument("--add", type=int, default=1000, help="background articles added afterwards (0: skip)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "stories")
    parser.add_argument("--no-baseline", action="store_true", help="skip the run without the story step")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    folder = args.out / f"corpus-{args.background}-{args.stories}-s{args.seed}"
    if not (folder / make_corpus.STORY_LABELS).exists():
        make_corpus.make_corpus(args.background, folder, args.seed)
        make_corpus.write_stories(args.stories, folder, args.seed)
    articles = sum(1 for _ in folder.rglob("*.txt"))
    result: dict[str, object] = {
        "corpus": {"articles": articles, "background": args.background, "stories": args.stories, "seed": args.seed},
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }
    if not args.no_baseline:
        base_db = args.out / "without-stories.db"
        for p in base_db.parent.glob(base_db.name + "*"):
            p.unlink()
        base_total, _, _ = index_once(folder, base_db, skip_stories=True)
        result["index_without_stories_s"] = round(base_total, 2)
    db_path = args.out / "with-stories.db"
    for p in db_path.parent.glob(db_path.name + "*"):
        p.unlink()
    total, timer, summary = index_once(folder, db_path)
    story_s = timer.seconds
    result["index_with_stories_s"] = round(total, 2)
    result["story_step_s"] = round(story_s, 2)
    result["story_rows_s"] = round(timer.rows_seconds, 2)
    result["link_s"] = round(timer.link_seconds, 2)
    result["story_step_share"] = round(story_s / (total - story_s), 4)
    if "index_without_stories_s" in result:
        result["added_vs_without"] = round(total / result["index_without_stories_s"] - 1, 4)

    true_story, true_group, got_story, got_group, kinds = labels_of(folder, db_path)
    result["stories"] = pairwise(true_story, got_story) | mistakes(true_story, got_story, kinds)
    result["near_duplicates"] = pairwise(true_group, got_group) | mistakes(true_group, got_group, kinds)
    result["articles_by_kind"] = dict(Counter(kinds.values()))

    if args.add:
        # the next ADD files of the generated corpus (the ones make_corpus(BACKGROUND + ADD) would add), and only
        # them: rewriting the 100k files already there would cost minutes
        make_corpus._write_range((str(folder), args.seed, args.background, args.background + args.add, 1000))
        conn = connect(db_path)
        try:
            with StoryTimer() as timer:
                started = time.perf_counter()
                added = index_paths(conn, [folder])
                seconds = time.perf_counter() - started
        finally:
            conn.close()
        result["add"] = {"articles": added.articles_added, "index_s": round(seconds, 2), "story_step_s": round(timer.seconds, 2),
                         "story_rows_s": round(timer.rows_seconds, 2), "link_s": round(timer.link_seconds, 2)}
        # "costs no more than indexing them": the same files into an empty index, the same way
        new_files = [path for path in sorted(folder.rglob("*.txt")) if path.parent.name != make_corpus.STORIES_DIR
                     and int(path.name.split("_")[0]) >= args.background]
        alone_db = args.out / "added-alone.db"
        for p in alone_db.parent.glob(alone_db.name + "*"):
            p.unlink()
        alone_s, _, _ = index_once(new_files, alone_db)
        result["add"]["alone_index_s"] = round(alone_s, 2)
        result["add"]["more_than_alone_s"] = round(seconds - alone_s, 2)
        # back to the labelled corpus as made, so a re-run reuses it
        for path in sorted(folder.rglob("*.txt")):
            if path.parent.name != make_corpus.STORIES_DIR and int(path.name.split("_")[0]) >= args.background:
                path.unlink()

    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        c = result["corpus"]
        print(f"{c['articles']} articles ({c['background']} background + {c['stories']} labelled stories), "
              f"{result['machine']['cpus']} cores")
        for name in ("stories", "near_duplicates"):
            m = result[name]
            print(f"{name}: pairwise precision {m['precision']:.4f} recall {m['recall']:.4f} "
                  f"({m['agreed_pairs']} of {m['predicted_pairs']} predicted, {m['true_pairs']} true pairs); "
                  f"joined wrongly {m['joined_wrongly_by_kind']}, split off {m['split_off_by_kind']}")
        line = (f"index {result['index_with_stories_s']} s with the story step ({result['story_step_s']} s of it, "
                f"{result['story_rows_s']} s the per-story rows; linking {result['link_s']} s)")
        if "index_without_stories_s" in result:
            line += f", {result['index_without_stories_s']} s without: +{result['added_vs_without'] * 100:.1f}%"
        print(line)
        if "add" in result:
            a = result["add"]
            print(f"adding {a['articles']} articles: {a['index_s']} s, of which the story step {a['story_step_s']} s "
                  f"({a['story_rows_s']} s the per-story rows; linking {a['link_s']} s); the same files into an empty "
                  f"index {a['alone_index_s']} s: {a['more_than_alone_s']:+} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
