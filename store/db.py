"""The SQLite file: schema, opening rules and the errors a user sees when a file is not usable."""
from __future__ import annotations

import os
import sqlite3
import sys

from .textindex import NUMBER_STARTS, fts_rowid

SCHEMA_VERSION = 14  # 2: entity counts; 3: deck indexed with headline; 4: articles_newest; 5: numbers_value;
# 6: article_entities (and meta.resolver, read when present); 7: bridges across gaps in the full-text index,
# captions searched with the headline, articles.title_from and captions, copies kept as articles,
# near-duplicates, stories, mentions.part (in the headline, the deck or a caption); 8: full-text rowids in date
# order (textindex.fts_rowid), thousands separators no gap; 9: articles_id_outlet (an upgrade, see UPGRADES);
# 10: the search table's body column first (a 7.8 MB smaller search table at 5k: BENCHMARKS.md, "Index size"),
# mentions_article without start; 11: the search table's tags column (outlet terms; a 10 file is read as it is);
# 12: mentions compact (keyed by article, part a small integer, no surface, no index by entity: 25.8 MB of
# mentions and indexes at 5k -> 9.1; BENCHMARKS.md, "Round 14"), a re-index; 13: the search rows mark where a
# number starts (meta number_starts; textindex.NUMBER_MARK): a 12 file is read as it is, without marks, and its next
# index run writes its rows again; 13 keeps a 12 reader from writing unmarked rows into a file that has marks;
# 14: the search rows' headings kept apart too (HEADINGS): a 13 file is read as it is, ranked from the search table's
# title column, and gets the table at its next index run; 14 keeps a 13 writer from leaving it behind its search rows
APP_ID = "hanscope"
BUSY_TIMEOUT_MS = 10_000  # readers wait this long for a writer's commit instead of failing "database is locked"


class DatabaseError(Exception):
    """The database cannot be used; the message is one line that says why and what to do."""


# both FTS5 tables' tokenizer: index_grams' tokens whole (`_` marks bridges and numbers' starts, `%` is a letter)
_TOKENIZE = "tokenize=\"unicode61 remove_diacritics 0 tokenchars '_%'\""
# the search table (SCHEMA's last but one statement, its comment there): also made again by a file's rewrite
# (batch_writer.mark_number_starts), and in memory for a window's headings (store.window_headings)
SEARCH_TABLE = f"""CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(body, title, tags, content='',
    {_TOKENIZE});"""
