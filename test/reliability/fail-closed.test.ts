import { HeadObjectCommand, NotFound, type S3Client } from '@aws-sdk/client-s3';
import { EmbeddedPiiDetector } from '../../shared/adapters/embedded/pii/index.js';
import { derivedKeys } from '../../shared/contracts/derived-keys.js';
import type { PiiDetector } from '../../shared/ports/pii-detector.js';
import { startTestRuntime, type TestRuntime } from '../helpers/runtime.js';

/** A word that makes the PII detector fail, and only on texts that contain it. */
const POISON = 'Quillothorpe';

/** The real detector, except that it throws on any text holding POISON (as a broken model or service would). */
class FailingOnWordDetector implements PiiDetector {
  readonly #real = new EmbeddedPiiDetector();
  async detect(text: string) {
    if (text.includes(POISON)) throw new Error('the PII model returned no result');
    return this.#real.detect(text);
  }
}

async function exists(s3: S3Client, key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: 'docpipe-derived', Key: key }));
    return true;
  } catch (error) {
    if (error instanceof NotFound || (error instanceof Error && error.name === 'NotFound')) return false;
    throw error;
  }
}

/** Redaction fails closed: when PII detection fails, nothing about the document reaches the index or the summaries. */
describe('fail-closed redaction', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    const detector = new FailingOnWordDetector();
    t = await startTestRuntime({ overrides: { piiDetector: () => Promise.resolve(detector) } });
  });
  afterAll(async () => t?.stop());

  it('fails the document with a reason naming redaction and indexes nothing about it', async () => {
    // Prepare
    const text = `Letter from ${POISON} Estates to Maria Gonzalez, 42 Elm Street, Springfield. Phone 555-201-7788. The lease renewal is attached.`;

    // Act
    const upload = await t.upload('fail-closed/letter.txt', text);

    // Assess
    expect(upload.status).toBe('FAILED');
    expect(upload.error).toBe('RedactionFailedError');
    expect(upload.reason).toMatch(/^PII redaction of .+ failed, so nothing about the document was indexed: the PII model returned no result$/);
    const documentId = upload.documentId ?? '';
    const document = await t.records.getDocument(documentId);
    expect(document).toMatchObject({ status: 'FAILED', error: 'RedactionFailedError' });
    expect(document?.indexed).toBeUndefined();
    expect(document?.summary).toBeUndefined();
    const index = await t.runtime.deps.searchIndex();
    expect((await index.search({ text: POISON })).total).toBe(0);
    expect((await index.search({ text: 'Gonzalez' })).total).toBe(0);
    expect((await index.search({ pageSize: 100 })).hits.map((hit) => hit.documentId)).not.toContain(documentId);
    expect(await exists(t.s3, derivedKeys.redactedPages(documentId))).toBe(false);
    expect(await exists(t.s3, derivedKeys.summary(documentId))).toBe(false);
  });

  it('still indexes a document whose redaction works, in the same runtime', async () => {
    // Prepare
    const text = 'Memo to the facilities team: the Brantwood depot closes early on Friday for the stock count.';

    // Act
    const upload = await t.upload('fail-closed/memo.txt', text);

    // Assess
    expect(upload.status).toBe('SUCCEEDED');
    const index = await t.runtime.deps.searchIndex();
    expect((await index.search({ text: 'Brantwood' })).hits.map((hit) => hit.documentId)).toEqual([upload.documentId]);
    expect(await exists(t.s3, derivedKeys.summary(upload.documentId ?? ''))).toBe(true);
  });
});
