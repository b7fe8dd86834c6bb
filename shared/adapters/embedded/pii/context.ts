/** Helpers for context words around a candidate span. */

/** The text in the `chars` characters before `start` (clipped at the beginning). */
export function textBefore(text: string, start: number, chars: number): string {
  return text.slice(Math.max(0, start - chars), start);
}

/** The text in the `chars` characters after `end` (clipped at the end). */
export function textAfter(text: string, end: number, chars: number): string {
  return text.slice(end, Math.min(text.length, end + chars));
}

/** True when `pattern` matches within `chars` characters before the span. */
export function contextBefore(text: string, start: number, pattern: RegExp, chars = 40): boolean {
  return pattern.test(textBefore(text, start, chars));
}

/** True when `pattern` matches within `chars` characters after the span. */
export function contextAfter(text: string, end: number, pattern: RegExp, chars = 30): boolean {
  return pattern.test(textAfter(text, end, chars));
}

/** Clamp a score into [0, 1]. */
export function clampScore(score: number): number {
  return Math.max(0, Math.min(1, score));
}
