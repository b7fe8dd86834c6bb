import { setImmediate as nextTurn } from 'node:timers/promises';
import Tesseract from 'tesseract.js';
import { stretchContrast } from './contrast-stretch.js';
import { encodePgm, type GrayRaster } from './gray-raster.js';
import { OcrEnginePool } from './ocr-engine-pool.js';
import { englishLexicon } from './english-lexicon.js';
import { correctToken, isLexiconWord } from './lexicon-correction.js';
import { linesOfPass, linesToText, mergeOcrPasses } from './ocr-ensemble.js';
import { LEXICON_CORRECTION, OCR_ENSEMBLE, OCR_PASSES, ROTATED_TEXT, type OcrPassSettings } from './ocr-settings.js';
import type { OcrPass, OcrWord, PixelBox } from './ocr-words.js';
import { cropRaster, padRaster, rotateQuarter } from './raster-geometry.js';
import { chooseTurnedReading, replaceStack, stackBoxesOfReadings } from './rotated-text.js';
import { cleanScanForOcr } from './scan-cleanup.js';
import { TesseractEngine } from './tesseract-engine.js';
import { englishLanguageData, type OcrModel } from './tesseract-language-data.js';

/** Long side of a page whose resolution is not given (Letter). */
const ASSUMED_PAGE_LONG_SIDE_INCHES = 11;

/** What OCR of one page returns. */
export interface OcrResult {
  readonly text: string;
  /** Mean confidence of the words kept, scaled to [0, 1] (0 when no word was read). */
  readonly confidence: number;
}

/** How many of OCR_PASSES read each page (the first that many). */
export type OcrPassCount = 1 | 2 | 3;

/**
 * OCR for the extractor: lazily started pools of Tesseract engines over the bundled English models. Each page is
 * read by the first `passes` OCR_PASSES at once, each on an engine of its own holding the pass's model (so one page
 * keeps both cores busy), and the passes are merged into one text (ocr-ensemble.ts). Lines of text turned a
 * quarter turn, which the passes read as columns of junk, are then cut out and read turned (rotated-text.ts), and
 * words that are near misses of English words are corrected against a word list (lexicon-correction.ts).
 */
export class OcrService {
  readonly #passes: readonly OcrPassSettings[];
  readonly #pools: ReadonlyMap<OcrModel, OcrEnginePool<TesseractEngine>>;
  /** The pool of the primary pass's model, which also reads turned lines and decodes TIFF pages. */
  readonly #primaryPool: OcrEnginePool<TesseractEngine>;

