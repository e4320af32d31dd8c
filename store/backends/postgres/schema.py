"""The PostgreSQL schema: store.db's tables, with the full-text index as a tsvector of character bigrams.

Text columns sort with the "C" collation: byte order, as SQLite sorts, so lists tied on a count come out in the
same order on both backends whatever locale the server was created with. Counts are `integer`, so sums of them
stay integers (a bigint sum would be numeric). `articles_fts` keeps SQLite's name and `rowid` column, so the
query side's SQL reads the same; its `tsv` holds the bigrams of store.textindex with their positions (see
fulltext.py), under a GIN index.
"""
from __future__ import annotations

from ...db import APP_ID, SCHEMA_VERSION, DatabaseError

T = 'text COLLATE "C"'

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key {T} PRIMARY KEY, value text);
CREATE TABLE IF NOT EXISTS files (
    id serial PRIMARY KEY,
    path {T} NOT NULL UNIQUE,
    hash text, size bigint, mtime double precision,
    status text NOT NULL, error text, indexed_at text,
    claimed_by text            -- the indexing session working on it (queue.py); NULL when done or never claimed
);
CREATE INDEX IF NOT EXISTS files_queued ON files(path) WHERE status = 'queued';  -- the indexing queue
CREATE TABLE IF NOT EXISTS articles (
    id serial PRIMARY KEY,
    file_id integer NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    source {T} NOT NULL UNIQUE,
    title {T}, subtitle {T}, outlet {T}, reporters text NOT NULL DEFAULT '[]',
    date {T}, date_text {T}, url text,
    title_from text,
    captions text NOT NULL DEFAULT '[]',
    body text NOT NULL,
    chars integer NOT NULL,
    body_hash text NOT NULL,
    linked integer NOT NULL DEFAULT 0,
    copy_of integer REFERENCES articles(id) ON DELETE SET NULL,
    near_group integer,
    story integer
);
CREATE INDEX IF NOT EXISTS articles_file ON articles(file_id);
CREATE INDEX IF NOT EXISTS articles_body_hash ON articles(body_hash);
CREATE INDEX IF NOT EXISTS articles_story ON articles(story, coalesce(date, '9999'), id);
CREATE INDEX IF NOT EXISTS articles_copy_of ON articles(copy_of) WHERE copy_of IS NOT NULL;
CREATE INDEX IF NOT EXISTS articles_near_group ON articles(near_group);
CREATE INDEX IF NOT EXISTS articles_newest ON articles((coalesce(date, '')) DESC, id);
CREATE INDEX IF NOT EXISTS articles_id_outlet ON articles(id, outlet);  -- as SQLite's: see ADDITIONS
CREATE INDEX IF NOT EXISTS articles_unlinked ON articles(id) WHERE linked = 0;
CREATE INDEX IF NOT EXISTS articles_id_heading ON articles(id) INCLUDE (title, source, date);  -- see ADDITIONS
CREATE TABLE IF NOT EXISTS paragraphs (
    article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx integer NOT NULL, start integer NOT NULL, "end" integer NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE IF NOT EXISTS numbers (
    id serial PRIMARY KEY,
    article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    paragraph integer NOT NULL, start integer NOT NULL, "end" integer NOT NULL,
    raw {T} NOT NULL,
    value double precision NOT NULL, value_max double precision,
    unit {T} NOT NULL, counter {T}, qualifier {T}, period {T},
    converts integer REFERENCES numbers(id) ON DELETE SET NULL
);
CREATE INDEX IF NOT EXISTS numbers_article ON numbers(article_id);
CREATE INDEX IF NOT EXISTS numbers_unit_value_id ON numbers(unit, value, id);  -- with the id: see ADDITIONS
CREATE INDEX IF NOT EXISTS numbers_value_id ON numbers(value, id);
CREATE TABLE IF NOT EXISTS candidates (
    article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name {T} NOT NULL, type text NOT NULL, aliases text NOT NULL DEFAULT '[]',
    evidence text NOT NULL, count integer NOT NULL DEFAULT 1
);
CREATE INDEX IF NOT EXISTS candidates_article ON candidates(article_id);
CREATE TABLE IF NOT EXISTS entities (
    id serial PRIMARY KEY,
    name {T} NOT NULL UNIQUE,
    type {T} NOT NULL, origin text NOT NULL,
    mentions integer NOT NULL DEFAULT 0, articles integer NOT NULL DEFAULT 0
);
-- The linker inserts `id = NULL` for a new entity, as SQLite's INTEGER PRIMARY KEY allows: take the next id then.
CREATE OR REPLACE FUNCTION hs_entity_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN NEW.id := nextval(pg_get_serial_sequence('entities', 'id')); RETURN NEW; END $$;
CREATE OR REPLACE TRIGGER entities_null_id BEFORE INSERT ON entities FOR EACH ROW WHEN (NEW.id IS NULL)
    EXECUTE FUNCTION hs_entity_id();
CREATE TABLE IF NOT EXISTS aliases (
    entity_id integer NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias {T} NOT NULL, norm {T} NOT NULL,
    PRIMARY KEY (entity_id, alias)
);
CREATE INDEX IF NOT EXISTS aliases_norm ON aliases(norm);
CREATE TABLE IF NOT EXISTS mentions (
    id serial PRIMARY KEY,
    entity_id integer NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    part smallint NOT NULL DEFAULT 0, paragraph integer NOT NULL,  -- part and surface as SQLite's (store/db.py)
    start integer NOT NULL, "end" integer NOT NULL
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id, article_id);
CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id, start);
CREATE TABLE IF NOT EXISTS article_entities (
    entity_id integer NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    recency bigint NOT NULL,  -- textindex.recency: the drill-down's order as one descending key (see db.py)
    article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    mentions integer NOT NULL,
    PRIMARY KEY (entity_id, recency, article_id)
);
CREATE INDEX IF NOT EXISTS article_entities_article ON article_entities(article_id, entity_id, mentions);
CREATE INDEX IF NOT EXISTS article_entities_recency_mentions ON article_entities(entity_id, recency, article_id)
    INCLUDE (mentions);  -- see ADDITIONS
