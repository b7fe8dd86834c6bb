import Tesseract from 'tesseract.js';
import type { LexiconCorrectionSettings } from './lexicon-correction.js';
import type { RotatedTextSettings } from './rotated-text.js';
import type { EnsembleSettings } from './ocr-ensemble.js';
import type { OcrModel } from './tesseract-language-data.js';

/**
 * Tesseract parameters set once on every OCR engine. The figures quoted are FUNSD word recall (22 form scans at
 * about 90 dpi), measured as bench/ocr-funsd.ts does.
 */
export const OCR_ENGINE_PARAMETERS: Partial<Tesseract.WorkerParams> = {
  // Each job sets the mode of its pass (OCR_PASSES); this is the primary pass's.
  tessedit_pageseg_mode: Tesseract.PSM.SINGLE_BLOCK,
  // Sauvola's local thresholding instead of one global Otsu threshold: copes with grey form cells and uneven
  // scans. FUNSD word recall 0.765 -> 0.785 at 2x upscaling. Leptonica's tiled Otsu (1) scored 0.787 there
  // but garbled a clean, wide table crop that both others read well.
  thresholding_method: '2',
  // Tesseract's diagnostics ("Estimating resolution as ...") go nowhere instead of to stderr.
  debug_file: '/dev/null',
};

/** One OCR pass over a page: which model reads it, how Tesseract segments it, and what image of the page it reads. */
export interface OcrPassSettings {
  readonly model: OcrModel;
  readonly pageSegMode: Tesseract.PSM;
  /** Read the page after scan clean-up (SCAN_CLEANUP) instead of as scanned. */
  readonly cleanScan: boolean;
  /** Tesseract's second look at doubtful lines as light-on-dark text (tessedit_do_invert). */
  readonly detectInvertedText: boolean;
}

/**
 * The two OCR passes over each page, run at once on two engines and merged word by word (ocr-ensemble.ts).
 * Primary: one uniform block of text (SINGLE_BLOCK, Tesseract's own default) on the page as scanned; on FUNSD
 * forms it beats full page layout analysis (AUTO, 0.752 word recall at 200 dpi; 0.776 at 300 dpi), single columns
 * (SINGLE_COLUMN, 0.768 at 300 dpi) and sparse text
 * (SPARSE_TEXT, 0.773 against 0.781 at 200 dpi), and gives the lines. Secondary: sparse text on the page with its
 * ruled lines and specks erased (SCAN_CLEANUP), which misreads other words than the primary. At 300 dpi, with
 * Debian's tesseract 5.3 and the same model: primary alone 0.792, sparse alone 0.779 (0.793 on the cleaned page),
 * merged 0.811 with the sparse pass on the page as scanned and 0.820 on the cleaned page; both on the cleaned page
 * 0.807 (the primary alone drops to 0.783 there).
 *
 * Inverted-text detection (measured with tesseract.js on the FUNSD scans, passes saved and merged offline, engine
 * CPU a page measured one engine at a time): off in the secondary pass, the merge scores 0.828 as with it, and the
 * pass takes 1.7 instead of 1.9 s of CPU; off in the primary too, 0.826 (2.0 -> 1.8 s), so it stays on there.
 *
 * Tried as a third source of readings, not kept:
 * - A third pass, one block on the page scaled to 2/3 (200 dpi), merged into the merge of the first two (read as
 *   two half-page jobs so both engines stay busy): 0.8300-0.8345 before the rotated-text step, depending on the
 *   exact scale (0.6: 0.831, 0.64: 0.832, 2/3: 0.830, 0.667: 0.834, 0.7: 0.829, 0.75: 0.831; the two passes
 *   0.828); through `docpipe eval ocr`, run back to back with the two passes: 0.8316 against 0.8303, CPU median
 *   5.8 against 3.4 s a page, wall median 3.0 against 1.9 s (machine shared). Sparse text at 200 dpi: 0.832; one
 *   block at 150 dpi: 0.8305. No pair of these passes beats the first two (primary + 200 dpi block: 0.807).
 * - The legacy (non-LSTM) engine of the `4.0.0` model: its words hold 0.012 (300 dpi) and 0.016 (200 dpi) of the
 *   reference that neither LSTM pass read, but it costs 9.0 and 7.5 s of CPU a page in tesseract.js, scores 0.567
 *   alone, and as a referee between the two LSTM readings of a group (taking the one it agrees with) 0.8284;
 *   re-reading low-confidence words with digits with it (cut out, SINGLE_LINE) lowered recall to 0.826.
 * - Re-reading low-confidence words with digits with the LSTM engine, cut out, as one line at 1x or 1.5x: 0.829
 *   (+0.001) for 9 readings a page; any word under confidence 60: 0.828.
 * Differences of 0.002-0.003 are within what changing the scale of a pass by 1% moves the score on 22 pages.
 */
