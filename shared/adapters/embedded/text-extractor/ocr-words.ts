/** A rectangle in image pixels: x0/y0 inclusive top-left, x1/y1 exclusive bottom-right. */
export interface PixelBox {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** One word an OCR pass read, where it read it, and how sure the engine was (0-100, Tesseract's scale). */
export interface OcrWord {
  readonly text: string;
  readonly confidence: number;
  readonly box: PixelBox;
  /** The pass's own line the word belongs to: words with the same key were read as one line. */
  readonly line: number;
}

/** Everything one OCR pass over a page returned: its words in the pass's reading order. */
export interface OcrPass {
  readonly words: readonly OcrWord[];
}

export function boxArea(box: PixelBox): number {
  return Math.max(0, box.x1 - box.x0) * Math.max(0, box.y1 - box.y0);
}

/** The smallest box holding all the boxes given (which must not be empty). */
export function unionBox(boxes: readonly PixelBox[]): PixelBox {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const box of boxes) {
    x0 = Math.min(x0, box.x0);
    y0 = Math.min(y0, box.y0);
    x1 = Math.max(x1, box.x1);
    y1 = Math.max(y1, box.y1);
  }
  return { x0, y0, x1, y1 };
}

/** The area two boxes share (0 when they are apart or only touch). */
export function intersectionArea(a: PixelBox, b: PixelBox): number {
  const width = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const height = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return width <= 0 || height <= 0 ? 0 : width * height;
}

/** How much two boxes overlap, as a share of the smaller one's area (0: apart; 1: one inside the other). */
export function overlapShare(a: PixelBox, b: PixelBox): number {
  return intersectionArea(a, b) / Math.max(1, Math.min(boxArea(a), boxArea(b)));
}

/** How much two boxes overlap horizontally, as a share of the narrower one's width. */
export function horizontalOverlapShare(a: PixelBox, b: PixelBox): number {
  const width = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  if (width <= 0) return 0;
  return width / Math.max(1, Math.min(a.x1 - a.x0, b.x1 - b.x0));
}

/** How much two boxes overlap vertically, as a share of the shorter one's height. */
export function verticalOverlapShare(a: PixelBox, b: PixelBox): number {
  const height = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  if (height <= 0) return 0;
  return height / Math.max(1, Math.min(a.y1 - a.y0, b.y1 - b.y0));
}
