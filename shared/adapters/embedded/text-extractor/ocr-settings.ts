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
 * The OCR passes over each page, run at once, each on an engine holding its model, and merged word by word
 * (ocr-ensemble.ts); DOCPIPE_OCR_PASSES runs the first one, two or three.
 * 1. Primary, best model: one uniform block of text (SINGLE_BLOCK, Tesseract's own default) on the page as scanned;
 *    on FUNSD forms it beats full page layout analysis (AUTO, 0.752 word recall at 200 dpi; 0.776 at 300 dpi), single
 *    columns (SINGLE_COLUMN, 0.768 at 300 dpi) and sparse text (SPARSE_TEXT, 0.773 against 0.781 at 200 dpi), and
 *    gives the lines.
 * 2. Fast model, sparse text on the page with its ruled lines and specks erased (SCAN_CLEANUP).
 * 3. Fast model, one block on the page as scanned, without inverted-text detection.
 *
 * Why two models: the passes of one model misread the same words. Passes saved from tesseract.js and scored offline
 * on the FUNSD scans (lexicon correction applied): each pass alone 0.786-0.794; the reference words found in either
 * of two best-model passes (this primary, and sparse text on the cleaned page) 0.836, in the primary or the second
 * pass above 0.847, in any of the three 0.856. Through `docpipe eval ocr --data ../shared/eval/ocr/funsd`, as each
 * step landed: the two best-model passes 0.830 (median 2.1 s a page); the three passes, merged as OCR_ENSEMBLE says,
 * 0.8485 (median 2.3 s, CPU 4.2 s a page); with the turned-line changes (ROTATED_TEXT) 0.8495; with names in the
 * word list (english-lexicon.ts) 0.851 (median 2.4 s, CPU 4.4 s). The third pass without inverted-text detection
 * scored as with it offline (0.8458 both) and cut the CPU a page from 5.2 to 4.2 s in `docpipe eval ocr`.
 *
 * Tried with the two models, not kept (scored offline, same merge):
 * - A fourth pass (fast model, one block on the cleaned page): +0.002 for another second of CPU a page.
 * - Passes at 360 or 240 dpi instead of 300 (scale 1.2 or 0.8), for any of the three: within 0.001.
 * - Tesseract's multi-language mode, one engine holding both models (it re-reads doubtful words with the other):
 *   0.806 for one single-block pass, at 1.6 times the time of one pass; two such passes merged 0.841.
 * - Other third passes: Otsu thresholding, single column, sparse text on the page as scanned, or the best model on
 *   the cleaned page: 0.844-0.847 against 0.846.
 *
 * Before the fast model (two best-model passes, primary and sparse text on the cleaned page, merged pairwise):
 * - At 300 dpi, with Debian's tesseract 5.3 and the best model: primary alone 0.792, sparse alone 0.779 (0.793 on the
 *   cleaned page), merged 0.811 with the sparse pass on the page as scanned and 0.820 on the cleaned page; both on
 *   the cleaned page 0.807 (the primary alone drops to 0.783 there).
 * - Inverted-text detection (tesseract.js, passes merged offline, engine CPU a page measured one engine at a time):
 *   off in the sparse pass, the merge scored 0.828 as with it, and the pass took 1.7 instead of 1.9 s of CPU; off in
 *   the primary too, 0.826 (2.0 -> 1.8 s), so it stays on there.
 * - A third best-model pass, one block on the page scaled to 2/3 (200 dpi): 0.8316 against 0.8303 through `docpipe
 *   eval ocr`, CPU median 5.8 against 3.4 s a page; sparse text at 200 dpi 0.832; one block at 150 dpi 0.8305.
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
 * How the passes are merged (ocr-ensemble.ts). The three passes of OCR_PASSES, saved from tesseract.js and scored
 * offline on the FUNSD scans with lexicon correction: the two-pass rule below applied to three (surest reading of
 * each group, length-weighted, known words preferred within `knownWordMargin`) 0.8402; confidence weighted by letters
 * and digits only 0.8420; readings of the same letters split differently decided by known words, then more words,
 * 0.8434; a chosen non-word swapped for a known word another pass read in its place, within a third of its letters,
 * 0.8458 (a quarter: 0.8452); clean numbers counted as known 0.8466. Not kept: voting (the reading more passes agree
 * on, 0.832 for whole groups, 0.8434 as a tie-break): passes agree on the same misreadings; knownWordMargin 20 to
 * "any difference" 0.8407-0.8418; minOverlap 0.3-0.5 and minLoneConfidence 30-70: 0.8407-0.8423; choosing after
 * correcting each reading, or counting one-letter words as unknown: within 0.001.
 *
 * With two best-model passes (before the fast model), measured on the FUNSD scans at 300 dpi with Debian's
 * tesseract 5.3: overlap shares from 0.2 to 0.6 and lone-word confidences from 0 to 70 gave 0.817-0.821 word recall
 * (against 0.792 for the primary pass alone); 50 drops most of the sparse pass's speckle readings for at most
 * 0.001 of recall. Preferring, within `knownWordMargin` confidence points, the reading with more of its letters in
 * English words, before lexicon correction: margin 0 (confidence alone) 0.816, 5: 0.819, 10: 0.820, 20: 0.822, 30
 * and 40: 0.823, 60: 0.823, any difference: 0.823 (tesseract.js passes, scored offline). Tried and not kept then,
 * with the native engine: re-reading each group the passes disagree on as one line (+0.001), other Sauvola windows
 * and k (0.2 in, k 0.45: better alone, 0.817 merged), Tesseract's heavy noise removal.
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
 * SINGLE_BLOCK pass: 0.786 -> 0.792 at these settings. (Those figures are from the two best-model passes.) With the
 * three passes of OCR_PASSES, through `docpipe eval ocr`: two edits away from 7 or 8 letters, 2 words right, 1 wrong,
 * for about 0.5 s more CPU a page; not kept. The word list's names (english-lexicon.ts) keep names such as Seattle
 * and Carlton from being "corrected".
 */
export const LEXICON_CORRECTION: LexiconCorrectionSettings = {
  minLetters: 5,
  maxConfidence: 90,
};

/**
 * Lines of text turned a quarter turn (rotated-text.ts), such as the document numbers stamped along the edge of
 * most FUNSD pages: the page passes read them as a column of one-glyph lines of junk; each such stack (found in the
 * merged reading or in any pass's own, overlapping ones joined) is cut out with `endMarginShare` more of its column
 * beyond each end, turned both ways and read as one line (SINGLE_LINE) by each model, and a reading replaces the
 * stack when both models read it alike, or else when it is the surest and sure enough (chooseTurnedReading).
 * With the three passes, through `docpipe eval ocr`: both models and agreement 0.8485 -> 0.8490 (the fast model
 * reads some stamped numbers surely that the best model misreads by a digit, and the two agree on some that both
 * read unsurely); stacks from each pass 0.8493 (a merge had kept a longer word for one end of a number); the end
 * margin 0.8495 (the stack's end words covered only part of a first digit, read as "1"; at 0.4 and 0.8 of the
 * stack's width the same number is read right, and no other reading changed). Before these, with the best model
 * alone: on the FUNSD scans (`docpipe eval ocr`): word recall 0.828 -> 0.830 (10 numbers read, 3 junk words that
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
