import type { PiiEntity, PiiEntityType } from './ports/pii-detector.js';

/**
 * Replaces each PII span with its type in brackets: "Call 555-123-4567" → "Call [PHONE]". Spans may come in any
 * order; where spans overlap, the covered text is replaced once, by the span that starts first (the longer one on a
 * tie).
 */
export function redactText(text: string, entities: readonly Pick<PiiEntity, 'type' | 'start' | 'end'>[]): string {
  const spans = entities
    .map((e) => ({ type: e.type, start: Math.max(0, e.start), end: Math.min(text.length, e.end) }))
    .filter((e) => e.end > e.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let cursor = 0;
  for (const span of spans) {
    if (span.end <= cursor) continue;
    if (span.start < cursor) {
      cursor = span.end;
      continue;
    }
    out += text.slice(cursor, span.start) + `[${span.type}]`;
    cursor = span.end;
  }
  return out + text.slice(cursor);
}

/** How many spans of each type were found. */
export function countByType(entities: readonly Pick<PiiEntity, 'type'>[]): Partial<Record<PiiEntityType, number>> {
  const counts: Partial<Record<PiiEntityType, number>> = {};
  for (const { type } of entities) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}
