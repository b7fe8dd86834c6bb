import { ConverseCommand, type BedrockRuntimeClient, type ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import { ConfigurationError, InvalidDocumentError, TransientError } from '../../errors.js';
import type { Summariser, Summary } from '../../ports/summariser.js';
import { bedrockError } from './bedrock-errors.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import { assertPlaceholders, fillTemplate, loadPromptTemplate } from './prompt-template.js';
import { parseSummaryOutput, type ParsedSummary } from './summary-output.js';
import { splitText } from './text-chunks.js';

/** Characters of document text in one request (about 15,000 tokens of English). */
export const DEFAULT_MAX_INPUT_CHARS = 60_000;

/** The two prompt templates: one summarises a document (`{{document}}`), one combines part summaries (`{{summaries}}`). */
export interface SummaryPrompts {
  readonly summarise: string;
  readonly combine: string;
}

export interface BedrockSummariserSettings {
  readonly client: BedrockRuntimeClient;
  /** Model or inference profile id, e.g. `us.amazon.nova-lite-v1:0`. Required: there is no default here. */
  readonly modelId: string;
  /**
   * Characters of text per request; longer documents are summarised in parts, then the part summaries combined.
   * @default DEFAULT_MAX_INPUT_CHARS
   */
  readonly maxInputChars?: number;
  /** @default 1024 */
  readonly maxOutputTokens?: number;
  /** @default 0 */
  readonly temperature?: number;
  /**
   * Requests in flight at once when summarising parts.
   * @default 2
   */
  readonly concurrency?: number;
}

export interface BedrockSummariserOptions extends BedrockSummariserSettings {
  readonly prompts: SummaryPrompts;
}

interface Answer {
  readonly parsed: ParsedSummary;
  readonly inputTokens: number;
  readonly outputTokens: number;
}

/** Stop reasons after which the model's text is not a summary and asking again would not change that. */
const BLOCKED_STOP_REASONS = new Set(['content_filtered', 'guardrail_intervened']);

/**
 * Summariser on the Amazon Bedrock Converse API. The prompts are the templates in `prompts/`. A document longer
 * than `maxInputChars` is split at paragraph or word boundaries; each part is summarised, then the part summaries
 * are combined (map-reduce: N + 1 requests for N parts; a reduce step that would itself be too long is combined in
 * groups first). Token usage is summed over all requests.
 *
 * Model answers that are not the requested JSON never fail the document: a cut-off answer is salvaged and any
 * other text becomes the summary, without key points. What does fail: an answer blocked by a content filter or
 * guardrail (InvalidDocumentError: asking again gives the same answer) and an empty answer (TransientError:
 * retried by the state machine).
 */
export class BedrockSummariser implements Summariser {
  private readonly client: BedrockRuntimeClient;
  private readonly modelId: string;
  private readonly prompts: SummaryPrompts;
  private readonly maxInputChars: number;
  private readonly maxOutputTokens: number;
  private readonly temperature: number;
  private readonly concurrency: number;

  constructor(options: BedrockSummariserOptions) {
    if (options.modelId.trim() === '') throw new ConfigurationError('The Bedrock summariser needs a model id (DOCPIPE_BEDROCK_MODEL_ID)');
    assertPlaceholders(options.prompts.summarise, ['document'], 'summarise');
    assertPlaceholders(options.prompts.combine, ['summaries'], 'combine');
    this.client = options.client;
    this.modelId = options.modelId;
    this.prompts = options.prompts;
    this.maxInputChars = options.maxInputChars ?? DEFAULT_MAX_INPUT_CHARS;
    this.maxOutputTokens = options.maxOutputTokens ?? 1024;
    this.temperature = options.temperature ?? 0;
    this.concurrency = options.concurrency ?? 2;
  }

  /** A summariser with the prompt templates shipped in `prompts/`. */
  static async create(settings: BedrockSummariserSettings): Promise<BedrockSummariser> {
    const [summarise, combine] = await Promise.all([loadPromptTemplate('summarise'), loadPromptTemplate('combine')]);
    return new BedrockSummariser({ ...settings, prompts: { summarise, combine } });
  }

  async summarise(text: string): Promise<Summary> {
    const parts = splitText(text.trim(), this.maxInputChars, 'utf16-units')
      .map((chunk) => chunk.text.trim())
      .filter((part) => part !== '');
    if (parts.length === 0) return { summary: '', keyPoints: [], usage: { inputTokens: 0, outputTokens: 0 } };
    const answers = await mapWithConcurrency(parts, this.concurrency, (part) =>
      this.ask(fillTemplate(this.prompts.summarise, { document: part })),
    );
    const made = answers.length === 1 ? answers : [...answers, ...(await this.combine(answers.map((answer) => answer.parsed)))];
    const final = made.at(-1)?.parsed ?? { summary: '', keyPoints: [] };
    return {
      summary: final.summary,
      keyPoints: final.keyPoints,
      usage: {
        inputTokens: made.reduce((sum, answer) => sum + answer.inputTokens, 0),
        outputTokens: made.reduce((sum, answer) => sum + answer.outputTokens, 0),
      },
    };
  }

  /**
   * Combines part summaries into one answer. Returns every answer made on the way (the last is the final one),
   * so their usage can be counted.
   */
  private async combine(summaries: readonly ParsedSummary[]): Promise<Answer[]> {
    const rendered = summaries.map(renderPart);
    const groups = groupWithin(rendered, this.maxInputChars);
    if (groups.length <= 1 || groups.length >= rendered.length) {
      return [await this.ask(fillTemplate(this.prompts.combine, { summaries: rendered.join('\n\n') }))];
    }
    const partial = await mapWithConcurrency(groups, this.concurrency, (group) =>
      this.ask(fillTemplate(this.prompts.combine, { summaries: group.join('\n\n') })),
    );
    const rest = await this.combine(partial.map((answer) => answer.parsed));
    return [...partial, ...rest];
  }

  private async ask(prompt: string): Promise<Answer> {
    let response: ConverseCommandOutput;
    try {
      response = await this.client.send(
        new ConverseCommand({
          modelId: this.modelId,
          messages: [{ role: 'user', content: [{ text: prompt }] }],
          inferenceConfig: { maxTokens: this.maxOutputTokens, temperature: this.temperature },
        }),
      );
    } catch (error) {
      throw bedrockError(error, `Bedrock Converse with ${this.modelId}`, this.modelId);
    }
    const stopReason = response.stopReason ?? 'unknown';
    if (BLOCKED_STOP_REASONS.has(stopReason)) {
      throw new InvalidDocumentError(`Bedrock model ${this.modelId} declined to summarise the document (${stopReason})`);
    }
    const text = (response.output?.message?.content ?? [])
      .map((block) => block.text ?? '')
      .join('')
      .trim();
    if (text === '') throw new TransientError(`Bedrock model ${this.modelId} returned no text (${stopReason})`);
    return {
      parsed: parseSummaryOutput(text),
      inputTokens: response.usage?.inputTokens ?? 0,
      outputTokens: response.usage?.outputTokens ?? 0,
    };
  }
}

/** One part summary as the combine prompt shows it. */
function renderPart(summary: ParsedSummary, index: number): string {
  const points = summary.keyPoints.map((point) => `- ${point}`).join('\n');
  return `Part ${index + 1}:\n${summary.summary}${points ? `\n${points}` : ''}`;
}

/** Consecutive groups whose joined length stays within maxChars (a single longer item forms its own group). */
function groupWithin(items: readonly string[], maxChars: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const item of items) {
    if (current.length > 0 && length + 2 + item.length > maxChars) {
      groups.push(current);
      current = [];
      length = 0;
    }
    length += (current.length > 0 ? 2 : 0) + item.length;
    current.push(item);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
