import { createHash } from 'node:crypto';

/**
 * A number in [0, 1) fixed by its parts: the same seed, port, call and attempt always draw the same number, whatever
 * order concurrent documents reach the port in.
 */
export function faultDraw(...parts: readonly (string | number)[]): number {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  return digest.readUIntBE(0, 6) / 2 ** 48;
}

/** A short fingerprint of a call's input (text, bytes or an id), so a retried call is recognised as the same call. */
export function callFingerprint(input: string | Uint8Array): string {
  return createHash('sha256').update(input).digest('hex').slice(0, 32);
}
