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

  it('holds each role to its own types', () => {
    expect(acceptedFor('video', 'video/mp4')).toBe(true);
    expect(acceptedFor('poster', 'video/mp4')).toBe(false);
    expect(acceptedFor('document', 'application/pdf')).toBe(true);
    expect(acceptedFor('poster', null)).toBe(false);
  });
});
