import { describe, expect, it } from 'vitest';
import { formatInstant } from './format';

describe('formatInstant', () => {
  it('says the date, the time and the zone in the chosen language (Thai with Buddhist years)', () => {
    const at = '2027-03-31T14:59:00Z';
    expect(formatInstant(at, 'en', 'Asia/Seoul')).toMatch(/Mar 31, 2027.*11:59.*GMT\+9/);
    expect(formatInstant(at, 'th', 'Asia/Bangkok')).toContain('2570');
    for (const locale of ['ko', 'lo', 'km', 'my', 'zh', 'fil']) {
      expect(formatInstant(at, locale, 'Asia/Vientiane')).not.toBe('');
    }
  });
});
