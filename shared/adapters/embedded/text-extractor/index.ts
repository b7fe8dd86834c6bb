export {
  createEmbeddedTextExtractor,
  EmbeddedTextExtractor,
  type EmbeddedTextExtractorOptions,
} from './embedded-text-extractor.js';