# The search rows' headings and tags again, alone: FTS5 keeps one doclist of a term for all its columns, so a scan of
# the title column reads every body posting too (`title : …` over the newest hits' range: 7 of 28 ms for 2000억원 at
# 100k); here it reads headings only (~0.05x the corpus). Kept by batch_writer._search_rows with the search rows; a
# file made before it gets it at its next index run (batch_writer.write_headings) and is ranked from articles_fts
# until then (store.ranked_window)
HEADINGS = "headings_fts"
HEADINGS_TABLE = f"""CREATE VIRTUAL TABLE IF NOT EXISTS {HEADINGS} USING fts5(title, tags, content='',
    {_TOKENIZE});"""
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);  -- app, schema_version, link_*, resolver
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    hash TEXT,
    size INTEGER,
    mtime REAL,
    status TEXT NOT NULL,          -- ok | partial | failed
    error TEXT,
    indexed_at TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    source TEXT NOT NULL UNIQUE,
    title TEXT, subtitle TEXT, outlet TEXT, reporters TEXT NOT NULL DEFAULT '[]',
    date TEXT, date_text TEXT, url TEXT,
    title_from TEXT,                -- headline | meta | deck | lede
    captions TEXT NOT NULL DEFAULT '[]',  -- JSON list of photo captions, kept out of the body
    body TEXT NOT NULL,
    chars INTEGER NOT NULL,
    body_hash TEXT NOT NULL,
    linked INTEGER NOT NULL DEFAULT 0,  -- mentions are up to date with the entity set
    copy_of INTEGER REFERENCES articles(id) ON DELETE SET NULL,  -- the first article with the same body (store/stories.py)
    near_group INTEGER,            -- id of the first article of its near-duplicate group (its own id when alone)
    story INTEGER                  -- stories.id; NULL until the story step has placed it
);
CREATE INDEX IF NOT EXISTS articles_file ON articles(file_id);
CREATE INDEX IF NOT EXISTS articles_body_hash ON articles(body_hash);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story, coalesce(date, '9999'), id);  -- a story's articles in time order
CREATE INDEX IF NOT EXISTS articles_copy_of ON articles(copy_of) WHERE copy_of IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_near_group ON articles(near_group);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet);  -- outlet: filters read the names, then match them
CREATE INDEX IF NOT EXISTS articles_id_outlet ON articles(id, outlet);  -- the outlet facet: 40 bytes an article, not a 4 KB row
CREATE INDEX IF NOT EXISTS articles_newest ON articles(coalesce(date, '') DESC, id);  -- the app's start list, without a sort
CREATE TABLE IF NOT EXISTS paragraphs (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS numbers (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    paragraph INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    raw TEXT NOT NULL,
    value REAL NOT NULL, value_max REAL,
    unit TEXT NOT NULL, counter TEXT, qualifier TEXT, period TEXT,
    converts INTEGER REFERENCES numbers(id) ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS numbers_article ON numbers(article_id);
CREATE INDEX IF NOT EXISTS numbers_unit_value ON numbers(unit, value);
CREATE INDEX IF NOT EXISTS numbers_value ON numbers(value);  -- dropped by ADDITIONS no_numbers_value
CREATE TABLE IF NOT EXISTS candidates (      -- per-article proposals from the analyzer and rules
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT NOT NULL, type TEXT NOT NULL, aliases TEXT NOT NULL DEFAULT '[]',
    evidence TEXT NOT NULL, count INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS candidates_article ON candidates(article_id);
CREATE TABLE IF NOT EXISTS entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    origin TEXT NOT NULL,           -- alias-file | discovered | user
    mentions INTEGER NOT NULL DEFAULT 0,  -- counts kept by the linker, so lookups never count rows
    articles INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    norm TEXT NOT NULL,             -- hangul.normalize_name(alias): the exact-lookup key
    PRIMARY KEY (entity_id, alias)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_norm ON aliases(norm);
-- an entity named in an article: start/end index the text of its part, and that text there is the surface
-- (mention_texts shows it). Keyed by article (an article's mentions are one range: reading them, replacing them,
-- their article's delete), so no rowid and no second article index; ids are the linker's (meta mention_id).
-- No index by entity either: an entity's articles are its article_entities rows, whose mentions the drill-down
-- reads by key (store.drilldown); so entity_id has no foreign key (its cascade would scan the table for each
-- deleted entity): store.linking.rows deletes a dropped entity's mentions through its articles.
CREATE TABLE IF NOT EXISTS mentions (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    id INTEGER NOT NULL,
    entity_id INTEGER NOT NULL,         -- entities.id
    part INTEGER NOT NULL DEFAULT 0,    -- 0 body | 1 headline | 2 deck | 3 caption (store.articles.PART_CODES)
    paragraph INTEGER NOT NULL,         -- the body paragraph, or the caption's index (0 in a title or deck)
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    PRIMARY KEY (article_id, id)
) WITHOUT ROWID;
-- the mentions as they read (for sqlite3 and Datasette; hanscope itself slices the texts it has already read)
CREATE VIEW IF NOT EXISTS mention_texts AS SELECT m.id, m.entity_id, m.article_id,
    CASE m.part WHEN 0 THEN 'body' WHEN 1 THEN 'title' WHEN 2 THEN 'deck' ELSE 'caption' END AS part,
    m.paragraph, m.start, m."end", substr(CASE m.part WHEN 0 THEN a.body WHEN 1 THEN a.title WHEN 2 THEN a.subtitle
    ELSE a.captions ->> m.paragraph END, m.start + 1, m."end" - m.start) AS surface
    FROM mentions m JOIN articles a ON a.id = m.article_id;
CREATE TABLE IF NOT EXISTS article_entities (  -- mentions counted per article: drill-down lists and co-mentions
    -- columns in primary-key order: SQLite 3.40's integrity_check misreads a WITHOUT ROWID table whose key is not
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,  -- read 30x fewer rows than mentions
    recency INTEGER NOT NULL,      -- textindex.recency(article_id, date): the drill-down's order, newest first
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    mentions INTEGER NOT NULL,
    PRIMARY KEY (entity_id, recency, article_id)  -- an entity's newest articles: a range, not a sort of all of them
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_entities_article ON article_entities(article_id, entity_id, mentions);  -- covering: co-mentions read no table rows
CREATE TABLE IF NOT EXISTS signatures (      -- MinHash of each body (made at extraction; a copy's goes when placed): NUM_PERM uint32 values
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS lsh_bands (       -- the LSH index over the signatures: one key per band
    key INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (key, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS lsh_bands_article ON lsh_bands(article_id);
CREATE TABLE IF NOT EXISTS paragraph_docs (  -- distinct bodies holding each paragraph: boilerplate is left out of signatures
    key INTEGER PRIMARY KEY,
    docs INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS figure_days (     -- figures as stated (not conversions) by day: which articles of a week state one
    key INTEGER NOT NULL,          -- hash of unit, value and counter
    day INTEGER NOT NULL,          -- the article's date as a day number
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (key, day, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS figure_days_article ON figure_days(article_id);
CREATE TABLE IF NOT EXISTS stories (         -- one row per story, refreshed by the story step
    id INTEGER PRIMARY KEY,
    first_article INTEGER NOT NULL,
    first_date TEXT, last_date TEXT,
    articles INTEGER NOT NULL,
    outlets INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_biggest ON stories(articles DESC, coalesce(first_date, '') DESC, id);
CREATE TABLE IF NOT EXISTS edits (           -- user edits to entities, replayed after every re-link
    id INTEGER PRIMARY KEY,
    op TEXT NOT NULL,
    args TEXT NOT NULL,
    at TEXT NOT NULL DEFAULT (datetime('now'))
);
-- bigrams of headline+deck and body (store.textindex); `_` joins the bridge tokens that make spacing not matter and
-- opens a number's first pair, `%` is a letter (schema 13: a 12 file's table is made again at its next index run);
-- rowid = textindex.fts_rowid(articles.id, articles.date): date order, so a LIMIT stops the scan.
-- body before title: FTS5 marks every hit outside the first column with 2 bytes (a column switch), and almost
-- every hit is in the body; bm25's weights follow this order (store.search). tags: one token naming the outlet
-- (textindex.outlet_term), so `outlet:` is matched with the words; a file made before it has no tags and works
-- as it did (store.search checks)
""" + SEARCH_TABLE + "\n" + HEADINGS_TABLE + "\n"


def connect(path: str | os.PathLike[str], *, create: bool = False, readonly: bool = False) -> sqlite3.Connection:
    """Open a hanscope database (plain sqlite3: the query path stays light); raise DatabaseError with one clear line when it cannot be used."""
    path = os.fspath(path)  # os.path, not pathlib: the query path does without its import
    if not os.path.exists(path):
        if not create:
            raise DatabaseError(f"no index at {path}: build one with `hanscope index FOLDER --db {path}`")
        folder = os.path.dirname(os.path.abspath(path))
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as err:
            raise DatabaseError(f"cannot create {folder}: {err.strerror or err}") from None
    elif os.path.isdir(path):
        raise DatabaseError(f"{path} is a directory, not a hanscope database")
    # A read on read-only media fails with SQLITE_READONLY: SQLite cannot make the WAL index (-shm) next to
    # the file. Nothing can be writing there, so the second attempt reads the file as immutable.
    for uri_query in ("mode=ro" if readonly else None, "immutable=1"):
        try:
            if uri_query:
                from pathlib import Path

                conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?{uri_query}", uri=True, check_same_thread=False)
            else:
                conn = sqlite3.connect(path, check_same_thread=False)
        except sqlite3.Error as err:
            raise DatabaseError(f"cannot open {path}: {err}") from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            # an article's search row in SQL, for probes of a hit at its row (SearchPlan.article_probe_sql); made
            # here, as SQLite will not change a function while a statement is running
            conn.create_function("hanscope_search_row", 2, fts_rowid, deterministic=True)
            # In WAL mode NORMAL stays consistent after a crash or kill -9 (only the last commits before a power
            # loss may be lost) and spares an fsync per file: 4.4 s per 1000 files here.
            conn.execute("PRAGMA synchronous = NORMAL")
            _check_or_create(conn, path, create=create and not readonly)
            return conn
        except sqlite3.DatabaseError as err:
            conn.close()
            read_only = getattr(err, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_READONLY
            if create and read_only:
                raise DatabaseError(f"{path} is read-only (or its folder is): cannot index into it") from None
            if create or uri_query == "immutable=1" or not read_only:
                raise DatabaseError(f"{path} is not a usable hanscope database ({err})") from None
        except DatabaseError:
            conn.close()
            raise
    raise AssertionError("unreachable")


def _check_or_create(db: sqlite3.Connection, path: str, *, create: bool) -> None:
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables:
        if tables - {"sqlite_sequence"}:
            raise DatabaseError(f"{path} is an SQLite database but not a hanscope index")
        if not create:
            raise DatabaseError(f"{path} is empty: build it with `hanscope index FOLDER --db {path}`")
        _create(db)
        return
    # only the rows read here: the linker keeps large ones in meta too (~1.3 MB at 1M, 6 ms a connection)
    meta = dict(db.execute("SELECT key, value FROM meta WHERE key IN ('app', 'schema_version', 'additions')").fetchall())
    if meta.get("app") != APP_ID:
        raise DatabaseError(f"{path} is not a hanscope index")
    try:
        version = int(meta.get("schema_version", 0))
    except (TypeError, ValueError):
        raise DatabaseError(f"{path} has a damaged meta table (schema_version {meta.get('schema_version')!r})") from None
    if version > SCHEMA_VERSION:
        raise DatabaseError(f"{path} was written by a newer hanscope (schema {version}); upgrade hanscope")
    if all(v in UPGRADES for v in range(version, SCHEMA_VERSION)):  # only a chain that reaches today's schema
        while version < SCHEMA_VERSION and _upgrade(db, version):
            version += 1
    if version < SCHEMA_VERSION:  # indexing into it would fail the same way: the file has to go first
        raise DatabaseError(
            f"{path} uses an old schema ({version}): remove it, then rebuild with `hanscope index FOLDER --db {path}`"
        )
    if create:  # opened for indexing: the writer that benefits makes them (a reader never waits on one)
        _add_missing(db, meta)
    db.execute("PRAGMA foreign_keys = ON")


# Schema versions that the next one only adds to (an index), so an older file is brought up to date when opened
# instead of being refused: version -> the SQL that makes it the next version ('' when the newer code reads the
# older file as it is). 9 -> 10 reorders the search table's columns and 11 -> 12 the mentions table, which means
# re-indexing (8 -> 9 added articles_id_outlet; such a file is refused too). 10 -> 11 was '' (FTS5 cannot add a
# column: a 10 file kept a search table without tags, which store.search still reads, textindex.has_tags), but a
# 10 file reaches 12 only through a re-index now. 12 -> 13 is '': the search rows get their number marks at the file's
# next index run (batch_writer.mark_number_starts), and until then queries ask without them (textindex.number_starts).
# 13 -> 14 is '' too: the headings table is made at the file's next index run (batch_writer.write_headings).
UPGRADES: dict[int, str] = {12: "", 13: ""}


def _upgrade(db: sqlite3.Connection, version: int) -> bool:
    """Apply UPGRADES[version] in one transaction; False when the file cannot be written (the caller then refuses
    it as an old schema)."""
    try:
        db.executescript(f"BEGIN; {UPGRADES[version]} "
                         f"UPDATE meta SET value = '{version + 1}' WHERE key = 'schema_version'; COMMIT;")
    except sqlite3.OperationalError:  # read-only: a reader cannot add the index
        if db.in_transaction:
            db.rollback()
        return not UPGRADES[version]  # an upgrade that changes nothing needs no writing to read the file
    return True


# What the article_reporters triggers (ADDITIONS) do; an article's JSON that is no list of names adds none
_REPORTERS_OF_NEW = ("INSERT OR IGNORE INTO article_reporters SELECT replace(lower(value), ' ', ''), NEW.id "
                     "FROM json_each(CASE WHEN json_valid(NEW.reporters) THEN NEW.reporters ELSE '[]' END);")
_REPORTERS_OF_OLD = ("DELETE FROM article_reporters WHERE article_id = OLD.id AND reporter IN (SELECT replace(lower(value), ' ', '') "
                     "FROM json_each(CASE WHEN json_valid(OLD.reporters) THEN OLD.reporters ELSE '[]' END));")

_COUNT_REMOVED = "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'articles_removed';"
_MOVE_TOTAL = "UPDATE meta SET value = CAST(value AS INTEGER) {} 1 WHERE key = 'articles_total';"
_COUNT_NUMBER = ("INSERT INTO number_unit_counts VALUES (NEW.unit, 1) ON CONFLICT(unit) DO UPDATE SET n = n + 1; "
                 "INSERT INTO article_number_counts VALUES (NEW.article_id, 1) "
                 "ON CONFLICT(article_id) DO UPDATE SET n = n + 1;")
_UNCOUNT_NUMBER = ("UPDATE number_unit_counts SET n = n - 1 WHERE unit = OLD.unit; "
                   "DELETE FROM number_unit_counts WHERE unit = OLD.unit AND n <= 0; "
                   "UPDATE article_number_counts SET n = n - 1 WHERE article_id = OLD.article_id; "
                   "DELETE FROM article_number_counts WHERE article_id = OLD.article_id AND n <= 0;")
_COUNT_UNIT_ARTICLE = ("INSERT INTO unit_article_counts VALUES (NEW.unit, NEW.article_id, 1) "
                       "ON CONFLICT(unit, article_id) DO UPDATE SET n = n + 1;")
_UNCOUNT_UNIT_ARTICLE = ("UPDATE unit_article_counts SET n = n - 1 WHERE unit = OLD.unit AND article_id = OLD.article_id; "
                         "DELETE FROM unit_article_counts WHERE unit = OLD.unit AND article_id = OLD.article_id AND n <= 0;")
# The batch writer counts its own numbers a batch at a time (store.batch_writer): it writes this meta row in its
# transaction, so the insert triggers leave those rows to it; no other connection ever sees the row.
WRITER_COUNTS_NUMBERS = "numbers_counted_by_writer"
_UNLESS_WRITER_COUNTS = f"WHEN NOT EXISTS (SELECT 1 FROM meta WHERE key = '{WRITER_COUNTS_NUMBERS}')"


# Indexes added to a schema in place, without a new version: a file without them answers every query the same,
# only slower, so readers never need them and older code still reads a file that has them (hence no version
# bump). Made when a file is created or opened for indexing (connect(create=True)); meta `additions` lists
# the ones a file has, so opening it checks one row. Whoever uses one asks has_index() first (store.stories).
ADDITIONS: dict[str, str] = {
    # the story step's placing reads date, near_group, story and copy_of of ~87 candidates per new article:
    # from the index, not from rows where they sit after the body (2.0 s of 2.3 s CPU adding 1,000 at 100k)
    "articles_placing": "CREATE INDEX IF NOT EXISTS articles_placing ON articles(id, story, date, near_group, copy_of)",
    # every term the search table holds (or held): a one-letter word is the OR of the terms that start with it
    # (store.search_terms.one_letter_terms; `c*` marks a letter whose terms FTS5 may spell otherwise: a prefix then).
    # The writer adds the terms of the rows it adds; a file made before reads FTS5's vocabulary once (10 s at 100k)
    "search_terms": "CREATE TABLE IF NOT EXISTS search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID; "
                    "CREATE VIRTUAL TABLE temp.search_vocab USING fts5vocab(main, 'articles_fts', 'col'); "
                    "INSERT OR IGNORE INTO search_terms SELECT term FROM temp.search_vocab WHERE col != 'tags'; "
                    "DROP TABLE temp.search_vocab",
    # each article's reporters as rows, as `by:` compares them (lowercased, no spaces): `by:` read every article's
    # JSON list, one 4 KB row at a time, newest first (at 1M `by:한민` took 2.1 s to fill its first page).
    # Triggers keep the rows with the articles whoever writes them; a file made before fills them once.
    "article_reporters": (
        "CREATE TABLE IF NOT EXISTS article_reporters (reporter TEXT NOT NULL, article_id INTEGER NOT NULL, "
        "PRIMARY KEY (reporter, article_id)) WITHOUT ROWID; "
        f"CREATE TRIGGER IF NOT EXISTS article_reporters_added AFTER INSERT ON articles BEGIN {_REPORTERS_OF_NEW} END; "
        f"CREATE TRIGGER IF NOT EXISTS article_reporters_removed AFTER DELETE ON articles BEGIN {_REPORTERS_OF_OLD} END; "
        "CREATE TRIGGER IF NOT EXISTS article_reporters_changed AFTER UPDATE OF reporters ON articles "
        f"BEGIN {_REPORTERS_OF_OLD} {_REPORTERS_OF_NEW} END; "
        "INSERT OR IGNORE INTO article_reporters SELECT replace(lower(r.value), ' ', ''), a.id "
        "FROM articles a, json_each(CASE WHEN json_valid(a.reporters) THEN a.reporters ELSE '[]' END) r"
    ),
    # an outlet's articles newest first: `outlet:뉴시스` alone sorted the outlet's every article by date for a page
    # (15.9 ms at 100k, 4,328 rows read), and with an @entity or by: probed them all; now a range of this index
    # (1.9 ms). Replaces articles(outlet) of SCHEMA, whose look-ups by name (store.outlet_codes, outlets()) it serves
    "articles_outlet_newest": (
        "CREATE INDEX IF NOT EXISTS articles_outlet_newest ON articles(outlet, coalesce(date, '') DESC, id); "
        "DROP INDEX IF EXISTS articles_outlet"
    ),
    # the numbers by unit and counter, largest first, and the ranges (3~5조) by value and by how far they reach: a
    # page of the numbers table, or a query's amount, reads about its own rows (store.number_table) instead of
    # sorting a unit's every number (1.3-2.4 s at 100k); replaces numbers(unit, value) of SCHEMA (made, then dropped,
    # in a new file: SCHEMA is fingerprinted per version), which served the same filters
    "numbers_by_group": (
        "CREATE INDEX IF NOT EXISTS numbers_unit_counter ON numbers(unit, counter, value); "
        "CREATE INDEX IF NOT EXISTS numbers_ranges ON numbers(unit, counter, value_max, value) WHERE value_max IS NOT NULL; "
        "CREATE INDEX IF NOT EXISTS numbers_ranges_value ON numbers(unit, counter, value, value_max) "
        "WHERE value_max IS NOT NULL; "
        "DROP INDEX IF EXISTS numbers_unit_value"
    ),
    # the numbers by value alone, across units: every page and count of the numbers table reads its groups' ranges
    # (numbers_by_group, store.number_table), and each number added was a page written at random in it (5,018 of
    # the 56,844 pages that adding 1,000 articles to 100k writes; 481 MB of the 1M file). Dropped, in a new file too
    "no_numbers_value": "DROP INDEX IF EXISTS numbers_value",
    # how many times an article was removed or given another outlet: an open index's outlet table
    # (store.outlet_codes) extends itself after another connection's commit while this stays the same, instead of
    # reading all of it again (~0.6 s at 1M for each facet asked while `hanscope index` adds articles beside the app)
    "articles_removed": (
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('articles_removed', '0'); "
        f"CREATE TRIGGER IF NOT EXISTS articles_removed_count AFTER DELETE ON articles BEGIN {_COUNT_REMOVED} END; "
        "CREATE TRIGGER IF NOT EXISTS articles_outlet_changed AFTER UPDATE OF outlet ON articles "
        f"WHEN OLD.outlet IS NOT NEW.outlet BEGIN {_COUNT_REMOVED} END"
    ),
    # the number of articles, kept whoever writes them (article_total): counting them read an index of every
    # article, 42 ms at 1M before the app's start list could paint (and at the end of every `hanscope index`)
    "articles_total": (
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('articles_total', (SELECT count(*) FROM articles)); "
        f"CREATE TRIGGER IF NOT EXISTS articles_total_added AFTER INSERT ON articles BEGIN {_MOVE_TOTAL.format('+')} END; "
        f"CREATE TRIGGER IF NOT EXISTS articles_total_removed AFTER DELETE ON articles BEGIN {_MOVE_TOTAL.format('-')} END"
    ),
    # the numbers counted by unit and by article, kept whoever writes them: the numbers screen's frequency view
    # counted every number for them (32.5M at 1M: 2.2 s by unit and 2.5 s by article warm, 9.9 s by unit cold);
    # the articles with the most, read from the largest (1M rows scanned and sorted: 147-180 ms; this way 6 ms).
    # A file made before counts them once (a GROUP BY each)
    "number_counts": (
        "CREATE TABLE IF NOT EXISTS number_unit_counts (unit TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID; "
        "CREATE TABLE IF NOT EXISTS article_number_counts (article_id INTEGER PRIMARY KEY, n INTEGER NOT NULL); "
        "CREATE INDEX IF NOT EXISTS article_number_counts_largest ON article_number_counts(n DESC, article_id); "
        f"CREATE TRIGGER IF NOT EXISTS numbers_counted AFTER INSERT ON numbers BEGIN {_COUNT_NUMBER} END; "
        f"CREATE TRIGGER IF NOT EXISTS numbers_uncounted AFTER DELETE ON numbers BEGIN {_UNCOUNT_NUMBER} END; "
        "INSERT OR REPLACE INTO number_unit_counts SELECT unit, count(*) FROM numbers GROUP BY unit; "
        "INSERT OR REPLACE INTO article_number_counts SELECT article_id, count(*) FROM numbers GROUP BY article_id"
    ),
    # ... and by article within a unit, the frequency view of a table filtered to one unit: it counted the unit's
    # every number (KRW at 100k, 1.1M of them: 2.0 s; ten times that at 1M). A new article's rows come last in each
    # unit's range of either index, so adding them writes a few pages per unit, not a page per row
    "unit_article_counts": (
        "CREATE TABLE IF NOT EXISTS unit_article_counts (unit TEXT NOT NULL, article_id INTEGER NOT NULL, "
        "n INTEGER NOT NULL, PRIMARY KEY (unit, article_id)) WITHOUT ROWID; "
        "CREATE INDEX IF NOT EXISTS unit_article_counts_largest ON unit_article_counts(unit, n DESC, article_id); "
        f"CREATE TRIGGER IF NOT EXISTS numbers_counted_in_unit AFTER INSERT ON numbers BEGIN {_COUNT_UNIT_ARTICLE} END; "
        f"CREATE TRIGGER IF NOT EXISTS numbers_uncounted_in_unit AFTER DELETE ON numbers BEGIN {_UNCOUNT_UNIT_ARTICLE} END; "
        "INSERT OR REPLACE INTO unit_article_counts SELECT unit, article_id, count(*) FROM numbers GROUP BY unit, article_id"
    ),
    # the two insert triggers above, each a statement per number and count table (an upsert, its "largest" index
    # entry moved at every +1: 22 of the 28 µs a number cost to insert), step aside while the batch writer counts
    # its numbers once per article and unit (store.batch_writer); any other writer is counted by them as before
    "numbers_counted_by_batch": (
        "DROP TRIGGER IF EXISTS numbers_counted; DROP TRIGGER IF EXISTS numbers_counted_in_unit; "
        f"CREATE TRIGGER numbers_counted AFTER INSERT ON numbers {_UNLESS_WRITER_COUNTS} BEGIN {_COUNT_NUMBER} END; "
        f"CREATE TRIGGER numbers_counted_in_unit AFTER INSERT ON numbers {_UNLESS_WRITER_COUNTS} "
        f"BEGIN {_COUNT_UNIT_ARTICLE} END"
    ),
}


def article_total(conn) -> int:
    """How many articles the index holds: meta `articles_total` where the file keeps it (ADDITIONS), else counted."""
    if getattr(conn, "backend", "sqlite") == "sqlite":
        kept = conn.execute("SELECT value FROM meta WHERE key = 'articles_total'").fetchone()
        if kept is not None:
            return int(kept[0])
    return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


def _add_missing(db: sqlite3.Connection, meta: dict[str, str]) -> None:
    """Make the ADDITIONS this file lacks, in one transaction, best effort: a file that cannot take them now
    (read-only, another writer holding it past the busy timeout) works without them and gets them next time."""
    have = set(filter(None, (meta.get("additions") or "").split(",")))
    missing = [name for name in ADDITIONS if name not in have]
    if not missing:
        return
    try:
        db.executescript("BEGIN; " + "".join(ADDITIONS[name] + "; " for name in missing)  # names are ours, not a user's
                         + f"INSERT OR REPLACE INTO meta(key, value) VALUES ('additions', '{','.join(sorted(have | set(missing)))}'); "
                         + "COMMIT;")
    except sqlite3.OperationalError:
        if db.in_transaction:
            db.rollback()


def has_index(conn, name: str, kind: str = "index") -> bool:
    """Whether an SQLite index (or table) exists (an ADDITIONS one may not, in a file opened read-only); False on
    PostgreSQL, whose planner picks its indexes itself."""
    if getattr(conn, "backend", "sqlite") != "sqlite":
        return False
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?", [kind, name]).fetchone() is not None


def _create(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA journal_mode = WAL")  # readers keep working while an index runs
    db.execute("PRAGMA foreign_keys = ON")
    # One transaction: a half-made schema is never left behind (the meta row is what marks it complete).
    db.executescript(
        "BEGIN;"
        + SCHEMA
        + "".join(sql + ";" for sql in ADDITIONS.values())
        + f"INSERT OR REPLACE INTO meta(key, value) VALUES ('app', '{APP_ID}'), ('schema_version', '{SCHEMA_VERSION}'), "
        + f"('additions', '{','.join(sorted(ADDITIONS))}'), ('compacted_at', '0'), ('{NUMBER_STARTS}', '1');"
        + "COMMIT;"
    )


def data_dir() -> str:
    """The platform's user data directory for hanscope (what platformdirs' user_data_dir gives, without its
    ~30 ms import on every query): the default index, the search history."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser(r"~\AppData\Local")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME", "").strip() or os.path.expanduser("~/.local/share")
    return os.path.join(base, "hanscope")


def default_db_path() -> str:
    """$HANSCOPE_DB, else index.db in the user data directory."""
    env = os.environ.get("HANSCOPE_DB")
    if env:
        return os.path.expanduser(env)
    return os.path.join(data_dir(), "index.db")
