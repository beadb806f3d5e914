import { describe, expect, it } from 'vitest';
import { dateTimeFormat } from './dates';

describe('dateTimeFormat', () => {
  const at = new Date('2026-12-06T09:30:00Z');
  const parts = { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' } as const;

  it('writes a language the runtime knows in its own words', () => {
    expect(dateTimeFormat('ko', parts).format(at)).toContain('2026년');
  });

  it('falls back to digits, never English month names, for a language it lacks', () => {
    // "qaa" is a private-use language tag: no runtime has data for it.
    expect(dateTimeFormat('qaa', parts).format(at)).toBe('6/12/2026');
    expect(dateTimeFormat('qaa', { dateStyle: 'medium', timeZone: 'UTC' }).format(at)).toBe(
      '06/12/2026',
    );
  });
});
