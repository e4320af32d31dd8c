"""The entity set: the shipped alias file + candidates with enough evidence, merged wherever two share an alias, with
the user's edits (merge, rename, retype, alias add/remove, split, delete, define) replayed on top."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from operator import itemgetter

from ..extract.entities import load_alias_file
from ..extract.hangul import normalize_name
from ..model import ENTITY_TYPES

EDIT_OPS = ("merge", "rename", "retype", "alias-add", "alias-remove", "split", "delete", "define")


class EditError(ValueError):
    """An entity edit that cannot apply (unknown name, bad type); one line for the user."""


class NothingToChange(EditError):
    """An entity edit that would leave every entity as it is (merging an entity into itself, renaming it to
    its name, adding an alias it has): one line for the user, and nothing is stored."""


@dataclass
class Spec:
    name: str
    type: str
    origin: str
    aliases: set[str] = field(default_factory=set)
    votes: Counter = field(default_factory=Counter)

    def surfaces(self) -> set[str]:
        return {self.name, *self.aliases}



class EntitySet:
    """Entities keyed by the normalized form of every surface they own."""

    def __init__(self) -> None:
        self.specs: list[Spec] = []
        self.by_key: dict[str, Spec] = {}

    def find(self, surface: str) -> Spec | None:
        return self.by_key.get(normalize_name(surface))

    def require(self, surface: str) -> Spec:
        spec = self.find(surface)
        if spec is None:
            raise EditError(f"no entity named {surface!r}")
        return spec

    def add(self, name: str, type_: str, aliases, origin: str) -> Spec:
        """Add surfaces; fold them into an existing entity that already owns one of them."""
        surfaces = [s for s in (name, *aliases) if normalize_name(s)]
        owners = []
        for s in surfaces:
            owner = self.by_key.get(normalize_name(s))
            if owner is not None and owner not in owners:
                owners.append(owner)
        if owners:
            spec = owners[0]
            for other in owners[1:]:
                if other.origin == "alias-file" and spec.origin == "alias-file":
                    continue  # the shipped file keeps its distinct entities distinct (삼성 vs 삼성전자)
                self._absorb(spec, other)
        else:
            spec = Spec(name=name, type=type_, origin=origin)
            self.specs.append(spec)
        for s in surfaces:
            key = normalize_name(s)
            owner = self.by_key.setdefault(key, spec)
            # every spelling the entity owns reaches the matcher: 도이치 텔레콤 beside 도이치텔레콤 lets the
            # text write the space (a space between two Hangul words matches only where a spelling has one)
            if owner is spec and s != spec.name:
                spec.aliases.add(s)
        spec.votes[type_] += 1
        return spec

    def _absorb(self, into: Spec, other: Spec) -> None:
        for s in other.surfaces():
            self.by_key[normalize_name(s)] = into
            if s != into.name:
                into.aliases.add(s)
        into.votes.update(other.votes)
        self.specs.remove(other)

    def remove(self, spec: Spec) -> None:
        for s in spec.surfaces():
            if self.by_key.get(normalize_name(s)) is spec:
                del self.by_key[normalize_name(s)]
        self.specs.remove(spec)

    def drop_alias(self, spec: Spec, alias: str) -> None:
        key = normalize_name(alias)
        spec.aliases = {a for a in spec.aliases if normalize_name(a) != key}
        if self.by_key.get(key) is spec:
            del self.by_key[key]

    # --- user edits -------------------------------------------------------------------------------

    def apply(self, op: str, args: dict) -> None:
        if op == "merge":
            into, other = self.require(args["into"]), self.require(args["from"])
            if into is other:
                raise NothingToChange(f"{args['into']!r} and {args['from']!r} are already one entity ({into.name}): nothing merged")
            self._absorb(into, other)
        elif op == "rename":
            spec = self.require(args["entity"])
            new = args["name"].strip()
            owner = self.find(new)
            if owner is not None and owner is not spec:
                raise EditError(f"{new!r} already names another entity: merge them instead")
            if new == spec.name:
                raise NothingToChange(f"{spec.name!r} is already the entity's name: nothing renamed")
            spec.aliases.add(spec.name)
            spec.aliases.discard(new)
            spec.name = new
            self.by_key[normalize_name(new)] = spec
            spec.origin = "user"
        elif op == "retype":
            if args["type"] not in ENTITY_TYPES:
                raise EditError(f"unknown type {args['type']!r}: one of {', '.join(ENTITY_TYPES)}")
            spec = self.require(args["entity"])
            if spec.type == args["type"]:
                raise NothingToChange(f"{spec.name!r} is already a {spec.type}: nothing retyped")
            spec.type = args["type"]
            spec.votes = Counter({args["type"]: 1_000_000})
        elif op == "alias-add":
            spec = self.require(args["entity"])
            owner = self.find(args["alias"])
            if owner is spec:
                raise NothingToChange(f"{args['alias']!r} already names {spec.name!r}: no alias added")
            if owner is not None and owner is not spec:
                self.drop_alias(owner, args["alias"])
            spec.aliases.add(args["alias"])
            self.by_key[normalize_name(args["alias"])] = spec
        elif op in ("alias-remove", "split"):
            spec = self.require(args["entity"])
            if normalize_name(args["alias"]) == normalize_name(spec.name):
                raise EditError(f"{args['alias']!r} is the entity's name: rename it first")
            if self.find(args["alias"]) is not spec:
                raise NothingToChange(f"{args['alias']!r} is not an alias of {spec.name!r}: nothing removed")
            self.drop_alias(spec, args["alias"])
            if op == "split":
                self.add(args["alias"], args.get("type") or spec.type, [], "user").type = args.get("type") or spec.type
        elif op == "delete":
            self.remove(self.require(args["entity"]))
        elif op == "define":
            known = self.find(args["name"])
            if known is not None and known.type == args["type"] and all(
                self.find(a) is known for a in args.get("aliases", [])
            ):
                raise NothingToChange(f"{args['name']!r} is already a {known.type} with those aliases: nothing defined")
            spec = self.add(args["name"], args["type"], args.get("aliases", []), "user")
            spec.type = args["type"]
            spec.votes = Counter({args["type"]: 1_000_000})
        else:
            raise EditError(f"unknown edit {op!r}")

    def settle_types(self) -> None:
        for spec in self.specs:
            if spec.votes and spec.origin != "alias-file":
                spec.type = _most_common(spec.votes)


def qualifies(evidence: set[str], count: int, articles: int) -> bool:
    """A discovered name becomes an entity with a rule/bracket hit, or when the analyzer saw it twice."""
    return bool(evidence - {"analyzer"}) or count >= 2 or articles >= 2


def _most_common(counts: dict[str, int]) -> str:
    """What Counter(counts).most_common(1)[0][0] gives (the first of the largest, in the dict's order), without
    making a Counter for each of the ~14k groups a link reads at 100k."""
    return max(counts.items(), key=itemgetter(1))[0]


def entity_set_from(conn, groups: dict[str, list]) -> EntitySet:
    """The set from the candidates grouped by name (store.linking.candidates) and the stored edits."""
    entities = EntitySet()
    for c in load_alias_file():
        spec = entities.add(c.name, c.type, c.aliases, "alias-file")
        spec.type = c.type
    for name, types, aliases, evidence, count, articles in groups.values():
        if qualifies(set(evidence), count, articles):
            entities.add(name, _most_common(types), sorted(aliases), "discovered")
    entities.settle_types()
    for op, args in conn.execute("SELECT op, args FROM edits ORDER BY id"):
        try:
            entities.apply(op, json.loads(args))
        except EditError:
            pass  # an edit whose target no longer exists after re-indexing has nothing to act on
    return entities


def signature(entities: EntitySet) -> str:
    digest = hashlib.blake2b(digest_size=16)
    for spec in sorted(entities.specs, key=lambda s: s.name):
        digest.update(f"{spec.name}\t{spec.type}\t{'|'.join(sorted(spec.aliases))}\n".encode())
    return digest.hexdigest()

