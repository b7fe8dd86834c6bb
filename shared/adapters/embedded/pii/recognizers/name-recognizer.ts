import type { PiiEntity } from '../../../../ports/pii-detector.js';
import type { AnalysedText } from '../analysed-text.js';
import { isCommonEnglishWord, lexiconTag } from '../english-lexicon.js';
import { HONORIFICS, NOT_NAME_WORDS, ORGANISATION_SUFFIXES } from '../lexicons/name-stopwords.js';
import { properNounsOf } from '../proper-nouns.js';
import type { PiiRecognizer } from '../recognizer.js';
import { wordsOf } from '../words.js';

/** One to three capitalised name words (letters, marks, inner hyphens/apostrophes) separated by single spaces. */
const NAME_WORDS = String.raw`\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*(?:[ \t]+(?:(?:van|von|de|da|di|del|der|la|le|bin|al|el)[ \t]+)?\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*){0,2}`;

const HONORIFIC = new RegExp(
  String.raw`\b(?:${[...HONORIFICS].join('|')})\.?[ \t]+(${NAME_WORDS})`,
  'giu',
);

/** Words after which a name follows: labels, greetings, sign-offs, "my name is", "my son". */
const NAME_CONTEXTS: readonly RegExp[] = [
  String.raw`\b(?:(?:first|last|full|maiden|middle|sur|given|family|user)\s*)?name(?:\s+is|'s|\s*:|\?|\s+on\s+the\s+\w+\s+is)`,
  String.raw`\bnamed\b`,
  String.raw`\bcall(?:s|ed)?\s+me\b`,
  String.raw`\b(?:dear|hi|hello|hey|good\s+(?:morning|afternoon|evening))\b[ \t]*,?`,
  String.raw`\b(?:from|to|cc|attn|attention|patient|signed|contact|emergency\s+contact|guardian|beneficiary|applicant|employee|tenant|landlord|witness|author|customer|client|insured|policyholder|member|recipient|sender|prepared\s+by|approved\s+by)[ \t]*:`,
  String.raw`\b(?:sincerely|regards|cheers|best(?:\s+wishes)?|yours(?:\s+truly|\s+sincerely|\s+faithfully)?|thanks|thank\s+you|love)\b[ \t]*,?[ \t]*\n`,
  String.raw`\b(?:my|our|his|her|their)\s+(?:kid|son|daughter|wife|husband|partner|friend|brother|sister|mother|father|mom|mum|dad|boss|colleague|child|baby|grandson|granddaughter|nephew|niece|cousin|uncle|aunt|fianc[ée]e?|boyfriend|girlfriend|manager|doctor|lawyer|neighbou?r)(?:'s\s+name)?\b`,
].map((context) => new RegExp(`${context}[ \\t]*\\n?[ \\t]*(${NAME_WORDS})`, 'giu'));

const FIRST_NAME_TAGS = ['FirstName', 'MaleName', 'FemaleName'];
/** First names that are also everyday words, too ambiguous in lower case. */
const AMBIGUOUS_LOWER_NAMES = new Set(['will', 'mark', 'bill', 'may', 'june', 'april', 'grant', 'rose', 'jack',
  'pat', 'sue', 'hope', 'faith', 'joy', 'grace', 'art', 'rob', 'don', 'ray', 'dawn', 'summer', 'autumn', 'chase',
  'frank', 'guy', 'max', 'lee', 'sandy', 'rusty', 'penny', 'ivy', 'holly', 'iris', 'lily', 'violet', 'ruby', 'amber',
  'crystal', 'pearl', 'jewel', 'sky', 'river', 'brook', 'cliff', 'dean', 'drew', 'gene', 'miles', 'norman', 'percy',
  'harry', 'ben', 'eve', 'tom', 'nick', 'pete', 'sal', 'al', 'ed', 'jean']);

/**
 * Personal names: compromise's people, honorifics ("Mr. Fernandez"), labels and greetings ("Name:", "Dear X",
 * "Sincerely,\nX"), capitalised words that are not English words (classified as people rather than places), the
 * first line of an address block, and known first names in lower-case text.
 */
export class NameRecognizer implements PiiRecognizer {
  readonly name = 'name';

