import { labelInkComponents } from '../../../shared/adapters/embedded/text-extractor/ink-components.js';

describe('labelling the blobs of ink on a page', () => {
  it('finds each 8-connected blob with its area and bounding box', () => {
    // Prepare: a diagonal pair of pixels (one blob, touching at a corner) and an L of three pixels.
    const rows = ['#.....', '.#..#.', '....##', '......'];
    const ink = Uint8Array.from(rows.join('').split(''), (cell) => (cell === '#' ? 1 : 0));

    // Act
    const components = labelInkComponents({ width: 6, height: 4, ink });

    // Assess
    const blobs = Array.from({ length: components.count }, (_, label) => ({
      area: components.area[label],
      box: [components.left[label], components.top[label], components.right[label], components.bottom[label]],
    }));
    expect(blobs).toEqual([
      { area: 2, box: [0, 0, 1, 1] },
      { area: 3, box: [4, 1, 5, 2] },
    ]);
    expect([components.labels[0], components.labels[7], components.labels[6]]).toEqual([0, 0, -1]);
  });
});
