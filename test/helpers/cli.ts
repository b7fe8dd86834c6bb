import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The real `docpipe` command in a child process, as a user runs it; a non-zero exit is returned, not thrown. */
export async function docpipe(args: readonly string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run('node', ['bin/docpipe.js', ...args], { timeout: 180_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}
