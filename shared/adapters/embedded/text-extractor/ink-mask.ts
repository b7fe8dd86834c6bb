/** A binary image of the same size as the page it was taken from: 1 where a pixel is ink, 0 where it is paper. */
export interface InkMask {
  readonly width: number;
  readonly height: number;
  readonly ink: Uint8Array;
}
