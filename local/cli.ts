import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import { EVAL_TASKS, type EvalTask } from './eval/eval-report.js';
import { PROVIDERS, type Providers } from './providers.js';
import { executionsCommand } from './commands/executions.js';
import { processCommand } from './commands/process.js';
import { searchCommand } from './commands/search.js';
import { showCommand } from './commands/show.js';
import { trainClassifierCommand } from './commands/train-classifier.js';
import { upCommand } from './commands/up.js';
import { DEFAULT_CONCURRENCY } from './runtime.js';

function integer(name: string, min: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min) throw new InvalidArgumentError(`${name} must be an integer ≥ ${min}`);
    return parsed;
  };
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('docpipe')
    .description('Document processing pipeline: OCR, classification, PII redaction, summaries and search.')
    .option('--data-dir <dir>', 'where the local runtime keeps its data', '.docpipe')
    .showHelpAfterError();
  const dataDir = (): string => (program.opts() as { dataDir: string }).dataDir;

  program
    .command('up')
    .description('start the local pipeline, watch the inbox folder, keep running')
    .option('--inbox <dir>', 'folder whose new files are uploaded', 'inbox')
    .option('--s3-port <port>', 'local S3 port (0 = any free port)', integer('--s3-port', 0), 4569)
    .option('--dynamodb-port <port>', 'local DynamoDB port (0 = any free port)', integer('--dynamodb-port', 0), 4570)
    .option('--concurrency <n>', 'executions in flight at once (default: one per core, plus one)', integer('--concurrency', 1), DEFAULT_CONCURRENCY)
    .option('--no-seed', 'do not copy the sample documents into a new inbox')
    .option('--console-port <port>', 'web console port (0 = any free port)', integer('--console-port', 0), 4571)
    .option('--console-host <host>', 'address the web console binds (default 127.0.0.1: this machine only)')
    .option('--no-console', 'do not start the web console')
    .action(
      async (opts: {
        inbox: string;
        s3Port: number;
        dynamodbPort: number;
        concurrency: number;
        seed: boolean;
        consolePort: number;
        consoleHost?: string;
        console: boolean;
      }) => {
        setExit(
          await upCommand({
            dataDir: dataDir(),
            inbox: opts.inbox,
            s3Port: opts.s3Port,
            dynamoPort: opts.dynamodbPort,
            concurrency: opts.concurrency,
            seed: opts.seed,
            consolePort: opts.consolePort,
            ...(opts.consoleHost ? { consoleHost: opts.consoleHost } : {}),
            console: opts.console,
          }),
        );
      },
    );

  program
    .command('process')
    .description('upload files or folders, wait for every execution, report each outcome (exit 1 if any failed)')
    .argument('<paths...>', 'files or folders')
    .option('--json', 'one JSON document on stdout')
    .option('--concurrency <n>', 'executions in flight at once (default: one per core, plus one)', integer('--concurrency', 1), DEFAULT_CONCURRENCY)
    .option('--timeout <seconds>', 'give up waiting for a file after this long', integer('--timeout', 1), 1800)
    .addOption(
      new Option('--providers <providers>', 'embedded adapters, or the real AWS AI services (Textract, Comprehend, Bedrock) with your credentials')
        .choices(PROVIDERS)
        .default('embedded'),
    )
    .action(async (paths: string[], opts: { json?: boolean; concurrency: number; timeout: number; providers: Providers }) => {
      setExit(
        await processCommand(paths, {
          dataDir: dataDir(),
          json: opts.json === true,
          concurrency: opts.concurrency,
          timeoutSeconds: opts.timeout,
          providers: opts.providers,
        }),
      );
    });

  program
    .command('search')
    .description('search processed documents (redacted text and summaries)')
    .argument('[query...]', 'free text')
    .option('--type <type>', 'only this document type')
    .option('--pii <type>', 'only documents containing this PII type (repeatable)', collect)
    .option('--from <iso-date>', 'processed on or after')
    .option('--to <iso-date>', 'processed on or before')
    .option('--page <n>', 'page of results', integer('--page', 1), 1)
    .option('--page-size <n>', 'results per page', integer('--page-size', 1), 10)
    .option('--endpoint <url>', 'query a deployed OpenSearch index (Serverless collection or domain) instead of the local one')
    .option('--json', 'one JSON document on stdout')
    .action(async (query: string[], opts: { type?: string; pii?: string[]; from?: string; to?: string; page: number; pageSize: number; json?: boolean; endpoint?: string }) => {
      setExit(
        await searchCommand(query.join(' ') || undefined, {
          dataDir: dataDir(),
          ...(opts.endpoint ? { endpoint: opts.endpoint } : {}),
          ...(opts.type ? { type: opts.type } : {}),
          ...(opts.pii ? { pii: opts.pii } : {}),
          ...(opts.from ? { from: opts.from } : {}),
          ...(opts.to ? { to: opts.to } : {}),
          page: opts.page,
          pageSize: opts.pageSize,
          json: opts.json === true,
        }),
      );
    });

  program
    .command('executions')
    .description('list state machine executions, newest first')
    .option('--status <status>', 'RUNNING, SUCCEEDED or FAILED')
    .option('--limit <n>', 'at most this many', integer('--limit', 1), 50)
    .option('--json', 'one JSON document on stdout')
    .action((opts: { status?: string; limit: number; json?: boolean }) => {
      setExit(executionsCommand({ dataDir: dataDir(), ...(opts.status ? { status: opts.status } : {}), limit: opts.limit, json: opts.json === true }));
    });

  program
    .command('reconcile')
    .description('compare the upload bucket with the record table and re-drive every object with no terminal record')
    .option('--dry-run', 'only report what would be re-driven')
    .option('--json', 'one JSON document on stdout')
    .option('--bucket <name>', 'a deployed pipeline\'s upload bucket (with --table; AWS credentials and endpoints from the environment)')
    .option('--table <name>', 'a deployed pipeline\'s record table (with --bucket)')
    .option('--stale-after <minutes>', 'with --bucket: minutes after which an unfinished record is presumed abandoned', integer('--stale-after', 1), 60)
    .action(async (opts: { dryRun?: boolean; json?: boolean; bucket?: string; table?: string; staleAfter: number }) => {
      const { reconcileCommand } = await import('./commands/reconcile.js');
      setExit(
        await reconcileCommand({
          dataDir: dataDir(),
          dryRun: opts.dryRun === true,
          json: opts.json === true,
          ...(opts.bucket ? { bucket: opts.bucket } : {}),
          ...(opts.table ? { table: opts.table } : {}),
          staleAfterMinutes: opts.staleAfter,
        }),
      );
    });

  program
    .command('show')
    .description('show a document: record, classification, PII counts by type, summary')
    .argument('<documentId>')
    .option('--json', 'one JSON document on stdout')
    .action(async (documentId: string, opts: { json?: boolean }) => {
      setExit(await showCommand(documentId, { dataDir: dataDir(), json: opts.json === true }));
    });

  program
    .command('eval')
    .description('run the configured adapter over labelled data and print its quality metrics')
    .addArgument(new Argument('<task>', 'what to evaluate').choices(EVAL_TASKS))
    .requiredOption('--data <path>', 'labelled JSONL file or folder (ocr: folder of images with <name>.words.txt)')
    .option('--predictions <file>', 'write what the adapter produced, one JSON line per sample in input order')
    .option('--train <file>', 'classify: train the embedded classifier on this labelled JSONL first')
    .option('--json', 'one JSON document on stdout')
    .addOption(
      new Option('--providers <providers>', 'embedded adapters, or the real AWS AI services with your credentials')
        .choices(PROVIDERS)
        .default('embedded'),
    )
    .action(async (task: EvalTask, opts: { data: string; predictions?: string; train?: string; json?: boolean; providers: Providers }) => {
      const { evalCommand } = await import('./commands/eval.js');
      setExit(
        await evalCommand(task, {
          data: opts.data,
          json: opts.json === true,
          providers: opts.providers,
          ...(opts.predictions ? { predictions: opts.predictions } : {}),
          ...(opts.train ? { train: opts.train } : {}),
        }),
      );
    });

  program
    .command('train-classifier')
    .description('train the built-in document classifier from labelled JSONL ({"text","label"} per line)')
    .requiredOption('--data <file>', 'labelled JSONL')
    .requiredOption('--out <file>', 'model file to write')
    .action(async (opts: { data: string; out: string }) => {
      setExit(await trainClassifierCommand(opts));
    });

  program
    .command('train-comprehend-classifier')
    .description('train an Amazon Comprehend custom classifier from labelled JSONL (uploads the CSV, starts training; needs AWS credentials)')
    .requiredOption('--data <file>', 'labelled JSONL ({"text","label"} per line)')
    .requiredOption('--bucket <name>', 'S3 bucket for the training CSV')
    .requiredOption('--role-arn <arn>', 'IAM role Comprehend assumes to read the CSV')
    .requiredOption('--name <name>', 'classifier name (letters, digits, hyphens)')
    .option('--prefix <prefix>', 'key prefix for the training CSV', 'comprehend-training')
    .action(async (opts: { data: string; bucket: string; roleArn: string; name: string; prefix: string }) => {
      const { trainComprehendClassifier } = await import('../shared/adapters/aws/comprehend-classifier-training.js');
      const arn = await trainComprehendClassifier({ data: opts.data, bucket: opts.bucket, prefix: opts.prefix, roleArn: opts.roleArn, name: opts.name });
      process.stdout.write(`Training started: ${arn}\nWhen it is trained, create an endpoint for it and set DOCPIPE_CLASSIFIER_ENDPOINT_ARN.\n`);
      setExit(0);
    });

  return program;
}

/** Runs the CLI; returns the exit code. Errors print as one clear line, not a stack trace. */
export async function main(argv: readonly string[]): Promise<number> {
  let code = 0;
  try {
    await buildProgram((c) => (code = c)).parseAsync([...argv]);
  } catch (error) {
    process.stderr.write(`docpipe: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  return code;
}
