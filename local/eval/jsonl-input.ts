import { createReadStream, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import * as v from 'valibot';
import { InvalidDocumentError } from '../../shared/errors.js';
import { describeIssues } from '../../shared/contracts/validate.js';

/** One record of a JSONL file, with where it came from (line numbers are 1-based). */
export interface JsonlRecord<T> {
  readonly file: string;
  readonly line: number;
  readonly value: T;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The JSONL files to read: the file itself, or every `*.jsonl` in the folder (not its subfolders), by name. */
export function jsonlFiles(path: string): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    throw new InvalidDocumentError(`Labelled data ${path} cannot be read: ${messageOf(error)}`, { cause: error });
  }
  if (!isFolder) return [path];
  const files = readdirSync(path)
    .filter((name) => name.endsWith('.jsonl'))
    .sort()
    .map((name) => join(path, name));
  if (files.length === 0) throw new InvalidDocumentError(`No .jsonl files in ${path}`);
  return files;
}

async function* lines(file: string): AsyncGenerator<{ line: number; text: string }> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const reader = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let line = 0;
  try {
    for await (const text of reader) {
      line += 1;
      yield { line, text };
    }
  } catch (error) {
    throw new InvalidDocumentError(`Labelled data file ${file} cannot be read: ${messageOf(error)}`, { cause: error });
  } finally {
    reader.close();
    stream.destroy();
  }
}

/**
 * Streams the records of JSONL files, one JSON object a line, each checked against `schema`. Blank lines are
 * skipped. A line that is not JSON or not the expected shape is an InvalidDocumentError naming the file and line.
 */
export async function* readJsonlRecords<S extends v.GenericSchema>(
  files: readonly string[],
  schema: S,
  expected: string,
): AsyncGenerator<JsonlRecord<v.InferOutput<S>>> {
  for (const file of files) {
    for await (const { line, text } of lines(file)) {
      if (text.trim() === '') continue;
      const where = `${file}:${line}`;
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new InvalidDocumentError(`${where}: not valid JSON: ${messageOf(error)}`, { cause: error });
      }
      const parsed = v.safeParse(schema, json);
      if (!parsed.success) {
        throw new InvalidDocumentError(`${where}: expected ${expected}: ${describeIssues(parsed.issues, '(line)')}`);
      }
      yield { file, line, value: parsed.output };
    }
  }
}

/** Non-blank lines in the files (the progress bar's total), read as a stream. */
export async function countJsonlRecords(files: readonly string[]): Promise<number> {
  let count = 0;
  for (const file of files) {
    for await (const { text } of lines(file)) if (text.trim() !== '') count += 1;
  }
  return count;
}

/** A sample's id: its own, or where it sits (`file.jsonl:12`) when it has none. */
export function sampleId(record: JsonlRecord<{ readonly id?: string | number | undefined }>): string {
  return record.value.id === undefined ? `${basename(record.file)}:${record.line}` : String(record.value.id);
}
