import Tesseract from 'tesseract.js';

/**
 * Tesseract parameters set once on every OCR engine. The figures quoted are FUNSD word recall (22 form scans at
 * about 90 dpi), measured as bench/ocr-funsd.ts does.
 */
export const OCR_ENGINE_PARAMETERS: Partial<Tesseract.WorkerParams> = {
  // One uniform block of text (Tesseract's own default, which tesseract.js keeps). On FUNSD forms it beats full
  // page layout analysis (AUTO, 0.752 word recall) and sparse text (0.752); multi-column pages come out with
  // their columns' lines interleaved.
  tessedit_pageseg_mode: Tesseract.PSM.SINGLE_BLOCK,
  // Sauvola's local thresholding instead of one global Otsu threshold: copes with grey form cells and uneven
  // scans. FUNSD word recall 0.765 -> 0.785 at 2x upscaling. Leptonica's tiled Otsu (1) scored 0.787 there
  // but garbled a clean, wide table crop that both others read well.
  thresholding_method: '2',
  // Tesseract's diagnostics ("Estimating resolution as ...") go nowhere instead of to stderr.
  debug_file: '/dev/null',
};

/**
 * Resolution that low-resolution images are upscaled to before OCR. FUNSD at 2×: 0.765 recall, 2.5×: 0.770,
 * 3×: 0.774, for 1.6× and 2.3× the time of 2×; 200 dpi is about 2.2× for those scans.
 */
export const OCR_TARGET_DPI = 200;

/** Upscaling a scan further adds no detail, only time. */
export const OCR_MAX_UPSCALE = 3;

/** Pixel budget of one OCR image (a Letter page at 300 dpi is 8.4 megapixels); larger inputs are scaled down. */
export const OCR_MAX_PIXELS = 12_000_000;

/**
 * Resolution PDF pages without a usable text layer are rendered at for OCR (a scale of 2.8). Four FUNSD scans
 * placed in a PDF scored a mean word recall of 0.73 at 200 dpi against 0.70 at 300 dpi, in about the same time.
 */
export const PDF_RENDER_DPI = 200;
