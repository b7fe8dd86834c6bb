import { createOpenSearchClient } from '../../../shared/adapters/aws/opensearch-client.js';
import { OpenSearchSearchIndex } from '../../../shared/adapters/aws/opensearch-search-index.js';
import type { SearchDocument } from '../../../shared/ports/search-index.js';
import { recordingConnection, type CannedResponse, type RecordedRequest } from './recording-connection.js';

const ENDPOINT = 'https://abc123.eu-west-1.aoss.amazonaws.com';
const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

const invoice: SearchDocument = {
  documentId: 'doc-1',
  key: 'inbox/invoice-7.pdf',
  documentType: 'invoice',
  piiTypes: ['NAME', 'EMAIL', 'NAME'],
  pageCount: 2,
  processedAt: '2024-03-05T10:00:00+01:00',
  redactedText: 'Invoice for [NAME], total 120 EUR',
  summary: 'An invoice for 120 EUR.',
  keyPoints: ['Total 120 EUR'],
};

function indexWith(respond: (request: RecordedRequest) => CannedResponse): { index: OpenSearchSearchIndex; requests: RecordedRequest[] } {
  const requests: RecordedRequest[] = [];
  const client = createOpenSearchClient({
    endpoint: ENDPOINT,
    region: 'eu-west-1',
    service: 'aoss',
    getCredentials: () => Promise.resolve(credentials),
    send: recordingConnection(requests, respond),
  });
  return { index: new OpenSearchSearchIndex({ client, index: 'documents' }), requests };
}

function json(body: string): unknown {
  return JSON.parse(body);
}

