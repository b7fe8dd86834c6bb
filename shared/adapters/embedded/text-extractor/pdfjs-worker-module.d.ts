/** pdfjs-dist ships no type declarations for its worker module; the extractor reads only this export. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
