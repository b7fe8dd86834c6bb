import { fileURLToPath } from 'node:url';

/** The repository root: the project the stage bundles are built from. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/[/\\]$/, '');
