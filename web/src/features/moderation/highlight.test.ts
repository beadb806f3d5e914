import { describe, expect, it } from 'vitest';
import { appearsIn, highlight } from './highlight';

describe('highlight', () => {
  it('marks every place a finding appears, ignoring case, and keeps the rest as it is', () => {
    const body = 'Call 010-1234-5678 or LINE id noy99. Again: 010-1234-5678!';
    const pieces = highlight(body, [{ text: '010-1234-5678' }, { text: 'line id noy99' }]);
    expect(pieces.map((p) => p.text).join('')).toBe(body);
    expect(pieces.filter((p) => p.found).map((p) => p.text)).toEqual([
      '010-1234-5678',
      'LINE id noy99',
      '010-1234-5678',
    ]);
  });

  it('joins overlapping findings into one mark', () => {
    const pieces = highlight('write to kim@mail.com', [
      { text: 'kim@mail.com' },
      { text: 'mail.com' },
    ]);
    expect(pieces).toEqual([
      { text: 'write to ', found: false },
      { text: 'kim@mail.com', found: true },
    ]);
  });

  it('leaves the letter unmarked for a normalised finding, which is listed instead', () => {
    const body = 'ເບີ ໐໒໐ ໕໕໕໕';
    expect(highlight(body, [{ text: '020 5555' }])).toEqual([{ text: body, found: false }]);
    expect(appearsIn(body, '020 5555')).toBe(false);
    expect(appearsIn(body, 'ເບີ')).toBe(true);
    expect(highlight('', [{ text: 'x' }])).toEqual([]);
  });
});
