import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteSearchIndex } from '../../../shared/adapters/embedded/search-index/index.js';
import { ConfigurationError, TransientError } from '../../../shared/errors.js';
import type { SearchQuery } from '../../../shared/ports/search-index.js';
import { searchDocument } from './search-documents.js';

/**
 * Puts a file's full-text table back as layout version 1 created it (no prefix indexes), rebuilt from the text it
 * stores, and marks the file as version 1: what an index written before version 2 looks like.
 */
function downgradeToVersion1(path: string): void {
  const raw = new Database(path);
  raw.exec(`
    BEGIN;
    CREATE VIRTUAL TABLE old_fts USING fts5(
      redacted_text, summary, key, facets, tokenize = 'porter unicode61 remove_diacritics 2'
    );
    INSERT INTO old_fts (old_fts, rank) VALUES ('automerge', 2);
    INSERT INTO old_fts (old_fts, rank) VALUES ('hashsize', 16777216);
    INSERT INTO old_fts (rowid, redacted_text, summary, key, facets)
      SELECT rowid, redacted_text, summary, key, facets FROM documents_fts;
    DROP TABLE documents_fts;
    ALTER TABLE old_fts RENAME TO documents_fts;
    PRAGMA user_version = 1;
    COMMIT;
  `);
  raw.close();
}

function fullTextTableSql(path: string): string {
  const raw = new Database(path, { readonly: true });
  const sql = raw.prepare<[], string>("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").pluck().get();
  raw.close();
  return sql ?? '';
}

describe('SqliteSearchIndex on a file', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'docpipe-search-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('creates missing parent folders and keeps documents across close and reopen', async () => {
    // Prepare
    const path = join(folder, 'nested', 'deeper', 'search.sqlite');
    const writer = new SqliteSearchIndex({ path });
    await writer.upsert(searchDocument({ documentId: 'doc-1', redactedText: 'The walrus report.' }));
    await writer.close();
    // Act
    const reopened = new SqliteSearchIndex({ path });
    const results = await reopened.search({ text: 'walrus' });
    const stored = await reopened.get('doc-1');
    await reopened.close();
    // Assess
    expect(results.hits.map((hit) => hit.documentId)).toEqual(['doc-1']);
    expect(stored?.documentId).toBe('doc-1');
  });

  it('lets a second connection see what the first one writes', async () => {
    // Prepare: a long-running writer and a one-shot reader on the same file
    const path = join(folder, 'search.sqlite');
    const writer = new SqliteSearchIndex({ path });
    const reader = new SqliteSearchIndex({ path });
    await writer.ensureIndex();
    await reader.ensureIndex();
    const before = await reader.search({ text: 'walrus' });
    // Act
    await writer.upsert(searchDocument({ documentId: 'doc-1', redactedText: 'The walrus report.' }));
    const after = await reader.search({ text: 'walrus' });
    const count = await reader.count();
    // Assess
    await writer.close();
    await reader.close();
    expect(before.total).toBe(0);
    expect(after.hits.map((hit) => hit.documentId)).toEqual(['doc-1']);
    expect(count).toBe(1);
  });

  it('lets two connections write in turn', async () => {
    const path = join(folder, 'search.sqlite');
    const first = new SqliteSearchIndex({ path });
    const second = new SqliteSearchIndex({ path });

    await first.upsert(searchDocument({ documentId: 'from-first' }));
    await second.upsert(searchDocument({ documentId: 'from-second' }));
    const count = await first.count();
    await first.close();
    await second.close();

    expect(count).toBe(2);
  });
});

