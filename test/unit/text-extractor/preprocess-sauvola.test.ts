import { sauvolaInkMask } from '../../../shared/adapters/embedded/text-extractor/sauvola-threshold.js';

/** A page of one grey level with square marks of other levels painted on it. */
function page(width: number, height: number, paper: number, marks: { x: number; y: number; size: number; level: number }[]) {
  const pixels = new Uint8Array(width * height).fill(paper);
  for (const mark of marks) {
    for (let y = mark.y; y < mark.y + mark.size; y += 1) {
      for (let x = mark.x; x < mark.x + mark.size; x += 1) pixels[y * width + x] = mark.level;
    }
  }
  return { width, height, pixels };
}

function inkPixels(mask: { width: number; ink: Uint8Array }): string[] {
  const found: string[] = [];
  mask.ink.forEach((value, index) => {
    if (value === 1) found.push(`${index % mask.width},${Math.floor(index / mask.width)}`);
  });
  return found;
}

describe('Sauvola thresholding of a scanned page', () => {
  it('marks exactly the dark marks as ink, on white paper and on a grey form cell alike', () => {
    // Prepare: a 2x2 mark at 120 on white (240) paper and a 2x2 mark at 60 on grey (170) paper.
    const white = page(20, 20, 240, [{ x: 5, y: 5, size: 2, level: 120 }]);
    const grey = page(20, 20, 170, [{ x: 12, y: 12, size: 2, level: 60 }]);

    // Act
    const onWhite = sauvolaInkMask(white, { windowSide: 15, k: 0.34 });
    const onGrey = sauvolaInkMask(grey, { windowSide: 15, k: 0.34 });

    // Assess
    expect(inkPixels(onWhite)).toEqual(['5,5', '6,5', '5,6', '6,6']);
    expect(inkPixels(onGrey)).toEqual(['12,12', '13,12', '12,13', '13,13']);
  });

  it('finds no ink on plain paper, however grey', () => {
    // Prepare
    const blank = page(30, 10, 130, []);

    // Act
    const mask = sauvolaInkMask(blank, { windowSide: 9, k: 0.34 });

    // Assess
    expect(inkPixels(mask)).toEqual([]);
  });

  it('keeps the size of the page', () => {
    // Prepare
    const raster = page(7, 3, 255, [{ x: 0, y: 0, size: 1, level: 0 }]);

    // Act
    const mask = sauvolaInkMask(raster, { windowSide: 5, k: 0.34 });

    // Assess
    expect({ width: mask.width, height: mask.height, length: mask.ink.length }).toEqual({ width: 7, height: 3, length: 21 });
  });
});
