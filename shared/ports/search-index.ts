import type { PiiEntityType } from './pii-detector.js';

/** What the index holds for a document: only redacted text and a PII-scrubbed summary. */
export interface SearchDocument {
  readonly documentId: string;
  /** Object key of the uploaded file. */
  readonly key: string;
  readonly documentType: string;
  readonly piiTypes: readonly PiiEntityType[];
  readonly pageCount: number;
  /** ISO-8601 time the document was processed. */
  readonly processedAt: string;
  readonly redactedText: string;
  readonly summary: string;
  readonly keyPoints: readonly string[];
}

export interface SearchQuery {
  /** Free text; empty or absent lists everything matching the filters. */
  readonly text?: string;
  readonly documentType?: string;
  /** Documents whose PII types include every one of these. */
  readonly piiTypes?: readonly PiiEntityType[];
  /** Inclusive ISO-8601 bounds on processedAt. */
  readonly from?: string;
  readonly to?: string;
  /** 1-based page of results. */
  readonly page?: number;
  readonly pageSize?: number;
}

export interface SearchHit {
  readonly documentId: string;
  readonly key: string;
  readonly documentType: string;
  readonly piiTypes: readonly PiiEntityType[];
  readonly pageCount: number;
  readonly processedAt: string;
  readonly summary: string;
  readonly score: number;
  /** Snippets of matching text with each match wrapped in HIGHLIGHT_START and HIGHLIGHT_END. */
  readonly highlights: readonly string[];
}

export const HIGHLIGHT_START = '[[';
export const HIGHLIGHT_END = ']]';

export interface SearchResults {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly hits: readonly SearchHit[];
}

/** Port: full-text index of processed documents (OpenSearch on AWS, SQLite FTS5 locally). */
export interface SearchIndex {
  /** Creates the index if missing. Idempotent. */
  ensureIndex(): Promise<void>;
  /** Adds or replaces a document. */
  upsert(document: SearchDocument): Promise<void>;
  search(query: SearchQuery): Promise<SearchResults>;
  close(): Promise<void>;
}
