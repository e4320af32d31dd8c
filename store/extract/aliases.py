"""The alias file: parsing it, loading the shipped one, and the lookups discovery makes in it."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from .hangul import normalize_name
from ..model import ENTITY_TYPES, Candidate, InputError
from .lexicon import _is_hangul

ALIAS_FILE = Path(__file__).resolve().parent.parent / "data" / "aliases.tsv"

def parse_alias_lines(text: str, origin: str = "alias-file") -> list[Candidate]:
    """Entities from alias-file text: type<TAB>name<TAB>alias|alias; # comments, blank lines skipped."""
    found: list[Candidate] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.rstrip("\r\n").split("\t")
        if len(parts) < 2 or len(parts) > 3:
            raise InputError(f"line {number}: expected type<TAB>name<TAB>aliases, got {line.strip()!r}")
        type_, name = parts[0].strip(), parts[1].strip()
        if type_ not in ENTITY_TYPES:
            raise InputError(f"line {number}: unknown type {type_!r} (one of {', '.join(ENTITY_TYPES)})")
        if not name:
            raise InputError(f"line {number}: the name is empty")
        aliases = [a.strip() for a in (parts[2] if len(parts) == 3 else "").split("|") if a.strip()]
        found.append(Candidate(name=name, type=type_, aliases=aliases, evidence=origin))
    return found


@cache
def _alias_file_text(path: str, mtime: float) -> str:
    return Path(path).read_text(encoding="utf-8-sig")


def alias_file_digest() -> str:
    """A digest of the shipped alias file as this process reads it: an upgrade that brings a larger file is
    noticed by the next index run (store.linker.needs_link), even when no article changed."""
    try:
        text = _alias_file_text(str(ALIAS_FILE), ALIAS_FILE.stat().st_mtime)
    except OSError:
        return "missing"
    return hashlib.blake2b(text.encode(), digest_size=8).hexdigest()


def load_alias_file(path: str | Path | None = None) -> list[Candidate]:
    """The entities of an alias file (the shipped one by default), evidence "alias-file"."""
    file = Path(path) if path else ALIAS_FILE
    return parse_alias_lines(_alias_file_text(str(file), file.stat().st_mtime))


@dataclass(slots=True)
class _Known:
    """Alias-file lookups used by discovery: normalized surface -> (canonical name, type), and the
    near-miss index that lets a typo (삼셩전자) join the entity it misspells."""

    by_key: dict[str, tuple[str, str]] = field(default_factory=dict)
    surfaces: dict[str, list[str]] = field(default_factory=dict)  # canonical name -> every surface
    # a Hangul key with one syllable blanked (삼?전자) -> the keys that fill it (삼성전자)
    near: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def from_candidates(cls, entities: Iterable[Candidate]) -> "_Known":
        known = cls()
        for c in entities:
            known.surfaces[c.name] = [c.name, *c.aliases]
            for surface in (c.name, *c.aliases):
                key = normalize_name(surface)
                if known.by_key.setdefault(key, (c.name, c.type)) != (c.name, c.type):
                    continue
                if _typo_prone(key):
                    for i in range(len(key)):
                        known.near.setdefault(key[:i] + "?" + key[i + 1 :], []).append(key)
        return known

    def get(self, surface: str) -> tuple[str, str] | None:
        return self.by_key.get(_key(surface))

    def type_of(self, surface: str) -> str | None:
        hit = self.get(surface)
        return hit[1] if hit else None

    def near_miss(self, surface: str) -> tuple[str, str] | None:
        """The one known entity the surface misspells by a single jamo (삼셩전자 -> 삼성전자), if any.
        Only Hangul-only names of 3+ syllables: shorter ones (삼성/삼상) and Latin ones (LG/LS) are
        too often distinct names; a name listed in the file (삼성전기) is never a near miss."""
        key = normalize_name(surface)
        if key in self.by_key or not _typo_prone(key):
            return None
        found = {
            self.by_key[other]
            for i in range(len(key))
            for other in self.near.get(key[:i] + "?" + key[i + 1 :], ())
            if _one_jamo_apart(key[i], other[i])
        }
        return found.pop() if len(found) == 1 else None


@lru_cache(maxsize=1 << 16)
def _key(surface: str) -> str:
    """normalize_name, cached: discovery asks about the same words many times per article."""
    return normalize_name(surface)


def _typo_prone(key: str) -> bool:
    return len(key) >= 3 and all(_is_hangul(c) for c in key)


def _one_jamo_apart(a: str, b: str) -> bool:
    """Two syllables that differ in exactly one of initial, vowel and final (셩/성, 전/저, 자/차)."""
    x, y = ord(a) - 0xAC00, ord(b) - 0xAC00
    parts_x = (x // 588, x % 588 // 28, x % 28)
    parts_y = (y // 588, y % 588 // 28, y % 28)
    return sum(p != q for p, q in zip(parts_x, parts_y)) == 1
