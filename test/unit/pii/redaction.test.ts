import { countByType, redactText } from '../../../shared/redaction.js';
import type { PiiEntity } from '../../../shared/ports/pii-detector.js';

describe('redactText', () => {
  it('replaces each span with its type in brackets', () => {
    // Prepare
    const text = 'Call 555-123-4567 or write to jo@example.com';
    const entities: PiiEntity[] = [
      { type: 'EMAIL', start: 30, end: 44, score: 1 },
      { type: 'PHONE', start: 5, end: 17, score: 0.9 },
    ];
    // Act
    const redacted = redactText(text, entities);
    // Assess
    expect(redacted).toBe('Call [PHONE] or write to [EMAIL]');
  });

  it('redacts the whole of overlapping spans once, and leaves text without spans unchanged', () => {
    expect(redactText('Ann Lee Smith here', [
      { type: 'NAME', start: 0, end: 7 },
      { type: 'NAME', start: 4, end: 13 },
    ])).toBe('[NAME] here');
    expect(redactText('nothing to hide', [])).toBe('nothing to hide');
  });
});

describe('countByType', () => {
  it('counts the spans of each type', () => {
    expect(countByType([{ type: 'NAME' }, { type: 'EMAIL' }, { type: 'NAME' }])).toEqual({ NAME: 2, EMAIL: 1 });
    expect(countByType([])).toEqual({});
  });
});
