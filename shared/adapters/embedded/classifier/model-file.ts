import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as v from 'valibot';
import { ConfigurationError } from '../../../errors.js';
import { describeIssues } from '../../../contracts/validate.js';
import { classifierModelSchema, type ClassifierModel } from './model.js';

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Reads and validates a classifier model file. A missing, unreadable, non-JSON or malformed file is a
 * ConfigurationError whose message names the file (the model path is a setting).
 */
export async function loadClassifierModel(path: string): Promise<ClassifierModel> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`Classifier model file ${path} cannot be read: ${messageOf(error)}`, {
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (error) {
    throw new ConfigurationError(`Classifier model file ${path} is not valid JSON: ${messageOf(error)}`, {
      cause: error,
    });
  }
  const result = v.safeParse(classifierModelSchema, json);
  if (!result.success) {
    const problems = describeIssues(result.issues, '(root)', 5);
    throw new ConfigurationError(`Classifier model file ${path} is not a valid docpipe classifier model: ${problems}`);
  }
  return result.output;
}

/** Writes a model as compact JSON, creating the folder; the file is replaced atomically (write, then rename). */
export async function saveClassifierModel(model: ClassifierModel, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(model)}\n`, 'utf8');
  await rename(temporary, path);
}
