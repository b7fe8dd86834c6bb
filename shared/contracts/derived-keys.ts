/** Keys of derived objects in the derived bucket (never the upload bucket, so the pipeline never triggers itself). */
export const derivedKeys = {
  pages: (documentId: string): string => `extracted/${documentId}/pages.json`,
  redactedPages: (documentId: string): string => `redacted/${documentId}/pages.json`,
  summary: (documentId: string): string => `summaries/${documentId}.json`,
};
