import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/**
 * The AWS SDK's generated schema modules (`@aws-sdk/<client>/dist-es/schemas/schemas_0.js`, and the nested clients'
 * under `dist-es/submodules/<client>/schemas/`): one module per client holding a schema for every operation and shape.
 */
export const SDK_SCHEMA_MODULE = /[\\/]node_modules[\\/]@aws-sdk[\\/][^\\/]+[\\/]dist-es[\\/](?:.+[\\/])?schemas[\\/][^\\/]+\.js$/;

/** A module-level `const _Name = "text";`, as the SDK's code generator declares the names its schemas share. */
const NAME_CONSTANT = /^const (_\w+) = ("[^"\\\n]*");$/gm;

/** A computed key `[_Name]:` opening an object literal or following a comma. */
const COMPUTED_NAME_KEY = /([{,]\s*)\[(_\w+)\]:/g;

/**
 * Writes the computed keys of a schema module that name one of its string constants (`{ [_h]: ... }`, where
 * `const _h = "http";`) as the plain keys they stand for (`{ "http": ... }`): the same objects, written so that
 * esbuild can tell that building them has no side effects. Otherwise it must keep every operation's schema, since a
 * computed key could run code, and with each schema the shapes it refers to: about 60 KB of the S3 client's 70 KB of
 * schemas in a stage that sends four of its hundred operations. Keys naming anything else stay as they are.
 */
export function literalSchemaKeys(source: string): string {
  const names = new Map<string, string>();
  for (const [, name, text] of source.matchAll(NAME_CONSTANT)) if (name !== undefined && text !== undefined) names.set(name, text);
  return source.replace(COMPUTED_NAME_KEY, (whole: string, before: string, name: string) => {
    const text = names.get(name);
    return text === undefined ? whole : `${before}${text}:`;
  });
}

/** esbuild plugin applying literalSchemaKeys to the SDK's schema modules as they load. */
export function sdkSchemaKeysPlugin(): Plugin {
  return {
    name: 'docpipe-sdk-schema-keys',
    setup(build) {
      build.onLoad({ filter: SDK_SCHEMA_MODULE }, async (args) => ({ contents: literalSchemaKeys(await readFile(args.path, 'utf8')), loader: 'js' }));
    },
  };
}
