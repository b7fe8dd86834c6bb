import { compromiseLexicon } from '../compromise-lexicon.js';

/** compromise's built-in lexicon: lower-case word → its tag(s). */
const LEXICON = compromiseLexicon();

/** The lexicon tag(s) of a word (comma-separated), or undefined when compromise does not know it. */
export function lexiconTag(word: string): string | undefined {
  return Object.prototype.hasOwnProperty.call(LEXICON, word.toLowerCase()) ? LEXICON[word.toLowerCase()] : undefined;
}

const NAME_OR_PLACE_TAGS = /(?:FirstName|MaleName|FemaleName|LastName|Person|Country|City|Region|Place|ProperNoun)/;

/** True when compromise knows the word as an ordinary English word (not a name or a place). */
export function isCommonEnglishWord(word: string): boolean {
  const tag = lexiconTag(word);
  return tag !== undefined && !NAME_OR_PLACE_TAGS.test(tag);
}
