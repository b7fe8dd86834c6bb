import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { ContractViolationError } from '../../../errors.js';
import type { SearchDocument, SearchIndex, SearchQuery, SearchResults } from '../../../ports/search-index.js';
import { normalisePiiTypes, toStoredDocument, type StoredSearchDocument } from './document-rows.js';
import { assertIndexable } from './document-validation.js';
import { facetText } from './facets.js';
import { resolveFilters } from './filters.js';
import { toFtsQuery } from './fts-query.js';
import { withoutMatchMarkers } from './highlights.js';
import { resolvePaging } from './paging.js';
import { piiMask } from './pii-mask.js';
import { migrateSchema } from './schema.js';
import { toDocpipeError } from './sqlite-errors.js';
import { StatementCache, type SqlParameter } from './statements.js';
import { searchText } from './text-search.js';
import { listByTime } from './time-listing.js';
import { idsOfSecond } from './time-order.js';
import { normaliseTimestamp } from './timestamps.js';

export interface SqliteSearchIndexOptions {
  /** The index file (parent folders are created), or `':memory:'` for a private in-memory index. */
  readonly path: string;
  /**
   * How long a statement waits for another connection's write lock before failing with TransientError.
   * @default 5000
   */
  readonly busyTimeoutMs?: number;
  /**
   * How many of the most recently processed matches of a free-text query are ranked by bm25; older matches follow,
   * newest first.
   * Larger is closer to a full bm25 order and slower for broad queries.
   * @default 1000
   */
  readonly rankingWindow?: number;
}

const DEFAULT_BUSY_TIMEOUT_MS = 5000;
const DEFAULT_RANKING_WINDOW = 1000;
/**
 * Page cache per connection (64 MiB) and memory-mapped reads: queries read many pages. The map asks for 2 GiB and
 * SQLite lowers it to its build's limit (just under 2 GiB for better-sqlite3); an index of 100,000 documents is
 * about 1 GiB, and pages past the map are read through the page cache, far slower.
 */
const PAGE_CACHE_KIB = 64 * 1024;
const MEMORY_MAP_BYTES = 2 * 1024 * 1024 * 1024;

/** Opens the file with the settings both processes sharing it need; closes it again if a setting fails. */
function openDatabase(path: string, busyTimeoutMs: number): Database.Database {
  let db: Database.Database | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
    db = new Database(path);
    db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    db.pragma(`mmap_size = ${MEMORY_MAP_BYTES}`);
    return db;
  } catch (error) {
    db?.close();
    throw toDocpipeError(error, 'opening the file', path);
  }
}

const INSERT_DOCUMENT_SQL = `
  INSERT INTO documents
    (id, document_id, key, document_type, pii_types, pii_mask, page_count, processed_at, summary, key_points)
  VALUES
    (CAST(@id AS INTEGER), @documentId, @key, @documentType, @piiTypes, @piiMask, @pageCount, @processedAt, @summary,
     @keyPoints)`;

/**
 * Statements of a write. Ids are cast: better-sqlite3 binds numbers as REAL, and FTS5 seeks by rowid only for
 * INTEGER values (a REAL makes it scan).
 */
interface WriteStatements {
  readonly findId: Database.Statement<[string], { id: number }>;
  readonly lastIdBetween: Database.Statement<[number, number], { last: number | null }>;
  readonly insertDocument: Database.Statement<[Record<string, SqlParameter>], never>;
  readonly deleteDocument: Database.Statement<[number], never>;
  readonly insertText: Database.Statement<[number, string, string, string, string], never>;
  readonly deleteText: Database.Statement<[number], never>;
  readonly insertPiiType: Database.Statement<[string, string], never>;
  readonly deletePiiTypes: Database.Statement<[string], never>;
}

/**
 * SearchIndex on a SQLite FTS5 file (better-sqlite3). Safe to share one file between processes: WAL mode lets
 * readers work beside a writer, and a busy timeout makes writers wait for each other. The methods are async to
 * fit the port; the work itself is synchronous.
 */
export class SqliteSearchIndex implements SearchIndex {
  private readonly db: Database.Database;
  private readonly location: string;
  private readonly rankingWindow: number;
  private readonly statements: StatementCache;
  private writeStatements: WriteStatements | undefined;
  private schemaReady = false;
  private closed = false;

  constructor(options: SqliteSearchIndexOptions) {
    this.location = options.path;
    this.rankingWindow = options.rankingWindow ?? DEFAULT_RANKING_WINDOW;
    if (!Number.isSafeInteger(this.rankingWindow) || this.rankingWindow < 1) {
      const given = String(options.rankingWindow);
      throw new ContractViolationError(`rankingWindow must be a positive integer, got ${given}.`);
    }
    this.db = openDatabase(options.path, options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS);
    this.statements = new StatementCache(this.db);
  }

  async ensureIndex(): Promise<void> {
    this.use('creating the index', () => undefined);
  }

  async upsert(document: SearchDocument): Promise<void> {
    await this.upsertMany([document]);
  }

  /** Adds or replaces many documents in one transaction (all or none). */
  async upsertMany(documents: readonly SearchDocument[]): Promise<void> {
    this.use('writing documents', (db) => {
      db.transaction(() => {
        for (const document of documents) this.write(document);
      }).immediate();
    });
  }

