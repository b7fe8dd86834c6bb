import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConfigurationError } from '../../../errors.js';
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
  const result = classifierModelSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new ConfigurationError(`Classifier model file ${path} is not a valid docpipe classifier model: ${problems}`);
  }
  return result.data;
}

/** Writes a model as compact JSON, creating the folder; the file is replaced atomically (write, then rename). */
export async function saveClassifierModel(model: ClassifierModel, path: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(model)}\n`, 'utf8');
  await rename(temporary, path);
}
