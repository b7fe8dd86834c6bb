import { mkdirSync, readdirSync, readFileSync, rmSync, watch, writeFileSync, renameSync, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { objectCreatedEventSchema, type ObjectCreatedEvent } from '../../shared/contracts/events.js';
import type { Log } from '../../shared/log.js';

/**
 * How `docpipe reconcile` hands events to a running `docpipe up`: one JSON file per event in `<data>/redrive/`, which
 * the runtime picks up, starts and deletes.
 */
export function redriveFolder(dataRoot: string): string {
  return join(dataRoot, 'redrive');
}

export function requestRedrive(folder: string, event: ObjectCreatedEvent): void {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, `${event.id}.json`);
  const temp = `${file}.tmp`;
  writeFileSync(temp, JSON.stringify(event));
  renameSync(temp, file);
}

/** Watches the folder and starts an execution for each request; returns a function that stops watching. */
export function watchRedriveRequests(folder: string, start: (event: ObjectCreatedEvent) => void, log: Log): () => void {
  mkdirSync(folder, { recursive: true });
  const take = (name: string): void => {
    if (!name.endsWith('.json')) return;
    const file = join(folder, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
      rmSync(file);
    } catch {
      return; // Already taken.
    }
    const parsed = v.safeParse(objectCreatedEventSchema, safeJson(text));
    if (!parsed.success) {
      log.warn('Ignored a malformed re-drive request', { file: name });
      return;
    }
    start(parsed.output);
  };
  const watcher: FSWatcher = watch(folder, (_event, name) => {
    if (name) take(name.toString());
  });
  for (const name of readdirSync(folder)) take(name);
  return () => watcher.close();
}

/** Requests left by a reconcile while no runtime ran are covered by the start-up reconcile: drop them. */
export function clearRedriveRequests(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
