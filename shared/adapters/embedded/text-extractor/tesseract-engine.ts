import { Worker as WorkerThread } from 'node:worker_threads';
import Tesseract from 'tesseract.js';
import { TransientError } from '../../../errors.js';
import { OCR_ENGINE_PARAMETERS } from './ocr-settings.js';
import type { TesseractLanguageData } from './tesseract-language-data.js';

/** Loading the model takes about a second; far longer means the worker thread is stuck. */
const STARTUP_TIMEOUT_MS = 60_000;

/** What one OCR pass returns. */
export interface OcrResult {
  readonly text: string;
  /** Tesseract's mean word confidence, scaled to [0, 1]. */
  readonly confidence: number;
}

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
   * Recognises the text of an encoded image (PGM, PNG, JPEG, TIFF: anything Leptonica reads). The resolution is
   * left for Tesseract to estimate from the text's x-height: on the FUNSD scans, stating the true resolution of
   * the upscaled image scored a point lower.
   */
  async recognize(image: Uint8Array): Promise<OcrResult> {
    const result = await this.settle(this.worker.recognize(asBuffer(image)));
    return { text: tidyOcrText(result.data.text), confidence: clampConfidence(result.data.confidence / 100) };
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

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function describe(reason: unknown): string {
  return reason instanceof Error ? reason.message : String(reason);
}

function clampConfidence(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/** Drops trailing blanks on each line and the blank lines Tesseract adds around blocks' ends. */
function tidyOcrText(text: string): string {
  return text
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
