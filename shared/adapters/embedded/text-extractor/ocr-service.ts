import { stretchContrast } from './contrast-stretch.js';
import { encodePgm, type GrayRaster } from './gray-raster.js';
import { OcrEnginePool } from './ocr-engine-pool.js';
import { TesseractEngine, type OcrResult } from './tesseract-engine.js';
import { englishLanguageData } from './tesseract-language-data.js';

/** OCR for the extractor: a lazily started pool of Tesseract engines over the bundled English model. */
export class OcrService {
  readonly #pool: OcrEnginePool<TesseractEngine>;

  /** Locates the language data at once (a ConfigurationError if missing); engines start on first use. */
  constructor(workers: number) {
    const languageData = englishLanguageData();
    this.#pool = new OcrEnginePool(workers, () => TesseractEngine.start(languageData));
  }

  /** Recognises a grayscale page, after stretching its contrast. */
  recognize(raster: GrayRaster): Promise<OcrResult> {
    const image = encodePgm(stretchContrast(raster));
    return this.#pool.use((engine) => engine.recognize(image));
  }

  /** Decodes an image format the canvas cannot read (TIFF) into PNG. */
  decodeToPng(image: Uint8Array): Promise<Uint8Array> {
    return this.#pool.use((engine) => engine.decodeToPng(image));
  }

  close(): Promise<void> {
    return this.#pool.close();
  }
}
