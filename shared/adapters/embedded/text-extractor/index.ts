export {
  createEmbeddedTextExtractor,
  EmbeddedTextExtractor,
  type EmbeddedTextExtractorOptions,
} from './embedded-text-extractor.js';
export { readPdfTextLayers } from './pdf-pages.js';
