import { identifyBinaryFormat } from './binary-signatures.js';
import type { SniffResult } from './sniff-result.js';
import { classifyTextOrBinary } from './text-detection.js';

export type { SniffResult, SupportedMedia, UnsupportedMedia } from './sniff-result.js';
export { extensionMismatch } from './extension-mismatch.js';

/** How many leading bytes of an object callers should read and pass to sniffMediaType. */
export const SNIFF_HEAD_BYTES = 4096;

/**
 * Tells the media type of a file from its first bytes (read SNIFF_HEAD_BYTES of the object): PDF, PNG, JPEG, TIFF
 * or UTF-8 plain text, or else names what the file is and why it is refused. The file name plays no part.
 */
export function sniffMediaType(head: Uint8Array): SniffResult {
  return identifyBinaryFormat(head) ?? classifyTextOrBinary(head);
}
