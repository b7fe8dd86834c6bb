import type { InkMask } from './ink-mask.js';

export interface RuledLineOptions {
  /** Shortest run of ink, in pixels, taken for a ruled line (far longer than any letter stroke). */
  readonly minLength: number;
  /** Gaps up to this many pixels (a scan's breaks in a line) do not end a run. */
  readonly maxGap: number;
  /** Thickest a line may be, in pixels; where a letter stands on it, the ink is thicker and is kept. */
  readonly maxThickness: number;
}

/**
 * The pixels of the ruled lines of a form: horizontal (and vertical) runs of ink at least `minLength` long, kept
 * only where the ink across them is no thicker than `maxThickness`. Letters written on a line thus keep their
 * strokes; underlines, table rules and box edges go. Returns a mask of the pixels to erase.
 */
export function findRuledLinePixels(mask: InkMask, options: RuledLineOptions): Uint8Array {
  const { width, height } = mask;
  const lines = new Uint8Array(width * height);
  markThinLongRuns(mask, options, lines, { along: 1, across: width, alongCount: width, acrossCount: height });
  markThinLongRuns(mask, options, lines, { along: width, across: 1, alongCount: height, acrossCount: width });
  return lines;
}

/** How to walk the pixels: `along` is the step between neighbours of a run, `across` between runs. */
interface Direction {
  readonly along: number;
  readonly across: number;
  readonly alongCount: number;
  readonly acrossCount: number;
}

function markThinLongRuns(mask: InkMask, options: RuledLineOptions, lines: Uint8Array, direction: Direction): void {
  const { ink } = mask;
  const { along, across, alongCount, acrossCount } = direction;
  for (let row = 0; row < acrossCount; row += 1) {
    const base = row * across;
    let start = -1;
    let lastInk = -1;
    for (let position = 0; position <= alongCount; position += 1) {
      const isInk = position < alongCount && ink[base + position * along] === 1;
      if (!isInk) continue;
      if (start >= 0 && position - lastInk - 1 > options.maxGap) {
        markRun(mask, options, lines, direction, base, start, lastInk);
        start = -1;
      }
      if (start < 0) start = position;
      lastInk = position;
    }
    if (start >= 0) markRun(mask, options, lines, direction, base, start, lastInk);
  }
}

/** Marks the pixels of one run that are thin across, if the run is long enough. */
function markRun(
  mask: InkMask,
  options: RuledLineOptions,
  lines: Uint8Array,
  direction: Direction,
  base: number,
  start: number,
  end: number,
): void {
  if (end - start + 1 < options.minLength) return;
  const { ink } = mask;
  const { along, across, acrossCount } = direction;
  const row = Math.floor(base / across);
  for (let position = start; position <= end; position += 1) {
    const pixel = base + position * along;
    if (ink[pixel] !== 1) continue;
    let thickness = 1;
    for (let step = 1; row - step >= 0 && ink[pixel - step * across] === 1 && thickness <= options.maxThickness; step += 1) {
      thickness += 1;
    }
    for (
      let step = 1;
      row + step < acrossCount && ink[pixel + step * across] === 1 && thickness <= options.maxThickness;
      step += 1
    ) {
      thickness += 1;
    }
    if (thickness <= options.maxThickness) lines[pixel] = 1;
  }
}
