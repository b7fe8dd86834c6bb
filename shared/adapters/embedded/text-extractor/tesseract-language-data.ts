import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigurationError } from '../../../errors.js';

/**
 * The English models the OCR passes use (OCR_PASSES): `best`, the integer LSTM network of
 * @tesseract.js-data/eng; `fast`, tessdata_fast's smaller network, shipped in this repository (model/tessdata-fast,
 * with its provenance). They misread different words, which is what makes merging their readings pay.
 */
export type OcrModel = 'best' | 'fast';

/**
 * @tesseract.js-data/eng holds two gzipped models: `4.0.0` (legacy engine + LSTM network) and `4.0.0_best_int`
 * (the same integer LSTM network alone). The OCR engine runs LSTM only, so the second is the one to load: same
 * recognition, a quarter of the size.
 */
const BEST_MODEL_FOLDER = '4.0.0_best_int';
const MODEL_FILE = 'eng.traineddata.gz';
const FAST_MODEL_FOLDER = './model/tessdata-fast/';

export interface TesseractLanguageData {
  /** Folder holding `eng.traineddata.gz`, given to tesseract.js as `langPath` (a local path: nothing is fetched). */
  readonly langPath: string;
  /** The file is gzipped; tesseract.js must be told so. */
  readonly gzip: true;
}

/** Locates a bundled English model, failing fast with the missing path when it is absent. */
export function englishLanguageData(model: OcrModel = 'best'): TesseractLanguageData {
  const langPath =
    model === 'best' ? join(tesseractDataPackage(), BEST_MODEL_FOLDER) : fileURLToPath(new URL(FAST_MODEL_FOLDER, import.meta.url));
  if (!existsSync(join(langPath, MODEL_FILE))) {
    throw new ConfigurationError(`OCR language data is missing: ${join(langPath, MODEL_FILE)}`);
  }
  return { langPath, gzip: true };
}

function tesseractDataPackage(): string {
  const require = createRequire(import.meta.url);
  try {
    return dirname(require.resolve('@tesseract.js-data/eng/package.json'));
  } catch (error) {
    throw new ConfigurationError('OCR language data package @tesseract.js-data/eng is not installed', { cause: error });
  }
}
