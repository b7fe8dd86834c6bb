import { stretchContrast } from './contrast-stretch.js';
import { encodePgm, type GrayRaster } from './gray-raster.js';
import { OcrEnginePool } from './ocr-engine-pool.js';
import { SCAN_CLEANUP } from './ocr-settings.js';
import { cleanScanForOcr } from './scan-cleanup.js';
import { TesseractEngine, type OcrResult } from './tesseract-engine.js';
import { englishLanguageData } from './tesseract-language-data.js';

/** Long side of a page whose resolution is not given (Letter). */
const ASSUMED_PAGE_LONG_SIDE_INCHES = 11;

/** OCR for the extractor: a lazily started pool of Tesseract engines over the bundled English model. */
export class OcrService {
  readonly #pool: OcrEnginePool<TesseractEngine>;

  /** Locates the language data at once (a ConfigurationError if missing); engines start on first use. */
  constructor(workers: number) {
    const languageData = englishLanguageData();
    this.#pool = new OcrEnginePool(workers, () => TesseractEngine.start(languageData));
  }

  /**
   * Recognises a grayscale page, after stretching its contrast (and, when SCAN_CLEANUP is enabled, erasing ruled
   * lines and specks). `dpi` is the raster's resolution; without it the raster is taken to be a whole page.
   */
  recognize(raster: GrayRaster, dpi?: number): Promise<OcrResult> {
    const stretched = stretchContrast(raster);
    const resolution = dpi ?? Math.max(raster.width, raster.height) / ASSUMED_PAGE_LONG_SIDE_INCHES;
    const image = encodePgm(SCAN_CLEANUP.enabled ? cleanScanForOcr(stretched, resolution) : stretched);
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
