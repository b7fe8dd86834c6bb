import type { EvalTask } from '../eval/eval-report.js';
import { formatEvalReport } from '../eval/format-eval-report.js';
import { terminalProgress } from '../eval/progress.js';
import { runEvaluation } from '../eval/run-evaluation.js';
import { printJson } from '../format.js';
import type { Providers } from '../providers.js';

export interface EvalOptions {
  readonly data: string;
  readonly predictions?: string;
  readonly train?: string;
  readonly json: boolean;
  readonly providers: Providers;
}

/** `docpipe eval pii|classify|ocr|summarise --data <file or folder>`: runs the configured adapter over labelled data. */
export async function evalCommand(task: EvalTask, options: EvalOptions): Promise<number> {
  const report = await runEvaluation({
    task,
    data: options.data,
    providers: options.providers,
    progress: terminalProgress(task, !options.json),
    ...(options.predictions === undefined ? {} : { predictions: options.predictions }),
    ...(options.train === undefined ? {} : { train: options.train }),
  });
  if (options.json) printJson(report);
  else process.stdout.write(formatEvalReport(report));
  return 0;
}
