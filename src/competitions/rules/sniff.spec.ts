import { acceptedFor, sniff } from './sniff';

const bytes = (...parts: (number[] | string)[]) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );

describe('sniff', () => {
  const mp4 = bytes([0, 0, 0, 0x20], 'ftypisom', [0, 0, 2, 0]);
  const mov = bytes([0, 0, 0, 0x14], 'ftypqt  ', [0, 0, 0, 0]);
  const oldMov = bytes([0, 0, 0, 0x08], 'wide', [0, 0, 0, 0]);
  const webm = bytes(
    [0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x84],
    'webm',
  );
  const mkv = bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x88], 'matroska');
  const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF');
  const webp = bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 ');
  const pdf = bytes('%PDF-1.7\n');

  it.each([
    [mp4, 'video/mp4'],
    [mov, 'video/quicktime'],
    [oldMov, 'video/quicktime'],
    [webm, 'video/webm'],
    [png, 'image/png'],
    [jpeg, 'image/jpeg'],
    [webp, 'image/webp'],
    [pdf, 'application/pdf'],
  ])('recognises %#', (head, mime) => {
    expect(sniff(head)).toBe(mime);
  });

  it('recognises nothing in a shell script, HTML, an empty file, a WAV or Matroska', () => {
    expect(sniff(Buffer.from('#!/bin/sh\nrm -rf /\n'))).toBeNull();
    expect(sniff(Buffer.from('<html><body>'))).toBeNull();
    expect(sniff(Buffer.alloc(0))).toBeNull();
    expect(sniff(bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '))).toBeNull();
    expect(sniff(mkv)).toBeNull();
  });

  // The first bytes of real files, as cameras, phones, encoders and photo/music apps write them.
  const hex = (h: string) => Buffer.from(h.replace(/\s/g, ''), 'hex');
  it.each([
    [
      'ffmpeg MP4',
      '00000020 66747970 69736f6d 00000200 69736f6d 69736f32 61766331 6d703431',
      'video/mp4',
    ],
    ['Android camera MP4', '00000018 66747970 6d703432 00000000 69736f6d 6d703432', 'video/mp4'],
    ['GoPro MP4', '00000014 66747970 6d703431 20130731 6d703431', 'video/mp4'],
    ['iTunes M4V', '0000001c 66747970 4d345620 00000001 4d345620 4d344120 6d703432', 'video/mp4'],
    ['DASH segment', '00000018 66747970 64617368 00000000 69736f36 6d703431', 'video/mp4'],
    ['iPhone MOV', '00000014 66747970 71742020 00000000 71742020', 'video/quicktime'],
    ['iPhone HEIC photo', '00000018 66747970 68656963 00000000 6d696631 68656963', null],
    ['AVIF photo', '00000020 66747970 61766966 00000000 61766966 6d696631 6d696166 4d413142', null],
    ['AVIF sequence', '0000001c 66747970 61766973 00000000 61766973 6d736631 69736f38', null],
    ['M4A song', '00000020 66747970 4d344120 00000000 4d344120 6d703432 69736f6d 00000000', null],
    [
      'M4B audiobook',
      '00000020 66747970 4d344220 00000000 4d344220 6d703432 69736f6d 00000000',
      null,
    ],
    ['3GP clip', '00000014 66747970 33677034 00000000 33677034', null],
    ['JPEG 2000', '0000000c 6a502020 0d0a870a 00000014 66747970 6a703220', null],
  ])('reads the ftyp brand of a %s', (_name, head, mime) => {
    expect(sniff(hex(head))).toBe(mime);
  });

  it('holds each role to its own types', () => {
    expect(acceptedFor('video', 'video/mp4')).toBe(true);
    expect(acceptedFor('poster', 'video/mp4')).toBe(false);
    expect(acceptedFor('document', 'application/pdf')).toBe(true);
    expect(acceptedFor('poster', null)).toBe(false);
  });
});
