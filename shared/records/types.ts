import type { MediaType } from '../contracts/media-type.js';
import type { PiiEntityType } from '../ports/pii-detector.js';

export type DocumentStatus = 'PROCESSING' | 'SUCCEEDED' | 'FAILED';
export type UploadStatus = 'PROCESSING' | 'SUCCEEDED' | 'FAILED' | 'DUPLICATE';

/** One per distinct content (documentId is derived from the SHA-256 of the bytes). */
export interface DocumentRecord {
  readonly documentId: string;
  readonly contentHash: string;
  readonly status: DocumentStatus;
  readonly bucket: string;
  readonly key: string;
  readonly mediaType: MediaType;
  readonly size: number;
  readonly executionId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly note?: string;
  readonly pageCount?: number;
  readonly characterCount?: number;
  readonly extractionMethod?: string;
  readonly extractionConfidence?: number;
  readonly ocrPages?: number;
  readonly documentType?: string;
  readonly classificationConfidence?: number;
  readonly classificationScores?: Record<string, number>;
  readonly piiCounts?: Partial<Record<PiiEntityType, number>>;
  readonly piiTypes?: PiiEntityType[];
  readonly summary?: string;
  readonly keyPoints?: string[];
  readonly textKey?: string;
  readonly redactedTextKey?: string;
  readonly summaryKey?: string;
  readonly indexed?: boolean;
  readonly error?: string;
  readonly reason?: string;
  readonly failedAt?: string;
  readonly repeats?: number;
}

/** One per ObjectCreated event: says what happened to that upload. */
export interface UploadRecord {
  readonly uploadId: string;
  readonly bucket: string;
  readonly key: string;
  readonly status: UploadStatus;
  readonly executionId: string;
  readonly receivedAt: string;
  readonly updatedAt: string;
  readonly size?: number;
  readonly documentId?: string;
  readonly duplicateOf?: string;
  readonly error?: string;
  readonly reason?: string;
}
