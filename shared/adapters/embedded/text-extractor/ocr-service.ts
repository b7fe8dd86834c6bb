import { setImmediate as nextTurn } from 'node:timers/promises';
import { stretchContrast } from './contrast-stretch.js';
import { encodePgm, type GrayRaster } from './gray-raster.js';
import { OcrEnginePool } from './ocr-engine-pool.js';
import { englishLexicon } from './english-lexicon.js';
import { correctToken, isLexiconWord } from './lexicon-correction.js';
import { linesOfPass, linesToText, mergeOcrPasses } from './ocr-ensemble.js';
import { LEXICON_CORRECTION, OCR_ENSEMBLE, OCR_PASSES, type OcrPassSettings } from './ocr-settings.js';
import type { OcrPass } from './ocr-words.js';
import { cleanScanForOcr } from './scan-cleanup.js';
import { TesseractEngine } from './tesseract-engine.js';
import { englishLanguageData } from './tesseract-language-data.js';

/** Long side of a page whose resolution is not given (Letter). */
const ASSUMED_PAGE_LONG_SIDE_INCHES = 11;

/** What OCR of one page returns. */
export interface OcrResult {
  readonly text: string;
  /** Mean confidence of the words kept, scaled to [0, 1] (0 when no word was read). */
  readonly confidence: number;
}

/**
 * OCR for the extractor: a lazily started pool of Tesseract engines over the bundled English model. Each page is
 * read by the two OCR_PASSES at once, each on an engine of its own (so one page keeps two cores busy), and the
 * passes are merged into one text; or, when `passes` is 1, by the primary pass alone (about half the CPU). Words
 * that are near misses of English words are then corrected against a word list (lexicon-correction.ts).
 */
export class OcrService {
  readonly #pool: OcrEnginePool<TesseractEngine>;
  readonly #passes: 1 | 2;

  /**
   * Locates the language data at once (a ConfigurationError if missing); engines and the word list load on first
   * use. `workers` pages may be recognised at once, each with one engine per pass.
   */
  constructor(workers: number, passes: 1 | 2 = 2) {
    const languageData = englishLanguageData();
    this.#passes = passes;
    this.#pool = new OcrEnginePool(workers * passes, () => TesseractEngine.start(languageData));
  }

  /**
   * Recognises a grayscale page after stretching its contrast. `dpi` is the raster's resolution; without it the
   * raster is taken to be a whole page.
   */
  async recognize(raster: GrayRaster, dpi?: number): Promise<OcrResult> {
    const stretched = stretchContrast(raster);
    const resolution = dpi ?? Math.max(raster.width, raster.height) / ASSUMED_PAGE_LONG_SIDE_INCHES;
    const [primarySettings, secondarySettings] = OCR_PASSES;
    const primary = this.#pass(primarySettings, stretched, resolution);
    // Observed below through Promise.all; this keeps a failure during the next turn from counting as unhandled.
    primary.catch(() => undefined);
    // The first pass's job reaches its worker thread before the clean-up (synchronous, a few tenths of a second)
    // holds this thread; the two then overlap, and the word list loads (once) while the engines read.
    await nextTurn();
    const secondary = this.#passes === 2 ? this.#pass(secondarySettings, stretched, resolution) : undefined;
    secondary?.catch(() => undefined);
    const lexicon = englishLexicon();
    const lines = secondary
      ? mergeOcrPasses(await primary, await secondary, OCR_ENSEMBLE, (token) => isLexiconWord(token, lexicon))
      : linesOfPass(await primary);
    const corrected = lines.map((line) =>
      line.map((word) => ({ ...word, text: correctToken(word.text, word.confidence, lexicon, LEXICON_CORRECTION) })),
    );
    const words = corrected.flat();
    const confidence = words.length === 0 ? 0 : words.reduce((sum, word) => sum + word.confidence, 0) / words.length / 100;
    return { text: linesToText(corrected), confidence };
  }

  /** Decodes an image format the canvas cannot read (TIFF) into PNG. */
  decodeToPng(image: Uint8Array): Promise<Uint8Array> {
    return this.#pool.use((engine) => engine.decodeToPng(image));
  }

  close(): Promise<void> {
    return this.#pool.close();
  }

  async #pass(settings: OcrPassSettings, page: GrayRaster, dpi: number): Promise<OcrPass> {
    const image = encodePgm(settings.cleanScan ? cleanScanForOcr(page, dpi) : page);
    return this.#pool.use((engine) => engine.recognizeWords(image, settings.pageSegMode));
  }
}
