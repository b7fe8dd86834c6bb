export { EmbeddedSummariser, type EmbeddedSummariserOptions } from './embedded-summariser.js';
export { splitSentences, type SentenceSpan } from './sentence-splitter.js';
