/** Makes s3rver's file store answer a PUT only once the object is on disk (s3-complete-puts.mjs). */
export function installCompletePuts(): void;
