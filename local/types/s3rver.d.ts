declare module 's3rver' {
  import { EventEmitter } from 'node:events';
  interface S3rverOptions {
    address?: string;
    port?: number;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
    configureBuckets?: { name: string; configs?: (string | Buffer)[] }[];
  }
  class S3rver extends EventEmitter {
    /** The listening server, once run() resolved. */
    readonly httpServer?: import('node:http').Server;
    constructor(options?: S3rverOptions);
    run(): Promise<{ address: string; port: number; family: string }>;
    close(): Promise<void>;
  }
  export default S3rver;
}

/** s3rver's file store, the part of it local/s3-key-paths.mjs, s3-complete-puts.mjs and s3-bucket-settings.mjs change (and test). */
declare module 's3rver/lib/stores/filesystem.js' {
  interface StoredObject {
    bucket: string;
    key: string;
    content: Buffer | NodeJS.ReadableStream;
    metadata: Record<string, string>;
  }
  class FilesystemStore {
    constructor(rootDirectory: string);
    readonly rootDirectory: string;
    getResourcePath(bucket: string, key?: string, resource?: string): string;
    putObject(object: StoredObject): Promise<{ size: number; md5: string }>;
    putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5?: string): Promise<void>;
    putBucket(bucket: string): Promise<unknown>;
    deleteBucket(bucket: string): Promise<void>;
    getSubresource(bucket: string, key: string | undefined, type: string): Promise<S3Config | null>;
    putSubresource(bucket: string, key: string | undefined, resource: S3Config): Promise<void>;
    deleteSubresource(bucket: string, key: string | undefined, type: string): Promise<void>;
  }
  /** A bucket or object setting (CORS, website, tagging) as s3rver models it. */
  export interface S3Config {
    readonly type: string;
    toXML(space?: number): string;
  }
  export default FilesystemStore;
}

/** s3rver's settings models: the class for a setting's type, which parses its XML. */
declare module 's3rver/lib/models/config.js' {
  import type { S3Config } from 's3rver/lib/stores/filesystem.js';
  export function getConfigModel(type: 'cors' | 'website' | 'tagging'): new (xml: string) => S3Config;
}