CREATE TABLE IF NOT EXISTS signatures (
    article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    minhash bytea NOT NULL
);
CREATE TABLE IF NOT EXISTS lsh_bands (
    key bigint NOT NULL,
    article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (key, article_id)
);
CREATE INDEX IF NOT EXISTS lsh_bands_article ON lsh_bands(article_id);
CREATE TABLE IF NOT EXISTS paragraph_docs (key bigint PRIMARY KEY, docs integer NOT NULL);
CREATE TABLE IF NOT EXISTS figure_days (
    key bigint NOT NULL, day integer NOT NULL,
    article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (key, day, article_id)
);
CREATE INDEX IF NOT EXISTS figure_days_article ON figure_days(article_id);
CREATE TABLE IF NOT EXISTS stories (
    id integer PRIMARY KEY,
    first_article integer NOT NULL,
    first_date {T}, last_date {T},
    articles integer NOT NULL, outlets integer NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_biggest ON stories(articles DESC, (coalesce(first_date, '')) DESC, id);
CREATE TABLE IF NOT EXISTS edits (
    id serial PRIMARY KEY,
    op text NOT NULL, args text NOT NULL,
    at text NOT NULL DEFAULT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')
);
CREATE TABLE IF NOT EXISTS articles_fts (
    rowid bigint PRIMARY KEY,  -- textindex.fts_rowid: date order above the article id, as in SQLite
    article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tsv tsvector NOT NULL
);
-- Stored as it is: pglz never shrinks a tsvector of bigrams by the 25 % it wants (none of the 20,000 at 20k were
-- kept compressed), but tried on each, ~0.2-0.4 ms a row (copying the 20,000: 6.5-11.9 s, 2.6-2.9 s this way).
-- Reading is the same either way (both uncompressed out of TOAST).
ALTER TABLE articles_fts ALTER COLUMN tsv SET STORAGE EXTERNAL;
CREATE INDEX IF NOT EXISTS articles_fts_article ON articles_fts(article_id);
CREATE INDEX IF NOT EXISTS articles_fts_tsv ON articles_fts USING gin (tsv);
-- SQLite's json_each(?) over a JSON list of ids, and over an article's JSON list of reporters
CREATE OR REPLACE FUNCTION hs_each_int(list text) RETURNS TABLE(value bigint) LANGUAGE sql IMMUTABLE ROWS 20
    AS $$ SELECT v::bigint FROM jsonb_array_elements_text(list::jsonb) AS v $$;
CREATE OR REPLACE FUNCTION hs_each_text(list text) RETURNS TABLE(value text) LANGUAGE sql IMMUTABLE ROWS 4
    AS $$ SELECT v FROM jsonb_array_elements_text(coalesce(list, '[]')::jsonb) AS v $$;
"""

SCHEMA_LOCK = 0x68616E73  # pg_advisory_xact_lock key: two first runs at once create the schema once

# Indexes changed in a schema version after it shipped: a run that writes (`hanscope index`) makes those an older
# database lacks. The numbers' value indexes carry the id: an amount's numbers come largest first (`ORDER BY
# n.value DESC, n.id DESC LIMIT 50`), and on (unit, value) or (value) alone PostgreSQL sorted each value's ties by
# id (an Incremental Sort), which read on past the last match to close the group: 90만장 walked all 156k `count`
# numbers below 900,000 (264 ms at 20k articles; 0.3 ms with the id in the index). The old ones go: with them
# still there the planner kept choosing the sort. (SQLite's indexes carry the rowid already.) articles_id_outlet is
# SQLite's since its schema 9, missing here until round 8: the outlet facet and an outlet: filter read the outlet of
# every hit from the index (0 heap fetches once vacuumed) instead of the ~6 KB article rows: 반도체's facets at 20k
# read 15,288 fewer buffers, its outlet step 9.4 -> 1.5 ms. Round 9, for the drill-down: SQLite's article_entities
# is a WITHOUT ROWID table, so its key order carries `mentions`; here the primary key does not, and an entity's rows
# newest first (its mention pages, its timeline, its articles by mentions) were a bitmap scan of the table and a
# sort: 삼성전자's 6,420 rows read 3,660 heap pages (10 ms) for each of three statements. articles_id_heading gives
# the articles an entity names (title, source, date) from the index: its 6,420 articles 26.9 -> 15.2 ms at 20k.
# article_entities_recency_mentions (round 9, dropped, back in round 10) reads those rows with their mentions from
# the index (a drill-down 67 -> 44 ms of server CPU at 20k); it went because the linker's recount, planned on
# statistics that did not count the link's uncommitted rows, became a nested loop over it. The recount now
# ANALYZEs first (store/linking/counts.py; the primary key alone led to a nested loop there too).
ADDITIONS = {
    "articles_id_outlet": "CREATE INDEX IF NOT EXISTS articles_id_outlet ON articles(id, outlet)",
    "articles_id_heading": "CREATE INDEX IF NOT EXISTS articles_id_heading ON articles(id) INCLUDE (title, source, date)",
    "article_entities_recency_mentions": "CREATE INDEX IF NOT EXISTS article_entities_recency_mentions "
                                         "ON article_entities(entity_id, recency, article_id) INCLUDE (mentions)",
    "numbers_unit_value_id": "CREATE INDEX IF NOT EXISTS numbers_unit_value_id ON numbers(unit, value, id); "
                             "DROP INDEX IF EXISTS numbers_unit_value",
    "numbers_value_id": "CREATE INDEX IF NOT EXISTS numbers_value_id ON numbers(value, id); DROP INDEX IF EXISTS numbers_value",
}


# Earlier schema versions whose PostgreSQL schema is today's: 13 (14 added SQLite's headings table, which has no
# counterpart here), none before it since 12, whose mentions keep their part as a number and no surface, as SQLite's
# (the query side's SQL is shared). (10 only reordered SQLite's search table columns and 11 added its tags column: 9
# and 10 were re-stamped 11 here.)
SAME_SCHEMA_HERE: frozenset[int] = frozenset({13})


def check_or_create(conn, shown: str, *, create: bool) -> None:
    """Check that the database holds a hanscope index of this schema; create it when `create` and it is empty."""
    has_meta = conn.execute("SELECT to_regclass('meta') IS NOT NULL").fetchone()[0]
    if not has_meta:
        if not create:
            raise DatabaseError(f"no hanscope index in {shown}: build one with `hanscope index FOLDER --db URI`")
        with conn:
            conn.execute(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})")
            conn.execute(SCHEMA, raw=True)
            conn.execute("INSERT INTO meta(key, value) VALUES ('app', ?), ('schema_version', ?) ON CONFLICT (key) DO NOTHING",
                         [APP_ID, str(SCHEMA_VERSION)])
        return
    meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('app', 'schema_version')").fetchall())
    if meta.get("app") != APP_ID:
        raise DatabaseError(f"{shown} holds a table named meta but no hanscope index")
    version = int(meta.get("schema_version") or 0)
    if version > SCHEMA_VERSION:
        raise DatabaseError(f"{shown} was written by a newer hanscope (schema {version}); upgrade hanscope")
    if version in SAME_SCHEMA_HERE and version < SCHEMA_VERSION:  # nothing to change here: record the new number
        with conn:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION)])
        version = SCHEMA_VERSION
    if version < SCHEMA_VERSION:
        raise DatabaseError(f"{shown} uses an old schema ({version}): drop its tables, then rebuild with `hanscope index`")
    if create:
        _add_missing(conn)


def _add_missing(conn) -> None:
    """Build the ADDITIONS this database lacks (under the schema lock: index processes start together)."""
    have = {name for (name,) in conn.execute("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()")}
    missing = [name for name in ADDITIONS if name not in have]
    if missing:
        with conn:
            conn.execute(f"SELECT pg_advisory_xact_lock({SCHEMA_LOCK})")
            for name in missing:  # names and statements are ours, not a user's
                conn.execute(ADDITIONS[name], raw=True)
