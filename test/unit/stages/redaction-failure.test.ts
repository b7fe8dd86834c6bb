import { RedactionFailedError, ThrottlingError, TransientError } from '../../../shared/errors.js';
import { guardRedaction, redactionFailure } from '../../../stages/redact/redaction-failure.js';

describe('a PII detector failure', () => {
  it('becomes a RedactionFailedError whose message names redaction and the cause', () => {
    const error = redactionFailure(new Error('model file missing'), 'page 3');

    expect(error).toBeInstanceOf(RedactionFailedError);
    expect(error.name).toBe('RedactionFailedError');
    expect(error.retryable).toBe(false);
    expect(error.message).toBe('PII redaction of page 3 failed, so nothing about the document was indexed: model file missing');
  });

  it('keeps throttling and transient failures retryable, still naming redaction', () => {
    const throttled = redactionFailure(new ThrottlingError('rate exceeded'), 'the summary');
    const transient = redactionFailure(new TransientError('connection reset'), 'page 1');

    expect(throttled).toBeInstanceOf(ThrottlingError);
    expect(throttled.message).toMatch(/^PII redaction of the summary failed.*: rate exceeded$/);
    expect(transient).toBeInstanceOf(TransientError);
    expect(transient.message).toMatch(/^PII redaction of page 1 failed/);
  });

  it('says so when the failure gives no details', () => {
    expect(redactionFailure('', 'the text').message).toMatch(/: no details given$/);
  });

  it('passes results through when the detector works, and wraps what it throws', async () => {
    await expect(guardRedaction('page 1', () => Promise.resolve(['entity']))).resolves.toEqual(['entity']);
    await expect(guardRedaction('page 2', () => Promise.reject(new RangeError('bad offset')))).rejects.toThrow(RedactionFailedError);
  });
});
