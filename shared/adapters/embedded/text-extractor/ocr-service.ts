import { setImmediate as nextTurn } from 'node:timers/promises';
import Tesseract from 'tesseract.js';
import { stretchContrast } from './contrast-stretch.js';
import { encodePgm, type GrayRaster } from './gray-raster.js';
import { OcrEnginePool } from './ocr-engine-pool.js';
import { englishLexicon } from './english-lexicon.js';
import { correctToken, isLexiconWord } from './lexicon-correction.js';
import { linesOfPass, linesToText, mergeOcrPasses, weightedConfidence } from './ocr-ensemble.js';
import { LEXICON_CORRECTION, OCR_ENSEMBLE, OCR_PASSES, ROTATED_TEXT, type OcrPassSettings } from './ocr-settings.js';
import type { OcrPass, OcrWord, PixelBox } from './ocr-words.js';
import { cropRaster, padRaster, rotateQuarter } from './raster-geometry.js';
import { findWordStacks, replaceStack } from './rotated-text.js';
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
 * passes are merged into one text; or, when `passes` is 1, by the primary pass alone (about half the CPU). Lines
 * of text turned a quarter turn, which the passes read as columns of junk, are then cut out and read turned
 * (rotated-text.ts), and words that are near misses of English words are corrected against a word list
 * (lexicon-correction.ts).
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
    const merged = secondary
      ? mergeOcrPasses(await primary, await secondary, OCR_ENSEMBLE, (token) => isLexiconWord(token, lexicon))
      : linesOfPass(await primary);
    const lines = await this.#readRotatedLines(merged, stretched, resolution);
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

  /**
   * Finds the stacks of junk words a turned line of text leaves in the reading (ROTATED_TEXT), reads each stack's
   * ink turned both ways as one line (the readings share the pool's engines), and puts the surer reading in the
   * stack's place when it is sure enough.
   */
  async #readRotatedLines(lines: OcrWord[][], page: GrayRaster, dpi: number): Promise<OcrWord[][]> {
    const stacks = findWordStacks(lines.flat(), { width: page.width, dpi }, ROTATED_TEXT);
    const readings = await Promise.all(stacks.map((stack) => this.#readTurned(page, stack.box)));
    let result = lines;
    stacks.forEach((stack, index) => {
      const reading = readings[index];
      if (reading) result = replaceStack(result, stack.box, reading);
    });
    return result;
  }

  /** The surer of the two quarter-turn readings of the ink in `box`, if sure enough and long enough. */
  async #readTurned(page: GrayRaster, box: PixelBox): Promise<OcrWord[] | undefined> {
    const width = box.x1 - box.x0;
    const cut = cropRaster(page, box, width * ROTATED_TEXT.marginShare);
    const read = (clockwise: boolean) => {
      const image = encodePgm(padRaster(rotateQuarter(cut, clockwise), Math.round(width * ROTATED_TEXT.paddingShare)));
      return this.#pool.use((engine) => engine.recognizeWords(image, Tesseract.PSM.SINGLE_LINE));
    };
    const [clockwise, anticlockwise] = await Promise.all([read(true), read(false)]);
    const best = weightedConfidence(clockwise.words) >= weightedConfidence(anticlockwise.words) ? clockwise : anticlockwise;
    const alphanumerics = best.words.map((word) => word.text).join('').replace(/[^\p{L}\p{N}]/gu, '').length;
    const sure = weightedConfidence(best.words) >= ROTATED_TEXT.minConfidence;
    return sure && alphanumerics >= ROTATED_TEXT.minAlphanumerics ? [...best.words] : undefined;
  }

  async #pass(settings: OcrPassSettings, page: GrayRaster, dpi: number): Promise<OcrPass> {
    const image = encodePgm(settings.cleanScan ? cleanScanForOcr(page, dpi) : page);
    return this.#pool.use((engine) => engine.recognizeWords(image, settings.pageSegMode, settings.detectInvertedText));
  }
}