  recognize(input: AnalysedText): PiiEntity[] {
    const { text } = input;
    const found: PiiEntity[] = [];
    const words = wordsOf(input);
    const tagsAt = (offset: number): ReadonlySet<string> =>
      words.find((w) => w.start <= offset && offset < w.end)?.tags ?? new Set<string>();
    const add = (start: number, end: number, score: number): void => {
      const span = trimName(text, start, end);
      if (span) found.push({ type: 'NAME', start: span.start, end: span.end, score });
    };

    const places = properNounsOf(input).filter((noun) => noun.kind === 'place');
    for (const person of input.people) {
      // compromise reads "Monroe" in "grew up in Monroe" as a person; the place reading wins there.
      if (places.some((place) => place.start <= person.start && person.end <= place.end)) continue;
      if (!isPlausibleLowerCasePerson(text.slice(person.start, person.end))) continue;
      add(person.start, person.end, 0.62);
    }
    for (const m of text.matchAll(HONORIFIC)) {
      const name = leadingCapitalisedWords(m[1] ?? '');
      if (m.index === undefined || name === '') continue;
      const start = m.index + m[0].length - (m[1] ?? '').length;
      add(start, start + name.length, 0.85);
    }
    for (const context of NAME_CONTEXTS) {
      for (const m of text.matchAll(context)) {
        const raw = m[1] ?? '';
        const rawStart = (m.index ?? 0) + m[0].length - raw.length;
        const name =
          leadingCapitalisedWords(raw) ||
          (isLowerCaseLine(text, rawStart) ? leadingUnknownWords(raw, (offset) => tagsAt(offset + rawStart)) : '');
        if (name === '' || !isPlausibleName(name)) continue;
        add(rawStart, rawStart + name.length, 0.7);
      }
    }
    for (const noun of properNounsOf(input)) if (noun.kind === 'person') add(noun.start, noun.end, noun.score);
    for (const line of nameLinesAboveAddresses(text)) add(line.start, line.end, 0.66);
    for (const word of words) {
      if (word.capitalised || !FIRST_NAME_TAGS.some((t) => word.tags.has(t))) continue;
      if (AMBIGUOUS_LOWER_NAMES.has(word.lower) || !/FirstName|MaleName|FemaleName/.test(word.lexicon ?? '')) continue;
      add(word.start, word.end, 0.45);
    }
    return mergeOverlapping(found);
  }
}

/** Joins overlapping name spans from different rules into one span with the best score. */
function mergeOverlapping(spans: PiiEntity[]): PiiEntity[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: PiiEntity[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      merged[merged.length - 1] = { ...last, end: Math.max(last.end, span.end), score: Math.max(last.score, span.score) };
    } else {
      merged.push(span);
    }
  }
  return merged;
}

/**
 * The capitalised words at the start of a captured phrase (the context patterns are case-insensitive, so the capture
 * may run on into ordinary words): "Patricia Jeknić but everyone" → "Patricia Jeknić".
 */
function leadingCapitalisedWords(phrase: string): string {
  const m = /^\p{Lu}[\p{L}\p{M}'’-]*(?:[ \t]+(?:(?:van|von|de|da|di|del|der|la|le|bin|al|el)[ \t]+)?\p{Lu}[\p{L}\p{M}'’-]*){0,2}/u.exec(phrase);
  return m ? m[0] : '';
}

/**
 * compromise's people in lower-case text are often everyday words ("grant", "don t"): a lower-case span counts only
 * when none of its words is an ordinary English word, an ambiguous first name or a single letter.
 */
function isPlausibleLowerCasePerson(span: string): boolean {
  if (/\p{Lu}/u.test(span)) return true;
  const words = span.split(/[^\p{L}\p{M}]+/u).filter((w) => w !== '');
  return (
    words.length > 0 &&
    words.every(
      (w) =>
        w.length >= 2 &&
        !AMBIGUOUS_LOWER_NAMES.has(w) &&
        (!isCommonEnglishWord(w) || /FirstName|MaleName|FemaleName|LastName/.test(lexiconTag(w) ?? '')),
    )
  );
}

/** True when the line holding the position has no capital letters (text typed all in lower case). */
function isLowerCaseLine(text: string, position: number): boolean {
  const start = text.lastIndexOf('\n', position) + 1;
  const end = text.indexOf('\n', position);
  return !/\p{Lu}/u.test(text.slice(start, end < 0 ? text.length : end));
}

