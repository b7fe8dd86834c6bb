/**
 * The structured log the stages write to. Attributes are identifiers, counts, timings and error names: never document
 * text, summaries or PII. On Lambda the Powertools logger implements it; locally, a JSON-lines file.
 */
export type LogAttributes = Record<string, string | number | boolean | undefined | null | readonly string[]>;

export interface Log {
  debug(message: string, attributes?: LogAttributes): void;
  info(message: string, attributes?: LogAttributes): void;
  warn(message: string, attributes?: LogAttributes): void;
  error(message: string, attributes?: LogAttributes): void;
}

export const silentLog: Log = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
