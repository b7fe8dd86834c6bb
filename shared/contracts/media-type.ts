export const MEDIA_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/tiff', 'text/plain'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];
