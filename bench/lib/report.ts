/** The benchmark's report: the targets checked from this run's numbers, then each part's figures, as markdown. */
import type { BurstResults } from '../parts/burst.js';
import type { CostResults } from '../parts/cost.js';
import type { SearchResults } from '../parts/search.js';
import type { ThroughputResults } from '../parts/throughput.js';
import type { TransitionResults } from '../parts/transitions.js';
import type { LambdaPackageResults } from '../lambda-packages.js';
import type { MachineFacts } from './machine.js';
import type { SampleSummary } from './stats.js';
import { atMost, type TargetCheck } from './targets.js';

export const PART_NAMES = ['lambda-packages', 'search', 'transitions', 'cost', 'throughput', 'burst'] as const;
export type PartName = (typeof PART_NAMES)[number];

export interface PartResults {
  readonly 'lambda-packages'?: LambdaPackageResults;
  readonly search?: SearchResults;
  readonly transitions?: TransitionResults;
  readonly cost?: CostResults;
  readonly throughput?: ThroughputResults;
  readonly burst?: BurstResults;
}

export interface BenchReport {
  readonly mode: 'full' | 'quick';
  readonly parts: readonly PartName[];
  readonly machine: MachineFacts;
  readonly durationSeconds: number;
  readonly partSeconds: Readonly<Partial<Record<PartName, number>>>;
  readonly loadAverageAtEnd: readonly number[];
  readonly results: PartResults;
  readonly errors: Readonly<Partial<Record<PartName, string>>>;
  readonly targets: readonly TargetCheck[];
}

export const SEARCH_TARGET_DOCUMENTS = 100_000;
const ONE_PAGE_COST_VARIANTS = new Set(['born-digital-pdf', 'scanned-png', 'scanned-pdf', 'photo-jpeg']);

/** Every target the issue sets, checked against this run's results (unmeasured ones say so). */
export function checkTargets(results: PartResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const entry of results.throughput?.classes ?? []) {
    if (entry.documentClass === 'scanned') checks.push(atMost('throughput', 'orchestration overhead, scanned pages', entry.overhead, 1.15, '×'));
    if (entry.documentClass === 'born-digital') checks.push(atMost('throughput', 'orchestration overhead, born-digital PDFs', entry.overhead, 1.5, '×'));
  }
  for (const count of results.transitions?.counts ?? []) {
    checks.push(atMost('transitions', `transitions per one-page document, ${count.path} path, ${count.variant}`, count.transitions, 10, '', 0));
  }
  for (const stage of results['lambda-packages']?.stages ?? []) {
    checks.push(atMost('lambda-packages', `${stage.stage} bundle size (code loaded at a cold start)`, stage.startBytes / 1024, 500, ' KB', 0));
    checks.push(atMost('lambda-packages', `${stage.stage} cold-start module load (median)`, stage.medianLoadMs, 150, ' ms', 0));
  }
  for (const variant of results.cost?.variants ?? []) {
    if (variant.pages !== 1 || !ONE_PAGE_COST_VARIANTS.has(variant.kind)) continue;
    checks.push(atMost('cost', `$ per 1,000 one-page documents, ${variant.kind}`, variant.perThousandDocuments.total, 5, '', 2));
  }
  if (results.search) {
    const { documents, asInserted } = results.search;
    const scope = documents === SEARCH_TARGET_DOCUMENTS ? '' : ` (${documents.toLocaleString('en-US')} documents, not 100,000)`;
    checks.push(atMost('search', `query p95 with 100,000 documents${scope}`, asInserted.all.wallMs.p95, 20, ' ms', 2));
  }
  if (results.burst) {
    const { succeeded, uploads } = results.burst;
    checks.push({ part: 'burst', name: `every upload of the burst succeeds`, target: `${uploads}/${uploads}`, measured: `${succeeded}/${uploads}`, met: succeeded === uploads });
  }
  return checks;
}

const fixed = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : '–');
const ms = (summary: SampleSummary | undefined): string => (summary ? `${fixed(summary.p50, 0)} / ${fixed(summary.p95, 0)}` : '–');
const mb = (bytes: number): string => `${fixed(bytes / 1024 / 1024, 0)} MB`;
const dollars = (value: number): string => `$${value.toFixed(value < 0.1 ? 4 : 2)}`;
const verdict = (met: boolean | undefined): string => (met === undefined ? 'not measured' : met ? '**met**' : '**not met**');

function targetsSection(report: BenchReport): string[] {
  return [
    '## Targets',
    '',
    '| part | target | goal | this run | verdict |',
    '|---|---|---|---|---|',
    ...report.targets.map((check) => `| ${check.part} | ${check.name} | ${check.target} | ${check.measured} | ${verdict(check.met)} |`),
    '',
  ];
}

