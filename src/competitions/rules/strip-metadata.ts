/**
 * Strips what names people from the copy of a file that a judge receives in a blind round:
 * EXIF (author, GPS, camera owner), XMP and comments in images, and the document information
 * (Author, Creator, Producer, Title, Subject, Keywords) and XMP metadata of PDFs.
 *
 * Pure and incremental: `write` takes the file's bytes in any chunking and answers the bytes to
 * send, `end` answers the rest; memory stays bounded by one image segment (64 KiB) whatever the
 * file's size. Only the image data and structure a viewer needs is kept:
 * - JPEG: every APPn segment goes except APP0 JFIF, APP2 ICC profile and APP14 Adobe (colour
 *   decoding needs them; they name no one), and every comment (COM); after the first scan
 *   (SOS) the bytes pass unchanged.
 * - PNG: tEXt, iTXt, zTXt and eXIf chunks go.
 * - WebP: EXIF and XMP chunks keep their place and length but their bytes become zeros, and
 *   the VP8X flags stop announcing them (the RIFF size stays right without buffering the file).
 * - PDF: rewritten in place, byte for byte the same length, so the cross-reference offsets stay
 *   valid: the strings after /Author, /Creator, /Producer, /Title, /Subject and /Keywords
 *   become spaces, and so does the content of every stream whose dictionary says
 *   /Type /Metadata (XMP), line breaks kept.
 *
 * Not covered (see the README's note on blind rounds): a PDF's Info values stored as indirect
 * objects or inside compressed object streams, names inside a PDF's page content or in image
 * pixels, and video containers (their metadata boxes are left as they are).
 */
export interface MetadataStripper {
  write(chunk: Buffer): Buffer;
  end(): Buffer;
}

/** A stripper for this media type, or null when Kenal does not strip it (videos). */
export function metadataStripper(mime: string): MetadataStripper | null {
  switch (mime) {
    case 'image/jpeg':
      return new SegmentWalker(jpegSegments());
    case 'image/png':
      return new SegmentWalker(pngChunks());
    case 'image/webp':
      return new SegmentWalker(webpChunks());
    case 'application/pdf':
      return new PdfInfoBlanker();
    default:
      return null;
  }
}

/** What to do with the bytes that follow a segment header. */
type Follow = 'copy' | 'skip' | 'zero' | 'pass';

interface Decision {
  /** Bytes of the header to send (possibly changed, or none when the segment goes). */
  out: Buffer;
  /** Header bytes taken from the input. */
  consumed: number;
  follow: Follow;
  /** How many bytes after the header `follow` applies to ('pass': the rest of the file). */
  length: number;
}

/** Reads the next header from `head`; null while it needs more bytes. */
type Parser = (head: Buffer) => Decision | null;

const EMPTY = Buffer.alloc(0);
const ascii = (b: Buffer, start: number, end: number) => b.subarray(start, end).toString('latin1');
const passAll = (): Decision => ({ out: EMPTY, consumed: 0, follow: 'pass', length: 0 });

/** Drives a segment parser over chunks: headers are parsed, bodies copied, skipped or zeroed. */
class SegmentWalker implements MetadataStripper {
  private pending = EMPTY;
  private follow: Follow | 'head' = 'head';
  private remaining = 0;

  constructor(private readonly parse: Parser) {}

  write(chunk: Buffer): Buffer {
    const out: Buffer[] = [];
    let data = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = EMPTY;
    while (data.length > 0) {
      if (this.follow === 'pass') {
        out.push(data);
        break;
      }
      if (this.follow === 'head') {
        const d = this.parse(data);
        if (!d) {
          this.pending = Buffer.from(data);
          break;
        }
        if (d.out.length) out.push(d.out);
        data = data.subarray(d.consumed);
        this.follow = d.follow;
        this.remaining = d.length;
        continue;
      }
      const n = Math.min(this.remaining, data.length);
      if (this.follow === 'copy') out.push(data.subarray(0, n));
      else if (this.follow === 'zero') out.push(Buffer.alloc(n));
      data = data.subarray(n);
      this.remaining -= n;
      if (this.remaining === 0) this.follow = 'head';
    }
    return out.length === 1 ? out[0] : Buffer.concat(out);
  }

  /** A header cut short by the end of the file is dropped: it may be the start of metadata. */
  end(): Buffer {
    this.pending = EMPTY;
    return EMPTY;
  }
}

const keep = (head: Buffer, n: number, length: number): Decision => ({
  out: head.subarray(0, n),
  consumed: n,
  follow: 'copy',
  length,
});
const drop = (n: number, length: number): Decision => ({
  out: EMPTY,
  consumed: n,
  follow: 'skip',
  length,
});

