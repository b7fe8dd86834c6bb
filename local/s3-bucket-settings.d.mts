/** Makes s3rver's file store keep bucket settings in memory and write a PUT's two small files at once (s3-bucket-settings.mjs). */
export function installBucketSettingsCache(): void;
