import type { AnalysedText } from './analysed-text.js';
import { COMMON_WORD_ENDINGS, NAME_PARTICLES, NOT_NAME_WORDS, ORGANISATION_SUFFIXES } from './lexicons/name-stopwords.js';
import { PLACE_PREPOSITIONS } from './lexicons/address-words.js';
import { gapBetween, wordsOf, type Word } from './words.js';

/** A run of capitalised words read as one proper noun, and what it most likely names. */
export interface ProperNoun {
  readonly words: readonly Word[];
  readonly start: number;
  readonly end: number;
  readonly kind: 'person' | 'place';
  readonly score: number;
}

const NAME_LEXICON_TAGS = /(?:FirstName|MaleName|FemaleName|LastName|Person|Country|City|Region|Place|ProperNoun)/;
const NOT_NAME_TAGS = ['Verb', 'Adverb', 'Value', 'Date', 'Pronoun', 'Determiner', 'Preposition', 'Conjunction',
  'QuestionWord', 'Expression', 'Modal', 'Copula', 'Url', 'Email', 'Acronym', 'Demonym'];
const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName'];
const PLACE_TAGS = ['Place', 'Country', 'City', 'Region'];

/** Small words inside place names ("Ústí nad Labem", "Newcastle upon Tyne"). */
const PLACE_PARTICLES: ReadonlySet<string> = new Set(['nad', 'pod', 'sur', 'upon', 'sul', 'sobre', 'na', 'an', 'am']);
/** Words before an organisation's name ("I work for Geoscape", "founded Acme"). */
const ORGANISATION_CONTEXT = /\b(?:(?:department|dept|school|faculty|college|institute|professor|ministry|bureau|division|committee|board|council|society|association|journal|secretary|director|chair|dean)\s+of(?:\s+the)?|work(?:s|ed|ing)?\s+(?:for|at|with)|employed\s+(?:by|at)|joined|founded|acquired|subsidiary\s+of|shares\s+of|ceo\s+of|client\s+of)\s+$/i;

const cache = new WeakMap<AnalysedText, ProperNoun[]>();

/**
 * Capitalised words that are not ordinary English words, grouped into runs and classified as a person or a place
 * from compromise's tags and the words around them. Titles and organisation names are left out.
 */
export function properNounsOf(input: AnalysedText): readonly ProperNoun[] {
  const cached = cache.get(input);
  if (cached) return cached;
  const words = wordsOf(input);
  const found: ProperNoun[] = [];
  let i = 0;
  while (i < words.length) {
    const run = runFrom(input.text, words, i);
    if (run.length === 0) {
      i++;
      continue;
    }
    i = (run[run.length - 1]?.index ?? i) + 1;
    const classified = classify(input.text, words, run);
    if (classified) found.push(classified);
    else found.push(...countriesIn(run));
  }
  cache.set(input, found);
  return found;
}

