import {
  AccessDeniedException,
  BedrockRuntimeClient,
  ConverseCommand,
  ThrottlingException,
  ValidationException,
  type ConverseCommandOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { mockClient } from 'aws-sdk-client-mock';
import { BedrockSummariser, type SummaryPrompts } from '../../../shared/adapters/aws/bedrock-summariser.js';

const bedrock = mockClient(BedrockRuntimeClient);
const client = new BedrockRuntimeClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } });
const MODEL = 'eu.amazon.nova-lite-v1:0';
const prompts: SummaryPrompts = {
  summarise: 'SUMMARISE\n{{document}}',
  combine: 'COMBINE\n{{summaries}}',
};

afterEach(() => {
  bedrock.reset();
});

function answer(text: string, inputTokens = 100, outputTokens = 20, stopReason: ConverseCommandOutput['stopReason'] = 'end_turn'): ConverseCommandOutput {
  return {
    output: { message: { role: 'assistant', content: [{ text }] } },
    stopReason,
    usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
    metrics: { latencyMs: 1 },
    $metadata: {},
  };
}

function promptOf(callIndex: number): string {
  return bedrock.commandCalls(ConverseCommand)[callIndex]?.args[0].input.messages?.[0]?.content?.[0]?.text ?? '';
}

describe('BedrockSummariser', () => {
  it('sends the document in the prompt to the configured model and returns summary, key points and usage', async () => {
    // Prepare
    bedrock.on(ConverseCommand).resolves(answer('{"summary": "A short lease.", "keyPoints": ["Rent is 900"]}', 321, 45));

    // Act
    const summary = await new BedrockSummariser({ client, modelId: MODEL, prompts }).summarise('The tenant pays 900 a month.');

    // Assess
    const input = bedrock.commandCalls(ConverseCommand)[0]?.args[0].input;
    expect(input).toMatchObject({ modelId: MODEL, inferenceConfig: { maxTokens: 1024, temperature: 0 } });
    expect(promptOf(0)).toBe('SUMMARISE\nThe tenant pays 900 a month.');
    expect(summary).toEqual({ summary: 'A short lease.', keyPoints: ['Rent is 900'], usage: { inputTokens: 321, outputTokens: 45 } });
  });

  it('summarises a long document in N parts and combines them in one more call, summing the usage', async () => {
    // Prepare: three paragraphs of about 900 characters with a 1,000-character limit make three parts.
    const paragraph = (word: string): string => `${`${word} `.repeat(150).trim()}.`;
    const text = [paragraph('alpha'), paragraph('bravo'), paragraph('delta')].join('\n\n');
    bedrock.on(ConverseCommand).callsFake((input: { messages: { content: { text: string }[] }[] }) => {
      const prompt = input.messages[0]?.content[0]?.text ?? '';
      if (prompt.startsWith('COMBINE')) return Promise.resolve(answer('{"summary": "Whole document.", "keyPoints": ["All parts"]}', 50, 10));
      const word = /SUMMARISE\n(\w+)/.exec(prompt)?.[1] ?? '?';
      return Promise.resolve(answer(`{"summary": "Part about ${word}.", "keyPoints": ["${word}"]}`, 200, 30));
    });

    // Act
    const summary = await new BedrockSummariser({ client, modelId: MODEL, prompts, maxInputChars: 1000 }).summarise(text);

    // Assess
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(4);
    const combinePrompt = promptOf(3);
    expect(combinePrompt).toBe(
      'COMBINE\nPart 1:\nPart about alpha.\n- alpha\n\nPart 2:\nPart about bravo.\n- bravo\n\nPart 3:\nPart about delta.\n- delta',
    );
    expect(summary).toEqual({
      summary: 'Whole document.',
      keyPoints: ['All parts'],
      usage: { inputTokens: 3 * 200 + 50, outputTokens: 3 * 30 + 10 },
    });
  });

  it('combines part summaries in groups first when together they exceed the input limit', async () => {
    // Prepare: three parts whose summaries of 400 characters fit two to a request of 1,000 characters.
    const paragraph = (word: string): string => `${`${word} `.repeat(150).trim()}.`;
    const text = [paragraph('alpha'), paragraph('bravo'), paragraph('delta')].join('\n\n');
    bedrock.on(ConverseCommand).callsFake((input: { messages: { content: { text: string }[] }[] }) => {
      const prompt = input.messages[0]?.content[0]?.text ?? '';
      const summary = prompt.startsWith('COMBINE') ? 'Combined.' : 'x'.repeat(400);
      return Promise.resolve(answer(JSON.stringify({ summary, keyPoints: [] }), 10, 1));
    });

    // Act
    const summary = await new BedrockSummariser({ client, modelId: MODEL, prompts, maxInputChars: 1000 }).summarise(text);

    // Assess: 3 parts, 2 group combines (2 + 1 summaries), 1 final combine.
    expect(bedrock.commandCalls(ConverseCommand)).toHaveLength(6);
    expect(summary.summary).toBe('Combined.');
    expect(summary.usage).toEqual({ inputTokens: 60, outputTokens: 6 });
  });

  it('uses malformed model output as a plain summary instead of failing', async () => {
    bedrock.on(ConverseCommand).resolves(answer('The document is a delivery note for two pallets.'));

    const summary = await new BedrockSummariser({ client, modelId: MODEL, prompts }).summarise('Delivery note');

    expect(summary.summary).toBe('The document is a delivery note for two pallets.');
    expect(summary.keyPoints).toEqual([]);
  });

  it('fails as an invalid document when a content filter blocks the answer', async () => {
    bedrock.on(ConverseCommand).resolves(answer('Blocked.', 10, 1, 'content_filtered'));

    await expect(new BedrockSummariser({ client, modelId: MODEL, prompts }).summarise('text')).rejects.toMatchObject({
      name: 'InvalidDocumentError',
      retryable: false,
    });
  });

  it('fails as transient when the model returns no text', async () => {
    bedrock.on(ConverseCommand).resolves(answer('   '));

    await expect(new BedrockSummariser({ client, modelId: MODEL, prompts }).summarise('text')).rejects.toMatchObject({
      name: 'TransientError',
      retryable: true,
    });
  });

  it('does not call the model for empty text', async () => {
    const summary = await new BedrockSummariser({ client, modelId: MODEL, prompts }).summarise(' \n ');

    expect(summary).toEqual({ summary: '', keyPoints: [], usage: { inputTokens: 0, outputTokens: 0 } });
    expect(bedrock.calls()).toHaveLength(0);
  });

  it('turns ThrottlingException into a retryable ThrottlingError', async () => {
    bedrock.on(ConverseCommand).rejects(new ThrottlingException({ message: 'Too many tokens', $metadata: {} }));

    await expect(new BedrockSummariser({ client, modelId: MODEL, prompts }).summarise('text')).rejects.toMatchObject({
      name: 'ThrottlingError',
      retryable: true,
    });
  });

  it.each(['ServiceUnavailableException', 'ModelNotReadyException', 'ModelTimeoutException'])(
    'turns %s into a retryable TransientError',
    async (name) => {
      bedrock.on(ConverseCommand).rejects(Object.assign(new Error('not now'), { name }));

      await expect(new BedrockSummariser({ client, modelId: MODEL, prompts }).summarise('text')).rejects.toMatchObject({
        name: 'TransientError',
        retryable: true,
      });
    },
  );

  it('turns ServiceQuotaExceededException into a retryable ThrottlingError', async () => {
    bedrock.on(ConverseCommand).rejects(Object.assign(new Error('Too many tokens per minute'), { name: 'ServiceQuotaExceededException' }));

    await expect(new BedrockSummariser({ client, modelId: MODEL, prompts }).summarise('text')).rejects.toMatchObject({
      name: 'ThrottlingError',
      retryable: true,
    });
  });

  it('turns ValidationException into a non-retryable configuration error naming the model', async () => {
    bedrock.on(ConverseCommand).rejects(new ValidationException({ message: 'The provided model identifier is invalid.', $metadata: {} }));

    await expect(new BedrockSummariser({ client, modelId: MODEL, prompts }).summarise('text')).rejects.toMatchObject({
      name: 'ConfigurationError',
      retryable: false,
      message: expect.stringMatching(new RegExp(`model ${MODEL}: The provided model identifier is invalid.*DOCPIPE_BEDROCK_MODEL_ID`)),
    });
  });

  it('turns AccessDeniedException into a non-retryable AccessDeniedError saying how to get access', async () => {
    bedrock.on(ConverseCommand).rejects(new AccessDeniedException({ message: 'You do not have access', $metadata: {} }));

    await expect(new BedrockSummariser({ client, modelId: MODEL, prompts }).summarise('text')).rejects.toMatchObject({
      name: 'AccessDeniedError',
      retryable: false,
      message: expect.stringMatching(/enable access to the model/),
    });
  });

  it('loads the prompt templates shipped in the repository', async () => {
    bedrock.on(ConverseCommand).resolves(answer('{"summary": "S.", "keyPoints": []}'));

    await (await BedrockSummariser.create({ client, modelId: MODEL })).summarise('Quarterly figures rose.');

    expect(promptOf(0)).toMatch(/"summary": "\.\.\.", "keyPoints": \[/);
    expect(promptOf(0)).toMatch(/<document>\nQuarterly figures rose.\n<\/document>/);
  });

  it('refuses a template without its placeholder and an empty model id', () => {
    expect(() => new BedrockSummariser({ client, modelId: MODEL, prompts: { ...prompts, summarise: 'no slot' } })).toThrow(/\{\{document\}\}/);
    expect(() => new BedrockSummariser({ client, modelId: ' ', prompts })).toThrow(/DOCPIPE_BEDROCK_MODEL_ID/);
  });
});
