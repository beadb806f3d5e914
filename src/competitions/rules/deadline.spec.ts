import { effectiveClose, nextWindowChange, windowState } from './deadline';

describe('deadlines', () => {
  const opens = new Date('2027-01-01T00:00:00Z');
  const closes = new Date('2027-03-01T00:00:00Z');

  it('uses an extension only when it is later', () => {
    const later = new Date('2027-03-02T00:00:00Z');
    expect(effectiveClose(closes, later)).toBe(later);
    expect(effectiveClose(closes, new Date('2027-02-01T00:00:00Z'))).toBe(closes);
    expect(effectiveClose(closes, null)).toBe(closes);
  });

  it('closes exactly at the closing instant', () => {
    expect(windowState(opens, closes, new Date(closes.getTime() - 1))).toBe('open');
    expect(windowState(opens, closes, closes)).toBe('closed');
    expect(windowState(opens, closes, new Date(opens.getTime() - 1))).toBe('not_open');
    expect(windowState(opens, closes, opens)).toBe('open');
  });

  it('names the next instant the state changes at, whatever side of it now is', () => {
    const at = (ms: number) => nextWindowChange(opens, closes, new Date(ms));
    expect(at(opens.getTime() - 1)).toBe(opens.getTime());
    expect(at(opens.getTime())).toBe(closes.getTime());
    expect(at(closes.getTime() - 1)).toBe(closes.getTime());
    expect(at(closes.getTime())).toBe(Infinity);
    for (const ms of [opens.getTime() - 1, opens.getTime(), closes.getTime() - 1]) {
      const next = at(ms);
      expect(windowState(opens, closes, new Date(next - 1))).toBe(
        windowState(opens, closes, new Date(ms)),
      );
      expect(windowState(opens, closes, new Date(next))).not.toBe(
        windowState(opens, closes, new Date(ms)),
      );
    }
  });
});
