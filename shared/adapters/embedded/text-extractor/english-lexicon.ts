import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ConfigurationError } from '../../../errors.js';
import { compromiseLexicon } from '../compromise-lexicon.js';

const LEXICON_PACKAGE = 'an-array-of-english-words';

let loaded: ReadonlySet<string> | undefined;

/**
 * Tags of compromise's lexicon whose words the English word list lacks: names of people, places, organisations,
 * days and months, and abbreviations ("Seattle", "George", "Friday", "Inc"). Its other entries are ordinary words
 * the list has, or forms compromise generates ("brillianter", "otherses") that no page should be corrected to.
 */
const PROPER_AND_ABBREVIATED =
  /\b(?:FirstName|MaleName|FemaleName|LastName|Person|Country|City|Region|Place|ProperNoun|Organization|WeekDay|Month|Demonym|Abbreviation)\b/u;
const LOWER_CASE_LETTERS = /^[a-z]+$/u;

/**
 * The English word list of `an-array-of-english-words` (about 275,000 lower-case words, no frequencies) as a set,
 * with the single-word names, places, days, months and abbreviations of compromise's lexicon (about 5,000 more,
 * PROPER_AND_ABBREVIATED), read on first use and kept: about 0.4 s of CPU and 18 MB of heap (measured), paid only by
 * a process that OCRs. The JSON is read from the package folder rather than imported, so a bundler does not inline
 * 3 MB into code that never OCRs.
 */
export function englishLexicon(): ReadonlySet<string> {
  loaded ??= readLexicon();
  return loaded;
}

function readLexicon(): ReadonlySet<string> {
  const require = createRequire(import.meta.url);
  let file: string;
  try {
    file = join(dirname(require.resolve(`${LEXICON_PACKAGE}/package.json`)), 'index.json');
  } catch (error) {
    throw new ConfigurationError(`OCR word list package ${LEXICON_PACKAGE} is not installed`, { cause: error });
  }
  let words: unknown;
  try {
    words = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigurationError(`OCR word list cannot be read: ${file}`, { cause: error });
  }
  if (!Array.isArray(words) || !words.every((word): word is string => typeof word === 'string')) {
    throw new ConfigurationError(`OCR word list is not an array of words: ${file}`);
  }
  const lexicon = new Set(words);
  for (const [word, tags] of Object.entries(compromiseLexicon())) {
    if (LOWER_CASE_LETTERS.test(word) && PROPER_AND_ABBREVIATED.test(tags)) lexicon.add(word);
  }
  return lexicon;
}
