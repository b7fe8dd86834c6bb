/** Common English words that carry no topic. */
const STOPWORDS = new Set(
  ('a about above after again against all am an and any are as at be because been before being below between both ' +
    'but by can could did do does doing down during each few for from further had has have having he her here hers ' +
    'herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on ' +
    'once only or other our ours ourselves out over own same she should so some such than that the their theirs them ' +
    'themselves then there these they this those through to too under until up very was we were what when where ' +
    'which while who whom why will with would you your yours yourself yourselves may might must shall also any ' +
    'upon within without us s t re ve ll d m don doesn isn aren wasn weren won etc e g ie eg')
    .split(' '),
);

/** The content words of a text: lower case, letters and digits only, stop words dropped, lightly stemmed. */
export function contentTerms(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((w) => !STOPWORDS.has(w) && (w.length > 1 || /\d/.test(w)))
    .map(stem);
}

/** The number of words in a text. */
export function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** A light suffix stripper so that "terms"/"term" and "agreeing"/"agree" meet. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const [suffix, replacement] of [
    ['ies', 'y'], ['ing', ''], ['edly', ''], ['ed', ''], ['es', ''], ['s', ''], ['ly', ''], ['ment', ''],
  ] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      if (suffix === 's' && word.endsWith('ss')) return word;
      return word.slice(0, word.length - suffix.length) + replacement;
    }
  }
  return word;
}
