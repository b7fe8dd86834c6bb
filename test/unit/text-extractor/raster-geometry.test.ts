import type { GrayRaster } from '../../../shared/adapters/embedded/text-extractor/gray-raster.js';
import { cropRaster, padRaster, rotateQuarter } from '../../../shared/adapters/embedded/text-extractor/raster-geometry.js';

function raster(width: number, height: number, values: number[]): GrayRaster {
  return { width, height, pixels: Uint8Array.from(values) };
}

describe('cutting out and turning a piece of a raster', () => {
  // 3 wide, 2 high:  1 2 3
  //                  4 5 6
  const source = raster(3, 2, [1, 2, 3, 4, 5, 6]);

  it('turns a raster a quarter turn either way, and back', () => {
    // Act
    const clockwise = rotateQuarter(source, true);
    const anticlockwise = rotateQuarter(source, false);

    // Assess
    expect([clockwise.width, clockwise.height, [...clockwise.pixels]]).toEqual([2, 3, [4, 1, 5, 2, 6, 3]]);
    expect([anticlockwise.width, anticlockwise.height, [...anticlockwise.pixels]]).toEqual([2, 3, [3, 6, 2, 5, 1, 4]]);
    expect(rotateQuarter(clockwise, false)).toEqual(source);
  });

  it('cuts out a box grown by a margin, clipped to the raster, and pads with white', () => {
    // Act
    const cut = cropRaster(source, { x0: 1, y0: 1, x1: 2, y1: 2 }, 1);
    const padded = padRaster(raster(1, 1, [0]), 1);

    // Assess
    expect([cut.width, cut.height, [...cut.pixels]]).toEqual([3, 2, [1, 2, 3, 4, 5, 6]]);
    expect([...cropRaster(source, { x0: 2, y0: 0, x1: 3, y1: 1 }, 0).pixels]).toEqual([3]);
    expect([padded.width, padded.height, [...padded.pixels]]).toEqual([3, 3, [255, 255, 255, 255, 0, 255, 255, 255, 255]]);
  });
});
