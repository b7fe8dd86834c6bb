import { createCanvas, type Image } from '@napi-rs/canvas';
import { grayRasterFromRgba, type GrayRaster } from './gray-raster.js';
import type { OcrScaling } from './ocr-scaling.js';

/**
 * Resamples a decoded image for OCR: scaled with high-quality smoothing, composited onto white (so transparent
 * pixels do not turn black) and converted to grayscale.
 */
export function rasterizeForOcr(image: Image, scaling: OcrScaling): GrayRaster {
  const width = Math.max(1, Math.round(image.width * scaling.scaleX));
  const height = Math.max(1, Math.round(image.height * scaling.scaleY));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(image, 0, 0, width, height);
  return grayRasterFromRgba(context.getImageData(0, 0, width, height).data, width, height);
}
