/**
 * CSV for spreadsheets (attendance, payments for finance): one header line, CRLF line ends, a byte-order mark so
 * spreadsheet programs read names (Siobhán, Róisín) as UTF-8, and no cell a spreadsheet would run as a formula.
 */

/** A CSV cell: quoted when needed, and text that a spreadsheet would run as a formula (= + - @) is defused. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The whole document: the header, then one line per row. */
export function csvDocument(header: string[], rows: (string | number)[][]): string {
  return `\uFEFF${[header.join(','), ...rows.map((r) => r.map(csvCell).join(','))].join('\r\n')}\r\n`;
}