/**
 * In lower-case text: the first one or two words of the phrase that are not ordinary English words and that
 * compromise reads as nouns or names (not "optional", "unless").
 */
function leadingUnknownWords(phrase: string, tagsAt: (offsetInPhrase: number) => ReadonlySet<string>): string {
  const m = /^(\p{Ll}[\p{L}\p{M}'’-]*)(?:[ \t]+(\p{Ll}[\p{L}\p{M}'’-]*))?/u.exec(phrase);
  const first = m?.[1];
  if (!m || first === undefined) return '';
  const nameLike = (word: string, offset: number): boolean => {
    const tags = tagsAt(offset);
    const nounLike = (tags.has('Noun') || tags.has('Person')) && !NOT_NAME_TAGS.some((t) => tags.has(t));
    return nounLike && word.length >= 2 && !isCommonEnglishWord(word) && !NOT_NAME_WORDS.has(word);
  };
  if (!nameLike(first, 0)) return '';
  const second = m[2];
  return second !== undefined && nameLike(second, m[0].length - second.length) ? m[0] : first;
}

const NOT_NAME_TAGS = ['Adjective', 'Verb', 'Adverb', 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Value'];

/** False for capitalised words that are plainly not a name ("Thanks", "Monday", "Inc"). */
function isPlausibleName(candidate: string): boolean {
  const words = candidate.split(/[ \t]+/);
  const first = words[0]?.toLowerCase() ?? '';
  return !NOT_NAME_WORDS.has(first) && !words.some((w) => ORGANISATION_SUFFIXES.has(w.toLowerCase()));
}

/** Drops honorifics, a possessive 's and punctuation at the ends; undefined when nothing name-like is left. */
function trimName(text: string, start: number, end: number): { start: number; end: number } | undefined {
  let s = start;
  let e = end;
  const honorific = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|rev)\.?\s+/i.exec(text.slice(s, e));
  if (honorific) s += honorific[0].length;
  // Lower-case words before the name ("sister Ingrid Lindqvist"), when the name itself is capitalised.
  const leadingLower = /^(?:\p{Ll}[\p{L}\p{M}]*\s+)+(?=\p{Lu})/u.exec(text.slice(s, e));
  if (leadingLower) s += leadingLower[0].length;
  const possessive = /['’]s$/i.exec(text.slice(s, e));
  if (possessive) e -= possessive[0].length;
  while (s < e && /[^\p{L}\p{M}]/u.test(text.charAt(s))) s++;
  while (e > s && /[^\p{L}\p{M}]/u.test(text.charAt(e - 1))) e--;
  const words = text.slice(s, e).split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || words.every((w) => NOT_NAME_WORDS.has(w.toLowerCase()))) return undefined;
  return { start: s, end: e };
}

/**
 * The first line of a block whose following lines hold a street address: in letters, envelopes and business
 * cards that line is the person's name ("Taylor Barabás\nAreavibes Inc\n27 2279 President St...").
 */
function nameLinesAboveAddresses(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number; content: string }[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    lines.push({ start: offset, end: offset + raw.length, content: raw });
    offset += raw.length + 1;
  }
  const found: { start: number; end: number }[] = [];
  lines.forEach((line, i) => {
    const m = /^([^\p{L}\d]*(?:[\p{L} ]+:\s*)?)([\p{L}\p{M}][\p{L}\p{M}'’.-]*(?:[ \t]+[\p{L}\p{M}][\p{L}\p{M}'’.-]*){1,3})\s*$/u.exec(
      line.content,
    );
    if (!m?.[2]) return;
    const name = m[2];
    if (name.split(/\s+/).some((w) => ORGANISATION_SUFFIXES.has(w.toLowerCase().replace(/\.$/, '')))) return;
    const following = lines.slice(i + 1, i + 4).filter((l) => l.content.trim() !== '');
    const addressFollows = following.some((l) => /^[^\p{L}\d]*\d{1,5}[ \t]+(?:\d{1,5}[ \t]+)?[\p{L}]/u.test(l.content));
    const previous = lines[i - 1];
    const firstOfBlock = i === 0 || previous?.content.trim() === '';
    if (!addressFollows || !firstOfBlock) return;
    const start = line.start + (m[1]?.length ?? 0);
    found.push({ start, end: start + name.length });
  });
  return found;
}
