// s3rver reads a bucket's CORS and website settings from their files on every request (its CORS and website
// middleware run before each GET and PUT), and writes an object's MD5 and metadata files one after the other: each
// request waits for file-system round trips that are not its own work. The emulators' thread owns the data folder and
// every settings change goes through the store, so a bucket's settings can be kept in memory from the first read
// until a change, and the two small files of a PUT can be written at once. Plain JavaScript: it runs in the emulators'
// worker thread (emulator-thread.mjs).
import { writeFile } from 'node:fs/promises';
import S3Object from 's3rver/lib/models/object.js';
import FilesystemStore from 's3rver/lib/stores/filesystem.js';

/** Metadata s3rver keeps for an object, besides the user's own `x-amz-meta-*` entries. */
const ALLOWED_METADATA = new Set(S3Object.ALLOWED_METADATA);

/**
 * Makes s3rver's file store keep each bucket's settings (CORS, website: a settings model, or null for none) once read,
 * forgotten when they are put or deleted, or the bucket (or the whole store) is deleted; object-level settings
 * (tagging) are read from disk as before. And putMetadata writes its two files concurrently, both done before it
 * resolves.
 */
export function installBucketSettingsCache() {
  const read = FilesystemStore.prototype.getSubresource;
  const put = FilesystemStore.prototype.putSubresource;
  const remove = FilesystemStore.prototype.deleteSubresource;
  const removeBucket = FilesystemStore.prototype.deleteBucket;
  /** Per store: bucket name → settings type → the read's promise. @type {WeakMap<object, Map<string, Map<string, Promise<unknown>>>>} */
  const caches = new WeakMap();
  const settingsOf = (store, bucket) => {
    let buckets = caches.get(store);
    if (!buckets) caches.set(store, (buckets = new Map()));
    let settings = buckets.get(bucket);
    if (!settings) buckets.set(bucket, (settings = new Map()));
    return settings;
  };
  const isBucketLevel = (key) => key === undefined || key === '';
  /** Runs a change of one setting with its cached value forgotten before and after (a read during it is not kept). */
  const changing = async (store, bucket, type, change) => {
    const settings = settingsOf(store, bucket);
    settings.delete(type);
    try {
      return await change();
    } finally {
      settings.delete(type);
    }
  };

  FilesystemStore.prototype.getSubresource = function getSubresource(bucket, key, type) {
    if (!isBucketLevel(key)) return read.call(this, bucket, key, type);
    const settings = settingsOf(this, bucket);
    let found = settings.get(type);
    if (!found) {
      found = read.call(this, bucket, key, type);
      settings.set(type, found);
      // A read that failed (a missing file is not a failure: it gives null) is not kept.
      found.catch(() => {
        if (settings.get(type) === found) settings.delete(type);
      });
    }
    return found;
  };
  FilesystemStore.prototype.putSubresource = function putSubresource(bucket, key, resource) {
    if (!isBucketLevel(key)) return put.call(this, bucket, key, resource);
    return changing(this, bucket, resource.type, () => put.call(this, bucket, key, resource));
  };
  FilesystemStore.prototype.deleteSubresource = function deleteSubresource(bucket, key, type) {
    if (!isBucketLevel(key)) return remove.call(this, bucket, key, type);
    return changing(this, bucket, type, () => remove.call(this, bucket, key, type));
  };
  FilesystemStore.prototype.deleteBucket = async function deleteBucket(bucket) {
    try {
      return await removeBucket.call(this, bucket);
    } finally {
      caches.get(this)?.delete(bucket);
    }
  };

  const reset = FilesystemStore.prototype.reset;
  FilesystemStore.prototype.reset = function resetStore() {
    caches.delete(this);
    return reset.call(this);
  };

  FilesystemStore.prototype.putMetadata = async function putMetadata(bucket, key, metadata, md5) {
    const kept = Object.fromEntries(Object.entries(metadata).filter(([name]) => ALLOWED_METADATA.has(name) || name.startsWith('x-amz-meta-')));
    const writes = [writeFile(this.getResourcePath(bucket, key, 'metadata.json'), JSON.stringify(kept, null, 2))];
    if (md5) writes.push(writeFile(this.getResourcePath(bucket, key, 'object.md5'), md5));
    await Promise.all(writes);
  };
}
