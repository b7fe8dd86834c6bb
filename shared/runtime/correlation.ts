/** Ids that tie every log line and trace of one document together, read from any stage's input. */
export interface Correlation {
  documentId?: string;
  uploadId?: string;
  executionId?: string;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

export function correlationOf(event: unknown): Correlation {
  const document = field(event, 'document') ?? field(field(event, 'state'), 'document');
  const correlation: Correlation = {};
  const documentId = text(field(document, 'documentId'));
  const uploadId = text(field(document, 'uploadId'));
  const executionId = text(field(event, 'executionId'));
  if (documentId) correlation.documentId = documentId;
  if (uploadId) correlation.uploadId = uploadId;
  if (executionId) correlation.executionId = executionId;
  return correlation;
}
