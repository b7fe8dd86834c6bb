import { Worker as WorkerThread } from 'node:worker_threads';
import Tesseract from 'tesseract.js';
import { TransientError } from '../../../errors.js';
import { OCR_ENGINE_PARAMETERS } from './ocr-settings.js';
import type { OcrPass, OcrWord } from './ocr-words.js';
import type { TesseractLanguageData } from './tesseract-language-data.js';

/** Loading the model takes about a second; far longer means the worker thread is stuck. */
const STARTUP_TIMEOUT_MS = 60_000;

/** Raised (as the rejection of a job) when the engine refuses the image bytes it was given. */
export class UnreadableImageError extends Error {
  override readonly name = 'UnreadableImageError';
}

/**
 * One tesseract.js worker thread running the English LSTM model. It handles one job at a time (the pool
 * guarantees it); when its thread dies the pending job is rejected instead of hanging, and the engine reports
 * itself unusable so the pool drops it.
 */
export class TesseractEngine {
  #usable = true;
  readonly #died: Promise<never>;

  private constructor(
    private readonly worker: Tesseract.Worker,
    thread: WorkerThread | undefined,
  ) {
    this.#died = new Promise<never>((_resolve, reject) => {
      const stop = (reason: string) => {
        this.#usable = false;
        reject(new TransientError(`OCR engine stopped unexpectedly: ${reason}`));
      };
      thread?.on('error', (error: Error) => stop(error.message));
      thread?.on('exit', (code: number) => stop(`worker thread exited with code ${code}`));
    });
    // Only the job racing against it observes the rejection; without this a dead idle engine would crash Node.
    this.#died.catch(() => undefined);
  }

  /** Starts a worker thread and loads the model from the local language data (no network). */
  static async start(languageData: TesseractLanguageData): Promise<TesseractEngine> {
    let reportStartupFailure: (reason: unknown) => void = () => undefined;
    const startupFailed = new Promise<never>((_resolve, reject) => {
      reportStartupFailure = reject;
    });
    startupFailed.catch(() => undefined);
    // tesseract.js never settles createWorker when loading the model fails, so failures and a stall must end it.
    const stall = setTimeout(
      () => reportStartupFailure(`no answer within ${STARTUP_TIMEOUT_MS / 1000} s`),
      STARTUP_TIMEOUT_MS,
    );
    stall.unref();
    const worker = await Promise.race([
      Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, {
        langPath: languageData.langPath,
        gzip: languageData.gzip,
        cacheMethod: 'none',
        // tesseract.js throws from its message listener unless a handler is given; job promises still reject.
        errorHandler: (reason: unknown) => reportStartupFailure(reason),
      }),
      startupFailed,
    ])
      .catch((reason: unknown) => {
        throw new TransientError(`OCR engine failed to start: ${describe(reason)}`, { cause: reason });
      })
      .finally(() => clearTimeout(stall));
    reportStartupFailure = () => undefined;
    const thread: unknown = Reflect.get(worker, 'worker');
    const engine = new TesseractEngine(worker, thread instanceof WorkerThread ? thread : undefined);
    try {
      await engine.settle(worker.setParameters(OCR_ENGINE_PARAMETERS));
    } catch (error) {
      await engine.terminate();
      throw error;
    }
    return engine;
  }

  get usable(): boolean {
    return this.#usable;
  }

  /**
   * Recognises an encoded image (PGM, PNG, JPEG, TIFF: anything Leptonica reads) under the given page
   * segmentation mode and returns its words, with their boxes (in the image's pixels), confidences and lines: what
   * an ensemble of passes needs to align them. The resolution is left for Tesseract to estimate from the text's
   * x-height: on the FUNSD scans, stating the true resolution of the upscaled image scored a point lower.
   * `detectInvertedText` false skips Tesseract's second look at doubtful lines as light-on-dark text.
   */
  async recognizeWords(image: Uint8Array, pageSegMode: Tesseract.PSM, detectInvertedText = true): Promise<OcrPass> {
    // Parameters given with a job hold for that job only (tesseract.js restores the others after it), and cost no
    // extra round trip to the worker thread, which a blocked main thread would delay.
    const options: Partial<Tesseract.RecognizeOptions> & { tessedit_pageseg_mode: Tesseract.PSM; tessedit_do_invert: string } = {
      tessedit_pageseg_mode: pageSegMode,
      tessedit_do_invert: detectInvertedText ? '1' : '0',
    };
    const result = await this.settle(this.worker.recognize(asBuffer(image), options, { text: false, blocks: true }));
    return { words: wordsOf(result.data.blocks ?? []) };
  }

  /** Decodes an image with Leptonica (which reads TIFF, unlike the canvas) and returns it re-encoded as PNG. */
  async decodeToPng(image: Uint8Array): Promise<Uint8Array> {
    const result = await this.settle(this.worker.recognize(asBuffer(image), {}, { text: false, imageColor: true }));
    const dataUrl = result.data.imageColor;
    const base64 = dataUrl?.slice(dataUrl.indexOf(',') + 1);
    if (!base64) throw new UnreadableImageError('the OCR engine returned no image');
    return Buffer.from(base64, 'base64');
  }

  async terminate(): Promise<void> {
    this.#usable = false;
    await this.worker.terminate();
  }

  /** Waits for a job, turning tesseract.js's string rejections into errors and a dead thread into a rejection. */
  private async settle<T>(job: Promise<T>): Promise<T> {
    try {
      return await Promise.race([job, this.#died]);
    } catch (reason) {
      if (reason instanceof Error) throw reason;
      const message = describe(reason);
      if (message.includes('Error attempting to read image')) throw new UnreadableImageError(message);
      throw new TransientError(`OCR failed: ${message}`);
    }
  }
}

/** The words of Tesseract's block tree in reading order, each tagged with the running number of its line. */
function wordsOf(blocks: readonly Tesseract.Block[]): OcrWord[] {
  const words: OcrWord[] = [];
  let line = 0;
  for (const block of blocks) {
    for (const paragraph of block.paragraphs) {
      for (const textLine of paragraph.lines) {
        for (const word of textLine.words) {
          const text = word.text.trim();
          if (text.length === 0) continue;
          const { x0, y0, x1, y1 } = word.bbox;
          words.push({ text, confidence: clampConfidence(word.confidence / 100) * 100, box: { x0, y0, x1, y1 }, line });
        }
        line += 1;
      }
    }
  }
  return words;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function describe(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

function clampConfidence(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
