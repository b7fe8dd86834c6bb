import * as v from 'valibot';

/** A summary read from a model's answer. */
export interface ParsedSummary {
  readonly summary: string;
  readonly keyPoints: string[];
  /** False when the answer was not the requested JSON and its plain text was taken as the summary. */
  readonly structured: boolean;
}

const answerSchema = v.object({
  summary: v.string(),
  keyPoints: v.optional(v.array(v.unknown())),
  key_points: v.optional(v.array(v.unknown())),
});

const FENCED = /```[a-zA-Z]*[ \t]*\r?\n?([\s\S]*?)```/gu;
const TRAILING_COMMA = /,(\s*[}\]])/gu;
const STRING_LITERAL = /"(?:[^"\\]|\\.)*"/gu;

function cleanPoints(points: readonly unknown[] | undefined): string[] {
  return (points ?? [])
    .filter((point): point is string => typeof point === 'string')
    .map((point) => point.trim())
    .filter((point) => point !== '');
}

function tryParse(candidate: string): ParsedSummary | undefined {
  for (const json of [candidate, candidate.replace(TRAILING_COMMA, '$1')]) {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      continue;
    }
    const answer = v.safeParse(answerSchema, value);
    if (answer.success) {
      return {
        summary: answer.output.summary.trim(),
        keyPoints: cleanPoints(answer.output.keyPoints ?? answer.output.key_points),
        structured: true,
      };
    }
  }
  return undefined;
}

/** From the first `{` to the last `}` (prose around a JSON object left out), or '' when there is none. */
function outermostBraces(text: string): string {
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  return first !== -1 && last > first ? text.slice(first, last + 1) : '';
}

function stringValue(literal: string): string | undefined {
  try {
    const value: unknown = JSON.parse(literal);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the fields of a cut-off answer (the model stopped at its token limit): the summary when its string is
 * complete, and every complete key point string.
 */
function salvage(text: string): ParsedSummary | undefined {
  const summaryMatch = /"summary"\s*:\s*("(?:[^"\\]|\\.)*")/u.exec(text);
  const summary = summaryMatch?.[1] === undefined ? undefined : stringValue(summaryMatch[1]);
  if (summary === undefined) return undefined;
  const pointsStart = /"key_?points"\s*:\s*\[/iu.exec(text);
  const keyPoints: string[] = [];
  if (pointsStart !== null) {
    const rest = text.slice(pointsStart.index + pointsStart[0].length);
    const end = rest.indexOf(']');
    for (const literal of (end === -1 ? rest : rest.slice(0, end)).match(STRING_LITERAL) ?? []) {
      const point = stringValue(literal)?.trim();
      if (point) keyPoints.push(point);
    }
  }
  return { summary: summary.trim(), keyPoints, structured: true };
}

/**
 * Reads `{"summary": ..., "keyPoints": [...]}` from a model's answer, tolerating code fences, prose before or
 * after the object and trailing commas, and salvaging a cut-off object. Never throws: an answer with no such
 * object is taken as a plain-text summary without key points.
 */
export function parseSummaryOutput(output: string): ParsedSummary {
  const text = output.trim();
  const fenced = [...text.matchAll(FENCED)].map((match) => (match[1] ?? '').trim());
  for (const candidate of [...fenced, text]) {
    const parsed = tryParse(candidate) ?? tryParse(outermostBraces(candidate));
    if (parsed) return parsed;
  }
  const salvaged = salvage(text);
  if (salvaged) return salvaged;
  const plain = text.replace(/```[a-zA-Z]*/gu, '').trim();
  return { summary: plain, keyPoints: [], structured: false };
}
