import type { PiiEntity } from '../../../../ports/pii-detector.js';
import type { AnalysedText } from '../analysed-text.js';
import type { PiiRecognizer } from '../recognizer.js';

/** Top-level domains accepted for bare domains (without a scheme or www). */
const COMMON_TLDS =
  'com|org|net|edu|gov|mil|int|info|biz|io|co|ai|app|dev|me|tv|us|uk|ca|au|nz|de|fr|es|it|nl|be|ch|at|se|no|dk|fi|pl|' +
  'cz|sk|hu|ro|bg|gr|pt|ie|ru|ua|jp|cn|kr|in|br|mx|ar|cl|za|il|tr|sg|hk|tw|eu|online|site|shop|store|xyz|club|tech';

const WITH_SCHEME = /\b(?:https?|ftp):\/\/[^\s<>"'`]+/gi;
const WITH_WWW = /(?<![\w.@/-])www\.[^\s<>"'`]+/gi;
const BARE_DOMAIN = new RegExp(
  `(?<![\\w.@/-])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:${COMMON_TLDS})(?::\\d{2,5})?(?:/[^\\s<>"'\`]*)?(?![\\w@-])`,
  'gi',
);

/** Trailing characters that end a sentence rather than the address. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]}'"]+$/;

/** Web addresses: with a scheme, starting with www, or a bare domain with a common top-level domain. */
export class UrlRecognizer implements PiiRecognizer {
  readonly name = 'url';

  recognize({ text }: AnalysedText): PiiEntity[] {
    const found: PiiEntity[] = [];
    const add = (start: number, raw: string, score: number): void => {
      const trimmed = trimTrailing(raw);
      if (trimmed.length > 3) found.push({ type: 'URL', start, end: start + trimmed.length, score });
    };
    for (const m of text.matchAll(WITH_SCHEME)) add(m.index, m[0], 0.95);
    for (const m of text.matchAll(WITH_WWW)) add(m.index, m[0], 0.9);
    for (const m of text.matchAll(BARE_DOMAIN)) {
      if (/^\d+(?:\.\d+)+$/.test(m[0])) continue;
      if (found.some((f) => f.start <= m.index && m.index < f.end)) continue;
      add(m.index, m[0], 0.6);
    }
    return found;
  }
}

/** Drops sentence punctuation at the end, keeping a closing bracket whose opening bracket is in the address. */
function trimTrailing(raw: string): string {
  let url = raw.replace(TRAILING_PUNCTUATION, '');
  const tail = raw.slice(url.length);
  if (tail.startsWith(')') && url.includes('(')) url += ')';
  return url;
}
