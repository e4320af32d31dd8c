"""Files -> Documents: find the files to read, decode them and split structured files into records.

Nothing here guesses at article structure: text files go through as they are, HTML is reduced to its
article text plus the metadata the page states, JSON/JSONL records keep their fields as `meta`.
"""
from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .decode import decode_bytes, sanitize
from ..model import Document, InputError

SUPPORTED = {".txt", ".md", ".html", ".htm", ".json", ".jsonl"}
MAX_FILE_BYTES = 20 * 1024 * 1024
MIB = 1024 * 1024


# --- finding files -------------------------------------------------------------------------------


def discover(paths: list[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Supported files under `paths` (files or folders, recursive), sorted, each real file once.

    Hidden files and folders are skipped; a folder reached twice (symlink loop) is walked once.
    Returns (files, problems): a problem is (path, reason) for a named file we cannot use or a folder
    we cannot read. Unsupported files inside folders are skipped silently.
    """
    files, problems = discover_files(paths)
    return [Path(shown) for _, shown in files], problems


def discover_files(paths: list[Path]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """As discover(), each file as (its real path, the path as the user will see it): what the indexer keys
    files by, without resolving each path again (a re-run over a million unchanged files is mostly this walk)."""
    found: dict[str, str] = {}  # real path -> path as the user will see it
    problems: list[tuple[str, str]] = []
    walked: set[str] = set()
    for given in paths:
        path = Path(given)
        try:
            if path.is_dir():
                _walk(path, found, problems, walked)
            elif path.is_file():
                if _not_utf8(str(path)):
                    problems.append((_shown(str(path)), NOT_UTF8))
                elif path.suffix.lower() in SUPPORTED:
                    found.setdefault(os.path.realpath(path), str(path))
                else:
                    problems.append((str(path), _unsupported(path)))
            elif path.is_symlink():
                problems.append((str(path), "broken link"))
            elif not path.exists():
                problems.append((str(path), "not found"))
            else:
                problems.append((str(path), "not a regular file or folder"))
        except OSError as err:
            problems.append((str(path), f"cannot read: {err.strerror or err}"))
    return sorted(found.items(), key=lambda item: _path_order(item[1])), problems


NOT_UTF8 = "its name is not valid UTF-8: rename the file to index it"


def _not_utf8(path: str) -> bool:
    """A name the file system gave as bytes that are not UTF-8 (Python keeps them as lone surrogates, which neither
    SQLite nor a terminal takes: `hanscope index` stopped with an internal error)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _shown(path: str) -> str:
    """The path with its undecodable bytes as U+FFFD, to be printed."""
    return os.fsencode(path).decode("utf-8", "replace")


def _path_order(shown: str):
    """Path's own order (by parts), without making a Path of each of a million names: the parts joined by NUL,
    which sorts below every character a name can hold, so two keys compare as their lists of parts would. A string,
    not the list: sorting a million paths holds every key at once (a list of parts each took ~250 MB more)."""
    if os.sep == "/" and not os.altsep:
        parts = shown.split("/")
        if parts[0] == "":  # an absolute path: Path's first part is "/"
            parts[0] = "/"
        return "\0".join([p for i, p in enumerate(parts) if p or i == 0])
    return Path(shown)


def _unsupported(path: Path) -> str:
    kind = f"'{path.suffix}'" if path.suffix else "without an extension"
    return f"unsupported file type {kind} (supported: {' '.join(sorted(SUPPORTED))})"


def _walk(top: Path, found: dict[str, str], problems: list[tuple[str, str]], walked: set[str]) -> None:
    stack = [top]
    while stack:
        folder = stack.pop()
        real = os.path.realpath(folder)
        if real in walked:
            continue
        walked.add(real)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as err:
            problems.append((str(folder), f"cannot read folder: {err.strerror or err}"))
            continue
        subfolders: list[Path] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_dir():
                    subfolders.append(Path(entry.path))
                elif os.path.splitext(entry.name)[1].lower() in SUPPORTED:
                    if _not_utf8(entry.path):  # the index and every report hold paths as UTF-8 text
                        problems.append((_shown(entry.path), NOT_UTF8))
                    elif entry.is_file():
                        # a file that is not a link is where its folder really is: no realpath (an lstat per
                        # component of the path) for each of a million files
                        key = os.path.realpath(entry.path) if entry.is_symlink() else os.path.join(real, entry.name)
                        # one string for both where they are equal (most files): a million paths held once
                        found.setdefault(key, key if key == entry.path else entry.path)
                    elif not entry.is_symlink() or os.path.exists(entry.path):
                        # a FIFO or device named x.txt: opening it could block forever
                        problems.append((entry.path, "not a regular file"))
                    else:
                        problems.append((entry.path, "broken link"))
            except OSError as err:
                problems.append((entry.path, f"cannot read: {err.strerror or err}"))
        stack.extend(reversed(subfolders))


# --- reading one file ----------------------------------------------------------------------------


def read_documents(path: Path) -> tuple[list[Document], list[str]]:
    """The documents in one file plus warnings about records that were skipped.

    Raises InputError when the file as a whole is unusable (too big, binary, undecodable, empty,
    invalid JSON, no usable record).
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(_unsupported(path))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputError(f"file too large ({size / MIB:.1f} MiB; the limit is {MAX_FILE_BYTES // MIB} MiB)")
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read: {err.strerror or err}") from None
    text = sanitize(decode_bytes(data))
    if not text.strip():
        raise InputError("no text in file (only blank lines)")
    source = str(path)
    if suffix in (".html", ".htm"):
        return [_html_document(source, text)], []
    if suffix == ".json":
        return _json_documents(source, text)
    if suffix == ".jsonl":
        return _records_to_documents(source, _jsonl_records(text), "line")
    if suffix == ".md":
        text = _markdown_to_text(text)
    return [Document(source=source, text=text, kind="text")], []


_MD_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")


def _markdown_to_text(text: str) -> str:
    """Markdown markup that would otherwise show up as debris; images go, link texts stay."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub(r"\1", text)
    return _MD_EMPHASIS.sub(r"\2", text)


# --- HTML ----------------------------------------------------------------------------------------

DROP_TAGS = (
    "script", "style", "nav", "header", "footer", "aside", "form", "iframe", "noscript",
    "template", "svg", "canvas", "button", "select", "textarea", "object", "embed", "dialog",
)
BLOCK_TAGS = frozenset(
    "address article blockquote dd div dl dt fieldset figcaption figure h1 h2 h3 h4 h5 h6 hr li main "
    "ol p pre section table tbody thead tfoot tr td th ul".split()
)
# Where Korean news sites put the article body when there is no <article>
BODY_SELECTORS = (
    "[itemprop=articleBody]", "#articleBody", "#article_body", "#articleText", "#article-view-content-div",
    "#newsct_article", "#dic_area", "#news_body_id", ".article_body", ".article-body", ".news_body",
    ".article_txt", ".art_txt", ".view_con", "#articeBody",
)
MIN_ARTICLE_CHARS = 100  # an <article> shorter than this is a teaser card, not the story
DATE_SELECTORS = (
    'meta[property="article:published_time"]', 'meta[name="article:published_time"]',
    'meta[property="og:article:published_time"]', 'meta[itemprop="datePublished"]',
    "time[datetime]", 'meta[name="pubdate"]', 'meta[name="publishdate"]', 'meta[name="date"]',
    'meta[name="parsely-pub-date"]', 'meta[name="sailthru.date"]', 'meta[name="dc.date"]',
)
AUTHOR_SELECTORS = ('meta[property="article:author"]', 'meta[name="author"]', 'meta[property="dable:author"]')


MAX_HTML_DEPTH = 400  # lexbor is quadratic in nesting depth: 100k nested <div>s take ~27 s
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
_VOID_TAGS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
_BLOCK_TAGS = frozenset("p div br li tr h1 h2 h3 h4 h5 h6 article section blockquote figcaption table ul ol".split())
_DROP_BLOCKS = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>", re.I | re.S)


def _nesting_depth(text: str, limit: int) -> int:
    """How deep the tags nest (approximately, for a guard), stopping once past `limit`."""
    depth = deepest = 0
    for m in _TAG.finditer(text):
        closing, name, self_closing = m.groups()
        if closing:
            depth = max(0, depth - 1)
        elif not self_closing and name.lower() not in _VOID_TAGS:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
    return deepest


def _flat_html_text(text: str) -> str:
    """Text of a page too deeply nested to parse: block tags become line breaks, other tags vanish."""
    text = _DROP_BLOCKS.sub(" ", text)
    text = _TAG.sub(lambda m: "\n" if m.group(2).lower() in _BLOCK_TAGS else "", text)
    return sanitize(html.unescape(text))


def _html_document(source: str, text: str) -> Document:
    if _nesting_depth(text, MAX_HTML_DEPTH) > MAX_HTML_DEPTH:
        body = _flat_html_text(text)
        if not body.strip():
            raise InputError("no text in HTML page")
        return Document(source=source, text=body, kind="html", meta={})
    tree = LexborHTMLParser(text)
    meta = _html_meta(tree)
    for tag in DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    # entities such as &#27; decode to control characters only now: sanitize again
    body = sanitize(_html_text(_main_node(tree))) if tree.body is not None else ""
    if not body.strip():
        raise InputError("no text in HTML page")
    return Document(source=source, text=body, kind="html", meta=meta)


def _html_meta(tree: LexborHTMLParser) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    outlet = _attr(tree, 'meta[property="og:site_name"]', "content")
    if outlet:
        meta["outlet"] = outlet
    title = _attr(tree, 'meta[property="og:title"]', "content") or _node_text(tree, "h1")
    if not title:
        title = _node_text(tree, "title")
        if title and not outlet:  # "헤드라인 | 언론사": without og:site_name the tail is the only outlet hint
            title = re.sub(r"\s+(?:\||-|::)\s+[^|:]{1,20}$", "", title)
    if title and outlet:
        title = re.sub(rf"\s*(?:\||-|::|:|·)\s*{re.escape(outlet)}\s*$", "", title)
    if title:
        meta["title"] = title
    for selector in DATE_SELECTORS:
        date = _attr(tree, selector, "datetime" if selector.startswith("time") else "content")
        if date:
            meta["date"] = date
            break
    url = _attr(tree, 'link[rel="canonical"]', "href") or _attr(tree, 'meta[property="og:url"]', "content")
    if url:
        meta["url"] = url
    for selector in AUTHOR_SELECTORS:
        reporters = reporter_names(_attr(tree, selector, "content"))
        if reporters:
            meta["reporters"] = reporters
            break
    return meta


def _attr(tree: LexborHTMLParser, selector: str, name: str) -> str | None:
    node = tree.css_first(selector)
    value = node.attributes.get(name) if node is not None else None
    return _one_line(sanitize(value)) if value else None


def _node_text(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    return _one_line(sanitize(node.text(deep=True))) if node is not None else None


def _one_line(value: str) -> str:
    return " ".join(value.split())


def _main_node(tree: LexborHTMLParser) -> LexborNode:
    """The node that holds the story: the biggest <article>, a known body container, or the largest text block."""
    articles = [(len(node.text(deep=True).strip()), node) for node in tree.css("article")]
    if articles:
        size, node = max(articles, key=lambda pair: pair[0])
        if size >= MIN_ARTICLE_CHARS:
            return node
    for selector in BODY_SELECTORS:
        node = tree.css_first(selector)
        if node is not None and len(node.text(deep=True).strip()) >= MIN_ARTICLE_CHARS:
            return node
    return _largest_text_block(tree) or tree.body


def _largest_text_block(tree: LexborHTMLParser) -> LexborNode | None:
    """The element whose own text plus its paragraph children's text is largest.

    Scoring direct text and direct <p> children (not all descendants) keeps the page wrapper from
    winning just because it contains everything.
    """
    best, best_score = None, 0
    for node in tree.body.traverse():
        score = 0
        for child in node.iter(include_text=True):
            if child.tag == "-text":
                score += len((child.text_content or "").strip())
            elif child.tag in ("p", "blockquote", "h2", "h3", "h4", "figcaption"):
                score += len(child.text(deep=True).strip())
        if score > best_score:
            best, best_score = node, score
    return best


def _html_text(root: LexborNode) -> str:
    """Visible text of `root` with a line break per <br> and a blank line between blocks."""
    parts: list[str] = []
    stack: list[tuple[LexborNode | None, bool]] = [(root, False)]  # (node, inside <pre>); None = block end
    while stack:
        node, in_pre = stack.pop()
        if node is None:
            parts.append("\n\n")
            continue
        tag = node.tag
        if tag == "-text":
            content = node.text_content or ""
            parts.append(content if in_pre else re.sub(r"[ \t\r\n\f]+", " ", content))
            continue
        if tag == "br":
            parts.append("\n")
            continue
        if tag in ("img", "-comment"):
            continue
        is_block = tag in BLOCK_TAGS
        if is_block:
            parts.append("\n\n")
            stack.append((None, in_pre))
        children = list(node.iter(include_text=True))
        stack.extend((child, in_pre or tag == "pre") for child in reversed(children))
    lines = [line.strip() for line in "".join(parts).split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_HTML_TAG = re.compile(r"<(?:p|br|div|span|a|img|strong|em|b|i|figure|figcaption|h[1-6]|ul|ol|li|table)\b[^>]*>", re.I)
_HTML_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


def _fragment_text(text: str) -> str:
    """A JSON body that carries HTML markup or entities, as plain text."""
    if _HTML_TAG.search(text):
        tree = LexborHTMLParser(f"<body>{text}</body>")
        for tag in DROP_TAGS:
            for node in tree.css(tag):
                node.decompose()
        return _html_text(tree.body) if tree.body is not None else ""
    if _HTML_ENTITY.search(text):
        return html.unescape(text)
    return text


# --- JSON / JSONL --------------------------------------------------------------------------------

BODY_KEYS = ("body", "text", "content", "article")
TITLE_KEYS = ("title", "headline")
SUBTITLE_KEYS = ("subtitle", "subheadline")
DATE_KEYS = ("date", "published", "published_at", "datetime")
OUTLET_KEYS = ("outlet", "source", "press", "publisher")
URL_KEYS = ("url", "link")
REPORTER_KEYS = ("reporters", "reporter", "authors", "author", "byline")


def _json_documents(source: str, text: str) -> tuple[list[Document], list[str]]:
    try:
        data = json.loads(text)
    except RecursionError:
        raise InputError("JSON nested too deeply") from None
    except json.JSONDecodeError as err:
        if err.msg == "Extra data":  # one object per line in a .json file: read it as JSONL
            return _records_to_documents(source, _jsonl_records(text), "line")
        raise InputError(f"invalid JSON: {err.msg} (line {err.lineno}, column {err.colno})") from None
    if isinstance(data, dict) and not _pick(data, BODY_KEYS):
        nested = next((v for v in data.values() if isinstance(v, list) and any(isinstance(x, dict) for x in v)), None)
        if nested is not None:  # {"articles": [...]}
            data = nested
    if isinstance(data, dict):
        return _records_to_documents(source, [(1, data, None)], "record")
    if isinstance(data, list):
        records = [
            (n, item, None if isinstance(item, dict) else "not a JSON object")
            for n, item in enumerate(data, start=1)
        ]
        return _records_to_documents(source, records, "record")
    raise InputError("JSON holds neither a record nor a list of records")


def _jsonl_records(text: str) -> list[tuple[int, Any, str | None]]:
    records: list[tuple[int, Any, str | None]] = []
    for n, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError:
            records.append((n, None, "invalid JSON"))
            continue
        except RecursionError:
            records.append((n, None, "JSON nested too deeply"))
            continue
        records.append((n, item, None if isinstance(item, dict) else "not a JSON object"))
    return records


def _records_to_documents(
    source: str, records: list[tuple[int, Any, str | None]], unit: str
) -> tuple[list[Document], list[str]]:
    """Documents for the good records, a warning for each bad one; InputError if none is good.

    `n` (the record's place in the list, or its line in a JSONL file) names the record in
    Document.source, so a skipped record never shifts the names of the others.
    """
    documents: list[Document] = []
    warnings: list[str] = []
    for n, item, problem in records:
        if problem is None:
            body, meta = _record_fields(item)
            if body.strip():
                documents.append(Document(source=f"{source}#{n}", text=body, kind="json", meta=meta))
                continue
            problem = f"no body ({'/'.join(BODY_KEYS)})"
        warnings.append(f"{unit} {n}: {problem}, skipped")
    if not documents:
        if not warnings:
            raise InputError("no records in file")
        more = f" (and {len(warnings) - 1} more)" if len(warnings) > 1 else ""
        raise InputError(f"no usable record: {warnings[0]}{more}")
    return documents, warnings


def _pick(record: dict[str, Any], keys: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): v for k, v in record.items()}
    for key in keys:
        value = lowered.get(key)
        if value not in (None, "", [], {}):
            return value
    return None


def _record_fields(record: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    body = _pick(record, BODY_KEYS)
    if isinstance(body, list):
        body = "\n\n".join(str(part) for part in body if part is not None)
    body_text = sanitize(_fragment_text(str(body))) if body is not None else ""
    meta: dict[str, Any] = {}
    outlet = _pick(record, OUTLET_KEYS)
    url = _pick(record, URL_KEYS)
    if isinstance(outlet, dict):  # {"source": {"id": ..., "name": "..."}}
        outlet = outlet.get("name")
    if isinstance(outlet, str) and re.match(r"https?://", outlet.strip()):
        url, outlet = url or outlet, None
    for key, value in (
        ("title", _pick(record, TITLE_KEYS)),
        ("subtitle", _pick(record, SUBTITLE_KEYS)),
        ("date", _pick(record, DATE_KEYS)),
        ("outlet", outlet),
        ("url", url),
    ):
        if value is None or isinstance(value, (dict, list)):
            continue
        text = sanitize(html.unescape(str(value))).strip()
        if key != "subtitle":
            text = _one_line(text)
        if text:
            meta[key] = text
    reporters = reporter_names(_pick(record, REPORTER_KEYS))
    if reporters:
        meta["reporters"] = reporters
    return body_text, meta


_REPORTER_SPLIT = re.compile(r"\s*(?:[,·ㆍ/;&]|\band\b|\n)\s*")
_REPORTER_TITLES = re.compile(r"\s*(?:선임|수석|전문|객원|인턴|수습)?(?:기자|특파원|에디터|논설위원)\s*$")
_EMAIL = re.compile(r"\S+@\S+")


def reporter_names(value: Any) -> list[str]:
    """Names from a reporters field: a list or a string like "홍길동·김철수 기자 hong@x.com"."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):  # {"name": "..."}
            item = item.get("name")
        if not isinstance(item, (str, int)) or re.match(r"\s*https?://", str(item)):
            continue
        text = _EMAIL.sub("", sanitize(str(item)))
        text = re.sub(r"[()\[\]<>]", " ", text)
        for part in _REPORTER_SPLIT.split(text):
            name = _REPORTER_TITLES.sub("", " ".join(part.split()))
            if name and name not in names:
                names.append(name)
    return names