  async search(query: SearchQuery): Promise<SearchResults> {
    return this.use('searching', () => {
      const paging = resolvePaging(query.page, query.pageSize);
      const filters = resolveFilters(query);
      const text = query.text?.trim() ?? '';
      if (text === '') return listByTime(this.statements, filters, paging);
      const ftsQuery = toFtsQuery(text);
      if (ftsQuery === undefined) return { total: 0, page: paging.page, pageSize: paging.pageSize, hits: [] };
      const context = { statements: this.statements, rankingWindow: this.rankingWindow };
      return searchText(context, ftsQuery, filters, paging);
    });
  }

  /** The stored fields of a document (without its full text), or undefined when it is not indexed. */
  async get(documentId: string): Promise<StoredSearchDocument | undefined> {
    return this.use('reading a document', () => {
      const row = this.statements.documentRows('SELECT * FROM documents WHERE document_id = ?').get(documentId);
      return row === undefined ? undefined : toStoredDocument(row);
    });
  }

  /** Number of documents in the index. */
  async count(): Promise<number> {
    return this.use(
      'counting documents',
      () => this.statements.count('SELECT count(*) AS total FROM documents').get()?.total ?? 0,
    );
  }

  /** Merges the full-text index into one segment and refreshes planner statistics; worth running after bulk loads. */
  async optimize(): Promise<void> {
    this.use('optimising', (db) => {
      db.exec("INSERT INTO documents_fts (documents_fts) VALUES ('optimize')");
      db.pragma('optimize');
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  /** Runs work on the open, migrated database and turns SQLite failures into docpipe errors. */
  private use<T>(action: string, work: (db: Database.Database) => T): T {
    if (this.closed) throw new ContractViolationError(`Search index at ${this.location} is closed.`);
    try {
      if (!this.schemaReady) {
        migrateSchema(this.db, this.location);
        this.schemaReady = true;
      }
      return work(this.db);
    } catch (error) {
      throw toDocpipeError(error, action, this.location);
    }
  }

  /** Replaces every row of the document; its id follows its processing time (see time-order.ts). */
  private write(document: SearchDocument): void {
    assertIndexable(document);
    const statements = this.prepareWrites();
    const piiTypes = normalisePiiTypes(document.piiTypes);
    const processedAt = normaliseTimestamp(
      document.processedAt,
      `Search document ${document.documentId}: processedAt`,
    );
    const second = idsOfSecond(processedAt, document.documentId);
    const previous = statements.findId.get(document.documentId);
    if (previous !== undefined) {
      statements.deleteDocument.run(previous.id);
      statements.deleteText.run(previous.id);
      statements.deletePiiTypes.run(document.documentId);
    }
    const lastInSecond = statements.lastIdBetween.get(second.first, second.last)?.last ?? null;
    const id = lastInSecond === null ? second.first : lastInSecond + 1;
    if (id > second.last) {
      const perSecond = second.last - second.first + 1;
      throw new ContractViolationError(`More than ${perSecond} documents processed in one second.`);
    }
    statements.insertDocument.run({
      id,
      documentId: document.documentId,
      key: document.key,
      documentType: document.documentType,
      piiTypes: JSON.stringify(piiTypes),
      piiMask: piiMask(piiTypes),
      pageCount: document.pageCount,
      processedAt,
      summary: document.summary,
      keyPoints: JSON.stringify(document.keyPoints),
    });
    statements.insertText.run(
      id,
      withoutMatchMarkers(document.redactedText),
      withoutMatchMarkers(document.summary),
      withoutMatchMarkers(document.key),
      facetText(document.documentType, piiTypes),
    );
    for (const piiType of piiTypes) statements.insertPiiType.run(document.documentId, piiType);
  }

  private prepareWrites(): WriteStatements {
    const db = this.db;
    this.writeStatements ??= {
      findId: db.prepare<[string], { id: number }>('SELECT id FROM documents WHERE document_id = ?'),
      lastIdBetween: db.prepare<[number, number], { last: number | null }>(
        'SELECT max(id) AS last FROM documents WHERE id BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)',
      ),
      insertDocument: db.prepare<[Record<string, SqlParameter>], never>(INSERT_DOCUMENT_SQL),
      deleteDocument: db.prepare<[number], never>('DELETE FROM documents WHERE id = CAST(? AS INTEGER)'),
      insertText: db.prepare<[number, string, string, string, string], never>(
        'INSERT INTO documents_fts (rowid, redacted_text, summary, key, facets) ' +
          'VALUES (CAST(? AS INTEGER), ?, ?, ?, ?)',
      ),
      deleteText: db.prepare<[number], never>('DELETE FROM documents_fts WHERE rowid = CAST(? AS INTEGER)'),
      insertPiiType: db.prepare<[string, string], never>(
        'INSERT INTO document_pii_types (document_id, pii_type) VALUES (?, ?)',
      ),
      deletePiiTypes: db.prepare<[string], never>('DELETE FROM document_pii_types WHERE document_id = ?'),
    };
    return this.writeStatements;
  }
}
