import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteSearchIndex } from '../../../shared/adapters/embedded/search-index/index.js';
import { ConfigurationError, TransientError } from '../../../shared/errors.js';
import { searchDocument } from './search-documents.js';

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
