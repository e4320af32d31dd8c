"""One file in, everything extracted out: read -> clean -> numbers + entity candidates. No database here.

`extract_file` runs in worker processes during indexing (the analyzer is built once per worker), or
in-process for small jobs; the indexer only writes what it returns.
"""
from __future__ import annotations

import hashlib
import os
import threading
import time
from functools import cache
from dataclasses import dataclass, field
from pathlib import Path

from .model import Amount, Article, Candidate, InputError
from .textindex import index_grams

# Cleaning and numbers compile ~0.4 s of patterns at import: they load where files are extracted (the workers, or a
# small job in-process), not in an indexer that only writes what its workers return (ExtractedFile, the grams).


@dataclass(slots=True)
class ExtractedArticle:
    article: Article
    body_hash: str
    numbers: list[tuple[int, Amount]]  # (paragraph index, amount with body offsets)
    candidates: list[Candidate]
    # the FTS5 token strings of (headline + deck + captions, body), made here so that worker processes do it
    grams: tuple[str, str] | None = None
    # the body's MinHash over all its paragraphs (minhash.body_signature, NUM_PERM uint32 values), or None when
    # it is too short to sign: made here too, so the single-threaded story step only looks up and scores
    signature: bytes | None = None


@dataclass(slots=True)
class ExtractedFile:
    path: str
    articles: list[ExtractedArticle] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


def body_hash(body: str) -> str:
    return hashlib.blake2b(body.encode("utf-8"), digest_size=16).hexdigest()


def heading_grams(title: str | None, subtitle: str | None, captions: list[str], starts: bool = True) -> str:
    """The search text of an article's headline, deck and photo captions: all rank above the body (`starts`: with
    numbers' starts marked, as every file indexed now has them: textindex.number_starts)."""
    return index_grams("\n".join([title or "", subtitle or "", *captions]), starts)


def article_grams(article: Article) -> tuple[str, str]:
    """What the search index holds for an article: (heading tokens, body tokens)."""
    return heading_grams(article.title, article.subtitle, article.captions), index_grams(article.body)


def numbers_by_paragraph(article: Article) -> list[tuple[int, Amount]]:
    """Numbers found paragraph by paragraph (a number never spans two), offsets moved into the body."""
    from .extract.numbers import parse_numbers

    found: list[tuple[int, Amount]] = []
    for idx, (start, end) in enumerate(article.paragraphs):
        base = len(found)
        for amount in parse_numbers(article.body[start:end]):
            amount.start += start
            amount.end += start
            if amount.converts is not None:
                amount.converts += base
            found.append((idx, amount))
    return found


class Extractor:
    """Reads and extracts files; holds the (costly) analyzer when one is used."""

    def __init__(self, use_analyzer: bool = False) -> None:
        self._discoverer = None
        if use_analyzer:
            from .extract.entities import shared_discoverer

            self._discoverer = shared_discoverer()

    def candidates(self, article: Article) -> list[Candidate]:
        if self._discoverer is None:
            from .extract.entities import rule_candidates

            return rule_candidates(article)
        return self._discoverer.discover(article)

    def extract_file(self, path: str) -> ExtractedFile:
        from .ingest.clean import clean
        from .ingest.readers import read_documents

        result = ExtractedFile(path=path)
        try:
            documents, result.warnings = read_documents(Path(path))
        except InputError as err:
            result.error = str(err)
            return result
        except OSError as err:
            result.error = f"cannot read: {err.strerror or err}"
            return result
        for doc in documents:
            try:
                article = clean(doc)
            except InputError as err:
                result.warnings.append(f"{_record_label(doc.source)}{err}")
                continue
            result.articles.append(
                ExtractedArticle(
                    article=article,
                    body_hash=body_hash(article.body),
                    numbers=numbers_by_paragraph(article),
                    candidates=self.candidates(article),
                    grams=article_grams(article),
                    signature=_signature(article.body),
                )
            )
        if not result.articles and result.error is None:
            result.error = result.warnings[0] if len(result.warnings) == 1 else "no article text found"
            if len(result.warnings) == 1:
                result.warnings = []
        return result


def _signature(body: str) -> bytes | None:
    from .minhash import body_signature  # numpy: loaded once per worker, at its first article

    sig = body_signature(body)
    return sig.tobytes() if sig is not None else None


def _record_label(source: str) -> str:
    return f"record {source.rsplit('#', 1)[1]}: " if "#" in source else ""


@cache
def shared_extractor(use_analyzer: bool) -> Extractor:
    """One extractor per process: the analyzer costs seconds and ~0.5 GB to build."""
    return Extractor(use_analyzer)


# --- worker-process entry points (spawn start method: each worker builds its own analyzer) ---

_worker_extractor: Extractor | None = None


def worker_init(use_analyzer: bool) -> None:
    global _worker_extractor
    _exit_with_parent()
    _worker_extractor = Extractor(use_analyzer)


def link_worker_init(quiet: bool = False) -> None:
    """A worker that only finds mentions (an entity edit's re-match, store.linking.pool): no extractor to build.
    `quiet`: its output goes nowhere (started from the app, whose screen is the terminal it inherited)."""
    _exit_with_parent()
    if quiet:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)


def _exit_with_parent() -> None:
    """A worker whose indexer was killed (kill -9 leaves no time to stop the pool) ends within a second: it would
    otherwise wait forever on a queue whose other end it holds itself."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def worker_extract(path: str) -> ExtractedFile:
    assert _worker_extractor is not None, "worker_init was not run"
    return _worker_extractor.extract_file(path)
