import type { InkMask } from './ink-mask.js';

/** The 8-connected blobs of ink of a mask, with their sizes and bounding boxes (indexed by label). */
export interface InkComponents {
  /** Label of each pixel's component, or -1 for paper. */
  readonly labels: Int32Array;
  readonly count: number;
  readonly area: Int32Array;
  readonly left: Int32Array;
  readonly top: Int32Array;
  readonly right: Int32Array;
  readonly bottom: Int32Array;
}

/** Labels the 8-connected components of the ink, by a flood fill from each unlabelled ink pixel. */
export function labelInkComponents(mask: InkMask): InkComponents {
  const { width, height, ink } = mask;
  const labels = new Int32Array(width * height).fill(-1);
  const stack = new Int32Array(width * height);
  const area: number[] = [];
  const left: number[] = [];
  const top: number[] = [];
  const right: number[] = [];
  const bottom: number[] = [];
  for (let seed = 0; seed < ink.length; seed += 1) {
    if (ink[seed] !== 1 || labels[seed] !== -1) continue;
    const label = area.length;
    let size = 0;
    let minX = width;
    let minY = height;
    let maxX = 0;
    let maxY = 0;
    let depth = 0;
    stack[depth++] = seed;
    labels[seed] = label;
    while (depth > 0) {
      const pixel = stack[--depth] ?? 0;
      size += 1;
      const y = Math.floor(pixel / width);
      const x = pixel - y * width;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      for (let ny = Math.max(0, y - 1); ny <= Math.min(height - 1, y + 1); ny += 1) {
        for (let nx = Math.max(0, x - 1); nx <= Math.min(width - 1, x + 1); nx += 1) {
          const neighbour = ny * width + nx;
          if (ink[neighbour] === 1 && labels[neighbour] === -1) {
            labels[neighbour] = label;
            stack[depth++] = neighbour;
          }
        }
      }
    }
    area.push(size);
    left.push(minX);
    top.push(minY);
    right.push(maxX);
    bottom.push(maxY);
  }
  return {
    labels,
    count: area.length,
    area: Int32Array.from(area),
    left: Int32Array.from(left),
    top: Int32Array.from(top),
    right: Int32Array.from(right),
    bottom: Int32Array.from(bottom),
  };
}
