import type { Classifier } from '../ports/classifier.js';
import type { PiiDetector } from '../ports/pii-detector.js';
import type { SearchIndex } from '../ports/search-index.js';
import type { Summariser } from '../ports/summariser.js';
import type { ExtractedPage, ExtractionRequest, TextExtractor } from '../ports/text-extractor.js';
import { callFingerprint } from './fault-draw.js';
import type { FaultInjector } from './fault-injector.js';

/** A port's getter, as the stages receive it (adapters are created on first use). */
export type PortGetter<T> = () => Promise<T>;

/** The adapters the stages call, each wrapped so DOCPIPE_FAULTS may fail its calls before they reach the adapter. */
export interface FaultablePorts {
  readonly textExtractor: PortGetter<TextExtractor>;
  readonly classifier: PortGetter<Classifier>;
  readonly piiDetector: PortGetter<PiiDetector>;
  readonly summariser: PortGetter<Summariser>;
  readonly searchIndex: PortGetter<SearchIndex>;
}

export function withFaults(ports: FaultablePorts, faults: FaultInjector): FaultablePorts {
  if (!faults.active) return ports;
  return {
    textExtractor: async () => faultyTextExtractor(await ports.textExtractor(), faults),
    classifier: async () => {
      const inner = await ports.classifier();
      return {
        classify: async (text) => {
          faults.beforeCall('classify', callFingerprint(text));
          return inner.classify(text);
        },
      };
    },
    piiDetector: async () => {
      const inner = await ports.piiDetector();
      return {
        detect: async (text) => {
          faults.beforeCall('pii', callFingerprint(text));
          return inner.detect(text);
        },
      };
    },
    summariser: async () => {
      const inner = await ports.summariser();
      return {
        summarise: async (text) => {
          faults.beforeCall('summarise', callFingerprint(text));
          return inner.summarise(text);
        },
      };
    },
    searchIndex: async () => {
      const inner = await ports.searchIndex();
      return {
        ensureIndex: () => inner.ensureIndex(),
        upsert: async (document) => {
          faults.beforeCall('index', callFingerprint(document.documentId));
          return inner.upsert(document);
        },
        search: (query) => inner.search(query),
        close: () => inner.close(),
      };
    },
  };
}

function faultyTextExtractor(inner: TextExtractor, faults: FaultInjector): TextExtractor {
  return {
    extractPages: (request: ExtractionRequest): AsyncIterable<ExtractedPage> => ({
      [Symbol.asyncIterator]: () => {
        // The fault strikes when the first page is asked for, as a service failing its first response would.
        faults.beforeCall('extract', callFingerprint(request.bytes));
        return inner.extractPages(request)[Symbol.asyncIterator]();
      },
    }),
    ...(inner.asyncJobs ? { asyncJobs: inner.asyncJobs } : {}),
    close: () => inner.close(),
  };
}
