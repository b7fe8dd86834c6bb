// s3rver stores an object at <root>/<bucket>/<key's segments>, joined as a file path, so a key with `..` segments
// (a valid S3 key: keys are opaque strings) would be written outside its data folder, and `.` or empty segments
// would be folded into other keys. Such segments are stored under a marker instead: reversible, so listings give the
// keys back exactly, and a store written before this change reads the same (its paths hold no marker).
import { join } from 'node:path';
import FilesystemStore from 's3rver/lib/stores/filesystem.js';

/** Marks a stored path segment that stands for a different key segment; a key segment starting with it is escaped too. */
const MARK = '%docpipe%';
const SPECIAL_SEGMENTS = new Set(['', '.', '..']);

/** @param {string} key */
export function encodeKeyPath(key) {
  return key
    .split('/')
    .map((segment) => (SPECIAL_SEGMENTS.has(segment) || segment.startsWith(MARK) ? MARK + segment : segment))
    .join('/');
}

/** @param {string} keyPath */
export function decodeKeyPath(keyPath) {
  return keyPath
    .split('/')
    .map((segment) => (segment.startsWith(MARK) ? segment.slice(MARK.length) : segment))
    .join('/');
}

/**
 * Makes s3rver's file store place objects through `encodeKeyPath` and read listed paths back through `decodeKeyPath`.
 * Its own static encoder stays as it is for prefixes and delimiters of listings, which are matched against stored
 * paths as plain text (a listing's prefix that ends inside a marked segment finds nothing there: no escape is
 * possible either way).
 */
export function installSafeKeyPaths() {
  const plainDecode = FilesystemStore.decodeKeyPath;
  FilesystemStore.prototype.getResourcePath = function getResourcePath(bucket, key = '', resource) {
    const parts = encodeKeyPath(FilesystemStore.encodeKeyPath(key)).split('/');
    const last = parts.pop() ?? '';
    return join(this.rootDirectory, bucket, ...parts, `${last}._S3rver_${resource}`);
  };
  FilesystemStore.decodeKeyPath = (keyPath) => decodeKeyPath(plainDecode(keyPath));
}
