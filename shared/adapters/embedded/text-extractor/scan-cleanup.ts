import type { GrayRaster } from './gray-raster.js';
import { labelInkComponents, type InkComponents } from './ink-components.js';
import type { InkMask } from './ink-mask.js';
import { SCAN_CLEANUP, type ScanCleanupSettings } from './ocr-settings.js';
import { findRuledLinePixels } from './ruled-lines.js';
import { sauvolaInkMask } from './sauvola-threshold.js';

/**
 * Erases from a scanned page what is ink but not text, before OCR: the ruled lines of forms (underlines, table
 * rules, box edges, which Tesseract otherwise reads as strings of dashes or lets cut through the letters standing
 * on them) and isolated specks of scanner noise. Ink is found with Sauvola's adaptive threshold; erased pixels
 * turn white, everything else keeps its grey level, which the recogniser reads better than a binary image.
 * Sizes are given in inches and turned into pixels with the raster's resolution.
 */
export function cleanScanForOcr(
  raster: GrayRaster,
  dpi: number,
  settings: ScanCleanupSettings = SCAN_CLEANUP,
): GrayRaster {
  const inches = (length: number) => Math.max(1, Math.round(length * dpi));
  const mask = sauvolaInkMask(raster, { windowSide: inches(settings.sauvolaWindowInches), k: settings.sauvolaK });
  const erased = findRuledLinePixels(mask, {
    minLength: inches(settings.lineMinLengthInches),
    maxGap: settings.lineMaxGapPixels,
    maxThickness: inches(settings.lineMaxThicknessInches),
  });
  const remaining = withoutPixels(mask, erased);
  const components = labelInkComponents(remaining);
  const doomed = componentsToErase(components, remaining, {
    pieceMinLength: inches(settings.linePieceMinLengthInches),
    pieceMaxThickness: inches(settings.linePieceMaxThicknessInches),
    speckMaxArea: Math.round(settings.speckMaxAreaSquareInches * dpi * dpi),
    speckIsolation: inches(settings.speckIsolationInches),
  });
  for (let pixel = 0; pixel < erased.length; pixel += 1) {
    const label = components.labels[pixel] ?? -1;
    if (label >= 0 && doomed[label] === 1) erased[pixel] = 1;
  }
  if (settings.whitenPaper) return onlyInk(raster, remaining, doomed, components.labels);
  return whitened(raster, erased, remaining, doomed, components.labels);
}

/** The page with everything but the kept ink and its one-pixel fringe turned white. */
function onlyInk(raster: GrayRaster, remaining: InkMask, doomed: Uint8Array, labels: Int32Array): GrayRaster {
  const { width, height } = raster;
  const kept = new Uint8Array(width * height);
  for (let pixel = 0; pixel < kept.length; pixel += 1) {
    const label = labels[pixel] ?? -1;
    if (remaining.ink[pixel] === 1 && !(label >= 0 && doomed[label] === 1)) kept[pixel] = 1;
  }
  const pixels = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const pixel = y * width + x;
      if (kept[pixel] !== 1) continue;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny += 1) {
        const offset = ny * width;
        for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx += 1) {
          pixels[offset + nx] = raster.pixels[offset + nx] ?? 255;
        }
      }
    }
  }
  return { width, height, pixels };
}

/** A line's piece is at least this many times longer than thick (an I or an l is not). */
const PIECE_MIN_ELONGATION = 8;

interface EraseRules {
  /** A blob at least this long and at most this thick is a piece of a broken ruled line. */
  readonly pieceMinLength: number;
  readonly pieceMaxThickness: number;
  /** A blob of at most this many pixels with no larger blob within `speckIsolation` pixels is noise. */
  readonly speckMaxArea: number;
  readonly speckIsolation: number;
}

/** Flags (1) the components that are line pieces or isolated specks. */
function componentsToErase(components: InkComponents, mask: InkMask, rules: EraseRules): Uint8Array {
  const { width, height } = mask;
  const doomed = new Uint8Array(components.count);
  for (let label = 0; label < components.count; label += 1) {
    const left = components.left[label] ?? 0;
    const top = components.top[label] ?? 0;
    const right = components.right[label] ?? 0;
    const bottom = components.bottom[label] ?? 0;
    const long = Math.max(right - left, bottom - top) + 1;
    const thick = Math.min(right - left, bottom - top) + 1;
    if (long >= rules.pieceMinLength && thick <= rules.pieceMaxThickness && long >= PIECE_MIN_ELONGATION * thick) {
      doomed[label] = 1;
      continue;
    }
    if ((components.area[label] ?? 0) > rules.speckMaxArea) continue;
    const isolated = !hasLargerNeighbour(components, rules, label, {
      left: Math.max(0, left - rules.speckIsolation),
      top: Math.max(0, top - rules.speckIsolation),
      right: Math.min(width - 1, right + rules.speckIsolation),
      bottom: Math.min(height - 1, bottom + rules.speckIsolation),
    }, width);
    if (isolated) doomed[label] = 1;
  }
  return doomed;
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Whether a component larger than a speck has ink inside the box around a small one. */
function hasLargerNeighbour(components: InkComponents, rules: EraseRules, label: number, box: Box, width: number): boolean {
  for (let y = box.top; y <= box.bottom; y += 1) {
    for (let x = box.left; x <= box.right; x += 1) {
      const other = components.labels[y * width + x] ?? -1;
      if (other >= 0 && other !== label && (components.area[other] ?? 0) > rules.speckMaxArea) return true;
    }
  }
  return false;
}

function withoutPixels(mask: InkMask, erased: Uint8Array): InkMask {
  const ink = new Uint8Array(mask.ink.length);
  for (let pixel = 0; pixel < ink.length; pixel += 1) ink[pixel] = mask.ink[pixel] === 1 && erased[pixel] !== 1 ? 1 : 0;
  return { width: mask.width, height: mask.height, ink };
}

/**
 * The page with the erased pixels, and their one-pixel fringe of anti-aliasing, turned white; ink that stays
 * is never touched.
 */
function whitened(
  raster: GrayRaster,
  erased: Uint8Array,
  remaining: InkMask,
  doomed: Uint8Array,
  labels: Int32Array,
): GrayRaster {
  const { width, height } = raster;
  const pixels = Uint8Array.from(raster.pixels);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const pixel = y * width + x;
      if (erased[pixel] !== 1) continue;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny += 1) {
        for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx += 1) {
          const neighbour = ny * width + nx;
          const label = labels[neighbour] ?? -1;
          const keptInk = remaining.ink[neighbour] === 1 && !(label >= 0 && doomed[label] === 1);
          if (!keptInk) pixels[neighbour] = 255;
        }
      }
    }
  }
  return { width, height, pixels };
}
