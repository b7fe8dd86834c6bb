import type { GrayRaster } from './gray-raster.js';
import type { InkMask } from './ink-mask.js';

/** Sauvola's dynamic range of the standard deviation for 8-bit images. */
const DYNAMIC_RANGE = 128;

export interface SauvolaOptions {
  /** Side of the square window around each pixel, in pixels (made odd). */
  readonly windowSide: number;
  /** How far below the local mean (relative to the local contrast) a pixel must be to count as ink. */
  readonly k: number;
}

/**
 * Sauvola's adaptive threshold: a pixel is ink when it is darker than m·(1 + k·(s/128 − 1)), m and s being the
 * mean and standard deviation of the window around it. Unlike one global threshold it keeps faint print on
 * white paper and text in grey form cells. Sums over the window slide along rows and columns, so the cost does not
 * depend on the window's size.
 */
export function sauvolaInkMask(raster: GrayRaster, options: SauvolaOptions): InkMask {
  const { width, height, pixels } = raster;
  const half = Math.max(1, Math.floor(options.windowSide / 2));
  const { k } = options;
  const columnSum = new Float64Array(width);
  const columnSquares = new Float64Array(width);
  const ink = new Uint8Array(width * height);
  const addRow = (row: number, sign: 1 | -1) => {
    const offset = row * width;
    for (let x = 0; x < width; x += 1) {
      const value = pixels[offset + x] ?? 0;
      columnSum[x] = (columnSum[x] ?? 0) + sign * value;
      columnSquares[x] = (columnSquares[x] ?? 0) + sign * value * value;
    }
  };
  for (let row = 0; row < Math.min(height, half); row += 1) addRow(row, 1);
  for (let y = 0; y < height; y += 1) {
    if (y + half < height) addRow(y + half, 1);
    if (y - half - 1 >= 0) addRow(y - half - 1, -1);
    const rows = Math.min(height, y + half + 1) - Math.max(0, y - half);
    let sum = 0;
    let squares = 0;
    for (let x = 0; x < Math.min(width, half); x += 1) {
      sum += columnSum[x] ?? 0;
      squares += columnSquares[x] ?? 0;
    }
    const offset = y * width;
    for (let x = 0; x < width; x += 1) {
      const entering = x + half;
      if (entering < width) {
        sum += columnSum[entering] ?? 0;
        squares += columnSquares[entering] ?? 0;
      }
      const leaving = x - half - 1;
      if (leaving >= 0) {
        sum -= columnSum[leaving] ?? 0;
        squares -= columnSquares[leaving] ?? 0;
      }
      const count = rows * (Math.min(width, x + half + 1) - Math.max(0, x - half));
      const mean = sum / count;
      // value < mean·(1 − k) + (mean·k / R)·deviation, compared without a square root: the left side is the
      // excess over the threshold's constant part, the right side's square is slope² · variance.
      const excess = (pixels[offset + x] ?? 255) - mean * (1 - k);
      if (excess < 0) {
        ink[offset + x] = 1;
        continue;
      }
      const slope = (mean * k) / DYNAMIC_RANGE;
      ink[offset + x] = excess * excess < slope * slope * (squares / count - mean * mean) ? 1 : 0;
    }
  }
  return { width, height, ink };
}
