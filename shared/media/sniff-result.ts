import type { MediaType } from '../contracts/media-type.js';

/** The outcome of looking at a file's first bytes. */
export type SniffResult = SupportedMedia | UnsupportedMedia;

/** A format the pipeline processes. */
export interface SupportedMedia {
  readonly ok: true;
  readonly mediaType: MediaType;
}

/** Anything else, named as precisely as the bytes allow. */
export interface UnsupportedMedia {
  readonly ok: false;
  /** What the file actually is, e.g. `ZIP archive (also .docx/.xlsx)` or `binary data`. */
  readonly detected: string;
  /** A sentence a person understands, saying why it is refused and what to do instead. */
  readonly reason: string;
}

/** Human names of the supported media types, for messages. */
export const MEDIA_TYPE_LABELS: Readonly<Record<MediaType, string>> = {
  'application/pdf': 'PDF document',
  'image/png': 'PNG image',
  'image/jpeg': 'JPEG image',
  'image/tiff': 'TIFF image',
  'text/plain': 'plain text',
};

export const SUPPORTED_FORMATS_SENTENCE = 'docpipe reads PDF, PNG, JPEG, TIFF and UTF-8 plain text.';
