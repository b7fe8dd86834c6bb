import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TASK_STATE_NAMES, type TaskStateName } from './task-names.js';

export const PIPELINE_DEFINITION_PATH = fileURLToPath(new URL('../../statemachine/pipeline.asl.json', import.meta.url));

/** The definition's placeholder for a Task state's function, e.g. `IngestFunctionArn`. */
export function placeholderFor(state: TaskStateName): string {
  return `${state}FunctionArn`;
}

export function readDefinitionTemplate(path = PIPELINE_DEFINITION_PATH): string {
  return readFileSync(path, 'utf8');
}

/**
 * Replaces each `${Name}` placeholder with its value, the way Step Functions' definitionSubstitutions do. A
 * placeholder without a value is an error, so a rendered definition never keeps one.
 */
export function renderDefinition(template: string, substitutions: Readonly<Record<string, string>>): string {
  return template.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_match, name: string) => {
    const value = substitutions[name];
    if (value === undefined) throw new Error(`No substitution for \${${name}} in the state machine definition`);
    return value;
  });
}

/** Function ARNs for running the definition locally (each Task is then mapped to its in-process stage function). */
export function localFunctionArns(): Record<string, string> {
  return Object.fromEntries(
    TASK_STATE_NAMES.map((state) => [placeholderFor(state), `arn:aws:lambda:us-east-1:000000000000:function:docpipe-${state}`]),
  );
}
