import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteSearchIndex } from '../../../shared/adapters/embedded/search-index/index.js';
import { ConfigurationError, ContractViolationError } from '../../../shared/errors.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from '../../../shared/ports/search-index.js';
import { searchDocument } from './search-documents.js';

describe('SqliteSearchIndex', () => {
  let index: SqliteSearchIndex;

  beforeEach(() => {
    index = new SqliteSearchIndex({ path: ':memory:' });
  });

  afterEach(async () => {
    await index.close();
  });

  describe('storing documents', () => {
    it('returns the stored fields of a document, without its full text', async () => {
      // Prepare
      await index.upsert(
        searchDocument({
          documentId: 'doc-1',
          key: 'inbox/acme-invoice.pdf',
          documentType: 'invoice',
          piiTypes: ['NAME', 'EMAIL', 'NAME'],
          pageCount: 3,
          processedAt: '2024-03-01T10:00:00+02:00',
          summary: 'An invoice from ACME.',
          keyPoints: ['Due in 30 days', 'Total 1,250 EUR'],
        }),
      );
      // Act
      const stored = await index.get('doc-1');
      // Assess
      expect(stored).toEqual({
        documentId: 'doc-1',
        key: 'inbox/acme-invoice.pdf',
        documentType: 'invoice',
        piiTypes: ['EMAIL', 'NAME'],
        pageCount: 3,
        processedAt: '2024-03-01T08:00:00.000Z',
        summary: 'An invoice from ACME.',
        keyPoints: ['Due in 30 days', 'Total 1,250 EUR'],
      });
      expect(stored).not.toHaveProperty('redactedText');
    });

    it('returns undefined for a document it does not hold', async () => {
      expect(await index.get('missing')).toBeUndefined();
    });

    it('replaces everything about a document on a second upsert', async () => {
      // Prepare
      await index.upsert(
        searchDocument({
          documentId: 'doc-1',
          documentType: 'invoice',
          piiTypes: ['SSN'],
          redactedText: 'An old pelican report.',
          processedAt: '2023-01-01T00:00:00.000Z',
        }),
      );
      // Act
      await index.upsert(
        searchDocument({
          documentId: 'doc-1',
          documentType: 'contract',
          piiTypes: ['EMAIL'],
          redactedText: 'A new walrus agreement.',
          processedAt: '2024-06-01T00:00:00.000Z',
        }),
      );
      // Assess
      expect(await index.count()).toBe(1);
      expect((await index.search({ text: 'pelican' })).total).toBe(0);
      expect((await index.search({ text: 'walrus' })).hits.map((hit) => hit.documentId)).toEqual(['doc-1']);
      expect((await index.search({ piiTypes: ['SSN'] })).total).toBe(0);
      expect((await index.search({ piiTypes: ['EMAIL'] })).total).toBe(1);
      expect((await index.search({ text: 'walrus', documentType: 'invoice' })).total).toBe(0);
      expect((await index.search({ text: 'walrus', documentType: 'contract' })).total).toBe(1);
      expect((await index.search({ to: '2023-12-31' })).total).toBe(0);
    });

    it('writes a batch all or nothing', async () => {
      // Prepare
      const batch = [
        searchDocument({ documentId: 'good-1' }),
        searchDocument({ documentId: 'bad', processedAt: 'yesterday' }),
      ];
      // Act
      const writing = index.upsertMany(batch);
      // Assess
      await expect(writing).rejects.toBeInstanceOf(ContractViolationError);
      expect(await index.count()).toBe(0);
    });

    it('keeps every document processed in the same second', async () => {
      // Prepare
      const sameSecond = Array.from({ length: 50 }, (_, n) =>
        searchDocument({ documentId: `doc-${n}`, processedAt: `2024-05-01T12:00:00.${String(n).padStart(3, '0')}Z` }),
      );
      // Act
      await index.upsertMany(sameSecond);
      // Assess
      expect(await index.count()).toBe(50);
      expect((await index.search({ from: '2024-05-01T12:00:00Z', to: '2024-05-01T12:00:00.999Z' })).total).toBe(50);
      expect((await index.search({ from: '2024-05-01T12:00:00.010Z', to: '2024-05-01T12:00:00.019Z' })).total).toBe(10);
    });

    it('rejects a document without an id, with a fractional page count or an unreadable time', async () => {
      await expect(index.upsert(searchDocument({ documentId: ' ' }))).rejects.toBeInstanceOf(ContractViolationError);
      await expect(index.upsert(searchDocument({ documentId: 'a', pageCount: 1.5 }))).rejects.toBeInstanceOf(
        ContractViolationError,
      );
      await expect(index.upsert(searchDocument({ documentId: 'a', processedAt: '2024-02-30' }))).rejects.toBeInstanceOf(
        ContractViolationError,
      );
      await expect(index.upsert(searchDocument({ documentId: 'a', processedAt: '1850-01-01' }))).rejects.toBeInstanceOf(
        ContractViolationError,
      );
    });
  });

  describe('free-text search', () => {
    it('finds documents by their words and wraps each match in highlight markers', async () => {
      // Prepare
      await index.upsertMany([
        searchDocument({ documentId: 'walrus', redactedText: 'The walrus sat on the ice near the harbour.' }),
        searchDocument({ documentId: 'pelican', redactedText: 'A pelican flew over the harbour.' }),
      ]);
      // Act
      const results = await index.search({ text: 'walrus' });
      // Assess
      expect(results.total).toBe(1);
      expect(results.hits[0]?.documentId).toBe('walrus');
      expect(results.hits[0]?.highlights).toEqual([
        `The ${HIGHLIGHT_START}walrus${HIGHLIGHT_END} sat on the ice near the harbour.`,
      ]);
      expect(results.hits[0]?.score).toBeGreaterThan(0);
    });

    it('requires every word of the query', async () => {
      await index.upsertMany([
        searchDocument({ documentId: 'both', redactedText: 'walrus and pelican' }),
        searchDocument({ documentId: 'one', redactedText: 'walrus alone' }),
      ]);

      const results = await index.search({ text: 'walrus pelican' });

      expect(results.hits.map((hit) => hit.documentId)).toEqual(['both']);
    });

    it('finds "invoice" when asked for "invoices" (porter stemming)', async () => {
      await index.upsert(searchDocument({ documentId: 'doc-1', redactedText: 'Please pay this invoice by Friday.' }));

      const results = await index.search({ text: 'invoices' });

      expect(results.total).toBe(1);
      expect(results.hits[0]?.highlights[0]).toContain(`${HIGHLIGHT_START}invoice${HIGHLIGHT_END}`);
    });

    it('finds words whatever their accents and case', async () => {
      await index.upsert(searchDocument({ documentId: 'doc-1', redactedText: 'Le Café de la Crème' }));

      expect((await index.search({ text: 'cafe CREME' })).total).toBe(1);
    });

    it('finds words by prefix with a trailing star', async () => {
      await index.upsert(searchDocument({ documentId: 'doc-1', redactedText: 'A reimbursement request.' }));

      expect((await index.search({ text: 'reimb*' })).total).toBe(1);
    });

    it('matches a prefix against the document text only, never the filter tokens', async () => {
      await index.upsert(searchDocument({ documentId: 'doc-1', redactedText: 'foo', piiTypes: ['NAME'] }));

      for (const text of ['x*', 'xf*', 'xfa*', 'xfac*', 'xfacet*', 'XFACETPII*', 'ẋfacet*', 'ｘfacet*', 'foo-xfacet*']) {
        expect((await index.search({ text })).total).toBe(0);
      }
      expect((await index.search({ text: 'f*' })).total).toBe(1);
    });

    it('finds prefixes of every length, with or without a stored prefix index', async () => {
      // Prepare: prefix indexes exist for 2 to 4 characters; other lengths merge the matching terms instead
      await index.upsertMany([
        searchDocument({ documentId: 'pay', key: 'a.txt', redactedText: 'Payment received for the invoice.' }),
        searchDocument({ documentId: 'pal', key: 'b.txt', redactedText: 'A palindrome and a paper.' }),
        searchDocument({ documentId: 'other', key: 'c.txt', redactedText: 'Nothing relevant here.' }),
      ]);
      // Act
      const ids = async (text: string): Promise<string[]> =>
        (await index.search({ text })).hits.map((hit) => hit.documentId).sort();
      // Assess
      expect(await ids('p*')).toEqual(['pal', 'pay']);
      expect(await ids('pa*')).toEqual(['pal', 'pay']);
      expect(await ids('pal*')).toEqual(['pal']);
      expect(await ids('paym*')).toEqual(['pay']);
      expect(await ids('payme*')).toEqual(['pay']);
      expect(await ids('palin*')).toEqual(['pal']);
      expect(await ids('invo* paym*')).toEqual(['pay']);
      expect((await index.search({ text: 'paym*' })).hits[0]?.highlights).toEqual([
        `${HIGHLIGHT_START}Payment${HIGHLIGHT_END} received for the invoice.`,
      ]);
    });

    it('ignores stopwords when the query has other words', async () => {
      await index.upsert(searchDocument({ documentId: 'doc-1', redactedText: 'Invoice 17 from ACME', summary: 'Invoice' }));

      expect((await index.search({ text: 'the invoice of ACME' })).total).toBe(1);
    });

    it('highlights the summary when only the summary matches', async () => {
      await index.upsert(
        searchDocument({ documentId: 'doc-1', redactedText: 'Body text.', summary: 'A note about the quarterly audit.' }),
      );

      const results = await index.search({ text: 'audit' });

      expect(results.hits[0]?.highlights).toEqual([`A note about the quarterly ${HIGHLIGHT_START}audit${HIGHLIGHT_END}.`]);
    });

    it('highlights the file name when only the file name matches', async () => {
      await index.upsert(searchDocument({ documentId: 'doc-1', key: 'inbox/walrus-report.pdf' }));

      const results = await index.search({ text: 'walrus' });

      expect(results.hits[0]?.highlights).toEqual([`inbox/${HIGHLIGHT_START}walrus${HIGHLIGHT_END}-report.pdf`]);
    });

    it('gives at most two highlights of about 24 words, from the text and then the summary', async () => {
      // Prepare
      const longText = `${'filler '.repeat(100)}the walrus arrived ${'filler '.repeat(100)}`;
      await index.upsert(
        searchDocument({ documentId: 'doc-1', redactedText: longText, summary: 'Summary: a walrus was seen.' }),
      );
      // Act
      const highlights = (await index.search({ text: 'walrus' })).hits[0]?.highlights ?? [];
      // Assess
      expect(highlights).toHaveLength(2);
      expect(highlights[0]).toMatch(/^….*\[\[walrus\]\].*…$/u);
      expect(highlights[0]?.split(/\s+/u).length).toBeLessThanOrEqual(26);
      expect(highlights[1]).toBe(`Summary: a ${HIGHLIGHT_START}walrus${HIGHLIGHT_END} was seen.`);
    });

    it('ranks a document that is about the words above one that mentions them once', async () => {
      await index.upsertMany([
        searchDocument({ documentId: 'mention', redactedText: `walrus ${'other words here '.repeat(30)}` }),
        searchDocument({ documentId: 'about', redactedText: 'walrus walrus walrus facts', summary: 'All about the walrus.' }),
      ]);

      const results = await index.search({ text: 'walrus' });

      expect(results.hits.map((hit) => hit.documentId)).toEqual(['about', 'mention']);
      expect(results.hits[0]?.score).toBeGreaterThan(results.hits[1]?.score ?? Infinity);
    });

    it.each([
      '"foo',
      'AND OR (',
      'NEAR(foo bar)',
      'redacted_text:foo',
      '{summary}: foo',
      'foo"bar',
      '* ^ - + :',
      "'; DROP TABLE documents; --",
      'foo*bar',
      '""',
      '(((',
      '\u0000\u0002',
    ])('does not throw on the hostile query %j', async (text) => {
      await index.upsert(searchDocument({ documentId: 'doc-1', redactedText: 'foo bar baz' }));

      const results = await index.search({ text });

      expect(results.total).toBeGreaterThanOrEqual(0);
      expect(await index.count()).toBe(1);
    });

    it('still finds the words inside a hostile query', async () => {
      await index.upsert(searchDocument({ documentId: 'doc-1', redactedText: 'foo bar baz' }));

      expect((await index.search({ text: '"foo' })).total).toBe(1);
      expect((await index.search({ text: 'foo AND (bar' })).total).toBe(1);
    });

    it('finds nothing for text without letters or digits', async () => {
      await index.upsert(searchDocument({ documentId: 'doc-1' }));

      expect(await index.search({ text: '((( ***' })).toEqual({ total: 0, page: 1, pageSize: 10, hits: [] });
    });
  });

  describe('filters', () => {
    beforeEach(async () => {
      await index.upsertMany([
        searchDocument({
          documentId: 'invoice-jan',
          documentType: 'invoice',
          piiTypes: ['NAME', 'EMAIL'],
          processedAt: '2024-01-15T09:30:00.000Z',
          redactedText: 'Invoice for consulting work.',
        }),
        searchDocument({
          documentId: 'invoice-mar',
          documentType: 'invoice',
          piiTypes: ['NAME'],
          processedAt: '2024-03-31T23:59:59.000Z',
          redactedText: 'Invoice for hardware.',
        }),
        searchDocument({
          documentId: 'contract-feb',
          documentType: 'contract',
          piiTypes: ['NAME', 'EMAIL', 'SSN'],
          processedAt: '2024-02-10T00:00:00.000Z',
          redactedText: 'Consulting contract.',
        }),
        searchDocument({
          documentId: 'letter-apr',
          documentType: 'letter',
          piiTypes: [],
          processedAt: '2024-04-01T00:00:00.000Z',
          redactedText: 'A letter about consulting.',
        }),
      ]);
    });

    const ids = async (query: Parameters<SqliteSearchIndex['search']>[0]): Promise<string[]> =>
      (await index.search(query)).hits.map((hit) => hit.documentId).sort();

    it('filters by exact document type', async () => {
      expect(await ids({ documentType: 'invoice' })).toEqual(['invoice-jan', 'invoice-mar']);
      expect(await ids({ documentType: 'Invoice' })).toEqual([]);
      expect(await ids({ documentType: 'invo' })).toEqual([]);
    });

    it('keeps documents that hold every PII type asked for', async () => {
      expect(await ids({ piiTypes: ['NAME'] })).toEqual(['contract-feb', 'invoice-jan', 'invoice-mar']);
      expect(await ids({ piiTypes: ['NAME', 'EMAIL'] })).toEqual(['contract-feb', 'invoice-jan']);
      expect(await ids({ piiTypes: ['EMAIL', 'SSN'] })).toEqual(['contract-feb']);
      expect(await ids({ piiTypes: ['SSN', 'NAME', 'EMAIL'] })).toEqual(['contract-feb']);
      expect(await ids({ text: 'consulting', piiTypes: ['EMAIL', 'NAME', 'SSN'] })).toEqual(['contract-feb']);
      expect(await ids({ text: 'consulting', piiTypes: ['EMAIL', 'SSN', 'PHONE'] })).toEqual([]);
      expect(await ids({ piiTypes: ['PASSPORT_NUMBER'] })).toEqual([]);
    });

    it('bounds processing time inclusively, a bare date covering its whole day', async () => {
      expect(await ids({ from: '2024-02-10T00:00:00.000Z' })).toEqual(['contract-feb', 'invoice-mar', 'letter-apr']);
      expect(await ids({ to: '2024-02-10T00:00:00.000Z' })).toEqual(['contract-feb', 'invoice-jan']);
      expect(await ids({ from: '2024-02-01', to: '2024-03-31' })).toEqual(['contract-feb', 'invoice-mar']);
      expect(await ids({ from: '2024-03', to: '2024-03' })).toEqual(['invoice-mar']);
    });

    it('checks exact times when a bound falls inside a second', async () => {
      expect(await ids({ from: '2024-01-15T09:30:00.001Z', to: '2024-02-10T00:00:00.000Z' })).toEqual(['contract-feb']);
      expect(await ids({ text: 'consulting', to: '2024-01-15T09:29:59.999Z' })).toEqual([]);
      expect(await ids({ text: 'consulting', to: '2024-01-15T09:30:00.000Z' })).toEqual(['invoice-jan']);
    });

    it('returns nothing when from is after to', async () => {
      expect(await index.search({ from: '2024-05-01', to: '2024-01-01' })).toEqual({
        total: 0,
        page: 1,
        pageSize: 10,
        hits: [],
      });
    });

    it('combines free text with every filter', async () => {
      expect(await ids({ text: 'consulting', documentType: 'invoice' })).toEqual(['invoice-jan']);
      expect(await ids({ text: 'consulting', piiTypes: ['SSN'] })).toEqual(['contract-feb']);
      expect(await ids({ text: 'consulting', from: '2024-02-01' })).toEqual(['contract-feb', 'letter-apr']);
      expect(
        await ids({ text: 'consulting', documentType: 'contract', piiTypes: ['NAME', 'EMAIL'], from: '2024-02', to: '2024-02' }),
      ).toEqual(['contract-feb']);
      expect(await ids({ text: 'consulting', documentType: 'contract', to: '2024-01-31' })).toEqual([]);
    });

    it('treats empty filter strings as absent', async () => {
      expect(await ids({ documentType: '', from: '', to: '' })).toHaveLength(4);
    });

    it('lists documents newest first when there is no text, without highlights', async () => {
      const results = await index.search({ text: '  ' });

      expect(results.hits.map((hit) => hit.documentId)).toEqual(['letter-apr', 'invoice-mar', 'contract-feb', 'invoice-jan']);
      expect(results.hits.every((hit) => hit.highlights.length === 0)).toBe(true);
    });

    it('rejects an unreadable time bound', async () => {
      await expect(index.search({ from: 'last week' })).rejects.toBeInstanceOf(ContractViolationError);
    });

    it('rejects a PII type it does not know', async () => {
      const query = JSON.parse('{"piiTypes": ["NAME", "SHOE_SIZE"]}') as Parameters<SqliteSearchIndex['search']>[0];

      await expect(index.search(query)).rejects.toThrow(/SHOE_SIZE/u);
    });
  });

  describe('paging', () => {
    beforeEach(async () => {
      await index.upsertMany(
        Array.from({ length: 25 }, (_, n) =>
          searchDocument({
            documentId: `doc-${String(n).padStart(2, '0')}`,
            redactedText: `Report number ${n} about the harbour.`,
            processedAt: new Date(Date.UTC(2024, 0, 1 + n)).toISOString(),
          }),
        ),
      );
    });

    it('gives an exact total and ten hits a page by default', async () => {
      const results = await index.search({ text: 'harbour' });

      expect(results).toMatchObject({ total: 25, page: 1, pageSize: 10 });
      expect(results.hits).toHaveLength(10);
    });

    it('pages through every match once', async () => {
      // Act
      const pages = await Promise.all([1, 2, 3].map((page) => index.search({ text: 'harbour', page })));
      // Assess
      const seen = pages.flatMap((results) => results.hits.map((hit) => hit.documentId));
      expect(pages.map((results) => results.hits.length)).toEqual([10, 10, 5]);
      expect(new Set(seen).size).toBe(25);
      expect(pages.every((results) => results.total === 25)).toBe(true);
    });

    it('keeps the exact total on a page past the end', async () => {
      expect(await index.search({ text: 'harbour', page: 9 })).toEqual({ total: 25, page: 9, pageSize: 10, hits: [] });
      expect(await index.search({ page: 9 })).toEqual({ total: 25, page: 9, pageSize: 10, hits: [] });
    });

    it('pages a listing without text newest first', async () => {
      const second = await index.search({ page: 2, pageSize: 5 });

      expect(second.total).toBe(25);
      expect(second.hits.map((hit) => hit.documentId)).toEqual(['doc-19', 'doc-18', 'doc-17', 'doc-16', 'doc-15']);
    });

    it.each([
      [{ page: 0 }],
      [{ page: -1 }],
      [{ page: 1.5 }],
      [{ pageSize: 0 }],
      [{ pageSize: 101 }],
      [{ pageSize: 2.5 }],
    ])('rejects invalid paging %j', async (paging) => {
      await expect(index.search({ text: 'harbour', ...paging })).rejects.toBeInstanceOf(ContractViolationError);
    });

    it('accepts the largest page size', async () => {
      expect((await index.search({ text: 'harbour', pageSize: 100 })).hits).toHaveLength(25);
    });
  });

  describe('the ranking window', () => {
    it('ranks the newest matches and follows with older ones, covering every match once', async () => {
      // Prepare
      const small = new SqliteSearchIndex({ path: ':memory:', rankingWindow: 3 });
      await small.upsertMany(
        Array.from({ length: 7 }, (_, n) =>
          searchDocument({
            documentId: `doc-${n}`,
            redactedText: `walrus ${'walrus '.repeat(n % 3)}${'filler '.repeat(n)}`,
            processedAt: new Date(Date.UTC(2024, 0, 1 + n)).toISOString(),
          }),
        ),
      );
      // Act
      const pages = await Promise.all([1, 2, 3, 4].map((page) => small.search({ text: 'walrus', page, pageSize: 2 })));
      await small.close();
      // Assess
      const order = pages.flatMap((results) => results.hits.map((hit) => hit.documentId));
      expect(pages.every((results) => results.total === 7)).toBe(true);
      expect(new Set(order).size).toBe(7);
      expect(order.slice(0, 3).sort()).toEqual(['doc-4', 'doc-5', 'doc-6']);
      expect(order.slice(3)).toEqual(['doc-3', 'doc-2', 'doc-1', 'doc-0']);
    });
  });

  describe('lifecycle', () => {
    it('creates its layout idempotently and records the layout version', async () => {
      // Prepare
      const folder = mkdtempSync(join(tmpdir(), 'docpipe-search-'));
      const path = join(folder, 'search.sqlite');
      const fileIndex = new SqliteSearchIndex({ path });
      // Act
      await fileIndex.ensureIndex();
      await fileIndex.ensureIndex();
      await fileIndex.close();
      // Assess
      const raw = new Database(path, { readonly: true });
      const version = raw.pragma('user_version', { simple: true });
      const journal = raw.pragma('journal_mode', { simple: true });
      const tables = raw
        .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .all()
        .map((row) => row.name);
      raw.close();
      rmSync(folder, { recursive: true, force: true });
      expect(version).toBe(2);
      expect(journal).toBe('wal');
      expect(tables).toEqual(expect.arrayContaining(['document_pii_types', 'documents', 'documents_fts']));
    });

    it('refuses an index file written by a newer layout', async () => {
      // Prepare
      const folder = mkdtempSync(join(tmpdir(), 'docpipe-search-'));
      const path = join(folder, 'search.sqlite');
      const raw = new Database(path);
      raw.pragma('user_version = 99');
      raw.close();
      const fileIndex = new SqliteSearchIndex({ path });
      // Act
      const opening = fileIndex.ensureIndex();
      // Assess
      await expect(opening).rejects.toBeInstanceOf(ConfigurationError);
      await fileIndex.close();
      rmSync(folder, { recursive: true, force: true });
    });

    it('refuses work after close', async () => {
      await index.close();

      await expect(index.search({ text: 'anything' })).rejects.toBeInstanceOf(ContractViolationError);
    });
  });
});
