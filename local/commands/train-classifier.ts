import { runTrainClassifier } from '../../shared/adapters/embedded/classifier/index.js';

/** `docpipe train-classifier --data labelled.jsonl --out model.json` */
export async function trainClassifierCommand(options: { data: string; out: string }): Promise<number> {
  const summary = await runTrainClassifier({ data: options.data, out: options.out });
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  return 0;
}
