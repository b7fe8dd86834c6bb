import type { GrayRaster } from './gray-raster.js';
import type { PixelBox } from './ocr-words.js';

/** The part of a raster inside `box` grown by `margin` pixels (clipped to the raster). */
export function cropRaster(raster: GrayRaster, box: PixelBox, margin: number): GrayRaster {
  const x0 = Math.max(0, Math.floor(box.x0 - margin));
  const y0 = Math.max(0, Math.floor(box.y0 - margin));
  const x1 = Math.min(raster.width, Math.ceil(box.x1 + margin));
  const y1 = Math.min(raster.height, Math.ceil(box.y1 + margin));
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const pixels = new Uint8Array(width * height);
  for (let row = 0; row < height; row += 1) {
    const start = (y0 + row) * raster.width + x0;
    pixels.set(raster.pixels.subarray(start, start + width), row * width);
  }
  return { width, height, pixels };
}

/** A raster turned a quarter turn clockwise (`clockwise`) or anticlockwise. */
export function rotateQuarter(raster: GrayRaster, clockwise: boolean): GrayRaster {
  const { width, height } = raster;
  const pixels = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      // Clockwise, (x, y) goes to (height - 1 - y, x); anticlockwise to (y, width - 1 - x). The result is `height` wide.
      const target = clockwise ? x * height + (height - 1 - y) : (width - 1 - x) * height + y;
      pixels[target] = raster.pixels[y * width + x] ?? 255;
    }
  }
  return { width: height, height: width, pixels };
}

/** A raster with `border` pixels of white paper around it. */
export function padRaster(raster: GrayRaster, border: number): GrayRaster {
  const width = raster.width + 2 * border;
  const height = raster.height + 2 * border;
  const pixels = new Uint8Array(width * height).fill(255);
  for (let row = 0; row < raster.height; row += 1) {
    pixels.set(raster.pixels.subarray(row * raster.width, (row + 1) * raster.width), (row + border) * width + border);
  }
  return { width, height, pixels };
}
