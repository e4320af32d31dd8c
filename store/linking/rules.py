"""Which matching rules made an index's mentions: a digest of the code that decides where a mention is.

A link re-matches only what an entity change reaches, so a change of the rules themselves (a new word-edge rule,
한국형 no longer naming 한국) left old mentions as they were until a full re-link. The link records this digest
(meta `link_rules`); when the code's differs, the next run finds every article's mentions again, once.

The digest is of the modules' syntax trees without docstrings: editing a comment, a docstring or the layout does
not cost a re-link of every article; changing a pattern, a word list or a branch does.
"""
from __future__ import annotations

import ast
import hashlib
import importlib.util
from functools import cache

RULES_KEY = "link_rules"  # meta: rules_version() of the code that last matched every linked article
SOURCES_KEY = "link_rules_sources"  # meta: sources_digest() of that code, the quicker look

# The modules whose code decides the mentions an article gets from an entity set: the matcher and its word
# lists, particle stripping, the short names an article's mentions allow (store.extract.short_names), and which texts
# of an article are matched (store.linking.matching).
MATCHER_MODULES = ("store.extract.matching", "store.extract.short_names", "store.extract.lexicon", "store.extract.hangul",
                   "store.linking.matching", "store.extract.rules_places")


def code_digest(source: str) -> str:
    """A digest of Python source that ignores comments, docstrings and layout."""
    tree = ast.parse(source)
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body
                and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                and isinstance(body[0].value.value, str)):
            node.body = body[1:] or [ast.Pass()]
    return hashlib.blake2b(ast.dump(tree, include_attributes=False).encode(), digest_size=8).hexdigest()


def rules_digest(sources: dict[str, str]) -> str:
    """One digest for the modules' sources (name -> source)."""
    digest = hashlib.blake2b(digest_size=16)
    for name in sorted(sources):
        digest.update(f"{name}\t{code_digest(sources[name])}\n".encode())
    return digest.hexdigest()


@cache
def _sources() -> dict[str, str]:
    sources = {}
    for name in MATCHER_MODULES:
        spec = importlib.util.find_spec(name)
        try:
            sources[name] = spec.loader.get_source(name) or ""  # type: ignore[union-attr]
        except (AttributeError, ImportError, OSError):  # no source shipped: its version stands in for it
            sources[name] = ""
    return sources


@cache
def sources_digest() -> str | None:
    """A digest of the modules' sources byte for byte (3 ms, against rules_version's syntax trees: 75 ms here), or
    None where one is not shipped. The same bytes are the same rules, so a link records it beside rules_version
    (meta SOURCES_KEY) and the next run compares it first."""
    sources = _sources()
    if not all(sources.values()):
        return None
    digest = hashlib.blake2b(digest_size=16)
    for name in sorted(sources):
        digest.update(f"{name}\t{len(sources[name])}\n{sources[name]}".encode())
    return digest.hexdigest()


def rules_unchanged(recorded_rules: str | None, recorded_sources: str | None) -> bool:
    """Whether the recorded rules (meta RULES_KEY, SOURCES_KEY) are this install's."""
    if recorded_sources is not None and recorded_sources == sources_digest():
        return True
    return recorded_rules == rules_version()


@cache
def rules_version() -> str:
    """The digest of this install's matching rules (computed once a process: 75 ms here)."""
    sources = _sources()
    if not all(sources.values()):
        from importlib.metadata import PackageNotFoundError, version

        try:
            return "hanscope " + version("hanscope")
        except PackageNotFoundError:
            return "unknown"
    return rules_digest(sources)
