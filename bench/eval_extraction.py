"""Score hanscope's extraction and cleaning against hand-made gold files (default: bench/gold/).

    python bench/eval_extraction.py [--json] [--analyzer] [--workers N]
    python bench/eval_extraction.py --gold DIR --corpus DIR [--corpus DIR ...]   # another annotated set

Indexes the corpus (default: the seeds plus bench/gold_articles) into a temporary database with the real
pipeline, then for each article compares the entities that have a mention in it, and the amounts found in
it, with the gold file for that article. Entities match by name through aliases (a gold entity's name and
surfaces against a predicted entity's name and every alias the index holds for it), one to one; amounts
match on unit and value within 0.5%. Both are compared as sets per article (an amount or entity said twice
counts once). Prints precision/recall/F1 per article and micro-averaged, then every miss and false positive.

A gold file may also give `meta` (title, outlet, date, reporters: only the fields the text states) and
`furniture` / `captions` (snippets of page chrome, bylines and photo captions that must not be left in the
body; captions should be found in the article's captions instead). These are scored as fields right of
fields present, and lines left in bodies.
"""
from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from store.extract.hangul import normalize_name  # noqa: E402

GOLD_DIR = ROOT / "bench" / "gold"
CORPUS = [ROOT / "seeds", ROOT / "bench" / "gold_articles"]
VALUE_TOLERANCE = 0.005  # relative: 0.5%


# --- gold ----------------------------------------------------------------------------------------


@dataclass(slots=True)
class GoldEntity:
    name: str
    type: str
    surfaces: list[str] = field(default_factory=list)  # forms as written, when they differ from name

    def keys(self) -> set[str]:
        return {normalize_name(s) for s in (self.name, *self.surfaces)}


@dataclass(slots=True)
class GoldNumber:
    raw: str
    value: float
    unit: str
    counter: str | None = None
    value_max: float | None = None
    qualifier: str | None = None
    period: str | None = None


@dataclass(slots=True)
class GoldArticle:
    key: str  # file name, plus #N for the N-th record of a JSON/JSONL file
    source: str  # path relative to the repository
    entities: list[GoldEntity]
    numbers: list[GoldNumber]
    meta: dict[str, object] = field(default_factory=dict)  # title / outlet / date / reporters the text states
    furniture: list[str] = field(default_factory=list)  # chrome and byline snippets that must leave the body
    captions: list[str] = field(default_factory=list)  # caption snippets that must move out of the body


def gold_key(source: str) -> str:
    """The gold file key for an article source: `/a/b/news.jsonl#2` -> `news.jsonl#2`."""
    path, sep, record = source.partition("#")
    return Path(path).name + sep + record


def load_gold(folder: Path = GOLD_DIR) -> dict[str, GoldArticle]:
    gold: dict[str, GoldArticle] = {}
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        key = path.name.removesuffix(".json")
        gold[key] = GoldArticle(
            key=key,
            source=data["source"],
            entities=[GoldEntity(e["name"], e["type"], e.get("surfaces", [])) for e in data["entities"]],
            numbers=[
                GoldNumber(n["raw"], float(n["value"]), n["unit"], n.get("counter"),
                           None if n.get("value_max") is None else float(n["value_max"]),
                           n.get("qualifier"), n.get("period"))
                for n in data["numbers"]
            ],
            meta={k: v for k, v in (data.get("meta") or {}).items() if v},
            furniture=list(data.get("furniture", [])),
            captions=list(data.get("captions", [])),
        )
    return gold


# --- predictions ---------------------------------------------------------------------------------


@dataclass(slots=True)
class PredEntity:
    id: int
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)  # as mentioned in this article

    def keys(self) -> set[str]:
        return {normalize_name(s) for s in (self.name, *self.aliases)}


@dataclass(slots=True)
class PredNumber:
    raw: str
    value: float
    unit: str
    counter: str | None = None
    value_max: float | None = None


# --- scoring -------------------------------------------------------------------------------------


