import { alternatingRounds, warmUpCount } from '../../../bench/parts/throughput.js';
import { combine } from '../../../bench/lib/resources.js';

describe('throughput rounds', () => {
  it('cuts a batch into consecutive rounds of near-equal size, alternating which side goes first', () => {
    const rounds = alternatingRounds(Array.from({ length: 10 }, (_, index) => index), 4);

    expect(rounds.map((round) => round.documents)).toEqual([[0, 1], [2, 3, 4], [5, 6], [7, 8, 9]]);
    expect(rounds.map((round) => round.pipelineFirst)).toEqual([true, false, true, false]);
  });

  it('makes no empty round when there are fewer documents than rounds', () => {
    expect(alternatingRounds(['a', 'b'], 4).map((round) => round.documents)).toEqual([['a'], ['b']]);
  });

  it('warms up with a share of the batch, never fewer than two documents', () => {
    expect([warmUpCount(100, 0.1), warmUpCount(60, 0.1), warmUpCount(6, 0.1)]).toEqual([10, 6, 2]);
  });

  it('warms up with the count given for a class instead of the share, even one larger than the batch', () => {
    expect([warmUpCount(200, 0.1, 200), warmUpCount(200, 0.1, 1), warmUpCount(6, 0.1, 50), warmUpCount(200, 0.1, undefined)]).toEqual([200, 1, 50, 20]);
  });

  it('adds the rounds\' wall and CPU times and keeps the highest peak memory', () => {
    expect(
      combine([
        { wallMs: 100, cpuMs: 150, peakRssBytes: 5 },
        { wallMs: 50, cpuMs: 60, peakRssBytes: 9 },
      ]),
    ).toEqual({ wallMs: 150, cpuMs: 210, peakRssBytes: 9 });
  });
});