describe('SqliteSearchIndex on a file of layout version 1', () => {
  let folder: string;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'docpipe-search-'));
  });

  afterEach(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  const documents = Array.from({ length: 30 }, (_, n) =>
    searchDocument({
      documentId: `doc-${String(n).padStart(2, '0')}`,
      key: `inbox/${n % 3 === 0 ? 'invoice' : 'letter'}-${n}.pdf`,
      documentType: n % 3 === 0 ? 'invoice' : 'letter',
      piiTypes: n % 2 === 0 ? ['NAME', 'EMAIL'] : ['PHONE'],
      processedAt: new Date(Date.UTC(2024, 0, 1 + n, 9)).toISOString(),
      redactedText: `Payment ${n} of the ${n % 4 === 0 ? 'walrus' : 'pelican'} contract, paid to [NAME].`,
      summary: `Summary ${n}: a ${n % 5 === 0 ? 'palindrome' : 'payment'} note.`,
      keyPoints: [`point ${n}`],
    }),
  );
  const queries: SearchQuery[] = [
    { text: 'walrus' },
    { text: 'payment contract', page: 2, pageSize: 7 },
    { text: 'pa*' },
    { text: 'pay*', documentType: 'invoice' },
    { text: 'pali*' },
    { text: 'x*' },
    { text: 'pelican', piiTypes: ['EMAIL'], from: '2024-01-10', to: '2024-01-20' },
    { piiTypes: ['PHONE'], page: 2, pageSize: 5 },
    {},
  ];

  it('rebuilds the full-text table with prefix indexes and answers every query as before', async () => {
    // Prepare: an index written by this version, then put back to version 1
    const path = join(folder, 'search.sqlite');
    const writer = new SqliteSearchIndex({ path });
    await writer.upsertMany(documents);
    const expected = [];
    for (const query of queries) expected.push(await writer.search(query));
    await writer.close();
    downgradeToVersion1(path);
    const before = fullTextTableSql(path);
    // Act
    const upgraded = new SqliteSearchIndex({ path });
    const results = [];
    for (const query of queries) results.push(await upgraded.search(query));
    const count = await upgraded.count();
    const stored = await upgraded.get('doc-07');
    await upgraded.close();
    // Assess
    const raw = new Database(path, { readonly: true });
    const version = raw.pragma('user_version', { simple: true });
    const tables = raw
      .prepare<[], string>("SELECT name FROM sqlite_master WHERE name LIKE 'documents_fts%' ORDER BY name")
      .pluck()
      .all();
    raw.close();
    expect(before).not.toContain('prefix');
    expect(fullTextTableSql(path)).toContain("prefix = '2 3 4'");
    expect(version).toBe(2);
    expect(tables).toEqual([
      'documents_fts',
      'documents_fts_config',
      'documents_fts_content',
      'documents_fts_data',
      'documents_fts_docsize',
      'documents_fts_idx',
    ]);
    expect(count).toBe(30);
    expect(stored).toMatchObject({ documentId: 'doc-07', piiTypes: ['PHONE'], keyPoints: ['point 7'] });
    expect(results).toEqual(expected);
    expect(results[2]?.total).toBe(30);
    expect(results[4]?.hits.map((hit) => hit.documentId).sort()).toEqual(['doc-00', 'doc-05', 'doc-10', 'doc-15', 'doc-20', 'doc-25']);
  });

  it('leaves a version 1 file as it was when the upgrade fails', async () => {
    // Prepare: a table in the way of the rebuilt full-text table makes the upgrade fail halfway
    const path = join(folder, 'search.sqlite');
    const writer = new SqliteSearchIndex({ path });
    await writer.upsertMany(documents);
    await writer.close();
    downgradeToVersion1(path);
    const blocker = new Database(path);
    blocker.exec('CREATE TABLE documents_fts_rebuilt (x)');
    blocker.close();
    // Act
    const upgrading = new SqliteSearchIndex({ path });
    const opening = upgrading.ensureIndex();
    // Assess
    await expect(opening).rejects.toThrow(/documents_fts_rebuilt/u);
    await upgrading.close();
    const raw = new Database(path, { readonly: true });
    const version = raw.pragma('user_version', { simple: true });
    const walrus = raw
      .prepare<[], number>("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'walrus'")
      .pluck()
      .get();
    const rows = raw.prepare<[], number>('SELECT count(*) FROM documents').pluck().get();
    raw.close();
    expect(version).toBe(1);
    expect(fullTextTableSql(path)).not.toContain('prefix');
    expect(walrus).toBe(8);
    expect(rows).toBe(30);
  });

  it('keeps writing to and searching an upgraded file', async () => {
    // Prepare
    const path = join(folder, 'search.sqlite');
    const writer = new SqliteSearchIndex({ path });
    await writer.upsertMany(documents.slice(0, 10));
    await writer.close();
    downgradeToVersion1(path);
    // Act
    const upgraded = new SqliteSearchIndex({ path });
    await upgraded.upsert(searchDocument({ documentId: 'doc-new', redactedText: 'A paymaster walrus.' }));
    await upgraded.upsert({ ...documents[0]!, redactedText: 'Rewritten without the usual words.' });
    const walrus = await upgraded.search({ text: 'walr*' });
    const paym = await upgraded.search({ text: 'paym*' });
    await upgraded.close();
    // Assess
    expect(walrus.hits.map((hit) => hit.documentId).sort()).toEqual(['doc-04', 'doc-08', 'doc-new']);
    expect(paym.total).toBe(10);
  });
});

describe('SqliteSearchIndex errors', () => {
  it('reports a file that is not a database as a configuration problem', async () => {
    // Prepare
    const folder = mkdtempSync(join(tmpdir(), 'docpipe-search-'));
    const path = join(folder, 'not-a-database.sqlite');
    writeFileSync(path, 'this is plain text, not SQLite '.repeat(200));
    // Act
    const opening = (async () => {
      const index = new SqliteSearchIndex({ path });
      try {
        await index.ensureIndex();
      } finally {
        await index.close();
      }
    })();
    // Assess
    await expect(opening).rejects.toBeInstanceOf(ConfigurationError);
    rmSync(folder, { recursive: true, force: true });
  });

  it('reports a writer blocked past its busy timeout as a transient failure', async () => {
    // Prepare: another connection holds the write lock
    const folder = mkdtempSync(join(tmpdir(), 'docpipe-search-'));
    const path = join(folder, 'search.sqlite');
    const index = new SqliteSearchIndex({ path, busyTimeoutMs: 50 });
    await index.ensureIndex();
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    // Act
    const writing = index.upsert(searchDocument({ documentId: 'doc-1' }));
    // Assess
    await expect(writing).rejects.toBeInstanceOf(TransientError);
    other.exec('ROLLBACK');
    other.close();
    await index.close();
    rmSync(folder, { recursive: true, force: true });
  });
});

describe('SqliteSearchIndex beside a busy writer', () => {
  it('lets a reader open and search a current index while another connection holds the write lock', async () => {
    // Prepare
    const folder = mkdtempSync(join(tmpdir(), 'docpipe-search-'));
    const path = join(folder, 'search.sqlite');
    const writer = new SqliteSearchIndex({ path });
    await writer.upsert(searchDocument({ documentId: 'doc-1', redactedText: 'walrus' }));
    await writer.close();
    const other = new Database(path);
    other.exec('BEGIN IMMEDIATE');
    const reader = new SqliteSearchIndex({ path, busyTimeoutMs: 50 });
    // Act
    const results = await reader.search({ text: 'walrus' });
    // Assess
    expect(results.total).toBe(1);
    other.exec('ROLLBACK');
    other.close();
    await reader.close();
    rmSync(folder, { recursive: true, force: true });
  });
});
