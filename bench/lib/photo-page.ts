/**
 * A camera-style picture of a page: the page a little rotated and off-centre on a darker desk, lit unevenly (a bright
 * spot fading to darker corners), with sensor noise, saved as JPEG.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import type { Rng } from '../../fixtures/content/prng.js';

const PHOTO_WIDTH = 1600;
const PHOTO_HEIGHT = 2100;
const JPEG_QUALITY = 80;
/** Largest rotation either way, in degrees. */
const MAX_ROTATION = 3;
/** Largest noise added to a channel either way. */
const NOISE = 14;

export async function photographPage(png: Uint8Array, rng: Rng): Promise<Buffer> {
  const page = await loadImage(Buffer.from(png));
  const canvas = createCanvas(PHOTO_WIDTH, PHOTO_HEIGHT);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = `rgb(${rng.int(70, 100)}, ${rng.int(60, 85)}, ${rng.int(45, 70)})`;
  ctx.fillRect(0, 0, PHOTO_WIDTH, PHOTO_HEIGHT);

  const scale = Math.min(PHOTO_WIDTH / page.width, PHOTO_HEIGHT / page.height) * (0.86 + rng.next() * 0.06);
  ctx.save();
  ctx.translate(PHOTO_WIDTH / 2 + rng.int(-30, 30), PHOTO_HEIGHT / 2 + rng.int(-30, 30));
  ctx.rotate(((rng.next() * 2 - 1) * MAX_ROTATION * Math.PI) / 180);
  ctx.drawImage(page, (-page.width * scale) / 2, (-page.height * scale) / 2, page.width * scale, page.height * scale);
  ctx.restore();

  const light = ctx.createRadialGradient(
    PHOTO_WIDTH * (0.3 + rng.next() * 0.4),
    PHOTO_HEIGHT * (0.25 + rng.next() * 0.3),
    PHOTO_WIDTH * 0.1,
    PHOTO_WIDTH / 2,
    PHOTO_HEIGHT / 2,
    PHOTO_HEIGHT * 0.8,
  );
  light.addColorStop(0, 'rgba(255, 250, 235, 0)');
  light.addColorStop(1, `rgba(40, 35, 30, ${(0.35 + rng.next() * 0.15).toFixed(2)})`);
  ctx.fillStyle = light;
  ctx.fillRect(0, 0, PHOTO_WIDTH, PHOTO_HEIGHT);

  const image = ctx.getImageData(0, 0, PHOTO_WIDTH, PHOTO_HEIGHT);
  const data = image.data;
  for (let offset = 0; offset < data.length; offset += 4) {
    const grain = (rng.next() + rng.next() - 1) * NOISE;
    data[offset] = (data[offset] ?? 0) + grain;
    data[offset + 1] = (data[offset + 1] ?? 0) + grain;
    data[offset + 2] = (data[offset + 2] ?? 0) + grain;
  }
  ctx.putImageData(image, 0, 0);
  return canvas.toBuffer('image/jpeg', JPEG_QUALITY);
}
