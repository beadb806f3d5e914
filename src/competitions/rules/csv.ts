export type CsvValue = string | number | boolean | null | undefined;

/**
 * One RFC 4180 cell. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the
 * start) gets a leading apostrophe, because an exported team name must never execute.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvRow = (values: readonly CsvValue[]): string =>
  `${values.map(csvCell).join(',')}\r\n`;

/** Excel only reads a CSV as UTF-8 (and keeps 김민지 and สมชาย intact) when it starts with a BOM. */
export const UTF8_BOM = '\uFEFF';
