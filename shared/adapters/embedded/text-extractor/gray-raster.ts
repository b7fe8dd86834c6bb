/** An 8-bit grayscale image, row-major, one byte a pixel (0 black, 255 white). */
export interface GrayRaster {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/**
 * Converts opaque RGBA pixels (as a canvas returns them) to luminance with the BT.601 weights, in fixed point.
 * Callers composite onto white first, so the alpha channel is ignored.
 */
export function grayRasterFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GrayRaster {
  const pixels = new Uint8Array(width * height);
  for (let target = 0, source = 0; target < pixels.length; target += 1, source += 4) {
    const red = rgba[source] ?? 255;
    const green = rgba[source + 1] ?? 255;
    const blue = rgba[source + 2] ?? 255;
    pixels[target] = (77 * red + 150 * green + 29 * blue) >> 8;
  }
  return { width, height, pixels };
}

/**
 * Encodes a raster as binary PGM (P5). Leptonica, inside the OCR engine, reads it natively, and unlike PNG it
 * costs no compression time for an image that only travels to a worker thread.
 */
export function encodePgm(raster: GrayRaster): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${raster.width} ${raster.height}\n255\n`);
  const bytes = new Uint8Array(header.length + raster.pixels.length);
  bytes.set(header, 0);
  bytes.set(raster.pixels, header.length);
  return bytes;
}