export const OCR_PASSES: readonly [OcrPassSettings, OcrPassSettings, OcrPassSettings] = [
  { model: 'best', pageSegMode: Tesseract.PSM.SINGLE_BLOCK, cleanScan: false, detectInvertedText: true },
  { model: 'fast', pageSegMode: Tesseract.PSM.SPARSE_TEXT, cleanScan: true, detectInvertedText: false },
  { model: 'fast', pageSegMode: Tesseract.PSM.SINGLE_BLOCK, cleanScan: false, detectInvertedText: false },
];

/**
 * How the two passes are merged. Measured on the FUNSD scans at 300 dpi with Debian's tesseract 5.3 and the same
 * model: overlap shares from 0.2 to 0.6 and lone-word confidences from 0 to 70 gave 0.817-0.821 word recall
 * (against 0.792 for the primary pass alone); 50 drops most of the sparse pass's speckle readings for at most
 * 0.001 of recall. Through tesseract.js, as `docpipe eval ocr` runs it, the two passes score 0.816 (one
 * SINGLE_BLOCK pass at 200 dpi: 0.780). Tried and not kept, with the native engine: a third pass voting
 * (at most +0.003 for half as much CPU again), re-reading each group the passes disagree on as one line
 * (+0.001), a bonus for tokens that look like words or numbers (no gain), other Sauvola windows and k (0.2 in,
 * k 0.45: better alone, 0.817 merged), Tesseract's heavy noise removal, and inverted-text detection off.
 * Preferring, within `knownWordMargin` confidence points, the reading with more of its letters in English words
 * (english-lexicon.ts), before lexicon correction: margin 0 (confidence alone) 0.816, 5: 0.819, 10: 0.820,
 * 20: 0.822, 30 and 40: 0.823, 60: 0.823, any difference: 0.823 (tesseract.js passes, scored offline).
 */
export const OCR_ENSEMBLE: EnsembleSettings = {
  minOverlap: 0.4,
  minLoneConfidence: 50,
  minLineOverlap: 0.5,
  knownWordMargin: 30,
  maxAlternativeEditShare: 1 / 3,
};

/**
 * Which recognised words are corrected to their one English neighbour (lexicon-correction.ts), after the passes
 * are merged. On the FUNSD scans (tesseract.js passes, merged with knownWordMargin 30, scored offline; word recall
 * 0.823 before correction), words under confidence 90 from 5 letters: 0.828 (`docpipe eval ocr`: 0.828 too),
 * 1.4 words changed a page; of 30 changes, 22 turned a word missing from the page's reference into one in it, 2
 * did the reverse (names: Seattle, Carlton), 6 neither. From 4 letters: 0.828 with one more wrong change; under
 * confidence 80: 0.826; under 96 (Tesseract's usual top for words it is sure of): 0.825 with 15 wrong changes; all
 * confidences: 0.824 with 18 wrong (mostly names and abbreviations) for 24 right. Also correcting words of 8
 * letters and more two edits away: 4 more right, 1 wrong, 3 neither, for 0.2 s of CPU a page; not kept. One
 * SINGLE_BLOCK pass: 0.786 -> 0.792 at these settings. The words either pass read, uncorrected, hold 0.838 of the
 * reference words: the merge plus this correction is close to what these two readings allow.
 */
export const LEXICON_CORRECTION: LexiconCorrectionSettings = {
  minLetters: 5,
  maxConfidence: 90,
};

