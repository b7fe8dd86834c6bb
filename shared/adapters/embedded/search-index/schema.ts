import type Database from 'better-sqlite3';
import { ConfigurationError } from '../../../errors.js';

/** Version of the index layout stored in `PRAGMA user_version`; raise it and add a migration to change the layout. */
export const SCHEMA_VERSION = 2;

/**
 * - `documents.id` is time-ordered (see time-order.ts) and links a document to its full-text row; `document_id`
 *   is the document's own key and is unique.
 * - `pii_mask` holds one bit per PII type (see pii-mask.ts) so listings filter without a join.
 * - `document_pii_types` has one row per document and PII type, for reports and ad-hoc SQL (`GROUP BY pii_type`).
 * - `documents_fts.facets` holds filter tokens (see facets.ts) so filters narrow a full-text query inside FTS5.
 * - FTS5 settings: a 16 MiB buffer of pending terms (fewer, larger segments from bulk writes) and merging as soon
 *   as two segments share a level (automerge 2, default 4): queries read fewer segments, for some more write work.
 * This is the version 1 layout, kept as it was so that a new file goes through the same steps as an old one;
 * version 2 rebuilds `documents_fts` with prefix indexes (addPrefixIndexes).
 */
const CREATE_VERSION_1 = `
  CREATE TABLE documents (
    id            INTEGER PRIMARY KEY,
    document_id   TEXT    NOT NULL UNIQUE,
    key           TEXT    NOT NULL,
    document_type TEXT    NOT NULL,
    pii_types     TEXT    NOT NULL,
    pii_mask      INTEGER NOT NULL,
    page_count    INTEGER NOT NULL,
    processed_at  TEXT    NOT NULL,
    summary       TEXT    NOT NULL,
    key_points    TEXT    NOT NULL
  );
  CREATE INDEX documents_by_type ON documents (document_type);
  CREATE INDEX documents_by_time ON documents (processed_at);

  CREATE TABLE document_pii_types (
    document_id TEXT NOT NULL,
    pii_type    TEXT NOT NULL,
    PRIMARY KEY (document_id, pii_type)
  ) WITHOUT ROWID;
  CREATE INDEX document_pii_types_by_type ON document_pii_types (pii_type, document_id);

  CREATE VIRTUAL TABLE documents_fts USING fts5(
    redacted_text,
    summary,
    key,
    facets,
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  INSERT INTO documents_fts (documents_fts, rank) VALUES ('automerge', 2);
  INSERT INTO documents_fts (documents_fts, rank) VALUES ('hashsize', 16777216);
`;

/**
 * Version 2 adds prefix indexes of 2, 3 and 4 characters to the full-text table. Without one, FTS5 answers `term*`
 * by merging the postings of every term with the prefix, from every segment, into a list in memory, and does it
 * again for each statement of a search (ranking and its bm25 statistics, count, snippets): a prefix query cost two
 * to five times a plain word on an index of 100,000 documents. With one, a prefix of those lengths reads one stored
 * list, like a word. Prefixes that short match the most terms, so they are the slowest without an index; longer
 * prefixes match fewer terms and still work without one. The price is paid when writing: every token at least that
 * long gets a posting per length (on the benchmark's 100,000 documents: a file about half as large again, and about
 * three quarters more CPU time to index them).
 */
const PREFIX_LENGTHS = '2 3 4';

function createFullTextTable(db: Database.Database, name: string): void {
  db.exec(`
    CREATE VIRTUAL TABLE ${name} USING fts5(
      redacted_text,
      summary,
      key,
      facets,
      tokenize = 'porter unicode61 remove_diacritics 2',
      prefix = '${PREFIX_LENGTHS}'
    );
    INSERT INTO ${name} (${name}, rank) VALUES ('automerge', 2);
    INSERT INTO ${name} (${name}, rank) VALUES ('hashsize', 16777216);
  `);
}

/**
 * Version 1 → 2: FTS5 fixes its options when a table is created, so the full-text table is rebuilt from the text it
 * stores (every column is kept in the table's content), under the same rowids, then merged into one segment. Takes
 * about as long as indexing the documents again; it runs once, inside the migration's transaction, so a failure
 * leaves the version 1 file as it was.
 */
function addPrefixIndexes(db: Database.Database): void {
  createFullTextTable(db, 'documents_fts_rebuilt');
  db.exec(`
    INSERT INTO documents_fts_rebuilt (rowid, redacted_text, summary, key, facets)
      SELECT rowid, redacted_text, summary, key, facets FROM documents_fts ORDER BY rowid;
    DROP TABLE documents_fts;
    ALTER TABLE documents_fts_rebuilt RENAME TO documents_fts;
    INSERT INTO documents_fts (documents_fts) VALUES ('optimize');
  `);
}

/** Migrations in order: entry n takes the layout from version n to version n + 1. */
const MIGRATIONS: readonly ((db: Database.Database) => void)[] = [
  (db) => db.exec(CREATE_VERSION_1),
  addPrefixIndexes,
];

function readVersion(db: Database.Database): number {
  const version = db.pragma('user_version', { simple: true });
  return typeof version === 'number' ? version : 0;
}

/**
 * Creates or upgrades the layout. When it is already current, nothing is locked (a one-shot reader does not wait
 * for a busy writer); otherwise it runs in an IMMEDIATE transaction so that two processes opening the same file at
 * once do not both migrate it. An upgrade that rebuilds the full-text table holds that lock for as long as the
 * rebuild takes (about a minute for 100,000 documents): meanwhile other connections wait up to their busy timeout,
 * then fail with TransientError, which callers retry. Idempotent.
 */
export function migrateSchema(db: Database.Database, location: string): void {
  const check = (current: number): void => {
    if (current > SCHEMA_VERSION) {
      throw new ConfigurationError(
        `The search index at ${location} has layout version ${current}, newer than this docpipe understands ` +
          `(${SCHEMA_VERSION}); upgrade docpipe or point it at another index file.`,
      );
    }
  };
  const seen = readVersion(db);
  check(seen);
  if (seen === SCHEMA_VERSION) return;
  const migrate = db.transaction(() => {
    const current = readVersion(db);
    check(current);
    for (let version = current; version < SCHEMA_VERSION; version += 1) {
      MIGRATIONS[version]?.(db);
    }
    if (current !== SCHEMA_VERSION) db.pragma(`user_version = ${SCHEMA_VERSION}`);
  });
  migrate.immediate();
}
