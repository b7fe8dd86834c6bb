export { EmbeddedPiiDetector, defaultRecognizers, type EmbeddedPiiDetectorOptions } from './embedded-pii-detector.js';
export type { PiiRecognizer } from './recognizer.js';
export { AnalysedText } from './analysed-text.js';
export { resolveOverlaps } from './resolve-overlaps.js';