/** True when the word could be part of a name or a place name. */
export function isNameLikeWord(word: Word): boolean {
  if (!word.capitalised || word.inShoutedText) return false;
  if (word.text.length < 2 || /\d/.test(word.text)) return false;
  if (NOT_NAME_WORDS.has(word.lower) || ORGANISATION_SUFFIXES.has(word.lower)) return false;
  if (word.allCaps && word.text.length <= 3) return false;
  if (word.lexicon !== undefined) return NAME_LEXICON_TAGS.test(word.lexicon) || hasAny(word, PERSON_TAGS);
  if (COMMON_WORD_ENDINGS.test(word.lower) && !hasAny(word, PERSON_TAGS)) return false;
  // An unknown capitalised word with letters outside English ("Schäfer", "Jeknić") is a name whatever its guessed tag.
  if (/[^\p{ASCII}]/u.test(word.text) && /^\p{L}[\p{L}\p{M}'’-]*$/u.test(word.text)) return true;
  return !hasAny(word, NOT_NAME_TAGS) || hasAny(word, PERSON_TAGS);
}

/** Country names inside a phrase that is not itself a name ("Carry Me Back To Kenya"). */
function countriesIn(run: readonly Word[]): ProperNoun[] {
  return run
    .filter((w) => /Country/.test(w.lexicon ?? '') && !w.sentenceInitial)
    .map((w) => ({ words: [w], start: w.start, end: w.end, kind: 'place' as const, score: 0.5 }));
}

export function hasAny(word: Word, tags: readonly string[]): boolean {
  return tags.some((t) => word.tags.has(t));
}

/** Capitalised words from `i` joined by single spaces or hyphens (name particles allowed inside). */
function runFrom(text: string, words: readonly Word[], i: number): Word[] {
  const first = words[i];
  if (!first?.capitalised) return [];
  const run: Word[] = [first];
  for (let j = i + 1; j < words.length; j++) {
    const prev = run[run.length - 1];
    const next = words[j];
    if (!prev || !next || prev.possessive) break;
    if (!/^(?:[ \t]|-)$/.test(gapBetween(text, prev, next))) break;
    const particle = (NAME_PARTICLES.has(next.text) || PLACE_PARTICLES.has(next.text)) && words[j + 1]?.capitalised === true;
    if (!next.capitalised && !particle) break;
    run.push(next);
  }
  return run;
}

/**
 * The words of a run that can form the name: without an ordinary word opening a sentence, and without ordinary words
 * run into a full name ("Email Priya Raman": a table's header cell joined to its first row's name cell).
 */
function nameCore(inner: readonly Word[]): readonly Word[] {
  const leading = inner[0];
  if (leading && leading.sentenceInitial && !isNameLikeWord(leading)) return inner.slice(1);
  const firstNameLike = inner.findIndex(isNameLikeWord);
  const rest = firstNameLike > 0 ? inner.slice(firstNameLike) : [];
  return rest.length >= 2 && rest.every(isNameLikeWord) ? rest : inner;
}

function classify(text: string, words: readonly Word[], run: readonly Word[]): ProperNoun | undefined {
  // A title-case phrase with ordinary words inside is a title or an organisation ("Tube Snake Boogie").
  const inner = run.filter((w) => !NAME_PARTICLES.has(w.text) && !PLACE_PARTICLES.has(w.text));
  const core = nameCore(inner);
  if (core.length === 0 || !core.every(isNameLikeWord)) return undefined;
  const first = core[0];
  const last = core[core.length - 1];
  if (!first || !last) return undefined;
  const after = words[last.index + 1];
  if (after && ORGANISATION_SUFFIXES.has(after.lower) && after.capitalised) return undefined;

  const before = words[first.index - 1];
  const beforeGap = before ? gapBetween(text, before, first) : '';
  const adjacentBefore = before && /^[ \t]+$/.test(beforeGap) ? before : undefined;
  const personTagged = core.some((w) => hasAny(w, PERSON_TAGS));
  const placeTagged = core.some((w) => hasAny(w, PLACE_TAGS) || /Country|City|Region|Place/.test(w.lexicon ?? ''));
  const preposition = adjacentBefore && PLACE_PREPOSITIONS.has(adjacentBefore.lower) ? adjacentBefore.lower : undefined;
  const determiner = adjacentBefore && /^(?:the|a|an)$/.test(adjacentBefore.lower);
  const universityOf = /\b(?:university|city|republic|kingdom|state|province|county|town|village)\s+of\s+(?:the\s+)?$/i.test(
    text.slice(Math.max(0, first.start - 30), first.start),
  );
  const labelledPlace = /\b(?:where|city|town|country|location|place|birthplace)\s*:\s*$/i.test(
    text.slice(Math.max(0, first.start - 20), first.start),
  );
  const fullName =
    core.filter((w) => hasAny(w, PERSON_TAGS)).length >= 2 ||
    (core.length >= 2 && hasAny(first, ['FirstName', 'MaleName', 'FemaleName']));

  if (ORGANISATION_CONTEXT.test(text.slice(Math.max(0, first.start - 30), first.start))) return undefined;
  const span = { words: core, start: first.start, end: last.end };
  if (universityOf || labelledPlace) return { ...span, kind: 'place', score: 0.6 };
  // "Vatican City", "Niger": every word a place. "Aiko Mendoza": one place-like word beside an unknown one is a person.
  const allPlaceTagged = core.every((w) => hasAny(w, PLACE_TAGS) || /Country|City|Region|Place/.test(w.lexicon ?? ''));
  if (placeTagged && !personTagged && (core.length === 1 || allPlaceTagged)) return { ...span, kind: 'place', score: 0.55 };
  const travelTo = /\b(?:go|goes|going|gone|went|come|comes|came|coming|return(?:s|ed|ing)?|mov(?:e|es|ed|ing)|travel(?:s|led|ling|ed|ing)?|fl(?:y|ies|ew|ying|own)|dr(?:ive|ives|ove|iving|iven)|relocat(?:e|es|ed|ing)|emigrat(?:e|es|ed|ing)|head(?:s|ed|ing)?|trip|journey|way|back|welcome)\s+to\s+$/i.test(
    text.slice(Math.max(0, first.start - 30), first.start),
  );
  if (preposition === 'to' && (placeTagged || (travelTo && !personTagged))) return { ...span, kind: 'place', score: 0.5 };
  if (preposition && preposition !== 'to' && !fullName) return { ...span, kind: 'place', score: 0.5 };
  if (determiner && !personTagged) return undefined;
  if (first.sentenceInitial && core.length === 1 && !personTagged) {
    // A lone unknown word opening a sentence is a name when a verb, a comma or a possessive follows.
    const next = words[first.index + 1];
    const gap = next ? gapBetween(text, first, next) : '';
    const verbFollows = next !== undefined && /^\s+$/.test(gap) && next.tags.has('Verb');
    const listFollows = /^\s+(?:and|&|or)\s+\p{Lu}/u.test(text.slice(first.end));
    if (!(first.possessive || verbFollows || listFollows || /^\s*,/.test(text.slice(first.end)))) return undefined;
    return { ...span, kind: 'person', score: 0.45 };
  }
  if (placeTagged && personTagged && !fullName && core.length === 1) return { ...span, kind: 'place', score: 0.45 };
  return { ...span, kind: 'person', score: personTagged ? 0.6 : 0.5 };
}
