/** The ten ASEAN countries in the order the report lists them, then Korea. */
export const ASEAN = ['BN', 'KH', 'ID', 'LA', 'MY', 'MM', 'PH', 'SG', 'TH', 'VN'] as const;
export const ALL_COUNTRIES = [...ASEAN, 'KR'] as const;

/** `<input type="datetime-local">` value → ISO moment in the browser's time zone. */
export const fromLocalInput = (value: string): string => new Date(value).toISOString();

/** ISO moment → `<input type="datetime-local">` value in the browser's time zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
