import { PII_ENTITY_TYPES, type PiiEntityType } from '../../../ports/pii-detector.js';
import type { SearchDocument, SearchHit } from '../../../ports/search-index.js';

/** What the index returns for a stored document: every field but the full redacted text. */
export type StoredSearchDocument = Omit<SearchDocument, 'redactedText'>;

/** A row of the `documents` table. */
export interface DocumentRow {
  readonly id: number;
  readonly document_id: string;
  readonly key: string;
  readonly document_type: string;
  readonly pii_types: string;
  readonly pii_mask: number;
  readonly page_count: number;
  readonly processed_at: string;
  readonly summary: string;
  readonly key_points: string;
}

function isPiiEntityType(value: unknown): value is PiiEntityType {
  return typeof value === 'string' && (PII_ENTITY_TYPES as readonly string[]).includes(value);
}

function parseArray(json: string): unknown[] {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed : [];
}

/** Distinct PII types in a stable order, for storage. */
export function normalisePiiTypes(piiTypes: readonly PiiEntityType[]): PiiEntityType[] {
  return [...new Set(piiTypes)].sort();
}

/** The fields a stored document and a search hit share, read from a row. */
function rowFields(row: DocumentRow): Omit<SearchHit, 'score' | 'highlights'> {
  return {
    documentId: row.document_id,
    key: row.key,
    documentType: row.document_type,
    piiTypes: parseArray(row.pii_types).filter(isPiiEntityType),
    pageCount: row.page_count,
    processedAt: row.processed_at,
    summary: row.summary,
  };
}

export function toStoredDocument(row: DocumentRow): StoredSearchDocument {
  return {
    ...rowFields(row),
    keyPoints: parseArray(row.key_points).filter((point): point is string => typeof point === 'string'),
  };
}

/** A search hit from a stored row. */
export function toHit(row: DocumentRow, score: number, highlights: readonly string[]): SearchHit {
  return { ...rowFields(row), score, highlights };
}