/** How the warm-up counts were chosen, in words. */
function warmUpRule(results: ThroughputResults): string {
  const share = `${Math.round(results.warmUpShare * 100)}% of the batch, at least 2`;
  const classes = results.classes.map((entry) => entry.documentClass);
  const given = classes.filter((documentClass) => results.warmUpCounts[documentClass] !== undefined);
  const rest = classes.filter((documentClass) => !given.includes(documentClass));
  if (given.length === 0) return share;
  return rest.length === 0 ? 'counts given for the run' : `${given.join(', ')}: a count given for the run; ${rest.join(', ')}: ${share}`;
}

function throughputSection(results: ThroughputResults): string[] {
  const stages = [...new Set(results.classes.flatMap((entry) => Object.keys(entry.stageMs)))];
  return [
    '## 1–2. Local throughput and orchestration overhead',
    '',
    `Real local runtime, ${results.concurrency} executions in flight, ${results.ocrWorkers} OCR workers. Warm-up, not counted: ` +
      `${Object.entries(results.warmUpDocuments).map(([documentClass, count]) => `${count} ${documentClass}`).join(', ')} documents ` +
      `(${warmUpRule(results)}), through the pipeline and directly. ` +
      'Overhead = pipeline wall time ÷ wall time of the same adapter calls made directly on the same documents; each batch is run in ' +
      `${results.rounds} rounds, pipeline and direct calls alternating which goes first, and the rounds' times added.`,
    '',
    '| class | documents | pages | succeeded | wall s | CPU s | documents/min | pages/s | CPU s/document | peak RSS | execution p50 / p95 ms | direct wall s | overhead (wall) | overhead (CPU) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.classes.map(
      (entry) =>
        `| ${entry.documentClass} | ${entry.documents} | ${entry.pages} | ${entry.succeeded} | ${fixed(entry.pipeline.wallMs / 1000)} | ${fixed(entry.pipeline.cpuMs / 1000)} | ` +
        `${fixed(entry.documentsPerMinute)} | ${fixed(entry.pagesPerSecond, 2)} | ${fixed(entry.cpuSecondsPerDocument, 2)} | ${mb(entry.pipeline.peakRssBytes)} | ${ms(entry.executionMs)} | ` +
        `${fixed(entry.direct.wallMs / 1000)} | ${fixed(entry.overhead, 2)} | ${fixed(entry.cpuOverhead, 2)} |`,
    ),
    '',
    'Per-stage time (ms, p50 / p95), from the execution histories:',
    '',
    `| class | ${stages.join(' | ')} |`,
    `|---|${stages.map(() => '---:').join('|')}|`,
    ...results.classes.map((entry) => `| ${entry.documentClass} | ${stages.map((stage) => ms(entry.stageMs[stage])).join(' | ')} |`),
    '',
    ...results.classes.flatMap((entry) => (entry.failures.length > 0 ? [`Failures (${entry.documentClass}): ${entry.failures.slice(0, 5).join('; ')}`, ''] : [])),
  ];
}

function transitionsSection(results: TransitionResults): string[] {
  return [
    '## 3. State transitions and invocations per one-page document',
    '',
    'Counted from the execution history as Step Functions Standard bills them: every state entered (Parallel branches\' states, Choice, Wait, Succeed included) plus every retry.',
    '',
    '| path | document | status | transitions | Lambda invocations | states entered |',
    '|---|---|---|---:|---:|---|',
    ...results.counts.map((count) => `| ${count.path} | ${count.variant} | ${count.status} | ${count.transitions} | ${count.invocations} | ${count.states.join(' → ')} |`),
    '',
  ];
}

function lambdaSection(results: LambdaPackageResults): string[] {
  const kb = (bytes: number) => `${fixed(bytes / 1024, 0)} KB`;
  return [
    '## 4. Lambda packages',
    '',
    `Built by infra's bundle build for the deployment's adapters (${Object.entries(results.adapters).map(([port, kind]) => `${port}: ${kind}`).join(', ')}), ` +
      'the AWS SDK clients bundled. "Loaded at start" = `index.mjs` and the chunks it imports statically: what a cold start loads. ' +
      `Load = \`import()\` of the bundle in a fresh \`node\` process with the function's Lambda environment, median of ${results.runs}. ` +
      '"Lazy code" = the modules split off behind dynamic imports (adapters, pdf.js and its worker, the SDK\'s other credential providers), ' +
      'counted in the package and loaded on first use: the time is importing all of them after the bundle, the most first uses add.',
    '',
    '| stage | memory | loaded at start | index.mjs | whole package | zipped | load ms (median) | load CPU ms | process ms | lazy code | lazy code load ms |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.stages.map(
      (stage) =>
        `| ${stage.stage} | ${stage.memoryMb} MB | ${kb(stage.startBytes)} | ${kb(stage.handlerBytes)} | ${kb(stage.packageBytes)} | ${kb(stage.zippedBytes)} | ` +
        `${fixed(stage.medianLoadMs, 0)} | ${fixed(stage.medianLoadCpuMs, 0)} | ${fixed(stage.medianProcessMs, 0)} | ${kb(stage.lazyBytes)} | ${fixed(stage.medianLazyLoadMs, 0)} |`,
    ),
    '',
  ];
}

