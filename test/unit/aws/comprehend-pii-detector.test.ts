import {
  ComprehendClient,
  DetectPiiEntitiesCommand,
  InvalidRequestException,
  TooManyRequestsException,
} from '@aws-sdk/client-comprehend';
import { mockClient } from 'aws-sdk-client-mock';
import { ComprehendPiiDetector } from '../../../shared/adapters/aws/comprehend-pii-detector.js';
import { utf8Length } from '../../../shared/adapters/aws/text-chunks.js';

const comprehend = mockClient(ComprehendClient);
const client = new ComprehendClient({ region: 'eu-west-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } });
const metadata = { $metadata: {} };

afterEach(() => {
  comprehend.reset();
});

describe('ComprehendPiiDetector', () => {
  it('sends the text with the configured language and returns entities in the port shape', async () => {
    // Prepare
    const text = 'Call Jane Doe on 555-0100.';
    comprehend.on(DetectPiiEntitiesCommand).resolves({
      Entities: [
        { Type: 'PHONE', BeginOffset: 17, EndOffset: 25, Score: 0.99 },
        { Type: 'NAME', BeginOffset: 5, EndOffset: 13, Score: 0.97 },
      ],
    });

    // Act
    const entities = await new ComprehendPiiDetector({ client, languageCode: 'es' }).detect(text);

    // Assess
    expect(comprehend.commandCalls(DetectPiiEntitiesCommand)[0]?.args[0].input).toEqual({ Text: text, LanguageCode: 'es' });
    expect(entities).toEqual([
      { type: 'NAME', start: 5, end: 13, score: 0.97 },
      { type: 'PHONE', start: 17, end: 25, score: 0.99 },
    ]);
    expect(entities.map((entity) => text.slice(entity.start, entity.end))).toEqual(['Jane Doe', '555-0100']);
  });

  it('maps an entity found in the second chunk to its offset in the whole text', async () => {
    // Prepare: two chunks of at most 64 bytes; the email is in the second.
    const first = 'Nothing personal is written in this first part of the text. ';
    const second = 'Write to jane@example.com today.';
    const text = `${first}${second}`;
    comprehend.on(DetectPiiEntitiesCommand).callsFake((input: { Text: string }) =>
      Promise.resolve({
        Entities: input.Text.includes('jane@')
          ? [{ Type: 'EMAIL', BeginOffset: input.Text.indexOf('jane@'), EndOffset: input.Text.indexOf(' today'), Score: 0.99 }]
          : [],
      }),
    );

    // Act
    const entities = await new ComprehendPiiDetector({ client, maxChunkBytes: 64 }).detect(text);

    // Assess
    const sent = comprehend.commandCalls(DetectPiiEntitiesCommand).map((call) => call.args[0].input.Text ?? '');
    expect(sent).toHaveLength(2);
    expect(sent.join('')).toBe(text);
    for (const chunk of sent) expect(utf8Length(chunk)).toBeLessThanOrEqual(64);
    expect(entities).toHaveLength(1);
    expect(text.slice(entities[0]?.start, entities[0]?.end)).toBe('jane@example.com');
    expect(entities[0]?.start).toBe(first.length + 'Write to '.length);
  });

  it('converts code point offsets to UTF-16 offsets after an emoji', async () => {
    const text = 'Hi 😀 from Jane';
    // Comprehend counts the emoji as one character: "Jane" is at code points 10..14 (UTF-16 units 11..15).
    comprehend.on(DetectPiiEntitiesCommand).resolves({ Entities: [{ Type: 'NAME', BeginOffset: 10, EndOffset: 14, Score: 0.9 }] });

    const [entity] = await new ComprehendPiiDetector({ client }).detect(text);

    expect(entity).toMatchObject({ start: 11, end: 15 });
    expect(text.slice(entity?.start, entity?.end)).toBe('Jane');
  });

  it('drops entities under the minimum score and types the port does not know', async () => {
    comprehend.on(DetectPiiEntitiesCommand).resolves({
      Entities: [
        { Type: 'NAME', BeginOffset: 0, EndOffset: 4, Score: 0.49 },
        { Type: 'UK_NATIONAL_INSURANCE_NUMBER', BeginOffset: 5, EndOffset: 14, Score: 0.99 },
        { Type: 'SSN', BeginOffset: 15, EndOffset: 26, Score: 0.5 },
      ],
    });

    const entities = await new ComprehendPiiDetector({ client }).detect('Jane QQ123456C 123-45-6789');

    expect(entities).toEqual([{ type: 'SSN', start: 15, end: 26, score: 0.5 }]);
  });

  it('does not call Comprehend for text with no words', async () => {
    await expect(new ComprehendPiiDetector({ client }).detect('  \n ')).resolves.toEqual([]);
    expect(comprehend.calls()).toHaveLength(0);
  });

  it('turns TooManyRequestsException into a retryable ThrottlingError', async () => {
    comprehend.on(DetectPiiEntitiesCommand).rejects(new TooManyRequestsException({ message: 'Rate exceeded', ...metadata }));

    await expect(new ComprehendPiiDetector({ client }).detect('some text')).rejects.toMatchObject({
      name: 'ThrottlingError',
      retryable: true,
    });
  });

  it('turns an invalid request into a non-retryable InvalidDocumentError with the reason', async () => {
    comprehend.on(DetectPiiEntitiesCommand).rejects(new InvalidRequestException({ message: 'Invalid UTF-8', ...metadata }));

    await expect(new ComprehendPiiDetector({ client }).detect('some text')).rejects.toMatchObject({
      name: 'InvalidDocumentError',
      retryable: false,
      message: expect.stringMatching(/Comprehend rejected the text as invalid: Invalid UTF-8/),
    });
  });

  it('turns access denied into a non-retryable AccessDeniedError naming the permission', async () => {
    comprehend.on(DetectPiiEntitiesCommand).rejects(Object.assign(new Error('not authorized'), { name: 'AccessDeniedException' }));

    await expect(new ComprehendPiiDetector({ client }).detect('some text')).rejects.toMatchObject({
      name: 'AccessDeniedError',
      retryable: false,
      message: expect.stringMatching(/comprehend:DetectPiiEntities.*not authorized/),
    });
  });
});
