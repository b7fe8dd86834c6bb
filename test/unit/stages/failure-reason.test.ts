import { failureReason } from '../../../stages/record-failure/failure-reason.js';

describe('the failure reason recorded for a caught error', () => {
  it('uses the error message from a Lambda error cause on AWS', () => {
    const cause = JSON.stringify({ errorType: 'InvalidDocumentError', errorMessage: 'PDF is encrypted', trace: ['at x'] });

    expect(failureReason({ Error: 'InvalidDocumentError', Cause: cause })).toBe('PDF is encrypted');
  });

  it('uses the message itself from the local engine', () => {
    expect(failureReason({ Error: 'InvalidDocumentError', Cause: 'The file is empty (0 bytes)' })).toBe('The file is empty (0 bytes)');
  });

  it('explains a timeout and exhausted retries in words', () => {
    expect(failureReason({ Error: 'States.Timeout' })).toBe('Processing took longer than the stage time limit');
    expect(failureReason({ Error: 'ThrottlingError', Cause: 'OCR throttled' })).toBe(
      'A service kept throttling requests and retries ran out: OCR throttled',
    );
  });

  it('falls back to the error name when there is no cause', () => {
    expect(failureReason({ Error: 'SomethingOdd' })).toBe('Failed with SomethingOdd');
  });
});