function costSection(results: CostResults): string[] {
  const { fixedMonthly, reference } = results;
  return [
    '## 5. Cost on AWS per 1,000 documents',
    '',
    `Counts from a run with the AWS adapters over recording clients; prices from bench/prices.json (${results.priceTable.region}, as of ${results.priceTable.asOf}). ` +
      `Bedrock tokens: ${results.tokenApproximation}. Born-digital PDFs keep their text layer (DOCPIPE_PDF_TEXT_LAYER=first; the CDK stack sets \`${results.deployedPdfTextLayer}\`).`,
    '',
    '| document | pages | docs | characters | Textract | Comprehend PII | Bedrock | Step Functions | Lambda | DynamoDB | S3 | **total / 1,000** | + if Textract reads every PDF |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.variants.map((variant) => {
      const cost = variant.perThousandDocuments;
      return (
        `| ${variant.kind} | ${variant.pages} | ${variant.documents} | ${fixed(variant.characters, 0)} | ${dollars(cost.textract)} | ${dollars(cost.comprehendPii)} | ${dollars(cost.bedrock)} | ` +
        `${dollars(cost.stepFunctions)} | ${dollars(cost.lambda)} | ${dollars(cost.dynamodb)} | ${dollars(cost.s3)} | **${dollars(cost.total)}** | ` +
        `${variant.extraPerThousandIfTextractReadsEveryPdf === undefined ? '–' : dollars(variant.extraPerThousandIfTextractReadsEveryPdf)} |`
      );
    }),
    '',
    'Counted per document (mean):',
    '',
    '| document | pages | Textract sync / async pages | PII requests / units | ClassifyDocument requests / units | Bedrock requests / in / out tokens | transitions | invocations | GB-s | DynamoDB WRU / RRU | S3 PUT / GET |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.variants.map((variant) => {
      const usage = variant.usage;
      return (
        `| ${variant.kind} | ${variant.pages} | ${fixed(usage.textractSyncPages)} / ${fixed(usage.textractAsyncPages)} | ${fixed(usage.comprehendPiiRequests)} / ${fixed(usage.comprehendPiiUnits)} | ` +
        `${fixed(usage.comprehendClassifyRequests)} / ${fixed(usage.comprehendClassifyUnits)} | ${fixed(usage.bedrockRequests)} / ${fixed(usage.bedrockInputTokens, 0)} / ${fixed(usage.bedrockOutputTokens, 0)} | ` +
        `${fixed(usage.stateTransitions)} | ${fixed(usage.lambdaInvocations)} | ${fixed(usage.lambdaGbSeconds, 2)} | ${fixed(usage.dynamoWriteUnits)} / ${fixed(usage.dynamoReadUnits)} | ${fixed(usage.s3Puts)} / ${fixed(usage.s3Gets)} |`
      );
    }),
    '',
    `Fixed monthly costs, whatever the volume: OpenSearch Serverless ${dollars(fixedMonthly.openSearchServerlessWithoutRedundancy)} (minimum OCUs, no standby replicas) or ` +
      `${dollars(fixedMonthly.openSearchServerlessWithRedundancy)} (with redundancy); a Comprehend custom classifier endpoint, only when one is configured, ` +
      `${dollars(fixedMonthly.comprehendClassifierEndpoint)} per inference unit (its ClassifyDocument requests are billed by endpoint time, so their units above add nothing per document).`,
    '',
    `For comparison: the ${reference.name} publishes ${dollars(reference.perOnePageDocument)} per one-page document (${dollars(reference.perOnePageDocument * 1000)} per 1,000).`,
    '',
  ];
}

