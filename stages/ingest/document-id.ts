/** A document's id is derived from its content, so the same bytes under any key are the same document. */
export function documentIdFor(sha256Hex: string): string {
  return `doc-${sha256Hex.slice(0, 24)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
