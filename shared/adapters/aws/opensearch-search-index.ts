import type { API } from '@opensearch-project/opensearch';
import * as v from 'valibot';
import { PII_ENTITY_TYPES, type PiiEntityType } from '../../ports/pii-detector.js';
import type { SearchDocument, SearchHit, SearchIndex, SearchQuery, SearchResults } from '../../ports/search-index.js';
import { assertIndexable } from '../embedded/search-index/document-validation.js';
import { resolvePaging } from '../embedded/search-index/paging.js';
import { normaliseTimestamp } from '../embedded/search-index/timestamps.js';
import { ContractViolationError } from '../../errors.js';
import { describeIssues } from '../../contracts/validate.js';
import { openSearchPath, type OpenSearchClient } from './opensearch-client.js';
import { SEARCH_INDEX_BODY } from './opensearch-index-body.js';
import { errorForStatus, errorReason, isIndexAlreadyExists, isNotFound, openSearchError } from './opensearch-errors.js';
import { searchRequestBody } from './opensearch-query.js';

/** Largest bulk request body sent at once (OpenSearch Serverless and small domains accept 10 MiB). */
export const MAX_BULK_BYTES = 5 * 1024 * 1024;

export interface OpenSearchSearchIndexOptions {
  /** A client signing its requests (see createOpenSearchClient). */
  readonly client: OpenSearchClient;
  /** Index name (lowercase). */
  readonly index: string;
  /** @default MAX_BULK_BYTES */
  readonly maxBulkBytes?: number;
}

/** The fields stored for a document, as the adapter writes them. */
type StoredDocument = Omit<SearchDocument, 'piiTypes' | 'keyPoints'> & {
  readonly piiTypes: PiiEntityType[];
  readonly keyPoints: string[];
};

const KNOWN_PII_TYPES: ReadonlySet<string> = new Set(PII_ENTITY_TYPES);

const storedHitSchema = v.object({
  documentId: v.string(),
  key: v.string(),
  documentType: v.string(),
  // A function, so each hit gets its own empty array.
  piiTypes: v.optional(v.array(v.string()), () => []),
  pageCount: v.pipe(v.number(), v.finite()),
  processedAt: v.string(),
  summary: v.optional(v.string(), ''),
});

/** Exactly the mapped fields (the mapping is strict), with PII types sorted and unique and the time in UTC. */
function toStored(document: SearchDocument): StoredDocument {
  assertIndexable(document);
  return {
    documentId: document.documentId,
    key: document.key,
    documentType: document.documentType,
    piiTypes: [...new Set(document.piiTypes)].sort(),
    pageCount: document.pageCount,
    processedAt: normaliseTimestamp(document.processedAt, `Search document ${document.documentId}: processedAt`),
    redactedText: document.redactedText,
    summary: document.summary,
    keyPoints: [...document.keyPoints],
  };
}

function totalOf(total: API.Search_ResponseBody['hits']['total']): number {
  if (typeof total === 'number') return total;
  return total?.value ?? 0;
}

/**
 * SearchIndex on Amazon OpenSearch (a Serverless collection or a managed domain), through a SigV4-signing client.
 * Writes never ask for `refresh` (Serverless does not support it): a document becomes searchable within about a
 * second (a domain's refresh interval) to ten seconds (Serverless).
 */
export class OpenSearchSearchIndex implements SearchIndex {
  private readonly client: OpenSearchClient;
  private readonly index: string;
  private readonly maxBulkBytes: number;

  constructor(options: OpenSearchSearchIndexOptions) {
    this.client = options.client;
    this.index = options.index;
    this.maxBulkBytes = options.maxBulkBytes ?? MAX_BULK_BYTES;
  }

  async ensureIndex(): Promise<void> {
    const doing = `Creating OpenSearch index ${this.index}`;
    try {
      await this.client.request({ method: 'HEAD', path: openSearchPath(this.index) });
      return;
    } catch (error) {
      if (!isNotFound(error)) throw openSearchError(error, doing);
    }
    try {
      await this.client.request({ method: 'PUT', path: openSearchPath(this.index), body: SEARCH_INDEX_BODY });
    } catch (error) {
      // Another process created it between the check and the create.
      if (isIndexAlreadyExists(error)) return;
      throw openSearchError(error, doing);
    }
  }

