/**
 * Stands in, in a Lambda bundle, for a package that modules in the bundle import but that the stage never calls on
 * Lambda (the OCR engine, its word list's names and the native canvas beside the PDF text-layer reader, whose OCR
 * Textract does there). It is CommonJS so that any named or default import of it resolves: every property is another
 * stand-in, which throws when called or constructed, so reading a constant at load time works and using the package
 * fails loudly.
 */
function absent(name: string): unknown {
  const fail = (): never => {
    throw new Error(`${name} is left out of this Lambda bundle: the stage does not run the code that needs it`);
  };
  return new Proxy(fail, {
    get: (_target, key) => (typeof key === 'string' && key !== 'then' ? absent(`${name}.${key}`) : undefined),
    apply: fail,
    construct: fail,
  });
}

export = absent('package');
