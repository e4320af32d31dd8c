"""An entity edit in words: its own module so that listing the edits (store.edits) does not import the linker and
the extraction rules behind it (~250 ms, the first time the edits screen opened)."""
from __future__ import annotations

import json


def describe_edit(op: str, args: dict) -> str:
    """An edit in words, for people (`renamed 과학기술정보통신부 to 과기정통부`), never the stored op name."""
    words = {
        "merge": "merged {from} into {into}",
        "rename": "renamed {entity} to {name}",
        "retype": "made {entity} a {type}",
        "alias-add": "added {alias} as a name of {entity}",
        "alias-remove": "removed the name {alias} from {entity}",
        "split": "split {alias} off {entity} as an entity of its own",
        "delete": "deleted {entity}",
        "define": "defined {name} ({type})",
    }
    try:
        return words[op].format(**args)
    except (KeyError, IndexError):
        return f"{op} {json.dumps(args, ensure_ascii=False)}"
