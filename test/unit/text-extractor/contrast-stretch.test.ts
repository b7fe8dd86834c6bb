import { stretchContrast } from '../../../shared/adapters/embedded/text-extractor/contrast-stretch.js';

function raster(levels: number[]) {
  return { width: levels.length, height: 1, pixels: Uint8Array.from(levels) };
}

describe('stretching the contrast of a scan before OCR', () => {
  it('maps grey ink to black and grey paper to white', () => {
    // Prepare: faded ink at 80, dull paper at 200.
    const faded = raster([...Array<number>(50).fill(80), ...Array<number>(50).fill(200), 140]);

    // Act
    const stretched = stretchContrast(faded);

    // Assess
    expect(stretched.pixels[0]).toBe(0);
    expect(stretched.pixels[99]).toBe(255);
    expect(stretched.pixels[100]).toBe(128);
  });

  it('leaves a nearly uniform page as it is', () => {
    // Prepare
    const blank = raster([...Array<number>(99).fill(250), 240]);

    // Act
    const result = stretchContrast(blank);

    // Assess
    expect(result).toBe(blank);
  });
});
