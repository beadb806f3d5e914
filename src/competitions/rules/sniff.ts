export const ASSET_ROLES = ['video', 'poster', 'document'] as const;
export type AssetRole = (typeof ASSET_ROLES)[number];

/** The types each role accepts, decided from the file's first bytes, never from its name. */
export const ACCEPTED_TYPES: Record<AssetRole, readonly string[]> = {
  video: ['video/mp4', 'video/quicktime', 'video/webm'],
  poster: ['image/png', 'image/jpeg', 'image/webp'],
  document: ['application/pdf'],
};

/** How many leading bytes `sniff` wants to see (fewer is fine for a tiny file). */
export const SNIFF_BYTES = 64;

const ascii = (b: Buffer, start: number, end: number) => b.subarray(start, end).toString('latin1');
const startsWith = (b: Buffer, bytes: number[]) =>
  b.length >= bytes.length && bytes.every((v, i) => b[i] === v);

/**
 * ISO base media files (MP4, QuickTime, but also HEIC and AVIF photos, M4A audio, 3GP) all open
 * with an ftyp box; its major brand says which one this is. Only brands written by video encoders
 * and cameras count as MP4 video, so a photo or a song renamed to .mp4 is refused.
 */
// prettier-ignore
const MP4_VIDEO_BRANDS = new Set([
  'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9',
  'mp41', 'mp42', 'avc1', 'mmp4', 'dash', 'M4V ', 'M4VH', 'M4VP', 'f4v ', 'XAVC', 'MSNV',
]);
const QUICKTIME_BRAND = 'qt  ';

/** QuickTime files without an ftyp box open with one of these atoms. */
const QUICKTIME_ATOMS = ['moov', 'mdat', 'wide', 'free', 'skip', 'pnot'];

/** The media type the content really has, or null when it is none Kenal accepts. */
export function sniff(head: Buffer): string | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (head.length >= 12 && ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') {
    return 'image/webp';
  }
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (brand === QUICKTIME_BRAND) return 'video/quicktime';
    return MP4_VIDEO_BRANDS.has(brand) ? 'video/mp4' : null;
  }
  if (head.length >= 8 && QUICKTIME_ATOMS.includes(ascii(head, 4, 8))) return 'video/quicktime';
  // EBML header; the DocType says whether this Matroska container is WebM.
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3]) && head.includes('webm', 4, 'latin1')) {
    return 'video/webm';
  }
  return null;
}

export const acceptedFor = (role: AssetRole, mime: string | null): mime is string =>
  mime !== null && ACCEPTED_TYPES[role].includes(mime);
