/**
 * OCR quality and speed of the embedded text extractor on the FUNSD scans (../shared/eval/ocr/funsd):
 * bag-of-words recall against the ground-truth words (case-insensitive, punctuation stripped) and seconds per
 * page, wall clock and CPU (CPU time counts the OCR worker threads too, and is steadier on a busy machine).
 *
 *   npx tsx bench/ocr-funsd.ts [--limit N]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createEmbeddedTextExtractor } from '../shared/adapters/embedded/text-extractor/index.js';

const FUNSD = new URL('../../shared/eval/ocr/funsd/', import.meta.url);

/** Lower-cased words with punctuation and symbols stripped; words left empty are dropped. */
function normalisedWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.toLowerCase().replace(/[\p{P}\p{S}]/gu, ''))
    .filter((word) => word.length > 0);
}

/**
 * The same, but punctuation separates words instead of vanishing from them. FUNSD's ground truth cuts
 * "09/17/97" into "09/", "17/", "97" and "Maid-O-Clover" into "Maid", "-O", "Clover"; this variant does not
 * punish the OCR for reading them whole. Reported beside the main figure, never instead of it.
 */
function wordsSplitAtPunctuation(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[\s\p{P}\p{S}]+/u)
    .filter((word) => word.length > 0);
}

/** How many reference words the OCR output contains, each output word matching at most one reference word. */
function matchedWords(reference: readonly string[], recognised: readonly string[]): number {
  const available = new Map<string, number>();
  for (const word of recognised) available.set(word, (available.get(word) ?? 0) + 1);
  let matched = 0;
  for (const word of reference) {
    const left = available.get(word) ?? 0;
    if (left > 0) {
      matched += 1;
      available.set(word, left - 1);
    }
  }
  return matched;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { limit: { type: 'string' } } });
  const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : Number(values.limit);
  const images = readdirSync(FUNSD)
    .filter((name) => name.endsWith('.png'))
    .sort()
    .slice(0, limit);
  const extractor = createEmbeddedTextExtractor();
  let referenceTotal = 0;
  let matchedTotal = 0;
  let splitReferenceTotal = 0;
  let splitMatchedTotal = 0;
  const wallSeconds: number[] = [];
  const cpuSeconds: number[] = [];
  try {
    for (const image of images) {
      const bytes = readFileSync(new URL(image, FUNSD));
      const referenceText = readFileSync(new URL(image.replace(/\.png$/, '.words.txt'), FUNSD), 'utf8');
      const reference = normalisedWords(referenceText);
      const splitReference = wordsSplitAtPunctuation(referenceText);
      const startedAt = performance.now();
      const cpuAtStart = process.cpuUsage();
      let text = '';
      for await (const page of extractor.extractPages({ bytes, mediaType: 'image/png', maxPages: 1 })) {
        text += `${page.text}\n`;
      }
      const cpu = process.cpuUsage(cpuAtStart);
      wallSeconds.push((performance.now() - startedAt) / 1000);
      cpuSeconds.push((cpu.user + cpu.system) / 1e6);
      const matched = matchedWords(reference, normalisedWords(text));
      referenceTotal += reference.length;
      matchedTotal += matched;
      splitReferenceTotal += splitReference.length;
      splitMatchedTotal += matchedWords(splitReference, wordsSplitAtPunctuation(text));
      console.log(
        `${image.padEnd(26)} recall ${(matched / reference.length).toFixed(3)}  ` +
          `${wallSeconds.at(-1)?.toFixed(2)} s  (cpu ${cpuSeconds.at(-1)?.toFixed(2)} s)`,
      );
    }
  } finally {
    await extractor.close();
  }
  console.log(
    `\n${images.length} pages, ${referenceTotal} reference words\n` +
      `word recall          ${(matchedTotal / referenceTotal).toFixed(4)}\n` +
      `  (punctuation splitting words: ${(splitMatchedTotal / splitReferenceTotal).toFixed(4)})\n` +
      `seconds per page     median ${median(wallSeconds).toFixed(2)}, mean ${mean(wallSeconds).toFixed(2)}\n` +
      `CPU seconds per page median ${median(cpuSeconds).toFixed(2)}`,
  );
}

await main();
