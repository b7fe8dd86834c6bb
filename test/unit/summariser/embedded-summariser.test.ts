import { EmbeddedSummariser } from '../../../shared/adapters/embedded/summariser/embedded-summariser.js';
import { trimKeyPoint } from '../../../shared/adapters/embedded/summariser/key-points.js';

/** Sentences 2, 4 and 6 are about the lease's rent; the others are asides that share little with anything. */
const LEASE = [
  'Weather on the signing day was mild.',
  'The tenant pays the monthly rent for the flat on the first day of each month.',
  'Parking spaces are painted blue.',
  'Late monthly rent for the flat incurs a fee of five percent of the rent.',
  'A cat lives next door.',
  'The landlord may raise the monthly rent for the flat once a year with notice.',
  'Neighbours often play music on weekends.',
].join(' ');

describe('EmbeddedSummariser', () => {
  it('picks the central sentences and keeps them in document order', async () => {
    // Prepare
    const summariser = new EmbeddedSummariser({ maxSentences: 3, lengthShare: 1 });
    // Act
    const { summary } = await summariser.summarise(LEASE);
    // Assess
    expect(summary).toBe(
      'The tenant pays the monthly rent for the flat on the first day of each month. ' +
        'Late monthly rent for the flat incurs a fee of five percent of the rent. ' +
        'The landlord may raise the monthly rent for the flat once a year with notice.',
    );
  });

  it('gives no more sentences than maxSentences', async () => {
    const { summary } = await new EmbeddedSummariser({ maxSentences: 1, lengthShare: 1 }).summarise(LEASE);
    expect(summary.split(/(?<=\.) /)).toHaveLength(1);
    expect(summary).toContain('monthly rent for the flat');
  });

  it('gives three to five key points of at most 120 characters each', async () => {
    // Prepare
    const long = `${'The rent clause '.repeat(12)}ends here.`;
    // Act
    const { keyPoints } = await new EmbeddedSummariser().summarise(`${LEASE} ${long}`);
    // Assess
    expect(keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(keyPoints.length).toBeLessThanOrEqual(5);
    for (const point of keyPoints) expect(point.length).toBeLessThanOrEqual(120);
  });

  it('returns an empty summary for empty text', async () => {
    expect(await new EmbeddedSummariser().summarise('   ')).toEqual({ summary: '', keyPoints: [] });
  });

  it('does not repeat a sentence that appears twice', async () => {
    // Prepare
    const repeated = `${LEASE} The tenant pays the monthly rent for the flat on the first day of each month.`;
    // Act
    const { summary } = await new EmbeddedSummariser({ lengthShare: 1 }).summarise(repeated);
    // Assess
    expect(summary.split('The tenant pays').length - 1).toBe(1);
  });
});

describe('trimKeyPoint', () => {
  it('cuts a long sentence at a word boundary and marks the cut', () => {
    const point = trimKeyPoint('word '.repeat(40).trim(), 30);
    expect(point).toBe('word word word word word word…');
    expect(trimKeyPoint('  short   one ')).toBe('short one');
  });
});
