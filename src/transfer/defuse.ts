/**
 * Formula defusing for exports, on its own so that the tab's register export
 * does not carry the CSV reader (papaparse) with it.
 */

/**
 * Text a spreadsheet would run as a formula (OWASP CSV injection): a cell
 * that begins with = + - @, also after leading spaces, tabs or line breaks
 * (" =3+3", "\n=1"), and a cell that begins with a tab or a carriage return.
 * Leading apostrophes are looked through, so that text which already begins
 * with ' before such a start gets one more, and the import's `undefuse`
 * (src/domain/import/parse.ts, the same pattern) takes exactly one off.
 */
export const FORMULA_TRIGGER = /^'*(?:[\t\r]|[ \t\r\n]*[=+\-@])/;

/** Text a spreadsheet cannot run: a leading ' before it (the import removes it again). */
export function defuse(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text;
}