/** JPEG markers without a length: TEM, RSTn, SOI. */
const standalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);

/** APPn segments a viewer needs, by marker and identifier. */
const KEPT_APP: [number, string][] = [
  [0xe0, 'JFIF\0'],
  [0xe2, 'ICC_PROFILE\0'],
  [0xee, 'Adobe'],
];

function jpegSegments(): Parser {
  let started = false;
  return (head) => {
    if (!started) {
      if (head.length < 2) return null;
      if (head[0] !== 0xff || head[1] !== 0xd8) return passAll();
      started = true;
      return keep(head, 2, 0);
    }
    if (head.length < 2) return null;
    if (head[0] !== 0xff) return passAll(); // not a marker: leave the rest as it is
    const marker = head[1];
    if (marker === 0xff) return keep(head, 1, 0); // fill byte
    if (standalone(marker)) return keep(head, 2, 0);
    if (marker === 0xd9 || marker === 0xda) return { ...keep(head, 2, 0), follow: 'pass' };
    if (head.length < 4) return null;
    const length = head.readUInt16BE(2);
    if (length < 2) return passAll();
    const isApp = marker >= 0xe0 && marker <= 0xef;
    if (marker === 0xfe) return drop(4, length - 2); // COM
    if (!isApp) return keep(head, 4, length - 2);
    const idBytes = Math.min(length - 2, 12);
    if (head.length < 4 + idBytes) return null;
    const id = ascii(head, 4, 4 + idBytes);
    const kept = KEPT_APP.some(([m, prefix]) => m === marker && id.startsWith(prefix));
    return kept ? keep(head, 4, length - 2) : drop(4, length - 2);
  };
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_TEXT_CHUNKS = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf']);

function pngChunks(): Parser {
  let started = false;
  return (head) => {
    if (!started) {
      if (head.length < 8) return null;
      if (!head.subarray(0, 8).equals(PNG_SIGNATURE)) return passAll();
      started = true;
      return keep(head, 8, 0);
    }
    if (head.length < 8) return null;
    const length = head.readUInt32BE(0) + 4; // data and CRC
    return PNG_TEXT_CHUNKS.has(ascii(head, 4, 8)) ? drop(8, length) : keep(head, 8, length);
  };
}

/** VP8X flag bits that announce EXIF and XMP chunks. */
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function webpChunks(): Parser {
  let started = false;
  return (head) => {
    if (!started) {
      if (head.length < 12) return null;
      if (ascii(head, 0, 4) !== 'RIFF' || ascii(head, 8, 12) !== 'WEBP') return passAll();
      started = true;
      return keep(head, 12, 0);
    }
    if (head.length < 8) return null;
    const type = ascii(head, 0, 4);
    const size = head.readUInt32LE(4);
    const padded = size + (size & 1);
    if (type === 'EXIF' || type === 'XMP ') {
      return { out: head.subarray(0, 8), consumed: 8, follow: 'zero', length: padded };
    }
    if (type === 'VP8X' && padded >= 1) {
      if (head.length < 9) return null;
      const out = Buffer.from(head.subarray(0, 9));
      out[8] &= ~(VP8X_EXIF | VP8X_XMP);
      return { out, consumed: 9, follow: 'copy', length: padded - 1 };
    }
    return keep(head, 8, padded);
  };
}

/** Document-information keys whose string values are blanked. */
const PDF_INFO_KEYS = new Set(['Author', 'Creator', 'Producer', 'Title', 'Subject', 'Keywords']);
const ENDSTREAM = Buffer.from('endstream', 'latin1');
const SPACE = 0x20;
const CR = 0x0d;
const LF = 0x0a;

const isPdfWhitespace = (c: number) =>
  c === 0x00 || c === 0x09 || c === LF || c === 0x0c || c === CR || c === SPACE;
/** ( ) < > [ ] { } / % */
const isPdfDelimiter = (c: number) =>
  c === 0x28 ||
  c === 0x29 ||
  c === 0x3c ||
  c === 0x3e ||
  c === 0x5b ||
  c === 0x5d ||
  c === 0x7b ||
  c === 0x7d ||
  c === 0x2f ||
  c === 0x25;

type PdfMode = 'normal' | 'name' | 'token' | 'comment' | 'afterLt' | 'literal' | 'hex' | 'stream';

/**
 * A small PDF lexer that rewrites in place: it tells names, strings, comments and streams apart
 * (so a "/Author" inside a string or inside stream data is never taken for a key), blanks the
 * string that follows an information key, and blanks XMP metadata streams.
 */
class PdfInfoBlanker implements MetadataStripper {
  private mode: PdfMode = 'normal';
  private word = '';
  /** The information key whose value comes next, if the next token is a string. */
  private valueOfKey = false;
  /** The previous name was /Type: a /Metadata name now marks an XMP stream's dictionary. */
  private afterType = false;
  private metadataDict = false;
  private blankString = false;
  private blankStream = false;
  private depth = 0;
  private escaped = false;
  /** In a stream, the last bytes held back in case "endstream" straddles two chunks. */
  private held = EMPTY;

  write(chunk: Buffer): Buffer {
    const data = this.held.length ? Buffer.concat([this.held, chunk]) : Buffer.from(chunk);
    this.held = EMPTY;
    let i = 0;
    let end = data.length;
    while (i < end) {
      if (this.mode === 'stream') {
        const at = data.indexOf(ENDSTREAM, i);
        const stop = at === -1 ? Math.max(i, data.length - (ENDSTREAM.length - 1)) : at;
        if (this.blankStream) blankRange(data, i, stop);
        if (at === -1) {
          this.held = Buffer.from(data.subarray(stop));
          end = stop;
          break;
        }
        i = at;
        this.mode = 'normal';
        continue;
      }
      if (this.step(data, i)) i++;
    }
    return data.subarray(0, end);
  }

  end(): Buffer {
    const rest = this.held;
    this.held = EMPTY;
    if (this.mode === 'stream' && this.blankStream) blankRange(rest, 0, rest.length);
    return rest;
  }

  /** Handles the byte at i (changing it in place when blanked); false to look at it again. */
  private step(data: Buffer, i: number): boolean {
    const c = data[i];
    switch (this.mode) {
      case 'name':
        if (!isPdfWhitespace(c) && !isPdfDelimiter(c)) {
          if (this.word.length < 64) this.word += String.fromCharCode(c);
          return true;
        }
        this.onName(this.word);
        this.mode = 'normal';
        return false;
      case 'token':
        if (!isPdfWhitespace(c) && !isPdfDelimiter(c)) {
          if (this.word.length < 16) this.word += String.fromCharCode(c);
          return true;
        }
        this.mode = 'normal';
        if (this.word === 'stream') {
          this.mode = 'stream';
          this.blankStream = this.metadataDict;
          this.metadataDict = false;
        } else if (this.word === 'endobj') {
          this.metadataDict = false;
        }
        return false;
      case 'comment':
        if (c === CR || c === LF) this.mode = 'normal';
        return true;
      case 'afterLt':
        if (c === 0x3c) {
          this.mode = 'normal'; // "<<": a dictionary
          this.valueOfKey = false;
          return true;
        }
        this.mode = 'hex';
        return false;
      case 'hex':
        if (c === 0x3e) {
          this.mode = 'normal';
          this.blankString = false;
        } else if (this.blankString && !isPdfWhitespace(c)) {
          data[i] = SPACE;
        }
        return true;
      case 'literal':
        if (this.escaped) this.escaped = false;
        else if (c === 0x5c) this.escaped = true;
        else if (c === 0x28) this.depth++;
        else if (c === 0x29 && --this.depth === 0) {
          this.mode = 'normal';
          this.blankString = false;
          return true;
        }
        if (this.blankString) data[i] = SPACE;
        return true;
      default:
        return this.normal(c);
    }
  }

  private normal(c: number): boolean {
    if (isPdfWhitespace(c)) return true;
    const valueOfKey = this.valueOfKey;
    const afterType = this.afterType;
    this.valueOfKey = false;
    this.afterType = false;
    if (c === 0x2f) {
      this.mode = 'name';
      this.word = '';
      this.afterType = afterType; // read by onName
    } else if (c === 0x25) {
      this.mode = 'comment';
    } else if (c === 0x28) {
      this.mode = 'literal';
      this.depth = 1;
      this.escaped = false;
      this.blankString = valueOfKey;
    } else if (c === 0x3c) {
      this.mode = 'afterLt';
      this.blankString = valueOfKey;
    } else if (!isPdfDelimiter(c)) {
      this.mode = 'token';
      this.word = '';
      return false;
    }
    return true;
  }

  private onName(name: string): void {
    if (this.afterType && name === 'Metadata') this.metadataDict = true;
    this.afterType = name === 'Type';
    this.valueOfKey = PDF_INFO_KEYS.has(name);
  }
}

/** Spaces over [from, to), line breaks kept (a stream's data must still end with its EOL). */
function blankRange(data: Buffer, from: number, to: number): void {
  for (let k = from; k < to; k++) if (data[k] !== CR && data[k] !== LF) data[k] = SPACE;
}