  async upsert(document: SearchDocument): Promise<void> {
    const stored = toStored(document);
    try {
      await this.client.request({ method: 'PUT', path: openSearchPath(this.index, '_doc', stored.documentId), body: stored });
    } catch (error) {
      throw openSearchError(error, `Indexing document ${stored.documentId}`);
    }
  }

  /** Adds or replaces many documents with bulk requests (each at most maxBulkBytes). Not atomic. */
  async upsertMany(documents: readonly SearchDocument[]): Promise<void> {
    for (const batch of this.bulkBatches(documents.map(toStored))) {
      let response: API.Bulk_ResponseBody;
      try {
        const lines = batch.flatMap((stored) => [{ index: { _index: this.index, _id: stored.documentId } }, stored]);
        ({ body: response } = await this.client.request<API.Bulk_ResponseBody>({ method: 'POST', path: '/_bulk', ndjson: lines }));
      } catch (error) {
        throw openSearchError(error, `Indexing ${batch.length} documents`);
      }
      if (response.errors) throw this.bulkFailure(response.items);
    }
  }

  async search(query: SearchQuery): Promise<SearchResults> {
    const paging = resolvePaging(query.page, query.pageSize);
    let response: API.Search_ResponseBody;
    try {
      ({ body: response } = await this.client.request<API.Search_ResponseBody>({
        method: 'POST',
        path: openSearchPath(this.index, '_search'),
        body: searchRequestBody(query, paging),
      }));
    } catch (error) {
      throw openSearchError(error, `Searching OpenSearch index ${this.index}`);
    }
    return {
      total: totalOf(response.hits.total),
      page: paging.page,
      pageSize: paging.pageSize,
      hits: response.hits.hits.map((hit) => this.toHit(hit)),
    };
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private toHit(hit: API.Search_ResponseBody['hits']['hits'][number]): SearchHit {
    const parsed = v.safeParse(storedHitSchema, hit._source);
    if (!parsed.success) {
      throw new ContractViolationError(`OpenSearch hit ${String(hit._id)} in ${this.index} lacks the indexed fields: ${describeIssues(parsed.issues)}`);
    }
    const source = parsed.output;
    const fragments = [...(hit.highlight?.redactedText ?? []), ...(hit.highlight?.summary ?? [])];
    return {
      documentId: source.documentId,
      key: source.key,
      documentType: source.documentType,
      piiTypes: source.piiTypes.filter((type): type is PiiEntityType => KNOWN_PII_TYPES.has(type)),
      pageCount: source.pageCount,
      processedAt: source.processedAt,
      summary: source.summary,
      score: typeof hit._score === 'number' ? hit._score : 0,
      highlights: fragments.length > 0 ? fragments : (hit.highlight?.key ?? []),
    };
  }

  /** Consecutive batches whose NDJSON body stays within maxBulkBytes (a single larger document goes alone). */
  private bulkBatches(documents: readonly StoredDocument[]): StoredDocument[][] {
    const batches: StoredDocument[][] = [];
    let current: StoredDocument[] = [];
    let bytes = 0;
    for (const document of documents) {
      const size = Buffer.byteLength(JSON.stringify(document)) + this.index.length + document.documentId.length + 40;
      if (current.length > 0 && bytes + size > this.maxBulkBytes) {
        batches.push(current);
        current = [];
        bytes = 0;
      }
      current.push(document);
      bytes += size;
    }
    if (current.length > 0) batches.push(current);
    return batches;
  }

  /** The error for a bulk response with failed items: throttling if any item was throttled, else the first failure. */
  private bulkFailure(items: API.Bulk_ResponseBody['items']): Error {
    const failed = items.flatMap((item) => Object.values(item)).filter((result) => result.error !== undefined || result.status >= 300);
    const first = failed.find((result) => result.status === 429) ?? failed.find((result) => result.status >= 500) ?? failed[0];
    const { type, reason } = errorReason({ error: first?.error });
    const detail = `${failed.length} of ${items.length} documents failed; first ${first?._id ?? '?'}: ${[type, reason].filter(Boolean).join(': ')}`;
    return errorForStatus(first?.status ?? 500, detail, `Indexing ${items.length} documents`);
  }
}
