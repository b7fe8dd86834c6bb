import { join } from 'node:path';
import { REPO_ROOT } from '../repo-root.js';

/** The stage's folder name: `ExtractText` → `extract-text`. */
export function stageFolder(state: string): string {
  return state.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** The stage's Lambda entry (`stages/<stage>/handler.ts`, exporting `handler`). */
export function stageEntry(state: string, root = REPO_ROOT): string {
  return join(root, 'stages', stageFolder(state), 'handler.ts');
}
