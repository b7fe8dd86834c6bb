import type { PiiEntityType } from '../../shared/ports/pii-detector.js';
import type { DocumentRecord, DocumentStatus, UploadRecord } from '../../shared/records/types.js';
import { executionNameOf } from './execution-views.js';

/** A row of the documents table. */
export interface DocumentRow {
  readonly documentId: string;
  readonly key: string;
  readonly status: DocumentStatus;
  readonly documentType?: string;
  readonly pageCount?: number;
  readonly piiTypes: readonly PiiEntityType[];
  readonly piiTotal: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly executionName: string;
  readonly reason?: string;
}

/** A document page: its record, the redacted text (never the original) and the uploads that brought it. */
export interface DocumentDetail {
  readonly document: DocumentRecord;
  readonly executionName: string;
  readonly redactedPages: readonly { readonly pageNumber: number; readonly text: string }[] | null;
  /** True when the pages were cut to the console's limit. */
  readonly truncated: boolean;
  readonly uploads: readonly (UploadRecord & { readonly executionName: string })[];
}

/** Most characters of redacted text a document page shows. */
export const MAX_PAGE_TEXT_CHARS = 200_000;

export function documentRow(record: DocumentRecord): DocumentRow {
  const counts = Object.values(record.piiCounts ?? {}).filter((n): n is number => typeof n === 'number');
  return {
    documentId: record.documentId,
    key: record.key,
    status: record.status,
    ...(record.documentType === undefined ? {} : { documentType: record.documentType }),
    ...(record.pageCount === undefined ? {} : { pageCount: record.pageCount }),
    piiTypes: record.piiTypes ?? (Object.keys(record.piiCounts ?? {}) as PiiEntityType[]),
    piiTotal: counts.reduce((sum, n) => sum + n, 0),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    executionName: executionNameOf(record.executionId),
    ...(record.reason === undefined ? {} : { reason: record.reason }),
  };
}

/** Newest first. */
export function documentRows(records: readonly DocumentRecord[]): DocumentRow[] {
  return records.map(documentRow).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Keeps whole pages up to the character limit, cutting the page that crosses it. */
export function limitPages(
  pages: readonly { readonly pageNumber: number; readonly text: string }[],
  maxChars = MAX_PAGE_TEXT_CHARS,
): { pages: { pageNumber: number; text: string }[]; truncated: boolean } {
  const kept: { pageNumber: number; text: string }[] = [];
  let left = maxChars;
  for (const page of pages) {
    if (left <= 0) return { pages: kept, truncated: true };
    kept.push({ pageNumber: page.pageNumber, text: page.text.slice(0, left) });
    if (page.text.length > left) return { pages: kept, truncated: true };
    left -= page.text.length;
  }
  return { pages: kept, truncated: false };
}
