import type { PiiEntity } from '../../../../ports/pii-detector.js';
import type { AnalysedText } from '../analysed-text.js';
import { isCommonEnglishWord } from '../english-lexicon.js';
import { ADDRESS_CONTEXT, STATE_CODES, STREET_ENDINGS, STREET_TYPES, UNIT_WORDS } from '../lexicons/address-words.js';
import { properNounsOf } from '../proper-nouns.js';
import type { PiiRecognizer } from '../recognizer.js';
import { wordsOf, type Word } from '../words.js';
import { phoneShapeScore } from './phone-recognizer.js';

/** A token of the address scanner: a word, a number, a line break or one punctuation mark. */
interface Token {
  readonly kind: 'word' | 'number' | 'newline' | 'punct';
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

/** Evidence gathered while reading one candidate address. */
interface Evidence {
  streetType: boolean;
  numberAfterStreet: boolean;
  unit: boolean;
  postcode: boolean;
  region: boolean;
  lines: number;
}

/** Words may hold symbols and invisible characters from mis-decoded text ("SÃ£o TomÃ©"). */
const TOKEN = /\n|\d+(?:[-/]\d+)?[A-Za-z]?(?![\p{L}\d])|[\p{L}\p{M}]+(?:['’\-\p{S}\p{Cf}]*[\p{L}\p{M}]+)*[\p{S}\p{Cf}]?\.?|[^\s\p{L}\p{M}\d]/gu;
/** Marks that open a line in lists and forms ("??? ", "* ", "• "). */
const LINE_BULLET = /^[?*•·>\-–]$/;
/** Tags of English words that end an address ("for this card", "in case of", "It serves"). */
const STOP_TAGS = ['Verb', 'Pronoun', 'Determiner', 'Preposition', 'Conjunction', 'Adverb', 'Modal', 'Copula',
  'QuestionWord', 'Expression', 'Gerund'];
/** Words that number parts of documents ("chapter 2", "section 5"), never a street. */
const DOCUMENT_PART_WORDS = new Set(['section', 'sections', 'chapter', 'chapters', 'article', 'articles', 'clause',
  'clauses', 'paragraph', 'paragraphs', 'part', 'parts', 'page', 'pages', 'item', 'items', 'schedule', 'exhibit',
  'appendix', 'annex', 'title', 'volume', 'rule', 'rules', 'step', 'steps', 'phase', 'version', 'figure', 'table',
  'note', 'notes', 'line', 'lines', 'row', 'column', 'et', 'seq', 'usc', 'cfr', 'stat', 'pub']);
/** Small words that may sit inside place and street names ("Ústí nad Labem", "rue de la Paix"). */
const INNER_PARTICLES = new Set(['de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'des', 'la', 'le', 'les',
  'el', 'los', 'las', 'van', 'von', 'der', 'den', 'het', 'nad', 'pod', 'sur', 'upon', 'am', 'an', 'im', 'y', 'e', 'i',
  'and', 'on', 'of', 'the']);
const MAX_TOKENS = 40;

/**
 * Postal addresses: street addresses (house number, street name with a street type or a second number, unit,
 * city, region, postcode, country, across lines), continental forms ("Nassaustraat 123"), PO boxes, "City, ST
 * 12345", "ZIP: 12345", and lone places (cities, countries) in place-like context.
 */
export class AddressRecognizer implements PiiRecognizer {
  readonly name = 'address';

  recognize(input: AnalysedText): PiiEntity[] {
    const { text } = input;
    const tokens = [...text.matchAll(TOKEN)].map((m): Token => {
      const raw = m[0];
      const kind = raw === '\n' ? 'newline' : /^\d/.test(raw) ? 'number' : /^[\p{L}\p{M}]/u.test(raw) ? 'word' : 'punct';
      return { kind, text: raw, lower: raw.toLowerCase().replace(/\.$/, ''), start: m.index, end: m.index + raw.length };
    });
    const words = wordsOf(input);
    const wordAt = indexWords(words);
    const found: PiiEntity[] = [];

    for (let i = 0; i < tokens.length; i++) {
      const candidate = readStreetAddress(text, tokens, i, wordAt);
      if (candidate) {
        found.push(candidate.entity);
        i = candidate.lastToken;
      }
    }
    for (const m of text.matchAll(/\b(?:zip|zip\s*code|postcode|postal\s*code|post\s*code)\s*[:#]?\s*(\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d)\b/gi)) {
      const value = m[1] ?? '';
      const start = m.index + m[0].length - value.length;
      found.push({ type: 'ADDRESS', start, end: start + value.length, score: 0.8 });
    }
    for (const m of text.matchAll(/\b(?:P\.?\s?O\.?\s?Box|Post\s+Office\s+Box)\s+\d+\b/gi)) {
      found.push({ type: 'ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.85 });
    }
    for (const m of text.matchAll(/\b\p{Lu}[\p{L}\p{M}]+(?:[ \t]\p{Lu}[\p{L}\p{M}]+){0,2},[ \t]*([A-Z]{2})[ \t]+\d{5}(?:-\d{4})?\b/gu)) {
      if (STATE_CODES.has(m[1] ?? '')) found.push({ type: 'ADDRESS', start: m.index, end: m.index + m[0].length, score: 0.8 });
    }
    for (const place of input.places) {
      const span = text.slice(place.start, place.end);
      if (/^\p{Lu}[\p{L}\p{M}.'’-]*(?:\s+\p{Lu}[\p{L}\p{M}.'’-]*)*$/u.test(span)) found.push({ type: 'ADDRESS', start: place.start, end: place.end, score: 0.45 });
    }
    for (const noun of properNounsOf(input)) {
      if (noun.kind === 'place') found.push({ type: 'ADDRESS', start: noun.start, end: noun.end, score: noun.score });
    }
    return found;
  }
}

/** Maps a character offset to the compromise word covering it (binary search over the words, sorted by start). */
function indexWords(words: readonly Word[]): (offset: number) => Word | undefined {
  return (offset) => {
    let lo = 0;
    let hi = words.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const word = words[mid];
      if (!word) return undefined;
      if (offset < word.start) hi = mid - 1;
      else if (offset >= word.end) lo = mid + 1;
      else return word;
    }
    return undefined;
  };
}

type WordLookup = (offset: number) => Word | undefined;

/**
 * Reads an address around the house number at token `i`: either the number first ("87 Jakobi 69, Laane",
 * "1755 Nelson Mandela Drive") or the street name first ("Nassaustraat 123", "Via Roma 846\nPorto"). Returns the
 * span and the last token used, or undefined.
 */
function readStreetAddress(
  text: string,
  tokens: readonly Token[],
  i: number,
  wordAt: WordLookup,
): { entity: PiiEntity; lastToken: number } | undefined {
  const number = tokens[i];
  if (number?.kind !== 'number' || number.text.length > 5) return undefined;
  if (/[\d.,:/-]$/.test(text.slice(Math.max(0, number.start - 1), number.start))) return undefined;
  return readStreetFirst(text, tokens, i, wordAt) ?? readNumberFirst(text, tokens, i, wordAt);
}

function newEvidence(): Evidence {
  return { streetType: false, numberAfterStreet: false, unit: false, postcode: false, region: false, lines: 0 };
}

function readNumberFirst(text: string, tokens: readonly Token[], i: number, wordAt: WordLookup): { entity: PiiEntity; lastToken: number } | undefined {
  const evidence = newEvidence();
  let j = i + 1;
  if (tokens[j]?.kind === 'number' && (tokens[j]?.text.length ?? 0) <= 5 && sameLine(text, tokens[i], tokens[j])) j++;
  const streetStart = j;
  while (j < tokens.length && j - streetStart < 6) {
    const t = tokens[j];
    if (!t || t.kind !== 'word' || !isStreetNameWord(t, wordAt) || !sameLine(text, tokens[j - 1], t)) break;
    if (isStreetTypeWord(t)) evidence.streetType = true;
    j++;
  }
  const street = tokens.slice(streetStart, j);
  if (street.length === 0 || !isPlausibleStreet(street, evidence)) return undefined;
  if (tokens[j]?.kind === 'number' && (tokens[j]?.text.length ?? 0) <= 5) {
    evidence.numberAfterStreet = true;
    j++;
  }
  const last = readTail(text, tokens, j, j - 1, evidence, wordAt);
  const strong = evidence.streetType || evidence.numberAfterStreet || evidence.unit;
  return finish(text, tokens, i, last, evidence, strong);
}

function readStreetFirst(text: string, tokens: readonly Token[], i: number, wordAt: WordLookup): { entity: PiiEntity; lastToken: number } | undefined {
  const evidence = newEvidence();
  let k = i;
  while (k - 1 >= 0 && i - k < 4) {
    const t = tokens[k - 1];
    if (!t || t.kind !== 'word' || !isStreetNameWord(t, wordAt) || !sameLine(text, t, tokens[k])) break;
    k--;
  }
  // Drop an opening word that merely starts the sentence ("Meet", "The").
  while (k < i && isSentenceOpener(text, tokens[k], wordAt)) k++;
  const street = tokens.slice(k, i);
  if (street.length === 0) return undefined;
  evidence.streetType = street.some(isStreetTypeWord);
  if (!isPlausibleStreet(street, evidence)) return undefined;
  const last = readTail(text, tokens, i + 1, i, evidence, wordAt);
  return finish(text, tokens, k, last, evidence, evidence.streetType || evidence.unit);
}

/** Without a street type, ordinary English words are not a street name ("5 Musicians Of The 70s", "Article 50"). */
function isPlausibleStreet(street: readonly Token[], evidence: Evidence): boolean {
  return evidence.streetType || !street.some((t) => isCommonEnglishWord(t.lower) && !UNIT_WORDS.has(t.lower));
}

function isSentenceOpener(text: string, t: Token | undefined, wordAt: WordLookup): boolean {
  if (!t || isStreetTypeWord(t)) return false;
  const word = wordAt(t.start);
  const openerTags = ['Determiner', 'Preposition', 'Pronoun', 'Conjunction', 'QuestionWord', 'Adverb', 'Expression'];
  return word !== undefined && word.sentenceInitial && openerTags.some((tag) => word.tags.has(tag));
}

function sameLine(text: string, a: Token | undefined, b: Token | undefined): boolean {
  return a !== undefined && b !== undefined && !text.slice(a.end, b.start).includes('\n');
}

/** Reads the rest of an address from token `j` (unit, city, region, postcode, country, over several lines). */
function readTail(text: string, tokens: readonly Token[], from: number, lastSoFar: number, evidence: Evidence, wordAt: WordLookup): number {
  let j = from;
  let last = lastSoFar;
  let blankLines = 0;
  let openParens = 0;
  while (j < tokens.length && j - from < MAX_TOKENS) {
    const t = tokens[j];
    if (!t) break;
    if (t.kind === 'newline') {
      if (tokens[j + 1]?.kind === 'newline') {
        // One blank line may separate the country line ("Kaplice 1\n\n Iceland 80392"), nothing else.
        if (++blankLines > 1 || !isCountryOrPostcodeLine(text, tokens[j + 1]?.end ?? t.end, wordAt, tokens, j + 2)) break;
        j++;
        continue;
      }
      if (!isAddressLine(text, t.end)) break;
      evidence.lines++;
      j++;
      while (tokens[j]?.kind === 'punct' && LINE_BULLET.test(tokens[j]?.text ?? '')) j++;
      continue;
    }
    if (t.kind === 'punct') {
      if (!/^[,.()#/-]$/.test(t.text)) break;
      if (t.text === '(') openParens++;
      if (t.text === ')') {
        if (openParens === 0) break;
        openParens--;
        last = j;
      }
      if (t.text === '.' && !continuesAfterFullStop(tokens, j, wordAt)) break;
      j++;
      continue;
    }
    if (t.kind === 'number') {
      if (t.text.length >= 4) evidence.postcode = true;
      if (t.text.length > 10) break;
      last = j++;
      continue;
    }
    if (UNIT_WORDS.has(t.lower) && tokens[j + 1]?.kind !== 'word') evidence.unit = true;
    if (isRegionWord(t, wordAt)) evidence.region = true;
    if (isStreetTypeWord(t) && t.lower.length > 2) evidence.streetType = true;
    if (!isAddressWord(t, tokens[j + 1], wordAt)) break;
    last = j++;
  }
  return last;
}

function finish(
  text: string,
  tokens: readonly Token[],
  firstToken: number,
  lastToken: number,
  evidence: Evidence,
  strong: boolean,
): { entity: PiiEntity; lastToken: number } | undefined {
  const first = tokens[firstToken];
  const last = tokens[lastToken];
  if (!first || !last) return undefined;
  const context = ADDRESS_CONTEXT.test(text.slice(Math.max(0, first.start - 60), first.start));
  const supported =
    ((context || evidence.lines > 0) && (evidence.postcode || evidence.region || evidence.lines > 0)) ||
    (evidence.postcode && evidence.region);
  if (!strong && !supported) return undefined;
  const kinds = [strong, evidence.postcode, evidence.region, evidence.lines > 0, context].filter(Boolean).length;
  const score = Math.min(0.95, 0.6 + 0.08 * kinds);
  return { entity: { type: 'ADDRESS', start: includeCornerOf(text, first.start), end: last.end, score }, lastToken };
}

function isStreetTypeWord(t: Token): boolean {
  return t.kind === 'word' && (STREET_TYPES.has(t.lower) || (t.lower.length > 5 && STREET_ENDINGS.test(t.lower)));
}

/** A word that can be part of a street name: capitalised, foreign, unknown to the English lexicon, or a street type. */
function isStreetNameWord(t: Token, wordAt: WordLookup): boolean {
  if (DOCUMENT_PART_WORDS.has(t.lower)) return false;
  if (isStreetTypeWord(t) || UNIT_WORDS.has(t.lower)) return true;
  // Single letters only as initials ("N. Stadion"), not "p s".
  if (t.lower.length < 2 && !/^\p{Lu}\.$/u.test(t.text)) return false;
  const word = wordAt(t.start);
  if (word && STOP_TAGS.some((tag) => word.tags.has(tag)) && !/^\p{Lu}/u.test(t.text)) return false;
  if (/^\p{Lu}/u.test(t.text)) return !(word && (word.tags.has('Pronoun') || word.tags.has('QuestionWord')));
  if (/[^\x20-\x7e]/.test(t.text)) return true;
  if (isCommonEnglishWord(t.lower)) return false;
  return !(word && ['Plural', 'Verb', 'Adverb', 'Value'].some((tag) => word.tags.has(tag)));
}

/** A word after the street name that still belongs to the address (city, region, country, unit, code). */
function isAddressWord(t: Token, next: Token | undefined, wordAt: (offset: number) => Word | undefined): boolean {
  if (UNIT_WORDS.has(t.lower) || isStreetTypeWord(t) || isRegionWord(t, wordAt) || t.lower === 'nan') return true;
  // "São Tomé and Príncipe", "Ústí nad Labem", "El Akarit": small words inside a name, when a name word follows.
  if (INNER_PARTICLES.has(t.lower) && t.lower !== 'the' && next?.kind === 'word' && /^\p{Lu}/u.test(next.text)) return true;
  const word = wordAt(t.start);
  if (word && (word.tags.has('Pronoun') || word.tags.has('QuestionWord') || word.tags.has('Honorific'))) return false;
  // A capitalised ordinary English word ("Dear", "Thanks", "Total") starts something else.
  if (/^\p{Lu}{2,4}$/u.test(t.text)) return true; // region codes: "JN", "VAN", "QLD"
  if (/^\p{Lu}/u.test(t.text)) return !isCommonEnglishWord(t.lower) && !(word && STOP_TAGS.some((tag) => word.tags.has(tag)) && word.lexicon !== undefined);
  if (word && STOP_TAGS.some((tag) => word.tags.has(tag))) return false;
  if (/[^\x20-\x7e]/.test(t.text)) return true;
  return !isCommonEnglishWord(t.lower) && !(word && ['Plural', 'Verb', 'Adverb'].some((tag) => word.tags.has(tag)));
}

function isRegionWord(t: Token, wordAt: (offset: number) => Word | undefined): boolean {
  if (t.kind !== 'word') return false;
  if (/^[A-Z]{2}$/.test(t.text) && STATE_CODES.has(t.text)) return true;
  const word = wordAt(t.start);
  return word !== undefined && (['Country', 'City', 'Region', 'Place'].some((tag) => word.tags.has(tag)) || /Country|City|Region/.test(word.lexicon ?? ''));
}

/** After a full stop the address goes on only with more address ("97. Suite 446"), not a new sentence. */
function continuesAfterFullStop(tokens: readonly Token[], j: number, wordAt: (offset: number) => Word | undefined): boolean {
  let k = j + 1;
  while (tokens[k]?.kind === 'newline') k++;
  const next = tokens[k];
  if (!next) return false;
  if (next.kind === 'number') return true;
  if (next.kind !== 'word') return false;
  if (UNIT_WORDS.has(next.lower) || isRegionWord(next, wordAt)) return true;
  // A lower-case word after a full stop is a new clause unless it is a unit or a region (handled above).
  if (!/^\p{Lu}/u.test(next.text)) return false;
  const word = wordAt(next.start);
  return !(word && (word.lexicon !== undefined || STOP_TAGS.some((tag) => word.tags.has(tag))));
}

/** True when the line starting at `offset` reads as more address (not a labelled field, a phone number or prose). */
function isAddressLine(text: string, offset: number): boolean {
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(offset, lineEnd < 0 ? text.length : lineEnd).trim();
  if (line === '') return true;
  if (/^[\p{L} ]{1,20}:/u.test(line) || /@|https?:|www\./i.test(line)) return false;
  const leadingNumber = /^[+(]?\d[\d ().-]*(?:x\d+)?/.exec(line);
  if (leadingNumber && phoneShapeScore(leadingNumber[0].trim()) > 0) return false;
  return true;
}

/** True when the line after a blank line holds only a country or region and a postcode. */
function isCountryOrPostcodeLine(text: string, offset: number, wordAt: WordLookup, tokens: readonly Token[], from: number): boolean {
  const lineEnd = text.indexOf('\n', offset);
  const end = lineEnd < 0 ? text.length : lineEnd;
  const onLine = tokens.slice(from).filter((t) => t.start < end && t.kind !== 'punct');
  if (onLine.length === 0 || onLine.length > 5) return false;
  return onLine.every((t) => t.kind === 'number' || isRegionWord(t, wordAt) || (t.kind === 'word' && INNER_PARTICLES.has(t.lower)));
}

/** "at the corner of X and Y": the corner belongs to the address. */
function includeCornerOf(text: string, start: number): number {
  const m = /\b(?:the\s+)?corner\s+of\s+$/i.exec(text.slice(Math.max(0, start - 20), start));
  return m ? start - m[0].length : start;
}
