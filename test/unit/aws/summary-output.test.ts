import { parseSummaryOutput } from '../../../shared/adapters/aws/summary-output.js';

describe('parseSummaryOutput', () => {
  it('reads the requested JSON object', () => {
    const parsed = parseSummaryOutput('{"summary": "A lease.", "keyPoints": ["Rent 900", "Ends 2026"]}');

    expect(parsed).toEqual({ summary: 'A lease.', keyPoints: ['Rent 900', 'Ends 2026'], structured: true });
  });

  it('reads JSON inside a code fence after leading prose', () => {
    const output = 'Here is the summary you asked for:\n```json\n{"summary": "An invoice.", "keyPoints": ["Due in 30 days"]}\n```\nHope it helps.';

    expect(parseSummaryOutput(output)).toEqual({ summary: 'An invoice.', keyPoints: ['Due in 30 days'], structured: true });
  });

  it('reads an object surrounded by prose without a fence', () => {
    const parsed = parseSummaryOutput('Sure! {"summary": "A memo.", "keyPoints": []} Let me know.');

    expect(parsed.summary).toBe('A memo.');
  });

  it('tolerates trailing commas', () => {
    const parsed = parseSummaryOutput('{"summary": "A form.", "keyPoints": ["Signed", "Dated",],}');

    expect(parsed).toEqual({ summary: 'A form.', keyPoints: ['Signed', 'Dated'], structured: true });
  });

  it('keeps only non-empty string key points and accepts key_points', () => {
    const parsed = parseSummaryOutput('{"summary": "S.", "key_points": ["One", 2, "  ", "Two"]}');

    expect(parsed.keyPoints).toEqual(['One', 'Two']);
  });

  it('salvages the complete fields of an answer cut off at the token limit', () => {
    const parsed = parseSummaryOutput('{"summary": "A long \\"contract\\".", "keyPoints": ["Term one", "Term two", "Term thr');

    expect(parsed).toEqual({ summary: 'A long "contract".', keyPoints: ['Term one', 'Term two'], structured: true });
  });

  it('takes plain text as the summary without key points when there is no JSON', () => {
    const parsed = parseSummaryOutput('  This document is a short letter about a delivery.  ');

    expect(parsed).toEqual({ summary: 'This document is a short letter about a delivery.', keyPoints: [], structured: false });
  });

  it('never throws, even for an unbalanced object', () => {
    expect(() => parseSummaryOutput('{"summary": ')).not.toThrow();
    expect(parseSummaryOutput('{"summary": ').structured).toBe(false);
  });
});
