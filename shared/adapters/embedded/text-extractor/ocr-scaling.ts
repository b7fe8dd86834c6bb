import type { ImageFrame } from './image-frame.js';
import { OCR_MAX_PIXELS, OCR_MAX_UPSCALE, OCR_MIN_UPSCALE, OCR_TARGET_DPI } from './ocr-settings.js';

/** How to resample an image before OCR, and the resolution the result will have. */
export interface OcrScaling {
  readonly scaleX: number;
  readonly scaleY: number;
  readonly dpi: number;
}

/** A page larger than this (inches) would be implausible, so a resolution implying it is not believed. */
const MAX_PLAUSIBLE_PAGE_INCHES = 17;
/** With no resolution recorded, the image is taken to be a whole page of this long side (Letter, 11 in). */
const ASSUMED_PAGE_LONG_SIDE_INCHES = 11;

/**
 * Chooses the resampling that brings a scan to OCR_TARGET_DPI: low-resolution scans are upscaled (at most
 * OCR_MAX_UPSCALE times, and only when that is at least OCR_MIN_UPSCALE times), anisotropic ones (faxes) are made
 * square at the finer of their two resolutions, and anything over OCR_MAX_PIXELS is scaled down.
 */
export function planOcrScaling(frame: ImageFrame): OcrScaling {
  const { xDpi, yDpi } = sourceResolution(frame);
  const finestDpi = Math.max(xDpi, yDpi);
  const targetDpi = OCR_TARGET_DPI >= finestDpi * OCR_MIN_UPSCALE ? OCR_TARGET_DPI : finestDpi;
  let scaleX = upscaleFactor(xDpi, targetDpi);
  let scaleY = upscaleFactor(yDpi, targetDpi);
  const pixels = frame.width * scaleX * frame.height * scaleY;
  if (pixels > OCR_MAX_PIXELS) {
    const shrink = Math.sqrt(OCR_MAX_PIXELS / pixels);
    scaleX *= shrink;
    scaleY *= shrink;
  }
  return { scaleX, scaleY, dpi: Math.min(xDpi * scaleX, yDpi * scaleY) };
}

/** The recorded resolution when it describes a plausible page, else one estimated from the pixel size. */
function sourceResolution(frame: ImageFrame): { xDpi: number; yDpi: number } {
  const { width, height, xDpi, yDpi } = frame;
  if (xDpi !== undefined && yDpi !== undefined) {
    const believable = width / xDpi <= MAX_PLAUSIBLE_PAGE_INCHES && height / yDpi <= MAX_PLAUSIBLE_PAGE_INCHES;
    if (believable) return { xDpi, yDpi };
  }
  const estimated = Math.max(width, height) / ASSUMED_PAGE_LONG_SIDE_INCHES;
  return { xDpi: estimated, yDpi: estimated };
}

function upscaleFactor(dpi: number, targetDpi: number): number {
  return Math.min(OCR_MAX_UPSCALE, Math.max(1, targetDpi / dpi));
}
