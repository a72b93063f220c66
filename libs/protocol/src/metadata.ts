/**
 * Kinds of file metadata the server removes from every upload (images re-encoded without EXIF, XMP,
 * IPTC or text chunks; PDFs without their Info dictionary and XMP). Upload responses list the kinds
 * that were present, never their values, so the uploader can be told what was taken out.
 */
export const RemovedMetadata = {
  Location: 'location',
  Camera: 'camera',
  Date: 'date',
  Author: 'author',
  Title: 'title',
  Comment: 'comment',
  Software: 'software',
  Other: 'other',
} as const;

export type RemovedMetadata = (typeof RemovedMetadata)[keyof typeof RemovedMetadata];

/** What the uploader reads for each kind: "Removed location and camera details". */
export const REMOVED_METADATA_LABELS: Record<RemovedMetadata, string> = {
  location: 'location',
  camera: 'camera',
  date: 'date taken',
  author: 'author',
  title: 'title and subject',
  comment: 'comments',
  software: 'software',
  other: 'other',
};

/** "Removed location and camera details" from `['location', 'camera']`; '' when nothing was removed. */
export function removedMetadataSentence(removed: readonly RemovedMetadata[]): string {
  const labels = removed.map((kind) => REMOVED_METADATA_LABELS[kind]);
  if (labels.length === 0) return '';
  const list = labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
  return `Removed ${list} details`;
}
