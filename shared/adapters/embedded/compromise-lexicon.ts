import nlp from 'compromise';

let loaded: Readonly<Record<string, string>> | undefined;

/**
 * compromise's built-in lexicon (about 25,000 entries): lower-case word → its tag(s), comma-separated
 * ("FemaleName", "Country", "Singular", ...). Read on first use, so that a module importing this one loads without
 * building compromise's model (a Lambda bundle may carry the import of compromise but not compromise itself).
 */
export function compromiseLexicon(): Readonly<Record<string, string>> {
  loaded ??= readLexicon(nlp.world());
  return loaded;
}

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
