/** A sentence (or a salient line of a form) with its place in the text. */
export interface SentenceSpan {
  readonly index: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Abbreviations after which a full stop does not end a sentence (lower case, without the dot). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'no', 'nos', 'vol', 'vols', 'fig', 'figs', 'eq',
  'p', 'pp', 'para', 'paras', 'sec', 'secs', 'art', 'arts', 'ch', 'cl', 'inc', 'ltd', 'co', 'corp', 'llc', 'plc',
  'bros', 'dept', 'est', 'approx', 'vs', 'v', 'etc', 'al', 'cf', 'ibid', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul',
  'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'gen', 'col', 'capt',
  'lt', 'sgt', 'gov', 'sen', 'rep', 'rev', 'hon', 'ave', 'blvd', 'rd', 'tel', 'ext', 'min', 'max', 'misc', 'dist',
  'u.s', 'u.k', 'e.g', 'i.e', 'a.m', 'p.m', 'ph.d', 'u.s.a', 'n.b', 'viz', 'resp', 'incl', 'excl', 'govt', 'assn',
]);

/** Lines shorter than this, without closing punctuation, make a document line-based (forms, invoices, lists). */
const SHORT_LINE = 60;

/**
 * Splits text into sentences. Handles abbreviations ("Dr.", "e.g."), initials ("J. Smith"), numbers ("3.5"),
 * ellipses, and line-based documents (forms and invoices whose lines have no full stops), where each line is a unit.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const units: { start: number; end: number }[] = [];
  for (const block of blocksOf(text)) {
    if (isLineBased(text, block)) units.push(...linesOf(text, block));
    else units.push(...sentencesOf(text, block));
  }
  return units
    .map((u) => trimSpan(text, u))
    .filter((u) => u.end > u.start && /[\p{L}\p{N}]/u.test(text.slice(u.start, u.end)))
    .map((u, index) => ({ index, text: text.slice(u.start, u.end).replace(/\s+/g, ' '), start: u.start, end: u.end }));
}

/** Paragraphs: runs of text separated by blank lines. */
function blocksOf(text: string): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  const separator = /\n[ \t]*\n+/g;
  let cursor = 0;
  for (const m of text.matchAll(separator)) {
    blocks.push({ start: cursor, end: m.index });
    cursor = m.index + m[0].length;
  }
  blocks.push({ start: cursor, end: text.length });
  return blocks.filter((b) => text.slice(b.start, b.end).trim() !== '');
}

/** A block is line-based when most of its lines are short and do not end a sentence. */
function isLineBased(text: string, block: { start: number; end: number }): boolean {
  const lines = text.slice(block.start, block.end).split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (lines.length < 2) return false;
  const formLike = lines.filter((line, i) => {
    const next = lines[i + 1] ?? '';
    if (line.length >= SHORT_LINE || /[.!?]\s+\p{Lu}/u.test(line)) return false;
    // A line that the next one continues in lower case is wrapped prose.
    if (/^\p{Ll}/u.test(next)) return false;
    return !/[.!?;,]["')\]]?$/.test(line) || /^[^.!?]{1,30}:\s*\S/.test(line);
  });
  return formLike.length / lines.length >= 0.6;
}

function linesOf(text: string, block: { start: number; end: number }): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let cursor = block.start;
  for (const line of text.slice(block.start, block.end).split('\n')) {
    const end = cursor + line.length;
    // A long line in a form may itself hold several sentences.
    if (line.length >= SHORT_LINE * 2) out.push(...sentencesOf(text, { start: cursor, end }));
    else out.push({ start: cursor, end });
    cursor = end + 1;
  }
  return out;
}

/** Sentence boundaries in running text: . ! ? (and ellipses) followed by space and a likely sentence start. */
function sentencesOf(text: string, block: { start: number; end: number }): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const body = text.slice(block.start, block.end);
  const boundary = /([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘([]?[\p{Lu}\p{N}\p{Ll}•\-–])/gu;
  let cursor = 0;
  for (const m of body.matchAll(boundary)) {
    const punctuation = m[1] ?? '';
    const before = body.slice(cursor, m.index);
    const nextChar = body.charAt(m.index + m[0].length);
    if (punctuation === '.' && !endsSentence(before, nextChar)) continue;
    const end = m.index + punctuation.length + (m[2]?.length ?? 0);
    out.push({ start: block.start + cursor, end: block.start + end });
    cursor = m.index + m[0].length;
  }
  out.push({ start: block.start + cursor, end: block.end });
  return out;
}

/** Decides whether a full stop after `before` ends the sentence, given the next character. */
function endsSentence(before: string, nextChar: string): boolean {
  const lastWord = /(\S+)$/.exec(before)?.[1] ?? '';
  const bare = lastWord.replace(/^["'“‘([]+/, '').toLowerCase();
  if (ABBREVIATIONS.has(bare)) return false;
  // Initials ("J. Smith") and dotted abbreviations ("U.S.").
  if (/^\p{Lu}$/u.test(lastWord) || /^(?:\p{L}\.)+\p{L}$/u.test(bare)) return false;
  // A lower-case continuation after a number or short token ("approx. 5 mm", "fig. 3 shows") rarely starts a sentence.
  if (/^\p{Ll}/u.test(nextChar) && /^\p{Lu}/u.test(lastWord) && lastWord.length <= 3) return false;
  return true;
}

function trimSpan(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return { start, end };
}
