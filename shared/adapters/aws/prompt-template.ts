import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '../../errors.js';

/** The prompt files shipped beside this module in `prompts/`. */
export type PromptName = 'summarise' | 'combine';

/** Where a prompt file is (bundlers must copy the `prompts/` folder next to the bundled module). */
export function promptPath(name: PromptName): URL {
  return new URL(`./prompts/${name}.md`, import.meta.url);
}

/** Reads a prompt template from `prompts/<name>.md`. */
export async function loadPromptTemplate(name: PromptName): Promise<string> {
  const path = promptPath(name);
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`Prompt template ${path.pathname} cannot be read`, { cause: error });
  }
}

/** Fails fast when a template lacks one of its placeholders (`{{name}}`). */
export function assertPlaceholders(template: string, names: readonly string[], what: string): void {
  const missing = names.filter((name) => !template.includes(`{{${name}}}`));
  if (missing.length > 0) {
    throw new ConfigurationError(`The ${what} prompt template has no ${missing.map((name) => `{{${name}}}`).join(', ')} placeholder`);
  }
}

/** Replaces every `{{name}}` with its value, taken literally (no `$` patterns, no escaping). */
export function fillTemplate(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{(\w+)\}\}/gu, (placeholder, name: string) =>
    Object.hasOwn(values, name) ? (values[name] ?? '') : placeholder,
  );
}
