import { cleanScanForOcr } from '../../../shared/adapters/embedded/text-extractor/scan-cleanup.js';
import { SCAN_CLEANUP } from '../../../shared/adapters/embedded/text-extractor/ocr-settings.js';

const WIDTH = 300;
const HEIGHT = 120;
/** At 100 dpi the page is 3 × 1.2 inches: rules need 40 px, specks are at most 4 px and 5 px from any letter. */
const DPI = 100;

function paint(pixels: Uint8Array, left: number, top: number, right: number, bottom: number, level: number): void {
  for (let y = top; y <= bottom; y += 1) for (let x = left; x <= right; x += 1) pixels[y * WIDTH + x] = level;
}

/** Three letter-like blocks standing on an underline that runs across the page, and a lone speck of dust. */
function filledInForm() {
  const pixels = new Uint8Array(WIDTH * HEIGHT).fill(235);
  for (const left of [40, 60, 80]) paint(pixels, left, 40, left + 5, 60, 20);
  paint(pixels, 10, 61, 289, 62, 30);
  paint(pixels, 200, 20, 201, 21, 40);
  return { width: WIDTH, height: HEIGHT, pixels };
}

function level(raster: { pixels: Uint8Array }, x: number, y: number): number | undefined {
  return raster.pixels[y * WIDTH + x];
}

describe('cleaning a scanned form before OCR', () => {
  it('erases the underline and the speck, and keeps the letters as they were', () => {
    // Prepare
    const form = filledInForm();

    // Act
    const cleaned = cleanScanForOcr(form, DPI, SCAN_CLEANUP);

    // Assess
    expect({ underline: level(cleaned, 150, 61), speck: level(cleaned, 200, 20) }).toEqual({ underline: 255, speck: 255 });
    expect([level(cleaned, 42, 45), level(cleaned, 62, 60), level(cleaned, 85, 50)]).toEqual([20, 20, 20]);
    expect(level(cleaned, 150, 100)).toBe(235);
  });

  it('turns the paper white too when asked to keep only the ink', () => {
    // Prepare
    const form = filledInForm();

    // Act
    const cleaned = cleanScanForOcr(form, DPI, { ...SCAN_CLEANUP, whitenPaper: true });

    // Assess
    expect({ paper: level(cleaned, 150, 100), letter: level(cleaned, 42, 45) }).toEqual({ paper: 255, letter: 20 });
  });

  it('leaves the input raster untouched', () => {
    // Prepare
    const form = filledInForm();
    const before = Uint8Array.from(form.pixels);

    // Act
    cleanScanForOcr(form, DPI);

    // Assess
    expect(form.pixels).toEqual(before);
  });
});