/**
 * Lines of text turned a quarter turn (rotated-text.ts), such as the document numbers stamped along the edge of
 * most FUNSD pages: the page passes read them as a column of one-glyph lines of junk; each such stack is cut out,
 * turned both ways and read as one line (SINGLE_LINE), and the surer reading replaces the stack when it is sure
 * enough. On the FUNSD scans (`docpipe eval ocr`): word recall 0.828 -> 0.830 (10 numbers read, 3 junk words that
 * happened to match lost), character error rate 0.374 -> 0.366; 2.4 stacks a page, 0.15 s of CPU a page for their
 * readings (one engine, measured apart), split over the page's two engines. With the secondary pass's
 * inverted-text detection off as well, run back to back with the code before both: 0.8303 against 0.8278, CPU
 * median 3.8 against 3.6 s a page, wall median 2.1 against 2.0 s (machine shared; a second run of the new code:
 * 3.4 and 1.9 s). Replacing stacks read at confidence 70 and up (scored offline): 0.828 (turned readings of real
 * columns of short words replace good words); 80: 0.830; 90: 0.830. Cutting out a wider margin, scaling the
 * cut-out by 0.67 or 1.5, or reading it as a block (SINGLE_BLOCK, RAW_LINE) read no more numbers. The numbers it
 * misses are misread by a digit (confidence 55-86) or their stack was not found. The minimum width keeps out
 * columns of specks along the page's edge: one 2 pixels wide, turned, made a 392x6 image on which tesseract.js
 * failed the job (Leptonica: "whsize must be >= 2"), and with it the page.
 */
export const ROTATED_TEXT: RotatedTextSettings = {
  minWords: 4,
  maxWordChars: 4,
  maxWordWidthShare: 0.06,
  minStackWidthInches: 0.04,
  minColumnOverlap: 0.5,
  maxGapHeights: 1,
  marginShare: 0.2,
  endMarginShare: 0.6,
  paddingShare: 0.4,
  minConfidence: 80,
  minAlphanumerics: 3,
};

/**
 * Resolution that low-resolution images are upscaled to before OCR. FUNSD (about 91 dpi) at 2×: 0.765 recall,
 * 2.5×: 0.770, 3×: 0.774, for 1.6× and 2.3× the time of 2× (Otsu thresholding, one pass). With Sauvola
 * thresholding and one SINGLE_BLOCK pass (Debian's tesseract 5.3, same model): 200 dpi 0.777, 250 dpi 0.781,
 * 300 dpi 0.792, 400 dpi 0.787. Smoothing differently did not help at 300 dpi: a Lanczos-3 upscale 0.781, a
 * Gaussian blur after the canvas upscale 0.787 (sigma 1 px) and 0.752 (2 px).
 */
export const OCR_TARGET_DPI = 300;

/** Upscaling a scan further adds no detail, only time (3.5× brings a 90-dpi fax or form to 300 dpi). */
export const OCR_MAX_UPSCALE = 3.5;

/**
 * An upscale smaller than this is not worth its time: scans of 200 dpi and more (faxes' fine mode, office
 * scanners, phone photos) are read as they come, which also keeps their pixel count and so their OCR time.
 */
export const OCR_MIN_UPSCALE = 1.6;

/** Pixel budget of one OCR image (a Letter page at 300 dpi is 8.4 megapixels); larger inputs are scaled down. */
export const OCR_MAX_PIXELS = 12_000_000;

/**
 * Resolution PDF pages without a usable text layer are rendered at for OCR (a scale of 2.8). Four FUNSD scans
 * placed in a PDF scored a mean word recall of 0.73 at 200 dpi against 0.70 at 300 dpi, in about the same time
 * (measured with one SINGLE_BLOCK pass, before the two-pass ensemble).
 */
export const PDF_RENDER_DPI = 200;

/** Clean-up of scanned pages before OCR (scan-cleanup.ts); sizes are in inches of the page. */
export interface ScanCleanupSettings {
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
 * Used by the secondary pass only (OCR_PASSES). As the only input of a single pass at 200 dpi it did not help on
 * the FUNSD scans: word recall stayed where it was (0.781 under SINGLE_BLOCK; 0.773 -> 0.771 under SPARSE_TEXT)
 * and the share of output words that are right fell (0.727 -> 0.703; 0.769 -> 0.740). At 300 dpi it lifts the
 * sparse pass (0.779 -> 0.793) and, above all, makes it misread other words than the primary pass. It costs about
 * 0.4 s of CPU a page at 300 dpi, spent while the primary pass runs.
 */
export const SCAN_CLEANUP: ScanCleanupSettings = {
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
