/**
 * Wall-clock times in a named time zone (the programme's) ↔ instants, with Intl only: a
 * competition's window is typed as the programme's local time and sent to the API as UTC.
 */

const partsIn = (instant: number, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return {
    year: get('year'),
    month: get('month'),
    day: get('day'),
    hour: get('hour'),
    minute: get('minute'),
    second: get('second'),
  };
};

/** The zone's offset from UTC at that instant, in milliseconds (e.g. +7 h for Asia/Jakarta). */
export function offsetAt(instant: number, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * `YYYY-MM-DDTHH:mm` read in `timeZone` → ISO instant (Z), or null when the text is not a time.
 * A wall time skipped by a daylight-saving jump is read with the offset before the jump.
 */
export function wallToIso(wall: string, timeZone: string): string | null {
  const m = WALL.exec(wall);
  if (!m) return null;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
  if (Number.isNaN(guess)) return null;
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return new Date(second).toISOString();
}

/** ISO instant → `YYYY-MM-DDTHH:mm` as a clock in `timeZone` reads it (for a datetime-local input). */
export function isoToWall(iso: string, timeZone: string): string {
  const p = partsIn(new Date(iso).getTime(), timeZone);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
