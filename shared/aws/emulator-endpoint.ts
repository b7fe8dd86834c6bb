/** The local emulators (s3rver, dynalite) accept this fixed key pair and no real one. */
export const EMULATOR_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** Whether an endpoint setting points at this machine: a local emulator, not AWS. */
export function isLoopback(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(endpoint).hostname);
  } catch {
    return false;
  }
}
