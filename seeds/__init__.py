"""The bundled demo corpus: five Korean news articles on the AI industry, indexed by a first bare `hanscope`."""
from pathlib import Path


def folder() -> Path:
    return Path(__file__).parent
