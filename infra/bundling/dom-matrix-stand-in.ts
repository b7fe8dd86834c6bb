/**
 * What a Lambda bundle gives pdf.js for the browser's `DOMMatrix` (esbuild `inject`: the bundled code's free
 * `DOMMatrix` identifiers refer to this class). In Node, pdf.js takes `DOMMatrix` from @napi-rs/canvas, which the
 * bundles leave out, and its main module builds one matrix when it loads; only drawing on a canvas uses matrices, so
 * reading text layers needs nothing more than an identity matrix that can be created.
 */
export class DOMMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
}
