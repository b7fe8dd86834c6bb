import Tesseract from 'tesseract.js';

/**
 * Tesseract parameters set once on every OCR engine. The figures quoted are FUNSD word recall (22 form scans at
 * about 90 dpi), measured as bench/ocr-funsd.ts does.
 */
export const OCR_ENGINE_PARAMETERS: Partial<Tesseract.WorkerParams> = {
  // One uniform block of text (Tesseract's own default, which tesseract.js keeps). On FUNSD forms it beats full
  // page layout analysis (AUTO, 0.752 word recall) and sparse text (0.773 with the settings below, against 0.781),
  // though sparse text emits less junk (0.769 of its words are right, against 0.727); multi-column pages come out
  // with their columns' lines interleaved.
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
 * 3×: 0.774, for 1.6× and 2.3× the time of 2×; 200 dpi is about 2.2× for those scans. With the Sauvola
 * thresholding above, 300 dpi (3× for them) reads 0.794 against 0.781, for about a fifth more CPU time a page
 * (3.4 s against 2.7-3.0 s) and an upscale of 200-dpi faxes that 200 dpi spares.
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

/** Clean-up of scanned pages before OCR (scan-cleanup.ts); sizes are in inches of the page. */
export interface ScanCleanupSettings {
  /** Whether OCR cleans pages at all. */
  readonly enabled: boolean;
  /** Sauvola window and k that find the ink (Tesseract's own Sauvola defaults). */
  readonly sauvolaWindowInches: number;
  readonly sauvolaK: number;
  /** A ruled line runs at least this long, with breaks of at most a few pixels, and is this thin at most. */
  readonly lineMinLengthInches: number;
  readonly lineMaxGapPixels: number;
  readonly lineMaxThicknessInches: number;
  /** A separate blob at least this long, this thin at most and eight times longer than thick is a line's piece. */
  readonly linePieceMinLengthInches: number;
  readonly linePieceMaxThicknessInches: number;
  /** Specks: blobs of at most this area (square inches) with no larger blob within `speckIsolationInches`. */
  readonly speckMaxAreaSquareInches: number;
  readonly speckIsolationInches: number;
  /** Turn everything but the kept ink (and its one-pixel fringe) white, instead of only the erased pixels. */
  readonly whitenPaper: boolean;
}

/**
 * Off by default: on the FUNSD scans, measured as bench/ocr-funsd.ts does, erasing lines and specks left word
 * recall where it was (0.781 under SINGLE_BLOCK; 0.773 -> 0.771 under SPARSE_TEXT) and lowered the share of output
 * words that are right (0.727 -> 0.703; 0.769 -> 0.740), for 0.3-0.7 s of CPU a page.
 */
export const SCAN_CLEANUP: ScanCleanupSettings = {
  enabled: false,
  sauvolaWindowInches: 0.33,
  sauvolaK: 0.34,
  lineMinLengthInches: 0.4,
  lineMaxGapPixels: 2,
  lineMaxThicknessInches: 0.06,
  linePieceMinLengthInches: 0.2,
  linePieceMaxThicknessInches: 0.06,
  speckMaxAreaSquareInches: 0.0004,
  speckIsolationInches: 0.05,
  whitenPaper: false,
};