describe('OpenSearchSearchIndex.ensureIndex', () => {
  it('creates a missing index with the explicit mapping, signing each request for aoss', async () => {
    // Prepare
    const { index, requests } = indexWith((request) => (request.method === 'HEAD' ? { status: 404 } : { status: 200, body: { acknowledged: true } }));

    // Act
    await index.ensureIndex();

    // Assess
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual(['HEAD /documents', 'PUT /documents']);
    const created = json(requests[1]?.body ?? '') as { mappings: { dynamic: string; properties: Record<string, unknown> } };
    expect(created.mappings.dynamic).toBe('strict');
    expect(created.mappings.properties).toEqual({
      documentId: { type: 'keyword' },
      key: { type: 'text', fields: { keyword: { type: 'keyword', ignore_above: 1024 } } },
      documentType: { type: 'keyword' },
      piiTypes: { type: 'keyword' },
      pageCount: { type: 'integer' },
      processedAt: { type: 'date', format: 'strict_date_optional_time' },
      redactedText: { type: 'text', analyzer: 'english', index_options: 'offsets' },
      summary: { type: 'text', analyzer: 'english', index_options: 'offsets' },
      keyPoints: { type: 'text', analyzer: 'english' },
    });
    for (const request of requests) {
      expect(request.headers.authorization).toMatch(
        /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-1\/aoss\/aws4_request, SignedHeaders=[a-z0-9;-]+, Signature=[0-9a-f]{64}$/,
      );
      expect(request.headers['x-amz-content-sha256']).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('leaves an existing index alone', async () => {
    const { index, requests } = indexWith(() => ({ status: 200 }));

    await index.ensureIndex();

    expect(requests.map((request) => request.method)).toEqual(['HEAD']);
  });

  it('accepts an index created by another process between the check and the create', async () => {
    const { index } = indexWith((request) =>
      request.method === 'HEAD'
        ? { status: 404 }
        : { status: 400, body: { error: { type: 'resource_already_exists_exception', reason: 'index [documents] already exists' }, status: 400 } },
    );

    await expect(index.ensureIndex()).resolves.toBeUndefined();
  });

  it('turns a refused signature into a non-retryable AccessDeniedError', async () => {
    const { index } = indexWith(() => ({ status: 403, body: { status: 403, error: { type: 'security_exception', reason: 'no permissions' } } }));

    await expect(index.ensureIndex()).rejects.toMatchObject({ name: 'AccessDeniedError', retryable: false, message: expect.stringMatching(/data access policy/) });
  });
});

describe('OpenSearchSearchIndex writes', () => {
  it('indexes a document by id without asking for a refresh, with only the mapped fields', async () => {
    // Prepare
    const { index, requests } = indexWith(() => ({ status: 201, body: { result: 'created', _id: 'doc-1' } }));

    // Act
    await index.upsert({ ...invoice, extra: 'not mapped' } as SearchDocument);

    // Assess
    expect(requests[0]?.method).toBe('PUT');
    expect(requests[0]?.path).toBe('/documents/_doc/doc-1');
    expect(requests[0]?.path).not.toMatch(/refresh/);
    expect(json(requests[0]?.body ?? '')).toEqual({
      documentId: 'doc-1',
      key: 'inbox/invoice-7.pdf',
      documentType: 'invoice',
      piiTypes: ['EMAIL', 'NAME'],
      pageCount: 2,
      processedAt: '2024-03-05T09:00:00.000Z',
      redactedText: 'Invoice for [NAME], total 120 EUR',
      summary: 'An invoice for 120 EUR.',
      keyPoints: ['Total 120 EUR'],
    });
  });

  it('writes many documents as one bulk request of NDJSON action and document lines', async () => {
    // Prepare
    const { index, requests } = indexWith(() => ({ status: 200, body: { took: 1, errors: false, items: [] } }));
    const second = { ...invoice, documentId: 'doc-2', key: 'inbox/letter.pdf' };

    // Act
    await index.upsertMany([invoice, second]);

    // Assess
    expect(requests).toHaveLength(1);
    expect(`${requests[0]?.method} ${requests[0]?.path}`).toBe('POST /_bulk');
    const lines = (requests[0]?.body ?? '').split('\n');
    expect(lines.at(-1)).toBe('');
    const parsed = lines.slice(0, -1).map(json);
    expect(parsed).toHaveLength(4);
    expect(parsed[0]).toEqual({ index: { _index: 'documents', _id: 'doc-1' } });
    expect(parsed[1]).toMatchObject({ documentId: 'doc-1', piiTypes: ['EMAIL', 'NAME'] });
    expect(parsed[2]).toEqual({ index: { _index: 'documents', _id: 'doc-2' } });
    expect(parsed[3]).toMatchObject({ documentId: 'doc-2', key: 'inbox/letter.pdf' });
  });

  it('turns throttled bulk items into a retryable ThrottlingError', async () => {
    const { index } = indexWith(() => ({
      status: 200,
      body: {
        took: 1,
        errors: true,
        items: [
          { index: { _index: 'documents', _id: 'doc-1', status: 201, result: 'created' } },
          { index: { _index: 'documents', _id: 'doc-2', status: 429, error: { type: 'rejected_execution_exception', reason: 'queue full' } } },
        ],
      },
    }));

    await expect(index.upsertMany([invoice, { ...invoice, documentId: 'doc-2' }])).rejects.toMatchObject({
      name: 'ThrottlingError',
      retryable: true,
      message: expect.stringMatching(/1 of 2 documents failed; first doc-2: rejected_execution_exception: queue full/),
    });
  });

  it('splits a bulk write that would exceed the size limit', async () => {
    const requests: RecordedRequest[] = [];
    const client = createOpenSearchClient({
      endpoint: ENDPOINT,
      region: 'eu-west-1',
      service: 'aoss',
      getCredentials: () => Promise.resolve(credentials),
      send: recordingConnection(requests, () => ({ status: 200, body: { took: 1, errors: false, items: [] } })),
    });
    const index = new OpenSearchSearchIndex({ client, index: 'documents', maxBulkBytes: 1000 });
    const big = (id: string): SearchDocument => ({ ...invoice, documentId: id, redactedText: 'word '.repeat(150) });

    await index.upsertMany([big('a'), big('b'), big('c')]);

    expect(requests).toHaveLength(3);
  });
});

describe('OpenSearchSearchIndex.search', () => {
  const hit = {
    _index: 'documents',
    _id: 'doc-1',
    _score: 3.5,
    _source: { ...invoice, redactedText: undefined, piiTypes: ['EMAIL', 'NAME'] },
    highlight: { redactedText: ['Invoice for [NAME], [[total]] 120 EUR'], summary: ['An invoice for 120 EUR, [[total]]'] },
  };

  it('sends a multi_match with AND filters, paging and highlights, and maps the hits', async () => {
    // Prepare
    const { index, requests } = indexWith(() => ({
      status: 200,
      body: { took: 2, timed_out: false, hits: { total: { value: 11, relation: 'eq' }, max_score: 3.5, hits: [hit] } },
    }));

    // Act
    const results = await index.search({
      text: 'total due',
      documentType: 'invoice',
      piiTypes: ['NAME', 'EMAIL'],
      from: '2024-03-01',
      to: '2024-03-31',
      page: 3,
      pageSize: 5,
    });

    // Assess
    expect(`${requests[0]?.method} ${requests[0]?.path}`).toBe('POST /documents/_search');
    expect(json(requests[0]?.body ?? '')).toEqual({
      from: 10,
      size: 5,
      track_total_hits: true,
      _source: { excludes: ['redactedText'] },
      query: {
        bool: {
          must: [
            {
              multi_match: {
                query: 'total due',
                fields: ['redactedText', 'summary^2', 'keyPoints', 'key'],
                type: 'cross_fields',
                operator: 'and',
              },
            },
          ],
          filter: [
            { term: { documentType: 'invoice' } },
            { term: { piiTypes: 'NAME' } },
            { term: { piiTypes: 'EMAIL' } },
            { range: { processedAt: { gte: '2024-03-01T00:00:00.000Z', lte: '2024-03-31T23:59:59.999Z' } } },
          ],
        },
      },
      sort: [{ _score: { order: 'desc' } }, { processedAt: { order: 'desc' } }, { documentId: { order: 'asc' } }],
      highlight: {
        pre_tags: ['[['],
        post_tags: [']]'],
        fields: {
          redactedText: { fragment_size: 160, number_of_fragments: 1 },
          summary: { fragment_size: 160, number_of_fragments: 1 },
          key: { number_of_fragments: 0 },
        },
      },
    });
    expect(results).toEqual({
      total: 11,
      page: 3,
      pageSize: 5,
      hits: [
        {
          documentId: 'doc-1',
          key: 'inbox/invoice-7.pdf',
          documentType: 'invoice',
          piiTypes: ['EMAIL', 'NAME'],
          pageCount: 2,
          processedAt: '2024-03-05T10:00:00+01:00',
          summary: 'An invoice for 120 EUR.',
          score: 3.5,
          highlights: ['Invoice for [NAME], [[total]] 120 EUR', 'An invoice for 120 EUR, [[total]]'],
        },
      ],
    });
  });

  it('lists everything newest first with match_all when there is no text', async () => {
    const { index, requests } = indexWith(() => ({
      status: 200,
      body: { took: 1, timed_out: false, hits: { total: { value: 1, relation: 'eq' }, max_score: null, hits: [{ ...hit, _score: null, highlight: undefined }] } },
    }));

    const results = await index.search({ text: '  ' });

    const body = json(requests[0]?.body ?? '') as Record<string, unknown>;
    expect(body.query).toEqual({ match_all: {} });
    expect(body.sort).toEqual([{ processedAt: { order: 'desc' } }, { documentId: { order: 'asc' } }]);
    expect(body).not.toHaveProperty('highlight');
    expect(body).toMatchObject({ from: 0, size: 10, track_total_hits: true });
    expect(results.hits[0]).toMatchObject({ score: 0, highlights: [] });
  });

  it('keeps the filters around match_all when there is no text', async () => {
    const { index, requests } = indexWith(() => ({ status: 200, body: { took: 1, hits: { total: { value: 0, relation: 'eq' }, max_score: null, hits: [] } } }));

    await index.search({ documentType: 'memo' });

    expect((json(requests[0]?.body ?? '') as Record<string, unknown>).query).toEqual({
      bool: { must: [{ match_all: {} }], filter: [{ term: { documentType: 'memo' } }] },
    });
  });

  it('rejects a page size over the limit before sending anything', async () => {
    const { index, requests } = indexWith(() => ({ status: 200 }));

    await expect(index.search({ pageSize: 1000 })).rejects.toMatchObject({ name: 'ContractViolationError' });
    expect(requests).toHaveLength(0);
  });

  it('turns 429 into ThrottlingError and 503 into TransientError', async () => {
    const throttled = indexWith(() => ({ status: 429, body: { error: { type: 'too_many_requests', reason: 'slow down' }, status: 429 } }));
    const unavailable = indexWith(() => ({ status: 503, body: { error: { type: 'unavailable', reason: 'try later' }, status: 503 } }));

    await expect(throttled.index.search({ text: 'a' })).rejects.toMatchObject({ name: 'ThrottlingError', retryable: true });
    await expect(unavailable.index.search({ text: 'a' })).rejects.toMatchObject({ name: 'TransientError', retryable: true });
  });
});