@dataclass(slots=True)
class PRF:
    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)

    def as_dict(self) -> dict:
        return {"tp": self.tp, "predicted": self.predicted, "gold": self.gold,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(slots=True)
class EntityScore:
    prf: PRF
    pairs: list[tuple[GoldEntity, PredEntity]]
    missed: list[GoldEntity]
    false_positives: list[tuple[PredEntity, str | None]]  # (entity, gold name it duplicates, if any)

    @property
    def type_correct(self) -> int:
        return sum(g.type == p.type for g, p in self.pairs)


@dataclass(slots=True)
class NumberScore:
    prf: PRF
    pairs: list[tuple[GoldNumber, PredNumber]]
    missed: list[GoldNumber]
    false_positives: list[PredNumber]

    @property
    def counter_correct(self) -> int:
        return sum((g.counter or None) == (p.counter or None) for g, p in self.pairs)

    @property
    def range_correct(self) -> int:
        return sum(_same_max(g.value_max, p.value_max) for g, p in self.pairs)


def _match(candidates: list[list[int]], n_right: int) -> dict[int, int]:
    """Maximum one-to-one matching (Kuhn): left i may take any right index in candidates[i], in preference order."""
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(candidates)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def score_entities(gold: list[GoldEntity], predicted: list[PredEntity]) -> EntityScore:
    """Set comparison through names and aliases; a second predicted entity for one gold entity is a false positive."""
    gold = _unique(gold, lambda g: normalize_name(g.name))
    candidates = []
    for g in gold:
        gkeys, gname = g.keys(), normalize_name(g.name)
        hits = [j for j, p in enumerate(predicted) if gkeys & p.keys()]
        hits.sort(key=lambda j: normalize_name(predicted[j].name) != gname)  # the same canonical name first
        candidates.append(hits)
    matched = _match(candidates, len(predicted))
    taken = set(matched.values())
    pairs = [(gold[i], predicted[j]) for i, j in matched.items()]
    missed = [g for i, g in enumerate(gold) if i not in matched]
    false_positives = []
    for j, p in enumerate(predicted):
        if j not in taken:
            dup = next((g.name for g in gold if g.keys() & p.keys()), None)
            false_positives.append((p, dup))
    return EntityScore(PRF(len(pairs), len(predicted), len(gold)), pairs, missed, false_positives)


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= VALUE_TOLERANCE * max(abs(a), abs(b))


def _same_max(a: float | None, b: float | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and _close(a, b))


def score_numbers(gold: list[GoldNumber], predicted: list[PredNumber]) -> NumberScore:
    """Distinct amounts per article: same unit and value within 0.5%."""
    gold = _unique(gold, lambda n: (n.unit, n.value, n.value_max))
    predicted = _unique(predicted, lambda n: (n.unit, n.value, n.value_max))
    candidates = [
        sorted((j for j, p in enumerate(predicted) if p.unit == g.unit and _close(p.value, g.value)),
               key=lambda j: not _same_max(g.value_max, predicted[j].value_max))
        for g in gold
    ]
    matched = _match(candidates, len(predicted))
    taken = set(matched.values())
    return NumberScore(
        PRF(len(matched), len(predicted), len(gold)),
        [(gold[i], predicted[j]) for i, j in matched.items()],
        [g for i, g in enumerate(gold) if i not in matched],
        [p for j, p in enumerate(predicted) if j not in taken],
    )


def _unique(items: list, key) -> list:
    seen: set = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out


# --- metadata and clean bodies ---------------------------------------------------------------------

META_FIELDS = ("title", "outlet", "date", "reporters")
_TITLE_NOISE = str.maketrans("", "", " \t\n\"'“”‘’`·…")


def _squash(text: str) -> str:
    return "".join(text.split())


def meta_right(field_name: str, gold: object, predicted: object) -> bool:
    """Is a predicted metadata field right? Titles ignore spacing and quote marks; a gold date without a
    time matches any time that day; reporters compare as sets of names."""
    if not predicted:
        return False
    if field_name == "title":
        return str(gold).translate(_TITLE_NOISE) == str(predicted).translate(_TITLE_NOISE)
    if field_name == "outlet":
        return normalize_name(str(gold)) == normalize_name(str(predicted))
    if field_name == "date":
        return str(predicted).startswith(str(gold))
    if field_name == "reporters":
        return set(gold) == set(predicted)  # type: ignore[arg-type]
    raise ValueError(field_name)


@dataclass(slots=True)
class CleanScore:
    meta: dict[str, tuple[object, object, bool]]  # field -> (gold, predicted, right), fields the gold states
    furniture_left: list[str]  # gold furniture snippets still in the body
    captions_left: list[str]  # gold caption snippets still in the body
    captions_moved: int  # gold captions found in the article's captions
    furniture: int
    captions: int


def score_clean(g: GoldArticle, detail) -> CleanScore:
    body = _squash(detail.body) if detail is not None else ""
    captions = _squash("\n".join(getattr(detail, "captions", None) or [])) if detail is not None else ""
    meta = {}
    for name in META_FIELDS:
        if name in g.meta:
            predicted = getattr(detail, name, None) if detail is not None else None
            meta[name] = (g.meta[name], predicted, meta_right(name, g.meta[name], predicted))
    return CleanScore(
        meta,
        [f for f in g.furniture if _squash(f) in body],
        [c for c in g.captions if _squash(c) in body],
        sum(_squash(c) in captions for c in g.captions),
        len(g.furniture),
        len(g.captions),
    )


# --- running the pipeline ------------------------------------------------------------------------


@dataclass(slots=True)
class ArticleResult:
    key: str
    article_id: int | None
    entities: EntityScore
    numbers: NumberScore
    clean: CleanScore | None = None


def predictions(index, article_id: int) -> tuple[list[PredEntity], list[PredNumber]]:
    surfaces: dict[int, list[str]] = {}
    # every part: a name the headline, the deck or a photo caption gives is a mention too
    for _start, _end, entity_id, _type, surface in index.mentions_in(article_id, part=None):
        forms = surfaces.setdefault(entity_id, [])
        if surface not in forms:
            forms.append(surface)
    entities = []
    if surfaces:
        ids = sorted(surfaces)
        marks = ",".join("?" * len(ids))
        aliases: dict[int, list[str]] = {}
        for eid, alias in index.db.execute(f"SELECT entity_id, alias FROM aliases WHERE entity_id IN ({marks})", ids):
            aliases.setdefault(eid, []).append(alias)
        for eid, name, etype in index.db.execute(f"SELECT id, name, type FROM entities WHERE id IN ({marks})", ids):
            entities.append(PredEntity(eid, name, etype, sorted(aliases.get(eid, [])), surfaces[eid]))
    numbers = [PredNumber(n.raw, n.value, n.unit, n.counter, n.value_max) for n in index.numbers_in(article_id)]
    return entities, numbers


def evaluate(index, gold: dict[str, GoldArticle]) -> list[ArticleResult]:
    by_key = {gold_key(a.source): a.id for a in index.articles()}
    results = []
    for key, g in sorted(gold.items()):
        article_id = by_key.get(key)
        pred_e, pred_n = predictions(index, article_id) if article_id is not None else ([], [])
        detail = index.article(article_id) if article_id is not None else None
        results.append(ArticleResult(key, article_id, score_entities(g.entities, pred_e), score_numbers(g.numbers, pred_n),
                                     score_clean(g, detail)))
    return results


def build_index(db_path: Path, *, use_analyzer: bool, workers: int, corpus: list[Path] = CORPUS) -> float:
    from store.db import connect
    from store.indexer import index_paths

    started = time.perf_counter()
    db = connect(db_path, create=True)
    try:
        index_paths(db, corpus, workers=workers, use_analyzer=use_analyzer)
    finally:
        db.close()
    return time.perf_counter() - started


# --- report --------------------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def summary(results: list[ArticleResult]) -> dict:
    ent = sum((r.entities.prf for r in results), PRF(0, 0, 0))
    num = sum((r.numbers.prf for r in results), PRF(0, 0, 0))
    pairs = sum(len(r.entities.pairs) for r in results)
    npairs = sum(len(r.numbers.pairs) for r in results)
    by_type: dict[str, list[int]] = {}
    for r in results:
        for g in r.entities.missed:
            by_type.setdefault(g.type, [0, 0])[1] += 1
        for g, _p in r.entities.pairs:
            by_type.setdefault(g.type, [0, 0])[0] += 1
            by_type[g.type][1] += 1
    meta_fields: dict[str, list[int]] = {}
    furniture = [0, 0]  # left, annotated
    captions = [0, 0, 0]  # left in body, moved to captions, annotated
    for r in results:
        if r.clean is None:
            continue
        for name, (_g, _p, right) in r.clean.meta.items():
            counts = meta_fields.setdefault(name, [0, 0])
            counts[0] += right
            counts[1] += 1
        furniture[0] += len(r.clean.furniture_left)
        furniture[1] += r.clean.furniture
        captions[0] += len(r.clean.captions_left)
        captions[1] += r.clean.captions_moved
        captions[2] += r.clean.captions
    right, present = sum(c[0] for c in meta_fields.values()), sum(c[1] for c in meta_fields.values())
    return {
        "metadata": {"right": right, "present": present, "share": round(right / present, 4) if present else None,
                     "by_field": {n: {"right": c[0], "present": c[1]} for n, c in meta_fields.items()}},
        "bodies": {"furniture_left": furniture[0], "furniture": furniture[1], "captions_left": captions[0],
                   "captions_moved": captions[1], "captions": captions[2],
                   "articles_with_leftovers": sum(1 for r in results if r.clean and (r.clean.furniture_left or r.clean.captions_left))},
        "entities": ent.as_dict() | {
            "type_accuracy": round(sum(r.entities.type_correct for r in results) / pairs, 4) if pairs else None,
            "recall_by_type": {t: {"found": f, "gold": n, "recall": round(f / n, 4)} for t, (f, n) in sorted(by_type.items())},
        },
        "numbers": num.as_dict() | {
            "counter_accuracy": round(sum(r.numbers.counter_correct for r in results) / npairs, 4) if npairs else None,
            "range_accuracy": round(sum(r.numbers.range_correct for r in results) / npairs, 4) if npairs else None,
        },
    }


def to_json(results: list[ArticleResult], meta: dict) -> dict:
    articles = []
    for r in results:
        e, n = r.entities, r.numbers
        articles.append({
            "article": r.key,
            "article_id": r.article_id,
            "entities": e.prf.as_dict() | {
                "type_correct": e.type_correct,
                "missed": [asdict(g) for g in e.missed],
                "false_positives": [{"name": p.name, "type": p.type, "surfaces": p.surfaces, "duplicates": dup}
                                    for p, dup in e.false_positives],
                "wrong_type": [{"name": g.name, "gold": g.type, "predicted": p.type} for g, p in e.pairs if g.type != p.type],
            },
            "metadata": {k: {"gold": g, "predicted": p, "right": ok} for k, (g, p, ok) in r.clean.meta.items()} if r.clean else {},
            "furniture_left": r.clean.furniture_left if r.clean else [],
            "captions_left": r.clean.captions_left if r.clean else [],
            "numbers": n.prf.as_dict() | {
                "missed": [asdict(g) for g in n.missed],
                "false_positives": [asdict(p) for p in n.false_positives],
                "wrong_counter": [{"raw": g.raw, "gold": g.counter, "predicted": p.counter}
                                  for g, p in n.pairs if (g.counter or None) != (p.counter or None)],
                "wrong_range": [{"raw": g.raw, "gold": g.value_max, "predicted": p.value_max}
                                for g, p in n.pairs if not _same_max(g.value_max, p.value_max)],
            },
        })
    return {"meta": meta, "overall": summary(results), "articles": articles}


def _counts(d: dict) -> str:
    return f"{d['tp']}/{d['predicted']}/{d['gold']}"


def _fmt_value(v: float) -> str:
    return f"{v:.6g}"


def render(results: list[ArticleResult], meta: dict) -> str:
    lines = [
        f"hanscope extraction eval · {meta['date']} · {meta['machine']} · analyzer {'on' if meta['analyzer'] else 'off'}"
        f" · index {meta['index_seconds']:.1f} s",
        "",
        f"{'article':34} {'ent P':>6} {'ent R':>6} {'ent F1':>6} {'tp/pred/gold':>13} {'type':>5}   "
        f"{'num P':>6} {'num R':>6} {'num F1':>6} {'tp/pred/gold':>13}",
    ]
    for r in results:
        e, n = r.entities.prf, r.numbers.prf
        name = r.key if r.article_id is not None else r.key + " (NOT INDEXED)"
        lines.append(
            f"{name[:34]:34} {_pct(e.precision):>6} {_pct(e.recall):>6} {_pct(e.f1):>6} "
            f"{f'{e.tp}/{e.predicted}/{e.gold}':>13} {r.entities.type_correct:>2}/{len(r.entities.pairs):<2}  "
            f"{_pct(n.precision):>6} {_pct(n.recall):>6} {_pct(n.f1):>6} {f'{n.tp}/{n.predicted}/{n.gold}':>13}"
        )
    s = summary(results)
    e, n = s["entities"], s["numbers"]
    type_acc = "n/a" if e["type_accuracy"] is None else f"{100 * e['type_accuracy']:.1f}%"
    lines += [
        "",
        f"{'micro-average':34} {_pct(e['precision']):>6} {_pct(e['recall']):>6} {_pct(e['f1']):>6} "
        f"{_counts(e):>13}        "
        f"{_pct(n['precision']):>6} {_pct(n['recall']):>6} {_pct(n['f1']):>6} {_counts(n):>13}",
        f"entity type accuracy (matched pairs): {type_acc}",
        "entity recall by type: " + ", ".join(
            f"{t} {v['found']}/{v['gold']}" for t, v in e["recall_by_type"].items()),
    ]
    m, b = s["metadata"], s["bodies"]
    if m["present"]:
        lines.append(f"metadata: {m['right']}/{m['present']} fields right ("
                     + ", ".join(f"{k} {v['right']}/{v['present']}" for k, v in m["by_field"].items()) + ")")
    if b["furniture"] or b["captions"]:
        lines.append(f"bodies: {b['furniture_left']}/{b['furniture']} furniture or byline snippets left, "
                     f"{b['captions_left']}/{b['captions']} captions left in the body ({b['captions_moved']} moved to captions), "
                     f"{b['articles_with_leftovers']} articles with leftovers")
    if n["counter_accuracy"] is not None:
        lines.append(f"number counter agreement: {100 * n['counter_accuracy']:.1f}%, "
                     f"range (value_max) agreement: {100 * n['range_accuracy']:.1f}%")
    lines += ["", "details (- missed, + false positive, ~ wrong type/counter/range):"]
    for r in results:
        detail = []
        for g in r.entities.missed:
            detail.append(f"  - entity {g.name} ({g.type})")
        for p, dup in r.entities.false_positives:
            why = f"duplicate of {dup}" if dup else "not in gold"
            detail.append(f"  + entity {p.name} ({p.type}) as {'/'.join(p.surfaces)} — {why}")
        for g, p in r.entities.pairs:
            if g.type != p.type:
                detail.append(f"  ~ entity {g.name}: type {p.type}, gold {g.type}")
        for g in r.numbers.missed:
            detail.append(f"  - number {g.raw} = {_fmt_value(g.value)} {g.unit}")
        for p in r.numbers.false_positives:
            detail.append(f"  + number {p.raw} = {_fmt_value(p.value)} {p.unit}{' ' + p.counter if p.counter else ''}")
        for g, p in r.numbers.pairs:
            if (g.counter or None) != (p.counter or None):
                detail.append(f"  ~ number {g.raw}: counter {p.counter}, gold {g.counter}")
            if not _same_max(g.value_max, p.value_max):
                detail.append(f"  ~ number {g.raw}: value_max {p.value_max}, gold {g.value_max}")
        if r.clean is not None:
            for name, (g, p, right) in r.clean.meta.items():
                if not right:
                    detail.append(f"  ~ {name}: {p!r}, gold {g!r}")
            detail += [f"  = furniture left: {f}" for f in r.clean.furniture_left]
            detail += [f"  = caption left in body: {c}" for c in r.clean.captions_left]
        if detail:
            lines.append(r.key)
            lines += detail
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the full report as JSON")
    parser.add_argument("--analyzer", action="store_true",
                        help="also use the Kiwi analyzer (as `hanscope index --analyzer`); default: rules and alias file")
    parser.add_argument("--workers", type=int, default=0, help="extraction worker processes (0 = in-process)")
    parser.add_argument("--gold", type=Path, default=GOLD_DIR, help="folder of gold files (default: bench/gold)")
    parser.add_argument("--corpus", type=Path, action="append",
                        help="file or folder to index (repeatable; default: seeds/ and bench/gold_articles/)")
    args = parser.parse_args(argv)
    corpus = args.corpus or CORPUS
    for path in [args.gold, *corpus]:
        if not path.exists():
            parser.error(f"{path} does not exist")

    from store.api import Index

    gold = load_gold(args.gold)
    if not gold:
        parser.error(f"no gold files (*.json) in {args.gold}")
    with tempfile.TemporaryDirectory(prefix="hanscope-eval-") as tmp:
        db_path = Path(tmp) / "eval.db"
        seconds = build_index(db_path, use_analyzer=args.analyzer, workers=args.workers, corpus=corpus)
        index = Index.open(db_path, readonly=True)
        try:
            results = evaluate(index, gold)
        finally:
            index.close()
    meta = {"date": date.today().isoformat(), "machine": f"{platform.machine()} {_cores()}-core, Python {platform.python_version()}",
            "analyzer": args.analyzer, "index_seconds": round(seconds, 2), "articles": len(results)}
    if args.json:
        print(json.dumps(to_json(results, meta), ensure_ascii=False, indent=2))
    else:
        print(render(results, meta))
    return 0


def _cores() -> int:
    import os

    return os.cpu_count() or 1


if __name__ == "__main__":
    sys.exit(main())
