/** A set of lower-case words: the only question correction asks of a lexicon. */
export interface Lexicon {
  has(word: string): boolean;
}

/** Which recognised words lexicon correction may touch. */
export interface LexiconCorrectionSettings {
  /** Words with fewer letters than this are left alone: short words have too many neighbours to choose from. */
  readonly minLetters: number;
  /** Words the engine is at least this sure of (0-100, Tesseract's scale) are left alone; above 100, none are. */
  readonly maxConfidence: number;
}

/**
 * Multi-letter misreadings typical of OCR, each undone as one edit: ink that merges or splits between neighbouring
 * glyphs. Single-letter confusions (l/I/1, O/0) need no entry: substitutions cover letters, and words with digits
 * are never corrected. "ri"/"n" and "in"/"m" were tried too: on FUNSD they fixed nothing and made one word up.
 */
const GLYPH_CONFUSIONS: readonly (readonly [string, string])[] = [
  ['rn', 'm'],
  ['cl', 'd'],
  ['li', 'h'],
  ['vv', 'w'],
];

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** Leading punctuation, the word itself, trailing punctuation. */
const WORD_PARTS = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su;
const LETTERS_ONLY = /^[A-Za-z]+$/u;

/**
 * Corrects one recognised token against an English lexicon, or returns it as it was. Only a token whose core (the
 * token without the punctuation around it) is ASCII letters only, long enough, less confident than the threshold
 * and not itself a lexicon word is considered; it is replaced when exactly one lexicon word lies one edit away
 * (a letter deleted, inserted, substituted, two neighbours swapped, or a glyph confusion undone). With two or more
 * such words the token is ambiguous and kept: a wrong guess would turn a misread into a plausible wrong word. The
 * replacement takes the token's case pattern and its punctuation.
 */
export function correctToken(token: string, confidence: number, lexicon: Lexicon, settings: LexiconCorrectionSettings): string {
  if (confidence >= settings.maxConfidence) return token;
  const parts = WORD_PARTS.exec(token);
  const [, before = '', core = '', after = ''] = parts ?? [];
  if (core.length < settings.minLetters || !LETTERS_ONLY.test(core)) return token;
  const lower = core.toLowerCase();
  if (lexicon.has(lower)) return token;
  const candidate = soleNeighbour(lower, lexicon);
  return candidate === undefined ? token : `${before}${withCasePattern(candidate, core)}${after}`;
}

/** The one lexicon word a single edit away from `word`, or undefined when there is none or more than one. */
export function soleNeighbour(word: string, lexicon: Lexicon): string | undefined {
  let found: string | undefined;
  for (const candidate of oneEditAway(word)) {
    if (candidate === word || candidate === found || !lexicon.has(candidate)) continue;
    if (found !== undefined) return undefined;
    found = candidate;
  }
  return found;
}

/** Every string one edit away from a lower-case word (with repeats): a few hundred for a word of ten letters. */
function* oneEditAway(word: string): Generator<string> {
  for (let i = 0; i < word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i + 1);
    yield head + tail;
    if (i + 1 < word.length) yield head + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2);
    for (const letter of ALPHABET) {
      if (letter !== word.charAt(i)) yield head + letter + tail;
    }
  }
  for (let i = 0; i <= word.length; i++) {
    for (const letter of ALPHABET) yield word.slice(0, i) + letter + word.slice(i);
  }
  for (const [a, b] of GLYPH_CONFUSIONS) {
    yield* replacements(word, a, b);
    yield* replacements(word, b, a);
  }
}

/** `word` with one occurrence of `from` replaced by `to`, for each occurrence. */
function* replacements(word: string, from: string, to: string): Generator<string> {
  for (let at = word.indexOf(from); at >= 0; at = word.indexOf(from, at + 1)) {
    yield word.slice(0, at) + to + word.slice(at + from.length);
  }
}

/**
 * A lower-case word written the way `original` is: all capitals when most of its letters are capitals (a stray
 * lower-case letter in a capitalised word is usually the misread one), a capital first letter when it has one,
 * otherwise lower case.
 */
export function withCasePattern(word: string, original: string): string {
  const capitals = [...original].filter((char) => char >= 'A' && char <= 'Z').length;
  if (original.length > 1 && capitals * 2 > original.length) return word.toUpperCase();
  const first = original.charAt(0);
  if (first >= 'A' && first <= 'Z') return word.charAt(0).toUpperCase() + word.slice(1);
  return word;
}

/** Whether a token (punctuation around it ignored, any case) is a word of the lexicon. */
export function isLexiconWord(token: string, lexicon: Lexicon): boolean {
  const [, , core = ''] = WORD_PARTS.exec(token) ?? [];
  return LETTERS_ONLY.test(core) && lexicon.has(core.toLowerCase());
}
