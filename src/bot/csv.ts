/**
 * CSV as RFC 4180 has it (CRLF between records, a field in double quotes when it holds a comma, a
 * quote or a line break, a quote doubled inside), made safe to open in a spreadsheet: a cell that
 * starts with = + - @ (or a tab or carriage return) would run as a formula there, so it gets a
 * leading apostrophe, which spreadsheets show as text (OWASP's "CSV injection" advice).
 * The file starts with a UTF-8 byte order mark, without which Excel reads Cyrillic as Latin-1.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return `\uFEFF${rows.map((row) => row.map((cell) => csvField(String(cell))).join(",")).join("\r\n")}\r\n`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
