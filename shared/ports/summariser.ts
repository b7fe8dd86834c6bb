export interface Summary {
  /** A few sentences. */
  readonly summary: string;
  /** Short bullet-style key points. */
  readonly keyPoints: readonly string[];
  /** Model token usage when an LLM produced the summary. */
  readonly usage?: { readonly inputTokens: number; readonly outputTokens: number };
}

/** Port: summarises a document (Bedrock Converse on AWS, extractive summariser locally). */
export interface Summariser {
  summarise(text: string): Promise<Summary>;
}
