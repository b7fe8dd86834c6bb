import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ConfigurationError } from '../../../errors.js';

/**
 * The English model shipped in @tesseract.js-data/eng. The package holds two gzipped models: `4.0.0` (legacy
 * engine + LSTM network) and `4.0.0_best_int` (the same integer LSTM network alone). The OCR engine runs LSTM
 * only, so the second is the one to load: same recognition, a quarter of the size.
 */
const MODEL_FOLDER = '4.0.0_best_int';
const MODEL_FILE = 'eng.traineddata.gz';

export interface TesseractLanguageData {
  /** Folder holding `eng.traineddata.gz`, given to tesseract.js as `langPath` (a local path: nothing is fetched). */
  readonly langPath: string;
  /** The file is gzipped; tesseract.js must be told so. */
  readonly gzip: true;
}

/** Locates the bundled English model, failing fast with the missing path when the package is absent. */
export function englishLanguageData(): TesseractLanguageData {
  const require = createRequire(import.meta.url);
  let packageFolder: string;
  try {
    packageFolder = dirname(require.resolve('@tesseract.js-data/eng/package.json'));
  } catch (error) {
    throw new ConfigurationError('OCR language data package @tesseract.js-data/eng is not installed', { cause: error });
  }
  const langPath = join(packageFolder, MODEL_FOLDER);
  if (!existsSync(join(langPath, MODEL_FILE))) {
    throw new ConfigurationError(`OCR language data is missing: ${join(langPath, MODEL_FILE)}`);
  }
  return { langPath, gzip: true };
}
