import { readFile } from 'node:fs/promises';
import * as v from 'valibot';
import { InvalidDocumentError } from '../../../errors.js';
import { describeIssues } from '../../../contracts/validate.js';
import type { LabelledSample } from './train-classifier.js';

const labelledLineSchema = v.object({
  id: v.optional(v.union([v.string(), v.number()])),
  text: v.string(),
  label: v.pipe(v.string(), v.trim(), v.minLength(1)),
});

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads labelled samples, one JSON object a line: `{"text": "...", "label": "..."}` with an optional `id`.
 * Blank lines are skipped. A line that is not JSON or lacks a text or label is an InvalidDocumentError naming
 * the file and the line number (1-based).
 */
export async function readLabelledJsonl(path: string): Promise<LabelledSample[]> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    throw new InvalidDocumentError(`Labelled data file ${path} cannot be read: ${messageOf(error)}`, { cause: error });
  }
  const samples: LabelledSample[] = [];
  content.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${path}:${index + 1}`;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new InvalidDocumentError(`${where}: not valid JSON: ${messageOf(error)}`, { cause: error });
    }
    const result = v.safeParse(labelledLineSchema, json);
    if (!result.success) {
      throw new InvalidDocumentError(`${where}: expected {"text": string, "label": string}: ${describeIssues(result.issues, '(line)')}`);
    }
    const { id, text, label } = result.output;
    samples.push(id === undefined ? { text, label: label.trim() } : { id: String(id), text, label: label.trim() });
  });
  return samples;
}
