import type { AnalysedText } from './analysed-text.js';
import { lexiconTag } from './english-lexicon.js';

/** A word of the text with the facts the name and address rules use. */
export interface Word {
  readonly index: number;
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  /** End of the word without a possessive "'s". */
  readonly end: number;
  readonly tags: ReadonlySet<string>;
  /** compromise's lexicon tag for the word, when it knows it. */
  readonly lexicon: string | undefined;
  readonly capitalised: boolean;
  readonly allCaps: boolean;
  readonly possessive: boolean;
  /** First word of a sentence, a line or a labelled field ("Name: ..."). */
  readonly sentenceInitial: boolean;
  /** The word sits in a sentence written in capitals only ("CAN I SPEAK TO A PERSON"). */
  readonly inShoutedText: boolean;
}

const cache = new WeakMap<AnalysedText, Word[]>();

/** The words of the text (from the shared parse), made once per text. */
export function wordsOf(input: AnalysedText): readonly Word[] {
  const cached = cache.get(input);
  if (cached) return cached;
  const { text } = input;
  const words: Word[] = [];
  const shouted = shoutedLines(text);
  for (const term of input.terms) {
    const possessive = /['’]s$/i.test(term.text) && term.text.length > 3;
    const core = possessive ? term.text.slice(0, -2) : term.text;
    words.push({
      index: words.length,
      text: core,
      lower: core.toLowerCase(),
      start: term.start,
      end: term.start + core.length,
      tags: term.tags,
      lexicon: lexiconTag(core),
      capitalised: /^\p{Lu}/u.test(core),
      allCaps: /\p{Lu}/u.test(core) && !/\p{Ll}/u.test(core),
      possessive,
      sentenceInitial: isSentenceInitial(text, term.start),
      inShoutedText: shouted(term.start),
    });
  }
  cache.set(input, words);
  return words;
}

/** The text between two words. */
export function gapBetween(text: string, left: Word, right: Word): string {
  return text.slice(left.end, right.start);
}

function isSentenceInitial(text: string, start: number): boolean {
  for (let i = start - 1; i >= 0; i--) {
    const ch = text.charAt(i);
    if (/[\s"'“”‘’([*•·–—-]/u.test(ch)) {
      if (ch === '\n') return true;
      continue;
    }
    return /[.!?:;]/.test(ch);
  }
  return true;
}

/** A test telling whether the line holding a position is written mostly in capitals (computed once per line). */
function shoutedLines(text: string): (position: number) => boolean {
  const starts: number[] = [];
  const flags: boolean[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const upper = (line.match(/\p{Lu}/gu) ?? []).length;
    const lower = (line.match(/\p{Ll}/gu) ?? []).length;
    starts.push(offset);
    flags.push(upper >= 8 && upper > 3 * lower);
    offset += line.length + 1;
  }
  return (position) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= position) lo = mid;
      else hi = mid - 1;
    }
    return flags[lo] ?? false;
  };
}