function searchSection(results: SearchResults): string[] {
  const row = (label: string, summary: { wallMs: SampleSummary; cpuMs: SampleSummary }): string =>
    `| ${label} | ${fixed(summary.wallMs.p50, 2)} | ${fixed(summary.wallMs.p95, 2)} | ${fixed(summary.cpuMs.p50, 2)} | ${fixed(summary.cpuMs.p95, 2)} |`;
  return [
    '## 6. Search',
    '',
    `${results.documents.toLocaleString('en-US')} synthetic documents indexed in ${fixed(results.indexSeconds)} s (${fixed(results.documentsPerSecond, 0)} documents/s), ` +
      `index file ${fixed(results.fileMegabytes, 0)} MB; single-document upsert p50 ${fixed(results.singleUpsertMs.p50, 2)} ms, p95 ${fixed(results.singleUpsertMs.p95, 2)} ms. ` +
      `${results.asInserted.queries} queries of a 15-kind mix per measurement.`,
    '',
    '| queries | wall p50 ms | wall p95 ms | CPU p50 ms | CPU p95 ms |',
    '|---|---:|---:|---:|---:|',
    row('all, index as inserted', results.asInserted.all),
    row('all but prefix, as inserted', results.asInserted.allButPrefix),
    row(`all, after optimize() (${fixed(results.optimizeSeconds)} s)`, results.afterOptimize.all),
    ...Object.entries(results.asInserted.byKind).map(([kind, summary]) => row(`${kind}, as inserted`, summary)),
    '',
  ];
}

function burstSection(results: BurstResults): string[] {
  return [
    '## 7. Burst under a quota',
    '',
    `${results.uploads} uploads at once (${results.documentKind}), every execution in flight; text extractor limited to ${results.ratePerSecond} requests/s ` +
      `(token bucket of ${results.bucketCapacity}), ThrottlingError when over; the state machine's Retry backs off with full jitter.`,
    '',
    '| succeeded | failed | completion s | quota allows s | completion ÷ quota | throttled requests | retries | retries per document p50 / p95 / max | CPU s | CPU use of the cores |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${results.succeeded} | ${results.failed} | ${fixed(results.completionSeconds)} | ${fixed(results.quotaSeconds, 0)} | ${fixed(results.completionSeconds / results.quotaSeconds, 2)} | ` +
      `${results.throttledRequests} | ${results.retries} | ${fixed(results.retriesPerDocument.p50, 0)} / ${fixed(results.retriesPerDocument.p95, 0)} / ${fixed(results.retriesPerDocument.max, 0)} | ` +
      `${fixed(results.cpuSeconds)} | ${fixed(results.cpuUtilisation * 100, 0)}% |`,
    '',
    results.throttledRequests * 10 < results.uploads
      ? `Only ${results.throttledRequests} requests were throttled: the quota hardly came into play, so the machine (CPU use above, or the local emulators) set the pace, not the quota.`
      : `${results.throttledRequests} requests were throttled for ${results.acceptedRequests} admitted: the quota set the pace.`,
    '',
    ...(results.failed > 0 ? [`Failures by error: ${Object.entries(results.failureReasons).map(([error, count]) => `${error} ${count}`).join(', ')}`, ''] : []),
  ];
}

export function renderMarkdown(report: BenchReport): string {
  const { machine, results } = report;
  const lines = [
    `# docpipe benchmark, ${machine.date.slice(0, 10)}${report.mode === 'quick' ? ' (quick run: small counts, for checking the machinery only)' : ''}`,
    '',
    `Commit \`${machine.gitCommit.slice(0, 12)}\`${machine.gitDirty ? ' with uncommitted changes' : ''}; ${machine.cores} cores (${machine.cpuModel}), ` +
      `${mb(machine.totalMemoryBytes)} memory, Node ${machine.node}, ${machine.os}. Load average ${machine.loadAverageAtStart.join(' ')} at start, ` +
      `${report.loadAverageAtEnd.join(' ')} at end. Parts: ${report.parts.join(', ')}; ${fixed(report.durationSeconds / 60)} minutes in all ` +
      `(${Object.entries(report.partSeconds).map(([part, seconds]) => `${part} ${fixed(seconds / 60)} min`).join(', ')}).`,
    '',
    'Produced by `npm run bench` (bench/run.ts); bench/README.md explains every figure. Wall-clock figures depend on the load of the machine: CPU time is given beside them.',
    '',
    ...targetsSection(report),
    ...(Object.keys(report.errors).length > 0
      ? ['## Parts that failed', '', ...Object.entries(report.errors).map(([part, error]) => `- ${part}: ${error}`), '']
      : []),
    ...(results.throughput ? throughputSection(results.throughput) : []),
    ...(results.transitions ? transitionsSection(results.transitions) : []),
    ...(results['lambda-packages'] ? lambdaSection(results['lambda-packages']) : []),
    ...(results.cost ? costSection(results.cost) : []),
    ...(results.search ? searchSection(results.search) : []),
    ...(results.burst ? burstSection(results.burst) : []),
  ];
  return `${lines.join('\n')}\n`;
}
