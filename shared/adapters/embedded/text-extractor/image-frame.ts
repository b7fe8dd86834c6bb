import { InvalidDocumentError } from '../../../errors.js';

/** Size and (when the file records it) resolution of one image, read from its header without decoding pixels. */
export interface ImageFrame {
  readonly width: number;
  readonly height: number;
  /** Horizontal resolution in dots per inch, when recorded. */
  readonly xDpi?: number;
  /** Vertical resolution in dots per inch, when recorded (faxes differ from xDpi). */
  readonly yDpi?: number;
}

/** Largest image accepted for OCR: 100 megapixels, and no side over 20,000 pixels. */
export const MAX_IMAGE_PIXELS = 100_000_000;
export const MAX_IMAGE_SIDE = 20_000;

/** Rejects images too large to decode safely, naming their dimensions. */
export function assertImageSizeAcceptable(frame: ImageFrame, label: string): void {
  const { width, height } = frame;
  if (width < 1 || height < 1) {
    throw new InvalidDocumentError(`${label} has no pixels (${width}×${height})`);
  }
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new InvalidDocumentError(
      `${label} is too large to OCR: ${width}×${height} pixels ` +
        `(limit ${MAX_IMAGE_SIDE} pixels a side and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels)`,
    );
  }
}

/**
 * Runs a header parser over the bytes, turning reads past the end (DataView's RangeError) into an
 * InvalidDocumentError that names the format.
 */
export function parseHeader<T>(bytes: Uint8Array, format: string, parse: (view: DataView) => T): T {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    return parse(view);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new InvalidDocumentError(`${format} image is truncated: its header ends early`, { cause: error });
    }
    throw error;
  }
}

/** A resolution worth recording: positive and finite (files often hold 0 or 1 for "unknown"). */
export function plausibleDpi(value: number): number | undefined {
  return Number.isFinite(value) && value >= 10 && value <= 10_000 ? value : undefined;
}
