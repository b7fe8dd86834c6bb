import {
  DetectPiiEntitiesCommand,
  type ComprehendClient,
  type LanguageCode,
  type PiiEntity as ComprehendPiiEntity,
} from '@aws-sdk/client-comprehend';
import { PII_ENTITY_TYPES, type PiiDetector, type PiiEntity, type PiiEntityType } from '../../ports/pii-detector.js';
import { codePointToUtf16 } from './code-point-offsets.js';
import { comprehendError } from './comprehend-errors.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { splitText, type TextChunk } from './text-chunks.js';

/**
 * DetectPiiEntities takes at most 100 KB of UTF-8 per request; chunks stay under 90,000 bytes so the limit holds
 * whether Comprehend counts a kilobyte as 1,000 or 1,024 bytes.
 */
export const COMPREHEND_PII_MAX_CHUNK_BYTES = 90_000;

export interface ComprehendPiiDetectorOptions {
  readonly client: ComprehendClient;
  /**
   * Language of the texts (DetectPiiEntities supports `en` and `es`).
   * @default 'en'
   */
  readonly languageCode?: LanguageCode;
  /**
   * Entities scored below this are dropped.
   * @default 0.5
   */
  readonly minScore?: number;
  /**
   * Largest chunk sent in one request, in UTF-8 bytes.
   * @default COMPREHEND_PII_MAX_CHUNK_BYTES
   */
  readonly maxChunkBytes?: number;
  /**
   * Requests in flight at once for a long text.
   * @default 2
   */
  readonly concurrency?: number;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(PII_ENTITY_TYPES);

function isPortType(type: string | undefined): type is PiiEntityType {
  return type !== undefined && KNOWN_TYPES.has(type);
}

/**
 * PiiDetector on Amazon Comprehend DetectPiiEntities. Long texts are split at whitespace into chunks under the
 * request size limit; entity offsets are mapped back into the whole text. Comprehend counts offsets in Unicode
 * code points; the port's offsets are UTF-16 code units, so they are converted (they differ after emoji and other
 * characters outside the Basic Multilingual Plane). Entity types the port does not know (country-specific ones such
 * as UK_NATIONAL_INSURANCE_NUMBER) are dropped.
 */
export class ComprehendPiiDetector implements PiiDetector {
  private readonly client: ComprehendClient;
  private readonly languageCode: LanguageCode;
  private readonly minScore: number;
  private readonly maxChunkBytes: number;
  private readonly concurrency: number;

  constructor(options: ComprehendPiiDetectorOptions) {
    this.client = options.client;
    this.languageCode = options.languageCode ?? 'en';
    this.minScore = options.minScore ?? 0.5;
    this.maxChunkBytes = options.maxChunkBytes ?? COMPREHEND_PII_MAX_CHUNK_BYTES;
    this.concurrency = options.concurrency ?? 2;
  }

  async detect(text: string): Promise<PiiEntity[]> {
    const chunks = splitText(text, this.maxChunkBytes, 'utf8-bytes').filter((chunk) => chunk.text.trim() !== '');
    const found = await mapWithConcurrency(chunks, this.concurrency, (chunk) => this.detectInChunk(chunk));
    return found.flat().sort((a, b) => a.start - b.start || a.end - b.end);
  }

  private async detectInChunk(chunk: TextChunk): Promise<PiiEntity[]> {
    const entities = await this.callDetect(chunk.text);
    const toUtf16 = codePointToUtf16(chunk.text);
    const result: PiiEntity[] = [];
    for (const entity of entities) {
      const { Type: type, BeginOffset: begin, EndOffset: end, Score: score } = entity;
      if (!isPortType(type) || begin === undefined || end === undefined || score === undefined) continue;
      if (score < this.minScore || end <= begin) continue;
      result.push({ type, start: chunk.start + toUtf16(begin), end: chunk.start + toUtf16(end), score });
    }
    return result;
  }

  private async callDetect(text: string): Promise<ComprehendPiiEntity[]> {
    try {
      const response = await this.client.send(new DetectPiiEntitiesCommand({ Text: text, LanguageCode: this.languageCode }));
      return response.Entities ?? [];
    } catch (error) {
      throw comprehendError(error, 'Comprehend DetectPiiEntities');
    }
  }
}
