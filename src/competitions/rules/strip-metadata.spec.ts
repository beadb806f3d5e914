import { metadataStripper } from './strip-metadata';

const latin1 = (s: string) => Buffer.from(s, 'latin1');

/** Runs a file through the stripper in chunks of `size` bytes (0: in one piece). */
function strip(mime: string, file: Buffer, size = 0): Buffer {
  const s = metadataStripper(mime)!;
  const out: Buffer[] = [];
  const step = size || file.length;
  for (let i = 0; i < file.length; i += step) out.push(s.write(file.subarray(i, i + step)));
  out.push(s.end());
  return Buffer.concat(out);
}

const CHUNKINGS = [0, 1, 2, 3, 5, 7, 64];

const segment = (marker: number, body: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
};

/** A JPEG with JFIF, an EXIF block naming the artist and GPS, XMP, a comment and image data. */
function jpegWithExif(): Buffer {
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, latin1('JFIF\0\x01\x02\0\0\x01\0\x01\0\0')),
    segment(0xe1, latin1('Exif\0\0MM\0*Artist\0Kim Minji\0GPSLatitude 37.56N')),
    segment(0xe1, latin1('http://ns.adobe.com/xap/1.0/\0<dc:creator>Kim Minji</dc:creator>')),
    segment(0xe2, latin1('ICC_PROFILE\0\x01\x01colour')),
    segment(0xfe, latin1('shot by Kim Minji')),
    segment(0xdb, Buffer.alloc(65, 1)),
    segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
    Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd9]),
  ]);
}

const crc = Buffer.from([1, 2, 3, 4]);
const pngChunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  return Buffer.concat([len, latin1(type), data, crc]);
};

describe('metadataStripper', () => {
  it('strips EXIF, XMP and comments from a JPEG and keeps JFIF, ICC and the image', () => {
    const file = jpegWithExif();
    const expected = Buffer.concat([
      Buffer.from([0xff, 0xd8]),
      segment(0xe0, latin1('JFIF\0\x01\x02\0\0\x01\0\x01\0\0')),
      segment(0xe2, latin1('ICC_PROFILE\0\x01\x01colour')),
      segment(0xdb, Buffer.alloc(65, 1)),
      segment(0xda, Buffer.from([1, 1, 0, 0, 0x3f, 0])),
      Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd9]),
    ]);
    for (const size of CHUNKINGS)
      expect({ size, out: strip('image/jpeg', file, size) }).toEqual({ size, out: expected });
  });

  it('strips text and EXIF chunks from a PNG', () => {
    const ihdr = pngChunk('IHDR', Buffer.alloc(13, 2));
    const idat = pngChunk('IDAT', Buffer.alloc(40, 7));
    const iend = pngChunk('IEND', Buffer.alloc(0));
    const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const file = Buffer.concat([
      sig,
      ihdr,
      pngChunk('tEXt', latin1('Author\0Kim Minji')),
      pngChunk('iTXt', latin1('XML:com.adobe.xmp\0\0\0\0\0<x>Kim Minji</x>')),
      idat,
      pngChunk('zTXt', latin1('Comment\0\0xx')),
      pngChunk('eXIf', latin1('MM\0*GPS')),
      iend,
    ]);
    const expected = Buffer.concat([sig, ihdr, idat, iend]);
    for (const size of CHUNKINGS) expect(strip('image/png', file, size)).toEqual(expected);
  });

  it('zeroes EXIF and XMP in a WebP and clears their VP8X flags, keeping every offset', () => {
    const riffChunk = (type: string, data: Buffer) => {
      const head = Buffer.alloc(8);
      head.write(type, 0, 'latin1');
      head.writeUInt32LE(data.length, 4);
      return Buffer.concat([head, data, data.length % 2 ? Buffer.alloc(1) : Buffer.alloc(0)]);
    };
    const vp8x = Buffer.alloc(10);
    vp8x[0] = 0x0c | 0x10; // EXIF, XMP and alpha
    const body = Buffer.concat([
      latin1('WEBP'),
      riffChunk('VP8X', vp8x),
      riffChunk('VP8 ', Buffer.alloc(20, 9)),
      riffChunk('EXIF', latin1('MM\0*Artist Kim Minji')),
      riffChunk('XMP ', latin1('<x>Kim Minji</x>!')),
    ]);
    const size = Buffer.alloc(4);
    size.writeUInt32LE(body.length);
    const file = Buffer.concat([latin1('RIFF'), size, body]);
    for (const n of CHUNKINGS) {
      const out = strip('image/webp', file, n);
      expect(out.length).toBe(file.length);
      expect(out.toString('latin1')).not.toContain('Kim');
      expect(out[20]).toBe(0x10);
      expect(out.subarray(30, 58)).toEqual(file.subarray(30, 58)); // VP8 image data
    }
  });

  it('blanks a PDF’s information strings and XMP in place, and nothing else', () => {
    const file = latin1(
      [
        '%PDF-1.7',
        '%\xe2\xe3\xcf\xd3 /Author (in a comment) is left',
        '1 0 obj << /Type /Catalog /Pages 2 0 R /Metadata 4 0 R >> endobj',
        '3 0 obj << /Length 44 >> stream',
        'BT (/Author \\(Kim Minji\\) is text) Tj ET',
        'endstream endobj',
        '4 0 obj << /Type/Metadata /Subtype /XML /Length 60 >>',
        'stream',
        '<x:xmpmeta><dc:creator>Kim Minji</dc:creator></x:xmpmeta>',
        'endstream',
        'endobj',
        '5 0 obj',
        '<< /Author (Kim \\(Minji\\) (the (nested) one)) /Title<4B696D204D696E6A69>',
        '   /Creator (Word for Kim Minji) /Producer(pdfKim) /CreationDate (D:20270101)',
        '   /Subject /Keywords (Kim, Minji) >>',
        'endobj',
        'trailer << /Root 1 0 R /Info 5 0 R >>',
        '%%EOF',
      ].join('\n'),
    );
    for (const size of CHUNKINGS) {
      const out = strip('application/pdf', file, size);
      expect(out.length).toBe(file.length);
      const text = out.toString('latin1');
      expect(text.split('\n').length).toBe(file.toString('latin1').split('\n').length);
      expect(text).toContain('BT (/Author \\(Kim Minji\\) is text) Tj ET'); // page content
      const blank = (inner: string) => ' '.repeat(inner.length);
      expect(text).toContain(
        `/Author (${blank('Kim \\(Minji\\) (the (nested) one)')}) /Title<${blank('4B696D204D696E6A69')}>`,
      );
      expect(text).toContain('/Keywords (          ) >>');
      expect(text).not.toMatch(/Kim Minji<\/dc|Word for|pdfKim|4B69/);
      expect(text).toContain(
        `\nstream\n${blank('<x:xmpmeta><dc:creator>Kim Minji</dc:creator></x:xmpmeta>')}\nendstream\n`,
      );
      expect(text.indexOf('trailer')).toBe(file.toString('latin1').indexOf('trailer'));
    }
  });

  it('leaves files it does not understand as they are, and strips nothing from videos', () => {
    const notJpeg = latin1('GIF89a not a jpeg');
    expect(strip('image/jpeg', notJpeg, 3)).toEqual(notJpeg);
    expect(metadataStripper('video/mp4')).toBeNull();
  });
});
