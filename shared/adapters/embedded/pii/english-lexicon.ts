import nlp from 'compromise';

/** compromise's built-in lexicon: lower-case word → its tag ("FemaleName", "Country", "Singular", ...). */
const LEXICON: Readonly<Record<string, string>> = readLexicon(nlp.world());

function readLexicon(world: object): Record<string, string> {
  const model: unknown = Reflect.get(world, 'model');
  const one: unknown = typeof model === 'object' && model !== null ? Reflect.get(model, 'one') : undefined;
  const lexicon: unknown = typeof one === 'object' && one !== null ? Reflect.get(one, 'lexicon') : undefined;
  if (typeof lexicon !== 'object' || lexicon === null) return {};
  const out: Record<string, string> = {};
  for (const [word, tag] of Object.entries(lexicon)) {
    if (typeof tag === 'string') out[word] = tag;
    else if (Array.isArray(tag)) out[word] = tag.filter((t): t is string => typeof t === 'string').join(',');
  }
  return out;
}

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