  /**
   * Locates the language data at once (a ConfigurationError if missing); engines and the word list load on first
   * use. `workers` pages may be recognised at once, each with one engine per pass.
   */
  constructor(workers: number, passes: OcrPassCount = 3) {
    this.#passes = OCR_PASSES.slice(0, passes);
    const [primary] = OCR_PASSES;
    const pools = new Map<OcrModel, OcrEnginePool<TesseractEngine>>();
    for (const model of new Set(this.#passes.map((pass) => pass.model))) {
      const languageData = englishLanguageData(model);
      const engines = workers * this.#passes.filter((pass) => pass.model === model).length;
      pools.set(model, new OcrEnginePool(engines, () => TesseractEngine.start(languageData)));
    }
    this.#pools = pools;
    this.#primaryPool = this.#poolOf(primary.model);
  }

  /**
   * Recognises a grayscale page after stretching its contrast. `dpi` is the raster's resolution; without it the
   * raster is taken to be a whole page.
   */
  async recognize(raster: GrayRaster, dpi?: number): Promise<OcrResult> {
    const stretched = stretchContrast(raster);
    const resolution = dpi ?? Math.max(raster.width, raster.height) / ASSUMED_PAGE_LONG_SIDE_INCHES;
    const images = new PassImages(stretched, resolution);
    const jobs: Promise<OcrPass>[] = [];
    const start = (index: number, settings: OcrPassSettings) => {
      const job = this.#pass(settings, images);
      // Observed below through Promise.all; this keeps a failure meanwhile from counting as unhandled.
      job.catch(() => undefined);
      jobs[index] = job;
    };
    // The passes that read the page as scanned are sent to their worker threads first; the clean-up the others
    // read (synchronous, a few tenths of a second) then holds this thread while those engines work, and the word
    // list loads (once) while the engines read.
    this.#passes.forEach((settings, index) => {
      if (!settings.cleanScan) start(index, settings);
    });
    await nextTurn();
    this.#passes.forEach((settings, index) => {
      if (settings.cleanScan) start(index, settings);
    });
    const lexicon = englishLexicon();
    const passes = await Promise.all(jobs);
    const merged =
      passes.length > 1
        ? mergeOcrPasses(passes, OCR_ENSEMBLE, (token) => isLexiconWord(token, lexicon))
        : linesOfPass(passes[0] ?? { words: [] });
    const lines = await this.#readRotatedLines(merged, passes, stretched, resolution);
    const corrected = lines.map((line) =>
      line.map((word) => ({ ...word, text: correctToken(word.text, word.confidence, lexicon, LEXICON_CORRECTION) })),
    );
    const words = corrected.flat();
    const confidence = words.length === 0 ? 0 : words.reduce((sum, word) => sum + word.confidence, 0) / words.length / 100;
    return { text: linesToText(corrected), confidence };
  }

  /** Decodes an image format the canvas cannot read (TIFF) into PNG. */
  decodeToPng(image: Uint8Array): Promise<Uint8Array> {
    return this.#primaryPool.use((engine) => engine.decodeToPng(image));
  }

  async close(): Promise<void> {
    await Promise.all([...this.#pools.values()].map((pool) => pool.close()));
  }

  /**
   * Finds the stacks of junk words a turned line of text leaves in the merged reading or in any pass's own
   * (ROTATED_TEXT), reads each stack's ink turned (#readTurned), and puts the reading chosen, if any, in the
   * stack's place.
   */
  async #readRotatedLines(lines: OcrWord[][], passes: readonly OcrPass[], page: GrayRaster, dpi: number): Promise<OcrWord[][]> {
    const readingsToSearch = [lines.flat(), ...(passes.length > 1 ? passes.map((pass) => pass.words) : [])];
    const boxes = stackBoxesOfReadings(readingsToSearch, { width: page.width, dpi }, ROTATED_TEXT);
    const readings = await Promise.all(boxes.map((box) => this.#readTurned(page, box)));
    let result = lines;
    boxes.forEach((box, index) => {
      const reading = readings[index];
      if (reading) result = replaceStack(result, box, reading);
    });
    return result;
  }

  /**
   * The reading of the ink in `box` turned a quarter turn, both ways, by each model in use (the engines of every
   * pool read at once), chosen by chooseTurnedReading; undefined when none will do.
   */
  async #readTurned(page: GrayRaster, box: PixelBox): Promise<readonly OcrWord[] | undefined> {
    const width = box.x1 - box.x0;
    const endMargin = width * ROTATED_TEXT.endMarginShare;
    const cut = cropRaster(page, { ...box, y0: box.y0 - endMargin, y1: box.y1 + endMargin }, width * ROTATED_TEXT.marginShare);
    const padding = Math.round(width * ROTATED_TEXT.paddingShare);
    const images = [true, false].map((clockwise) => encodePgm(padRaster(rotateQuarter(cut, clockwise), padding)));
    const readings = await Promise.all(
      [...this.#pools].flatMap(([model, pool]) =>
        images.map(async (image) => {
          const { words } = await pool.use((engine) => engine.recognizeWords(image, Tesseract.PSM.SINGLE_LINE));
          return { model, words };
        }),
      ),
    );
    return chooseTurnedReading(readings, ROTATED_TEXT);
  }

  async #pass(settings: OcrPassSettings, images: PassImages): Promise<OcrPass> {
    const image = settings.cleanScan ? images.cleaned() : images.asScanned();
    return this.#poolOf(settings.model).use((engine) => engine.recognizeWords(image, settings.pageSegMode, settings.detectInvertedText));
  }

  #poolOf(model: OcrModel): OcrEnginePool<TesseractEngine> {
    const pool = this.#pools.get(model);
    if (!pool) throw new RangeError(`no OCR engines for the ${model} model`);
    return pool;
  }
}

/** The encoded images of one page the passes read, each made once, when a pass first needs it. */
class PassImages {
  #asScanned: Uint8Array | undefined;
  #cleaned: Uint8Array | undefined;

  constructor(
    private readonly page: GrayRaster,
    private readonly dpi: number,
  ) {}

  asScanned(): Uint8Array {
    this.#asScanned ??= encodePgm(this.page);
    return this.#asScanned;
  }

  cleaned(): Uint8Array {
    this.#cleaned ??= encodePgm(cleanScanForOcr(this.page, this.dpi));
    return this.#cleaned;
  }
}
