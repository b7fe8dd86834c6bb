import { planOcrScaling } from '../../../shared/adapters/embedded/text-extractor/ocr-scaling.js';
import { OCR_MAX_PIXELS, OCR_MAX_UPSCALE, OCR_MIN_UPSCALE, OCR_TARGET_DPI } from '../../../shared/adapters/embedded/text-extractor/ocr-settings.js';

describe('planning how to resample an image before OCR', () => {
  it('upscales a small page scan with no recorded resolution towards the target resolution', () => {
    // Act: a 754×1000 FUNSD-like scan is taken as an 11-inch page, about 91 dpi.
    const plan = planOcrScaling({ width: 754, height: 1000 });

    // Assess
    expect(plan.scaleX).toBeCloseTo(Math.min(OCR_MAX_UPSCALE, OCR_TARGET_DPI / (1000 / 11)), 5);
    expect(plan.scaleY).toBe(plan.scaleX);
    expect(plan.dpi).toBeCloseTo(Math.min(OCR_TARGET_DPI, (1000 / 11) * OCR_MAX_UPSCALE), 5);
  });

  it('leaves a 300 dpi scan as it is', () => {
    // Act
    const plan = planOcrScaling({ width: 2550, height: 3300, xDpi: 300, yDpi: 300 });

    // Assess
    expect(plan).toEqual({ scaleX: 1, scaleY: 1, dpi: 300 });
  });

  it('reads a scan as it is when the upscale to the target would be a small one', () => {
    // Prepare: just fine enough that the target is less than OCR_MIN_UPSCALE times its resolution.
    const dpi = Math.ceil(OCR_TARGET_DPI / OCR_MIN_UPSCALE) + 1;

    // Act
    const plan = planOcrScaling({ width: Math.round(8.5 * dpi), height: 11 * dpi, xDpi: dpi, yDpi: dpi });

    // Assess
    expect(plan).toEqual({ scaleX: 1, scaleY: 1, dpi });
  });

  it('upscales a scan whose resolution is well below the target', () => {
    // Prepare: coarse enough that the target is more than OCR_MIN_UPSCALE times its resolution.
    const dpi = Math.floor(OCR_TARGET_DPI / OCR_MIN_UPSCALE) - 1;

    // Act
    const plan = planOcrScaling({ width: Math.round(8.5 * dpi), height: 11 * dpi, xDpi: dpi, yDpi: dpi });

    // Assess
    expect(plan.scaleX).toBeCloseTo(OCR_TARGET_DPI / dpi, 5);
    expect(plan.dpi).toBeCloseTo(OCR_TARGET_DPI, 5);
  });

  it('makes the pixels of a fine-mode fax square', () => {
    // Act
    const plan = planOcrScaling({ width: 1728, height: 1100, xDpi: 204, yDpi: 98 });

    // Assess
    expect(plan.scaleX).toBe(1);
    expect(plan.scaleY).toBeCloseTo(204 / 98, 5);
    expect(plan.dpi).toBeCloseTo(204, 5);
  });

  it('ignores a recorded resolution that would make the page implausibly large', () => {
    // Act: a phone photo labelled 72 dpi would be a 45-inch page.
    const plan = planOcrScaling({ width: 2448, height: 3264, xDpi: 72, yDpi: 72 });

    // Assess
    expect(plan.scaleX).toBe(1);
  });

  it('scales a huge image down to the OCR pixel budget', () => {
    // Act
    const plan = planOcrScaling({ width: 8000, height: 9000 });

    // Assess
    expect(8000 * plan.scaleX * 9000 * plan.scaleY).toBeCloseTo(OCR_MAX_PIXELS, -3);
    expect(plan.scaleX).toBeLessThan(1);
  });
});
