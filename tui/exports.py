"""Result exports: CSV a spreadsheet will not run as formulas (UTF-8 with BOM), JSON, TSV for the clipboard, and
where they are written (or the .zip a browser downloads)."""
from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime
from pathlib import Path

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell) -> str:
    """A CSV cell a spreadsheet will not run as a formula: a leading ' before = + - @ (and tab/CR)."""
    value = "" if cell is None else str(cell)
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([neutralise(h) for h in header])
    writer.writerows([[neutralise(c) for c in row] for row in rows])
    return out.getvalue()


def to_tsv(header: list[str], rows: list[list]) -> str:
    """Tab-separated lines for the clipboard; tabs and newlines inside cells become spaces."""
    line = lambda cells: "\t".join(re.sub(r"[\t\r\n]+", " ", "" if c is None else str(c)) for c in cells)  # noqa: E731
    return "\n".join([line(header), *(line(r) for r in rows)]) + "\n"


def default_export_dir() -> Path:
    """Where exports go unless the user says otherwise: $HANSCOPE_EXPORTS, else ~/Downloads if there is one,
    else the home folder (never wherever the app happened to be started)."""
    import os

    configured = os.environ.get("HANSCOPE_EXPORTS")
    if configured:
        return Path(configured).expanduser()
    downloads = Path.home() / "Downloads"
    return downloads if downloads.is_dir() else Path.home()


def export_stem(folder: Path, name: str) -> Path:
    """`folder`/hanscope-`name`-<time>, the path an export proposes (without its .csv / .json)."""
    stem = re.sub(r"[^\w가-힣.-]+", "_", name).strip("_")[:60] or "export"
    return folder / f"hanscope-{stem}-{datetime.now():%Y%m%d-%H%M%S}"


def export_files(header: list[str], rows: list[list]) -> tuple[bytes, bytes]:
    """The bytes of an export's .csv and .json."""
    records = [dict(zip(header, row)) for row in rows]
    # the BOM makes spreadsheets read UTF-8 Korean
    return (to_csv(header, rows).encode("utf-8-sig"),
            json.dumps(records, ensure_ascii=False, indent=2).encode("utf-8"))


def export(stem: Path, header: list[str], rows: list[list]) -> tuple[Path, Path]:
    """Write `stem`.csv and `stem`.json (making the folder); returns both paths."""
    stem.parent.mkdir(parents=True, exist_ok=True)
    csv_path, json_path = stem.with_name(stem.name + ".csv"), stem.with_name(stem.name + ".json")
    csv_bytes, json_bytes = export_files(header, rows)
    csv_path.write_bytes(csv_bytes)
    json_path.write_bytes(json_bytes)
    return csv_path, json_path


def export_zip(name: str, header: list[str], rows: list[list]) -> bytes:
    """One .zip holding `name`.csv and `name`.json: what a browser downloads (a page may start one download per
    key press; a second would be stopped as a pop-up)."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for suffix, data in zip((".csv", ".json"), export_files(header, rows)):
            archive.writestr(name + suffix, data)
    return out.getvalue()
