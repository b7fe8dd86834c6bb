/**
 * pdfjs-dist's legacy build (the embedded text extractor's PDF reader) bundles core-js, which on Node 20 replaces
 * JSON.stringify, JSON.parse and Array.prototype.push with JavaScript wrappers the moment it is imported (core-js
 * forces them because Node 20 has no JSON.rawJSON and for a length edge case of push). The wrappers are 5–8 times
 * slower and, being global, slow down every later JSON request of the AWS SDK, the state machine engine's JSONPath
 * work, the execution history, and every array the NLP adapters build, in the whole process. The natives are
 * captured when this module loads, which must come before pdf.js's modules load (pdf-document.ts imports them only
 * on first use, for that reason), and put back as soon as both have loaded: Node's own functions already behave as
 * the specification says for everything docpipe and pdfjs ask of them.
 */

interface Builtins {
  readonly stringify: typeof JSON.stringify;
  readonly parse: typeof JSON.parse;
  readonly push: typeof Array.prototype.push;
}

/** core-js leaves this global behind; if it is already there, what this module would capture may not be native. */
const CORE_JS_MARK = '__core-js_shared__';

const captured: Builtins | undefined =
  CORE_JS_MARK in globalThis ? undefined : { stringify: JSON.stringify, parse: JSON.parse, push: Array.prototype.push };

/**
 * Puts back the functions captured at load where a library replaced them. Returns the names restored (none when
 * nothing was replaced, or when core-js had loaded before this module and the natives are unknown).
 */
export function restoreNativeBuiltins(): string[] {
  if (!captured) return [];
  const restored: string[] = [];
  const put = <T extends object, K extends keyof T & string>(owner: T, name: string, key: K, native: T[K]): void => {
    if (owner[key] === native) return;
    // Defined as the original was: a plain assignment could leave core-js's attributes (an enumerable push would show
    // up in every for...in over an array).
    Object.defineProperty(owner, key, { value: native, writable: true, configurable: true, enumerable: false });
    restored.push(name);
  };
  put(JSON, 'JSON.stringify', 'stringify', captured.stringify);
  put(JSON, 'JSON.parse', 'parse', captured.parse);
  put(Array.prototype, 'Array.prototype.push', 'push', captured.push);
  return restored;
}
